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
    static final HtmlRewriter REMOVE = HtmlRewriter.builder(CATALOG).build();
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

    static List<TrackerEvent> events(HtmlRewriter r, String html, ConsentDecision d) {
        List<TrackerEvent> events = new ArrayList<>();
        rewrite(r, html.getBytes(StandardCharsets.UTF_8), d, StandardCharsets.UTF_8, events::add, new int[0]);
        return events;
    }
}
