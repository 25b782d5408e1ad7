package io.consentgate.html;

import io.consentgate.ConsentDecision;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rewriting stream for one HTML response, opened by {@link HtmlRewriter#open}. Write the document in any
 * chunking; the output is the same however it is split.
 *
 * <ul>
 *   <li>{@link #flush()} writes every byte already decided and flushes the sink; an element still being decided
 *       (a tag cut by the chunk boundary, an inline script or noscript block before its end tag) stays held.</li>
 *   <li>{@link #finish()} ends the document: everything is decided and written, the sink is not closed. An element
 *       still open at the end is decided on what arrived (a refused one is removed to the end).</li>
 *   <li>{@link #close()} is {@link #finish()} followed by closing the sink.</li>
 * </ul>
 * Writing after {@link #finish()} throws an {@link IOException}. Not thread-safe: one stream per response.
 */
public final class RewriteStream extends OutputStream {

    private static final Logger LOG = LoggerFactory.getLogger(RewriteStream.class);

    private final HtmlRewriter cfg;
    private final ConsentDecision decision;
    private final Charset declared;
    private final OutputStream sink;
    private final RewriteListener listener;
    private final byte[] one = new byte[1];

    private OutputStream target;
    private RewriteEngine engine;
    private Transcoder decoding;
    private Transcoder encoding;
    private boolean decided;
    private boolean finished;
    private byte[] prefix;
    private int prefixLen;
    private int sniffLimit;
    /** Whether this stream reads the page or an {@code iframe srcdoc} document in it; set before the first write. */
    SrcdocContext srcdoc = SrcdocContext.PAGE;
    /**
     * Whether the HTML's scripts are run by an ajax framework's script runner ({@link PartialResponse}), which a script
     * ending in a syntax error could stop: one past the cap is then removed, not streamed ({@link StreamedScript}). Set
     * before the first write.
     */
    boolean scriptsEvaluated;
    /** The body is XHTML ({@code application/xhtml+xml}, see {@link Tokenizer#xml}); set before the first write. */
    boolean xhtml;
    /** The format of a partial response body ({@link PartialResponse}), null for a page; set before the first write. */
    PartialResponseFormat partialFormat;
    private PartialResponse partial;

    RewriteStream(HtmlRewriter cfg, ConsentDecision decision, Charset charset, OutputStream sink,
                  RewriteListener listener) {
        this.cfg = cfg;
        this.decision = decision;
        this.declared = charset;
        this.sink = sink;
        this.listener = cfg.reportOnly && listener != null ? reportOnly(listener) : listener;
        if (listener == null && (decision.refused().isEmpty() || cfg.reportOnly)) {
            target = cfg.reportOnly ? OutputStream.nullOutputStream() : sink;
            decided = true;
        } else {
            sniffLimit = charset != null ? 4 : EncodingSniffer.PRESCAN_BYTES;
        }
    }

    /** Report-only: events say what enforcing would do (the output is the input); activations are not reported. */
    private static RewriteListener reportOnly(RewriteListener l) {
        return e -> {
            if (e.action() != TrackerEvent.Action.ACTIVATED) {
                l.onTracker(e);
            }
        };
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (finished) {
            throw new IOException("RewriteStream already finished");
        }
        if (cfg.reportOnly) {
            sink.write(b, off, len);
        }
        if (decided) {
            target.write(b, off, len);
            return;
        }
        if (prefixLen == 0 && len >= sniffLimit) {
            decide(b, off, len);
            target.write(b, off, len);
            return;
        }
        if (prefix == null) {
            prefix = new byte[sniffLimit];
        }
        int n = Math.min(len, sniffLimit - prefixLen);
        System.arraycopy(b, off, prefix, prefixLen, n);
        prefixLen += n;
        if (prefixLen == sniffLimit) {
            decideOnPrefix();
            if (len > n) {
                target.write(b, off + n, len - n);
            }
        }
    }

    private void decideOnPrefix() throws IOException {
        if (prefix == null) {
            prefix = new byte[0];
        }
        decide(prefix, 0, prefixLen);
        target.write(prefix, 0, prefixLen);
        prefix = null;
        prefixLen = 0;
    }

    private void decide(byte[] b, int off, int len) {
        decided = true;
        Charset cs = EncodingSniffer.sniff(b, off, len, declared);
        OutputStream out = cfg.reportOnly ? OutputStream.nullOutputStream() : sink;
        if (partialFormat != null && EncodingSniffer.isAsciiCompatible(cs)) {
            partial = new PartialResponse(cfg, partialFormat, decision, cs, out, listener);
            target = partial;
        } else if (EncodingSniffer.isAsciiCompatible(cs)) {
            engine = new RewriteEngine(cfg, decision, out, listener);
            engine.charsetFromPage = declared == null;
            engine.trailBytes = TrailBytes.of(cs);
            engine.xml(xhtml);
            engine.enterSrcdoc(srcdoc);
            engine.scriptsEvaluated = scriptsEvaluated;
            target = new EngineInput(engine);
        } else if (EncodingSniffer.isWideUnicode(cs)) {
            transcode(byteOrder(cs, b, off, len), out);
        } else if (cs == EncodingLabels.REPLACEMENT) {
            // Browsers decode such a body (ISO-2022-KR, ISO-2022-CN, HZ labels) as one U+FFFD: nothing in it can
            // load, so it passes unchanged in either overflow mode.
            LOG.debug("ConsentGate: response labelled with a replacement encoding; browsers render none of it");
            target = out;
        } else if (cfg.overflow == OverflowAction.FAIL_OPEN) {
            LOG.warn("ConsentGate: response encoding {} cannot be scanned as bytes; passing it through unchanged "
                + "(FAIL_OPEN)", cs.name());
            target = out;
        } else if (cs != EncodingSniffer.UTF_7 && cs.canEncode()) {
            LOG.warn("ConsentGate: response encoding {} cannot be scanned as bytes; transcoding it through the JDK "
                + "to remove trackers (FAIL_CLOSED), bytes may change", cs.name());
            transcode(cs, out);
        } else {
            LOG.warn("ConsentGate: response encoding {} cannot be scanned or transcoded; suppressing the body "
                + "(FAIL_CLOSED)", cs.name());
            target = OutputStream.nullOutputStream();
        }
    }

    private void transcode(Charset cs, OutputStream out) {
        encoding = new Transcoder(StandardCharsets.UTF_8, cs, out);
        engine = new RewriteEngine(cfg, decision, encoding, listener);
        engine.xml(xhtml);
        engine.enterSrcdoc(srcdoc);
        engine.scriptsEvaluated = scriptsEvaluated;
        decoding = new Transcoder(cs, StandardCharsets.UTF_8, new EngineInput(engine));
        target = decoding;
    }

    /** UTF-16 and UTF-32 without a byte order in the name: from the BOM, else UTF-16LE (WHATWG) / UTF-32BE. */
    private static Charset byteOrder(Charset cs, byte[] b, int off, int len) {
        String n = cs.name().toUpperCase(Locale.ROOT);
        if (n.equals("UTF-16")) {
            return len >= 2 && (b[off] & 0xff) == 0xFE && (b[off + 1] & 0xff) == 0xFF
                ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
        }
        if (n.equals("UTF-32")) {
            return len >= 4 && (b[off] & 0xff) == 0xFF && (b[off + 1] & 0xff) == 0xFE && b[off + 2] == 0
                && b[off + 3] == 0 ? Charset.forName("UTF-32LE") : Charset.forName("UTF-32BE");
        }
        return cs;
    }

    /** Writes every decided byte and flushes the sink; undecided elements stay held. */
    @Override
    public void flush() throws IOException {
        if (!decided && !finished) {
            decideOnPrefix();
        }
        sink.flush();
    }

    /** Ends the document: decides and writes everything; does not close the sink. Idempotent. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        if (!decided) {
            decideOnPrefix();
        }
        finished = true;
        if (partial != null) {
            partial.finish();
        }
        if (decoding != null) {
            decoding.finish();
        }
        if (engine != null) {
            engine.tok.finish();
            engine.release();
        }
        if (encoding != null) {
            encoding.finish();
        }
    }

    /** {@link #finish()}, then closes the sink. */
    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            sink.close();
        }
    }

    /** Bytes currently held to decide an element (for tests and diagnostics). */
    int heldBytes() {
        return engine == null ? prefixLen : engine.heldBytes() + prefixLen;
    }

    /** Feeds the tokenizer. */
    private static final class EngineInput extends OutputStream {
        private final RewriteEngine engine;

        EngineInput(RewriteEngine engine) {
            this.engine = engine;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            engine.tok.write(b, off, len);
        }
    }
}
