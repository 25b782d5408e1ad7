package io.consentgate.container;

import io.consentgate.ConsentGateFilter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A non-blocking page whose client goes away while ConsentGate still holds bytes the container was not ready for:
 * the application has already called {@code complete()}, which ConsentGate defers until those bytes are written, and
 * the container reports the failed write through the write listener's {@code onError}. The async cycle must complete
 * then, as it does without the filter; waiting for bytes that can no longer be written kept the request open until the
 * async timeout. A filter in front of ConsentGate plays the vanished client: once the page is written, its stream is
 * never ready again, and the application's {@code onError} is called as the container calls it.
 */
class NonBlockingWriteErrorContainerTest {

    /** What the container's async context had been told when the application's onError returned. */
    static final AtomicReference<String> AT_ERROR = new AtomicReference<>();

    private static AsyncApps.OnBoth apps;

    /** In front of ConsentGate: a stream that is never ready once the client is gone, and a recording context. */
    public static final class VanishingClient implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            HttpServletResponse container = (HttpServletResponse) res;
            GoneStream stream = new GoneStream(container.getOutputStream());
            req.setAttribute(GoneStream.class.getName(), stream);
            HttpServletRequest request = new HttpServletRequestWrapper((HttpServletRequest) req) {
                @Override
                public AsyncContext startAsync() {
                    return recorded(super.startAsync());
                }

                @Override
                public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
                    return recorded(super.startAsync(request, response));
                }

                private AsyncContext recorded(AsyncContext context) {
                    RecordingContext recording = new RecordingContext(context);
                    setAttribute(RecordingContext.class.getName(), recording);
                    return recording;
                }
            };
            chain.doFilter(request, new HttpServletResponseWrapper(container) {
                @Override
                public ServletOutputStream getOutputStream() {
                    return stream;
                }
            });
        }
    }

    static final class GoneStream extends ServletOutputStream {
        private final ServletOutputStream real;
        volatile boolean gone;
        volatile WriteListener listener;

        GoneStream(ServletOutputStream real) {
            this.real = real;
        }

        @Override
        public void write(int b) throws IOException {
            real.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            real.write(b, off, len);
        }

        @Override
        public boolean isReady() {
            return !gone && real.isReady();
        }

        @Override
        public void setWriteListener(WriteListener l) {
            listener = l;
            real.setWriteListener(l);
        }
    }

    /** The container's async context, noting whether complete() reached it. */
    static final class RecordingContext implements AsyncContext {
        private final AsyncContext delegate;
        volatile boolean completed;

        RecordingContext(AsyncContext delegate) {
            this.delegate = delegate;
        }

        @Override
        public void complete() {
            completed = true;
            delegate.complete();
        }

        @Override
        public ServletRequest getRequest() {
            return delegate.getRequest();
        }

        @Override
        public ServletResponse getResponse() {
            return delegate.getResponse();
        }

        @Override
        public boolean hasOriginalRequestAndResponse() {
            return delegate.hasOriginalRequestAndResponse();
        }

        @Override
        public void dispatch() {
            delegate.dispatch();
        }

        @Override
        public void dispatch(String path) {
            delegate.dispatch(path);
        }

        @Override
        public void dispatch(ServletContext context, String path) {
            delegate.dispatch(context, path);
        }

        @Override
        public void start(Runnable run) {
            delegate.start(run);
        }

        @Override
        public void addListener(AsyncListener listener) {
            delegate.addListener(listener);
        }

        @Override
        public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
            delegate.addListener(listener, request, response);
        }

        @Override
        public <T extends AsyncListener> T createListener(Class<T> clazz) throws ServletException {
            return delegate.createListener(clazz);
        }

        @Override
        public void setTimeout(long timeout) {
            delegate.setTimeout(timeout);
        }

        @Override
        public long getTimeout() {
            return delegate.getTimeout();
        }
    }

    /**
     * A receipt page written at once from the write listener, then {@code complete()}; the client is gone by then.
     * The application's {@code onError} completes too, as applications do.
     */
    public static final class ReceiptServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            GoneStream client = (GoneStream) req.getAttribute(GoneStream.class.getName());
            AsyncContext ac = req.startAsync();
            ac.setTimeout(5000); // a bound for the exchange when complete() never reaches the container
            RecordingContext recording = (RecordingContext) req.getAttribute(RecordingContext.class.getName());
            resp.setContentType("text/html;charset=UTF-8");
            ServletOutputStream out = resp.getOutputStream();
            out.setWriteListener(new WriteListener() {
                private boolean written;

                @Override
                public void onWritePossible() throws IOException {
                    if (written) {
                        return;
                    }
                    written = true;
                    out.write(("<p>Receipt 4711</p><img src=\"https://www.facebook.com/tr?id=5&ev=Purchase\" alt=\"\">"
                            + "<p>Thank you</p>").getBytes(StandardCharsets.UTF_8));
                    client.gone = true;
                    ac.complete();
                    // the container finds the connection reset writing what ConsentGate held for it
                    client.listener.onError(new IOException("Connection reset by peer"));
                }

                @Override
                public void onError(Throwable t) {
                    ac.complete();
                    AT_ERROR.set(recording == null ? "no recording" : String.valueOf(recording.completed));
                }
            });
        }
    }

    @BeforeAll
    static void start() throws Exception {
        apps = AsyncApps.OnBoth.start(ReceiptServlet.class, List.of(VanishingClient.class, ConsentGateFilter.class));
    }

    @AfterAll
    static void stop() throws Exception {
        apps.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aWriteErrorAfterCompleteCompletesTheAsyncCycle(String kind) throws Exception {
        AT_ERROR.set("onError not called");
        String raw = "GET /receipt HTTP/1.1\nHost: shop.example\nConnection: close\n\n";
        apps.exchange(kind, raw);
        assertEquals("true", AT_ERROR.get(), kind + ": complete() reached the container when the write failed");
    }
}
