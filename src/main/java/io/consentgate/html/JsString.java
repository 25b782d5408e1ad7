package io.consentgate.html;

import java.util.Arrays;

/**
 * The value of a JavaScript string literal's body as UTF-8 bytes, with where each byte came from in the source, so
 * a span of the value can be replaced in the source without re-encoding anything around it.
 *
 * @param bytes   the value, UTF-8 (bytes past {@code length} are unused)
 * @param length  the value's byte count
 * @param sources for each value byte, the index of the source byte (or escape) it came from; entry {@code length} is
 *                the index after the body
 */
record JsString(byte[] bytes, int length, int[] sources) {

    /** Index in the source where value byte {@code i} (or, for {@code i == length}, the end) comes from. */
    int source(int i) {
        return sources[i];
    }

    /**
     * Decodes the body {@code [start, end)} of a string literal (without its quotes). Bytes other than escapes are
     * copied as they are (so the value is UTF-8 when the source is).
     *
     * @return the value, or {@code null} for an escape that is not one (a bad hex digit, a code point past
     *         U+10FFFF): a syntax error, the script does not run
     */
    static JsString decode(byte[] b, int start, int end) {
        Builder out = new Builder(end - start);
        int i = start;
        while (i < end) {
            if (b[i] != '\\') {
                out.add(b[i], i);
                i++;
                continue;
            }
            if (i + 1 >= end) {
                return null;
            }
            int next = escape(b, i, end, out);
            if (next < 0) {
                return null;
            }
            i = next;
        }
        return out.build(end);
    }

    /** Decodes the escape at {@code i} into {@code out}; returns the index after it, or -1. */
    private static int escape(byte[] b, int i, int end, Builder out) {
        byte e = b[i + 1];
        switch (e) {
            case 'n' -> out.add((byte) '\n', i);
            case 'r' -> out.add((byte) '\r', i);
            case 't' -> out.add((byte) '\t', i);
            case 'b' -> out.add((byte) '\b', i);
            case 'f' -> out.add((byte) '\f', i);
            case 'v' -> out.add((byte) 0x0b, i);
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int next = octalEnd(b, i, end);
                int v = 0;
                for (int k = i + 1; k < next; k++) {
                    v = v * 8 + b[k] - '0';
                }
                out.addCodePoint(v, i);
                return next;
            }
            case '\n' -> {
                // a line continuation adds nothing
            }
            case '\r' -> {
                return i + 2 < end && b[i + 2] == '\n' ? i + 3 : i + 2;
            }
            case (byte) 0xE2 -> {
                if (isLineSeparator(b, i + 1, end)) {
                    return i + 4; // U+2028 or U+2029 (UTF-8): a line continuation too
                }
                out.add(e, i);
            }
            case 'x' -> {
                int v = hex(b, i + 2, 2, end);
                if (v < 0) {
                    return -1;
                }
                out.addCodePoint(v, i);
                return i + 4;
            }
            case 'u' -> {
                return unicode(b, i, end, out);
            }
            default -> out.add(e, i);
        }
        return i + 2;
    }

    /**
     * The index after the octal escape at {@code i} ({@code \0}, {@code \143}: a classic script's legacy escape, up to
     * three digits while the value stays below 256), which starts with an octal digit.
     */
    static int octalEnd(byte[] b, int i, int end) {
        int max = b[i + 1] <= '3' ? 3 : 2;
        int k = i + 2;
        while (k < end && k < i + 1 + max && b[k] >= '0' && b[k] <= '7') {
            k++;
        }
        return k;
    }

    /** Whether {@code b[i, end)} starts with U+2028 or U+2029 in UTF-8, which end a line in JavaScript. */
    static boolean isLineSeparator(byte[] b, int i, int end) {
        return i + 2 < end && b[i] == (byte) 0xE2 && b[i + 1] == (byte) 0x80
            && (b[i + 2] == (byte) 0xA8 || b[i + 2] == (byte) 0xA9);
    }

    private static int unicode(byte[] b, int i, int end, Builder out) {
        int braced = bracedValue(b, i, end);
        if (braced >= 0) {
            out.addCodePoint(braced, i);
            return ByteScan.indexOf(b, i + 3, end, '}') + 1;
        }
        int v = hex(b, i + 2, 4, end);
        if (v < 0) {
            return -1;
        }
        if (Character.isHighSurrogate((char) v) && i + 11 < end && b[i + 6] == '\\' && b[i + 7] == 'u') {
            int low = hex(b, i + 8, 4, end);
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                out.addCodePoint(Character.toCodePoint((char) v, (char) low), i);
                return i + 12;
            }
        }
        out.addCodePoint(v, i);
        return i + 6;
    }

    /**
     * For a code point escape in braces at {@code i} ({@code \}{@code u{1F375}}: hex digits, any number of leading
     * zeros, a value up to U+10FFFF): the index after it; else -1.
     */
    static int bracedEnd(byte[] b, int i, int end) {
        return bracedValue(b, i, end) < 0 ? -1 : ByteScan.indexOf(b, i + 3, end, '}') + 1;
    }

    /** The value of the code point escape in braces at {@code i}, or -1 when there is none. */
    private static int bracedValue(byte[] b, int i, int end) {
        if (i + 3 >= end || b[i + 2] != '{') {
            return -1;
        }
        int v = 0;
        int k = i + 3;
        for (; k < end && b[k] != '}'; k++) {
            int h = Character.digit(b[k], 16);
            if (h < 0) {
                return -1;
            }
            v = v * 16 + h;
            if (v > 0x10FFFF) {
                return -1;
            }
        }
        return k > i + 3 && k < end ? v : -1;
    }

    private static int hex(byte[] b, int from, int digits, int end) {
        if (from + digits > end) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < from + digits; k++) {
            int h = Character.digit(b[k], 16);
            if (h < 0) {
                return -1;
            }
            v = v * 16 + h;
        }
        return v;
    }

    /** Grows the value and its source map together. */
    private static final class Builder {
        private byte[] bytes;
        private int[] sources;
        private int n;

        Builder(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
            sources = new int[bytes.length + 1];
        }

        void add(byte v, int source) {
            if (n == bytes.length) {
                bytes = Arrays.copyOf(bytes, n * 2);
                sources = Arrays.copyOf(sources, n * 2 + 1);
            }
            bytes[n] = v;
            sources[n++] = source;
        }

        /** UTF-8, a lone surrogate as its three-byte form (what a JavaScript engine's encoder counts it as). */
        void addCodePoint(int cp, int source) {
            if (cp < 0x80) {
                add((byte) cp, source);
            } else if (cp < 0x800) {
                add((byte) (0xc0 | cp >> 6), source);
                add((byte) (0x80 | cp & 0x3f), source);
            } else if (cp < 0x10000) {
                add((byte) (0xe0 | cp >> 12), source);
                add((byte) (0x80 | cp >> 6 & 0x3f), source);
                add((byte) (0x80 | cp & 0x3f), source);
            } else {
                add((byte) (0xf0 | cp >> 18), source);
                add((byte) (0x80 | cp >> 12 & 0x3f), source);
                add((byte) (0x80 | cp >> 6 & 0x3f), source);
                add((byte) (0x80 | cp & 0x3f), source);
            }
        }

        JsString build(int end) {
            sources[n] = end;
            return new JsString(bytes, n, sources);
        }
    }
}
