package io.consentgate.container;

import io.consentgate.ConsentDecision;
import io.consentgate.ConsentGateFilter;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.RewriteStream;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the container's stream receives from ConsentGate when it rewrites a page, seen by a filter in front of it on
 * Jetty 12 and Tomcat 11: the rewriter emits a page as many pieces (the bytes between the elements it removes), and
 * they must reach the container as full blocks of its buffer size, not one write each (every write past the
 * container's buffer is a socket write), while a flush still sends everything decided so far.
 */
class ContainerWritesTest {

    /** Container writes in order, as their lengths; {@link #FLUSH} marks a flush. */
    static final Queue<Integer> WRITES = new ConcurrentLinkedQueue<>();
    static final int FLUSH = -1;
    static final byte[] PAGE = page();

    private static Server jetty;
    private static LocalConnector jettyConnector;
    private static Tomcat tomcat;
    private static int tomcatPort;

    /** A product listing with a tracker in every card: the rewriter cuts it into hundreds of pieces. */
    static byte[] page() {
        StringBuilder b = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Garden tools</title>
                <link rel="preconnect" href="https://www.googletagmanager.com">
                <link rel="stylesheet" href="/css/shop.css">
                </head><body><main class="grid">
                """);
        for (int i = 0; i < 400; i++) {
            b.append("<article class=\"card\" data-sku=\"GT-").append(1000 + i).append("\">\n")
                    .append("  <a href=\"/p/").append(i)
                    .append("\" ping=\"https://www.google-analytics.com/collect?v=1&t=event\">")
                    .append("<img src=\"/img/p").append(i).append(".jpg\" alt=\"Trowel ").append(i).append("\"></a>\n")
                    .append("  <h2>Hand trowel, size ").append(i % 7).append("</h2><p class=\"price\">")
                    .append(9 + i % 40).append(".95 EUR</p>\n")
                    .append("  <img src=\"https://px.ads.linkedin.com/collect/?pid=51234&fmt=gif&sku=").append(i)
                    .append("\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none\">\n</article>\n");
        }
        b.append("</main><footer><p>Garden tools since 1962</p></footer></body></html>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What ConsentGate's own rewriter makes of {@code page[0..end)} for a visitor without consent, then flushed. */
    static byte[] rewritten(int end, boolean finish) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RewriteStream s = HtmlRewriter.builder(TrackerCatalog.bundled()).build()
                .open(ConsentDecision.refuseAll(), StandardCharsets.UTF_8, out, null);
        s.write(PAGE, 0, end);
        if (finish) {
            s.finish();
        } else {
            s.flush();
        }
        return out.toByteArray();
    }

    /** In front of ConsentGate: records every write and flush the container's stream gets. */
    public static final class WriteRecorder implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            HttpServletResponse container = (HttpServletResponse) res;
            chain.doFilter(req, new HttpServletResponseWrapper(container) {
                private ServletOutputStream recording;

                @Override
                public ServletOutputStream getOutputStream() throws IOException {
                    if (recording == null) {
                        ServletOutputStream real = container.getOutputStream();
                        recording = new ServletOutputStream() {
                            @Override
                            public void write(int b) throws IOException {
                                WRITES.add(1);
                                real.write(b);
                            }

                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                WRITES.add(len);
                                real.write(b, off, len);
                            }

                            @Override
                            public void flush() throws IOException {
                                WRITES.add(FLUSH);
                                real.flush();
                            }

                            @Override
                            public void close() throws IOException {
                                real.close();
                            }

                            @Override
                            public boolean isReady() {
                                return real.isReady();
                            }

                            @Override
                            public void setWriteListener(WriteListener l) {
                                real.setWriteListener(l);
                            }
                        };
                    }
                    return recording;
                }
            });
        }
    }

    /**
     * Writes {@link #PAGE} in {@code parts} equal application writes (default one), flushing after each but the last
     * when {@code flush} is set; reports the container's buffer size in a header.
     */
    public static final class PageServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.setHeader("X-Buffer-Size", Integer.toString(resp.getBufferSize()));
            int parts = req.getParameter("parts") == null ? 1 : Integer.parseInt(req.getParameter("parts"));
            boolean flush = req.getParameter("flush") != null;
            ServletOutputStream out = resp.getOutputStream();
            for (int i = 0; i < parts; i++) {
                int from = PAGE.length * i / parts;
                int to = PAGE.length * (i + 1) / parts;
                out.write(PAGE, from, to - from);
                if (flush && i < parts - 1) {
                    out.flush();
                }
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        jetty = new Server();
        jettyConnector = new LocalConnector(jetty);
        jetty.addConnector(jettyConnector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(WriteRecorder.class, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(ConsentGateFilter.class.getName(), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(PageServlet.class, "/*");
        jetty.setHandler(context);
        jetty.start();

        tomcat = TomcatContainer.onLoopback();
        Context ctx = tomcat.addContext("", null);
        for (Class<?> filter : List.of(WriteRecorder.class, ConsentGateFilter.class)) {
            FilterDef def = new FilterDef();
            def.setFilterName(filter.getSimpleName());
            def.setFilterClass(filter.getName());
            ctx.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName(filter.getSimpleName());
            map.addURLPattern("/*");
            ctx.addFilterMap(map);
        }
        Tomcat.addServlet(ctx, "page", PageServlet.class.getName());
        ctx.addServletMappingDecoded("/*", "page");
        tomcat.start();
        tomcatPort = tomcat.getConnector().getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
        tomcat.stop();
        tomcat.destroy();
    }

    /** The response to {@code GET target}, and the container writes it took. */
    private static Exchange get(String kind, String target) throws Exception {
        WRITES.clear();
        String raw = "GET " + target + " HTTP/1.1\nHost: shop.example\nConnection: close\n\n";
        String response = kind.equals("jetty") ? jettyConnector.getResponse(Container.crlf(raw))
                : Container.exchangeOverSocket(tomcatPort, raw);
        return new Exchange(response, new ArrayList<>(WRITES));
    }

    record Exchange(String raw, List<Integer> writes) {
        int bufferSize() {
            String head = raw.substring(0, raw.indexOf("\r\n\r\n"));
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "X-Buffer-Size:", 0, 14)) {
                    return Integer.parseInt(line.substring(14).trim());
                }
            }
            throw new AssertionError("no X-Buffer-Size in " + head);
        }

        /** The body, de-chunked if chunked (with {@code Connection: close} Jetty ends it by closing instead). */
        byte[] body() {
            String rest = raw.substring(raw.indexOf("\r\n\r\n") + 4);
            if (!raw.substring(0, raw.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT)
                    .contains("transfer-encoding: chunked")) {
                return rest.getBytes(StandardCharsets.ISO_8859_1);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int p = 0;
            while (true) {
                int eol = rest.indexOf("\r\n", p);
                int size = Integer.parseInt(rest.substring(p, eol).trim(), 16);
                if (size == 0) {
                    return body.toByteArray();
                }
                body.write(rest.substring(eol + 2, eol + 2 + size).getBytes(StandardCharsets.ISO_8859_1), 0, size);
                p = eol + 2 + size + 2;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aRewrittenPageReachesTheContainerInFullBlocksOfItsBufferSize(String kind) throws Exception {
        Exchange e = get(kind, "/shop");
        byte[] expected = rewritten(PAGE.length, true);
        assertArrayEquals(expected, e.body());
        int block = e.bufferSize();
        List<Integer> writes = e.writes().stream().filter(n -> n != FLUSH).toList();
        assertEquals(expected.length, writes.stream().mapToInt(Integer::intValue).sum());
        // hundreds of pieces, but as many writes as there are blocks of the container's buffer size
        assertEquals((expected.length + block - 1) / block, writes.size(), kind + ": " + writes);
        for (int i = 0; i < writes.size() - 1; i++) {
            assertEquals(block, writes.get(i), kind + ": write " + i + " of " + writes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aFlushSendsEverythingDecidedSoFar(String kind) throws Exception {
        int parts = 5;
        Exchange e = get(kind, "/shop?parts=" + parts + "&flush");
        assertArrayEquals(rewritten(PAGE.length, true), e.body());
        int sent = 0;
        int flushes = 0;
        for (int n : e.writes()) {
            if (n != FLUSH) {
                sent += n;
                continue;
            }
            flushes++;
            // at the application's flush the container has what the rewriter decides of the bytes written so far
            assertEquals(rewritten(PAGE.length * flushes / parts, false).length, sent,
                    kind + ": at flush " + flushes + " of " + e.writes());
        }
        assertTrue(flushes >= parts - 1, kind + ": " + e.writes());
    }
}
