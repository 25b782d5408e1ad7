package io.consentgate.container;

import io.consentgate.ConsentGateFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's compression recipes: the container compresses after ConsentGate has rewritten the page, so a visitor
 * who refused gets a gzip body without the trackers (Tomcat's connector {@code compression="on"}, Jetty's
 * {@code GzipHandler} around the context), and one who consented gets them.
 */
class CompressionContainerTest {

    private static final String PAGE = """
            <!DOCTYPE html><html><head><title>Shop</title>
            <script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ9"></script>
            <script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}
            gtag('js',new Date());gtag('config','G-ABC123XYZ9');</script>
            </head><body><h1>Teas</h1>
            <noscript><img height="1" width="1" style="display:none"
            src="https://www.facebook.com/tr?id=123456789012345&ev=PageView&noscript=1"/></noscript>
            <p>%s</p></body></html>
            """.formatted("Darjeeling, Assam and Sencha from small gardens. ".repeat(40));

    /** Serves {@link #PAGE} as any application would. */
    public static final class PageServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write(PAGE);
        }
    }

    /**
     * Compresses {@link #PAGE} itself, inside ConsentGate, as an application serving precompressed files does;
     * {@code /own-tk} also states its own tracking status, as an application that renders by the decision may.
     */
    public static final class SelfCompressingServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getRequestURI().equals("/own-tk")) {
                resp.setHeader("Tk", "N");
            }
            resp.setContentType("text/html;charset=UTF-8");
            if (req.getRequestURI().equals("/plain")) {
                resp.getWriter().write(PAGE);
                return;
            }
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(PAGE.getBytes(StandardCharsets.UTF_8));
            }
            resp.setHeader("Content-Encoding", "gzip");
            resp.getOutputStream().write(gz.toByteArray());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void aPageTheApplicationCompressedPassesWithItsTrackersAndTellsTheVisitorSo(String kind) throws Exception {
        try (Started app = start(kind, Map.of())) {
            HttpResponse<byte[]> r = get(app.port(), "/gz", "");
            assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
            assertTrue(gunzip(r.body()).contains("googletagmanager.com"), "not rewritten: it passes as sent");
            // TPE: D (disregarding) -- the refusal is not honoured in this response; N would be a false claim.
            assertEquals("D", r.headers().firstValue("Tk").orElse(""));
            assertEquals("N", get(app.port(), "/plain", "").headers().firstValue("Tk").orElse(""),
                    "a page ConsentGate rewrote is not tracking");
            assertEquals("N", get(app.port(), "/own-tk", "").headers().firstValue("Tk").orElse(""),
                    "the application's own Tk is never overridden");
            String consent = "cg_consent=1.functional+analytics+marketing.1." + System.currentTimeMillis() / 1000
                    + ".AAAAAAAAAAAAAAAAAAAAAA";
            assertEquals("C", get(app.port(), "/gz", consent).headers().firstValue("Tk").orElse(""),
                    "nothing refused: nothing disregarded");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void pagesAreNotClaimedUntrackedWhenHtmlRewritingIsOff(String kind) throws Exception {
        try (Started app = start(kind, Map.of("html-rewrite", "false"))) {
            HttpResponse<byte[]> r = get(app.port(), "/plain", "");
            assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("googletagmanager.com"));
            assertEquals("D", r.headers().firstValue("Tk").orElse(""));
            assertEquals("N", get(app.port(), "/own-tk", "").headers().firstValue("Tk").orElse(""));
            String status = new String(get(app.port(), "/.well-known/dnt/", "").body(), StandardCharsets.UTF_8);
            assertTrue(status.contains("\"tracking\":\"D\""), "the tracking status resource says the same: " + status);
        }
    }

    private record Started(int port, AutoCloseable server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    private static Started start(String kind, Map<String, String> params) throws Exception {
        if (kind.equals("jetty")) {
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler("/");
            context.addFilter(ConsentGateFilter.class.getName(), "/*", EnumSet.of(DispatcherType.REQUEST))
                    .getInitParameters().putAll(params);
            context.addServlet(SelfCompressingServlet.class, "/*");
            server.setHandler(context);
            server.start();
            return new Started(connector.getLocalPort(), server::stop);
        }
        Tomcat tomcat = TomcatContainer.onLoopback();
        Connector connector = tomcat.getConnector();
        Context ctx = tomcat.addContext("", null);
        FilterDef def = new FilterDef();
        def.setFilterName("consentgate");
        def.setFilterClass(ConsentGateFilter.class.getName());
        params.forEach(def::addInitParameter);
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("consentgate");
        map.addURLPattern("/*");
        ctx.addFilterMap(map);
        Tomcat.addServlet(ctx, "page", SelfCompressingServlet.class.getName());
        ctx.addServletMappingDecoded("/*", "page");
        tomcat.start();
        return new Started(connector.getLocalPort(), () -> {
            tomcat.stop();
            tomcat.destroy();
        });
    }

    @Test
    void tomcatConnectorCompressionSendsTheRewrittenPageGzipped() throws Exception {
        Tomcat tomcat = TomcatContainer.onLoopback();
        Connector connector = tomcat.getConnector();
        connector.setProperty("compression", "on");
        connector.setProperty("compressionMinSize", "64");
        Context ctx = tomcat.addContext("", null);
        FilterDef def = new FilterDef();
        def.setFilterName("consentgate");
        def.setFilterClass(ConsentGateFilter.class.getName());
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("consentgate");
        map.addURLPattern("/*");
        ctx.addFilterMap(map);
        Wrapper w = Tomcat.addServlet(ctx, "page", PageServlet.class.getName());
        w.setLoadOnStartup(1);
        ctx.addServletMappingDecoded("/*", "page");
        tomcat.start();
        try {
            assertEnforcedThroughCompression(connector.getLocalPort());
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    @Test
    void jettyGzipHandlerSendsTheRewrittenPageGzipped() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(ConsentGateFilter.class.getName(), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(PageServlet.class, "/*");
        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(64);
        gzip.setHandler(context);
        server.setHandler(gzip);
        server.start();
        try {
            assertEnforcedThroughCompression(connector.getLocalPort());
        } finally {
            server.stop();
        }
    }

    private static void assertEnforcedThroughCompression(int port) throws Exception {
        HttpResponse<byte[]> refused = get(port, "");
        assertEquals("gzip", refused.headers().firstValue("Content-Encoding").orElse(""), "compressed");
        String page = gunzip(refused.body());
        assertFalse(page.contains("googletagmanager.com"), page);
        assertFalse(page.contains("facebook.com/tr"), page);
        assertTrue(page.contains("<h1>Teas</h1>") && page.contains("small gardens"), page);
        assertEquals("N", refused.headers().firstValue("Tk").orElse(""));

        String consent = "cg_consent=1.functional+analytics+marketing.1." + System.currentTimeMillis() / 1000
                + ".AAAAAAAAAAAAAAAAAAAAAA";
        HttpResponse<byte[]> allowed = get(port, consent);
        assertEquals("gzip", allowed.headers().firstValue("Content-Encoding").orElse(""), "compressed");
        assertEquals(PAGE, gunzip(allowed.body()), "with consent the page is sent as written");
    }

    private static HttpResponse<byte[]> get(int port, String cookie) throws Exception {
        return get(port, "/shop", cookie);
    }

    private static HttpResponse<byte[]> get(int port, String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Encoding", "gzip");
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
