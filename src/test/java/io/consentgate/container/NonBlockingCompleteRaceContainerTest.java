package io.consentgate.container;

import io.consentgate.ConsentGateFilter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A non-blocking page completed from the application's own thread while the container still writes ConsentGate's
 * last bytes: ConsentGate asks the container whether it is ready and, told no, defers {@code complete()} to the
 * {@code onWritePossible} that answer promises. The container's thread may deliver that callback at once, before
 * the deferral is recorded; the callback must then find it, or nothing completes the async cycle until its timeout.
 * A filter in front of ConsentGate plays that moment on every run: once ConsentGate flushed the body's end, the
 * container is not ready, and the write finishes (and {@code onWritePossible} returns) on another thread before
 * {@code isReady()} returns.
 */
class NonBlockingCompleteRaceContainerTest {

    static final String PAGE = "<p>Order 4711 is on its way</p>"
        + "<img src=\"https://www.facebook.com/tr?id=8&ev=Purchase\" alt=\"\"><p>Thank you</p>";
    static final BlockingQueue<String> EVENTS = new LinkedBlockingQueue<>();

    private static AsyncApps.OnBoth apps;

    /** In front of ConsentGate: a stream whose flush, once armed, is still in flight when isReady() is asked. */
    public static final class FlushInFlight extends AsyncApps.StreamInFront {
        @Override
        ServletOutputStream inFront(ServletOutputStream container) {
            return new RacingStream(container);
        }
    }

    static final class RacingStream extends ServletOutputStream {
        private final ServletOutputStream real;
        volatile boolean armed;
        private volatile boolean inFlight;
        private volatile WriteListener listener;

        RacingStream(ServletOutputStream real) {
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
        public void flush() throws IOException {
            real.flush();
            inFlight = armed;
        }

        @Override
        public boolean isReady() {
            if (!inFlight) {
                return real.isReady();
            }
            // not ready: the flush is in flight; it completes, and the container calls onWritePossible, on its own
            // thread, before this answer reaches the caller
            inFlight = false;
            armed = false;
            Thread callback = new Thread(() -> {
                try {
                    listener.onWritePossible();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            callback.start();
            try {
                callback.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        @Override
        public void setWriteListener(WriteListener l) {
            listener = l;
            real.setWriteListener(l);
        }
    }

    /** Writes the page from the write listener, then completes from a thread of its own. */
    public static final class OrderServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            RacingStream racing = (RacingStream) req.getAttribute(RacingStream.class.getName());
            AsyncContext ac = req.startAsync();
            ac.setTimeout(3000); // the bound when complete() never reaches the container
            ac.addListener(AsyncApps.recording(EVENTS));
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
                    out.write(PAGE.getBytes(StandardCharsets.UTF_8));
                    new Thread(() -> {
                        racing.armed = true;
                        ac.complete();
                    }).start();
                }

                @Override
                public void onError(Throwable t) {
                    ac.complete();
                }
            });
        }
    }

    @BeforeAll
    static void start() throws Exception {
        apps = AsyncApps.OnBoth.start(OrderServlet.class, List.of(FlushInFlight.class, ConsentGateFilter.class));
    }

    @AfterAll
    static void stop() throws Exception {
        apps.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aCompleteDeferredAsTheContainerTurnsReadyStillCompletes(String kind) throws Exception {
        EVENTS.clear();
        String raw = "GET /orders/4711 HTTP/1.1\nHost: shop.example\nConnection: close\n\n";
        String response = apps.exchange(kind, raw);
        // the container may send the end before it tells the listeners
        String ended = EVENTS.poll(5, TimeUnit.SECONDS);
        assertTrue(response.contains("<p>Order 4711 is on its way</p><p>Thank you</p>"), kind + ": " + response);
        assertEquals("complete", ended, kind + ": the async cycle ended by complete(), not its timeout");
        assertTrue(EVENTS.isEmpty(), kind + ": nothing but complete() " + EVENTS);
    }
}
