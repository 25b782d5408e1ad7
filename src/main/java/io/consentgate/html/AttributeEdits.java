package io.consentgate.html;

import static io.consentgate.html.AttributeNames.*;

import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The edits to the attributes of a start tag whose element stays in the page: an attribute that would load or run a
 * refused tracker by itself goes ({@code ping} on a link, {@code background}, a {@code url(...)} in {@code style}, an
 * event handler), reported as {@link TrackerEvent.Action#NEUTRALIZED} or {@link TrackerEvent.Action#PING_REMOVED},
 * and the tag is written once with all of them ({@link #liveAttributes}). The rules of an element that stays (a
 * picture's {@code srcset}, an SVG URL read as HTML, an AMP component's attributes) add their drops here first
 * ({@link #dropAttributes}); a tag the operator's allow activated gets the same edits ({@link #activatedEdits}).
 * Owned by one {@link ElementRules}; answers about the tag the tokenizer holds.
 */
final class AttributeEdits {

    private final ElementRules rules;
    private final RewriteEngine engine;
    private final Tokenizer t;
    private final HtmlRewriter cfg;
    private final UrlVerdicts verdicts;
    /**
     * Attribute drops of the current start tag waiting to be written with the others ({@link #liveAttributes});
     * cleared by {@link ElementRules#startTag} as each start tag begins (a field write, not a call, on every tag).
     */
    TagWriter edits;

    AttributeEdits(ElementRules rules, RewriteEngine engine, UrlVerdicts verdicts) {
        this.rules = rules;
        this.engine = engine;
        this.t = engine.tok;
        this.cfg = engine.cfg;
        this.verdicts = verdicts;
    }

    /**
     * The attributes of a start tag that is written on: those that load or run something by themselves go when they
     * name a refused tracker, and the element stays (reported as {@link TrackerEvent.Action#NEUTRALIZED}). They are
     * {@code background} ({@code <body>}, {@code <table>}, cells; with {@code other}, an element no rule names),
     * {@code style} (a {@code url(...)} or {@code image-set("...")} in it) and event handlers; in both modes, as the
     * element itself is no tracker. All edits, with a dropped {@code ping}, are written in one pass over the tag.
     */
    void liveAttributes(boolean other) throws IOException {
        TagWriter w = liveEdits(edits, other);
        // an HTML <style>, or an SVG one (a MathML <style> styles nothing; a self-closed SVG one has no text)
        boolean styleSheet = t.nameId == ElementNames.STYLE && (!t.foreign || t.inSvg() && !t.selfClosing);
        if (w != null) {
            w.build(t, null);
            if (styleSheet) {
                engine.beginStyle(true);
            } else {
                engine.replaceTag();
            }
        } else if (styleSheet) {
            engine.beginStyle(false);
        }
    }

    /** Adds the drops of {@link #liveAttributes} to {@code w} (null: none yet); null when there are none. */
    private TagWriter liveEdits(TagWriter w, boolean other) {
        if (other && t.maybeMarked()) {
            int bg = rules.attr(BACKGROUND);
            w = dropAll(w, bg, BACKGROUND, verdicts.check(bg, false));
        }
        if (t.maybeStyled()) {
            int style = rules.attr(STYLE);
            w = dropAll(w, style, STYLE, styleRefusal(style));
        }
        return eventHandlers(w);
    }

    /**
     * The refusing match for a URL in the {@code style} attribute {@code i} ({@code url(...)}, or a string such as
     * {@code image-set("...")}), or {@code null}. Inside {@code <noscript>} a server-rendered pixel takes the form
     * {@code <div style="background-image:url(https://www.facebook.com/tr?...)">}: that element goes. Elsewhere the
     * attribute goes and the element stays ({@link #liveAttributes}).
     */
    TrackerMatch styleRefusal(int i) {
        if (i < 0) {
            return null;
        }
        int v = t.valueFrom(i);
        if (v < 0) {
            return null;
        }
        byte[] css = t.buf;
        int to = t.valueTo(i);
        if (engine.trailBytes != null) { // a string ending in a trail byte 0x5C must not run on over a url(...)
            css = engine.trailBytes.mask(java.util.Arrays.copyOfRange(t.buf, v, to), 0, to - v);
            to -= v;
            v = 0;
        }
        for (String url : CssUrls.in(UrlText.decodeText(css, v, to))) {
            TrackerMatch m = verdicts.verdict(url.strip());
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /**
     * Event handler attributes ({@code onload}, {@code onerror}, ...) are script: one that loads a refused tracker
     * ({@code <img src=x onerror="...createElement('script')...gtm.js">}, {@code <body onload=...>}) is read like an
     * inline script and goes; the element stays. Read on the tags that reach the rules: those that load something
     * (and so fire {@code load}/{@code error} by themselves), {@code <body>} and SVG; handlers on tags skimmed unread
     * (a {@code <div onclick>}) are not.
     */
    private TagWriter eventHandlers(TagWriter w) {
        int[] at = t.attrs;
        byte[] b = t.buf;
        for (int i = 0, a = 0; i < t.attrCount; i++, a += Tokenizer.STRIDE) {
            if ((b[at[a + Tokenizer.A_NAME]] | 0x20) != 'o' || at[a + Tokenizer.A_VALUE] < 0 || !t.isEventHandler(i)) {
                continue; // nearly every attribute: its name does not start with o
            }
            byte[] script = rules.value(i).getBytes(StandardCharsets.UTF_8);
            for (TrackerMatch m : cfg.catalog.matchScript(script, 0, script.length)) {
                if (engine.decision.allowsAll(m.categories())) {
                    engine.event(TrackerEvent.Action.ALLOWED, elementName(), m);
                    continue;
                }
                engine.event(TrackerEvent.Action.NEUTRALIZED, elementName(), m);
                w = writer(w);
                w.edit(i, TagWriter.DROP);
                break;
            }
        }
        return w;
    }

    /** A link's {@code ping} goes when a URL in it is a refused tracker's; the link stays. */
    void ping() throws IOException {
        int ping = rules.attr(PING);
        if (ping < 0) {
            return;
        }
        int p = t.valueFrom(ping);
        int end = t.valueTo(ping);
        byte[] b = t.buf;
        while (p >= 0 && p < end) {
            while (p < end && ByteScan.isWs(b[p])) {
                p++;
            }
            int start = p;
            while (p < end && !ByteScan.isWs(b[p])) {
                p++;
            }
            TrackerMatch m = p > start ? verdicts.verdict(b, start, p) : null;
            if (m != null) {
                engine.event(TrackerEvent.Action.PING_REMOVED, elementName(), m);
                edits = dropNamed(writer(edits), ping, PING); // written with the tag's other edits
                return;
            }
        }
    }

    /**
     * The edits of the current tag once the operator's allow activated it ({@link TaggedElements}), added to the
     * activation's in the tag writer: its {@code ping}, {@code style} and event handlers, read as on any tag
     * ({@link #liveAttributes}). Returns the tag writer.
     */
    TagWriter activatedEdits() throws IOException {
        edits = engine.tagWriter;
        if (t.nameId == ElementNames.A || t.nameId == ElementNames.AREA) {
            ping();
        }
        return liveEdits(edits, false);
    }

    /**
     * With a refusing match for attribute {@code first}, marks it and every later attribute of the same name to be
     * dropped (a later duplicate would take effect once the first is gone); returns the writer holding the edits.
     */
    private TagWriter dropAll(TagWriter w, int first, byte[] name, TrackerMatch m) {
        if (m == null) {
            return w;
        }
        engine.event(TrackerEvent.Action.NEUTRALIZED, elementName(), m);
        return dropNamed(writer(w), first, name);
    }

    /**
     * For an element that stays (an AMP component, an image whose {@code srcset} names a tracker): drops attribute
     * {@code first} and every later one of the same name, in the writing of the tag's other edits, and reports
     * {@code m} as {@link TrackerEvent.Action#NEUTRALIZED}.
     */
    void dropAttributes(int first, byte[] name, TrackerMatch m) {
        engine.event(TrackerEvent.Action.NEUTRALIZED, elementName(), m);
        edits = dropNamed(writer(edits), first, name);
    }

    private TagWriter dropNamed(TagWriter w, int first, byte[] name) {
        for (int i = first; i < t.attrCount; i++) {
            if (t.attrNameIs(i, name)) {
                w.edit(i, TagWriter.DROP);
            }
        }
        return w;
    }

    private TagWriter writer(TagWriter w) {
        if (w == null) {
            w = engine.tagWriter;
            w.reset(t.attrCount);
        }
        return w;
    }

    private String elementName() {
        String element = ElementNames.name(t.nameId);
        return element.isEmpty() ? new String(t.name, 0, t.nameLen, StandardCharsets.ISO_8859_1) : element;
    }
}
