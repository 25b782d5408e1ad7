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
 * Markup that Chromium's parsers read differently from a naive reading: each page makes the browser request a
 * tracker (checked on the page as written), and none once rewritten with everything refused, in both modes.
 */
@Tag("browser")
class ParsingDifferentialBrowserTest {

    private static final TrackerCatalog CATALOG = TrackerCatalog.bundled();
    private static final String PIXEL = "<img src=https://www.facebook.com/tr?id=1&ev=PageView alt=\"\">";
    private static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("svg-closed-by-end-p", "<svg></p><![CDATA[>" + PIXEL + "]]></svg>");
        PAGES.put("svg-closed-by-font-color", "<svg><font color=red><![CDATA[>" + PIXEL + "]]></font></svg>");
        PAGES.put("mglyph-style", "<math><mi><mglyph><style>" + PIXEL + "</style></mglyph></mi></math>");
        PAGES.put("annotation-xml-spaced-encoding",
            "<math><annotation-xml encoding=\" text/html\"><style>" + PIXEL + "</style></annotation-xml></math>");
        PAGES.put("svg-nested-deep", "<svg>".repeat(70) + "</svg>".repeat(66) + "<style>" + PIXEL + "</style>");
        PAGES.put("base-after-template-base", "<template><base href=\"https://www.example.org/\"></template>"
            + "<base href=\"https://www.facebook.com/\"><img src=\"tr?id=1&amp;ev=PageView\" alt=\"\">");
        PAGES.put("scheme-relative-base",
            "<base href=\"//www.facebook.com/\"><img src=\"tr?id=1&amp;ev=PageView\" alt=\"\">");
        PAGES.put("percent-escaped-path", "<img src=\"https://www.facebook.com/%74r?id=1&amp;ev=PageView\" alt=\"\">");
        PAGES.put("host-with-word-joiner", "<img src=\"https://www.faceb\u2060ook.com/tr?id=1&amp;ev=PageView\" alt=\"\">");
        PAGES.put("rel-with-character-reference",
            "<link rel=\"&#x70;reload\" as=\"image\" href=\"https://www.facebook.com/tr?id=1&amp;ev=PageView\">");
        PAGES.put("meta-refresh", "<meta http-equiv=\"refresh\" content=\"0;url=https://www.facebook.com/tr?id=1\">");
        PAGES.put("noscript-end-in-comment", "<noscript><!--</noscript>" + PIXEL + "--></noscript>");
        PAGES.put("noscript-end-in-attribute", "<noscript><img alt=\"</noscript>" + PIXEL + "\" src=/logo.png></noscript>");
        PAGES.put("noscript-ended-in-svg", "<noscript><svg><rect/></noscript><![CDATA[>" + PIXEL + "]]>");
        PAGES.put("svg-pixel-in-svg-script", "<svg><script>document.title='x" + PIXEL + "';document.title="
            + "'https://connect.facebook.net/en_US/fbevents.js'</script></svg><![CDATA[>" + PIXEL + "]]>");
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
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new PageServlet(), "/*");
        server = LoopbackJetty.start(context);
        base = LoopbackJetty.origin(server);
        browser = BrowserSession.start();
    }

    @AfterAll
    static void stop() throws Exception {
        LoopbackJetty.stop(browser, server);
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
        browser.reset();
        browser.open(base + "/raw/" + page);
        assertFalse(trackers(browser.awaitRequests(urls -> !trackers(urls).isEmpty())).isEmpty(),
                "the page as written must request the tracker");
        assertEquals(List.of(), trackerRequests("/remove/" + page), "remove mode");
        assertEquals(List.of(), trackerRequests("/neutralize/" + page), "neutralize mode");
    }

    private static List<String> trackerRequests(String path) {
        browser.reset();
        browser.open(base + path);
        return trackers(browser.requestedUrls());
    }

    private static List<String> trackers(List<String> urls) {
        return urls.stream().filter(u -> CATALOG.matchUrl(u, null) != null).toList();
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
