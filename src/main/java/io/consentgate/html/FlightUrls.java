package io.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a tracker URL is in the decoded text of a Next.js payload chunk ({@link FlightChunk}): from the host the
 * catalog found back to its scheme and on to its last URL byte, with slashes and URL bytes in any spelling the
 * payload writes them (an escaped slash, a hex escape, the doubled backslashes of a JSON string inside the string);
 * and whether such a URL is only an element's text, which loads nothing.
 */
final class FlightUrls {

    /** The span kind of a URL ({@link FlightChunk#URL}). */
    static final int URL = 0;

    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ELEMENT_TYPE = "[\"$\",\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHILDREN = "\"children\":\"".getBytes(StandardCharsets.US_ASCII);
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
     * The URL around the host literal at {@code [start, end)}: from its scheme (or the {@code //} of a
     * scheme-relative URL), or from the host name when no {@code //} precedes it, to the last byte a URL can hold.
     */
    static int[] urlAround(byte[] t, int n, int start, int end) {
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
        int to = end;
        for (int u = urlUnitAt(t, n, to); u > 0; u = urlUnitAt(t, n, to)) {
            to += u;
        }
        return new int[] {from, to, URL};
    }

    /**
     * Whether the URL span is the whole text of an HTML element ({@code "children":"https://…"}): React renders it as
     * text, as the server-rendered HTML beside the payload shows it, and loads nothing. Overwriting it would make the
     * two differ (a hydration mismatch). A props object not read back to its element's head (past a streamed window's
     * start) is not taken for one.
     */
    static boolean isChildrenText(byte[] t, int n, int[] url) {
        byte[] key = CHILDREN;
        int k = url[0] - key.length;
        return k >= 0 && url[1] < n && t[url[1]] == '"' && Arrays.equals(t, k, url[0], key, 0, key.length)
            && isHostElementProps(t, objectStart(t, k));
    }

    /**
     * Whether the props object that starts at {@code p} is a host element's ({@code ["$","code",null,{…}}, a lower-case
     * tag name): a client component's ({@code "$L7"}) uses its children as its code wants.
     */
    private static boolean isHostElementProps(byte[] t, int p) {
        if (p < 1 || t[p - 1] != ',') {
            return false;
        }
        int k = p - 1; // the comma before the props: the element's key before it, null or a string
        if (k >= 4 && Arrays.equals(t, k - 4, k, NULL, 0, NULL.length)) {
            k -= 4;
        } else if (k >= 1 && t[k - 1] == '"') {
            k = stringStartBefore(t, k - 1);
        } else {
            return false;
        }
        if (k < 2 || t[k - 1] != ',' || t[k - 2] != '"') {
            return false;
        }
        int nameEnd = k - 2;
        int name = nameEnd;
        while (name > 0 && (t[name - 1] >= 'a' && t[name - 1] <= 'z' || t[name - 1] >= '0' && t[name - 1] <= '9'
            || t[name - 1] == '-')) {
            name--;
        }
        byte[] head = ELEMENT_TYPE;
        return name < nameEnd && t[name] >= 'a' && t[name] <= 'z' && name >= head.length
            && Arrays.equals(t, name - head.length, name, head, 0, head.length);
    }

    /** Start of the JSON object that holds the property at {@code k}, read backwards; -1 when not found. */
    private static int objectStart(byte[] t, int k) {
        int depth = 0;
        for (int i = k - 1; i >= 0; i--) {
            byte c = t[i];
            if (c == '"' && !escapedAt(t, i)) {
                i = stringStartBefore(t, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '}' || c == ']') {
                depth++;
            } else if (c == '{' || c == '[') {
                if (depth == 0) {
                    return c == '{' ? i : -1;
                }
                depth--;
            }
        }
        return -1;
    }

    /** Index of the opening quote of the JSON string whose closing quote is at {@code q}; -1 when none. */
    private static int stringStartBefore(byte[] t, int q) {
        for (int i = q - 1; i >= 0; i--) {
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
