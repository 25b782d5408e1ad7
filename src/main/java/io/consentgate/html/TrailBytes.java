package io.consentgate.html;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * The double-byte encodings whose characters can end in an ASCII byte: Shift_JIS, GBK and GB18030, Big5 and EUC-KR
 * (windows-949) as browsers decode them. {@code \u8868} is {@code 0x95 0x5C} in Shift_JIS and {@code \u529f}
 * {@code 0xA5 0x5C} in Big5: read byte by byte, the {@code \} of {@code '\u8868'} escapes the closing quote, so a
 * script's string never ends and its text cannot be read. Script text is read through a copy in which such trail
 * bytes are masked ({@link #mask}), and rewritten text gets them back ({@link #unmask}); never {@code <}, {@code >} or
 * a quote, they do not change how the markup reads. Immutable and thread-safe.
 */
final class TrailBytes {

    /** What a masked trail byte reads as: a non-ASCII byte, as the rest of the character is. No rewrite writes it. */
    private static final byte MASK = (byte) 0x80;

    /**
     * Shift_JIS and EUC-KR: the pairs with an ASCII second byte that are characters, read off the JDK's windows-31j and
     * windows-949, whose gaps there are those of the Encoding Standard's indexes (JIS X 0208 with the NEC and IBM rows
     * and the end-user area; the Unified Hangul Code). Not Big5: the JDK's Big5-HKSCS leaves out pairs the standard's
     * index has. Built on first use.
     */
    private static final class Tables {
        static final TrailBytes SHIFT_JIS = new TrailBytes(false, true, 0x81, characters("windows-31j"));
        static final TrailBytes EUC_KR = new TrailBytes(false, false, 0x81, characters("x-windows-949"));
    }

    /** Big5's index starts at lead 0x87 (pointer 942): a pair with an earlier lead is never a character. */
    private static final TrailBytes BIG5 = new TrailBytes(false, false, 0x87, null);
    private static final TrailBytes GB18030 = new TrailBytes(true, false, 0x81, null);

    /** Four-byte sequences (GB18030): lead, digit, lead, digit. */
    private final boolean fourByte;
    /** Shift_JIS: 0xA1 to 0xDF are single-byte katakana, not lead bytes. */
    private final boolean katakana;
    /** The first lead byte that makes a character with an ASCII byte after it. */
    private final int firstLead;
    /**
     * Which lead byte (0x81 to 0xFE) and ASCII byte (0x40 to 0x7E) make a character, at {@code (lead - 0x81) * 63 +
     * trail - 0x40}; null when every such pair from {@link #firstLead} on does (GBK, GB18030, Big5). Another pair is
     * an error to the browser's decoder, which reads the ASCII byte again as itself (the Encoding Standard's
     * "restore byte to ioQueue"): the rows Shift_JIS leaves empty (lead 0x85, 0x86, 0x88, 0xEB…), and in EUC-KR
     * (windows-949) every byte but a letter, and any byte after lead 0xC6 0x52.
     */
    private final boolean[] characters;

    private TrailBytes(boolean fourByte, boolean katakana, int firstLead, boolean[] characters) {
        this.fourByte = fourByte;
        this.katakana = katakana;
        this.firstLead = firstLead;
        this.characters = characters;
    }

    /** The pairs of a lead byte and an ASCII byte that {@code charset} decodes as one character. */
    private static boolean[] characters(String charset) {
        CharsetDecoder decoder = Charset.forName(charset).newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean[] characters = new boolean[126 * 63];
        byte[] pair = new byte[2];
        for (int lead = 0x81; lead <= 0xfe; lead++) {
            for (int trail = 0x40; trail <= 0x7e; trail++) {
                pair[0] = (byte) lead;
                pair[1] = (byte) trail;
                try {
                    characters[(lead - 0x81) * 63 + trail - 0x40] = decoder.decode(ByteBuffer.wrap(pair)).length() == 1;
                } catch (CharacterCodingException e) {
                    // no character: false
                }
            }
        }
        return characters;
    }

    /** The trail bytes of {@code cs}, or null for an encoding whose ASCII bytes are always ASCII characters. */
    static TrailBytes of(Charset cs) {
        return switch (cs.name()) {
            case "windows-31j", "Shift_JIS" -> Tables.SHIFT_JIS;
            case "GBK", "GB18030" -> GB18030; // the Encoding Standard decodes gbk with the gb18030 decoder
            case "Big5", "Big5-HKSCS" -> BIG5;
            case "x-windows-949", "EUC-KR" -> Tables.EUC_KR;
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
                if (i + 3 < to && isLead(b[i + 2] & 0xff) && (b[i + 3] & 0xff) >= '0' && (b[i + 3] & 0xff) <= '9') {
                    masked = masked != null ? masked : java.util.Arrays.copyOf(b, to);
                    masked[i + 1] = MASK;
                    masked[i + 3] = MASK;
                    i += 3;
                }
                continue;
            }
            boolean ascii = t < 0x80;
            if (ascii ? !endsCharacter(c, t) : t == 0xff) {
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

    /** Whether {@code c} is a lead byte of GB18030 (also a four-byte sequence's third byte). */
    private static boolean isLead(int c) {
        return c >= 0x81 && c <= 0xfe;
    }

    /** Whether lead byte {@code lead} and ASCII byte {@code t} after it are one character to the browser. */
    private boolean endsCharacter(int lead, int t) {
        if (t < 0x40 || t > 0x7e || lead < firstLead) {
            return false;
        }
        return characters == null || characters[(lead - 0x81) * 63 + t - 0x40];
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
