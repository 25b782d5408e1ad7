package io.consentgate.matrix;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.RewriteStream;
import io.consentgate.html.TrackerEvent;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commit-time decisions outside the matrix, on Jetty 12 and Tomcat 11 (default policy: opt-in, so a request
 * without consent refuses every tracker): compressed bodies, validators, bodiless statuses, HEAD, non-HTML, stream
 * and writer exclusivity.
 */
class CommitDecisionContainerTest {

    private static final byte[] PAGE = Pages.bytes(CommitCases.PAGE, StandardCharsets.UTF_8);
    /** The start-up line of a report-only filter, up to its policy. */
    private static final String REPORT_ONLY_LINE = "report-only (logging what it would change, responses unchanged) "
            + "Policy{";
    private static BothContainers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = new BothContainers(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        servers.close();
    }

    private static HttpTester.Response get(String kind, String method, String name) throws Exception {
        return servers.exchange(kind, method, "/case/" + name);
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void compressedHtmlPassesThroughUntouchedWithItsLength(String kind) throws Exception {
        HttpTester.Response r = get(kind, "GET", "gzip");
        byte[] gz = CommitCases.gzip(PAGE);
        assertEquals("gzip", r.get("Content-Encoding"));
        assertEquals(Integer.toString(gz.length), r.get("Content-Length"));
        assertArrayEquals(gz, r.getContentBytes());
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void rewrittenBodyGetsAWeakEtagNamingTheDecisionAndKeepsVary(String kind) throws Exception {
        HttpTester.Response r = get(kind, "GET", "etag");
        assertEquals("W/\"v42.cg1s\"", r.get("ETag"), "weak, for necessary only (1), from a strong tag (s)");
        String vary = String.join(",", r.getValuesList("Vary"));
        assertTrue(vary.contains("Accept-Encoding") && vary.contains("Sec-GPC"), vary);
        ScenarioMatrixTest.assertBytes(ScenarioMatrixTest.expected(CommitCases.PAGE, StandardCharsets.UTF_8),
                r.getContentBytes());
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void bodilessStatusesStayBodiless(String kind) throws Exception {
        HttpTester.Response notModified = get(kind, "GET", "not-modified");
        assertEquals(304, notModified.getStatus());
        assertEquals(0, notModified.getContentBytes() == null ? 0 : notModified.getContentBytes().length);
        HttpTester.Response noContent = get(kind, "GET", "no-content");
        assertEquals(204, noContent.getStatus());
        assertNull(noContent.get("Transfer-Encoding"));
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void statusSetAfterAWriteBeforeCommitStillCounts(String kind) throws Exception {
        HttpTester.Response r = get(kind, "GET", "status-after-write");
        assertEquals(204, r.getStatus());
        assertNull(r.get("Transfer-Encoding"));
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void headOfAnHtmlPageHasNoBody(String kind) throws Exception {
        HttpTester.Response r = get(kind, "HEAD", "html-length");
        assertEquals(200, r.getStatus());
        assertEquals(0, r.getContentBytes() == null ? 0 : r.getContentBytes().length);
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void htmlWithALengthIsRewrittenAndReframed(String kind) throws Exception {
        HttpTester.Response r = get(kind, "GET", "html-length");
        byte[] expected = ScenarioMatrixTest.expected(CommitCases.PAGE, StandardCharsets.UTF_8);
        String length = r.get("Content-Length");
        assertTrue(length == null || Integer.parseInt(length) == expected.length, length);
        ScenarioMatrixTest.assertBytes(expected, r.getContentBytes());
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void nonHtmlPassesThroughWithItsLength(String kind) throws Exception {
        HttpTester.Response r = get(kind, "GET", "css");
        assertEquals("text/css", r.get("Content-Type").split(";")[0]);
        String body = r.getContent();
        assertTrue(body.contains("facebook.com/tr"), "CSS is not HTML: not rewritten");
        assertEquals(Integer.toString(body.length()), r.get("Content-Length"));
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void streamAndWriterAreExclusiveAsInTheContainer(String kind) throws Exception {
        HttpTester.Response stream = get(kind, "GET", "exclusive");
        assertEquals("IllegalStateException", stream.get("X-Writer-After-Stream"));
        HttpTester.Response writer = get(kind, "GET", "exclusive-writer");
        assertEquals("IllegalStateException", writer.get("X-Stream-After-Writer"));
        byte[] expected = ScenarioMatrixTest.expected(CommitCases.PAGE, StandardCharsets.UTF_8);
        ScenarioMatrixTest.assertBytes(expected, stream.getContentBytes());
        ScenarioMatrixTest.assertBytes(expected, writer.getContentBytes());
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void reportOnlyLeavesThePageAndCookiesUnchanged(String kind) throws Exception {
        long started = logLinesWith("ConsentGate " + REPORT_ONLY_LINE);
        long enforcing = logLinesWith("ConsentGate enforcing Policy{");
        try (MatrixServer reportOnly = MatrixServer.start(kind, Map.of("report-only", "true"))) {
            long before = logLinesWith("report-only: would remove <");
            byte[] raw = reportOnly.exchange("GET /case/etag HTTP/1.1\nHost: www.shop.example\nConnection: close\n\n");
            // The start-up line (Undertow starts filters at the first request) says report-only, so nobody takes
            // the deployment for an enforcing one.
            assertEquals(started + 1, logLinesWith("ConsentGate " + REPORT_ONLY_LINE));
            assertEquals(enforcing, logLinesWith("ConsentGate enforcing Policy{"));
            HttpTester.Response r = HttpTester.parseResponse(ByteBuffer.wrap(raw));
            assertNotNull(r, ScenarioMatrixTest.head(raw));
            ScenarioMatrixTest.assertBytes(PAGE, r.getContentBytes());
            assertEquals("\"v42\"", r.get("ETag"), "the body is unchanged, so the strong validator holds");
            assertEquals(String.valueOf(PAGE.length), r.get("Content-Length"), "and so does the length");
            // What enforcing would have done is in the log instead: one line per element it would remove.
            assertEquals(before + removals(PAGE), logLinesWith("report-only: would remove <"));
            long cookieLines = logLinesWith("report-only: would drop a Set-Cookie header");
            byte[] cookies = reportOnly.exchange("GET /cookies?door=addHeader&name=_ga HTTP/1.1\n"
                    + "Host: www.shop.example\nConnection: close\n\n");
            HttpTester.Response c = HttpTester.parseResponse(ByteBuffer.wrap(cookies));
            assertTrue(c.getValuesList("Set-Cookie").stream().anyMatch(v -> v.startsWith("_ga=v1")),
                    c.getValuesList("Set-Cookie").toString());
            assertEquals(cookieLines + 1, logLinesWith("report-only: would drop a Set-Cookie header"));
        }
    }

    /** The elements the bundled rewriter removes from {@code page} for a visitor who refused everything. */
    private static long removals(byte[] page) throws Exception {
        long[] n = new long[1];
        RewriteStream stream = HtmlRewriter.builder(TrackerCatalog.bundled()).build().open(ConsentDecision.refuseAll(),
                StandardCharsets.UTF_8, OutputStream.nullOutputStream(), e -> {
                    if (e.action() == TrackerEvent.Action.REMOVED) {
                        n[0]++;
                    }
                });
        stream.write(page, 0, page.length);
        stream.finish();
        assertTrue(n[0] > 0, "the page carries trackers");
        return n[0];
    }

    /** The lines of this run's SLF4J log file (see the pom's surefire settings) that contain {@code text}. */
    private static long logLinesWith(String text) throws Exception {
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/slf4j-test.log"));
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }
}
