package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which {@code <base href>} relative URLs resolve against: the first one, except that a first one in a
 * {@code <template>}, in SVG or in a {@code <noscript>} (raw text while scripts run) sets no base for the browser.
 */
class BaseUrlChoiceTest {

    private static final String TRACKER_BASE = "<base href=\"https://www.facebook.com/\">";
    private static final String PIXEL = "<img src=\"tr?id=1&amp;ev=PageView\" alt=\"\">";

    @ParameterizedTest
    @ValueSource(strings = {
        "<template><base href=\"https://www.example.org/\"></template>",
        "<svg><base href=\"https://www.example.org/\"/></svg>",
        "<noscript><base href=\"https://www.example.org/\"></noscript>",
        "<base target=\"_top\">",
    })
    void matchesRelativeUrlsOnATrackerBaseAfterABaseTheBrowserIgnores(String first) {
        String in = first + TRACKER_BASE + PIXEL + "<p>text</p>";
        String out = rewrite(REMOVE, in, ConsentDecision.refuseAll());
        assertEquals(first + TRACKER_BASE + "<p>text</p>", out);
        assertEquals(-1, rewrite(NEUTRALIZE, in, ConsentDecision.refuseAll()).indexOf(" src=\"tr?"));
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<base href=\"https://www.example.org/\">" + PIXEL,
        "<base href=\"https://www.example.org/\"><base href=\"https://cdn.example.net/\">" + PIXEL,
        "<base href=\"https://www.facebook.com.example.org/\">" + PIXEL,
    })
    void keepsRelativeUrlsOnFirstPartyBases(String in) {
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.refuseAll()));
    }
}
