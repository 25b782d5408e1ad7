package io.consentgate.browser;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.RewriteMode;
import io.consentgate.html.RewriteStream;
import io.consentgate.html.TrackerEvent;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.openqa.selenium.WebDriverException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chromium as the judge of the rewriter: rewrites a page with every category refused, serves the output on loopback,
 * loads it in headless Chromium with JavaScript on and reports every request the browser attempted to a host the
 * bundled catalog matches for a refused category. The page as written is loaded the same way, so that a verdict says
 * whether the case was live.
 *
 * <p>One browser serves every page. {@link #screen} loads many outputs at once, each in its own iframe (an iframe's
 * document is parsed exactly like a top-level one); a screen that sees any refused request is only a hint, which
 * {@link #judge} confirms page by page at the top level.
 */
final class LeakOracle implements AutoCloseable {

    static final TrackerCatalog CATALOG = TrackerCatalog.bundled();
    private static final HtmlRewriter REMOVE = HtmlRewriter.builder(CATALOG).mode(RewriteMode.REMOVE).build();
    private static final ConsentDecision NONE = ConsentDecision.refuseAll();

    /** The key of {@link #screen}'s requests that no page of the batch can be blamed for. */
    static final int UNATTRIBUTED = -1;

    private final Server server;
    private final String base;
    private OracleBrowser browser;
    private final Map<String, byte[]> pagesServed;
    private final AtomicLong ids = new AtomicLong();

    private LeakOracle(Server server, String base, OracleBrowser browser, Map<String, byte[]> served) {
        this.server = server;
        this.base = base;
        this.browser = browser;
        this.pagesServed = served;
    }

    /** What Chromium did with one page as written and as rewritten. */
    record Verdict(byte[] input, byte[] output, List<String> inputRequests, List<String> outputRequests,
                   List<TrackerEvent> secondPass) {

        /** The output made Chromium request a refused tracker. */
        boolean leaks() {
            return !outputRequests.isEmpty();
        }

        /** A second pass of the rewriter over the output would have removed something. */
        boolean secondPassCatches() {
            return !secondPass.isEmpty();
        }

        String describe() {
            return "input:\n" + new String(input, StandardCharsets.UTF_8)
                + "\noutput:\n" + new String(output, StandardCharsets.UTF_8)
                + "\nrequested from the output: " + outputRequests
                + "\nrequested from the input: " + inputRequests
                + "\nsecond pass removes: " + secondPass;
        }
    }

    static LeakOracle start() throws Exception {
        Chromium.requireClosedPort();
        ServletContextHandler context = new ServletContextHandler("/");
        Map<String, byte[]> pages = new ConcurrentHashMap<>();
        context.addServlet(new PageServlet(pages), "/p/*");
        Server server = LoopbackJetty.start(context);
        try {
            return new LeakOracle(server, LoopbackJetty.origin(server), OracleBrowser.start(),
                pages);
        } catch (Exception | Error e) {
            server.stop();
            throw e;
        }
    }

    static byte[] rewrite(byte[] input) {
        return REMOVE.rewrite(input, NONE);
    }

    /** What a second pass of the rewriter over {@code output} would still remove. */
    static List<TrackerEvent> secondPass(byte[] output) {
        List<TrackerEvent> events = new ArrayList<>();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (RewriteStream s = REMOVE.open(NONE, StandardCharsets.UTF_8, sink, events::add)) {
            s.write(output, 0, output.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.removeIf(e -> e.action() == TrackerEvent.Action.ALLOWED);
        return events;
    }

    /** Loads the input and its rewritten output, each alone, and reports what Chromium requested. */
    Verdict judge(byte[] input) {
        byte[] output = rewrite(input);
        return new Verdict(input, output, refusedRequests(input), refusedRequests(output), secondPass(output));
    }

    /** Loads {@code page} alone and evaluates {@code expression} in it. */
    Object inspect(byte[] page, String expression) {
        String path = serve(page);
        try {
            browser.load(base + path);
            return browser.evaluate(expression);
        } finally {
            pagesServed.remove(path);
        }
    }

    /** Refused tracker requests Chromium attempts when it loads {@code page} at the top level. */
    List<String> refusedRequests(byte[] page) {
        String path = serve(page);
        try {
            browser.load("about:blank");
            return refused(browser.load(base + path));
        } finally {
            pagesServed.remove(path);
        }
    }

    /**
     * Loads every page at once, each in an iframe, and returns the refused tracker requests by the index of the page
     * that made them (its document's, or its frame's when it navigated the frame away); requests no page can be
     * blamed for (a frame nested in a page, a load that did not settle) are under {@link #UNATTRIBUTED}, and mean the
     * caller must judge the pages one by one.
     */
    Map<Integer, List<String>> screen(List<byte[]> batch) {
        Map<String, Integer> index = new HashMap<>();
        StringBuilder host = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            + "<title>screen</title></head><body>");
        for (byte[] page : batch) {
            String path = serve(page);
            index.put(base + path, index.size());
            host.append("<iframe width=\"1000\" height=\"800\" src=\"").append(path).append("\"></iframe>");
        }
        host.append("</body></html>");
        String hostPath = serve(host.toString().getBytes(StandardCharsets.UTF_8));
        Map<Integer, List<String>> out = new TreeMap<>();
        try {
            List<OracleBrowser.Request> requests = browser.load(base + hostPath);
            Map<String, Integer> frames = new HashMap<>();
            for (OracleBrowser.Request r : requests) {
                if (index.containsKey(r.url())) {
                    frames.put(r.frameId(), index.get(r.url()));
                }
            }
            for (OracleBrowser.Request r : requests) {
                if (isRefused(r.url())) {
                    int page = index.getOrDefault(r.documentUrl(), frames.getOrDefault(r.frameId(), UNATTRIBUTED));
                    out.computeIfAbsent(page, k -> new ArrayList<>()).add(r.url());
                }
            }
        } catch (WebDriverException e) {
            out.computeIfAbsent(UNATTRIBUTED, k -> new ArrayList<>()).add("(did not settle: " + e.getClass()
                .getSimpleName() + ")");
        } finally {
            index.keySet().forEach(u -> pagesServed.remove(u.substring(base.length())));
            pagesServed.remove(hostPath);
        }
        return out;
    }

    static boolean isRefused(String url) {
        TrackerMatch m = CATALOG.matchUrl(url, null);
        return m != null && !NONE.allowsAll(m.categories());
    }

    private static List<String> refused(List<OracleBrowser.Request> requests) {
        List<String> out = new ArrayList<>();
        for (OracleBrowser.Request r : requests) {
            if (isRefused(r.url())) {
                out.add(r.url());
            }
        }
        return out;
    }

    private String serve(byte[] page) {
        String path = "/p/" + ids.incrementAndGet();
        pagesServed.put(path, page);
        return path;
    }

    /** Replaces a browser whose tab crashed (a fuzzed page can do that) by a fresh one. */
    void restartBrowser() throws java.io.IOException {
        try {
            browser.close();
        } catch (RuntimeException ignored) {
            // the crashed browser may not close cleanly; its process is gone or is ended by quit()
        }
        browser = OracleBrowser.start();
    }

    @Override
    public void close() throws Exception {
        try {
            browser.close();
        } finally {
            server.stop();
        }
    }

    /** Serves the registered pages as UTF-8 HTML, uncached. */
    private static final class PageServlet extends HttpServlet {

        private final Map<String, byte[]> pages;

        PageServlet(Map<String, byte[]> pages) {
            this.pages = pages;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            byte[] page = pages.get(req.getRequestURI());
            if (page == null) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            resp.setContentType("text/html; charset=UTF-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.getOutputStream().write(page);
        }
    }
}
