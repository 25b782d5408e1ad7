package io.consentgate.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentgate.ConsentGateFilter;
import io.consentgate.JacksonSlot;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container's threads outlive the web applications they serve. Jackson's default buffer pool keeps one buffer set
 * per thread in a {@code ThreadLocal}; had the filter used it, every request thread would hold a class of the
 * application's Jackson after an undeploy, and with it the application's whole class loader (Tomcat's leak check
 * names it on every redeploy). This test runs the filter's start-up and its JSON-handling requests on threads it
 * made, and reads Jackson's per-thread slot on each as the thread ends.
 */
class ContainerThreadBuffersTest {

    private static final String AMP_PAGE = """
            <!doctype html>
            <html amp lang="en">
            <head><meta charset="utf-8"><title>Match report</title>
            <script async src="https://cdn.ampproject.org/v0.js"></script></head>
            <body><h1>Late equaliser</h1>
            <amp-ad width="300" height="250" type="doubleclick" data-slot="/4119129/sport_amp"
              rtc-config='{"vendors": {"aps": {"PUB_ID": "600"}}, "timeoutMillis": 750}'></amp-ad>
            <p>Full time.</p></body></html>
            """;

    @TempDir
    Path dir;

    @Test
    void theJacksonSlotIsSeenWhenACallerUsesTheDefaultPool() throws Exception {
        ThreadWatch watch = new ThreadWatch();
        Thread t = watch.newThread(() -> {
            try {
                new ObjectMapper().readTree("{\"gpc\": true}");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        t.join();
        assertEquals(List.of(t.getName()), watch.holders(), "the check below would see nothing");
    }

    @Test
    void startUpAndRequestsLeaveNoJacksonBuffersOnTheContainersThreads() throws Exception {
        Path policy = dir.resolve("consentgate.yaml");
        Files.writeString(policy, """
                mode: opt-in
                honour-cmps: [klaro]
                klaro-services: {google-analytics: analytics}
                access-log: json
                consent-secret: "f3a9c1d27be04e5a8c6b19d0e2f47a35"
                gpc-last-update: "2026-11-01"
                """);
        ThreadWatch watch = new ThreadWatch();
        List<String> statuses = new CopyOnWriteArrayList<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        Thread deployment = watch.newThread(() -> {
            try {
                run(policy, watch, statuses, bodies);
            } catch (Exception e) {
                statuses.add("failed: " + e);
            }
        });
        deployment.start();
        deployment.join();
        watch.joinAll();

        assertEquals(List.of("200", "200", "200", "200", "200"), statuses);
        assertTrue(bodies.get(0).contains("\"gpc\""), bodies.get(0));
        assertTrue(bodies.get(1).contains("\"allowed\""), bodies.get(1));
        assertTrue(bodies.get(2).contains("allowed=[necessary, analytics]"), bodies.get(2));
        assertFalse(bodies.get(3).contains("<amp-ad"), "the refused ad with its callouts is removed");
        assertTrue(bodies.get(3).contains("<p>Full time.</p>"), bodies.get(3));
        assertTrue(bodies.get(4).contains("\"tracking\""), bodies.get(4));
        assertTrue(watch.started() > 1, "requests ran on the pool's threads");
        assertEquals(List.of(), watch.holders());
    }

    private static void run(Path policy, ThreadWatch watch, List<String> statuses, List<String> bodies)
            throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(16, 8, 60_000, 0, null, null, watch);
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        FilterHolder holder = context.addFilter(ConsentGateFilter.class.getName(), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        holder.setInitParameter("policy-file", "file:" + policy);
        context.addServlet(new ServletHolder(new AmpServlet()), "/match/*");
        context.addServlet(AppServlet.class, "/*");
        server.setHandler(context);
        server.start();
        try {
            String json = "{\"categories\": [\"analytics\"]}";
            String klaro = URLEncoder.encode("{\"google-analytics\":true}", StandardCharsets.UTF_8);
            for (String request : new String[] {
                "GET /.well-known/gpc.json HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "POST /consent HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + json.length() + "\r\n\r\n" + json,
                "GET /page HTTP/1.1\r\nHost: localhost\r\nCookie: klaro=" + klaro + "\r\n\r\n",
                "GET /match/report HTTP/1.1\r\nHost: localhost\r\nDNT: 1\r\n\r\n",
                "GET /.well-known/dnt/ HTTP/1.1\r\nHost: localhost\r\nDNT: 1\r\n\r\n",
            }) {
                String response = Container.exchangeOverSocket(connector.getLocalPort(), request);
                statuses.add(response.substring(9, 12));
                bodies.add(response.substring(response.indexOf("\r\n\r\n") + 4));
            }
        } finally {
            server.stop();
        }
    }

    /** Serves an AMP page whose ad makes real-time-config callouts (read with Jackson by the rewriter). */
    private static final class AmpServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write(AMP_PAGE);
        }
    }

    /** Makes threads, and notes each one that still holds a Jackson buffer set when its work ends. */
    private static final class ThreadWatch implements ThreadFactory {
        private final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final Set<String> holders = ConcurrentHashMap.newKeySet();

        @Override
        public Thread newThread(Runnable work) {
            Thread t = new Thread(() -> {
                try {
                    work.run();
                } finally {
                    if (JacksonSlot.held()) {
                        holders.add(Thread.currentThread().getName());
                    }
                }
            }, "watched-" + threads.size());
            threads.add(t);
            return t;
        }

        int started() {
            return threads.size();
        }

        void joinAll() throws InterruptedException {
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(30));
                assertFalse(t.isAlive(), t.getName() + " did not end");
            }
        }

        List<String> holders() {
            return new ArrayList<>(holders);
        }
    }
}
