package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Analytics, session-replay, A/B-testing and tag-manager tags written as sites and their plugins print them: with
 * nothing allowed no request to the vendor may stay possible, and with everything allowed the page is unchanged.
 */
class AnalyticsShapesTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision MARKETING = ConsentDecision.of(Set.of(Category.MARKETING), Map.of(),
        ConsentMode.OPT_IN);
    private static final ConsentDecision ALL = ConsentDecision.of(
        Set.of(Category.FUNCTIONAL, Category.ANALYTICS, Category.MARKETING), Map.of(), ConsentMode.OPT_IN);

    private static String rewrite(String html, ConsentDecision d) {
        return RewriteAssertions.rewrite(RewriteAssertions.REMOVE, html, d);
    }

    private static void assertRemovedAndKeptWhenAllowed(String tag) {
        String page = "<p>a</p>" + tag + "<p>b</p>";
        assertEquals("<p>a</p><p>b</p>", rewrite(page, NONE));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // LogRocket's current install snippet and the other CDN hosts its Content-Security-Policy guide lists
        "<script src=\"https://cdn.logr-ingest.com/LogRocket.min.js\" crossorigin=\"anonymous\"></script>",
        "<script src=\"https://cdn.lgrckt-in.com/LogRocket.min.js\" crossorigin=\"anonymous\"></script>",
        "<script src='https://cdn.lrkt-in.com/LogRocket.min.js'></script>",
        "<script async src=\"https://cdn.logr-in.com/LogRocket.min.js\"></script>",
        "<script src=\"https://cdn.ingest-lr.com/LogRocket.min.js\"></script>",
        "<script src=\"https://cdn.lr-intake.com/LogRocket.min.js\"></script>",
        "<script src=\"https://cdn.intake-lr.com/LogRocket.min.js\"></script>",
        "<script>(function(){var s=document.createElement('script');s.src='https://cdn.lgrckt-in.com/logger-1.min.js';"
            + "s.onload=function(){window.LogRocket&&window.LogRocket.init('ab12cd/shop')};"
            + "document.head.appendChild(s)})();</script>",
    })
    void logRocketFromAnyOfItsCdnHostsIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Optimizely Web's project snippet in its PCI-compliant form, for checkout pages
        "<script src=\"https://cdn-pci.optimizely.com/js/24680135790.js\"></script>",
        "<link rel=\"preload\" as=\"script\" href=\"//cdn-pci.optimizely.com/js/24680135790.js\">",
    })
    void optimizelysPciSnippetIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Matomo's js/tracker.php serves matomo.js and, with a query, records the hit like matomo.php
        "<noscript><p><img src=\"https://stats.shop.example/js/tracker.php?idsite=7&amp;rec=1\" alt=\"\"></p></noscript>",
        "<img referrerpolicy=\"no-referrer-when-downgrade\" src=\"//stats.shop.example/js/tracker.php?idsite=7&rec=1\""
            + " style=\"border:0\" alt=\"\" />",
        "<script async src=\"https://stats.shop.example/js/tracker.php\"></script>",
    })
    void selfHostedMatomosTrackerPhpIsRemoved(String tag) {
        String page = "<p>a</p>" + tag + "<p>b</p>";
        String removed = rewrite(page, NONE);
        assertEquals(tag.startsWith("<noscript>") ? "<p>a</p><noscript><p></p></noscript><p>b</p>" : "<p>a</p><p>b</p>",
            removed);
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a Matomo Tag Manager container loaded with a script element instead of its snippet is not recognised:
        // sites name their own files js/container_*.js too (left as a limit in the catalog's notes)
        "<script src=\"/theme/js/container_queries.js\"></script>",
        "<script src=\"/static/js/pa-header.js\"></script>",
        "<script src=\"/js/pa-utils.min.js\"></script>",
        "<script src=\"/assets/js/container_slider.min.js\"></script>",
        "<script src=\"/assets/container_Xq7LmP2a.js\"></script>",
        "<script src=\"/js/container.js\"></script>",
        "<script src=\"/js/container-queries.js\"></script>",
        "<script src=\"/js/tracker.js\"></script>",
        "<img src=\"/js/tracker.php\" alt=\"\">",
    })
    void siteFilesNamedLikeMatomosStay(String html) {
        assertEquals(html, rewrite(html, NONE));
    }

    @Test
    void monsterInsightsGtagConfigIsRemovedWhereItsTagIsRefused() {
        // MonsterInsights queues its GA4 tag through its own alias of gtag: an allowed Google Ads tag's gtag.js reads
        // the same dataLayer and would start the refused GA4 tag from it.
        String ads = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=AW-123456789\"></script>"
            + "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
            + "gtag('js',new Date());gtag('config','AW-123456789');</script>";
        String monsterInsights = """
            <script data-cfasync="false" data-wpfc-render="false" type="text/javascript">
            	var mi_track_user = true;
            	var disableStrs = ['ga-disable-G-AB12CD34EF'];
            	if ( mi_track_user ) {
            		window.dataLayer = window.dataLayer || [];
            		function __gtagDataLayer() { dataLayer.push(arguments); }
            		function __gtagTracker(type, name, parameters) { __gtagDataLayer(type, name, parameters); }
            		__gtagDataLayer('js', new Date());
            		__gtagDataLayer('set', { 'developer_id.dZGIzZG': true, });
            		__gtagDataLayer('config', 'G-AB12CD34EF', {"forceSSL":"true","link_attribution":"true"} );
            		window.gtag = __gtagTracker;
            	}
            </script>""";
        String frontend = "<script src=\"/wp-content/plugins/google-analytics-for-wordpress/assets/js/"
            + "frontend-gtag.min.js?ver=8.20.1\" id=\"monsterinsights-frontend-script-js\"></script>";
        String page = ads + monsterInsights + frontend;
        assertEquals(ads + frontend, rewrite(page, MARKETING));
        assertEquals(frontend, rewrite(page, NONE));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Segment's Analytics 2.0 from a package CDN, started from the page with the write key
        "<script>\n  window.AnalyticsNext.AnalyticsBrowser.load({ writeKey: 'Qm7xK2pL9vT4' })\n    .then(([a]) => a.page());\n</script>",
        "<script type=\"module\">import { AnalyticsBrowser } from 'https://esm.sh/@segment/analytics-next';\n"
            + "export const analytics = AnalyticsBrowser.load({writeKey: \"Qm7xK2pL9vT4\"});\nanalytics.page();</script>",
        "<script>var seg=AnalyticsNext.AnalyticsBrowser.standalone('Qm7xK2pL9vT4')</script>",
    })
    void segmentsAnalyticsNextStartedInThePageIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @Test
    void customerIosForkOfAnalyticsNextIsGatedAsMarketingToo() {
        // the same AnalyticsBrowser.load as Segment's, from Customer.io's package: it reports for messaging
        String cio = "<script type=\"module\">import { AnalyticsBrowser } from"
            + " 'https://esm.sh/@customerio/cdp-analytics-browser@0.3';\n"
            + "const cioanalytics = AnalyticsBrowser.load({ writeKey: 'c1O8wK3y' });\ncioanalytics.page();</script>";
        String page = "<p>a</p>" + cio + "<p>b</p>";
        assertEquals("<p>a</p><p>b</p>", rewrite(page, ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(),
            ConsentMode.OPT_IN)), "analytics alone does not allow it");
        assertEquals(page, rewrite(page, ALL));
        String segment = "<script type=\"module\">import { AnalyticsBrowser } from"
            + " 'https://esm.sh/@segment/analytics-next';\nAnalyticsBrowser.load({writeKey: 'Qm7xK2pL9vT4'});</script>";
        assertEquals(segment, rewrite(segment, ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(),
            ConsentMode.OPT_IN)), "Segment's own stays with analytics allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Lucky Orange's classic tracking code from its CloudFront distribution, the site id set elsewhere
        "<script async src=\"https://d10lpsik1i8c69.cloudfront.net/w.js\"></script>",
        "<script>(function(){var lo=document.createElement('script');lo.async=true;"
            + "lo.src='//d10lpsik1i8c69.cloudfront.net/w.js';document.body.appendChild(lo);})();</script>",
    })
    void luckyOrangesClassicLoaderHostIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Countly's web SDK, self-hosted or from a package CDN: its async snippet and the plain script
        """
            <script type="text/javascript">
            var Countly = Countly || {};
            Countly.q = Countly.q || [];
            Countly.app_key = "5f0e2c9a7b31d48e6a0c";
            Countly.url = "https://metrics.shop.example";
            Countly.q.push(['track_sessions']);
            Countly.q.push(['track_pageview']);
            (function() {
              var c = document.createElement('script'); c.type = 'text/javascript'; c.async = true;
              c.src = 'https://cdn.jsdelivr.net/npm/countly-sdk-web@latest/lib/countly.min.js';
              c.onload = function(){ Countly.init(); };
              var first = document.getElementsByTagName('script')[0]; first.parentNode.insertBefore(c, first);
            })();
            </script>""",
        "<script src=\"https://metrics.shop.example/sdk/web/countly.min.js\"></script>",
        "<script>Countly.init({app_key:'5f0e2c9a7b31d48e6a0c',url:'https://metrics.shop.example'});"
            + "Countly.track_sessions();</script>",
    })
    void countlysWebSdkIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // OpenReplay's async tracker snippet, from its CDN or a self-hosted copy, and the plain script
        """
            <script>
              var initOpts = { projectKey: "r9Kq2mXa7LpT", defaultInputMode: 2, obscureTextEmails: true };
              var startOpts = { userID: "" };
              (function(A,s,a,y,e,r){
                r=window.OpenReplay=[e,r,y,[s-1, e]];
                s=document.createElement('script');s.src=A;s.async=!a;
                document.getElementsByTagName('head')[0].appendChild(s);
                r.start=function(v){r.push([0])};
              })("//static.openreplay.com/latest/openreplay.js",1,0,initOpts,startOpts);
            </script>""",
        "<script src=\"https://static.openreplay.com/16.0.1/openreplay.js\" async></script>",
        "<script async src=\"/vendor/openreplay.js\"></script>",
    })
    void openReplaysTrackerIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @Test
    void aSelfHostedOpenReplaySnippetKeepsNoLoaderUrl() {
        // with a second URL (its own ingest point) the snippet counts as a list of URLs: the loader's is overwritten
        String snippet = "<script>var initOpts={projectKey:'r9Kq2mXa7LpT',ingestPoint:'https://replay.shop.example/ingest'};"
            + "(function(A,s,a,y,e,r){r=window.OpenReplay=[e,r,y,[s-1,e]];s=document.createElement('script');s.src=A;"
            + "s.async=!a;document.head.appendChild(s);})('https://static.openreplay.com/latest/openreplay.js',1,0,"
            + "initOpts,{});</script>";
        String out = rewrite(snippet, NONE);
        assertFalse(out.contains("openreplay.com"), out);
        assertEquals(snippet, rewrite(snippet, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Zoho PageSense (A/B tests, heatmaps, session recordings): its project script, direct or inserted
        "<script src=\"https://cdn.pagesense.io/js/shopexample/0c4f7e2a9b5d41c8a3e6f1b2d7c9e8a4.js\"></script>",
        "<script src=\"https://cdn-eu.pagesense.io/js/20071234/0c4f7e2a9b5d41c8a3e6f1b2d7c9e8a4.js\" async></script>",
        "<script>(function(w,s){var e=document.createElement('script');e.async=true;"
            + "e.src='https://cdn.pagesense.io/js/shopexample/0c4f7e2a9b5d41c8a3e6f1b2d7c9e8a4.js';"
            + "var x=document.getElementsByTagName('script')[0];x.parentNode.insertBefore(e,x);})(window,'script');</script>",
    })
    void zohoPageSenseIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Plausible's current snippet: a site-specific pa-<id>.js, on plausible.io or on a custom domain or proxy
        // that keeps the path (an id of 21 characters), then plausible.init()
        "<script async src=\"https://plausible.io/js/pa-Xr4mQ9kLw2Tz.js\"></script>",
        "<script async src=\"https://plausible.io/js/pa-XyZ12abCDef3456ghIJkL.js\"></script>",
        "<script async src=\"https://a.shop.example/js/pa-XyZ12abCDef3456ghIJkL.js\"></script>",
        "<script async src=\"/js/pa-Qm7-tR2_vXw9Lp4kZs8Nd.js\"></script>",
        "<link rel=\"preload\" as=\"script\" href=\"/js/pa-Qm7-tR2_vXw9Lp4kZs8Nd.js\">",
        """
            <script>
            window.plausible=window.plausible||function(){(plausible.q=plausible.q||[]).push(arguments)},\
            plausible.init=plausible.init||function(i){plausible.o=i||{}};
            plausible.init()
            </script>""",
        "<script>window.plausible = window.plausible || function () { (plausible.q = plausible.q || []).push(arguments) };\n"
            + "plausible.init = plausible.init || function (o) { plausible.o = o || {} };\n"
            + "plausible.init({ hashBasedRouting: true, fileDownloads: true });</script>",
    })
    void plausiblesSiteSpecificScriptAndItsInitAreRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script src=\"/js/pa.js\"></script>",
        "<script src=\"/js/page-a.js\"></script>",
        // a site's own pa-*.js: not 21 characters, or no upper-case letter or digit among them, or not under /js/
        "<script src=\"/js/pa-utils.js\"></script>",
        "<script src=\"/assets/pa-2024-theme-colors.js\"></script>",
        "<script src=\"/js/pa-2024-theme-colors.js\" defer></script>",
        "<script src=\"/js/pa-checkout-address-form.js\"></script>",
        "<script type=\"module\" src=\"/js/pa-D2kF9xQ1.js\"></script>",
        "<script src=\"/assets/js/vendor/pa-XyZ12abCDef3456ghIJkL.js.map\"></script>",
        "<img src=\"/js/pa-XyZ12abCDef3456ghIJkL.js\" alt=\"\">",
        "<script>window.plausible = window.plausible || function () {};</script>",
        "<script>plausible('Signup', {props: {plan: 'pro'}})</script>",
    })
    void plausibleLookalikesAndEventCallsStay(String html) {
        assertEquals(html, rewrite(html, NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Commanders Act's TagCommander: a container as its install code prints it, with the noscript frame, a
        // second container with a cache-busting parameter, containers a theme loads from its own script, and the
        // campaign analytics pixel on the account's collection host
        "<script type=\"text/javascript\" src=\"//cdn.tagcommander.com/4321/tc_ShopExample_12.js\"></script>"
            + "<noscript><iframe src=\"//redirect4321.tagcommander.com/utils/noscript.php?id=12&amp;mode=iframe\""
            + " width=\"1\" height=\"1\" rel=\"noindex,nofollow\"></iframe></noscript>",
        "<script src=\"https://cdn.tagcommander.com/4321/tc_ShopExample_footer_13.js?rn=20240518\" async></script>",
        """
            <script>
              (function (doc) {
                var files = ['tc_ShopExample_21', 'tc_ShopExample_22'];
                for (var i = 0; i < files.length; i++) {
                  var tag = doc.createElement('script');
                  tag.async = false;
                  tag.src = "https://cdn.tagcommander.com/4321/" + files[i] + '.js?rn=' + Date.now();
                  doc.body.appendChild(tag);
                }
              })(document);
            </script>""",
        "<script>window.tcContainers=[\"https:\\/\\/cdn.tagcommander.com\\/4321\\/tc_ShopExample_12.js\"];</script>",
        "<img src=\"https://shopexample.commander1.com/cs3/?tcs=4321&amp;chn=SEO&amp;src=google\" width=\"1\""
            + " height=\"1\" alt=\"\">",
    })
    void commandersActContainersAreRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // TrustCommander, the consent banner the visitor answers, its privacy center and cookie list, and the pixel
        // that records the choice, stay; so do the data layer, the page's own event calls and look-alike hosts
        "<script src=\"https://cdn.trustcommander.net/privacy/4321/privacy_v2_7.js\"></script>",
        "<script type=\"text/javascript\" src=\"//cdn.tagcommander.com/privacy/4321/privacy_v2_3.js\"></script>",
        "<iframe id=\"privacy-iframe\" src=\"https://cdn.tagcommander.com/privacy/template/index.htm\""
            + " title=\"Privacy center\"></iframe>",
        "<iframe src=\"https://cdn.tagcommander.com/cookie-scanner/4321/v1/cookies-en.html\" title=\"Cookies\">"
            + "</iframe>",
        "<img src=\"https://privacy.commander1.com/privacy-consent/?site=4321&amp;consent=0\" alt=\"\">",
        "<link rel=\"preconnect\" href=\"https://cdn.tagcommander.com\">",
        "<script>var tc_vars = {env_template: 'product', env_work: 'prod', product_id: ['SKU-1']};</script>",
        "<script src=\"/static/js/tc_vars.js\"></script>",
        "<button onclick=\"tc_events_1(this, 'click', {label: 'add_to_cart'})\">Add</button>",
        "<script>cact('consent.get', function (r) { if (r.consent.status === 'all-on') { showVideos(); } });</script>",
        "<script src=\"https://cdn.tagcommander.com.example.org/4321/tc_ShopExample_12.js\"></script>",
        "<img src=\"https://shopexample.notcommander1.com/cs3/?tcs=4321\" alt=\"\">",
    })
    void trustCommanderAndTagCommanderLookalikesStay(String html) {
        assertEquals(html, rewrite(html, NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Tealium iQ from its mainland-China CDN: the tag files and the visitor pixel script name no utag.js
        "<script src=\"https://tags.tiqcdn.cn/utag/tiqapp/utag.v.js?a=shopexample/main/202401011200&amp;cb=17\"></script>",
        "<script src=\"//tags.tiqcdn.cn/utag/shopexample/main/prod/utag.12.js?utv=ut4.49\"></script>",
        "<script>(function(a,b,c,d){a='//tags.tiqcdn.cn/utag/shopexample/china/prod/utag.js';b=document;c='script';"
            + "d=b.createElement(c);d.src=a;d.async=true;a=b.getElementsByTagName(c)[0];a.parentNode.insertBefore(d,a);"
            + "})();</script>",
    })
    void tealiumFromItsChinaCdnIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // HubSpot's page-view pixel for portals in its EU data centre
        "<img src=\"https://track-eu1.hubspot.com/__ptq.gif?a=25123456&amp;k=1&amp;r=https%3A%2F%2Fshop.example%2F\""
            + " width=\"1\" height=\"1\" alt=\"\">",
        "<noscript><img src=\"//track-eu1.hubspot.com/__ptq.gif?a=25123456&k=14\" alt=\"\"></noscript>",
        "<link rel=\"preconnect\" href=\"https://track-eu1.hubspot.com\" crossorigin=\"anonymous\">",
    })
    void hubSpotsEuTrackingPixelIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Burst Statistics (WordPress): the tracking script as the plugin enqueues it, with or without cookies
        "<script defer src=\"https://blog.example/wp-content/plugins/burst-statistics/assets/js/build/burst.min.js"
            + "?ver=1753000000\" id=\"burst-js\"></script>",
        "<script defer src='/wp-content/plugins/burst-statistics/assets/js/build/burst-cookieless.min.js?ver=1.7.2'"
            + " id='burst-js'></script>",
        "<script src=\"https://blog.example/wp-content/plugins/burst-pro/assets/js/build/burst.js?ver=2.0.7\"></script>",
    })
    void burstStatisticsTrackingScriptIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @Test
    void burstStatisticsSettingsAndOtherPluginScriptsStay() {
        String settings = "<script id=\"burst-js-extra\">var burst = {\"tracking\":{\"beacon_url\":"
            + "\"https:\\/\\/blog.example\\/wp-content\\/plugins\\/burst-statistics\\/endpoint.php\"}};</script>"
            + "<script src=\"/wp-content/plugins/burst-statistics/assets/js/build/burst-admin.min.js\"></script>"
            + "<script src=\"/wp-content/plugins/other/assets/js/build/burst.min.js\"></script>";
        assertEquals(settings, rewrite(settings, NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Independent Analytics (WordPress) records each view from an inline script posting to its REST route
        """
            <script>
                (function () {
                    document.addEventListener("DOMContentLoaded", function (e) {
                        if (document.hasOwnProperty("visibilityState") && document.visibilityState === "prerender") {
                            return;
                        }
                        let referrer_url = document.referrer.length > 0 ? document.referrer : null;
                        const url = "https://blog.example/wp-json/iawp/search";
                        const body = { referrer_url, signature: "0f3a9c", payload: {"resource":"singular","singular_id":42} };
                        const xhr = new XMLHttpRequest();
                        xhr.open("POST", url, true);
                        xhr.setRequestHeader("Content-Type", "application/json;charset=UTF-8");
                        xhr.send(JSON.stringify(body));
                    });
                })();
            </script>""",
        "<script>window.iawpConfig={\"trackViewUrl\":\"https:\\/\\/blog.example\\/wp-json\\/iawp\\/search\"};"
            + "navigator.sendBeacon(iawpConfig.trackViewUrl, '{}');</script>",
        "<script>fetch('/?rest_route=/iawp/search', {method: 'POST', body: '{}'});</script>",
    })
    void independentAnalyticsViewScriptIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Matomo's tracking for AMP pages without amp-analytics: an amp-pixel hit on the site's own Matomo
        "<amp-pixel src=\"https://stats.shop.example/matomo.php?idsite=3&amp;rec=1&amp;action_name=TITLE"
            + "&amp;url=CANONICAL_URL&amp;rand=RANDOM\" layout=\"nodisplay\"></amp-pixel>",
        "<amp-pixel src=\"//stats.shop.example/piwik.php?idsite=3&rec=1\"></amp-pixel>",
    })
    void aSelfHostedMatomoAmpPixelIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<amp-pixel src=\"https://shop.example/hit?page=CANONICAL_PATH\"></amp-pixel>",
        "<amp-pixel src=\"https://stats.shop.example/matomo.php\"></amp-pixel>",
        "<amp-audio src=\"https://cdn.shop.example/podcast/matomo.php?ep=3\"></amp-audio>",
    })
    void otherAmpPixelsAndAudioStay(String html) {
        assertEquals(html, rewrite(html, NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Matomo's amp-analytics configuration for AMP pages, requests sent to the site's own Matomo
        """
            <amp-analytics>
            <script type="application/json">
            {
              "requests": {
                "pageview": "https://stats.shop.example/matomo.php?idsite=3&rec=1&action_name=TITLE&url=CANONICAL_URL&rand=RANDOM"
              },
              "triggers": { "trackPageview": { "on": "visible", "request": "pageview" } }
            }
            </script>
            </amp-analytics>""",
        // a hit sent by hand from a script
        "<script>new Image().src = 'https://stats.shop.example/piwik.php?idsite=3&rec=1&url=' + encodeURIComponent(location.href);</script>",
    })
    void hitsToASelfHostedMatomoWrittenInConfigurationsAndScriptsAreRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Yandex Metrica started in WordPress code style (spaces inside the parentheses), from a proxied tag.js
        """
            <script type="text/javascript">
               (function(m,e,t,r,i,k,a){m[i]=m[i]||function(){(m[i].a=m[i].a||[]).push(arguments)};
               m[i].l=1*new Date();k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)})
               (window, document, "script", "/metrika/tag.js", "ym");
               ym( 98765432, "init", { clickmap: true, trackLinks: true, webvisor: true } );
            </script>""",
        "<script>window.ym( 103456789, 'init', {ssr: true, ecommerce: 'dataLayer'} );</script>",
    })
    void yandexMetricaStartedWithSpacesInsideTheCallIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>chart.ym( 2024, 3 );</script>",
        "<script>var y = gym( 12345678, 'x' );</script>",
    })
    void callsThatOnlyLookLikeMetricasStay(String html) {
        assertEquals(html, rewrite(html, NONE));
    }

    @Test
    void aNextScriptLoaderOnAFirstPartyHostInTheAppRouterPayloadIsOverwritten() {
        // next/script in a server component: the client inserts the script from the payload's src prop, here a
        // server-side GTM container and a self-hosted Matomo; the payload is kept (the page hydrates from it)
        String payload = "<script>self.__next_f.push([1,\"0:[[\\\"$\\\",\\\"$L2\\\",null,{\\\"src\\\":"
            + "\\\"https://sgtm.shop.example/gtm.js?id=GTM-K7X2Q9\\\",\\\"strategy\\\":\\\"afterInteractive\\\"}],"
            + "[\\\"$\\\",\\\"$L2\\\",null,{\\\"src\\\":\\\"https://stats.shop.example/matomo.js\\\"}],"
            + "[\\\"$\\\",\\\"$L2\\\",null,{\\\"src\\\":\\\"/static/app.js\\\"}]]\\n\"])</script>";
        String out = rewrite(payload, NONE);
        assertFalse(out.contains("sgtm.shop.example"), out);
        assertFalse(out.contains("matomo.js"), out);
        assertEquals(payload.length(), out.length(), "overwritten in place");
        assertTrue(out.contains("/static/app.js"), out);
        assertEquals(payload, rewrite(payload, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // WP Rocket before 3.13 kept a delayed script's src in data-rocketlazyloadscript, an inline one as a data: URL
        "<script data-rocketlazyloadscript='https://www.googletagmanager.com/gtag/js?id=G-R0CKET0LD1' async></script>",
        "<script data-rocketlazyloadscript='data:text/javascript;base64,d2luZG93LmRhdGFMYXllcj13aW5kb3cuZGF0YUxheWVyfHxbX"
            + "TtmdW5jdGlvbiBndGFnKCl7ZGF0YUxheWVyLnB1c2goYXJndW1lbnRzKTt9Z3RhZygnanMnLG5ldyBEYXRlKCkpO2d0YWcoJ2NvbmZpZycsJ0c"
            + "tUk9DS0VUT0xEMScpOw=='></script>",
        "<script type=\"rocketlazyloadscript\" data-rocketlazyloadscript=\"https://www.clarity.ms/tag/k9m8n7b6v5\"></script>",
        // Perfmatters' delayed script keeps its src in data-pmdelayedscript
        "<script type=\"pmdelayedscript\" data-pmdelayedscript=\"https://static.hotjar.com/c/hotjar-3456789.js?sv=6\""
            + " data-perfmatters-type=\"text/javascript\" data-cfasync=\"false\" data-no-optimize=\"1\"></script>",
    })
    void aDelayJsPluginsCopyOfATrackerScriptIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // GoatCounter self-hosted or proxied: count.js from the site's own instance, told by its attribute
        "<script data-goatcounter=\"https://stats.shop.example/count\" async src=\"//stats.shop.example/count.js\"></script>",
        "<script async src=\"/js/count.js\" data-goatcounter=\"/gc/count\"></script>",
    })
    void aSelfHostedGoatCounterScriptIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script src=\"/js/count.js\"></script>",
        "<script src=\"/js/word-count.js\" data-goatcounter-click=\"x\"></script>",
    })
    void aSitesOwnCountScriptStays(String html) {
        assertEquals(html, rewrite(html, NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Ackee, self-hosted: its tracker script with the server and domain it reports to
        "<script async src=\"https://ackee.shop.example/tracker.js\" data-ackee-server=\"https://ackee.shop.example\""
            + " data-ackee-domain-id=\"hd11f820-68a1-11e6-8047-79c0c2d9bce0\"></script>",
        "<script src=\"/ackee/tracker.js\" data-ackee-server=\"/ackee\" data-ackee-domain-id=\"hd11f820\""
            + " data-ackee-opts='{ \"detailed\": true }' async></script>",
    })
    void ackeesTrackerIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Shynet, self-hosted: the tracking script under the service's ingress path
        "<script defer src=\"https://shynet.shop.example/ingress/0f3a9c1e-2b4d-4e6f-8a0b-1c2d3e4f5a6b/script.js\"></script>",
        "<script async src=\"/shynet/ingress/0f3a9c1e-2b4d-4e6f-8a0b-1c2d3e4f5a6b/script.js\"></script>",
    })
    void shynetsTrackingScriptIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Rybbit, cloud or self-hosted: its script with the site id, as its Next.js and WordPress guides print it
        "<script src=\"https://app.rybbit.io/api/script.js\" data-site-id=\"726cda46b399\" defer></script>",
        "<script src=\"https://analytics.shop.example/api/script.js\" async defer data-site-id=\"3\"></script>",
    })
    void rybbitsScriptIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script src=\"/api/script.js\"></script>",
        "<a href=\"https://app.rybbit.io/sites/3\">dashboard</a>",
    })
    void otherApiScriptsAndRybbitsDashboardStay(String html) {
        assertEquals(html, rewrite(html, NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // OpenPanel: its queue and init call, and the SDK from its CDN or a self-hosted copy
        """
            <script>
              window.op = window.op || function (...args) { (window.op.q = window.op.q || []).push(args); };
              window.op('init', {
                clientId: '71eaa394-fd89-46bb-a39a-fac1845c0e02',
                apiUrl: 'https://stats.shop.example/api',
                trackScreenViews: true,
                trackOutgoingLinks: true,
              });
            </script>""",
        "<script src=\"https://openpanel.dev/op1.js\" defer async></script>",
        "<script src=\"https://stats.shop.example/op1.js?v=1.1.3\" async defer></script>",
    })
    void openPanelIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>window.op('track', 'signup', {plan: 'pro'});</script>",
        "<script>shop('init', {cart: true}); var op = {init: 1};</script>",
        // the page's own op('init') calls: a socket's operation, a bundle's own function
        "<script>socket.op(\"init\", {room: 'lobby'}); render();</script>",
        "<script>function op(t,n){return t+n}op('init',{root:document.body});</script>",
        "<a href=\"https://openpanel.dev/docs\">OpenPanel docs</a>",
    })
    void openPanelEventCallsAndLookalikesStay(String html) {
        assertEquals(html, rewrite(html, NONE));
    }
}
