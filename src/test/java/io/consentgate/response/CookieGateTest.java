package io.consentgate.response;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Proxy;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CookieGateTest {

    private static final CookieGate GATE = new CookieGate(TrackerCatalog.bundled(), List.of("/"));
    private static final ConsentDecision REFUSED = ConsentDecision.refuseAll();

    @ParameterizedTest
    @ValueSource(strings = {
        "_ga=; Max-Age=0; Path=/shop",
        "_ga=GA1.2.3.4; Max-Age=0",
        "_ga=x; max-age=-1; Domain=shop.example",
        "_ga=x; Max-Age=00",
        "_ga=x; Max-Age=3600; Max-Age=0",
        "_ga=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
        "_ga=; expires=Thu, 01-Jan-1970 00:00:00 GMT",
        "_fbp=; Max-Age=0; Expires=Thu, 01 Jan 2099 00:00:00 GMT",
        // every date format browsers read (RFC 6265 5.1.1), whatever the weekday says
        "_ga=; Expires=Thursday, 01-Jan-70 00:00:00 GMT; Path=/",
        "_ga=; Expires=Thu Jan  1 00:00:00 1970",
        "_ga=; Expires=Fri, 01 Jan 1970 00:00:00 GMT",
        "_ga=; Expires=1 jan 1970 00:00:01",
        "_ga=; Expires=Sat, 15-Mar-2025 10:00:00 GMT",
        // an empty last Max-Age leaves it to Expires, in every reading
        "_ga=x; Max-Age; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
    })
    void aSetCookieThatDeletesATrackerCookiePasses(String setCookie) {
        assertTrue(CookieGate.deletes(setCookie), setCookie);
        assertFalse(GATE.refuses(setCookie, REFUSED), setCookie);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "_ga=GA1.2.3.4; Path=/",
        "_ga=GA1.2.3.4; Max-Age=7776000",
        "_ga=x; Max-Age=0; Max-Age=3600",
        "_ga=x; Max-Age=-; Path=/",
        "_ga=x; Max-Age=0x10",
        "_ga=x; Max-Age=3600; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        "_ga=x; Expires=Thu, 01 Jan 2099 00:00:00 GMT",
        "_ga=x; Expires=yesterday",
        "_ga=x; Path=/; Max-Age",
        "_ga=x; Max-Age=31536000; Max-Age=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        "_ga=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Expires=Thu, 01 Jan 2099 00:00:00 GMT",
        "_ga=x; Expires=Thu, 31 Feb 1970 00:00:00 GMT",
        "_ga=x; Expires=Thu, 01 Jan 1970 24:00:00 GMT",
        "_ga=x; Expires=01 Jan 1600 00:00:00",
    })
    void aSetCookieThatKeepsATrackerCookieIsRefused(String setCookie) {
        assertFalse(CookieGate.deletes(setCookie), setCookie);
        assertTrue(GATE.refuses(setCookie, REFUSED), setCookie);
    }

    /**
     * Expiries go to the host and each parent down to the registrable domain, never to a public suffix: browsers
     * refuse such a cookie, so the line would only spend the header budget (and a client without the list would
     * delete another site's cookie).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        www.shop.example.co.uk   | www.shop.example.co.uk,shop.example.co.uk,example.co.uk
        WWW.Shop.Example.Co.UK.  | www.shop.example.co.uk,shop.example.co.uk,example.co.uk
        alice.github.io          | alice.github.io
        www.alice.github.io      | www.alice.github.io,alice.github.io
        a.b.example.com.au       | a.b.example.com.au,b.example.com.au,example.com.au
        www.shop.example         | www.shop.example,shop.example
        shop.example             | shop.example
        www.city.kawasaki.jp     | www.city.kawasaki.jp,city.kawasaki.jp
        co.uk                    | -
        github.io                | -
        localhost                | -
        192.168.1.10             | -
        [::1]                    | -
        """)
    void expiryDomainsStopAtTheRegistrableDomain(String host, String expected) {
        assumeTrue(PublicSuffixes.available(), "this JDK ships no public suffix list");
        assertEquals("-".equals(expected) ? List.of() : List.of(expected.split(",")),
                CookieExpiries.parentDomains(host));
    }

    /**
     * RFC 6265 ignores an attribute it cannot parse, but Chromium and Firefox take the last {@code Max-Age} and the last
     * {@code Expires} whatever their values, and keep a cookie whose last one does not parse for the session: a header
     * that deletes only in the RFC's reading would put a refused tracking cookie into those browsers.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "_ga=GA1.2.3.4; Max-Age=0; Max-Age=soon",
        "_ga=GA1.2.3.4; Max-Age=0; Max-Age",
        "_ga=GA1.2.3.4; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Expires=never",
        "_ga=GA1.2.3.4; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Expires",
        "_ga=GA1.2.3.4; Max-Age=0; Max-Age=; Expires=never",
        // Tomcat and Jetty send control characters as spaces, which browsers trim around an attribute's name; Undertow
        // sends them as they are, and a browser may not read the attribute at all
        "_ga=GA1.2.3.4; Max-Age=0; \u0001Max-Age=3600",
        "_ga=GA1.2.3.4; \u0001Max-Age=0",
        "_ga=GA1.2.3.4; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Expires\u007f=Thu, 01 Jan 2099 00:00:00 GMT",
    })
    void aDeletionTheLastAttributeOfItsNameTakesBackIsRefused(String setCookie) {
        assertFalse(CookieGate.deletes(setCookie), setCookie);
        assertTrue(GATE.refuses(setCookie, REFUSED), setCookie);
    }

    /**
     * Chromium reads a cookie date its own way: a token that starts with a digit is the day only when it is at most two
     * characters long, else the year (its leading digits, up to five characters). A date RFC 6265 reads as past may be
     * no date there (the cookie is kept for the session) or a later one.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "_ga=GA1.2.3.4; Expires=Thu, 1st Jan 1970 00:00:00 GMT",
        "_ga=GA1.2.3.4; Expires=Thu, 01x Jan 1970 00:00:00 GMT",
        "_ga=GA1.2.3.4; Expires=Thu, 01 Jan 99999 1970 00:00:00 GMT",
    })
    void anExpiresOnlyRfc6265ReadsAsPastIsNoDeletion(String setCookie) {
        assertFalse(CookieGate.deletes(setCookie), setCookie);
        assertTrue(GATE.refuses(setCookie, REFUSED), setCookie);
    }

    /**
     * A control character or a character beyond Latin-1 around a cookie's name: Tomcat sends each as a space (Jetty
     * as a byte browsers refuse the cookie for), and browsers trim spaces around a name, so the browser stores
     * {@code _ga}.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "\u0001_ga=GA1.2.3.4; Path=/",
        "\u0000_ga=GA1.2.3.4; Path=/",
        "_ga\u007f=GA1.2.3.4; Path=/",
        "\ufeff_ga=GA1.2.3.4; Path=/",
        "_ga\u200b=GA1.2.3.4; Path=/",
        "\u200b\t_fbp =fb.1.2; Max-Age=7776000",
    })
    void aTrackerCookieNameWithCharactersContainersSendAsSpacesIsRefused(String setCookie) {
        assertTrue(GATE.refuses(setCookie, REFUSED), setCookie);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00a0_ga=GA1.2.3.4", "_g\u0001a=GA1.2.3.4", "pref\u0001=dark; Path=/"})
    void aNameThatStaysAnotherNameInTheBrowserPasses(String setCookie) {
        assertFalse(GATE.refuses(setCookie, REFUSED), setCookie);
    }

    /**
     * A generic name is the vendor's with the vendor's {@code Domain}, read as browsers read it: containers send
     * control characters around an attribute as spaces, which browsers trim.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "IDE=AHWqTUm; Domain=\u0001doubleclick.net",
        "IDE=AHWqTUm; \u0001Domain=doubleclick.net\u007f; Path=/",
    })
    void aGenericNameOnTheVendorsDomainAsBrowsersReadItIsRefused(String setCookie) {
        assertTrue(GATE.refuses(setCookie, REFUSED), setCookie);
    }

    /** An empty last {@code Domain} makes a host-only cookie in Chromium and Firefox: the site's own. */
    @ParameterizedTest
    @ValueSource(strings = {"IDE=abc; Domain=shop.example", "IDE=abc; Domain=doubleclick.net; Domain=shop.example",
        "IDE=abc; Domain=", "IDE=abc; Domain=doubleclick.net; Domain=", "IDE=abc; Path=/"})
    void aGenericNameOnAnotherDomainPasses(String setCookie) {
        assertFalse(GATE.refuses(setCookie, REFUSED), setCookie);
    }

    @Test
    void anExpiresAMinuteAgoDeletesAndOneInAMinuteDoesNot() {
        DateTimeFormatter f = DateTimeFormatter.RFC_1123_DATE_TIME;
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        assertTrue(CookieGate.deletes("_ga=x; Expires=" + f.format(now.minusMinutes(1))));
        assertFalse(CookieGate.deletes("_ga=x; Expires=" + f.format(now.plusMinutes(1))));
    }

    @Test
    void aCookieObjectWithMaxAgeZeroPassesAndASessionCookieDoesNot() {
        Cookie delete = new Cookie("_ga", "");
        delete.setMaxAge(0);
        assertFalse(GATE.refuses(delete, REFUSED));
        Cookie session = new Cookie("_ga", "GA1.2.3.4");
        session.setMaxAge(-1); // the Servlet API's "until the browser closes", not a deletion
        assertTrue(GATE.refuses(session, REFUSED));
    }
    /**
     * The visitor writes the {@code Host} header: the parents of a deep made-up host ({@code a.a.a…a.com}) would be a
     * list as long as the host with strings as long as the host, built again for every refused cookie. No DNS name is
     * longer than 253 characters, so such a host gets no {@code Domain=} expiries, and one of 253 still gets them.
     */
    @Test
    void aHostLongerThanADnsNameGetsNoParentDomains() {
        assumeTrue(PublicSuffixes.available(), "this JDK ships no public suffix list");
        String longest = "a.".repeat(120) + "x.example.com"; // 253 characters
        assertEquals(CookieExpiries.MAX_HOST_CHARS, longest.length());
        assertEquals(122, CookieExpiries.parentDomains(longest).size());
        assertEquals(List.of(), CookieExpiries.parentDomains("a" + longest));
        assertEquals(List.of(), CookieExpiries.parentDomains("a.".repeat(32_768) + "com"));
    }

    @Test
    void aDeepMadeUpHostGetsOnlyHostOnlyExpiries() {
        HttpServletRequest request = request("a.".repeat(32_768) + "com", "_ga=GA1.2.3.4; _fbp=fb.1.2");
        assertEquals(List.of(
                "_ga=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
                "_fbp=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"),
                GATE.expiries(request, REFUSED, Integer.MAX_VALUE));
    }

    /**
     * A {@code Cookie} line of many pairs without {@code =} ({@code a;a;a;…}) is read in one pass: looking for each
     * pair's {@code =} must stop at its {@code ;}, or every pair scans on to the end of the line: 32 MB here, hours.
     */
    @Test
    void aCookieLineOfPairsWithoutEqualsIsReadInOnePass() {
        String line = "a;".repeat(1 << 24) + " _ga=GA1.2.3.4";
        assertEquals(Set.of("_ga"), CookieExpiries.cookieNames(List.of(line)));
    }

    /**
     * The other copies of a cookie sent twice: never the host-only one on {@code Path=/} (the caller sets it in the
     * same response), within the budget however deep the host, and only what browsers accept for prefixed names.
     */
    @Test
    void duplicateExpiriesLeaveTheHostOnlyRootCookieAndStayInTheBudget() {
        assumeTrue(PublicSuffixes.available(), "this JDK ships no public suffix list");
        HttpServletRequest once = request("www.shop.example", "cg_consent=a; theme=b", "/app/consent", false);
        assertEquals(List.of(), GATE.duplicateExpiries(once, "cg_consent", 4096));

        HttpServletRequest twice = request("www.shop.example", "cg_consent=a; theme=b;cg_consent =b",
                "/app/consent;jsessionid=x", false);
        List<String> lines = GATE.duplicateExpiries(twice, "cg_consent", 4096);
        String base = "cg_consent=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=";
        assertEquals(List.of(
                base + "/; Domain=www.shop.example", base + "/; Domain=shop.example",
                base + "/app", base + "/app; Domain=www.shop.example", base + "/app; Domain=shop.example",
                base + "/app/consent", base + "/app/consent; Domain=www.shop.example",
                base + "/app/consent; Domain=shop.example"), lines);

        HttpServletRequest hostPrefixed = request("www.shop.example", "__Host-c=a; __Host-c=b", "/consent", true);
        assertEquals(List.of("__Host-c=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; "
                + "Partitioned"), GATE.duplicateExpiries(hostPrefixed, "__Host-c", 4096));

        String deep = "a.".repeat(120) + "x.example.com";
        List<String> bounded = GATE.duplicateExpiries(request(deep, "c=1; c=2", "/a/b/c/d/e/f/g/h/i", true), "c",
                2048);
        assertFalse(bounded.isEmpty());
        assertTrue(bounded.stream().mapToInt(l -> l.length() + "Set-Cookie: \r\n".length()).sum() <= 2048);

        String line = "a;".repeat(1 << 24) + " c=1; c=2";
        assertEquals(2, CookieExpiries.occurrences(List.of(line), "c"));
    }

    /**
     * A page's expiries keep its headers under a proxy's default 4 KiB buffer while its own headers leave room, and
     * under the container's 8 KiB once they alone need more than 4 KiB.
     */
    @Test
    void expiryRoomKeepsAPageUnderTheProxyBufferWhileItsOwnHeadersFit() {
        assertEquals(4096 - 1024 - 300, CookieGate.expiryRoom(300));
        assertEquals(0, CookieGate.expiryRoom(4096 - 1024));
        assertEquals(8192 - 1024 - 4500, CookieGate.expiryRoom(4500));
        assertTrue(CookieGate.expiryRoom(8192) < 0);
    }

    /**
     * A cookie with more expiry lines than one response has room for (HTTPS, a deep host, five paths: 40 lines) is
     * not left out: every response carries its copies on {@code Path=/}, and the other lines take turns, so that a few
     * responses reach every copy the browser may hold. Within one request every call picks the same lines.
     */
    @Test
    void expiriesThatDoNotFitTakeTurnsAndTheRootCopiesComeFirst() {
        assumeTrue(PublicSuffixes.available(), "this JDK ships no public suffix list");
        CookieGate gate = new CookieGate(TrackerCatalog.bundled(), List.of("/", "/shop", "/blog", "/account",
                "/checkout"));
        String host = "www.shop.example.co.uk";
        List<String> all = gate.expiries(request(host, "_ga=GA1.2.3.4", "/", true), REFUSED, Integer.MAX_VALUE);
        assertEquals(2 * 5 * 4, all.size());
        String root = "_ga=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/";
        List<String> rootCopies = List.of(root, root + "; Domain=www.shop.example.co.uk",
                root + "; Domain=shop.example.co.uk", root + "; Domain=example.co.uk");
        int budget = 1500;
        java.util.Set<String> reached = new java.util.HashSet<>();
        for (int i = 0; i < 6; i++) {
            HttpServletRequest r = request(host, "_ga=GA1.2.3.4", "/", true);
            List<String> lines = gate.expiries(r, REFUSED, budget);
            assertTrue(lines.containsAll(rootCopies), lines.toString());
            assertTrue(lines.stream().mapToInt(l -> l.length() + "Set-Cookie: \r\n".length()).sum() <= budget);
            assertTrue(lines.size() > rootCopies.size(), lines.toString());
            assertEquals(lines, gate.expiries(r, REFUSED, budget), "a second call in the same request");
            reached.addAll(lines);
        }
        assertEquals(new java.util.HashSet<>(all), reached);
    }

    private static HttpServletRequest request(String host, String cookie) {
        return request(host, cookie, "/", false);
    }

    private static HttpServletRequest request(String host, String cookie, String uri, boolean secure) {
        java.util.Map<String, Object> attributes = new java.util.HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(CookieGateTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getServerName" -> host;
                    case "getRequestURI" -> uri;
                    case "isSecure" -> secure;
                    case "getHeaders" -> Collections.enumeration(
                            "Cookie".equalsIgnoreCase((String) args[0]) ? List.of(cookie) : List.<String>of());
                    default -> null;
                });
    }
}
