package io.consentgate.container;

import io.consentgate.ConsentGateFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conditional requests on pages whose validators follow the decision, answered by applications that validate in the
 * ways real ones do: {@link HttpServlet#getLastModified}, a servlet that compares {@code If-None-Match} with the tag it
 * computes, and the containers' default servlets with {@code Range}.
 */
class ValidatorPreconditionsContainerTest {

    static final String PAGE = """
            <!DOCTYPE html><html><head><title>Teas</title>
            <script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ9"></script>
            </head><body><h1>Teas</h1>
            <img src="https://www.facebook.com/tr?id=123456789012345&amp;ev=PageView" width="1" height="1" alt="">
            <p>Sencha and Assam.</p></body></html>
            """;
    static final String CONSENTED = "cg_consent=1.functional+analytics+marketing.1."
            + System.currentTimeMillis() / 1000 + ".AAAAAAAAAAAAAAAAAAAAAA";
    /** 2026-01-05T10:00:00Z, whole seconds as HTTP dates carry them. */
    static final long MODIFIED = 1_767_607_200_000L;

    @TempDir
    Path docroot;
    private AutoCloseable server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void aServletValidatedByGetLastModifiedDoesNotConfirmACopyFromAnotherDecision(String kind) throws Exception {
        int port = start(kind, LastModifiedServlet.class);
        HttpResponse<String> consented = send(port, "GET", Map.of("Cookie", CONSENTED));
        assertEquals(PAGE, consented.body());
        String tag = consented.headers().firstValue("ETag").orElseThrow();
        String lastModified = consented.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<String> withdrawn = send(port, "GET",
                Map.of("If-None-Match", tag, "If-Modified-Since", lastModified));
        assertEquals(200, withdrawn.statusCode(), "a 304 would keep the copy with its trackers");
        assertFalse(withdrawn.body().contains("googletagmanager.com"), withdrawn.body());

        String refusedTag = withdrawn.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, send(port, "GET", Map.of("If-None-Match", refusedTag, "If-Modified-Since", lastModified))
                .statusCode(), "the same decision's copy still holds");
    }


    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void aNotModifiedNamesTheCopyTheApplicationConfirmedAmongSeveralOfTheSameDecision(String kind) throws Exception {
        int port = start(kind, TaggingServlet.class);
        String current = send(port, "GET", Map.of()).headers().firstValue("ETag").orElseThrow();
        assertEquals("W/\"v42.cg1s\"", current);
        // A shared cache revalidates every copy it holds for this decision; it freshens the one the 304 names.
        HttpResponse<String> r = send(port, "GET", Map.of("If-None-Match", "W/\"v41.cg1s\", " + current));
        assertEquals(304, r.statusCode());
        assertEquals(current, r.headers().firstValue("ETag").orElseThrow(), "not the superseded v41 copy");
    }

    private int start(String kind, Class<? extends HttpServlet> servlet) throws Exception {
        Files.writeString(docroot.resolve("index.html"), PAGE);
        return kind.equals("jetty") ? startJetty(servlet) : startTomcat(servlet);
    }

    private int startJetty(Class<? extends HttpServlet> servlet) throws Exception {
        Server s = new Server();
        ServerConnector connector = new ServerConnector(s);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        s.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.setBaseResourceAsPath(docroot);
        context.addFilter(ConsentGateFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        if (servlet == null) {
            context.addServlet(org.eclipse.jetty.ee10.servlet.DefaultServlet.class, "/")
                    .setInitParameter("etags", "true");
        } else {
            context.addServlet(servlet, "/");
        }
        s.setHandler(context);
        s.start();
        server = s::stop;
        return connector.getLocalPort();
    }

    private int startTomcat(Class<? extends HttpServlet> servlet) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("cg-tomcat-pre").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext("", docroot.toString());
        ctx.addMimeMapping("html", "text/html");
        FilterDef def = new FilterDef();
        def.setFilterName("consentgate");
        def.setFilterClass(ConsentGateFilter.class.getName());
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("consentgate");
        map.addURLPattern("/*");
        map.setDispatcher(DispatcherType.REQUEST.name());
        map.setDispatcher(DispatcherType.ERROR.name());
        ctx.addFilterMap(map);
        Wrapper w = Tomcat.addServlet(ctx, "app", servlet == null ? new DefaultServlet()
                : servlet.getDeclaredConstructor().newInstance());
        w.setLoadOnStartup(1);
        ctx.addServletMappingDecoded("/", "app");
        tomcat.start();
        server = () -> {
            tomcat.stop();
            tomcat.destroy();
        };
        return connector.getLocalPort();
    }

    static HttpResponse<String> send(int port, String method, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html"))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The classic servlet way to support conditional GETs: {@link HttpServlet} answers If-Modified-Since itself. */
    public static final class LastModifiedServlet extends HttpServlet {
        @Override
        protected long getLastModified(HttpServletRequest req) {
            return MODIFIED;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write(PAGE);
        }
    }

    /** Computes its tag and compares If-None-Match itself, as frameworks' {@code checkNotModified} do. */
    public static final class TaggingServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setHeader("ETag", "\"v42\"");
            String inm = req.getHeader("If-None-Match");
            if (inm != null) {
                for (String t : inm.split(",")) {
                    String tag = t.strip();
                    if ((tag.startsWith("W/") ? tag.substring(2) : tag).equals("\"v42\"")) {
                        resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                        return;
                    }
                }
            }
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write(PAGE);
        }
    }
}
