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
import java.util.List;
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
    static final String SCRIPT = "window.dataLayer = window.dataLayer || [];\n";
    /** Bytes of a video, served by a servlet at an extension-less URI. */
    static final byte[] CLIP = "\0\0\0\u0018ftypmp42 isommp42 and then the frames".getBytes(StandardCharsets.ISO_8859_1);
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

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void aNotModifiedSentAsAnErrorKeepsTheCachingHeadersOfItsPage(String kind) throws Exception {
        int port = start(kind, TaggingServlet.class);
        HttpResponse<String> page = send(port, "/cached", "GET", Map.of());
        assertFalse(page.body().contains("googletagmanager.com"), page.body());
        HttpResponse<String> r = send(port, "/cached", "GET",
                Map.of("If-None-Match", page.headers().firstValue("ETag").orElseThrow()));
        assertEquals(304, r.statusCode());
        assertEquals("", r.body());
        assertEquals(page.headers().firstValue("ETag"), r.headers().firstValue("ETag"));
        // RFC 9110 15.4.5: a 304 carries the Vary and Cache-Control its 200 would have carried.
        for (String name : List.of("Vary", "Cache-Control", "Tk")) {
            assertEquals(page.headers().allValues(name), r.headers().allValues(name), name);
        }
        assertTrue(r.headers().firstValue("Content-Length").orElse("0").equals("0"), r.headers().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void aFilterThatHashesTheBodyConfirmsOnlyTheSameDecisionsCopy(String kind) throws Exception {
        int port = start(kind, LastModifiedServlet.class);
        HttpResponse<String> consented = send(port, "/hashed/", "GET", Map.of("Cookie", CONSENTED));
        assertEquals(PAGE, consented.body());
        String consentedTag = consented.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> refused = send(port, "/hashed/", "GET", Map.of("If-None-Match", consentedTag));
        assertEquals(200, refused.statusCode());
        assertFalse(refused.body().contains("googletagmanager.com"), refused.body());
        String refusedTag = refused.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = send(port, "/hashed/", "GET", Map.of("If-None-Match", refusedTag));
        assertEquals(304, again.statusCode());
        assertEquals(refusedTag, again.headers().firstValue("ETag").orElseThrow());
        assertEquals(304, send(port, "/hashed/", "GET", Map.of("Cookie", CONSENTED, "If-None-Match", consentedTag))
                .statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void anErrorPageForAPageThatHadSetItsTagNamesTheDecisionOnce(String kind) throws Exception {
        int port = start(kind, TaggingServlet.class);
        HttpResponse<String> r = send(port, "/missing", "GET", Map.of());
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("Not here"), r.body());
        assertFalse(r.body().contains("googletagmanager.com"), r.body());
        for (String tag : r.headers().allValues("ETag")) {
            assertFalse(tag.matches(".*\\.cg[0-9a-f]+[swl]\\.cg.*"), "suffixed twice: " + tag);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void aRangeOfARewrittenPageIsAnsweredWithTheWholePageAsRewritten(String kind) throws Exception {
        int port = start(kind, null);
        String page = send(port, "GET", Map.of()).body();
        for (String range : List.of("bytes=0-99,100-", "bytes=0-199", "bytes=40-")) {
            HttpResponse<String> r = send(port, "GET", Map.of("Range", range));
            assertEquals(200, r.statusCode(), range + ": no range of the page as written");
            assertEquals(page, r.body(), range);
            assertFalse(r.body().contains("googletagmanager.com"), range + ": " + r.body());
        }
        HttpResponse<String> stale = send(port, "GET", Map.of("Range", "bytes=40-", "If-Range", "W/\"303-1\""));
        assertEquals(page, stale.body(), "an If-Range with an old tag gets the whole page as rewritten");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void scriptsKeepTheirValidatorsAndRangesAndPagesAsWrittenKeepTheirRanges(String kind) throws Exception {
        int port = start(kind, null);
        Files.writeString(docroot.resolve("app.js"), SCRIPT);
        HttpResponse<String> js = send(port, "/app.js", "GET", Map.of());
        String tag = js.headers().firstValue("ETag").orElseThrow();
        assertFalse(tag.contains(".cg"), tag);
        HttpResponse<String> again = send(port, "/app.js", "GET", Map.of("If-None-Match", tag,
                "If-Modified-Since", js.headers().firstValue("Last-Modified").orElseThrow()));
        assertEquals(304, again.statusCode());
        assertEquals(tag, again.headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> slice = send(port, "/app.js", "GET", Map.of("Range", "bytes=0-8"));
        assertEquals(206, slice.statusCode());
        assertEquals(SCRIPT.substring(0, 9), slice.body());

        HttpResponse<String> consented = send(port, "GET", Map.of("Cookie", CONSENTED, "Range", "bytes=0-14"));
        assertEquals(206, consented.statusCode(), "the page as written: its ranges hold");
        assertEquals(PAGE.substring(0, 15), consented.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void reportOnlyAndARewriterThatIsOffLeaveValidatorsLengthsAndRangesAsTheApplicationSentThem(String kind)
            throws Exception {
        for (Map<String, String> params : List.of(Map.of("report-only", "true"), Map.of("html-rewrite", "false"))) {
            int port = start(kind, null, params);
            HttpResponse<String> consented = send(port, "GET", Map.of("Cookie", CONSENTED));
            HttpResponse<String> refused = send(port, "GET", Map.of());
            assertEquals(PAGE, refused.body(), params.toString());
            String tag = refused.headers().firstValue("ETag").orElseThrow();
            assertFalse(tag.contains(".cg"), params + " " + tag);
            assertEquals(consented.headers().firstValue("ETag"), refused.headers().firstValue("ETag"));
            assertEquals(304, send(port, "GET", Map.of("If-None-Match", tag)).statusCode(), params.toString());
            HttpResponse<String> head = send(port, "HEAD", Map.of());
            assertEquals(String.valueOf(PAGE.length()), head.headers().firstValue("Content-Length").orElse(""),
                    params.toString());
            HttpResponse<String> slice = send(port, "GET", Map.of("Range", "bytes=0-14"));
            assertEquals(206, slice.statusCode(), params.toString());
            assertEquals(PAGE.substring(0, 15), slice.body());
            server.close();
            server = null;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void anAsyncPageAndAPrivatePageFollowTheDecisionLikeAnyOther(String kind) throws Exception {
        int port = start(kind, TaggingServlet.class, Map.of("vary", "private"));
        for (String path : List.of("/async", "/page")) {
            HttpResponse<String> consented = send(port, path, "GET", Map.of("Cookie", CONSENTED));
            assertEquals(PAGE, consented.body());
            String consentedTag = consented.headers().firstValue("ETag").orElseThrow();
            assertEquals("\"v42.cgfs\"", consentedTag, path);
            HttpResponse<String> refused = send(port, path, "GET", Map.of("If-None-Match", consentedTag));
            assertEquals(200, refused.statusCode(), path);
            assertFalse(refused.body().contains("googletagmanager.com"), refused.body());
            String refusedTag = refused.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = send(port, path, "GET", Map.of("If-None-Match", refusedTag));
            assertEquals(304, again.statusCode(), path);
            assertEquals(refusedTag, again.headers().firstValue("ETag").orElseThrow(), path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void privateModeLeavesAnApplicationsOwnCacheControlAndAddsPrivateOnlyWhereItSetNone(String kind)
            throws Exception {
        int port = start(kind, TaggingServlet.class, Map.of("vary", "private"));
        // Spring Security writes its Cache-Control only where none is set: ConsentGate must not set one first.
        HttpResponse<String> account = send(port, "/account", "GET", Map.of());
        assertEquals(List.of("no-cache, no-store, max-age=0, must-revalidate"),
                account.headers().allValues("Cache-Control"));
        HttpResponse<String> page = send(port, "/page", "GET", Map.of());
        assertEquals(List.of("private"), page.headers().allValues("Cache-Control"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void anIfMatchSucceedsOnlyForThePageAsWrittenUnderTheSameDecision(String kind) throws Exception {
        int port = start(kind, TaggingServlet.class);
        String asWritten = send(port, "/page", "GET", Map.of("Cookie", CONSENTED)).headers().firstValue("ETag")
                .orElseThrow();
        String rewritten = send(port, "/page", "GET", Map.of()).headers().firstValue("ETag").orElseThrow();
        assertEquals(204, send(port, "/page", "PUT", Map.of("Cookie", CONSENTED, "If-Match", asWritten))
                .statusCode(), "the client holds the page as written");
        assertEquals(204, send(port, "/page", "PUT", Map.of("Cookie", CONSENTED, "If-Match", "\"v1\", " + asWritten))
                .statusCode());
        assertEquals(412, send(port, "/page", "PUT", Map.of("If-Match", rewritten)).statusCode(),
                "a weak tag never matches If-Match: the client holds the page without its trackers");
        assertEquals(412, send(port, "/page", "PUT", Map.of("If-Match", asWritten)).statusCode(),
                "this visitor is sent the page rewritten");
        assertEquals(204, send(port, "/page", "PUT", Map.of("If-Match", "*")).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void aSharedCacheKeysPagesOnTheRegionHeaderThatDecides(String kind) throws Exception {
        int port = start(kind, null, Map.of("mode", "opt-out", "region-header", "CF-IPCountry",
                "opt-in-regions", "DE"));
        HttpResponse<String> optOut = send(port, "GET", Map.of("CF-IPCountry", "US"));
        HttpResponse<String> optIn = send(port, "GET", Map.of("CF-IPCountry", "DE"));
        assertEquals(PAGE, optOut.body());
        assertFalse(optIn.body().contains("googletagmanager.com"), optIn.body());
        // Same Cookie, DNT and Sec-GPC: only the region tells the two apart, so a cache must key on it.
        for (HttpResponse<String> r : List.of(optOut, optIn)) {
            String vary = String.join(",", r.headers().allValues("Vary")).toLowerCase(java.util.Locale.ROOT);
            assertTrue(vary.contains("cf-ipcountry"), vary);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void validatorsSetAfterTheBodyOrTwiceStillNameTheDecision(String kind) throws Exception {
        int port = start(kind, TaggingServlet.class);
        HttpResponse<String> late = send(port, "/late", "GET", Map.of());
        assertFalse(late.body().contains("googletagmanager.com"), late.body());
        assertEquals(List.of("W/\"v43.cg1s\""), late.headers().allValues("ETag"));
        HttpResponse<String> dated = send(port, "/dated", "GET", Map.of());
        assertEquals(List.of("W/\"cg.cg1l\""), dated.headers().allValues("ETag"));
        assertEquals(200, send(port, "/dated", "GET", Map.of("Cookie", CONSENTED, "If-None-Match", "W/\"cg.cg1l\"",
                "If-Modified-Since", dated.headers().firstValue("Last-Modified").orElseThrow())).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void aRangeOfAPageForwardedToTheDefaultServletGetsTheWholePageAsRewritten(String kind) throws Exception {
        int port = start(kind, TaggingServlet.class);
        Files.createDirectories(docroot.resolve("static"));
        Files.writeString(docroot.resolve("static/index.html"), PAGE); // where Tomcat looks; Jetty takes the path info
        HttpResponse<String> whole = send(port, "/about", "GET", Map.of());
        assertEquals(200, whole.statusCode());
        assertFalse(whole.body().contains("googletagmanager.com"), whole.body());
        HttpResponse<String> r = send(port, "/about", "GET", Map.of("Range", "bytes=0-99,100-"));
        assertEquals(200, r.statusCode(), "no range of the page as written");
        assertEquals(whole.body(), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void aDocumentRequestForAPageThatImplementsRangesItselfGetsTheWholePageAsRewritten(String kind)
            throws Exception {
        int port = start(kind, TaggingServlet.class);
        String whole = send(port, "/about-us", "GET", Map.of()).body();
        assertFalse(whole.contains("googletagmanager.com"), whole);
        List<Map<String, String>> documentRequests = List.of(
                Map.of("Range", "bytes=0-199", "Sec-Fetch-Dest", "document"),
                Map.of("Range", "bytes=40-", "Sec-Fetch-Dest", "iframe"),
                // Plain HTTP: browsers send no Sec-Fetch-* there; a navigation accepts HTML.
                Map.of("Range", "bytes=0-199", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
                // Neither: a download tool resuming the page.
                Map.of("Range", "bytes=40-"));
        for (Map<String, String> headers : documentRequests) {
            HttpResponse<String> r = send(port, "/about-us", "GET", headers);
            assertEquals(200, r.statusCode(), headers + ": no slice of the page as written");
            assertEquals(whole, r.body(), headers.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void aPageForwardedToThroughTheServletContextGetsNoRangeOfThePageAsWritten(String kind) throws Exception {
        int port = start(kind, TaggingServlet.class);
        Files.createDirectories(docroot.resolve("static"));
        Files.writeString(docroot.resolve("static/index.html"), PAGE);
        String whole = send(port, "/context-forward", "GET", Map.of()).body();
        assertFalse(whole.contains("googletagmanager.com"), whole);
        HttpResponse<String> r = send(port, "/context-forward", "GET",
                Map.of("Range", "bytes=0-99,100-", "Sec-Fetch-Dest", "document"));
        assertEquals(200, r.statusCode(), "no range of the page as written");
        assertEquals(whole, r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void mediaAtAnExtensionlessUriKeepsItsRanges(String kind) throws Exception {
        int port = start(kind, TaggingServlet.class);
        for (Map<String, String> headers : List.of(
                Map.of("Range", "bytes=4-11", "Sec-Fetch-Dest", "video"),
                Map.of("Range", "bytes=4-11", "Sec-Fetch-Dest", "empty"),
                Map.of("Range", "bytes=4-11", "Accept", "video/webm,video/ogg,video/*;q=0.9"))) {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(withHeaders(port, "/media/clip", headers),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(206, r.statusCode(), headers.toString());
            assertEquals("bytes 4-11/" + CLIP.length, r.headers().firstValue("Content-Range").orElse(""));
            assertEquals(new String(CLIP, 4, 8, StandardCharsets.ISO_8859_1),
                    new String(r.body(), StandardCharsets.ISO_8859_1));
        }
    }

    private static HttpRequest withHeaders(int port, String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(b::header);
        return b.build();
    }

    private int start(String kind, Class<? extends HttpServlet> servlet) throws Exception {
        return start(kind, servlet, Map.of());
    }

    private int start(String kind, Class<? extends HttpServlet> servlet, Map<String, String> params)
            throws Exception {
        Files.writeString(docroot.resolve("index.html"), PAGE);
        return kind.equals("jetty") ? startJetty(servlet, params) : startTomcat(servlet, params);
    }

    private int startJetty(Class<? extends HttpServlet> servlet, Map<String, String> params) throws Exception {
        Server s = new Server();
        ServerConnector connector = new ServerConnector(s);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        s.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.setBaseResourceAsPath(docroot);
        org.eclipse.jetty.ee10.servlet.FilterHolder gate = context.addFilter(ConsentGateFilter.class, "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        gate.setAsyncSupported(true);
        params.forEach(gate::setInitParameter);
        context.addFilter(HashingEtagFilter.class, "/hashed/*", EnumSet.of(DispatcherType.REQUEST));
        org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler errors = new org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler();
        errors.addErrorPage(404, "/error");
        context.setErrorHandler(errors);
        if (servlet == null) {
            context.addServlet(org.eclipse.jetty.ee10.servlet.DefaultServlet.class, "/")
                    .setInitParameter("etags", "true");
        } else {
            context.addServlet(servlet, "/").setAsyncSupported(true);
            org.eclipse.jetty.ee10.servlet.ServletHolder files = context.addServlet(
                    org.eclipse.jetty.ee10.servlet.DefaultServlet.class, "/static/*");
            files.setInitParameter("pathInfoOnly", "true");
        }
        s.setHandler(context);
        s.start();
        server = s::stop;
        return connector.getLocalPort();
    }

    private int startTomcat(Class<? extends HttpServlet> servlet, Map<String, String> params) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("cg-tomcat-pre").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext("", docroot.toString());
        ctx.addMimeMapping("html", "text/html");
        ctx.addMimeMapping("js", "text/javascript");
        FilterDef def = new FilterDef();
        def.setFilterName("consentgate");
        def.setFilterClass(ConsentGateFilter.class.getName());
        def.setAsyncSupported("true");
        params.forEach(def::addInitParameter);
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("consentgate");
        map.addURLPattern("/*");
        map.setDispatcher(DispatcherType.REQUEST.name());
        map.setDispatcher(DispatcherType.ERROR.name());
        ctx.addFilterMap(map);
        FilterDef hashing = new FilterDef();
        hashing.setFilterName("hashing");
        hashing.setFilterClass(HashingEtagFilter.class.getName());
        ctx.addFilterDef(hashing);
        FilterMap hashingMap = new FilterMap();
        hashingMap.setFilterName("hashing");
        hashingMap.addURLPattern("/hashed/*");
        ctx.addFilterMap(hashingMap);
        org.apache.tomcat.util.descriptor.web.ErrorPage notFound = new org.apache.tomcat.util.descriptor.web.ErrorPage();
        notFound.setErrorCode(404);
        notFound.setLocation("/error");
        ctx.addErrorPage(notFound);
        Wrapper w = Tomcat.addServlet(ctx, "app", servlet == null ? new DefaultServlet()
                : servlet.getDeclaredConstructor().newInstance());
        w.setLoadOnStartup(1);
        w.setAsyncSupported(true);
        ctx.addServletMappingDecoded("/", "app");
        if (servlet != null) {
            Tomcat.addServlet(ctx, "files", new DefaultServlet());
            ctx.addServletMappingDecoded("/static/*", "files");
        }
        tomcat.start();
        server = () -> {
            tomcat.stop();
            tomcat.destroy();
        };
        return connector.getLocalPort();
    }

    static HttpResponse<String> send(int port, String method, Map<String, String> headers) throws Exception {
        return send(port, "/index.html", method, headers);
    }

    static HttpResponse<String> send(int port, String path, String method, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
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

    /**
     * Computes its tag and compares If-None-Match itself, as frameworks' {@code checkNotModified} do; takes a PUT
     * under If-Match, compared strongly.
     */
    public static final class TaggingServlet extends HttpServlet {
        @Override
        protected void doPut(HttpServletRequest req, HttpServletResponse resp) {
            String ifMatch = req.getHeader("If-Match");
            boolean matches = ifMatch == null || ifMatch.strip().equals("*");
            for (String t : ifMatch == null ? new String[0] : ifMatch.split(",")) {
                matches |= t.strip().equals("\"v42\"");
            }
            resp.setStatus(matches ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_PRECONDITION_FAILED);
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getRequestURI().equals("/error")) {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write("<!DOCTYPE html><title>Not here</title>"
                        + "<script src=\"https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ9\"></script>");
                return;
            }
            if (req.getRequestURI().equals("/account")) {
                if (!resp.containsHeader("Cache-Control")) {
                    resp.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
                }
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write("<!DOCTYPE html><title>Your orders</title><p>Order 1042</p>");
                return;
            }
            if (req.getRequestURI().equals("/async")) {
                jakarta.servlet.AsyncContext async = req.startAsync();
                async.start(() -> {
                    try {
                        answer(req, (HttpServletResponse) async.getResponse());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    async.complete();
                });
                return;
            }
            if (req.getRequestURI().equals("/about")) {
                try {
                    req.getRequestDispatcher("/static/index.html").forward(req, resp);
                } catch (jakarta.servlet.ServletException e) {
                    throw new IOException(e);
                }
                return;
            }
            if (req.getRequestURI().equals("/about-us")) {
                RangedServlet.serve(req, resp, "text/html;charset=UTF-8", PAGE.getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (req.getRequestURI().equals("/media/clip")) {
                RangedServlet.serve(req, resp, "video/mp4", CLIP);
                return;
            }
            if (req.getRequestURI().equals("/context-forward")) {
                try {
                    req.getServletContext().getRequestDispatcher("/static/index.html").forward(req, resp);
                } catch (jakarta.servlet.ServletException e) {
                    throw new IOException(e);
                }
                return;
            }
            if (req.getRequestURI().equals("/late")) {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write(PAGE);
                resp.addHeader("ETag", "\"v43\"");
                resp.addHeader("ETag", "\"v43\"");
                return;
            }
            if (req.getRequestURI().equals("/dated")) {
                resp.setContentType("text/html;charset=UTF-8");
                resp.setDateHeader("Last-Modified", MODIFIED);
                resp.getWriter().write(PAGE);
                return;
            }
            answer(req, resp);
        }

        private static void answer(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setHeader("ETag", "\"v42\"");
            if (req.getRequestURI().equals("/missing")) {
                resp.setContentType("text/html;charset=UTF-8");
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String inm = req.getHeader("If-None-Match");
            if (inm != null) {
                for (String t : inm.split(",")) {
                    String tag = t.strip();
                    if ((tag.startsWith("W/") ? tag.substring(2) : tag).equals("\"v42\"")) {
                        if (req.getRequestURI().equals("/cached")) {
                            resp.setHeader("Cache-Control", "max-age=60");
                            resp.sendError(HttpServletResponse.SC_NOT_MODIFIED);
                            resp.getWriter().write("after the 304"); // ignored, as after any sendError
                            return;
                        }
                        resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                        return;
                    }
                }
            }
            if (req.getRequestURI().equals("/cached")) {
                resp.setHeader("Cache-Control", "max-age=60");
            }
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write(PAGE);
        }
    }

    /** Answers one {@code bytes=first-last} or {@code bytes=first-} range itself, as download and media servlets do. */
    static final class RangedServlet {
        private RangedServlet() {
        }

        static void serve(HttpServletRequest req, HttpServletResponse resp, String type, byte[] body)
                throws IOException {
            resp.setContentType(type);
            resp.setHeader("Accept-Ranges", "bytes");
            String range = req.getHeader("Range");
            java.util.regex.Matcher m = range == null ? null
                    : java.util.regex.Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range);
            if (m == null || !m.matches()) {
                resp.setContentLength(body.length);
                resp.getOutputStream().write(body);
                return;
            }
            int first = Integer.parseInt(m.group(1));
            int last = m.group(2).isEmpty() ? body.length - 1 : Math.min(body.length - 1, Integer.parseInt(m.group(2)));
            resp.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            resp.setHeader("Content-Range", "bytes " + first + "-" + last + "/" + body.length);
            resp.setContentLength(last - first + 1);
            resp.getOutputStream().write(body, first, last - first + 1);
        }
    }

    /**
     * Tags a page with a hash of its body and answers {@code If-None-Match} itself, mapped inside ConsentGate, as
     * Spring's shallow ETag filter is when registered after it: it hashes the page as written.
     */
    public static final class HashingEtagFilter implements jakarta.servlet.Filter {
        @Override
        public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse resp,
                             jakarta.servlet.FilterChain chain) throws IOException, jakarta.servlet.ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) resp;
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            java.io.PrintWriter writer = new java.io.PrintWriter(
                    new java.io.OutputStreamWriter(body, StandardCharsets.UTF_8));
            chain.doFilter(req, new jakarta.servlet.http.HttpServletResponseWrapper(response) {
                @Override
                public java.io.PrintWriter getWriter() {
                    return writer;
                }
            });
            writer.flush();
            String tag;
            try {
                byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(body.toByteArray());
                tag = "\"0" + java.util.HexFormat.of().formatHex(md5) + '"';
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            response.setHeader("ETag", tag);
            String inm = request.getHeader("If-None-Match");
            if (inm != null) {
                for (String t : inm.split(",")) {
                    String sent = t.strip();
                    if ((sent.startsWith("W/") ? sent.substring(2) : sent).equals(tag)) {
                        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                        return;
                    }
                }
            }
            response.setContentLength(body.size());
            response.getOutputStream().write(body.toByteArray());
        }
    }
}
