package io.consentgate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * URLs that a browser or a server reads as a tracker's although they are not written in the usual form: a path
 * rule must hold for a percent-escaped path, and a relative URL resolves against a scheme-relative base.
 */
class UrlEquivalenceTest {

    private static final TrackerCatalog CATALOG = TrackerCatalog.bundled();

    /** Expected tracker id, or "-" for no match; base "-" means none. */
    @ParameterizedTest(name = "[{index}] {0} (base {1}) -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        https://www.facebook.com/%74r?id=1&ev=PageView   | -                        | meta-pixel
        https://www.facebook.com/%74%72/?id=1            | -                        | meta-pixel
        https://www.facebook.com/t%52?id=1               | -                        | -
        https://www.facebook.com/%2e/%74r?id=1           | -                        | meta-pixel
        https://www.facebook.com/%61cme                  | -                        | -
        https://www.facebook.com/acme?next=%2Ftr         | -                        | -
        https://www.facebook.com/%74rending              | -                        | -
        tr?id=1&ev=PageView                              | //www.facebook.com/      | meta-pixel
        /tr?id=1                                         | //www.facebook.com/a/b   | meta-pixel
        tr?id=1                                          | \\\\www.facebook.com\\   | meta-pixel
        gtm.js?id=GTM-1                                  | //www.googletagmanager.com/ | google-tag
        tr?id=1                                          | //www.example.org/       | -
        tr?id=1                                          | /static/                 | -
        """)
    void matchesTheUrlTheBrowserRequests(String url, String base, String expected) {
        TrackerMatch m = CATALOG.matchUrl(url, base.equals("-") ? null : base);
        assertEquals(expected, m == null ? "-" : m.tracker().id());
    }

    /** Code points IDNA drops from a host: Chromium requests www.facebook.com for each of these. */
    @ParameterizedTest
    @ValueSource(strings = {"\u034f", "\u180b", "\u180f", "\ufe00", "\u2060", "\u2064", "\ud82f\udca0",
        "\udb40\udd00", "\u200b", "\u00ad", "\ufeff"})
    void dropsTheCodePointsIdnaIgnoresFromTheHost(String ignored) {
        TrackerMatch m = CATALOG.matchUrl("https://www.faceb" + ignored + "ook.com/tr?id=1", null);
        assertEquals("meta-pixel", m == null ? "-" : m.tracker().id());
        assertNull(CATALOG.matchUrl("https://www.faceb" + ignored + "ook.com.example.org/tr?id=1", null));
    }
}
