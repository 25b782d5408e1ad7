package io.consentgate.html;

import static io.consentgate.html.PageFrame.ALL;
import static io.consentgate.html.PageFrame.ANALYTICS_REFUSED;
import static io.consentgate.html.PageFrame.FUNCTIONAL_REFUSED;
import static io.consentgate.html.PageFrame.MARKETING_REFUSED;
import static io.consentgate.html.PageFrame.NONE;
import static io.consentgate.html.PageFrame.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Car dealer and real estate pages, which carry more tags than most: a dealer platform's inventory listing and
 * vehicle detail page (a {@code dataLayer}, {@code digitalData} and the Automotive Standards Council's
 * {@code asc_datalayer} describing the vehicle, a finance calculator, a trade-in form) with the automotive lead and
 * chat tools (CarGurus' partner metrics, Podium, Gubagoo), and a real estate site's listing search and agent page
 * with its lead tools (Follow Up Boss' widget tracker, RealScout's listing widgets), plus the common tags these
 * sites carry (GTM, GA4 with {@code asc_} events, Meta's pixel with vehicle and listing events, Google Ads, Bing
 * UET, TikTok, Snap). The vendors' loaders are written in their shapes (hosts, globals and calls), not copied. A
 * refused tracker goes; the inventory, prices, photos, the calculator, the forms and the site's own scripts stay;
 * with everything allowed the page is unchanged.
 */
class DealerAndRealEstateShapesTest {

    /** A vehicle detail page's own content: the vehicle, its price and photos, the calculator and trade-in form. */
    private static final String VDP = "<header class=\"dealer-head\"><a href=\"/\">Lakeside Motors</a>"
        + " <a href=\"tel:+15555550142\">(555) 555-0142</a></header>\n"
        + "<main class=\"vdp\" data-vin=\"1HGCV1F34PA012345\" data-stock=\"P4471\">\n"
        + "<h1>Used 2023 Honda Accord EX-L</h1>\n"
        + "<img class=\"vdp-photo\" src=\"https://pictures.dealer.com/l/lakesidemotors/1234/abc123x.jpg?impolicy=resize"
        + "&amp;w=1024\" alt=\"2023 Honda Accord front\" loading=\"eager\">\n"
        + "<p class=\"price\" data-price=\"27990\">Sale price <b>$27,990</b></p>\n"
        + "<form id=\"payment-calculator\" class=\"finance-calc\"><input name=\"down\" value=\"3000\">"
        + "<select name=\"term\"><option>60</option><option selected>72</option></select>"
        + "<input name=\"apr\" value=\"6.49\"><output name=\"monthly\">$428/mo</output></form>\n"
        + "<form id=\"trade-in\" action=\"/forms/trade-in\" method=\"post\"><input name=\"trade_vin\">"
        + "<input name=\"mileage\" inputmode=\"numeric\"><input type=\"email\" name=\"email\" required>"
        + "<button>Value my trade</button></form>\n</main>\n";
    /** The platform's own data layers and scripts. */
    private static final String OWN = "\n<script>\n  window.asc_datalayer = window.asc_datalayer || {\n"
        + "    store_name: 'Lakeside Motors', oem_code: '', affiliation: 'dealer-platform', language: 'en',"
        + " currency: 'usd',\n    page_type: 'item', events: [],\n    items: [{item_id: '1HGCV1F34PA012345',"
        + " item_make: 'Honda', item_model: 'Accord', item_year: 2023, item_condition: 'used',"
        + " item_price: 27990}]\n  };\n  var digitalData = {page: {pageType: 'vehicle-details'},"
        + " vehicle: {vin: '1HGCV1F34PA012345', stockNumber: 'P4471', msrp: 29850, internetPrice: 27990}};\n"
        + "</script>\n<script src=\"/static/js/finance-calculator.js?v=3.1\" defer></script>\n"
        + "<script>initPaymentCalculator('#payment-calculator', {price: 27990, taxRate: 0.0725});</script>";

    /** The page around each tag under test. */
    private static final PageFrame FRAME = new PageFrame(VDP, OWN);

    /** CarGurus' partner metrics: its Snowplow tracker with CarGurus' collector and the metrics script. */
    private static final String CARGURUS_METRICS = "<script>\n  /* CarGurus dealer metrics */\n"
        + "  ;(function (win, doc, tag, src, name) {\n    if (win[name]) { return; }\n"
        + "    win.GlobalSnowplowNamespace = win.GlobalSnowplowNamespace || [];\n"
        + "    win.GlobalSnowplowNamespace.push(name);\n"
        + "    win[name] = function () { (win[name].q = win[name].q || []).push(arguments); };\n"
        + "    var el = doc.createElement(tag), first = doc.getElementsByTagName(tag)[0];\n"
        + "    el.async = 1; el.src = src; first.parentNode.insertBefore(el, first);\n"
        + "  })(window, document, 'script', '//d3j1weegxvu8ns.cloudfront.net/t.js', 'snowplow');\n"
        + "  window.snowplow('newTracker', 'cgtracker', 'sp.cargurus.com', {discoverRootDomain: true,"
        + " forceSecureTracker: true});\n  window.snowplow('trackPageView');\n"
        + "  window.CarGurus = window.CarGurus || {};\n  (function () {\n"
        + "    var metrics = document.createElement('script'); metrics.async = true;\n"
        + "    metrics.src = 'https://static.cargurus.com/js/api/en_US/2.0/partnermetrics.js';\n"
        + "    document.body.appendChild(metrics);\n  })();\n</script>";

    @Test
    void cargurusPartnerMetricsSnippetGoesWithEitherRefusal() {
        // a Snowplow tracker (analytics) that reports to CarGurus for its ad optimisation (marketing): both needed
        FRAME.assertGoesOnlyWith(CARGURUS_METRICS, Category.MARKETING, Category.ANALYTICS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // CarGurus' metrics script written as a tag of its own, its Snowplow build, and a hint to its collector
        "<script async src=\"https://static.cargurus.com/js/api/en_US/2.0/partnermetrics.js\"></script>",
        "<script async src=\"//d3j1weegxvu8ns.cloudfront.net/2.6.2/t.js\"></script>",
        "<link rel=\"preconnect\" href=\"https://sp.cargurus.com\">",
        "<img src=\"https://sp.cargurus.com/i?e=pv&amp;url=https%3A%2F%2Flakesidemotors.example%2F&amp;tna=cgtracker\""
            + " width=\"1\" height=\"1\" alt=\"\">",
    })
    void cargurusMetricsGoWithMarketing(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.MARKETING);
    }

    /** Follow Up Boss' widget tracker as a real estate site's header carries it. */
    private static final String FUB_TRACKER = "<script>\n"
        + "  (function (win, url, doc, name, tag, el) {\n    win['WidgetTrackerObject'] = name;\n"
        + "    win[name] = win[name] || function () { (win[name].q = win[name].q || []).push(arguments); };\n"
        + "    win[name].ds = 1 * new Date();\n    tag = 'script'; el = doc.createElement(tag);\n"
        + "    var first = doc.getElementsByTagName(tag)[0]; el.async = 1; el.src = url;\n"
        + "    first.parentNode.insertBefore(el, first);\n"
        + "  })(window, 'https://widgetbe.com/agent', document, 'widgetTracker');\n"
        + "  window.widgetTracker('create', 'WT-QMRTXHEB');\n  window.widgetTracker('send', 'pageview');\n"
        + "</script>";

    @ParameterizedTest
    @ValueSource(strings = {
        FUB_TRACKER,
        // the same loader written by a site's bundle with the host in a variable, and the script as a tag
        "<script>\nvar fubHost = \"https://widgetbe.com\";\n(function(w,d,n){w.WidgetTrackerObject=n;"
            + "w[n]=w[n]||function(){(w[n].q=w[n].q||[]).push(arguments)};var s=d.createElement('script');"
            + "s.async=true;s.src=fubHost+'/agent';d.head.appendChild(s);})(window,document,'widgetTracker');\n"
            + "widgetTracker('create','WT-ZP4LKDWA');widgetTracker('send','pageview');\n</script>",
        "<script async src=\"https://widgetbe.com/agent\"></script>",
    })
    void followUpBossTrackerGoesWithMarketing(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.MARKETING);
    }

    @Test
    void leadFormHandlerThatReportsToFollowUpBossStays() {
        // an event call in the site's own form handler sends nothing once the tracker's loader is gone
        String handler = "<script>\n  document.getElementById('trade-in').addEventListener('submit', function () {\n"
            + "    if (window.widgetTracker) { widgetTracker('send', 'event', 'lead', 'trade-in'); }\n"
            + "    window.asc_datalayer.events.push({event: 'asc_form_submission', form_type: 'trade-in'});\n"
            + "  });\n</script>";
        FRAME.assertStays(handler, NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Podium's web chat (a text conversation the visitor starts) and Gubagoo's chat and digital retailing
        // toolbar, loaded by tag or by a platform's integration script with the vehicle's parameters
        "<script defer src=\"https://connect.podium.com/widget.js#ORG_TOKEN=5f0c7a2e-1b3d-4e6f-8a9b-0c1d2e3f4a5b\""
            + " id=\"podium-widget\" organization-api-token=\"5f0c7a2e-1b3d-4e6f-8a9b-0c1d2e3f4a5b\"></script>",
        "<script async src=\"https://cdn.gubagoo.io/toolbars/81234/loader_81234_1.js\"></script>",
        "<script>\n  window.gubagooCustomParams = {vin: '1HGCV1F34PA012345', make: 'Honda', model: 'Accord',"
            + " year: 2023};\n  (function () { var g = document.createElement('script'); g.async = true;\n"
            + "    g.src = 'https://cdn.gubagoo.io/toolbars/integration/LKM_81234.js';\n"
            + "    document.head.appendChild(g); })();\n</script>",
    })
    void chatWidgetsGoOnlyWithFunctional(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.FUNCTIONAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Meta's pixel with the vehicle catalogue event a VDP sends, and its noscript image
        CommonTagLoaders.META_PIXEL
            + "\nfbq('init', '210987654321098');\n"
            + "fbq('track', 'ViewContent', {content_type: 'vehicle', content_ids: ['1HGCV1F34PA012345'],"
            + " make: 'Honda', model: 'Accord', year: 2023, state_of_vehicle: 'used', price: 27990,"
            + " currency: 'USD'});\n</script>",
        "<noscript><img height=\"1\" width=\"1\" style=\"display:none\" src=\"https://www.facebook.com/tr?id="
            + "210987654321098&amp;ev=ViewContent&amp;cd[content_type]=vehicle&amp;noscript=1\"></noscript>",
        // Google Ads remarketing with the dealer's vertical parameters, Bing UET, TikTok and Snap
        "<script async src=\"https://www.googletagmanager.com/gtag/js?id=AW-765432109\"></script><script>\n"
            + "  window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}\n"
            + "  gtag('js', new Date()); gtag('config', 'AW-765432109');\n  gtag('event', 'view_item', {send_to:"
            + " 'AW-765432109', items: [{id: '1HGCV1F34PA012345', google_business_vertical: 'custom'}]});\n"
            + "</script>",
        "<script>\nwindow.uetq = window.uetq || [];\n(function (queueName) {\n"
            + "  var batScript = document.createElement('script');\n  batScript.async = true;\n"
            + "  batScript.src = '//bat.bing.com/bat.js';\n  batScript.onload = function () {\n"
            + "    var settings = { ti: \"187654321\" };\n    settings.q = window[queueName];\n"
            + "    window[queueName] = new UET(settings);\n    window[queueName].push('pageLoad');\n  };\n"
            + "  document.head.appendChild(batScript);\n})('uetq');\n"
            + "</script>",
        "<script>\n  !function (w, d, t) { w.TiktokAnalyticsObject = t; var ttq = w[t] = w[t] || [];"
            + " ttq.methods = ['page', 'track', 'identify']; ttq.load = function (id) {"
            + " var s = d.createElement('script'); s.async = true;"
            + " s.src = 'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=' + id + '&lib=' + t;"
            + " d.head.appendChild(s); }; ttq.load('CQ8ABCDEFG1234567890'); ttq.page();"
            + " }(window, document, 'ttq');\n</script>",
        "<script type=\"text/javascript\">\n(function (win, doc, src) { if (win.snaptr) { return; }"
            + " var a = win.snaptr = function () { a.handleRequest ? a.handleRequest.apply(a, arguments)"
            + " : a.queue.push(arguments); }; a.queue = []; var s = doc.createElement('script'); s.async = true;"
            + " s.src = src; doc.head.appendChild(s); })(window, document, 'https://sc-static.net/scevent.min.js');\n"
            + "snaptr('init', '0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9', {});\nsnaptr('track', 'VIEW_CONTENT');\n"
            + "</script>",
    })
    void commonMarketingTagsGoWithMarketing(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.MARKETING);
    }

    @Test
    void ga4WithAscEventsGoesWithAnalyticsAndThePlatformsEventScriptStays() {
        String loader = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-ASC4LKM7Q2\"></script>";
        String config = "<script>\n  window.dataLayer = window.dataLayer || [];\n"
            + "  function gtag() { dataLayer.push(arguments); }\n  gtag('js', new Date());\n"
            + "  gtag('config', 'G-ASC4LKM7Q2', {send_page_view: false});\n</script>";
        // the platform sends its ASC events to whichever tags are configured: an event without a tag id
        String events = "<script>\n  gtag('event', 'asc_pageview', {page_type: 'item', item_id: '1HGCV1F34PA012345',"
            + " item_condition: 'used', event_owner: 'dealer-platform'});\n"
            + "  document.querySelectorAll('[data-asc-cta]').forEach(function (el) {\n"
            + "    el.addEventListener('click', function () { gtag('event', 'asc_cta_interaction',"
            + " {element_text: el.textContent, event_action_result: 'calc'}); });\n  });\n</script>";
        String page = VDP + loader + config + events + OWN;
        assertEquals(VDP + events + OWN, rewrite(page, NONE));
        assertEquals(VDP + events + OWN, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(page, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @Test
    void tagManagerContainerGoesAndTheVehicleDataLayerStays() {
        String dataLayer = "<script>\n  window.dataLayer = window.dataLayer || [];\n  dataLayer.push({event:"
            + " 'vdp_view', vehicle: {vin: '1HGCV1F34PA012345', year: 2023, make: 'Honda', model: 'Accord',"
            + " trim: 'EX-L', price: 27990, condition: 'used', dealerId: 'lakesidemotors'}});\n</script>\n";
        String container = CommonTagLoaders.GTM_BEFORE_ID + "GTM-LKM7Q2');\n</script>\n"
            + "<noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-LKM7Q2\" height=\"0\""
            + " width=\"0\" style=\"display:none;visibility:hidden\"></iframe></noscript>";
        String page = VDP + dataLayer + container + OWN;
        assertEquals(VDP + dataLayer + "\n" + OWN, rewrite(page, NONE));
        assertEquals(VDP + dataLayer + "\n" + OWN, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(VDP + dataLayer + "\n" + OWN, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @Test
    void vehicleDetailPageLosesOnlyWhatEachRefusalCovers() {
        String head = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Used 2023 Honda Accord"
            + " EX-L | Lakeside Motors</title>\n<link rel=\"stylesheet\" href=\"/static/css/site.css\">\n";
        String ga4 = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-ASC4LKM7Q2\"></script>";
        String metrics = "<script async src=\"https://static.cargurus.com/js/api/en_US/2.0/partnermetrics.js\">"
            + "</script>";
        String body = "</head><body>\n" + VDP;
        String podium = "<script defer src=\"https://connect.podium.com/widget.js#ORG_TOKEN=5f0c7a2e\""
            + " id=\"podium-widget\"></script>";
        String tail = OWN + "\n</body></html>";
        String page = head + ga4 + metrics + body + podium + tail;
        assertEquals(head + body + tail, rewrite(page, NONE));
        assertEquals(head + metrics + body + podium + tail, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(head + ga4 + body + podium + tail, rewrite(page, MARKETING_REFUSED));
        assertEquals(head + ga4 + metrics + body + tail, rewrite(page, FUNCTIONAL_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @Test
    void listingSearchPageKeepsTheSearchAndListingsAndLosesTheLeadTracker() {
        String search = "<form class=\"idx-search\" action=\"/homes-for-sale\" method=\"get\">"
            + "<input name=\"city\" value=\"Lake Oswego\"><input name=\"min_price\" value=\"500000\">"
            + "<select name=\"beds\"><option>3+</option></select><button>Search homes</button></form>\n"
            + "<ul class=\"listings\"><li data-mls=\"23456789\"><img src=\"https://photos.idx-feed.example/"
            + "23456789/1.jpg\" alt=\"12 Birch Ln\"><b>$749,000</b> 3 bd · 2 ba</li></ul>\n"
            + "<realscout-office-listings agent-encoded-id=\"QWdlbnQtMTIzNDU2\" sort-order=\"NEWEST\""
            + " listing-status=\"For Sale\" property-types=\"SFR,TC\"></realscout-office-listings>\n"
            + "<script src=\"https://em.realscout.com/widgets/realscout-web-components.umd.js\""
            + " type=\"module\"></script>\n";
        String meta = CommonTagLoaders.META_PIXEL
            + "\nfbq('init', '345678901234567');\n"
            + "fbq('track', 'Search', {content_type: 'home_listing', city: 'Lake Oswego', region: 'OR'});\n"
            + "</script>";
        String own = "\n<script src=\"/wp-content/plugins/idx-search/js/map-search.js\"></script>";
        String page = search + FUB_TRACKER + meta + own;
        assertEquals(search + own, rewrite(page, NONE));
        assertEquals(search + own, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // inventory photos and 360 spins from the platform's image CDN, and a listing photo gallery
        "<picture><source srcset=\"https://pictures.dealer.com/l/lakesidemotors/1234/abc123x.jpg?w=640 640w\">"
            + "<img src=\"https://pictures.dealer.com/l/lakesidemotors/1234/abc123x.jpg\" alt=\"Side\"></picture>",
        // a real estate platform's listing photo through its image CDN's resizing path, and a dealer platform's
        // own data layer with the vehicles on the page
        "<img class=\"listing-photo\" src=\"https://img.kvcore.com/cdn-cgi/image/fit=scale-down,format=auto,"
            + "width=550/https://photos.idx-feed.example/23456789/1.jpg\" alt=\"12 Birch Ln, living room\">",
        "<script>\n  window.DDC = window.DDC || {};\n"
            + "  DDC.dataLayer = {page: {pageInfo: {pageName: 'VEHICLE_DETAILS'}},"
            + " vehicles: [{vin: '1HGCV1F34PA012345', internetPrice: 27990, inventoryType: 'used'}]};\n</script>",
        "<script>window.gubagooCustomParams = {vin: '1HGCV1F34PA012345', make: 'Honda', model: 'Accord',"
            + " year: 2023, stock: 'P4471'};</script>",
        // RealScout's listing widget, a search the visitor uses, and a link to a Zillow listing
        "<realscout-simple-search agent-encoded-id=\"QWdlbnQtMTIzNDU2\"></realscout-simple-search>"
            + "<script src=\"https://em.realscout.com/widgets/realscout-web-components.umd.js\" type=\"module\""
            + " crossorigin=\"anonymous\"></script>",
        "<a href=\"https://www.zillow.com/homedetails/12-Birch-Ln-Lake-Oswego-OR-97034/12345678_zpid/\">"
            + "See it on Zillow</a> <a href=\"https://www.trulia.com/profile/jane-agent/\">Trulia reviews</a>",
        // links to the dealer's pages on marketplaces, an ActivEngage chat link, and JSON-LD naming them
        "<a href=\"https://www.cargurus.com/Cars/m-Lakeside-Motors-sp123456\">Read our CarGurus reviews</a>"
            + " <a href=\"https://www.cars.com/dealers/5551234/lakeside-motors/\">Cars.com</a>"
            + " <a href=\"https://www.autotrader.com/car-dealers/portland-or/71234/lakeside-motors\">Autotrader</a>",
        "<a class=\"chat-link\" href=\"https://go.activengage.com/s/sites/static/chat?d=lakesidemotors.example\""
            + " target=\"_blank\">Live chat</a>",
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"AutoDealer\","
            + " \"name\": \"Lakeside Motors\","
            + " \"sameAs\": [\"https://www.cargurus.com/Cars/m-Lakeside-Motors-sp123456\","
            + " \"https://www.cars.com/dealers/5551234/lakeside-motors/\", \"https://www.facebook.com/lakesidemotors\","
            + " \"https://www.podium.com/reviews/lakeside-motors\"]}</script>",
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"Car\","
            + " \"vehicleIdentificationNumber\": \"1HGCV1F34PA012345\", \"brand\": \"Honda\", \"model\": \"Accord\","
            + " \"offers\": {\"@type\": \"Offer\", \"price\": 27990, \"priceCurrency\": \"USD\"}}</script>",
        // businesses named like vendors, and the site's own scripts named like lead or chat tools
        "<h2>Podium Auto Group</h2><p>Rated a Great Deal by CarGurus and Cars.com. Text us on Podium!</p>",
        "<script src=\"/static/js/cargurus-deal-badge.js\"></script><script src=\"/js/lead-tracker.js\"></script>"
            + "<script src=\"/assets/chat-button.js\"></script>",
        "<script>window.widgetConfig = {tracker: 'inventory', agent: '/agent/jane-doe'};"
            + " document.querySelectorAll('[data-gubagoo-cta]').forEach(function (b) { b.hidden = false; });</script>",
    })
    void inventoryWidgetsLinksAndLookAlikesStay(String html) {
        FRAME.assertStays(html, NONE);
    }
}
