package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;

/**
 * The assertions of the vendor shape tests: a tag placed between a shop page's own content, removed with everything
 * refused and left byte for byte with everything allowed, or kept in both.
 */
final class ShopPageAssertions {

    static final String BEFORE = "<p id=\"own\">Shop</p>";
    static final String AFTER = "<script>window.shopCart = {items: 2};</script>";

    private ShopPageAssertions() {
    }

    /** {@code tag} goes with everything refused, and the page around it stays; with everything allowed nothing changes. */
    static void assertRemovedAndKeptWhenAllowed(String tag) {
        String page = BEFORE + tag + AFTER;
        assertEquals(BEFORE + AFTER, rewrite(REMOVE, page, ConsentDecision.refuseAll()));
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
    }

    /** {@code html} stays byte for byte with everything refused. */
    static void assertKept(String html) {
        String page = BEFORE + html + AFTER;
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.refuseAll()));
    }
}
