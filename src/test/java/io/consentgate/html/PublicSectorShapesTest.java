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
        "<script type=\"text/javascript\">\n/*<![CDATA[*/\n(function () {\n  var sz = document.createElement('script');"
            + "\n  sz.type = 'text/javascript'; sz.async = true;\n"
            + "  sz.src = '//siteimproveanalytics.com/js/siteanalyze_6031458.js';\n"
            + "  var first = document.getElementsByTagName('script')[0];\n"
            + "  first.parentNode.insertBefore(sz, first);\n})();\n/*]]>*/\n</script>",
    })
    void siteimproveAnalyticsGoesWithAnalytics(String tag) {
        assertAnalyticsTagGoes(tag);
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
}
