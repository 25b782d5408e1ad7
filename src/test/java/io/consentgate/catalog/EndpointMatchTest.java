package io.consentgate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointMatchTest {

    private static final TrackerCatalog CATALOG = TrackerCatalog.bundled();

    /** path | expected without generic | expected with generic. */
    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
        /g/collect                              | google-analytics | google-analytics
        /g/collect?v=2&tid=G-1                  | google-analytics | google-analytics
        /j/collect                              | google-analytics | google-analytics
        /mp/collect                             | google-analytics | google-analytics
        /collect                                | -                | google-analytics
        /matomo.php                             | matomo           | matomo
        /piwik.php                              | matomo           | matomo
        /tr                                     | -                | meta-pixel
        /api/event                              | -                | plausible
        /watch/12345                            | -                | -
        /ppms.php                               | piwik-pro        | piwik-pro
        /api/events                             | -                | datafast
        /api/events/                            | -                | datafast
        /api/events/123                         | -                | -
        /api/send                               | -                | umami
        /api/collect                            | -                | umami
        /.well-known/shopify/monorail/unstable/produce_batch | - | -
        /api/2024-07/graphql.json               | -                | -
        /api/sender                             | -                | -
        /com.snowplowanalytics.snowplow/tp2     | snowplow         | snowplow
        /2/httpapi                              | amplitude        | amplitude
        /v1/t                                   | -                | segment
        /track                                  | -                | mixpanel
        /i/v0/e/                                | posthog          | posthog
        /i/v0/e                                 | posthog          | posthog
        /e/                                     | -                | posthog
        /e                                      | -                | posthog
        /batch                                  | -                | posthog
        /g/collection                           | -                | -
        /b/ss/shopprod/1/JS-2.22.0/s1234        | adobe-analytics  | adobe-analytics
        /b/ssx/1                                | -                | -
        /.ghost/analytics/api/v1/page_hit       | ghost-stats      | ghost-stats
        /pirsch/hit                             | pirsch           | pirsch
        /pirsch/event                           | pirsch           | pirsch
        /pirsch/hits                            | -                | -
        /_vercel/insights/view                  | -                | -
        /cdn-cgi/zaraz/t                        | -                | -
        /rb_bf38172tbn                          | -                | dynatrace-rum
        /docs/b/ss/1                            | -                | -
        /G/COLLECT                              | -                | -
        /collect/                               | -                | google-analytics
        /g/collect//                            | google-analytics | google-analytics
        /                                       | -                | -
        /index.html                             | -                | -
        """)
    void matchesFirstPartyCollectionPaths(String path, String specific, String withGeneric) {
        TrackerMatch a = CATALOG.matchEndpoint(path);
        TrackerMatch b = CATALOG.matchEndpoint(path, true);
        assertEquals(specific, a == null ? "-" : a.tracker().id());
        assertEquals(withGeneric, b == null ? "-" : b.tracker().id());
    }

    /**
     * Every bundled endpoint matches the path the beacon gate hands over for it: the normalized request path, with no
     * trailing slash (a pattern that can never match gates nothing).
     */
    @Test
    void everyBundledEndpointMatchesItsNormalizedPath() {
        for (Tracker t : CATALOG.trackers()) {
            for (EndpointPattern p : CATALOG.endpointPatterns(t.id())) {
                String path = p.prefix() ? p.path() + "x" : p.path().replaceAll("(?<=.)/+$", "");
                TrackerMatch m = CATALOG.matchEndpoint(path, true);
                assertTrue(m != null, t.id() + " " + p + " does not match " + path);
            }
        }
    }

    @Test
    void emptyOrNullPathIsNoEndpoint() {
        assertEquals(null, CATALOG.matchEndpoint(null));
        assertEquals(null, CATALOG.matchEndpoint("", true));
    }

    @Test
    void exposesTheGenericFlag() {
        assertTrue(CATALOG.endpointPatterns("google-analytics").contains(new EndpointPattern("/collect", false, true)));
        assertTrue(CATALOG.endpointPatterns("google-analytics")
                .contains(new EndpointPattern("/g/collect", false, false)));
        assertTrue(CATALOG.tracker("google-analytics").orElseThrow().endpoints().contains("/collect"));
    }
}
