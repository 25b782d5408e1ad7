package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.CATALOG;
import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.events;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import io.consentgate.catalog.TrackerCatalog;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AMP pages ({@code <html ⚡>}): trackers are AMP components that the AMP runtime, an allowed script, turns into
 * requests. Each page here is what a visitor who refused everything receives as {@code "ab"} (the component gone with
 * its content); with everything allowed it is unchanged.
 */
class AmpElementsTest {

    private static final String PIXEL = "https://www.facebook.com/tr?id=1&amp;ev=PageView&amp;noscript=1";
    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ANALYTICS_ONLY =
        ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(), ConsentMode.OPT_IN);
    private static final ConsentDecision MARKETING_ONLY =
        ConsentDecision.of(Set.of(Category.MARKETING), Map.of(), ConsentMode.OPT_IN);

    static Stream<Arguments> removed() {
        return Stream.of(
            // pixels and images, as <img>
            Arguments.of("a<amp-pixel src=\"" + PIXEL + "\" layout=\"nodisplay\"></amp-pixel>b"),
            Arguments.of("a<AMP-PIXEL SRC='https://bat.bing.com/action/0?ti=5&amp;rn=RANDOM' layout=nodisplay>"
                + "</AMP-PIXEL>b"),
            Arguments.of("a<amp-img width=\"1\" height=\"1\" src=\"https://px.ads.linkedin.com/collect/?pid=1\">"
                + "<noscript><img src=\"https://px.ads.linkedin.com/collect/?pid=1\"></noscript></amp-img>b"),
            Arguments.of("a<amp-img alt=\"\" layout=\"fixed\" width=1 height=1\n  srcset=\"/t.gif 1x, "
                + "https://ct.pinterest.com/v3/?tid=1&amp;event=init 2x\"></amp-img>b"),
            Arguments.of("a<amp-anim src=\"https://ad.doubleclick.net/ddm/activity/src=1;type=a;cat=b\" width=1 "
                + "height=1></amp-anim>b"),
            // frames and media, as <iframe>, <video>, <audio>
            Arguments.of("a<amp-iframe sandbox=\"allow-scripts\" src=\"https://www.googletagmanager.com/ns.html?"
                + "id=GTM-K9X2PL\" width=1 height=1><div placeholder></div></amp-iframe>b"),
            Arguments.of("a<amp-iframe width=1 height=1 sandbox=allow-scripts srcdoc=\"&lt;img src=&quot;" + PIXEL
                + "&quot;&gt;\"></amp-iframe>b"),
            Arguments.of("a<amp-video controls width=640 height=360 poster=\"" + PIXEL + "\">"
                + "<source src=\"/v.mp4\" type=\"video/mp4\"></amp-video>b"),
            Arguments.of("a<amp-video src=\"https://ad.doubleclick.net/v.mp4\" layout=responsive></amp-video>b"),
            Arguments.of("a<amp-audio src=\"https://ad.doubleclick.net/a.mp3\"></amp-audio>b"),
            Arguments.of("a<amp-video-iframe src=\"https://sgtm.shop.example/ns.html?id=GTM-K9X2PL\" width=1 "
                + "height=1></amp-video-iframe>b"),
            // amp-analytics: a vendor's built-in configuration, a remote configuration, an inline one
            Arguments.of("a<amp-analytics type=\"googleanalytics\">\n<script type=\"application/json\">\n{\"vars\": "
                + "{\"account\": \"UA-1234-5\"}, \"triggers\": {\"pv\": {\"on\": \"visible\", \"request\": "
                + "\"pageview\"}}}\n</script>\n</amp-analytics>b"),
            Arguments.of("a<amp-analytics type=facebookpixel id=fbp><script type=application/json>{\"vars\":"
                + "{\"pixelId\":\"1234\"}}</script></amp-analytics>b"),
            Arguments.of("a<amp-analytics config=\"https://www.googletagmanager.com/amp.json?id=GTM-K9X2PL&amp;"
                + "gtm.url=SOURCE_URL\" data-credentials=\"include\"></amp-analytics>b"),
            Arguments.of("a<amp-analytics>\n  <script type=\"application/json\">\n  {\n    \"requests\": {\n"
                + "      \"pageview\": \"https://www.facebook.com/tr?id=1234&ev=PageView&noscript=1\"\n    },\n"
                + "    \"triggers\": {\"trackPageview\": {\"on\": \"visible\", \"request\": \"pageview\"}}\n"
                + "  }\n  </script>\n</amp-analytics>b"),
            Arguments.of("a<amp-analytics data-block-on-consent><script type=\"application/json\">{\"transport\":"
                + "{\"beacon\":false},\"requests\":{\"event\":\"https:\\/\\/region1.google-analytics.com\\/g\\/"
                + "collect?v=2\"}}</script></amp-analytics>b"),
            // ads and the other vendor components
            Arguments.of("a<amp-ad width=300 height=250 type=\"doubleclick\" data-slot=\"/1234/news\">"
                + "<div placeholder></div><div fallback></div></amp-ad>b"),
            Arguments.of("a<amp-ad layout=\"responsive\" width=\"300\" height=\"250\" type=\"adsense\" "
                + "data-ad-client=\"ca-pub-1234\" data-ad-slot=\"5678\"></amp-ad>b"),
            Arguments.of("a<amp-embed width=100 height=100 type=taboola layout=responsive data-publisher=news "
                + "data-mode=thumbnails-a></amp-embed>b"),
            Arguments.of("a<amp-ad type=\"Criteo\" data-tagtype=\"rta\" width=1 height=1></amp-ad>b"),
            Arguments.of("a<amp-auto-ads type=\"adsense\" data-ad-client=\"ca-pub-1234\"></amp-auto-ads>b"),
            Arguments.of("a<amp-call-tracking config=\"https://www.googleadservices.com/pagead/conversion/1/wcm?"
                + "cl=x\"><a href=\"tel:123\">123</a></amp-call-tracking>b"),
            Arguments.of("a<amp-story-auto-ads>\n  <script type=\"application/json\">\n    {\"ad-attributes\": "
                + "{\"type\": \"doubleclick\", \"data-slot\": \"/30497360/a4a/amp_story_dfp_example\"}}\n"
                + "  </script>\n</amp-story-auto-ads>b"),
            // the Facebook components load Facebook's JavaScript SDK, as its plugins do on any page
            Arguments.of("a<amp-facebook width=552 height=310 layout=responsive data-href=\"https://www.facebook.com/"
                + "acme/posts/1\"></amp-facebook>b"),
            Arguments.of("a<amp-facebook-page data-locale=\"de_DE\" data-href=\"https://www.facebook.com/acme/\" "
                + "width=340 height=130></amp-facebook-page>b"),
            Arguments.of("a<amp-facebook-comments width=486 height=657 data-numposts=5 data-href=\"https://shop."
                + "example/p\"></amp-facebook-comments>b"),
            // JSON fetched from a tracker: amp-list, amp-render and amp-state load their src as any fetch does
            Arguments.of("a<amp-list width=\"auto\" height=\"120\" layout=\"fixed-height\" credentials=\"include\" "
                + "src=\"https://rcom.dynamicyield.com/v3/recommend/8765432?ctx=amp\"><template type=\"amp-mustache\">"
                + "<a href=\"{{url}}\">{{name}}</a></template><div fallback>-</div></amp-list>b"),
            Arguments.of("a<amp-render layout=\"container\" src=\"https://rcom.dynamicyield.com/v3/recommend/1\">"
                + "<template type=\"amp-mustache\">{{name}}</template></amp-render>b"),
            Arguments.of("a<amp-state id=\"reco\" src=\"https://rcom.dynamicyield.com/v3/recommend/8765432\">"
                + "</amp-state>b"),
            // an IMA video player's ad request (VAST) to an ad server
            Arguments.of("a<amp-ima-video width=\"640\" height=\"360\" layout=\"responsive\" data-tag=\"https://"
                + "pubads.g.doubleclick.net/gampad/ads?iu=/1234/video&amp;sz=640x480&amp;output=vast&amp;env=vp\" "
                + "data-poster=\"/poster.jpg\"><source src=\"/clip.mp4\" type=\"video/mp4\"><script type=\"application/"
                + "json\">{\"locale\": \"de\"}</script></amp-ima-video>b"),
            Arguments.of("a<amp-ima-video width=640 height=360 data-tag=\"/ads/vast.xml\" data-src=\"/clip.mp4\" "
                + "data-poster=\"" + PIXEL + "\"></amp-ima-video>b"));
    }

    @ParameterizedTest
    @MethodSource("removed")
    void aComponentThatWouldLoadARefusedTrackerIsRemovedWithItsContent(String page) {
        assertEquals("ab", rewrite(REMOVE, page, NONE));
        assertEquals("ab", rewrite(NEUTRALIZE, page, NONE), "no inert form: removed in neutralize mode too");
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
    }

    @ParameterizedTest
    @MethodSource("removed")
    void theOutcomeIsTheSameWhereverTheInputIsSplit(String page) {
        byte[] b = page.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int cut = 1; cut < b.length; cut++) {
            byte[] out = RewriteAssertions.rewrite(REMOVE, b, NONE, java.nio.charset.StandardCharsets.UTF_8, null,
                new int[] {cut});
            assertEquals("ab", new String(out, java.nio.charset.StandardCharsets.UTF_8), "split at " + cut);
        }
    }

    @Test
    void anAmpPageKeepsEverythingElseByteForByte() {
        String page = "<!doctype html>\n<html ⚡ lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<script async src=\"https://cdn.ampproject.org/v0.js\"></script>\n"
            + "<script async custom-element=\"amp-analytics\" "
            + "src=\"https://cdn.ampproject.org/v0/amp-analytics-0.1.js\"></script>\n"
            + "<style amp-boilerplate>body{visibility:hidden}</style>"
            + "<noscript><style amp-boilerplate>body{visibility:visible}</style></noscript>\n</head>\n<body>\n"
            + "<amp-img src=\"/hero.jpg\" width=\"800\" height=\"400\" layout=\"responsive\"></amp-img>\n"
            + "<amp-analytics type=\"gtag\" data-credentials=\"include\">\n<script type=\"application/json\">\n"
            + "{\"vars\": {\"gtag_id\": \"G-AB12CD34EF\", \"config\": {\"G-AB12CD34EF\": {\"groups\": \"default\"}}}}\n"
            + "</script>\n</amp-analytics>\n<p>Text</p>\n</body>\n</html>\n";
        String out = rewrite(REMOVE, page, MARKETING_ONLY);
        assertEquals(page.replace("<amp-analytics type=\"gtag\" data-credentials=\"include\">\n<script type=\"appli"
            + "cation/json\">\n{\"vars\": {\"gtag_id\": \"G-AB12CD34EF\", \"config\": {\"G-AB12CD34EF\": {\"groups\": "
            + "\"default\"}}}}\n</script>\n</amp-analytics>", ""), out);
        assertEquals(page, rewrite(REMOVE, page, ANALYTICS_ONLY), "a G- tag needs analytics only");
    }

    @Test
    void theTagIdsOfAGtagConfigurationDecideItsCategories() {
        String ads = "a<amp-analytics type=\"gtag\"><script type=\"application/json\">{\"vars\": {\"gtag_id\": "
            + "\"AW-123456789\", \"config\": {\"AW-123456789\": {\"groups\": \"default\"}}}}</script></amp-analytics>b";
        assertEquals("ab", rewrite(REMOVE, ads, ANALYTICS_ONLY));
        assertEquals(ads, rewrite(REMOVE, ads, MARKETING_ONLY));
        String untold = "a<amp-analytics type=gtag></amp-analytics>b";
        assertEquals("ab", rewrite(REMOVE, untold, ANALYTICS_ONLY), "no id: the entry's categories");
        String gtm = "a<amp-analytics config=\"https://www.googletagmanager.com/amp.json?id=GTM-K9X2PL\">"
            + "</amp-analytics>b";
        assertEquals("ab", rewrite(REMOVE, gtm, ANALYTICS_ONLY), "a container can hold anything");
    }

    @Test
    void firstPartyAndUnknownComponentsStayBesideOneThatGoes() {
        String page = "<amp-pixel src=\"/pixel?r=RANDOM\" layout=nodisplay></amp-pixel>"
            + "<amp-pixel src=\"https://stats.shop.example/p?u=CANONICAL_URL\"></amp-pixel>"
            + "<amp-analytics><script type=\"application/json\">{\"requests\": {\"pageview\": "
            + "\"https://stats.shop.example/collect?u=${canonicalUrl}\"}, \"triggers\": {\"t\": {\"on\": \"visible\","
            + " \"request\": \"pageview\"}}}</script></amp-analytics>"
            + "<amp-analytics type=\"mycustomvendor\"></amp-analytics>"
            + "<amp-analytics type=\"linkedin\" config=\"/analytics.json\"></amp-analytics>"
            + "<amp-ad width=300 height=250 type=\"mycustomvendor\" data-slot=\"1\"></amp-ad>"
            + "<amp-img src=\"https://cdn.shop.example/a.jpg\" width=1 height=1></amp-img>"
            + "<amp-iframe src=\"https://www.facebook.com/plugins/page.php?href=x\" width=1 height=1></amp-iframe>"
            + "<amp-instagram data-shortcode=\"fBwFP\" width=1 height=1></amp-instagram>"
            + "<amp-twitter data-tweetid=\"885634330868850689\" width=1 height=1></amp-twitter>"
            + "<amp-youtube data-videoid=\"mGENRKrdoGY\" width=1 height=1></amp-youtube>"
            + "<amp-sticky-ad layout=nodisplay><amp-ad type=mycustomvendor></amp-ad></amp-sticky-ad>"
            + "<amp-list src=\"https://shop.example/api/items.json\" [src]=\"'/api/items.json?page=' + page\">"
            + "</amp-list>"
            + "<amp-list src=\"amp-state:reco\"></amp-list><amp-state id=\"s\" src=\"/state.json\"></amp-state>"
            + "<amp-ima-video data-tag=\"https://ads.shop.example/vast.xml\" data-src=\"/v.mp4\"></amp-ima-video>"
            + "<amp-pinterest data-do=\"embedPin\" data-url=\"https://www.pinterest.com/pin/99360735500167749/\" "
            + "width=236 height=326></amp-pinterest>"
            + "<svg><amp-img src=\"" + PIXEL + "\"></amp-img></svg>"
            + "<p>Say <code>&lt;amp-pixel src=\"" + PIXEL + "\"&gt;</code></p>";
        String pixel = "<amp-pixel src=\"" + PIXEL + "\"></amp-pixel>";
        assertEquals(page + page, rewrite(REMOVE, page + pixel + page, NONE), "only the tracker's pixel goes");
    }

    static Stream<Arguments> refusedBindings() {
        return Stream.of(
            // a string literal that is a refused tracker's URL: the runtime would load it once the state changes
            Arguments.of("<amp-img src=\"/a.jpg\" width=1 height=1 [src]=\"'https://www.facebook.com/tr?id=1&amp;ev=' "
                + "+ step\" layout=fixed></amp-img>",
                "<amp-img src=\"/a.jpg\" width=1 height=1 layout=fixed></amp-img>"),
            // the host split over a concatenation, the other quote, and the data-amp-bind- spelling
            Arguments.of("<amp-img src=\"/a.jpg\" data-amp-bind-src='\"https://www.face\" + \"book.com/tr?id=1\"' "
                + "alt=\"\"></amp-img>", "<amp-img src=\"/a.jpg\" alt=\"\"></amp-img>"),
            Arguments.of("<amp-img src=\"/a.jpg\" srcset=\"/a.jpg 1x\" [srcset]=\"big ? '/b.jpg 1x, https://px.ads."
                + "linkedin.com/collect/?pid=1 2x' : '/a.jpg 1x'\" width=1 height=1></amp-img>",
                "<amp-img src=\"/a.jpg\" srcset=\"/a.jpg 1x\" width=1 height=1></amp-img>"),
            Arguments.of("<amp-iframe src=\"/frame.html\" [src]=\"'https://sgtm.shop.example/ns.html?id=GTM-K9X2PL'\" "
                + "sandbox=allow-scripts width=1 height=1></amp-iframe>",
                "<amp-iframe src=\"/frame.html\" sandbox=allow-scripts width=1 height=1></amp-iframe>"),
            Arguments.of("<amp-video src=\"/v.mp4\" [poster]=\"'https://ad.doubleclick.net/p.gif'\" [src]=\"v\">"
                + "</amp-video>", "<amp-video src=\"/v.mp4\" [src]=\"v\"></amp-video>"),
            Arguments.of("<amp-list src=\"/items.json\" [src]=\"'https://rcom.dynamicyield.com/v3/recommend/' + id\" "
                + "[src]=\"x\"></amp-list>", "<amp-list src=\"/items.json\"></amp-list>"),
            Arguments.of("<amp-state id=\"s\" [src]=\"'//rcom.dynamicyield.com/v3/recommend/1'\"></amp-state>",
                "<amp-state id=\"s\"></amp-state>"),
            // the expression is not evaluated: a tracker URL in any of its literals counts
            Arguments.of("<amp-img src=\"/a.jpg\" [src]=\"u == 'https://ad.doubleclick.net/p.gif' ? '/b.jpg' : u\">"
                + "</amp-img>", "<amp-img src=\"/a.jpg\"></amp-img>"));
    }

    @ParameterizedTest
    @MethodSource("refusedBindings")
    void aBindingThatWouldLoadARefusedTrackerGoesAndItsElementStays(String page, String expected) {
        assertEquals(expected, rewrite(REMOVE, page, NONE));
        assertEquals(expected, rewrite(NEUTRALIZE, page, NONE));
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
        byte[] b = page.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int cut = 1; cut < b.length; cut++) {
            byte[] out = RewriteAssertions.rewrite(REMOVE, b, NONE, java.nio.charset.StandardCharsets.UTF_8, null,
                new int[] {cut});
            assertEquals(expected, new String(out, java.nio.charset.StandardCharsets.UTF_8), "split at " + cut);
        }
    }

    @Test
    void aDroppedBindingOrRealTimeConfigIsReportedAsNeutralized() {
        var e = events(REMOVE, "<amp-img src=\"/a.jpg\" [src]=\"'" + PIXEL + "'\"></amp-img>\n"
            + "<amp-ad type=smartadserver rtc-config='{\"vendors\": {\"aps\": {}}}'></amp-ad>", NONE);
        assertEquals(2, e.size(), e.toString());
        assertEquals(TrackerEvent.Action.NEUTRALIZED, e.get(0).action());
        assertEquals("amp-img", e.get(0).element());
        assertEquals("meta-pixel", e.get(0).trackerId());
        assertEquals(TrackerEvent.Action.NEUTRALIZED, e.get(1).action());
        assertEquals("amp-ad", e.get(1).element());
        assertEquals("amazon-ads", e.get(1).trackerId());
        assertEquals(2, e.get(1).line());
    }

    @Test
    void bindingsThatLoadNoTrackerStayByteForByte() {
        String page = "<amp-img src=\"/a.jpg\" [src]=\"'/img/' + (dark ? 'connect.facebook.net' : 'x') + '.png'\" "
            + "[alt]=\"'Pixel: https://www.facebook.com/tr?id=1'\" [text]=\"'https://www.facebook.com/tr'\" "
            + "width=1 height=1></amp-img>"
            + "<amp-img src=\"/a.jpg\" [src]=\"'https://cdn.shop.example/' + img\" [srcset]=\"s\"></amp-img>"
            + "<amp-pixel src=\"/p\" [src]=\"'https://www.facebook.com/tr?id=1'\"></amp-pixel>"
            + "<p [text]=\"'Our pixel: https://www.facebook.com/tr?id=1'\" [class]=\"c\">x</p>"
            + "<a href=\"/\" [href]=\"'https://www.facebook.com/tr?id=1'\">x</a>"
            + "<amp-list src=\"/l.json\" [src]=\"'https://www.face' + 'book.com/trending.json'\"></amp-list>";
        // amp-bind binds no src on amp-pixel; [text], [alt], [class] and a link's [href] load nothing
        assertEquals(page, rewrite(REMOVE, page, NONE));
    }

    @Test
    void anRtcConfigThatWouldCallARefusedVendorGoesAndTheAdStays() {
        // Smart AdServer (not in the catalog) with Amazon's and Criteo's real-time bidding callouts
        String ad = "<amp-ad width=\"300\" height=\"250\" type=\"smartadserver\" data-site=\"1\" data-page=\"2\" "
            + "rtc-config='{\"vendors\": {\"aps\": {\"PUB_ID\": \"600\", \"PARAMS\": {\"amp\": \"1\"}}, "
            + "\"criteo\": {\"ZONE_ID\": \"1382489\"}}, \"timeoutMillis\": 750}' data-format=\"3\"></amp-ad>";
        String kept = "<amp-ad width=\"300\" height=\"250\" type=\"smartadserver\" data-site=\"1\" data-page=\"2\" "
            + "data-format=\"3\"></amp-ad>";
        assertEquals(kept, rewrite(REMOVE, ad, NONE));
        assertEquals(kept, rewrite(NEUTRALIZE, ad, NONE));
        assertEquals(ad, rewrite(REMOVE, ad, MARKETING_ONLY));
        // a publisher URL callout (string or object), vendor names in any case
        String url = "<amp-embed type=smartadserver rtc-config='{\"urls\": [\"https://rtc.shop.example/t?s=1\", "
            + "{\"url\": \"https://www.facebook.com/tr?id=1&amp;ev=RTC\", \"errorReportingUrl\": \"/e\"}]}'>"
            + "</amp-embed>";
        assertEquals("<amp-embed type=smartadserver></amp-embed>", rewrite(REMOVE, url, NONE));
        String vendorCase = "<amp-ad type=smartadserver rtc-config='{\"vendors\": {\"PrebidAppNexus\": "
            + "{\"PLACEMENT_ID\": \"1\"}}}'></amp-ad>";
        assertEquals("<amp-ad type=smartadserver></amp-ad>", rewrite(REMOVE, vendorCase, NONE));
        // vendors and URLs the catalog does not list, and configurations the runtime could not read, stay
        String other = "<amp-ad type=smartadserver rtc-config='{\"vendors\": {\"sonobi\": {\"PLACEMENT_ID\": \"1\"}, "
            + "\"aps2\": {}}, \"urls\": [\"https://rtc.shop.example/t\", \"criteo\"]}'></amp-ad>"
            + "<amp-ad type=smartadserver rtc-config='{\"vendors\": {\"aps\": {\"PUB_ID\": \"1\"}'></amp-ad>"
            + "<amp-ad type=smartadserver rtc-config='[\"aps\"]'></amp-ad>";
        assertEquals(other, rewrite(REMOVE, other, NONE));
        // a refused ad network goes whole, as before
        assertEquals("ab", rewrite(REMOVE, "a<amp-ad type=doubleclick rtc-config='{\"vendors\": {\"aps\": "
            + "{\"PUB_ID\": \"1\"}}}'></amp-ad>b", NONE));
    }

    @Test
    void aPinterestEmbedIsGatedByTheHostsItCalls() {
        String pin = "a<amp-pinterest width=\"236\" height=\"326\" data-do=\"embedPin\" "
            + "data-url=\"https://www.pinterest.com/pin/99360735500167749/\"></amp-pinterest>b";
        String follow = "a<amp-pinterest height=\"20\" width=\"120\" data-do=\"buttonFollow\" "
            + "data-href=\"https://www.pinterest.com/acme/\" data-label=\"Acme\"></amp-pinterest>b";
        // the catalog lists neither Pinterest's widget API nor its widget log: content embeds stay
        assertEquals(pin, rewrite(REMOVE, pin, NONE));
        TrackerCatalog widgetLog = CATALOG.withOverrides(catalog("[{\"id\": \"pinterest-widgets\", \"name\": "
            + "\"Pinterest widgets\", \"owner\": \"Pinterest\", \"categories\": [\"marketing\"], \"hosts\": "
            + "[\"log.pinterest.com\"]}]"));
        HtmlRewriter r = HtmlRewriter.builder(widgetLog).build();
        assertEquals("ab", rewrite(r, pin, NONE), "an embedded pin logs its page view to log.pinterest.com");
        assertEquals(follow, rewrite(r, follow, NONE), "a follow button logs only when it is clicked");
        TrackerCatalog widgets = CATALOG.withOverrides(catalog("[{\"id\": \"pinterest-widgets\", \"name\": "
            + "\"Pinterest widgets\", \"owner\": \"Pinterest\", \"categories\": [\"marketing\"], \"hosts\": "
            + "[\"widgets.pinterest.com\"]}]"));
        assertEquals("ab", rewrite(HtmlRewriter.builder(widgets).build(), follow, NONE),
            "every mode connects to the widget API");
    }

    @Test
    void anEmbedIsGatedAsTheUrlItLoadsWouldBe() {
        // the catalog lists no video host; an operator who gates YouTube gates amp-youtube with it
        TrackerCatalog withYouTube = CATALOG.withOverrides(catalog("[{\"id\": \"youtube\", \"name\": \"YouTube\", "
            + "\"owner\": \"Google\", \"categories\": [\"marketing\"], \"hosts\": [\"youtube.com\"]}]"));
        HtmlRewriter r = HtmlRewriter.builder(withYouTube).build();
        String yt = "a<amp-youtube data-videoid=\"mGENRKrdoGY\" layout=responsive width=480 height=270>"
            + "</amp-youtube>b";
        assertEquals("ab", rewrite(r, yt, NONE));
        String noCookie = "a<amp-youtube credentials=\"omit\" data-videoid=\"mGENRKrdoGY\"></amp-youtube>b";
        assertEquals(noCookie, rewrite(r, noCookie, NONE), "youtube-nocookie.com is another host");
        // a site that lists Facebook's SDK as functional keeps its plugins without marketing consent
        TrackerCatalog sdk = CATALOG.withOverrides(catalog("[{\"id\": \"facebook-sdk\", \"name\": \"SDK\", "
            + "\"owner\": \"Meta\", \"categories\": [\"functional\"], \"hosts\": "
            + "[\"connect.facebook.net/en_US/sdk.js\"]}]"));
        String page = "a<amp-facebook-page data-href=\"https://www.facebook.com/acme/\"></amp-facebook-page>b";
        ConsentDecision functional = ConsentDecision.of(Set.of(Category.FUNCTIONAL), Map.of(), ConsentMode.OPT_IN);
        assertEquals(page, rewrite(HtmlRewriter.builder(sdk).build(), page, functional));
        assertEquals("ab", rewrite(REMOVE, page, functional));
    }

    @Test
    void anInlineConfigurationIsJudgedWhateverElseTheComponentHolds() {
        // another element inside: the hold ends there, judged on what it held
        String later = "a<amp-analytics><script type=\"application/json\">{\"requests\": {\"p\": \"" + PIXEL
            + "\"}}</script><div><amp-analytics></amp-analytics></div></amp-analytics>b";
        assertEquals("ab", rewrite(REMOVE, later, NONE));
        String firstParty = "<amp-analytics><div>x</div><script type=\"application/json\">{}</script>"
            + "</amp-analytics>";
        assertEquals(firstParty, rewrite(REMOVE, firstParty, NONE));
        // a script child that loads a tracker by itself goes with the component
        String script = "a<amp-analytics><script src=\"https://connect.facebook.net/en_US/fbevents.js\"></script>"
            + "</amp-analytics>b";
        assertEquals("ab", rewrite(REMOVE, script, NONE));
        // unclosed at the end of the input
        assertEquals("a", rewrite(REMOVE, "a<amp-analytics><script type=application/json>{\"requests\":{\"p\":\""
            + PIXEL + "\"}}", NONE));
        // inside <noscript>, which is left empty and goes too
        assertEquals("ab", rewrite(REMOVE, "a<noscript><amp-analytics type=facebookpixel></amp-analytics>"
            + "</noscript>b", NONE));
    }

    @Test
    void operatorTaggedComponentsFollowTheirCategoryAndTheCatalog() {
        String tagged = "a<amp-img data-consent=\"marketing\" src=\"/hero.jpg\" width=1 height=1></amp-img>b";
        assertEquals("ab", rewrite(REMOVE, tagged, ANALYTICS_ONLY));
        // the operator's allow covers the element, not a refused vendor in its type
        String allowed = "a<amp-analytics data-consent=\"analytics\" type=\"facebookpixel\"></amp-analytics>b";
        assertEquals("ab", rewrite(REMOVE, allowed, ANALYTICS_ONLY));
        assertEquals(allowed, rewrite(REMOVE, allowed, ConsentDecision.allowAll()));
    }

    @Test
    void removalsAreReportedWithTheComponentAndTracker() {
        var e = events(REMOVE, "<p>\n<amp-ad type=\"doubleclick\" data-slot=\"/1/x\"></amp-ad>"
            + "<amp-analytics>\n<script type=\"application/json\">{\"requests\":{\"p\":\"" + PIXEL
            + "\"}}</script></amp-analytics>", NONE);
        assertEquals(2, e.size(), e.toString());
        assertEquals("amp-ad", e.get(0).element());
        assertEquals("doubleclick", e.get(0).trackerId());
        assertEquals(TrackerEvent.Action.REMOVED, e.get(1).action());
        assertEquals("amp-analytics", e.get(1).element());
        assertEquals("meta-pixel", e.get(1).trackerId());
        assertEquals(2, e.get(1).line());
        assertTrue(events(REMOVE, "<amp-ad type=doubleclick></amp-ad>", MARKETING_ONLY).stream()
            .allMatch(x -> x.action() == TrackerEvent.Action.ALLOWED));
    }

    @Test
    void aConfigurationLongerThanTheCapFollowsTheOverflowSwitch() {
        String big = "a<amp-analytics><script type=\"application/json\">{\"vars\": {\"pad\": \"" + "x".repeat(1200)
            + "\"}, \"requests\": {\"p\": \"" + PIXEL + "\"}}</script></amp-analytics>b";
        HtmlRewriter closed = HtmlRewriter.builder(CATALOG).maxHeldBytes(1024)
            .overflow(OverflowAction.FAIL_CLOSED).build();
        HtmlRewriter open = HtmlRewriter.builder(CATALOG).maxHeldBytes(1024)
            .overflow(OverflowAction.FAIL_OPEN).build();
        assertEquals("ab", rewrite(closed, big, NONE));
        assertEquals(big, rewrite(open, big, NONE));
    }

    private static TrackerCatalog catalog(String trackers) {
        try {
            return TrackerCatalog.fromJson(new ObjectMapper().readTree("{\"trackers\": " + trackers + "}"));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
