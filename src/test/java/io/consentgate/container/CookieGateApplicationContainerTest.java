package io.consentgate.container;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The cookie gate as an operator's application meets it, on Jetty 12 and Tomcat 11 over a loopback socket: the
 * filter in opt-out mode, so {@code DNT: 1} refuses analytics and marketing.
 */
class CookieGateApplicationContainerTest {

    private static final Map<String, CookieAppServers> SERVERS = new LinkedHashMap<>();

    /** Tracker cookies a visitor of a tag-heavy site carries after withdrawing consent (all set by JavaScript). */
    private static final List<String> TRACKER_COOKIES = List.of("_ga", "_ga_ABC123XYZ", "_ga_DEF456UVW", "_gid",
            "_gcl_au", "_gcl_aw", "_fbp", "_fbc", "_hjSessionUser_1234567", "_hjSession_1234567", "_hjFirstSeen",
            "_clck", "_clsk", "_uetsid", "_uetvid", "_ttp", "li_fat_id", "_pin_unauth", "_scid", "ajs_anonymous_id",
            "ajs_user_id", "hubspotutk", "__hstc", "__hssc");

    @BeforeAll
    static void start() throws Exception {
        for (String kind : List.of("jetty", "tomcat")) {
            SERVERS.put(kind, CookieAppServers.start(kind, CookieGateApp.class, Map.of("mode", "opt-out")));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (CookieAppServers s : SERVERS.values()) {
            s.close();
        }
    }

    /**
     * A visitor who refused and still carries many tracker cookies gets every page, and over the following responses
     * every cookie is expired. With a page's usual headers (a 300-byte {@code Content-Security-Policy}) its headers
     * stay under 4 KiB, nginx's default proxy buffer, past which nginx answers {@code 502}; with 4.5 KB of headers of
     * the application's own, which need a larger buffer anyway, under the containers' 8 KiB, past which Tomcat answers
     * {@code 500} without a body.
     */
    @ParameterizedTest
    @CsvSource({"jetty, 300, 4096", "tomcat, 300, 4096", "jetty, 4500, 8192", "tomcat, 4500, 8192"})
    void expiriesFitBesideTheApplicationsOwnHeaders(String kind, int size, int limit) throws Exception {
        List<String> carried = new ArrayList<>(TRACKER_COOKIES);
        for (int round = 1; !carried.isEmpty(); round++) {
            assertTrue(round <= 12, "still not expired: " + carried);
            StringBuilder cookie = new StringBuilder("Cookie: session_id=s3ss");
            for (String name : carried) {
                cookie.append("; ").append(name).append("=GA1.2.1234567890.1234567890");
            }
            String r = SERVERS.get(kind).exchange("GET /csp?size=" + size + " HTTP/1.1\nHost: www.shop.example\n"
                    + "DNT: 1\n" + cookie + "\n");
            assertTrue(r.startsWith("HTTP/1.1 200"), "round " + round + ": " + head(r));
            assertTrue(r.endsWith("page end"), "round " + round + ": " + head(r));
            assertTrue(head(r).length() <= limit, "round " + round + ": headers of " + head(r).length() + " bytes");
            List<String> expired = new ArrayList<>();
            for (String line : head(r).split("\r\n")) {
                if (line.startsWith("Set-Cookie: ") && line.contains("=; Max-Age=0")) {
                    expired.add(line.substring(12, line.indexOf('=')));
                }
            }
            assertFalse(expired.isEmpty(), "round " + round + " expired nothing: " + head(r));
            carried.removeAll(expired);
        }
    }

    /**
     * An application deleting a tracker cookie on its own path, with a date in the RFC 850 form old frameworks write,
     * takes it away: the deletion passes. One whose last valid {@code Max-Age} keeps the cookie for a year is dropped,
     * whatever an {@code Expires} says. The cookies around them are untouched and keep their order.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void deletionsPassInEveryDateFormatBrowsersReadAndOnlyThey(String kind) throws Exception {
        String deletion = "_ga=; Expires=Thursday, 01-Jan-70 00:00:00 GMT; Path=/shop";
        String keeps = "_fbp=fb.1.2.3; Max-Age=31536000; Max-Age=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
        String r = SERVERS.get(kind).exchange("GET /set?sc=a%3D1&sc=" + encode(deletion) + "&sc=" + encode(keeps)
                + " HTTP/1.1\nHost: www.shop.example\nDNT: 1\n");
        assertTrue(r.startsWith("HTTP/1.1 200"), head(r));
        List<String> cookies = new ArrayList<>();
        for (String line : head(r).split("\r\n")) {
            if (line.regionMatches(true, 0, "Set-Cookie: ", 0, 12)) {
                cookies.add(line.substring(12));
            }
        }
        assertEquals(List.of("a=1", deletion, "keep=1"), cookies);
    }

    /** Expiries go down to the registrable domain and never to a public suffix, which browsers refuse. */
    @ParameterizedTest
    @CsvSource({"jetty, www.shop.example.co.uk, 'www.shop.example.co.uk,shop.example.co.uk,example.co.uk'",
        "tomcat, www.shop.example.co.uk, 'www.shop.example.co.uk,shop.example.co.uk,example.co.uk'",
        "jetty, alice.github.io:8080, alice.github.io", "tomcat, alice.github.io:8080, alice.github.io"})
    void expiriesNeverTargetAPublicSuffix(String kind, String host, String domains) throws Exception {
        assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of(System.getProperty("java.home"), "lib",
                "security", "public_suffix_list.dat")), "this JDK ships no public suffix list");
        String r = SERVERS.get(kind).exchange("GET /set?sc=a%3D1 HTTP/1.1\nHost: " + host
                + "\nDNT: 1\nCookie: _ga=GA1.2.3.4; JSESSIONID=s3ss\n");
        List<String> got = new ArrayList<>();
        for (String line : head(r).split("\r\n")) {
            if (line.startsWith("Set-Cookie: _ga=; Max-Age=0")) {
                got.add(line.contains("; Domain=") ? line.substring(line.indexOf("; Domain=") + 9) : "host-only");
            }
        }
        List<String> expected = new ArrayList<>(List.of("host-only"));
        expected.addAll(List.of(domains.split(",")));
        assertEquals(expected, got, head(r));
        assertFalse(head(r).contains("JSESSIONID="), head(r));
    }

    /**
     * A visitor with many cookies (on a server configured for large request headers) still has the tracker cookies
     * that come after the first 8 KB of the {@code Cookie} line expired, as {@code strip-request-cookies} hides them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void trackerCookiesAfterALongCookieLineAreExpiredToo(String kind) throws Exception {
        StringBuilder cookie = new StringBuilder("Cookie: _gid=GA1.2.3");
        for (int i = 0; i < 110; i++) {
            cookie.append("; pref").append(i).append('=').append("x".repeat(80));
        }
        cookie.append("; _ga=GA1.2.3.4; _fbp=fb.1.2.3");
        String r = SERVERS.get(kind).exchange("GET /set?sc=a%3D1 HTTP/1.1\nHost: shop.example\nDNT: 1\n" + cookie
                + "\n");
        assertTrue(r.startsWith("HTTP/1.1 200"), head(r));
        for (String name : List.of("_gid", "_ga", "_fbp")) {
            assertTrue(head(r).contains("Set-Cookie: " + name + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; "
                    + "Path=/\r\n"), name + " not expired: " + head(r));
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String head(String response) {
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? response : response.substring(0, end + 4);
    }
}
