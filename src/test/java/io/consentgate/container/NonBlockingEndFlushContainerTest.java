package io.consentgate.container;

import io.consentgate.ConsentGateFilter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.startup.Tomcat;
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
 * The end of a non-blocking page whose last bytes (the rewriter's, held until the end) the container takes but is not
 * ready again at once, as on a slow client: once it is ready again they are flushed before {@code complete()}, so
 * nothing waits in the container's buffer for the complete (Tomcat's HTTP/2 stream, completed while a write waits for
 * the client's window, ends only at the async timeout).
 *
 * <p>A filter in front of ConsentGate plays the slow client: the first write after the application completed leaves
 * the container not ready, and a thread of its own calls {@code onWritePossible} a little later.
 */
class NonBlockingEndFlushContainerTest {

    /** Ends inside a script: the rewriter holds it until the end of the body. */
    static final String PAGE = "<h1>Order 4471</h1>"
        + "<img src=\"https://www.facebook.com/tr?id=4471&ev=Purchase\" alt=\"\"><p>Shipped</p>"
        + "<script>var carrier = \"parcel\";";
    static final String EXPECTED = "<h1>Order 4471</h1><p>Shipped</p><script>var carrier = \"parcel\";";
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    static volatile CountDownLatch ended = new CountDownLatch(1);

    private static AsyncApps.OnBoth apps;

    /** In front of ConsentGate: the stream below. */
    public static final class SlowClient extends AsyncApps.StreamInFront {
        @Override
        ServletOutputStream inFront(ServletOutputStream container) {
            return new SlowStream(container);
        }
    }

    static final class SlowStream extends ServletOutputStream {
        private final ServletOutputStream real;
        private volatile WriteListener listener;
        /** The application completed: the next write leaves the container not ready for a while. */
        volatile boolean ending;
        private volatile boolean slow;

        SlowStream(ServletOutputStream real) {
            this.real = real;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            EVENTS.add("write");
            real.write(b, off, len);
            if (ending && !slow) {
                slow = true;
                Thread callback = new Thread(() -> {
                    try {
                        Thread.sleep(100);
                        slow = false;
                        listener.onWritePossible();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "slow-client");
                callback.start();
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            EVENTS.add("flush");
            real.flush();
        }

        @Override
        public boolean isReady() {
            return !slow && real.isReady();
        }

        @Override
        public void close() throws IOException {
            real.close();
        }

        @Override
        public void setWriteListener(WriteListener l) {
            listener = l;
            real.setWriteListener(l);
        }
    }

    /** Writes the page when the container is ready, then completes at once. */
    public static final class OrderServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            SlowStream slow = (SlowStream) req.getAttribute(SlowStream.class.getName());
            AsyncContext ac = req.startAsync();
            ac.setTimeout(3000);
            ac.addListener(AsyncApps.recording(EVENTS, ended::countDown));
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
                    slow.ending = true;
                    ac.complete();
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
        apps = AsyncApps.OnBoth.start(OrderServlet.class, List.of(SlowClient.class, ConsentGateFilter.class));
    }

    @AfterAll
    static void stop() throws Exception {
        apps.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void theLastBytesAreFlushedOnceTheContainerIsReadyAgainBeforeTheComplete(String kind) throws Exception {
        EVENTS.clear();
        ended = new CountDownLatch(1);
        String raw = "GET /orders/4471 HTTP/1.1\nHost: shop.example\nConnection: close\n\n";
        String response = apps.exchange(kind, raw);
        assertTrue(response.contains(EXPECTED), kind + ": " + response);
        assertTrue(ended.await(10, TimeUnit.SECONDS), kind + ": the async cycle ended " + EVENTS);
        int lastWrite = EVENTS.lastIndexOf("write");
        assertEquals(List.of("write", "flush", "complete"), EVENTS.subList(lastWrite, EVENTS.size()),
            kind + ": the last bytes flushed before the complete " + EVENTS);
    }
}
