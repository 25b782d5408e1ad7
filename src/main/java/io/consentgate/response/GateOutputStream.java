package io.consentgate.response;

import io.consentgate.html.RewriteStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The body stream of a {@link ConsentResponse}. Undecided until the first byte, flush or finish; then either the
 * container's stream itself (pass-through) or a {@link RewriteStream} writing into it. Non-blocking I/O
 * ({@link #isReady()}, {@link #setWriteListener}) is the container's.
 */
final class GateOutputStream extends ServletOutputStream {

    private static final Logger LOG = LoggerFactory.getLogger(GateOutputStream.class);

    private final ConsentResponse response;
    private OutputStream target;
    private RewriteStream rewrite;
    private boolean writer;
    private boolean decided;
    private boolean discarded;
    private boolean finished;

    GateOutputStream(ConsentResponse response) {
        this.response = response;
    }

    boolean decided() {
        return decided;
    }

    boolean rewriting() {
        return rewrite != null;
    }

    void markWriter() {
        writer = true;
    }

    /** Whether the application obtained this as {@code getOutputStream()} (rather than through the writer). */
    boolean usedAsStream() {
        return !writer;
    }

    private OutputStream target() throws IOException {
        if (discarded) {
            throw new IOException("the response was ended by sendError or sendRedirect");
        }
        if (!decided) {
            decide();
        }
        return target;
    }

    private void decide() throws IOException {
        decided = true;
        response.commitHeaders();
        ServletOutputStream container = response.containerStream();
        if (response.shouldRewrite()) {
            response.prepareForRewrite();
            Enforcement e = response.enforcement();
            rewrite = e.rewriter().open(response.decision(), response.bodyCharset(), container, e.listener());
            target = rewrite;
        } else {
            long len = response.heldContentLength();
            if (len >= 0) {
                response.setContainerContentLength(len);
            }
            target = container;
        }
    }

    @Override
    public void write(int b) throws IOException {
        OutputStream t = target();
        try {
            t.write(b);
        } catch (RuntimeException ex) {
            failOpen(ex).write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        OutputStream t = target();
        try {
            t.write(b, off, len);
        } catch (RuntimeException ex) {
            failOpen(ex).write(b, off, len);
        }
    }

    /**
     * A rewriter bug must not break the page: log it and send the rest of the body unchanged. (The rewriter itself
     * handles every input it can meet; this is the last line of defence.)
     */
    private OutputStream failOpen(RuntimeException ex) throws IOException {
        if (target != rewrite || rewrite == null) {
            throw ex;
        }
        LOG.error("ConsentGate rewriter failed on {}; sending the rest of this response unchanged",
                response.request().getRequestURI(), ex);
        rewrite = null;
        target = response.containerStream();
        return target;
    }

    @Override
    public void flush() throws IOException {
        if (discarded || finished) {
            return;
        }
        target().flush();
    }

    /** End of body: emit everything held. The container's stream stays open for the container to complete. */
    void finish() throws IOException {
        if (discarded || finished) {
            return;
        }
        OutputStream t = target();
        finished = true;
        if (t == rewrite) {
            try {
                rewrite.finish();
            } catch (RuntimeException ex) {
                LOG.error("ConsentGate rewriter failed finishing {}", response.request().getRequestURI(), ex);
            }
        }
        t.flush();
    }

    @Override
    public void close() throws IOException {
        if (discarded) {
            return;
        }
        finish();
        target.close();
    }

    /** sendError/sendRedirect/reset: nothing of this body may be sent any more. */
    void discard() {
        discarded = true;
    }

    /** resetBuffer(): drop what the rewriter holds and start the document afresh. */
    void discardHeld() {
        if (rewrite != null && !response.isCommitted()) {
            decided = false;
            rewrite = null;
            target = null;
        }
    }

    @Override
    public boolean isReady() {
        try {
            return response.containerStream().isReady();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        try {
            response.containerStream().setWriteListener(listener);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
