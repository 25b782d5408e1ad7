package io.consentgate.html;

import io.consentgate.catalog.Tracker;
import io.consentgate.catalog.TrackerCatalog;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A conservative, allocation-free pre-filter in front of {@link TrackerCatalog#matchUrl}: it reads the host of a
 * raw attribute value and answers "certainly not a tracker" when that host and none of its parent domains is a
 * catalog host. Anything it cannot read plainly (character references, percent escapes, backslashes, control or
 * non-ASCII bytes in the authority, IPv6 literals, non-http schemes) is passed to the catalog. Most URLs of a page
 * (its own images and links) are thus decided without creating a string.
 */
final class HostFilter {

    /** Verdicts. */
    static final int NOT_TRACKER = 0;
    static final int ASK_CATALOG = 1;

    /** Host bytes (letters, digits, {@code - . _}) lower-cased; 0 for every other byte. */
    private static final byte[] HOST_LOWER = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            byte v = (byte) c;
            if (isLetter(v) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_') {
                HOST_LOWER[c] = toLower(v);
            }
        }
    }

    /*
     * Byte classes of a URL, so the scheme and authority loops cost one table load per byte. The authority classes
     * are exclusive values under AUTHORITY_MASK: END ('/', '?', '#'), DELIMITER ('@', ':'), UNREADABLE ('&', '%',
     * '\\', '[', control and non-ASCII bytes); SCHEME and RELATIVE_SPECIAL are separate bits.
     */
    private static final int END = 1;
    private static final int DELIMITER = 2;
    private static final int UNREADABLE = 3;
    private static final int AUTHORITY_MASK = 3;
    private static final int SCHEME = 4;
    /** Bytes that can change how a relative URL resolves: ampersand, backslash, percent, TAB, LF, CR. */
    private static final int RELATIVE_SPECIAL = 8;
    private static final byte[] URL_CLASS = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            int k = 0;
            if (c == '/' || c == '?' || c == '#') {
                k = END;
            } else if (c == '@' || c == ':') {
                k = DELIMITER;
            } else if (c == '&' || c == '%' || c == '\\' || c == '[' || c < ' ' || c >= 0x80) {
                k = UNREADABLE;
            }
            if (isSchemeChar((byte) c)) {
                k |= SCHEME;
            }
            if (c == '&' || c == '\\' || c == '%' || c == '\t' || c == '\n' || c == '\r') {
                k |= RELATIVE_SPECIAL;
            }
            URL_CLASS[c] = (byte) k;
        }
    }

    private final byte[][] table;
    private final int mask;

    HostFilter(TrackerCatalog catalog) {
        Set<String> hosts = new HashSet<>();
        for (Tracker t : catalog.trackers()) {
            for (String h : t.hosts()) {
                int slash = h.indexOf('/');
                String host = (slash < 0 ? h : h.substring(0, slash)).toLowerCase(Locale.ROOT);
                while (host.endsWith(".")) {
                    host = host.substring(0, host.length() - 1);
                }
                hosts.add(host);
            }
        }
        int size = Integer.highestOneBit(Math.max(16, hosts.size() * 4)) * 2;
        table = new byte[size][];
        mask = size - 1;
        for (String h : hosts) {
            byte[] b = h.getBytes(StandardCharsets.US_ASCII);
            int i = hash(b, 0, b.length) & mask;
            while (table[i] != null) {
                i = (i + 1) & mask;
            }
            table[i] = b;
        }
    }

    /**
     * The verdict for the URL {@code b[from..to)} (raw attribute bytes).
     *
     * @param baseCandidate whether a relative URL could reach a tracker (there is a base URL on a catalog host)
     */
    int verdict(byte[] b, int from, int to, boolean baseCandidate) {
        return verdict(b, from, to, baseCandidate, null);
    }

    /**
     * As {@link #verdict(byte[], int, int, boolean)}, remembering in {@code memo} (one per stream) the start of the
     * last absolute URL found not to be a tracker, up to the end of its host ({@code https://cdn.example.com}):
     * pages repeat their own and their CDN's origin in nearly every URL, and one comparison of those bytes is
     * cheaper than reading the scheme and hashing each parent domain again. A URL that starts with exactly those
     * bytes, followed by its end or by {@code /}, {@code ?} or {@code #}, is read the same way to the same host.
     */
    int verdict(byte[] b, int from, int to, boolean baseCandidate, Memo memo) {
        while (from < to && (b[from] & 0xff) <= ' ') {
            from++;
        }
        if (memo != null) {
            int n = memo.len;
            if (n > 0 && to - from >= n && java.util.Arrays.equals(b, from, from + n, memo.origin, 0, n)
                && (from + n == to || (URL_CLASS[b[from + n] & 0xff] & AUTHORITY_MASK) == END)) {
                return NOT_TRACKER;
            }
        }
        int p = from;
        while (p < to && (URL_CLASS[b[p] & 0xff] & SCHEME) != 0) {
            p++;
        }
        if (p < to && b[p] == ':' && p > from && isLetter(b[from])) {
            if (!isHttp(b, from, p)) {
                return isWs(b, from, p) ? ASK_CATALOG : NOT_TRACKER; // the catalog matches web schemes only
            }
            p++;
            if (baseCandidate && !(p + 1 < to && b[p] == '/' && b[p + 1] == '/')) {
                return ASK_CATALOG; // https:tr is relative to a base of the same scheme, which may be a tracker's
            }
        } else if (to - from >= 2 && b[from] == '/' && b[from + 1] == '/') {
            p = from;
        } else {
            return hasSpecial(b, from, to) || baseCandidate ? ASK_CATALOG : NOT_TRACKER;
        }
        while (p < to && b[p] == '/') {
            p++;
        }
        int hostStart = p;
        int hostEnd = -1;
        for (; p < to; p++) {
            int k = URL_CLASS[b[p] & 0xff] & AUTHORITY_MASK;
            if (k == 0) {
                continue; // the common case: one table load per host byte
            }
            if (k == END) {
                break;
            }
            if (k == UNREADABLE) {
                return ASK_CATALOG;
            }
            if (b[p] == '@') {
                hostStart = p + 1;
                hostEnd = -1;
            } else if (hostEnd < 0) { // ':'
                hostEnd = p;
            }
        }
        if (hostEnd < 0 || hostEnd < hostStart) {
            hostEnd = p;
        }
        if (isCatalogHost(b, hostStart, hostEnd)) {
            return ASK_CATALOG;
        }
        // Remember the origin when it was read straight through: no user info and no port, and a host (with none,
        // "https:/" would pass as the origin of "https://www.facebook.com/tr", a '/' after its bytes).
        if (memo != null && hostEnd == p && hostEnd > hostStart && hostStart > from && b[hostStart - 1] == '/'
            && p - from <= memo.origin.length) {
            System.arraycopy(b, from, memo.origin, 0, p - from);
            memo.len = p - from;
        }
        return NOT_TRACKER;
    }

    /**
     * The last origin one stream found not to be a tracker's (see
     * {@link #verdict(byte[], int, int, boolean, Memo)}).
     */
    static final class Memo {
        final byte[] origin = new byte[96];
        int len;
    }

    /** Whether a relative URL's bytes contain anything that could change how it resolves. */
    private static boolean hasSpecial(byte[] b, int from, int to) {
        int stop = Math.min(to, from + 16);
        for (int i = from; i < stop; i++) {
            if ((URL_CLASS[b[i] & 0xff] & RELATIVE_SPECIAL) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether host {@code b[s..e)} or a parent domain is a catalog host; unreadable hosts count as yes. One pass
     * from the end: the hash runs right to left, so the hash of every parent domain ({@code c.example},
     * {@code b.c.example}, ...) is the value the loop holds when it meets the dot before it, and each byte is
     * validated and lower-cased by one table load on the way. Either outcome that answers yes (a catalog suffix or an unreadable
     * byte) ends the loop, so the order of the two checks does not change the answer.
     */
    private boolean isCatalogHost(byte[] b, int s, int e) {
        while (e > s && b[e - 1] == '.') {
            e--;
        }
        if (e == s) {
            return false;
        }
        int h = 0;
        for (int i = e - 1; i >= s; i--) {
            int c = HOST_LOWER[b[i] & 0xff];
            if (c == 0) {
                return true;
            }
            if (c == '.' && contains(b, i + 1, e, h)) { // h is the hash of the parent domain b[i+1..e)
                return true;
            }
            h = step(h, c);
        }
        return contains(b, s, e, h);
    }

    private boolean contains(byte[] b, int s, int e, int h) {
        int i = mix(h) & mask;
        for (byte[] t = table[i]; t != null; t = table[i]) {
            if (t.length == e - s && equalsLower(t, b, s)) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private static boolean equalsLower(byte[] lower, byte[] b, int s) {
        for (int k = 0; k < lower.length; k++) {
            if (lower[k] != toLower(b[s + k])) {
                return false;
            }
        }
        return true;
    }

    /** The hash of the lower-cased {@code b[s..e)}, read right to left as {@link #isCatalogHost} reads it. */
    private static int hash(byte[] b, int s, int e) {
        int h = 0;
        for (int i = e - 1; i >= s; i--) {
            h = step(h, toLower(b[i]));
        }
        return mix(h);
    }

    /** One byte of the hash: a rotate and an add, a two-cycle dependency chain per host byte. */
    private static int step(int h, int c) {
        return Integer.rotateLeft(h, 5) + c;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    private static byte toLower(byte c) {
        return c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
    }

    private static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSchemeChar(byte c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    }

    private static boolean isWs(byte[] b, int s, int colon) {
        int n = colon - s;
        return (n == 2 || (n == 3 && toLower(b[s + 2]) == 's')) && toLower(b[s]) == 'w' && toLower(b[s + 1]) == 's';
    }

    private static boolean isHttp(byte[] b, int s, int colon) {
        int n = colon - s;
        return (n == 4 || (n == 5 && toLower(b[s + 4]) == 's')) && toLower(b[s]) == 'h' && toLower(b[s + 1]) == 't'
            && toLower(b[s + 2]) == 't' && toLower(b[s + 3]) == 'p';
    }
}
