package io.consentgate.response;

import io.consentgate.html.HtmlSniffer;
import io.consentgate.html.PartialResponseFormat;
import io.consentgate.html.RewriteStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The body stream of a {@link ConsentResponse}.
 *
 * <p>Undecided until the response would commit: bytes are held (up to the response's buffer size, as the container
 * would hold them) until the buffer overflows, a flush, or the end of the body, so a content type, status or
 * {@code Content-Encoding} set after the first write but before commit still counts. Then either pass-through to the
 * container's stream or a {@link RewriteStream}.
 *
 * <p>The rewriter writes into {@link DecidedBytes}, never into the container's stream directly: with blocking I/O its
 * many small pieces reach the container as few full blocks, with non-blocking I/O each application write becomes at
 * most one container write (one write per {@code isReady()}), and an exception from the container's stream is never
 * mistaken for a rewriter failure (which would send the rest of the body unfiltered). In non-blocking mode the end
 * of the body, which the application's thread and the container's may both ask for, is {@link NonBlockingEnd}'s: it
 * wraps the application's {@link WriteListener} so that bytes the rewriter emits at the end are written when the
 * container is ready, and {@code complete()} waits for them. Which thread owns which field is said there.
 */
final class GateOutputStream extends ServletOutputStream {

    private static final Logger LOG = LoggerFactory.getLogger(GateOutputStream.class);
    /** Whether a container's stream class has a {@code print(String)} of its own: Jetty's, in the response's charset. */
    private static final ClassValue<Boolean> PRINTS_IN_RESPONSE_CHARSET = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("print", String.class).getDeclaringClass() != ServletOutputStream.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };
    /** Upper bound on what is held before the decision, whatever buffer size the application asked for. */
    private static final int MAX_UNDECIDED = 1 << 20;

    private final ConsentResponse response;
    private final DecidedBytes pending = new DecidedBytes();
    private byte[] undecided = new byte[0];
    private int undecidedLen;
    private ServletOutputStream container;
    private RewriteStream rewrite;
    /** Whether the application wrote bytes since the body (re)started: then the buffer size is fixed. */
    private boolean contentWritten;
    private boolean decided;
    private boolean discarded;
    /** Writes are dropped silently (see {@link #withoutBody}). */
    private boolean ignored;
    private boolean ended;
    /** A redirect that keeps the body ends it: see {@link #keepForRedirect()}. */
    private boolean redirecting;
    /**
     * Written by the application's thread before it asks for the end; volatile, as {@link NonBlockingEnd} reads it on
     * the container's thread too.
     */
    private volatile boolean finished;
    private boolean finishing;
    /** The end of the body in non-blocking mode; null in blocking mode (set with the write listener). */
    private NonBlockingEnd nonBlocking;

    GateOutputStream(ConsentResponse response) {
        this.response = response;
    }

    /** The body of a response already sent without one (a {@code 304}): what is written to it is ignored. */
    static GateOutputStream withoutBody(ConsentResponse response) {
        GateOutputStream s = new GateOutputStream(response);
        s.discarded = true;
        s.ignored = true;
        return s;
    }

    boolean decided() {
        return decided;
    }

    boolean rewriting() {
        return rewrite != null;
    }

    /** Body bytes handed to the container so far (after rewriting), for the access log. */
    long written() {
        return pending.written();
    }

    /** Whether the application has written bytes to this body (since {@code resetBuffer()} or {@code reset()}). */
    boolean contentWritten() {
        return contentWritten;
    }

    /** Whether the end of the body was asked for ({@link #finish()}): read by {@link NonBlockingEnd} on any thread. */
    boolean finished() {
        return finished;
    }

    private ServletOutputStream container() throws IOException {
        if (container == null) {
            container = response.container().getOutputStream();
        }
        return container;
    }

    /**
     * The commit-time decision: headers final, then rewrite or pass through; held bytes go into {@link #pending}.
     * {@code first} ({@code firstLen} bytes from {@code firstOff}) is the write that forced the decision, read after
     * the held bytes when the body has no content type and a browser would sniff it.
     */
    private void decide(byte[] first, int firstOff, int firstLen) throws IOException {
        decided = true;
        if (HtmlSniffer.leftToSniffing(response.getContentType())) {
            response.sniffedHtml(sniffsAsHtml(first, firstOff, firstLen));
        }
        response.commitHeaders();
        pending.target(container(), response.container().getBufferSize());
        if (RewriteDecision.shouldRewrite(response)) {
            response.applicationHeaders().prepareForRewrite();
            Enforcement e = response.enforcement();
            PartialResponseFormat partial = RewriteDecision.partialResponseFormat(response);
            rewrite = partial != null
                ? e.rewriter().openPartialResponse(partial, response.decision(), response.bodyCharset(), pending,
                    e.listener())
                : RewriteDecision.isXhtml(response.getContentType())
                ? e.rewriter().openXhtml(response.decision(), response.bodyCharset(), pending, e.listener())
                : e.rewriter().open(response.decision(), response.bodyCharset(), pending, e.listener());
        } else {
            long len = response.applicationHeaders().heldContentLength();
            if (len >= 0) {
                response.container().setContentLengthLong(len);
            } else if (finished && nonBlocking == null && !redirecting && RewriteDecision.statusHasBody(response)
                    && !"HEAD".equals(response.request().getMethod())) {
                // The whole body is known: frame it with a length, as the container does for a body that fits (not
                // for a HEAD: what it wrote, if anything, need not be what its GET sends).
                response.container().setContentLengthLong(undecidedLen);
            }
        }
        int len = undecidedLen;
        undecidedLen = 0;
        if (len > 0) {
            push(undecided, 0, len);
        }
    }

    /** Whether the body's first bytes, held and then {@code first}, are HTML to a browser that sniffs them. */
    private boolean sniffsAsHtml(byte[] first, int off, int len) {
        if (undecidedLen == 0 || len == 0) {
            return undecidedLen == 0 ? HtmlSniffer.sniffsAsHtml(first, off, len)
                    : HtmlSniffer.sniffsAsHtml(undecided, 0, undecidedLen);
        }
        byte[] head = java.util.Arrays.copyOf(undecided, undecidedLen + Math.min(len, 512));
        System.arraycopy(first, off, head, undecidedLen, head.length - undecidedLen);
        return HtmlSniffer.sniffsAsHtml(head, 0, head.length);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /**
     * Text printed on the stream ({@code print}, {@code println}: they all come here) becomes the bytes the
     * container's own stream would make of it: Jetty's encodes it in the response's charset, unmappable characters as
     * {@code ?}; the API's {@code print} (Tomcat, Undertow) writes ISO-8859-1 and refuses any other character.
     */
    @Override
    public void print(String s) throws IOException {
        if (ignored || !PRINTS_IN_RESPONSE_CHARSET.get(container().getClass())) {
            super.print(s);
            return;
        }
        byte[] b = String.valueOf(s).getBytes(printCharset());
        write(b, 0, b.length);
    }

    private Charset printCharset() {
        String name = response.getCharacterEncoding();
        try {
            return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (ignored) {
            return;
        }
        if (discarded || ended) {
            throw new IOException("the response was ended by sendError or sendRedirect");
        }
        if (len == 0) {
            return;
        }
        if (nonBlocking != null && finishing) {
            nonBlocking.lastBytes(b, off, len);
            return;
        }
        if (take(b, off, len)) {
            return;
        }
        if (nonBlocking != null || response.streamsThrough()) {
            if (rewrite != null) {
                rewrite.flush();
            }
            pending.drain();
        }
    }

    /** Application bytes into the body: held while undecided and they fit (then true), else decided and pushed. */
    private boolean take(byte[] b, int off, int len) throws IOException {
        contentWritten = true;
        if (!decided) {
            if (hold(b, off, len)) {
                return true;
            }
            decide(b, off, len);
        }
        push(b, off, len);
        return false;
    }

    /** Holds bytes before the decision while they fit in the response buffer; false when they would overflow it. */
    private boolean hold(byte[] b, int off, int len) {
        int capacity = response.streamsThrough() ? 0
                : Math.min(MAX_UNDECIDED, Math.max(0, response.getBufferSize()));
        if (undecidedLen + len > capacity) {
            return false;
        }
        if (undecidedLen + len > undecided.length) {
            byte[] grown = new byte[Math.min(capacity, Math.max(undecidedLen + len, undecided.length * 2 + 256))];
            System.arraycopy(undecided, 0, grown, 0, undecidedLen);
            undecided = grown;
        }
        System.arraycopy(b, off, undecided, undecidedLen, len);
        undecidedLen += len;
        return true;
    }

    /** Decided bytes into the rewriter or, passing through, into {@link #pending} (see {@link DecidedBytes}). */
    private void push(byte[] b, int off, int len) throws IOException {
        if (rewrite == null) {
            pending.passThrough(b, off, len);
            return;
        }
        try {
            rewrite.write(b, off, len);
        } catch (RuntimeException ex) {
            // A rewriter bug must not break the page: the last line of defence, the rewriter handles every input.
            LOG.error("ConsentGate rewriter failed on {}; sending the rest of this response unchanged",
                    response.request().getRequestURI(), ex);
            rewrite = null;
            pending.write(b, off, len);
        }
    }

    /** The end of the body is near: the writer's final flush only moves its characters here, it commits nothing. */
    void finishing() {
        finishing = true;
    }

    @Override
    public void flush() throws IOException {
        if (discarded || finished || finishing) {
            return;
        }
        if (!decided) {
            if (undecidedLen == 0 && HtmlSniffer.leftToSniffing(response.getContentType())) {
                // No content type and no byte yet: the browser will sniff the bytes still to come, so the body is
                // decided on them. The headers go now, without a length (the body may be rewritten), and as for a
                // page, which it may be (DecisionDependence).
                response.applicationHeaders().dependence().fromNowOn();
                response.commitHeaders();
                if (nonBlocking == null || container().isReady()) {
                    container().flush();
                }
                return;
            }
            decide(null, 0, 0);
        }
        if (rewrite != null) {
            rewrite.flush();
        }
        pending.drain();
        if (nonBlocking == null || container.isReady()) {
            container.flush();
        }
    }

    /**
     * End of body: decide if not yet decided, emit everything held. The container's stream stays open for the
     * container to complete. In non-blocking mode, bytes the container is not ready for stay pending and are written
     * from the wrapped listener (see {@link NonBlockingEnd}).
     */
    void finish() throws IOException {
        if (discarded || finished) {
            return;
        }
        finished = true;
        if (nonBlocking != null) {
            nonBlocking.runEnd();
            return;
        }
        decideAndFinishRewrite();
        pending.drain();
    }

    /**
     * The end of a non-blocking body, on the thread running it ({@link NonBlockingEnd}): the writer's last bytes
     * ({@code lastBytes}, null if none), the decision, the rewriter's last bytes.
     */
    void endBody(byte[] lastBytes) throws IOException {
        if (lastBytes != null) {
            take(lastBytes, 0, lastBytes.length);
        }
        decideAndFinishRewrite();
    }

    /** The last of the body into {@link #pending}: decided if not yet, then the rewriter's last bytes. */
    private void decideAndFinishRewrite() throws IOException {
        if (!decided) {
            decide(null, 0, 0);
        }
        if (rewrite != null) {
            try {
                rewrite.finish();
            } catch (RuntimeException ex) {
                LOG.error("ConsentGate rewriter failed finishing {}", response.request().getRequestURI(), ex);
            }
        }
    }

    /**
     * Whether {@code complete} is this stream's to run (non-blocking mode): after the end of the body, once the
     * container has taken the last bytes and is ready again ({@link NonBlockingEnd#deferComplete}).
     */
    boolean deferComplete(Runnable complete) {
        if (nonBlocking == null) {
            return false; // blocking: bytes still held are those a failed write left, nothing will write them
        }
        nonBlocking.deferComplete(complete);
        return true;
    }

    @Override
    public void close() throws IOException {
        if (discarded) {
            return;
        }
        if (response.inForward()) {
            // The container closing the response as a forward returns (Tomcat closes the forwarded response's
            // stream): a filter outside the forward may still hold the body and write it once its chain returns
            // (Spring's ShallowEtagHeaderFilter), so only what is decided goes out, and the filter ends the body.
            flush();
            return;
        }
        if (nonBlocking != null) {
            finish();
            nonBlocking.close(); // by the end of the body, once what is pending is written
            return;
        }
        finish();
        if (!pending.holding()) {
            container().close();
        }
    }

    /**
     * Before a redirect that keeps the body: while nothing has reached the container, make its buffer big enough for
     * the held bytes once rewritten (neutralizing at most about doubles a tag), so writing them cannot commit the
     * response before the container has set the redirect's status. For the same reason a body passed through is not
     * framed with the length ConsentGate knows: Tomcat commits a response once it has the bytes its
     * {@code Content-Length} announces.
     */
    void keepForRedirect() {
        redirecting = true;
        if (!decided && undecidedLen > 0) {
            int room = undecidedLen * 4 + 8192;
            if (response.getBufferSize() < room) {
                response.container().setBufferSize(room);
            }
        }
    }

    /** A redirect that keeps the body (after {@link #finish()}): what was written is sent, nothing more is taken. */
    void end() {
        ended = true;
    }

    /** sendError/sendRedirect/reset: nothing of this body may be sent any more. */
    void discard() {
        discarded = true;
        undecidedLen = 0;
        pending.clear();
    }

    /** resetBuffer(): drop what is held and start the document afresh, unless the response is committed. */
    void discardHeld() {
        undecidedLen = 0;
        if (!response.isCommitted()) {
            decided = false;
            rewrite = null;
            contentWritten = false;
            pending.clear();
        }
    }

    /**
     * reset() (before commit): the body starts over, as a new one would, and this stream stays the one the
     * application may keep writing to, as the container's does. A write listener set before stays set.
     */
    void restart() {
        discardHeld();
        discarded = false;
        ended = false;
        redirecting = false;
        finished = false;
        finishing = false;
        if (nonBlocking != null) {
            nonBlocking.restart();
        }
    }

    @Override
    public boolean isReady() {
        try {
            ServletOutputStream c = container();
            if (!c.isReady()) {
                return false;
            }
            if (nonBlocking != null) {
                if (!finished) {
                    return true;
                }
                nonBlocking.runEnd(); // what the end left pending, written now the container is ready
                return c.isReady();
            }
            if (pending.holding()) {
                pending.drain();
                return c.isReady();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        try {
            ServletOutputStream c = container();
            if (nonBlocking == null) {
                nonBlocking = new NonBlockingEnd(this, response, c, pending);
            }
            pending.nonBlocking();
            c.setWriteListener(nonBlocking.wrap(listener));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
