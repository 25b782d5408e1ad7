package io.consentgate.demo;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo as deployed from its web.xml (every init-param present) answers as the README promises. */
class DemoServerTest {

    private static Server server;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        server = DemoServer.start(0, "127.0.0.1");
        base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSummaryLineSaysWhatTheDemoEnforces() {
        String s = DemoServer.summary(DemoServer.policy(server));
        assertEquals(1, s.lines().count(), s);
        for (String part : new String[] {"opt-in", "Sec-GPC: 1 refuses marketing", "DNT: 1 refuses analytics,marketing",
            "honours klaro", "consent endpoint /consent", "removed from HTML", "access log combined"}) {
            assertTrue(s.contains(part), part + " in: " + s);
        }
    }

    /**
     * The README starts the demo with {@code mvn -q ... exec:java}: {@code -q} sets the simple logger's default level
     * to {@code error} for the whole JVM, which exec:java shares with the demo. The URL, the summary and ConsentGate's
     * own log (what it enforces, then one access log line per request) must still reach the console.
     */
    @Test
    void quietMavensLogLevelStillShowsTheUrlTheSummaryAndConsentGatesLog() throws Exception {
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                "-Ddemo.port=0", "-Ddemo.webapp=" + System.getProperty("demo.webapp"), DemoServer.class.getName())
                .redirectErrorStream(true).start();
        try {
            java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                    p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            java.util.concurrent.CompletableFuture<String> seen = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> {
                        StringBuilder all = new StringBuilder();
                        try {
                            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                                all.append(line).append('\n');
                                if (line.startsWith("  enforcing ")) {
                                    return all.toString();
                                }
                            }
                        } catch (java.io.IOException e) {
                            all.append(e);
                        }
                        throw new IllegalStateException("the demo ended without its summary:\n" + all);
                    });
            String out = seen.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(out.matches("(?s).*ConsentGate demo on http://localhost:\\d+/ .*"), out);
            assertTrue(out.contains("INFO io.consentgate.ConsentGateFilter - ConsentGate "), out);
        } finally {
            p.destroy();
            p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void homePageWithGpcCarriesTkAndVary() throws Exception {
        HttpResponse<String> r = get("/", "Sec-GPC", "1");
        assertEquals(200, r.statusCode());
        assertEquals("N", r.headers().firstValue("Tk").orElse(""));
        assertTrue(r.headers().firstValue("Vary").orElse("").contains("Sec-GPC"));
        assertTrue(r.body().contains("Harbour Tea Co."));
    }

    @Test
    void gpcJsonCarriesTheConfiguredDate() throws Exception {
        HttpResponse<String> r = get("/.well-known/gpc.json");
        assertEquals(200, r.statusCode());
        assertEquals("{\"gpc\":true,\"lastUpdate\":\"2026-11-28\"}", r.body());
    }

    @Test
    void consentFormPostGrantsAndTheDecisionPageShowsIt() throws Exception {
        HttpResponse<String> post = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/consent"))
                .header("Origin", base)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("categories=analytics&return=%2Fdecision")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, post.statusCode());
        assertEquals("/decision", post.headers().firstValue("Location").orElse(""));
        String cookie = post.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

        HttpResponse<String> page = get("/decision", "Cookie", cookie);
        assertTrue(page.body().contains("<tr><td>analytics</td><td class=yes>yes</td><td>consent</td></tr>"),
                page.body());
        assertTrue(page.body().contains("<tr><td>marketing</td><td class=no>no</td><td>consent</td></tr>"));

        HttpResponse<String> crossSite = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/consent"))
                .header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("categories=all")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSite.statusCode());
    }

    @Test
    void decisionPageEscapesSignalValues() throws Exception {
        HttpResponse<String> r = get("/decision", "DNT", "1<script>x</script>");
        assertTrue(r.body().contains("1&lt;script&gt;x&lt;/script&gt;"));
        assertTrue(r.body().contains("<tr><td>analytics</td><td class=no>no</td><td>dnt</td></tr>"), r.body());
        assertTrue(r.body().contains("<li><code>Tk</code>: <code>N</code></li>"), "the page sees ConsentGate's headers");
    }
}
