package io.consentgate.html;

import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;
import java.util.Set;

/**
 * An AMP component the {@link RewriteEngine} holds to its end tag for its inline configuration
 * ({@code <amp-analytics>}, {@code <amp-story-auto-ads>}; see {@link AmpElements#configRefusal}): while the engine's
 * {@code inAmpConfig} is set, its start tag and everything after it are in the engine's held bytes from
 * {@link #ampStart} on. The engine keeps that flag, as it routes the bytes; this class keeps the rest of the hold and
 * decides it at the component's end tag, at the first other tag inside it, or past the cap.
 */
final class HeldAmpConfig {

    private final RewriteEngine engine;
    private final ElementRules rules;
    private int ampId;
    private int ampStart;
    private int ampContentStart;
    private ForeignContent.Context ampContext;
    private long ampLine;
    private long ampColumn;
    private byte lastByteBeforeAmp;
    /** The vendor of its {@code type}, whose tag ids in the configuration decide; or null. */
    private TrackerMatch ampTagged;

    HeldAmpConfig(RewriteEngine engine, ElementRules rules) {
        this.engine = engine;
        this.rules = rules;
    }

    /**
     * Starts holding the current AMP component ({@code <amp-analytics>}, {@code <amp-story-auto-ads>}) to its end
     * tag: its inline configuration, a {@code <script type="application/json">} child, decides whether it goes
     * ({@link AmpElements#configRefusal}). The hold takes only that shape, script children and text: any other tag
     * inside ends it there, and the component is judged on what it held so far (on the safe side: a configuration
     * seen is read, whatever follows it). {@code tagged}: the vendor of its {@code type}, whose tag ids in the
     * configuration decide.
     */
    void beginAmpConfig(TrackerMatch tagged) throws IOException {
        engine.flushTo(engine.tok.tagStart);
        if (engine.listener != null) {
            ampLine = engine.tok.lineOf(engine.tok.tagStart);
            ampColumn = engine.tok.columnOf(engine.tok.tagStart);
        }
        if (!engine.inNoscript) {
            engine.deferLen = 0;
        }
        lastByteBeforeAmp = engine.lastByte;
        engine.inAmpConfig = true;
        ampId = engine.tok.nameId;
        ampTagged = tagged;
        ampContext = engine.tok.foreignSnapshot();
        engine.checkContent = false;
        engine.setMode(RewriteEngine.DEFER);
        ampStart = engine.deferLen;
        engine.flushTo(engine.tok.tagEnd);
        ampContentStart = engine.deferLen;
    }

    /**
     * A tag inside the held AMP component: true when it was taken care of (a script child's tags stay held, the
     * component's end tag decides it); false when it ended the hold and is to be read as usual.
     */
    boolean ampConfigTag() throws IOException {
        if (engine.tok.nameId == ElementNames.SCRIPT && !engine.tok.foreign) {
            return true; // held with the component, read with it at its end
        }
        if (engine.tok.endTag && engine.tok.nameId == ampId) {
            if (finishAmpConfig(engine.tok.tagStart)) {
                engine.tok.ps = engine.tok.tagEnd; // removed: its end tag goes with it
            }
            return true;
        }
        if (finishAmpConfig(engine.tok.tagStart)) {
            engine.startOverflowDrop(ampId, 1, ampContext); // the rest of it, through its end tag
            engine.dropTag();
            return true;
        }
        return false;
    }

    /** Judges the held AMP component up to {@code end}; true when it was removed (its bytes so far are gone). */
    boolean finishAmpConfig(int end) throws IOException {
        engine.flushTo(end);
        if (!engine.inAmpConfig) {
            return false; // it overflowed while the last bytes went in
        }
        engine.inAmpConfig = false;
        String element = ElementNames.name(ampId);
        TrackerMatch refused = rules.ampConfigRefusal(engine.defer, ampContentStart, engine.deferLen, ampTagged,
            element, ampLine, ampColumn);
        ampTagged = null;
        if (refused == null) {
            if (engine.inNoscript) {
                engine.noscriptContent = true;
                engine.checkContent = true;
            }
            engine.releaseDeferred();
            return false;
        }
        engine.event(TrackerEvent.Action.REMOVED, ampLine, ampColumn, element, refused);
        engine.deferLen = ampStart;
        engine.lastByte = lastByteBeforeAmp;
        engine.guardCut();
        if (engine.inNoscript) {
            engine.noscriptRemoved++;
            engine.checkContent = true;
        }
        engine.releaseDeferred();
        return true;
    }

    /**
     * A held AMP component past the cap: fail-open sends it and the rest of it unread, fail-closed drops it through
     * its end tag.
     */
    void overflowAmpConfig(boolean closed) throws IOException {
        engine.logOverflow("an AMP component's configuration");
        engine.inAmpConfig = false;
        ampTagged = null;
        if (!closed) {
            engine.releaseDeferred();
            return;
        }
        engine.event(TrackerEvent.Action.REMOVED, ampLine, ampColumn, ElementNames.name(ampId), null, null,
            Set.of());
        engine.deferLen = ampStart; // outside <noscript>: a block holding it overflows first, as a whole
        engine.lastByte = lastByteBeforeAmp;
        engine.startOverflowDrop(ampId, 1, ampContext);
    }
}
