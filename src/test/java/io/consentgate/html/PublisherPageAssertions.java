package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The assertions of the publisher page tests: a whole news, magazine or blog page rewritten with everything refused,
 * with marketing alone refused and with everything allowed.
 */
final class PublisherPageAssertions {

    /** Functional and analytics allowed, marketing refused: a reader who takes measurement but no ads. */
    static final ConsentDecision NO_MARKETING = ConsentDecision.of(
        Set.of(Category.FUNCTIONAL, Category.ANALYTICS), Map.of(), ConsentMode.OPT_IN);

    private PublisherPageAssertions() {
    }

    /**
     * Asserts what becomes of {@code page}: every {@code marketing} and {@code analytics} text is gone with
     * everything refused, every {@code marketing} text with marketing refused while the {@code analytics} texts
     * stay, every {@code own} text stays in both, and with everything allowed the page is byte for byte the same.
     */
    static void assertPage(String page, List<String> marketing, List<String> analytics, List<String> own) {
        for (String s : marketing) {
            assertTrue(page.contains(s), "fixture lacks " + s);
        }
        for (String s : analytics) {
            assertTrue(page.contains(s), "fixture lacks " + s);
        }
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
        String none = rewrite(REMOVE, page, ConsentDecision.refuseAll());
        for (String s : marketing) {
            assertFalse(none.contains(s), () -> "refused everything, still there: " + s + "\n" + none);
        }
        for (String s : analytics) {
            assertFalse(none.contains(s), () -> "refused everything, still there: " + s + "\n" + none);
        }
        for (String s : own) {
            assertTrue(none.contains(s), () -> "refused everything, lost: " + s + "\n" + none);
        }
        String noAds = rewrite(REMOVE, page, NO_MARKETING);
        for (String s : marketing) {
            assertFalse(noAds.contains(s), () -> "refused marketing, still there: " + s + "\n" + noAds);
        }
        for (String s : analytics) {
            assertTrue(noAds.contains(s), () -> "refused marketing, lost analytics: " + s + "\n" + noAds);
        }
        for (String s : own) {
            assertTrue(noAds.contains(s), () -> "refused marketing, lost: " + s + "\n" + noAds);
        }
    }
}
