package io.consentgate.html;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The byte tests and scans of the tokenizer's hot loops: HTML byte classes, and searches that read eight bytes at a
 * time (SWAR: the bytes of a little-endian {@code long} tested together, no branch per byte).
 */
final class ByteScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** Byte class: HTML whitespace. */
    private static final int WS = 1;
    /** Byte class: ends an attribute name. */
    private static final int ATTR_NAME_END = 2;
    /** Byte class: ends an unquoted attribute value. */
    private static final int VALUE_END = 4;
    /** Byte class: ends a tag name. */
    private static final int TAG_NAME_END = 8;
    /** The classes of each byte. */
    private static final byte[] CLASS = new byte[256];

    static {
        for (char c : new char[] {' ', '\n', '\t', '\r', '\f'}) {
            CLASS[c] = WS | ATTR_NAME_END | VALUE_END | TAG_NAME_END;
        }
        CLASS['/'] = ATTR_NAME_END | TAG_NAME_END;
        CLASS['='] = ATTR_NAME_END;
        CLASS['>'] = ATTR_NAME_END | VALUE_END | TAG_NAME_END;
    }

    /**
     * A 64-bit hash of {@code b[from, to)}, eight bytes at a time, for recognising a text seen before (a cache whose
     * every hit is checked against nothing else must only skip work whose skipping is safe: two texts may share one).
     */
    static long hash(byte[] b, int from, int to) {
        long h = 0x9E3779B97F4A7C15L ^ (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) LONGS.get(b, i)) * 0xFF51AFD7ED558CCDL;
            h ^= h >>> 32;
        }
        for (; i < to; i++) {
            h = (h ^ b[i]) * 0xC4CEB9FE1A85EC53L;
        }
        return h ^ h >>> 29;
    }

    /** The index of the first {@code c} in {@code b[p..limit)}, or {@code limit}; eight bytes at a time. */
    static int indexOf(byte[] b, int p, int limit, char c) {
        long pattern = ONES * c;
        // Sixteen bytes per round while there is room: one branch for two words. The zero-byte test
        // (w - ONES) & ~w & HIGHS can flag a byte above a real zero (a borrow), never one below, so the lowest flag
        // is exact.
        while (p + 16 <= limit) {
            long w0 = (long) LONGS.get(b, p) ^ pattern;
            long w1 = (long) LONGS.get(b, p + 8) ^ pattern;
            long f0 = (w0 - ONES) & ~w0 & HIGHS;
            long f1 = (w1 - ONES) & ~w1 & HIGHS;
            if ((f0 | f1) != 0) {
                return f0 != 0 ? p + (Long.numberOfTrailingZeros(f0) >>> 3)
                    : p + 8 + (Long.numberOfTrailingZeros(f1) >>> 3);
            }
            p += 16;
        }
        while (p + 8 <= limit) {
            long w = (long) LONGS.get(b, p) ^ pattern;
            long found = (w - ONES) & ~w & HIGHS;
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            p += 8;
        }
        while (p < limit && b[p] != c) {
            p++;
        }
        return p;
    }

    /** Whether {@code b[p..to)} starts with the ASCII text {@code s}. */
    static boolean startsWith(byte[] b, int p, int to, String s) {
        if (p < 0 || p + s.length() > to) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[p + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first ASCII text {@code s} in {@code b[from..to)}, or -1. */
    static int find(byte[] b, int from, int to, String s) {
        for (int i = from; i + s.length() <= to; i++) {
            if (startsWith(b, i, to, s)) {
                return i;
            }
        }
        return -1;
    }

    /** The first index from {@code q} of a byte that ends an attribute name, or {@code limit}. */
    static int attrNameEnd(byte[] b, int q, int limit) {
        while (q + 8 <= limit) {
            long w = (long) LONGS.get(b, q);
            long stops = below(w, 0x21) | equal(w, '/') | equal(w, '=') | equal(w, '>');
            if (stops == 0) {
                q += 8;
                continue;
            }
            int k = q + (Long.numberOfTrailingZeros(stops) >>> 3);
            if ((CLASS[b[k] & 0xff] & ATTR_NAME_END) != 0) {
                return k;
            }
            q = k + 1; // a control byte below the space that is not whitespace: part of the name
        }
        while (q < limit && (CLASS[b[q] & 0xff] & ATTR_NAME_END) == 0) {
            q++;
        }
        return q;
    }

    /** The first index from {@code q} of an HTML whitespace byte, or {@code limit}. */
    static int whitespaceAt(byte[] b, int q, int limit) {
        while (q + 8 <= limit) {
            long stops = below((long) LONGS.get(b, q), 0x21);
            if (stops == 0) {
                q += 8;
                continue;
            }
            int k = q + (Long.numberOfTrailingZeros(stops) >>> 3);
            if ((CLASS[b[k] & 0xff] & WS) != 0) {
                return k;
            }
            q = k + 1;
        }
        while (q < limit && (CLASS[b[q] & 0xff] & WS) == 0) {
            q++;
        }
        return q;
    }

    /** The first index from {@code q} of a byte that ends an unquoted attribute value, or {@code limit}. */
    static int unquotedEnd(byte[] b, int q, int limit) {
        while (q + 8 <= limit) {
            long w = (long) LONGS.get(b, q);
            long stops = below(w, 0x21) | equal(w, '>');
            if (stops == 0) {
                q += 8;
                continue;
            }
            int k = q + (Long.numberOfTrailingZeros(stops) >>> 3);
            if ((CLASS[b[k] & 0xff] & VALUE_END) != 0) {
                return k;
            }
            q = k + 1;
        }
        while (q < limit && (CLASS[b[q] & 0xff] & VALUE_END) == 0) {
            q++;
        }
        return q;
    }

    /*
     * The three scans above differ only in their stop bytes. One method taking the class as a parameter measured
     * 6-7 % slower on the rewriter benchmark (7,360 against 7,880 pages/s of 150 KB), so they stay apart.
     *
     * Word-at-a-time byte tests (eight bytes of a little-endian long). Each returns 0x80 in the bytes that match;
     * a borrow can also flag a byte above a real match, never one below, so the lowest flag of any OR of these is
     * exact.
     */

    /** Bytes below {@code n} (n at most 0x80); bytes 0x80 and above never match. */
    static long below(long w, int n) {
        return (w - ONES * n) & ~w & HIGHS;
    }

    /** Bytes equal to {@code c}. */
    static long equal(long w, char c) {
        long x = w ^ (ONES * c);
        return (x - ONES) & ~x & HIGHS;
    }

    /** {@code w} with its ASCII upper-case letters lower-cased; every other byte unchanged. */
    static long toLower(long w) {
        long h = w & ~HIGHS;
        long atLeastA = h + ONES * (0x80 - 'A');
        long aboveZ = h + ONES * (0x7F - 'Z');
        long upper = atLeastA & ~aboveZ & ~w & HIGHS;
        return w | upper >>> 2;
    }

    static boolean isAlpha(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isWs(byte c) {
        return (CLASS[c & 0xff] & WS) != 0;
    }

    /** HTML (ASCII) whitespace as a character: space, TAB, LF, FF, CR. */
    static boolean isWs(char c) {
        return c < 0x80 && isWs((byte) c);
    }

    static boolean isAttrNameStop(byte c) {
        return (CLASS[c & 0xff] & ATTR_NAME_END) != 0;
    }

    /** Whether {@code c} ends a tag name: HTML whitespace, {@code /} or {@code >}. */
    static boolean endsTagName(byte c) {
        return (CLASS[c & 0xff] & TAG_NAME_END) != 0;
    }

    /** Whether {@code c} ends an unquoted attribute value: HTML whitespace or {@code >}. */
    static boolean endsUnquotedValue(byte c) {
        return (CLASS[c & 0xff] & VALUE_END) != 0;
    }

    /** The eight bytes at {@code b[p]} as a little-endian word. */
    static long word(byte[] b, int p) {
        return (long) LONGS.get(b, p);
    }

    /** Writes {@code w} as eight little-endian bytes at {@code b[p]}. */
    static void setWord(byte[] b, int p, long w) {
        LONGS.set(b, p, w);
    }

    private ByteScan() {
    }
}
