package io.consentgate.matrix;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The response contract where a wrapper that holds the body back could lose bytes, bring discarded ones back, or
 * refuse what the container allows ({@link ContractCases}), on Jetty 12 and Tomcat 11 with the default policy (a
 * request without consent refuses every tracker): each page must arrive exactly as the rewriter makes it of what the
 * application meant to send.
 */
class ResponseContractContainerTest {

    private static final byte[] EXPECTED = ScenarioMatrixTest.expected(CommitCases.PAGE, StandardCharsets.UTF_8);
    private static BothContainers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = new BothContainers(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        servers.close();
    }

    private static HttpTester.Response exchange(String kind, String method, String name) throws Exception {
        return servers.exchange(kind, method, "/contract/" + name);
    }

    private static void assertPage(String kind, String name) throws Exception {
        HttpTester.Response r = exchange(kind, "GET", name);
        assertEquals(200, r.getStatus(), name + ": " + r.getContent());
        ScenarioMatrixTest.assertBytes(EXPECTED, r.getContentBytes());
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void resetBufferDiscardsWhatTheWriterStillHeld(String kind) throws Exception {
        assertPage(kind, "reset-buffer-writer");
        assertPage(kind, "reset-buffer-writer-large");
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void theWriterAndStreamTakenBeforeResetKeepWorking(String kind) throws Exception {
        assertPage(kind, "reset-old-writer");
        assertPage(kind, "reset-old-stream");
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aForwardClearsWhatWasWrittenBeforeIt(String kind) throws Exception {
        assertPage(kind, "forward-writer");
        assertPage(kind, "forward-stream");
        assertPage(kind, "forward-stream-by-context");
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aForwardTargetsBytesAreReadInTheTargetsCharsetNotTheCallersWriters(String kind) throws Exception {
        // the caller wrote UTF-8 text through the writer; the target sends UTF-16BE bytes through the stream
        HttpTester.Response r = exchange(kind, "GET", "forward-writer-to-utf16-stream");
        assertEquals(200, r.getStatus());
        String page = new String(r.getContentBytes(), StandardCharsets.UTF_16BE);
        assertTrue(page.contains("Café Lumière") && !page.contains("DISCARDED"), page.substring(0, 200));
        for (String host : Pages.TRACKER_HOSTS) {
            assertFalse(page.contains(host), host + " in the forwarded UTF-16 page");
        }
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aLoneHighSurrogateIsReplacedWhereItStands(String kind) throws Exception {
        // malformed text: the lone half becomes '?', the pair after it stays whole, nothing moves
        assertEquals("<p>a?\uD83D\uDE00b</p>", exchange(kind, "GET", "writer-lone-high-surrogate").getContent());
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aForwardThroughTheRequestsDispatcherArrivesWholeWithoutTheForwardMapping(String kind) throws Exception {
        // Tomcat 11 closes the forwarded response when the forward returns, before the filter ends the body: what
        // the target wrote through the writer must have gone on by then
        try (MatrixServer noForward = MatrixServer.start(kind, Map.of(), false, false)) {
            for (String name : List.of("forward-writer", "forward-stream")) {
                byte[] raw = noForward.exchange("GET /contract/" + name
                        + " HTTP/1.1\nHost: www.shop.example\nConnection: close\n\n");
                HttpTester.Response r = HttpTester.parseResponse(java.nio.ByteBuffer.wrap(raw));
                assertEquals(200, r.getStatus(), ScenarioMatrixTest.head(raw));
                ScenarioMatrixTest.assertBytes(EXPECTED, r.getContentBytes());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void theForwardTargetMayTakeTheWriterAfterTheCallerTookTheStream(String kind) throws Exception {
        // Jetty allows it (a forward starts the output afresh); ConsentGate allows it on both containers, as the
        // target writes into a body the caller's bytes were cleared from.
        assertPage(kind, "forward-stream-to-writer");
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aPageWrittenFromAnAsyncTimeoutArrives(String kind) throws Exception {
        assertPage(kind, "async-timeout");
        assertPage(kind, "async-timeout-supplied");
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aBodyWithoutContentTypeThatBrowsersSniffAsHtmlIsRewritten(String kind) throws Exception {
        HttpTester.Response r = exchange(kind, "GET", "no-content-type");
        ScenarioMatrixTest.assertBytes(EXPECTED, r.getContentBytes());
        assertEquals("N", r.get("Tk"));
        byte[] blank = exchange(kind, "GET", "no-content-type-after-blank-lines").getContentBytes();
        ScenarioMatrixTest.assertBytes(EXPECTED, java.util.Arrays.copyOfRange(blank, 2, blank.length));
        assertEquals("\n\n", new String(blank, 0, 2, StandardCharsets.US_ASCII), "sniffed across the held bytes");
        byte[] json = ("{\"ad\":\"<img src=\\\"https://www.facebook.com/tr?id=1\\\">\"}").getBytes(
                StandardCharsets.US_ASCII);
        assertArrayEquals(json, exchange(kind, "GET", "no-content-type-json").getContentBytes(),
                "a body browsers would not sniff as HTML passes through");
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void bufferSizeCannotChangeAfterContentWasWritten(String kind) throws Exception {
        HttpTester.Response r = exchange(kind, "GET", "buffer-size-after-write");
        assertEquals("IllegalStateException", r.get("X-Buffer-Size"));
        ScenarioMatrixTest.assertBytes(EXPECTED, r.getContentBytes());
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void anUnknownCharsetFailsGetWriterAsInTheContainer(String kind) throws Exception {
        HttpTester.Response r = exchange(kind, "GET", "unknown-charset");
        assertEquals("UnsupportedEncodingException", r.get("X-Writer"));
        ScenarioMatrixTest.assertBytes(EXPECTED, r.getContentBytes());
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aDownloadWhoseHeadersAreFlushedBeforeItsBytesKeepsItsLength(String kind) throws Exception {
        // flushBuffer() before the stream was taken committed the headers without the length ConsentGate held
        HttpTester.Response r = exchange(kind, "GET", "download-headers-flushed-first");
        assertEquals(200, r.getStatus());
        assertEquals(String.valueOf(ContractCases.download().length), r.get("Content-Length"));
        assertNull(r.get("Transfer-Encoding"));
        assertArrayEquals(ContractCases.download(), r.getContentBytes());
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aPageWhoseHeadersAreFlushedBeforeItsBytesIsRewrittenWithoutItsOldLength(String kind) throws Exception {
        HttpTester.Response r = exchange(kind, "GET", "html-headers-flushed-first");
        assertEquals(200, r.getStatus());
        String length = r.get("Content-Length");
        assertTrue(length == null || length.equals(String.valueOf(EXPECTED.length)), length);
        ScenarioMatrixTest.assertBytes(EXPECTED, r.getContentBytes());
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aBodyWithoutContentTypeFlushedBeforeItsFirstByteIsSniffedAtItsFirstBytes(String kind) throws Exception {
        // nothing to sniff when the headers go: the page that follows is still HTML to the browser
        for (String name : List.of("no-content-type-flushed-first", "no-content-type-stream-flushed-first")) {
            ScenarioMatrixTest.assertBytes(EXPECTED, exchange(kind, "GET", name).getContentBytes());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty"}) // Tomcat's and Undertow's print take ISO-8859-1 text only, filter or not
    void textPrintedThroughJettysStreamIsEncodedInTheResponsesCharset(String kind) throws Exception {
        // Jetty's ServletOutputStream.print encodes in the response's charset; ConsentGate's stream used the API's
        // print, which refuses anything past ISO-8859-1: the page became a 500
        assertPage(kind, "stream-print");
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void printOnTheStreamWritesTheBytesTheContainersOwnPrintWrites(String kind) throws Exception {
        HttpTester.Response r = exchange(kind, "GET", "stream-print-latin1-text");
        assertEquals(200, r.getStatus());
        String text = "<p>Caf\u00e9 cr\u00e8me</p><p>\u00bd price</p>\r\n\u00e9";
        // Jetty encodes in the response's charset (UTF-8); the API's print writes each character as one byte
        byte[] expected = text.getBytes(kind.equals("jetty") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        assertArrayEquals(expected, r.getContentBytes(), new String(r.getContentBytes(), StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat"}) // Jetty itself announces 0 for a HEAD that wrote nothing, filter or not
    void headDoesNotAnnounceAnEmptyBodyItDidNotWrite(String kind) throws Exception {
        assertEquals("10", exchange(kind, "GET", "plain-text").get("Content-Length"));
        assertNull(exchange(kind, "HEAD", "plain-text").get("Content-Length"), "Tomcat sends no length itself");
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void whatIsWrittenAfterSendErrorIsIgnoredAndTheErrorStands(String kind) throws Exception {
        // Undertow (WildFly) closes its stream at sendError when no error page is mapped for the status: the bytes
        // written afterwards, passed on when the filter ended the response, threw there and turned a 403 into a 500.
        // The stream only where the container ignores such bytes: Undertow throws them back to the application, as
        // it does without the filter (a 500 either way).
        List<String> names = kind.equals("undertow") ? List.of("send-error-then-writer")
                : List.of("send-error-then-writer", "send-error-then-stream");
        for (String name : names) {
            HttpTester.Response forbidden = exchange(kind, "GET", name + "?status=403");
            assertEquals(403, forbidden.getStatus(), name + ": " + forbidden.getContent());
            assertFalse(forbidden.getContent().contains("DISCARDED"), forbidden.getContent());
            HttpTester.Response notFound = exchange(kind, "GET", name + "?status=404");
            assertEquals(404, notFound.getStatus(), name + ": " + notFound.getContent());
            assertFalse(notFound.getContent().contains("DISCARDED"), notFound.getContent());
            ScenarioMatrixTest.assertBytes(EXPECTED, notFound.getContentBytes()); // the mapped error page
        }
    }

    /** Undertow 2.3 has no 103 for {@code sendError(103)}: it answers with an error page, with or without the filter. */
    static Stream<String> kindsWithEarlyHints() {
        return MatrixServer.kinds().stream().filter(kind -> !kind.equals("undertow"));
    }

    @ParameterizedTest
    @MethodSource("kindsWithEarlyHints")
    void earlyHintsAreAnInterimResponseWithoutTheRefusedTrackersHint(String kind) throws Exception {
        // sendError(103) used to be taken as a final error: the page was lost and the 103 kept the tracker's hint
        String raw = new String(servers.raw(kind, "/contract/early-hints"), StandardCharsets.ISO_8859_1);
        assertTrue(raw.startsWith("HTTP/1.1 103"), raw.substring(0, Math.min(200, raw.length())));
        int last = raw.lastIndexOf("HTTP/1.1 ");
        String hints = raw.substring(0, last);
        assertTrue(hints.contains("Link: </assets/site.css>; rel=preload; as=style\r\n"), hints);
        assertFalse(hints.contains("googletagmanager"), hints);
        HttpTester.Response page = HttpTester.parseResponse(java.nio.ByteBuffer.wrap(
                raw.substring(last).getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(200, page.getStatus(), raw.substring(last, Math.min(raw.length(), last + 300)));
        assertEquals("</assets/site.css>; rel=preload; as=style", page.get("Link"));
        ScenarioMatrixTest.assertBytes(EXPECTED, page.getContentBytes());
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void linkHeadersLoseTheirHintsToRefusedTrackersOnEveryDoor(String kind) throws Exception {
        HttpTester.Response r = exchange(kind, "GET", "link-headers");
        assertEquals(200, r.getStatus());
        // a Servlet 6.0 container cannot remove a header: there the replaced links leave an empty Link
        List<String> links = r.getValuesList("Link").stream().filter(v -> !v.isEmpty()).toList();
        assertEquals(List.of("</assets/app.js>; rel=modulepreload"), links);
        ScenarioMatrixTest.assertBytes(EXPECTED, r.getContentBytes());
    }

    @org.junit.jupiter.api.Test
    void jettyRunsTheServletEnvironmentTheTestExecutionAsksFor() throws Exception {
        String env = Boolean.getBoolean("consentgate.test.jetty.ee11") ? ".ee11." : ".ee10.";
        String requestClass = exchange("jetty", "GET", "container-request-class").getContent();
        assertTrue(requestClass.startsWith("org.eclipse.jetty") && requestClass.contains(env), requestClass);
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aRefreshHeaderToARefusedTrackerIsNotSent(String kind) throws Exception {
        HttpTester.Response r = exchange(kind, "GET", "refresh-headers");
        assertEquals(List.of("30; url=/contract/next"), r.getValuesList("Refresh"));
        ScenarioMatrixTest.assertBytes(EXPECTED, r.getContentBytes());
        List<String> replaced = exchange(kind, "GET", "refresh-headers?replace=1").getValuesList("Refresh");
        assertEquals(List.of(), replaced.stream().filter(v -> !v.isEmpty()).toList());
    }
}
