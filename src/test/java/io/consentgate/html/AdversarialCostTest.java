package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentDecision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Input shapes that once cost work growing with the square of their size: each test bounds the work or checks the
 * output at a size where the quadratic version would run for minutes (no timing is asserted).
 */
class AdversarialCostTest {

    /** A tag growing over single-byte writes stays at the start of the hold buffer: it is not moved per write. */
    @Test
    void aTagWrittenOneByteAtATimeIsMovedIntoTheHoldBufferOnce() throws IOException {
        StringBuilder tag = new StringBuilder("<p>x</p><div");
        while (tag.length() < 200_000) {
            tag.append(" a=1");
        }
        byte[] html = tag.append(">y").toString().getBytes(StandardCharsets.US_ASCII);
        Tokenizer tok = new Tokenizer(new Discard(), 256 * 1024, false, new byte[1024]);
        for (int i = 0; i < html.length; i++) {
            tok.write(html, i, 1);
        }
        tok.finish();
        assertTrue(tok.moved <= 16, "moved " + tok.moved + " bytes and attribute records");
    }

    /**
     * A stylesheet of URL candidates that share one token ({@code http:http:...}, a run of slashes, {@code //a//a})
     * is read in a bounded number of passes: reading each candidate's token again made a 250 KB one take 20 s.
     */
    @Test
    void aStyleOfManyUrlCandidatesInOneTokenIsReadInLinearWork() {
        StringBuilder page = new StringBuilder("<p>x</p>");
        for (String unit : new String[] {"//", "http:", "https://", "//a", "http:".repeat(40) + "/"}) {
            StringBuilder css = new StringBuilder("<style>p{background:url(");
            while (css.length() < 250_000) {
                css.append(unit);
            }
            page.append(css).append(")}</style>\n");
        }
        page.append("<img src=\"https://www.facebook.com/tr?id=1\">");
        String in = page.toString();
        String out = RewriteAssertions.rewrite(RewriteAssertions.REMOVE, in, ConsentDecision.refuseAll());
        assertEquals(in.substring(0, in.lastIndexOf("<img")), out);
    }

    /**
     * Tracker events on a page of one long line (minified) written in one piece: each column is counted on from the
     * previous event, not looked for back from the tracker to the start of the buffer.
     */
    @Test
    void eventColumnsOnAOneLinePageWrittenWholeAreCountedInOnePass() throws IOException {
        String pixel = "<img src=\"https://www.facebook.com/tr?id=1\">";
        String unit = pixel + "<p>x</p>";
        int n = 100_000;
        byte[] html = unit.repeat(n).getBytes(StandardCharsets.US_ASCII);
        List<TrackerEvent> events = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RewriteStream s = RewriteAssertions.REMOVE.open(ConsentDecision.refuseAll(), StandardCharsets.UTF_8, out,
            events::add)) {
            s.write(html);
        }
        assertArrayEquals("<p>x</p>".repeat(n).getBytes(StandardCharsets.US_ASCII), out.toByteArray());
        assertEquals(n, events.size());
        for (int i = 0; i < n; i++) {
            assertEquals(1, events.get(i).line());
            assertEquals((long) i * unit.length() + 1, events.get(i).column(), "event " + i);
        }
    }

    /**
     * A Magento {@code x-magento-init} block of many components, every tenth a refused tracker's, loses them in linear
     * work: looking each member up among the cut ones took the square of the count.
     */
    @Test
    void aMagentoBlockOfManyComponentsIsCutInLinearWork() {
        HtmlRewriter large = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).maxHeldBytes(8 << 20).build();
        StringBuilder in = new StringBuilder("<script type=\"text/x-magento-init\">{\"*\":{");
        StringBuilder out = new StringBuilder(in);
        for (int i = 0; i < 400_000; i++) {
            String member = i % 10 == 9 ? "\"magepalGtmDatalayer\":{}" : "\"c" + i + "\":0";
            in.append(i == 0 ? "" : ",").append(member);
            if (i % 10 != 9) {
                out.append(i == 0 ? "" : ",").append(member);
            }
        }
        in.append("}}</script>");
        out.append("}}</script>");
        assertEquals(out.toString(), RewriteAssertions.rewrite(large, in.toString(), ConsentDecision.refuseAll()));
    }

    /**
     * An inline script of one long line (minified) with many block comments, or many tracker URLs, is matched in
     * linear work: looking for the start of the line back from each comment or URL took the square of the line.
     */
    @Test
    void aOneLineScriptOfManyCommentsOrUrlsIsMatchedInLinearWork() {
        HtmlRewriter large = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).maxHeldBytes(8 << 20).build();
        String comments = "<script>var a=0" + "+/**/1".repeat(700_000)
            + ";var u=\"https://connect.facebook.net/en_US/fbevents.js\";</script>";
        String urls = "<script>var a=[" + "\"https://connect.facebook.net/en_US/fbevents.js\",".repeat(80_000)
            + "0];</script>";
        assertEquals("<p>x</p><p>y</p>", RewriteAssertions.rewrite(large, "<p>x</p>" + comments + "<p>y</p>" + urls,
            ConsentDecision.refuseAll()));
    }

    /**
     * Inline scripts and removed trackers inside thousands of nested {@code <svg>} elements: the SVG context each one
     * starts in is kept without copying the stack of open elements, which made the work (and the garbage) grow with
     * the depth times the count, 16 KiB per script at the tracked depth.
     */
    @Test
    void scriptsInsideThousandsOfNestedSvgElementsDoNotCopyTheirContext() {
        String open = "<svg>".repeat(4000);
        StringBuilder in = new StringBuilder(open);
        StringBuilder out = new StringBuilder(open);
        for (int i = 0; i < 20_000; i++) {
            String kept = "<script>var a" + i + "=1;</script>";
            in.append(kept);
            out.append(kept);
            if (i % 10 == 0) {
                in.append("<image href=\"https://www.facebook.com/tr?id=1\"/>");
            }
        }
        com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        String got = RewriteAssertions.rewrite(RewriteAssertions.REMOVE, in.toString(), ConsentDecision.refuseAll());
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(out.toString(), got);
        // the page and its copies are a few MB; a copy of the context per script was 320 MB
        assertTrue(allocated < 64L << 20, "allocated " + (allocated >> 20) + " MB");
    }

    /**
     * A Next.js payload chunk whose props object holds many tracker URLs as the text of a host element
     * ({@code "children":"https://…"}, kept: React renders it as text): each is read back to its element's head once,
     * not all the way back for each, which took the square of the object's length (half a minute for 1 MB).
     */
    @Test
    void aPayloadOfManyChildrenTextUrlsInOneObjectIsReadInLinearWork() {
        HtmlRewriter large = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).maxHeldBytes(8 << 20).build();
        String text = "\\\"children\\\":\\\"https://www.facebook.com/tr\\\",";
        String loader = "https://connect.facebook.net/en_US/fbevents.js";
        String head = "<script>self.__next_f.push([1,\"5:[\\\"$\\\",\\\"code\\\",null,{";
        String tail = "\\\"id\\\":1}]\\n6:[\\\"$\\\",\\\"script\\\",null,{\\\"src\\\":\\\"%s\\\"}]\\n\"])</script>";
        String body = head + text.repeat(1_000_000 / text.length());
        String in = body + String.format(tail, loader);
        String out = body + String.format(tail, "data:," + "/".repeat(loader.length() - 6));
        assertEquals(out, RewriteAssertions.rewrite(large, in, ConsentDecision.refuseAll()));
    }

    /**
     * A Next.js payload URL that holds a tracker host many times ({@code ?u=//host/…&u=//host/…}, a redirect chain):
     * the URL around each host is read to its end once, not once per host, which took the square of its length (half
     * a minute for 400 KB).
     */
    @Test
    void aPayloadUrlHoldingATrackerHostManyTimesIsReadInLinearWork() {
        HtmlRewriter large = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).maxHeldBytes(8 << 20).build();
        String head = "<script>self.__next_f.push([1,\"5:[\\\"$\\\",\\\"$L6\\\",null,{\\\"src\\\":\\\"";
        String tail = "\\\"}]\\n\"])</script>";
        String query = "u=//www.facebook.com/tr&".repeat(400_000 / 24);
        String in = head + "https://a.example/?" + query + tail;
        String out = head + "https://a.example/?u=data:," + "/".repeat(query.length() - 8) + tail;
        assertEquals(out, RewriteAssertions.rewrite(large, in, ConsentDecision.refuseAll()));
    }

    /**
     * A Next.js payload of tag component elements nested in one another, or of many that never end: each element's end
     * and id are read once, not each element read to its end (or to the end of the text), which took the square of the
     * text (16 s for these two 600 KB chunks).
     */
    @Test
    void aPayloadOfNestedOrUnendedTagComponentElementsIsReadInLinearWork() {
        HtmlRewriter large = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).maxHeldBytes(8 << 20).build();
        String head = "<script>self.__next_f.push([1,\"2:I[\\\"1\\\",[],\\\"GoogleTagManager\\\"]\\n3:";
        String open = "[\\\"$\\\",\\\"$L2\\\",null,{\\\"a\\\":";
        String unended = head + open.repeat(600_000 / open.length()) + "\"])</script>";
        assertEquals(unended, RewriteAssertions.rewrite(large, unended, ConsentDecision.refuseAll()));
        int depth = 600_000 / 64;
        String close = ",\\\"gtmId\\\":\\\"GTM-ABCD123\\\"}]";
        String nested = open.repeat(depth) + "0" + close.repeat(depth);
        // decoded, each escaped quote is one byte: the outermost element becomes null padded to its decoded length
        int decoded = nested.replace("\\\"", "\"").length();
        String tail = "\\n\"])</script>";
        assertEquals(head + "null" + " ".repeat(decoded - 4) + tail,
            RewriteAssertions.rewrite(large, head + nested + tail, ConsentDecision.refuseAll()));
    }

    /** Takes every byte as decided. */
    private static final class Discard implements TokenHandler {
        @Override
        public void flushTo(int to) {
        }

        @Override
        public void onTag() {
        }

        @Override
        public void onTagOverflow() {
        }

        @Override
        public void onOverflowedTagEnd() {
        }

        @Override
        public void onEof(int limit) {
        }
    }
}
