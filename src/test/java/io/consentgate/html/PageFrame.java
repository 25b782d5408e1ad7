package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * A site's own content around the markup a shape test puts between: {@code before} (its header, form or listing)
 * and {@code after} (its own scripts), which every rewrite must keep byte for byte. The decisions the shape tests
 * try are here too: everything refused, everything allowed, and each category refused alone.
 */
record PageFrame(String before, String after) {

    static final ConsentDecision NONE = ConsentDecision.refuseAll();
    static final ConsentDecision ALL = ConsentDecision.allowAll();
    static final ConsentDecision FUNCTIONAL_REFUSED = refusing(Category.FUNCTIONAL);
    static final ConsentDecision ANALYTICS_REFUSED = refusing(Category.ANALYTICS);
    static final ConsentDecision MARKETING_REFUSED = refusing(Category.MARKETING);

    /** Opt-in consent to every category but {@code refused}. */
    static ConsentDecision refusing(Category refused) {
        EnumSet<Category> allowed = EnumSet.complementOf(EnumSet.of(Category.NECESSARY, refused));
        return ConsentDecision.of(allowed, Map.of(), ConsentMode.OPT_IN);
    }

    /** {@code html} rewritten by the bundled catalog in remove mode, without page-global stand-ins. */
    static String rewrite(String html, ConsentDecision d) {
        return RewriteAssertions.rewrite(RewriteAssertions.REMOVE, html, d);
    }

    /**
     * {@code page} rewritten under {@code d} holds none of {@code gone} (each of which the page itself holds) and
     * every one of {@code kept}; with everything allowed it comes out byte for byte as it went in. Returns the output
     * under {@code d}, for the test's own assertions.
     */
    static String assertRewritten(String page, ConsentDecision d, List<String> gone, List<String> kept) {
        String out = rewrite(page, d);
        for (String g : gone) {
            assertTrue(page.contains(g), () -> "not in the page to begin with: " + g);
            assertFalse(out.contains(g), () -> "left: " + g + "\n" + out);
        }
        for (String k : kept) {
            assertTrue(out.contains(k), () -> "lost: " + k + "\n" + out);
        }
        assertEquals(page, rewrite(page, ALL));
        return out;
    }

    /** {@code tag} inside this frame goes under {@code refused}, the frame stays; with everything allowed, all stays. */
    void assertGoes(String tag, ConsentDecision refused) {
        String page = before + tag + after;
        assertEquals(before + after, rewrite(page, refused), tag);
        assertEquals(page, rewrite(page, ALL), tag);
    }

    /**
     * {@code tag} inside this frame goes with everything refused and with each of {@code categories} refused alone,
     * and stays byte for byte where any other category is refused alone.
     */
    void assertGoesOnlyWith(String tag, Category... categories) {
        assertGoes(tag, NONE);
        EnumSet<Category> by = EnumSet.noneOf(Category.class);
        by.addAll(List.of(categories));
        for (Category c : EnumSet.complementOf(EnumSet.of(Category.NECESSARY))) {
            if (by.contains(c)) {
                assertGoes(tag, refusing(c));
            } else {
                assertStays(tag, refusing(c));
            }
        }
    }

    /** {@code html} inside this frame stays byte for byte under {@code d}. */
    void assertStays(String html, ConsentDecision d) {
        String page = before + html + after;
        assertEquals(page, rewrite(page, d), html);
    }
}
