package io.consentgate.matrix;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.RewriteStream;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The scenario matrix: every {@link Ordering} × bodies of 0 and 1 bytes, just under, at and just over the container's
 * response buffer (and 10 MB for a subset) × UTF-8 and Shift_JIS × written on the request thread, after
 * {@code startAsync()} from another thread, or through a {@code WriteListener}, on Jetty 12, Tomcat 11 and Undertow 2.3. The client
 * must always receive a complete, correctly framed response whose body is exactly what the rewriter makes of the page
 * for a visitor who refused everything (no signals, no consent: opt-in).
 */
class ScenarioMatrixTest {

    private static final ConsentDecision REFUSED = ConsentDecision.refuseAll();
    private static final HtmlRewriter REWRITER = HtmlRewriter.builder(TrackerCatalog.bundled()).build();
    private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");
    private static final int TEN_MB = 10 * 1024 * 1024;
    /** Whether the Servlet API on the class path is 6.1 (the build's servlet-6.1 execution). */
    private static final boolean SERVLET_61 = hasServlet61Redirect();
    private static final Map<String, MatrixServer> SERVERS = new LinkedHashMap<>();
    private static final Map<String, byte[]> EXPECTED = new ConcurrentHashMap<>();
    /** Chunking of {@link Ordering#RANDOM_CHUNKS_AND_FLUSHES}; printed, and reproducible with -Dmatrix.seed=. */
    private static final long SEED = Long.getLong("matrix.seed", new java.util.Random().nextLong());

    @BeforeAll
    static void start() throws Exception {
        System.err.println("ScenarioMatrixTest seed " + SEED + " (rerun with -Dmatrix.seed=" + SEED + ")");
        List<String> only = List.of(System.getProperty("matrix.only", "").split(","));
        boolean namesAKind = MatrixServer.kinds().stream().anyMatch(only::contains);
        for (String kind : MatrixServer.kinds()) {
            if (namesAKind && !only.contains(kind)) {
                continue; // matrix.only names other containers: this one's rows are all left out
            }
            SERVERS.put(kind, MatrixServer.start(kind, Map.of()));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (MatrixServer s : SERVERS.values()) {
            s.close();
        }
    }

    static Stream<Arguments> smallBodies() {
        List<Arguments> out = new ArrayList<>();
        for (String kind : MatrixServer.kinds()) {
            int buffer = MatrixServer.bufferSize(kind);
            for (int size : new int[] {0, 1, buffer - 1, buffer, buffer + 1}) {
                for (Charset cs : List.of(StandardCharsets.UTF_8, SHIFT_JIS)) {
                    for (Ordering o : Ordering.values()) {
                        if (o.redirects() && "tomcat".equals(kind) && !SERVLET_61) {
                            // Not runnable with the Servlet 6.0 API (pom) before Tomcat 11's 6.1 classes:
                            // HttpServletResponseWrapper.sendRedirect(String) then hits an abstract method Tomcat's
                            // ResponseFacade no longer implements (AbstractMethodError). The build's servlet-6.1
                            // execution runs Tomcat's rows with Tomcat's own API classes, and these with them.
                            continue;
                        }
                        if (o == Ordering.INCLUDE_FRAGMENT_GOES_ASYNC && "undertow".equals(kind)) {
                            // Undertow ends the include when include() returns, so the status and header the
                            // fragment sets later from its async thread apply to the response (500), with or without
                            // ConsentGate: its own behaviour, and a race with the include's return.
                            continue;
                        }
                        out.add(Arguments.of(kind, o, size, cs.name(), "sync"));
                        if ((o == Ordering.INCLUDE_THEN_REDIRECT || o == Ordering.CONTEXT_INCLUDE_THEN_REDIRECT)
                                && "undertow".equals(kind)) {
                            // An include from an async thread whose fragment redirects and sends an error: Undertow
                            // never completes it without ConsentGate; with it (the wrapper ignores both) about one
                            // exchange in a few thousand still hangs under load, inside Undertow's include.
                            continue;
                        }
                        if (o != Ordering.INCLUDE_FRAGMENT_GOES_ASYNC) { // it starts async itself
                            out.add(Arguments.of(kind, o, size, cs.name(), "async"));
                        }
                    }
                    out.add(Arguments.of(kind, Ordering.TYPE_STREAM_WRITE, size, cs.name(), "listener"));
                }
            }
        }
        return only(out);
    }

    private static boolean hasServlet61Redirect() {
        try {
            jakarta.servlet.http.HttpServletResponse.class.getMethod("sendRedirect", String.class, int.class,
                    boolean.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** {@code -Dmatrix.only=tomcat,FORWARD} narrows the matrix while investigating (all by default). */
    private static Stream<Arguments> only(List<Arguments> all) {
        String only = System.getProperty("matrix.only", "");
        if (only.isBlank()) {
            return all.stream();
        }
        List<String> words = List.of(only.split(","));
        return all.stream().filter(a -> {
            List<String> values = Stream.of(a.get()).map(String::valueOf).toList();
            return values.containsAll(words);
        });
    }

    static Stream<Arguments> tenMegabytes() {
        List<Arguments> out = new ArrayList<>();
        for (String kind : MatrixServer.kinds()) {
            for (Ordering o : List.of(Ordering.TYPE_STREAM_WRITE, Ordering.TYPE_WRITER_WRITE,
                    Ordering.LENGTH_TYPE_STREAM_WRITE, Ordering.STREAM_WRITE_FLUSH_WRITE)) {
                out.add(Arguments.of(kind, o, TEN_MB, "UTF-8", "sync"));
                out.add(Arguments.of(kind, o, TEN_MB, "UTF-8", "async"));
            }
            out.add(Arguments.of(kind, Ordering.TYPE_STREAM_WRITE, TEN_MB, "UTF-8", "listener"));
        }
        return only(out);
    }

    @ParameterizedTest(name = "{0} {1} {2}B {3} {4}")
    @MethodSource("smallBodies")
    void clientReceivesTheRewrittenPageCompleteAndFramed(String kind, Ordering ordering, int size, String charset,
                                                         String mode) throws Exception {
        check(kind, ordering, size, Charset.forName(charset), mode);
    }

    @ParameterizedTest(name = "{0} {1} {2}B {3} {4}")
    @MethodSource("tenMegabytes")
    void tenMegabytePagesStreamRewrittenCompleteAndFramed(String kind, Ordering ordering, int size, String charset,
                                                          String mode) throws Exception {
        check(kind, ordering, size, Charset.forName(charset), mode);
    }

    private static void check(String kind, Ordering ordering, int size, Charset cs, String mode) throws Exception {
        long start = System.nanoTime();
        try {
            exchangeAndCheck(kind, ordering, size, cs, mode);
        } catch (AssertionError | IOException e) { // a read that timed out says which row hung
            throw new AssertionError(kind + " " + ordering + " " + size + "B " + cs + " " + mode + " seed " + SEED
                    + " (" + (System.nanoTime() - start) / 1_000_000 + " ms): " + e, e);
        }
    }

    private static void exchangeAndCheck(String kind, Ordering ordering, int size, Charset cs, String mode)
            throws Exception {
        byte[] raw = SERVERS.get(kind).exchange("GET /m?o=" + ordering + "&n=" + size + "&cs=" + cs.name() + "&a="
                + mode + "&seed=" + SEED + " HTTP/1.1\nHost: www.shop.example\nConnection: close\n\n");
        HttpTester.Response r = HttpTester.parseResponse(ByteBuffer.wrap(raw));
        assertNotNull(r, "no parsable response: " + head(raw));
        assertNull(r.get("X-Scenario-Failure"), r.get("X-Scenario-Failure"));
        assertEquals(ordering.expectedStatus(), r.getStatus(), head(raw));
        assertFramed(raw, r);
        if (!ordering.sendsPage()) {
            assertEquals("/moved/here", location(r.get("Location")));
            return;
        }
        byte[] expected = expected(size, cs);
        assertBytes(expected, r.getContentBytes());
        if (size >= 2048) {
            String body = new String(r.getContentBytes(), StandardCharsets.ISO_8859_1);
            for (String host : Pages.TRACKER_HOSTS) {
                assertFalse(body.contains(host), host + " escaped");
            }
            assertTrue(body.contains("</html>"), "page end missing");
        }
    }

    /**
     * Known gap, needs a filter change (see the report): Tomcat 11 closes the response when a forward returns, and
     * runs the ERROR dispatch of an async request while it still counts as async-started, so the filter never
     * finishes the wrapper there. The wrapper then streams through and only an element the rewriter is still
     * deciding at the end of the body (here the 1-byte page {@code <}) is lost; nothing unfiltered escapes.
     */
    /** A complete message: chunked to its last chunk, or exactly Content-Length bytes, or (close) to EOF. */
    private static void assertFramed(byte[] raw, HttpTester.Response r) {
        assertTrue(r.isComplete(), "incomplete message: " + head(raw));
        String te = r.get("Transfer-Encoding");
        String cl = r.get("Content-Length");
        if (te != null) {
            assertNull(cl, "both Transfer-Encoding and Content-Length");
            assertEquals("chunked", te.toLowerCase());
        } else if (cl != null) {
            int headerEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) + 4;
            assertEquals(Long.parseLong(cl), raw.length - headerEnd, "Content-Length disagrees with the bytes sent");
        }
        assertEquals(1, count(raw, "HTTP/1.1 "), "one response only: " + head(raw));
    }

    private static String location(String location) {
        return location == null ? null : location.replaceFirst("^https?://[^/]+", "");
    }

    static byte[] expected(int size, Charset cs) {
        return EXPECTED.computeIfAbsent(size + "/" + cs.name(), k -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(size);
            try (RewriteStream s = REWRITER.open(REFUSED, cs, out, null)) {
                s.write(Pages.bytes(size, cs));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toByteArray();
        });
    }

    static void assertBytes(byte[] expected, byte[] actual) {
        int n = Math.min(expected.length, actual.length);
        for (int i = 0; i < n; i++) {
            if (expected[i] != actual[i]) {
                fail("bodies differ at byte " + i + " (expected " + expected.length + " bytes, got " + actual.length
                        + "): expected ..." + snippet(expected, i) + "... got ..." + snippet(actual, i) + "...");
            }
        }
        assertEquals(expected.length, actual.length, "body length; tail: " + snippet(actual, n));
    }

    private static String snippet(byte[] b, int at) {
        int from = Math.max(0, at - 40);
        return new String(b, from, Math.min(b.length, at + 40) - from, StandardCharsets.ISO_8859_1);
    }

    static String head(byte[] raw) {
        return new String(raw, 0, Math.min(raw.length, 600), StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] b, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= b.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int count(byte[] raw, String what) {
        String s = new String(raw, StandardCharsets.ISO_8859_1);
        int c = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            c++;
        }
        return c;
    }
}
