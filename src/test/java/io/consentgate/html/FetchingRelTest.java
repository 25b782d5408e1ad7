package io.consentgate.html;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The in-place {@code rel} token scan agrees with splitting on HTML whitespace and ASCII lower-casing. */
class FetchingRelTest {

    @ParameterizedTest(name = "[{index}] rel=\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "preconnect|true",
        "dns-prefetch|true",
        "PreLoad|true",
        "stylesheet preload|true",
        "  modulepreload  |true",
        "prefetch\tprerender|true",
        "stylesheet|true",
        "alternate stylesheet|true",
        "shortcut icon|true",
        "apple-touch-icon|true",
        "manifest|true",
        "canonical|false",
        "alternate|false",
        "me|false",
        "stylesheets|false",
        "preconnected|false",
        "pre connect|false",
        "icons|false",
        "''|false",
        "dn\u017f-prefetch|false",
        "prel\u0131oad|false",
        "stylesheet\u00a0preload|false",
    })
    void findsOnlyWholeAsciiCaseInsensitiveTokens(String rel, boolean expected) {
        assertEquals(expected, LinkRels.hasFetchingToken(rel));
    }
}
