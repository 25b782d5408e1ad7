package io.consentgate.html;

import io.consentgate.Category;
import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;
import java.util.Set;

/**
 * What the {@link RewriteEngine} does with an element or a tag that outgrows the hold cap
 * ({@link HtmlRewriter#maxHeldBytes}): the overflow switch ({@link OverflowAction}) applied to a held
 * {@code <noscript>}, script, style or AMP configuration, a start tag past the cap kept and read attribute by
 * attribute ({@link StreamedTag}) or dropped, and the drops that go on past the cap to the element's end tag. These
 * paths run only for input larger than the cap. The engine keeps the hold itself (the held bytes, the flags) and
 * {@link ElementDrop} the drop (its element and depth); this class decides what an overflow does to them, and logs
 * the first one.
 */
final class CapOverflow {

    private final RewriteEngine engine;
    private final Tokenizer tok;
    private final HeldStyle style;
    private final HeldScriptRewrites scriptRewrites;
    private final ElementDrop drop;

    private boolean overflowLogged;
    /** A start tag past the cap under fail-closed, kept and read attribute by attribute ({@link #streamingTag}). */
    private final StreamedTag streamedTag;
    private boolean streamingTag;

    CapOverflow(RewriteEngine engine, ElementRules rules, HeldStyle style, HeldScriptRewrites scriptRewrites,
                ElementDrop drop) {
        this.engine = engine;
        this.tok = engine.tok;
        this.style = style;
        this.scriptRewrites = scriptRewrites;
        this.drop = drop;
        this.streamedTag = new StreamedTag(engine, tok, rules.categoryAttributeBytes);
    }

    // ---------------------------------------------------------------- tokenizer callbacks

    /** See {@link TokenHandler#onTagOverflow}. */
    void onTagOverflow() throws IOException {
        if (engine.mode == RewriteEngine.DEFER) {
            engine.flushTo(tok.tagStart); // the held text before the tag may overflow first, and start a drop
            if (engine.mode == RewriteEngine.DEFER) {
                overflowInHeldElement();
                return;
            }
        }
        if (engine.mode == RewriteEngine.DROP && tok.endTag) {
            endTagOverTheCapInDrop();
            return;
        }
        if (engine.streamed != null) {
            // the streamed script's end tag, longer than the cap: it streams after the script
            engine.finishStreamedScript(tok.tagStart);
            return;
        }
        // An end tag loads nothing (a browser drops its attributes), and dropping it would leave a <title> or
        // <textarea> open over the rest of the page: it streams in both modes.
        if (engine.mode != RewriteEngine.SINK || tok.endTag) {
            return;
        }
        if (engine.cfg.overflow == OverflowAction.FAIL_CLOSED && streamedTag.begin()) {
            logOverflow("a start tag", "keeping it with the attributes that load nothing (FAIL_CLOSED)");
            streamingTag = true;
            return;
        }
        logOverflow("a tag");
        if (engine.cfg.overflow == OverflowAction.FAIL_CLOSED) {
            // the name id is not known yet when the cap is hit at a chunk boundary: use the name bytes
            engine.event(TrackerEvent.Action.REMOVED, tok.lineOf(tok.tagStart), tok.columnOf(tok.tagStart),
                new String(tok.name, 0, tok.nameLen, java.nio.charset.StandardCharsets.ISO_8859_1), null, null,
                Set.of());
            engine.flushTo(tok.tagStart);
            engine.guardCut();
            engine.setMode(RewriteEngine.DROP);
            engine.droppingOverflowedTag = true;
        }
    }

    /** See {@link TokenHandler#keepStreamedAttribute}. */
    boolean keepStreamedAttribute(int nameStart, int nameEnd, int valueStart, int prefixEnd) {
        return streamedTag.keep(nameStart, nameEnd, valueStart, prefixEnd);
    }

    /** See {@link TokenHandler#onOverflowedTagEnd}. */
    void onOverflowedTagEnd() throws IOException {
        if (streamingTag) {
            streamingTag = false;
            streamedTag.end();
            return;
        }
        if (engine.droppingOverflowedTag) {
            engine.droppingOverflowedTag = false;
            tok.ps = tok.tagEnd;
            engine.setMode(engine.baseMode());
            if (!tok.endTag) {
                drop.cutRest();
            }
        } else if (engine.mode == RewriteEngine.DROP) {
            drop.dropTag();
        }
    }

    // ---------------------------------------------------------------- overflow of held elements

    void overflowHeldElement() throws IOException {
        boolean closed = engine.cfg.overflow == OverflowAction.FAIL_CLOSED;
        if (engine.inNoscript) {
            overflowNoscript(closed);
            return;
        }
        if (engine.inAmpConfig) {
            engine.ampConfig.overflowAmpConfig(closed);
            return;
        }
        if (engine.heldStyle) {
            style.overflowSvgStyle(closed);
            return;
        }
        if (engine.heldMagentoInit) {
            // Fail open whatever the switch: a block this large is a page's own configuration (checkout's jsLayout),
            // which dropping would break, while the trackers' blocks are small; unread, it is sent as it was.
            logOverflow("a text/x-magento-init block");
            engine.heldMagentoInit = false;
            engine.inScript = false;
            engine.releaseDeferred();
            return;
        }
        if (engine.heldDataBlock) {
            overflowDataBlock();
            return;
        }
        // an HTML <style> streams (streamStyle); in <noscript> it is held with it
        overflowScript(closed);
    }

    /**
     * A JSON data block past {@link DataBlockScript#MAX_BYTES} (or the cap), judged by the members read so far: one
     * that makes a shared loader start a refused tracker goes to its end tag whatever the switch, as its end cannot
     * change what it starts; any other is the page's own data and is sent on unread, with no overflow logged.
     */
    private void overflowDataBlock() throws IOException {
        engine.heldDataBlock = false;
        engine.inScript = false;
        TrackerMatch m = DataBlockScript.judge(engine.scriptText(), engine.scriptContentStart, engine.deferLen,
            engine.cfg.catalog);
        if (m == null || engine.decision.allowsAll(m.categories())) {
            if (m != null) {
                engine.event(TrackerEvent.Action.ALLOWED, engine.scriptLine, engine.scriptColumn, "script", m);
            }
            engine.releaseDeferred();
            return;
        }
        dropOverflowedScript(m, m.categories());
    }

    /** A held {@code <noscript>} past the cap: dropped to its end tag with what it holds, or released. */
    private void overflowNoscript(boolean closed) throws IOException {
        logOverflow("a <noscript> block");
        engine.inNoscript = false;
        engine.inScript = false;
        engine.inAmpConfig = false; // an AMP component held in it goes with it
        engine.heldStyle = false; // a <style> held in it goes with it
        engine.checkContent = false;
        if (closed) {
            engine.event(TrackerEvent.Action.REMOVED, engine.noscriptLine, engine.noscriptColumn, "noscript",
                null, null, Set.of());
            engine.deferLen = 0;
            engine.lastByte = engine.lastByteBeforeNoscript; // what was held is gone, wherever the input was split
            drop.startOverflowDrop(ElementNames.NOSCRIPT, engine.noscriptDepth, engine.noscriptForeign);
        } else {
            engine.releaseDeferred();
        }
    }

    /**
     * A held inline script past the cap: released under fail-open; under fail-closed streamed
     * ({@link #streamScript}), or else neutralized or dropped to its end tag.
     */
    private void overflowScript(boolean closed) throws IOException {
        logOverflow("an inline script", engine.scriptForeign || engine.scriptsEvaluated
            ? "treating it as a refused tracker (FAIL_CLOSED)"
            : "sending it as it streams, made unparseable at its end if it names a refused tracker, or rewritten on the"
            + " way if it is a framework payload (FAIL_CLOSED)");
        engine.inScript = false;
        engine.scriptUnread = false;
        if (!closed) {
            engine.releaseDeferred();
        } else if (!engine.scriptForeign && !engine.scriptsEvaluated) {
            streamScript();
        } else {
            dropOverflowedScript(null, engine.decision.refused());
        }
    }

    /**
     * A held script over the cap that goes: neutralized, its rest streaming into the inert script, or removed to its
     * end tag. {@code m} is the tracker it starts, {@code null} where unknown.
     */
    private void dropOverflowedScript(TrackerMatch m, Set<Category> categories) throws IOException {
        boolean neutralize = engine.cfg.mode == RewriteMode.NEUTRALIZE;
        TrackerEvent.Action action = neutralize ? TrackerEvent.Action.NEUTRALIZED : TrackerEvent.Action.REMOVED;
        if (m != null) {
            engine.event(action, engine.scriptLine, engine.scriptColumn, "script", m);
        } else {
            engine.event(action, engine.scriptLine, engine.scriptColumn, "script", null, null, Set.of());
        }
        if (neutralize) {
            engine.writeNeutralScript(categories); // what was held goes into the inert script
            engine.deferLen = 0;
            engine.setMode(RewriteEngine.SINK);
        } else {
            engine.deferLen = 0;
            engine.lastByte = engine.lastByteBeforeScript; // what was held is gone, wherever the input was split
            drop.startOverflowDrop(ElementNames.SCRIPT, 1, engine.heldContext);
        }
    }

    /** Sent as it streams, and made a syntax error at its end if it names a refused tracker (StreamedScript). */
    private void streamScript() throws IOException {
        int cs = engine.scriptContentStart;
        engine.streamed = new StreamedScript(engine.cfg.catalog, engine.decision);
        engine.streamed.feed(engine.defer, cs, engine.deferLen - cs);
        // a framework payload, which the page hydrates from, is rewritten as it streams instead (StreamedFlight)
        engine.flight = new StreamedFlight(engine.cfg.catalog, engine.decision, scriptRewrites.flightComponents(),
            engine.sink);
        engine.sink.write(engine.defer, 0, cs);
        engine.flight.feed(engine.defer, cs, engine.deferLen - cs);
        engine.deferLen = 0;
        engine.setMode(RewriteEngine.SINK);
    }

    /**
     * A tag longer than the cap inside a held element: the held element cannot be read whole, wherever the input was
     * split. In a {@code <noscript>} (any tag of its content) or an SVG script the overflow switch applies to the
     * element. In an HTML script or style the tag can only be the element's end tag (its text is raw), so the text is
     * complete: it is judged as usual, and the end tag streams after it, or goes with the script when that is
     * removed. In an SVG style it is a tag inside the style ({@link HeldStyle#tagInSvgStyle}).
     */
    private void overflowInHeldElement() throws IOException {
        if (engine.inScript && engine.heldStyle && engine.heldForeign && !engine.inNoscript) {
            style.tagInSvgStyle(); // its own end tag too: one over the cap is taken as a tag inside it
            if (engine.mode == RewriteEngine.SINK) {
                onTagOverflow(); // the style is let go of: the tag is one over the cap like any other
            }
        } else if (engine.inNoscript || !engine.inScript || engine.scriptForeign || !tok.endTag) {
            overflowHeldElement();
        } else {
            engine.finishScript(tok.tagStart, -1);
        }
    }

    /**
     * An end tag over the cap while dropping, decided now, while its start is still in the buffer (once a chunk
     * boundary passes, its first bytes are gone): the end tag of a style whose end tag the drop keeps ends the drop
     * and streams; a {@code </noscript>} that ends a drop inside a held {@code <noscript>} is a tag over the cap in
     * the block, so the block overflows. Other drops end at the tag's end as usual ({@link ElementDrop#dropTag}).
     */
    private void endTagOverTheCapInDrop() throws IOException {
        engine.flushTo(tok.tagStart); // dropped, as a chunk boundary would have
        if (drop.keepDropEnd && drop.dropDepth == 1 && tok.nameId == drop.dropId) {
            tok.ps = tok.tagStart;
            drop.keepDropEnd = false;
            drop.dropDepth = 0;
            engine.setMode(engine.baseMode());
            if (drop.dropAfterOverflow) {
                drop.dropAfterOverflow = false;
                tok.resetForeign(drop.dropContext);
            }
        } else if (engine.inNoscript && tok.nameId == ElementNames.NOSCRIPT && drop.dropId != ElementNames.NOSCRIPT) {
            overflowHeldElement();
        }
    }

    /** The held element overflowed while its own end tag was being handled: the drop ends with that tag. */
    void endDropAfterOverflow(int id, int endEnd) {
        if (engine.mode == RewriteEngine.DROP && drop.dropId == id) {
            tok.ps = endEnd;
            engine.setMode(engine.baseMode());
        }
    }

    // ---------------------------------------------------------------- logging

    /** Logs the first overflow of the stream ({@link HtmlRewriter#logOverflow}), with the fail-closed outcome. */
    void logOverflow(String what) {
        logOverflow(what, "treating it as a refused tracker (FAIL_CLOSED)");
    }

    private void logOverflow(String what, String closedOutcome) {
        if (!overflowLogged) {
            overflowLogged = true;
            engine.cfg.logOverflow(what, engine.cfg.overflow == OverflowAction.FAIL_CLOSED
                ? closedOutcome : "passing it through unchecked (FAIL_OPEN)");
        }
    }
}
