package io.consentgate.html;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Not a test: a survey of where the removal of a gated element ends, measured against jsoup's tree (a WHATWG tree
 * builder). Each case takes a page of the {@link MutationCorpus}, gates one element at random with a category
 * attribute, and compares the text jsoup finds in the rewriter's output with the text of jsoup's own tree less the
 * gated element: equal, text of the page lost, gated text kept, or both. In {@code dropend} mode the page is unmutated
 * and the gated element's first end tag of its name is deleted (the case {@link ImpliedEnds} is for); in
 * {@code mutated} mode the page is one of the fuzz test's mutated pages. Cases where the rewriter already changes the
 * page's text without the attribute (the catalog's own removals) are counted apart as noisy. jsoup departs from the
 * specification in places (it reads {@code <noscript>} as markup, and {@code </main>} does not close what is open
 * inside it), so part of the disagreement is jsoup's.
 *
 * <pre>
 * mvn -q -o test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     "-Dexec.args=-cp %classpath io.consentgate.html.GatedElementSurvey 3000 dropend"
 * </pre>
 *
 * A third argument {@code show} prints each case that loses page text: the gated element's name and the page from
 * its start tag on.
 */
public final class GatedElementSurvey {

    private static final String ATTRIBUTE = "data-survey-gate";

    /** Elements not gated: void, raw text, the document's own, and foreign roots. */
    private static final Set<String> SKIP = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr", "script", "style", "textarea", "title", "xmp", "iframe", "noembed",
        "noframes", "noscript", "plaintext", "html", "head", "body", "template", "svg", "math");

    private GatedElementSurvey() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        boolean dropEnd = args.length > 1 && args[1].equals("dropend");
        boolean show = args.length > 2 && args[2].equals("show");
        MutationCorpus corpus = MutationCorpus.load();
        ConsentDecision decision = ConsentDecision.of(EnumSet.of(Category.ANALYTICS, Category.MARKETING), Map.of(),
            ConsentMode.OPT_IN);
        HtmlRewriter rw = HtmlRewriter.builder(RewriteAssertions.CATALOG).categoryAttribute(ATTRIBUTE)
            .stubPageGlobals(false).build();
        long[] seeds = MutationCorpus.caseSeeds(777, n);
        int agree = 0;
        int lost = 0;
        int kept = 0;
        int both = 0;
        int ungated = 0;
        int noisy = 0;
        Pattern tag = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)");
        for (int i = 0; i < n; i++) {
            Random r = new Random(seeds[i]);
            byte[] doc = dropEnd ? corpus.documents().get(r.nextInt(corpus.documents().size()))
                : corpus.mutatedCase(seeds[i]);
            String s = new String(doc, StandardCharsets.UTF_8);
            List<int[]> candidates = new ArrayList<>();
            Matcher m = tag.matcher(s);
            while (m.find()) {
                if (!SKIP.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                    candidates.add(new int[] {m.start(), m.end()});
                }
            }
            if (candidates.isEmpty()) {
                ungated++;
                continue;
            }
            int[] c = candidates.get(r.nextInt(candidates.size()));
            String name = s.substring(c[0] + 1, c[1]).toLowerCase(Locale.ROOT);
            String page = s.substring(0, c[1]) + " " + ATTRIBUTE + "=\"functional\"" + s.substring(c[1]);
            if (dropEnd) {
                int e = page.toLowerCase(Locale.ROOT).indexOf("</" + name + ">", c[1]);
                if (e < 0) {
                    ungated++;
                    continue;
                }
                page = page.substring(0, e) + page.substring(e + name.length() + 3);
            }
            String plain = page.replace(" " + ATTRIBUTE + "=\"functional\"", "");
            if (!text(rewrite(rw, plain, decision)).equals(Jsoup.parse(plain).text())) {
                noisy++;
                continue;
            }
            Document truth = Jsoup.parse(page);
            truth.select("[" + ATTRIBUTE + "]").remove();
            String want = truth.text();
            String got = text(rewrite(rw, page, decision));
            if (got.equals(want)) {
                agree++;
                continue;
            }
            Map<String, Integer> w = words(want);
            Map<String, Integer> g = words(got);
            boolean extra = g.entrySet().stream().anyMatch(e -> e.getValue() > w.getOrDefault(e.getKey(), 0));
            boolean missing = w.entrySet().stream().anyMatch(e -> e.getValue() > g.getOrDefault(e.getKey(), 0));
            if (show && missing) {
                System.out.printf(Locale.ROOT, "%s <%s> case %d: ...%s...%n", extra ? "both" : "lost", name, i,
                    page.substring(c[0], Math.min(page.length(), c[1] + 300)).replace('\n', ' '));
            }
            if (extra && missing) {
                both++;
            } else if (extra) {
                kept++;
            } else if (missing) {
                lost++;
            } else {
                agree++;
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d cases: agree %d, page text lost %d, gated text kept %d, both %d;"
            + " not gated %d, noisy %d%n", dropEnd ? "end tag deleted" : "mutated", n, agree, lost, kept, both,
            ungated, noisy);
    }

    private static String rewrite(HtmlRewriter rw, String page, ConsentDecision decision) {
        return new String(RewriteAssertions.rewrite(rw, page.getBytes(StandardCharsets.UTF_8), decision,
            StandardCharsets.UTF_8, null, new int[0]), StandardCharsets.UTF_8);
    }

    private static String text(String html) {
        return Jsoup.parse(html).text();
    }

    private static Map<String, Integer> words(String s) {
        Map<String, Integer> m = new HashMap<>();
        for (String t : s.split("\\s+")) {
            m.merge(t, 1, Integer::sum);
        }
        return m;
    }
}
