package io.consentgate.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentDecision;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Embedded Jetty 12 (ee10) with a {@link LocalConnector}: the adapter as a filter, and Jetty's own request log. */
class JettyAccessLogTest {

    private Server server;
    private LocalConnector connector;
    private RecordingLogger sink;
    private final BlockingQueue<String> jettyLog = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        sink = new RecordingLogger(true, null);
        ServletAccessLog accessLog = ServletAccessLog.builder().format(AccessLogFormat.JSON).sink(sink).build();
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/html");
                resp.getWriter().write("<p>ok</p>");
            }
        }), "/*");
        Filter filter = (req, res, chain) -> {
            Instant start = Instant.now();
            try {
                chain.doFilter(req, res);
            } finally {
                accessLog.log((HttpServletRequest) req, (HttpServletResponse) res, ConsentDecision.refuseAll(),
                        start, -1);
            }
        };
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.setRequestLog((request, response) -> jettyLog.add(request.getAttribute(AccessLogAttributes.IP)
                + " " + request.getAttribute(AccessLogAttributes.USER_AGENT)));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void logsOneJsonLineWithoutTheRefusedFieldsAndJettysRequestLogSeesTheAttributes() throws Exception {
        String response = connector.getResponse("""
                GET /blog/post;jsessionid=node01abc?utm_campaign=x HTTP/1.1\r
                Host: blog.example\r
                User-Agent: Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)\r
                Referer: https://social.example/feed\r
                Cookie: JSESSIONID=node01abc\r
                Connection: close\r
                \r
                """);
        assertTrue(response.startsWith("HTTP/1.1 200"), response);

        String containerLine = jettyLog.poll(30, TimeUnit.SECONDS);
        assertNotNull(containerLine, "Jetty wrote no request log line");
        assertEquals(1, sink.events.size());
        String ours = sink.events.get(0).message();
        assertTrue(ours.contains("\"path\":\"/blog/post\""), ours);
        assertTrue(!ours.contains("utm_campaign") && !ours.contains("iPhone") && !ours.contains("social.example")
                && !ours.contains("node01abc"), ours);
        // LocalConnector reports 0.0.0.0 as the peer; the attribute carries the same masked value as our line
        assertEquals("0.0.0.0 -", containerLine);
        assertTrue(ours.contains("\"ip\":\"0.0.0.0\""), ours);
    }
}
