package io.consentgate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentgate.Category;
import java.util.List;
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
        /metrics/gtag/js?id=G-XYZ789ABCD                             | google-tag | analytics
        /gtag/js?l=dataLayer&id=AW-12345678                          | google-tag | marketing
        https://www.shop.example/tags/gtag/js?id=g-xyz789abcd#frag   | google-tag | analytics
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
        /vendor/rudder/v1.1/rudder-analytics.min.js                  | rudderstack | analytics
        https://cdn.shop.example/rudder/v3/modern/rsa.min.js         | rudderstack | analytics
        /v3/legacy/rsa.min.js                                        | rudderstack | analytics
        /js/lib/rsa.min.js                                           | -          | -
        /v3/rsa.min.js                                               | -          | -
        https://sgtm.shop.example/gtm.js                             | -          | -
        https://sgtm.shop.example/gtm.js?id=                         | -          | -
        https://sgtm.shop.example/gtm.js?xid=GTM-ABC                 | -          | -
        https://sgtm.shop.example/gtm.js?ref=x#id=GTM-ABC            | -          | -
        /static/mygtm.js?id=GTM-ABC                                  | -          | -
        gtm.js?id=GTM-ABC123                                         | google-tag | analytics+marketing
        gtag/js?id=G-XYZ789ABCD                                      | google-tag | analytics
        matomo.js                                                    | matomo     | analytics
        ./gtm.js?id=GTM-ABC123                                       | google-tag | analytics+marketing
        mygtm.js?id=GTM-ABC                                          | -          | -
        static/gtm.json?id=GTM-ABC                                   | -          | -
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
        https://cdn.jsdelivr.net/npm/flatpickr/dist/l10n/at.js       | -          | -
        /static/vendor/flatpickr/l10n/at.js                          | -          | -
        /assets/datepicker/i18n/at.min.js                            | -          | -
        /js/Locales/at.js                                            | -          | -
        /vendor/editor/lang/at.js?v=2                                | -          | -
        /static/vendor/at.js                                         | adobe-target | analytics
        /content/dam/acme/l10n-tools/at.js                           | adobe-target | analytics
        https://tours.dealer.example/showroom/?id=GT-500             | -          | -
        /viewer/?id=DC-2077-manual                                   | -          | -
        https://cdn.shop.example/carousel/?id=G-7Q2X                 | -          | -
        /catalog/?id=G-SHOCK5600                                     | -          | -
        /offers/?id=AW-5511                                          | -          | -
        /metrics/?id=GT-KTR3FB62                                     | google-tag-gateway | analytics+marketing
        /metrics/?id=DC-4533083                                      | google-tag-gateway | marketing
        /metrics/?id=g-psw1my7hb4                                    | google-tag-gateway | analytics
        /wp-content/plugins/google-site-kit/fpm/measurement.php?id=G-AB12CD34EF&s=/gtag/js | google-tag-gateway | analytics
        /wp-content/plugins/google-site-kit/fpm/measurement.php?healthCheck=1              | -                  | -
        https://engage.shop.example/js/exponea.min.js                | bloomreach-engagement | marketing
        https://engage.shop.example/js/brweb.min.js                  | bloomreach-engagement | marketing
        /js/exponea.min.js.map                                       | -          | -
        /assets/exponea.js                                           | -          | -
        /static/vendor/scarab-v2.js                                  | sap-emarsys | marketing
        /static/vendor/scarab-v3.js                                  | -          | -
        /content/dam/northwind/js/AppMeasurement.js                  | adobe-analytics | analytics
        /etc.clientlibs/northwind/clientlibs/analytics/resources/AppMeasurement.min.js | adobe-analytics | analytics
        /js/s_code.js                                                | adobe-analytics | analytics
        /js/my_s_code.js                                             | -          | -
        /js/AppMeasurement_Module_ActivityMap.min.js                 | -          | -
        /content/dam/northwind/js/VisitorAPI.js                      | adobe-audience-manager | marketing
        /etc.clientlibs/northwind/clientlibs/clientlib-target/resources/at.js | adobe-target | analytics
        /scripts/at.js?v=2.11.4                                      | adobe-target | analytics
        /scripts/chat.js                                             | -          | -
        /scripts/what.js                                             | -          | -
        /js/mbox.js                                                  | adobe-target | analytics
        /etc.clientlibs/northwind/clientlibs/martech/resources/alloy.min.js | adobe-web-sdk | analytics+marketing
        /plugins/martech/src/alloy.js                                | adobe-web-sdk | analytics+marketing
        /js/myalloy.js                                               | -          | -
        /js/alloy-ui.min.js                                          | -          | -
        /on/demandware.static/Sites-RefArch-Site/-/en_US/v1712345678901/internal/jscript/dwanalytics-22.2.js | - | -
        /on/demandware.static/Sites-RefArch-Site/-/en_US/v1712345678901/internal/jscript/dwac-21.7.js | - | -
        /etc.clientlibs/cq/testandtarget/clientlibs/testandtarget/atjs.min.js | adobe-target | analytics
        /etc.clientlibs/cq/testandtarget/clientlibs/testandtarget/atjs.lc-0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c-lc.min.js | adobe-target | analytics
        /etc.clientlibs/cq/testandtarget/clientlibs/testandtarget/testandtarget.lc-0f9e8d7c6b5a4f3e-lc.js | adobe-target | analytics
        /etc.clientlibs/cq/analytics/clientlibs/sitecatalyst/sitecatalyst.min.js | adobe-analytics | analytics
        /etc.clientlibs/acme/clientlibs/site.lc-0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c-lc.min.js | - | -
        /js/at.lc-xyz-lc.min.js                                      | -          | -
        /etc.clientlibs/cq/testandtarget/clientlibs/testandtarget/atjs.min.ACSHASH0f9e8d7c6b5a49382716e5f4d3c2b1a0.js | adobe-target | analytics
        /etc.clientlibs/cq/testandtarget/clientlibs/testandtarget/atjs.ACSHASH0f9e8d7c6b5a49382716e5f4d3c2b1a0.js | adobe-target | analytics
        /js/at.0f9e8d7c6b5a49382716e5f4d3c2b1a0.js                    | -          | -
        /js/api_static.min.0f9e8d7c6b5a49382716e5f4d3c2b1a0.js        | -          | -
        /api/8781234/api_static.js                                   | dynamic-yield | analytics+marketing
        /dy/api/8781234/api_dynamic.js                               | dynamic-yield | analytics+marketing
        /js/api_static.js                                            | -          | -
        /assets/vendor/api_dynamic.js                                | -          | -
        /js/at.0f9e8d7c6b5a.js                                       | -          | -
        /js/.min.js                                                  | -          | -
        /js/at.min.jsx                                               | -          | -
        /ruxitagentjs_ICA27NVfqrux_10283240223105712.js              | dynatrace-rum | analytics
        /etc.clientlibs/northwind/clientlibs/launch/launch-EN4f2c9b1a7e3d40c1a2b3c4d5e6f7a8b9.min.js | adobe-launch | analytics+marketing
        /js/launch-ENa1b2c3d4e5f6-development.min.js                 | adobe-launch | analytics+marketing
        /js/launch-rocket.js                                         | -          | -
        /content/dam/northwind/launch/launch-1d4e7c9b2f60.min.js     | adobe-launch | analytics+marketing
        /js/adobe/launch-5b8c0d2e9a11-development.min.js             | adobe-launch | analytics+marketing
        https://static.shop.example/tags/launch-7f3e2a9c41d0-staging.min.js?v=3 | adobe-launch | analytics+marketing
        /js/launch-1d4e7c9b2f60.js                                   | adobe-launch | analytics+marketing
        /js/launch-countdown.min.js                                  | -          | -
        /js/launch-202411181200.min.js                               | -          | -
        /js/launch-1d4e7c9b2f6.min.js                                | -          | -
        /js/launch-1d4e7c9b2f60-preview.min.js                       | -          | -
        /js/launch-1D4E7C9B2F60.min.js                               | -          | -
        /assets/launch-ENV.js                                        | -          | -
        https://stats.shop.example/js/pa-XyZ12abCDef3456ghIJkL.js    | plausible  | analytics
        /js/pa-Qm7-tR2_vXw9Lp4kZs8Nd.js                              | plausible  | analytics
        /stats/js/pa-k3vT9wQx_Lm2Np8Rz-4Hc.min.js?v=2                | plausible  | analytics
        /js/pa-abcdefghijklmnopqrstu.js                              | -          | -
        /js/pa-checkout-address-form.js                              | -          | -
        /js/pa-utils.js                                              | -          | -
        /js/pa-header.js                                             | -          | -
        /js/pa-2024-theme-colors.js                                  | -          | -
        /assets/pa-2024-theme-colors.js                              | -          | -
        /assets/pa-XyZ12abCDef3456ghIJkL.js                          | -          | -
        /js/pa-3f9a1b2c4d5e6f708192.js                               | -          | -
        /js/pa-D2kF9xQ1.js                                           | -          | -
        /js/pa-XyZ12abCDef3456ghIJk.js                               | -          | -
        /js/pa-XyZ12abCDef3456ghIJkLm.js                             | -          | -
        /js/pa-XyZ12abCDef3456gh.JkL.js                              | -          | -
        /js/PA-XyZ12abCDef3456ghIJkL.js                              | -          | -
        /js/pa-XyZ12abCDef3456ghIJkL.json                            | -          | -
        /ruxitagentjs_.js                                            | -          | -
        /modules/jexperience/javascript/init.js                      | jahia-jexperience | analytics+marketing
        /modules/jexperience/javascript/other.js                     | -          | -
        /static/tracking/webtrekk_v3.js                              | mapp-intelligence | analytics
        https://cdn.shop.example/js/webtrekk_v4.min.js?v=4.5.3       | mapp-intelligence | analytics
        /js/webtrekk_v5.js                                           | -          | -
        https://www.datadoghq-browser-agent.com/us1/v5/datadog-rum.js | datadog-rum | analytics
        https://www.datadoghq-browser-agent.com/eu1/v5/datadog-rum-slim.js | datadog-rum | analytics
        https://www.datadoghq-browser-agent.com/datadog-rum-v4.js    | datadog-rum | analytics
        /vendor/datadog/datadog-rum.js?v=5.23.0                      | datadog-rum | analytics
        https://www.datadoghq-browser-agent.com/us1/v5/datadog-logs.js | -        | -
        /js/datadog-rum-.js                                          | -          | -
        /js/datadog-rum.json                                         | -          | -
        /_vercel/insights/script.js                                  | vercel-web-analytics | analytics
        https://www.shop.example/_vercel/insights/script.js          | vercel-web-analytics | analytics
        /_vercel/speed-insights/script.js                            | vercel-speed-insights | analytics
        /insights/script.js                                          | -          | -
        /_vercel/insights/other.js                                   | -          | -
        https://cdn.shopify.com/s/trekkie.storefront.9f320156b58d74db598714aa83b6a5fbab4d4efb.min.js | shopify-trekkie | analytics
        //acme-store.example/cdn/s/trekkie.storefront.ee00ae5d5f7902c457139393886b62864391d5ea.min.js | shopify-trekkie | analytics
        https://cdn.shopify.com/s/javascripts/tricorder/trekkie.storefront.min.js?v=2017.09.05.1 | shopify-trekkie | analytics
        https://cdn.shopify.com/s/files/1/0276/4616/5110/t/3/assets/theme.min.js | - | -
        https://cdn.shopify.com/shopifycloud/shopify/assets/storefront/load_feature-d8a6f1446d67.js | - | -
        /assets/trekkie.js                                           | -          | -
        /pirsch/pirsch.min.js                                        | pirsch     | analytics
        /pirsch/pirsch-events.min.js                                 | pirsch     | analytics
        /js/pa.js                                                    | -          | -
        /js/pirsch-guide.js                                          | -          | -
        /cdn-cgi/zaraz/i.js                                          | cloudflare-zaraz | analytics+marketing
        https://www.shop.example/cdn-cgi/zaraz/s.js?z=JTdCJTIyZXhlY3V0ZWQlMjIlM0ElNUIlNUQ | cloudflare-zaraz | analytics+marketing
        /cdn-cgi/challenge-platform/scripts/jsd/main.js              | -          | -
        /cdn-cgi/scripts/5c5dd728/cloudflare-static/email-decode.min.js | -      | -
        /cdn-cgi/scripts/7d0fa10a/cloudflare-static/rocket-loader.min.js | -      | -
        /cdn-cgi/image/width=640,quality=75/uploads/hero.jpg         | -          | -
        /cdn-cgi/zaraz/t                                             | -          | -
        /js/zaraz/s.js                                               | -          | -
        /vendor/onesignal/OneSignalSDK.page.js                       | onesignal  | marketing
        /OneSignalSDKWorker.js                                       | -          | -
        /static/glassbox/detector-dom.min.js                         | glassbox   | analytics
        /static/js/detector.js                                       | -          | -
        /etc/clientlibs/bank/tealeaf.min.js                          | acoustic-tealeaf | analytics
        https://cdn.bank.example/ui/tealeaf.js?v=6.4                 | acoustic-tealeaf | analytics
        /js/teal-leaf-theme.js                                       | -          | -
        /js/tealeaf-config.js                                        | -          | -
        https://guides.shop.example/messo/SXhM1amPRRoR2TPYuc50qIPxzw7E/messo.min.js | chameleon | analytics
        /js/messo-layout.js                                          | -          | -
        //data-5e1c0a9b3f.rheinblick-online.de/iomm/latest/bootstrap/loader.js | infonline | analytics
        https://data-5e1c0a9b3f.rheinblick-online.de/iomm/latest/manager/base/es6/bundle.js | infonline | analytics
        //data-5e1c0a9b3f.rheinblick-online.de/iomm/latest/manager/base/es6/loader.js | infonline | analytics
        /static/bootstrap/loader.js                                  | -          | -
        /js/manager/base/es6/bundle.js                               | -          | -
        /js/prebid8.52.0.min.js                                      | -          | -
        /js/prebid-ads.js                                            | -          | -
        https://cdn.jsdelivr.net/npm/prebid.js@9.20.0/dist/not-for-prod/prebid.js | prebid | marketing
        /js/prebid.js?v=3                                            | prebid     | marketing
        /js/prebid/config.js                                         | -          | -
        /js/myprebid8.js                                             | -          | -
        /js/prebid.jsx                                               | -          | -
        https://go.coach.example/track.js?rtkcmpid=6702f1e8a9b3c4d5e6f70812 | redtrack | marketing
        https://rt.coach.example/uniclick.js?attribution=lastpaid&cookiedomain= | redtrack | marketing
        https://a1b2c.rdtk.io/unilpclick.js?defaultcampaignid=6702f1e8a9b3c4 | redtrack | marketing
        /assets/js/track.js?campaign=spring                          | -          | -
        /static/js/uniclick.js?v=3                                   | -          | -
        https://trk.coach.example/v1/lst/universal-script?ph=ab12&tag=!clicked | hyros | marketing
        /js/universal-script.js                                      | -          | -
        /assets/google-tag-manager-9a8b7c6d5e4f.js                   | google-tag | analytics+marketing
        https://forum.example/assets/google-tag-manager-9a8b7c6d5e4f.js?x=1 | google-tag | analytics+marketing
        /assets/google-tag-manager.js                                | -          | -
        /assets/google-tag-manager-.js                               | -          | -
        /other/google-tag-manager-9a8b7c6d5e4f.js                    | -          | -
        /assets/google-tag-manager-9a8b/c.js                         | -          | -
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

    /**
     * A CMS module's or plugin's own script that loads a tracker or sends its hits, on the site's host: URL | tracker
     * id | categories | a look-alike beside it that must stay (the same file name elsewhere, the plugin's other
     * scripts). The pair is one row, so each row also fails without the loader rule.
     */
    @ParameterizedTest(name = "{0} -> {1}, not {3}")
    @CsvSource(delimiter = '|', textBlock = """
        /sites/default/files/google_tag/primary/google_tag.script.js?t5x2q1         | google-tag       | analytics+marketing | /sites/default/files/google_tag/primary/google_tag.data_layer.js?t5x2q1
        https://www.uni.example/sites/g/files/ab12/files/google_tag/google_tag.script.js | google-tag | analytics+marketing | /sites/default/files/js/my_google_tag.script.js
        /modules/contrib/google_tag/js/gtm.js?v=10.3.1                              | google-tag       | analytics+marketing | /modules/contrib/other_module/js/gtm.js
        //cdn.shop.example/modules/google_tag/js/gtag.js?sdx9k1                     | google-tag       | analytics+marketing | /modules/contrib/google_tag/js/gtag.ajax.js?sdx9k1
        /modules/contrib/google_tag/js/gtm.js                                       | google-tag       | analytics+marketing | /modules/contrib/google_tag/js/google_tag.admin.js
        /sites/default/files/google_analytics/gtag.js?s7d111                        | google-analytics | analytics           | /modules/contrib/google_analytics/js/google_analytics.js?s7d111
        https://www.site.example/sites/default/files/google_analytics/analytics.js?p5na5d | google-analytics | analytics    | /sites/default/files/js/analytics.js
        /sites/example.org/files/googleanalytics/analytics.js?p4zh4f                | google-analytics | analytics           | /sites/all/modules/googleanalytics/googleanalytics.js
        /sites/default/files/googleanalytics/ga.js?ofoa2f                           | google-analytics | analytics           | /static/ga.js
        /wp-content/plugins/wp-analytify/assets/js/analytics.js?ver=5.5.1           | google-analytics | analytics           | /wp-content/plugins/wp-analytify/assets/js/scrolldepth.min.js
        /wp-content/plugins/wp-statistics/assets/js/tracker.js?ver=14.11.3          | wp-statistics    | analytics           | /wp-content/plugins/wp-statistics/assets/js/admin.min.js?ver=14.11.3
        https://cdn.site.example/wp-content/plugins/wp-statistics/assets/js/tracker.min.js | wp-statistics | analytics       | /wp-content/themes/pulse/assets/js/tracker.js
        /wp-content/plugins/wp-statistics/assets/js/front.min.js?ver=12.6.13        | wp-statistics    | analytics           | /wp-content/plugins/woocommerce/assets/js/front.min.js
        /wp-content/plugins/koko-analytics/assets/dist/js/script.js?ver=1.3.3       | koko-analytics   | analytics           | /wp-content/plugins/koko-analytics/assets/dist/js/dashboard.js?ver=1.3.3
        https://shop.example/static/version1718093344/frontend/Velo/stadtrad/de_DE/Magento_GoogleGtag/js/google-analytics.js | google-tag | analytics+marketing | https://shop.example/static/version1718093344/frontend/Velo/stadtrad/de_DE/Magento_Checkout/js/google-analytics.js
        /static/frontend/Magento/luma/en_US/Magento_GoogleGtag/js/google-adwords.min.js | google-tag     | analytics+marketing | /static/frontend/Magento/luma/en_US/Magento_GoogleGtag/js/google-adwords.min.js.map
        /static/version2/frontend/Magento/luma/fr_FR/Magento_GoogleTagManager/js/google-tag-manager.js | google-tag | analytics+marketing | /static/version2/frontend/Magento/luma/fr_FR/Magento_GoogleTagManager/js/google-tag-manager-cart.js
        //cdn.shop.example/static/frontend/Hyva/default/en_GB/MagePal_GoogleTagManager/js/datalayer.min.js | google-tag | analytics+marketing | //cdn.shop.example/static/frontend/Hyva/default/en_GB/Vendor_Gtm/js/datalayer.min.js
        /static/version9/frontend/Magento/blank/nl_NL/Magento_GoogleAnalytics/js/google-analytics.js | google-analytics | analytics     | /static/_cache/merged/google-analytics.js
        /etc/clientlibs/foundation/sitecatalyst/sitecatalyst.js                     | adobe-analytics  | analytics           | /etc/clientlibs/foundation/sitecatalyst/util.js
        /libs/cq/analytics/clientlibs/sitecatalyst/sitecatalyst.js                  | adobe-analytics  | analytics           | /content/northwind/_jcr_content/analytics.sitecatalyst.js
        /etc.clientlibs/dam/clientlibs/sitecatalyst/appmeasurement.js               | adobe-analytics  | analytics           | /etc/clientlibs/foundation/sitecatalyst/plugins.js
        /etc.clientlibs/dam/clientlibs/foundation/assetinsights/pagetracker.js      | adobe-analytics  | analytics           | /etc.clientlibs/northwind/clientlibs/clientlib-site/pagetracker.js
        /libs/cq/foundation/testandtarget/atjs.js                                   | adobe-target     | analytics           | /libs/cq/foundation/testandtarget/atjs-integration.js
        /libs/cq/foundation/testandtarget/mbox.js                                   | adobe-target     | analytics           | /libs/cq/foundation/testandtarget/parameters.js
        /etc/clientlibs/foundation/testandtarget/mbox.min.js                        | adobe-target     | analytics           | /etc/clientlibs/foundation/testandtarget/util.min.js
        /etc/clientlibs/foundation/testandtarget/testandtarget.js                   | adobe-target     | analytics           | /libs/cq/foundation/testandtarget/init.js
        /etc/cloudservices/testandtarget/northwind/_jcr_content/public/at.js        | adobe-target     | analytics           | /etc.clientlibs/northwind/clientlibs/clientlib-site/resources/cat.js
        /hs/scriptloader/2345678.js                                                 | hubspot          | analytics+marketing | /hs/hsstatic/keyboard-accessible-menu-flyouts/static-1.17/bundles/project.js
        https://www.maple-goods.example/hs/scriptloader/2345678.js                  | hubspot          | analytics+marketing | /hs/scriptloader/config.js
        /hs/scriptloader/2345678.min.js                                             | hubspot          | analytics+marketing | /hs/scriptloader/2345678.js.map
        /en/hs/scriptloader/48213.js?v=2                                            | hubspot          | analytics+marketing | /hs/scriptloaders/2345678.js
        /hs/scriptloader/2345678.js                                                 | hubspot          | analytics+marketing | /scriptloader/2345678.js
        https://unpkg.com/@tinybirdco/flock.js                                      | tinybird-web-analytics | analytics     | https://unpkg.com/@tinybirdco/charts
        https://cdn.jsdelivr.net/npm/@tinybirdco/flock.js@1.0.4                      | tinybird-web-analytics | analytics     | https://cdn.jsdelivr.net/npm/@tinybirdco/flock.js@1.0.4/README.md
        https://unpkg.com/@tinybirdco/flock.js@latest                               | tinybird-web-analytics | analytics     | https://unpkg.com/flock.js
        /vendor/@tinybirdco/flock.js                                                | tinybird-web-analytics | analytics     | https://unpkg.com/@acme/flock.js
        """)
    void aModulesOwnTrackerScriptIsALoaderAndItsLookAlikesAreNot(String url, String id, String categories,
            String lookAlike) {
        matchesLoaderPathsOnAnyHost(url, id, categories);
        assertNull(CATALOG.matchLoader(lookAlike), lookAlike);
    }

    @Test
    void operatorsAddLoadersInTheirCatalog() throws Exception {
        TrackerCatalog own = TrackerCatalog.bundled().withOverrides(TrackerCatalog.fromJson(new ObjectMapper().readTree(
            "{\"trackers\": [{\"id\": \"acme\", \"name\": \"Acme\", \"owner\": \"Acme\", \"categories\": [\"analytics\"],"
                + " \"loaders\": [\"/acme/tag.js?id=AS-\"], \"tagIds\": {\"AS-\": [\"analytics\"]}}]}")));
        assertEquals("acme", own.matchLoader("https://t.shop.example/acme/tag.js?id=AS-9").tracker().id());
        assertNull(own.matchLoader("https://t.shop.example/acme/tag.js?id=XS-9"));
        assertTrue(own.matchLoader("/gtm.js?id=GTM-A1B2C3") != null, "bundled loaders stay");
    }

    @Test
    void aStarInTheFileNameStandsForAVersionOrADigest() throws Exception {
        TrackerCatalog own = TrackerCatalog.bundled().withOverrides(TrackerCatalog.fromJson(new ObjectMapper().readTree(
            "{\"trackers\": [{\"id\": \"acme\", \"name\": \"Acme\", \"owner\": \"Acme\", \"categories\": [\"analytics\"],"
                + " \"loaders\": [\"/static/acme-tag-*.min.js?site=AS-\", \"/launch-*\"], \"tagIds\": {\"AS-\": [\"analytics\"]}}]}")));
        assertEquals("acme", own.matchLoader("https://cdn.shop.example/static/acme-tag-4.2.1.min.js?site=AS-9").tracker().id());
        assertEquals("acme", own.matchLoader("/etc/clientlibs/launch-countdown-4f2c.min.js").tracker().id());
        assertNull(own.matchLoader("/static/acme-tag-4.2.1.min.js?site=XS-9"));
        assertNull(own.matchLoader("/static/acme-tag-.min.js?site=AS-9"));
        assertNull(own.matchLoader("/assets/static/acme-tag-4.2.1.js?site=AS-9"));
        assertNull(own.matchLoader("/launch-"));
    }

    @Test
    void aStarAsAWholeDirectoryStandsForOneSegment() throws Exception {
        TrackerCatalog own = TrackerCatalog.fromJson(new ObjectMapper().readTree(
            "{\"trackers\": [{\"id\": \"acme\", \"name\": \"Acme\", \"owner\": \"Acme\", \"categories\": [\"analytics\"],"
                + " \"loaders\": [\"/acme.js/v2/*/acme.js\"]}]}"));
        assertEquals("acme", own.matchLoader("https://evs.shop.example/acme.js/v2/Wr1teKey/acme.js").tracker().id());
        assertEquals("acme", own.matchLoader("/proxy/acme.js/v2/k/acme.min.js?v=3").tracker().id());
        assertNull(own.matchLoader("/acme.js/v2//acme.js"), "the directory is not empty");
        assertNull(own.matchLoader("/acme.js/v2/a/b/acme.js"), "one segment, not two");
        assertNull(own.matchLoader("/acme.js/v3/k/acme.js"));
        assertNull(own.matchLoader("/acme.js/v2/k/app.js"));
        assertNull(own.matchLoader("/v2/k/acme.js"));
    }

    @Test
    void aShapedStarMayBeTheWholeFileNameBelowADirectory() throws Exception {
        TrackerCatalog own = TrackerCatalog.fromJson(new ObjectMapper().readTree(
            "{\"trackers\": [{\"id\": \"acme\", \"name\": \"Acme\", \"owner\": \"Acme\", \"categories\": [\"analytics\"],"
                + " \"loaders\": [{\"path\": \"/acme/loader/*.js\", \"wildcard\": \"[0-9]{4,10}\"}]}]}"));
        assertEquals("acme", own.matchLoader("https://www.shop.example/acme/loader/48213.js").tracker().id());
        assertEquals("acme", own.matchLoader("/de/acme/loader/48213.min.js?v=1").tracker().id());
        assertNull(own.matchLoader("/acme/loader/app.js"), "the shape, not the directory, names the file");
        assertNull(own.matchLoader("/acme/loader/123.js"));
        assertNull(own.matchLoader("/acme/loader/.js"));
        assertNull(own.matchLoader("/acme/loader/48213/x.js"));
        assertNull(own.matchLoader("/other/loader/48213.js"));
        for (String path : List.of("/*.js", "/*")) { // the whole name of any script at the root: no directory names it
            CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> TrackerCatalog.fromJson(
                new ObjectMapper().readTree("{\"trackers\": [{\"id\": \"acme\", \"name\": \"Acme\", \"owner\":"
                    + " \"Acme\", \"categories\": [\"analytics\"], \"loaders\": [{\"path\": \"" + path + "\","
                    + " \"wildcard\": \"[0-9]+\"}]}]}")));
            assertTrue(e.getMessage().contains("\"loaders\""), e.getMessage());
        }
    }

    @Test
    void segmentsLoaderOnACustomDomainIsALoader() {
        TrackerCatalog bundled = TrackerCatalog.bundled();
        assertEquals("segment", bundled.matchLoader(
            "https://evs.shop.example/analytics.js/v1/9xQ2Lm4Kp7Rt/analytics.min.js").tracker().id());
        assertNull(bundled.matchLoader("/static/analytics.js"));
        assertNull(bundled.matchLoader("/js/v1/analytics.js"));
    }

    @Test
    void aLoaderWithAnAttributeNeedsAnElementThatCarriesIt() throws Exception {
        TrackerCatalog own = TrackerCatalog.fromJson(new ObjectMapper().readTree(
            "{\"trackers\": [{\"id\": \"acme\", \"name\": \"Acme\", \"owner\": \"Acme\", \"categories\": [\"analytics\"],"
                + " \"loaders\": [\"/script.js[data-site-key]\", \"/js/acme.*.js[data-acme]\"]}]}"));
        String url = "https://stats.shop.example/script.js";
        assertNull(own.matchLoader(url), "an element not known: a file name any site may use");
        assertNull(own.matchLoader(url, a -> false));
        assertNull(own.matchLoader(url, a -> a.equals("data-acme")), "another pattern's attribute");
        assertEquals("acme", own.matchLoader(url, a -> a.equals("data-site-key")).tracker().id());
        assertEquals("acme", own.matchLoader("/js/acme.outbound.js", "data-acme"::equals).tracker().id());
        assertNull(own.matchLoader("/js/app.js", a -> true));
    }

    @Test
    void aLoaderWithSeveralAttributesNeedsAllOfThem() throws Exception {
        TrackerCatalog own = TrackerCatalog.fromJson(new ObjectMapper().readTree(
            "{\"trackers\": [{\"id\": \"acme\", \"name\": \"Acme\", \"owner\": \"Acme\", \"categories\": [\"analytics\"],"
                + " \"loaders\": [\"/*.js[data-site-key][data-acme-api]\"]}]}"));
        assertEquals("acme", own.matchLoader("/stats/x.js", Set.of("data-site-key", "data-acme-api")::contains)
            .tracker().id());
        assertEquals("acme", own.matchLoader("https://shop.example/t.min.js?v=2",
            Set.of("defer", "data-site-key", "data-acme-api")::contains).tracker().id());
        assertNull(own.matchLoader("/stats/x.js", "data-site-key"::equals), "one of the two");
        assertNull(own.matchLoader("/stats/x.js", "data-acme-api"::equals), "the other one");
        assertNull(own.matchLoader("/stats/x.js"), "an element not known");
        assertNull(own.matchLoader("/stats/x.json", a -> true), "not a script file");
        assertNull(own.matchLoader("/stats/", a -> true));
    }

    /**
     * Fathom through a first-party proxy: its script.js with the site id attribute, or under another name with the
     * site id and one of its settings. The site id alone on another file name stays.
     */
    @Test
    void fathomThroughAProxyNeedsItsSiteIdAttribute() {
        TrackerCatalog bundled = TrackerCatalog.bundled();
        assertEquals("fathom", bundled.matchLoader("/fathom/script.js",
            Set.of("defer", "data-site")::contains).tracker().id());
        for (String second : List.of("data-spa", "data-auto", "data-canonical", "data-honor-dnt",
                "data-included-domains", "data-excluded-domains")) {
            assertEquals("fathom", bundled.matchLoader("/_f/t.js", Set.of("data-site", second)::contains)
                .tracker().id(), second);
            assertNull(bundled.matchLoader("/_f/t.js", second::equals), second + " alone");
        }
        assertNull(bundled.matchLoader("/themes/north/js/site.js", "data-site"::equals));
        assertNull(bundled.matchLoader("/fathom/script.js", "data-spa"::equals));
    }

    /**
     * Umami and Plausible served under a name of the site's choosing (a proxy's path, Umami's TRACKER_SCRIPT_NAME) are
     * told by two attributes of their own embed code: Plausible's site and event endpoint, Umami's website id with one
     * of its configuration attributes. One of them alone stays: {@code data-domain} and {@code data-website-id} are
     * names other scripts use too.
     */
    @Test
    void umamiAndPlausibleUnderAnyNameNeedTwoOfTheirAttributes() {
        TrackerCatalog bundled = TrackerCatalog.bundled();
        assertEquals("plausible", bundled.matchLoader("/stats/x.js",
            Set.of("defer", "data-domain", "data-api")::contains).tracker().id());
        assertEquals("plausible", bundled.matchLoader("https://shop.example/js/pa-Xr4mQ9kLw2Tz.js",
            Set.of("data-domain", "data-api")::contains).tracker().id());
        assertEquals("umami", bundled.matchLoader("/stats/x.js",
            Set.of("defer", "data-website-id", "data-host-url")::contains).tracker().id());
        for (String second : List.of("data-auto-track", "data-domains", "data-tag", "data-do-not-track",
                "data-exclude-search", "data-exclude-hash", "data-before-send", "data-cache")) {
            assertEquals("umami", bundled.matchLoader("/_a/t.js", Set.of("data-website-id", second)::contains)
                .tracker().id(), second);
        }
        assertNull(bundled.matchLoader("/stats/x.js", Set.of("defer", "data-domain")::contains));
        assertNull(bundled.matchLoader("/stats/x.js", Set.of("defer", "data-api")::contains));
        assertNull(bundled.matchLoader("/stats/x.js", Set.of("defer", "data-website-id")::contains));
        assertNull(bundled.matchLoader("/stats/x.js", Set.of("data-domains", "data-host-url")::contains));
    }

    /**
     * DataFast's managed proxy and proxy guides serve {@code /js/script.js} (or a variant such as
     * {@code script.cookieless.js}) from the site's own host: its embed code always carries {@code data-website-id}
     * and {@code data-domain}, which tell it from a site's own script and from Plausible's or Umami's, each of which
     * carries one of them.
     */
    @Test
    void dataFastThroughAProxyNeedsBothOfItsAttributes() {
        TrackerCatalog bundled = TrackerCatalog.bundled();
        Set<String> embed = Set.of("defer", "data-website-id", "data-domain");
        assertEquals("datafast", bundled.matchLoader("https://a.shop.example/js/script.js", embed::contains)
            .tracker().id());
        assertEquals("datafast", bundled.matchLoader("/js/script.cookieless.js", embed::contains).tracker().id());
        assertEquals("datafast", bundled.matchLoader("/js/script.js", Set.of("data-website-id", "data-domain",
            "data-allowed-hostnames", "data-api-url")::contains).tracker().id());
        assertEquals(Set.of(Category.ANALYTICS), bundled.matchLoader("/js/script.js", embed::contains).categories());
        assertEquals("plausible", bundled.matchLoader("/js/script.js", "data-domain"::equals).tracker().id());
        assertEquals("umami", bundled.matchLoader("/js/script.js", "data-website-id"::equals).tracker().id());
        assertNull(bundled.matchLoader("/js/script.json", embed::contains), "not a script file");
        assertNull(bundled.matchLoader("/js/script.js.map", embed::contains));
        assertNull(bundled.matchLoader("/js/script.js", "defer"::equals));
        assertNull(bundled.matchLoader("/js/script.js"), "an element not known");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gtm.js", "/a", "/x.js?id", "/x.js?=a", "/x.js?a=b=c", "/x*.js", "/ab*.js", "/*.js",
        "/abc*/x.js", "/abc*d*.js", "/x.js?id=*", "/x.js?a=1&b=2", "/x.js#f", "/x y.js", "/?id=",
        "/x.js[]", "/x.js[Data-Site]", "/x.js[a b]", "[data-site]", "/x.js[data-site][]", "/*.js[data-site]",
        "/*.css[data-site][data-x]", "/*.js?id=A-[data-site][data-x]",
        "/*/x.js", "/a/*/b/x.js", "/a/*/*.js", "/a/*/", "/a/*/x", "/a/b*/x.js", "/hs/scriptloader/*.js"})
    void malformedLoadersAreRejectedWithTheField(String loader) {
        CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> TrackerCatalog.fromJson(
            new ObjectMapper().readTree("{\"trackers\": [{\"id\": \"acme\", \"name\": \"Acme\", \"owner\": \"Acme\","
                + " \"categories\": [\"analytics\"], \"loaders\": [\"" + loader + "\"]}]}")));
        assertTrue(e.getMessage().contains("\"loaders\""), e.getMessage());
    }
}
