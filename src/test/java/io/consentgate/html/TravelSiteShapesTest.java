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
 * Travel and hospitality pages: hotel sites with a booking engine, airlines, tour operators and metasearch landing
 * pages, with the travel ad tech and conversion pixels they carry (Sojern, trivago, Google Hotel Ads) and the common
 * tags as these sites write them (booking-step data layers, cross-domain linking to the booking engine,
 * {@code <noscript>} pixels on the confirmation page). The vendors' loaders are written in their shapes (hosts,
 * globals and calls), not copied. A refused tracker goes; the booking widget, the search form, prices, review badges
 * and the site's own scripts stay; with everything allowed the page is unchanged.
 */
class TravelSiteShapesTest {

    /** The hotel's own header, search form and price, as a booking-engine theme prints them. */
    private static final String SEARCH = "<header class=\"site-head\"><a href=\"/\">Hotel Alpenrose</a></header>\n"
        + "<form id=\"booking-search\" action=\"https://booking.alpenrose-hotel.example/search\" method=\"get\">"
        + "<input type=\"date\" name=\"arrival\" value=\"2027-02-14\"><input type=\"date\" name=\"departure\">"
        + "<select name=\"adults\"><option>2</option></select><button>Check availability</button></form>\n"
        + "<p class=\"rate\" data-price=\"189.00\">from <b>&euro;189</b> / night</p>\n";
    /** The site's own booking script and the bootstrap of its search widget. */
    private static final String OWN = "\n<script src=\"/js/booking.js?v=4.2\" defer></script>\n"
        + "<script>window.bookingConfig = {hotelId: 'ALP-17', currency: 'EUR', lang: 'de'};"
        + " initBookingSearch('#booking-search');</script>";

    /** The page around each tag under test. */
    private static final PageFrame FRAME = new PageFrame(SEARCH, OWN);

    @ParameterizedTest
    @ValueSource(strings = {
        // Sojern's travel pixel: the helper script and the frame a hotel's tag builds from the booking step's
        // parameters, the older image beacon, a tag that loads the helper and then builds the frame, and a hint
        "<script src=\"https://static.sojern.com/utils/sjrn_autocx.js\"></script>",
        "<script>\n  (function () {\n    var stay = {hd1: '2027-02-14', hd2: '2027-02-17', hpr: 'Hotel Alpenrose',"
            + " hc1: 'Innsbruck', t: '2'};\n"
            + "    try { stay = Object.assign({}, window.sjrn_params, stay); } catch (e) {}"
            + "\n    var query = Object.keys(stay).map(function (k) { return k + '=' + encodeURIComponent(stay[k]); });"
            + "\n    var frame = document.createElement('iframe');\n    frame.style.display = 'none';\n"
            + "    frame.src = 'https://static.sojern.com/cip/w/s?id=123456&f_v=v6_js&p_v=1&' + query.join('&');\n"
            + "    document.body.appendChild(frame);\n  })();\n</script>",
        "<iframe src=\"https://static.sojern.com/cip/c/206.html?f_v=cp_v3_js&amp;p_v=1&amp;hd1=2027-02-14\""
            + " style=\"height:0;width:0;display:none\"></iframe>",
        "<script>(new Image()).src = \"https://beacon.sojern.com/p/1?n=confirmation&hl=&l=de&c=AT\";</script>",
        "<noscript><img src=\"https://beacon.sojern.com/pixel/p/98765?f_v=v6_js&amp;p_v=1&amp;hconfno=BK-4471\""
            + " width=\"1\" height=\"1\" alt=\"\"></noscript>",
        "<link rel=\"preconnect\" href=\"https://static.sojern.com\">",
    })
    void sojernPixelGoesWithMarketing(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.MARKETING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // trivago's conversion tracking: the older confirmation-page image, the same written by a script from the
        // booking, the landing call that stores trivago's reference, and the booking call of its conversion API
        "<img height=\"1\" width=\"1\" style=\"border-style:none\" alt=\"\" src=\"https://secde.trivago.com/"
            + "page_check.php?pagetype=track&amp;ref=1234&amp;hotel=ALP-17&amp;arrival=20270214&amp;departure=20270217"
            + "&amp;volume=567.00&amp;currency=EUR&amp;booking_id=BK-4471\">",
        "<script type=\"text/javascript\">\n  var b = window.bookingConfirmation || {};\n"
            + "  document.write('<img width=\"1\" height=\"1\" alt=\"\" src=\"https://secde.trivago.com/page_check.php"
            + "?pagetype=track&ref=1234&hotel=' + b.hotel + '&volume=' + b.total + '&currency=' + b.currency"
            + " + '\">');\n</script>",
        "<script>\nvar trvRef = new URLSearchParams(location.search).get('trv_reference');\nif (trvRef) {\n"
            + "  fetch('https://secde.trivago.com/tracking/landing?advertiserId=1234&trv_reference=' + trvRef);\n"
            + "  document.cookie = 'trv_ref=' + trvRef + ';path=/;max-age=2592000';\n}\n</script>",
        "<script>\n  fetch(\"https://secde.trivago.com/tracking/booking\", {\n    method: \"post\", mode: \"cors\",\n"
            + "    headers: {\"Content-Type\": \"application/json\", \"X-Trv-Ana-Key\": window.trvKey},\n"
            + "    body: JSON.stringify({trv_reference: trvRef, booking_id: \"BK-4471\", volume: 56700})\n  });\n"
            + "</script>",
    })
    void trivagoConversionTrackingGoesWithMarketing(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.MARKETING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Google Hotel Ads conversion tracking on the booking engine's confirmation page: the image with the
        // booking's values, and a script that builds it
        "<img height=\"1\" width=\"1\" style=\"border-style:none\" alt=\"\""
            + " src=\"https://www.googletraveladservices.com/travel/clk/pagead/conversion/1234567/"
            + "?label=HPA&amp;guid=ON&amp;script=0&amp;ord=BK-4471"
            + "&amp;data=hct_base_price%3D567.00%3Bhct_booking_xref%3DBK-4471%3Bhct_checkin_date%3D2027-02-14\">",
        "<script>\n  var hpa = new Image(1, 1);\n  hpa.src = '//www.googletraveladservices.com/travel/clk/pagead/"
            + "conversion/1234567/?label=HPA&guid=ON&script=0&ord=' + encodeURIComponent(booking.reference);\n"
            + "</script>",
    })
    void googleHotelAdsConversionGoesWithMarketing(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.MARKETING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the common marketing tags as travel sites write them: Meta's pixel with a booking-step event and its
        // <noscript> image on the confirmation page, Criteo's travel events with dates, Bing UET with a goal
        CommonTagLoaders.META_PIXEL
            + "\nfbq('init', '123456789012345');\n"
            + "fbq('track', 'Purchase', {value: 567.00, currency: 'EUR', content_type: 'hotel',"
            + " checkin_date: '2027-02-14', checkout_date: '2027-02-17'});\n</script>",
        "<noscript><img height=\"1\" width=\"1\" style=\"display:none\" src=\"https://www.facebook.com/tr?id="
            + "123456789012345&amp;ev=Purchase&amp;cd[value]=567.00&amp;cd[currency]=EUR&amp;noscript=1\"/></noscript>",
        "<script type=\"text/javascript\" src=\"//dynamic.criteo.com/js/ld/ld.js?a=12345\" async=\"true\"></script>",
        "<script>\nwindow.uetq = window.uetq || [];\n(function (queueName) {\n"
            + "  var batScript = document.createElement('script');\n  batScript.async = true;\n"
            + "  batScript.src = '//bat.bing.com/bat.js';\n  batScript.onload = function () {\n"
            + "    var settings = { ti: \"56012345\", enableAutoSpaTracking: true };\n"
            + "    settings.q = window[queueName];\n"
            + "    window[queueName] = new UET(settings);\n    window[queueName].push('pageLoad');\n  };\n"
            + "  document.head.appendChild(batScript);\n})('uetq');\n"
            + "</script>",
        "<noscript><img src=\"//bat.bing.com/action/0?ti=56012345&amp;Ver=2&amp;gv=567.00&amp;gc=EUR\" height=\"0\""
            + " width=\"0\" style=\"display:none; visibility: hidden;\" /></noscript>",
        "<script async src=\"https://www.googletagmanager.com/gtag/js?id=AW-987654321\"></script>",
    })
    void commonMarketingTagsGoWithMarketing(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.MARKETING);
    }

    @Test
    void criteoTravelEventsLeaveWithTheirLoaderAndTheQueuePushStays() {
        String loader = "<script type=\"text/javascript\" src=\"//dynamic.criteo.com/js/ld/ld.js?a=12345\""
            + " async=\"true\"></script>";
        String events = "<script type=\"text/javascript\">\n  window.criteo_q = window.criteo_q || [];\n"
            + "  window.criteo_q.push({event: 'setAccount', account: 12345},\n"
            + "    {event: 'setSiteType', type: /Mobi/.test(navigator.userAgent) ? 'm' : 'd'},\n"
            + "    {event: 'viewSearch', checkin_date: '2027-02-14', checkout_date: '2027-02-17',"
            + " nbra: 2, nbrc: 0, nbri: 0},\n    {event: 'trackTransaction', id: 'BK-4471', item: [{id: 'DBL-STD',"
            + " price: 189, quantity: 3}]});\n</script>";
        String page = SEARCH + loader + events + OWN;
        // the push loads nothing once ld.js is gone, as the other vendors' event calls do
        assertEquals(SEARCH + events + OWN, rewrite(page, NONE));
        assertEquals(SEARCH + events + OWN, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // GA4 with cross-domain linking to the booking engine, and its loader on its own
        "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-TRVL2ALP17\"></script><script>\n"
            + "  window.dataLayer = window.dataLayer || [];\n  function gtag() { dataLayer.push(arguments); }\n"
            + "  gtag('js', new Date());\n  gtag('config', 'G-TRVL2ALP17', {\n"
            + "    linker: {domains: ['alpenrose-hotel.example', 'booking.alpenrose-hotel.example'],"
            + " accept_incoming: true}\n  });\n</script>",
    })
    void analyticsTagsGoWithAnalytics(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.ANALYTICS);
    }

    @Test
    void tagManagerContainerGoesAndTheBookingStepDataLayerStays() {
        String dataLayer = "<script>\n  window.dataLayer = window.dataLayer || [];\n  dataLayer.push({\n"
            + "    event: 'booking_step', step: 'rooms', hotel_id: 'ALP-17', arrival: '2027-02-14',"
            + " nights: 3, adults: 2,\n    ecommerce: {items: [{item_id: 'DBL-STD', item_name: 'Double room',"
            + " price: 189, quantity: 3}]}\n  });\n</script>\n";
        String container = CommonTagLoaders.GTM_BEFORE_ID + "GTM-K7TRVL');\n</script>\n"
            + "<noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-K7TRVL\" height=\"0\""
            + " width=\"0\" style=\"display:none;visibility:hidden\"></iframe></noscript>";
        String page = SEARCH + dataLayer + container + OWN;
        assertEquals(SEARCH + dataLayer + "\n" + OWN, rewrite(page, NONE));
        assertEquals(SEARCH + dataLayer + "\n" + OWN, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(SEARCH + dataLayer + "\n" + OWN, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @Test
    void confirmationPageLosesOnlyWhatEachRefusalCovers() {
        String head = "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Buchung bestätigt"
            + "</title>\n<link rel=\"stylesheet\" href=\"/css/site.css\">\n";
        String ga4 = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-TRVL2ALP17\"></script>";
        String sojern = "<script src=\"https://static.sojern.com/utils/sjrn_autocx.js\"></script>";
        String body = "</head><body>\n<h1>Danke, Ihre Buchung BK-4471 ist bestätigt</h1>\n"
            + "<table class=\"stay\"><tr><td>14.02.2027 – 17.02.2027</td><td>&euro;567,00</td></tr></table>\n";
        String trivago = "<img width=\"1\" height=\"1\" alt=\"\" src=\"https://secde.trivago.com/page_check.php"
            + "?pagetype=track&amp;ref=1234&amp;booking_id=BK-4471&amp;volume=567.00&amp;currency=EUR\">";
        String badge = "\n<script async src=\"https://www.jscache.com/wejs?wtype=excellent&amp;uniq=417&amp;"
            + "locationId=1234567&amp;lang=de_AT\"></script>\n<script src=\"/js/booking.js\"></script>"
            + "</body></html>";
        String page = head + ga4 + sojern + body + trivago + badge;
        assertEquals(head + body + badge, rewrite(page, NONE));
        assertEquals(head + sojern + body + trivago + badge, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(head + ga4 + body + badge, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // booking engines' widgets the visitor books with: Mews Distributor's loader and its start call,
        // SiteMinder's and SynXis's booking links, Cloudbeds' booking frame, D-EDGE's booking link with the dates
        "<script src=\"https://api.mews.com/distributor/distributor.min.js\"></script>\n<script>\n"
            + "  Mews.Distributor({configurationIds: ['0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9']},\n"
            + "    function (api) { document.querySelector('.book-now').onclick = function () { api.open(); }; });\n"
            + "</script><button class=\"book-now\">Book now</button>",
        "<a class=\"btn-book\" href=\"https://book-directonline.com/properties/alpenrosedirect?locale=de"
            + "&amp;checkInDate=2027-02-14&amp;checkOutDate=2027-02-17&amp;items[0][adults]=2\">Book direct</a>",
        "<a href=\"https://be.synxis.com/?adult=2&amp;arrive=2027-02-14&amp;chain=12345&amp;depart=2027-02-17"
            + "&amp;hotel=67890&amp;level=hotel&amp;locale=en-US\" target=\"_blank\">Reserve</a>",
        "<iframe src=\"https://hotels.cloudbeds.com/reservation/AbC123?currency=eur#checkin=2027-02-14\""
            + " width=\"100%\" height=\"900\" title=\"Booking\" loading=\"lazy\"></iframe>",
        "<a href=\"https://www.secure-hotel-booking.com/Hotel-Alpenrose/2ABC/de?arrivalDate=2027-02-14\">Buchen</a>",
        // metasearch and OTA affiliate search boxes shown to the visitor: Skyscanner's widget, Booking.com's and
        // Expedia's affiliate search boxes; they are the page's content, as affiliate banners are
        "<div data-skyscanner-widget=\"SearchWidget\" data-locale=\"de-DE\" data-market=\"AT\""
            + " data-currency=\"EUR\" data-destination-iata-code=\"INN\"></div>"
            + "<script src=\"https://widgets.skyscanner.net/widget-server/js/loader.js\" async></script>",
        "<ins class=\"bookingaff\" data-aid=\"1234567\" data-target_aid=\"1234567\" data-prod=\"nsb\""
            + " data-width=\"100%\" data-lang=\"de\"><a href=\"//www.booking.com?aid=1234567\">Booking.com</a></ins>"
            + "<script type=\"text/javascript\">(function (d, sc, u) { var s = d.createElement(sc),"
            + " p = d.getElementsByTagName(sc)[0]; s.type = 'text/javascript'; s.async = true; s.src = u + '?v='"
            + " + (+new Date()); p.parentNode.insertBefore(s, p); })(document, 'script',"
            + " '//cf.bstatic.com/static/affiliate_base/js/flexiproduct.js');</script>",
        "<div class=\"eg-widget\" data-widget=\"search\" data-program=\"at-expedia\" data-lobs=\"stays,flights\""
            + " data-network=\"pz\" data-camref=\"1a2b3c\"></div>"
            + "<script class=\"eg-widgets-script\" src=\"https://creator.expediagroup.com/products/widgets/assets/"
            + "eg-widgets.js\"></script>",
    })
    void bookingWidgetsAndSearchBoxesStay(String html) {
        FRAME.assertStays(html, NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // TripAdvisor's review badges show the hotel's rating, as the review sites' badges do, and stay
        "<div id=\"TA_excellent417\" class=\"TA_excellent\"><ul id=\"Zx9pQ2\" class=\"TA_links a1b2c3\">"
            + "<li id=\"Lm3nO4\" class=\"d5e6f7\"><a target=\"_blank\" href=\"https://www.tripadvisor.com/"
            + "Hotel_Review-g190000-d1234567-Reviews-Hotel_Alpenrose.html\"><img src=\"https://static.tacdn.com/img2/"
            + "brand_refresh/Tripadvisor_lockup_horizontal_secondary.svg\" alt=\"Tripadvisor\"></a></li></ul></div>"
            + "<script async src=\"https://www.jscache.com/wejs?wtype=excellent&amp;uniq=417&amp;locationId=1234567"
            + "&amp;lang=de_AT&amp;display_version=2\" data-loadtrk onload=\"this.loadtrk=true\"></script>",
        "<script src=\"https://www.jscache.com/wejs?wtype=selfserveprop&amp;uniq=88&amp;locationId=1234567"
            + "&amp;lang=en_US&amp;rating=true&amp;nreviews=3&amp;writereviewlink=true&amp;iswide=false\"></script>",
        // links to the hotel's pages on review and booking sites, and JSON-LD naming them
        "<a href=\"https://www.tripadvisor.at/Hotel_Review-g190000-d1234567-Reviews.html\" rel=\"noopener\">"
            + "Read our reviews</a> | <a href=\"https://www.booking.com/hotel/at/alpenrose.html\">Booking.com</a>",
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"Hotel\","
            + " \"name\": \"Hotel Alpenrose\", \"priceRange\": \"EUR 189-420\", \"sameAs\": ["
            + "\"https://www.tripadvisor.com/Hotel_Review-g190000-d1234567-Reviews.html\","
            + " \"https://www.trivago.com/en-US/oar/hotel-alpenrose-innsbruck?search=100-1234567\","
            + " \"https://www.facebook.com/hotelalpenrose\"]}</script>",
        // the map to the hotel and a link to its Google Hotels listing, on hosts whose ad paths are listed
        "<iframe src=\"https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d2711.5!2d11.39!3d47.26\" width=\"600\""
            + " height=\"450\" style=\"border:0\" allowfullscreen loading=\"lazy\"></iframe>"
            + "<a href=\"https://www.google.com/travel/hotels/entity/ChgIexample\">Google Hotels</a>",
        // places named like vendors, and the site's own scripts named like booking or tracking code
        "<h2>Sojern Lodge &amp; Spa</h2><p>Our partners: trivago, Kayak, Skyscanner and Sojern.</p>",
        "<script src=\"/assets/js/booking-engine.js\"></script><script src=\"/js/tracking-number.js\"></script>",
        "<script>document.querySelectorAll('[data-trv-offer]').forEach(function (el) { el.hidden = false; });"
            + "</script>",
    })
    void reviewBadgesLinksAndLookAlikesStay(String html) {
        FRAME.assertStays(html, NONE);
    }
}
