package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON data blocks a shared loader starts a tracker from (catalog field {@code dataBlocks}): EU institutions' sites
 * write one {@code <script type="application/json">} block per webtools service and load webtools' one loader, which
 * starts Europa Analytics from the block whose {@code utility} is {@code analytics} (the Drupal modules print
 * {@code piwik}). That block goes; the loader and the blocks of the site's other services (its banner, its map, its
 * consent kit) stay byte for byte, as does every other JSON block.
 */
class DataBlockTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ANALYTICS = ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(),
        ConsentMode.OPT_IN);

    /** A Commission site's analytics block, written on one line as its CMS prints it. */
    private static final String ANALYTICS_BLOCK = "<script type=\"application/json\">{\"utility\":\"analytics\","
        + "\"siteID\":\"27\",\"sitePath\":[\"agency.europa.eu\"],\"instance\":\"europa.eu\",\"mode\":\"manual\"}"
        + "</script>";
    /** The Drupal module's form: utility piwik, a 404 flag and a site section. */
    private static final String PIWIK_BLOCK = "<script type=\"application/json\">{\"utility\":\"piwik\",\"siteID\":"
        + "\"183\",\"sitePath\":[\"portal.ec.europa.eu\"],\"siteSection\":\"news\",\"is404\":true,\"instance\":"
        + "\"ec.europa.eu\"}</script>";
    /** Hand-written into a static page's template: spread over lines, the type in capitals, utility not first. */
    private static final String TEMPLATE_BLOCK = "<script TYPE='Application/JSON'>\n  {\n    \"siteID\": 61,\n"
        + "    \"sitePath\": [\"ec.europa.eu/info/funding\"],\n    \"utility\" : \"analytics\",\n"
        + "    \"lang\": \"fr\"\n  }\n</script>";

    /** The rest of such a page: the banner's and consent kit's blocks, a map, and the one loader. */
    private static String page(String analytics) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Grants</title>\n"
            + "<script type=\"application/json\">{\"utility\":\"globan\",\"theme\":\"dark\",\"logo\":true,"
            + "\"link\":true,\"mode\":false}</script>\n"
            + analytics + "\n"
            + "<script type=\"application/json\">{\"utility\":\"cck\",\"url\":\"/info/cookies_en\"}</script>\n"
            + "<script defer src=\"https://europa.eu/webtools/load.js?globan=1110\" type=\"text/javascript\">"
            + "</script>\n</head><body><main><h1>Calls for proposals</h1>\n"
            + "<script type=\"application/json\">{\"service\":\"map\",\"version\":\"3.0\",\"map\":{\"center\":"
            + "[50.84,4.36],\"zoom\":6},\"layers\":{\"markers\":[{\"data\":{\"type\":\"FeatureCollection\","
            + "\"features\":[]}}]}}</script>\n<p>Open until 30 April.</p></main></body></html>";
    }

    @ParameterizedTest
    @ValueSource(strings = {ANALYTICS_BLOCK, PIWIK_BLOCK, TEMPLATE_BLOCK})
    void theAnalyticsBlockGoesAndTheLoaderAndOtherServicesStay(String block) {
        assertEquals(page(""), rewrite(REMOVE, page(block), NONE));
        assertEquals(page(""), rewrite(REMOVE, page(block), ConsentDecision.of(Set.of(Category.MARKETING,
            Category.FUNCTIONAL), Map.of(), ConsentMode.OPT_IN)), "analytics is what decides");
        assertEquals(page(block), rewrite(REMOVE, page(block), ANALYTICS));
        assertEquals(page(block), rewrite(REMOVE, page(block), ConsentDecision.allowAll()));
    }

    @Test
    void thePairCountsOnlyAsATopLevelMemberWithThatStringValue() {
        String[] data = {
            // a page's own data that mentions the pair deeper down, or as another member's value
            "<script type=\"application/json\" id=\"menu\">{\"items\":[{\"utility\":\"analytics\",\"href\":"
                + "\"/stats\"}]}</script>",
            "<script type=\"application/json\">{\"label\":\"utility\",\"analytics\":\"piwik\"}</script>",
            "<script type=\"application/json\">[{\"utility\":\"analytics\"}]</script>",
            "<script type=\"application/json\">{\"utility\":[\"analytics\"]}</script>",
            "<script type=\"application/json\">{\"utility\":\"Analytics\"}</script>",
            "<script type=\"application/json\">{\"Utility\":\"analytics\"}</script>",
            // not a type the loader reads
            "<script type=\"application/ld+json\">{\"utility\":\"analytics\"}</script>",
            "<script type=\"text/x-template\">{\"utility\":\"analytics\"}</script>",
            // inert in <noscript>, and plain text outside a script
            "<noscript><script type=\"application/json\">{\"utility\":\"analytics\"}</script></noscript>",
            "<pre>&lt;script type=\"application/json\"&gt;{\"utility\":\"analytics\"}&lt;/script&gt;</pre>"};
        for (String d : data) {
            String html = "<body>" + d + "<p>x</p></body>";
            assertEquals(html, rewrite(REMOVE, html, NONE), d);
        }
    }

    @Test
    void jsonEscapesAndDuplicateMembersAreReadAsJsonParseReadsThem() {
        String escaped = "<script type=\"application/json\">{\"\\u0075tility\":\"an\\u0061lytics\",\"siteID\":3}"
            + "</script>";
        String overwritten = "<script type=\"application/json\">{\"utility\":\"analytics\",\"siteID\":3,"
            + "\"utility\":\"cck\"}</script>";
        assertEquals("<p>a</p><p>b</p>", rewrite(REMOVE, "<p>a</p>" + escaped + "<p>b</p>", NONE));
        // JSON.parse keeps the last value; the block is removed anyway, as an earlier member already named the service
        assertEquals("<p>a</p><p>b</p>", rewrite(REMOVE, "<p>a</p>" + overwritten + "<p>b</p>", NONE));
    }

    @Test
    void aBrokenBlockIsJudgedByTheMembersBeforeTheBreak() {
        String broken = "<script type=\"application/json\">{\"utility\":\"analytics\",\"siteID\":3,}</script>";
        String brokenFirst = "<script type=\"application/json\">{siteID:3,\"utility\":\"analytics\"}</script>";
        assertEquals("<p>a</p><p>b</p>", rewrite(REMOVE, "<p>a</p>" + broken + "<p>b</p>", NONE));
        assertEquals("<p>a</p>" + brokenFirst + "<p>b</p>",
            rewrite(REMOVE, "<p>a</p>" + brokenFirst + "<p>b</p>", NONE), "JSON.parse rejects it: nothing starts");
        String latin1 = "<script type=\"application/json\">{\"utility\":\"analytics\",\"title\":\"Fran\u00e7ais\"}"
            + "</script>";
        byte[] in = ("<p>a</p>" + latin1).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("<p>a</p>", new String(RewriteAssertions.rewrite(REMOVE, in, NONE, StandardCharsets.ISO_8859_1,
            null, new int[0]), StandardCharsets.ISO_8859_1), "a byte that is not UTF-8 after the pair");
    }

    @Test
    void neutralizeModeKeepsTheBlockForActivationWithItsType() {
        assertEquals("<script data-consent-type=\"application/json\" type=\"text/plain\" data-consent=\"analytics\">"
            + "{\"utility\":\"piwik\",\"siteID\":\"183\",\"sitePath\":[\"portal.ec.europa.eu\"],\"siteSection\":"
            + "\"news\",\"is404\":true,\"instance\":\"ec.europa.eu\"}</script>", rewrite(NEUTRALIZE, PIWIK_BLOCK, NONE));
        assertEquals(PIWIK_BLOCK, rewrite(NEUTRALIZE, PIWIK_BLOCK, ANALYTICS));
    }

    @Test
    void theListenerHearsTheRemovedAndTheAllowedBlock() {
        List<TrackerEvent> refused = RewriteAssertions.events(REMOVE, page(ANALYTICS_BLOCK), NONE);
        assertEquals(1, refused.size(), refused.toString());
        assertEquals("europa-analytics", refused.get(0).trackerId());
        assertEquals(TrackerEvent.Action.REMOVED, refused.get(0).action());
        assertEquals(3, refused.get(0).line(), "where the block starts");
        List<TrackerEvent> allowed = RewriteAssertions.events(REMOVE, page(ANALYTICS_BLOCK), ANALYTICS);
        assertEquals(TrackerEvent.Action.ALLOWED, allowed.get(0).action(), allowed.toString());
    }

    @ParameterizedTest
    @EnumSource(OverflowAction.class)
    void aLongBlockIsJudgedByItsBeginningWhateverTheOverflowSwitch(OverflowAction overflow) {
        HtmlRewriter r = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).overflow(overflow)
            .build();
        // a framework's page state, longer than a block is held: sent on as it came
        String state = "<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{\"pageProps\":{\"posts\":["
            + "{\"title\":\"x\"},".repeat(3000) + "{\"title\":\"y\"}]}},\"page\":\"/blog\",\"utility\":\"analytics\"}"
            + "</script>";
        // an analytics block padded with custom variables past that length: its first member decides
        String padded = "<script type=\"application/json\">{\"utility\":\"analytics\",\"siteID\":\"27\",\"custom\":"
            + "[" + "\"v\",".repeat(6000) + "\"w\"]}</script>";
        String html = "<body>" + state + "<p>between</p>" + padded + "<p>after</p></body>";
        String expected = "<body>" + state + "<p>between</p><p>after</p></body>";
        assertEquals(expected, rewrite(r, html, NONE));
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        int[] cuts = new int[bytes.length / 997];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = (i + 1) * 997;
        }
        assertEquals(expected, new String(RewriteAssertions.rewrite(r, bytes, NONE, StandardCharsets.UTF_8, null, cuts),
            StandardCharsets.UTF_8), "written in pieces");
        assertEquals(html, rewrite(r, html, ANALYTICS));
        HtmlRewriter neutralize = HtmlRewriter.builder(RewriteAssertions.CATALOG).mode(RewriteMode.NEUTRALIZE)
            .overflow(overflow).build();
        assertEquals(html.replace("<script type=\"application/json\">{\"utility\"", "<script data-consent-type="
            + "\"application/json\" type=\"text/plain\" data-consent=\"analytics\">{\"utility\""),
            rewrite(neutralize, html, NONE), "neutralized, all of it");
    }

    @Test
    void theOutputIsTheSameWhereverTheInputIsSplit() {
        String html = page(TEMPLATE_BLOCK);
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        RewriteAssertions.assertSameWhereverSplit(bytes.length, cuts -> new String(RewriteAssertions.rewrite(REMOVE,
            bytes, NONE, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
    }
}
