package io.consentgate.html;

import static io.consentgate.html.PageFrame.ALL;
import static io.consentgate.html.PageFrame.ANALYTICS_REFUSED;
import static io.consentgate.html.PageFrame.MARKETING_REFUSED;
import static io.consentgate.html.PageFrame.NONE;
import static io.consentgate.html.PageFrame.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nonprofit, charity and university sites: donation pages and campaign landing pages with the donation platforms'
 * forms (GoFundMe Pro/Classy, Donorbox, Fundraise Up, Blackbaud's donor forms and Checkout, Every.org, Givebutter,
 * EveryAction's ActionTag, Engaging Networks), event registration (Eventbrite's embedded checkout), admissions and
 * "request info" pages with Slate's forms and its Ping tracking, and the ad grants and retargeting tags these pages
 * carry (Google Ads conversions, the Meta pixel, Microsoft UET, GTM). The vendors' loaders are written in their shapes
 * (hosts, globals and calls), not copied. A refused tracker goes; the donation form, its payment step, the event
 * registration, the inquiry and application forms and the site's own scripts stay; with everything allowed the page
 * is unchanged.
 */
class NonprofitAndEducationShapesTest {

    /** The campaign page's header and appeal, with the slot the donation form fills. */
    private static final String APPEAL = "<header class=\"site-head\"><a href=\"/\">Harbor Light Food Bank</a>"
        + "<a class=\"btn btn--give\" href=\"/give\">Donate</a></header>\n"
        + "<section id=\"winter-appeal\"><h1>Every $1 provides 3 meals</h1>"
        + "<div class=\"progress\" data-goal=\"250000\" data-raised=\"181420\"></div></section>\n";
    /** The site's own scripts: the appeal's progress bar and its newsletter form handler. */
    private static final String OWN = "\n<script src=\"/wp-content/themes/harborlight/js/appeal.min.js?ver=3.2\">"
        + "</script>\n<script>window.hlfb = {campaign: 'winter-2026', matchDeadline: '2026-12-31'};"
        + " hlfbProgress.render(document.querySelector('.progress'));</script>";

    /** The page around each tag under test. */
    private static final PageFrame FRAME = new PageFrame(APPEAL, OWN);

    @ParameterizedTest
    @ValueSource(strings = {
        // GoFundMe Pro (Classy): the organisation's SDK and the element an inline campaign form renders into
        "<script async src=\"https://giving.classy.org/embedded/api/sdk/js/104233\"></script>\n"
            + "<div id=\"Qx7rT2mVb0LcNd81\" classy=\"551902\"></div>",
        // Donorbox: its widget script, and the form's frame with the payment request it needs
        "<script src=\"https://donorbox.org/widget.js\" paypalExpress=\"false\"></script>"
            + "<iframe src=\"https://donorbox.org/embed/winter-meals-2026?default_interval=m\" name=\"donorbox\""
            + " allowpaymentrequest=\"allowpaymentrequest\" seamless=\"seamless\" frameborder=\"0\" scrolling=\"no\""
            + " height=\"900px\" width=\"100%\" style=\"max-width: 500px; min-width: 250px\"></iframe>",
        // Fundraise Up: a loader in its shape, a queue of the widget's commands and the account's script
        "<script>\n(function (win, doc, tag, globalName, account) {\n  if (win[globalName]) { return; }\n"
            + "  var api = function () { api.calls.push([globalName, arguments]); return api; };\n"
            + "  api.calls = [];\n  api.startedAt = Date.now();\n  win[globalName] = api;\n"
            + "  var el = doc.createElement(tag);\n  el.async = true;\n"
            + "  el.src = 'https://cdn.fundraiseup.com/widget/' + account;\n"
            + "  var first = doc.getElementsByTagName(tag)[0];\n  first.parentNode.insertBefore(el, first);\n"
            + "})(window, document, 'script', 'FundraiseUp', 'AHJKQWRT');\n</script>\n"
            + "<a href=\"#XKPLMNQZ\" style=\"display: none\"></a>",
        // Blackbaud: the Raiser's Edge NXT donation form loader and the call that places the form
        "<div id=\"blackbaud-donation-form_2f9c4e10-7a3b-4d6e-9b1f-0c8a5d3e7f21\"></div>\n"
            + "<script src=\"https://sky.blackbaudcdn.net/static/donor-form-loader/2/main.js\"></script>\n"
            + "<script>BBDonorFormLoader.newBlackbaudDonationFormZoned('renxt', 'p-Vq3kLm9TzR0wYx2BcN5dHg',"
            + " '2f9c4e10-7a3b-4d6e-9b1f-0c8a5d3e7f21', 'usa');</script>",
        // Blackbaud Checkout, the payment step of a site's own donation form
        "<script type=\"text/javascript\" src=\"https://payments.blackbaud.com/Checkout/bbCheckout.2.0.js\">"
            + "</script>",
        // Every.org's donate button and Givebutter's widget library with its element
        "<script async defer src=\"https://embeds.every.org/0.4/button.js?explicit=1\" id=\"every-donate-btn-js\">"
            + "</script>",
        "<script async src=\"https://widgets.givebutter.com/latest.umd.cjs?acct=Hq2W8pLx0ZtRk4Mv&amp;p=other\">"
            + "</script>\n<givebutter-widget id=\"gB7nRw\"></givebutter-widget>",
        // EveryAction's ActionTag (and NGP VAN's older copy on its CloudFront distribution) draws the form
        "<script type=\"text/javascript\" src=\"https://static.everyaction.com/ea-actiontag/at.js\""
            + " crossorigin=\"anonymous\"></script>\n<div class=\"ngp-form\""
            + " data-form-url=\"https://secure.everyaction.com/v1/Forms/p1kF8xQmR0CwY3sT9uVbLg2\""
            + " data-fastaction-endpoint=\"https://fastaction.ngpvan.com\" data-inline-errors=\"true\""
            + " data-fastaction-nologin=\"true\"></div>",
        "<link rel='preload' href='https://static.everyaction.com/ea-actiontag/at.js' as='script'"
            + " crossorigin='anonymous'>",
        "<script src=\"//d1aqhv4sn5kxtx.cloudfront.net/actiontag/at.js\"></script>",
        // an Engaging Networks donation page in a frame, and a JustGiving page linked from the appeal
        "<iframe src=\"https://ca.engagingnetworks.app/page/48211/donate/1?mode=embed\" title=\"Donate\""
            + " width=\"100%\" height=\"1400\" loading=\"lazy\"></iframe>",
        "<p>Running for us? <a href=\"https://www.justgiving.com/campaign/harborlight-10k\">Start a JustGiving"
            + " page</a></p>",
    })
    void donationFormsAndTheirPaymentStepStay(String html) {
        FRAME.assertStays(html, NONE);
        FRAME.assertStays(html, ANALYTICS_REFUSED);
        FRAME.assertStays(html, MARKETING_REFUSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Eventbrite's embedded checkout for the gala, opened from a button of the site's own
        "<button id=\"gala-tickets\" type=\"button\">Buy tickets</button>\n"
            + "<script src=\"https://www.eventbrite.com/static/widgets/eb_widgets.js\"></script>\n"
            + "<script type=\"text/javascript\">\n  window.EBWidgets.createWidget({\n"
            + "    widgetType: 'checkout',\n    eventId: '884213907751',\n    modal: true,\n"
            + "    modalTriggerElementId: 'gala-tickets',\n"
            + "    onOrderComplete: function () { location.hash = '#thanks'; }\n  });\n</script>",
        // a Slate inquiry form embedded on the admissions site's own domain and on the Technolutions host
        "<div id=\"form_3c7a91e2-5d40-4b8f-a6e1-90f2d4c8b3a7\">Loading...</div><script async=\"async\""
            + " src=\"https://apply.northfield.edu/register/?id=3c7a91e2-5d40-4b8f-a6e1-90f2d4c8b3a7&amp;"
            + "output=embed&amp;div=form_3c7a91e2-5d40-4b8f-a6e1-90f2d4c8b3a7\">/**/</script>",
        "<script async src=\"https://gradadmit.technolutions.net/register/request-info?output=embed&amp;"
            + "div=rfi\"></script><div id=\"rfi\"></div>",
        "<a class=\"cta\" href=\"https://apply.northfield.edu/apply/\">Start your application</a>",
    })
    void registrationInquiryAndApplicationFormsStay(String html) {
        FRAME.assertStays(html, NONE);
        FRAME.assertStays(html, ANALYTICS_REFUSED);
        FRAME.assertStays(html, MARKETING_REFUSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Slate's Ping on the institution's Technolutions host and on its own admissions domain
        "<script async=\"async\" src=\"https://gradadmit.technolutions.net/ping\">/**/</script>",
        "<script async src='https://apply.northfield.edu/ping'>/**/</script>",
        // the same written by a theme's loader
        "<script>\n  (function () {\n    var ping = document.createElement('script');\n    ping.async = true;\n"
            + "    ping.src = 'https://admissions.technolutions.net/ping';\n"
            + "    document.head.appendChild(ping);\n  }());\n</script>",
    })
    void slatePingGoesWithEitherRefusal(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.ANALYTICS, Category.MARKETING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the site's own keep-alive and status scripts, whose names only look like Ping's
        "<script src=\"/assets/js/ping.js\"></script>",
        "<script>fetch('/api/ping', {method: 'POST'}).then(function (r) { return r.ok; });</script>",
        "<a href=\"https://technolutions.com/slate\">Powered by Slate</a>",
    })
    void pingLookAlikesStay(String html) {
        FRAME.assertStays(html, NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the Google Ad Grants account's tag, written by the CMS, and the thank-you page's conversion
        "<script async src=\"https://www.googletagmanager.com/gtag/js?id=AW-802214377\"></script><script>\n"
            + "  window.dataLayer = window.dataLayer || [];\n"
            + "  function gtag() { window.dataLayer.push(arguments); }\n"
            + "  gtag('js', new Date());\n  gtag('config', 'AW-802214377');\n</script>",
        "<script>\n  gtag('event', 'conversion', {\n    send_to: 'AW-802214377/dOnAtEcMpLt8',\n"
            + "    value: 50.0, currency: 'USD', transaction_id: 'HLFB-20261203-0042'\n  });\n</script>",
        // a Meta pixel loader of the theme's own structure, with the donation event
        "<script>\n!(function (w, d) {\n  if (w.fbq) return;\n  var q = [];\n"
            + "  var f = w.fbq = function () { q.push([].slice.call(arguments)); };\n"
            + "  w._fbq = f; f.queue = q; f.loaded = true; f.version = '2.0';\n"
            + "  var s = d.createElement('script');\n  s.async = true;\n"
            + "  s.src = 'https://connect.facebook.net/en_US/fbevents.js';\n  d.head.appendChild(s);\n"
            + "})(window, document);\nfbq('init', '1029384756102938');\nfbq('track', 'PageView');\n</script>",
        "<noscript><img alt=\"\" width=\"1\" height=\"1\" style=\"display:none\""
            + " src=\"https://www.facebook.com/tr?id=1029384756102938&amp;ev=Donate&amp;noscript=1\"></noscript>",
        // Microsoft UET, loaded after the page's own load event
        "<script>\n  window.uetq = window.uetq || [];\n  window.addEventListener('load', function () {\n"
            + "    var bat = document.createElement('script');\n    bat.src = 'https://bat.bing.com/bat.js';\n"
            + "    bat.onload = function () {\n"
            + "      window.uetq = new UET({ti: '343017829', q: window.uetq});\n"
            + "      window.uetq.push('pageLoad');\n    };\n    document.body.appendChild(bat);\n  });\n</script>",
    })
    void adGrantsAndRetargetingGoWithMarketing(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.MARKETING);
    }

    @Test
    void tagManagerGoesWithEitherRefusal() {
        String container = "<script>\n(function (win, doc, layer, id) {\n  win[layer] = win[layer] || [];\n"
            + "  win[layer].push({'gtm.start': Date.now(), event: 'gtm.js'});\n"
            + "  var el = doc.createElement('script');\n  el.async = true;\n"
            + "  el.src = 'https://www.googletagmanager.com/gtm.js?id=' + id;\n  doc.head.appendChild(el);\n"
            + "})(window, document, 'dataLayer', 'GTM-K8NF2QX');\n</script>";
        FRAME.assertGoesOnlyWith(container, Category.ANALYTICS, Category.MARKETING);
    }

    @Test
    void donationPageKeepsTheFormAndLosesItsTrackers() {
        String head = "<!DOCTYPE html><html lang=\"en-US\"><head><meta charset=\"UTF-8\"><title>Give | Harbor Light"
            + "</title>\n<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\":"
            + " \"NGO\", \"name\": \"Harbor Light Food Bank\", \"sameAs\": [\"https://www.facebook.com/harborlightfb\","
            + " \"https://www.instagram.com/harborlightfb/\", \"https://www.eventbrite.com/o/harbor-light-21188\"]}"
            + "</script>\n";
        String gtm = "<script async src=\"https://www.googletagmanager.com/gtm.js?id=GTM-K8NF2QX\"></script>";
        String slate = "<script async=\"async\" src=\"https://apply.northfield.edu/ping\">/**/</script>";
        String body = "</head><body>\n" + APPEAL
            + "<script src=\"https://sky.blackbaudcdn.net/static/donor-form-loader/2/main.js\"></script>\n"
            + "<div id=\"blackbaud-donation-form_0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0\"></div>\n"
            + "<script src=\"https://payments.blackbaud.com/Checkout/bbCheckout.2.0.js\"></script>\n";
        String pixel = "<noscript><img src=\"https://www.facebook.com/tr?id=1029384756102938&amp;ev=PageView&amp;"
            + "noscript=1\" height=\"1\" width=\"1\" alt=\"\"></noscript>";
        String tail = "<footer><a href=\"https://www.facebook.com/harborlightfb\">Facebook</a></footer>" + OWN
            + "</body></html>";
        String page = head + gtm + slate + body + pixel + tail;
        assertEquals(head + body + tail, rewrite(page, NONE));
        assertEquals(head + body + pixel + tail, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(head + body + tail, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }
}
