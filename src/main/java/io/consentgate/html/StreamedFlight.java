package io.consentgate.html;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A framework payload script ({@link FlightChunk}) longer than the hold cap, under
 * {@link OverflowAction#FAIL_CLOSED}: rewritten as it streams, as a held one is, instead of being made a syntax error
 * ({@link StreamedScript}) when it names a refused tracker, which would stop the page's hydration.
 *
 * <p>The string literal's body is read in windows of {@value #WINDOW} bytes. Each window is decoded, and the refused
 * tracker URLs and tag component elements that start in its judged part are overwritten as {@link FlightChunk}
 * overwrites them; the window's bytes go out up to the end of its judged part, or of the last span it overwrote when
 * that is later. A judged part ends {@value #LOOKAHEAD} bytes before the window's end, and the next window keeps
 * {@value #CONTEXT} bytes of what went out before its first unjudged byte, so every URL and element is read with the
 * bytes around it that the held reading sees, whatever the input's split, and each is judged once (by the window its
 * first byte is judged in).
 *
 * <p>What a window cannot decide {@linkplain Outcome#STOPPED stops} the script (the caller ends it as a syntax error,
 * as any script past the cap that names a refused tracker): a refused URL running past the lookahead, an element of a
 * tag component too long for it, an element placed before the import row of its component arrived (the held reading,
 * which sees the whole chunk first, would have gated it). An import row too long for a window is read to its end in
 * the windows after. A script that turns out not to be a
 * flight chunk after all, or holds an escape the decoder does not know, is {@linkplain Outcome#JUDGE judged} as any
 * script past the cap. Unlike the held reading, a URL is judged by its tracker's own
 * categories, not narrowed by tag ids elsewhere in the script: a visitor who allowed a part of a shared host's
 * categories may see more of it overwritten than when held.
 *
 * <p>Memory: one window, and per window its decoded text.
 */
final class StreamedFlight {

    static final int WINDOW = 64 * 1024;
    static final int CONTEXT = 8 * 1024;
    static final int LOOKAHEAD = 8 * 1024;
    /** Distinct row ids of elements placed before their row was known, remembered at most. */
    static final int MAX_UNRESOLVED = 4096;
    private static final byte[] TAIL = {'"', ']', ')'};

    private final TrackerCatalog catalog;
    private final ConsentDecision decision;
    private final FlightComponents components;
    private final OutputStream out;
    private final byte[] buf = new byte[WINDOW];
    /** Bytes of the string body in {@link #buf}; {@code buf[0]} starts an escape or a plain byte. */
    private int len;
    /** {@code buf[0, sent)} went out: the next window's context. */
    private int sent;
    /** {@code buf[0, decoded)} was decoded by the windows before: the hosts in it were seen. */
    private int decoded;
    /** The byte before the next one read started an escape. */
    private boolean escaped;
    /** -1 while in the string body; then how far the tail {@code "])}, an optional {@code ;} and white space got. */
    private int tail = -1;
    /** The script's first bytes, until they show whether it is a flight chunk; {@link #headLen} -1 after that. */
    private final byte[] head = new byte[64];
    private int headLen;
    private int headEnd;
    private boolean flight = true;
    /** A window found something refused, or that may be, that it could not overwrite: the script must not run. */
    private boolean stop;
    private final Set<TrackerMatch> rewritten = new LinkedHashSet<>();
    private final Set<String> unresolved = new HashSet<>();
    /** Whether a tag component's element may be refused: else one that cannot be read stops nothing. */
    private final boolean gateComponents;
    private boolean unresolvedForgotten;
    /** The id of an import row that started in a window's judged part and has not ended yet; else null. */
    private String pendingRow;

    /**
     * @param out        where the script's text goes, rewritten
     * @param components the page's tag components (shared with the held chunks)
     */
    StreamedFlight(TrackerCatalog catalog, ConsentDecision decision, FlightComponents components, OutputStream out) {
        this.catalog = catalog;
        this.decision = decision;
        this.components = components;
        this.out = out;
        this.gateComponents = FlightComponents.mayRefuse(catalog, decision);
    }

    /** The next bytes of the script's text. */
    void feed(byte[] b, int off, int n) throws IOException {
        if (headLen >= 0) {
            n = readHead(b, off, n);
            if (n == 0) {
                return;
            }
            off = headEnd;
        }
        if (!flight) {
            out.write(b, off, n);
            return;
        }
        while (n > 0) {
            if (tail >= 0) {
                readTail(b, off, n);
                out.write(b, off, n);
                return;
            }
            int k = 0;
            int room = Math.min(n, buf.length - len);
            boolean end = false;
            for (; k < room; k++) {
                byte c = b[off + k];
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    end = true;
                    break;
                }
            }
            System.arraycopy(b, off, buf, len, k);
            len += k;
            off += k;
            n -= k;
            if (end) {
                window(true);
                tail = 0;
            } else if (len == buf.length) {
                window(false);
                if (!flight) {
                    out.write(b, off, n);
                    return;
                }
            }
        }
    }

    /**
     * Reads the script's first bytes until they show whether it starts as a flight chunk, and sends them, up to the
     * string's body when it does (the body's bytes among them are read on). Returns how many of {@code b}'s bytes are
     * left for the body, from {@link #headEnd}.
     */
    private int readHead(byte[] b, int off, int n) throws IOException {
        int held = headLen;
        int k = Math.min(n, head.length - held);
        System.arraycopy(b, off, head, held, k);
        headLen += k;
        int body = FlightChunk.bodyStart(head, 0, headLen);
        if (body < 0 && n == k && headLen < head.length && mayStart(head, headLen)) {
            return 0; // not known yet
        }
        headLen = -1;
        if (body < 0) {
            flight = false;
            out.write(head, 0, held);
            out.write(b, off, n);
            return 0;
        }
        out.write(head, 0, body);
        if (held > body) {
            feed(head, body, held - body);
        }
        int fromB = Math.max(0, body - held); // bytes of b that were head
        headEnd = off + fromB;
        return n - fromB;
    }

    /** Whether the first {@code n} bytes of a script can still become a flight chunk's head. */
    private static boolean mayStart(byte[] h, int n) {
        int i = 0;
        while (i < n && ByteScan.isWs(h[i])) {
            i++;
        }
        byte[] push = FlightChunk.PUSH;
        for (int k = 0; k < push.length; k++, i++) {
            if (i == n) {
                return true;
            }
            if (h[i] != push[k]) {
                return false;
            }
        }
        while (i < n && h[i] >= '0' && h[i] <= '9') {
            i++;
        }
        return i == n || h[i] == ',' && i + 1 == n;
    }

    /** How a streamed script ends ({@link #finish}). */
    enum Outcome {
        /** A flight chunk, rewritten where it had to be: it runs. */
        KEPT,
        /** A flight chunk with something refused, or possibly refused, that could not be overwritten: it must not run. */
        STOPPED,
        /** Not a flight chunk, or not readable as one: the caller judges it as any script past the cap. */
        JUDGE
    }

    /** At the script's end: sends what is left and says how the script ends. */
    Outcome finish() throws IOException {
        if (headLen >= 0) { // too short to tell
            out.write(head, 0, headLen);
            headLen = -1;
            flight = false;
        }
        if (flight && tail < 0) {
            window(true);
            flight = false; // the string never ended
        }
        if (tail < TAIL.length) {
            flight = false;
        }
        return stop ? Outcome.STOPPED : flight ? Outcome.KEPT : Outcome.JUDGE;
    }

    /** The trackers whose URLs or elements were overwritten. */
    Set<TrackerMatch> rewritten() {
        return rewritten;
    }

    private void readTail(byte[] b, int off, int n) {
        for (int i = off; i < off + n && flight; i++) {
            byte c = b[i];
            if (tail < TAIL.length) {
                flight = c == TAIL[tail++];
            } else if (c == ';' && tail == TAIL.length) {
                tail++;
            } else {
                flight = ByteScan.isWs(c);
                tail = TAIL.length + 1; // no ';' after white space
            }
        }
    }

    /** Judges and sends the window; {@code last}: the string body ended in it (or the input did). */
    private void window(boolean last) throws IOException {
        int decodeEnd = last ? len : unitEnd(0, len - 16);
        int cut = last ? len : unitEnd(sent, len - LOOKAHEAD);
        JsString text = JsString.decode(buf, 0, decodeEnd);
        if (text == null) {
            passUndecodable();
            return;
        }
        byte[] t = text.bytes();
        int n = text.length();
        int from = decodedIndex(text, sent);
        int to = decodedIndex(text, cut);
        List<int[]> spans = new ArrayList<>();
        int seen = decoded;
        decoded = decodeEnd;
        refusedUrls(text, from, to, seen, last, spans);
        readImportRows(t, from, to, n, last);
        boolean elements = components.refusedElements(t, from, to, n, last, catalog, m -> {
            boolean refuse = !decision.allowsAll(m.categories());
            if (refuse) {
                rewritten.add(m);
            }
            return refuse;
        }, spans, this::placedBeforeItsRow);
        if (!elements && gateComponents) {
            stop = true;
        }
        send(cut, text, spans);
    }

    /**
     * An escape the decoder does not know: judged as any script past the cap, and from here on the bytes pass
     * through, the window's unsent ones first.
     */
    private void passUndecodable() throws IOException {
        flight = false;
        out.write(buf, sent, len - sent);
        sent = 0;
        len = 0;
    }

    /**
     * Adds to {@code spans} the refused tracker URLs whose first byte is in the window's judged part
     * {@code text[from, to)} (decoded text); stops the script where one could not be judged whole ({@code seen}: the
     * source bytes the windows before decoded).
     */
    private void refusedUrls(JsString text, int from, int to, int seen, boolean last, List<int[]> spans) {
        byte[] t = text.bytes();
        int n = text.length();
        FlightUrls.ChildrenText children = new FlightUrls.ChildrenText(t, n);
        FlightUrls.UrlEnds urls = new FlightUrls.UrlEnds(t, n);
        catalog.locateHosts(t, 0, n, (start, end, m) -> {
            if (decision.allowsAll(m.categories())) {
                return;
            }
            int[] url = urls.around(start, end);
            if (url[0] < from) {
                if (text.source(end) > seen) {
                    stop = true; // the window that judged the URL's start did not see its host: it went out as it was
                }
                return; // judged by the window before
            }
            if (url[0] >= to) {
                return; // judged by the next
            }
            if (url[1] == n && !last) {
                stop = true; // it may go on past the window
            } else if (!children.at(url)) {
                spans.add(url);
                rewritten.add(m);
            }
        });
    }

    /**
     * Reads the end of an import row a window before left unfinished, then, once none is left so, the import rows
     * that start in the window's judged part {@code t[from, to)}.
     */
    private void readImportRows(byte[] t, int from, int to, int n, boolean last) {
        if (pendingRow != null) { // an import row a window before could not read to its end
            int rowEnd = ByteScan.find(t, from, n, "\n");
            if (rowEnd >= 0 || last) {
                components.readRowEnd(pendingRow, t, 0, rowEnd < 0 ? n : rowEnd, this::imported);
                pendingRow = null;
            }
        }
        String unfinished = pendingRow == null ? components.readImports(t, from, to, n, last, this::imported) : null;
        pendingRow = unfinished != null ? unfinished : pendingRow;
    }

    /** Sends the window from {@link #sent} to {@code cut} or the end of its last span, the spans overwritten. */
    private void send(int cut, JsString text, List<int[]> spans) throws IOException {
        int upTo = FlightChunk.writeOverwritten(buf, sent, cut, text, spans, out);
        sent = upTo;
        int keep = unitEnd(0, Math.max(0, sent - CONTEXT));
        System.arraycopy(buf, keep, buf, 0, len - keep);
        len -= keep;
        sent -= keep;
        decoded -= keep;
    }

    private void imported(String row) {
        if (gateComponents && (unresolvedForgotten || unresolved.contains(row))) {
            stop = true; // an element of it went out unread
        }
    }

    private void placedBeforeItsRow(String row) {
        if (unresolved.size() < MAX_UNRESOLVED) {
            unresolved.add(row);
        } else if (!unresolved.contains(row)) {
            unresolvedForgotten = true;
        }
    }

    /** The first index at or after {@code target} where an escape or a plain byte starts, counting from {@code from}. */
    private int unitEnd(int from, int target) {
        int i = from;
        while (i < target) {
            if (buf[i] != '\\') {
                i++;
            } else {
                byte e = buf[i + 1];
                int longer = e == 'u' ? JsString.bracedEnd(buf, i, len) : e >= '0' && e <= '7'
                    ? JsString.octalEnd(buf, i, len) : -1;
                i = longer > 0 ? longer : i + (e == 'u' ? 6 : e == 'x' ? 4 : e == '\r' && buf[i + 2] == '\n' ? 3
                    : JsString.isLineSeparator(buf, i + 1, len) ? 4 : 2);
            }
        }
        return i;
    }

    /** The first decoded byte that comes from source index {@code source} or later. */
    private static int decodedIndex(JsString text, int source) {
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (text.source(mid) < source) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
