package io.consentgate.matrix;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.RewriteStream;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.util.ServerInfo;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Servlet 6.1's redirects ({@code sendRedirect(location, sc[, clearBuffer])}, {@code sendRedirect(location,
 * clearBuffer)}) on Tomcat 11 with its own 6.1 API classes, as a deployed application sees them, and on Jetty 12.1's
 * Servlet 6.1 environment (ee11). Without the
 * wrapper's 6.1 doors, the 6.1 {@code HttpServletResponseWrapper} hands these straight to the container: the body the
 * filter holds is lost when the application asked to keep it, and the commit-time headers (cookie expiries, Tk) are
 * never written. Run by the build's {@code servlet-6.1} execution only: the default test class path puts the 6.0 API
 * first, where these methods do not exist.
 */
class Servlet61RedirectTest {

    private static BothContainers servers;
    private static BothContainers neutralizing;

    @BeforeAll
    static void start() throws Exception {
        servers = new BothContainers(Map.of());
        neutralizing = new BothContainers(Map.of("html-mode", "neutralize"));
    }

    @AfterAll
    static void stop() throws Exception {
        servers.close();
        neutralizing.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void redirectOnACommittedResponseThrowsAndChangesNothing(String kind) throws Exception {
        HttpTester.Response r = get(servers.server(kind), "/redirect61?form=committed");
        assertEquals(200, r.getStatus());
        assertEquals(null, r.get("Location"));
        assertEquals(new String(rewritten(Redirects61.PAGE + "<p>after</p>"), StandardCharsets.UTF_8), r.getContent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void keptBodyThatGrowsWhenNeutralizedStillGoesOutWithTheRedirect(String kind) throws Exception {
        HttpTester.Response r = get(neutralizing.server(kind), "/redirect61?form=big-keep");
        assertEquals(303, r.getStatus(), r.getContent().length() + " bytes");
        assertTrue(r.get("Location").endsWith("/moved/here"), r.get("Location"));
        assertTrue(r.getContent().length() > Redirects61.PIXELS.length(), r.getContent().length() + " bytes");
        assertFalse(r.getContent().contains("<img src=\"https://bat.bing.com"), r.getContent());
        assertTrue(r.getContent().contains("<img data-src=\"https://bat.bing.com"), r.getContent());
    }

    @Test
    void runsOnTomcat11AndJettyEe11WithTheServlet61Api() throws Exception {
        assertTrue(Boolean.getBoolean("consentgate.test.jetty.ee11"), "Jetty runs its ee11 environment");
        assertTrue(ServerInfo.getServerNumber().startsWith("11."), ServerInfo.getServerNumber());
        assertNotNull(HttpServletResponse.class.getMethod("sendRedirect", String.class, int.class, boolean.class));
    }

    @ParameterizedTest(name = "{0}, {1}, {2}: status {3}")
    @CsvSource({
        "jetty, sc-keep, stream, 303", "jetty, sc-keep, writer, 303", "jetty, keep, stream, 302",
        "jetty, keep, writer, 302",
        "tomcat, sc-keep, stream, 303", "tomcat, sc-keep, writer, 303", "tomcat, keep, stream, 302",
        "tomcat, keep, writer, 302"
    })
    void redirectKeepingTheBodySendsTheRewrittenBody(String kind, String form, String body, int status)
            throws Exception {
        HttpTester.Response r = get(servers.server(kind), "/redirect61?form=" + form + "&body=" + body);
        assertEquals(status, r.getStatus());
        assertTrue(r.get("Location").endsWith("/moved/here"), r.get("Location"));
        assertEquals(new String(rewritten(Redirects61.PAGE), StandardCharsets.UTF_8), r.getContent());
        assertFalse(r.getContent().contains("bat.bing.com"), r.getContent());
        assertTrue(r.getContent().contains("<p>This product moved.</p>"), r.getContent());
        assertCommitHeaders(r);
    }

    /**
     * A visitor who allowed everything gets the body as written; ConsentGate must not frame it with its length,
     * which makes Tomcat commit the response before the redirect's status is set.
     */
    @ParameterizedTest(name = "{0}, {1}, {2}: status {3}")
    @CsvSource({"jetty, sc-keep, stream, 303", "jetty, keep, writer, 302", "tomcat, sc-keep, stream, 303",
        "tomcat, keep, writer, 302"})
    void redirectKeepingTheBodyOfAPagePassedThroughIsStillARedirect(String kind, String form, String body,
            int status) throws Exception {
        String consent = "cg_consent=1.functional+analytics+marketing.1." + System.currentTimeMillis() / 1000
            + ".AAAAAAAAAAAAAAAAAAAAAA";
        HttpTester.Response r = get(servers.server(kind), "/redirect61?form=" + form + "&body=" + body, consent);
        assertEquals(status, r.getStatus(), r.getContent());
        assertTrue(r.get("Location").endsWith("/moved/here"), r.get("Location"));
        assertEquals(Redirects61.PAGE, r.getContent());
    }

    @ParameterizedTest(name = "{0}, {1}, {2}: status {3}")
    @CsvSource({
        "jetty, sc-clear, stream, 307", "jetty, sc-clear, writer, 307", "jetty, sc, stream, 301",
        "jetty, sc, writer, 301",
        "tomcat, sc-clear, stream, 307", "tomcat, sc-clear, writer, 307", "tomcat, sc, stream, 301",
        "tomcat, sc, writer, 301"
    })
    void redirectClearingTheBodySendsNoneOfIt(String kind, String form, String body, int status) throws Exception {
        HttpTester.Response r = get(servers.server(kind), "/redirect61?form=" + form + "&body=" + body);
        assertEquals(status, r.getStatus());
        assertTrue(r.get("Location").endsWith("/moved/here"), r.get("Location"));
        assertFalse(r.getContent().contains("This product moved"), r.getContent());
        assertFalse(r.getContent().contains("bat.bing.com"), r.getContent());
        assertCommitHeaders(r);
    }

    /** The refused cookie the application set is gone, the one the browser sent is expired, Tk is set. */
    private static void assertCommitHeaders(HttpTester.Response r) {
        List<String> cookies = r.getValuesList("Set-Cookie");
        assertTrue(cookies.stream().noneMatch(c -> c.startsWith("_ga=GA1")), cookies.toString());
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("_ga=; Max-Age=0")), cookies.toString());
        assertNotNull(r.get("Tk"), r.toString());
        assertFalse(r.getContent().contains("AFTER"), r.getContent());
    }

    private static HttpTester.Response get(MatrixServer server, String target) throws Exception {
        return get(server, target, null);
    }

    private static HttpTester.Response get(MatrixServer server, String target, String consent) throws Exception {
        byte[] raw = server.exchange("GET " + target + " HTTP/1.1\nHost: www.shop.example\n"
                + "Cookie: _ga=GA1.2.33.44" + (consent == null ? "" : "; " + consent) + "\nConnection: close\n\n");
        HttpTester.Response r = HttpTester.parseResponse(ByteBuffer.wrap(raw));
        assertNotNull(r, ScenarioMatrixTest.head(raw));
        assertTrue(r.isComplete(), ScenarioMatrixTest.head(raw));
        return r;
    }

    private static byte[] rewritten(String page) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlRewriter rewriter = HtmlRewriter.builder(TrackerCatalog.bundled()).build();
        try (RewriteStream s = rewriter.open(ConsentDecision.refuseAll(), StandardCharsets.UTF_8, out, null)) {
            s.write(page.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
