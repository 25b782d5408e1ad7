package io.consentgate.html;

import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * One inline script of a Next.js App Router page's React Server Components payload:
 * {@code self.__next_f.push([1,"…"])}, where the JavaScript string carries rows of the flight stream
 * ({@code ID:JSON\n}, {@code ID:I[…]\n} module imports, {@code ID:Tlen,text} text rows whose {@code len} is the text's
 * UTF-8 byte count in hex; a row may continue in the next chunk). The page's client code replays every chunk to
 * hydrate, so a chunk is never removed: a refused tracker URL in it (a {@code next/script} {@code src}, an inline
 * loader snippet carried as a string) is overwritten in place by {@code data:,} and {@code /} padding of the same
 * length in the decoded string, so every row, and every {@code T} row's byte count, stays valid. The browser runs such
 * a URL as a script whose text is a comment: no request, no error.
 *
 * <p>Only the URL's own bytes change: everything else in the chunk is kept byte for byte, escapes included.
 */
final class FlightChunk {

    /** Span kinds: a URL, overwritten by {@code data:,//…}; a whole element, overwritten by {@code null} and spaces. */
    static final int URL = 0;
    static final int ELEMENT = 1;

    static final byte[] PUSH = "self.__next_f.push([".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA_URL = "data:,".getBytes(StandardCharsets.US_ASCII);
    /** A {@code next/script} element's source prop, as the decoded payload writes it. */
    private static final String SRC_PROP = "\"src\":\"";
    /** The longest {@code "src"} value read as a loader URL. */
    private static final int MAX_SRC = 2048;
    static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);


    private FlightChunk() {
    }

    /**
     * Where the string literal of a flight chunk is: {@code [start, end)} of the bytes between its quotes, or
     * {@code null} when the script is not exactly {@code self.__next_f.push([N,"…"])} (white space and a {@code ;}
     * around it allowed).
     */
    static int[] stringBody(byte[] b, int off, int len) {
        int end = off + len;
        int start = bodyStart(b, off, len);
        if (start < 0) {
            return null;
        }
        int i = start;
        while (i < end && b[i] != '"') {
            i += b[i] == '\\' ? 2 : 1;
        }
        if (i + 2 >= end || b[i + 1] != ']' || b[i + 2] != ')') {
            return null;
        }
        int k = i + 3;
        if (k < end && b[k] == ';') {
            k++;
        }
        return skipWs(b, k, end) == end ? new int[] {start, i} : null;
    }

    /**
     * Where the string literal's body starts when the text starts as a flight chunk does,
     * {@code self.__next_f.push([N,"} (white space before it allowed); -1 when it does not. Only the start is read: a
     * chunk too long to hold ({@link StreamedFlight}) is recognized by it.
     */
    static int bodyStart(byte[] b, int off, int len) {
        int end = off + len;
        int i = skipWs(b, off, end);
        if (end - i < PUSH.length || !Arrays.equals(b, i, i + PUSH.length, PUSH, 0, PUSH.length)) {
            return -1;
        }
        i += PUSH.length;
        int digits = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i == digits || i + 1 >= end || b[i] != ',' || b[i + 1] != '"' ? -1 : i + 2;
    }

    /**
     * Overwrites every refused tracker URL in the chunk, and every element of a refused tag component
     * ({@link FlightComponents}).
     *
     * @param hosts      whether to look for tracker URLs (the script matched a refused tracker)
     * @param components the page's tag components so far; this chunk's import rows are added
     * @param refused    whether an occurrence's tracker is refused
     * @return the rewritten script text, or {@code null} when it is not a flight chunk or nothing in it is refused
     */
    static byte[] rewrite(byte[] b, int off, int len, boolean hosts, FlightComponents components,
                          TrackerCatalog catalog, Predicate<TrackerMatch> refused) {
        int[] body = stringBody(b, off, len);
        // a host or a component the raw script does not name may still be there once the string is decoded (a dot
        // written as an escape)
        boolean escapes = body != null && escapesHostBytes(b, body[0], body[1]);
        hosts = hosts || escapes;
        boolean elements = body != null && (escapes || components.mayConcern(b, body[0], body[1] - body[0]));
        if (body == null || !hosts && !elements) {
            return null;
        }
        JsString text = JsString.decode(b, body[0], body[1]);
        if (text == null) {
            return null;
        }
        List<int[]> spans = new ArrayList<>();
        if (hosts) {
            FlightUrls.ChildrenText children = new FlightUrls.ChildrenText(text.bytes(), text.length());
            FlightUrls.UrlEnds urls = new FlightUrls.UrlEnds(text.bytes(), text.length());
            catalog.locateHosts(text.bytes(), 0, text.length(), (start, end, m) -> {
                if (refused.test(m)) {
                    int[] url = urls.around(start, end);
                    if (!children.at(url)) {
                        spans.add(url);
                    }
                }
            });
            loaderSources(text.bytes(), text.length(), catalog, refused, spans);
        }
        if (elements) {
            components.readImports(text.bytes(), text.length());
            components.refusedElements(text.bytes(), text.length(), catalog, refused, spans);
        }
        if (spans.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(len);
        try {
            writeOverwritten(b, off, off + len, text, spans, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not throw
        }
        return out.toByteArray();
    }

    /**
     * Adds the {@code "src"} props whose value is a refused tracker's loader on a host the catalog cannot know:
     * {@code next/script} in a server component ({@code <Script src="https://sgtm.shop.example/gtm.js?id=GTM-…">}, a
     * self-hosted {@code /matomo.js}), whose client code inserts the script from the prop. Read only in a chunk that
     * names a refused tracker (a loader signature), as the host literals are; a value on a catalog host is theirs, and
     * one with an escape in it is left to them.
     */
    static void loaderSources(byte[] t, int n, TrackerCatalog catalog, Predicate<TrackerMatch> refused,
                              List<int[]> spans) {
        for (int p = ByteScan.find(t, 0, n, SRC_PROP); p >= 0; p = ByteScan.find(t, p, n, SRC_PROP)) {
            p += SRC_PROP.length();
            int end = p;
            while (end < n && t[end] != '"' && t[end] != '\\' && end - p <= MAX_SRC) {
                end++;
            }
            if (end >= n || t[end] != '"' || end == p) {
                continue;
            }
            String url = new String(t, p, end - p, StandardCharsets.UTF_8);
            if (catalog.matchUrl(url, null) != null) {
                continue;
            }
            TrackerMatch m = catalog.matchLoader(url);
            if (m != null && refused.test(m)) {
                spans.add(new int[] {p, end, URL});
            }
            p = end;
        }
    }

    /**
     * Whether the string body {@code [start, end)} writes with an escape a byte a host name can hold, or the
     * {@code $} of an element's reference ({@code \}{@code u0063}, {@code \x2e}, {@code \56}, {@code \.}), or breaks
     * a word with a line continuation: a host or a component may then be there only once it is decoded. The escapes a
     * payload holds anyway ({@code \"}, {@code \n}, {@code \}{@code u003c}, …) are not such.
     */
    static boolean escapesHostBytes(byte[] b, int start, int end) {
        for (int i = ByteScan.indexOf(b, start, end, '\\'); i + 1 < end; i = ByteScan.indexOf(b, i, end, '\\')) {
            byte e = b[i + 1];
            int digits = e == 'u' ? 4 : e == 'x' ? 2 : 0;
            if (digits > 0) {
                int v = 0;
                for (int k = i + 2; k < i + 2 + digits; k++) {
                    int h = k < end ? Character.digit(b[k], 16) : -1;
                    if (h < 0) {
                        return true; // a code point in braces and the like: read as possibly anything
                    }
                    v = v * 16 + h;
                }
                if (v < 128 && (FlightUrls.isHostByte((byte) v) || v == '$')) {
                    return true;
                }
            } else if (FlightUrls.isHostByte(e) && "nrtbfv0".indexOf(e) < 0 || e == '0' && i + 2 < end && isOctal(b[i + 2])
                || e == '$' || e == '\n' || e == '\r' || e < 0) {
                return true; // an identity escape of a host byte or '$', or a line continuation (also U+2028, U+2029)
            }
            i += 2;
        }
        return false;
    }

    /**
     * Writes {@code b[from, upTo)} to {@code out} with the source bytes of each span (decoded indexes of {@code text},
     * which was decoded from {@code b}) replaced by inert text of the span's decoded length; a span that starts inside
     * one before it is covered by it. The spans are sorted here. Returns where the written bytes end: {@code upTo}, or
     * the end of the last span when that is later.
     */
    static int writeOverwritten(byte[] b, int from, int upTo, JsString text, List<int[]> spans, OutputStream out)
        throws IOException {
        spans.sort((x, y) -> Integer.compare(x[0], y[0]));
        byte[] inert = new byte[64];
        int copied = from;
        int covered = 0;
        for (int[] s : spans) {
            if (s[0] < covered) {
                continue; // the same URL reported for a second tracker, or a host inside a URL already covered
            }
            int start = text.source(s[0]);
            int count = s[1] - s[0];
            out.write(b, copied, start - copied);
            if (inert.length < count) {
                inert = new byte[count];
            }
            out.write(inert, 0, inert(inert, 0, count, s[2]));
            copied = text.source(s[1]);
            covered = s[1];
        }
        int end = Math.max(upTo, copied);
        out.write(b, copied, end - copied);
        return end;
    }

    /**
     * Writes {@code count} bytes that load nothing: for an element {@code null} and spaces; for a URL
     * {@code data:,//…}, or colons when shorter than that.
     */
    static int inert(byte[] out, int n, int count, int kind) {
        if (kind == ELEMENT) {
            System.arraycopy(NULL, 0, out, n, NULL.length);
            Arrays.fill(out, n + NULL.length, n + count, (byte) ' ');
            return n + count;
        }
        if (count < DATA_URL.length) {
            Arrays.fill(out, n, n + count, (byte) ':');
            return n + count;
        }
        System.arraycopy(DATA_URL, 0, out, n, DATA_URL.length);
        Arrays.fill(out, n + DATA_URL.length, n + count, (byte) '/');
        return n + count;
    }

    private static boolean isOctal(byte c) {
        return c >= '0' && c <= '7';
    }

    private static int skipWs(byte[] b, int i, int end) {
        while (i < end && ByteScan.isWs(b[i])) {
            i++;
        }
        return i;
    }
}
