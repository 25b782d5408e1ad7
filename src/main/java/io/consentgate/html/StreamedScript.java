package io.consentgate.html;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.nio.charset.StandardCharsets;

/**
 * An inline HTML script longer than the hold cap, under {@link OverflowAction#FAIL_CLOSED}: it is sent as it arrives
 * and read on the way, and if it names a tracker the visitor refused, the text that goes out before its end tag
 * ({@link #POISON}) makes the whole script a syntax error, so none of it runs.
 *
 * <p>Why this is fail-closed: a browser runs an inline script only once its end tag has been parsed, and compiles
 * its whole text first; a syntax error anywhere means no statement of it runs. {@link #POISON} is a syntax error
 * whatever the text before it left open (code, a string, a template literal, a regular expression, a line or block
 * comment, an escape), and holds no {@code <}, {@code -} or {@code >}, so the browser ends the script at the same end
 * tag as the tokenizer. A script that names no refused tracker goes out byte for byte, where removing it (the earlier
 * fail-closed outcome) took a page's own large state script ({@code window.__INITIAL_STATE__ = {…}}) with it.
 *
 * <p>The text is read by {@link TrackerCatalog.ScriptWindows} in windows of {@value #WINDOW} bytes that overlap by
 * {@value #OVERLAP}, counted from the script's first byte, so the outcome does not depend on how the input was split.
 * Each window judges the hits that start in its middle part, half the overlap away from either edge, and the middle
 * parts follow each other: every hit is judged once, with at least that much context before and after it (an opening
 * quote, a path after a host), more than any rule of the catalog reads, and tag ids pair with signatures anywhere in
 * the script. A window after the first starts with two bytes that stand for the start of the line it opens in:
 * {@code //} when that line is a line comment, else {@code " ;"}. Only the window is held.
 */
final class StreamedScript {

    static final int WINDOW = 64 * 1024;
    static final int OVERLAP = 16 * 1024;
    private static final int PREFIX = 2;

    /** Ends any script text as a syntax error (see the class comment); the words say why to whoever reads the page. */
    static final byte[] POISON = "*/\n${@}@ ConsentGate: this script names a refused tracker and must not run\n"
        .getBytes(StandardCharsets.US_ASCII);

    private final ConsentDecision decision;
    private final TrackerCatalog.ScriptWindows windows;
    /** The window, from index {@link #PREFIX}; before it, once the window has moved, the line-start stand-in. */
    private final byte[] window = new byte[PREFIX + WINDOW];
    /** End of the bytes in {@link #window}. */
    private int len = PREFIX;
    /** Where the bytes not judged yet start in {@link #window}. */
    private int unjudged = PREFIX;
    /** Whether the window starts after the script's first byte (then its prefix is read too). */
    private boolean moved;

    StreamedScript(TrackerCatalog catalog, ConsentDecision decision) {
        this.decision = decision;
        this.windows = catalog.scriptWindows();
    }

    /** The next bytes of the script's text. */
    void feed(byte[] b, int off, int n) {
        while (n > 0) {
            int k = Math.min(n, window.length - len);
            System.arraycopy(b, off, window, len, k);
            len += k;
            off += k;
            n -= k;
            if (len == window.length) {
                read(window.length - OVERLAP / 2);
                int keep = len - OVERLAP;
                boolean comment = lineCommentAt(keep);
                System.arraycopy(window, keep, window, PREFIX, OVERLAP);
                window[0] = (byte) (comment ? '/' : ' ');
                window[1] = (byte) (comment ? '/' : ';');
                len = PREFIX + OVERLAP;
                unjudged = PREFIX + OVERLAP / 2;
                moved = true;
            }
        }
    }

    /**
     * At the script's end: the refused tracker it names, or null when it may run or already ends in {@link #POISON}
     * (a page rewritten twice, by the command line or two filters, gets it once).
     */
    TrackerMatch finish() {
        if (len > unjudged) {
            read(len);
        }
        if (poisoned()) {
            return null;
        }
        for (TrackerMatch m : windows.matches()) {
            if (!decision.allowsAll(m.categories())) {
                return m;
            }
        }
        return null;
    }

    /** Judges the hits that start from {@link #unjudged} to {@code to}. */
    private void read(int to) {
        int from = moved ? 0 : PREFIX;
        windows.read(window, from, len - from, unjudged, to);
        unjudged = to;
    }

    /**
     * Whether the line that {@code window[p]} stands in is a line comment: it starts, after spaces and tabs, with
     * {@code //} (its start in this window, or the window's own stand-in when the line began before it). A line ends
     * at CR, LF, U+2028 or U+2029, as in JavaScript.
     */
    private boolean lineCommentAt(int p) {
        int k = p - 1;
        int first = moved ? 0 : PREFIX;
        while (k >= first && window[k] != '\n' && window[k] != '\r'
            && !(k - 2 >= first && window[k - 2] == (byte) 0xE2 && window[k - 1] == (byte) 0x80
                && (window[k] == (byte) 0xA8 || window[k] == (byte) 0xA9))) {
            k--;
        }
        k++;
        while (k < p && (window[k] == ' ' || window[k] == '\t')) {
            k++;
        }
        return k + 1 < p && window[k] == '/' && window[k + 1] == '/';
    }

    /** Whether the script read so far ends in {@link #POISON} (the page was rewritten before). */
    boolean poisoned() {
        int n = POISON.length;
        return len - PREFIX >= n && java.util.Arrays.equals(window, len - n, len, POISON, 0, n);
    }
}
