package io.consentgate.browser;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.RewriteMode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code <noscript>} content that reads as harmless markup but, in a browser running scripts, ends at a
 * {@code </noscript} hidden in a comment, an attribute value or raw text: each page makes Chromium request a tracker
 * (checked on the page as written), and none once rewritten with everything refused, in both modes.
 */
@Tag("browser")
class NoscriptBrowserTest {

    private static final TrackerCatalog CATALOG = TrackerCatalog.bundled();
    private static final String PIXEL = "<img src=https://www.facebook.com/tr?id=1&ev=PageView alt=\"\">";
    private static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("comment", "<noscript><!--</noscript>" + PIXEL + "--></noscript>");
        PAGES.put("attribute-value", "<noscript><p title=\"</noscript>" + PIXEL + "\">x</p></noscript>");
        PAGES.put("style", "<noscript><style></noscript>" + PIXEL + "</style></noscript>");
        PAGES.put("upper-case-end-tag", "<noscript><!--</NOSCRIPT >" + PIXEL + "--></noscript>");
        PAGES.put("script-left-open", "<noscript><!--</noscript><script>\n--></noscript>\n"
            + "new Image().src = 'https://www.facebook.com/tr?id=1&ev=PageView';</script>");
        PAGES.put("quoted-value-past-end", "<noscript><!--</noscript x=\"--></noscript><p title='\">" + PIXEL
            + "'>");
        PAGES.put("foreign-object", "<svg><foreignObject><noscript><!--</noscript></foreignObject>--></noscript>"
            + "<style>" + PIXEL + "</style></svg>");
        PAGES.put("base", "<noscript><!--</noscript><base href=\"https://www.facebook.com/\">--></noscript>"
            + "<img src=\"tr?id=1&amp;ev=PageView\" alt=\"\">");
    }

    private static final HtmlRewriter REMOVE = HtmlRewriter.builder(CATALOG).mode(RewriteMode.REMOVE).build();
    private static final HtmlRewriter NEUTRALIZE = HtmlRewriter.builder(CATALOG).mode(RewriteMode.NEUTRALIZE).build();

    private static Server server;
    private static String base;
    private static BrowserSession browser;

    @BeforeAll
    static void start() throws Exception {
        if (!Chromium.installed()) {
            Chromium.announceSkip();
            return;
        }
        Chromium.requireClosedPort();
        server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new PageServlet(), "/*");
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
        browser = BrowserSession.start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.stop();
            }
        }
    }

    @BeforeEach
    void firstVisit() {
        Chromium.assumeInstalled();
    }

    static Stream<Arguments> pages() {
        return PAGES.keySet().stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void theBrowserRequestsTheTrackerOnlyFromThePageAsWritten(String page) {
        assertFalse(trackerRequests("/raw/" + page).isEmpty(), "the page as written must request the tracker");
        assertEquals(List.of(), trackerRequests("/remove/" + page), "remove mode");
        assertEquals(List.of(), trackerRequests("/neutralize/" + page), "neutralize mode");
    }

    private static List<String> trackerRequests(String path) {
        browser.reset();
        browser.open(base + path);
        return browser.requestedUrls().stream().filter(u -> CATALOG.matchUrl(u, null) != null).toList();
    }

    /** {@code /raw/NAME}, {@code /remove/NAME}, {@code /neutralize/NAME}: a page as written or rewritten. */
    static final class PageServlet extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String[] path = req.getRequestURI().split("/");
            String body = path.length == 3 ? PAGES.get(path[2]) : null;
            if (body == null) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            byte[] page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>" + body
                + "<p>end</p></body></html>").getBytes(StandardCharsets.UTF_8);
            if (path[1].equals("remove")) {
                page = REMOVE.rewrite(page, ConsentDecision.refuseAll());
            } else if (path[1].equals("neutralize")) {
                page = NEUTRALIZE.rewrite(page, ConsentDecision.refuseAll());
            }
            resp.setContentType("text/html; charset=UTF-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.getOutputStream().write(page);
        }
    }
}
