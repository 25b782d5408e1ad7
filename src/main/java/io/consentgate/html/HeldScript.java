package io.consentgate.html;

import io.consentgate.Category;
import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inline {@code <script>} (HTML, SVG or MathML) the {@link RewriteEngine} holds while it decides it: what is
 * kept of its start tag for neutralize mode and for its stand-ins, and at its end tag whether it stays, is
 * neutralized or goes, with the stand-ins for the page globals of the refused trackers it started
 * ({@link PageGlobalStubs}); also the end of a script past the cap that streamed ({@link StreamedScript}). The
 * scripts kept with only their refused parts taken out (a framework payload, a URL list, a Magento block) are
 * rewritten by {@link HeldScriptRewrites}, which this class asks first. The engine keeps the hold itself (the held
 * bytes, {@code inScript} and the other flags, where the script starts; {@link RewriteEngine#hold}), shared with
 * the {@code <style>} hold ({@link HeldStyle}).
 */
final class HeldScript {

    /** Logged under the engine's name, as before this class was split from it. */
    private static final Logger LOG = LoggerFactory.getLogger(RewriteEngine.class);

    private final RewriteEngine engine;
    private final Tokenizer tok;
    private final ElementRules rules;
    private final HeldStyle style;
    private final HeldScriptRewrites scriptRewrites;
    private final CapOverflow overflow;

    private byte[] scriptNeutralHead;
    private boolean scriptHasCategory;
    private byte[] scriptNeutralTail;
    /** The stand-ins for removed trackers' globals written so far; created at the first removed script. */
    private PageGlobalStubs globalStubs;
    /** The held script's {@code nonce} as written, for its stand-ins ({@link #stubPageGlobals}); null when none. */
    private byte[] scriptNonce;
    /** Where the held script starts in the input, for its stand-ins. */
    private long scriptAbs;
    /** The {@code nonce} for the stand-ins in {@link RewriteEngine#pendingStubs}; null when none. */
    private byte[] pendingStubNonce;

    HeldScript(RewriteEngine engine, ElementRules rules, HeldStyle style, HeldScriptRewrites scriptRewrites,
               CapOverflow overflow) {
        this.engine = engine;
        this.tok = engine.tok;
        this.rules = rules;
        this.style = style;
        this.scriptRewrites = scriptRewrites;
        this.overflow = overflow;
    }

    // ---------------------------------------------------------------- the start

    /**
     * Starts holding an inline script. {@code rewritten}: the start tag was rewritten into
     * {@link RewriteEngine#tagWriter}.
     */
    void beginScript(boolean rewritten) throws IOException {
        engine.scriptUnread = false;
        scriptNonce = engine.cfg.stubPageGlobals && engine.cfg.mode == RewriteMode.REMOVE ? rules.rawNonce() : null;
        scriptAbs = tok.bufAbs + tok.tagStart;
        if (engine.cfg.mode == RewriteMode.NEUTRALIZE) {
            rules.neutralScriptTag(rewritten);
            int close = TagWriter.closeStart(tok);
            int headLen = engine.tagWriter.len - (tok.tagEnd - close);
            scriptNeutralHead = java.util.Arrays.copyOf(engine.tagWriter.out, headLen);
            scriptNeutralTail = java.util.Arrays.copyOfRange(engine.tagWriter.out, headLen, engine.tagWriter.len);
            scriptHasCategory = rules.categoryAttr() >= 0;
            if (rewritten) {
                rules.activateTag();
            }
        }
        engine.hold(false, rewritten);
    }

    /**
     * Starts holding an SVG or MathML script whose text is not read for trackers (it has a URL, already judged, or a
     * type that fetches nothing), only to see how it ends: another tag than its own end tag ending it makes it a
     * script that never runs, whose start tag the preload scanner would still read from (see
     * {@link RewriteEngine#onTag}).
     */
    void holdForeignScript() throws IOException {
        if (engine.decision.refused().isEmpty()) {
            return;
        }
        engine.scriptUnread = true;
        engine.hold(false, false);
    }

    /**
     * Starts holding a Magento {@code <script type="text/x-magento-init">} block, read at its end tag for the
     * components it starts ({@link HeldScriptRewrites#finishMagentoInit}). Held only where the catalog names such
     * components and something is refused (or the listener wants the allowed ones), and not in {@code <noscript>},
     * where it starts nothing.
     */
    void beginMagentoInit() throws IOException {
        if (engine.inNoscript || !engine.cfg.catalog.hasMagentoComponents()
            || engine.decision.refused().isEmpty() && engine.listener == null) {
            return;
        }
        engine.heldMagentoInit = true;
        beginScript(false);
    }

    /**
     * Starts holding a JSON data block, {@code <script type="application/json">}, read at its end tag for the member
     * that makes a shared loader start a tracker ({@link HeldScriptRewrites#finishDataBlock}). Held only where the
     * catalog lists such members and something is refused (or the listener wants the allowed ones), not in
     * {@code <noscript>}, and to {@value DataBlockScript#MAX_BYTES} bytes ({@link CapOverflow#overflowHeldElement}).
     */
    void beginDataBlock() throws IOException {
        if (engine.inNoscript || !engine.cfg.catalog.hasDataBlocks()
            || engine.decision.refused().isEmpty() && engine.listener == null) {
            return;
        }
        engine.heldDataBlock = true;
        beginScript(false);
    }

    // ---------------------------------------------------------------- the end

    /** The end of a held script or style; {@code endEnd} is -1 when its end tag outgrew the cap and is not read yet. */
    void finishScript(int endStart, int endEnd) throws IOException {
        int held = engine.heldStyle ? ElementNames.STYLE : ElementNames.SCRIPT;
        engine.flushTo(endStart);
        if (!engine.inScript) {
            overflow.endDropAfterOverflow(held, endEnd);
            return;
        }
        if (engine.heldStyle) {
            style.finishStyle();
            return;
        }
        if (engine.heldMagentoInit) {
            scriptRewrites.finishMagentoInit(endEnd);
            return;
        }
        if (engine.heldDataBlock) {
            scriptRewrites.finishDataBlock(endEnd);
            return;
        }
        if (engine.scriptUnread) { // ended by its own end tag: it goes out as it came
            engine.scriptUnread = false;
            engine.inScript = false;
            engine.releaseDeferred();
            return;
        }
        int cs = engine.scriptContentStart;
        List<TrackerMatch> matches = engine.cfg.catalog.matchScript(engine.scriptText(), cs, engine.deferLen - cs);
        if (engine.scriptForeign) {
            matches = withDecodedReferences(matches, cs);
        }
        TrackerMatch refused = null;
        for (TrackerMatch m : matches) {
            if (!engine.decision.allowsAll(m.categories())) {
                refused = m;
                break;
            }
        }
        finishRead(matches, refused, endEnd);
    }

    /**
     * The end of a held script whose text was read ({@code matches}, the first of them refused is {@code refused},
     * or null): it stays as it is or rewritten ({@link HeldScriptRewrites}), is neutralized, or goes.
     */
    private void finishRead(List<TrackerMatch> matches, TrackerMatch refused, int endEnd) throws IOException {
        engine.inScript = false;
        if (!engine.inNoscript && scriptRewrites.rewriteFlightChunk(matches, refused != null) || refused == null) {
            for (TrackerMatch m : matches) {
                if (engine.decision.allowsAll(m.categories())) {
                    engine.event(TrackerEvent.Action.ALLOWED, engine.scriptLine, engine.scriptColumn, "script", m);
                }
            }
            if (engine.inNoscript) {
                engine.noscriptContent = true;
                engine.checkContent = true;
            }
        } else if (!engine.inNoscript && scriptRewrites.rewriteMerged(matches)) {
            for (TrackerMatch m : matches) {
                engine.event(engine.decision.allowsAll(m.categories()) ? TrackerEvent.Action.ALLOWED
                    : TrackerEvent.Action.NEUTRALIZED, engine.scriptLine, engine.scriptColumn, "script", m);
            }
            if (scriptRewrites.keptMixed) {
                engine.releaseDeferred();
                stubAfterEndTag(matches, endEnd);
                return;
            }
        } else if (engine.cfg.mode == RewriteMode.NEUTRALIZE && !engine.inNoscript) {
            engine.event(TrackerEvent.Action.NEUTRALIZED, engine.scriptLine, engine.scriptColumn, "script", refused);
            writeNeutralScript(refused.categories());
            engine.deferLen = 0;
        } else if (!engine.inNoscript && scriptRewrites.rewriteUrlList(matches)) {
            for (TrackerMatch m : matches) {
                engine.event(engine.decision.allowsAll(m.categories()) ? TrackerEvent.Action.ALLOWED
                    : TrackerEvent.Action.NEUTRALIZED, engine.scriptLine, engine.scriptColumn, "script", m);
            }
        } else {
            engine.event(TrackerEvent.Action.REMOVED, engine.scriptLine, engine.scriptColumn, "script", refused);
            removeHeldScript(endEnd, matches);
            return;
        }
        engine.releaseDeferred();
    }

    /**
     * An SVG or MathML script's text is not raw text: the browser decodes its character references before it runs
     * it ({@code connect&#46;facebook&#46;net}), so it is also matched decoded. What only the decoded text names is
     * not found by the rewrites that keep a script, which read the bytes: such a script goes whole.
     */
    private List<TrackerMatch> withDecodedReferences(List<TrackerMatch> raw, int cs) {
        if (ByteScan.indexOf(engine.defer, cs, engine.deferLen, '&') >= engine.deferLen) {
            return raw;
        }
        byte[] text = UrlText.decodeText(engine.defer, cs, engine.deferLen)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<TrackerMatch> decoded = engine.cfg.catalog.matchScript(text, 0, text.length);
        if (decoded.isEmpty()) {
            return raw;
        }
        List<TrackerMatch> all = new java.util.ArrayList<>(raw);
        for (TrackerMatch m : decoded) {
            if (raw.stream().noneMatch(r -> r.tracker().id().equals(m.tracker().id()))) {
                all.add(m);
            }
        }
        return all;
    }

    /**
     * The end of a script past the cap that streamed: if it names a refused tracker, it must not compile.
     *
     * @return the refused tracker it was made unparseable for, or null
     */
    TrackerMatch finishStreamedScript(int end) throws IOException {
        engine.flushTo(end);
        StreamedFlight.Outcome outcome = engine.flight == null ? StreamedFlight.Outcome.JUDGE : engine.flight.finish();
        TrackerMatch refused = engine.streamed.finish();
        boolean streamedPoisoned = engine.streamed.poisoned();
        boolean stop = !streamedPoisoned && outcome == StreamedFlight.Outcome.STOPPED
            || outcome == StreamedFlight.Outcome.JUDGE && refused != null;
        if (outcome == StreamedFlight.Outcome.KEPT) {
            for (TrackerMatch m : engine.flight.rewritten()) {
                engine.event(TrackerEvent.Action.NEUTRALIZED, engine.scriptLine, engine.scriptColumn, "script", m);
            }
        } else if (stop && refused != null) {
            engine.event(TrackerEvent.Action.NEUTRALIZED, engine.scriptLine, engine.scriptColumn, "script", refused);
        } else if (stop) {
            engine.event(TrackerEvent.Action.NEUTRALIZED, engine.scriptLine, engine.scriptColumn, "script", null, null,
                Set.of());
        }
        engine.streamed = null;
        engine.flight = null;
        engine.setMode(engine.mode);
        if (stop) {
            engine.emit(StreamedScript.POISON, 0, StreamedScript.POISON.length);
        }
        return stop ? refused : null;
    }

    /**
     * Takes out the start tag and the text so far of the SVG script being held, which has an element inside it;
     * the rest of its content stays, as content of the enclosing SVG element. Such scripts do not occur in real
     * pages; a tracker could hide in one.
     */
    void unwrapForeignScript() throws IOException {
        LOG.debug("ConsentGate: removed the start of an SVG script with an element inside it (line {})",
            engine.scriptLine);
        engine.unwrapHeld();
    }

    /** Removes the held script with its end tag, which ends at {@code endEnd} (-1: longer than the cap, streaming). */
    void removeHeldScript(int endEnd, List<TrackerMatch> matches) throws IOException {
        if (endEnd < 0) { // an end tag longer than the cap, still streaming: it goes as it is read
            engine.cutHeldScript();
            engine.releaseDeferred();
            engine.setMode(RewriteEngine.DROP);
            engine.droppingOverflowedTag = true;
            return;
        }
        tok.ps = endEnd;
        engine.cutHeldScript();
        if (!engine.scriptForeign) {
            stubPageGlobals(matches, scriptNonce, scriptAbs);
        }
        engine.releaseDeferred();
    }

    /**
     * Writes the held script neutralized: its start tag as {@link #beginScript} kept it for neutralize mode (with
     * {@code categories} as its category when it names none), then its text.
     */
    void writeNeutralScript(Set<Category> categories) throws IOException {
        engine.sink.write(scriptNeutralHead);
        if (!scriptHasCategory) {
            engine.sink.write(rules.categoryInsert(categories));
        }
        engine.sink.write(scriptNeutralTail);
        engine.sink.write(engine.defer, engine.scriptContentStart, engine.deferLen - engine.scriptContentStart);
    }

    // ---------------------------------------------------------------- stand-ins for page globals

    /**
     * Writes, where a refused tracker's script was cut (it started at input offset {@code at}), the inert stand-ins
     * for the globals of the refused trackers among {@code matches} that the page's own code calls
     * ({@link PageGlobalStubs}), with the script's {@code nonce} (as written, or null). Only in remove mode, and not
     * inside {@code <noscript>}, where no script runs. Where the page declares its own encoding, a script cut inside
     * the prescan window before the page's {@code <meta charset>} leaves its stand-in at the first start tag after
     * that meta, or past the window, instead: written in place, it could push the meta out of the window, and the
     * browser would guess the encoding.
     */
    void stubPageGlobals(List<TrackerMatch> matches, byte[] nonce, long at) throws IOException {
        if (!engine.cfg.stubPageGlobals || engine.cfg.mode != RewriteMode.REMOVE || engine.inNoscript
            || engine.inAmpConfig) {
            return;
        }
        if (engine.charsetFromPage && at < EncodingSniffer.PRESCAN_BYTES) {
            if (engine.pendingStubs == null) {
                engine.pendingStubs = new java.util.ArrayList<>();
            }
            for (TrackerMatch m : matches) {
                if (!engine.decision.allowsAll(m.categories())) {
                    engine.pendingStubs.add(m);
                }
            }
            pendingStubNonce = pendingStubNonce != null ? pendingStubNonce : nonce;
            return;
        }
        if (globalStubs == null) {
            int refusedBits = 0;
            for (Category c : engine.decision.refused()) {
                refusedBits |= 1 << c.ordinal();
            }
            globalStubs = new PageGlobalStubs(engine.cfg.catalog, engine.cfg.stubDefinitions,
                engine.cfg.stubReserved.computeIfAbsent(refusedBits,
                    k -> PageGlobalStubs.reservedNames(engine.cfg.catalog, engine.decision)));
        }
        globalStubs.write(matches, m -> !engine.decision.allowsAll(m.categories()), nonce, engine::emit,
            engine.templateDepth == 0);
    }

    /**
     * The stand-ins for the refused trackers among {@code matches} of a held script that stays in the page but
     * starts none of them (made unparseable past the cap, a Magento block that lost only their components), after
     * its end tag, which ends at {@code endEnd} (-1: not read yet, and then none).
     */
    void stubAfterEndTag(List<TrackerMatch> matches, int endEnd) throws IOException {
        if (endEnd < 0 || engine.scriptForeign || !engine.cfg.stubPageGlobals
            || engine.cfg.mode != RewriteMode.REMOVE) {
            return;
        }
        engine.flushTo(endEnd);
        stubPageGlobals(matches, scriptNonce, scriptAbs);
    }

    /** Writes the stand-ins postponed past the prescan window ({@link #stubPageGlobals}) before the current tag. */
    void writePendingStubs() throws IOException {
        writePendingStubs(tok.tagStart);
    }

    /** Writes the stand-ins postponed past the prescan window ({@link #stubPageGlobals}) at {@code at} in the buffer. */
    void writePendingStubs(int at) throws IOException {
        List<TrackerMatch> pending = engine.pendingStubs;
        engine.pendingStubs = null;
        engine.flushTo(at);
        stubPageGlobals(pending, pendingStubNonce, Long.MAX_VALUE);
        pendingStubNonce = null;
    }
}
