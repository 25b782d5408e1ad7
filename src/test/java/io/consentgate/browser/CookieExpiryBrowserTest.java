package io.consentgate.browser;

import io.consentgate.ConsentMode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentgate.Policy;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.jetty.ConsentGateJetty;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.devtools.v156.network.model.Cookie;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a real Chromium keeps after ConsentGate expires the tracker cookies a page set with JavaScript (the visitor has
 * not consented: the default policy refuses analytics and marketing).
 *
 * <p>The browser maps {@code www.shop.example} and {@code localhost} to the fixture server on 127.0.0.1 (everything
 * else to the closed port, as {@link Chromium#flags} does), so cookies can carry {@code Domain=shop.example}. Secure
 * and partitioned cookies are planted on {@code http://localhost}, which Chromium treats as a secure context; the
 * server learns "HTTPS" from {@code X-Forwarded-Proto}, as behind a TLS-terminating proxy.
 */
@Tag("browser")
class CookieExpiryBrowserTest {

    /** Replaces the rule of {@link Chromium#flags} (the last {@code --host-resolver-rules} on the command line wins). */
    private static final String HOSTS = "--host-resolver-rules=MAP www.shop.example 127.0.0.1, MAP localhost 127.0.0.1,"
            + " MAP * 127.0.0.1:" + Chromium.CLOSED_PORT + ", EXCLUDE 127.0.0.1";

    private static Server server;
    /** Opt-out mode with {@code clear-site-data=true}: without a stored refusal every category is allowed. */
    private static Server optOut;
    private static BrowserSession browser;

    @BeforeAll
    static void start() throws Exception {
        if (!Chromium.installed()) {
            Chromium.announceSkip();
            return;
        }
        Chromium.requireClosedPort();
        server = start(Policy.builder().catalog(TrackerCatalog.bundled().withOverrides(TrackerCatalog.fromJson(
                new ObjectMapper().readTree("""
                        {"trackers": [{"id": "in-house-stats", "name": "In-house stats", "owner": "Shop",
                          "categories": ["analytics"], "cookies": ["__Host-stats_id", "__Secure-stats_seen"]}]}
                        """)))).build());
        optOut = start(Policy.builder().mode(ConsentMode.OPT_OUT).clearSiteData(true).build());
        browser = BrowserSession.start(List.of(HOSTS));
    }

    private static Server start(Policy policy) throws Exception {
        HttpConfiguration config = new HttpConfiguration();
        config.addCustomizer(new ForwardedRequestCustomizer());
        ServletContextHandler context = new ServletContextHandler("/");
        ConsentGateJetty.install(context, policy);
        context.addServlet(new BlankPage(), "/");
        return LoopbackJetty.start(context, config);
    }

    @AfterAll
    static void stop() throws Exception {
        LoopbackJetty.stop(browser, server, optOut);
    }

    @BeforeEach
    void firstVisit() {
        Chromium.assumeInstalled();
        browser.reset();
    }

    @Test
    void scriptSetTrackerCookiesOnTheHostAndTheParentDomainAreDeleted() {
        String site = url("www.shop.example");
        browser.open(site);
        plant("_ga=GA1.1.1.1; domain=.shop.example; path=/",
                "_gcl_au=1.1.1; domain=shop.example; path=/",
                "li_fat_id=abc; domain=www.shop.example; path=/",
                "_gid=GA1.1.2.2; path=/",
                "_hjSessionUser_1234=eyJ9; path=/",
                "theme=dark; path=/");
        assertEquals(Set.of("_ga", "_gcl_au", "li_fat_id", "_gid", "_hjSessionUser_1234", "theme"), cookieNames(),
                "the page's script stored its cookies");

        browser.open(site);
        assertEquals(Set.of("theme"), cookieNames(), "only the application's own cookie is left");
    }

    @Test
    void secureAndPartitionedTrackerCookiesAreDeletedOnHttps() {
        browser.sendOnEveryRequest("X-Forwarded-Proto", "https");
        String site = url("localhost");
        browser.open(site);
        plant("_ga=GA1.1.1.1; Secure; path=/",
                "_ttp=abc; SameSite=None; Secure; path=/",
                "_clck=1abc; Secure; Partitioned; path=/",
                "_uetsid=0123; SameSite=None; Secure; Partitioned; path=/",
                "theme=dark; Secure; Partitioned; path=/");
        assertEquals(Set.of("_ga", "_ttp", "_clck", "_uetsid", "theme"), cookieNames(),
                "the page's script stored its cookies");

        browser.open(site);
        assertEquals(Set.of("theme"), cookieNames(), "only the application's own cookie is left");
    }

    /** Browsers take a cookie named {@code __Secure-…} or {@code __Host-…} (any case) only with {@code Secure}. */
    @Test
    void prefixedTrackerCookiesAreDeleted() {
        browser.sendOnEveryRequest("X-Forwarded-Proto", "https");
        String site = url("localhost");
        browser.open(site);
        plant("__Host-stats_id=1; Secure; path=/",
                "__Secure-stats_seen=1; Secure; path=/",
                "__secure-stats_seen=1; Secure; path=/",
                "__Secure-theme=dark; Secure; path=/");
        assertEquals(Set.of("__Host-stats_id", "__Secure-stats_seen", "__secure-stats_seen", "__Secure-theme"),
                cookieNames(), "the page's script stored its cookies");

        browser.open(site);
        assertEquals(Set.of("__secure-stats_seen", "__Secure-theme"), cookieNames(),
                "only cookies the catalog does not name are left (names are case-sensitive)");
    }

    @Test
    void inOptOutModeAWithdrawalWithClearSiteDataOnStaysStored() {
        String site = url(optOut, "localhost");
        browser.open(site);
        plant("_ga=GA1.1.1.1; path=/", "theme=dark; path=/");
        assertTrue(consent("\"analytics\", \"marketing\"").startsWith("200 "), "the grant was stored");

        assertTrue(consent("").startsWith("200 "), "the withdrawal was answered");
        Set<String> left = cookieNames();
        assertTrue(left.contains(Policy.defaults().consentCookieName()), "the withdrawal is stored, cookies: " + left);
        assertFalse(left.contains("_ga"), "the tracker cookie is expired, cookies: " + left);

        browser.open(site);
        String decision = (String) browser.evaluate("(() => { const x = new XMLHttpRequest();"
                + " x.open('GET', '/consent', false); x.send(); return x.responseText; })()");
        assertTrue(decision.contains("\"refused\":[\"functional\",\"analytics\",\"marketing\"]"),
                "the next request is still refused: " + decision);
    }

    /** Posts the categories to the consent endpoint from the page; returns the status and the decision JSON. */
    private static String consent(String categories) {
        return (String) browser.evaluate("(() => { const x = new XMLHttpRequest(); x.open('POST', '/consent', false);"
                + " x.setRequestHeader('Content-Type', 'application/json');"
                + " x.send(JSON.stringify({categories: [" + categories + "]}));"
                + " return x.status + ' ' + x.responseText; })()");
    }

    private static String url(String host) {
        return url(server, host);
    }

    private static String url(Server s, String host) {
        return LoopbackJetty.origin(s, host) + "/page";
    }

    private static void plant(String... cookies) {
        for (String c : cookies) {
            browser.evaluate("(document.cookie = '" + c + "')");
        }
    }

    private static Set<String> cookieNames() {
        return browser.cookies().stream().map(Cookie::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** An application page that sets no cookie of its own. */
    static final class BlankPage extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html; charset=UTF-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.getWriter().write("<!DOCTYPE html><title>Shop</title><p>Welcome.");
        }
    }
}
