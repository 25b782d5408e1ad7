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
}
