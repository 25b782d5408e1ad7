package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * First-party loader paths as servers map them: percent-escaped letters are decoded and path parameters
 * ({@code ;v=2}) dropped before the file is served or the proxy called. An escaped slash is refused by servers and
 * matched as written.
 */
class EscapedLoaderPathTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();

    private static String rewrite(String html) {
        return RewriteAssertions.rewrite(RewriteAssertions.REMOVE, html, NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script async src=\"/%67tm.js?id=GTM-K7X2Q9\"></script>",
        "<script async src=\"https://sgtm.shop.example/%67%74%6d.js?id=GTM-K7X2Q9\"></script>",
        "<script async src='/metrics/gta%67/js?id=G-4RT8ZP1QW'></script>",
        "<script async src=\"/metrics/gtag/j%73?id=G-4RT8ZP1QW\"></script>",
        "<script async src=\"/gtm%2ejs?id=GTM-K7X2Q9\"></script>",
        "<link rel=\"preload\" as=\"script\" href=\"/%67tm.js?id=GTM-K7X2Q9\">",
        "<script async src=\"/gtm.js;v=2?id=GTM-K7X2Q9\"></script>",
        "<script async src=\"https://sgtm.shop.example/gtag;a=b/js?id=G-4RT8ZP1QW\"></script>",
    })
    void removesAFirstPartyLoaderWithEscapedLetters(String loader) {
        assertEquals("<p>a</p><p>b</p>", rewrite("<p>a</p>" + loader + "<p>b</p>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script async src=\"/gtag%2Fjs?id=G-4RT8ZP1QW\"></script>",
        "<script async src=\"/%67tm.js\"></script>",
        "<script async src=\"/gtm.js%3Bv=2?id=GTM-K7X2Q9\"></script>",
        "<script async src=\"/app.js;gtm.js?id=GTM-K7X2Q9\"></script>",
        "<script async src=\"/app.js?next=/%67tm.js?id=GTM-K7X2Q9\"></script>",
    })
    void keepsScriptsWhosePathIsNoLoaderOnceDecoded(String script) {
        String in = "<p>a</p>" + script + "<p>b</p>";
        assertEquals(in, rewrite(in));
    }
}
