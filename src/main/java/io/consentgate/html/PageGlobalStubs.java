package io.consentgate.html;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.PageGlobals;
import io.consentgate.catalog.TagIdRule;
import io.consentgate.catalog.Tracker;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

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

    private static final byte[] QUOTE = {'"'};

    private static final byte[] TAIL = ascii("})(window);</script>");

    /** Where {@link #write} sends its bytes: the engine's output at the removed script's place. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] b, int off, int len) throws IOException;
    }

    /** Marks a tracker whose definitions are not written (none listed, or they read as a tracker). */
    private static final byte[] NOTHING = new byte[0];

    private final TrackerCatalog catalog;
    /**
     * Per tracker id, the definitions of all its globals, checked against the catalog once: shared by every document
     * of one rewriter ({@link HtmlRewriter#stubDefinitions}).
     */
    private final Map<String, byte[]> byTracker;
    /**
     * The names defined so far in this document, with the reserved ones ({@link #reservedNames}) and, prefixed with
     * {@link #FORWARDED}, the reserved functions written as pushing onto their queue; created at the first stand-in.
     */
    private Set<String> defined;

    /** Marks, in {@link #defined}, a reserved function already written as pushing onto its tracker's queue. */
    private static final String FORWARDED = "=";

    /** The functions only a forwarding stand-in may define in this document ({@link #reservedNames}). */
    private final Set<String> reserved;

    PageGlobalStubs(TrackerCatalog catalog, Map<String, byte[]> byTracker) {
        this(catalog, byTracker, Set.of());
    }

    /**
     * Stand-ins for a document where the names in {@code reserved} ({@link #reservedNames}) are never written.
     */
    PageGlobalStubs(TrackerCatalog catalog, Map<String, byte[]> byTracker, Set<String> reserved) {
        this.catalog = catalog;
        this.byTracker = byTracker;
        this.reserved = reserved;
        if (!reserved.isEmpty()) {
            defined = new HashSet<>(reserved);
        }
    }

    /**
     * The functions no stand-in under {@code decision} may define as one that does nothing: those a tracker the
     * decision may allow also defines (gtag.js with a {@code G-} tag id for analytics beside a refused {@code AW-} one
     * or GTM container). The page's own setup of the allowed tag ({@code window.gtag = window.gtag || function…},
     * {@code if (f.fbq) return;}) would keep the stand-in, and the allowed tag would never get its commands. Where
     * such a function's tracker lists it alone with one queue, as gtag.js lists {@code gtag} and {@code dataLayer},
     * the stand-in defines it as pushing its arguments onto that queue, which is gtag's own definition: an allowed tag
     * that keeps it gets every command, and with none on the page the queue is an array nothing reads. Queues are
     * never reserved: an empty array is what every loader creates first and every tag drains. Depends on the catalog
     * and the decision's refused categories only: the rewriter keeps one set per such combination
     * ({@link HtmlRewriter#stubReserved}).
     */
    static Set<String> reservedNames(TrackerCatalog catalog, ConsentDecision decision) {
        Set<String> names = new HashSet<>();
        for (Tracker t : catalog.trackers()) {
            PageGlobals g = catalog.pageGlobals(t.id());
            if (!g.isEmpty() && mayBeAllowed(catalog, t, decision)) {
                names.addAll(g.functions());
            }
        }
        return Set.copyOf(names);
    }

    private static boolean mayBeAllowed(TrackerCatalog catalog, Tracker t, ConsentDecision decision) {
        if (decision.allowsAll(t.categories())) {
            return true;
        }
        for (TagIdRule r : catalog.tagIdRules(t.id())) {
            if (decision.allowsAll(r.categories())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes to {@code sink} the stand-in script for the refused trackers among {@code matches}, carrying
     * {@code nonce} (the removed tag's value as written, or null); writes nothing when it would define nothing new.
     * {@code forDocument}: false inside a {@code <template>}, whose names are not counted as defined.
     *
     * @return whether a stand-in was written
     */
    boolean write(List<TrackerMatch> matches, Predicate<TrackerMatch> refused, byte[] nonce, Sink sink,
            boolean forDocument) throws IOException {
        if (forDocument) {
            return write(matches, refused, nonce, sink);
        }
        // inside a <template>: it runs only where the page clones it in, so the names it defines stay undefined
        // for the document's own stand-ins
        Set<String> before = defined == null ? null : new HashSet<>(defined);
        try {
            return write(matches, refused, nonce, sink);
        } finally {
            defined = before;
        }
    }

    private boolean write(List<TrackerMatch> matches, Predicate<TrackerMatch> refused, byte[] nonce, Sink sink)
            throws IOException {
        byte[] defs = null;
        StringBuilder more = null;
        PageGlobals first = null; // the tracker whose whole definitions defs holds
        List<String> added = null; // the names this call marked as defined, past the first tracker's
        for (TrackerMatch m : matches) {
            if (!refused.test(m)) {
                continue;
            }
            String id = m.tracker().id();
            byte[] whole = byTracker.computeIfAbsent(id, this::definitionsOf);
            if (whole == NOTHING) {
                continue;
            }
            PageGlobals g = catalog.pageGlobals(id);
            if (defs == null && more == null && noneDefined(g)) {
                defs = whole; // the common case: the first script of its tracker on the page
                first = g;
                markDefined(g);
                continue;
            }
            if (more == null) {
                more = new StringBuilder();
                added = new java.util.ArrayList<>();
                if (defs != null) {
                    more.append(new String(defs, StandardCharsets.US_ASCII));
                    defs = null;
                }
            }
            for (String q : g.queues()) {
                if (defined().add(q)) {
                    added.add(q);
                    define(more, q, "[]", g);
                }
            }
            for (String f : g.functions()) {
                if (defined().add(f)) {
                    added.add(f);
                    define(more, f, "s", g);
                } else if (reserved.contains(f) && g.functions().size() == 1 && g.queues().size() == 1
                        && defined().add(FORWARDED + f)) {
                    // reserved for a tag the visitor may allow: its own definition, commands pushed onto its queue,
                    // so that the page's calls neither throw nor are lost to that tag
                    added.add(FORWARDED + f);
                    define(more, f, "function(){w[" + split(g.queues().get(0), g) + "].push(arguments)}", g);
                }
            }
        }
        if (more != null) {
            defs = more.toString().getBytes(StandardCharsets.US_ASCII);
            if (defs.length == 0) {
                return false; // nothing new
            }
            if (!catalog.matchScript(defs, 0, defs.length).isEmpty()) {
                // names joined from two trackers that read as one: not written, so not defined
                defined.removeAll(added);
                if (first != null) {
                    defined.removeAll(first.queues());
                    defined.removeAll(first.functions());
                }
                return false;
            }
        }
        if (defs == null) {
            return false;
        }
        sink.write(HEAD, 0, HEAD.length);
        if (nonce != null) {
            byte[] n = quoted(nonce);
            sink.write(NONCE, 0, NONCE.length);
            sink.write(n, 0, n.length);
            sink.write(QUOTE, 0, 1);
        }
        sink.write(BODY, 0, BODY.length);
        sink.write(defs, 0, defs.length);
        sink.write(TAIL, 0, TAIL.length);
        return true;
    }

    /** The stand-in for {@code m} alone as bytes, or null; see {@link #write}. */
    byte[] stub(TrackerMatch m, byte[] nonce) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        return write(List.of(m), x -> true, nonce, out::write, true) ? out.toByteArray() : null;
    }

    /** The definitions of all the globals of tracker {@code id}, or {@link #NOTHING}. */
    private byte[] definitionsOf(String id) {
        PageGlobals g = catalog.pageGlobals(id);
        if (g.isEmpty()) {
            return NOTHING;
        }
        StringBuilder b = new StringBuilder();
        for (String q : g.queues()) {
            define(b, q, "[]", g);
        }
        for (String f : g.functions()) {
            define(b, f, "s", g);
        }
        byte[] d = b.toString().getBytes(StandardCharsets.US_ASCII);
        // an operator's signature that reads it as a tracker: a second rewrite would remove it again
        return catalog.matchScript(d, 0, d.length).isEmpty() ? d : NOTHING;
    }

    private boolean noneDefined(PageGlobals g) {
        if (defined == null) {
            return true;
        }
        for (String q : g.queues()) {
            if (defined.contains(q)) {
                return false;
            }
        }
        for (String f : g.functions()) {
            if (defined.contains(f)) {
                return false;
            }
        }
        return true;
    }

    private void markDefined(PageGlobals g) {
        defined().addAll(g.queues());
        defined().addAll(g.functions());
    }

    private Set<String> defined() {
        if (defined == null) {
            defined = new HashSet<>();
        }
        return defined;
    }

    private static void define(StringBuilder b, String name, String value, PageGlobals g) {
        b.append("d(").append(split(name, g)).append(',').append(value).append(");");
    }

    /**
     * {@code name} as a script string split in the middle ({@code '_f'+'bq'}), so that the stand-in never reads as
     * the snippet it stands for: a catalog signature may be a bare global name ({@code _fbq}), and a second rewrite
     * must find nothing to remove. The catalog admits only plain identifiers ({@code CatalogNames.isPageGlobal}):
     * nothing here needs escaping. Where the middle would leave another of the tracker's names whole in a piece
     * ({@code utag} in {@code 'utag'+'_data'}), the split moves to the nearest point that does not
     * ({@code 'uta'+'g_data'}).
     */
    private static String split(String name, PageGlobals g) {
        int half = Math.max(1, name.length() / 2);
        for (int d = 0; d < name.length(); d++) {
            for (int at : new int[] {half - d, half + d}) {
                if (at >= 1 && at < name.length() && !holdsAnother(name.substring(0, at), name, g)
                        && !holdsAnother(name.substring(at), name, g)) {
                    return "'" + name.substring(0, at) + "'+'" + name.substring(at) + "'";
                }
            }
        }
        return "'" + name.substring(0, half) + (name.length() > half ? "'+'" + name.substring(half) : "") + "'";
    }

    private static boolean holdsAnother(String piece, String name, PageGlobals g) {
        for (List<String> names : List.of(g.functions(), g.queues())) {
            for (String other : names) {
                if (!other.equals(name) && piece.contains(other)) {
                    return true;
                }
            }
        }
        return false;
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
