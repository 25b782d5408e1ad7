package io.consentgate.html;

import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code <style>} element the {@link RewriteEngine} holds ({@link RewriteEngine#beginStyle}): its CSS is read at
 * its end tag, or statement by statement past the cap, and its URLs that fetch a refused tracker become
 * {@code about:invalid}; an SVG style, whose text is markup, is judged on its text content. The engine keeps the
 * hold itself (the held bytes, {@code inScript}/{@code heldStyle}, where the content starts); this class decides
 * what becomes of it. Its CSS is read by {@link StyleSheets}.
 */
final class HeldStyle {

    /** Logged under the engine's name, as before this class was split from it. */
    private static final Logger LOG = LoggerFactory.getLogger(RewriteEngine.class);
    private static final byte[] INVALID_URL = {'a', 'b', 'o', 'u', 't', ':', 'i', 'n', 'v', 'a', 'l', 'i', 'd'};

    private final RewriteEngine engine;
    private final ElementDrop drop;
    private final StyleSheets styleSheets;

    HeldStyle(RewriteEngine engine, ElementRules rules, ElementDrop drop) {
        this.engine = engine;
        this.drop = drop;
        this.styleSheets = new StyleSheets(engine, rules.verdicts);
    }

    /**
     * A tag inside an SVG {@code <style>}, whose text is markup: the browser's stylesheet is the style's text nodes
     * joined, on both sides of a nested element (and an end tag that closes nothing is ignored), which one streaming
     * pass cannot read before it must decide. With trackers refused, the style's start tag goes with its text so far
     * (the rest is then plain SVG content that styles nothing).
     */
    void tagInSvgStyle() throws IOException {
        if (engine.decision.refused().isEmpty()) {
            engine.finishScript(engine.tok.tagStart, engine.tok.tagStart);
        } else {
            LOG.debug("ConsentGate: removed the start of an SVG style with a tag inside it (line {})",
                engine.scriptLine);
            engine.unwrapHeld();
        }
    }

    /**
     * The end of a held {@code <style>}: each {@code url(...)} or string of its CSS that fetches a refused tracker
     * becomes {@code about:invalid} (which loads nothing) in place, and the element stays, in both modes (it is no
     * tracker, and removing it would unstyle the page). Reported as {@link TrackerEvent.Action#NEUTRALIZED}.
     */
    void finishStyle() throws IOException {
        int cs = engine.scriptContentStart;
        if (engine.heldForeign && StyleSheets.hasMarkup(engine.defer, cs, engine.deferLen)) {
            finishSvgStyleWithMarkup(cs);
            return;
        }
        engine.inScript = false;
        engine.heldStyle = false;
        byte[] text = rewrittenCss(cs, engine.deferLen);
        if (text != null) {
            if (cs + text.length > engine.defer.length) {
                engine.defer = java.util.Arrays.copyOf(engine.defer, cs + text.length);
            }
            System.arraycopy(text, 0, engine.defer, cs, text.length);
            engine.deferLen = cs + text.length;
        }
        if (engine.inNoscript) {
            engine.noscriptContent = true;
            engine.checkContent = true;
        }
        engine.releaseDeferred();
    }

    /**
     * An SVG style whose text holds markup or character references: the browser's CSS is its text content (CDATA
     * sections unwrapped, comments left out, references decoded), which no span of the held bytes stands for. When
     * that CSS fetches a refused tracker, the style's start tag goes with its text ({@link RewriteEngine#unwrapHeld});
     * otherwise it stays byte for byte.
     */
    private void finishSvgStyleWithMarkup(int cs) throws IOException {
        byte[] css = StyleSheets.svgTextContent(engine.defer, cs, engine.deferLen);
        List<TrackerMatch> refused = new java.util.ArrayList<>(1);
        List<TrackerMatch> allowed = new java.util.ArrayList<>(1);
        List<CssUrls.Span> spans = styleSheets.refused(css, 0, css.length, refused, allowed);
        for (TrackerMatch m : allowed) {
            engine.event(TrackerEvent.Action.ALLOWED, engine.scriptLine, engine.scriptColumn, "style", m);
        }
        if (spans == null) {
            engine.inScript = false;
            engine.heldStyle = false;
            if (engine.inNoscript) {
                engine.noscriptContent = true;
                engine.checkContent = true;
            }
            engine.releaseDeferred();
            return;
        }
        for (TrackerMatch m : refused) {
            engine.event(TrackerEvent.Action.REMOVED, engine.scriptLine, engine.scriptColumn, "style", m);
        }
        engine.unwrapHeld();
    }

    /** The held CSS {@code defer[from..to)} with its refused tracker URLs replaced, or {@code null} when it has none. */
    private byte[] rewrittenCss(int from, int to) {
        List<TrackerMatch> refused = new java.util.ArrayList<>(1);
        List<TrackerMatch> allowed = new java.util.ArrayList<>(1);
        List<CssUrls.Span> spans = styleSheets.refused(engine.scriptText(), from, to, refused, allowed);
        for (TrackerMatch m : allowed) {
            engine.event(TrackerEvent.Action.ALLOWED, engine.scriptLine, engine.scriptColumn, "style", m);
        }
        if (spans == null) {
            return null;
        }
        java.io.ByteArrayOutputStream css = new java.io.ByteArrayOutputStream(to - from);
        int prev = 0;
        for (CssUrls.Span span : spans) {
            css.write(engine.defer, from + prev, span.from() - prev);
            css.write(INVALID_URL, 0, INVALID_URL.length);
            prev = span.to();
        }
        css.write(engine.defer, from + prev, to - from - prev);
        for (TrackerMatch m : refused) { // one per URL: the same events however the CSS was streamed
            engine.event(TrackerEvent.Action.NEUTRALIZED, engine.scriptLine, engine.scriptColumn, "style", m);
        }
        return css.toByteArray();
    }

    /**
     * A held {@code <style>} (outside {@code <noscript>}) holds more than the cap. Its CSS up to the end of its last
     * complete statement reads the same whatever follows, so it is read and sent now, with the start tag, and only
     * the open statement stays held: a large inline stylesheet streams. A single statement longer than the cap (a
     * font inlined as a {@code data:} URL, an unclosed comment) is where the overflow switch applies: fail-open
     * sends it and the rest of the element unread, fail-closed drops them and keeps the end tag. Which statement
     * that is depends on the CSS alone, not on how the input was split ({@link CssUrls.Scan#longStatement}).
     */
    void streamStyle() throws IOException {
        int cs = engine.scriptContentStart;
        CssUrls.Scan scan = styleSheets.scan(engine.scriptText(), cs, engine.deferLen);
        int end = cs + (scan.longStatement() >= 0 ? scan.longStatement() : scan.boundary());
        byte[] text = rewrittenCss(cs, end);
        // the start tag, if not yet sent (nothing else is held outside <noscript>)
        engine.sink.write(engine.defer, 0, cs);
        if (text != null) {
            engine.sink.write(text);
        } else {
            engine.sink.write(engine.defer, cs, end - cs);
        }
        System.arraycopy(engine.defer, end, engine.defer, 0, engine.deferLen - end);
        engine.deferLen -= end;
        engine.scriptStart = 0;
        engine.scriptContentStart = 0;
        if (scan.longStatement() >= 0) {
            overflowStyle();
        }
    }

    /**
     * The overflow switch for a held style whose start tag was sent: fail-open sends the rest of the element unread,
     * fail-closed drops it and keeps the end tag.
     */
    private void overflowStyle() throws IOException {
        engine.logOverflow("a <style> statement");
        engine.inScript = false;
        engine.heldStyle = false;
        if (engine.cfg.overflow == OverflowAction.FAIL_OPEN) {
            engine.releaseDeferred();
            return;
        }
        engine.event(TrackerEvent.Action.REMOVED, engine.scriptLine, engine.scriptColumn, "style", null, null,
            Set.of());
        engine.deferLen = 0;
        engine.startOverflowDrop(ElementNames.STYLE, 1, engine.heldContext);
        drop.keepDropEnd = true;
    }

    /**
     * An SVG {@code <style>} holds more than the cap. Its text is markup, so it is not streamed statement by
     * statement: fail-open sends it unread, fail-closed drops the element whole, end tag included.
     */
    void overflowSvgStyle(boolean closed) throws IOException {
        engine.logOverflow("an SVG <style>");
        engine.inScript = false;
        engine.heldStyle = false;
        if (!closed) {
            engine.releaseDeferred();
            return;
        }
        engine.event(TrackerEvent.Action.REMOVED, engine.scriptLine, engine.scriptColumn, "style", null, null,
            Set.of());
        engine.deferLen = 0;
        engine.lastByte = engine.lastByteBeforeScript;
        engine.startOverflowDrop(ElementNames.STYLE, 1, engine.heldContext);
    }
}
