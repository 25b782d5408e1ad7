package io.consentgate.html;

import io.consentgate.ConsentDecision;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * The body of an ajax framework's partial response ({@link PartialResponseFormat}), the XML that the framework's
 * script asked for and then writes into the page: a Jakarta Faces {@code <partial-response><changes><update
 * id="…"><![CDATA[…HTML…]]></update>…}, an Apache Wicket {@code <ajax-response><component id="…"><![CDATA[…HTML…]]>
 * </component>…}. The HTML of each of the format's HTML elements goes through a rewriter of its own, so a conversion
 * pixel or a tag in the panel an ajax call re-renders is removed as it would be from the page; the XML around it and
 * the view state pass byte for byte. A script element's section (PrimeFaces joins every {@code executeScript} of the
 * request into one {@code <eval>}, Wicket every contributed script into one {@code <evaluate>}) is held to its end
 * ({@link HtmlRewriter}'s cap) and loses the statements that name a refused tracker
 * ({@link MergedScript#blankRefused}); one that cannot be read that way goes empty, and one over the cap is sent or
 * emptied as the overflow switch says.
 *
 * <p>The HTML of one element is read as one document, as the page reads it: both frameworks write a {@code ]]>} of
 * the content as {@code ]]]]><![CDATA[>}, closing the section and opening the next, so a section that a
 * {@code <![CDATA[} follows goes on in the same rewriter (a script or a tag split there is still read whole). Its output
 * is written back into one section, with every {@code ]]>} in it split the same way, also one that a removal brought
 * together ({@code a[i[j]]} before a removed script and {@code >} after it).
 *
 * <p>Streaming, and the same output however the input is split: a markup token ({@code <update id="…">}) is held
 * until its {@code >} (at most {@value #MAX_TOKEN} bytes, past which it passes as it is), at most two {@code ]}
 * at the end of a write, which may start the {@code ]]>} that ends a section, and after that {@code ]]>} the bytes
 * that tell whether a {@code <![CDATA[} follows.
 */
final class PartialResponse extends OutputStream {

    private static final int MAX_TOKEN = 4096;
    private static final byte[] CDATA_OPEN = {'<', '!', '[', 'C', 'D', 'A', 'T', 'A', '['};
    private static final byte[] CDATA_CLOSE = {']', ']', '>'};
    private static final byte[] BRACKETS = {']', ']'};
    /** What goes between the {@code ]]} and the {@code >} of a {@code ]]>} in a section's content: {@code ]]><![CDATA[}. */
    private static final byte[] SPLIT = {']', ']', '>', '<', '!', '[', 'C', 'D', 'A', 'T', 'A', '['};

    private final HtmlRewriter cfg;
    private final PartialResponseFormat format;
    private final ConsentDecision decision;
    private final Charset charset;
    private final OutputStream out;
    private final RewriteListener listener;

    /** The markup token being read, from its {@code <}; {@code tokenLen} is -1 outside one. */
    private final byte[] token = new byte[MAX_TOKEN];
    private int tokenLen = -1;
    private byte quote;
    /** Open HTML elements of the format ({@code <update>}, {@code <component>}…): a CDATA section in one is HTML. */
    private int htmlDepth;
    /** Open script elements of the format ({@code <eval>}, {@code <evaluate>}…): a section in one is a script. */
    private int evalDepth;
    /** The held script of a script element's section; null outside one, or once it outgrew the cap. */
    private java.io.ByteArrayOutputStream evalScript;
    /** Where the current CDATA section's content goes (its rewriter, or {@link #out}); null outside a section. */
    private OutputStream section;
    private RewriteStream sectionRewriter;
    /** {@code ]} bytes read at the end of a section's input and not yet passed on (0 to 2). */
    private int brackets;
    /** After the {@code ]]>} of an HTML or script section: what was read so far of a {@code <![CDATA[} continuing it. */
    private final byte[] after = new byte[CDATA_OPEN.length];
    private int afterLen = -1;

    PartialResponse(HtmlRewriter cfg, PartialResponseFormat format, ConsentDecision decision, Charset charset,
                    OutputStream out, RewriteListener listener) {
        this.cfg = cfg;
        this.format = format;
        this.decision = decision;
        this.charset = charset;
        this.out = out;
        this.listener = listener;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (afterLen >= 0) {
                i = afterBytes(b, i, end);
            } else if (section != null) {
                i = sectionBytes(b, i, end);
            } else if (tokenLen >= 0) {
                i = tokenBytes(b, i, end);
            } else {
                int lt = ByteScan.indexOf(b, i, end, '<');
                out.write(b, i, lt - i);
                if (lt < end) {
                    tokenLen = 0;
                    quote = 0;
                }
                i = lt;
            }
        }
    }

    /** Reads a markup token's bytes up to its end; returns where it stopped. */
    private int tokenBytes(byte[] b, int i, int end) throws IOException {
        while (i < end) {
            byte c = b[i++];
            token[tokenLen++] = c;
            if (tokenLen == CDATA_OPEN.length && startsWith(CDATA_OPEN)) {
                out.write(token, 0, tokenLen);
                tokenLen = -1;
                openSection();
                return i;
            }
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if ((c == '"' || c == '\'') && tokenLen > 1 && token[1] != '!') {
                quote = c;
            } else if (c == '>') {
                endOfToken();
                return i;
            }
            if (tokenLen == MAX_TOKEN) {
                out.write(token, 0, tokenLen); // no markup either framework writes: it passes as it is
                tokenLen = -1;
                return i;
            }
        }
        return i;
    }

    /**
     * A whole token ({@code <update id="…">}, {@code </component>}…) is read: it counts the format's HTML and script
     * elements and goes out.
     */
    private void endOfToken() throws IOException {
        boolean endTag = tokenLen > 1 && token[1] == '/';
        int name = endTag ? 2 : 1;
        boolean open = !endTag && token[tokenLen - 2] != '/';
        if (isAnyName(name, format.htmlElements())) {
            htmlDepth = endTag ? Math.max(0, htmlDepth - 1) : open ? htmlDepth + 1 : htmlDepth;
        } else if (isAnyName(name, format.scriptElements())) {
            evalDepth = endTag ? Math.max(0, evalDepth - 1) : open ? evalDepth + 1 : evalDepth;
        }
        out.write(token, 0, tokenLen);
        tokenLen = -1;
    }

    private boolean isAnyName(int at, String[] names) {
        for (String n : names) {
            if (isName(at, n)) {
                return true;
            }
        }
        return false;
    }

    private boolean isName(int at, String name) {
        int e = at + name.length();
        if (e >= tokenLen || !ByteScan.startsWith(token, at, tokenLen, name)) {
            return false;
        }
        byte c = token[e];
        return c == '>' || c == '/' || ByteScan.isWs(c);
    }

    private boolean startsWith(byte[] lit) {
        for (int k = 0; k < lit.length; k++) {
            if (token[k] != lit[k]) {
                return false;
            }
        }
        return true;
    }

    private void openSection() {
        brackets = 0;
        if (htmlDepth > 0) {
            // removed in either mode: the frameworks' script runners evaluate a script's text whatever its type
            sectionRewriter = cfg.removing.open(decision, charset, new SplitEnds(out), listener);
            sectionRewriter.scriptsEvaluated = true;
            section = sectionRewriter;
        } else if (evalDepth > 0) {
            evalScript = new java.io.ByteArrayOutputStream();
            section = new HeldEval();
        } else {
            section = out; // <extension> data and the view state pass as they are
        }
    }

    /**
     * Holds a script element's section up to the rewriter's cap; past it, the overflow switch decides: sent as it is
     * ({@code FAIL_OPEN}) or dropped.
     */
    private final class HeldEval extends OutputStream {
        /** Where the script goes once it outgrew the cap and fails open. */
        private SplitEnds unread;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (evalScript == null) {
                if (unread != null) {
                    unread.write(b, off, len);
                }
                return;
            }
            evalScript.write(b, off, len);
            if (evalScript.size() > cfg.maxHeldBytes) {
                byte[] held = evalScript.toByteArray();
                evalScript = null;
                if (cfg.overflow == OverflowAction.FAIL_OPEN) {
                    unread = new SplitEnds(out);
                    unread.write(held, 0, held.length);
                }
            }
        }
    }

    /**
     * The end of a script element's section: its refused statements blanked, written back into one section. Wicket
     * 9 and later write the section as a {@code <head>} with one {@code <script>} (so that a CSP nonce can be put on
     * it): that is read as HTML whose scripts are merged ones ({@link HtmlRewriter#evaluating}).
     */
    private void writeEval() throws IOException {
        if (evalScript != null) {
            byte[] script = evalScript.toByteArray();
            if (format == PartialResponseFormat.WICKET && startsAsMarkup(script)) {
                RewriteStream html = cfg.evaluating.open(decision, charset, new SplitEnds(out), listener);
                html.scriptsEvaluated = true;
                html.write(script, 0, script.length);
                html.finish();
            } else {
                byte[] kept = MergedScript.blankRefused(script, cfg.catalog, m -> !decision.allowsAll(m.categories()));
                if (kept != null) {
                    new SplitEnds(out).write(kept, 0, kept.length);
                }
            }
        }
        evalScript = null;
    }

    /** Whether the text starts, after white space, with a tag ({@code <head …>}) and not with a script. */
    private static boolean startsAsMarkup(byte[] t) {
        int k = 0;
        while (k < t.length && ByteScan.isWs(t[k])) {
            k++;
        }
        return k + 1 < t.length && t[k] == '<' && ByteScan.isAlpha(t[k + 1]);
    }

    /** Passes a section's content on up to its {@code ]]>}; returns where it stopped. */
    private int sectionBytes(byte[] b, int i, int end) throws IOException {
        while (i < end) {
            if (brackets > 0 && b[i] != ']') {
                if (b[i] == '>' && brackets == 2) { // "]]" ended the last write
                    brackets = 0;
                    endOfSection();
                    return i + 1;
                }
                releaseBrackets(brackets);
            }
            int rb = ByteScan.indexOf(b, i, end, ']');
            if (rb > i) {
                section.write(b, i, rb - i);
                i = rb;
                continue;
            }
            if (rb >= end) {
                return end;
            }
            int j = i;
            while (j < end && b[j] == ']') {
                j++;
            }
            int run = brackets + (j - i);
            if (j == end) {
                // The run may go on in the next write, or end the section there: keep its last two.
                brackets = 0;
                releaseBrackets(run - 2);
                brackets = Math.min(run, 2);
                return end;
            }
            if (b[j] == '>' && run >= 2) {
                brackets = 0;
                releaseBrackets(run - 2);
                endOfSection();
                return j + 1;
            }
            brackets = 0;
            releaseBrackets(run);
            i = j;
        }
        return i;
    }

    /** Passes {@code n} held or read {@code ]} bytes on as content; clears the held count. */
    private void releaseBrackets(int n) throws IOException {
        brackets = 0;
        while (n > 0) {
            int k = Math.min(n, BRACKETS.length);
            section.write(BRACKETS, 0, k);
            n -= k;
        }
    }

    /** A {@code ]]>} was read: an HTML or script section may go on after it ({@link #afterBytes}), any other ends. */
    private void endOfSection() throws IOException {
        if (sectionRewriter != null || section instanceof HeldEval) {
            afterLen = 0;
        } else {
            section = null;
            out.write(CDATA_CLOSE);
        }
    }

    /** Reads what follows such a section's {@code ]]>}: {@code <![CDATA[} goes on with it, anything else ends it. */
    private int afterBytes(byte[] b, int i, int end) throws IOException {
        while (i < end && afterLen < CDATA_OPEN.length) {
            if (b[i] != CDATA_OPEN[afterLen]) {
                closeJoinedSection();
                return i;
            }
            after[afterLen++] = b[i++];
        }
        if (afterLen == CDATA_OPEN.length) {
            afterLen = -1; // the same content goes on
        }
        return i;
    }

    /** Ends a section whose {@code ]]>} was read: its rewritten content's last bytes, the {@code ]]>}, what followed. */
    private void closeJoinedSection() throws IOException {
        int held = afterLen;
        afterLen = -1;
        closeSection();
        out.write(CDATA_CLOSE);
        if (held > 0) {
            write(java.util.Arrays.copyOf(after, held), 0, held); // the start of the next token, outside the section
        }
    }

    private void closeSection() throws IOException {
        if (sectionRewriter != null) {
            sectionRewriter.finish();
            sectionRewriter = null;
        } else if (section instanceof HeldEval) {
            writeEval();
        }
        section = null;
    }

    @Override
    public void flush() throws IOException {
        if (sectionRewriter != null) {
            sectionRewriter.flush();
        }
        out.flush();
    }

    /** Ends the body: an unterminated section or token is passed on as it is; does not close the sink. */
    void finish() throws IOException {
        if (afterLen >= 0) {
            closeJoinedSection();
        }
        if (section != null) {
            releaseBrackets(brackets);
            closeSection();
        }
        if (tokenLen > 0) {
            out.write(token, 0, tokenLen);
            tokenLen = -1;
        }
    }

    /** The sink of an HTML section's rewriter: splits every {@code ]]>} of the content so the section goes on. */
    private static final class SplitEnds extends OutputStream {
        private final OutputStream out;
        /** {@code ]} bytes that ended the content so far (0 to 2). */
        private int tail;

        SplitEnds(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int from = off;
            for (int k = off; k < off + len; k++) {
                byte c = b[k];
                if (c == '>' && tail == 2) {
                    out.write(b, from, k - from);
                    out.write(SPLIT); // after the content's "]]": close, reopen, then this '>'
                    from = k;
                }
                tail = c == ']' ? Math.min(tail + 1, 2) : 0;
            }
            out.write(b, from, off + len - from);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
