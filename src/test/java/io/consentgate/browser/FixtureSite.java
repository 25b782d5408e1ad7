package io.consentgate.browser;

import io.consentgate.Policy;
import io.consentgate.jetty.ConsentGateJetty;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The same small shop site served twice on loopback: once behind ConsentGate ({@link #guarded()}), once without it
 * ({@link #unguarded()}), so every browser observation has a control.
 *
 * <p>Pages: {@code /} carries the common tags, {@code /consent.html} the no-JavaScript consent form,
 * {@code /cookies} sets two tracking cookies and one harmless one, {@code /hints} announces a tracker's loader in a
 * {@code Link} preload header, {@code /state} renders from a page-state script longer than the filter's hold cap,
 * {@code /flight-long} is {@code /flight.html} with a payload script longer than it, {@code /static/*} first-party
 * assets.
 */
final class FixtureSite implements AutoCloseable {

    private static final String ROOT = "/io/consentgate/browser/site";

    private final Server guarded;
    private final Server unguarded;

    private FixtureSite(Server guarded, Server unguarded) {
        this.guarded = guarded;
        this.unguarded = unguarded;
    }

    static FixtureSite start(Policy policy) throws Exception {
        Server withFilter = LoopbackJetty.start(context(policy));
        try {
            return new FixtureSite(withFilter, LoopbackJetty.start(context(null)));
        } catch (Exception | Error e) {
            withFilter.stop();
            throw e;
        }
    }

    /** Base URL of the site behind the filter, e.g. {@code http://127.0.0.1:41234}, no trailing slash. */
    String guarded() {
        return baseUrl(guarded);
    }

    /** Base URL of the identical site without the filter. */
    String unguarded() {
        return baseUrl(unguarded);
    }

    private static String baseUrl(Server server) {
        return LoopbackJetty.origin(server);
    }

    private static ServletContextHandler context(Policy policy) {
        ServletContextHandler context = new ServletContextHandler("/");
        if (policy != null) {
            ConsentGateJetty.install(context, policy);
        }
        context.addServlet(new CookieServlet(), "/cookies");
        context.addServlet(new HintsServlet(), "/hints");
        context.addServlet(new StateServlet(), "/state");
        context.addServlet(new LongFlightServlet(), "/flight-long");
        context.addServlet(new PageServlet(), "/");
        return context;
    }

    @Override
    public void close() throws Exception {
        LoopbackJetty.stop(null, guarded, unguarded);
    }

    /** Serves the fixture files from the test classpath, with a Content-Length like a static file server. */
    static final class PageServlet extends HttpServlet {

        private static final Map<String, String> TYPES = Map.of(
                "html", "text/html; charset=UTF-8",
                "js", "text/javascript; charset=UTF-8",
                "css", "text/css; charset=UTF-8",
                "svg", "image/svg+xml",
                "xml", "text/xml; charset=UTF-8");

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
            if (path.equals("/")) {
                path = "/index.html";
            }
            String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
            byte[] body = path.contains("..") || type == null ? null : read(ROOT + path);
            if (body == null) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            resp.setContentType(type);
            resp.setHeader("Cache-Control", "no-store");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }

        private static byte[] read(String resource) throws IOException {
            try (InputStream in = FixtureSite.class.getResourceAsStream(resource)) {
                return in == null ? null : in.readAllBytes();
            }
        }
    }

    /**
     * An application page that sets cookies through two different doors, as real applications do: two tracking
     * cookies ({@code _fbp} by header, {@code _ga} by {@link Cookie}) and one harmless preference ({@code theme}).
     */
    static final class CookieServlet extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.addHeader("Set-Cookie", "_fbp=fb.1.123.456; Path=/");
            Cookie ga = new Cookie("_ga", "GA1.1.1.1");
            ga.setPath("/");
            resp.addCookie(ga);
            resp.addHeader("Set-Cookie", "theme=dark; Path=/");
            resp.setContentType("text/html; charset=UTF-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.getOutputStream().write("<!DOCTYPE html><title>Welcome back</title><p>Welcome back.</p>"
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A page whose resource hints come as a {@code Link} header, as a CDN or a performance plugin sends them: the
     * site's stylesheet, and Hotjar's loader, which no page of the site carries in its markup.
     */
    static final class HintsServlet extends HttpServlet {

        /** The hinted tracker's loader. */
        static final String TRACKER = "https://static.hotjar.com/c/hotjar-3391745.js?sv=6";

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.addHeader("Link", "</static/site.css>; rel=preload; as=style");
            resp.addHeader("Link", "<" + TRACKER + ">; rel=preload; as=script");
            resp.setContentType("text/html; charset=UTF-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.getOutputStream().write(("<!DOCTYPE html><title>Opening hours</title>"
                    + "<link rel=stylesheet href=/static/site.css><p>Open every day from nine.</p>")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A page rendered by its own inline state script of about 300 KB, as server-side rendered shops print one
     * ({@code window.__INITIAL_STATE__ = {…}}): longer than the filter's default hold cap of 256 KiB. With
     * {@code ?tag=1} a site's tag-manager snippet follows the state in the same script, past the cap.
     */
    static final class StateServlet extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            StringBuilder page = new StringBuilder("<!DOCTYPE html><title>Catalogue</title><p id=state>static</p>"
                    + "<ul id=list></ul><script>\nwindow.__INITIAL_STATE__={\"products\":[");
            for (int i = 0; page.length() < 300 * 1024; i++) {
                page.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"Linen shirt ")
                        .append(i).append("\",\"url\":\"\\/p\\/").append(i).append("\"}");
            }
            page.append("]};\n");
            page.append("document.getElementById('list').innerHTML = window.__INITIAL_STATE__.products.slice(0, 3)"
                    + ".map(function (p) { return '<li>' + p.name + '</li>'; }).join('');\n"
                    + "document.getElementById('state').textContent = 'rendered '"
                    + " + window.__INITIAL_STATE__.products.length;\n");
            if (req.getParameter("tag") != null) {
                page.append("(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),"
                        + "event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),"
                        + "dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js"
                        + "?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer',"
                        + "'GTM-K9X2PLQ');\n");
            }
            page.append("</script><p id=after>Free returns within 30 days.</p>");
            resp.setContentType("text/html; charset=UTF-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.getOutputStream().write(page.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * {@code /flight.html} with about 300 KB of product rows at the start of the payload script that carries the page's
     * element tree (and in it a {@code next/script} tracker {@code src}): longer than the filter's default hold cap,
     * as the payload of a long server-rendered listing is.
     */
    static final class LongFlightServlet extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String page = new String(PageServlet.read(ROOT + "/flight.html"), StandardCharsets.UTF_8);
            String tree = "<script>self.__next_f.push([1,\"0:";
            int at = page.lastIndexOf(tree);
            StringBuilder rows = new StringBuilder();
            for (int i = 0; rows.length() < 300 * 1024; i++) {
                rows.append(Integer.toHexString(0x100 + i)).append(":{\\\"id\\\":").append(i)
                        .append(",\\\"name\\\":\\\"Sencha ").append(i).append("\\\"}\\n");
            }
            int treeRow = at + tree.length() - 2;
            page = page.substring(0, treeRow) + rows + page.substring(treeRow);
            resp.setContentType("text/html; charset=UTF-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
        }
    }
}
