package io.consentgate.html;

import java.nio.charset.Charset;

/**
 * The double-byte encodings whose characters can end in an ASCII byte: Shift_JIS, GBK, GB18030, Big5 and EUC-KR
 * (windows-949) as browsers decode them. {@code \u8868} is {@code 0x95 0x5C} in Shift_JIS and {@code \u529f}
 * {@code 0xA5 0x5C} in Big5: read byte by byte, the {@code \} of {@code '\u8868'} escapes the closing quote, so a
 * script's string never ends and its text cannot be read. Script text is read through a copy in which such trail
 * bytes are masked ({@link #mask}), and rewritten text gets them back ({@link #unmask}); never {@code <}, {@code >} or
 * a quote, they do not change how the markup reads. Immutable and thread-safe.
 */
final class TrailBytes {

    /** What a masked trail byte reads as: a non-ASCII byte, as the rest of the character is. No rewrite writes it. */
    private static final byte MASK = (byte) 0x80;

    private static final TrailBytes SHIFT_JIS = new TrailBytes(false, true, false);
    private static final TrailBytes DOUBLE_BYTE = new TrailBytes(false, false, false);
    private static final TrailBytes GB18030 = new TrailBytes(true, false, false);
    private static final TrailBytes EUC_KR = new TrailBytes(false, false, true);

    /** Four-byte sequences (GB18030): lead, digit, lead, digit. */
    private final boolean fourByte;
    /** Shift_JIS: 0xA1 to 0xDF are single-byte katakana, not lead bytes. */
    private final boolean katakana;
    /** EUC-KR: only letters end a character; another ASCII byte after a lead byte is read again as itself. */
    private final boolean lettersOnly;

    private TrailBytes(boolean fourByte, boolean katakana, boolean lettersOnly) {
        this.fourByte = fourByte;
        this.katakana = katakana;
        this.lettersOnly = lettersOnly;
    }

    /** The trail bytes of {@code cs}, or null for an encoding whose ASCII bytes are always ASCII characters. */
    static TrailBytes of(Charset cs) {
        return switch (cs.name()) {
            case "windows-31j", "Shift_JIS" -> SHIFT_JIS;
            case "GBK", "Big5", "Big5-HKSCS" -> DOUBLE_BYTE;
            case "x-windows-949", "EUC-KR" -> EUC_KR;
            case "GB18030" -> GB18030;
            default -> null;
        };
    }

    /**
     * {@code b[0..to)} with every ASCII byte in {@code [from, to)} that ends a character masked; {@code b} itself when
     * there is none. Offsets are those of {@code b}.
     */
    byte[] mask(byte[] b, int from, int to) {
        byte[] masked = null;
        for (int i = from; i + 1 < to; i++) {
            int c = b[i] & 0xff;
            if (c < 0x81 || c == 0xff || katakana && (c >= 0xa0 && c <= 0xdf || c >= 0xfd)) {
                continue;
            }
            int t = b[i + 1] & 0xff;
            if (fourByte && t >= '0' && t <= '9') {
                if (i + 3 < to && (b[i + 2] & 0xff) >= 0x81 && (b[i + 3] & 0xff) >= '0' && (b[i + 3] & 0xff) <= '9') {
                    masked = masked != null ? masked : java.util.Arrays.copyOf(b, to);
                    masked[i + 1] = MASK;
                    masked[i + 3] = MASK;
                    i += 3;
                }
                continue;
            }
            boolean ascii = t < 0x80;
            if (ascii ? t < 0x40 || t > 0x7e || lettersOnly && !isLetter(t) : t == 0xff) {
                continue; // no trail byte: the browser reads this byte again on its own
            }
            if (ascii) {
                masked = masked != null ? masked : java.util.Arrays.copyOf(b, to);
                masked[i + 1] = MASK;
            }
            i++;
        }
        return masked != null ? masked : b;
    }

    private static boolean isLetter(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /**
     * Puts the trail bytes that {@link #mask} hid back into {@code text}, a rewrite of {@code masked[from, from +
     * text.length)} of the same length: where the rewrite kept the masked byte and the byte before it.
     */
    static void unmask(byte[] original, byte[] masked, int from, byte[] text) {
        if (masked == original) {
            return;
        }
        for (int i = 0; i < text.length; i++) {
            int p = from + i;
            if (masked[p] != original[p] && text[i] == MASK && (i == 0 || text[i - 1] == original[p - 1])) {
                text[i] = original[p];
            }
        }
    }
}
