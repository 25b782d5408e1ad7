package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.events;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import io.consentgate.catalog.TrackerCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code <style>} elements: each URL of their CSS that fetches a refused tracker ({@code @import}, {@code url(...)},
 * the strings of {@code image-set(...)}) becomes {@code about:invalid}, and the element and the rest of its CSS stay.
 */
class StyleSheetTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();

    @Test
    void aStylesheetLosesOnlyItsRefusedTrackerUrls() {
        assertEquals("<style>@import url(\"about:invalid\");body{color:red}</style><p>x</p>",
            rewrite(REMOVE, "<style>@import url(\"https://connect.facebook.net/x.css\");body{color:red}</style><p>x</p>",
                NONE));
        assertEquals("<style>@IMPORT 'about:invalid' print;.a{b:c}</style>",
            rewrite(REMOVE, "<style>@IMPORT 'https://www.googletagmanager.com/t.css' print;.a{b:c}</style>", NONE));
        assertEquals("<STYLE media=screen>\n.px{background:url(about:invalid) 0 0}\n.own{background:url(/a.png)}</STYLE>",
            rewrite(REMOVE, "<STYLE media=screen>\n.px{background:url(https://www.facebook.com/tr?id=1&ev=PageView) 0 0}"
                + "\n.own{background:url(/a.png)}</STYLE>", NONE));
        assertEquals("<style>.h{background:-webkit-image-set(\"about:invalid\" 1x,'/b.png' 2x)}</style>",
            rewrite(REMOVE, "<style>.h{background:-webkit-image-set(\"//bat.bing.com/action/0?ti=1\" 1x,'/b.png' 2x)}"
                + "</style>", NONE));
    }

    @Test
    void escapesThatHideTheHostOrTheRuleAreUndone() {
        assertEquals("<style>@\\69mport \"about:invalid\";</style>",
            rewrite(REMOVE, "<style>@\\69mport \"https://connect.facebook.net/x.css\";</style>", NONE));
        assertEquals("<style>b{background:url(about:invalid)}</style>",
            rewrite(REMOVE, "<style>b{background:url(https://www\\2e facebook.com/tr?id=1)}</style>", NONE));
        assertEquals("<style>b{background:\\75 rl(about:invalid)}</style>",
            rewrite(REMOVE, "<style>b{background:\\75 rl(//www.facebook.com/tr)}</style>", NONE));
        assertEquals("<style>b{background:url('about:invalid')}</style>",
            rewrite(REMOVE, "<style>b{background:url('https://www.face\\\nbook.com/tr')}</style>", NONE),
            "a string continued on the next line");
        // a web scheme with one slash or none still names the host (fuzz seed 51178840983660)
        assertEquals("<style>b{background:url(about:invalid)}i{background:url('about:invalid')}</style>",
            rewrite(REMOVE, "<style>b{background:url(https:/www.facebook.com/tr)}"
                + "i{background:url('HTTPS:connect.facebook.net/x.png')}</style>", NONE));
    }

    @Test
    void textThatOnlyNamesATrackerStaysByteForByte() {
        String page = "<style>/* url(https://www.facebook.com/tr) */.fb::after{content:\"https://www.facebook.com/tr\"}"
            + "a[href^='https://connect.facebook.net']{color:red}.i::before{content:\"\\f101\"}"
            + ".own{background:url(https://cdn.example.com/a.png)}</style><p>x</p>";
        assertEquals(page, rewrite(REMOVE, page, NONE));
    }

    @Test
    void allowedTrackersAndAnAllowAllDecisionLeaveTheCssAlone() {
        String page = "<style>.px{background:url(https://www.facebook.com/tr?id=1)}</style>";
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
        ConsentDecision marketing = ConsentDecision.of(Set.of(Category.MARKETING), Map.of(), ConsentMode.OPT_IN);
        assertEquals(page, rewrite(REMOVE, page, marketing));
        List<TrackerEvent> events = events(REMOVE, page, marketing);
        assertEquals(1, events.size());
        assertEquals(TrackerEvent.Action.ALLOWED, events.get(0).action());
    }

    @Test
    void bothModesNeutralizeInPlaceAndReportWhereTheStyleStarts() {
        String page = "<p>a</p>\n<p>b</p>\n  <style>.px{background:url(https://www.facebook.com/tr)}"
            + ".dc{background:url(https://ad.doubleclick.net/x)}</style>";
        String out = "<p>a</p>\n<p>b</p>\n  <style>.px{background:url(about:invalid)}"
            + ".dc{background:url(about:invalid)}</style>";
        assertEquals(out, rewrite(REMOVE, page, NONE));
        assertEquals(out, rewrite(NEUTRALIZE, page, NONE));
        assertEquals(out, rewrite(REMOVE, out, NONE), "a second pass finds nothing");
        List<TrackerEvent> events = events(REMOVE, page, NONE);
        assertEquals(2, events.size(), events.toString());
        for (TrackerEvent e : events) {
            assertEquals(TrackerEvent.Action.NEUTRALIZED, e.action());
            assertEquals("style", e.element());
            assertEquals(3, e.line());
            assertEquals(3, e.column());
        }
    }

    @Test
    void aStyleInsideNoscriptIsReadToo() {
        assertEquals("<noscript><style>i{background:url(about:invalid)}</style><p>Enable JavaScript</p></noscript>",
            rewrite(REMOVE, "<noscript><style>i{background:url(//www.facebook.com/tr?id=1&noscript=1)}</style>"
                + "<p>Enable JavaScript</p></noscript>", NONE));
    }

    @Test
    void theOutputIsTheSameWhereverTheInputIsSplit() {
        byte[] page = ("<p>x</p><style>@import 'https://connect.facebook.net/a.css';b{background:url(https://www\\2e "
            + "facebook.com/tr)}</style><p>y</p><style></style>").getBytes(StandardCharsets.UTF_8);
        byte[] whole = RewriteAssertions.rewrite(REMOVE, page, NONE, StandardCharsets.UTF_8, null, new int[0]);
        for (int cut = 1; cut < page.length; cut++) {
            for (int second = cut; second < page.length; second += 7) {
                assertEquals(new String(whole, StandardCharsets.UTF_8), new String(RewriteAssertions.rewrite(REMOVE,
                    page, NONE, StandardCharsets.UTF_8, null, new int[] {cut, second}), StandardCharsets.UTF_8),
                    "cuts " + cut + ", " + second);
            }
        }
    }

    @Test
    void aStylesheetLongerThanTheCapStreamsStatementByStatement() {
        String rules = ".r{color:red}\n".repeat(400); // 6 KB against a 1 KB cap
        String page = "<p>a</p><style media=\"all\">" + rules + ".px{background:url(https://www.facebook.com/tr)}" + rules
            + "@import 'https://connect.facebook.net/x.css';</style><p>b</p>";
        String out = "<p>a</p><style media=\"all\">" + rules + ".px{background:url(about:invalid)}" + rules
            + "@import 'about:invalid';</style><p>b</p>";
        for (OverflowAction overflow : OverflowAction.values()) {
            HtmlRewriter small = HtmlRewriter.builder(TrackerCatalog.bundled()).maxHeldBytes(1024).overflow(overflow)
                .build();
            byte[] in = page.getBytes(StandardCharsets.UTF_8);
            assertEquals(out, rewrite(small, page, NONE), overflow.toString());
            for (int cut = 1; cut < in.length; cut += 97) {
                assertEquals(out, new String(RewriteAssertions.rewrite(small, in, NONE, StandardCharsets.UTF_8, null,
                    new int[] {cut, Math.min(in.length, cut + 3000)}), StandardCharsets.UTF_8), overflow + " cut " + cut);
            }
        }
    }

    @Test
    void aSingleStatementLongerThanTheCapFollowsTheOverflowSwitch() {
        String font = "@font-face{font-family:x;src:url(data:font/woff2;base64," + "d09GMgABAAAA".repeat(200) + ")}";
        String page = "<p>a</p><style>" + font + ".px{background:url(https://www.facebook.com/tr)}</style><p>b</p>";
        HtmlRewriter open = HtmlRewriter.builder(TrackerCatalog.bundled()).maxHeldBytes(1024)
            .overflow(OverflowAction.FAIL_OPEN).build();
        assertEquals(page, rewrite(open, page, NONE), "passed through unread");
        HtmlRewriter closed = HtmlRewriter.builder(TrackerCatalog.bundled()).maxHeldBytes(1024)
            .overflow(OverflowAction.FAIL_CLOSED).build();
        assertEquals("<p>a</p><style>@font-face{font-family:x;</style><p>b</p>", rewrite(closed, page, NONE),
            "the statements before it are read and sent; from it on the CSS goes, the end tag and the page stay");
        byte[] in = page.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < in.length; cut += 37) {
            for (HtmlRewriter r : List.of(open, closed)) {
                assertEquals(rewrite(r, page, NONE), new String(RewriteAssertions.rewrite(r, in, NONE,
                    StandardCharsets.UTF_8, null, new int[] {cut}), StandardCharsets.UTF_8), "cut " + cut);
            }
        }
    }

    /**
     * An SVG {@code <style>} styles the whole page, like an HTML one: plain CSS text loses only its refused tracker
     * URLs. A MathML {@code <style>} styles nothing, a self-closed one has no text.
     */
    @Test
    void anSvgStyleIsReadLikeAnHtmlOne() {
        assertEquals("<svg width=1 height=1><style>p{background:url(about:invalid)}</style></svg><p>x</p>",
            rewrite(REMOVE, "<svg width=1 height=1><style>p{background:url(https://www.facebook.com/tr?id=1)}"
                + "</style></svg><p>x</p>", NONE));
        assertEquals("<svg><g><style>@import url(\"about:invalid\");.a{fill:red}</style></g></svg>",
            rewrite(NEUTRALIZE, "<svg><g><style>@import url(\"https://connect.facebook.net/x.css\");.a{fill:red}"
                + "</style></g></svg>", NONE));
        String unchanged = "<svg><style>.a{fill:red}</style><style/><rect class=a /></svg>"
            + "<math><style>p{background:url(https://www.facebook.com/tr)}</style></math>"
            + "<svg><style/><image href=/a.png /></svg>";
        assertEquals(unchanged, rewrite(REMOVE, unchanged, NONE));
        List<TrackerEvent> events = events(REMOVE, "<svg><style>p{background:url(//www.facebook.com/tr)}</style></svg>",
            NONE);
        assertEquals(1, events.size());
        assertEquals(TrackerEvent.Action.NEUTRALIZED, events.get(0).action());
        assertEquals("style", events.get(0).element());
    }

    /**
     * The CSS of an SVG style is its text content: CDATA sections unwrapped, comments left out, character
     * references decoded. When that text holds a refused tracker URL and the bytes hold such markup, no span of the
     * bytes stands for the URL, so the style's start tag goes with its text (the end tag, closing nothing, stays).
     */
    @Test
    void anSvgStyleWithMarkupInItsTextIsReadAsItsTextContent() {
        assertEquals("<svg width=1 height=1></style></svg><p>x</p>",
            rewrite(REMOVE, "<svg width=1 height=1><style><![CDATA[ p{background:url(https://www.facebook.com/tr?id=1)}"
                + " ]]></style></svg><p>x</p>", NONE));
        assertEquals("<svg></style></svg>",
            rewrite(REMOVE, "<svg><style>p{background:url(https://www.face<!-- x -->book.com/tr)}</style></svg>", NONE));
        assertEquals("<svg></style></svg>",
            rewrite(REMOVE, "<svg><style>p{background:url(https://www&#46;facebook.com/tr)}</style></svg>", NONE));
        String kept = "<svg><style><![CDATA[ .b{fill:red} a > b {stroke:none} ]]><!-- url(https://www.facebook.com/tr)"
            + " --></style></svg><svg><style>p{content:\"&amp;\"}</style></svg>";
        assertEquals(kept, rewrite(REMOVE, kept, NONE), "no tracker in the text content: byte for byte");
        List<TrackerEvent> events = events(REMOVE, "<svg><style><![CDATA[p{background:url(//www.facebook.com/tr)}]]>"
            + "</style></svg>", NONE);
        assertEquals(1, events.size());
        assertEquals(TrackerEvent.Action.REMOVED, events.get(0).action());
    }

    /**
     * The browser joins an SVG style's text nodes on both sides of an element inside it, and ignores an end tag that
     * closes nothing, so a tag inside it makes its CSS unreadable in one pass: with trackers refused its start tag
     * goes with its text so far, and what follows is SVG content that styles nothing. Chromium fetches the pixel of
     * both pages as written ({@code BrowserOracleTest}).
     */
    @Test
    void anSvgStyleWithATagInsideLosesItsStartTag() {
        assertEquals("<svg><desc>x</desc>book.com/tr?id=1)}</style></svg><p>x</p>",
            rewrite(REMOVE, "<svg><style>p{background:url(https://www.face<desc>x</desc>book.com/tr?id=1)}</style>"
                + "</svg><p>x</p>", NONE));
        assertEquals("<svg><g></g>p{background:url(https://www.facebook.com/tr)}</style></svg>",
            rewrite(REMOVE, "<svg><style>svg{fill:red}<g></g>p{background:url(https://www.facebook.com/tr)}</style>"
                + "</svg>", NONE));
        assertEquals("<svg></svg><p>x</p>", rewrite(REMOVE, "<svg><style>p{color:red}</svg><p>x</p>", NONE),
            "an end tag before its own: it may close nothing");
        String kept = "<svg><style>svg{fill:red}<g></g>p{background:url(https://www.facebook.com/tr)}</style></svg>";
        assertEquals(kept, rewrite(REMOVE, kept, ConsentDecision.allowAll()), "nothing refused: nothing taken");
        HtmlRewriter closed = HtmlRewriter.builder(TrackerCatalog.bundled()).maxHeldBytes(1024).build();
        String streamed = "<svg><style>" + ".r{fill:red}\n".repeat(100) + "<g></g>.px{background:url("
            + "https://www.facebook.com/tr)}</style></svg><p>b</p>";
        assertEquals("<svg></svg><p>b</p>", rewrite(closed, streamed, NONE),
            "over the cap it is not streamed (its text is markup): fail-closed drops it whole");
        HtmlRewriter open = HtmlRewriter.builder(TrackerCatalog.bundled()).maxHeldBytes(1024)
            .overflow(OverflowAction.FAIL_OPEN).build();
        assertEquals(streamed, rewrite(open, streamed, NONE), "fail-open sends it unread");
        for (String page : List.of(streamed, "<p>a</p><svg><style>p{b:url(//www.facebook.com/tr)}<desc>d</desc>x</style>"
            + "<style>q{b:url(//www.facebook.com/tr)}</style></svg><p>b</p>")) {
            byte[] in = page.getBytes(StandardCharsets.UTF_8);
            String whole = rewrite(closed, page, NONE);
            for (int cut = 1; cut < in.length; cut += 3) {
                assertEquals(whole, new String(RewriteAssertions.rewrite(closed, in, NONE, StandardCharsets.UTF_8, null,
                    new int[] {cut}), StandardCharsets.UTF_8), "cut " + cut);
            }
        }
    }
}
