package io.consentgate.html;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rewriting rules on top of the {@link Tokenizer}. Bytes go to one of three places: the sink, the defer buffer
 * (an inline script or a noscript block being decided) or nowhere (an element being removed). Element rules live in
 * {@link ElementRules}; this class owns the routing and the held elements. What becomes of a held inline script,
 * {@code <noscript>} block, {@code <style>} or AMP configuration is decided by {@link HeldScript} (with
 * {@link HeldScriptRewrites} for the scripts kept rewritten), {@link HeldNoscript}, {@link HeldStyle} and
 * {@link HeldAmpConfig}, and what becomes of an element or tag past the hold cap by {@link CapOverflow}, on the held
 * bytes and flags kept here. Where an element being removed ends is followed by {@link ElementDrop}.
 */
final class RewriteEngine implements TokenHandler {

    static final int SINK = 0;
    static final int DEFER = 1;
    static final int DROP = 2;

    final HtmlRewriter cfg;
    final ConsentDecision decision;
    final RewriteListener listener;
    final Tokenizer tok;
    final TagWriter tagWriter = new TagWriter();
    final OutputStream sink;
    private final ElementRules rules;
    private final HeldStyle style;
    final HeldAmpConfig ampConfig;
    private final HeldScriptRewrites scriptRewrites;
    private final CapOverflow overflow;
    private final ElementDrop drop;
    private final HeldScript script;
    private final HeldNoscript noscript;

    int mode = SINK;
    /** A tag past the cap is dropped up to its end ({@link CapOverflow#onOverflowedTagEnd}). */
    boolean droppingOverflowedTag;
    /** The SVG/MathML context the held script or style started in ({@link Tokenizer#foreignSnapshot}). */
    ForeignContent.Context heldContext;

    byte[] defer;
    int deferLen;
    boolean checkContent;

    int noscriptDepth;
    /** For each nested {@code <noscript>} level (index = its depth), the SVG/MathML depth at its start tag. */
    int[] nestedNoscriptForeign = new int[4];
    boolean inNoscript;
    boolean noscriptContent;
    /** SVG/MathML contexts open when the held {@code <noscript>} started (null: none, the common case). */
    ForeignContent.Context noscriptForeign;
    /**
     * Where the end tags of {@code <noscript>} elements nested in the held one start in {@link #defer}: written by
     * {@link #endTag}, read by {@link HeldNoscript}.
     */
    int[] noscriptInnerEnds = new int[4];
    int noscriptInnerEndCount;
    int noscriptRemoved;
    long noscriptLine;
    long noscriptColumn;

    boolean inScript;
    /** The element held as {@link #inScript} is an HTML {@code <style>}: its CSS is read at its end tag. */
    boolean heldStyle;
    /** The script held as {@link #inScript} is a {@code text/x-magento-init} block ({@link MagentoInitScript}). */
    boolean heldMagentoInit;
    /** The script held as {@link #inScript} is an {@code application/json} data block ({@link DataBlockScript}). */
    boolean heldDataBlock;
    /**
     * At the end of the input: how many held bytes its last, undecided part added (a tag it ends inside); else 0.
     * Read at the end of a held {@code <noscript>} ({@link HeldNoscript#finishNoscript}).
     */
    int eofTail;
    /**
     * The held script is an SVG {@code <script>}: its text is tokenized as markup. The hold ends at its
     * {@code </script>}, and before any other tag: an end tag may close it ({@code </svg>}, {@code </g>}; held bytes
     * must never take an end tag with them), a tag outside SVG content is HTML that closed it, and the text after a
     * nested start tag is that element's, not the script's. So the held bytes are the script's text (with any CDATA
     * sections or comments in it) and no tag, judged the same whatever an earlier removal changed around it.
     */
    boolean scriptForeign;
    /** The held script is an SVG one: it runs (a MathML {@code <script>} is an element that runs nothing). */
    private boolean scriptSvg;
    /** The held script is an SVG or MathML one held only to see how it ends ({@link HeldScript#holdForeignScript}). */
    boolean scriptUnread;
    /**
     * The held script or style was opened in SVG/MathML content, where only its own end tag read there ends it (a
     * held style is then an SVG {@code <style>}, whose text is markup: see {@link HeldStyle#tagInSvgStyle}).
     */
    boolean heldForeign;
    int scriptStart;
    int scriptContentStart;
    long scriptLine;
    long scriptColumn;

    /**
     * An AMP component held to its end tag for its inline configuration ({@link HeldAmpConfig#beginAmpConfig}): its
     * start tag and everything after it are in {@link #defer} from {@link HeldAmpConfig#ampStart} on.
     */
    boolean inAmpConfig;

    /** An inline script past the cap under fail-closed, sent as it streams and read on the way; else null. */
    StreamedScript streamed;
    /** Beside {@link #streamed}: the script is a framework payload, rewritten as it streams; else null. */
    StreamedFlight flight;
    /** See {@link RewriteStream#scriptsEvaluated}. */
    boolean scriptsEvaluated;
    /** See {@link RewriteStream#srcdoc}. */
    SrcdocContext srcdoc = SrcdocContext.PAGE;
    byte lastByte;
    byte lastByteBeforeScript;
    byte lastByteBeforeNoscript;
    private static final byte[] SPACE = {' '};
    /** The start tag being read is a self-closed SVG or MathML script ({@link #selfClosedForeignScript}). */
    private boolean selfClosedScript;
    /**
     * Whether the document's encoding is for the page to declare (no charset in the Content-Type) and no
     * {@code <meta>} has declared it yet: a browser looks for one in the first {@value EncodingSniffer#PRESCAN_BYTES}
     * bytes, which a stand-in written before it must not push out. Set by {@link RewriteStream} before the first
     * byte, cleared at the page's {@code <meta charset>}.
     */
    boolean charsetFromPage;
    /**
     * The page's double-byte encoding whose characters can end in an ASCII byte (Shift_JIS, GBK, Big5…), through
     * which held script text is read; null for any other. Set by {@link RewriteStream} before the first byte.
     */
    TrailBytes trailBytes;
    /**
     * Refused trackers whose stand-in waits for the first start tag past the prescan window, or after the page's
     * {@code <meta charset>}, whichever comes first; null when none. Filled by {@link HeldScript#stubPageGlobals};
     * kept here, as {@link #onTag} tests it at every tag.
     */
    List<TrackerMatch> pendingStubs;
    /** The HTML {@code <template>} elements open here: a stand-in inside one defines nothing for the document. */
    int templateDepth;
    private static final byte[] CLOSE_AND_END_SCRIPT = "></script>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    RewriteEngine(HtmlRewriter cfg, ConsentDecision decision, OutputStream sink, RewriteListener listener) {
        this.cfg = cfg;
        this.decision = decision;
        this.sink = sink;
        this.listener = listener;
        this.tok = new Tokenizer(this, cfg.maxHeldBytes, listener != null, cfg.pool.take(1024));
        this.defer = cfg.pool.take(4096);
        this.rules = new ElementRules(this);
        this.drop = new ElementDrop(this, rules);
        this.style = new HeldStyle(this, rules, drop);
        this.ampConfig = new HeldAmpConfig(this, rules);
        this.scriptRewrites = new HeldScriptRewrites(this);
        this.overflow = new CapOverflow(this, rules, style, scriptRewrites, drop);
        this.script = new HeldScript(this, rules, style, scriptRewrites, overflow);
        this.noscript = new HeldNoscript(this, overflow);
        tok.guardAttribute = rules.categoryAttributeBytes;
        tok.skim = true;
    }

    /** Before the first byte: the document is XHTML, read by an XML parser ({@link Tokenizer#xml}). */
    void xml(boolean xml) {
        tok.xml = xml;
    }

    /** Before the first byte: this engine reads an {@code iframe srcdoc} document (see {@link SrcdocContext}). */
    void enterSrcdoc(SrcdocContext context) {
        srcdoc = context;
        rules.inheritBase(context.base(), context.baseCandidate());
    }

    /** Returns the stream's buffers to the pool; the engine must not be used afterwards. */
    void release() {
        cfg.pool.give(tok.holdBuffer());
        cfg.pool.give(defer);
        defer = null;
    }

    int heldBytes() {
        return tok.heldBytes() + deferLen;
    }

    boolean inNoscript() {
        return inNoscript;
    }

    // ---------------------------------------------------------------- routing

    @Override
    public void flushTo(int to) throws IOException {
        int from = tok.ps;
        if (to <= from) {
            return;
        }
        tok.ps = to;
        emit(tok.buf, from, to - from);
    }

    /** Writes bytes to wherever the current mode sends them. */
    void emit(byte[] b, int off, int len) throws IOException {
        if (len <= 0) {
            return;
        }
        if (mode == SINK) {
            if (flight != null) {
                flight.feed(b, off, len);
            } else {
                sink.write(b, off, len);
            }
            lastByte = b[off + len - 1];
            if (streamed != null) {
                streamed.feed(b, off, len);
            }
        } else if (mode == DEFER) {
            deferAppend(b, off, len);
            if (mode != DROP) { // an overflow may have ended the hold: then these bytes went on, or were dropped
                lastByte = b[off + len - 1];
            }
        }
    }

    /**
     * Called where an element was cut out: a lone {@code <} of text right before it must not join the bytes after
     * it into a new tag ({@code a<} + {@code img src=...>}), so a space separates them.
     */
    void guardCut() throws IOException {
        if (lastByte == '<') {
            emit(SPACE, 0, 1);
        }
    }

    private void deferAppend(byte[] b, int off, int len) throws IOException {
        if (heldDataBlock) {
            int room = Math.min(scriptContentStart + DataBlockScript.MAX_BYTES, cfg.maxHeldBytes) - deferLen;
            if (len > room && room > 0) { // the block's first bytes are judged however the input was split
                deferAppend(b, off, room);
                emit(b, off + room, len - room);
                return;
            }
        }
        boolean streamingStyle = heldStyle && !inNoscript && !heldForeign;
        if ((deferLen + len > cfg.maxHeldBytes
            || heldDataBlock && deferLen + len - scriptContentStart > DataBlockScript.MAX_BYTES) && !streamingStyle) {
            overflow.overflowHeldElement();
            if (mode != DEFER) {
                emit(b, off, len);
                return;
            }
        }
        if (checkContent && !noscriptContent) {
            for (int i = off; i < off + len; i++) {
                if (!ByteScan.isWs(b[i])) {
                    noscriptContent = true;
                    break;
                }
            }
        }
        if (deferLen + len > defer.length) {
            byte[] d = new byte[Math.max(deferLen + len, defer.length * 2)];
            System.arraycopy(defer, 0, d, 0, deferLen);
            defer = d;
        }
        System.arraycopy(b, off, defer, deferLen, len);
        deferLen += len;
        if (streamingStyle && deferLen - scriptContentStart > cfg.maxHeldBytes) {
            style.streamStyle();
        }
    }

    /** Every change of {@link #mode} goes through here: the tokenizer may skip plain tags only in {@link #SINK}. */
    void setMode(int m) {
        mode = m;
        tok.skim = m == SINK && streamed == null; // a streamed script's end tag must be seen
        tok.rawEndsAtNoscript = m == DROP && inNoscript;
    }

    int baseMode() {
        return inNoscript || inScript || inAmpConfig ? DEFER : SINK;
    }

    /**
     * The held bytes as script text is read: {@link #defer} itself, or, on a page in a double-byte encoding, a copy
     * whose script content has its ASCII trail bytes masked ({@link TrailBytes}). Offsets are those of {@link #defer}.
     */
    byte[] scriptText() {
        return trailBytes == null ? defer : trailBytes.mask(defer, scriptContentStart, deferLen);
    }

    void releaseDeferred() throws IOException {
        if (!inNoscript && !inScript && !inAmpConfig) {
            if (deferLen > 0) {
                sink.write(defer, 0, deferLen);
            }
            deferLen = 0;
            setMode(SINK);
        } else {
            setMode(DEFER);
        }
    }

    // ---------------------------------------------------------------- tokenizer callbacks

    @Override
    public void onTag() throws IOException {
        if (pendingStubs != null && mode == SINK && !tok.endTag && !tok.foreign && templateDepth == 0
            && (!charsetFromPage || tok.bufAbs + tok.tagStart >= EncodingSniffer.PRESCAN_BYTES)) {
            // past the window, or after the page's <meta charset>: nothing written now can push that out
            script.writePendingStubs();
        }
        if (mode == DEFER) {
            // Decide an overflow of the held element before this tag, wherever the chunk boundaries fell.
            flushTo(tok.tagStart);
            if (inScript && scriptSvg && !tok.endTag && tok.foreign && !decision.refused().isEmpty()) {
                // An element inside an SVG script: the browser runs the script's text on both sides of it, which one
                // streaming pass cannot judge before it must decide. The script's start tag goes (with its text so
                // far), so what follows is plain SVG content that runs nothing.
                script.unwrapForeignScript();
            } else if (inScript && scriptForeign && (tok.endTag || !tok.foreign)
                && !(tok.endTag && tok.foreign && tok.nameId == ElementNames.SCRIPT)
                && !decision.refused().isEmpty()) {
                // Another tag ends the SVG or MathML script (a breakout, </svg>, an ancestor's end tag): the browser
                // runs an SVG script only at its own end tag, so this one never runs, but the preload scanner reads
                // from its start tag as script text up to the next </script>, wherever that is, and then reads as
                // markup what the parser reads as raw text or a comment. Its start tag goes, with its text so far.
                unwrapHeld();
            } else if (inScript && scriptForeign && !(tok.endTag && tok.foreign && tok.nameId == ElementNames.SCRIPT)) {
                script.finishScript(tok.tagStart, tok.tagStart); // the SVG script's text ends here: judge it
            } else if (inScript && heldStyle && heldForeign
                && !(tok.endTag && tok.foreign && tok.nameId == ElementNames.STYLE)) {
                style.tagInSvgStyle();
            }
        }
        if (inAmpConfig && mode == DEFER && ampConfig.ampConfigTag()) {
            return;
        }
        if (mode == DROP) {
            drop.dropTag();
        } else if (tok.endTag) {
            endTag();
        } else if (tok.foreign && tok.selfClosing && tok.nameId == ElementNames.SCRIPT && mode == SINK
            && !decision.refused().isEmpty()) {
            selfClosedForeignScript();
        } else {
            rules.startTag();
        }
    }

    /**
     * A self-closed SVG or MathML {@code <script/>}: the parser reads it as a start tag and its end tag, Chromium's
     * preload scanner as the start of script text up to the next {@code </script>} wherever that is, and would then
     * read as markup what the parser reads as raw text. Kept as it came, it is written as the two tags it stands for,
     * {@code <script …></script>}, which both read alike (and a second rewrite keeps as they are).
     */
    private void selfClosedForeignScript() throws IOException {
        boolean unwritten = tok.ps <= tok.tagStart;
        selfClosedScript = true; // a rewritten tag is written so too (replaceTag)
        try {
            rules.startTag();
        } finally {
            selfClosedScript = false;
        }
        if (unwritten && mode == SINK && tok.ps <= tok.tagStart && tok.buf[tok.tagEnd - 2] == '/') {
            flushTo(tok.tagEnd - 2);
            emit(CLOSE_AND_END_SCRIPT, 0, CLOSE_AND_END_SCRIPT.length);
            tok.ps = tok.tagEnd;
        }
    }

    void endTag() throws IOException {
        int id = tok.nameId;
        if (streamed != null) { // in a script's raw text the only tag is its end tag
            TrackerMatch poisoned = script.finishStreamedScript(tok.tagStart);
            if (poisoned != null) {
                script.stubAfterEndTag(List.of(poisoned), tok.tagEnd); // it will not run, as if removed
            }
            return;
        }
        if (inScript && id == (heldStyle ? ElementNames.STYLE : ElementNames.SCRIPT) && tok.foreign == heldForeign) {
            script.finishScript(tok.tagStart, tok.tagEnd);
        } else if (id == ElementNames.TEMPLATE && !tok.foreign && templateDepth > 0) {
            tok.templateEnds = --templateDepth > 0;
        } else if (inNoscript && id == ElementNames.NOSCRIPT) {
            if (noscriptDepth > 1) {
                // A nested one's end tag closes the SVG/MathML opened inside it, as the outermost one's does.
                tok.closeForeignTo(nestedNoscriptForeign[noscriptDepth]);
            }
            if (--noscriptDepth == 0) {
                noscript.finishNoscript(tok.tagStart, tok.tagEnd);
            } else if (mode == DEFER) {
                if (noscriptInnerEndCount == noscriptInnerEnds.length) {
                    noscriptInnerEnds = java.util.Arrays.copyOf(noscriptInnerEnds, noscriptInnerEndCount * 2);
                }
                noscriptInnerEnds[noscriptInnerEndCount++] = deferLen; // its bytes go to the held content next
            }
        }
    }

    @Override
    public void onTagOverflow() throws IOException {
        overflow.onTagOverflow();
    }

    @Override
    public boolean keepStreamedAttribute(int nameStart, int nameEnd, int valueStart, int prefixEnd) {
        return overflow.keepStreamedAttribute(nameStart, nameEnd, valueStart, prefixEnd);
    }

    @Override
    public void onOverflowedTagEnd() throws IOException {
        overflow.onOverflowedTagEnd();
    }

    @Override
    public void onEof(int limit) throws IOException {
        int held = deferLen;
        flushTo(limit);
        eofTail = mode == DEFER ? Math.max(0, deferLen - held) : 0; // the undecided bytes the input ended in
        if (inScript) {
            script.finishScript(limit, limit);
        }
        if (inAmpConfig) {
            ampConfig.finishAmpConfig(limit);
        }
        if (inNoscript) {
            noscript.finishNoscript(limit, limit);
        }
        if (streamed != null) { // a browser runs no script the input ends in; made a syntax error all the same
            script.finishStreamedScript(limit);
        }
        setMode(SINK);
        if (pendingStubs != null && templateDepth == 0 && !tok.xml && tok.endsInHtmlData()) {
            // A page that ended inside the prescan window with no start tag after the cut where they could go: the
            // stand-ins close it, so that the page's handlers (onclick="gtag(…)") still find them. Not in XHTML, where
            // an element after the root's end is a well-formedness error that stops the whole page.
            script.writePendingStubs(limit);
        }
    }

    @Override
    public void onCdata(int start, int end) throws IOException {
        byte[] b = tok.buf;
        int gt = ByteScan.indexOf(b, start + Tokenizer.CDATA_SECTION_OPEN_LENGTH, end, '>');
        if (gt >= end || ByteScan.indexOf(b, gt + 1, end, '<') >= end) {
            return; // no markup in the preload scanner's reading either
        }
        TrackerEvent e = rules.preloadScannerRefusal(java.util.Arrays.copyOfRange(b, gt + 1, end));
        if (e == null) {
            return;
        }
        // Text to the parser, so the section goes whole: the page loses characters no browser shows as markup.
        event(TrackerEvent.Action.REMOVED, tok.lineOf(start), tok.columnOf(start), "![CDATA[", e.trackerId(),
            e.trackerName(), e.categories());
        flushTo(start);
        guardCut();
        tok.ps = end;
    }

    // ---------------------------------------------------------------- removal

    /**
     * Removes the current element: its tag, and for a non-void element everything through its end tag
     * ({@link ElementDrop#cutRest}).
     */
    void removeElement() throws IOException {
        flushTo(tok.tagStart);
        guardCut();
        tok.ps = tok.tagEnd;
        if (inNoscript) {
            noscriptRemoved++;
        }
        drop.cutRest();
    }

    /** Takes out the held SVG script's or style's start tag with its text so far; what follows stays. */
    void unwrapHeld() throws IOException {
        scriptUnread = false;
        inScript = false;
        heldStyle = false;
        cutHeldScript();
        releaseDeferred();
    }

    /** Drops the held script from its start tag on; what was held before it stays. */
    void cutHeldScript() throws IOException {
        deferLen = scriptStart;
        lastByte = lastByteBeforeScript;
        guardCut();
        if (inNoscript) {
            noscriptRemoved++;
            checkContent = true;
        }
    }

    /** Replaces the current tag by {@code tagWriter}'s bytes. */
    void replaceTag() throws IOException {
        flushTo(tok.tagStart);
        int len = tagWriter.len;
        if (selfClosedScript && len >= 2 && tagWriter.out[len - 2] == '/' && tagWriter.out[len - 1] == '>') {
            emit(tagWriter.out, 0, len - 2); // see selfClosedForeignScript
            emit(CLOSE_AND_END_SCRIPT, 0, CLOSE_AND_END_SCRIPT.length);
        } else {
            emit(tagWriter.out, 0, len);
        }
        tok.ps = tok.tagEnd;
    }

    // ---------------------------------------------------------------- noscript

    /** See {@link HeldNoscript#beginNoscript}. */
    void beginNoscript() throws IOException {
        noscript.beginNoscript();
    }

    // ---------------------------------------------------------------- inline scripts

    /** See {@link HeldScript#beginScript}. */
    void beginScript(boolean rewritten) throws IOException {
        script.beginScript(rewritten);
    }

    /** See {@link HeldScript#holdForeignScript}. */
    void holdForeignScript() throws IOException {
        script.holdForeignScript();
    }

    /** See {@link HeldScript#beginMagentoInit}. */
    void beginMagentoInit() throws IOException {
        script.beginMagentoInit();
    }

    /** See {@link HeldScript#beginDataBlock}. */
    void beginDataBlock() throws IOException {
        script.beginDataBlock();
    }

    /**
     * Starts holding an HTML {@code <style>} element, its start tag included (rewritten into {@link #tagWriter} when
     * {@code rewritten}), held like an inline script: its CSS is read at its end tag
     * ({@link HeldStyle#finishStyle}), or statement by statement past the cap ({@link HeldStyle#streamStyle}).
     */
    void beginStyle(boolean rewritten) throws IOException {
        hold(true, rewritten);
    }

    /**
     * Holds the current start tag ({@link #tagWriter}'s bytes when {@code rewritten}) and the content after it: a
     * style's, or a script's ({@link HeldScript#beginScript}).
     */
    void hold(boolean style, boolean rewritten) throws IOException {
        flushTo(tok.tagStart);
        if (listener != null) {
            scriptLine = tok.lineOf(tok.tagStart);
            scriptColumn = tok.columnOf(tok.tagStart);
        }
        if (!inNoscript) {
            deferLen = 0;
        }
        lastByteBeforeScript = lastByte;
        inScript = true;
        heldStyle = style;
        scriptForeign = !style && tok.foreign;
        scriptSvg = scriptForeign && tok.inSvg();
        heldForeign = tok.foreign;
        heldContext = tok.foreignSnapshot();
        checkContent = false;
        setMode(DEFER);
        scriptStart = deferLen;
        if (rewritten) {
            emit(tagWriter.out, 0, tagWriter.len);
            tok.ps = tok.tagEnd;
        } else {
            flushTo(tok.tagEnd);
        }
        scriptContentStart = deferLen;
    }

    /** See {@link HeldScript#finishScript}. */
    void finishScript(int endStart, int endEnd) throws IOException {
        script.finishScript(endStart, endEnd);
    }

    /** See {@link HeldScript#finishStreamedScript}. */
    TrackerMatch finishStreamedScript(int end) throws IOException {
        return script.finishStreamedScript(end);
    }

    /** See {@link HeldScript#removeHeldScript}. */
    void removeHeldScript(int endEnd, List<TrackerMatch> matches) throws IOException {
        script.removeHeldScript(endEnd, matches);
    }

    /** See {@link HeldScript#writeNeutralScript}. */
    void writeNeutralScript(Set<Category> categories) throws IOException {
        script.writeNeutralScript(categories);
    }

    /** See {@link HeldScript#stubPageGlobals}. */
    void stubPageGlobals(List<TrackerMatch> matches, byte[] nonce, long at) throws IOException {
        script.stubPageGlobals(matches, nonce, at);
    }

    /** See {@link HeldScript#stubAfterEndTag}. */
    void stubAfterEndTag(List<TrackerMatch> matches, int endEnd) throws IOException {
        script.stubAfterEndTag(matches, endEnd);
    }

    // ---------------------------------------------------------------- drops

    /** See {@link ElementDrop#dropTag}. */
    void dropTag() throws IOException {
        drop.dropTag();
    }

    /** See {@link ElementDrop#startOverflowDrop}. */
    void startOverflowDrop(int id, int depth, ForeignContent.Context context) {
        drop.startOverflowDrop(id, depth, context);
    }

    /** See {@link ElementDrop#dropContentOfKeptTag}. */
    void dropContentOfKeptTag() throws IOException {
        drop.dropContentOfKeptTag();
    }

    // ---------------------------------------------------------------- overflow of held elements

    /** See {@link CapOverflow#logOverflow(String)}. */
    void logOverflow(String what) {
        overflow.logOverflow(what);
    }

    // ---------------------------------------------------------------- events

    /**
     * The operator's category attribute on the current tag was not applied: its value names no category and the
     * element loads nothing, or the element is {@code <html>}, {@code <head>} or {@code <body>}. Warned once per value
     * and rewriter ({@link HtmlRewriter#warnNotGated}).
     */
    void notGated(String element, String attribute, String value) {
        cfg.warnNotGated(element, attribute, value);
    }

    void event(TrackerEvent.Action action, String element, TrackerMatch m) {
        if (listener != null) {
            event(action, tok.lineOf(tok.tagStart), tok.columnOf(tok.tagStart), element, m);
        }
    }

    void event(TrackerEvent.Action action, long line, long column, String element, TrackerMatch m) {
        if (listener != null) {
            event(action, line, column, element, m.tracker().id(), m.tracker().name(), m.categories());
        }
    }

    void event(TrackerEvent.Action action, long line, long column, String element, String id, String name,
               Set<Category> categories) {
        if (listener != null) {
            listener.onTracker(new TrackerEvent(line, column, element, id, name,
                categories.isEmpty() ? Set.of() : EnumSet.copyOf(categories), action));
        }
    }
}
