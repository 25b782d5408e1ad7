package io.consentgate.html;

import static io.consentgate.html.PageFrame.ALL;
import static io.consentgate.html.PageFrame.ANALYTICS_REFUSED;
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
 * Healthcare, insurance, banking and legal sites: appointment booking, quote forms and the public pages of patient
 * portals, with the call tracking that swaps their phone numbers (CallRail, Invoca, CallTrackingMetrics,
 * WhatConverts), the session replay and experience analytics they mask forms for (Tealeaf, Decibel, Quantum Metric,
 * Glassbox), the enterprise chat their support teams answer (LivePerson, Genesys Cloud, Salesforce Embedded
 * Service) and the common tags as these sites write them (consent mode, a pixel on a symptom page, {@code <noscript>}
 * pixels on the thank-you page). The vendors' loaders are written in their shapes (hosts, globals and calls), not
 * copied. A refused tracker goes; the phone number printed in the page, the booking form, the support chat (gone
 * only where functional is refused) and the site's own scripts stay; with everything allowed the page is unchanged.
 */
class RegulatedSiteShapesTest {

    /** The clinic's header with the number the call tracking swaps, and its appointment form. */
    private static final String BOOKING = "<header class=\"masthead\"><a href=\"/\">Riverside Family Clinic</a>"
        + "<a class=\"phone\" href=\"tel:+15035550147\" data-calltrk-noswap>(503) 555-0147</a></header>\n"
        + "<form id=\"appointment\" action=\"/appointments/request\" method=\"post\">"
        + "<input type=\"hidden\" name=\"csrf\" value=\"k2Jx9\"><label>Reason for visit <select name=\"reason\">"
        + "<option>Annual physical</option><option>Sick visit</option></select></label>"
        + "<input type=\"date\" name=\"preferred_date\"><input type=\"tel\" name=\"phone\" autocomplete=\"tel\">"
        + "<button type=\"submit\">Request appointment</button></form>\n";
    /** The site's own scripts: its form handler and the bootstrap of its provider search. */
    private static final String OWN = "\n<script src=\"/static/js/appointments.bundle.js?v=7f3a\" defer></script>\n"
        + "<script>window.clinicConfig = {locationId: 'RFC-03', tz: 'America/Los_Angeles'};"
        + " document.addEventListener('DOMContentLoaded', function () { initProviderSearch('#find-a-doctor'); });"
        + "</script>";

    /** The page around each tag under test. */
    private static final PageFrame FRAME = new PageFrame(BOOKING, OWN);

    @ParameterizedTest
    @ValueSource(strings = {
        // CallRail's swap.js: the company's script tag, the same written protocol-relative by a WordPress theme,
        // an inline loader that builds the path from the company's ids, the newer file name, and a hint
        "<script type=\"text/javascript\" src=\"//cdn.callrail.com/companies/418273645/9c1e5a7b3d20f4e6a8b1/12/"
            + "swap.js\"></script>",
        "<script src='https://cdn.callrail.com/companies/770012345/0f2d4b6a8c1e3f5a7b9d/12/swap.js' defer></script>",
        "<script>\n  (function (doc) {\n    var company = '418273645', key = '9c1e5a7b3d20f4e6a8b1';\n"
            + "    var el = doc.createElement('script');\n    el.async = true;\n"
            + "    el.src = 'https://cdn.callrail.com/companies/' + company + '/' + key + '/12/swap.js';\n"
            + "    doc.body.appendChild(el);\n  })(document);\n</script>",
        "<script async src=\"https://cdn.callrail.com/companies/418273645/9c1e5a7b3d20f4e6a8b1/wp-0-5-3/"
            + "swap.js\"></script>",
        "<link rel=\"dns-prefetch\" href=\"//cdn.callrail.com\">",
    })
    void callRailSwapGoesWithMarketing(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.MARKETING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Invoca's tag: the loader that appends the network's and tag's ids to the latest build, the PNAPI
        // integration build an older page names, and the tag written as a script element of its own
        "<script>\n(function (win, doc, path, ids) {\n  win.InvocaTagId = ids;\n"
            + "  var tag = doc.createElement('script');\n  tag.type = 'text/javascript';\n  tag.async = true;\n"
            + "  tag.src = 'https://' + path;\n  var first = doc.getElementsByTagName('script')[0];\n"
            + "  first.parentNode.insertBefore(tag, first);\n})(window, document,"
            + " 'solutions.invocacdn.com/js/invoca-latest.min.js', '2041/3816540927');\n</script>",
        "<script type=\"text/javascript\">\n  (function (w, d, src, id) { w.InvocaTagId = id;"
            + " var s = d.createElement('script'); s.async = 1; s.src = '//' + src;"
            + " d.body.appendChild(s); })(window, document,\n"
            + "    \"solutions.invocacdn.com/js/pnapi_integration-latest.min.js\", \"1190/0425518733\");\n</script>",
        "<script src=\"https://solutions.invocacdn.com/js/invoca-latest.min.js\" async></script>",
    })
    void invocaTagGoesWithMarketing(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.MARKETING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // CallTrackingMetrics: the account's t.js on its numbered tracking host, written both ways
        "<script async src=\"//58213.tctm.co/t.js\"></script>",
        "<script type=\"text/javascript\">var ctmScript = document.createElement('script');"
            + " ctmScript.async = true; ctmScript.src = 'https://58213.tctm.co/t.js';"
            + " document.head.appendChild(ctmScript);</script>",
        // WhatConverts: the profile's script on its delivery host, as its WordPress plugin and a theme print it
        "<script src=\"//s.ksrndkehqnwntyxlhgto.com/104522.js\" type=\"text/javascript\"></script>",
        "<script async src=\"https://s.ksrndkehqnwntyxlhgto.com/88301.js\"></script>",
    })
    void otherCallTrackingGoesWithMarketing(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.MARKETING);
    }

    @Test
    void callTrackingCustomVariablesStayAsEventCallsDo() {
        // a site's own consent bridge pushes into CTM's custom-variable queue; it loads nothing without t.js
        String loader = "<script async src=\"//58213.tctm.co/t.js\"></script>";
        String bridge = "<script>\n  window.__ctm_cvars = window.__ctm_cvars || [];\n"
            + "  document.getElementById('consent-ok').addEventListener('click', function () {\n"
            + "    __ctm_cvars.push({consent: 1});\n  });\n</script>";
        String page = BOOKING + loader + bridge + OWN;
        assertEquals(BOOKING + bridge + OWN, rewrite(page, NONE));
        assertEquals(BOOKING + bridge + OWN, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Acoustic Tealeaf's UI Capture: the SDK a bank serves itself, and the configuration that starts it with
        // masking rules and the collector in Tealeaf's cloud
        "<script src=\"/etc/clientlibs/bank/tealeaf.min.js\"></script>",
        "<script>\n  (function () {\n    var cfg = {\n      core: {modules: {replay: {events: [{name: 'click'}]}}},\n"
            + "      services: {queue: [{qid: 'DEFAULT', endpoint: '/tl/collect', maxEvents: 40}],\n"
            + "        message: {privacy: [{targets: ['input[type=password]', '#ssn'], maskType: 3}]}}\n"
            + "    };\n    if (window.TLT && !TLT.isInitialized()) { TLT.init(cfg); }\n  })();\n</script>",
        "<script>\n  window.TLT.init(tealeafConfig, function () { console.debug('capture on'); });\n</script>",
        // Decibel's tag: the queue and loader of its account script, and the account script on its own
        "<script>\n  window._da_ = window._da_ || [];\n  (function () {\n    var s = document.createElement('script');"
            + "\n    s.async = true;\n    s.src = 'https://cdn.decibelinsight.net/i/13579/224466/di.js';\n"
            + "    document.head.appendChild(s);\n  })();\n</script>",
        "<script async src=\"//decibelinsight.net/i/13579/di.js\"></script>",
        // Quantum Metric and Glassbox, already in the catalog, as an insurer's quote flow writes them
        "<script type=\"text/javascript\">\n  (function () {\n    var qtm = document.createElement('script');"
            + " qtm.type = 'text/javascript'; qtm.async = 1;\n"
            + "    qtm.src = 'https://cdn.quantummetric.com/qscripts/quantum-acmeinsure.js';\n"
            + "    var d = document.getElementsByTagName('script')[0];\n"
            + "    !window.QuantumMetricAPI && d.parentNode.insertBefore(qtm, d);\n  })();\n</script>",
        "<script id=\"_cls_detector\" src=\"https://cdn.gbqofs.com/acmeinsure/p/detector-dom.min.js\""
            + " data-clsconfig=\"reportURI=https://c7.report.gbss.io/acmeinsure/cls_report\"></script>",
    })
    void sessionReplayGoesWithAnalytics(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.ANALYTICS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // GTM with Google consent mode: the defaults script loads nothing and stays (a refused Google tag then
        // starts with nothing), the container and its frame go
        CommonTagLoaders.GTM_BEFORE_ID + "GTM-RFC8K2Q');\n</script>",
        "<noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-RFC8K2Q\" height=\"0\" width=\"0\""
            + " style=\"display:none;visibility:hidden\"></iframe></noscript>",
    })
    void tagManagerGoesWithEitherRefusal(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.ANALYTICS, Category.MARKETING);
    }

    @Test
    void consentModeDefaultsStayBesideTheContainer() {
        String defaults = "<script>\n  window.dataLayer = window.dataLayer || [];\n"
            + "  function gtag(){ dataLayer.push(arguments); }\n  gtag('consent', 'default', {\n"
            + "    ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied',\n"
            + "    analytics_storage: 'denied', wait_for_update: 500\n  });\n"
            + "  gtag('set', 'ads_data_redaction', true);\n</script>";
        String container = "<script async src=\"https://www.googletagmanager.com/gtm.js?id=GTM-RFC8K2Q\"></script>";
        String page = BOOKING + defaults + container + OWN;
        assertEquals(BOOKING + defaults + OWN, rewrite(page, NONE));
        assertEquals(BOOKING + defaults + OWN, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the Meta pixel on a symptom page, with a content category a health site should never send
        CommonTagLoaders.META_PIXEL + "\n"
            + "fbq('init', '610293847561234');\n"
            + "fbq('track', 'ViewContent', {content_category: 'conditions/type-2-diabetes'});\n</script>",
        // LinkedIn on an insurer's quote page, with its noscript image
        "<script type=\"text/javascript\">\n_linkedin_partner_id = \"4412908\";\n"
            + "window._linkedin_data_partner_ids = window._linkedin_data_partner_ids || [];\n"
            + "window._linkedin_data_partner_ids.push(_linkedin_partner_id);\n</script>",
        "<script type=\"text/javascript\">\nif (!window.lintrk) {\n"
            + "  window.lintrk = function (name, data) { window.lintrk.q.push([name, data]); };\n"
            + "  window.lintrk.q = [];\n}\nvar insight = document.createElement('script');\n"
            + "insight.async = true; insight.src = 'https://snap.licdn.com/li.lms-analytics/insight.min.js';\n"
            + "document.body.appendChild(insight);\n</script>",
        "<noscript><img height=\"1\" width=\"1\" style=\"display:none;\" alt=\"\""
            + " src=\"https://px.ads.linkedin.com/collect/?pid=4412908&fmt=gif\" /></noscript>",
        // Bing UET on a law firm's case-evaluation page, and the thank-you page's noscript pixels
        "<script>\nwindow.uetq = window.uetq || [];\n(function (queueName, tagId) {\n"
            + "  var batScript = document.createElement('script');\n  batScript.async = true;\n"
            + "  batScript.src = '//bat.bing.com/bat.js';\n  batScript.onload = function () {\n"
            + "    var settings = { ti: tagId, enableAutoSpaTracking: true, q: window[queueName] };\n"
            + "    window[queueName] = new UET(settings);\n    window[queueName].push('pageLoad');\n  };\n"
            + "  document.head.appendChild(batScript);\n})('uetq', '187004455');\n</script>",
        "<noscript><img src=\"//bat.bing.com/action/0?ti=187004455&amp;Ver=2&amp;ea=submit_lead\" height=\"0\""
            + " width=\"0\" style=\"display:none; visibility: hidden;\" /></noscript>",
        "<noscript><img height=\"1\" width=\"1\" style=\"display:none\" src=\"https://www.facebook.com/tr?id="
            + "610293847561234&amp;ev=Lead&amp;noscript=1\"/></noscript>",
        "<img height=\"1\" width=\"1\" style=\"border-style:none;\" alt=\"\" src=\"//googleads.g.doubleclick.net/"
            + "pagead/viewthroughconversion/987650123/?label=qUoteLeAd&amp;guid=ON&amp;script=0\"/>",
    })
    void commonMarketingTagsGoWithMarketing(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.MARKETING);
    }

    @Test
    void thankYouPageLosesOnlyWhatEachRefusalCovers() {
        String head = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Thank you</title>\n"
            + "<link rel=\"stylesheet\" href=\"/css/site.css\">\n";
        String callRail = "<script src=\"//cdn.callrail.com/companies/418273645/9c1e5a7b3d20f4e6a8b1/12/swap.js\">"
            + "</script>";
        String decibel = "<script async src=\"https://cdn.decibelinsight.net/i/13579/224466/di.js\"></script>";
        String body = "</head><body>\n<h1>Thanks, we received your request</h1>\n<p>Questions? Call"
            + " <a href=\"tel:+15035550147\">(503) 555-0147</a>.</p>\n";
        String pixel = "<noscript><img src=\"//bat.bing.com/action/0?ti=187004455&amp;Ver=2&amp;ea=submit_lead\""
            + " height=\"0\" width=\"0\" style=\"display:none\" /></noscript>";
        String tail = "\n<script src=\"/static/js/site.js\"></script></body></html>";
        String page = head + callRail + decibel + body + pixel + tail;
        assertEquals(head + body + tail, rewrite(page, NONE));
        assertEquals(head + callRail + body + pixel + tail, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(head + decibel + body + tail, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Genesys Cloud web messaging's bootstrap for the deployment a support team answers
        "<script type=\"text/javascript\" charset=\"utf-8\">\n  (function (g, e, n, es, ys) {\n"
            + "    g['_genesysJs'] = e; g[e] = g[e] || function () { (g[e].q = g[e].q || []).push(arguments); };\n"
            + "    g[e].t = 1 * new Date(); g[e].c = es;\n    ys = document.createElement('script'); ys.async = 1;"
            + " ys.src = n; ys.charset = 'utf-8'; document.head.appendChild(ys);\n"
            + "  })(window, 'Genesys', 'https://apps.usw2.pure.cloud/genesys-bootstrap/genesys.min.js',"
            + " {environment: 'prod-usw2', deploymentId: '5b0e6c8a-2f41-4d3e-9a7b-1c2d3e4f5a6b'});\n</script>",
        // Salesforce Embedded Service (Messaging for In-App and Web) on a bank's help page
        "<script type=\"text/javascript\">\n  function initEmbeddedMessaging() {\n    try {\n"
            + "      embeddedservice_bootstrap.settings.language = 'en_US';\n"
            + "      embeddedservice_bootstrap.init('00D5f000000AbCd', 'Help_Desk_Web',"
            + " 'https://bankco.my.site.com/ESWHelpDeskWeb1700000000000',"
            + " {scrt2URL: 'https://bankco.my.salesforce-scrt.com'});\n    } catch (err) {"
            + " console.error('chat unavailable', err); }\n  }\n</script>\n"
            + "<script src=\"https://bankco.my.site.com/ESWHelpDeskWeb1700000000000/assets/js/bootstrap.min.js\""
            + " onload=\"initEmbeddedMessaging()\"></script>",
    })
    void supportChatStaysUnderEitherRefusal(String html) {
        FRAME.assertStays(html, ANALYTICS_REFUSED);
        FRAME.assertStays(html, MARKETING_REFUSED);
        FRAME.assertStays(html, ALL);
    }

    @Test
    void livePersonChatGoesOnlyWithFunctionalAndThePagesEngagementAttributesStay() {
        // LivePerson's web tag is a support chat (functional): it goes only where functional is refused, and the
        // page's own push of engagement attributes loads nothing without it
        String tag = "<script type=\"text/javascript\">\n  window.lpTag = window.lpTag || {};\n"
            + "  lpTag.site = '12345678';\n  lpTag.section = ['member-support', 'claims'];\n"
            + "  (function (d) { var s = d.createElement('script'); s.async = true;"
            + " s.src = 'https://lptag.liveperson.net/tag/tag.js?site=' + lpTag.site; d.head.appendChild(s); })"
            + "(document);\n</script>";
        String sdes = "<script>\n  lpTag.sdes = lpTag.sdes || [];\n  lpTag.sdes.push({type: 'service',"
            + " service: {topic: 'claim status', status: 1}});\n</script>\n<div id=\"lp-chat-button\"></div>";
        String page = BOOKING + tag + sdes + OWN;
        assertEquals(BOOKING + sdes + OWN, rewrite(page, NONE));
        assertEquals(page, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(page, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // links and text naming the vendors, a look-alike firm, and JSON-LD naming the practice's profiles
        "<p>We use <a href=\"https://www.callrail.com/privacy\">CallRail</a> and"
            + " <a href=\"https://www.invoca.com/\">Invoca</a> to route calls; see our privacy notice.</p>",
        "<h2>Callrail &amp; Tealeaf Legal Group, LLP</h2><p>Personal injury attorneys. Call 1-800-555-0199.</p>",
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"MedicalClinic\","
            + " \"name\": \"Riverside Family Clinic\", \"telephone\": \"+1-503-555-0147\", \"sameAs\": ["
            + "\"https://www.linkedin.com/company/riverside-family-clinic\","
            + " \"https://www.facebook.com/riversidefamilyclinic\"]}</script>",
        // the site's own scripts whose paths look like a vendor's
        "<script src=\"/static/js/call-tracking.js\"></script><script src=\"/assets/phone-swap.js\"></script>",
        "<script src=\"/js/vendor/decibel-meter.js\"></script><script src=\"/js/teal-leaf-theme.js\"></script>",
        // numbers printed and formatted in the page, and a click-to-call handler of the site's own
        "<a href=\"tel:18005550199\" onclick=\"window.dataLayer && dataLayer.push({event: 'call_click'})\">"
            + "1-800-555-0199</a><span class=\"swap-target\" data-calltrk-noswap>503.555.0147</span>",
    })
    void linksLookAlikesAndTheSitesOwnScriptsStay(String html) {
        FRAME.assertStays(html, NONE);
    }

    /** cookie name | tracker id or "-". */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        calltrk_session     | callrail
        calltrk_uuid        | callrail
        invoca_session      | invoca
        TLTSID              | acoustic-tealeaf
        TLTUID              | acoustic-tealeaf
        TLT                 | -
        calltracking_ok     | -
        """)
    void callTrackingAndReplayCookies(String name, String expected) {
        TrackerMatch m = RewriteAssertions.CATALOG.matchCookie(name, null);
        if ("-".equals(expected)) {
            assertNull(m, name);
        } else {
            assertNotNull(m, name);
            assertEquals(expected, m.tracker().id());
        }
    }
}
