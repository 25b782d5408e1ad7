package io.consentgate.html;

import io.consentgate.catalog.PageGlobals;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The inert stand-ins for the globals of a removed tracker script that the page's own code calls. A site's
 * {@code <button onclick="gtag('event', 'cta'); openModal()">}, or a theme bundle that pushes onto {@code dataLayer},
 * would throw a {@code ReferenceError} once the snippet that defined the name is gone, and the rest of the handler
 * would not run. Where such a script is removed, a short script takes its place that defines each listed name the
 * page has not defined yet ({@link PageGlobals}): a queue as an empty array, which nothing reads, and a function as
 * one that does nothing and returns itself, also for any property read on it ({@code ttq.track(…)},
 * {@code amplitude.getInstance().logEvent(…)}), so that no call chain throws. Nothing is loaded or sent.
 *
 * <p>Each name is defined once per document. The stand-in carries the removed script's {@code nonce}, so a page
 * under a nonce-based Content Security Policy runs it, and {@code data-consentgate="stub"}, so that it can be told
 * from the page's own scripts. It is written in remove mode only: a neutralized script may be activated later in the
 * page, and a loader that finds its global defined would then not start.
 */
final class PageGlobalStubs {

    private static final byte[] HEAD = ascii("<script data-consentgate=\"stub\"");

    private static final byte[] NONCE = ascii(" nonce=\"");

    /**
     * {@code s} does nothing and returns itself; with Proxy (every current browser) any property of it is {@code s}
     * too, except what a function has of its own, symbols and {@code then} (so that it is never taken for a
     * promise).
     */
    private static final byte[] BODY = ascii(">(function(w){var s=function(){return s};try{s=new Proxy(s,{get:"
        + "function(t,k){return typeof k=='symbol'||k=='then'||k in t?t[k]:s}})}catch(e){}"
        + "function d(n,v){w[n]=w[n]||v}");

    private static final byte[] QUOT = ascii("&#34;");

    private static final byte[] TAIL = ascii("})(window);</script>");

    private final TrackerCatalog catalog;
    /** The names defined so far in this document. */
    private final Set<String> defined = new HashSet<>();

    PageGlobalStubs(TrackerCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The stand-in script for the refused trackers among {@code matches} (whose categories {@code allowed} does not
     * all allow), carrying {@code nonce} (the removed tag's value as written, or null); null when it would define
     * nothing new.
     */
    byte[] stub(List<TrackerMatch> matches, java.util.function.Predicate<TrackerMatch> refused, byte[] nonce) {
        StringBuilder defs = null;
        for (TrackerMatch m : matches) {
            if (!refused.test(m)) {
                continue;
            }
            PageGlobals g = catalog.pageGlobals(m.tracker().id());
            for (String q : g.queues()) {
                defs = define(defs, q, "[]");
            }
            for (String f : g.functions()) {
                defs = define(defs, f, "s");
            }
        }
        if (defs == null) {
            return null;
        }
        byte[] d = defs.toString().getBytes(StandardCharsets.US_ASCII);
        if (!catalog.matchScript(d, 0, d.length).isEmpty()) {
            return null; // an operator's signature reads it as a tracker: a second rewrite would remove it again
        }
        byte[] n = nonce == null ? new byte[0] : quoted(nonce);
        int len = HEAD.length + (nonce == null ? 0 : NONCE.length + n.length + 1) + BODY.length + d.length
            + TAIL.length;
        byte[] out = new byte[len];
        int at = put(out, 0, HEAD);
        if (nonce != null) {
            at = put(out, at, NONCE);
            at = put(out, at, n);
            out[at++] = '"';
        }
        at = put(out, at, BODY);
        at = put(out, at, d);
        put(out, at, TAIL);
        return out;
    }

    /** One stub for {@code m} alone; see {@link #stub(List, java.util.function.Predicate, byte[])}. */
    byte[] stub(TrackerMatch m, byte[] nonce) {
        return stub(List.of(m), x -> true, nonce);
    }

    private StringBuilder define(StringBuilder defs, String name, String value) {
        if (!defined.add(name)) {
            return defs;
        }
        StringBuilder b = defs == null ? new StringBuilder() : defs;
        // the catalog admits only plain identifiers (CatalogNames.isPageGlobal): nothing here needs escaping;
        // each name split in the middle ('_f'+'bq'), so that the stand-in never reads as the snippet it stands
        // for: a catalog signature may be a bare global name (_fbq), and a second rewrite must find nothing to remove
        int half = Math.max(1, name.length() / 2);
        b.append("d('").append(name, 0, half);
        if (name.length() > half) {
            b.append("'+'").append(name, half, name.length());
        }
        b.append("',").append(value).append(");");
        return b;
    }

    /**
     * A {@code nonce} value as the removed tag wrote it (its character references and encoding unchanged), for a
     * double-quoted value: only a quote inside it, possible where it was single-quoted or unquoted, is written as a
     * reference.
     */
    private static byte[] quoted(byte[] raw) {
        int quotes = 0;
        for (byte c : raw) {
            quotes += c == '"' ? 1 : 0;
        }
        if (quotes == 0) {
            return raw;
        }
        byte[] out = new byte[raw.length + quotes * (QUOT.length - 1)];
        int at = 0;
        for (byte c : raw) {
            if (c == '"') {
                at = put(out, at, QUOT);
            } else {
                out[at++] = c;
            }
        }
        return out;
    }

    private static int put(byte[] out, int at, byte[] b) {
        System.arraycopy(b, 0, out, at, b.length);
        return at + b.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
