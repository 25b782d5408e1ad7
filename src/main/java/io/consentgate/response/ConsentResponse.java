package io.consentgate.response;

import io.consentgate.ConsentDecision;
import io.consentgate.html.EncodingLabels;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The one commit-aware response wrapper every response-side feature builds on.
 *
 * <p>Nothing about the body is decided when the application starts: the decision to rewrite is taken when the
 * response commits (the response buffer overflows, a flush, {@code flushBuffer}, or the end of the request; bytes
 * written before are held, up to the buffer size, as the container holds them), when status, content type,
 * {@code Content-Encoding} are known:
 * <ul>
 *   <li>rewrite: {@code text/html} or {@code application/xhtml+xml} (or no content type and a body a browser sniffs
 *       as HTML, or the XML of a Faces or Wicket ajax response: {@link RewriteDecision}), a status with a body (not 1xx/204/304), not already compressed (a
 *       {@code Content-Encoding} set inside ConsentGate), and the decision refuses something.
 *       {@code Content-Length} is dropped (the body changes size), a strong {@code ETag} is made weak. A
 *       {@code HEAD} is treated as its {@code GET}: a body written for it (which the container discards) is rewritten,
 *       so a length the container derives from it is the GET's, and the application's length is not passed on.</li>
 *   <li>pass through otherwise, with the {@code Content-Length} the application set.</li>
 * </ul>
 * The {@code ETag} of every HTML page names the decision it was served under ({@link Validators}).
 * {@code Content-Length} is held back however it was set ({@code setContentLength[Long]}, {@code set/addHeader},
 * {@code set/addIntHeader}) until that decision. Every {@code Set-Cookie} door ({@code addCookie}, {@code addHeader},
 * {@code setHeader}) goes through the {@link CookieGate}, every {@code Link} and {@code Refresh} through
 * the {@link UrlHeaderGate}.
 * {@code sendError} (but {@code sendError(103)}, an interim response) and {@code sendRedirect} discard any body
 * state (Servlet 6.1's {@code sendRedirect(location, sc, false)} ends it instead, rewritten); {@code reset} and
 * {@code resetBuffer} discard what is held, the writer's encoded bytes included ({@link BodyWriter}), and the writer
 * and stream handed out before {@code reset} keep working, as the container's do; a forward clears the body as the
 * container clears its buffer. Output-stream/writer exclusivity, the fixed buffer size once content is written and
 * an unknown writer charset fail as in the container.
 *
 * <p>Not thread-safe, like the response it wraps; async writes from another thread are fine as long as the
 * application does not write concurrently (the Servlet rule).
 */
public final class ConsentResponse extends HttpServletResponseWrapper {

    // The servlet-facing doors and the body's lifecycle are here; the parts they delegate to: ApplicationHeaders
    // (the application's headers as they are set), CommitTimeHeaders (ConsentGate's own headers and validators),
    // RewriteDecision (rewrite or pass through, at commit), ResponseBody (the stream and the writer),
    // GateOutputStream (the body's bytes), Servlet61Redirect.

    /**
     * {@code 103 Early Hints}: {@code sendError(103)} is how an application asks Tomcat and Jetty for one. It is an
     * interim response with the headers set so far (their {@code Link} hints already passed the
     * {@link UrlHeaderGate}), after which the application goes on with its response: nothing of the body or the
     * commit-time headers is touched, and the container decides what it sends, as without the filter.
     */
    private static final int SC_EARLY_HINTS = 103;

    private final HttpServletRequest request;
    private final ConsentDecision decision;
    private final Enforcement enforcement;

    private final ApplicationHeaders headers = new ApplicationHeaders(this);
    /** The output stream and the writer, and what they hold. */
    private final ResponseBody body = new ResponseBody(this);

    /** Whether the commit-time headers have been written ({@link CommitTimeHeaders}). */
    private boolean committedHeaders;
    /** Whether the container's error page follows ({@code sendError}), written after the commit-time headers. */
    private boolean errorPageFollows;
    /** The client's {@code If-None-Match} tags that carried this decision's suffix ({@link Validators}). */
    private Validators.Translation revalidated;
    /** Whether the first bytes of a body without a content type are HTML to a browser ({@link RewriteDecision}). */
    private boolean sniffedHtml;
    private boolean finished;
    private boolean streamThrough;
    /** Includes in progress through {@link ConsentDispatcher}: sendError and sendRedirect have no effect in them. */
    private int includes;
    /** Forwards in progress through {@link ConsentDispatcher}. */
    private int forwards;
    /** The request as the application sees it (the filter's wrapper), for {@link #inInclude()}. */
    private HttpServletRequest requestView;

    public ConsentResponse(HttpServletRequest request, HttpServletResponse response, ConsentDecision decision,
                           Enforcement enforcement) {
        super(response);
        this.request = request;
        this.decision = decision;
        this.enforcement = enforcement;
        // An error page after an async sendError: Tomcat runs the ERROR dispatch while the request still counts as
        // async-started, so the filter does not finish this wrapper: hold nothing back (ConsentRequest#startedAsync).
        this.streamThrough = request.getDispatcherType() == DispatcherType.ERROR;
    }

    /** Body bytes sent to the container (after rewriting); 0 when the application wrote no body. */
    public long bytesWritten() {
        return body.bytesWritten();
    }

    /** The wrapper in {@code response}'s wrapper chain, or null: the filter never wraps twice. */
    public static ConsentResponse find(ServletResponse response) {
        ServletResponse r = response;
        while (r instanceof ServletResponseWrapper w) {
            if (r instanceof ConsentResponse c) {
                return c;
            }
            r = w.getResponse();
        }
        return null;
    }

    ConsentDecision decision() {
        return decision;
    }

    HttpServletRequest request() {
        return request;
    }

    Enforcement enforcement() {
        return enforcement;
    }

    // ---- header doors: the application's headers, tracked as they are set (ApplicationHeaders) ------------------

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    /** Held until the body is decided; then passed on unless the body is rewritten (or is a rewritten GET's HEAD). */
    @Override
    public void setContentLengthLong(long len) {
        if (isCommitted()) {
            return;
        }
        GateOutputStream stream = body.stream();
        if (stream != null && stream.decided()) {
            if ((!stream.rewriting() || enforcement.reportOnly()) && !RewriteDecision.headOfRewrittenGet(this)) {
                super.setContentLengthLong(len);
            }
            return;
        }
        headers.holdContentLength(len);
    }

    @Override
    public void setHeader(String name, String value) {
        headers.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        headers.addHeader(name, value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        headers.setIntHeader(name, value);
    }

    @Override
    public void addIntHeader(String name, int value) {
        headers.addIntHeader(name, value);
    }

    @Override
    public void addCookie(Cookie cookie) {
        headers.addCookie(cookie);
    }

    @Override
    public void setContentType(String type) {
        if (body.usingWriter() && type != null) {
            // After getWriter() the charset is fixed: keep the one the writer encodes with.
            int semi = type.indexOf(';');
            super.setContentType((semi < 0 ? type : type.substring(0, semi)).strip() + ";charset="
                    + body.writerCharset().name());
            return;
        }
        super.setContentType(type);
    }

    @Override
    public void setCharacterEncoding(String charset) {
        if (!body.usingWriter()) {
            super.setCharacterEncoding(charset);
        }
    }

    /**
     * Servlet 6.1's {@code setCharacterEncoding(Charset)}, as the {@code String} form: ignored once the writer is
     * taken. A plain method here (this library compiles against 6.0) that overrides the 6.1 wrapper's at run time,
     * which would hand it to the container: its own writer unused, the container would name a charset other than the
     * one the writer encodes in.
     */
    public void setCharacterEncoding(Charset charset) {
        setCharacterEncoding(charset == null ? null : charset.name());
    }

    // ---- status doors ---------------------------------------------------------------------------------------------

    void includeStarted() {
        includes++;
    }

    /** A forward through {@link ConsentDispatcher} is in progress (see {@link GateOutputStream#close()}). */
    void forwardStarted() {
        forwards++;
    }

    void forwardEnded() {
        forwards--;
    }

    boolean inForward() {
        return forwards > 0;
    }

    void includeEnded() {
        includes--;
    }

    void requestView(HttpServletRequest view) {
        requestView = view;
    }

    /**
     * Whether an include is in progress, where sendError, sendRedirect and reset have no effect (the wrapper ignores
     * them itself: Tomcat and Jetty ignore them beneath it, but Undertow 2.3 clears its buffer and sets 302 on a
     * sendRedirect and clears buffer and headers on a reset, which would lose the page written so far): one started through
     * {@link ConsentDispatcher}, or one the container slid in beneath the filter's request wrapper (Tomcat does so
     * for a dispatcher from {@code ServletContext.getRequestDispatcher}, too). The filter never wraps an INCLUDE
     * dispatch itself, so an INCLUDE seen through its request wrapper is one nested inside this response.
     */
    private boolean inInclude() {
        return includes > 0 || requestView != null && requestView.getDispatcherType() == DispatcherType.INCLUDE;
    }

    /** sendError and sendRedirect on a committed response throw, as the container's do, before anything changes. */
    private void requireUncommitted(String method) {
        if (isCommitted()) {
            throw new IllegalStateException("Cannot call " + method + " after the response has been committed");
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (inInclude()) {
            return; // no effect in an include: the body stays
        }
        if (sc == SC_EARLY_HINTS) {
            super.sendError(sc, msg);
            return;
        }
        if (prepareForError(sc)) {
            super.sendError(sc, msg);
        }
    }

    @Override
    public void sendError(int sc) throws IOException {
        if (inInclude()) {
            return; // no effect in an include: the body stays
        }
        if (sc == SC_EARLY_HINTS) {
            super.sendError(sc);
            return;
        }
        if (prepareForError(sc)) {
            super.sendError(sc);
        }
    }

    /**
     * Before the container's {@code sendError}: the body is discarded and the commit-time headers written; false
     * when there is nothing left to send ({@code 304}, answered here by {@link #notModified()}).
     */
    private boolean prepareForError(int sc) throws IOException {
        requireUncommitted("sendError");
        if (sc == SC_NOT_MODIFIED) {
            notModified();
            return false;
        }
        body.discard();
        statusBeforeCommit(sc);
        errorPageFollows = true;
        commitHeaders();
        prepareForErrorPage();
        return true;
    }

    /**
     * {@code sendError(304)}, as Jetty's default servlet answers a conditional request, is answered here: a
     * {@code 304} with the commit-time headers, committed at once, no body. Handed to the container, it would lose
     * them: Jetty's error handling, which runs after the filter has returned, removes {@code Vary},
     * {@code Cache-Control} and {@code Expires} from a {@code 304}, and a cache that freshens its stored page from
     * it (RFC 9111, 4.3.4) would keep serving that page under the {@code Vary} it had, or none. Anything written
     * afterwards is ignored, as the container ignores it after {@code sendError}.
     */
    private void notModified() throws IOException {
        body.discard();
        super.resetBuffer();
        super.setStatus(SC_NOT_MODIFIED);
        headers.holdContentLength(-1);
        commitHeaders();
        body.replaceWithoutBody();
        finished = true;
        super.flushBuffer();
    }

    /** A status without a body sent as an error is set before the commit-time headers, which depend on it. */
    private void statusBeforeCommit(int sc) {
        if ((sc >= 100 && sc < 200) || sc == SC_NO_CONTENT) {
            super.setStatus(sc);
        }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        if (inInclude()) {
            return; // no effect in an include: the body stays
        }
        requireUncommitted("sendRedirect");
        body.discard();
        commitHeaders();
        super.sendRedirect(location);
    }

    /**
     * Servlet 6.1's redirect with a status and a choice to keep the body (Tomcat 11; the 6.1 wrapper would otherwise
     * hand it straight to the container, past the body this wrapper holds and its commit-time headers). With
     * {@code clearBuffer} the body is discarded as by {@link #sendRedirect(String)}; without, the body written so
     * far is ended here: decided, rewritten when it is HTML, and handed to the container, which then sends it with
     * the redirect. Either way nothing more may be written afterwards.
     *
     * @throws UnsupportedOperationException on a Servlet 6.0 container, which has no such method
     */
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        if (!Servlet61Redirect.available()) {
            throw new UnsupportedOperationException("sendRedirect(String, int, boolean) needs a Servlet 6.1 container");
        }
        if (inInclude()) {
            return; // no effect in an include: the body stays
        }
        if (clearBuffer) {
            requireUncommitted("sendRedirect");
            body.discard();
            commitHeaders();
        } else {
            requireUncommitted("sendRedirect");
            body.endWriter();
            GateOutputStream stream = body.stream();
            if (stream != null) {
                stream.keepForRedirect();
            }
            finish();
            if (stream != null) {
                stream.end();
            }
        }
        Servlet61Redirect.send(container(), location, sc, clearBuffer);
    }

    /** Servlet 6.1: {@link #sendRedirect(String, int, boolean)} with the buffer cleared. */
    public void sendRedirect(String location, int sc) throws IOException {
        sendRedirect(location, sc, true);
    }

    /** Servlet 6.1: {@link #sendRedirect(String, int, boolean)} with 302 (Found). */
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        sendRedirect(location, SC_FOUND, clearBuffer);
    }

    @Override
    public void reset() {
        if (inInclude()) {
            return; // no effect in an include: the body and the headers stay
        }
        super.reset();
        headers.reset();
        committedHeaders = false;
        sniffedHtml = false;
        body.reset();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        body.discardHeld();
    }

    /**
     * A forward is about to run: as the container does (Tomcat through this wrapper's {@link #resetBuffer()}, Jetty
     * beneath it), what was written before is cleared, and the forward's target may take the writer or the stream
     * whichever the caller took. Nothing changes once the response is committed (the container refuses the forward).
     */
    public void forwarding() {
        if (isCommitted()) {
            return;
        }
        body.forwarding();
    }

    // ---- body doors -----------------------------------------------------------------------------------------------

    /** As in the container: the buffer size cannot change once content has been written. */
    @Override
    public void setBufferSize(int size) {
        if (body.contentWritten()) {
            throw new IllegalStateException("Cannot change the buffer size after content has been written");
        }
        super.setBufferSize(size);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return body.outputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return body.writer();
    }

    /**
     * A forward is starting: the container may close the response as soon as it returns, so from now on the body is
     * decided at the first write and every decided byte is written at once (only an element the rewriter is still
     * deciding stays held).
     */
    void streamThrough() {
        streamThrough = true;
    }

    boolean streamsThrough() {
        return streamThrough;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!body.flush()) {
            commitHeaders();
        }
        super.flushBuffer();
    }

    /**
     * Ends the response body: flushes the writer, emits everything the rewriter holds, and adds the commit-time
     * headers of an empty body. Called by the filter when the chain returns (or the async context completes).
     * Does not close the container's stream: the container completes the response.
     */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        GateOutputStream stream;
        try {
            body.endWriter();
            stream = body.stream();
            if (stream != null) {
                stream.finish();
            }
        } catch (IOException e) {
            if (!errorPageFollows) {
                throw e;
            }
            // Written after sendError (a JSP's template text after the scriptlet that called it): the container
            // ignores it, or refuses it where it closed its stream at sendError (Undertow, with no error page mapped
            // for the status), and its own writer swallows that refusal, as a PrintWriter does. So does this: thrown
            // from here, it would turn the error into a 500.
            return;
        }
        if (stream == null && !isCommitted()) {
            commitHeaders();
            long len = headers.heldContentLength();
            if (len >= 0) {
                super.setContentLengthLong(len);
            }
        }
    }

    /** Whether completing an async response must wait for body bytes a non-blocking stream was not ready for. */
    boolean deferComplete(Runnable complete) {
        GateOutputStream stream = body.stream();
        return stream != null && stream.deferComplete(complete);
    }

    /**
     * The application's body is gone; the container's error page may be written through this same wrapper (Tomcat
     * reuses the async wrappers for the ERROR dispatch, and nothing finishes them after it), so it gets a fresh body
     * that holds nothing back.
     */
    private void prepareForErrorPage() {
        body.replaceForErrorPage();
        headers.holdContentLength(-1);
        finished = false;
        streamThrough = true;
    }

    // ---- the commit-time headers (CommitTimeHeaders) and the body decision (RewriteDecision) ------------------

    /** Headers that depend on the final state of the response: Vary re-merged, cookie expiries. Once. */
    void commitHeaders() {
        if (committedHeaders || isCommitted()) {
            return;
        }
        committedHeaders = true;
        CommitTimeHeaders.write(this);
    }

    /** Whether the commit-time headers were written (and the container has not committed since, or not yet). */
    boolean wroteCommitTimeHeaders() {
        return committedHeaders;
    }

    /**
     * Headers ConsentGate asserts when the request enters, before the application runs, so application code can read
     * (and override) them; they are asserted again when the response commits.
     */
    public void writeEarlyHeaders() {
        headers.dependence().varyFromApplication(container().getHeaders("Vary")); // set by a filter before ConsentGate
        CommitTimeHeaders.writeEarly(this);
    }

    /** Whether the container's error page follows: {@code sendError} was called ({@link DecisionDependence}). */
    boolean errorPageFollows() {
        return errorPageFollows;
    }

    /** Whether {@code ETag}s of HTML pages carry the decision ({@link Validators}): when pages are rewritten. */
    boolean validatorsFollowDecision() {
        return CommitTimeHeaders.validatorsFollowDecision(enforcement);
    }

    /** The request's {@code If-None-Match} as translated: a {@code 304} answers with the client's tag it confirms. */
    void revalidating(Validators.Translation translation) {
        revalidated = translation;
    }

    Validators.Translation revalidated() {
        return revalidated;
    }

    /** Set when the body is decided: whether a body without a content type is HTML to a browser. */
    void sniffedHtml(boolean html) {
        sniffedHtml = html;
    }

    boolean sniffedHtml() {
        return sniffedHtml;
    }

    /** The charset the body's bytes are in, as far as headers tell; null when unknown (the rewriter sniffs). */
    Charset bodyCharset() {
        Charset writerCharset = body.writerCharset();
        if (writerCharset != null) {
            return writerCharset;
        }
        // Resolved as the browser will resolve it: a label only the JDK knows is ignored there, and so here.
        return EncodingLabels.forLabel(EncodingLabels.charsetParameter(getContentType()));
    }

    /** The container's response, beneath this wrapper (what {@code super} reaches), for the parts of the wrapper. */
    HttpServletResponse container() {
        return (HttpServletResponse) getResponse();
    }

    ApplicationHeaders applicationHeaders() {
        return headers;
    }
}
