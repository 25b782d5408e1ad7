package io.consentgate.matrix;

import org.apache.catalina.util.ServerInfo;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cookie gate end to end on Jetty 12 and Tomcat 11: every {@code Set-Cookie} door × refused/allowed × catalog
 * names, generic names with and without the vendor's domain; expiry of refused cookies the browser still sends, for
 * the host and each parent domain up to the registrable one; request-side stripping; {@code Clear-Site-Data} only on
 * withdrawal. Servers run in opt-out mode, so no signal allows everything and {@code DNT: 1} refuses analytics and
 * marketing.
 */
class CookieGateContainerTest {

    private static final Map<String, MatrixServer> PLAIN = new LinkedHashMap<>();
    private static final Map<String, MatrixServer> STRICT = new LinkedHashMap<>();
    /** Opt-in mode with {@code clear-site-data}: without a consent cookie everything but necessary is refused. */
    private static final Map<String, MatrixServer> CLEARING = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        for (String kind : MatrixServer.kinds()) {
            PLAIN.put(kind, MatrixServer.start(kind, Map.of("mode", "opt-out")));
            STRICT.put(kind, MatrixServer.start(kind, Map.of("mode", "opt-out", "strip-request-cookies", "true",
                    "clear-site-data", "true", "cookie-expiry-paths", "/,/shop")));
            CLEARING.put(kind, MatrixServer.start(kind, Map.of("clear-site-data", "true")));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (MatrixServer s : PLAIN.values()) {
            s.close();
        }
        for (MatrixServer s : STRICT.values()) {
            s.close();
        }
        for (MatrixServer s : CLEARING.values()) {
            s.close();
        }
    }

    static Stream<Arguments> doors() {
        List<Arguments> out = new ArrayList<>();
        for (String kind : MatrixServer.kinds()) {
            for (String door : List.of("addCookie", "addHeader", "setHeader", "unwrappedAddHeader",
                    "unwrappedAddCookie")) {
                if (door.equals("unwrappedAddCookie") && kind.equals("undertow")) {
                    // Undertow keeps addCookie's cookies out of its headers until it commits: one added on its own
                    // response, beneath every wrapper, is invisible to ConsentGate (README, cookie gate).
                    continue;
                }
                for (boolean refused : List.of(true, false)) {
                    out.add(Arguments.of(kind, door, "_ga", null, refused, refused));
                    out.add(Arguments.of(kind, door, "_fbp", "shop.example", refused, refused));
                    out.add(Arguments.of(kind, door, "fr", "facebook.com", refused, refused));
                    out.add(Arguments.of(kind, door, "fr", null, refused, false));
                    out.add(Arguments.of(kind, door, "IDE", "doubleclick.net", refused, refused));
                    out.add(Arguments.of(kind, door, "IDE", "shop.example", refused, false));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} domain={3} refused={4} -> dropped={5}")
    @MethodSource("doors")
    void setCookieOfRefusedCategoryIsDroppedOnEveryDoor(String kind, String door, String name, String domain,
                                                        boolean refused, boolean dropped) throws Exception {
        HttpTester.Response r = send(PLAIN.get(kind), "/cookies?door=" + door + "&name=" + name
                + (domain == null ? "" : "&domain=" + domain), refused ? "DNT: 1\n" : "");
        assertEquals(200, r.getStatus());
        List<String> expected = new ArrayList<>();
        if (!"setHeader".equals(door)) {
            expected.add("session_id");
        }
        if (!dropped) {
            expected.add(name);
        }
        expected.add("pref");
        assertEquals(expected, cookieNames(r, kind), r.getValuesList("Set-Cookie").toString());
    }

    /**
     * ConsentGate writes its commit-time headers when it decides the body, which can be before the container commits:
     * a {@code setHeader} after that must not take back the expiries or the {@code Vary} tokens.
     */
    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void headersTheApplicationReplacesAfterTheBodyWasDecidedKeepTheExpiriesAndVary(String kind) throws Exception {
        HttpTester.Response r = send(PLAIN.get(kind), "/cookies?door=late",
                "DNT: 1\nCookie: _ga=GA1.2.33.44; session_id=s3ss\n");
        assertEquals(200, r.getStatus());
        assertTrue(r.getContent().endsWith("<p>end</p>"), r.getContent());
        List<String> cookies = r.getValuesList("Set-Cookie");
        assertTrue(cookies.contains("XSRF-TOKEN=replaced; Path=/"), cookies.toString());
        assertTrue(cookies.contains("_ga=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"),
                cookies.toString());
        String vary = String.join(", ", r.getValuesList("Vary"));
        for (String token : List.of("Accept-Encoding", "DNT", "Cookie")) {
            assertTrue(vary.contains(token), vary);
        }
    }

    /**
     * A header name with whitespace around it goes out as written ({@code Set-Cookie :}), and Chromium stores the
     * cookie from that line: such a name is the same door. So is one with a DEL around it, which Tomcat sends as a space.
     */
    @ParameterizedTest(name = "{0} {1} pad={2}")
    @CsvSource({"jetty, addHeader, %20", "jetty, addHeader, %09", "jetty, setHeader, %20", "tomcat, addHeader, %20",
        "tomcat, addHeader, %09", "tomcat, setHeader, %09", "tomcat, addHeader, %7F", "tomcat, setHeader, %7F",
        "jetty, addHeader, %7F"})
    void aHeaderNamePaddedWithWhitespaceIsTheSameDoor(String kind, String door, String pad) throws Exception {
        byte[] raw = PLAIN.get(kind).exchange("GET /cookies?door=" + door + "&name=_ga&pad=" + pad
            + " HTTP/1.1\nHost: www.shop.example\nDNT: 1\nConnection: close\n\n");
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("HTTP/1.1 200"), ScenarioMatrixTest.head(raw));
        assertFalse(text.contains("_ga=v1.2.3"), ScenarioMatrixTest.head(raw));
        assertTrue(text.contains("pref=light"), ScenarioMatrixTest.head(raw));
    }

    static Stream<Arguments> paddedNames() {
        List<Arguments> out = new ArrayList<>();
        for (String kind : MatrixServer.kinds()) {
            for (String name : List.of("%01_ga", "_ga%7F", "%EF%BB%BF_ga", "_ga%E2%80%8B")) {
                out.add(Arguments.of(kind, name));
            }
        }
        return out.stream();
    }

    /**
     * A control character or a character beyond Latin-1 around a tracker cookie's name: the container sends it as a
     * space (Tomcat) or as a byte that makes browsers refuse the cookie, and browsers trim spaces around a name. No
     * line the browser reads may name {@code _ga}.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("paddedNames")
    void aTrackerCookieNamePaddedWithCharactersTheContainerBlanksIsDropped(String kind, String name)
            throws Exception {
        byte[] raw = PLAIN.get(kind).exchange("GET /cookies?door=addHeader&name=" + name
            + " HTTP/1.1\nHost: www.shop.example\nDNT: 1\nConnection: close\n\n");
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("HTTP/1.1 200"), ScenarioMatrixTest.head(raw));
        assertTrue(text.contains("pref=light"), ScenarioMatrixTest.head(raw));
        for (String line : text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.regionMatches(true, 0, "Set-Cookie:", 0, 11)) {
                assertNotEquals("_ga", storedName(line.substring(11)), ScenarioMatrixTest.head(raw));
            }
        }
    }

    /** The name a browser stores from a {@code Set-Cookie} value: spaces and tabs trimmed; null when it refuses it. */
    private static String storedName(String value) {
        int eq = value.indexOf('=');
        int semi = value.indexOf(';');
        if (eq < 0 || semi >= 0 && semi < eq) {
            return null;
        }
        String name = value.substring(0, eq).replaceAll("^[ \t]+|[ \t]+$", "");
        return name.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7F) ? null : name;
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void refusedCookiesTheBrowserSendsAreExpiredForHostAndParentDomains(String kind) throws Exception {
        HttpTester.Response r = send(PLAIN.get(kind), "/cookies",
                "DNT: 1\nCookie: _ga=GA1.2.33.44; session_id=s3ss; _fbp=fb.1.2.3\n");
        Set<String> expiries = new TreeSet<>(r.getValuesList("Set-Cookie"));
        Set<String> expected = new TreeSet<>();
        for (String name : List.of("_ga", "_fbp")) {
            String base = name + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/";
            expected.add(base);
            expected.add(base + "; Domain=www.shop.example");
            expected.add(base + "; Domain=shop.example");
        }
        assertEquals(expected, expiries);
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void filterRegisteredTwiceActsOnce(String kind) throws Exception {
        try (MatrixServer twice = MatrixServer.start(kind, Map.of("mode", "opt-out"), true)) {
            HttpTester.Response r = send(twice, "/cookies?door=addHeader&name=_ga", "DNT: 1\nCookie: _ga=GA1.2\n");
            List<String> cookies = r.getValuesList("Set-Cookie");
            assertEquals(3, cookies.stream().filter(c -> c.startsWith("_ga=; Max-Age=0")).count(), cookies.toString());
            // the application's own cookies in their order (Undertow writes the added expiry headers between them)
            assertEquals(List.of("session_id", "pref"),
                    cookieNames(r, kind).stream().filter(n -> !n.equals("_ga")).toList());
            assertEquals(1, r.getValuesList("Tk").size(), r.getValuesList("Tk").toString());
        }
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void expiriesCoverEveryConfiguredPath(String kind) throws Exception {
        HttpTester.Response r = send(STRICT.get(kind), "/cookies", "DNT: 1\nCookie: _ga=GA1.2.33.44\n");
        Set<String> got = new TreeSet<>(r.getValuesList("Set-Cookie"));
        for (String path : List.of("/", "/shop")) {
            for (String domain : List.of("", "; Domain=www.shop.example", "; Domain=shop.example")) {
                String v = "_ga=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=" + path + domain;
                assertTrue(got.contains(v), v + " missing from " + got);
            }
        }
        assertEquals(6, got.size(), got.toString());
    }

    /** Tracker cookies a visitor of a tag-heavy site carries after withdrawing consent (all set by JavaScript). */
    private static final List<String> MANY_TRACKER_COOKIES = List.of("_ga", "_ga_ABC123XYZ", "_ga_DEF456UVW", "_gid",
            "_gcl_au", "_gcl_aw", "_fbp", "_fbc", "_hjSessionUser_1234567", "_hjSession_1234567",
            "_hjFirstSeen", "_hjIncludedInSessionSample_1234567", "_hjAbsoluteSessionInProgress", "_clck", "_clsk",
            "_uetsid", "_uetvid", "_ttp", "li_fat_id", "_pin_unauth", "_scid", "ajs_anonymous_id", "ajs_user_id",
            "hubspotutk", "__hstc", "__hssc", "__hssrc", "_rdt_uuid", "cto_bundle", "_pk_id.1.1fff",
            "_pk_ses.1.1fff", "mp_0123456789abcdef_mixpanel");

    @ParameterizedTest
    @CsvSource({"jetty, www.shop.example", "tomcat, www.shop.example", "jetty, static.eu.m.www.shop.example",
            "tomcat, static.eu.m.www.shop.example"})
    void manyRefusedCookiesAreExpiredOverSeveralResponsesWithoutBreakingAny(String kind, String host)
            throws Exception {
        List<String> carried = new ArrayList<>(MANY_TRACKER_COOKIES);
        int labels = host.split("\\.").length;
        for (int round = 1; !carried.isEmpty(); round++) {
            assertTrue(round <= 8, "still not expired after 7 responses: " + carried);
            StringBuilder cookie = new StringBuilder("Cookie: session_id=s3ss");
            for (String name : carried) {
                cookie.append("; ").append(name).append("=GA1.2.1234567890.1234567890");
            }
            HttpTester.Response r = send(PLAIN.get(kind), "/cookies", host, "DNT: 1\n" + cookie + "\n");
            assertEquals(200, r.getStatus(), "round " + round + ": " + r);
            Map<String, Integer> lines = new LinkedHashMap<>();
            for (String c : r.getValuesList("Set-Cookie")) {
                lines.merge(c.substring(0, c.indexOf('=')), 1, Integer::sum);
            }
            assertFalse(lines.isEmpty(), "round " + round + " expired nothing");
            // host-only plus one line per parent domain with at least two labels
            lines.forEach((name, n) -> assertEquals(labels, n, name + " expired only partly: " + lines));
            carried.removeAll(lines.keySet());
        }
    }

    static Stream<Arguments> responsesWithoutAPage() {
        List<Arguments> out = new ArrayList<>();
        for (String kind : MatrixServer.kinds()) {
            out.add(Arguments.of(kind, "GET", "/?cs=UTF-8&n=100&o=SEND_ERROR&a=sync", 404));
            out.add(Arguments.of(kind, "GET", "/case/not-modified", 304));
            out.add(Arguments.of(kind, "GET", "/case/no-content", 204));
            out.add(Arguments.of(kind, "HEAD", "/cookies", 200));
        }
        // A redirect on Tomcat 11 needs the Servlet 6.1 API first on the class path (the servlet-6.1 execution).
        for (String kind : MatrixServer.kinds()) {
            if (!"tomcat".equals(kind)) {
                out.add(Arguments.of(kind, "GET", "/?cs=UTF-8&n=100&o=SEND_REDIRECT&a=sync", 302));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("responsesWithoutAPage")
    void refusedCookiesAreExpiredOnErrorsRedirectsAndEmptyResponses(String kind, String method, String target,
                                                                    int status) throws Exception {
        byte[] raw = PLAIN.get(kind).exchange(method + " " + target + " HTTP/1.1\nHost: www.shop.example\n"
                + "DNT: 1\nCookie: _ga=GA1.2.33.44\nConnection: close\n\n");
        HttpTester.Response r = HttpTester.parseResponse(HttpTester.from(ByteBuffer.wrap(raw)), "HEAD".equals(method));
        assertNotNull(r, ScenarioMatrixTest.head(raw));
        assertEquals(status, r.getStatus(), ScenarioMatrixTest.head(raw));
        assertEquals(3, r.getValuesList("Set-Cookie").stream().filter(c -> c.startsWith("_ga=; Max-Age=0")).count(),
                r.getValuesList("Set-Cookie").toString());
    }

    /** The error page is a second dispatch through the filter: its expiries must not double the headers. */
    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void manyRefusedCookiesOnAnErrorPageStillGiveTheErrorPage(String kind) throws Exception {
        StringBuilder cookie = new StringBuilder("Cookie: session_id=s3ss");
        for (String name : MANY_TRACKER_COOKIES) {
            cookie.append("; ").append(name).append("=GA1.2.1234567890.1234567890");
        }
        HttpTester.Response r = send(PLAIN.get(kind), "/?cs=UTF-8&n=100&o=SEND_ERROR&a=sync",
                "DNT: 1\n" + cookie + "\n");
        assertEquals(404, r.getStatus(), r.toString());
        List<String> lines = r.getValuesList("Set-Cookie");
        assertEquals(new TreeSet<>(lines).size(), lines.size(), "duplicate expiries: " + lines);
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void allowedCookiesTheBrowserSendsAreLeftAlone(String kind) throws Exception {
        HttpTester.Response r = send(PLAIN.get(kind), "/cookies", "Cookie: _ga=GA1.2.33.44; _fbp=fb.1.2.3\n");
        assertTrue(r.getValuesList("Set-Cookie").isEmpty(), r.getValuesList("Set-Cookie").toString());
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void strippingHidesRefusedRequestCookiesFromTheApplication(String kind) throws Exception {
        HttpTester.Response r = send(STRICT.get(kind), "/cookies",
                "DNT: 1\nCookie: _ga=GA1.2.33.44; session_id=s3ss; _fbp=fb.1.2.3; pref=light\n");
        assertEquals("header=session_id=s3ss; pref=light\nnames=[pref, session_id]\n", r.getContent());
        HttpTester.Response plain = send(PLAIN.get(kind), "/cookies",
                "DNT: 1\nCookie: _ga=GA1.2.33.44; session_id=s3ss\n");
        assertTrue(plain.getContent().contains("names=[_ga, session_id]"), plain.getContent());
        HttpTester.Response untouched = send(STRICT.get(kind), "/cookies", "DNT: 1\nCookie: a=1;b=2 ;c=3\n");
        assertEquals("header=a=1;b=2 ;c=3\nnames=[a, b, c]\n", untouched.getContent(),
            "a line without refused cookies reaches the application as sent");
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void strippingEveryCookieAlsoHidesTheHeaderName(String kind) throws Exception {
        HttpTester.Response r = send(STRICT.get(kind), "/cookies?headerNames", "DNT: 1\nCookie: _ga=GA1.2; _fbp=fb.1\n");
        assertEquals("header=null\nnames=[]\nlisted=false\n", r.getContent());
        HttpTester.Response kept = send(STRICT.get(kind), "/cookies?headerNames", "DNT: 1\nCookie: _ga=GA1.2; a=1\n");
        assertEquals("header=a=1\nnames=[a]\nlisted=true\n", kept.getContent());
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void reportOnlyStripsNoRequestCookie(String kind) throws Exception {
        try (MatrixServer s = MatrixServer.start(kind, Map.of("mode", "opt-out", "strip-request-cookies", "true",
                "report-only", "true"))) {
            HttpTester.Response r = send(s, "/cookies", "DNT: 1\nCookie: _ga=GA1.2.33.44; session_id=s3ss\n");
            assertEquals("header=_ga=GA1.2.33.44; session_id=s3ss\nnames=[_ga, session_id]\n", r.getContent());
        }
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void clearSiteDataOnlyOnWithdrawal(String kind) throws Exception {
        MatrixServer s = CLEARING.get(kind);
        HttpTester.Response grant = post(s, "categories=all", "");
        assertEquals(303, grant.getStatus(), grant.toString());
        assertNull(grant.get("Clear-Site-Data"), "granting is not a withdrawal");
        String consent = consentCookie(grant);
        HttpTester.Response again = post(s, "categories=all", "Cookie: " + consent + "\n");
        assertNull(again.get("Clear-Site-Data"), "confirming is not a withdrawal");
        HttpTester.Response withdraw = post(s, "categories=functional", "Cookie: " + consent + "; _ga=GA1.2\n");
        assertEquals("\"cookies\"", withdraw.get("Clear-Site-Data"));
        assertTrue(withdraw.getValuesList("Set-Cookie").stream().anyMatch(c -> c.startsWith("_ga=; Max-Age=0")),
                withdraw.getValuesList("Set-Cookie").toString());
        HttpTester.Response plain = post(PLAIN.get(kind), "categories=functional", "Cookie: " + consent + "\n");
        assertFalse(plain.contains("Clear-Site-Data"), "off by default");
    }

    /**
     * A withdrawal by a visitor who carries many tracker cookies is stored: its response stays under 4 KiB of
     * headers, nginx's default proxy buffer (past it nginx answers {@code 502}, and the refusal would never reach the
     * browser), and still expires the cookies that fit, leaving the rest to the following pages.
     */
    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aWithdrawalWithManyTrackerCookiesFitsAProxysDefaultBuffer(String kind) throws Exception {
        StringBuilder cookie = new StringBuilder("Cookie: session_id=s3ss");
        for (String name : MANY_TRACKER_COOKIES) {
            cookie.append("; ").append(name).append("=GA1.2.1234567890.1234567890");
        }
        String form = "categories=functional&return=/account/privacy";
        byte[] raw = PLAIN.get(kind).exchange("POST /consent HTTP/1.1\nHost: www.shop.example\n"
                + "Origin: http://www.shop.example\nContent-Type: application/x-www-form-urlencoded\n"
                + "Content-Length: " + form.length() + "\n" + cookie + "\nConnection: close\n\n" + form);
        String response = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1);
        String head = response.substring(0, response.indexOf("\r\n\r\n") + 4);
        assertTrue(head.startsWith("HTTP/1.1 303"), head);
        assertTrue(head.length() <= 4096, head.length() + " bytes of headers: " + head);
        assertTrue(head.contains("\r\nSet-Cookie: cg_consent="), head);
        assertTrue(head.contains("\r\nSet-Cookie: _ga=; Max-Age=0"), head);
    }

    /**
     * Browsers clear the consent cookie of the withdrawal response too; in opt-out mode the visitor would then be
     * tracked again, so there the withdrawal is stored and only the tracker cookies are expired.
     */
    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void clearSiteDataIsLeftOutWhereClearingTheConsentCookieWouldUndoTheWithdrawal(String kind) throws Exception {
        MatrixServer s = STRICT.get(kind);
        String consent = consentCookie(post(s, "categories=all", ""));
        HttpTester.Response withdraw = post(s, "categories=functional", "Cookie: " + consent + "; _ga=GA1.2\n");
        assertEquals(303, withdraw.getStatus(), withdraw.toString());
        assertFalse(withdraw.contains("Clear-Site-Data"), withdraw.toString());
        assertTrue(consentCookie(withdraw).startsWith("cg_consent=1.functional."), consentCookie(withdraw));
        assertTrue(withdraw.getValuesList("Set-Cookie").stream().anyMatch(c -> c.startsWith("_ga=; Max-Age=0")),
                withdraw.getValuesList("Set-Cookie").toString());
    }

    private static String consentCookie(HttpTester.Response r) {
        for (String c : r.getValuesList("Set-Cookie")) {
            if (c.startsWith("cg_consent=")) {
                return c.substring(0, c.indexOf(';'));
            }
        }
        throw new AssertionError("no consent cookie in " + r.getValuesList("Set-Cookie"));
    }

    private static HttpTester.Response post(MatrixServer s, String form, String headers) throws Exception {
        byte[] raw = s.exchange("POST /consent HTTP/1.1\nHost: www.shop.example\nOrigin: http://www.shop.example\n"
                + "Content-Type: application/x-www-form-urlencoded\nContent-Length: " + form.length() + "\n"
                + headers + "Connection: close\n\n" + form);
        HttpTester.Response r = HttpTester.parseResponse(ByteBuffer.wrap(raw));
        assertNotNull(r, ScenarioMatrixTest.head(raw));
        return r;
    }

    private static HttpTester.Response send(MatrixServer s, String target, String headers) throws Exception {
        return send(s, target, "www.shop.example", headers);
    }

    private static HttpTester.Response send(MatrixServer s, String target, String host, String headers)
            throws Exception {
        byte[] raw = s.exchange("GET " + target + " HTTP/1.1\nHost: " + host + "\n" + headers
                + "Connection: close\n\n");
        HttpTester.Response r = HttpTester.parseResponse(ByteBuffer.wrap(raw));
        assertNotNull(r, ScenarioMatrixTest.head(raw));
        assertTrue(r.isComplete(), ScenarioMatrixTest.head(raw));
        return r;
    }

    /**
     * The names of the cookies a browser stores from the response. An empty {@code Set-Cookie} (what the gate leaves
     * on a Servlet 6.0 container when {@code setHeader} replaced every cookie with a refused one) is ignored, as
     * browsers do; any other header without {@code =} fails the test.
     */
    private static List<String> cookieNames(HttpTester.Response r, String kind) {
        List<String> names = new ArrayList<>();
        for (String c : r.getValuesList("Set-Cookie")) {
            if (c.isBlank()) {
                assertTrue(kind.equals("tomcat") && ServerInfo.getServerNumber().startsWith("10."),
                    "an empty Set-Cookie from " + kind + " " + ServerInfo.getServerNumber());
                continue;
            }
            names.add(c.substring(0, c.indexOf('=')).strip());
        }
        return names;
    }
}
