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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A non-blocking page completed from the application's own thread while the container is not ready (Servlet 6.1:
 * {@code complete()} is no write), and the container's thread calls {@code onWritePossible} while ConsentGate ends
 * the body on the application's. The two threads must not both write what the end left pending: the page arrives
 * once, whole, and the async cycle ends by {@code complete()}.
 *
 * <p>A filter in front of ConsentGate plays the container: after the application's {@code isReady()} said no, the
 * next question finds the write done, calls {@code onWritePossible} on a thread of its own, and answers yes (a
 * container is ready while it runs that callback) once that thread writes or returns. A write from that thread waits
 * until the asking thread has written, or has returned, so both writes reach the container, one after the other.
 */
class NonBlockingEndMeetsCallbackContainerTest {

    static final String PAGE = "<h1>Ticket 2210</h1><p>Platform 4, coach 12</p>"
        + "<img src=\"https://www.facebook.com/tr?id=2210&ev=Purchase\" alt=\"\"><p>Gute Reise</p>";
    static final String EXPECTED = "<h1>Ticket 2210</h1><p>Platform 4, coach 12</p><p>Gute Reise</p>";
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    /** Counted down when the async cycle ends, by complete() or by its timeout. */
    static volatile CountDownLatch ended = new CountDownLatch(1);

    private static AsyncApps.OnBoth apps;

    /** In front of ConsentGate: the stream below. */
    public static final class CallbackMeanwhile extends AsyncApps.StreamInFront {
        @Override
        ServletOutputStream inFront(ServletOutputStream container) {
            return new MeetingStream(container);
        }
    }

    static final class MeetingStream extends ServletOutputStream {
        private final ServletOutputStream real;
        private volatile WriteListener listener;
        /** The application was told not ready: the next question finds the write done. */
        private volatile boolean owing;
        private volatile Thread callbackThread;
        /** The callback thread wrote, or returned. */
        private final CountDownLatch callbackWroteOrReturned = new CountDownLatch(1);
        /** The asking thread wrote, or returned. */
        private final CountDownLatch askerWrote = new CountDownLatch(1);

        MeetingStream(ServletOutputStream real) {
            this.real = real;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (Thread.currentThread() == callbackThread) {
                callbackWroteOrReturned.countDown();
                await(askerWrote);
            }
            synchronized (this) {
                real.write(b, off, len);
            }
            if (Thread.currentThread() != callbackThread) {
                askerWrote.countDown();
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (this) {
                real.flush();
            }
        }

        @Override
        public boolean isReady() {
            if (callbackThread == null && !owing && listener != null && Thread.currentThread().getName()
                    .startsWith("ticket-app")) {
                owing = true; // the application's question: the last write is under way
                return false;
            }
            if (owing) {
                owing = false;
                Thread callback = new Thread(() -> {
                    try {
                        listener.onWritePossible();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        callbackWroteOrReturned.countDown();
                    }
                }, "container-callback");
                callbackThread = callback;
                callback.start();
                await(callbackWroteOrReturned);
                return true;
            }
            return real.isReady();
        }

        @Override
        public void close() throws IOException {
            askerWrote.countDown();
            real.close();
        }

        @Override
        public void setWriteListener(WriteListener l) {
            listener = l;
            real.setWriteListener(l);
        }

        private static void await(CountDownLatch latch) {
            try {
                if (!latch.await(5, TimeUnit.SECONDS)) {
                    EVENTS.add("stuck");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes the page from a thread of its own once the container is ready, asks again, and completes at once. */
    public static final class TicketServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            AsyncContext ac = req.startAsync();
            ac.setTimeout(3000); // the bound when complete() never reaches the container
            ac.addListener(AsyncApps.recording(EVENTS, ended::countDown));
            resp.setContentType("text/html;charset=UTF-8");
            ServletOutputStream out = resp.getOutputStream();
            out.setWriteListener(new WriteListener() {
                private boolean started;

                @Override
                public void onWritePossible() {
                    if (started) {
                        EVENTS.add("onWritePossible after complete");
                        return;
                    }
                    started = true;
                    new Thread(() -> {
                        try {
                            out.write(PAGE.getBytes(StandardCharsets.UTF_8));
                            if (!out.isReady()) {
                                EVENTS.add("not ready");
                            }
                        } catch (IOException e) {
                            EVENTS.add("write failed");
                        }
                        ac.complete();
                    }, "ticket-app").start();
                }

                @Override
                public void onError(Throwable t) {
                    EVENTS.add("write error");
                    ac.complete();
                }
            });
        }
    }

    @BeforeAll
    static void start() throws Exception {
        apps = AsyncApps.OnBoth.start(TicketServlet.class, List.of(CallbackMeanwhile.class, ConsentGateFilter.class));
    }

    @AfterAll
    static void stop() throws Exception {
        apps.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void theEndIsWrittenOnceWhenTheCallbackComesMeanwhile(String kind) throws Exception {
        EVENTS.clear();
        ended = new CountDownLatch(1);
        String raw = "GET /tickets/2210 HTTP/1.1\nHost: rail.example\nConnection: close\n\n";
        String response = apps.exchange(kind, raw);
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertTrue(body.contains(EXPECTED), kind + ": " + response);
        assertEquals(body.indexOf(EXPECTED), body.lastIndexOf(EXPECTED), kind + ", the page once: " + response);
        assertTrue(EVENTS.contains("not ready"), kind + ": the application was told not ready " + EVENTS);
        assertTrue(ended.await(10, TimeUnit.SECONDS), kind + ": the async cycle ended " + EVENTS);
        assertEquals(List.of("not ready", "complete"), EVENTS, kind + ": the async cycle ended by complete()");
    }
}
