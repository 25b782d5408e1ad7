package io.consentgate.html;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code <noscript>} block the {@link RewriteEngine} holds while it decides it: its start tag starts the hold (a
 * nested one only counts), and at its end tag the block goes whole when everything in it was removed, or stays, with
 * the {@code </noscript} a browser running scripts reads as its end made text for both readings
 * ({@link NoscriptEndTags}). The engine keeps the hold itself (the held bytes, {@code inNoscript} and the other flags,
 * the nesting depth, where nested end tags start), as its per-tag paths and {@link CapOverflow} read them.
 */
final class HeldNoscript {

    /** Logged under the engine's name, as before this class was split from it. */
    private static final Logger LOG = LoggerFactory.getLogger(RewriteEngine.class);

    private final RewriteEngine engine;
    private final Tokenizer tok;
    private final CapOverflow overflow;

    /** Where the held {@code <noscript>}'s content starts in {@link RewriteEngine#defer}. */
    private int noscriptContentStart;

    HeldNoscript(RewriteEngine engine, CapOverflow overflow) {
        this.engine = engine;
        this.tok = engine.tok;
        this.overflow = overflow;
    }

    /** A {@code <noscript>} start tag: starts holding the block, or counts one nested in the held one. */
    void beginNoscript() throws IOException {
        if (engine.inNoscript) {
            engine.noscriptDepth++;
            if (engine.noscriptDepth == engine.nestedNoscriptForeign.length) {
                engine.nestedNoscriptForeign = java.util.Arrays.copyOf(engine.nestedNoscriptForeign,
                    engine.noscriptDepth * 2);
            }
            engine.nestedNoscriptForeign[engine.noscriptDepth] = tok.foreignDepth();
            return;
        }
        engine.flushTo(tok.tagStart);
        if (engine.listener != null) {
            engine.noscriptLine = tok.lineOf(tok.tagStart);
            engine.noscriptColumn = tok.columnOf(tok.tagStart);
        }
        engine.lastByteBeforeNoscript = engine.lastByte;
        engine.noscriptForeign = tok.foreignSnapshot();
        engine.inNoscript = true;
        engine.noscriptDepth = 1;
        engine.noscriptContent = false;
        engine.noscriptRemoved = 0;
        engine.deferLen = 0;
        engine.setMode(RewriteEngine.DEFER);
        engine.flushTo(tok.tagEnd);
        noscriptContentStart = engine.deferLen;
        engine.noscriptInnerEndCount = 0;
        engine.checkContent = true;
    }

    /**
     * The end of the held {@code <noscript>}, at its end tag or at the end of the input ({@code endStart} =
     * {@code endEnd}): removed whole when all it held was removed, else released. If its last bytes took it past the
     * cap, the drop that started there ends with this end tag ({@link CapOverflow#endDropAfterOverflow}).
     */
    void finishNoscript(int endStart, int endEnd) throws IOException {
        engine.flushTo(endStart);
        if (engine.noscriptRemoved > 0 && !engine.noscriptContent && engine.inNoscript) {
            engine.deferLen = 0;
            tok.ps = endEnd;
            engine.lastByte = engine.lastByteBeforeNoscript;
            engine.guardCut();
            tok.resetForeign(engine.noscriptForeign); // removed whole: the context from before it goes on
        } else {
            // The end tag closes the SVG/MathML opened inside (a </noscript> in SVG content too, as for a tree
            // builder).
            tok.closeForeignTo(ForeignContent.Context.depthOf(engine.noscriptForeign));
        }
        if (!engine.inNoscript) {
            overflow.endDropAfterOverflow(ElementNames.NOSCRIPT, endEnd);
            return;
        }
        if (engine.deferLen > noscriptContentStart && !engine.decision.refused().isEmpty()) {
            hideScriptingEndTags();
        }
        engine.checkContent = false;
        engine.inNoscript = false;
        engine.releaseDeferred();
    }

    /** See {@link NoscriptEndTags}: the held content's hidden end tags become text for both readings. */
    private void hideScriptingEndTags() {
        // An end tag the input ends inside is dropped by both readings: a </noscript that starts one stays as it
        // is, as written as text it would turn the rest of that tag into markup for a browser without scripting.
        int tail = Math.min(engine.eofTail, engine.deferLen - noscriptContentStart);
        int to = tail > 0 && NoscriptEndTags.endTagAt(engine.defer, engine.deferLen - tail, engine.deferLen)
            ? engine.deferLen - tail : engine.deferLen;
        int ends = 0;
        while (ends < engine.noscriptInnerEndCount && engine.noscriptInnerEnds[ends] < to) {
            ends++; // the end tags of nested <noscript>s read before it
        }
        byte[] hidden = NoscriptEndTags.hide(engine.defer, noscriptContentStart, to, engine.noscriptInnerEnds, ends);
        if (hidden == null) {
            return;
        }
        byte[] unfinished = java.util.Arrays.copyOfRange(engine.defer, to, engine.deferLen);
        hidden = java.util.Arrays.copyOf(hidden, hidden.length + unfinished.length);
        System.arraycopy(unfinished, 0, hidden, hidden.length - unfinished.length, unfinished.length);
        LOG.debug("ConsentGate: a <noscript> holds a </noscript that only a browser running scripts reads as its end;"
            + " written as &lt;/noscript");
        engine.deferLen = noscriptContentStart;
        if (engine.deferLen + hidden.length > engine.defer.length) {
            engine.defer = java.util.Arrays.copyOf(engine.defer, engine.deferLen + hidden.length);
        }
        System.arraycopy(hidden, 0, engine.defer, engine.deferLen, hidden.length);
        engine.deferLen += hidden.length;
    }
}
