package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.events;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentDecision;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A {@code <noscript>} is read both ways: as markup (scripting off) and as raw text up to the first
 * {@code </noscript} (scripting on, as in every visitor's browser), where what follows that end tag is page markup.
 */
class NoscriptScriptingReadingTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ALL = ConsentDecision.allowAll();
    private static final String PIXEL = "<img src=\"https://www.facebook.com/tr?id=1&amp;ev=PageView\">";

    @Test
    void removesNoscriptWhoseCommentHidesItsEndTagBeforeAPixel() {
        String in = "a<noscript><!--</noscript>" + PIXEL + "--></noscript>b";
        assertEquals("ab", rewrite(REMOVE, in, NONE));
    }

    @Test
    void reportsTheTrackerTheScriptingReadingWouldLoad() {
        String in = "<noscript><!--</noscript>" + PIXEL + "--></noscript>";
        List<TrackerEvent> events = events(REMOVE, in, NONE);
        assertEquals(1, events.size(), events.toString());
        assertEquals("noscript", events.get(0).element());
        assertEquals(TrackerEvent.Action.REMOVED, events.get(0).action());
        assertTrue(events.get(0).trackerId() != null, events.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<noscript><p title=\"</noscript>" + PIXEL + "\">x</p></noscript>",
        "<noscript><style></noscript>" + PIXEL + "</style></noscript>",
        "<noscript><textarea></noscript>" + PIXEL + "</textarea></noscript>",
        "<noscript><!--</NoScript\t>" + PIXEL + "--></noscript>",
        "<noscript><!--</noscript/>" + PIXEL + "--></noscript>",
        "<head><noscript><!--</noscript><link rel=\"preconnect\" href=\"https://connect.facebook.net\">--></noscript>",
    })
    void removesNoscriptWhoseHiddenEndTagIsFollowedByATracker(String noscript) {
        assertEquals("[]", rewrite(REMOVE, "[" + noscript + "]", NONE).replace("<head>", ""));
    }

    @Test
    void removesPixelANestedNoscriptLeavesToThePageAndKeepsTheRest() {
        String in = "<noscript><noscript></noscript>" + PIXEL + "</noscript>";
        assertEquals("<noscript><noscript></noscript></noscript>", rewrite(REMOVE, in, NONE));
    }

    @Test
    void removesNoscriptWhoseScriptingReadingLeavesAScriptOpen() {
        String in = "<noscript><!--</noscript><script>--></noscript>fbq('init', '1');</script>";
        assertEquals("fbq('init', '1');</script>", rewrite(REMOVE, in, NONE));
    }

    @Test
    void removesNoscriptWhoseHiddenEndTagRunsPastItsEndInAQuotedValue() {
        String in = "<noscript><!--</noscript x=\"--></noscript><p title='\">" + PIXEL + "'>";
        assertEquals("<p title='\">" + PIXEL + "'>", rewrite(REMOVE, in, NONE));
    }

    @Test
    void removesNoscriptWhoseScriptingReadingLeavesTheHtmlIntegrationPoint() {
        String in = "<svg><foreignObject><noscript><!--</noscript></foreignObject>--></noscript><style>" + PIXEL
            + "</style></svg>";
        assertEquals("<svg><foreignObject><style>" + PIXEL + "</style></svg>", rewrite(REMOVE, in, NONE));
    }

    @Test
    void removesNoscriptWhoseScriptingReadingSetsABase() {
        String in = "<noscript><!--</noscript><base href=\"https://www.facebook.com/\">--></noscript>"
            + "<img src=\"/tr?id=1&amp;ev=PageView\">";
        assertEquals("<img src=\"/tr?id=1&amp;ev=PageView\">", rewrite(REMOVE, in, NONE));
    }

    @Test
    void removesNoscriptWhoseScriptingReadingLoadsAgainstTheBaseOfThePage() {
        String in = "<base href=\"https://www.facebook.com/\"><noscript><!--</noscript><img src=\"tr?id=1\">"
            + "--></noscript>";
        assertEquals("<base href=\"https://www.facebook.com/\">", rewrite(REMOVE, in, NONE));
    }

    @Test
    void keepsNoscriptWhoseScriptingReadingIsTextOnAPageWithABase() {
        String in = "<base href=\"https://www.example.org/\"><noscript><!-- closed by </noscript> --></noscript>";
        assertEquals(in, rewrite(REMOVE, in, NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<noscript><img src=\"/pixel.gif\" alt=\"\"><!-- no script --></noscript>",
        "<noscript><!-- closed by </noscript> in old markup --><p>Please enable JavaScript.</p></noscript>",
        "<noscript><img alt=\"</noscript>\" src=\"/pixel.gif\"></noscript>",
        "<noscript><noscript>x</noscript></noscript>",
        "<noscript><style>.js-only{display:none}</style></noscript>",
        "<noscript></noscriptx><p>y</p></noscript>",
    })
    void keepsInnocentNoscriptByteForByte(String noscript) {
        String in = "<p>a</p>" + noscript + "<p>b</p>";
        assertEquals(in, rewrite(REMOVE, in, NONE));
    }

    @Test
    void keepsNoscriptOpenAtTheEndWhoseScriptingReadingLoadsNothing() {
        String in = "<p>a</p><noscript><!-- </noscript><textarea>draft";
        assertEquals(in, rewrite(REMOVE, in, NONE));
    }

    @Test
    void removesNoscriptOpenAtTheEndWhoseScriptingReadingLoadsATracker() {
        assertEquals("<p>a</p>", rewrite(REMOVE, "<p>a</p><noscript><!-- </noscript>" + PIXEL + "<textarea>", NONE));
    }

    @Test
    void keepsNoscriptWhoseScriptingReadingLoadsOnlyAllowedTrackers() {
        String in = "<noscript><!--</noscript>" + PIXEL + "--></noscript>";
        assertEquals(in, rewrite(REMOVE, in, ALL));
    }

    @Test
    void removesThePixelOfAPlainNoscriptAndTheEmptiedNoscriptAsBefore() {
        String in = "a<noscript>" + PIXEL + "</noscript>b";
        assertEquals("ab", rewrite(REMOVE, in, NONE));
    }

    @Test
    void removesNoscriptsNestedInHiddenEndTagsBeyondTheReadingDepth() {
        String level = "<noscript><!--</noscript>";
        String in = "x" + level.repeat(5) + "y" + "--></noscript>".repeat(5) + "z";
        String out = rewrite(REMOVE, in, NONE);
        assertTrue(out.startsWith("xz") || !out.contains("<noscript"), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a<noscript><!--</noscript><img src=\"https://www.facebook.com/tr?id=1&amp;ev=PageView\">--></noscript>b",
        "a<noscript><p title=\"</noscript><img src=https://www.facebook.com/tr?id=1>\">x</p></noscript>b",
        "a<noscript><!-- closed by </noscript> in old markup --><p>x</p></noscript>b",
        "a<noscript><!--</noscript><script>--></noscript>fbq('init', '1');</script>b",
    })
    void outputIsTheSameWhereverTheInputIsCut(String in) {
        byte[] html = in.getBytes(StandardCharsets.UTF_8);
        byte[] whole = RewriteAssertions.rewrite(REMOVE, html, NONE, StandardCharsets.UTF_8, null, new int[0]);
        for (int cut = 1; cut < html.length; cut++) {
            assertArrayEquals(whole, RewriteAssertions.rewrite(REMOVE, html, NONE, StandardCharsets.UTF_8, null,
                new int[] {cut}), "cut at " + cut);
        }
        int[] every = new int[html.length - 1];
        for (int i = 0; i < every.length; i++) {
            every[i] = i + 1;
        }
        assertArrayEquals(whole, RewriteAssertions.rewrite(REMOVE, html, NONE, StandardCharsets.UTF_8, null, every));
    }
}
