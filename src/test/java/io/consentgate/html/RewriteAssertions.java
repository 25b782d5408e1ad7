package io.consentgate.html;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers for the rewriter tests. */
final class RewriteAssertions {

    static final TrackerCatalog CATALOG = TrackerCatalog.bundled();
    /**
     * Remove mode without the stand-ins for removed trackers' globals: the rule tests show what a rule removes;
     * {@code PageGlobalStubsTest} and the golden files show the stand-ins the default writes in its place.
     */
    static final HtmlRewriter REMOVE = HtmlRewriter.builder(CATALOG).stubPageGlobals(false).build();
    /** Remove mode as configured by default, stand-ins included. */
    static final HtmlRewriter REMOVE_WITH_STUBS = HtmlRewriter.builder(CATALOG).build();
    static final HtmlRewriter NEUTRALIZE = HtmlRewriter.builder(CATALOG).mode(RewriteMode.NEUTRALIZE).build();

    private RewriteAssertions() {
    }

    static String rewrite(HtmlRewriter r, String html, ConsentDecision d) {
        return new String(rewrite(r, html.getBytes(StandardCharsets.UTF_8), d, StandardCharsets.UTF_8, null,
            new int[0]), StandardCharsets.UTF_8);
    }

    /** Rewrites {@code html} split at the given cut points. */
    static byte[] rewrite(HtmlRewriter r, byte[] html, ConsentDecision d, Charset cs, RewriteListener l,
                          int[] cuts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RewriteStream s = r.open(d, cs, out, l)) {
            int prev = 0;
            for (int c : cuts) {
                s.write(html, prev, c - prev);
                prev = c;
            }
            s.write(html, prev, html.length - prev);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Rewrites a partial response {@code body} of {@code format} split at the given cut points. */
    static String rewritePartial(HtmlRewriter r, PartialResponseFormat format, String body, ConsentDecision d,
                                 int[] cuts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        try (RewriteStream s = r.openPartialResponse(format, d, StandardCharsets.UTF_8, out, null)) {
            int prev = 0;
            for (int c : cuts) {
                s.write(b, prev, c - prev);
                prev = c;
            }
            s.write(b, prev, b.length - prev);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Asserts that {@code rewrite} (the output for the input cut at the given points) gives the same output for an
     * input of {@code length} bytes cut at every single point and at 200 random sets of points (the seed is printed).
     */
    static void assertSameWhereverSplit(int length, java.util.function.Function<int[], String> rewrite) {
        String whole = rewrite.apply(new int[0]);
        for (int at = 1; at < length; at++) {
            org.junit.jupiter.api.Assertions.assertEquals(whole, rewrite.apply(new int[] {at}), "split at " + at);
        }
        long seed = new java.util.Random().nextLong();
        java.util.Random r = new java.util.Random(seed);
        for (int round = 0; round < 200; round++) {
            int[] splits = r.ints(1 + r.nextInt(12), 1, length).sorted().distinct().toArray();
            org.junit.jupiter.api.Assertions.assertEquals(whole, rewrite.apply(splits), "seed " + seed);
        }
    }

    /**
     * Asserts that {@code cases} byte-level mutations ({@link MutationCorpus#mutate}) of {@code pages}, taken in
     * turn, each rewritten with everything refused, keep no refused tracker (a second pass over the output finds
     * none) and that the second pass changes nothing.
     */
    static void assertMutationsKeepNoRefusedTracker(List<String> pages, long seed, int cases) {
        java.util.Random r = new java.util.Random(seed);
        ConsentDecision none = ConsentDecision.refuseAll();
        List<TrackerEvent> left = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            byte[] doc = MutationCorpus.mutate(r, pages.get(i % pages.size()).getBytes(StandardCharsets.UTF_8));
            byte[] out = rewrite(REMOVE, doc, none, StandardCharsets.UTF_8, null, new int[0]);
            left.clear();
            byte[] again = rewrite(REMOVE, out, none, StandardCharsets.UTF_8, left::add, new int[0]);
            left.removeIf(e -> e.action() == TrackerEvent.Action.ALLOWED);
            String msg = "seed " + seed + ", case " + i + "\ninput=" + new String(doc, StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertEquals(List.of(), left, msg);
            org.junit.jupiter.api.Assertions.assertEquals(new String(out, StandardCharsets.UTF_8),
                new String(again, StandardCharsets.UTF_8), msg);
        }
    }

    /**
     * Rewrites {@code page} with {@code r} and everything refused and asserts that no {@code gone} text (a tracker's
     * hosts and names) is left and every {@code kept} text (the page's own parts) stays, then that with each of
     * {@code unchanged} (everything allowed, the decision that allows the tracker's category) the page comes out
     * byte for byte the same. The failure messages show the output. Returns the output with everything refused, for
     * the test's own assertions on where things stand.
     */
    static String assertRefusedAndUnchanged(HtmlRewriter r, String page, List<String> gone, List<String> kept,
                                            ConsentDecision... unchanged) {
        String out = rewrite(r, page, ConsentDecision.refuseAll());
        for (String s : gone) {
            org.junit.jupiter.api.Assertions.assertFalse(out.contains(s), () -> "still there: " + s + "\n" + out);
        }
        for (String s : kept) {
            org.junit.jupiter.api.Assertions.assertTrue(out.contains(s), () -> "lost: " + s + "\n" + out);
        }
        for (ConsentDecision d : unchanged) {
            org.junit.jupiter.api.Assertions.assertEquals(page, rewrite(r, page, d), () -> "changed with " + d);
        }
        return out;
    }

    static List<TrackerEvent> events(HtmlRewriter r, String html, ConsentDecision d) {
        List<TrackerEvent> events = new ArrayList<>();
        rewrite(r, html.getBytes(StandardCharsets.UTF_8), d, StandardCharsets.UTF_8, events::add, new int[0]);
        return events;
    }
}
