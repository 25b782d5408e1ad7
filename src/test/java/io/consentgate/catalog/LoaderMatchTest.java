package io.consentgate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentgate.Category;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Loaders served from first-party proxies and server-side tagging hosts, matched by the path they keep. */
class LoaderMatchTest {

    private static final TrackerCatalog CATALOG = TrackerCatalog.bundled();

    /** URL | expected tracker id or "-" | expected categories ("-" when no match). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        https://sgtm.shop.example/gtm.js?id=GTM-ABC123               | google-tag | analytics+marketing
        //load.shop.example/gtm.js?id=GTM-ABC123&gtm_auth=x          | google-tag | analytics+marketing
        /metrics/gtag/js?id=G-XYZ789                                 | google-tag | analytics
        /gtag/js?l=dataLayer&id=AW-12345                             | google-tag | marketing
        https://www.shop.example/tags/gtag/js?id=g-xyz#frag          | google-tag | analytics
        https://stats.shop.example/matomo.js                         | matomo     | analytics
        /analytics/piwik.js?v=4                                      | matomo     | analytics
        https://cdn.shop.example/en_US/fbevents.js                   | meta-pixel | marketing
        https://stats.shop.example/js/plausible.js                   | plausible  | analytics
        https://acme.piwik.pro/ppms.js                               | piwik-pro  | analytics
        /analytics/ppms.js?v=2                                       | piwik-pro  | analytics
        https://stats.shop.example/umami.js                          | umami      | analytics
        https://stats.shop.example/script.js                         | -          | -
        /static/ppms.json                                            | -          | -
        /js/umami.js.map                                             | -          | -
        /js/myumami.js                                               | -          | -
        https://www.shop.example/tealium/utag/acme/main/prod/utag.js | tealium-iq | analytics+marketing
        /static/utag.sync.js?v=202405                                | tealium-iq | analytics+marketing
        /js/utag.json                                                | -          | -
        /js/myutag.js                                                | -          | -
        https://sgtm.shop.example/gtm.js                             | -          | -
        https://sgtm.shop.example/gtm.js?id=                         | -          | -
        https://sgtm.shop.example/gtm.js?xid=GTM-ABC                 | -          | -
        https://sgtm.shop.example/gtm.js?ref=x#id=GTM-ABC            | -          | -
        /static/mygtm.js?id=GTM-ABC                                  | -          | -
        /gtag/json?id=G-XYZ                                          | -          | -
        /gtag/js                                                     | -          | -
        https://gtm.js/?id=GTM-ABC                                   | -          | -
        /app/matomo.js.map                                           | -          | -
        /assets/app.js?src=/matomo.js                                | -          | -
        /docs/fbevents.js.html                                       | -          | -
        https://www.shop.example/metrics/?id=GTM-WX12AB3             | google-tag-gateway | analytics+marketing
        /metrics/?id=G-AB12CD34EF                                    | google-tag-gateway | analytics
        //www.shop.example/a1b2c3d4/?id=AW-123456789&l=dataLayer     | google-tag-gateway | marketing
        https://www.shop.example/?id=GTM-WX12AB3                     | -          | -
        /search/?q=shoes&id=12345                                    | -          | -
        /gallery/?id=G7-summer                                       | -          | -
        /metrics/?id=G-                                              | -          | -
        /wp-content/plugins/google-site-kit/fpm/measurement.php?id=G-AB12CD34EF&s=/gtag/js | google-tag-gateway | analytics
        /wp-content/plugins/google-site-kit/fpm/measurement.php?healthCheck=1              | -                  | -
        """)
    void matchesLoaderPathsOnAnyHost(String url, String id, String categories) {
        TrackerMatch m = CATALOG.matchLoader(url);
        if (id.equals("-")) {
            assertNull(m, url);
            return;
        }
        assertEquals(id, m.tracker().id(), url);
        Set<Category> expected = java.util.EnumSet.noneOf(Category.class);
        for (String c : categories.split("\\+")) {
            expected.add(Category.valueOf(c.toUpperCase(java.util.Locale.ROOT)));
        }
        assertEquals(expected, m.categories(), url);
    }

    @Test
    void operatorsAddLoadersInTheirCatalog() throws Exception {
        TrackerCatalog own = TrackerCatalog.bundled().withOverrides(TrackerCatalog.fromJson(new ObjectMapper().readTree(
            "{\"trackers\": [{\"id\": \"acme\", \"name\": \"Acme\", \"owner\": \"Acme\", \"categories\": [\"analytics\"],"
                + " \"loaders\": [\"/acme/tag.js?id=AS-\"], \"tagIds\": {\"AS-\": [\"analytics\"]}}]}")));
        assertEquals("acme", own.matchLoader("https://t.shop.example/acme/tag.js?id=AS-9").tracker().id());
        assertNull(own.matchLoader("https://t.shop.example/acme/tag.js?id=XS-9"));
        assertTrue(own.matchLoader("/gtm.js?id=GTM-A1") != null, "bundled loaders stay");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gtm.js", "/a", "/x.js?id", "/x.js?=a", "/x.js?a=b=c", "/x*.js", "/x.js?a=1&b=2",
        "/x.js#f", "/x y.js", "/?id="})
    void malformedLoadersAreRejectedWithTheField(String loader) {
        CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> TrackerCatalog.fromJson(
            new ObjectMapper().readTree("{\"trackers\": [{\"id\": \"acme\", \"name\": \"Acme\", \"owner\": \"Acme\","
                + " \"categories\": [\"analytics\"], \"loaders\": [\"" + loader + "\"]}]}")));
        assertTrue(e.getMessage().contains("\"loaders\""), e.getMessage());
    }
}
