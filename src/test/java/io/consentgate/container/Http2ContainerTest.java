package io.consentgate.container;

import io.consentgate.ConsentGateFilter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http2.Http2Protocol;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The response path over HTTP/2 cleartext (h2c), which operators commonly run: Jetty 12 with its
 * {@code HTTP2CServerConnectionFactory} beside HTTP/1.1, Tomcat with {@link Http2Protocol} as the connector's upgrade
 * protocol, both on loopback, ConsentGate registered as {@code web.xml} registers it. One {@link HttpClient} per
 * container upgrades its connection to h2c once; every exchange after that is a stream on that connection (the server
 * sees the same client port throughout). HTTP/2 frames the body by its DATA frames, so a {@code content-length} that
 * disagrees with them is a protocol error the client must reject: each one sent is checked against the body received.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Http2ContainerTest {

    private static final Path LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile",
            "target/slf4j-test.log"));
    /** Refuses everything but necessary: no consent cookie (opt-in, the default) and Global Privacy Control. */
    private static final Map<String, String> REFUSING = Map.of("Sec-GPC", "1");
    /** Allows everything: a stored consent to every category. */
    private static final Map<String, String> ALLOWING = Map.of("Cookie",
            "cg_consent=1.functional+analytics+marketing.1." + System.currentTimeMillis() / 1000
                    + ".AAAAAAAAAAAAAAAAAAAAAA");
    private static final String TAG = "\"cards-41\"";

    static final String HEAD = """
            <!doctype html>
            <html lang="de"><head><meta charset="utf-8"><title>Gartenger\u00e4te</title>
            <script async src="https://www.googletagmanager.com/gtag/js?id=G-7QX2M4PL0K"></script>
            <script>window.dataLayer = window.dataLayer || [];
              function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-7QX2M4PL0K');
            </script>
            <link rel='stylesheet' href='/assets/garden.css'>
            </head>
            <body class="shop"><header><a href="/">Gr\u00fcnzeug &amp; Co.</a></header><main>
            """;
    static final String TAIL = """
            </main>
            <noscript><img height="1" width="1" style="display:none"
              src="https://www.facebook.com/tr?id=918273645546372&ev=PageView&noscript=1"/></noscript>
            <footer><p>Seit 1962 &middot; Versand in 2&ndash;3 Tagen</p></footer></body></html>
            """;
    /** A page with a tracker in its head, in every card and at its end. */
    static final byte[] PAGE = page(12);
    /** The same page past 2 MB, written in many flushes. */
    static final byte[] BIG = page(11_000);

    private static final String WINDOW_SIZE = "jdk.httpclient.windowsize";
    private final Map<String, Server2> servers = new HashMap<>();
    /** Per container, an HTTP/2 client that reads with a small flow-control window. */
    private final Map<String, HttpClient> slowReaders = new HashMap<>();

    /** What the filter in front of ConsentGate saw come back from the chain: "returned" or the exception. */
    static final BlockingQueue<Object> OUTCOMES = new LinkedBlockingQueue<>();
    /** How often a page written with non-blocking I/O found the container not ready and was called back. */
    static final AtomicInteger STALLS = new AtomicInteger();
    /** What the write listener of a page written with non-blocking I/O was told in {@code onError}. */
    static final BlockingQueue<Throwable> ASYNC_ERRORS = new LinkedBlockingQueue<>();

    static byte[] page(int cards) {
        return (HEAD + cards(cards) + TAIL).getBytes(StandardCharsets.UTF_8);
    }

    static String cards(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append("<article class=\"card\" data-sku=\"GZ-").append(40_000 + i).append("\">\n  <a href=\"/p/")
                    .append(i).append("\" ping=\"https://www.google-analytics.com/g/collect?v=2&amp;en=click\">")
                    .append("<img src=\"/img/").append(i).append(".webp\" alt=\"Rosenschere ").append(i)
                    .append("\" loading=lazy></a>\n  <h2>Rosenschere Nr. ").append(i % 11)
                    .append("</h2><p class=price>").append(12 + i % 30).append(",90&nbsp;\u20ac</p>\n")
                    .append("  <img alt='' width=1 height=1 src='https://px.ads.linkedin.com/collect/?pid=48213")
                    .append("&amp;fmt=gif&amp;sku=").append(i).append("'>\n</article>\n");
        }
        return b.toString();
    }

    /**
     * The application. Every response says which protocol and client port the server saw. {@code /page}: the small
     * page with a tracking and a necessary cookie and an {@code ETag} it validates itself ({@code ?length}: with the
     * page's {@code Content-Length} set first, as applications that render to a buffer do); {@code /big}: the big page
     * in 32 KiB writes, each flushed; {@code /early}: the head flushed at once, the rest printed after;
     * {@code /endless}: cards flushed one block after the other until the client goes away (at most 64 MiB).
     */
    public static final class PageServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setHeader("X-Protocol", req.getProtocol());
            resp.setHeader("X-Client-Port", Integer.toString(req.getRemotePort()));
            resp.setContentType("text/html;charset=UTF-8");
            switch (req.getRequestURI()) {
                case "/hello" -> resp.getWriter().print("<!doctype html><p>Hallo</p>");
                case "/page" -> page(req, resp);
                case "/big" -> {
                    ServletOutputStream out = resp.getOutputStream();
                    for (int off = 0; off < BIG.length; off += 32 * 1024) {
                        out.write(BIG, off, Math.min(32 * 1024, BIG.length - off));
                        out.flush();
                    }
                }
                case "/early" -> {
                    if (req.getParameter("length") != null) {
                        resp.setContentLength(PAGE.length);
                    }
                    PrintWriter w = resp.getWriter();
                    String page = new String(PAGE, StandardCharsets.UTF_8);
                    int body = page.indexOf("<body");
                    w.print(page.substring(0, body));
                    w.flush();
                    for (String part : page.substring(body).split("(?=<article)")) {
                        w.print(part);
                    }
                }
                case "/async" -> nonBlocking(req, resp);
                case "/endless" -> {
                    // ?endless: cards flushed one block after the other until the client goes away (at most 64 MiB)
                    ServletOutputStream out = resp.getOutputStream();
                    out.write(HEAD.getBytes(StandardCharsets.UTF_8));
                    out.flush(); // written before the client can see a byte, and so cancel
                    byte[] cards = cards(40).getBytes(StandardCharsets.UTF_8);
                    for (int sent = 0; sent < 64 << 20; sent += cards.length) {
                        out.write(cards);
                        out.flush();
                    }
                }
                default -> resp.sendError(404);
            }
        }

        /**
         * The big page written with non-blocking I/O, 32 KiB whenever the container is ready, then complete;
         * {@code ?endless}: its head, then cards until the client goes away (at most 64 MiB).
         */
        private static void nonBlocking(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            boolean endless = req.getParameter("endless") != null;
            byte[] head = HEAD.getBytes(StandardCharsets.UTF_8);
            byte[] cards = cards(40).getBytes(StandardCharsets.UTF_8);
            AsyncContext async = req.startAsync();
            ServletOutputStream out = resp.getOutputStream();
            out.setWriteListener(new WriteListener() {
                private long off;

                @Override
                public void onWritePossible() throws IOException {
                    if (off > 0) {
                        STALLS.incrementAndGet();
                    }
                    while (out.isReady()) {
                        if (off == (endless ? 64 << 20 : BIG.length)) {
                            async.complete();
                            return;
                        }
                        if (endless) {
                            out.write(off == 0 ? head : cards);
                            off = off == 0 ? cards.length : off + cards.length;
                            continue;
                        }
                        int n = (int) Math.min(32 * 1024, BIG.length - off);
                        out.write(BIG, (int) off, n);
                        off += n;
                    }
                }

                @Override
                public void onError(Throwable t) {
                    ASYNC_ERRORS.add(t);
                    async.complete();
                }
            });
        }

        private static void page(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setHeader("ETag", TAG);
            String ifNoneMatch = req.getHeader("If-None-Match");
            if (ifNoneMatch != null) {
                for (String tag : ifNoneMatch.split(",")) {
                    String t = tag.trim();
                    if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(TAG)) {
                        resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                        return;
                    }
                }
            }
            Cookie ga = new Cookie("_ga", "GA1.1.90817263.1764720000");
            ga.setPath("/");
            ga.setMaxAge(63_072_000);
            resp.addCookie(ga);
            resp.addHeader("Set-Cookie", "basket=7f3a9c; Path=/; HttpOnly; SameSite=Lax");
            if (req.getParameter("length") != null) {
                resp.setContentLength(PAGE.length);
            }
            resp.getOutputStream().write(PAGE);
        }
    }

    /**
     * In front of ConsentGate: notes how a request to an endless page ended, once ConsentGate is done with it (its
     * access line written): the exception that left the chain, or, for one written with non-blocking I/O, the end of
     * its async cycle (this listener is added after ConsentGate's, so it hears of the end after it).
     */
    public static final class Outcome implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            boolean noted = req.getParameter("endless") != null;
            try {
                chain.doFilter(req, res);
            } catch (IOException | ServletException | RuntimeException | Error e) {
                if (noted) {
                    OUTCOMES.add(e);
                }
                throw e;
            }
            if (!noted) {
                return;
            }
            if (!req.isAsyncStarted()) {
                OUTCOMES.add("returned");
                return;
            }
            req.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    OUTCOMES.add(ASYNC_ERRORS.isEmpty() ? "completed" : ASYNC_ERRORS.poll());
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                    ASYNC_ERRORS.add(new AssertionError("async timeout"));
                }

                @Override
                public void onError(AsyncEvent event) {
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                }
            });
        }
    }

    /** A server on a loopback port and the HTTP/2 client whose one connection reaches it. */
    private record Server2(int port, HttpClient client, AutoCloseable server) {
    }

    @BeforeAll
    void start() throws Exception {
        servers.put("jetty", jetty());
        servers.put("tomcat", tomcat());
        for (String kind : servers.keySet()) {
            HttpResponse<byte[]> hello = get(kind, "/hello", Map.of());
            assertEquals(HttpClient.Version.HTTP_2, hello.version(), kind + ": upgraded to h2c");
        }
        // A client that grants each stream a 16 KiB window: the server may send no more until the client has read
        // it, so a big page stalls the container's stream (isReady() false) many times. The JDK reads the setting
        // when it opens a connection.
        String windowSize = System.getProperty(WINDOW_SIZE);
        System.setProperty(WINDOW_SIZE, Integer.toString(16 * 1024));
        try {
            for (String kind : servers.keySet()) {
                slowReaders.put(kind, client());
                HttpResponse<byte[]> hello = send(kind, slowReaders.get(kind),
                        request(kind, "/hello", Map.of()).GET().build());
                assertEquals(HttpClient.Version.HTTP_2, hello.version(), kind + ": upgraded to h2c");
            }
        } finally {
            if (windowSize == null) {
                System.clearProperty(WINDOW_SIZE);
            } else {
                System.setProperty(WINDOW_SIZE, windowSize);
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (Server2 s : servers.values()) {
            s.server().close();
        }
    }

    private static Server2 jetty() throws Exception {
        Server server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config),
                new HTTP2CServerConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(AsyncApps.jettyContext(PageServlet.class, List.of(Outcome.class, ConsentGateFilter.class),
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR)));
        server.start();
        return new Server2(connector.getLocalPort(), client(), server::stop);
    }

    private static Server2 tomcat() throws Exception {
        Tomcat tomcat = TomcatContainer.onLoopback();
        tomcat.getConnector().addUpgradeProtocol(new Http2Protocol());
        AsyncApps.tomcatContext(tomcat, PageServlet.class, List.of(Outcome.class, ConsentGateFilter.class),
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        tomcat.start();
        return new Server2(tomcat.getConnector().getLocalPort(), client(), () -> {
            tomcat.stop();
            tomcat.destroy();
        });
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private HttpRequest.Builder request(String kind, String target, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + servers.get(kind).port()
                + target)).timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        return b;
    }

    private HttpResponse<byte[]> get(String kind, String target, Map<String, String> headers) throws Exception {
        return send(kind, request(kind, target, headers).GET().build());
    }

    /** Sends over the container's HTTP/2 connection and checks the framing every HTTP/2 response must have. */
    private HttpResponse<byte[]> send(String kind, HttpRequest request) throws Exception {
        return send(kind, servers.get(kind).client(), request);
    }

    private HttpResponse<byte[]> send(String kind, HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(HttpClient.Version.HTTP_2, r.version(), kind + ": " + request);
        if (!request.method().equals("HEAD")) {
            r.headers().firstValueAsLong("content-length").ifPresent(length -> assertEquals(length,
                    r.body().length, kind + ": content-length of " + request + " is the body received"));
        }
        return r;
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static List<String> cookieNames(HttpResponse<?> r) {
        return r.headers().allValues("set-cookie").stream().map(c -> c.substring(0, c.indexOf('='))).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aRefusingVisitorGetsThePageWithoutItsTrackersAndWithoutTheTrackingCookie(String kind) throws Exception {
        for (String target : List.of("/page", "/page?length")) {
            HttpResponse<byte[]> r = get(kind, target, REFUSING);
            assertEquals(200, r.statusCode());
            assertEquals("HTTP/2.0", r.headers().firstValue("x-protocol").orElse(""), kind + ": the server's view");
            assertTrue(text(PAGE).contains("px.ads.linkedin.com") && text(PAGE).contains("googletagmanager.com"));
            assertArrayEquals(Container.rewrittenForRefusal(PAGE), r.body(), kind + " " + target + ": " + text(r.body()));
            assertFalse(text(r.body()).contains("px.ads.linkedin.com"), kind + " " + target);
            assertEquals(List.of("basket"), cookieNames(r), kind + " " + target + ": " + r.headers().map());
            assertNotEquals(List.of(String.valueOf(PAGE.length)), r.headers().allValues("content-length"),
                    kind + " " + target + ": not the length of the page as written");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void anAllowingVisitorGetsThePageAsWrittenAndBothCookies(String kind) throws Exception {
        for (String target : List.of("/page", "/page?length")) {
            HttpResponse<byte[]> r = get(kind, target, ALLOWING);
            assertEquals(200, r.statusCode());
            assertArrayEquals(PAGE, r.body(), kind + " " + target);
            assertEquals(List.of("_ga", "basket"), cookieNames(r).stream().sorted().toList(), kind + " " + target);
        }
        assertEquals(String.valueOf(PAGE.length), get(kind, "/page?length", ALLOWING).headers()
                .firstValue("content-length").orElse(""), kind + ": the application's length, the body unchanged");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void headAnswersWithTheHeadersOfTheGetWithoutABody(String kind) throws Exception {
        for (Map<String, String> visitor : List.of(REFUSING, ALLOWING)) {
            for (String target : List.of("/page", "/page?length")) {
                HttpResponse<byte[]> get = get(kind, target, visitor);
                HttpResponse<byte[]> head = send(kind, request(kind, target, visitor)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
                String what = kind + " " + target + " " + visitor.keySet();
                assertEquals(200, head.statusCode(), what);
                assertEquals(0, head.body().length, what);
                for (String name : List.of("etag", "vary", "tk", "content-type")) {
                    assertEquals(get.headers().allValues(name), head.headers().allValues(name), what + ": " + name);
                }
                assertEquals(cookieNames(get), cookieNames(head), what);
                head.headers().firstValueAsLong("content-length").ifPresent(length -> assertEquals(
                        get.body().length, length, what + ": a HEAD's length is that of the GET's body"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aCopyIsConfirmedWithA304UnderTheSameDecisionOnly(String kind) throws Exception {
        String refusedTag = get(kind, "/page", REFUSING).headers().firstValue("etag").orElseThrow();
        String allowedTag = get(kind, "/page", ALLOWING).headers().firstValue("etag").orElseThrow();
        assertNotEquals(refusedTag, allowedTag);

        Map<String, String> again = new HashMap<>(REFUSING);
        again.put("If-None-Match", refusedTag);
        HttpResponse<byte[]> notModified = get(kind, "/page", again);
        assertEquals(304, notModified.statusCode(), kind);
        assertEquals(0, notModified.body().length, kind);
        assertEquals(refusedTag, notModified.headers().firstValue("etag").orElse(""), kind);
        assertEquals(List.of(), cookieNames(notModified), kind);

        Map<String, String> withdrawn = new HashMap<>(REFUSING);
        withdrawn.put("If-None-Match", allowedTag);
        HttpResponse<byte[]> sentAgain = get(kind, "/page", withdrawn);
        assertEquals(200, sentAgain.statusCode(), kind + ": a 304 would keep the copy with its trackers");
        assertArrayEquals(Container.rewrittenForRefusal(PAGE), sentAgain.body(), kind);

        Map<String, String> consented = new HashMap<>(ALLOWING);
        consented.put("If-None-Match", allowedTag);
        assertEquals(304, get(kind, "/page", consented).statusCode(), kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aPageOverTwoMegabytesWrittenInManyFlushesArrivesWhole(String kind) throws Exception {
        byte[] expected = Container.rewrittenForRefusal(BIG);
        assertTrue(expected.length >= 2 << 20, "past 2 MB rewritten: " + expected.length);
        HttpResponse<byte[]> refused = get(kind, "/big", REFUSING);
        assertEquals(200, refused.statusCode());
        assertEquals(expected.length, refused.body().length, kind);
        assertArrayEquals(expected, refused.body(), kind);

        HttpResponse<byte[]> allowed = get(kind, "/big", ALLOWING);
        assertArrayEquals(BIG, allowed.body(), kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aPageFlushedEarlyThenWrittenOnArrivesWhole(String kind) throws Exception {
        // ?length: the application announced the length of the page as written before flushing its head
        for (String target : List.of("/early", "/early?length")) {
            HttpResponse<byte[]> refused = get(kind, target, REFUSING);
            assertEquals(200, refused.statusCode());
            assertArrayEquals(Container.rewrittenForRefusal(PAGE), refused.body(), kind + " " + target + ": " + text(refused.body()));
            assertArrayEquals(PAGE, get(kind, target, ALLOWING).body(), kind + " " + target);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aBigPageWrittenWithNonBlockingIoArrivesWhole(String kind) throws Exception {
        HttpResponse<byte[]> refused = get(kind, "/async", REFUSING);
        assertEquals(200, refused.statusCode());
        assertArrayEquals(Container.rewrittenForRefusal(BIG), refused.body(), kind);
        assertArrayEquals(BIG, get(kind, "/async", ALLOWING).body(), kind);
    }

    /**
     * A client that reads with a small flow-control window: the container's stream is not ready again and again, and
     * ConsentGate holds what the rewriter emitted until the container calls back (non-blocking) or the write returns
     * (blocking). Every byte arrives, in order, and the stream ends with the page: on Tomcat a non-blocking response
     * completed while its last write waits for the client's window ended only at the async timeout (30 s), so a
     * browser kept loading the page. How much window is left when the page ends varies, so that page is fetched
     * several times.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aBigPageArrivesWholeAtAClientThatReadsWithASmallWindow(String kind) throws Exception {
        HttpClient slow = slowReaders.get(kind);
        byte[] expected = Container.rewrittenForRefusal(BIG);
        for (String target : List.of("/big", "/async")) {
            for (int i = 0; i < (target.equals("/async") ? 5 : 1); i++) {
                STALLS.set(0);
                HttpResponse<byte[]> refused = sendWithin(slow, request(kind, target, REFUSING).GET().build());
                assertEquals(200, refused.statusCode(), kind + " " + target);
                assertArrayEquals(expected, refused.body(), kind + " " + target);
                if (target.equals("/async")) {
                    assertTrue(STALLS.get() > 10, kind + ": the container's stream stalled " + STALLS.get() + " times");
                }
            }
            assertArrayEquals(BIG, sendWithin(slow, request(kind, target, ALLOWING).GET().build()).body(),
                    kind + " " + target);
        }
    }

    /** The response, which must have ended (its last DATA frame received) within 10 seconds. */
    private static HttpResponse<byte[]> sendWithin(HttpClient client, HttpRequest request) throws Exception {
        CompletableFuture<HttpResponse<byte[]>> r = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = r.get(10, TimeUnit.SECONDS);
            assertEquals(HttpClient.Version.HTTP_2, response.version(), request.toString());
            return response;
        } catch (TimeoutException e) {
            throw new AssertionError("the response to " + request + " did not end within 10 s", e);
        }
    }

    /**
     * The client cancels a page mid-response (HTTP/2 {@code RST_STREAM}), one written with blocking I/O and one with
     * non-blocking I/O, rewritten for a visitor who refused and passed through for one who allowed everything: the
     * application's next write fails (or its write listener hears of it), ConsentGate lets that failure end the request
     * without an error of its own and without logging one, and the next request on the same connection is served in
     * full.
     */
    @ParameterizedTest
    @CsvSource({"jetty,/endless,refusing", "tomcat,/endless,refusing", "jetty,/async,refusing",
        "tomcat,/async,refusing", "jetty,/endless,allowing", "tomcat,/async,allowing"})
    void aStreamTheClientResetsLeavesTheConnectionServingTheNextRequest(String kind, String path, String visitor)
            throws Exception {
        Map<String, String> headers = visitor.equals("refusing") ? REFUSING : ALLOWING;
        String port = get(kind, "/hello", Map.of()).headers().firstValue("x-client-port").orElseThrow();
        OUTCOMES.clear();
        ASYNC_ERRORS.clear();
        long logStart = Files.exists(LOG) ? Files.size(LOG) : 0;
        String what = kind + " " + path + " " + visitor;

        CancelAtFirstBytes cancelling = new CancelAtFirstBytes();
        CompletableFuture<HttpResponse<Integer>> cancelled = servers.get(kind).client().sendAsync(
                request(kind, path + "?endless", headers).GET().build(), info -> {
                    cancelling.version = info.version();
                    return cancelling;
                });
        assertTrue(cancelling.received.get(10, TimeUnit.SECONDS) > 0, what + ": bytes arrived before the reset");
        assertEquals(HttpClient.Version.HTTP_2, cancelling.version, what);
        // the client's own view of the exchange it cancelled: it ends, as a cancelled one
        assertNotNull(cancelled.handle((r, e) -> e).get(10, TimeUnit.SECONDS), what);

        Object outcome = OUTCOMES.poll(15, TimeUnit.SECONDS);
        assertNotNull(outcome, what + ": the request that was reset never ended");
        assertInstanceOf(IOException.class, outcome, what + ": the reset ends the request as a failed write");

        HttpResponse<byte[]> next = get(kind, "/page", REFUSING);
        assertEquals(200, next.statusCode());
        assertArrayEquals(Container.rewrittenForRefusal(PAGE), next.body(), what);
        assertEquals(port, next.headers().firstValue("x-client-port").orElse(""), what + ": the same connection");

        String logged = Files.exists(LOG) ? new String(Files.readAllBytes(LOG), StandardCharsets.ISO_8859_1)
                .substring((int) logStart) : "";
        assertFalse(Pattern.compile("(?m)^(ERROR|WARN) (io\\.)?consentgate").matcher(logged).find(),
                what + ": ConsentGate logged\n" + logged);
        // The body was cut short after the headers went out: no error page follows, and the access line's size is
        // what ConsentGate had passed to the container, as for any response it saw to the end (README, access log).
        Matcher line = Pattern.compile("\"GET " + path + "\\S* HTTP/2.0\" 200 (\\S+) ").matcher(logged);
        assertTrue(line.find(), what + ": one access line\n" + logged);
        assertTrue(line.group(1).matches("[0-9]+") && Long.parseLong(line.group(1)) > 0,
                what + ": the size sent before the reset, not unknown: " + line.group());
    }

    /** Takes the first bytes of the body, then cancels the stream: the client's reset, mid-response. */
    private static final class CancelAtFirstBytes implements HttpResponse.BodySubscriber<Integer> {
        final CompletableFuture<Integer> received = new CompletableFuture<>();
        volatile HttpClient.Version version;
        private Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            subscription.cancel();
            received.complete(items.stream().mapToInt(ByteBuffer::remaining).sum());
        }

        @Override
        public void onError(Throwable t) {
            received.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            received.completeExceptionally(new AssertionError("the whole endless body arrived"));
        }

        @Override
        public CompletionStage<Integer> getBody() {
            return received;
        }
    }
}
