package io.consentgate.bench;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.RewriteStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Throughput of the HTML rewriter against baselines measured in the same run, on a realistic ~150 KB and ~2 MB
 * page ({@link PageFixtures}). Not a test: run it with the command in {@code BENCHMARKS.md}; {@link #main} prints a
 * Markdown table of MB/s, ratios and bytes allocated per page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RewriteBenchmark {

    /** Servlet-like write size. */
    private static final int CHUNK = 8192;

    @Param({"150k", "2m"})
    public String size;

    private byte[] page;
    private byte[] copy;
    private HtmlRewriter rewriter;
    private TrackerCatalog catalog;
    private final CountingSink sink = new CountingSink();

    @Setup
    public void setUp() {
        page = PageFixtures.page(size);
        copy = new byte[page.length];
        catalog = TrackerCatalog.bundled();
        rewriter = HtmlRewriter.builder(catalog).build();
    }

    /** (a) Raw byte copy: the memory-bandwidth ceiling. */
    @Benchmark
    public byte[] rawCopy() {
        for (int off = 0; off < page.length; off += CHUNK) {
            System.arraycopy(page, off, copy, off, Math.min(CHUNK, page.length - off));
        }
        return copy;
    }

    /** (b) Everything allowed: the pass-through fast path. */
    @Benchmark
    public long rewriteAllowAll() throws IOException {
        return rewrite(ConsentDecision.allowAll());
    }

    /** (c) Everything refused: full tokenizing and removal. */
    @Benchmark
    public long rewriteRefuseAll() throws IOException {
        return rewrite(ConsentDecision.refuseAll());
    }

    private long rewrite(ConsentDecision d) throws IOException {
        sink.count = 0;
        RewriteStream s = rewriter.open(d, StandardCharsets.UTF_8, sink, null);
        for (int off = 0; off < page.length; off += CHUNK) {
            s.write(page, off, Math.min(CHUNK, page.length - off));
        }
        s.finish();
        return sink.count;
    }

    /** (d) jsoup: parse, select the same tracker elements via the same catalog, remove, serialize. */
    @Benchmark
    @Warmup(iterations = 6, time = 3)
    public byte[] jsoupRefuseAll() throws IOException {
        Document doc = Jsoup.parse(new ByteArrayInputStream(page), "UTF-8", "");
        doc.outputSettings().prettyPrint(false);
        for (Element e : doc.select("script, img[src], img[srcset], iframe[src], source, link[href], a[ping]")) {
            String url = e.hasAttr("src") ? e.attr("src") : e.hasAttr("href") ? e.attr("href")
                : e.hasAttr("ping") ? e.attr("ping") : e.attr("srcset").split(" ")[0];
            if (!url.isEmpty()) {
                if (catalog.matchUrl(url, null) != null) {
                    e.remove();
                }
            } else if (e.tagName().equals("script")) {
                byte[] js = e.data().getBytes(StandardCharsets.UTF_8);
                for (TrackerMatch m : catalog.matchScript(js, 0, js.length)) {
                    e.remove();
                    break;
                }
            }
        }
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    /** (e) The practical limit: a plain loop that only finds every {@code <}. */
    @Benchmark
    public int ltScan() {
        byte[] b = page;
        int n = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '<') {
                n++;
            }
        }
        return n;
    }

    /**
     * A servlet-like sink: copies every byte into a reused response buffer (as a container's output buffer does),
     * so every variant pays for moving its output once, like {@link #rawCopy()}.
     */
    static final class CountingSink extends OutputStream {
        final byte[] buffer = new byte[4 * 1024 * 1024];
        long count;

        @Override
        public void write(int b) {
            buffer[(int) (count++ % buffer.length)] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.arraycopy(b, off, buffer, (int) count, len);
            count += len;
        }
    }

    /**
     * Runs every benchmark with the GC profiler and prints a Markdown summary. Arguments: optional JMH include
     * regex.
     */
    public static void main(String[] args) throws RunnerException {
        Options opt = new OptionsBuilder()
            .include(RewriteBenchmark.class.getName() + (args.length > 0 ? "." + args[0] : ""))
            .addProfiler(GCProfiler.class)
            .build();
        Collection<RunResult> results = new Runner(opt).run();
        Map<String, Map<String, double[]>> bySize = new TreeMap<>();
        for (RunResult r : results) {
            String bench = r.getParams().getBenchmark();
            String name = bench.substring(bench.lastIndexOf('.') + 1);
            String sz = r.getParams().getParam("size");
            double opsPerSec = r.getPrimaryResult().getScore();
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            if (alloc == null) {
                alloc = r.getSecondaryResults().get("\u00b7gc.alloc.rate.norm");
            }
            double allocPerOp = alloc == null ? Double.NaN : alloc.getScore();
            bySize.computeIfAbsent(sz, k -> new TreeMap<>()).put(name, new double[] {opsPerSec, allocPerOp});
        }
        StringBuilder md = new StringBuilder();
        for (Map.Entry<String, Map<String, double[]>> e : bySize.entrySet()) {
            int bytes = PageFixtures.page(e.getKey()).length;
            Map<String, double[]> m = e.getValue();
            md.append(String.format(Locale.ROOT, "%n### Page %s (%,d bytes)%n%n", e.getKey(), bytes));
            md.append("| benchmark | MB/s | × jsoup | × `<` scan | × raw copy | B alloc/page |\n");
            md.append("|---|---:|---:|---:|---:|---:|\n");
            for (Map.Entry<String, double[]> b : m.entrySet()) {
                double mbs = b.getValue()[0] * bytes / 1e6;
                md.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %s | %s | %,.0f |%n", b.getKey(), mbs,
                    ratio(b.getValue(), m.get("jsoupRefuseAll")), ratio(b.getValue(), m.get("ltScan")),
                    ratio(b.getValue(), m.get("rawCopy")), b.getValue()[1]));
            }
        }
        System.out.println(md);
    }

    private static String ratio(double[] a, double[] base) {
        return base == null ? "-" : String.format(Locale.ROOT, "%.2f", a[0] / base[0]);
    }
}
