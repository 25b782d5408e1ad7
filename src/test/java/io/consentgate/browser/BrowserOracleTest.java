package io.consentgate.browser;

import io.consentgate.html.MutationCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chromium judges the rewriter's output: pages where Chromium's parsers (the tree builder, and the preload scanner
 * that fetches ahead of it) read markup differently from a streaming tokenizer each request a tracker as written, and
 * must request none once rewritten with every category refused. A fixed sample of the fuzz corpus's mutated pages is
 * held to the same rule: no refused request beyond those its unmutated page's output already makes.
 */
@Tag("browser")
class BrowserOracleTest {

    private static final String PIXEL = AdversarialPages.PIXEL;
    private static final long SEED = 20_261_129L;
    private static final int MUTATED_CASES = 144;
    private static final int BATCH = 24;

    /**
     * Minimized pages whose rewritten output made Chromium request a refused tracker, by name: whole documents.
     * Where a streaming reading and the browser's reading of the markup differ: {@code <noscript>} ends at the first
     * {@code </noscript>} when scripting is on, whatever was opened inside it; the URL parser resolves
     * {@code https:tr} against a base of the same scheme as a relative URL, and maps a non-ASCII label to punycode
     * under the tracker's domain; an image resolves its URL in a microtask, after the parser (resumed from a blocking
     * script) has also read a later {@code <base>} on a tracker's host. Then constructs the rewriter did not read:
     * legacy {@code background} attributes, SVG {@code <use href>} and event handler attributes. (The cases the
     * rewriter does not cover are listed in the README and kept in {@link AdversarialPages} for
     * {@link OracleExploration}: the "in frameset" insertion mode, the preload scanner's reading of a self-closed SVG
     * {@code <script/>} and of a {@code <style>} in an SVG {@code <title>}, {@code document.write}, hosts assembled
     * by a script.) A CDATA section in SVG, text to the parser, is markup to the preload scanner after its first
     * {@code >}. The CSS cases: {@code style} attributes, HTML and SVG
     * {@code <style>} elements.
     */
    private static final Map<String, String> LEAKS = new LinkedHashMap<>();

    static {
        for (String t : new String[] {"style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
            "plaintext"}) {
            leak("noscript-" + t + "-ends-at-end-noscript", "<noscript><" + t + "></noscript>" + PIXEL + "</" + t + ">");
        }
        leak("noscript-comment-ends-at-end-noscript", "<noscript><!--</noscript>" + PIXEL + "-->");
        leak("noscript-attribute-ends-at-end-noscript", "<noscript><a title=\"</noscript>" + PIXEL + "\">x</a>");
        leak("noscript-script-with-src-ends-at-end-noscript", "<noscript><script src=\"/app.js\"></noscript>"
            + PIXEL + "</script>");
        LEAKS.put("noscript-in-head-ends-at-end-noscript", "<!DOCTYPE html><html><head><noscript><style></noscript>"
            + PIXEL + "</style></head><body><p>end</p></body></html>");
        leak("same-scheme-url-without-slashes-after-tracker-base", "<base href=\"https://www.facebook.com/\">"
            + "<img src=\"https:tr?id=1&amp;ev=PageView\" alt=\"\">");
        leak("same-scheme-url-with-one-slash-after-tracker-base", "<base href=\"https://www.facebook.com/\">"
            + "<img src=\"https:/tr?id=1&amp;ev=PageView\" alt=\"\">");
        leak("non-ascii-subdomain-of-tracker-host", "<img src=\"https://&#477;.facebook.com/tr?id=1\" alt=\"\">");
        leak("image-before-tracker-base-after-blocking-script", "<script src=\"/missing.js\"></script>"
            + "<img src=\"/img/local.png\" alt=\"\"><base href=\"https://connect.facebook.net/\">");
        leak("table-background-attribute", "<table background=\"https://www.facebook.com/tr?id=1\"><tr><td>x</td>"
            + "</tr></table>");
        leak("svg-use-href", "<svg><use href=\"https://www.facebook.com/tr?id=1#x\"/></svg>");
        leak("onerror-handler-loader", "<img src=\"/missing.png\" onerror=\"var j=document.createElement("
            + "'script');j.src='https://www.googletagmanager.com/gtm.js?id=GTM-XXXX';document.head.appendChild(j)\">");
        leak("svg-onload-handler-pixel", "<svg onload=\"new Image().src='https://www.facebook.com/tr?id=1'\">"
            + "</svg>");
        leak("style-attribute-background", "<div class=\"hero\" style=\"height:10px;background-image:url("
            + "'https://www.facebook.com/tr?id=1&amp;ev=PageView')\">x</div>");
        leak("style-attribute-escaped-function-and-host", "<p style=\"height:10px;background:u\\72l(https://www\\2e "
            + "facebook.com/tr?id=1)\">x</p>");
        leak("style-element-import", "<style>@import url(\"https://connect.facebook.net/signals/x.css\");"
            + "p{color:#333}</style><p>x</p>");
        leak("style-element-escaped-import", "<style>@\\69mport 'https://connect.facebook.net/signals/x.css';</style>");
        leak("style-element-escaped-host-background", "<style>body{background:url(https://www\\2e facebook.com/tr"
            + "?id=1)}</style><p>x</p>");
        leak("style-element-image-set", "<style>p{height:10px;background-image:image-set(\"https://www.facebook.com/"
            + "tr?id=1\" 1x)}</style><p>x</p>");
        leak("style-element-one-slash-scheme", "<style>p{height:10px;background:url(https:/www.facebook.com/tr?id=1)}"
            + "</style><p>x</p>");
        leak("pixel-after-a-url-without-host", "<a ping=\"https:/\" href=\"/a\">a</a><img src=\"https://facebook.com/"
            + "tr?id=1\" alt=\"\">");
        leak("style-attribute-image-set", "<div style=\"height:10px;background-image:image-set("
            + "'https://www.facebook.com/tr?id=1' 1x)\">x</div>");
        leak("link-second-rel-read-by-the-preload-scanner", "<link rel=\"alternate\" href=\"https://static.hotjar.com/"
            + "c/hotjar-1.js\" rel=\"modulepreload\"><p>x</p>");
        leak("svg-style-import", "<svg width=\"1\" height=\"1\"><style>@import url(\"https://connect.facebook.net/"
            + "signals/x.css\");</style></svg><p>x</p>");
        leak("svg-style-cdata-background", "<svg width=\"1\" height=\"1\"><style><![CDATA[ p{height:10px;"
            + "background:url(https://www.facebook.com/tr?id=1)} ]]></style></svg><p>x</p>");
        leak("svg-style-text-after-nested-element", "<svg width=\"1\" height=\"1\"><style>svg{fill:red}<g></g>"
            + "p{height:10px;background:url(https://www.facebook.com/tr?id=1)}</style></svg><p>x</p>");
        leak("svg-style-comment-inside-the-host", "<svg width=\"1\" height=\"1\"><style>p{height:10px;"
            + "background:url(https://www.face<!-- x -->book.com/tr?id=1)}</style></svg><p>x</p>");
        leak("svg-style-reference-inside-the-host", "<svg width=\"1\" height=\"1\"><style>p{height:10px;"
            + "background:url(https://www&#46;facebook.com/tr?id=1)}</style></svg><p>x</p>");
        leak("svg-cdata-read-as-markup-by-the-preload-scanner", "<svg width=\"1\" height=\"1\"><![CDATA[ x > "
            + PIXEL + " ]]></svg><p>x</p>");
        leak("svg-cdata-to-the-end-read-as-markup-by-the-preload-scanner", "<svg width=\"1\" height=\"1\"><![CDATA["
            + " <a> </svg>\n" + PIXEL);
        leak("svg-desc-cdata-over-a-textarea-start-tag", "<svg width=\"1\" height=\"1\"><desc><![CDATA[ > <textarea>"
            + " ]]></desc></svg>" + PIXEL + "<p>x</textarea></p>");
        leak("svg-style-url-across-nested-element", "<svg width=\"1\" height=\"1\"><style>p{height:10px;"
            + "background:url(https://www.face<desc>x</desc>book.com/tr?id=1)}</style></svg><p>x</p>");
        // an HTML end tag closes an SVG icon left open in its element: what follows is HTML, and its scripts run
        leak("script-src-after-an-svg-left-open-in-a-div", "<div class=\"icon\"><svg width=\"1\" height=\"1\">"
            + "<path d=\"M0 0h1\"></div>" + AdversarialPages.GTAG + "<p>x</p>");
        leak("inline-loader-after-an-svg-left-open-in-a-span", "<span><svg width=\"1\" height=\"1\"><g></span>"
            + "<script>if (1<2) { var j=document.createElement('script');j.src='" + AdversarialPages.GTM_URL
            + "';document.head.appendChild(j); }</script><p>x</p>");
    }

    private static void leak(String name, String bodyHtml) {
        LEAKS.put(name, AdversarialPages.body(bodyHtml));
    }

    private static LeakOracle oracle;
    private static Set<String> liveLeaks;
    private static Set<String> suspectLeaks;

    @BeforeAll
    static void start() throws Exception {
        if (!Chromium.installed()) {
            Chromium.announceSkip();
            return;
        }
        oracle = LeakOracle.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (oracle != null) {
            oracle.close();
        }
    }

    @BeforeEach
    void browserPresent() {
        Chromium.assumeInstalled();
    }

    static Stream<Arguments> leaks() {
        return LEAKS.keySet().stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("leaks")
    void requestsNoRefusedTrackerFromTheRewrittenPage(String name) {
        screenLeaks();
        assertTrue(liveLeaks.contains(name), "the page as written must request a refused tracker: " + name);
        if (suspectLeaks.contains(name)) {
            LeakOracle.Verdict v = oracle.judge(LEAKS.get(name).getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(), v.outputRequests(), v.describe());
        }
    }

    /** Screens every named page, as written and rewritten, in two page loads; a suspect is then judged alone. */
    private static synchronized void screenLeaks() {
        if (liveLeaks != null) {
            return;
        }
        List<String> names = new ArrayList<>(LEAKS.keySet());
        List<byte[]> inputs = names.stream().map(n -> LEAKS.get(n).getBytes(StandardCharsets.UTF_8)).toList();
        Map<Integer, List<String>> in = oracle.screen(inputs);
        Map<Integer, List<String>> out = oracle.screen(inputs.stream().map(LeakOracle::rewrite).toList());
        liveLeaks = new HashSet<>();
        suspectLeaks = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (in.containsKey(i)) {
                liveLeaks.add(names.get(i));
            } else if (leaksAlone(inputs.get(i))) {
                liveLeaks.add(names.get(i));
            }
            if (out.containsKey(i) || out.containsKey(LeakOracle.UNATTRIBUTED)) {
                suspectLeaks.add(names.get(i));
            }
        }
    }

    /**
     * Whether {@code page}, which the screen did not see leak (or could not blame), requests a refused tracker when
     * loaded alone, in up to three loads: some of these leaks depend on timing (an image, then a {@code <base>} on a
     * tracker's host after a blocking script: the image resolves against that base only where both are parsed before
     * its URL is resolved, which a loaded machine does not always do; seen once in a full build beside two other
     * builds).
     */
    private static boolean leaksAlone(byte[] page) {
        for (int load = 0; load < 3; load++) {
            if (!oracle.refusedRequests(page).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void requestsNoRefusedTrackerFromRewrittenMutatedPages() {
        System.out.println("BrowserOracleTest seed=" + SEED + " cases=" + MUTATED_CASES);
        MutationCorpus corpus = MutationCorpus.load();
        long[] caseSeeds = MutationCorpus.caseSeeds(SEED, MUTATED_CASES);
        List<Set<String>> known = baseline(corpus);
        List<String> leaks = new ArrayList<>();
        int live = 0;
        for (int from = 0; from < MUTATED_CASES; from += BATCH) {
            List<byte[]> inputs = new ArrayList<>();
            for (int i = from; i < Math.min(MUTATED_CASES, from + BATCH); i++) {
                inputs.add(corpus.mutatedCase(caseSeeds[i]));
            }
            live += (int) oracle.screen(inputs).keySet().stream().filter(k -> k >= 0).count();
            Map<Integer, List<String>> suspects = oracle.screen(inputs.stream().map(LeakOracle::rewrite).toList());
            for (int i = 0; i < inputs.size(); i++) {
                Set<String> baseline = known.get(corpus.sourceOf(caseSeeds[from + i]));
                boolean suspect = suspects.containsKey(LeakOracle.UNATTRIBUTED)
                    || !baseline.containsAll(suspects.getOrDefault(i, List.of()));
                if (suspect) {
                    LeakOracle.Verdict v = oracle.judge(inputs.get(i));
                    if (!baseline.containsAll(v.outputRequests())) {
                        leaks.add("seed=" + SEED + " case=" + (from + i) + " caseSeed=" + caseSeeds[from + i] + "\n"
                            + v.describe());
                    }
                }
            }
        }
        assertTrue(live > MUTATED_CASES / 2, "most mutated pages request trackers as written: " + live);
        assertEquals(List.of(), leaks);
    }

    /**
     * The refused requests the output of each unmutated page already makes (a construct named in {@link #LEAKS}):
     * a mutated page fails only for a request beyond its source page's.
     */
    private static List<Set<String>> baseline(MutationCorpus corpus) {
        List<byte[]> outputs = corpus.documents().stream().map(LeakOracle::rewrite).toList();
        Map<Integer, List<String>> screened = oracle.screen(outputs);
        List<Set<String>> out = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            out.add(screened.containsKey(i) || screened.containsKey(LeakOracle.UNATTRIBUTED)
                ? new HashSet<>(oracle.refusedRequests(outputs.get(i))) : Set.of());
        }
        return out;
    }
}
