package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Magento 2 / Adobe Commerce start their Google modules from {@code <script type="text/x-magento-init">} JSON that
 * names a RequireJS component; the component's code loads gtag.js, GTM or analytics.js. The page names no tracker
 * host, so the component names (catalog field {@code magentoComponents}) decide: a block that starts only refused
 * trackers goes, a block that also starts other components keeps them byte for byte and loses only the refused ones,
 * and every other block stays as it is.
 */
class MagentoInitTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ANALYTICS = ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(),
        ConsentMode.OPT_IN);
    private static final ConsentDecision MARKETING = ConsentDecision.of(Set.of(Category.MARKETING), Map.of(),
        ConsentMode.OPT_IN);

    /** Magento_GoogleGtag (2.4.7+) GA4, as its ga.phtml prints it: the serialized data on one line. */
    private static final String GTAG_GA4 = "<script type=\"text/x-magento-init\">\n    {\n        \"*\": {\n"
        + "            \"Magento_GoogleGtag/js/google-analytics\": {\"isCookieRestrictionModeEnabled\":false,"
        + "\"currentWebsite\":1,\"cookieName\":\"user_allowed_save_cookie\",\"pageTrackingData\":{\"optPageUrl\":\"\","
        + "\"measurementId\":\"G-7QX2PLM4ZT\"},\"ordersTrackingData\":[],\"googleAnalyticsAvailable\":true}\n"
        + "        }\n    }\n    </script>";
    /** Magento_GoogleGtag's Google Ads block: the conversion id and the gtag.js URL it inserts. */
    private static final String GTAG_ADS = "<script type=\"text/x-magento-init\">\n{\n    \"*\": {\n"
        + "        \"Magento_GoogleGtag/js/google-adwords\": {\n            \"conversionId\": \"AW-918273645\",\n"
        + "            \"gtagSiteSrc\": \"https://www.googletagmanager.com/gtag/js?id=AW-918273645\"\n        }\n"
        + "    }\n}\n</script>";
    /** Adobe Commerce Magento_GoogleTagManager, written tight as a minifying theme prints it. */
    private static final String ADOBE_GTM = "<script type=\"text/x-magento-init\">{\"*\":{\"Magento_GoogleTagManager"
        + "/js/google-tag-manager\":{\"isCookieRestrictionModeEnabled\":0,\"currentWebsite\":2,\"cookieName\":"
        + "\"user_allowed_save_cookie\",\"gtmAccountId\":\"GTM-W4KD7QZ\",\"storeCurrencyCode\":\"EUR\","
        + "\"ordersData\":[]}}}</script>";
    /** Magento_GoogleAnalytics (Universal Analytics, before 2.4.7). */
    private static final String CORE_UA = "<script type='text/x-magento-init'>\n{\n    \"*\": {\n"
        + "        \"Magento_GoogleAnalytics/js/google-analytics\": {\n"
        + "            \"isCookieRestrictionModeEnabled\": 0,\n            \"currentWebsite\": 1,\n"
        + "            \"cookieName\": \"user_allowed_save_cookie\",\n            \"ordersTrackingData\": [],\n"
        + "            \"pageTrackingData\": {\"optPageUrl\":\"\",\"isAnonymizedIpActive\":true,"
        + "\"accountId\":\"UA-5550123-4\"}        }\n    }\n}\n</script>";
    /** MagePal's GTM module with its GDPR option: the container starts from its requirejs-config alias. */
    private static final String MAGEPAL = "<script type=\"text/x-magento-init\">\n    {\n        \"*\": {\n"
        + "            \"magepalGtmDatalayer\": {\n                \"isCookieRestrictionModeEnabled\": 1,\n"
        + "                \"currentWebsite\": 1,\n                \"cookieName\": \"user_allowed_save_cookie\",\n"
        + "                \"dataLayer\": \"dataLayer\",\n                \"accountId\": \"GTM-P9RX3NB\",\n"
        + "                \"data\": [{\"pageType\":\"cms_index_index\",\"list\":\"other\"}],\n"
        + "                \"isGdprEnabled\": 1,\n                \"gdprOption\": 1,\n"
        + "                \"addJsInHeader\": 0,\n                \"containerCode\": \"\"\n            }\n"
        + "        }\n    }\n</script>";

    private static String page(String block) {
        return "<head><title>Shop</title>" + block + "<link rel=\"stylesheet\" href=\"/static/styles-m.css\">"
            + "</head>";
    }

    @ParameterizedTest
    @ValueSource(strings = {GTAG_GA4, GTAG_ADS, ADOBE_GTM, CORE_UA, MAGEPAL})
    void aBlockThatStartsOnlyARefusedGoogleModuleIsRemoved(String block) {
        assertEquals(page(""), rewrite(REMOVE, page(block), NONE));
        assertEquals(page(block), rewrite(REMOVE, page(block), ConsentDecision.allowAll()));
    }

    @Test
    void theTagIdInTheConfigurationDecidesAsInAnyGoogleTag() {
        // GA4 is analytics, Google Ads marketing, a GTM container both; Universal Analytics is analytics.
        assertEquals(page(GTAG_GA4), rewrite(REMOVE, page(GTAG_GA4), ANALYTICS));
        assertEquals(page(""), rewrite(REMOVE, page(GTAG_GA4), MARKETING));
        assertEquals(page(GTAG_ADS), rewrite(REMOVE, page(GTAG_ADS), MARKETING));
        assertEquals(page(""), rewrite(REMOVE, page(GTAG_ADS), ANALYTICS));
        assertEquals(page(""), rewrite(REMOVE, page(ADOBE_GTM), ANALYTICS));
        assertEquals(page(""), rewrite(REMOVE, page(MAGEPAL), MARKETING));
        assertEquals(page(CORE_UA), rewrite(REMOVE, page(CORE_UA), ANALYTICS));
    }

    @Test
    void anEscapedComponentNameIsTheSameName() {
        // json_encode writes "/" as "\/"; a unicode escape is the same character to JSON.parse
        String block = "<script type=\"text/x-magento-init\">{\"*\":{\"Magento_GoogleGtag\\/js\\/google-analytics\":"
            + "{\"pageTrackingData\":{\"measurementId\":\"G-7QX2PLM4ZT\"}}}}</script>";
        String unicode = "<script type=\"TEXT/X-Magento-Init\">{\"*\":{\"Magento_GoogleTagManager\\u002Fjs/google-tag-"
            + "manager\":{\"gtmAccountId\":\"GTM-W4KD7QZ\"}}}</script>";
        assertEquals("ab", rewrite(REMOVE, "a" + block + unicode + "b", NONE));
    }

    @Test
    void aBlockThatAlsoStartsOtherComponentsKeepsThemByteForByte() {
        String mixed = "<script type=\"text/x-magento-init\">\n{\n  \"*\": {\n"
            + "    \"Magento_Ui/js/core/app\": {\"components\": {\"customer\": {\"component\": "
            + "\"Magento_Customer/js/view/customer\"}}},\n"
            + "    \"Magento_GoogleTagManager/js/google-tag-manager\": {\"gtmAccountId\": \"GTM-W4KD7QZ\"},\n"
            + "    \"Magento_PageCache/js/form-key-provider\": {\"isPaginationCacheEnabled\": 0}\n  },\n"
            + "  \"#minicart\": {\"Magento_GoogleGtag/js/google-analytics\": {\"pageTrackingData\": "
            + "{\"measurementId\": \"G-7QX2PLM4ZT\"}}}\n}\n</script>";
        String kept = "<script type=\"text/x-magento-init\">\n{\n  \"*\": {\n"
            + "    \"Magento_Ui/js/core/app\": {\"components\": {\"customer\": {\"component\": "
            + "\"Magento_Customer/js/view/customer\"}}},\n"
            + "    \"Magento_PageCache/js/form-key-provider\": {\"isPaginationCacheEnabled\": 0}\n  },\n"
            + "  \"#minicart\": {}\n}\n</script>";
        assertEquals(page(kept), rewrite(REMOVE, page(mixed), NONE));
        assertEquals(page(kept), rewrite(NEUTRALIZE, page(mixed), NONE), "the other components must keep working");
        String lastKept = "<script type=\"text/x-magento-init\">{\"*\": {\"Magento_Ui/js/core/app\": {\"components\":"
            + " {}}}}</script>";
        assertEquals(page(lastKept), rewrite(REMOVE, page("<script type=\"text/x-magento-init\">{\"*\": {"
            + "\"Magento_Ui/js/core/app\": {\"components\": {}}, \"magepalGtmDatalayer\": {\"dataLayer\": "
            + "\"dataLayer\"}}}</script>"), NONE));
        String trackerFirst = "<script type=\"text/x-magento-init\">{\"*\":{\"Magento_GoogleGtag/js/google-analytics\":"
            + "{\"pageTrackingData\":{\"measurementId\":\"G-7QX2PLM4ZT\"}},\"Magento_Theme/js/cookie-status\":{}}}"
            + "</script>";
        assertEquals(page("<script type=\"text/x-magento-init\">{\"*\":{\"Magento_Theme/js/cookie-status\":{}}}"
            + "</script>"), rewrite(REMOVE, page(trackerFirst), NONE));
        assertEquals(page(trackerFirst), rewrite(REMOVE, page(trackerFirst), ANALYTICS));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // other components of the same modules and of Magento: they push events or hold data, loading nothing
        "<script type=\"text/x-magento-init\">\n    {\n        \"*\": {\n"
            + "            \"Magento_GoogleTagManager/js/google-tag-manager-cart\": {\n"
            + "                \"blockNames\": [\"category.products.list\",\"product.info.upsell\"],\n"
            + "                \"cookieAddToCart\": \"add_to_cart\",\n"
            + "                \"cookieRemoveFromCart\": \"remove_from_cart\"\n            }\n        }\n    }\n"
            + "</script>",
        "<script type=\"text/x-magento-init\">{\"*\": {\"Magento_PageCache/js/form-key-provider\": "
            + "{\"isPaginationCacheEnabled\": 0}}}</script>",
        "<script type=\"text/x-magento-init\">{\"[data-gallery-role=gallery-placeholder]\": {\"mage/gallery/gallery\":"
            + " {\"data\": [{\"img\": \"https://www.googletagmanager.com/x.png\"}]}}}</script>",
        // a consent module that names the Google component as a value it blocks, not as a component to start
        "<script type=\"text/x-magento-init\">{\"*\": {\"Vendor_Consent/js/gate\": {\"blocked\": "
            + "[\"Magento_GoogleGtag/js/google-analytics\", \"magepalGtmDatalayer\"]}}}</script>",
        // not JSON.parse-able: Magento starts nothing from it, so there is nothing to take out
        "<script type=\"text/x-magento-init\">{\"*\": {\"Magento_GoogleGtag/js/google-analytics\": {},}}</script>",
        "<script type=\"text/x-magento-init\">{\"*\": {\"Magento_GoogleGtag/js/google-analytics\": {}}</script>",
        "<script type=\"text/x-magento-init\">[\"Magento_GoogleGtag/js/google-analytics\"]</script>",
        // other data blocks stay unread: social profiles are no trackers
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Organization\","
            + "\"sameAs\":[\"https://www.facebook.com/bikeshop\",\"https://twitter.com/bikeshop\"],"
            + "\"url\":\"https://www.googletagmanager.com/\"}</script>",
        "<script type=\"text/x-magento-template\" id=\"tpl\"><div data-mage-init='{\"Magento_GoogleGtag/js/"
            + "google-analytics\":{}}'></div></script>",
        "<script type=\"text/x-magento-init\"></script><script type=\"text/x-magento-init\">  </script>",
    })
    void otherBlocksStayByteForByte(String block) {
        assertEquals(page(block), rewrite(REMOVE, page(block), NONE));
        assertEquals(page(block), rewrite(NEUTRALIZE, page(block), NONE));
    }

    @Test
    void neutralizeModeKeepsAWholeTrackerBlockForActivationWithItsType() {
        assertEquals("<script data-consent-type=\"text/x-magento-init\" type=\"text/plain\" data-consent=\"analytics"
            + ",marketing\">{\"*\":{\"Magento_GoogleTagManager/js/google-tag-manager\":{"
            + "\"isCookieRestrictionModeEnabled\":0,\"currentWebsite\":2,\"cookieName\":\"user_allowed_save_cookie\","
            + "\"gtmAccountId\":\"GTM-W4KD7QZ\","
            + "\"storeCurrencyCode\":\"EUR\",\"ordersData\":[]}}}</script>", rewrite(NEUTRALIZE, ADOBE_GTM, NONE));
    }

    @Test
    void eachRefusedComponentIsReportedWithItsTagIdsCategories() {
        List<TrackerEvent> events = RewriteAssertions.events(REMOVE, GTAG_ADS + CORE_UA + GTAG_GA4, MARKETING);
        assertEquals(3, events.size(), events.toString());
        assertEquals("google-tag", events.get(0).trackerId());
        assertEquals(TrackerEvent.Action.ALLOWED, events.get(0).action());
        assertEquals(Set.of(Category.MARKETING), events.get(0).categories());
        assertEquals("google-analytics", events.get(1).trackerId());
        assertEquals(TrackerEvent.Action.REMOVED, events.get(1).action());
        assertEquals(1 + GTAG_ADS.chars().filter(c -> c == '\n').count(), events.get(1).line(),
            "where the block starts");
        assertEquals("google-tag", events.get(2).trackerId());
        assertEquals(TrackerEvent.Action.REMOVED, events.get(2).action());
        assertEquals(Set.of(Category.ANALYTICS), events.get(2).categories(), "G- is analytics");
    }

    @Test
    void magentoGtmModulesThatPrintTheLoaderInlineAreReadAsAnyInlineScript() {
        // Yireo's GoogleTagManager2 waits for the first interaction and joins the host from its configuration;
        // MagePal without its GDPR option prints Google's snippet and a block with the data layer name only (its
        // datalayer.js would still call gtm.js, with an undefined id).
        String yireo = "<script>\n    window.YIREO_GOOGLETAGMANAGER2_ENABLED = true;\n    (function (events) {\n"
            + "        const initYireoGoogleTagManager2 = function () {\n"
            + "            (function (w, d, s, l, i) {\n                w[l] = w[l] || [];\n"
            + "                w[l].push({'gtm.start': new Date().getTime(), event: 'gtm.js'});\n"
            + "                var f = d.getElementsByTagName(s)[0], j = d.createElement(s);\n"
            + "                j.async = true;\n"
            + "                j.src = 'https://www.googletagmanager.com' + '/gtm.js?id=' + i;\n"
            + "                f.parentNode.insertBefore(j, f);\n"
            + "            })(window, document, 'script', 'dataLayer', 'GTM-HX72KQP');\n        }\n"
            + "        events.forEach(function (eventType) {\n"
            + "            window.addEventListener(eventType, initYireoGoogleTagManager2, {once: true})\n"
            + "        })\n    })(['keydown', 'mouseover', 'scroll', 'touchstart', 'wheel']);\n</script>";
        String magepal = "<!-- Google Tag Manager by MagePal -->\n<script type=\"text/javascript\">\n"
            + "    window.dataLayer = window.dataLayer || [];\n"
            + "    (function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':\n"
            + "            new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],\n"
            + "        j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=\n"
            + "        'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);\n"
            + "    })(window,document,'script','dataLayer','GTM-HX72KQP');\n</script>\n\n"
            + "<script type=\"text/x-magento-init\">\n    {\n        \"*\": {\n            \"magepalGtmDatalayer\": {\n"
            + "                \"dataLayer\": \"dataLayer\"\n            }\n        }\n    }\n</script>\n"
            + "<!-- End Google Tag Manager by MagePal -->";
        assertEquals(page(""), rewrite(REMOVE, page(yireo), NONE));
        assertEquals(page("<!-- Google Tag Manager by MagePal -->\n\n\n\n"
            + "<!-- End Google Tag Manager by MagePal -->"), rewrite(REMOVE, page(magepal), NONE));
    }

    @Test
    void aBlockInsideNoscriptStartsNothingAndStays() {
        String html = "<noscript><p>Enable JavaScript</p>" + ADOBE_GTM + "</noscript>";
        assertEquals(html, rewrite(REMOVE, html, NONE));
    }

    @Test
    void aBlockLargerThanTheHoldCapPassesUnreadWhateverTheOverflowSwitch() {
        // Checkout's jsLayout block can outgrow any cap; dropping it would break the checkout, and the Google
        // modules' own blocks are small. So past the cap the block is sent as it is, even fail-closed.
        HtmlRewriter small = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).maxHeldBytes(1024)
            .overflow(OverflowAction.FAIL_CLOSED).build();
        String layout = "<script type=\"text/x-magento-init\">{\"#checkout\": {\"Magento_Ui/js/core/app\": "
            + "{\"components\": {\"checkout\": {\"config\": \"" + "x".repeat(3000) + "\"}}}}}</script>";
        String html = "<body>" + layout + "<p>after</p>" + ADOBE_GTM + "</body>";
        assertEquals("<body>" + layout + "<p>after</p></body>", rewrite(small, html, NONE));
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        int[] cuts = new int[bytes.length / 7];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = (i + 1) * 7;
        }
        assertEquals("<body>" + layout + "<p>after</p></body>", new String(RewriteAssertions.rewrite(small, bytes,
            NONE, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8), "written in small pieces");
    }
}
