package io.consentgate.beacon;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The beacon gate in Jetty 12 and Tomcat 11, called by a filter exactly as ConsentGateFilter calls it, in front of
 * an application servlet that counts its calls and reads every body: a gated beacon never reaches it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BeaconContainerTest {

    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final String GA4_BODY = "v=2&tid=G-7QX3PL2KZD&cid=1742051223.1731834512&en=page_view"
            + "&dl=https%3A%2F%2Fshop.example%2Fcart&dt=Cart&_s=3";

    private final Map<String, BeaconServer> servers = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        servers.put("jetty", new JettyBeaconServer(false));
        servers.put("jetty-lenient", new JettyBeaconServer(true));
        servers.put("tomcat", new TomcatBeaconServer(false, false));
        servers.put("tomcat-onread", new TomcatBeaconServer(true, false));
        servers.put("tomcat-lenient", new TomcatBeaconServer(false, true));
    }

    @AfterAll
    void stop() throws Exception {
        for (BeaconServer s : servers.values()) {
            s.close();
        }
    }

    private static HttpTester.Response parse(String raw) {
        HttpTester.Response r = HttpTester.parseResponse(raw);
        assertNotNull(r, "no parsable response: " + raw);
        return r;
    }

    private static void assertCleanNoContent(HttpTester.Response r, String context) {
        assertEquals(204, r.getStatus(), context);
        assertEquals("no-store", r.get("Cache-Control"), context);
        assertNull(r.get("Set-Cookie"), context);
        assertNull(r.get("Content-Type"), context);
        assertEquals(0, r.getContentBytes() == null ? 0 : r.getContentBytes().length, context);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void gatedBeaconPostGets204AndTheApplicationNeverRuns(String kind) throws Exception {
        BeaconServer s = servers.get(kind);
        int before = s.appCalls();
        HttpTester.Response r = parse(s.exchange("""
                POST /g/collect?v=2&tid=G-7QX3PL2KZD HTTP/1.1
                Host: shop.example
                Content-Type: text/plain;charset=UTF-8
                Content-Length: %d""".formatted(GA4_BODY.length()), BeaconServer.ascii(GA4_BODY)));
        assertCleanNoContent(r, kind);
        assertEquals(before, s.appCalls(), kind + ": the application ran for a gated beacon");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void reportOnlyLetsTheBeaconThrough(String kind) throws Exception {
        BeaconServer s = servers.get(kind);
        int before = s.appCalls();
        HttpTester.Response r = parse(s.exchange("""
                POST /g/collect HTTP/1.1
                Host: shop.example
                X-Test-Report-Only: yes
                Content-Length: %d""".formatted(GA4_BODY.length()), BeaconServer.ascii(GA4_BODY)));
        assertEquals(200, r.getStatus(), kind);
        assertEquals("app read " + GA4_BODY.length() + " bytes", r.getContent(), kind);
        assertEquals(before + 1, s.appCalls(), kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void cookiesSetByAnOuterFilterAreDroppedFromTheAnswerOtherHeadersKept(String kind) throws Exception {
        BeaconServer s = servers.get(kind);
        HttpTester.Response r = parse(s.exchange("""
                GET /g/collect?v=2&en=page_view HTTP/1.1
                Host: shop.example
                X-Test-Outer-Cookie: yes""", new byte[0]));
        assertCleanNoContent(r, kind);
        assertEquals("DENY", r.get("X-Frame-Options"), kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void allowedBeaconsAndOrdinaryPathsReachTheApplication(String kind) throws Exception {
        BeaconServer s = servers.get(kind);
        int before = s.appCalls();
        String[][] cases = {{"/g/collect", "all"}, {"/g/collect", "analytics"}, {"/analytics/hit", "analytics"},
            {"/g/collector", "none"}, {"/collect", "none"}, {"/cart", "none"}};
        for (String[] c : cases) {
            HttpTester.Response r = parse(s.exchange("""
                    POST %s HTTP/1.1
                    Host: shop.example
                    X-Test-Consent: %s
                    Content-Length: %d""".formatted(c[0], c[1], GA4_BODY.length()), BeaconServer.ascii(GA4_BODY)));
            assertEquals(200, r.getStatus(), kind + " " + Arrays.toString(c));
            assertEquals("app read " + GA4_BODY.length() + " bytes", r.getContent(), kind + " " + Arrays.toString(c));
        }
        assertEquals(before + cases.length, s.appCalls(), kind);
    }

    static Stream<Arguments> pathTricks() {
        List<Arguments> out = new ArrayList<>();
        for (String kind : List.of("jetty", "tomcat", "jetty-lenient", "tomcat-lenient")) {
            for (String path : List.of("//g//collect", "/g/collect;jsessionid=0A1B2C3D", "/g%2fcollect",
                    "/g%2Fcollect", "/x/../g/collect", "/x/%2e%2e/g/collect", "/g/collect/", "/g/./collect",
                    "/g;v=1/collect", "/analytics/x;jsessionid=1", "/analytics%2fx", "/mp/collect?api_secret=x",
                    "/g/collect%23x", "/g/collect%3Fx=1", "/g/collect%3Bx", "/matomo.php/x",
                    "/x/%252e%252e/g/collect", "/g%5Ccollect", "/g\\collect", "/x%5C..%5Cg/collect")) {
                out.add(Arguments.of(kind, path));
            }
        }
        return out.stream();
    }

    /**
     * Every trick is either answered 204 by the gate or rejected 400 by the container itself; the application never
     * sees it either way.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pathTricks")
    void pathTricksNeverReachTheApplication(String kind, String path) throws Exception {
        BeaconServer s = servers.get(kind);
        int before = s.appCalls();
        HttpTester.Response r = parse(s.exchange("""
                POST %s HTTP/1.1
                Host: shop.example
                Content-Length: %d""".formatted(path, GA4_BODY.length()), BeaconServer.ascii(GA4_BODY)));
        assertTrue(r.getStatus() == 204 || r.getStatus() == 400, kind + " " + path + ": " + r.getStatus());
        assertEquals(before, s.appCalls(), kind + " " + path + ": the application ran");
    }

    /**
     * Containers configured to let encoded slashes and dot segments through hand the application a path their own
     * view does not resolve; the gate's independent normalization of the raw URI still answers 204.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lenientTricks")
    void lenientContainersStillGetA204ForEncodedTricks(String kind, String path) throws Exception {
        BeaconServer s = servers.get(kind);
        int before = s.appCalls();
        HttpTester.Response r = parse(s.exchange("""
                POST %s HTTP/1.1
                Host: shop.example
                Content-Length: %d""".formatted(path, GA4_BODY.length()), BeaconServer.ascii(GA4_BODY)));
        assertCleanNoContent(r, kind + " " + path);
        assertEquals(before, s.appCalls(), kind + " " + path + ": the application ran");
    }

    static Stream<Arguments> lenientTricks() {
        return Stream.of(
                Arguments.of("tomcat-lenient", "/g%2fcollect"),
                Arguments.of("tomcat-lenient", "/g%2Fcollect;jsessionid=1"),
                Arguments.of("tomcat-lenient", "/analytics%2fx"),
                Arguments.of("jetty-lenient", "/g%2fcollect"),
                Arguments.of("jetty-lenient", "//g//collect"),
                Arguments.of("jetty-lenient", "/x/%2e%2e/g/collect"),
                Arguments.of("jetty-lenient", "/analytics%2Fx"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void hyperlinkAuditingPingsGet204(String kind) throws Exception {
        BeaconServer s = servers.get(kind);
        int before = s.appCalls();
        HttpTester.Response r = parse(s.exchange("""
                POST /blog/2026/11/winter-sale HTTP/1.1
                Host: shop.example
                Content-Type: text/ping
                Ping-From: https://shop.example/blog/2026/11/winter-sale
                Ping-To: https://partner.example/landing?ref=shop
                X-Test-Consent: analytics
                Content-Length: 4""", BeaconServer.ascii("PING")));
        assertCleanNoContent(r, kind);
        assertEquals(before, s.appCalls(), kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void preflightToAGatedPathGetsAllowAndNoCorsGrant(String kind) throws Exception {
        BeaconServer s = servers.get(kind);
        int before = s.appCalls();
        HttpTester.Response r = parse(s.exchange("""
                OPTIONS /g/collect HTTP/1.1
                Host: collect.shop.example
                Origin: https://shop.example
                Access-Control-Request-Method: POST
                Access-Control-Request-Headers: content-type""", new byte[0]));
        assertEquals(204, r.getStatus());
        assertEquals("POST, GET, OPTIONS", r.get("Allow"));
        for (String h : r.getFieldNamesCollection()) {
            assertFalse(h.toLowerCase().startsWith("access-control-"), kind + " granted CORS: " + h);
        }
        assertEquals(before, s.appCalls(), kind);
    }

    /**
     * With {@code Expect: 100-continue} the client waits before sending 10 MB: the gate answers from the headers, so
     * the final 204 arrives without the body. Jetty sends no 100 (it would only on a body read); Tomcat sends one
     * before the filter runs unless {@code continueResponseTiming="onRead"}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat", "tomcat-onread"})
    void expectContinueTenMegabyteBeaconGets204WithoutTheBody(String kind) throws Exception {
        BeaconServer s = servers.get(kind);
        int before = s.appCalls();
        String raw = s.headFirst("""
                POST /g/collect HTTP/1.1
                Host: shop.example
                Content-Type: application/octet-stream
                Expect: 100-continue
                Content-Length: %d""".formatted(TEN_MB), new byte[0]);
        boolean sentContinue = raw.startsWith("HTTP/1.1 100");
        assertEquals(kind.equals("tomcat"), sentContinue, kind + ": " + raw);
        HttpTester.Response r = parse(raw.substring(raw.lastIndexOf("HTTP/1.1 ")));
        assertCleanNoContent(r, kind);
        assertEquals("close", r.get("Connection"), kind);
        assertEquals(before, s.appCalls(), kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void tenMegabyteBeaconBodyGets204(String kind) throws Exception {
        BeaconServer s = servers.get(kind);
        int before = s.appCalls();
        byte[] body = new byte[TEN_MB];
        Arrays.fill(body, (byte) 'x');
        HttpTester.Response r = parse(s.exchange("""
                POST /mp/collect HTTP/1.1
                Host: shop.example
                Content-Type: application/json
                Content-Length: %d""".formatted(TEN_MB), body));
        assertCleanNoContent(r, kind);
        assertEquals(before, s.appCalls(), kind);
    }

    /** Headers and 10 of 5000 promised bytes, then nothing: the 204 must not wait for the rest. */
    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void slowBeaconBodyGets204BeforeItArrives(String kind) throws Exception {
        BeaconServer s = servers.get(kind);
        int before = s.appCalls();
        String raw = s.headFirst("""
                POST /matomo.php HTTP/1.1
                Host: shop.example
                Content-Type: application/x-www-form-urlencoded
                Content-Length: 5000""", "idsite=1&r".getBytes(StandardCharsets.US_ASCII));
        HttpTester.Response r = parse(raw);
        assertCleanNoContent(r, kind);
        assertEquals("close", r.get("Connection"), kind);
        assertEquals(before, s.appCalls(), kind);
    }

    /**
     * After the 204 the connection is closed, not reused: Jetty closes at once; Tomcat drains the announced body
     * (up to its {@code maxSwallowSize}) and then closes. Either way exactly one response is sent and the body bytes are
     * never taken for a next request.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void connectionClosesAfterTheAnswerAndTheBodyIsNotTakenForARequest(String kind) throws Exception {
        BeaconServer s = servers.get(kind);
        int before = s.appCalls();
        String smuggled = "GET /cart HTTP/1.1\r\nHost: shop.example\r\n\r\n";
        byte[] rest = (smuggled + "x".repeat(200 - smuggled.length())).getBytes(StandardCharsets.US_ASCII);
        String raw = s.headFirstThenRest("""
                POST /g/collect HTTP/1.1
                Host: shop.example
                Content-Length: 210""", "v=2&tid=G-".getBytes(StandardCharsets.US_ASCII), rest);
        assertTrue(raw.startsWith("HTTP/1.1 204"), kind + ": " + raw);
        assertEquals(raw.indexOf("HTTP/1.1 "), raw.lastIndexOf("HTTP/1.1 "), kind + " sent a second response: " + raw);
        assertEquals(before, s.appCalls(), kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void chunkedSlowBeaconGets204BeforeItEnds(String kind) throws Exception {
        BeaconServer s = servers.get(kind);
        int before = s.appCalls();
        String raw = s.headFirst("""
                POST /g/collect HTTP/1.1
                Host: shop.example
                Transfer-Encoding: chunked""", "5\r\nv=2&t\r\n".getBytes(StandardCharsets.US_ASCII));
        HttpTester.Response r = parse(raw);
        assertCleanNoContent(r, kind);
        assertEquals(before, s.appCalls(), kind);
    }
}
