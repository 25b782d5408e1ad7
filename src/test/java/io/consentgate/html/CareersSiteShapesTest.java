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
 * Careers sites and job boards: a company's job detail page with its search, filters and apply button, the
 * application forms the recruiting platforms embed (Greenhouse, Lever, Workday, iCIMS, Indeed Apply), the recruiting
 * ad platforms' conversion pixels (Indeed, ZipRecruiter, Appcast, Recruitics), a career-site platform's tracking
 * (Phenom) and the common tags as these pages write them (GTM with job data-layer pushes, GA4, the Meta pixel,
 * Google Ads and LinkedIn conversions on the confirmation page, {@code <noscript>} pixels). The loaders are written
 * in the vendors' shapes (hosts, globals and calls), not copied. A refused tracker goes; the listing, the search,
 * the apply button, the embedded application form, the job boards' redirect links and the site's own scripts stay;
 * with everything allowed the page is unchanged.
 */
class CareersSiteShapesTest {

    /** The job detail page: the search and filters, the posting and its apply button. */
    private static final String JOB = "<form id=\"job-search\" action=\"/careers/search\" method=\"get\">"
        + "<input type=\"search\" name=\"q\" value=\"warehouse\"><select name=\"location\"><option>Leeds</option>"
        + "<option>Remote</option></select><label><input type=\"checkbox\" name=\"type\" value=\"part-time\">"
        + " Part-time</label><button>Search jobs</button></form>\n"
        + "<article class=\"job\" data-job-id=\"REQ-20418\"><h1>Warehouse Shift Lead</h1>"
        + "<p class=\"meta\">Leeds &middot; Full-time &middot; &pound;31,500</p>"
        + "<a class=\"btn apply\" href=\"/careers/jobs/REQ-20418/apply?src=careers\">Apply now</a></article>\n";
    /** The site's own scripts: its careers bundle and the saved-jobs widget. */
    private static final String OWN = "\n<script src=\"/static/careers/app.4f2c1e.js\" defer></script>\n"
        + "<script>window.careersConfig = {brand: 'northgate', jobId: 'REQ-20418'};"
        + " document.addEventListener('DOMContentLoaded', function () { SavedJobs.mount('#saved'); });</script>";

    /** The page around each tag under test. */
    private static final PageFrame FRAME = new PageFrame(JOB, OWN);

    private static void assertMarketingTagGoes(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.MARKETING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Indeed's conversion tracker on the confirmation page: the settings and the script, the older script path,
        // the image an ATS's pixel field takes, and a single-page app's loader that appends the script
        "<script type=\"text/javascript\">\n  var indeed_conversion_id = '5820374619283746';\n"
            + "  var indeed_conversion_label = '';\n</script>",
        "<script type=\"text/javascript\" src=\"//conv.indeed.com/applyconversion.js\"></script>",
        "<script src=\"https://conv.indeed.com/pagead/conversion.js\" async></script>",
        "<noscript><img height=\"1\" width=\"1\" border=\"0\""
            + " src=\"//conv.indeed.com/pagead/conv/5820374619283746/?script=0\"></noscript>",
        "<img alt=\"\" width=\"1\" height=\"1\""
            + " src=\"https://conv.indeed.com/pagead/conv/5820374619283746/?script=0\">",
        "<script>\n  (function (doc, conversionId) {\n    window.indeed_conversion_id = conversionId;\n"
            + "    var tag = doc.createElement('script');\n"
            + "    tag.src = 'https://conv.indeed.com/applyconversion.js';\n"
            + "    doc.body.appendChild(tag);\n  })(document, '5820374619283746');\n</script>",
    })
    void indeedConversionTrackerGoesWithMarketing(String tag) {
        assertMarketingTagGoes(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // ZipRecruiter's conversion image, by account and by board, and a thank-you handler that fires it
        "<img src=\"https://track.ziprecruiter.com/conversion?enc_account_id=7c1e09ab\" width=\"1\" height=\"1\""
            + " alt=\"\" aria-hidden=\"true\" style=\"position:absolute;left:-9999px\">",
        "<img src='//track.ziprecruiter.com/conversion?board=northgate_cpc' width='1' height='1'/>",
        "<script>\n  document.addEventListener('application:submitted', function () {\n"
            + "    new Image().src = 'https://track.ziprecruiter.com/conversion?enc_account_id=7c1e09ab';\n"
            + "  });\n</script>",
    })
    void zipRecruiterConversionGoesWithMarketing(String tag) {
        assertMarketingTagGoes(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Appcast's pixels on the job page and the confirmation page: the script tag, an ATS's loader that appends
        // the job and click ids, and the one a front end injects with the event it pushes first
        "<script type='text/javascript' src='https://click.appcast.io/pixels/northgate1-40817.js?ent=212'></script>",
        "<script>\n  (function (d, jobRef) {\n    var px = d.createElement('script');\n"
            + "    px.src = '//click.appcast.io/pixels/generic3-40817.js?ent=212&job_reference=' +"
            + " encodeURIComponent(jobRef);\n    d.head.appendChild(px);\n  })(document, 'REQ-20418');\n</script>",
        "<script>\n  window.acDataLayer = window.acDataLayer || [];\n"
            + "  acDataLayer.push({event: 1, jid: 'REQ-20418'});\n"
            + "  var ac = document.createElement('script'); ac.id = 'appcast-pixel';\n"
            + "  ac.src = 'https://click.appcast.io/pixels/ss3-9921.js?ent=212'; document.body.appendChild(ac);\n"
            + "</script>",
        // Recruitics' partner script, as a tag and from a loader guarded on its global
        "<script src=\"//jsv3.recruitics.com/partner/3f9a2c10-5b7e-11ea-9d2f-0a58a9feac02.js\" async></script>",
        "<script>\n  if (!window.rx) {\n    var rxs = document.createElement('script'); rxs.async = true;\n"
            + "    rxs.src = 'https://jsv3.recruitics.com/partner/3f9a2c10-5b7e-11ea-9d2f-0a58a9feac02.js';\n"
            + "    document.head.appendChild(rxs);\n  }\n</script>",
    })
    void recruitingAdPixelsGoWithMarketing(String tag) {
        assertMarketingTagGoes(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Phenom's tracking script on the career site's own host, and the loader that reads its URL from phApp
        "<script src=\"https://careers.northgate.example/gb/en/phenomtrack.min.js\" async></script>",
        "<script type=\"text/javascript\">\n(function () {\n  var el = document.createElement('script');\n"
            + "  el.async = true;\n  el.src = typeof PHENOMTRACK_URL !== 'undefined' ? PHENOMTRACK_URL"
            + " : '//' + phApp.phenomTrackURL;\n  document.head.appendChild(el);\n"
            + "  el.onload = function () { phenomevent.init(phApp.refNum); };\n})();\n</script>",
    })
    void phenomTrackingGoesWithAnalyticsAndMarketing(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.ANALYTICS, Category.MARKETING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the Meta pixel with the application event, LinkedIn's job-apply conversion, Google Ads' conversion on
        // the confirmation page, and their noscript images
        "<script>\n(function (w, d, url) {\n  if (w.fbq) { return; }\n  var q = [];\n"
            + "  var f = function () { q.push(arguments); };\n  f.queue = q; f.version = '2.0'; f.loaded = true;\n"
            + "  w.fbq = w._fbq = f;\n  var el = d.createElement('script'); el.async = true; el.src = url;\n"
            + "  d.head.appendChild(el);\n})(window, document, 'https://connect.facebook.net/en_US/fbevents.js');\n"
            + "fbq('init', '804512339176205');\nfbq('track', 'SubmitApplication');\n</script>",
        "<noscript><img height=\"1\" width=\"1\" style=\"display:none\""
            + " src=\"https://www.facebook.com/tr?id=804512339176205&amp;ev=SubmitApplication&amp;noscript=1\"/>"
            + "</noscript>",
        "<img height=\"1\" width=\"1\" style=\"display:none;\" alt=\"\""
            + " src=\"https://px.ads.linkedin.com/collect/?pid=2290417&amp;conversionId=11873402&amp;fmt=gif\" />",
        "<script>\n  gtag('event', 'conversion', {\n    send_to: 'AW-812345670/jObApPly9x',\n"
            + "    transaction_id: 'APP-88120'\n  });\n</script>",
        "<script async src=\"https://www.googletagmanager.com/gtag/js?id=AW-812345670\"></script>",
    })
    void commonMarketingTagsGoWithMarketing(String tag) {
        assertMarketingTagGoes(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-7RK2QZ81MN\"></script>",
        "<script>\n  window.dataLayer = window.dataLayer || [];\n  function gtag() { dataLayer.push(arguments); }\n"
            + "  gtag('js', new Date());\n  gtag('config', 'G-7RK2QZ81MN', {content_group: 'job-detail'});\n"
            + "</script>",
    })
    void analyticsTagGoesWithAnalytics(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.ANALYTICS);
    }

    @Test
    void tagManagerGoesAndTheJobDataLayerPushStays() {
        String push = "<script>\n  window.dataLayer = window.dataLayer || [];\n  dataLayer.push({\n"
            + "    event: 'job_view', job_id: 'REQ-20418', job_title: 'Warehouse Shift Lead',\n"
            + "    job_location: 'Leeds', job_category: 'Logistics'\n  });\n</script>";
        String container = "<script>\n(function (w, d, layer, id) {\n  w[layer] = w[layer] || [];\n"
            + "  w[layer].push({'gtm.start': new Date().getTime(), event: 'gtm.js'});\n"
            + "  var s = d.createElement('script'); s.async = true;\n"
            + "  s.src = 'https://www.googletagmanager.com/gtm.js?id=' + id;\n  d.head.appendChild(s);\n"
            + "})(window, document, 'dataLayer', 'GTM-NG7R2KD');\n</script>";
        String frame = "<noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-NG7R2KD\""
            + " height=\"0\" width=\"0\" style=\"display:none;visibility:hidden\"></iframe></noscript>";
        String page = JOB + push + container + frame + OWN;
        assertEquals(JOB + push + OWN, rewrite(page, NONE));
        assertEquals(JOB + push + OWN, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(JOB + push + OWN, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @Test
    void confirmationPageLosesOnlyWhatEachRefusalCovers() {
        String head = "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
            + "<title>Application received</title>\n<link rel=\"stylesheet\" href=\"/static/careers/site.css\">\n";
        String ga = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-7RK2QZ81MN\"></script>";
        String phenom = "<script src=\"/gb/en/phenomtrack.min.js\"></script>";
        String body = "</head><body>\n<h1>Thanks, we have your application</h1>\n<p>Reference APP-88120."
            + " <a href=\"/careers/jobs\">See more jobs</a></p>\n";
        String indeed = "<noscript><img height=\"1\" width=\"1\" border=\"0\""
            + " src=\"//conv.indeed.com/pagead/conv/5820374619283746/?script=0\"></noscript>";
        String appcast = "<script src=\"https://click.appcast.io/pixels/northgate1-40817.js?ent=212\"></script>";
        String tail = "\n<script src=\"/static/careers/confirm.js\"></script></body></html>";
        String page = head + ga + phenom + body + indeed + appcast + tail;
        assertEquals(head + body + tail, rewrite(page, NONE));
        assertEquals(head + body + indeed + appcast + tail, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(head + ga + body + tail, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Greenhouse's job board embed and its iframe form, Lever's postings read by the site's own script, a
        // Workday and an iCIMS application, Indeed Apply's button with its loader, SmartRecruiters' apply link
        "<div id=\"grnhse_app\"></div>\n"
            + "<script src=\"https://boards.greenhouse.io/embed/job_board/js?for=northgate\"></script>",
        "<iframe id=\"grnhse_iframe\" title=\"Application form\" width=\"100%\" frameborder=\"0\""
            + " src=\"https://job-boards.greenhouse.io/embed/job_app?for=northgate&amp;token=6021874\"></iframe>",
        "<ul id=\"lever-jobs\"></ul>\n<script>\n  fetch('https://api.lever.co/v0/postings/northgate?mode=json')\n"
            + "    .then(function (r) { return r.json(); })\n"
            + "    .then(function (jobs) { renderJobs('#lever-jobs', jobs);"
            + " });\n</script>\n<a href=\"https://jobs.lever.co/northgate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/apply\">"
            + "Apply on Lever</a>",
        "<a class=\"btn\" href=\"https://northgate.wd3.myworkdayjobs.com/en-US/External/job/Leeds/"
            + "Warehouse-Shift-Lead_REQ-20418/apply\">Apply with Workday</a>",
        "<iframe src=\"https://careers-northgate.icims.com/jobs/20418/warehouse-shift-lead/job?in_iframe=1\""
            + " title=\"Apply\" width=\"100%\" height=\"1400\"></iframe>",
        "<span class=\"indeed-apply-widget\" data-indeed-apply-apitoken=\"a1b2c3d4e5f6\""
            + " data-indeed-apply-jobid=\"REQ-20418\" data-indeed-apply-jobtitle=\"Warehouse Shift Lead\"></span>\n"
            + "<script>\n  (function (d, id) {\n    if (d.getElementById(id)) { return; }\n"
            + "    var js = d.createElement('script'); js.id = id; js.async = true;\n"
            + "    js.src = 'https://apply.indeed.com/indeedapply/static/scripts/app/bootstrap.js';\n"
            + "    d.body.appendChild(js);\n  })(document, 'indeed-apply-js');\n</script>",
        "<a href=\"https://jobs.smartrecruiters.com/Northgate/743999912345678-warehouse-shift-lead\">Apply</a>",
    })
    void applicationFormsAndApplyButtonsStayUnderEveryRefusal(String html) {
        FRAME.assertStays(html, NONE);
        FRAME.assertStays(html, ANALYTICS_REFUSED);
        FRAME.assertStays(html, MARKETING_REFUSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the job boards' redirect links a visitor follows, in a link and in the site's own script
        "<a href=\"https://click.appcast.io/t/Qm9yZGVyLTIwNDE4LXNoaWZ0LWxlYWQ=\">See it on our job board</a>",
        "<script>\n  document.querySelector('#more-jobs').addEventListener('click', function () {\n"
            + "    location.href = 'https://jsv3.recruitics.com/redirect?rx_url=' +"
            + " encodeURIComponent('https://careers.northgate.example/jobs');\n  });\n</script>",
        "<script>\n  document.querySelectorAll('.partner-job').forEach(function (el) {\n"
            + "    el.href = 'https://uk.conv.indeed.com/pagead/clk?jk=' + el.dataset.jk;\n  });\n</script>",
        // a front end's push for Appcast's pixel in a script of its own: it loads nothing without the pixel
        "<script>\n  window.acDataLayer = window.acDataLayer || [];\n"
            + "  acDataLayer.push({event: 2, jid: 'REQ-20418', jsid: 'c-55120'});\n</script>",
        "<a href=\"https://www.indeed.com/cmp/Northgate-Logistics/jobs\">Northgate on Indeed</a>"
            + " <a href=\"https://www.ziprecruiter.com/co/Northgate-Logistics/Jobs\">on ZipRecruiter</a>",
        // Phenom's own career-site configuration and assets, which draw the site
        "<script type=\"text/javascript\">\n  var phApp = phApp || {\"widgetApiEndpoint\":"
            + " \"https://careers.northgate.example/widgets\", \"locale\": \"en_gb\", \"refNum\": \"NGLGB\","
            + " \"cdnUrl\": \"https://cdn.phenompeople.com/CareerConnectResources\","
            + " \"phenomTrackURL\": \"careers.northgate.example/gb/en/phenomtrack.min.js\","
            + " \"pageName\": \"job\"};\n</script>\n"
            + "<link rel=\"stylesheet\" href=\"https://cdn.phenompeople.com/CareerConnectResources/prod/NGLGB/"
            + "en_gb/desktop/assets/css/site.css\">",
        // JSON-LD naming the employer's profiles, look-alike names and the site's own scripts
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org/\", \"@type\": \"JobPosting\","
            + " \"title\": \"Warehouse Shift Lead\", \"datePosted\": \"2026-11-20\", \"hiringOrganization\":"
            + " {\"@type\": \"Organization\", \"name\": \"Northgate Logistics\", \"sameAs\": ["
            + "\"https://www.linkedin.com/company/northgate-logistics\","
            + " \"https://www.indeed.com/cmp/Northgate-Logistics\"]}, \"directApply\": true}</script>",
        "<h2>Appcast Audio &amp; Indeed Media Ltd</h2><p>Podcast producers hiring in Leeds.</p>",
        "<script src=\"/static/careers/indeed-feed.js\"></script><script src=\"/js/appcast-jobs-widget.js\"></script>"
            + "<script src=\"/js/phenomenal-tracking-consent.js\"></script>",
        "<a href=\"/careers/jobs/REQ-20418/apply\" onclick=\"window.dataLayer && dataLayer.push({event: "
            + "'apply_click', job_id: 'REQ-20418'})\">Apply now</a>",
    })
    void redirectLinksLookAlikesAndTheSitesOwnPartsStay(String html) {
        FRAME.assertStays(html, NONE);
    }
}
