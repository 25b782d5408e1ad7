package io.consentgate.html;

import static io.consentgate.html.PageFrame.ALL;
import static io.consentgate.html.PageFrame.ANALYTICS_REFUSED;
import static io.consentgate.html.PageFrame.FUNCTIONAL_REFUSED;
import static io.consentgate.html.PageFrame.MARKETING_REFUSED;
import static io.consentgate.html.PageFrame.NONE;
import static io.consentgate.html.PageFrame.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.consentgate.Category;
import io.consentgate.catalog.TrackerMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Government, public-sector and public-service sites: national, state and city portals, agencies, public libraries,
 * transit and public health, with the analytics they embed (the US Digital Analytics Program's federated loader,
 * Siteimprove, Europa Analytics through the European Commission's webtools, Matomo on an agency's own host, Adobe
 * Launch, GA4 through GTM behind a consent-cookie check, Hotjar, Clarity, Crazy Egg) and the site-intercept surveys
 * that record the visit to decide when to invite (ForeSee/Verint, Qualtrics, Medallia). The loaders are written in
 * the vendors' shapes (hosts, globals and calls), not copied. A refused tracker goes; what the visitor came for stays
 * byte for byte under every decision: the site search, the translation widget, the read-aloud and accessibility
 * tools, maps, the survey or feedback form the visitor opens, e-mail sign-up, captcha, fee payment and the council
 * meeting video.
 */
class PublicSectorShapesTest {

    /** A city portal's service page: the site search, the breadcrumb and the fee payment form. */
    private static final String SERVICE = "<header class=\"usa-header\"><a href=\"/\">City of Millbrook</a>"
        + "<form role=\"search\" action=\"/search\" method=\"get\"><label for=\"q\">Search</label>"
        + "<input id=\"q\" type=\"search\" name=\"query\"><button>Search</button></form></header>\n"
        + "<nav aria-label=\"Breadcrumb\"><a href=\"/services\">Services</a> &rsaquo; Parking</nav>\n"
        + "<main id=\"main-content\"><h1>Pay a parking citation</h1>"
        + "<form id=\"citation\" action=\"/services/parking/pay\" method=\"post\">"
        + "<input type=\"hidden\" name=\"csrf\" value=\"Q7v2k\"><label>Citation number"
        + " <input name=\"citation\" inputmode=\"numeric\"></label><button>Look up</button></form>\n";
    /** The site's own scripts: its design-system bundle and the alert banner. */
    private static final String OWN = "\n</main><script src=\"/themes/millbrook/js/uswds.min.js\" defer></script>\n"
        + "<script>window.millbrook = {dept: 'parking', lang: 'en'};"
        + " document.addEventListener('DOMContentLoaded', function () { Alerts.load('/api/alerts'); });</script>";

    /** The page around each tag under test. */
    private static final PageFrame FRAME = new PageFrame(SERVICE, OWN);

    private static void assertAnalyticsTagGoes(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.ANALYTICS);
    }

    private static void assertStaysUnderEveryDecision(String html) {
        FRAME.assertStays(html, NONE);
        FRAME.assertStays(html, ANALYTICS_REFUSED);
        FRAME.assertStays(html, MARKETING_REFUSED);
        FRAME.assertStays(html, FUNCTIONAL_REFUSED);
        FRAME.assertStays(html, ALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the Digital Analytics Program's federated loader with its agency parameters, the copy an agency hosts
        // itself, and a loader that adds the script once the page has loaded
        "<script async type=\"text/javascript\" id=\"_fed_an_ua_tag\""
            + " src=\"https://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js?agency=DOT&amp;subagency=FTA"
            + "&amp;sitetopic=transit\"></script>",
        "<script id=\"_fed_an_ua_tag\" src=\"/sites/all/libraries/dap/Universal-Federated-Analytics-Min.js"
            + "?agency=HHS&amp;pua=UA-33523145-1\" async></script>",
        "<script>\n  window.addEventListener('load', function () {\n    var dap = document.createElement('script');\n"
            + "    dap.id = '_fed_an_ua_tag'; dap.async = true;\n"
            + "    dap.src = 'https://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js?agency=GSA';\n"
            + "    document.head.appendChild(dap);\n  });\n</script>",
    })
    void digitalAnalyticsProgramGoesWithAnalytics(String tag) {
        assertAnalyticsTagGoes(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Siteimprove Analytics: the script tag a CMS module prints, and the loader the account page hands out
        "<script async src=\"https://siteimproveanalytics.com/js/siteanalyze_6031458.js\"></script>",
        "<script type=\"text/javascript\">\n/*<![CDATA[*/\n(function (doc, account) {\n"
            + "  var analyze = doc.createElement('script');\n  analyze.async = true;\n"
            + "  analyze.src = '//siteimproveanalytics.com/js/siteanalyze_' + account + '.js';\n"
            + "  doc.head.appendChild(analyze);\n})(document, '6031458');\n/*]]>*/\n</script>",
    })
    void siteimproveAnalyticsGoesWithAnalytics(String tag) {
        assertAnalyticsTagGoes(tag);
    }


    @ParameterizedTest
    @ValueSource(strings = {
        // ForeSee (Verint) intercept surveys: the gateway script with its data attributes, the same added by a
        // loader, and the older trigger code an agency hosts itself
        "<script type=\"text/javascript\" src=\"https://gateway.foresee.com/sites/millbrook-gov/production/"
            + "gateway.min.js\" async=\"true\" data-vendor=\"fs\" data-role=\"gateway\"></script>",
        "<script>\n  (function (d) {\n    var fs = d.createElement('script'); fs.async = true;\n"
            + "    fs.setAttribute('data-vendor', 'fs'); fs.setAttribute('data-role', 'gateway');\n"
            + "    fs.src = 'https://gateway.foresee.com/sites/millbrook-gov/production/gateway.min.js';\n"
            + "    d.body.appendChild(fs);\n  })(document);\n</script>",
        "<script type=\"text/javascript\" src=\"/foresee/foresee-trigger.js\"></script>",
    })
    void foreseeInterceptGoesWithAnalytics(String tag) {
        assertAnalyticsTagGoes(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Matomo on an agency's own host, Matomo Tag Manager's container, Hotjar, Clarity and Crazy Egg on a service
        // page
        "<script>\n  var _paq = window._paq = window._paq || [];\n  _paq.push(['trackPageView']);\n"
            + "  _paq.push(['enableLinkTracking']);\n  (function () {\n"
            + "    var u = 'https://analytics.millbrook.gov/';\n    _paq.push(['setTrackerUrl', u + 'matomo.php']);\n"
            + "    _paq.push(['setSiteId', '7']);\n    var g = document.createElement('script');\n"
            + "    g.async = true; g.src = u + 'matomo.js'; document.head.appendChild(g);\n  })();\n</script>",
        "<script>\n  var _mtm = window._mtm = window._mtm || [];\n"
            + "  _mtm.push({'mtm.startTime': (new Date().getTime()), 'event': 'mtm.Start'});\n"
            + "  var el = document.createElement('script'); el.async = true;\n"
            + "  el.src = 'https://analytics.millbrook.gov/js/container_Qx3RtV9a.js'; document.head.appendChild(el);\n"
            + "</script>",
        "<script>\n  (function (w, d, id) {\n"
            + "    w.hj = w.hj || function () { (w.hj.q = w.hj.q || []).push(arguments); };\n"
            + "    w._hjSettings = {hjid: id, hjsv: 6};\n    var s = d.createElement('script'); s.async = 1;\n"
            + "    s.src = 'https://static.hotjar.com/c/hotjar-' + id + '.js?sv=6';\n"
            + "    d.head.appendChild(s);\n  })(window, document, 3412876);\n</script>",
        "<script async src=\"https://www.clarity.ms/tag/k2v9q1x7mz\"></script>",
        "<script type=\"text/javascript\" src=\"//script.crazyegg.com/pages/scripts/0118/2264.js\" async></script>",
        // the site-intercept surveys the catalog already knows: Qualtrics and Medallia
        "<script src=\"https://znb7xqv2jd1mlk0ws-millbrook.siteintercept.qualtrics.com/SIE/?Q_ZID=ZN_b7xQV2jD1mLk0Ws\""
            + " async></script>",
        "<script src=\"https://resources.digital-cloud.medallia.com/wdcus/41872/onsite/embed.js\" async></script>",
    })
    void knownAnalyticsOnServicePagesGoWithAnalytics(String tag) {
        assertAnalyticsTagGoes(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Adobe's tag libraries as Canada.ca-style sites load them: the older DTM satelliteLib and a Launch library
        "<script src=\"//assets.adobedtm.com/caacec67651710193d2331efef325107c23a0145/"
            + "satelliteLib-c2082deaaf1d2b2e6a8d3fb16da1ec21c98b1f15.js\"></script>",
        "<script src=\"https://assets.adobedtm.com/be5dfd287373/0127575cd23a/launch-f7c3e6060667.min.js\"></script>",
    })
    void adobeTagLibrariesGoWithEitherRefusal(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.ANALYTICS, Category.MARKETING);
    }

    @Test
    void tagManagerBehindTheConsentCookieCheckGoesWithEitherRefusal() {
        String gtm = "<script>\n  (function () {\n    var policy = /cookies_policy=([^;]+)/.exec(document.cookie);\n"
            + "    if (!policy || !JSON.parse(decodeURIComponent(policy[1])).usage) { return; }\n"
            + CommonTagLoaders.GTM_BEFORE_ID.substring("<script>\n".length()) + "GTM-MG4QP7T');\n  })();\n</script>";
        FRAME.assertGoesOnlyWith(gtm, Category.ANALYTICS, Category.MARKETING);
    }

    @Test
    void cityPortalLosesOnlyWhatEachRefusalCovers() {
        String head = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pay a parking citation"
            + "</title>\n<link rel=\"stylesheet\" href=\"/themes/millbrook/css/uswds.min.css\">\n";
        String dap = "<script async id=\"_fed_an_ua_tag\" src=\"https://dap.digitalgov.gov/"
            + "Universal-Federated-Analytics-Min.js?agency=DOT\"></script>";
        String translate = "<script>function googleTranslateElementInit() {\n"
            + "  new google.translate.TranslateElement({pageLanguage: 'en'}, 'translate');\n}</script>\n"
            + "<script src=\"https://translate.google.com/translate_a/element.js?cb=googleTranslateElementInit\">"
            + "</script>";
        String body = "</head><body>\n<div id=\"translate\"></div>\n" + SERVICE;
        String meta = "<noscript><img height=\"1\" width=\"1\" style=\"display:none\""
            + " src=\"https://www.facebook.com/tr?id=580112349911207&amp;ev=PageView&amp;noscript=1\"/></noscript>";
        String tail = OWN + "</body></html>";
        String page = head + dap + translate + body + meta + tail;
        assertEquals(head + translate + body + tail, rewrite(page, NONE));
        assertEquals(head + translate + body + meta + tail, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(head + dap + translate + body + tail, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, FUNCTIONAL_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Google's translate element, ReadSpeaker's read-aloud button, BrowseAloud, Recite Me and UserWay
        "<div id=\"google_translate_element\"></div>\n<script>\n  function initTranslate() {\n"
            + "    new google.translate.TranslateElement({pageLanguage: 'en', includedLanguages: 'es,vi,zh-CN,tl',"
            + " layout: google.translate.TranslateElement.InlineLayout.SIMPLE}, 'google_translate_element');\n"
            + "  }\n</script>\n"
            + "<script src=\"//translate.google.com/translate_a/element.js?cb=initTranslate\"></script>",
        "<script src=\"https://cdn-us1.readspeaker.com/script/11937/webReader/webReader.js?pids=wr\"></script>\n"
            + "<div id=\"readspeaker_button1\" class=\"rs_skip rsbtn rs_preserve\"><a rel=\"nofollow\""
            + " class=\"rsbtn_play\" accesskey=\"L\" title=\"Listen to this page using ReadSpeaker webReader\""
            + " href=\"https://app-na.readspeaker.com/cgi-bin/rsent?customerid=11937&amp;lang=en_us"
            + "&amp;readid=main-content&amp;url=\">Listen</a></div>",
        "<script type=\"text/javascript\" src=\"https://www.browsealoud.com/plus/scripts/3.1.0/ba.js\""
            + " crossorigin=\"anonymous\"></script>",
        "<script>\n  (function () {\n    var s = document.createElement('script'); s.async = true;\n"
            + "    s.src = 'https://api.reciteme.com/asset/js?key=4f1c2a9e8d7b6c5a4f3e2d1c0b9a8f7e';\n"
            + "    s.onload = function () { loadService(); };\n    document.body.appendChild(s);\n  })();\n</script>\n"
            + "<button id=\"reciteme-launch\">Accessibility tools</button>",
        "<script src=\"https://cdn.userway.org/widget.js\" data-account=\"Xk29QpL3mV\"></script>",
        // the eTranslation and global-banner utilities of the Commission's webtools, and load.js itself
        "<script defer src=\"https://europa.eu/webtools/load.js\" type=\"text/javascript\"></script>",
        "<script type=\"application/json\">{\"service\": \"etrans\", \"languages\": {\"source\": \"en\"},"
            + " \"renderAs\": {\"button\": true}}</script>",
        "<script type=\"application/json\">{\"utility\": \"globan\", \"theme\": \"dark\", \"logo\": true}</script>",
        "<script type=\"application/json\">{\"service\": \"map\", \"map\": {\"center\": [50.84, 4.36],"
            + " \"zoom\": 12}}</script>",
    })
    void translationAndAccessibilityToolsStayUnderEveryDecision(String html) {
        assertStaysUnderEveryDecision(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // ArcGIS: the Maps SDK with its style sheet, an embedded web map and a dashboard
        "<link rel=\"stylesheet\" href=\"https://js.arcgis.com/4.29/esri/themes/light/main.css\">\n"
            + "<script src=\"https://js.arcgis.com/4.29/\"></script>\n<div id=\"viewDiv\"></div>\n<script>\n"
            + "  require(['esri/Map', 'esri/views/MapView'], function (Map, MapView) {\n"
            + "    new MapView({container: 'viewDiv', map: new Map({basemap: 'streets-vector'}),"
            + " center: [-93.26, 44.98], zoom: 12});\n  });\n</script>",
        "<iframe title=\"Snow emergency routes\" width=\"100%\" height=\"520\""
            + " src=\"https://millbrook.maps.arcgis.com/apps/Embed/index.html?webmap=5f1e2d3c4b5a69788796a5b4c3d2e1f0"
            + "&amp;extent=-93.4,44.9,-93.1,45.1&amp;zoom=true&amp;legend=true\"></iframe>",
        "<iframe src=\"https://www.arcgis.com/apps/dashboards/0a1b2c3d4e5f60718293a4b5c6d7e8f9\""
            + " title=\"Outbreak dashboard\" width=\"100%\" height=\"800\"></iframe>",
        // the survey or feedback form a visitor opens: Qualtrics, Touchpoints, a Medallia-hosted form link
        "<iframe src=\"https://millbrook.qualtrics.com/jfe/form/SV_3kLm9XpQ2vR7tYz\" title=\"Resident survey\""
            + " width=\"100%\" height=\"900\"></iframe>",
        "<div id=\"touchpoints-form-embed\"></div>\n"
            + "<script src=\"https://touchpoints.app.cloud.gov/touchpoints/9a8b7c6d.js\" async></script>",
        "<a href=\"https://millbrook.qualtrics.com/jfe/form/SV_0aBcDeFgHiJkLmN?page=parking\">"
            + "Tell us how we did</a>",
        // e-mail and text alerts through GovDelivery, Search.gov, reCAPTCHA on the contact form
        "<form action=\"https://public.govdelivery.com/accounts/MNMILLBROOK/subscribers/qualify\" method=\"post\">"
            + "<input type=\"hidden\" name=\"topic_id\" value=\"MNMILLBROOK_112\"><label>Email <input type=\"email\""
            + " name=\"email\"></label><button>Sign up for alerts</button></form>",
        "<script src=\"https://content.govdelivery.com/overlay/js/8812.js\"></script>",
        "<form accept-charset=\"UTF-8\" action=\"https://search.usa.gov/search\" method=\"get\">"
            + "<input name=\"affiliate\" type=\"hidden\" value=\"millbrook\"><input name=\"query\" type=\"search\">"
            + "<button>Search</button></form>",
        "<script src=\"https://www.google.com/recaptcha/api.js?render=explicit\" async defer></script>\n"
            + "<div class=\"g-recaptcha\" data-sitekey=\"6LcQ2vYpAAAAAK3m9XbT1nR8sWq4eZ0yLh7uJdCf\"></div>",
        // fee payment, the council meeting video (Granicus, Swagit, YouTube) and the library catalog search
        "<a class=\"usa-button\" href=\"https://ipn.paymentus.com/cp/mlbk\">Pay your water bill</a>",
        "<iframe src=\"https://millbrook.granicus.com/player/clip/2214?view_id=2&amp;redirect=true\""
            + " title=\"City Council meeting, 4 November\" width=\"640\" height=\"480\" allowfullscreen></iframe>",
        "<iframe src=\"https://millbrookmn.new.swagit.com/videos/312876/embed\" title=\"Planning Commission\""
            + " width=\"640\" height=\"360\"></iframe>",
        "<iframe src=\"https://www.youtube-nocookie.com/embed/videoseries?list=PLr9x7Qm2vN8kT1aB3cD5eF7gH9iJ0kL\""
            + " title=\"Council meetings\" allowfullscreen></iframe>",
        "<form action=\"https://millbrook.bibliocommons.com/v2/search\" method=\"get\"><input type=\"hidden\""
            + " name=\"searchType\" value=\"smart\"><input name=\"query\"><button>Search the catalog</button></form>",
    })
    void mapsFormsSearchPaymentAndVideoStayUnderEveryDecision(String html) {
        assertStaysUnderEveryDecision(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a public library's chat with its librarians and its catalog's cover images, a transit agency's trip
        // planner, the e-mail bulletin's tracked links, GOV.UK Pay, a SurveyMonkey survey embedded in the page
        "<div id=\"libchat_4f2a9c1e0b7d\"></div>\n<script src=\"https://millbrook.libanswers.com/load_chat.php"
            + "?hash=4f2a9c1e0b7d3a5f\"></script>",
        "<img src=\"https://secure.syndetics.com/index.aspx?isbn=9780143127741/SC.GIF&amp;client=millbrookpl\""
            + " alt=\"Cover of the book\">",
        "<iframe src=\"https://trips.millbrooktransit.org/otp/#/?ui_activeSearch=1&amp;fromPlace=44.98,-93.26\""
            + " title=\"Trip planner\" width=\"100%\" height=\"600\"></iframe>",
        "<a href=\"https://lnks.gd/l/eyJhbGciOiJIUzI1NiJ9.eyJidWxsZXRpbl9pZCI6IjIwMjYxMjAzLjEifQ.x7Q\">"
            + "Read the bulletin</a>",
        "<a class=\"govuk-button\" href=\"https://www.payments.service.gov.uk/pay/7c1e09ab4d2f\">Pay now</a>",
        "<script>\n  (function (t, e, s, o) {\n    var n, c, l;\n    t.SMCX = t.SMCX || [];\n"
            + "    if (e.getElementById(o)) { return; }\n    n = e.getElementsByTagName(s); c = n[n.length - 1];\n"
            + "    l = e.createElement(s); l.async = true; l.id = o;\n"
            + "    l.src = 'https://widget.surveymonkey.com/collect/website/js/tRaiETqnLgj758hTBazgd9kV2Xf4.js';\n"
            + "    c.parentNode.insertBefore(l, c);\n  })(window, document, 'script', 'smcx-sdk');\n</script>",
    })
    void libraryTransitAndServiceFormsStayUnderEveryDecision(String html) {
        assertStaysUnderEveryDecision(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // look-alikes: the Digital Analytics Program's own pages, an agency's analytics dashboard, prose
        "<a href=\"https://digital.gov/guides/dap/\">About the Digital Analytics Program</a>"
            + " <a href=\"https://analytics.usa.gov/\">See our traffic on analytics.usa.gov</a>",
        "<p>This site uses Siteimprove to check links and accessibility, and ForeSee surveys.</p>",
        "<script src=\"/themes/millbrook/js/foresee-results.js\"></script>"
            + "<script src=\"/js/siteanalyze-report.js\"></script>",
        "<script type=\"application/json\" id=\"drupal-settings-json\">{\"path\": {\"baseUrl\": \"\\/\"},"
            + " \"utility\": \"search\", \"analytics\": false}</script>",
    })
    void lookAlikesAndTheSitesOwnPartsStay(String html) {
        assertStaysUnderEveryDecision(html);
    }

    /** cookie name | tracker id or "-". */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        nmstat              | siteimprove-analytics
        siteimproveses      | siteimprove-analytics
        nmstat_settings     | -
        """)
    void publicSectorAnalyticsCookies(String name, String expected) {
        TrackerMatch m = RewriteAssertions.CATALOG.matchCookie(name, null);
        if ("-".equals(expected)) {
            assertNull(m, name);
        } else {
            assertNotNull(m, name);
            assertEquals(expected, m.tracker().id());
        }
    }}
