package io.consentgate.signal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CookieJarTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("a=1", "a", List.of("1")),
                Arguments.of(" a = 1 ", "a", List.of("1")),
                Arguments.of("a=\"1\"", "a", List.of("1")),
                Arguments.of("a=\"\"1\"\"", "a", List.of("\"1\"")),
                Arguments.of("a=\"", "a", List.of("\"")),
                Arguments.of("a=", "a", List.of("")),
                Arguments.of("a=x=y", "a", List.of("x=y")),
                Arguments.of("a=1;a=2", "a", List.of("1", "2")),
                Arguments.of("A=1; a=2", "a", List.of("2")),
                Arguments.of("a", "a", List.of()),
                Arguments.of("=1", "", List.of()),
                Arguments.of("a b=1", "a b", List.of()),
                Arguments.of("a=1, b=2", "a", List.of("1, b=2")),
                Arguments.of("a=1\tb", "a", List.of("1\tb")),
                Arguments.of(";;a=1;;", "a", List.of("1")),
                Arguments.of("b=2; a\u0000=1", "a\u0000", List.of()));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void splitsPairsDefensively(String line, String name, List<String> expected) {
        assertEquals(expected, CookieJar.parse(List.of(line)).all(name));
    }

    @Test
    void keepsValuesFromEveryHeaderLineInOrder() {
        CookieJar jar = CookieJar.parse(Arrays.asList("a=1; b=2", null, "a=3"));
        assertEquals(List.of("1", "3"), jar.all("a"));
        assertFalse(jar.truncated());
    }

    @Test
    void stopsAtTheLastCompletePairBeforeTheLineCap() {
        String first = "a=1; b=" + "x".repeat(CookieJar.MAX_LINE_CHARS - 20) + "; c=";
        CookieJar jar = CookieJar.parse(List.of(first + "y".repeat(100) + "; d=4"));
        assertEquals(List.of("1"), jar.all("a"));
        assertEquals(1, jar.all("b").size());
        assertEquals(List.of(), jar.all("c"));
        assertEquals(List.of(), jar.all("d"));
        assertTrue(jar.truncated());
    }

    @Test
    void capsLinesAndPairs() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < CookieJar.MAX_PAIRS + 1; i++) {
            many.add("c" + i + "=v");
        }
        CookieJar pairs = CookieJar.parse(List.of(String.join("; ", many)));
        assertTrue(pairs.truncated());
        assertEquals(List.of(), pairs.all("c" + CookieJar.MAX_PAIRS));
        CookieJar lines = CookieJar.parse(many.subList(0, CookieJar.MAX_LINES + 1));
        assertTrue(lines.truncated());
        assertEquals(List.of(), lines.all("c" + CookieJar.MAX_LINES));
        assertFalse(CookieJar.parse(many.subList(0, CookieJar.MAX_LINES)).truncated());
    }

    @Test
    void countsMalformedPairs() {
        assertEquals(3, CookieJar.parse(List.of("novalue; =x; a b=c; ok=1")).malformed());
    }
}
