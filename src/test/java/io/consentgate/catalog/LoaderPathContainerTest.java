package io.consentgate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What real containers (Jetty 12 ee10, Tomcat 11) answer for a loader path with percent-escaped letters: they decode
 * the path before they map it, so {@code /%67tm.js} is the same static file as {@code /gtm.js} and reaches a proxy
 * servlet as {@code /gtm.js}; so is {@code /gtm.js;v=1} (path parameters are dropped before mapping); an escaped
 * slash is refused. {@link TrackerCatalog#matchLoader} must match alike.
 */
class LoaderPathContainerTest {

    private static final String LOADER = "/* loader */";
    private static final TrackerCatalog CATALOG = TrackerCatalog.bundled();

    private static Server jetty;
    private static LocalConnector jettyConnector;
    private static Tomcat tomcat;

    /** Stands for a first-party proxy: answers with the path it would forward. */
    static final class ProxyPath extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().print("forward=" + req.getPathInfo() + "?" + req.getQueryString());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Path docs = Files.createTempDirectory("cg-loader-docs");
        Files.writeString(docs.resolve("gtm.js"), LOADER);
        Files.createDirectories(docs.resolve("gtag"));
        Files.writeString(docs.resolve("gtag").resolve("js"), LOADER);

        jetty = new Server();
        jettyConnector = new LocalConnector(jetty);
        jetty.addConnector(jettyConnector);
        ServletContextHandler context = new ServletContextHandler();
        context.setBaseResourceAsPath(docs);
        context.addServlet(new ServletHolder(new ProxyPath()), "/metrics/*");
        context.addServlet(new ServletHolder("default", DefaultServlet.class), "/");
        jetty.setHandler(context);
        jetty.start();

        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("cg-tomcat").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.getConnector().setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context ctx = tomcat.addContext("", docs.toString());
        Tomcat.addServlet(ctx, "proxy", new ProxyPath());
        ctx.addServletMappingDecoded("/metrics/*", "proxy");
        Tomcat.addServlet(ctx, "default", new org.apache.catalina.servlets.DefaultServlet());
        ctx.addServletMappingDecoded("/", "default");
        tomcat.start();
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
        tomcat.stop();
        tomcat.destroy();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%67tm.js?id=GTM-ABC1", "/gta%67/js?id=G-ABC1", "/%67%74%6d.js?id=GTM-ABC1",
        "/%67tm%2Ejs?id=GTM-ABC1"})
    void containersServeTheLoaderForAnEscapedPathAndTheCatalogMatchesIt(String url) throws Exception {
        String jettyResponse = jettyConnector.getResponse(get(url));
        String tomcatResponse = rawTomcat(get(url));
        assertTrue(jettyResponse.startsWith("HTTP/1.1 200") && jettyResponse.endsWith(LOADER), jettyResponse);
        assertTrue(tomcatResponse.startsWith("HTTP/1.1 200") && tomcatResponse.endsWith(LOADER), tomcatResponse);
        assertTrue(CATALOG.matchLoader(url) != null, url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/metrics/%67tm.js?id=GTM-ABC1", "/metrics/gta%67/js?id=G-ABC1"})
    void containersHandAProxyTheDecodedPathAndTheCatalogMatchesIt(String url) throws Exception {
        String decoded = url.replace("/metrics", "").replace("%67", "g");
        assertTrue(jettyConnector.getResponse(get(url)).endsWith("forward=" + decoded));
        assertTrue(rawTomcat(get(url)).endsWith("forward=" + decoded));
        assertTrue(CATALOG.matchLoader(url) != null, url);
        assertTrue(CATALOG.matchLoader("https://sgtm.shop.example" + url) != null, url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/gtag%2Fjs?id=G-ABC1", "/gtag%2fjs?id=G-ABC1"})
    void containersRefuseAnEscapedSlashAndTheCatalogLeavesItUndecoded(String url) throws Exception {
        assertFalse(jettyConnector.getResponse(get(url)).endsWith(LOADER));
        assertFalse(rawTomcat(get(url)).endsWith(LOADER));
        assertEquals(null, CATALOG.matchLoader(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/gtm.js;v=1?id=GTM-ABC1", "/gtag;x/js?id=G-ABC1", "/%67tm.js;jsessionid=1?id=GTM-ABC1"})
    void containersServeTheLoaderForAPathWithParametersAndTheCatalogMatchesIt(String url) throws Exception {
        assertTrue(jettyConnector.getResponse(get(url)).endsWith(LOADER));
        assertTrue(rawTomcat(get(url)).endsWith(LOADER));
        assertTrue(CATALOG.matchLoader(url) != null, url);
    }

    @Test
    void containersHandAProxyThePathWithoutParametersAndTheCatalogMatchesIt() throws Exception {
        String url = "/metrics/gtm.js;v=1?id=GTM-ABC1";
        assertTrue(jettyConnector.getResponse(get(url)).endsWith("forward=/gtm.js?id=GTM-ABC1"));
        assertTrue(rawTomcat(get(url)).endsWith("forward=/gtm.js?id=GTM-ABC1"));
        assertTrue(CATALOG.matchLoader(url) != null, url);
    }

    private static String get(String url) {
        return "GET " + url + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    }

    private static String rawTomcat(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), tomcat.getConnector().getLocalPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
