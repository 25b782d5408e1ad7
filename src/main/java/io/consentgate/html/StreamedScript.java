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
 * <p>The text is read by {@link TrackerCatalog#matchScriptWindow} in windows of {@value #WINDOW} bytes that overlap by
 * {@value #OVERLAP}, counted from the script's first byte, so the outcome does not depend on how the input was split.
 * Each window judges the hits that start in its middle part, half the overlap away from either edge, and the middle
 * parts follow each other: every hit is judged once, with at least that much context before and after it (a line
 * start, an opening quote, a path after a host), more than any rule of the catalog reads. Only the window is held.
 */
final class StreamedScript {

    static final int WINDOW = 64 * 1024;
    static final int OVERLAP = 16 * 1024;

    /** Ends any script text as a syntax error (see the class comment); the words say why to whoever reads the page. */
    static final byte[] POISON = "*/\n${@}@ ConsentGate: this script names a refused tracker and must not run\n"
        .getBytes(StandardCharsets.US_ASCII);

    private final TrackerCatalog catalog;
    private final ConsentDecision decision;
    /**
     * The window, from index 1; index 0 holds {@code ;} once the window no longer starts at the script's first byte,
     * so that no window starts a line: a window starting inside a long minified line at a {@code //} (of a URL) would
     * otherwise read every match after it on that line as a comment.
     */
    private final byte[] window = new byte[1 + WINDOW];
    /** End of the bytes in {@link #window}. */
    private int len = 1;
    /** Where the bytes not read yet start in {@link #window}. */
    private int unread = 1;
    /** Whether the window starts after the script's first byte (then {@link #window}[0] is read too). */
    private boolean moved;
    private TrackerMatch refused;

    StreamedScript(TrackerCatalog catalog, ConsentDecision decision) {
        this.catalog = catalog;
        this.decision = decision;
        window[0] = ';';
    }

    /** The next bytes of the script's text. */
    void feed(byte[] b, int off, int n) {
        while (n > 0 && refused == null) {
            int k = Math.min(n, window.length - len);
            System.arraycopy(b, off, window, len, k);
            len += k;
            off += k;
            n -= k;
            if (len == window.length) {
                read(false);
                System.arraycopy(window, len - OVERLAP, window, 1, OVERLAP);
                len = 1 + OVERLAP;
                unread = len;
                moved = true;
            }
        }
        if (n > 0) {
            keepTail(b, off, n);
        }
    }

    /**
     * At the script's end: the refused tracker it names, or null when it may run or already ends in {@link #POISON}
     * (a page rewritten twice, by the command line or two filters, gets it once).
     */
    TrackerMatch finish() {
        if (refused == null && (len > unread || moved)) {
            read(true); // after a full window, its last part is judged here, with what came after it
        }
        return refused == null || poisoned() ? null : refused;
    }

    private boolean poisoned() {
        int n = POISON.length;
        return len - 1 >= n && java.util.Arrays.equals(window, len - n, len, POISON, 0, n);
    }

    /** Once decided, only the last bytes are kept: enough to see whether the script already ends in the poison. */
    private void keepTail(byte[] b, int off, int n) {
        int keep = POISON.length;
        if (n >= keep) {
            System.arraycopy(b, off + n - keep, window, 1, keep);
            len = 1 + keep;
        } else {
            int from = Math.max(1, len + n - keep);
            System.arraycopy(window, from, window, 1, len - from);
            len -= from - 1;
            System.arraycopy(b, off, window, len, n);
            len += n;
        }
        unread = len;
    }

    private void read(boolean last) {
        int from = moved ? 0 : 1;
        int judgeFrom = moved ? 1 + OVERLAP / 2 : 1;
        int judgeTo = last ? len : window.length - OVERLAP / 2;
        for (TrackerMatch m : catalog.matchScriptWindow(window, from, len - from, judgeFrom, judgeTo)) {
            if (!decision.allowsAll(m.categories())) {
                refused = m;
                return;
            }
        }
    }
}
