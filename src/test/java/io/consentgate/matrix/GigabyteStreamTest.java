package io.consentgate.matrix;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.html.HtmlRewriter;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A 1 GiB HTML page with a tracker in every 64 KiB streams through ConsentGate on Jetty in a JVM limited to
 * {@code -Xmx128m}: the client receives every byte the rewriter should emit, correctly framed, and no tracker host.
 * Bounded: the whole exchange must end within {@link #DEADLINE_SECONDS} (socket reads time out well before).
 */
class GigabyteStreamTest {

    private static final long DEADLINE_SECONDS = 60;
    private static final List<String> HOSTS = List.of("googletagmanager.com", "facebook.com/tr",
            "connect.facebook.net", "bat.bing.com");

    @Test
    void gigabytePageStreamsThroughA128MegabyteHeap() throws Exception {
        Path log = Files.createTempFile("cg-gigabyte", ".log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                GigabyteServer.class.getName())
                .redirectError(log.toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line = out.readLine();
            assertNotNull(line, () -> "server died: " + tail(log));
            assertTrue(line.startsWith("PORT "), line);
            int port = Integer.parseInt(line.substring(5).strip());
            long start = System.nanoTime();
            Result result = fetch(port);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.err.printf(Locale.ROOT, "1 GiB through -Xmx128m: %d bytes received in %d ms (%.0f MB/s)%n",
                    result.bytes, millis, result.bytes / 1e3 / Math.max(1, millis));
            assertTrue(server.isAlive(), () -> "server died: " + tail(log));
            assertEquals(null, result.trackerSeen, "a tracker host reached the client");
            assertEquals(expectedBytes(), result.bytes, "rewritten body length");
            assertTrue(result.endsWithHtmlEnd, "the page end arrived");
            assertTrue(millis < DEADLINE_SECONDS * 1000, "took " + millis + " ms");
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        }
    }

    /** What the rewriter makes of the page, computed from one head/tail and each block variant once. */
    private static long expectedBytes() {
        HtmlRewriter rw = HtmlRewriter.builder(TrackerCatalog.bundled()).stubPageGlobals(false).build();
        ConsentDecision refused = ConsentDecision.refuseAll();
        String frame = GigabyteServer.HEAD + GigabyteServer.TAIL;
        long base = rw.rewrite(frame.getBytes(StandardCharsets.US_ASCII), refused).length;
        long[] delta = new long[4];
        for (int v = 0; v < 4; v++) {
            String page = GigabyteServer.HEAD + new String(GigabyteServer.block(v), StandardCharsets.US_ASCII)
                    + GigabyteServer.TAIL;
            delta[v] = rw.rewrite(page.getBytes(StandardCharsets.US_ASCII), refused).length - base;
            assertTrue(delta[v] < GigabyteServer.BLOCK, "variant " + v + " has no tracker to remove");
        }
        long total = base + GigabyteServer.padding();
        long blocks = GigabyteServer.blocks();
        for (int v = 0; v < 4; v++) {
            total += delta[v] * (blocks / 4 + (v < blocks % 4 ? 1 : 0));
        }
        return total;
    }

    private record Result(long bytes, String trackerSeen, boolean endsWithHtmlEnd) {
    }

    private static Result fetch(int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
            s.getOutputStream().write(("GET /catalogue HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16);
            String head = readLine(in);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            boolean chunked = false;
            long length = -1;
            for (String h = readLine(in); !h.isEmpty(); h = readLine(in)) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).strip());
                }
            }
            assertTrue(!chunked || length < 0, "both chunked and Content-Length " + length);
            Scanner scanner = new Scanner();
            if (chunked) {
                for (long size = Long.parseLong(readLine(in).split(";")[0].strip(), 16); size > 0;
                     size = Long.parseLong(readLine(in).split(";")[0].strip(), 16)) {
                    scanner.copy(in, size);
                    assertEquals("", readLine(in), "chunk not followed by CRLF");
                }
                assertEquals("", readLine(in), "no trailer end");
            } else {
                scanner.copy(in, length < 0 ? Long.MAX_VALUE : length);
            }
            return new Result(scanner.bytes, scanner.seen, scanner.tail.endsWith("</body></html>\n"));
        }
    }

    /** Counts body bytes and looks for tracker hosts, also across read boundaries. */
    private static final class Scanner {
        private final byte[] buf = new byte[1 << 16];
        private long bytes;
        private String seen;
        private String tail = "";

        void copy(InputStream in, long size) throws IOException {
            long left = size;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    if (size == Long.MAX_VALUE) {
                        return;
                    }
                    fail("connection closed with " + left + " bytes of a chunk missing");
                }
                left -= n;
                bytes += n;
                String text = tail + new String(buf, 0, n, StandardCharsets.ISO_8859_1);
                for (String host : HOSTS) {
                    if (seen == null && text.contains(host)) {
                        seen = host + " near byte " + bytes;
                    }
                }
                tail = text.substring(Math.max(0, text.length() - 64));
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                fail("connection closed inside the header or chunk framing");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.ISO_8859_1);
            return s.substring(Math.max(0, s.length() - 2000));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
