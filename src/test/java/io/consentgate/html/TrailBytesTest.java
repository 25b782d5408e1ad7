package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrailBytesTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void onlyEncodingsWithAsciiTrailBytesAreMasked() {
        for (String label : new String[] {"shift_jis", "sjis", "gbk", "gb2312", "gb18030", "big5", "euc-kr",
            "ks_c_5601-1987"}) {
            assertNotNull(TrailBytes.of(EncodingSniffer.forLabel(label)), label);
        }
        assertNotNull(TrailBytes.of(Charset.forName("Shift_JIS")));
        for (String label : new String[] {"utf-8", "euc-jp", "windows-1251", "koi8-r", "iso-8859-2", "latin1"}) {
            assertNull(TrailBytes.of(EncodingSniffer.forLabel(label)), label);
        }
    }

    @Test
    void aBackslashTrailByteIsMaskedAndAQuoteAfterALeadByteIsNot() {
        TrailBytes sjis = TrailBytes.of(EncodingSniffer.forLabel("shift_jis"));
        byte[] in = "'\u8868'".getBytes(EncodingSniffer.forLabel("shift_jis")); // ' 0x95 0x5C '
        assertArrayEquals(bytes('\'', 0x95, 0x80, '\''), sjis.mask(in, 0, in.length));
        // a lead byte before a quote is an error, and the quote is read again as a quote, as the browser does
        byte[] broken = bytes('\'', 0x95, '\'', 'a');
        assertSame(broken, sjis.mask(broken, 0, broken.length));
        // half-width katakana are single bytes: the backslash after one is a backslash
        byte[] kana = bytes('\'', 0xB1, '\\', '\'');
        assertSame(kana, sjis.mask(kana, 0, kana.length));
        // bytes before from are left as they are
        assertSame(in, sjis.mask(in, 3, in.length));
    }

    @Test
    void eucKrEndsCharactersInLettersOnly() {
        Charset korean = EncodingSniffer.forLabel("euc-kr");
        TrailBytes kr = TrailBytes.of(korean);
        byte[] in = "'\ub620'".getBytes(korean); // windows-949: 0x8C 0x63, a letter
        assertArrayEquals(bytes('\'', 0x8C, 0x80, '\''), kr.mask(in, 0, in.length));
        byte[] backslash = bytes('\'', 0xB0, '\\', '\''); // no character: the browser reads a backslash
        assertSame(backslash, kr.mask(backslash, 0, backslash.length));
    }

    @Test
    void gb18030FourByteSequencesHaveTheirDigitsMasked() {
        Charset gb = EncodingSniffer.forLabel("gb18030");
        byte[] in = "x='\ud83d\ude00'".getBytes(gb); // four bytes: lead, digit, lead, digit
        assertEquals(8, in.length);
        byte[] masked = TrailBytes.of(gb).mask(in, 0, in.length);
        assertEquals((byte) 0x80, masked[4]);
        assertEquals((byte) 0x80, masked[6]);
        assertEquals(in[3], masked[3]);
        assertEquals(in[5], masked[5]);
        // 0xFF is no third byte: the browser reads both digits again as digits
        byte[] broken = bytes('\'', 0x81, '3', 0xFF, '7', '\'');
        assertSame(broken, TrailBytes.of(gb).mask(broken, 0, broken.length));
        // a page labelled gbk is decoded by the gb18030 decoder too (Encoding Standard), four-byte sequences and all
        Charset gbk = EncodingSniffer.forLabel("gbk");
        assertArrayEquals(masked, TrailBytes.of(gbk).mask(in, 0, in.length), gbk.name());
    }

    @Test
    void unmaskRestoresKeptTrailBytesAndLeavesBlankedOnesBlank() {
        Charset big5 = EncodingSniffer.forLabel("big5");
        byte[] in = "a='\u529f';b='\u8a31';".getBytes(big5); // both end in 0x5C
        byte[] masked = TrailBytes.of(big5).mask(in, 0, in.length);
        byte[] text = masked.clone();
        for (int i = 7; i < text.length; i++) {
            text[i] = ' '; // the second statement blanked
        }
        TrailBytes.unmask(in, masked, 0, text);
        byte[] expected = in.clone();
        for (int i = 7; i < expected.length; i++) {
            expected[i] = ' ';
        }
        assertArrayEquals(expected, text);
        byte[] ascii = "a='b';".getBytes(StandardCharsets.US_ASCII);
        byte[] same = ascii.clone();
        TrailBytes.unmask(ascii, ascii, 0, same);
        assertArrayEquals(ascii, same);
    }

    @Test
    void anAsciiByteAfterALeadByteThatMakesNoCharacterWithItIsReadAgainAsItself() {
        // The browser's decoders: a pair that is no character in the encoding's index is an error, and its second
        // byte, if ASCII, is read again on its own. A backslash there escapes the quote after it.
        TrailBytes sjis = TrailBytes.of(EncodingSniffer.forLabel("shift_jis"));
        for (int lead : new int[] {0x85, 0x86, 0x88, 0xEB, 0xEC, 0xEF, 0xFC}) { // rows with no such character
            byte[] in = bytes('\'', lead, '\\', '\'', ';');
            assertSame(in, sjis.mask(in, 0, in.length), Integer.toHexString(lead));
        }
        byte[] betweenDigitsAndLetters = bytes('\'', 0x82, '\\', '\'');
        assertSame(betweenDigitsAndLetters, sjis.mask(betweenDigitsAndLetters, 0, betweenDigitsAndLetters.length));
        byte[] fullWidthA = bytes('\'', 0x82, 0x60, '\'');
        assertArrayEquals(bytes('\'', 0x82, 0x80, '\''), sjis.mask(fullWidthA, 0, fullWidthA.length));

        TrailBytes big5 = TrailBytes.of(EncodingSniffer.forLabel("big5"));
        byte[] belowTheIndex = bytes('"', 0x83, '\\', '"'); // Big5's index starts at lead 0x87
        assertSame(belowTheIndex, big5.mask(belowTheIndex, 0, belowTheIndex.length));
        // a non-ASCII second byte is taken with such a lead, as the browser takes it: 0xA5 is no lead here
        byte[] taken = bytes('"', 0x83, 0xA5, '\\', '"');
        assertSame(taken, big5.mask(taken, 0, taken.length));
        assertArrayEquals(bytes('"', 0x87, 0x80, '"'), big5.mask(bytes('"', 0x87, 0x40, '"'), 0, 4));

        TrailBytes kr = TrailBytes.of(EncodingSniffer.forLabel("euc-kr"));
        byte[] pastTheExtension = bytes('\'', 0xC7, 'a', '\''); // windows-949's letters end at lead 0xC6
        assertSame(pastTheExtension, kr.mask(pastTheExtension, 0, pastTheExtension.length));
        byte[] pastItsEnd = bytes('\'', 0xC6, 'S', '\''); // and at 0xC6 0x52
        assertSame(pastItsEnd, kr.mask(pastItsEnd, 0, pastItsEnd.length));
        assertArrayEquals(bytes('\'', 0xC6, 0x80, '\''), kr.mask(bytes('\'', 0xC6, 'R', '\''), 0, 4));
    }
}
