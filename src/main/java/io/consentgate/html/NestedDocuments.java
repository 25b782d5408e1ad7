package io.consentgate.html;

import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Documents inside an element's attributes, read for what they would load: an iframe's {@code srcdoc} (with its
 * character references decoded and the page's base URL), a {@code data:} URL document ({@link DataUrl}) shown by
 * {@code <iframe>}, {@code <frame>}, {@code <embed>} or {@code <object>}, and the script of a frame's
 * {@code javascript:} URL ({@link JavascriptUrl}) or of a script's {@code data:} URL ({@link DataUrl#script}). Documents are read by a rewriter of their own with the same
 * decision, at most {@link #MAX_DEPTH} levels deep (each level is a rewriter on the stack): deeper ones are refused
 * unread. Owned by one {@link ElementRules}; answers about the tag the tokenizer holds.
 */
final class NestedDocuments {

    /** Nested documents are read this many levels deep; an element nested deeper is refused. */
    static final int MAX_DEPTH = 3;

    private final RewriteEngine engine;
    private final Tokenizer t;
    private final HtmlRewriter cfg;

    NestedDocuments(RewriteEngine engine) {
        this.engine = engine;
        this.t = engine.tok;
        this.cfg = engine.cfg;
    }

    /** Whether the current element shows a document from a URL attribute. */
    boolean showsDocument() {
        int id = t.nameId;
        return id == ElementNames.IFRAME || id == ElementNames.FRAME || id == ElementNames.EMBED
            || id == ElementNames.OBJECT;
    }

    /**
     * The refusing match for the script of a {@code javascript:} URL in an iframe's or frame's attribute {@code i},
     * read like an inline script, or {@code null}.
     */
    TrackerMatch javascriptUrlRefusal(int i) {
        int id = t.nameId;
        if (i < 0 || id != ElementNames.IFRAME && id != ElementNames.FRAME) {
            return null;
        }
        int v = t.valueFrom(i);
        int end = v < 0 ? v : t.valueTo(i);
        if (v < 0 || !JavascriptUrl.mayBe(t.buf, v, end)) {
            return null;
        }
        byte[] script = JavascriptUrl.script(UrlText.decode(t.buf, v, end));
        if (script == null) {
            return null;
        }
        for (TrackerMatch m : cfg.catalog.matchScript(script, 0, script.length)) {
            if (!engine.decision.allowsAll(m.categories())) {
                return m;
            }
            engine.event(TrackerEvent.Action.ALLOWED, ElementNames.name(id), m);
        }
        return null;
    }

    /**
     * The refusing match for the script a {@code data:} URL in the current script element's attribute {@code i} holds
     * (its {@code src}, or the copy a delay-JS runner sets as one), read like an inline script, or {@code null}:
     * optimizers inline a page's scripts so ({@code <script defer src="data:text/javascript;base64,…">}).
     */
    TrackerMatch dataScriptRefusal(int i) {
        int v = i < 0 ? -1 : t.valueFrom(i);
        int end = v < 0 ? v : t.valueTo(i);
        if (v < 0 || end - v < 5 || (t.buf[v] | 0x20) != 'd' && (t.buf[v] & 0xff) > ' ' && t.buf[v] != '&') {
            return null; // cheap exit for the usual URL; whitespace and references are read properly below
        }
        byte[] script = DataUrl.script(UrlText.decode(t.buf, v, end));
        return script == null ? null : scriptRefusal(script);
    }

    /**
     * The first tracker a script's text names ({@link io.consentgate.catalog.TrackerCatalog#matchScript}) that the
     * decision refuses, or {@code null}; the allowed ones are reported.
     */
    TrackerMatch scriptRefusal(byte[] script) {
        for (TrackerMatch m : cfg.catalog.matchScript(script, 0, script.length)) {
            if (!engine.decision.allowsAll(m.categories())) {
                return m;
            }
            engine.event(TrackerEvent.Action.ALLOWED, ElementNames.name(t.nameId), m);
        }
        return null;
    }

    /**
     * What the document the current element shows would refuse first, or {@code null}: the {@code srcdoc} document
     * in attribute {@code srcdoc} when there is one (it wins over {@code src}), else a {@code data:} URL document in
     * attribute {@code url}.
     *
     * @param base          the page's base URL, which a {@code srcdoc} document inherits
     * @param baseCandidate whether that base is still only a candidate (see {@link SrcdocContext})
     */
    TrackerEvent refusal(int url, int srcdoc, String base, boolean baseCandidate) throws IOException {
        if (srcdoc >= 0) {
            int v = t.valueFrom(srcdoc);
            int end = v < 0 ? v : t.valueTo(srcdoc);
            if (v < 0 || end == v) {
                return null;
            }
            return read(UrlText.decodeText(t.buf, v, end).getBytes(StandardCharsets.UTF_8), base, baseCandidate);
        }
        return dataUrlRefusal(url);
    }

    /** What the {@code data:} URL document in attribute {@code i} would refuse first, or {@code null}. */
    TrackerEvent dataUrlRefusal(int i) throws IOException {
        int v = t.valueFrom(i);
        int end = v < 0 ? v : t.valueTo(i);
        if (v < 0 || end - v < 5 || (t.buf[v] | 0x20) != 'd' && (t.buf[v] & 0xff) > ' ' && t.buf[v] != '&') {
            return null; // cheap exit for the usual URL; whitespace and references are read properly below
        }
        List<byte[]> readings = DataUrl.document(UrlText.decode(t.buf, v, end));
        if (readings == null) {
            return null;
        }
        for (byte[] doc : readings) {
            // a data: document has an opaque origin and no base of the page's: its relative URLs go nowhere
            TrackerEvent e = read(doc, null, false);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /** What the markup {@code doc}, read as a fragment of this page (its base URL), would refuse first, or null. */
    TrackerEvent markupRefusal(byte[] doc, String base, boolean baseCandidate) throws IOException {
        return read(doc, base, baseCandidate);
    }

    /**
     * What the nested document {@code doc} would refuse first, read by a rewriter of its own with the same decision,
     * or {@code null}; past {@link #MAX_DEPTH} nested documents, a refusal without reading it.
     */
    private TrackerEvent read(byte[] doc, String docBase, boolean docBaseCandidate) throws IOException {
        int depth = engine.srcdoc.depth();
        if (depth >= MAX_DEPTH) {
            return new TrackerEvent(0, 0, ElementNames.name(t.nameId), null, null, Set.of(),
                TrackerEvent.Action.REMOVED);
        }
        TrackerEvent[] refused = new TrackerEvent[1];
        RewriteListener first = e -> {
            if (refused[0] == null && e.action() != TrackerEvent.Action.ALLOWED
                    && e.action() != TrackerEvent.Action.ACTIVATED) {
                refused[0] = e;
            }
        };
        try (RewriteStream nested = cfg.open(engine.decision, StandardCharsets.UTF_8,
                OutputStream.nullOutputStream(), first)) {
            nested.srcdoc = new SrcdocContext(depth + 1, docBase, docBaseCandidate);
            nested.write(doc, 0, doc.length);
        }
        return refused[0];
    }
}
