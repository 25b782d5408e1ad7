package io.consentgate.html;

import java.io.IOException;

/**
 * A streaming HTML tokenizer over bytes of an ASCII-compatible encoding. It follows the WHATWG tokenization states
 * that decide where markup starts and ends (tags and attributes, comments, doctype, bogus comments, RAWTEXT, RCDATA,
 * PLAINTEXT, script data with its escaped and double-escaped states, CDATA in SVG/MathML) and tracks just enough of
 * tree construction to know when the tokenizer switches state: HTML vs. SVG/MathML content (with integration points
 * and breakout tags). {@code <noscript>} content is tokenized as markup (the scripting-disabled view), so trackers
 * inside it are visible.
 *
 * <p>Input may arrive split at any byte. Only a tag in progress (or a lookahead of at most nine bytes) is held
 * between chunks; every state is resumable, so no byte is scanned twice except those short lookaheads. A tag that
 * outgrows {@code maxHeld} is handed to {@link TokenHandler#onTagOverflow()} and streamed from then on.
 *
 * <p>Byte-level safety for multi-byte encodings: every byte that ends or starts a token here ({@code < > / = " ' -
 * ! ?} and whitespace) is below 0x40; Shift_JIS, GBK, Big5 and EUC-* trail bytes are 0x40 and above, so they never
 * end a tag, attribute value, comment or script. The only corner is {@code ]} (0x5D), a possible Shift_JIS/GBK/Big5
 * trail byte, in the {@code ]]>} that ends a CDATA section inside SVG/MathML.
 */
final class Tokenizer {

    static final int NAME_MAX = 64;
    /** Attribute record stride: name start, name end, value start (-1: none), value end, end, previous end. */
    static final int A_NAME = 0;
    static final int A_NAME_END = 1;
    static final int A_VALUE = 2;
    static final int A_VALUE_END = 3;
    static final int A_END = 4;
    static final int A_PREV = 5;
    static final int STRIDE = 6;

    private static final int APPEND_STEP = 8192;

    private static final int DATA = 0;
    private static final int TAG_OPEN = 1;
    private static final int END_TAG_OPEN = 2;
    private static final int TAG = 3;
    private static final int MARKUP = 4;
    private static final int COMMENT = 5;
    private static final int BOGUS = 6;
    private static final int CDATA = 7;
    private static final int RAWTEXT = 8;
    private static final int SCRIPT = 9;
    private static final int PLAINTEXT = 10;

    private static final int T_NAME = 0;
    private static final int T_BEFORE_ATTR = 1;
    private static final int T_ATTR_NAME = 2;
    private static final int T_AFTER_ATTR_NAME = 3;
    private static final int T_BEFORE_VALUE = 4;
    private static final int T_DQ = 5;
    private static final int T_SQ = 6;
    private static final int T_UNQ = 7;
    private static final int T_AFTER_QUOTED = 8;
    private static final int T_SELF_CLOSING = 9;

    private static final int C_START = 0;
    private static final int C_START_DASH = 1;
    private static final int C_TEXT = 2;
    private static final int C_END_DASH = 3;
    private static final int C_END = 4;
    private static final int C_BANG = 5;

    private static final int S_DATA = 0;
    private static final int S_ESC = 1;
    private static final int S_ESC_DASH = 2;
    private static final int S_ESC_DASHDASH = 3;
    private static final int S_DESC = 4;
    private static final int S_DESC_DASH = 5;
    private static final int S_DESC_DASHDASH = 6;

    private static final byte[] DOCTYPE = {'d', 'o', 'c', 't', 'y', 'p', 'e'};
    private static final byte[] CDATA_OPEN = {'[', 'C', 'D', 'A', 'T', 'A', '['};
    /** Bytes of {@code <![CDATA[}, from the {@code <} a CDATA section is held from (see TokenHandler.onCdata). */
    static final int CDATA_SECTION_OPEN_LENGTH = 2 + CDATA_OPEN.length;
    private static final byte[] COMMENT_OPEN = {'<', '!', '-', '-'};
    private static final byte[] ENCODING = {'e', 'n', 'c', 'o', 'd', 'i', 'n', 'g'};
    private static final byte[] SCRIPT_NAME = ElementNames.bytes(ElementNames.SCRIPT);
    private static final byte[] NOSCRIPT_NAME = ElementNames.bytes(ElementNames.NOSCRIPT);
    private static final byte[] PING = {'p', 'i', 'n', 'g'};
    private static final byte[] BACKGROUND = {'b', 'a', 'c', 'k', 'g', 'r', 'o', 'u', 'n', 'd'};
    private static final byte[] STYLE = {'s', 't', 'y', 'l', 'e'};
    /** {@code style} as the low five bytes of a little-endian word. */
    private static final long STYLE_WORD = 's' | 't' << 8 | 'y' << 16 | (long) 'l' << 24 | (long) 'e' << 32;
    private static final byte[] COLOR = {'c', 'o', 'l', 'o', 'r'};
    private static final byte[] FACE = {'f', 'a', 'c', 'e'};
    private static final byte[] SIZE = {'s', 'i', 'z', 'e'};

    /**
     * End tags of HTML elements that hold elements and that no SVG or MathML element is named after ({@code </div>},
     * {@code </span>}, {@code </li>}, {@code </section>}…). Read in SVG/MathML content, a browser walks out of the
     * SVG/MathML elements open there, finds none of that name, and applies the HTML rules, which close the HTML
     * element and the SVG/MathML content in it: {@code <div class=icon><svg><path></div>} leaves SVG at the {@code
     * </div>}. Taken as closing the content even where the HTML element is not open (a stray end tag a browser
     * ignores): reading what follows as HTML keeps a {@code <script src>} after it a script whose {@code src} is
     * checked, where reading it as SVG would let it through.
     */
    private static final NameSet HTML_ENDS = new NameSet(htmlEnds());

    private static java.util.Set<String> htmlEnds() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (java.util.Set<String> kind : java.util.List.of(HtmlElementKinds.SPECIAL, HtmlElementKinds.PHRASING,
            HtmlElementKinds.OTHER_CONTAINERS, HtmlElementKinds.BLOCK_ENDS, HtmlElementKinds.FORMATTING)) {
            for (String n : kind) {
                // <a> and <font> are SVG elements too (an SVG link, a font without attributes)
                if (HtmlElementKinds.holdsElements(n) && !n.equals("a") && !n.equals("font")) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    private final TokenHandler handler;
    private final int maxHeld;

    /** The buffer being tokenized: the caller's chunk or the hold buffer. */
    byte[] buf;
    /** Start of the bytes of {@link #buf} the handler has neither written nor dropped. */
    int ps;
    /** Absolute stream offset of {@code buf[0]}. */
    long bufAbs;

    private byte[] hold;
    private int holdLen;
    private long streamAbs;
    private int state = DATA;
    private int sub;
    private int pos;
    private int mark = -1;
    private int rawId;
    private int cdataBrackets;

    // The current tag.
    boolean endTag;
    boolean selfClosing;
    boolean foreign;
    /** The current tag closed SVG/MathML content: a browser reads what follows it as HTML (see breaksOutOfForeign). */
    boolean brokeOut;
    int tagStart;
    int tagEnd;
    int nameId;
    int nameEnd;
    final byte[] name = new byte[NAME_MAX];
    int nameLen;
    /** The first eight bytes of {@link #name}, little-endian, higher bytes zero (see ElementNames.lookup). */
    private long nameKey;
    int[] attrs = new int[8 * STRIDE];
    int attrCount;
    private boolean nameTooLong;
    private boolean overflowed;

    // A start tag over the cap read attribute by attribute (streamAttributes): each attribute is held until it can be
    // decided, then sent or skipped as it streams.
    /** How many value bytes the handler sees of a streamed attribute (see TokenHandler#keepStreamedAttribute). */
    static final int STREAMED_VALUE_PREFIX = 16;
    private static final int SA_NONE = 0;
    private static final int SA_DECIDING = 1;
    private static final int SA_KEEP = 2;
    private static final int SA_DROP = 3;
    /**
     * Whether the current tag's name had ended when it outgrew the cap: its attributes read so far are then read
     * again, streamed ({@link #restream}); otherwise they are streamed as the name ends.
     */
    private boolean nameRead;
    private boolean streamingAttrs;
    private int streamed;
    private int sNameStart;
    private int sNameEnd;
    private int sValueStart;
    /** Bytes and attribute records moved to the start of the hold buffer so far (for tests: a work bound). */
    long moved;

    /**
     * Set by the handler while it passes bytes through untouched: outside SVG/MathML, end tags and plain start tags
     * (see {@link ElementNames#isPlainStart}) are then skipped without a call to the handler. End tags in the data
     * state change nothing then: the handler only follows the end of a script or noscript it is holding (not the
     * case while it passes bytes through), and the SVG/MathML stack is empty.
     */
    boolean skim;
    /**
     * The document is XHTML served as {@code application/xhtml+xml}, which an XML parser reads: a self-closed
     * {@code <script/>}, {@code <iframe/>} or {@code <title/>} is an empty element, not the start of raw text.
     */
    boolean xml;
    /** While an HTML {@code <template>} is open: its end tag is reported even while {@link #skim} holds. */
    boolean templateEnds;
    /**
     * Set by the handler while it cuts out an element inside a {@code <noscript>}: a browser running scripts ends
     * the {@code <noscript>} at the first {@code </noscript}, and with it an element whose raw text or script data
     * has no end tag before it ({@code <noscript><iframe src=...></noscript><h1>}). Its end is read there too, so the
     * cut takes the element and not the rest of the page. (The element's start tag is gone, so a browser without
     * scripting reads the output the same way.)
     */
    boolean rawEndsAtNoscript;
    /**
     * Which of {@code <p>}, a list item and a description item may be open in reach of the current position (the
     * state of {@link OpenBlocks}: its flags, and those an element that puts them out of reach keeps aside): read by
     * a removal as it begins, to know where a browser ends it. Zero while none is.
     */
    long openBlocks;
    /** Lower-case name of the operator's category attribute: a tag carrying it is never skipped. */
    byte[] guardAttribute = new byte[0];
    /**
     * Whether the current tag may carry the category attribute, {@code ping} or {@code background}: false only when
     * the straight-line reader saw no attribute name of those lengths, so {@link #isPlain} need not compare names.
     */
    private boolean maybeMarked;
    /** Whether the current tag may carry a {@code style} attribute: false when the straight-line reader saw none. */
    private boolean maybeStyled;

    /** The SVG/MathML elements open: how the content after a tag is read. */
    private final ForeignContent foreignContent = new ForeignContent();

    /** See {@link #maybeMarked}: false when the current tag certainly has none of the attributes named there. */
    boolean maybeMarked() {
        return maybeMarked;
    }

    /** See {@link #maybeStyled}. */
    boolean maybeStyled() {
        return maybeStyled;
    }

    /** Lines for events; null when the handler does not count them. */
    private final LineCounter lineCounter;

    Tokenizer(TokenHandler handler, int maxHeld, boolean countLines, byte[] hold) {
        this.handler = handler;
        this.maxHeld = maxHeld;
        this.lineCounter = countLines ? new LineCounter() : null;
        this.hold = hold;
    }

    /** Tokenizes {@code b[off..off+len)}. */
    void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (holdLen == 0) {
                buf = b;
                bufAbs = streamAbs - off;
                streamAbs += len;
                ps = off;
                run(off, off + len);
                endOfBuffer(off + len);
                return;
            }
            int n = Math.min(len, APPEND_STEP);
            ensureHold(holdLen + n);
            System.arraycopy(b, off, hold, holdLen, n);
            holdLen += n;
            off += n;
            len -= n;
            streamAbs += n;
            buf = hold;
            run(pos, holdLen);
            endOfBuffer(holdLen);
        }
    }

    /** End of input: an incomplete tag or lookahead is text (browsers drop it; bytes are passed on as they are). */
    void finish() throws IOException {
        if (holdLen == 0) {
            buf = hold;
            ps = 0;
            bufAbs = streamAbs;
        }
        int limit = holdLen;
        holdLen = 0;
        if (state == CDATA && mark >= 0 && limit - mark <= maxHeld) {
            handler.onCdata(mark, limit); // a CDATA section runs to the end of the input
        }
        mark = -1;
        handler.onEof(limit);
    }

    /** The hold buffer, so its owner can reuse it after the stream ends. */
    byte[] holdBuffer() {
        return hold;
    }

    /** Bytes currently held (an undecided tag or lookahead). */
    int heldBytes() {
        return holdLen;
    }

    /**
     * Called by the handler in {@link TokenHandler#onTagOverflow} for a start tag it keeps: the tag is read again from
     * its name on, and each attribute is held only until {@link TokenHandler#keepStreamedAttribute} can decide it
     * (its name and the first {@value #STREAMED_VALUE_PREFIX} bytes of its value), then sent or skipped as it streams.
     * An attribute not decidable within the cap is skipped. The outcome depends on the tag's bytes alone, not on how
     * the input was split. A name that has not ended where the cap is hit (one longer than the cap) passes as it
     * streams, and its attributes are read so from its end on: the same outcome as for the tag read whole. Returns
     * false (nothing changes) for an end tag.
     */
    boolean streamAttributes() {
        streamingAttrs = !endTag;
        return streamingAttrs;
    }

    /** Reads the attributes of the overflowed tag again, streamed, from its name's end to {@code limit}. */
    private int restream(int limit) throws IOException {
        streamed = SA_NONE;
        attrCount = 0;
        sub = T_BEFORE_ATTR;
        return tag(buf, nameEnd, limit);
    }

    /**
     * Decides the attribute being held at {@code point}, where it became decidable: after its value's prefix, which
     * ends at {@code prefixEnd}, or where it turned out to have no value ({@code prefixEnd} -1), or where it outgrew
     * the cap undecided. A skipped attribute goes from its name to its value's end, or, without a value, to the next
     * attribute or the tag's end ({@link #skipStreamedTo}).
     */
    private void decideStreamed(int point, int prefixEnd) throws IOException {
        mark = -1;
        if (point - sNameStart <= maxHeld && sNameEnd >= 0
            && handler.keepStreamedAttribute(sNameStart, sNameEnd, prefixEnd < 0 ? -1 : sValueStart, prefixEnd)) {
            streamed = SA_KEEP;
            return;
        }
        handler.flushTo(sNameStart);
        streamed = SA_DROP;
    }

    /** The skipped attribute ends before {@code p}: the bytes up to it go. */
    private void skipStreamedTo(int p) {
        if (streamed == SA_DROP) {
            ps = Math.max(ps, p);
        }
        streamed = SA_NONE;
    }

    private void ensureHold(int n) {
        if (hold.length < n) {
            byte[] h = new byte[Math.max(n, hold.length * 2)];
            System.arraycopy(hold, 0, h, 0, holdLen);
            hold = h;
        }
    }

    private void endOfBuffer(int limit) throws IOException {
        if (mark >= 0 && state == CDATA && limit - mark > maxHeld) {
            mark = -1; // a CDATA section past the cap is passed on unread (see TokenHandler.onCdata)
        }
        if (mark >= 0 && state == TAG && !overflowed && limit - mark > maxHeld) {
            overflowed = true;
            // The name ended long before the cap (names are at most NAME_MAX bytes): known now, as when read whole.
            nameId = nameTooLong ? ElementNames.OTHER : ElementNames.lookup(name, nameLen, nameKey);
            nameRead = sub != T_NAME;
            handler.onTagOverflow();
            mark = -1;
            if (streamingAttrs && nameRead) {
                pos = restream(limit); // the tag does not end in this buffer: read as far as it goes
            }
            // (a name still being read goes on as it streams: its attributes are streamed from its end on)
        }
        if (streamingAttrs && state == TAG) {
            if (streamed == SA_DECIDING) {
                if (sValueStart >= 0 && limit - sValueStart >= STREAMED_VALUE_PREFIX) {
                    decideStreamed(sValueStart + STREAMED_VALUE_PREFIX, sValueStart + STREAMED_VALUE_PREFIX);
                } else if (limit - sNameStart > maxHeld) {
                    decideStreamed(limit, -1); // it cannot be decided within the cap: skipped, wherever split
                } else {
                    mark = sNameStart;
                }
            }
            if (streamed == SA_DROP) {
                ps = limit;
            }
        }
        int keep = mark >= 0 ? mark : limit;
        handler.flushTo(keep);
        if (lineCounter != null) {
            lineCounter.count(buf, bufAbs, keep);
        }
        if (mark < 0) {
            holdLen = 0;
            return;
        }
        int n = limit - mark;
        if (buf == hold && mark == 0) {
            // Already at the start of the hold buffer (a tag growing over many small writes): moving it, and its
            // attribute records, again on every write would cost its size per write.
            holdLen = n;
            return;
        }
        moved += n + attrCount;
        if (buf == hold) {
            System.arraycopy(hold, mark, hold, 0, n);
        } else {
            ensureHold(n);
            System.arraycopy(buf, mark, hold, 0, n);
        }
        rebase(mark);
        holdLen = n;
        buf = hold;
    }

    private void rebase(int delta) {
        pos -= delta;
        tagStart -= delta;
        nameEnd -= delta;
        sNameStart -= delta;
        sNameEnd -= sNameEnd >= 0 ? delta : 0;
        sValueStart -= sValueStart >= 0 ? delta : 0;
        int n = attrCount * STRIDE;
        for (int i = 0; i < n; i++) {
            if (attrs[i] >= 0) {
                attrs[i] -= delta;
            }
        }
        ps -= delta;
        bufAbs += delta;
        mark = 0;
    }

    /** The 1-based line of {@code buf[p]}; 0 when lines are not counted. */
    long lineOf(int p) {
        return lineCounter == null ? 0 : lineCounter.lineOf(buf, bufAbs, p);
    }

    /** The 1-based byte column of {@code buf[p]}; 0 when lines are not counted. */
    long columnOf(int p) {
        return lineCounter == null ? 0 : lineCounter.columnOf(buf, bufAbs, p);
    }

    private void run(int p, int limit) throws IOException {
        byte[] b = buf;
        while (p < limit) {
            int r;
            switch (state) {
                case DATA:
                    r = data(b, p, limit);
                    break;
                case TAG_OPEN:
                    r = tagOpen(b, p, limit);
                    break;
                case END_TAG_OPEN:
                    r = endTagOpen(b, p, limit);
                    break;
                case TAG:
                    r = tag(b, p, limit);
                    break;
                case MARKUP:
                    r = markup(b, p, limit);
                    break;
                case COMMENT:
                    r = comment(b, p, limit);
                    break;
                case BOGUS:
                    r = bogus(b, p, limit);
                    break;
                case CDATA:
                    r = cdata(b, p, limit);
                    break;
                case RAWTEXT:
                    r = rawtext(b, p, limit);
                    break;
                case SCRIPT:
                    r = script(b, p, limit);
                    break;
                default:
                    r = limit;
                    break;
            }
            if (r < 0) {
                pos = ~r;
                return;
            }
            p = r;
        }
        pos = p;
    }

    private int data(byte[] b, int p, int limit) throws IOException {
        while (true) {
            p = ByteScan.indexOf(b, p, limit, '<');
            if (p >= limit) {
                return limit;
            }
            mark = p;
            // The common case, a start or end tag complete in this buffer, without a round through run().
            int n = p + 1;
            boolean end = n < limit && b[n] == '/';
            if (end) {
                n++;
            }
            if (n >= limit || !ByteScan.isAlpha(b[n])) {
                state = TAG_OPEN;
                return p + 1;
            }
            if (skim && foreignContent.isEmpty() && n + 8 <= limit) {
                // A bare tag such as <p> or </div> that nobody needs to see: step over it.
                long w = ByteScan.word(b, n);
                long stops = ByteScan.below(w, 0x21) | ByteScan.equal(w, '/') | ByteScan.equal(w, '>');
                int d = Long.numberOfTrailingZeros(stops) >>> 3; // 8 when none; >= 1 as b[n] is a letter
                if (d < 8 && b[n + d] == '>' && n + d + 1 - p <= maxHeld) {
                    if (end) {
                        if (openBlocks != 0) {
                            long key = ByteScan.toLower(w) & (-1L >>> (64 - 8 * d));
                            openBlocks = OpenBlocks.after(openBlocks, true, ElementNames.lookupShort(key, d), key, name,
                                d);
                        }
                        mark = -1; // nothing is being decided: the bytes up to the next '<' can go out
                        p = n + d + 1;
                        continue;
                    }
                    long key = ByteScan.toLower(w) & (-1L >>> (64 - 8 * d));
                    int id = ElementNames.lookupShort(key, d);
                    if (ElementNames.isPlainStart(id)) {
                        if (openBlocks != 0 || OpenBlocks.opens(id)) {
                            openBlocks = OpenBlocks.after(openBlocks, false, id, key, name, d);
                        }
                        mark = -1;
                        p = n + d + 1;
                        continue;
                    }
                }
            }
            beginTag(end, p);
            int r = fastTag(b, n, limit);
            if (r == n || state != DATA) {
                return r;
            }
            p = r;
        }
    }

    private int tagOpen(byte[] b, int p, int limit) throws IOException {
        byte c = b[p];
        if (ByteScan.isAlpha(c)) {
            beginTag(false, mark);
            return fastTag(b, p, limit);
        }
        if (c == '/') {
            state = END_TAG_OPEN;
            return p + 1;
        }
        if (c == '!') {
            state = MARKUP;
            return p + 1;
        }
        mark = -1;
        state = c == '?' ? BOGUS : DATA;
        return p;
    }

    private int endTagOpen(byte[] b, int p, int limit) throws IOException {
        byte c = b[p];
        if (ByteScan.isAlpha(c)) {
            beginTag(true, mark);
            return fastTag(b, p, limit);
        }
        mark = -1;
        if (c == '>') {
            state = DATA;
            return p + 1;
        }
        state = BOGUS;
        return p;
    }

    private void beginTag(boolean end, int start) {
        endTag = end;
        tagStart = start;
        nameLen = 0;
        nameKey = 0;
        nameTooLong = false;
        attrCount = 0;
        selfClosing = false;
        overflowed = false;
        maybeMarked = true;
        maybeStyled = true;
        state = TAG;
        sub = T_NAME;
    }

    private int markup(byte[] b, int p, int limit) {
        int m = prefix(b, p, limit, COMMENT_OPEN, 2, false);
        if (m == 0) {
            return ~p;
        }
        if (m > 0) {
            mark = -1;
            state = COMMENT;
            sub = C_START;
            return p + 2;
        }
        m = prefix(b, p, limit, DOCTYPE, 0, true);
        if (m == 0) {
            return ~p;
        }
        // A CDATA section where the current node is SVG or MathML, an integration point included (<desc>, <title>,
        // <foreignObject>, <mi>…: the HTML elements open inside one are not tracked, so it counts there too; the
        // preload scanner's reading of the section is checked in TokenHandler.onCdata either way).
        if (m < 0 && !foreignContent.isEmpty()) {
            m = prefix(b, p, limit, CDATA_OPEN, 0, false);
            if (m == 0) {
                return ~p;
            }
            if (m > 0) {
                // Held from its "<" (mark) to its end, for TokenHandler.onCdata: read as text by the parser, as
                // markup by Chromium's preload scanner.
                state = CDATA;
                cdataBrackets = 0;
                return p + CDATA_OPEN.length;
            }
        }
        mark = -1;
        state = BOGUS;
        return p;
    }

    /** 1: {@code b[p..]} starts with {@code lit[from..]}; 0: not enough bytes to tell; -1: it does not. */
    private static int prefix(byte[] b, int p, int limit, byte[] lit, int from, boolean foldCase) {
        for (int i = from; i < lit.length; i++, p++) {
            if (p >= limit) {
                return 0;
            }
            int c = b[p];
            if (foldCase && c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lit[i]) {
                return -1;
            }
        }
        return 1;
    }

    private int comment(byte[] b, int p, int limit) {
        int s = sub;
        while (p < limit) {
            byte c = b[p];
            switch (s) {
                case C_START:
                case C_START_DASH:
                    if (c == '>') {
                        state = DATA;
                        return p + 1;
                    }
                    if (c == '-') {
                        s = s == C_START ? C_START_DASH : C_END;
                        p++;
                    } else {
                        s = C_TEXT;
                    }
                    break;
                case C_TEXT:
                    p = ByteScan.indexOf(b, p, limit, '-');
                    if (p < limit) {
                        s = C_END_DASH;
                        p++;
                    }
                    break;
                case C_END_DASH:
                    if (c == '-') {
                        s = C_END;
                        p++;
                    } else {
                        s = C_TEXT;
                    }
                    break;
                case C_END:
                    if (c == '>') {
                        state = DATA;
                        return p + 1;
                    }
                    if (c == '!') {
                        s = C_BANG;
                        p++;
                    } else if (c == '-') {
                        p++;
                    } else {
                        s = C_TEXT;
                    }
                    break;
                default: // C_BANG
                    if (c == '>') {
                        state = DATA;
                        return p + 1;
                    }
                    if (c == '-') {
                        s = C_END_DASH;
                        p++;
                    } else {
                        s = C_TEXT;
                    }
                    break;
            }
        }
        sub = s;
        return limit;
    }

    private int bogus(byte[] b, int p, int limit) {
        p = ByteScan.indexOf(b, p, limit, '>');
        if (p < limit) {
            state = DATA;
            return p + 1;
        }
        return limit;
    }

    private int cdata(byte[] b, int p, int limit) throws IOException {
        int n = cdataBrackets;
        while (p < limit) {
            byte c = b[p++];
            if (c == ']') {
                n++;
            } else if (c == '>' && n >= 2) {
                state = DATA;
                if (mark >= 0) {
                    if (p - mark <= maxHeld) { // past the cap it goes on unread, however the input was split
                        handler.onCdata(mark, p);
                    }
                    mark = -1;
                }
                return p;
            } else {
                n = 0;
            }
        }
        cdataBrackets = n;
        return limit;
    }

    private int rawtext(byte[] b, int p, int limit) {
        mark = -1;
        byte[] endName = ElementNames.bytes(rawId);
        while (true) {
            p = ByteScan.indexOf(b, p, limit, '<');
            if (p >= limit) {
                return limit;
            }
            int m = endTagAt(b, p, limit, endName);
            if (m == 0) {
                mark = p;
                return ~p;
            }
            if (m > 0) {
                return beginRawEndTag(p, rawId);
            }
            if (rawEndsAtNoscript) {
                m = endTagAt(b, p, limit, NOSCRIPT_NAME);
                if (m >= 0) {
                    mark = p;
                    return m == 0 ? ~p : beginRawEndTag(p, ElementNames.NOSCRIPT);
                }
            }
            p++;
        }
    }

    private int beginRawEndTag(int p, int id) {
        mark = p;
        beginTag(true, p);
        byte[] n = ElementNames.bytes(id);
        System.arraycopy(n, 0, name, 0, n.length);
        nameLen = n.length;
        nameKey = ElementNames.pack(n, Math.min(n.length, 8));
        nameEnd = p + 2 + n.length;
        sub = T_BEFORE_ATTR;
        return nameEnd;
    }

    /** Whether {@code b[p..]} is {@code </name} followed by whitespace, / or &gt; (1), cannot tell yet (0), or not. */
    private static int endTagAt(byte[] b, int p, int limit, byte[] name) {
        if (p + 1 >= limit) {
            return 0;
        }
        if (b[p + 1] != '/') {
            return -1;
        }
        return wordAt(b, p + 2, limit, name);
    }

    private static int wordAt(byte[] b, int q, int limit, byte[] word) {
        int m = prefix(b, q, limit, word, 0, true);
        if (m <= 0) {
            return m;
        }
        int e = q + word.length;
        if (e >= limit) {
            return 0;
        }
        byte c = b[e];
        return ByteScan.isWs(c) || c == '/' || c == '>' ? 1 : -1;
    }

    private int script(byte[] b, int p, int limit) {
        mark = -1;
        while (p < limit) {
            int s = sub;
            if (s == S_DATA) {
                p = ByteScan.indexOf(b, p, limit, '<');
                if (p >= limit) {
                    return limit;
                }
                int m = endTagAt(b, p, limit, SCRIPT_NAME);
                if (m > 0) {
                    return beginRawEndTag(p, ElementNames.SCRIPT);
                }
                if (m == 0) {
                    mark = p;
                    return ~p;
                }
                if (rawEndsAtNoscript) {
                    m = endTagAt(b, p, limit, NOSCRIPT_NAME);
                    if (m >= 0) {
                        mark = p;
                        return m == 0 ? ~p : beginRawEndTag(p, ElementNames.NOSCRIPT);
                    }
                }
                m = prefix(b, p, limit, COMMENT_OPEN, 0, false);
                if (m == 0) {
                    mark = p;
                    return ~p;
                }
                if (m > 0) {
                    sub = S_ESC_DASHDASH;
                    p += 4;
                } else {
                    p++;
                }
                continue;
            }
            boolean doubled = s >= S_DESC;
            if (s == S_ESC || s == S_DESC) {
                while (p < limit && b[p] != '-' && b[p] != '<') {
                    p++;
                }
                if (p >= limit) {
                    return limit;
                }
            }
            byte c = b[p];
            if (c == '<') {
                int r = doubled ? doubleEscapedLessThan(b, p, limit) : escapedLessThan(b, p, limit);
                if (r < 0 || state != SCRIPT) {
                    return r;
                }
                p = r;
            } else if (c == '-') {
                sub = s == S_ESC_DASHDASH || s == S_DESC_DASHDASH ? s : s + 1;
                p++;
            } else if (c == '>' && (s == S_ESC_DASHDASH || s == S_DESC_DASHDASH)) {
                sub = S_DATA;
                p++;
            } else {
                sub = doubled ? S_DESC : S_ESC;
                p++;
            }
        }
        return limit;
    }

    private int escapedLessThan(byte[] b, int p, int limit) {
        int m = endTagAt(b, p, limit, SCRIPT_NAME);
        if (m > 0) {
            return beginRawEndTag(p, ElementNames.SCRIPT);
        }
        if (m < 0 && p + 1 < limit && ByteScan.isAlpha(b[p + 1])) {
            m = wordAt(b, p + 1, limit, SCRIPT_NAME);
            if (m > 0) {
                sub = S_DESC;
                return p + 2 + SCRIPT_NAME.length;
            }
        }
        if (m == 0) {
            mark = p;
            return ~p;
        }
        sub = S_ESC;
        return p + 1;
    }

    private int doubleEscapedLessThan(byte[] b, int p, int limit) {
        int m = endTagAt(b, p, limit, SCRIPT_NAME);
        if (m == 0) {
            mark = p;
            return ~p;
        }
        if (m > 0) {
            sub = S_ESC;
            return p + 3 + SCRIPT_NAME.length;
        }
        sub = S_DESC;
        return p + 1;
    }

    /**
     * Reads a whole tag from its name at {@code p} in straight-line code when it ends inside this buffer (the common
     * case); otherwise leaves it to the resumable state machine from the start of the name.
     */
    private int fastTag(byte[] b, int p, int limit) throws IOException {
        int q = p;
        long key = 0;
        readName:
        {
            if (p + 8 <= limit) {
                // Most names end within eight bytes: find the end, lower-case and pack them a word at a time.
                long w = ByteScan.word(b, p);
                long stops = ByteScan.below(w, 0x21) | ByteScan.equal(w, '/') | ByteScan.equal(w, '>');
                if (stops != 0) {
                    int d = Long.numberOfTrailingZeros(stops) >>> 3; // >= 1: b[p] is a letter
                    if (ByteScan.endsTagName(b[p + d])) {
                        long lw = ByteScan.toLower(w);
                        ByteScan.setWord(name, 0, lw); // bytes past d are never read: readers stop at nameLen
                        key = lw & (-1L >>> (64 - 8 * d));
                        q = p + d;
                        break readName;
                    }
                }
            }
            byte[] nm = name;
            // Scan, lower-case and pack (see nameKey) the name in one pass. Bytes copied before a bail-out are
            // harmless: the resumable path rewrites the name from its start, and readers only look at
            // name[0..nameLen).
            while (q < limit) {
                byte c = b[q];
                if (ByteScan.endsTagName(c)) {
                    break;
                }
                int i = q - p;
                if (i == NAME_MAX) {
                    return p;
                }
                byte lc = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
                nm[i] = lc;
                if (i < 8) {
                    key |= (long) (lc & 0xff) << (i << 3);
                }
                q++;
            }
            if (q >= limit) {
                return p;
            }
        }
        nameKey = key;
        nameLen = q - p;
        nameEnd = q;
        int prev = q;
        int n = 0;
        int[] at = attrs;
        int guardLen = guardAttribute.length;
        boolean marked = false;
        boolean styled = false;
        int end = -1;
        while (true) {
            while (q < limit && ByteScan.isWs(b[q])) {
                q++;
            }
            if (q >= limit) {
                break;
            }
            byte c = b[q];
            if (c == '>') {
                end = q + 1;
                break;
            }
            if (c == '/') {
                if (++q >= limit) {
                    break;
                }
                if (b[q] == '>') {
                    selfClosing = true;
                    end = q + 1;
                    break;
                }
                continue;
            }
            int start = q++;
            q = ByteScan.attrNameEnd(b, q, limit);
            int nameStop = q;
            int nameLength = nameStop - start;
            marked |= nameLength == guardLen || nameLength == PING.length || nameLength == BACKGROUND.length;
            styled |= nameLength == STYLE.length && isName(b, start, limit, STYLE_WORD, 0xFF_FFFF_FFFFL);
            while (q < limit && ByteScan.isWs(b[q])) {
                q++;
            }
            if (q >= limit) {
                break;
            }
            int vs = -1;
            int ve = -1;
            int attrEnd = nameStop;
            if (b[q] == '=') {
                q++;
                while (q < limit && ByteScan.isWs(b[q])) {
                    q++;
                }
                if (q >= limit) {
                    break;
                }
                byte qc = b[q];
                if (qc == '"' || qc == '\'') {
                    vs = q + 1;
                    q = ByteScan.indexOf(b, vs, limit, (char) qc);
                    if (q >= limit) {
                        break;
                    }
                    ve = q;
                    attrEnd = ++q;
                } else if (qc != '>') {
                    vs = q;
                    q = ByteScan.unquotedEnd(b, q, limit);
                    if (q >= limit) {
                        break;
                    }
                    ve = q;
                    attrEnd = q;
                }
            }
            int a = n * STRIDE;
            if (a + STRIDE > at.length) {
                at = java.util.Arrays.copyOf(at, at.length * 2);
                attrs = at;
            }
            at[a + A_NAME] = start;
            at[a + A_NAME_END] = nameStop;
            at[a + A_VALUE] = vs;
            at[a + A_VALUE_END] = ve;
            at[a + A_END] = attrEnd;
            at[a + A_PREV] = prev;
            prev = attrEnd;
            n++;
        }
        if (end >= 0) {
            // One call, after the loop: C2 inlines a method's calls in bytecode order up to a budget, and complete()
            // brings the whole rewrite engine with it; before the loop's scans it left them as calls.
            attrCount = n;
            maybeMarked = marked;
            maybeStyled = styled;
            return complete(end);
        }
        // The tag does not end in this buffer: read it again with the resumable state machine.
        nameLen = 0;
        nameKey = 0;
        attrCount = 0;
        return p;
    }

    private int tag(byte[] b, int p, int limit) throws IOException {
        int s = sub;
        int end = -1;
        read:
        while (p < limit) {
            byte c = b[p];
            switch (s) {
                case T_NAME:
                    if (ByteScan.isWs(c)) {
                        nameEnd = p;
                        s = T_BEFORE_ATTR;
                    } else if (c == '/') {
                        nameEnd = p;
                        s = T_SELF_CLOSING;
                    } else if (c == '>') {
                        nameEnd = p;
                        end = p + 1;
                        break read;
                    } else {
                        appendName(c);
                    }
                    p++;
                    break;
                case T_BEFORE_ATTR:
                    if (ByteScan.isWs(c)) {
                        p++;
                    } else if (c == '/' || c == '>') {
                        s = T_AFTER_ATTR_NAME;
                    } else {
                        startAttr(p);
                        s = T_ATTR_NAME;
                        p++;
                    }
                    break;
                case T_ATTR_NAME:
                    while (p < limit && !ByteScan.isAttrNameStop(b[p])) {
                        p++;
                    }
                    if (p < limit) {
                        endAttrName(p);
                        if (b[p] == '=') {
                            s = T_BEFORE_VALUE;
                            p++;
                        } else {
                            s = T_AFTER_ATTR_NAME;
                        }
                    }
                    break;
                case T_AFTER_ATTR_NAME:
                    if (c == '>') {
                        end = p + 1;
                        break read;
                    }
                    if (c == '/') {
                        s = T_SELF_CLOSING;
                    } else if (c == '=') {
                        s = T_BEFORE_VALUE;
                    } else if (!ByteScan.isWs(c)) {
                        startAttr(p);
                        s = T_ATTR_NAME;
                    }
                    p++;
                    break;
                case T_BEFORE_VALUE:
                    if (c == '>') {
                        end = p + 1;
                        break read;
                    }
                    if (c == '"' || c == '\'') {
                        valueStart(p + 1);
                        s = c == '"' ? T_DQ : T_SQ;
                        p++;
                    } else if (ByteScan.isWs(c)) {
                        p++;
                    } else {
                        valueStart(p);
                        s = T_UNQ;
                    }
                    break;
                case T_DQ:
                case T_SQ:
                    p = ByteScan.indexOf(b, p, limit, s == T_DQ ? '"' : '\'');
                    if (p < limit) {
                        valueEnd(p, p + 1);
                        s = T_AFTER_QUOTED;
                        p++;
                    }
                    break;
                case T_UNQ:
                    while (p < limit && !ByteScan.endsUnquotedValue(b[p])) {
                        p++;
                    }
                    if (p < limit) {
                        valueEnd(p, p);
                        if (b[p] == '>') {
                            end = p + 1;
                            break read;
                        }
                        s = T_BEFORE_ATTR;
                        p++;
                    }
                    break;
                case T_AFTER_QUOTED:
                    if (c == '>') {
                        end = p + 1;
                        break read;
                    }
                    if (ByteScan.isWs(c)) {
                        p++;
                    } else if (c == '/') {
                        s = T_SELF_CLOSING;
                        p++;
                    }
                    s = s == T_AFTER_QUOTED ? T_BEFORE_ATTR : s;
                    break;
                default: // T_SELF_CLOSING
                    if (c == '>') {
                        selfClosing = true;
                        end = p + 1;
                        break read;
                    }
                    s = T_BEFORE_ATTR;
                    break;
            }
        }
        if (end >= 0) {
            return complete(end); // one call site, after the loop: see fastTag
        }
        sub = s;
        return limit;
    }

    private void appendName(byte c) {
        if (nameLen < NAME_MAX) {
            byte lc = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
            if (nameLen < 8) {
                nameKey |= (long) (lc & 0xff) << (nameLen << 3);
            }
            name[nameLen++] = lc;
        } else {
            nameTooLong = true;
        }
    }

    private void startAttr(int p) throws IOException {
        if (overflowed) {
            if (streamingAttrs) {
                if (streamed == SA_DECIDING) {
                    decideStreamed(p, -1); // the one before had no value
                }
                skipStreamedTo(p);
                streamed = SA_DECIDING;
                sNameStart = p;
                sNameEnd = -1;
                sValueStart = -1;
                mark = p;
            }
            return;
        }
        int a = attrCount * STRIDE;
        if (a + STRIDE > attrs.length) {
            int[] n = new int[attrs.length * 2];
            System.arraycopy(attrs, 0, n, 0, attrs.length);
            attrs = n;
        }
        attrs[a + A_NAME] = p;
        attrs[a + A_NAME_END] = p;
        attrs[a + A_VALUE] = -1;
        attrs[a + A_VALUE_END] = -1;
        attrs[a + A_END] = p;
        attrs[a + A_PREV] = attrCount == 0 ? nameEnd : attrs[a - STRIDE + A_END];
        attrCount++;
    }

    private void endAttrName(int p) {
        if (streamingAttrs && streamed == SA_DECIDING) {
            sNameEnd = p;
        }
        if (!overflowed) {
            int a = (attrCount - 1) * STRIDE;
            attrs[a + A_NAME_END] = p;
            attrs[a + A_END] = p;
        }
    }

    private void valueStart(int p) {
        if (streamingAttrs && streamed == SA_DECIDING) {
            sValueStart = p;
        }
        if (!overflowed && attrCount > 0) {
            attrs[(attrCount - 1) * STRIDE + A_VALUE] = p;
        }
    }

    private void valueEnd(int valueEnd, int end) throws IOException {
        if (streamingAttrs) {
            if (streamed == SA_DECIDING && sValueStart >= 0) {
                int prefixEnd = Math.min(valueEnd, sValueStart + STREAMED_VALUE_PREFIX);
                decideStreamed(prefixEnd, prefixEnd);
            }
            skipStreamedTo(end);
            return;
        }
        if (!overflowed && attrCount > 0) {
            int a = (attrCount - 1) * STRIDE;
            if (attrs[a + A_VALUE] >= 0) {
                attrs[a + A_VALUE_END] = valueEnd;
                attrs[a + A_END] = end;
            }
        }
    }

    private int complete(int end) throws IOException {
        tagEnd = end;
        nameId = nameTooLong ? ElementNames.OTHER : ElementNames.lookup(name, nameLen, nameKey);
        long openBefore = openBlocks;
        if ((openBlocks != 0 || !endTag && OpenBlocks.opens(nameId))
            && !(selfClosing && (nameId == ElementNames.SVG || nameId == ElementNames.MATH))) {
            // (a self-closed <svg/> or <math/> has no content: a browser closes it at once)
            openBlocks = OpenBlocks.after(openBlocks, endTag, nameId, nameKey, name, nameLen);
        }
        if (skim && foreignContent.isEmpty() && !overflowed && end - tagStart <= maxHeld && isPlain()) {
            mark = -1;
            state = DATA;
            return end;
        }
        ForeignContent fc = foreignContent;
        fc.beginTag();
        brokeOut = fc.inForeign() && breaksOutOfForeign();
        if (brokeOut) {
            fc.breakOut();
        }
        foreign = fc.inForeign();
        if (!overflowed && end - tagStart > maxHeld) {
            // Too big whatever the chunking: the same outcome as when the cap is hit at a chunk boundary.
            overflowed = true;
            nameRead = true;
            handler.onTagOverflow();
            if (streamingAttrs) {
                // comes back here at the same end, with the attributes streamed, and reads the tag into openBlocks
                // then: once, as when the cap is hit at a chunk boundary (a <table> counted twice stays open)
                openBlocks = openBefore;
                return restream(end);
            }
        }
        if (streamingAttrs) {
            int close = selfClosing ? end - 2 : end - 1; // the '/>' or '>' stays
            if (streamed == SA_DECIDING) {
                decideStreamed(close, -1); // an attribute without a value, ended by the tag's end
            }
            skipStreamedTo(close);
            streamingAttrs = false;
        }
        if (overflowed) {
            handler.onOverflowedTagEnd();
        } else {
            handler.onTag();
        }
        mark = -1;
        state = DATA;
        if (endTag) {
            fc.pop(nameId);
        } else {
            enterContent();
        }
        fc.endTag();
        return end;
    }

    /**
     * The current tag's lower-case name as a string: the shared one of a name {@link ElementNames} knows, else a new
     * one. For the rules a removal consults at each tag inside it.
     */
    String nameString() {
        if (nameId != ElementNames.OTHER) {
            String known = ElementNames.name(nameId);
            if (known.length() == nameLen) {
                return known;
            }
        }
        return new String(name, 0, nameLen, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether the current tag, read in SVG/MathML content, closes that content: the breakout start tags, {@code
     * <font>} with a {@code color}, {@code face} or {@code size} attribute, the end tags {@code </p>} and {@code
     * </br>}, and the end tags of HTML containers ({@link #HTML_ENDS}).
     */
    boolean breaksOutOfForeign() {
        int id = nameId;
        if (endTag) {
            return id == ElementNames.P || id == ElementNames.BR || HTML_ENDS.contains(id, nameKey, name, nameLen);
        }
        if (id != ElementNames.FONT) {
            return ElementNames.breaksOutOfForeign(id);
        }
        for (int i = 0; i < attrCount; i++) {
            if (attrNameIs(i, COLOR) || attrNameIs(i, FACE) || attrNameIs(i, SIZE)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the current complete tag can be skipped while {@link #skim} holds (outside SVG/MathML). */
    private boolean isPlain() {
        if (endTag) {
            // "</template>" (8 letters) never takes the fast path's bare-tag skip: only here
            return !templateEnds || nameId != ElementNames.TEMPLATE;
        }
        int id = nameId;
        if (!ElementNames.isPlainStart(id)) {
            return false;
        }
        if (!maybeMarked && !maybeStyled) {
            return true;
        }
        boolean link = id == ElementNames.A || id == ElementNames.AREA;
        int guardLen = guardAttribute.length;
        for (int i = 0; i < attrCount; i++) {
            int a = i * STRIDE;
            int len = attrs[a + A_NAME_END] - attrs[a + A_NAME];
            if (len == guardLen && attrNameIs(i, guardAttribute) || link && len == 4 && attrNameIs(i, PING)
                || len == BACKGROUND.length && attrNameIs(i, BACKGROUND)) {
                return false;
            }
            if (maybeStyled && len == STYLE.length && styleMayFetch(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the letters at {@code b[p]} are, in any case, the lower-case name packed little-endian in {@code word}
     * (its bytes under {@code mask}); read as one word when it fits. Only for names of letters: {@code | 0x20} folds
     * the case of a letter and of nothing else that could match one.
     */
    private static boolean isName(byte[] b, int p, int limit, long word, long mask) {
        return p + 8 <= limit ? ((ByteScan.word(b, p) | 0x2020_2020_2020_2020L) & mask) == word
            : isNameNearEnd(b, p, word, mask);
    }

    private static boolean isNameNearEnd(byte[] b, int p, long word, long mask) {
        for (int k = 0; mask >>> (8 * k) != 0; k++) {
            if ((b[p + k] | 0x20) != (byte) (word >>> (8 * k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether attribute {@code i} is {@code style} with a value that can name a URL: CSS fetches only through
     * functions ({@code url(}, {@code image-set(}), so a value without {@code (}, written or as a character
     * reference, loads nothing.
     */
    private boolean styleMayFetch(int i) {
        if (!attrNameIs(i, STYLE)) {
            return false;
        }
        int a = i * STRIDE;
        int v = attrs[a + A_VALUE];
        int end = attrs[a + A_VALUE_END];
        for (int k = v < 0 ? end : v; k < end; k++) {
            if (buf[k] == '(' || buf[k] == '&') {
                return true;
            }
        }
        return false;
    }

    private void enterContent() {
        int id = nameId;
        if (!foreign && !(xml && selfClosing)) {
            switch (id) {
                case ElementNames.SCRIPT:
                    state = SCRIPT;
                    sub = S_DATA;
                    return;
                case ElementNames.STYLE:
                case ElementNames.XMP:
                case ElementNames.IFRAME:
                case ElementNames.NOEMBED:
                case ElementNames.NOFRAMES:
                case ElementNames.TEXTAREA:
                case ElementNames.TITLE:
                    state = RAWTEXT;
                    rawId = id;
                    return;
                case ElementNames.PLAINTEXT:
                    state = PLAINTEXT;
                    return;
                default:
                    break;
            }
        }
        if (selfClosing) {
            return;
        }
        if (id == ElementNames.SVG || id == ElementNames.MATH) {
            foreignContent.push(id);
        } else if (id == ElementNames.MGLYPH || id == ElementNames.MALIGNMARK) {
            // Inside <mi> (a MathML text integration point) these two stay MathML, and so does their content; in
            // SVG/MathML content they are tracked too, so that a nested one's end tag closes only itself.
            int top = foreignContent.top();
            if (foreign || top >= ElementNames.MI && top <= ElementNames.MTEXT) {
                foreignContent.push(id);
            }
        } else if (foreign) {
            int top = foreignContent.top();
            if (top == ElementNames.SVG
                ? id == ElementNames.FOREIGNOBJECT || id == ElementNames.DESC || id == ElementNames.TITLE
                : id >= ElementNames.MI && id <= ElementNames.MTEXT || id == ElementNames.ANNOTATION_XML
                    && isHtmlAnnotation()) {
                foreignContent.push(id);
            }
        }
    }

    /** Whether the current start tag, an {@code <annotation-xml>}, is an HTML integration point (its encoding). */
    boolean isHtmlAnnotation() {
        for (int i = 0; i < attrCount; i++) {
            int a = i * STRIDE;
            if (attrNameIs(i, ENCODING) && attrs[a + A_VALUE] >= 0) {
                // Compared as it is, white space included: " text/html" leaves the element MathML.
                String v = new String(buf, attrs[a + A_VALUE], attrs[a + A_VALUE_END] - attrs[a + A_VALUE],
                    java.nio.charset.StandardCharsets.ISO_8859_1);
                return v.equalsIgnoreCase("text/html") || v.equalsIgnoreCase("application/xhtml+xml");
            }
        }
        return false;
    }

    /** Whether attribute {@code i} is an event handler ({@code on...}, any case): its value is script. */
    boolean isEventHandler(int i) {
        int a = i * STRIDE;
        int s = attrs[a + A_NAME];
        return attrs[a + A_NAME_END] - s > 2 && (buf[s] | 0x20) == 'o' && (buf[s + 1] | 0x20) == 'n';
    }

    /** Where attribute {@code i}'s value starts in {@link #buf}; -1 when it has none or {@code i} is -1. */
    int valueFrom(int i) {
        return i < 0 ? -1 : attrs[i * STRIDE + A_VALUE];
    }

    /** Where attribute {@code i}'s value ends in {@link #buf}; read it only when {@link #valueFrom} is not -1. */
    int valueTo(int i) {
        return attrs[i * STRIDE + A_VALUE_END];
    }

    /** Whether attribute {@code i}'s name equals the lower-case ASCII {@code lower}, ignoring case. */
    boolean attrNameIs(int i, byte[] lower) {
        int a = i * STRIDE;
        int s = attrs[a + A_NAME];
        int len = attrs[a + A_NAME_END] - s;
        if (len != lower.length) {
            return false;
        }
        byte[] b = buf;
        for (int k = 0; k < len; k++) {
            int c = b[s + k];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lower[k]) {
                return false;
            }
        }
        return true;
    }

    /** Remembers the SVG/MathML context from before the current start tag, for an element that is cut out. */
    void saveForeignContext() {
        foreignContent.saveBeforeTag();
    }

    /**
     * Remembers the SVG/MathML context from after the current start tag's breakout (see {@link #brokeOut}), for an
     * element that is cut out but leaves a bare tag of its name that closes the content the same way.
     */
    void saveForeignContextAfterBreakout() {
        foreignContent.saveCurrent();
    }

    /**
     * The element since {@link #saveForeignContext} was cut out: once the current tag is handled, the context is
     * what it was before it, as it is for a browser reading the output.
     */
    void restoreForeignContextAfterThisTag() {
        foreignContent.restoreAfterTag();
    }

    /**
     * The element cut out since {@link #saveForeignContext} ends before the current tag, which a browser reading the
     * output reads right after what came before the element: the tag is read again in that context (a breakout, an
     * end tag that closes an SVG/MathML context, apply to it).
     */
    void rereadInSavedForeignContext() {
        ForeignContent fc = foreignContent;
        fc.restoreBeforeTag();
        brokeOut = fc.inForeign() && breaksOutOfForeign();
        if (brokeOut) {
            fc.breakOut();
        }
        foreign = fc.inForeign();
    }

    /**
     * Whether the current start tag is an {@code <mglyph>} or {@code <malignmark>} in a MathML text integration
     * point ({@code <mi>}…): an HTML context, where these two are MathML elements all the same.
     */
    boolean mathMLInTextPoint() {
        int top = foreignContent.top();
        return !endTag && (nameId == ElementNames.MGLYPH || nameId == ElementNames.MALIGNMARK)
            && top >= ElementNames.MI && top <= ElementNames.MTEXT;
    }

    /**
     * The current end tag, which {@link #breaksOutOfForeign} took for one that leaves SVG/MathML content, closes an
     * SVG/MathML element of its name instead ({@link OpenForeignElements}): the tag was read in that content, and
     * what follows it is too.
     */
    void undoBreakOut() {
        foreignContent.undoBreakOut();
        brokeOut = false;
        foreign = foreignContent.inForeign();
    }

    /**
     * Whether the input read so far ends in HTML text: in the data state, outside SVG and MathML content, so that a
     * start tag added after it would be read as an HTML element (not as text of a comment, a {@code <title>} or a
     * half-written tag).
     */
    boolean endsInHtmlData() {
        return state == DATA && !foreignContent.inForeign();
    }

    /** See {@link ForeignContent#integrationPointAbove}. */
    boolean integrationPointAbove(int depth) {
        return foreignContent.integrationPointAbove(depth);
    }

    /** See {@link ForeignContent#depth}. */
    int foreignDepth() {
        return foreignContent.depth();
    }

    /** See {@link ForeignContent#depthBeforeTag}. */
    int foreignDepthBeforeTag() {
        return foreignContent.depthBeforeTag();
    }

    /** See {@link ForeignContent#snapshot}. */
    ForeignContent.Context foreignSnapshot() {
        return foreignContent.snapshot();
    }

    /** See {@link ForeignContent#reset}: applies to the content after the current tag. */
    void resetForeign(ForeignContent.Context snapshot) {
        foreignContent.reset(snapshot);
    }

    /** See {@link ForeignContent#closeTo}: applies to the content after the current tag. */
    void closeForeignTo(int openDepth) {
        foreignContent.closeTo(openDepth);
    }

    /** See {@link ForeignContent#inSvg}. */
    boolean inSvg() {
        return foreignContent.inSvg();
    }
}
