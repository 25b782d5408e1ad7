package io.consentgate.response;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The end of a {@link GateOutputStream}'s body in non-blocking mode, made when the application sets its
 * {@link WriteListener}: the listener is wrapped so that bytes the rewriter emits at the end are written when the
 * container is ready, and {@code complete()} waits for them. A blocking body has none.
 *
 * <p>Threads. The application writes from any thread while the container is ready; that thread owns every field of
 * the body stream. The end of the body is another matter: the application may complete or close from its own thread
 * at any time (Servlet 6.1: they are no writes), also while the container's thread runs the wrapped
 * {@code onWritePossible} it owes after an {@code isReady()} that said no, and the end must wait for the container.
 * So the end ({@link #endStep}: the writer's last bytes, the decision, the rewriter's last bytes, writing what is
 * {@link #pending}, the close, the flush and the deferred {@code complete}) runs on one thread at a time: whichever
 * takes {@link #ending}, the application's thread that ends the body or the container's in {@code onWritePossible}.
 * A thread that finds it taken leaves its part to the one running, which runs the step again before it lets go (the
 * counter's atomic updates order the fields each thread set before with the reads of the next). No lock is held
 * while the container is called, and no thread waits for the other.
 *
 * <p>Shared with the body stream: {@link #pending} and the stream's decision (its held bytes, the rewriter), which
 * the end touches only on the thread holding {@link #ending} ({@link GateOutputStream#endBody}), after the
 * application's thread set them and took or asked for the end ({@code finish()}, {@code complete()},
 * {@code close()}): the counter orders them. The stream's {@code finished} is volatile, written by the application's
 * thread before it asks for the end; the callback reads it outside the end to know whether the application still
 * wants its {@code onWritePossible}. This object is set on the application's thread before the container is given
 * the wrapped listener, as the mode flag it replaces was.
 */
final class NonBlockingEnd {

    /** The body stream's logger: these are its messages, under the name operators already route. */
    private static final Logger LOG = LoggerFactory.getLogger(GateOutputStream.class);

    private final GateOutputStream body;
    private final ConsentResponse response;
    private final ServletOutputStream container;
    private final DecidedBytes pending;
    /** The threads asking for the end of the body to be run, the first of them running it. */
    private final AtomicInteger ending = new AtomicInteger();
    /** The writer's last bytes, handed over at the end of the body and written by {@link #endStep}. */
    private ByteArrayOutputStream lastBytes;
    /** What is left of the end (see {@link #endStep}). */
    private boolean bodyEnded;
    private boolean flushDue;
    /**
     * Set by the application's thread after the body is finished, outside {@link #ending}: the close, and a complete
     * that waits for the container ({@link #deferComplete}). Volatile, and read before {@code finished}: a thread that
     * sees either also sees the body finished, so it ends the body before it closes or completes.
     */
    private volatile boolean closeDue;
    private volatile Runnable deferredComplete;
    /** The container reported a failed non-blocking write: nothing pending will ever be written. */
    private volatile boolean writeFailed;

    NonBlockingEnd(GateOutputStream body, ConsentResponse response, ServletOutputStream container,
            DecidedBytes pending) {
        this.body = body;
        this.response = response;
        this.container = container;
        this.pending = pending;
    }

    /** The application's listener, wrapped for the container. */
    WriteListener wrap(WriteListener app) {
        return new GateWriteListener(app);
    }

    /**
     * The writer's last bytes, as the application completes or closes, perhaps while the container is not ready or
     * its thread writes: the end of the body takes them ({@link #endStep}).
     */
    void lastBytes(byte[] b, int off, int len) {
        if (lastBytes == null) {
            lastBytes = new ByteArrayOutputStream();
        }
        lastBytes.write(b, off, len);
    }

    /** The application closed the stream: closed by the end of the body, once what is pending is written. */
    void close() {
        closeDue = true;
        runEnd();
    }

    /** reset() (before commit): the body starts over; the wrapped listener stays set. */
    void restart() {
        lastBytes = null;
        bodyEnded = false;
        flushDue = false;
        closeDue = false;
        deferredComplete = null;
    }

    /**
     * Runs the end of a non-blocking body ({@link #endStep}) on this thread, unless another runs it now: that one then
     * runs it again for this thread's part. A complete taken is run last, after the end has been let go.
     */
    void runEnd() {
        if (ending.getAndIncrement() != 0) {
            return;
        }
        Runnable complete = null;
        int asked = 1;
        do {
            Runnable taken = endStep();
            if (taken != null) {
                complete = taken;
            }
            asked = ending.addAndGet(-asked);
        } while (asked != 0);
        if (complete != null) {
            complete.run();
        }
    }

    /**
     * One pass over the end of a non-blocking body, on the thread holding {@link #ending}, as far as the container
     * lets it go: once the body is finished, the writer's last bytes, the decision and the rewriter's last bytes into
     * {@link #pending}; what is pending written when the container is ready, then flushed when it is ready again (so
     * nothing waits in its buffer for {@code complete()}), or the stream closed; then the deferred complete, handed
     * back when the container is ready. A container that says it is not ready owes an {@code onWritePossible},
     * which comes back here. A failed write ends it all: nothing pending will ever be written, the complete is due.
     */
    private Runnable endStep() {
        Runnable complete = deferredComplete;
        boolean close = closeDue;
        try {
            if (!writeFailed) {
                if (body.finished() && !bodyEnded) {
                    bodyEnded = true;
                    flushDue = true;
                    endBody();
                }
                if (pending.holding()) {
                    if (!container.isReady()) {
                        return null;
                    }
                    pending.drain();
                }
                if (flushDue && !close) {
                    if (!container.isReady()) {
                        return null; // still due: flushed from the onWritePossible this answer owes
                    }
                    container.flush(); // not left in the container's buffer for complete()
                }
                flushDue = false;
                if (close) {
                    closeDue = false;
                    container.close();
                }
                if (complete == null || !container.isReady()) {
                    return null;
                }
            }
        } catch (IOException e) {
            // the client went away: the container reports it to the application's listener as well
            LOG.debug("ConsentGate could not write the end of {}: {}", response.request().getRequestURI(), e.toString());
            writeFailed = true;
        } catch (RuntimeException e) {
            LOG.warn("ConsentGate failed ending {}; the response ends short", response.request().getRequestURI(), e);
            writeFailed = true;
        }
        if (writeFailed) {
            pending.clear();
        }
        if (complete != null) {
            deferredComplete = null;
        }
        return complete;
    }

    /** The end of a non-blocking body: the writer's last bytes, then the stream's decision and rewriter's last bytes. */
    private void endBody() throws IOException {
        byte[] last = null;
        if (lastBytes != null) {
            last = lastBytes.toByteArray();
            lastBytes = null;
        }
        body.endBody(last);
    }

    /**
     * {@code complete} is run after the end of the body ({@link #endStep}), once the container has taken the last
     * bytes and is ready again, on this thread if it is now, else from the wrapped listener's {@code onWritePossible}.
     * Tomcat's HTTP/2 stream, completed while a write still waits for the client's flow-control window, ends only at
     * the async timeout.
     */
    void deferComplete(Runnable complete) {
        deferredComplete = complete;
        runEnd();
    }

    /** Writes what is pending before the application's callback; runs a deferred complete once it is all written. */
    private final class GateWriteListener implements WriteListener {
        private final WriteListener app;

        GateWriteListener(WriteListener app) {
            this.app = app;
        }

        @Override
        public void onWritePossible() throws IOException {
            runEnd();
            if (!body.finished()) {
                app.onWritePossible();
            }
        }

        /**
         * A write failed (the client is gone): what is pending can never be written, so a complete that waits for it
         * runs now, after the application's own {@code onError} (which may complete too).
         */
        @Override
        public void onError(Throwable t) {
            writeFailed = true;
            try {
                app.onError(t);
            } finally {
                runEnd();
            }
        }
    }
}
