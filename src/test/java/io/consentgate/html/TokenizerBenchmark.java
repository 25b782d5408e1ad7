package io.consentgate.html;

import io.consentgate.bench.PageFixtures;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the rewriter's time goes (BENCHMARKS.md, "Where the time goes now"): the tokenizer alone with a handler that
 * does nothing, as the rewriter drives it while it passes bytes through ({@code skim} on), against a loop that only
 * finds each {@code <} and the next {@code >} and against a plain {@code <} count, on the 150 KB benchmark page in
 * 8 KiB chunks. Not a test; run it with the command in BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class TokenizerBenchmark {

    private static final int CHUNK = 8192;

    private byte[] page;
    private final byte[] hold = new byte[CHUNK];
    private final Counter counter = new Counter();

    /** Counts the tags that reach it and does nothing else. */
    private static final class Counter implements TokenHandler {
        long tags;

        @Override
        public void onTag() {
            tags++;
        }

        @Override
        public void onTagOverflow() {
        }

        @Override
        public void onOverflowedTagEnd() {
        }

        @Override
        public void flushTo(int to) {
        }

        @Override
        public void onEof(int limit) {
        }
    }

    @Setup
    public void setUp() {
        page = PageFixtures.page(150 * 1024);
    }

    /** The tokenizer with skim on and a handler that does nothing. */
    @Benchmark
    public long tokenizeOnly() throws IOException {
        Tokenizer t = new Tokenizer(counter, 256 * 1024, false, hold);
        t.skim = true;
        for (int off = 0; off < page.length; off += CHUNK) {
            t.write(page, off, Math.min(CHUNK, page.length - off));
        }
        t.finish();
        return counter.tags;
    }

    /** Each {@code <} and the next {@code >}, eight bytes at a time: no states, no attributes. */
    @Benchmark
    public int tagSkip() {
        byte[] b = page;
        int n = 0;
        for (int off = 0; off < b.length; off += CHUNK) {
            int limit = Math.min(b.length, off + CHUNK);
            int p = off;
            while (p < limit) {
                p = ByteScan.indexOf(b, p, limit, '<');
                if (p >= limit) {
                    break;
                }
                p = ByteScan.indexOf(b, p + 1, limit, '>') + 1;
                n++;
            }
        }
        return n;
    }

    /** The same plain {@code <} count as {@code RewriteBenchmark.ltScan}. */
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
}
