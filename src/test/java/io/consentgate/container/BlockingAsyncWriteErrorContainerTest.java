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
 * An async page written with blocking I/O whose client is gone by the time it completes: ConsentGate writes the body
 * it held (all of it, for a page smaller than the buffer) when the application calls {@code complete()}, and the
 * container's stream throws. With blocking I/O no {@code onWritePossible} or write listener's {@code onError} ever
 * follows, so nothing may wait for one: the complete must reach the container at once, as it does without the
 * filter, not at the async timeout. A filter in front of ConsentGate plays the vanished client.
 */
class BlockingAsyncWriteErrorContainerTest {

    static final String PAGE = "<p>Booking 815 confirmed</p>"
        + "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-B815\"></script><p>See you soon</p>";
    static final BlockingQueue<String> EVENTS = new LinkedBlockingQueue<>();

    private static AsyncApps.OnBoth apps;

    /** In front of ConsentGate: a stream whose writes fail once the client is gone. */
    public static final class VanishingClient extends AsyncApps.StreamInFront {
        @Override
        ServletOutputStream inFront(ServletOutputStream container) {
            return new GoneStream(container);
        }
    }

    static final class GoneStream extends ServletOutputStream {
        private final ServletOutputStream real;
        volatile boolean gone;

        GoneStream(ServletOutputStream real) {
            this.real = real;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (gone) {
                throw new IOException("Broken pipe");
            }
            real.write(b, off, len);
        }

        @Override
        public boolean isReady() {
            return real.isReady();
        }

        @Override
        public void setWriteListener(WriteListener l) {
            real.setWriteListener(l);
        }
    }

    /** Writes the page on a thread of its own, then completes; the client left in between. */
    public static final class BookingServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            GoneStream client = (GoneStream) req.getAttribute(GoneStream.class.getName());
            AsyncContext ac = req.startAsync();
            ac.setTimeout(3000); // the bound when complete() never reaches the container
            ac.addListener(AsyncApps.recording(EVENTS));
            new Thread(() -> {
                try {
                    ac.getResponse().setContentType("text/html;charset=UTF-8");
                    ac.getResponse().getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    client.gone = true;
                    ac.complete();
                }
            }).start();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        apps = AsyncApps.OnBoth.start(BookingServlet.class, List.of(VanishingClient.class, ConsentGateFilter.class));
    }

    @AfterAll
    static void stop() throws Exception {
        apps.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aCompleteWhoseBodyCannotBeWrittenStillReachesTheContainer(String kind) throws Exception {
        EVENTS.clear();
        String raw = "GET /bookings/815 HTTP/1.1\nHost: travel.example\nConnection: close\n\n";
        long start = System.nanoTime();
        apps.exchange(kind, raw);
        // the container may send the end before it tells the listeners
        String ended = EVENTS.poll(5, TimeUnit.SECONDS);
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals("complete", ended, kind + ": the async cycle ended by complete(), not its timeout");
        assertTrue(EVENTS.isEmpty(), kind + ": nothing but complete() " + EVENTS);
        assertTrue(waitedMs < 2500, kind + ": answered after " + waitedMs + " ms");
    }
}
