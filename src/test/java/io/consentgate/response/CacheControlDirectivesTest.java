package io.consentgate.response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code vary=private}: the application's {@code Cache-Control} made private, its own directives kept. */
class CacheControlDirectivesTest {

    private static String madePrivate(String... lines) {
        return CacheControlDirectives.madePrivate(List.of(lines));
    }

    @Test
    void noCacheControlBecomesPrivate() {
        assertEquals("private", CacheControlDirectives.madePrivate(List.of()));
        assertEquals("private", madePrivate(""));
        assertEquals("private", madePrivate(" , "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "public, max-age=600                       | private, max-age=600",
        "max-age=600                               | private, max-age=600",
        "s-maxage=600                              | private",
        "public, s-maxage=3600, max-age=60         | private, max-age=60",
        "max-age=60, PUBLIC, must-revalidate       | private, max-age=60, must-revalidate",
        "Public,Max-Age=60,S-MaxAge=600            | private, Max-Age=60",
        "no-cache                                  | private, no-cache",
        "no-cache, max-age=0, must-revalidate      | private, no-cache, max-age=0, must-revalidate",
        "max-age=60, stale-while-revalidate=30     | private, max-age=60, stale-while-revalidate=30",
        "immutable, max-age=31536000               | private, immutable, max-age=31536000",
    })
    void directivesThatLetASharedCacheStoreTheResponseGiveWayToPrivate(String app, String expected) {
        assertEquals(expected, madePrivate(app));
    }

    @Test
    void everyLineCounts() {
        assertEquals("private, max-age=600, must-revalidate", madePrivate("public, max-age=600", "must-revalidate"));
        assertEquals("private, max-age=600", madePrivate("public", "s-maxage=60", "max-age=600"));
    }

    @Test
    void privateOrNoStoreInAnyLineOrCaseIsLeftAsItIs() {
        assertNull(madePrivate("private"));
        assertNull(madePrivate("private, max-age=600"));
        assertNull(madePrivate("max-age=600, PRIVATE"));
        assertNull(madePrivate("public, max-age=600", "no-store"));
        assertNull(madePrivate("No-Store"));
        assertNull(madePrivate("no-cache, no-store, max-age=0, must-revalidate"));
    }

    /**
     * {@code private="Set-Cookie"} lets a shared cache store the response without the fields it names (RFC 9111,
     * 5.2.2.7): the body goes to every visitor, so it is made private as a whole.
     */
    @Test
    void aQualifiedPrivateIsNoPrivateForTheBody() {
        assertEquals("private, max-age=600", madePrivate("public, private=\"Set-Cookie\", max-age=600"));
        assertEquals("private, max-age=60", madePrivate("private=\"Set-Cookie, X-Id\", max-age=60"));
    }

    @Test
    void commasInsideQuotedValuesDoNotSplitDirectives() {
        assertEquals("private, no-cache=\"Set-Cookie, public\", max-age=60",
                madePrivate("public, no-cache=\"Set-Cookie, public\", max-age=60"));
        assertEquals("private, ext=\"a\\\"b, s-maxage=1\", max-age=5", madePrivate("ext=\"a\\\"b, s-maxage=1\", max-age=5"));
    }

    @Test
    void aDirectiveMerelyStartingWithPrivateOrNoStoreIsAnother() {
        assertEquals("private, private-ish, max-age=5", madePrivate("private-ish, max-age=5"));
        assertEquals("private, no-store-later", madePrivate("no-store-later"));
    }
}
