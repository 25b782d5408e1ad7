package io.consentgate.html;

import java.nio.charset.StandardCharsets;

/**
 * Builds a rewritten start tag from the tokenizer's current tag: copies it byte for byte except for renamed, removed
 * or inserted attributes. Reused per stream.
 */
final class TagWriter {

    /** Attribute edit kinds. */
    static final byte KEEP = 0;
    static final byte DROP = 1;
    static final byte ADD_DATA_PREFIX = 2;
    static final byte ADD_CONSENT_PREFIX = 3;
    static final byte STRIP_DATA_PREFIX = 4;
    static final byte STRIP_CONSENT_PREFIX = 5;

    private static final byte[] DATA = "data-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONSENT = "data-consent-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SPACE = {' '};

    byte[] out = new byte[512];
    int len;
    private byte[] edits = new byte[16];

    /** Clears the edits for a tag with {@code attrCount} attributes. */
    void reset(int attrCount) {
        if (edits.length < attrCount) {
            edits = new byte[Math.max(attrCount, edits.length * 2)];
        }
        java.util.Arrays.fill(edits, 0, attrCount, KEEP);
        len = 0;
    }

    void edit(int attr, byte kind) {
        edits[attr] = kind;
    }

    /** Writes the tag with the edits applied and {@code insert} (ASCII) added before its closing {@code >}. */
    void build(Tokenizer t, String insert) {
        byte[] b = t.buf;
        int[] a = t.attrs;
        int cursor = t.tagStart;
        boolean unquotedBefore = false; // the last attribute kept has an unquoted value
        for (int i = 0; i < t.attrCount; i++) {
            int base = i * Tokenizer.STRIDE;
            int nameStart = a[base + Tokenizer.A_NAME];
            if (edits[i] != DROP) {
                unquotedBefore = a[base + Tokenizer.A_VALUE] >= 0
                    && a[base + Tokenizer.A_VALUE_END] == a[base + Tokenizer.A_END];
            }
            switch (edits[i]) {
                case DROP:
                    append(b, cursor, a[base + Tokenizer.A_PREV]);
                    cursor = a[base + Tokenizer.A_END];
                    if (cursor < t.tagEnd && (b[cursor] == '/' ? unquotedBefore
                        : !ByteScan.isWs(b[cursor]) && b[cursor] != '>')) {
                        // the next attribute followed this one's quote directly: without a space it would join the
                        // name before it (<script type="text/plain"async> must not become <scriptasync>); and a
                        // closing slash would join an unquoted value before it (<script a=x/> is not self-closing)
                        append(SPACE);
                    }
                    break;
                case ADD_DATA_PREFIX:
                case ADD_CONSENT_PREFIX:
                    append(b, cursor, nameStart);
                    append(edits[i] == ADD_DATA_PREFIX ? DATA : CONSENT);
                    cursor = nameStart;
                    break;
                case STRIP_DATA_PREFIX:
                case STRIP_CONSENT_PREFIX:
                    append(b, cursor, nameStart);
                    cursor = nameStart + (edits[i] == STRIP_DATA_PREFIX ? DATA.length : CONSENT.length);
                    break;
                default:
                    break;
            }
        }
        int close = closeStart(t);
        append(b, cursor, Math.max(cursor, close));
        if (insert != null) {
            append(insert.getBytes(StandardCharsets.US_ASCII));
        }
        append(b, Math.max(cursor, close), t.tagEnd);
    }

    /** Where the tag's closing {@code >} or {@code />} starts. */
    static int closeStart(Tokenizer t) {
        return t.selfClosing ? t.tagEnd - 2 : t.tagEnd - 1;
    }

    private void append(byte[] src) {
        append(src, 0, src.length);
    }

    void append(byte[] src, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        if (len + n > out.length) {
            byte[] o = new byte[Math.max(len + n, out.length * 2)];
            System.arraycopy(out, 0, o, 0, len);
            out = o;
        }
        System.arraycopy(src, from, out, len, n);
        len += n;
    }
}
