package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.consentgate.ConsentDecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyword attributes ({@code rel}, {@code type}, {@code http-equiv}) are read with their character references
 * decoded, as the browser reads them: {@code rel="&#x70;reload"} is a preload.
 */
class EncodedAttributeValueTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<link rel=\"&#x70;reload\" as=\"image\" href=\"https://www.facebook.com/tr?id=1&amp;ev=PageView\">",
        "<link rel=\"pre&#108;oad\" as=\"script\" href=\"https://www.googletagmanager.com/gtag/js?id=G-1\">",
        "<link rel=\"dns&#45;prefetch\" href=\"//connect.facebook.net\">",
        "<script type=\"text/&#106;avascript\" src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script>",
        "<meta http-equiv=\"&#82;efresh\" content=\"0;url=https://www.facebook.com/tr?id=1\">",
        "<input type=\"&#105;mage\" src=\"https://www.facebook.com/tr?id=1\">",
    })
    void readsKeywordsWithCharacterReferences(String tag) {
        String in = "<p>a</p>" + tag + "<p>b</p>";
        assertEquals("<p>a</p><p>b</p>", rewrite(REMOVE, in, ConsentDecision.refuseAll()));
        String neutralized = rewrite(NEUTRALIZE, in, ConsentDecision.refuseAll());
        assertFalse(neutralized.contains(" href=\"https") || neutralized.contains(" src=\"https")
            || neutralized.contains("http-equiv"), neutralized);
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<link rel=\"canonical&#32;\" href=\"https://www.facebook.com/tr?id=1\">",
        "<script type=\"text&#47;plain\" src=\"/js/app.js\"></script>",
        "<link rel=\"alternate\" title=\"&#x70;reload\" href=\"https://www.facebook.com/tr?id=1\">",
    })
    void keepsTagsWhoseDecodedKeywordsLoadNothing(String tag) {
        assertEquals(tag, rewrite(REMOVE, tag, ConsentDecision.refuseAll()));
    }
}
