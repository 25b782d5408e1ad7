package io.consentgate.matrix;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the wire (default policy: opt-in, {@code vary=vary}): a response no other decision would change (a stylesheet
 * that sets no cookie) carries none of ConsentGate's {@code Vary} tokens, nor its {@code Tk} or
 * {@code Permissions-Policy}, so a shared cache keeps one copy for every visitor; a page, a stylesheet that sets a
 * cookie, or one whose request carries a refused cookie keeps them; the application's own tokens always stay.
 */
class SharedCacheContainerTest {

    private static BothContainers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = new BothContainers(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        servers.close();
    }

    private static HttpTester.Response get(String kind, String query, String... headers) throws Exception {
        byte[] raw = servers.server(kind).exchange("GET /cache?" + query + " HTTP/1.1\nHost: www.shop.example\n"
                + String.join("", headers) + "Connection: close\n\n");
        HttpTester.Response r = HttpTester.parseResponse(ByteBuffer.wrap(raw));
        assertNotNull(r);
        assertEquals(200, r.getStatus(), query);
        return r;
    }

    private static String vary(HttpTester.Response r) {
        return String.join(", ", r.getValuesList("Vary"));
    }

    private static void assertDependsOnDecision(HttpTester.Response r) {
        String vary = vary(r);
        assertTrue(vary.contains("DNT") && vary.contains("Sec-GPC") && vary.contains("Cookie"), vary);
        assertEquals("N", r.get("Tk"));
        assertNotNull(r.get("Permissions-Policy"));
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aStylesheetWithoutCookiesCarriesNothingThatVariesByDecision(String kind) throws Exception {
        HttpTester.Response r = get(kind, "ct=text/css");
        assertEquals(List.of(), r.getValuesList("Vary"));
        assertNull(r.get("Tk"));
        assertNull(r.get("Permissions-Policy"));
        assertEquals("body{color:#333}\n", r.getContent());
        // the same from a visitor who refuses by signal: nothing in it follows the decision
        HttpTester.Response dnt = get(kind, "ct=text/css", "DNT: 1\n", "Sec-GPC: 1\n");
        assertEquals(List.of(), dnt.getValuesList("Vary"));
        assertNull(dnt.get("Tk"));
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aPageKeepsEverything(String kind) throws Exception {
        assertDependsOnDecision(get(kind, "ct=text/html;charset=UTF-8"));
    }

    /** Headers flushed before the first byte of a body without a type: it may still be a page, and is one here. */
    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aBodyOfUnknownTypeFlushedBeforeItsFirstByteKeepsEverything(String kind) throws Exception {
        HttpTester.Response r = get(kind, "flushfirst");
        assertTrue(r.getContent().contains("hello") && !r.getContent().contains("googletagmanager"), r.getContent());
        assertDependsOnDecision(r);
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aStylesheetThatSetsACookieKeepsEverything(String kind) throws Exception {
        // _ga is refused (opt-in, no consent) and dropped: for a visitor who consented it would go out
        HttpTester.Response tracker = get(kind, "ct=text/css&cookie=_ga%3DGA1.1.1.1");
        assertNull(tracker.get("Set-Cookie"));
        assertDependsOnDecision(tracker);
        HttpTester.Response own = get(kind, "ct=text/css&cookie=theme%3Ddark");
        assertEquals("theme=dark", own.get("Set-Cookie"));
        assertDependsOnDecision(own);
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aStylesheetForAVisitorCarryingARefusedCookieKeepsEverything(String kind) throws Exception {
        HttpTester.Response r = get(kind, "ct=text/css", "Cookie: _ga=GA1.1.1.1\n");
        assertTrue(String.join("\n", r.getValuesList("Set-Cookie")).contains("_ga=;"), "the expiry of _ga");
        assertDependsOnDecision(r);
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aStylesheetWhoseApplicationReadTheDecisionKeepsEverything(String kind) throws Exception {
        HttpTester.Response r = get(kind, "ct=text/css&read");
        assertTrue(r.getContent().contains("analytics: false"), r.getContent());
        assertDependsOnDecision(r);
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aLinkToATrackerKeepsEverythingAndAnyOtherLinkDoesNot(String kind) throws Exception {
        assertDependsOnDecision(get(kind,
                "ct=text/css&link=%3Chttps://www.googletagmanager.com/gtag/js%3Fid%3DG-1%3E;%20rel%3Dpreload;%20as%3Dscript"));
        HttpTester.Response font = get(kind, "ct=text/css&link=%3C/font.woff2%3E;%20rel%3Dpreload;%20as%3Dfont");
        assertEquals(List.of(), font.getValuesList("Vary"));
        assertEquals("</font.woff2>; rel=preload; as=font", font.get("Link"));
    }

    /**
     * A {@code 304} has no body to tell what it confirms: one for a stylesheet (a URI of that type, or a request for
     * a style) is shared; one that may confirm a page (a URI of no known type asked for as a document) keeps the
     * page's {@code Vary}.
     */
    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aNotModifiedVariesOnlyWhenItMayConfirmAPage(String kind) throws Exception {
        HttpTester.Response byType = get304(kind, "/cache.css", "Accept: text/css\n");
        assertEquals("Accept-Encoding", vary(byType));
        assertNull(byType.get("Tk"));
        assertEquals("Accept-Encoding", vary(get304(kind, "/cache", "Sec-Fetch-Dest: style\n")));
        HttpTester.Response page = get304(kind, "/cache", "Sec-Fetch-Dest: document\n");
        assertTrue(vary(page).contains("Sec-GPC") && vary(page).contains("Accept-Encoding"), vary(page));
        assertEquals("N", page.get("Tk"));
        assertTrue(vary(get304(kind, "/cache.html", "Accept: */*\n")).contains("Sec-GPC"));
    }

    private static HttpTester.Response get304(String kind, String path, String header) throws Exception {
        byte[] raw = servers.server(kind).exchange("GET " + path + "?sc=304&vary=Accept-Encoding HTTP/1.1\n"
                + "Host: www.shop.example\n" + header + "Connection: close\n\n");
        HttpTester.Response r = HttpTester.parseHeadResponse(ByteBuffer.wrap(raw));
        assertNotNull(r);
        assertEquals(304, r.getStatus());
        return r;
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void theApplicationsOwnVaryTokensStay(String kind) throws Exception {
        assertEquals("Accept-Encoding", vary(get(kind, "ct=text/css&vary=Accept-Encoding")));
        // Cookie set by the application itself is the application's: it stays, ConsentGate's others go
        String both = vary(get(kind, "ct=text/css&vary=Accept-Encoding&vary=cookie"));
        assertEquals(List.of("accept-encoding", "cookie"),
                List.of(both.toLowerCase(java.util.Locale.ROOT).split(", ")).stream().sorted().toList(), both);
        String page = vary(get(kind, "ct=text/html;charset=UTF-8&vary=Accept-Encoding"));
        assertTrue(page.contains("Accept-Encoding") && page.contains("Sec-GPC"), page);
    }
    /**
     * An error sent with {@code sendError}: the error page is written after the headers, so it follows the decision.
     * With an application error page ({@code /error-page} for 404) every container keeps ConsentGate's {@code Vary};
     * a status without one gets the container's own page, and Jetty's error handling removes {@code Vary} from that
     * (with the other content headers) but marks it {@code no-store}, so no cache keeps it for another visitor.
     */
    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void anErrorPageIsNeverSharedAcrossDecisions(String kind) throws Exception {
        for (String path : new String[] {"/?cs=UTF-8&n=100&o=SEND_ERROR&a=sync", "/case/no-such-case"}) {
            byte[] raw = servers.server(kind).exchange("GET " + path + " HTTP/1.1\nHost: www.shop.example\n"
                    + "Sec-GPC: 1\nConnection: close\n\n");
            HttpTester.Response r = HttpTester.parseResponse(ByteBuffer.wrap(raw));
            assertNotNull(r);
            assertTrue(r.getStatus() >= 400, path + " " + r.getStatus());
            assertEquals("N", r.get("Tk"), path);
            String cacheControl = String.valueOf(r.get("Cache-Control"));
            boolean varies = vary(r).contains("Sec-GPC") && vary(r).contains("Cookie");
            assertTrue(varies || cacheControl.contains("no-store"),
                    kind + " " + path + ": Vary=" + vary(r) + " Cache-Control=" + cacheControl);
            if (path.contains("SEND_ERROR")) {
                assertTrue(varies, kind + ": the application's error page keeps Vary: " + vary(r));
            }
        }
    }
}
