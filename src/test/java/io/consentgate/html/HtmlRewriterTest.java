package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.events;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlRewriterTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ALL = ConsentDecision.allowAll();

    @Test
    void removesRefusedScriptSrcKeepingSurroundingWhitespace() {
        String in = "<p>a</p>\n  <script async src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script>\n<p>b";
        assertEquals("<p>a</p>\n  \n<p>b", rewrite(REMOVE, in, NONE));
    }

    @Test
    void passesEverythingWhenAllIsAllowed() {
        String in = "<script src=\"https://connect.facebook.net/en_US/fbevents.js\"></script>";
        assertEquals(in, rewrite(REMOVE, in, ALL));
    }

    @Test
    void removesInlineLoaderScript() {
        String in = "<head><script>\n!function(f,b,e,v,n,t,s){n=f.fbq=function(){};}(window,document,'script',"
            + "'https://connect.facebook.net/en_US/fbevents.js');\nfbq('init','123');</script><title>x</title>";
        assertEquals("<head><title>x</title>", rewrite(REMOVE, in, NONE));
    }

    @Test
    void keepsInlineScriptWithoutTrackers() {
        String in = "<script>var a = '</scr' + 'ipt>'; console.log(a)</script>x";
        assertEquals(in, rewrite(REMOVE, in, NONE));
    }

    @Test
    void removesPixelInsideNoscriptAndTheEmptyNoscript() {
        String in = "a<noscript><img height=\"1\" width=\"1\" style=\"display:none\"\n"
            + "src=\"https://www.facebook.com/tr?id=1&amp;ev=PageView&amp;noscript=1\"/></noscript>b";
        assertEquals("ab", rewrite(REMOVE, in, NONE));
    }

    @Test
    void removesOnlyTheTrackerInsideANoscriptWithOtherContent() {
        String in = "<noscript><p>Enable JS</p><img src=\"https://www.facebook.com/tr?id=1\"></noscript>";
        assertEquals("<noscript><p>Enable JS</p></noscript>", rewrite(REMOVE, in, NONE));
    }

    @Test
    void removesPingAttributeButKeepsLink() {
        String in = "<a href=\"/x\" ping=\"https://www.google-analytics.com/collect\">x</a>";
        assertEquals("<a href=\"/x\">x</a>", rewrite(REMOVE, in, NONE));
    }

    @Test
    void neutralizesScriptKeepingNonce() {
        String in = "<script nonce=\"abc\" src=\"https://connect.facebook.net/en_US/fbevents.js\"></script>";
        assertEquals("<script nonce=\"abc\" data-src=\"https://connect.facebook.net/en_US/fbevents.js\""
            + " type=\"text/plain\" data-consent=\"marketing\"></script>", rewrite(NEUTRALIZE, in, NONE));
    }

    @Test
    void reportOnlyEventsSayWhatEnforcingWouldDo() {
        HtmlRewriter reportOnly = HtmlRewriter.builder(RewriteAssertions.CATALOG).reportOnly(true).build();
        String in = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-1A2B\"></script>\n"
            + "<a href=\"/p/1\" ping=\"https://www.facebook.com/tr?id=1\">Shoes</a>\n"
            + "<div style=\"background:url(https://www.facebook.com/tr?id=1)\">x</div>";
        assertEquals(in, rewrite(reportOnly, in, NONE), "report-only changes nothing");
        List<TrackerEvent.Action> actions = RewriteAssertions.events(reportOnly, in, NONE).stream()
            .map(TrackerEvent::action).toList();
        // the element goes, the link stays without its ping, the div stays without its style
        assertEquals(List.of(TrackerEvent.Action.REMOVED, TrackerEvent.Action.PING_REMOVED,
            TrackerEvent.Action.NEUTRALIZED), actions);
    }

    @Test
    void aNeutralizedTagOfSeveralCategoriesNamesThemAll() {
        // a consent manager that activates it later must ask for both: a GTM container can hold marketing tags
        String analyticsOnly = "<script async src=\"https://www.googletagmanager.com/gtm.js?id=GTM-K7Q2XM\"></script>";
        ConsentDecision analytics = ConsentDecision.of(java.util.Set.of(io.consentgate.Category.ANALYTICS),
            java.util.Map.of(), io.consentgate.ConsentMode.OPT_IN);
        assertEquals("<script async data-src=\"https://www.googletagmanager.com/gtm.js?id=GTM-K7Q2XM\""
            + " type=\"text/plain\" data-consent=\"analytics,marketing\"></script>",
            rewrite(NEUTRALIZE, analyticsOnly, analytics));
        String inline = "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime()});"
            + "})(window,document,'script','dataLayer','GTM-K7Q2XM');</script>";
        assertEquals("<script type=\"text/plain\" data-consent=\"analytics,marketing\">"
            + inline.substring("<script>".length()), rewrite(NEUTRALIZE, inline, NONE));
    }

    @Test
    void reportsEventsWithLineAndColumn() {
        String in = "<p>\n  <img src=\"https://www.facebook.com/tr?id=1\">";
        List<TrackerEvent> ev = events(REMOVE, in, NONE);
        assertEquals(1, ev.size());
        assertEquals(2, ev.get(0).line());
        assertEquals(3, ev.get(0).column());
        assertEquals("meta-pixel", ev.get(0).trackerId());
        assertEquals(TrackerEvent.Action.REMOVED, ev.get(0).action());
    }

    /**
     * Found by MutationFuzzTest: activating an operator-tagged element used to check only its {@code data-src}, so a
     * refused tracker in the {@code src} it already carries was switched on (type="text/plain" dropped).
     */
    @Test
    void activationNeverSwitchesOnATrackerTheTagAlreadyLoads() {
        String script = "a<script type=\"text/plain\" data-consent src=\"https://www.googletagmanager.com/gtag/js?id=G-1\">"
            + "</script>b";
        assertEquals("ab", rewrite(REMOVE, script, NONE));
        ConsentDecision functional = ConsentDecision.of(java.util.Set.of(io.consentgate.Category.FUNCTIONAL),
            java.util.Map.of(), io.consentgate.ConsentMode.OPT_IN);
        String img = "a<img data-consent=\"functional\" data-srcset=\"/a.png 1x\" src=\"https://www.facebook.com/tr?id=1\">b";
        assertEquals("ab", rewrite(REMOVE, img, functional), "the pixel src stays in the activated tag");
        String replaced = "a<img data-consent=\"functional\" data-src=\"/a.png\" src=\"https://www.facebook.com/tr?id=1\">b";
        assertEquals("a<img data-consent=\"functional\" src=\"/a.png\">b", rewrite(REMOVE, replaced, functional),
            "a src that data-src replaces never loads");
        String kept = "<img data-consent=\"functional\" data-src=\"/a.png\" src=\"/placeholder.png\" alt=\"\">";
        assertEquals("<img data-consent=\"functional\" src=\"/a.png\" alt=\"\">", rewrite(REMOVE, kept, functional),
            "the placeholder src gives way to the activated one");
        String lazy = "<img src=\"/blank.gif\" data-srcset=\"/a.png 1x\" srcset=\"/blank.gif 1x\" data-consent=functional>";
        assertEquals("<img src=\"/blank.gif\" srcset=\"/a.png 1x\" data-consent=functional>",
            rewrite(REMOVE, lazy, functional), "only the attribute a data- form replaces is dropped");
    }
    /**
     * Found by MutationFuzzTest: an attribute dropped on activation took the space before it, so an attribute written
     * right after its closing quote joined the name before it (here the operator's category attribute became
     * {@code data-consentC}, and a later duplicate became the one the browser reads).
     */
    @Test
    void activationNeverJoinsTheAttributesAroundADroppedOne() {
        ConsentDecision functional = ConsentDecision.of(java.util.Set.of(io.consentgate.Category.FUNCTIONAL),
            java.util.Map.of(), io.consentgate.ConsentMode.OPT_IN);
        assertEquals("<script data-consent=necessary C data-consent=?>",
            rewrite(REMOVE, "<script data-consent=necessary type=\"text/plain\"C data-consent=?>", NONE));
        assertEquals("<script data-consent=functional async src=\"/chat.js\"></script>", rewrite(REMOVE,
            "<script data-consent=functional type='text/plain'async src=\"/chat.js\"></script>", functional));
        assertEquals("<script async data-consent=functional>init()</script>", rewrite(REMOVE,
            "<script type=\"text/plain\"async data-consent=functional>init()</script>", functional));
        assertEquals("<img data-consent=\"functional\" src=\"/a.png\" alt=\"\">", rewrite(REMOVE,
            "<img data-consent=\"functional\" data-src=\"/a.png\" src=\"/placeholder.png\"alt=\"\">", functional));
    }

    /**
     * An empty category value (bare, {@code ""}, blanks or commas: a template variable that rendered empty) names no
     * category, so it gates as an unknown one: an element that loads something needs every category, another is left
     * alone. It used to need none, which activated an operator's inert tag for every visitor who refused anything.
     */
    @Test
    void anEmptyCategoryValueGatesAsAnUnknownOne() {
        for (String empty : new String[] {" data-consent", " data-consent=\"\"", " data-consent=\" \"",
            " data-consent=\",\""}) {
            String script = "<script type=\"text/plain\"" + empty + ">startStats()</script>";
            String img = "<img" + empty + " data-src=\"/t.gif\" src=\"/blank.gif\">";
            String div = "<div" + empty + "><p>Shipping</p></div>";
            assertEquals(div, rewrite(REMOVE, script + img + div, NONE), empty);
            assertEquals(script + div, rewrite(NEUTRALIZE, script + div, NONE), empty);
            // every category allowed: the page as written (nothing is activated while nothing is refused)
            assertEquals(script + img + div, rewrite(REMOVE, script + img + div, ConsentDecision.allowAll()), empty);
        }
    }

    /**
     * Found by MutationFuzzTest (seed 61932398127094): an activated element skipped the rules for its other
     * attributes, so {@code <a data-consent="" data-src ping=...>} (then activated; an empty value now gates as an
     * unknown one, so it is {@code necessary} here) kept a ping to a refused tracker. The operator's allow covers the
     * element; a ping, a style or an event handler that fetches a refused tracker goes as anywhere.
     */
    @Test
    void activationKeepsNoTrackerInTheElementsOtherAttributes() {
        assertEquals("<a href=\"/about\" data-consent=\"necessary\" src=\"/x\">x</a>", rewrite(REMOVE,
            "<a href=\"/about\" ping=\"https://www.google-analytics.com/collect\" data-consent=\"necessary\" "
                + "data-src=\"/x\">x</a>", NONE));
        assertEquals("<img data-consent=necessary src=/a.png alt=x>", rewrite(REMOVE, "<img data-consent=necessary "
            + "data-src=/a.png style=\"background:url(https://www.facebook.com/tr)\" onerror=\"new Image().src="
            + "'https://www.facebook.com/tr'\" alt=x>", NONE));
        assertEquals("<iframe data-consent=necessary src=/embed onload=\"x()\"></iframe>", rewrite(REMOVE,
            "<iframe data-consent=necessary data-src=/embed onload=\"x()\"></iframe>", NONE), "the rest stays");
    }
}
