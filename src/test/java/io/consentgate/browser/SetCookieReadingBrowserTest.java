package io.consentgate.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentgate.ConsentDecision;
import io.consentgate.Policy;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.jetty.ConsentGateJetty;
import io.consentgate.response.CookieGate;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.devtools.v156.network.model.Cookie;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What a real Chromium stores from the {@code Set-Cookie} headers an application writes oddly, behind ConsentGate on
 * Jetty: the gate must read each one as the browser does once the container has sent it. The visitor has not
 * consented (the default policy refuses analytics and marketing); the application also sets its own {@code theme}
 * cookie, which must stay. The other way round, a header the gate lets through as a deletion must store nothing.
 */
@Tag("browser")
class SetCookieReadingBrowserTest {

    private static final String HOSTS = "--host-resolver-rules=MAP www.shop.example 127.0.0.1,"
            + " MAP * 127.0.0.1:" + Chromium.CLOSED_PORT + ", EXCLUDE 127.0.0.1";

    private static Server server;
    private static BrowserSession browser;

    @BeforeAll
    static void start() throws Exception {
        if (!Chromium.installed()) {
            Chromium.announceSkip();
            return;
        }
        Chromium.requireClosedPort();
        ServletContextHandler context = new ServletContextHandler("/");
        // A first-party tracker whose generic cookie counts only on the shop's own domain.
        ConsentGateJetty.install(context, Policy.builder().catalog(TrackerCatalog.bundled().withOverrides(
                TrackerCatalog.fromJson(new ObjectMapper().readTree("""
                        {"trackers": [{"id": "in-house-stats", "name": "In-house stats", "owner": "Shop",
                          "categories": ["analytics"], "cookies": [{"name": "sid", "generic": true}],
                          "cookieDomains": ["shop.example"]}]}
                        """)))).build());
        context.addServlet(new SetCookiePage(), "/");
        server = LoopbackJetty.start(context);
        browser = BrowserSession.start(List.of(HOSTS));
    }

    @AfterAll
    static void stop() throws Exception {
        LoopbackJetty.stop(browser, server);
    }

    @BeforeEach
    void firstVisit() {
        Chromium.assumeInstalled();
        browser.reset();
    }

    /**
     * The cookies are set on {@code /page}, a path the default {@code cookie-expiry-paths} ({@code /}) does not cover:
     * a refused cookie that gets through stays, as the expiries of later responses never reach it.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        // Chromium takes the last Max-Age or Expires whatever it says; one it cannot parse makes a session cookie
        "_ga=GA1.1.1.1; Path=/page; Max-Age=0; Max-Age=soon",
        "_ga=GA1.1.1.1; Path=/page; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Expires=never",
        // a past date to RFC 6265, none to Chromium: "1st" is a year there, and the day is missing
        "_ga=GA1.1.1.1; Path=/page; Expires=Thu, 1st Jan 1970 00:00:00 GMT",
        // Jetty sends control characters and characters beyond Latin-1 as spaces, which Chromium trims
        "\u0001_ga=GA1.1.1.1; Path=/page",
        "_ga\u200b=GA1.1.1.1; Path=/page",
        "_ga=GA1.1.1.1; Path=/page; Max-Age=0; \u0001Max-Age=3600",
        "sid=abc; Path=/page; Domain=\u0001shop.example",
    })
    void aTrackerCookieTheGateLetsThroughIsNotStored(String setCookie) {
        browser.open(LoopbackJetty.origin(server, "www.shop.example")
                + "/page?set=" + URLEncoder.encode(setCookie, StandardCharsets.UTF_8));
        assertEquals(Set.of("theme"), cookieNames(), setCookie);
    }

    /** A header the gate passes as a deletion must store nothing in Chromium (it would be a refused cookie). */
    @ParameterizedTest
    @ValueSource(strings = {
        "_ga=GA1.1.1.1; Path=/page; Max-Age=0",
        "_ga=GA1.1.1.1; Path=/page; max-age=-1",
        "_ga=GA1.1.1.1; Path=/page; Max-Age=00",
        "_ga=GA1.1.1.1; Path=/page; Max-Age=3600; Max-Age=0",
        "_ga=GA1.1.1.1; Path=/page; Max-Age=0; Expires=Thu, 01 Jan 2099 00:00:00 GMT",
        "_ga=GA1.1.1.1; Path=/page; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        "_ga=GA1.1.1.1; Path=/page; expires=Thu, 01-Jan-1970 00:00:00 GMT",
        "_ga=GA1.1.1.1; Path=/page; Expires=Thursday, 01-Jan-70 00:00:00 GMT",
        "_ga=GA1.1.1.1; Path=/page; Expires=Thu Jan  1 00:00:00 1970",
        "_ga=GA1.1.1.1; Path=/page; Expires=Fri, 01 Jan 1970 00:00:00 GMT",
        "_ga=GA1.1.1.1; Path=/page; Expires=1 jan 1970 00:00:01",
        "_ga=GA1.1.1.1; Path=/page; Expires=Sat, 15-Mar-2025 10:00:00 GMT",
        "_ga=GA1.1.1.1; Path=/page; Max-Age; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
    })
    void aDeletionTheGatePassesStoresNothing(String setCookie) {
        assertFalse(new CookieGate(TrackerCatalog.bundled(), List.of("/")).refuses(setCookie,
                ConsentDecision.refuseAll()), "the gate lets it through: " + setCookie);
        browser.open(LoopbackJetty.origin(server, "www.shop.example")
                + "/page?set=" + URLEncoder.encode(setCookie, StandardCharsets.UTF_8));
        assertEquals(Set.of("theme"), cookieNames(), setCookie);
    }

    private static Set<String> cookieNames() {
        return browser.cookies().stream().map(Cookie::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A page that sets the {@code Set-Cookie} its {@code set} parameter names, then its own {@code theme}. */
    static final class SetCookiePage extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.addHeader("Set-Cookie", req.getParameter("set"));
            resp.addHeader("Set-Cookie", "theme=dark; Path=/");
            resp.setContentType("text/html; charset=UTF-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.getWriter().write("<!DOCTYPE html><title>Shop</title><p>Welcome.");
        }
    }
}
