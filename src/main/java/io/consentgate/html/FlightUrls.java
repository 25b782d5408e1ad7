package io.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a tracker URL is in the decoded text of a Next.js payload chunk ({@link FlightChunk}): from the host the
 * catalog found back to its scheme and on to its last URL byte, with slashes and URL bytes in any spelling the
 * payload writes them (an escaped slash, a hex escape, the doubled backslashes of a JSON string inside the string)
 * ({@link UrlEnds}); and whether such a URL is only an element's text, which loads nothing ({@link ChildrenText}).
 * Both remember what they read for the next host of the same text, so a text of many is read in linear work.
 */
final class FlightUrls {

    private static final byte[] ELEMENT_TYPE = "[\"$\",\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHILDREN = "\"children\":\"".getBytes(StandardCharsets.US_ASCII);
    /**
     * How far back from a URL its string's opening quote is looked for: a text longer than this before the URL is
     * not read as an element's text, and the URL is overwritten as anywhere else.
     */
    private static final int MAX_TEXT_READ_BACK = 64 * 1024;
    /** Slash spellings at the decoded level, longest first: a JSON string inside the payload doubles a backslash. */
    private static final String[] SLASHES = {"\\\\u002f", "\\u002f", "\\\\x2f", "\\x2f", "%2f", "\\\\/", "\\/", "/"};
    private static final boolean[] URL_BYTE = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            URL_BYTE[c] = Character.isLetterOrDigit(c) || "-._~:/?#@!$&*+,;=%".indexOf(c) >= 0;
        }
    }

    private FlightUrls() {
    }

    /**
     * Finds the URLs around the host literals of one decoded text ({@link #around}), remembering where the runs of
     * URL bytes it read go on to: the hosts of one long URL ({@code ?u=//host/…&v=//host/…}, a redirect chain or an
     * attacker's) are each read to the URL's end, which took the square of its length (seconds for a 64 KiB URL).
     */
    static final class UrlEnds {
        /** Runs read byte by byte before they are remembered: most URLs end sooner. */
        private static final int DIRECT = 256;
        private final byte[] t;
        private final int n;
        /** Per position a run of URL bytes was read through: where that run ends, + 1; 0 when not read. */
        private int[] endAt;

        UrlEnds(byte[] t, int n) {
            this.t = t;
            this.n = n;
        }

        /**
         * The URL around the host literal at {@code [start, end)}: from its scheme (or the {@code //} of a
         * scheme-relative URL), or from the host name when no {@code //} precedes it, to the last byte a URL can hold.
         */
        int[] around(int start, int end) {
            return urlAround(t, n, start, end, this);
        }

        /** The end of the run of URL units from {@code k}: a unit boundary of a run read before ends where it ends. */
        int runEnd(int k) {
            int to = k;
            for (int i = 0; i < DIRECT; i++) {
                int u = urlUnitAt(t, n, to);
                if (u <= 0) {
                    return to;
                }
                to += u;
            }
            if (endAt == null) {
                endAt = new int[n + 1];
            }
            int from = to;
            int runEnd = -1;
            while (true) {
                if (endAt[to] != 0) {
                    runEnd = endAt[to] - 1;
                    break;
                }
                int u = urlUnitAt(t, n, to);
                if (u <= 0) {
                    runEnd = to;
                    break;
                }
                to += u;
            }
            for (int b = from; b < to;) { // the boundaries read now lead there too
                endAt[b] = runEnd + 1;
                b += urlUnitAt(t, n, b);
            }
            endAt[to] = runEnd + 1;
            return runEnd;
        }
    }

    /** See {@link UrlEnds#around}. */
    private static int[] urlAround(byte[] t, int n, int start, int end, UrlEnds ends) {
        int k = start;
        while (k > 0 && slashEndingAt(t, k) < 0 && isHostByte(t[k - 1])) {
            k--;
        }
        int s1 = slashEndingAt(t, k);
        int s2 = s1 < 0 ? -1 : slashEndingAt(t, s1);
        int from = k;
        if (s2 >= 0) {
            from = s2;
            if (from > 0 && t[from - 1] == ':') {
                int q = from - 1;
                while (q > 0 && isSchemeByte(t[q - 1])) {
                    q--;
                }
                if (q < from - 1 && Character.isLetter(t[q])) {
                    from = q;
                }
            }
        }
        return new int[] {from, ends.runEnd(end), FlightChunk.URL};
    }

    /**
     * Tells whether URL spans of one decoded text are in the text of an HTML element ({@code "children":"https://…"},
     * or a code sample in {@code <code>} that holds one): React renders it as text, as the server-rendered HTML beside
     * the payload shows it, and loads nothing. Overwriting it would make the two differ (a hydration mismatch). A props
     * object not read back to its element's head (past a streamed window's start) is not taken for one.
     *
     * <p>One per decoded text, asked about its URLs: what a reading back from one props key found (the head of the
     * object around a position, the opening bracket of a closing one) is remembered for the next, so that the many
     * {@code "children"} of one object are read back in linear work, not each to the object's head (a quarter-megabyte
     * chunk of such props took seconds).
     */
    static final class ChildrenText {
        /** Per position: 0 unknown; at a closing bracket its opening bracket + 2, or 1 when it has none; at a quote
         * read as a string's end outside brackets, the object start that reading found + 2 (1 for none). */
        private int[] memo;
        private final byte[] t;
        private final int n;
        private int[] pending = new int[16];
        private int[] passed = new int[16];
        /** Per props object start: its host element's tag name, or "" for none. */
        private final Map<Integer, String> hostNames = new HashMap<>();

        ChildrenText(byte[] t, int n) {
            this.t = t;
            this.n = n;
        }

        /**
         * Whether {@code url} is in the text of a host element: see {@link ChildrenText}. The whole text of any; part
         * of the text of one whose text is not code or style that fetches ({@code <script>}, {@code <style>}): a
         * code sample in {@code <code>}, a sentence in {@code <p>}.
         */
        boolean at(int[] url) {
            byte[] key = CHILDREN;
            int open = stringStartBefore(t, url[0], Math.max(0, url[0] - MAX_TEXT_READ_BACK));
            int k = open + 1 - key.length;
            if (open < 0 || k < 0 || url[1] >= n || !Arrays.equals(t, k, open + 1, key, 0, key.length)) {
                return false;
            }
            boolean whole = k + key.length == url[0] && t[url[1]] == '"';
            int p = objectStart(k);
            String name = hostNames.computeIfAbsent(p, o -> {
                String tag = hostElementName(t, o);
                return tag == null ? "" : tag;
            });
            return whole ? !name.isEmpty() : !name.isEmpty() && !name.equals("script") && !name.equals("style");
        }

        /** Start of the JSON object that holds the property at {@code k}, read backwards; -1 when not found. */
        private int objectStart(int k) {
            if (memo == null) {
                memo = new int[n];
            }
            int depth = 0;
            int open = 0;
            int seen = 0;
            for (int i = k - 1; i >= 0; i--) {
                byte c = t[i];
                if (c == '"' && !escapedAt(t, i)) {
                    if (depth == 0) {
                        if (memo[i] != 0) {
                            return found(seen, memo[i] - 2);
                        }
                        passed = push(passed, seen++, i);
                    }
                    i = stringStartBefore(t, i);
                    if (i < 0) {
                        return unmatched(open, seen);
                    }
                } else if (c == '}' || c == ']') {
                    int m = memo[i];
                    if (m == 1) {
                        return unmatched(open, seen);
                    }
                    if (m >= 2) {
                        i = m - 2; // over the brackets a reading before matched
                    } else {
                        pending = push(pending, open++, i);
                        depth++;
                    }
                } else if (c == '{' || c == '[') {
                    if (depth == 0) {
                        return found(seen, c == '{' ? i : -1);
                    }
                    memo[pending[--open]] = i + 2;
                    depth--;
                }
            }
            return unmatched(open, seen);
        }

        /** The reading found {@code start}: so would one from any quote it passed outside brackets. */
        private int found(int seen, int start) {
            for (int j = 0; j < seen; j++) {
                memo[passed[j]] = start + 2;
            }
            return start;
        }

        /** The reading ran out: the brackets it did not match have no match, the quotes it passed lead nowhere. */
        private int unmatched(int open, int seen) {
            for (int j = 0; j < open; j++) {
                memo[pending[j]] = 1;
            }
            return found(seen, -1);
        }

        private static int[] push(int[] a, int size, int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size] = v;
            return a;
        }
    }

    /**
     * The tag name when the props object that starts at {@code p} is a host element's ({@code ["$","code",null,{…}}, a
     * lower-case tag name), else null: a client component's ({@code "$L7"}) uses its children as its code wants.
     */
    private static String hostElementName(byte[] t, int p) {
        if (p < 1 || t[p - 1] != ',') {
            return null;
        }
        int k = p - 1; // the comma before the props: the element's key before it, null or a string
        if (k >= 4 && Arrays.equals(t, k - 4, k, FlightChunk.NULL, 0, FlightChunk.NULL.length)) {
            k -= 4;
        } else if (k >= 1 && t[k - 1] == '"') {
            k = stringStartBefore(t, k - 1);
        } else {
            return null;
        }
        if (k < 2 || t[k - 1] != ',' || t[k - 2] != '"') {
            return null;
        }
        int nameEnd = k - 2;
        int name = nameEnd;
        while (name > 0 && (t[name - 1] >= 'a' && t[name - 1] <= 'z' || t[name - 1] >= '0' && t[name - 1] <= '9'
            || t[name - 1] == '-')) {
            name--;
        }
        byte[] head = ELEMENT_TYPE;
        boolean host = name < nameEnd && t[name] >= 'a' && t[name] <= 'z' && name >= head.length
            && Arrays.equals(t, name - head.length, name, head, 0, head.length);
        return host ? new String(t, name, nameEnd - name, StandardCharsets.US_ASCII) : null;
    }

    /** Index of the opening quote of the JSON string whose closing quote is at {@code q}; -1 when none. */
    private static int stringStartBefore(byte[] t, int q) {
        return stringStartBefore(t, q, 0);
    }

    /** As {@link #stringStartBefore(byte[], int)}, looking no further back than {@code from}. */
    private static int stringStartBefore(byte[] t, int q, int from) {
        for (int i = q - 1; i >= from; i--) {
            if (t[i] == '"' && !escapedAt(t, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the byte at {@code i} follows an odd number of backslashes. */
    private static boolean escapedAt(byte[] t, int i) {
        int k = i;
        while (k > 0 && t[k - 1] == '\\') {
            k--;
        }
        return (i - k) % 2 == 1;
    }

    /** Start of a slash, in any spelling, that ends at {@code k}; -1 when none does. */
    private static int slashEndingAt(byte[] t, int k) {
        for (String form : SLASHES) {
            int s = k - form.length();
            if (s >= 0 && equalsIgnoreCase(t, s, form)) {
                return s;
            }
        }
        return -1;
    }

    /** Length of the URL byte or escaped URL character at {@code k}; 0 where the URL ends. */
    private static int urlUnitAt(byte[] t, int n, int k) {
        if (k >= n) {
            return 0;
        }
        int c = t[k] & 0xff;
        if (c != '\\') {
            return c < 128 && URL_BYTE[c] ? 1 : 0;
        }
        int e = k + 1 < n && t[k + 1] == '\\' ? k + 2 : k + 1;
        if (e >= n) {
            return 0;
        }
        if (t[e] == '/') {
            return e + 1 - k;
        }
        int digits = t[e] == 'u' ? 4 : t[e] == 'x' ? 2 : 0;
        if (digits == 0 || e + 1 + digits > n) {
            return 0;
        }
        int v = 0;
        for (int i = e + 1; i <= e + digits; i++) {
            int h = Character.digit(t[i], 16);
            if (h < 0) {
                return 0;
            }
            v = v * 16 + h;
        }
        return v < 128 && URL_BYTE[v] ? e + 1 + digits - k : 0;
    }

    private static boolean equalsIgnoreCase(byte[] t, int s, String form) {
        for (int i = 0; i < form.length(); i++) {
            int c = t[s + i];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != form.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean isHostByte(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
            || c == '.';
    }

    private static boolean isSchemeByte(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-'
            || c == '.';
    }
}
