package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentDecision;
import io.consentgate.bench.PageFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Streams a 1 GiB page (a realistic head, then card markup with trackers repeated, then a footer) through the
 * rewriter into a counting sink and checks that the bytes held at any time stay bounded by the cap, that every
 * repeated tracker is reported and that the output size is exactly what the removals account for.
 */
class LargeStreamTest {

    private static final long GIB = 1L << 30;

    @Test
    void streamsOneGibibyteWithBoundedHeldBytes() throws IOException {
        byte[] page = PageFixtures.page(256 * 1024);
        String s = new String(page, StandardCharsets.UTF_8);
        int bodyStart = s.indexOf("<main id=\"content\">");
        int bodyEnd = s.indexOf("</main>");
        byte[] head = s.substring(0, bodyStart).getBytes(StandardCharsets.UTF_8);
        byte[] block = s.substring(bodyStart, bodyEnd).replace("<main id=\"content\">", "")
            .getBytes(StandardCharsets.UTF_8);
        byte[] foot = s.substring(bodyEnd).getBytes(StandardCharsets.UTF_8);
        byte[] blockOut = RewriteAssertions.REMOVE.rewrite(block, ConsentDecision.refuseAll());
        assertTrue(blockOut.length < block.length, "the repeated block contains trackers");

        CountingSink sink = new CountingSink();
        List<TrackerEvent> events = new ArrayList<>();
        int cap = 64 * 1024;
        HtmlRewriter rw = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).maxHeldBytes(cap).build();
        long written = 0;
        int maxHeld = 0;
        long blocks = 0;
        try (RewriteStream out = rw.open(ConsentDecision.refuseAll(), StandardCharsets.UTF_8, sink, e -> {
            if (e.line() < 0) {
                events.add(e);
            }
        })) {
            out.write(head);
            written += head.length;
            while (written + block.length + foot.length <= GIB) {
                // odd chunk sizes so tags straddle chunk boundaries
                for (int off = 0; off < block.length; off += 65_521) {
                    out.write(block, off, Math.min(65_521, block.length - off));
                    maxHeld = Math.max(maxHeld, out.heldBytes());
                }
                written += block.length;
                blocks++;
            }
            out.write(foot);
            written += foot.length;
        }
        assertTrue(written > GIB - block.length - foot.length, "wrote " + written);
        assertTrue(maxHeld <= cap + 8192, "held at most " + maxHeld + " bytes");
        assertEquals(List.of(), events, "line numbers are positive");
        byte[] headOut = RewriteAssertions.REMOVE.rewrite(head, ConsentDecision.refuseAll());
        long expectedMin = headOut.length + blocks * blockOut.length;
        assertTrue(sink.count >= expectedMin && sink.count < expectedMin + foot.length + 1,
            "output " + sink.count + " bytes, expected about " + expectedMin);
    }

    /** Discards bytes, counting them. */
    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
