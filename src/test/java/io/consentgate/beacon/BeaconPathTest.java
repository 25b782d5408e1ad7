package io.consentgate.beacon;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BeaconPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/g/collect, /g/collect",
        "//g//collect, /g/collect",
        "/g/collect;jsessionid=ABC123, /g/collect",
        "/g;x=1/collect;jsessionid=ABC123, /g/collect",
        "/g%2fcollect, /g/collect",
        "/g%2Fcollect, /g/collect",
        "/x/../g/collect, /g/collect",
        "/x/..;y/g/collect, /g/collect",
        "/x/%2e%2e/g/collect, /g/collect",
        "/./g/./collect, /g/collect",
        "/../../g/collect, /g/collect",
        "/g/collect/, /g/collect",
        "/g/collect//, /g/collect",
        "/g/collect?v=2&tid=G-X, /g/collect",
        "/g/coll%65ct, /g/collect",
        "/, /",
        "'', /",
        "/;jsessionid=x, /",
        "/caf%C3%A9/collect, /café/collect",
        "/a%3Bb/c, /a;b/c",
        "/%252f, /%2f",
        "/.well-known/gpc.json, /.well-known/gpc.json",
        "/a/..b/.c, /a/..b/.c",
        "/g/collect/., /g/collect",
        "/g/collect/.., /g",
        "/g/x/.., /g",
    })
    void normalizesRawPaths(String raw, String expected) {
        assertEquals(expected, BeaconPath.normalizeRaw(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/g%2", "/g%", "/g%zzcollect", "/g%2gcollect", "/%C3", "/%FF%FE", "/%C0%AF"})
    void malformedPercentEncodingGivesNoViewInsteadOfThrowing(String raw) {
        assertNull(BeaconPath.normalizeRaw(raw));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/g/collect, /g/collect",
        "/g//collect/, /g/collect",
        "/g/a/../collect, /g/collect",
        "/g%2fcollect, /g%2fcollect",
    })
    void resolvesTheContainerViewWithoutDecodingItAgain(String decoded, String expected) {
        assertEquals(expected, BeaconPath.resolve(decoded));
    }
    /**
     * A path of many segments is normalized in one pass: looking for each segment's {@code ;} or {@code %} must stop
     * at its end, or every segment scans on to the end of the path: 32 MB here, hours.
     */
    @ParameterizedTest
    @ValueSource(strings = {";x", "/%41"})
    void aPathOfManySegmentsIsNormalizedInOnePass(String tail) {
        String segments = "/a".repeat(1 << 24);
        String expected = tail.equals(";x") ? segments : segments + "/A";
        assertEquals(expected, BeaconPath.normalizeRaw(segments + tail));
    }
}
