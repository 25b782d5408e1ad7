package abdriver;

import io.consentgate.ConsentDecision;
import io.consentgate.bench.PageFixtures;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.RewriteStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * One build's side of {@link SameJvmAb}: rewrites the benchmark page with everything refused in 8 KiB chunks into a
 * byte array, as {@code RewriteBenchmark.rewriteRefuseAll} does. Loaded once per build, by that build's class loader.
 */
public class Driver implements LongSupplier {
    private static final int CHUNK = 8192;
    private final byte[] page = page(System.getProperty("size", "150k"), System.getProperty("layout", "cards"));
    private final HtmlRewriter rewriter = HtmlRewriter.builder(TrackerCatalog.bundled()).build();
    private final byte[] out = new byte[page.length * 2];
    private int len;
    private final OutputStream sink = new OutputStream() {
        @Override
        public void write(int b) {
            out[len++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int n) {
            System.arraycopy(b, off, out, len, n);
            len += n;
        }
    };

    /**
     * The benchmark page; with layout {@code table} its product cards are rows of one table (a spec or comparison
     * page), so every tag of the body is read inside an open table. Built here, not in {@code PageFixtures}, so both
     * builds of an A/B rewrite the same bytes whatever their own fixtures know.
     */
    private static byte[] page(String size, String layout) {
        byte[] cards = PageFixtures.page(size);
        return switch (layout) {
            case "cards" -> cards;
            case "table" -> new String(cards, StandardCharsets.UTF_8)
                    .replace("<main id=\"content\">", "<main id=\"content\"><table class=\"products\">")
                    .replace("</main>", "</table></main>")
                    .replace("<article class=\"card\"", "<tr class=\"card\"><td")
                    .replace("<div class=\"body\">", "</td><td class=\"body\">")
                    .replace("  </div>\n</article>", "  </td></tr>")
                    .replace("<aside class=\"ad-slot\">", "<tr><td class=\"ad-slot\">")
                    .replace("</aside>", "</td></tr>")
                    .getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("layout is cards or table, not " + layout);
        };
    }

    /** Rewrites the page once; returns the length written. */
    @Override
    public long getAsLong() {
        len = 0;
        try {
            RewriteStream s = rewriter.open(ConsentDecision.refuseAll(), StandardCharsets.UTF_8, sink, null);
            for (int off = 0; off < page.length; off += CHUNK) {
                s.write(page, off, Math.min(CHUNK, page.length - off));
            }
            s.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return len;
    }
}
