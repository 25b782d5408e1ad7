package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tag loaders served from a first-party proxy or a server-side tagging host: the host says nothing, the loader's
 * path and tag id still do (catalog field {@code loaders}).
 */
class FirstPartyLoaderTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ANALYTICS = ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(),
        ConsentMode.OPT_IN);

    private static String rewrite(String html, ConsentDecision d) {
        return RewriteAssertions.rewrite(RewriteAssertions.REMOVE, html, d);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script async src=\"https://sgtm.shop.example/gtm.js?id=GTM-K7X2Q9\"></script>",
        "<script async src='/metrics/gtag/js?id=G-4RT8ZP1QWX'></script>",
        "<script src=//tags.shop.example/gtag/js?l=dataLayer&amp;id=AW-112233></script>",
        "<script defer data-domain=\"shop.example\" src=\"/stats/js/plausible.js\"></script>",
        "<script src=\"https://analytics.shop.example/matomo.js\" async></script>",
        "<link rel=\"preload\" as=\"script\" href=\"https://sgtm.shop.example/gtm.js?id=GTM-K7X2Q9\">",
        "<script type=\"rocketlazyloadscript\" data-rocket-src=\"/wp-content/cache/fbevents.js\"></script>",
        "<noscript><iframe src=\"https://sgtm.shop.example/ns.html?id=GTM-K7X2Q9\" height=\"0\" width=\"0\""
            + " style=\"display:none;visibility:hidden\"></iframe></noscript>",
        "<iframe src=\"/metrics/ns.html?id=GTM-K7X2Q9&amp;gtm_auth=x\" hidden></iframe>",
        // Path-relative: resolved into a directory of the page (or of a <base href> on the tagging host).
        "<script async src=\"gtm.js?id=GTM-K7X2Q9\"></script>",
        "<script src=gtag/js?id=G-4RT8ZP1QWX></script>",
        // Ghost 6's page-hit script and a publisher's Prebid.js build, both served by the site itself
        "<script defer src=\"/public/ghost-stats.min.js?v=5c4d3e2f1a\" data-datasource=\"analytics_events\""
            + " data-host=\"https://blog.example/.ghost/analytics/api/v1/page_hit\"></script>",
        "<script async src=\"/assets/ads/prebid.js\"></script>",
        "<script async src=\"https://cdn.jsdelivr.net/npm/prebid.js@8.52.0/dist/not-for-prod/prebid.js\"></script>",
        "<script defer src=\"/assets/google-tag-manager-3f2a9c1be07d5e48a1c2.js\" nonce=\"r4nd0m\"></script>",
        "<iframe src=\"ns.html?id=GTM-K7X2Q9\" height=\"0\" width=\"0\"></iframe>",
        // Self-hosted Umami v2 and Plausible Community Edition: a common file name, the tracker's own attribute
        "<script defer src=\"https://stats.shop.example/script.js\"\n"
            + "        data-website-id=\"94db1cb1-74f4-4a40-ad6c-962362670409\"></script>",
        "<script async DATA-WEBSITE-ID='3c1d7e0a-5b2f-4f7e-9d61-0a8b2c4e6f10' src=/script.js></script>",
        "<script defer data-domain=\"shop.example\" src=\"https://plausible.shop.example/js/script.js\"></script>",
        "<script defer data-domain=shop.example src=\"/js/script.outbound-links.tagged-events.js\"></script>",
        // Adobe's Tags library copied to the site (AEM's DAM, a theme), in production, development and staging
        "<script src=\"/content/dam/northwind/launch/launch-1d4e7c9b2f60.min.js\" async></script>",
        "<script src='https://static.shop.example/js/launch-5b8c0d2e9a11-development.min.js'></script>",
        "<link rel=\"preload\" as=\"script\" href=\"/js/adobe/launch-7f3e2a9c41d0-staging.min.js\">",
        // Umami and Plausible under a name a proxy or the server chose: two attributes of their embed code
        "<script defer data-domain=\"shop.example\" data-api=\"/stats/api/event\" src=\"/stats/x.js\"></script>",
        "<script async src=\"/js/pa-Xr4mQ9kLw2Tz.js\" data-domain=shop.example data-api='/ev'></script>",
        "<script defer\n        src=\"/_m/t.js\"\n        data-website-id=\"94db1cb1-74f4-4a40-ad6c-962362670409\"\n"
            + "        data-host-url=\"https://shop.example/_m\"></script>",
        "<script defer src=\"https://stats.shop.example/umami-tracker.js\" data-domains=\"shop.example\""
            + " data-website-id=\"3c1d7e0a-5b2f-4f7e-9d61-0a8b2c4e6f10\"></script>",
        // DataFast through its managed proxy or a proxy of the site's own: the same path, its two attributes
        "<script defer data-website-id=\"dfid_Hq3vK8wLm2Rt5Zp9\" data-domain=\"shop.example\""
            + " src=\"https://a.shop.example/js/script.js\"></script>",
        "<script\n  defer\n  data-website-id=\"dfid_Hq3vK8wLm2Rt5Zp9\"\n  data-domain=\"shop.example\"\n"
            + "  data-api-url=\"/df-events\"\n  src=\"/js/script.cookieless.js\"\n></script>",
        // Plausible's site-specific script through a proxy that keeps its path
        "<script async src=\"https://shop.example/js/pa-XyZ12abCDef3456ghIJkL.js\"></script>",
        // Segment's loader through a custom domain
        "<script async src=\"https://evs.shop.example/analytics.js/v1/9xQ2Lm4Kp7Rt/analytics.min.js\"></script>",
    })
    void aFirstPartyLoaderOfARefusedTrackerIsRemoved(String loader) {
        assertEquals("<p>a</p><p>b</p>", rewrite("<p>a</p>" + loader + "<p>b</p>", NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script src=\"/static/app.js\"></script>",
        "<script src=\"https://sgtm.shop.example/gtm.js\"></script>",
        "<script src=\"/js/gtm.js?id=main\"></script>",
        "<script src=\"/gtag/json?id=G-4RT8ZP1QWX\"></script>",
        "<img src=\"/gtm.js?id=GTM-K7X2Q9\" alt=\"\">",
        "<a href=\"https://sgtm.shop.example/gtm.js?id=GTM-K7X2Q9\">container</a>",
        "<link rel=\"canonical\" href=\"https://shop.example/gtm.js?id=GTM-K7X2Q9\">",
        "<iframe src=\"/help/ns.html?id=faq\" title=\"FAQ\"></iframe>",
        "<script src=\"/js/prebid-config.json\"></script><script src=\"/assets/google-tag-manager.js\"></script>",
        "<script src=\"/js/prebid-ads.js\"></script><script src=\"/assets/launch-ENV.js\"></script>",
        "<script src=\"/assets/google-tag-manager-x/app.js\"></script><script src=\"/prebid/.js\"></script>",
        "<script src=\"mygtm.js?id=GTM-K7X2Q9\"></script>",
        "<script src=\"js/app.js?id=GTM-K7X2Q9\"></script>",
        // a site's own script.js; the attribute on another element, or on a script of another name
        "<script src=\"/script.js\" defer></script><script src=\"/js/script.js\" data-page=\"home\"></script>",
        "<div data-website-id=\"94db1cb1-74f4-4a40-ad6c-962362670409\"><script src=\"/script.js\"></script></div>",
        "<script src=\"/js/app.js\" data-website-id=\"94db1cb1\"></script>",
        "<script src=\"/js/scripts.js\" data-domain=\"shop.example\"></script>",
        // one attribute of the two under a name of the site's own: a renamed Umami that carries only its website id
        // is not told from a widget's script with the same attribute name
        "<script defer src=\"/stats/x.js\" data-website-id=\"94db1cb1-74f4-4a40-ad6c-962362670409\"></script>",
        "<script src=\"/js/app.js\" data-api=\"/api/v2\" data-env=\"prod\"></script>",
        "<script src=\"/js/chat.js\" data-domain=\"shop.example\" data-position=\"right\"></script>",
        "<div data-domain=\"shop.example\" data-api=\"/ev\"><script src=\"/js/x.js\"></script></div>",
        "<link rel=\"stylesheet\" href=\"/css/x.css\" data-domain=\"shop.example\" data-api=\"/ev\">",
        "<link rel=\"preload\" as=\"script\" href=\"/script.js\">",
        // DataFast's queue stub and goal calls load nothing; its attributes on another element stay
        "<script id=\"datafast-queue\">\n  window.datafast = window.datafast || function () {\n"
            + "    window.datafast.q = window.datafast.q || [];\n"
            + "    window.datafast.q.push(arguments);\n  };\n</script>",
        "<button onclick=\"window.datafast('demo_requested')\">Demo</button>",
        "<div data-website-id=\"dfid_Hq3vK8wLm2Rt5Zp9\" data-domain=\"shop.example\">"
            + "<script src=\"/js/script.js\"></script></div>",
        // a site's own launch scripts: a product launch countdown, a build stamped with a date
        "<script src=\"/js/launch-countdown.min.js\"></script><script src=\"/js/launch-202411181200.min.js\"></script>",
    })
    void otherScriptsAndNonLoadingElementsStay(String html) {
        assertEquals(html, rewrite(html, NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<noscript><img src=\"https://shop.example/analytics/piwik.php?idsite=1&rec=1\" alt=\"\"></noscript>",
        // Adobe Analytics on a first-party tracking server, no query
        "<noscript><img src=\"https://smetrics.shop.example/b/ss/shopprod/1/H.27.5--NS/0\" height=\"1\" width=\"1\""
            + " border=\"0\" alt=\"\"></noscript>",
        // a GA4 hit through a first-party proxy
        "<noscript><img src=\"/metrics/g/collect?v=2&amp;tid=G-4RT8ZP1QWX&amp;en=page_view\" alt=\"\"></noscript>",
        // PHP runs matomo.php for the paths below it too (PATH_INFO): a hit written so reaches the tracker all the same
        "<noscript><img src=\"https://stats.shop.example/matomo.php/x?idsite=1&amp;rec=1\" alt=\"\"></noscript>",
        "<noscript><img src=\"/piwik.php/hit/1?idsite=3&rec=1\" alt=\"\"></noscript>",
        "<noscript><img src=\"//stats.shop.example/analytics/matomo.php/?idsite=1&amp;rec=1\"></noscript>",
    })
    void aNoscriptPixelSentToATrackersCollectionPathOnAnyHostIsRemoved(String pixel) {
        assertEquals("<p>a</p><p>b</p>", rewrite("<p>a</p>" + pixel + "<p>b</p>", NONE));
    }

    @Test
    void selfHostedMatomosNoscriptPixelIsRemovedUnlessAnalyticsIsAllowed() {
        // as Matomo's tracking code prints it: the image goes, the paragraph around it stays
        String matomo = "<noscript><p><img referrerpolicy=\"no-referrer-when-downgrade\""
            + " src=\"//stats.shop.example/matomo.php?idsite=3&amp;rec=1\" style=\"border:0;\" alt=\"\" /></p></noscript>";
        assertEquals("<noscript><p></p></noscript>", rewrite(matomo, NONE));
        assertEquals(matomo, rewrite(matomo, ANALYTICS));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<noscript><img src=\"/img/logo.png\" alt=\"\"></noscript>",
        "<noscript><img src=\"https://cdn.shop.example/img/matomo.php.png\" alt=\"\"></noscript>",
        "<noscript><img src=\"https://shop.example/collect?x=1\" alt=\"\"></noscript>",
        "<noscript><img src=\"https://shop.example/docs/b/ss/diagram.png\" alt=\"\"></noscript>",
        "<noscript><img src=\"https://cdn.shop.example/matomo.php.d/logo.png\" alt=\"\"></noscript>",
        "<noscript><img src=\"https://shop.example/thumb.php/matomo.png\" alt=\"\"></noscript>",
    })
    void otherNoscriptImagesStay(String html) {
        assertEquals(html, rewrite(html, NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Matomo's image tracking code, as its settings page prints it for pages without scripts
        "<img referrerpolicy=\"no-referrer-when-downgrade\" src=\"https://stats.shop.example/matomo.php?idsite=3&amp;rec=1\""
            + " style=\"border:0\" alt=\"\" />",
        "<img src=\"//analytics.shop.example/piwik.php?idsite=1&rec=1&action_name=Home\" width=\"1\" height=\"1\">",
        "<IMG SRC='/stats/matomo.php?idsite=2&amp;rec=1&amp;bots=1'>",
        "<img alt=\"\" src=\"https://stats.shop.example/matomo.php/?idsite=3&rec=1\">",
        // a GA4 hit through a first-party proxy, a Piwik PRO hit on the account's own host
        "<img src=\"/metrics/g/collect?v=2&amp;tid=G-4RT8ZP1QWX&amp;en=page_view\" height=\"1\" width=\"1\">",
        "<img src=\"https://acme.containers.example/ppms.php?idsite=5c1f&rec=1\">",
        // the path's end written with a character reference
        "<img src=\"https://stats.shop.example/matomo&#46;php?idsite=3&amp;rec=1\">",
        // path-relative, and the query's '?' as a reference
        "<img src=\"matomo.php?idsite=1&rec=1\">",
        "<img src=\"g/collect?v=2&amp;tid=G-4RT8ZP1QWX\">",
        "<img src=\"/matomo.php&#63;idsite=1&amp;rec=1\">",
        "<img src=\"/matomo.php&quest;idsite=1&amp;rec=1\">",
        // an earlier segment of a two-segment path escaped, with a path parameter, or split by a newline
        "<img src=\"/metrics/%67/collect?v=2&amp;tid=G-4RT8ZP1QWX\">",
        "<img src=\"/metrics/&#103;/collect?v=2\">",
        "<img src=\"/metrics/g;x/collect?v=2\">",
        "<img src=\"/metrics/g\n/collect?v=2\">",
        // a srcset that named a tracker went, and the image is a hit all the same
        "<img src=\"/matomo.php?idsite=1&rec=1\" srcset=\"https://www.google-analytics.com/collect 2x\">",
    })
    void aHitImageSentToATrackersCollectionPathOnAnyHostIsRemovedOutsideNoscriptToo(String pixel) {
        assertEquals("<p>a</p><p>b</p>", rewrite("<p>a</p>" + pixel + "<p>b</p>", NONE));
        assertEquals("<p>a</p>" + pixel + "<p>b</p>", rewrite("<p>a</p>" + pixel + "<p>b</p>", ANALYTICS));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // no query: nothing is sent (the image is a page's own, or a hit without its data)
        "<img src=\"https://stats.shop.example/matomo.php\" alt=\"\">",
        // collection-path look-alikes with a query
        "<img src=\"https://cdn.shop.example/img/matomo.php.png?v=2\" alt=\"\">",
        "<img src=\"https://cdn.shop.example/g/collection.jpg?width=400\" alt=\"\">",
        "<img src=\"/thumb.php?src=/matomo.php&amp;w=120\" alt=\"\">",
        "<img src=\"https://shop.example/collect?x=1\" alt=\"\">",
        "<img src=\"https://cdn.shop.example/files/hero.webp?v=1699&amp;width=800\" alt=\"\">",
        "<source srcset=\"/hero.webp\" src=\"https://stats.shop.example/matomo.php?idsite=3&amp;rec=1\">",
        // read in <noscript> only: a prefix path and a path below a PHP script
        "<img src=\"https://smetrics.shop.example/b/ss/shopprod/1/H.27.5/s123?AQB=1&amp;AQE=1\" alt=\"\">",
        "<img src=\"https://stats.shop.example/matomo.php/x?idsite=1&amp;rec=1\" alt=\"\">",
        // a responsive image is a picture, not a hit: its src is not read for a collection path outside <noscript>
        "<img src=\"/cart/matomo.php?img=1\" srcset=\"/cart/badge.png 1x, /cart/badge@2x.png 2x\" alt=\"\">",
    })
    void otherImagesWithAQueryStay(String html) {
        assertEquals(html, rewrite(html, NONE));
    }

    @Test
    void aTextPlainScriptWithARefusedTrackerInDataSrcIsRemovedButKeptForAConsentManagerInNeutralizeMode() {
        // WP-Optimize's delay runner sets src from data-src on interaction whatever the type; Klaro-style consent
        // managers do it only after consent.
        String held = "<script type=\"text/plain\" data-type=\"application/javascript\" data-name=\"ga\""
            + " data-src=\"https://www.googletagmanager.com/gtag/js?id=G-4RT8ZP1QWX\"></script>";
        assertEquals("<p>a</p>", rewrite("<p>a</p>" + held, NONE));
        assertEquals("<p>a</p>" + held, RewriteAssertions.rewrite(RewriteAssertions.NEUTRALIZE, "<p>a</p>" + held,
            NONE));
        String own = "<script type=\"text/plain\" data-src=\"/static/chat.js\"></script>";
        assertEquals(own, rewrite(own, NONE));
    }

    @Test
    void aScriptTheOperatorTaggedWithAnAllowedCategoryIsNotActivatedWhenItsUrlIsARefusedLoader() {
        // The operator's allow covers the element, not the catalog: a loader path on a first-party host is refused
        // on activation as it is on a plain script, so a second reading finds nothing to remove.
        String tagged = "<script type=\"text/plain\" data-consent=\"functional\" async"
            + " src=\"https://tags.shop.example/gtag/js?id=G-4RT8ZP1QWX\"></script>";
        String delayed = "<script type=\"text/plain\" data-consent=\"functional\""
            + " data-src=\"/metrics/gtm.js?id=GTM-K7X2Q9\"></script>";
        ConsentDecision functional = ConsentDecision.of(Set.of(Category.FUNCTIONAL), Map.of(), ConsentMode.OPT_IN);
        assertEquals("<p>a</p>", rewrite("<p>a</p>" + tagged, functional));
        assertEquals("<p>a</p>" + delayed, rewrite("<p>a</p>" + delayed, functional), "left inert, not activated");
    }

    /** A CMS module's own script that loads a tracker | the module's or a neighbour's script that must stay. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        <script src="/sites/default/files/google_tag/primary/google_tag.script.js?t5x2q1" defer></script>                  | <script src="/sites/default/files/google_tag/primary/google_tag.data_layer.js?t5x2q1" defer></script>
        <script src="/modules/contrib/google_tag/js/gtm.js?v=10.3.1"></script>                                              | <script src="/modules/contrib/google_tag/js/gtag.ajax.js?v=10.3.1"></script>
        <script src="/modules/contrib/google_tag/js/gtag.js?v=10.3.1"></script>                                             | <script src="/core/misc/drupalSettingsLoader.js?v=10.3.1"></script>
        <script async src="/sites/default/files/google_analytics/gtag.js?s7d111"></script>                                  | <script src="/modules/contrib/google_analytics/js/google_analytics.js?v=10.3.1"></script>
        <link rel="preload" as="script" href="/sites/default/files/googleanalytics/analytics.js?p5na5d">                    | <script src="/sites/all/modules/googleanalytics/googleanalytics.js?p5na5d"></script>
        <script src='https://garden.example/wp-content/plugins/wp-statistics/assets/js/tracker.js?ver=14.11' id='wp-statistics-tracker-js'></script> | <script src='https://garden.example/wp-content/plugins/google-analytics-for-wordpress/assets/js/frontend-gtag.min.js?ver=9.2.1' id='monsterinsights-frontend-script-js'></script>
        <script defer src="https://garden.example/wp-content/plugins/koko-analytics/assets/dist/js/script.js?ver=1.3.3" id="koko-analytics-js"></script> | <script src="https://garden.example/wp-content/themes/newsup/js/script.js?ver=1.3.3"></script>
        <script type="rocketlazyloadscript" data-rocket-src="/wp-content/plugins/wp-analytify/assets/js/analytics.js"></script> | <script src="/wp-content/plugins/wp-analytify/assets/js/miscellaneous-tracking.min.js"></script>
        <script type="text/javascript" src="https://shop.example/static/version1718093344/frontend/Velo/stadtrad/de_DE/Magento_GoogleTagManager/js/google-tag-manager.js"></script> | <script type="text/javascript" src="https://shop.example/static/version1718093344/frontend/Velo/stadtrad/de_DE/Magento_GoogleTagManager/js/google-tag-manager-cart.js"></script>
        <link rel="preload" as="script" href="/static/frontend/Magento/luma/en_US/Magento_GoogleGtag/js/google-analytics.min.js"> | <link rel="preload" as="script" href="/static/frontend/Magento/luma/en_US/requirejs/require.min.js">
        """)
    void aModulesOwnTrackerScriptIsRemovedAndItsOtherScriptsStay(String loader, String stays) {
        assertEquals("<p>a</p>" + stays + "<p>b</p>", rewrite("<p>a</p>" + loader + stays + "<p>b</p>", NONE));
    }

    @Test
    void aModulesStatisticsScriptIsAnalyticsAndAGtmContainerFileNeedsMarketingToo() {
        // Drupal's google_tag file names no tag id: the GTM container it starts can fire any tag.
        String stats = "<script src=\"/wp-content/plugins/wp-statistics/assets/js/tracker.js?ver=14.11\"></script>";
        String koko = "<script src=\"/wp-content/plugins/koko-analytics/assets/dist/js/script.js?ver=1.3.3\"></script>";
        String gtm = "<script src=\"/sites/default/files/google_tag/primary/google_tag.script.js?t5x2q1\"></script>";
        assertEquals(stats + koko, rewrite(stats + koko + gtm, ANALYTICS), "analytics allowed: the statistics stay");
        List<TrackerEvent> events = RewriteAssertions.events(RewriteAssertions.REMOVE, gtm, ANALYTICS);
        assertEquals(1, events.size(), events.toString());
        assertEquals("google-tag", events.get(0).trackerId());
        assertEquals(TrackerEvent.Action.REMOVED, events.get(0).action());
    }

    @Test
    void theTagIdDecidesAsOnGooglesOwnHost() {
        String ga4 = "<script async src=\"/metrics/gtag/js?id=G-4RT8ZP1QWX\"></script>";
        String ads = "<script async src=\"/metrics/gtag/js?id=AW-112233\"></script>";
        String gtm = "<script async src=\"https://sgtm.shop.example/gtm.js?id=GTM-K7X2Q9\"></script>";
        assertEquals(ga4, rewrite(ga4 + ads + gtm, ANALYTICS), "analytics allowed: GA4 stays, Ads and GTM go");
        List<TrackerEvent> events = RewriteAssertions.events(RewriteAssertions.REMOVE, ga4, ANALYTICS);
        assertEquals(1, events.size(), events.toString());
        assertEquals(TrackerEvent.Action.ALLOWED, events.get(0).action());
        assertEquals("google-tag", events.get(0).trackerId());
    }
}
