package io.consentgate.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentDecision;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.AbstractAccessLogValve;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedded Tomcat: the access log runs in a filter as the lead will wire it, and Tomcat's own access log valve
 * prints the {@link AccessLogAttributes} instead of the raw values.
 */
class TomcatAccessLogTest {

    /** Tomcat's access log, captured instead of written to a file. */
    static final class CapturingValve extends AbstractAccessLogValve {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        @Override
        protected void log(CharArrayWriter message) {
            lines.add(message.toString());
        }
    }

    /** Stands in for the ConsentGate filter: decision from a test header, access log in {@code finally}. */
    static final class AccessLogFilter implements Filter {
        final ServletAccessLog accessLog;

        AccessLogFilter(ServletAccessLog accessLog) {
            this.accessLog = accessLog;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            ConsentDecision decision = "all".equals(request.getHeader("X-Test-Consent"))
                    ? ConsentDecision.allowAll() : ConsentDecision.refuseAll();
            Instant start = Instant.now();
            try {
                chain.doFilter(req, res);
            } finally {
                accessLog.log(request, (HttpServletResponse) res, decision, start, 5);
            }
        }
    }

    @TempDir
    Path base;

    private Tomcat tomcat;
    private CapturingValve valve;
    private RecordingLogger sink;

    @BeforeEach
    void start() throws Exception {
        sink = new RecordingLogger(true, null);
        ServletAccessLog accessLog = ServletAccessLog.builder().trustedProxies(TrustedProxies.parse("127.0.0.0/8, ::1"))
                .sink(sink).build();
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(0);
        Context ctx = tomcat.addContext("", base.toString());
        Tomcat.addServlet(ctx, "hello", new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/plain");
                resp.getWriter().write("hello");
            }
        });
        ctx.addServletMappingDecoded("/*", "hello");
        FilterDef def = new FilterDef();
        def.setFilterName("accessLog");
        def.setFilter(new AccessLogFilter(accessLog));
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("accessLog");
        map.addURLPattern("/*");
        ctx.addFilterMap(map);
        valve = new CapturingValve();
        valve.setPattern("%{io.consentgate.log.ip}r \"%{io.consentgate.log.userAgent}r\""
                + " \"%{io.consentgate.log.referer}r\" %{io.consentgate.log.query}r");
        ctx.getPipeline().addValve(valve);
        tomcat.getConnector();
        tomcat.start();
    }

    @AfterEach
    void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    private String get(String target, String... headers) throws IOException {
        try (Socket s = new Socket("127.0.0.1", tomcat.getConnector().getLocalPort())) {
            StringBuilder req = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: shop.example\r\n");
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            req.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private String containerLine() throws InterruptedException {
        String line = valve.lines.poll(30, TimeUnit.SECONDS);
        assertNotNull(line, "Tomcat wrote no access log line");
        return line;
    }

    @Test
    void containerAccessLogPrintsOnlyMaskedAndAllowedValuesWhenAnalyticsIsRefused() throws Exception {
        String response = get("/shop/cart;jsessionid=ABCDEF0123?coupon=SPRING",
                "X-Forwarded-For: 198.51.100.23",
                "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
                "Referer: https://search.example/?q=shoes",
                "Cookie: JSESSIONID=ABCDEF0123",
                "Authorization: Basic dXNlcjpwYXNz");
        assertTrue(response.startsWith("HTTP/1.1 200"), response);

        assertEquals("198.51.100.0 \"-\" \"-\" -", containerLine());
        String ours = sink.events.get(0).message();
        assertTrue(ours.matches("198\\.51\\.100\\.0 - - \\[[^]]+] \"GET /shop/cart HTTP/1\\.1\" 200 5 \"-\" \"-\""),
                ours);
    }

    @Test
    void containerAccessLogPrintsAllowedValuesWhenAnalyticsIsAllowed() throws Exception {
        get("/shop/cart?coupon=SPRING", "X-Test-Consent: all", "User-Agent: Mozilla/5.0 Firefox/128.0",
                "Referer: https://search.example/?q=shoes");

        assertEquals("127.0.0.0 \"Mozilla/5.0 Firefox/128.0\" \"https://search.example/?q=shoes\" coupon=SPRING",
                containerLine());
        assertEquals(1, sink.events.size());
        assertTrue(AccessLogLineTest.GOACCESS_COMBINED.matcher(sink.events.get(0).message()).matches());
    }
}
