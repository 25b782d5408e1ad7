package io.consentgate.html;

import static io.consentgate.html.PageFrame.ALL;
import static io.consentgate.html.PageFrame.ANALYTICS_REFUSED;
import static io.consentgate.html.PageFrame.MARKETING_REFUSED;
import static io.consentgate.html.PageFrame.NONE;
import static io.consentgate.html.PageFrame.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Web pages of app businesses: landing pages that send visitors to the app stores, web-to-app funnels, smart app
 * banners and deep links, with the mobile measurement partners' and deep-linking web SDKs they carry (AppsFlyer's
 * Web SDK and OneLink Smart Script, Branch, Adjust, Singular, Kochava, Airbridge) beside the common tags. Each SDK
 * attributes installs and conversions to campaigns, so it is marketing. The loaders are written in the vendors'
 * shapes (hosts, globals and calls), not copied. A refused SDK goes; the store links (also the vendors' redirect
 * links a visitor follows), the browsers' own smart app banner, the sign-up form and the site's own scripts stay;
 * with everything allowed the page is unchanged.
 */
class MobileMeasurementWebShapesTest {

    /** The app's landing page: Safari's smart app banner, the store buttons and the waiting-list form. */
    private static final String LANDING = "<meta name=\"apple-itunes-app\" content=\"app-id=1234567890,"
        + " app-argument=https://fitloop.example/workout/42\">\n"
        + "<link rel=\"manifest\" href=\"/manifest.webmanifest\">\n"
        + "<header class=\"hero\"><h1>Fitloop</h1><p>Ten-minute workouts that fit your day.</p>\n"
        + "<a id=\"cta-ios\" class=\"store-badge\" href=\"https://apps.apple.com/app/fitloop/id1234567890\">"
        + "<img src=\"/img/app-store-badge.svg\" alt=\"Download on the App Store\"></a>\n"
        + "<a id=\"cta-android\" class=\"store-badge\" href=\"https://play.google.com/store/apps/details?id="
        + "com.fitloop.app\"><img src=\"/img/google-play-badge.png\" alt=\"Get it on Google Play\"></a></header>\n"
        + "<form id=\"waitlist\" action=\"/api/waitlist\" method=\"post\"><input type=\"email\" name=\"email\""
        + " required><button>Notify me</button></form>\n";
    /** The site's own scripts: its bundle and the start of the screenshots carousel. */
    private static final String OWN = "\n<script src=\"/js/landing.js?v=7\" defer></script>\n"
        + "<script>window.landingConfig = {locale: 'en-GB', plans: ['monthly', 'annual']};"
        + " initCarousel('#screens');</script>";

    /** The page around each tag under test. */
    private static final PageFrame FRAME = new PageFrame(LANDING, OWN);

    private static void assertMarketingTagGoes(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.MARKETING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // AppsFlyer's Web SDK (people-based attribution and Smart Banners): a queue-defining loader with both
        // plug-ins, a banners-only loader written on one line, the tag a tag manager writes, and a hint
        "<script>\n  (function (win, doc, tag, plugins, settings) {\n    win.AppsFlyerSdkObject = 'AF';\n"
            + "    win.AF = win.AF || function () {\n"
            + "      (win.AF.q = win.AF.q || []).push([Date.now()].concat([].slice.call(arguments)));\n    };\n"
            + "    win.AF.id = win.AF.id || settings;\n    win.AF.plugins = {};\n"
            + "    var el = doc.createElement(tag);\n    el.async = true;\n"
            + "    el.src = 'https://websdk.appsflyer.com?st=' + plugins + '&af_id=' + settings.pba.webAppId;\n"
            + "    doc.head.appendChild(el);\n  })(window, document, 'script', 'banners,pba',\n"
            + "    {pba: {webAppId: '3f0b2c8e-55aa-4d1e-9c7b-0a6d2e4f8b13'}, banners: {key: 'b7e1c0d2-1111-4f00'}});\n"
            + "  AF('pba', 'setCustomerUserId', 'member-4821');\n  AF('banners', 'showBanner');\n</script>",
        "<script>!function(w,d,n){w.AppsFlyerSdkObject=n;w[n]=w[n]||function(){(w[n].q=w[n].q||[]).push("
            + "[Date.now()].concat([].slice.call(arguments)))};w[n].plugins={};var s=d.createElement('script');"
            + "s.async=1;s.src=\"https://websdk.appsflyer.com?st=banners\";d.head.appendChild(s)}(window,document,"
            + "'AF');AF('banners','showBanner',{bannerContainerQuery:'#app-banner'});</script>",
        "<script type=\"text/javascript\" async src=\"https://websdk.appsflyer.com?st=pba&amp;af_id="
            + "3f0b2c8e-55aa-4d1e-9c7b-0a6d2e4f8b13\"></script>",
        "<link rel=\"preconnect\" href=\"https://websdk.appsflyer.com\">",
        // OneLink Smart Script, which writes the landing page's campaign parameters and click ids into the store
        // link: from AppsFlyer's host, a copy the site serves itself (versioned and latest), and a preload
        "<script src=\"https://onelinksmartscript.appsflyer.com/onelink-smart-script-latest.js\"></script>",
        "<script defer src=\"/assets/vendor/onelink-smart-script-v2.9.2.js\"></script>",
        "<script src=\"https://cdn.fitloop.example/js/onelink-smart-script-latest.js?v=20260901\"></script>",
        "<link rel=\"preload\" as=\"script\""
            + " href=\"https://onelinksmartscript.appsflyer.com/onelink-smart-script-latest.js\">",
    })
    void appsFlyerGoesWithMarketing(String tag) {
        assertMarketingTagGoes(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the page's own call into Smart Script: with the script gone it finds no AF_SMART_SCRIPT, and the button
        // keeps the OneLink written in the page, which still opens the store
        "<a id=\"get-app\" href=\"https://fitloop.onelink.me/Xk2p/landing\">Get the app</a>\n<script>\n"
            + "  (function () {\n    var generated = window.AF_SMART_SCRIPT && AF_SMART_SCRIPT.generateOneLinkURL({\n"
            + "      oneLinkURL: 'https://fitloop.onelink.me/Xk2p',\n      afParameters: {\n"
            + "        mediaSource: {keys: ['utm_source', 'inmedia'], defaultValue: 'website'},\n"
            + "        campaign: {keys: ['utm_campaign'], defaultValue: 'landing'}\n      }\n    });\n"
            + "    if (generated) { document.getElementById('get-app').href = generated.clickURL; }\n  })();\n"
            + "</script>",
        // a handler of the site's that reports the sign-up through the Web SDK's queue: it loads nothing once
        // the loader is gone, as the other vendors' event calls do
        "<script>\n  document.getElementById('waitlist').addEventListener('submit', function () {\n"
            + "    if (window.AF) { AF('pba', 'event', {eventType: 'EVENT', eventName: 'waitlist_join',"
            + " eventValue: {plan: 'annual'}}); }\n    showThanks();\n  });\n</script>",
    })
    void appsFlyerCallsOfThePageStay(String html) {
        FRAME.assertStays(html, NONE);
        FRAME.assertStays(html, MARKETING_REFUSED);
    }

    @Test
    void removedQueuesLeaveStandInsOnlyWhereThePageCallsThemForNothing() {
        String appsFlyer = "<script>!function(w,d,n){w.AppsFlyerSdkObject=n;w[n]=w[n]||function(){(w[n].q=w[n].q||[])"
            + ".push([Date.now()].concat([].slice.call(arguments)))};var s=d.createElement('script');"
            + "s.src='https://websdk.appsflyer.com?st=pba';d.head.appendChild(s)}(window,document,'AF');</script>";
        String adjust = "<script src=\"https://cdn.adjust.com/adjust-latest.min.js\"></script>";
        String handler = "<button onclick=\"AF('pba', 'event', {eventType: 'EVENT', eventName: 'cta'}); openQuiz()\">"
            + "Start</button>";
        String out = RewriteAssertions.rewrite(RewriteAssertions.REMOVE_WITH_STUBS, appsFlyer + adjust + handler, NONE);
        // the sign-up button's handler finds an inert AF and goes on to open the quiz; Adjust, whose methods return
        // promises, gets none, as no stand-in could keep them
        assertTrue(out.contains("data-consentgate=\"stub\"") && out.contains("'A'+'F'"), out);
        assertFalse(out.contains("Adj") || out.contains("appsflyer.com"), out);
        assertTrue(out.endsWith(handler), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Branch's web SDK (deep links, Journeys banners, attribution): a queue-defining loader with its start
        // call, the library on its own, a pinned version, and a hint
        "<script>\n  (function (win, doc, name, methods) {\n    if (win[name] && win[name]._q) { return; }\n"
            + "    var queue = {_q: [], _v: 1};\n    methods.split(' ').forEach(function (m) {\n"
            + "      queue[m] = function () { queue._q.push([m, arguments]); };\n    });\n    win[name] = queue;\n"
            + "    var el = doc.createElement('script');\n    el.async = 1;\n"
            + "    el.src = 'https://cdn.branch.io/branch-latest.min.js';\n"
            + "    doc.getElementsByTagName('head')[0].appendChild(el);\n"
            + "  })(window, document, 'branch', 'init data link track logEvent setBranchViewData closeJourney');\n"
            + "  branch.init('key_live_hkD3nF8pQzX1wYt6', {no_journeys: false}, function (err, data) {\n"
            + "    window.branchData = data;\n  });\n</script>",
        "<script async src=\"https://cdn.branch.io/branch-latest.min.js\"></script>",
        "<script src=\"//cdn.branch.io/branch-2.86.1.min.js\"></script>",
        "<link rel=\"dns-prefetch\" href=\"//cdn.branch.io\">",
    })
    void branchGoesWithMarketing(String tag) {
        assertMarketingTagGoes(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Branch's start call and a deep link built in a script of the site's own, apart from the loader: they
        // only queue on the stub the loader's snippet defines, so once it is gone they load nothing and stay
        // (branch.init( is no signature: a bank's branch finder may have one)
        "<script>\n  branch.init('key_live_hkD3nF8pQzX1wYt6');\n  branch.link({channel: 'web', data: {workout: 42}},"
            + " function (err, url) {\n    if (!err) { document.getElementById('share').href = url; }\n  });\n"
            + "</script>",
    })
    void branchCallsWithoutTheLoaderStay(String html) {
        FRAME.assertStays(html, NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Adjust's web SDK and its Smart Banner SDK, both on Adjust's CDN: a queue-defining loader with its start
        // call, a pinned version, the banner's library, a start call of the SDK bundled into a module, and a hint
        "<script type=\"application/javascript\">\n  !function (win, doc, src, ns, methods) {\n"
            + "    var queue = ns + '_q';\n    win[ns] = win[ns] || {};\n    win[queue] = win[queue] || [];\n"
            + "    methods.forEach(function (name) {\n"
            + "      win[ns][name] = function () { win[queue].push([name, arguments]); };\n    });\n"
            + "    var s = doc.createElement('script');\n    s.async = true;\n    s.src = src;\n"
            + "    doc.head.appendChild(s);\n  }(window, document, 'https://cdn.adjust.com/adjust-latest.min.js',"
            + " 'Adjust',\n    ['initSdk', 'trackEvent', 'addGlobalCallbackParameters', 'stop']);\n"
            + "  Adjust.initSdk({appToken: 'a1b2c3d4e5f6', environment: 'production'});\n</script>",
        "<script src=\"https://cdn.adjust.com/adjust-5.7.2.min.js\" defer></script>",
        "<script async src=\"https://cdn.adjust.com/adjust-smart-banner-latest.min.js\"></script>",
        "<script type=\"module\">\n  import Adjust from '/assets/js/vendor/adjust-sdk.mjs';\n\n"
            + "  Adjust.initSdk({\n    appToken: 'a1b2c3d4e5f6',\n    environment: 'production',\n"
            + "    logLevel: 'error'\n  });\n</script>",
        "<link rel=\"preconnect\" href=\"https://cdn.adjust.com\" crossorigin>",
    })
    void adjustGoesWithMarketing(String tag) {
        assertMarketingTagGoes(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Singular's website SDK: the library (latest and pinned), its start call in a script of its own, and the
        // two together
        "<script src=\"https://web-sdk-cdn.singular.net/singular-sdk/latest/singular-sdk.js\"></script>",
        "<script src=\"https://web-sdk-cdn.singular.net/singular-sdk/1.4.10/singular-sdk.js\"></script>",
        "<script>\n  var singularConfig = new SingularConfig('fitloop_7c1e4b', '0d9f3a6b2c8e5f1a',"
            + " 'com.fitloop.web');\n  singularSdk.init(singularConfig);\n</script>",
        "<script src=\"https://web-sdk-cdn.singular.net/singular-sdk/latest/singular-sdk.js\"></script>"
            + "<script>window.singularSdk.init(new SingularConfig(KEY, SECRET, 'com.fitloop.web'));</script>",
    })
    void singularGoesWithMarketing(String tag) {
        assertMarketingTagGoes(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Kochava's web SDK: the older snippet that loads a version from its asset host, the library written
        // directly, and the current SDK bundled by the site and started with the app's GUID
        "<script>\n  (function (guid, version, autoPage) {\n    var kv = window.kochava = window.kochava || [];\n"
            + "    if (kv.loaded) { return; }\n    kv.loaded = true;\n"
            + "    ['page', 'identify', 'activity', 'init'].forEach(function (m) {\n"
            + "      kv[m] = function () { kv.push([m].concat([].slice.call(arguments))); return kv; };\n    });\n"
            + "    kv.init(Date.now(), guid);\n    var s = document.createElement('script');\n    s.async = true;\n"
            + "    s.src = 'https://assets.kochava.com/kochava.js/' + version + '/kochava.min.js';\n"
            + "    document.head.appendChild(s);\n    if (autoPage) { kv.page(); }\n"
            + "  })('kofitloop-web-x7q2', 'v2', true);\n</script>",
        "<script async src=\"https://assets.kochava.com/kochava.js/v2/kochava.min.js\"></script>",
        "<script type=\"module\">\n  import { Kochava } from '/assets/js/vendor/kochava.mjs';\n"
            + "  window.kochava = Kochava.create();\n  window.kochava.startWithAppGuid('kofitloop-web-x7q2');\n"
            + "</script>",
    })
    void kochavaGoesWithMarketing(String tag) {
        assertMarketingTagGoes(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Airbridge's web SDK: a queue-defining loader with its start call, the library on its own, the start
        // call of the npm loader's build in a module, and a hint
        "<script>\n  (function (win, doc, name, src, methods) {\n    if (win[name]) { return; }\n"
            + "    var stub = {queue: []};\n    methods.split(' ').forEach(function (path) {\n"
            + "      var parts = path.split('.'), last = parts.pop(), host = stub;\n"
            + "      parts.forEach(function (p) { host = host[p] = host[p] || {}; });\n"
            + "      host[last] = function () { stub.queue.push([path, arguments]); };\n    });\n"
            + "    win.__AIRBRIDGE__ = win.__AIRBRIDGE__ || {mocks: []};\n    win[name] = stub;\n"
            + "    var s = doc.createElement('script');\n    s.async = true;\n    s.src = src;\n"
            + "    doc.head.appendChild(s);\n"
            + "  })(window, document, 'airbridge', 'https://static.airbridge.io/sdk/latest/airbridge.min.js',\n"
            + "    'init setDownloads setDeeplinks events.send events.signUp');\n"
            + "  airbridge.init({app: 'fitloop', webToken: '5d0c1f2e3a4b5c6d', utmParsing: true});\n</script>",
        "<script async src=\"https://static.airbridge.io/sdk/latest/airbridge.min.js\"></script>",
        "<script type=\"module\">\n  import airbridge from '/js/vendor/airbridge-web-sdk-loader.js';\n"
            + "  airbridge.init({\n    app: 'fitloop',\n    webToken: '5d0c1f2e3a4b5c6d'\n  });\n</script>",
        "<link rel=\"preconnect\" href=\"https://static.airbridge.io\">",
    })
    void airbridgeGoesWithMarketing(String tag) {
        assertMarketingTagGoes(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the ad tags app businesses run beside them: Meta's pixel with an app-install lead, TikTok's pixel
        CommonTagLoaders.META_PIXEL
            + "\nfbq('init', '482910375561204');\n"
            + "fbq('track', 'Lead', {content_name: 'waitlist'});\n</script>",
        "<script>\n  !function (w, d, t) {\n    w.TiktokAnalyticsObject = t;\n    var ttq = w[t] = w[t] || [];\n"
            + "    ttq.load = function (id) {\n      var s = d.createElement('script');\n      s.async = true;\n"
            + "      s.src = 'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=' + id + '&lib=' + t;\n"
            + "      d.head.appendChild(s);\n    };\n    ttq.load('CQ8ABCDE12FGH34IJ5K0');\n    ttq.page();\n"
            + "  }(window, document, 'ttq');\n</script>",
        "<script async src=\"https://www.googletagmanager.com/gtag/js?id=AW-987654321\"></script>",
    })
    void adTagsGoWithMarketing(String tag) {
        assertMarketingTagGoes(tag);
    }

    @Test
    void analyticsTagGoesWithAnalyticsAndTheAttributionSdkStaysWhereMarketingIsAllowed() {
        String ga4 = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-FTL0P2APP7\"></script>"
            + "<script>\n  window.dataLayer = window.dataLayer || [];\n  function gtag() { dataLayer.push(arguments); }"
            + "\n  gtag('js', new Date());\n  gtag('config', 'G-FTL0P2APP7');\n</script>";
        String branch = "<script async src=\"https://cdn.branch.io/branch-latest.min.js\"></script>";
        String page = LANDING + ga4 + branch + OWN;
        assertEquals(LANDING + OWN, rewrite(page, NONE));
        assertEquals(LANDING + branch + OWN, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(LANDING + ga4 + OWN, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @Test
    void webToAppFunnelPageLosesEverySdkAndKeepsItsLinksAndForm() {
        String head = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fitloop</title>\n"
            + "<meta name=\"apple-itunes-app\" content=\"app-id=1234567890\">\n"
            + "<link rel=\"stylesheet\" href=\"/css/funnel.css\">\n";
        String gtm = CommonTagLoaders.GTM_BEFORE_ID + "GTM-FTL9APP');\n</script>";
        String sdks = "<script src=\"https://onelinksmartscript.appsflyer.com/onelink-smart-script-latest.js\">"
            + "</script><script async src=\"https://static.airbridge.io/sdk/latest/airbridge.min.js\"></script>";
        String body = "</head><body>\n<section class=\"quiz\"><h2>What is your goal?</h2>"
            + "<form action=\"/funnel/step/2\" method=\"post\"><label><input type=\"radio\" name=\"goal\""
            + " value=\"strength\"> Strength</label><button>Continue</button></form></section>\n"
            + "<a class=\"cta\" href=\"https://fitloop.onelink.me/Xk2p/quiz\">Open in the app</a>\n"
            + "<a class=\"cta\" href=\"https://fitloop.app.link/e/quiz-result\">Open with Branch</a>\n"
            + "<script src=\"/js/funnel.js\"></script></body></html>";
        String page = head + gtm + sdks + body;
        String out = rewrite(page, NONE);
        assertEquals(head + body, out);
        for (String host : List.of("appsflyer.com", "airbridge.io", "googletagmanager.com")) {
            assertFalse(out.contains(host), host);
        }
        assertTrue(out.contains("apple-itunes-app") && out.contains("fitloop.onelink.me/Xk2p/quiz"));
        assertEquals(head + sdks + body, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the vendors' redirect links a visitor follows to the store or into the app, and a QR code of one:
        // they are links, never matched
        "<a href=\"https://fitloop.onelink.me/Xk2p/spring24?pid=website&amp;c=spring\" class=\"btn\">Install</a>",
        "<a href=\"https://fitloop.app.link/e/7Hq2kLmN\" rel=\"noopener\">Open the workout in the app</a>",
        "<a href=\"https://app.adjust.com/1ab2cd3?campaign=spring&amp;redirect=https%3A%2F%2Fapps.apple.com%2Fapp"
            + "%2Fid1234567890\">App Store</a>",
        "<a href=\"https://fitloop.sng.link/Bq4x/7y1z?_dl=fitloop%3A%2F%2Fhome&amp;_smtype=3\">Get Fitloop</a>",
        "<a href=\"https://abr.ge/fitlp1\">Download</a> <a href=\"https://fitloop.smart.link/9k2m\">Download</a>",
        "<img src=\"/img/qr/onelink-spring24.png\" alt=\"Scan to install\" width=\"160\" height=\"160\">",
        // the page's own script that picks the store link by platform, naming the attribution links
        "<script>\n  var storeLinks = {ios: 'https://fitloop.onelink.me/Xk2p/ios', android:"
            + " 'https://app.adjust.com/1ab2cd3', other: 'https://fitloop.app.link/home'};\n"
            + "  var platform = /iPhone|iPad/.test(navigator.userAgent) ? 'ios'"
            + " : /Android/.test(navigator.userAgent) ? 'android' : 'other';\n"
            + "  document.querySelectorAll('.store-badge').forEach(function (a) { a.href = storeLinks[platform]; });\n"
            + "</script>",
        // the app described for search engines, with its store pages and install link
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"MobileApplication\","
            + " \"name\": \"Fitloop\", \"operatingSystem\": \"iOS, Android\", \"installUrl\":"
            + " \"https://fitloop.onelink.me/Xk2p\", \"sameAs\": [\"https://apps.apple.com/app/id1234567890\","
            + " \"https://play.google.com/store/apps/details?id=com.fitloop.app\","
            + " \"https://www.appsflyer.com/customers/fitloop/\"]}</script>",
        // links to the vendors' own sites, a privacy notice that names their hosts, and the Android app link
        "<footer><a href=\"https://www.appsflyer.com/\">AppsFlyer</a>"
            + " · <a href=\"https://www.branch.io/\">Branch</a>"
            + " · <a href=\"https://www.adjust.com/\">Adjust</a>"
            + " · <a href=\"https://www.airbridge.io/\">Airbridge</a>"
            + "</footer>",
        "<p>We measure installs with AppsFlyer (websdk.appsflyer.com) and Branch (cdn.branch.io) only with your"
            + " consent.</p>",
        "<link rel=\"alternate\" href=\"android-app://com.fitloop.app/https/fitloop.example/workout/42\">",
        // the deep-link data Branch reads from the page and the App Links tags: data, never matched
        "<meta name=\"branch:deeplink:workout_id\" content=\"42\"><meta property=\"al:ios:url\""
            + " content=\"fitloop://workout/42\"><meta property=\"al:android:package\" content=\"com.fitloop.app\">",
    })
    void storeAndAttributionLinksStay(String html) {
        FRAME.assertStays(html, NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // look-alikes: a bank's branch finder with its own branch object, a courier named Airbridge, the site's
        // own scripts whose names read like the vendors', a partner list in the page's state
        "<div id=\"branch-map\"></div><script>\n  var branch = {init: function (sel) { renderBranches(sel); }};\n"
            + "  branch.init('#branch-map');\n</script>",
        "<script src=\"/static/js/branch-locator.js\"></script><script src=\"/js/adjust-layout.min.js\"></script>",
        "<script>var airbridgeRoutes = {init: function (o) { drawRoutes(o); }}; airbridgeRoutes.init({hub: 'LHR'});"
            + "</script>",
        "<script src=\"/js/singular-plural.js\"></script><script src=\"/js/onelink-helpers.js\"></script>",
        "<script src=\"/js/onelink-smart-script-config.js\"></script>",
        "<script>window.__STATE__ = {partners: ['appsflyer', 'kochava', 'singular'], adjustHeight: true};</script>",
        "<script>function adjust(el) { el.style.height = el.scrollHeight + 'px'; } adjust(document.body);</script>",
    })
    void lookAlikesStay(String html) {
        FRAME.assertStays(html, NONE);
    }
}
