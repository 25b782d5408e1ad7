package io.consentgate.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogTextTest {

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("plain text", "plain text"),
                Arguments.of(null, "-"),
                Arguments.of("", "-"),
                Arguments.of("say \"hi\"", "say \\\"hi\\\""),
                Arguments.of("C:\\temp", "C:\\\\temp"),
                Arguments.of("a\r\nb", "a\\x0d\\x0ab"),
                Arguments.of("tab\there", "tab\\x09here"),
                Arguments.of("nul\u0000", "nul\\x00"),
                Arguments.of("\u001b[31mred\u001b[0m", "\\x1b[31mred\\x1b[0m"),
                Arguments.of("bell\u0007", "bell\\x07"),
                Arguments.of("del\u007f", "del\\x7f"),
                Arguments.of("c1\u0080\u0085\u009b\u009f", "c1\\x80\\x85\\x9b\\x9f"),
                Arguments.of("nbsp\u00a0ok", "nbsp\u00a0ok"),
                Arguments.of("ls\u2028ps\u2029", "ls\\u2028ps\\u2029"),
                Arguments.of("bidi\u202egnp.exe", "bidi\\u202egnp.exe"),
                Arguments.of("iso\u2066x\u2069", "iso\\u2066x\\u2069"),
                Arguments.of("\ufeffbom", "\\ufeffbom"),
                Arguments.of("lone\ud800", "lone\\ud800"),
                Arguments.of("\udc00lone", "\\udc00lone"),
                Arguments.of("pair \ud83d\ude00 ok", "pair \ud83d\ude00 ok"),
                Arguments.of("Gr\u00fc\u00dfe \u65e5\u672c", "Gr\u00fc\u00dfe \u65e5\u672c"),
                Arguments.of("\\\"", "\\\\\\\""));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("escapes")
    void escapesEveryUnsafeCharacterForNcsa(String raw, String expected) {
        assertEquals(expected, LogText.ncsa(raw, 1024));
    }

    @Test
    void escapedTextHasNoControlCharacterLeft() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c);
        }
        String escaped = LogText.ncsa(all.toString(), 100_000);
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            assertFalse(Character.isISOControl(c) || c == '\u2028' || c == '\u2029',
                    "unescaped U+" + Integer.toHexString(c));
        }
    }

    @Test
    void truncatesLongValuesWithAMarker() {
        String value = "x".repeat(2000);
        String cut = LogText.truncate(value, 1024);
        assertEquals(1024 + LogText.TRUNCATED.length(), cut.length());
        assertTrue(cut.endsWith("...[truncated]"));
        assertEquals(value.substring(0, 1024), cut.substring(0, 1024));
        assertEquals("short", LogText.truncate("short", 5));
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        String value = "abc\ud83d\ude00def";
        assertEquals("abc...[truncated]", LogText.truncate(value, 4));
        assertEquals("abc\ud83d\ude00...[truncated]", LogText.truncate(value, 5));
    }

    @Test
    void truncatesBeforeEscapingSoTheMarkerStaysReadable() {
        assertEquals("\\x0a\\x0a...[truncated]", LogText.ncsa("\n\n\n\n", 2));
    }

    @Test
    void replacesUnpairedSurrogatesForJson() {
        assertEquals("a\ufffdb\ud83d\ude00\ufffd", LogText.wellFormed("a\udc00b\ud83d\ude00\ud800"));
        String clean = "nothing to do";
        assertSame(clean, LogText.wellFormed(clean));
    }
}
