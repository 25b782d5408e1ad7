package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Images and frames that a lazy-loading library fills in: the page carries the URL in {@code data-src},
 * {@code data-lazy-src}, {@code data-srcset} or {@code data-original}, with a placeholder or nothing in {@code src},
 * and the library's script copies it into {@code src} when the element nears the viewport. WordPress lazy-load
 * plugins rewrite every image and frame of a page that way, tracking pixels and tag-manager frames included.
 * Client-side consent managers park an element's URL so too until their banner's choice (Complianz's
 * {@code data-src-cmplz}, Real Cookie Banner's {@code consent-original-src-_}): read in remove mode.
 */
class LazyLoadUrlTest {

    private static final String PIXEL = "https://www.facebook.com/tr?id=1&amp;ev=PageView&amp;noscript=1";
    private static final String BLANK = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision MARKETING_ONLY =
        ConsentDecision.of(Set.of(Category.MARKETING), Map.of(), ConsentMode.OPT_IN);

    static Stream<Arguments> removed() {
        return Stream.of(
            // lazysizes and vanilla-lazyload
            Arguments.of("a<img class=\"lazyload\" data-src=\"" + PIXEL + "\" width=\"1\" height=\"1\" alt=\"\">b"),
            // WP Rocket and Jetpack: a placeholder in src, the real URL beside it
            Arguments.of("a<img src=\"" + BLANK + "\" data-lazy-src=\"" + PIXEL + "\" alt=\"\">b"),
            Arguments.of("a<img src=\"/blank.gif\" DATA-LAZY-SRCSET=\"https://bat.bing.com/action/0?ti=56123 1x\">b"),
            Arguments.of("a<img class=lazy data-srcset=\"/a.png 1x, https://px.ads.linkedin.com/collect/?pid=1 2x\">b"),
            // jQuery lazyload
            Arguments.of("a<img class=\"lazy\" data-original=\"https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/\">b"),
            Arguments.of("a<picture><source type=\"image/webp\" data-srcset=\"" + PIXEL + "\"></picture>b"),
            // lazy frames: a tag manager's frame (also on a server-side tagging host) and a Floodlight frame
            Arguments.of("a<iframe data-lazy-src=\"https://www.googletagmanager.com/ns.html?id=GTM-K9X2PL\" "
                + "height=\"0\" width=\"0\" style=\"display:none\"></iframe>b"),
            Arguments.of("a<iframe data-src=\"https://sgtm.shop.example/ns.html?id=GTM-K9X2PL\"></iframe>b"),
            Arguments.of("a<iframe src=\"about:blank\" data-rocket-lazyload=\"fitvidscompatible\" "
                + "data-lazy-src=\"https://fls.doubleclick.net/activityi;src=8812345;type=visit;cat=home0\"></iframe>b"));
    }

    @ParameterizedTest
    @MethodSource("removed")
    void aTrackerInALazyLoadingAttributeIsRemovedWithItsElement(String page) {
        String expected = page.contains("<picture>") ? "a<picture></picture>b" : "ab";
        assertEquals(expected, rewrite(REMOVE, page, NONE));
    }

    @Test
    void contentAndAllowedTrackersInLazyLoadingAttributesStay() {
        String content = "<img class=\"lazyload\" src=\"" + BLANK + "\" data-src=\"https://cdn.shop.example/p/1.jpg\" "
            + "data-srcset=\"https://cdn.shop.example/p/1.jpg 1x, https://cdn.shop.example/p/1@2x.jpg 2x\" "
            + "data-original=\"/p/1.jpg\" data-sizes=\"auto\" data-nosrc=\"https://www.facebook.com/acme\" alt=\"Boot\">"
            + "<iframe data-src=\"https://www.youtube-nocookie.com/embed/abc\" loading=\"lazy\"></iframe>"
            // an attribute that names a vendor but is no URL a library loads
            + "<img src=\"/a.png\" data-source=\"https://www.facebook.com/tr\" data-href=\"" + PIXEL + "\">";
        assertEquals(content, rewrite(REMOVE, content, NONE));
        String pixel = "<img class=\"lazyload\" data-src=\"" + PIXEL + "\" alt=\"\">";
        assertEquals(pixel, rewrite(REMOVE, pixel, MARKETING_ONLY));
    }

    @Test
    void neutralizingAlsoDisarmsTheLazyCopy() {
        String page = "<img src=\"" + BLANK + "\" data-lazy-src=\"" + PIXEL + "\" alt=\"\">";
        assertEquals("<img data-src=\"" + BLANK + "\" data-data-lazy-src=\"" + PIXEL
            + "\" alt=\"\" data-consent=\"marketing\">", rewrite(NEUTRALIZE, page, NONE));
        // the neutralized URL moves to data-src, which a library that selects by class would load: the class goes too
        String lazyClass = "<img class=\"pixel lazyload\" src=\"" + PIXEL + "\" alt=\"\">"
            + "<iframe class=lazy src=\"https://fls.doubleclick.net/activityi;src=1;type=a;cat=b\"></iframe>";
        assertEquals("<img data-class=\"pixel lazyload\" data-src=\"" + PIXEL + "\" alt=\"\" data-consent=\"marketing\">"
            + "<iframe data-class=lazy data-src=\"https://fls.doubleclick.net/activityi;src=1;type=a;cat=b\""
            + " data-consent=\"marketing\"></iframe>", rewrite(NEUTRALIZE, lazyClass, NONE));
        String plainClass = "<img class=\"pixel\" src=\"" + PIXEL + "\">";
        assertEquals("<img class=\"pixel\" data-src=\"" + PIXEL + "\" data-consent=\"marketing\">",
            rewrite(NEUTRALIZE, plainClass, NONE));
    }

    @Test
    void aUrlAConsentManagerParksDecidesItsElementInRemoveMode() {
        String[] held = {
            // Complianz: the URL in data-src-cmplz, a placeholder video or page in src
            "<iframe data-src-cmplz=\"https://www.googletagmanager.com/ns.html?id=GTM-K9X2PL\" height=\"0\" "
                + "width=\"0\" class=\"cmplz-iframe cmplz-iframe-styles cmplz-no-video \" "
                + "src=\"https://shop.example/wp-content/plugins/complianz-gdpr/assets/images/placeholder.html\">"
                + "</iframe>",
            "<IFRAME Data-Src-Cmplz='https://fls.doubleclick.net/activityi;src=8812345;type=visit;cat=home0' "
                + "src=about:blank class=cmplz-iframe></IFRAME>",
            // Real Cookie Banner: consent-original-NAME-_ for the attribute it took, with its ids beside it
            "<iframe width=\"1\" height=\"1\" consent-original-src-_=\"https://fls.doubleclick.net/activityi;"
                + "src=8812345;type=sale;cat=buy0;ord=1\" consent-required=\"14\" consent-by=\"services\" "
                + "consent-id=\"217\"></iframe>",
            "<iframe consent-click-original-src-_=\"https://www.googletagmanager.com/ns.html?id=GTM-K9X2PL\" "
                + "consent-required=\"14\" consent-by=\"services\" consent-id=\"217\"></iframe>",
            "<img height=\"1\" width=\"1\" style=\"display:none\" consent-original-src-_=\"" + PIXEL + "\" "
                + "consent-required=\"9\" consent-by=\"services\" consent-id=\"31\">",
            "<img src=\"/logo.png\" consent-original-srcset-_=\"/logo.png 1x, "
                + "https://bat.bing.com/action/0?ti=56123 2x\" consent-required=\"9\" consent-by=\"services\" "
                + "consent-id=\"31\">",
            "<img consent-original-data-src-_=\"" + PIXEL + "\" class=\"lazyload\" consent-id=\"31\">",
            "<link rel=\"preload\" as=\"script\" consent-original-href-_=\"https://www.googletagmanager.com/gtag/js?"
                + "id=G-5HX2ZQ1ABC\" consent-required=\"3\" consent-by=\"services\" consent-id=\"41\">",
            "<link rel=\"stylesheet\" consent-original-href-_=\"https://static.hotjar.com/c/survey.css\" "
                + "consent-required=\"3\" consent-by=\"services\" consent-id=\"41\">",
            // media and the other elements that load a URL by themselves (found in review)
            "<video consent-original-src-_=\"" + PIXEL + "\" consent-id=\"31\"></video>",
            "<video src=\"/clips/intro.mp4\" consent-original-poster-_=\"" + PIXEL + "\" controls></video>",
            "<audio consent-original-src-_=\"" + PIXEL + "\" consent-id=\"31\"></audio>",
            "<input type=\"image\" alt=\"Go\" consent-original-src-_=\"" + PIXEL + "\">"};
        for (String element : held) {
            String page = "a" + element + "b";
            assertEquals("ab", rewrite(REMOVE, page, NONE), element);
            // neutralize mode leaves what a consent manager holds to the consent manager; allowed, it stays
            assertEquals(page, rewrite(NEUTRALIZE, page, NONE), element);
            assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()), element);
        }
        String svg = "<svg width=\"1\" height=\"1\"><image consent-original-href-_=\"" + PIXEL + "\"/></svg>";
        assertEquals("<svg width=\"1\" height=\"1\"></svg>", rewrite(REMOVE, svg, NONE));
        // the category decides as for the element's own URL: a Floodlight frame is marketing
        String floodlight = "<iframe data-src-cmplz=\"https://fls.doubleclick.net/activityi;src=1;type=a;cat=b\""
            + " src=\"about:blank\"></iframe>";
        assertEquals(floodlight, rewrite(REMOVE, floodlight, MARKETING_ONLY));
    }

    @Test
    void parkedUrlsOfNoTrackerAndOtherConsentAttributesStayByteForByte() {
        String page = "<iframe data-src-cmplz=\"https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed\" "
            + "class=\"cmplz-iframe cmplz-iframe-styles cmplz-video cmplz-hidden\" data-placeholder-image="
            + "\"/wp-content/uploads/complianz/placeholders/youtubedQw4w9WgXcQ-maxresdefault.webp\" "
            + "data-category=\"marketing\" data-service=\"youtube\" src=\"about:blank\"></iframe>"
            + "<iframe consent-original-src-_=\"https://player.vimeo.com/video/76979871?dnt=1\" "
            + "consent-click-original-src-_=\"https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1\" "
            + "consent-original-sandbox-_=\"allow-scripts allow-same-origin\" consent-required=\"22\" "
            + "consent-by=\"services\" consent-id=\"23\" consent-visual-use-parent=\"children:iframe\"></iframe>"
            + "<img consent-original-src-_=\"/wp-content/uploads/map.png\" consent-original-srcset-_ alt=\"\">"
            // consent-… attributes that park no URL, also where they name a tracker
            + "<img src=\"/a.png\" consent-original-alt-_=\"https://www.facebook.com/tr\" consent=\"" + PIXEL + "\""
            + " consent-inline=\"fbq('track','PageView')\">"
            + "<link rel=\"canonical\" consent-original-href-_=\"https://www.googletagmanager.com/gtag/js?id=G-1\">";
        assertEquals(page, rewrite(REMOVE, page, NONE));
    }
}
