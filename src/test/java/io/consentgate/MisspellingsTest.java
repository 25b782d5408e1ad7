package io.consentgate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which known parameter an unknown key is taken for, against the real init-param table. */
class MisspellingsTest {

    private static List<String> nearest(String unknown) {
        return Misspellings.nearest(unknown, PolicyReader.PARAMETERS.keySet());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "gpc-refuse|gpc-refuses", "GPC_REFUSES|gpc-refuses", "gpcRefuses|gpc-refuses", "Gpc Refuses|gpc-refuses",
        "moed|mode", "Mode|mode", "dnt-refused|dnt-refuses", "consent-secert|consent-secret",
        "beacon-path|beacon-paths", "consentMaxAgeDays|consent-max-age-days", "consent-max-age|consent-max-age-days",
        "consent-secret-value|consent-secret", "access-log-format|access-log", "html-rewrites|html-rewrite",
        "trusted_proxy|trusted-proxies", "trusted-proxy|trusted-proxies", "policy_file|policy-file",
        "strip-request-cookie|strip-request-cookies", "gpc-header|gpc-headers",
    })
    void aNearNameIsTakenForTheKnownOne(String unknown, String meant) {
        assertEquals(List.of(meant), nearest(unknown));
    }

    @Test
    void aNameThatBeginsSeveralKnownOnesIsTakenForEach() {
        assertEquals(List.of("html-rewrite", "html-mode", "html-max-held-bytes", "html-on-overflow",
                "html-stub-globals"), nearest("html"));
        assertEquals(List.of("access-log", "access-log-ip-mask", "access-log-max-length"), nearest("access"));
        assertEquals(List.of("cookie-expiry-paths"), nearest("cookie"));
    }

    /** A far-fetched suggestion misleads more than none. */
    @ParameterizedTest
    @CsvSource({"catalog", "foo", "a", "gp", "secret", "trackers", "gpc-signal-refuses-everything", "html-rewriting"})
    void aFarNameIsTakenForNothing(String unknown) {
        assertEquals(List.of(), nearest(unknown));
    }

    @Test
    void aShortNameIsAllowedOneEditAndALongerOneTwo() {
        assertEquals(List.of("mode"), nearest("mods"));
        assertEquals(List.of(), nearest("mdoe-"), "two edits on a five-letter name");
        assertEquals(List.of("vary"), nearest("vray"));
        assertEquals(List.of("tk-header"), nearest("tk-heder"));
        assertEquals(List.of("tk-header"), nearest("tk-headr"));
        assertEquals(List.of(), nearest("tk-hdr"), "three edits");
    }

    @Test
    void theDistanceCountsASwapOfNeighboursOnceAndStopsAtTheLimit() {
        assertEquals(1, Misspellings.distance("moed", "mode", 2));
        assertEquals(2, Misspellings.distance("gpc-refuse", "gpc-refuses-", 2));
        assertEquals(3, Misspellings.distance("abc", "abcdefgh", 2));
        assertEquals(0, Misspellings.distance("mode", "mode", 2));
    }
}
