package io.consentgate.browser;

import io.consentgate.html.MutationCorpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Explores the rewriter with Chromium as the oracle: every hand-written adversarial page, then {@code N} mutated pages
 * of the fuzz corpus from a seed; each leak is confirmed alone, minimized and written to a directory.
 *
 * <p>{@code java ... io.consentgate.browser.OracleExploration SEED COUNT OUTDIR [adversarial|mutated|both]}
 */
public final class OracleExploration {

    private static final int BATCH = 24;

    /** How many leaks are minimized: each takes dozens of page loads. */
    private static int minimizeBudget = Integer.getInteger("consentgate.minimize", 4);

    private OracleExploration() {
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        int count = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        String what = args.length > 3 ? args[3] : "both";
        Files.createDirectories(out);
        try (LeakOracle oracle = LeakOracle.start()) {
            if (!what.equals("mutated")) {
                adversarial(oracle, out);
            }
            if (!what.equals("adversarial")) {
                mutated(oracle, seed, count, out);
            }
        }
        System.exit(0);
    }

    private static void adversarial(LeakOracle oracle, Path out) throws IOException {
        List<String> names = new ArrayList<>(AdversarialPages.all().keySet());
        List<byte[]> inputs = names.stream()
            .map(n -> AdversarialPages.all().get(n).getBytes(StandardCharsets.UTF_8)).toList();
        int live = 0;
        int leaks = 0;
        for (int from = 0; from < inputs.size(); from += BATCH) {
            int to = Math.min(inputs.size(), from + BATCH);
            List<byte[]> batch = inputs.subList(from, to);
            Map<Integer, List<String>> in = oracle.screen(batch);
            Map<Integer, List<String>> leaked = oracle.screen(batch.stream().map(LeakOracle::rewrite).toList());
            for (int i = 0; i < batch.size(); i++) {
                boolean isLive = in.containsKey(i);
                live += isLive ? 1 : 0;
                boolean suspect = leaked.containsKey(i) || leaked.containsKey(LeakOracle.UNATTRIBUTED);
                String verdict = "ok";
                if (suspect) {
                    LeakOracle.Verdict v = oracle.judge(batch.get(i));
                    if (v.leaks()) {
                        leaks++;
                        verdict = "LEAK " + v.outputRequests() + " secondPassCatches=" + v.secondPassCatches();
                        record(oracle, out, "adv-" + names.get(from + i), v, false);
                    }
                }
                System.out.printf("adversarial %-48s live=%-5s %s%n", names.get(from + i), isLive, verdict);
            }
        }
        System.out.printf("adversarial: %d pages, %d live as written, %d leak after rewriting%n", inputs.size(),
            live, leaks);
    }

    private static void mutated(LeakOracle oracle, long seed, int count, Path out) throws IOException {
        System.out.println("OracleExploration seed=" + seed + " count=" + count);
        MutationCorpus corpus = MutationCorpus.load();
        long[] caseSeeds = MutationCorpus.caseSeeds(seed, count);
        List<Set<String>> baseline = baseline(oracle, corpus);
        int live = 0;
        int leaks = 0;
        Set<String> seen = new LinkedHashSet<>();
        long t0 = System.nanoTime();
        for (int from = 0; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            List<byte[]> inputs = new ArrayList<>();
            for (int i = from; i < to; i++) {
                inputs.add(corpus.mutatedCase(caseSeeds[i]));
            }
            Map<Integer, List<String>> leaked;
            try {
                live += oracle.screen(inputs).keySet().stream().filter(k -> k >= 0).count();
                leaked = oracle.screen(inputs.stream().map(LeakOracle::rewrite).toList());
            } catch (org.openqa.selenium.WebDriverException e) {
                skipped(oracle, from + ".." + (to - 1), e);
                continue;
            }
            for (int i = 0; i < inputs.size(); i++) {
                if (leaked.containsKey(i) || leaked.containsKey(LeakOracle.UNATTRIBUTED)) {
                    LeakOracle.Verdict v;
                    try {
                        v = oracle.judge(inputs.get(i));
                    } catch (org.openqa.selenium.WebDriverException e) {
                        skipped(oracle, String.valueOf(from + i), e);
                        continue;
                    }
                    Set<String> known = baseline.get(corpus.sourceOf(caseSeeds[from + i]));
                    if (!known.containsAll(v.outputRequests())) {
                        leaks++;
                        String name = "mut-" + seed + "-" + (from + i) + "-" + caseSeeds[from + i];
                        System.out.println("LEAK " + name + " " + v.outputRequests() + " secondPassCatches="
                            + v.secondPassCatches());
                        if (seen.add(String.join(",", v.outputRequests()))) {
                            record(oracle, out, name, v, minimizeBudget-- > 0);
                        }
                    }
                }
            }
            if (to % (BATCH * 10) == 0 || to == count) {
                System.out.printf("mutated: %d/%d cases, %d live, %d leaks, %d s%n", to, count, live, leaks,
                    (System.nanoTime() - t0) / 1_000_000_000L);
            }
        }
    }

    /** A fuzzed page crashed the browser's tab (or hung it): the case is reported as skipped, the browser replaced. */
    private static void skipped(LeakOracle oracle, String cases, RuntimeException e) throws IOException {
        System.out.println("case(s) " + cases + " skipped: the browser failed (" + e.getClass().getSimpleName()
            + "); restarting it");
        oracle.restartBrowser();
    }

    /** The refused requests each unmutated page's output already makes: a mutated case is new only beyond these. */
    static List<Set<String>> baseline(LeakOracle oracle, MutationCorpus corpus) {
        List<Set<String>> out = new ArrayList<>();
        for (byte[] doc : corpus.documents()) {
            Set<String> urls = new LinkedHashSet<>(oracle.refusedRequests(LeakOracle.rewrite(doc)));
            System.out.println("baseline: source page " + out.size() + " output requests " + urls);
            out.add(urls);
        }
        return out;
    }

    private static void record(LeakOracle oracle, Path out, String name, LeakOracle.Verdict v, boolean minimize)
        throws IOException {
        String safe = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        Files.write(out.resolve(safe + ".in.html"), v.input());
        Files.write(out.resolve(safe + ".out.html"), v.output());
        Files.writeString(out.resolve(safe + ".txt"), v.describe());
        if (!minimize) {
            return;
        }
        byte[] min = new LeakReducer(oracle).reduce(v.input());
        LeakOracle.Verdict m = oracle.judge(min);
        Files.write(out.resolve(safe + ".min.html"), min);
        Files.writeString(out.resolve(safe + ".txt"), v.describe() + "\n\n=== minimized ===\n" + m.describe());
        System.out.println("minimized " + name + " to " + min.length + " bytes: "
            + new String(min, StandardCharsets.UTF_8).replace("\n", "\\n") + " -> " + m.outputRequests()
            + " secondPassCatches=" + m.secondPassCatches());
    }
}
