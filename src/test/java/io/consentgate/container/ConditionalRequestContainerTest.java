package io.consentgate.container;

import io.consentgate.ConsentGateFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A static page served by the container's own default servlet, revalidated by a browser after the visitor's choice
 * changed: the copy it holds from one decision is never confirmed by a {@code 304} under another (the visitor who
 * withdrew would keep the trackers), while a copy from the same decision still is. Jetty without ETags validates by
 * {@code Last-Modified} only, Jetty with ETags and Tomcat by both.
 */
class ConditionalRequestContainerTest {

    private static final String PAGE = """
            <!DOCTYPE html><html><head><title>Teas</title>
            <script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ9"></script>
            </head><body><h1>Teas</h1>
            <img src="https://www.facebook.com/tr?id=123456789012345&amp;ev=PageView" width="1" height="1" alt="">
            <p>Sencha and Assam.</p></body></html>
            """;
    private static final String CONSENTED = "cg_consent=1.functional+analytics+marketing.1."
            + System.currentTimeMillis() / 1000 + ".AAAAAAAAAAAAAAAAAAAAAA";

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
    @ValueSource(strings = {"tomcat", "jetty-etags", "jetty"})
    void aCopyFromAnotherDecisionIsSentAgainAndOneFromTheSameIsConfirmed(String kind) throws Exception {
        int port = start(kind, false);

        HttpResponse<String> consented = get(port, CONSENTED, null);
        assertEquals(200, consented.statusCode());
        assertTrue(consented.body().contains("googletagmanager.com"), "consented: the page as written");
        String consentedTag = consented.headers().firstValue("ETag").orElseThrow();
        String lastModified = consented.headers().firstValue("Last-Modified").orElseThrow();

        // Withdrawn: the browser revalidates its consented copy; it must get the page without trackers.
        HttpResponse<String> withdrawn = get(port, null, consentedTag, lastModified);
        assertEquals(200, withdrawn.statusCode(), "a 304 would keep the copy with its trackers");
        assertFalse(withdrawn.body().contains("googletagmanager.com"), withdrawn.body());
        assertFalse(withdrawn.body().contains("facebook.com/tr"), withdrawn.body());
        String refusedTag = withdrawn.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(consentedTag, refusedTag);

        // The same decision again: the copy holds, and the 304 names it exactly as the 200 did.
        HttpResponse<String> again = get(port, null, refusedTag, lastModified);
        assertEquals(304, again.statusCode());
        assertEquals(refusedTag, again.headers().firstValue("ETag").orElseThrow());

        // Consent given again: the copy without trackers is replaced by the page as written.
        HttpResponse<String> regranted = get(port, CONSENTED, refusedTag, lastModified);
        assertEquals(200, regranted.statusCode(), "a 304 would keep the copy without the tags consented to");
        assertEquals(PAGE, regranted.body());
        HttpResponse<String> consentedAgain = get(port, CONSENTED, consentedTag, lastModified);
        assertEquals(304, consentedAgain.statusCode());
    }

    /**
     * A copy the browser cached before ConsentGate enforced here (installed later, or switched on after a time in
     * report-only mode) is the page as written, and its validators name no decision: a visitor who refuses something
     * gets the page again, rewritten, not a {@code 304} that would have the browser show the trackers. A visitor
     * allowed everything keeps the copy, and a stylesheet keeps its validators.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty-etags", "jetty"})
    void aCopyFromBeforeEnforcementIsSentAgainToAVisitorWhoRefusesSomething(String kind) throws Exception {
        int port = start(kind, false);
        Files.writeString(docroot.resolve("site.css"), "h1 { color: teal }");
        HttpResponse<String> consented = get(port, CONSENTED, null);
        String lastModified = consented.headers().firstValue("Last-Modified").orElseThrow();
        String tag = consented.headers().firstValue("ETag").orElseThrow();
        String bare = tag.replaceFirst("\\.cg[0-9a-f]+[sw]\"$", "\"");

        HttpResponse<String> byDate = get(port, null, null, lastModified);
        assertEquals(200, byDate.statusCode(), "a 304 would keep the copy with its trackers");
        assertFalse(byDate.body().contains("googletagmanager.com"), byDate.body());
        if (!bare.equals(tag)) {
            HttpResponse<String> byTag = get(port, null, bare, lastModified);
            assertEquals(200, byTag.statusCode(), "the application's own tag, from before: " + bare);
            assertFalse(byTag.body().contains("facebook.com/tr"), byTag.body());
            assertEquals(304, get(port, CONSENTED, bare, lastModified).statusCode());
        }
        assertEquals(304, get(port, CONSENTED, null, lastModified).statusCode());

        HttpResponse<String> css = get(port, "/site.css", null, null, null);
        assertEquals(200, css.statusCode());
        String cssModified = css.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, get(port, "/site.css", null, css.headers().firstValue("ETag").orElse(null), cssModified)
                .statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty-etags", "jetty"})
    void aNotModifiedCarriesTheVaryOfThePageItConfirms(String kind) throws Exception {
        int port = start(kind, false);
        HttpResponse<String> page = get(port, null, null);
        assertEquals(200, page.statusCode());
        List<String> vary = page.headers().allValues("Vary");
        assertTrue(String.join(",", vary).contains("Cookie"), "the page varies on the decision: " + vary);
        HttpResponse<String> again = get(port, null, page.headers().firstValue("ETag").orElseThrow(),
                page.headers().firstValue("Last-Modified").orElseThrow());
        assertEquals(304, again.statusCode());
        // A cache updates the stored response's headers from the 304 (RFC 9111 4.3.4): without Vary it would keep
        // serving one decision's copy to every visitor under whatever Vary it last stored.
        assertEquals(vary, again.headers().allValues("Vary"), "the 304 varies as its 200 does");
        assertEquals(page.headers().allValues("Tk"), again.headers().allValues("Tk"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty-etags"})
    void anApplicationTagSentBackUnderTheSameDecisionReachesTheApplicationAsItWroteIt(String kind) throws Exception {
        int port = start(kind, false);
        String refusedTag = get(port, null, null).headers().firstValue("ETag").orElseThrow();
        assertTrue(refusedTag.startsWith("W/\""), "rewritten: weak " + refusedTag);
        // Without Last-Modified only the tag can confirm the copy: the application must have recognised it.
        HttpResponse<String> again = get(port, null, refusedTag);
        assertEquals(304, again.statusCode());
        // A tag list in which another decision's tag comes first.
        String consentedTag = get(port, CONSENTED, null).headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get(port, null, consentedTag + ", " + refusedTag).statusCode());
        assertEquals(200, get(port, null, consentedTag).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void anOuterFilterThatAnnouncesCompressionBeforeTheChainDoesNotStopTheRewrite(String kind) throws Exception {
        int port = start(kind, true);
        HttpResponse<String> refused = get(port, null, null);
        assertEquals(200, refused.statusCode());
        assertEquals("x-test", refused.headers().firstValue("Content-Encoding").orElse(""));
        assertFalse(refused.body().contains("googletagmanager.com"), refused.body());
        assertTrue(refused.body().contains("<h1>Teas</h1>"), refused.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty-etags", "jetty"})
    void headAnswersWithTheHeadersOfTheGetItStandsFor(String kind) throws Exception {
        int port = start(kind, false);
        HttpResponse<String> get = get(port, null, null);
        HttpResponse<String> head = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        for (String name : List.of("ETag", "Vary", "Tk", "Permissions-Policy")) {
            assertEquals(get.headers().allValues(name), head.headers().allValues(name), name);
        }
        assertNotEquals(String.valueOf(PAGE.length()), head.headers().firstValue("Content-Length").orElse(""),
                "not the length of the page as written: the GET body is shorter");
    }

    private int start(String kind, boolean outerEncoding) throws Exception {
        Files.writeString(docroot.resolve("index.html"), PAGE);
        return kind.startsWith("jetty") ? startJetty(kind.equals("jetty-etags"), outerEncoding)
                : startTomcat(outerEncoding);
    }

    private int startJetty(boolean etags, boolean outerEncoding) throws Exception {
        Server s = new Server();
        ServerConnector connector = new ServerConnector(s);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        s.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.setBaseResourceAsPath(docroot);
        if (outerEncoding) {
            context.addFilter(AnnouncesEncoding.class, "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addFilter(ConsentGateFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST));
        ServletHolder holder = context.addServlet(org.eclipse.jetty.ee10.servlet.DefaultServlet.class, "/");
        holder.setInitParameter("etags", Boolean.toString(etags));
        s.setHandler(context);
        s.start();
        server = s::stop;
        return connector.getLocalPort();
    }

    private int startTomcat(boolean outerEncoding) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("cg-tomcat-304").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext("", docroot.toString());
        ctx.addMimeMapping("html", "text/html");
        ctx.addMimeMapping("css", "text/css"); // as the default web.xml maps it
        ctx.addWelcomeFile("index.html");
        if (outerEncoding) {
            addFilter(ctx, "encoding", AnnouncesEncoding.class.getName());
        }
        addFilter(ctx, "consentgate", ConsentGateFilter.class.getName());
        Wrapper w = Tomcat.addServlet(ctx, "default", new DefaultServlet());
        w.setLoadOnStartup(1);
        ctx.addServletMappingDecoded("/", "default");
        tomcat.start();
        server = () -> {
            tomcat.stop();
            tomcat.destroy();
        };
        return connector.getLocalPort();
    }

    private static void addFilter(Context ctx, String name, String className) {
        FilterDef def = new FilterDef();
        def.setFilterName(name);
        def.setFilterClass(className);
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName(name);
        map.addURLPattern("/*");
        ctx.addFilterMap(map);
    }

    /**
     * An outer filter that announces its encoding before the chain runs, as some compression filters do (this one
     * leaves the bytes as they are, so the test can read them): what ConsentGate receives is still plain HTML.
     */
    public static final class AnnouncesEncoding implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
                throws IOException, ServletException {
            ((HttpServletResponse) resp).setHeader("Content-Encoding", "x-test");
            chain.doFilter(req, resp);
        }
    }

    private static HttpResponse<String> get(int port, String cookie, String ifNoneMatch) throws Exception {
        return get(port, cookie, ifNoneMatch, null);
    }

    private static HttpResponse<String> get(int port, String cookie, String ifNoneMatch, String ifModifiedSince)
            throws Exception {
        return get(port, "/index.html", cookie, ifNoneMatch, ifModifiedSince);
    }

    private static HttpResponse<String> get(int port, String path, String cookie, String ifNoneMatch,
                                            String ifModifiedSince) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        if (ifModifiedSince != null) {
            b.header("If-Modified-Since", ifModifiedSince);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
