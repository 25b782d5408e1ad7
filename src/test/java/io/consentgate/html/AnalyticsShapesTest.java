package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Analytics, session-replay, A/B-testing and tag-manager tags written as sites and their plugins print them: with
 * nothing allowed no request to the vendor may stay possible, and with everything allowed the page is unchanged.
 */
class AnalyticsShapesTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ALL = ConsentDecision.of(
        Set.of(Category.FUNCTIONAL, Category.ANALYTICS, Category.MARKETING), Map.of(), ConsentMode.OPT_IN);

    private static String rewrite(String html, ConsentDecision d) {
        return RewriteAssertions.rewrite(RewriteAssertions.REMOVE, html, d);
    }

    private static void assertRemovedAndKeptWhenAllowed(String tag) {
        String page = "<p>a</p>" + tag + "<p>b</p>";
        assertEquals("<p>a</p><p>b</p>", rewrite(page, NONE));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // LogRocket's current install snippet and the other CDN hosts its Content-Security-Policy guide lists
        "<script src=\"https://cdn.logr-ingest.com/LogRocket.min.js\" crossorigin=\"anonymous\"></script>",
        "<script src=\"https://cdn.lgrckt-in.com/LogRocket.min.js\" crossorigin=\"anonymous\"></script>",
        "<script src='https://cdn.lrkt-in.com/LogRocket.min.js'></script>",
        "<script async src=\"https://cdn.logr-in.com/LogRocket.min.js\"></script>",
        "<script src=\"https://cdn.ingest-lr.com/LogRocket.min.js\"></script>",
        "<script src=\"https://cdn.lr-intake.com/LogRocket.min.js\"></script>",
        "<script src=\"https://cdn.intake-lr.com/LogRocket.min.js\"></script>",
        "<script>(function(){var s=document.createElement('script');s.src='https://cdn.lgrckt-in.com/logger-1.min.js';"
            + "s.onload=function(){window.LogRocket&&window.LogRocket.init('ab12cd/shop')};"
            + "document.head.appendChild(s)})();</script>",
    })
    void logRocketFromAnyOfItsCdnHostsIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Optimizely Web's project snippet in its PCI-compliant form, for checkout pages
        "<script src=\"https://cdn-pci.optimizely.com/js/24680135790.js\"></script>",
        "<link rel=\"preload\" as=\"script\" href=\"//cdn-pci.optimizely.com/js/24680135790.js\">",
    })
    void optimizelysPciSnippetIsRemoved(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }
}
