package io.consentgate.loadtest;

import io.consentgate.Policy;
import io.consentgate.jetty.ConsentGateJetty;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The end-to-end benchmark's server (run by {@code bench/e2e.sh}, never by the tests): three Jetty servers in one
 * JVM, identical but for what filters the page (nothing, ConsentGate, or the {@link ScanOnlyFilter} yardstick), both serving the same ~50 KB page with real tag loaders from memory. Arguments:
 * the page size in bytes (default 51,200) and the page: {@code demo} (default; the demo shop page with its product
 * list grown to the size: one tag every ~24 bytes) or {@code shop} (the micro-benchmark's page,
 * {@link io.consentgate.bench.PageFixtures}: one tag every ~50 bytes) or {@code article} (the demo page's tags around
 * a long read: one tag every ~65 bytes). Prints {@code page=BYTES baseline=PORT
 * filtered=PORT scan=PORT} and runs until killed. Loopback only.
 */
public final class LoadTestServer {

    private LoadTestServer() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 50 * 1024;
        String kind = args.length > 1 ? args[1] : "demo";
        byte[] page = switch (kind) {
            case "demo" -> page(size);
            case "shop" -> io.consentgate.bench.PageFixtures.page(size);
            case "article" -> article(size);
            default -> throw new IllegalArgumentException("page must be demo, shop or article, not " + kind);
        };
        Server baseline = start(page, Variant.BASELINE);
        Server filtered = start(page, Variant.CONSENTGATE);
        Server scan = start(page, Variant.SCAN_ONLY);
        System.out.println("page=" + page.length + " baseline=" + port(baseline) + " filtered=" + port(filtered)
                + " scan=" + port(scan));
        System.out.flush();
        baseline.join();
    }

    private static int port(Server s) {
        return ((ServerConnector) s.getConnectors()[0]).getLocalPort();
    }

    /** What stands between the container and the page servlet. */
    private enum Variant {
        /** Nothing: the page as the servlet writes it, with its {@code Content-Length}. */
        BASELINE,
        /** ConsentGate, installed as an application installs it. */
        CONSENTGATE,
        /** {@link ScanOnlyFilter}: reads every byte with the plain {@code <} loop, chunks the body. */
        SCAN_ONLY
    }

    private static Server start(byte[] page, Variant variant) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        if (variant == Variant.CONSENTGATE) {
            ConsentGateJetty.install(context, Policy.builder()
                    .accessLog(io.consentgate.log.AccessLogFormat.OFF).build());
        } else if (variant == Variant.SCAN_ONLY) {
            context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(new ScanOnlyFilter()), "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder(new PageServlet(page)), "/*");
        server.setHandler(context);
        server.start();
        return server;
    }

    /** The demo shop page (run from the project root), its product list grown until the page is {@code size} bytes. */
    static byte[] page(int size) throws IOException {
        String html = Files.readString(Path.of("demo-webapp/src/main/webapp/index.html"));
        int at = html.indexOf("</section>", html.indexOf("<section class=\"products\">"));
        String head = html.substring(0, at);
        String tail = html.substring(at);
        StringBuilder sb = new StringBuilder(head);
        int i = 0;
        while (sb.length() + tail.length() < size) {
            sb.append("    <article class=\"product\" id=\"p").append(i).append("\"><h2>Tea no. ").append(i)
                    .append("</h2><p>Single-estate leaves, hand-rolled, picked in spring; steep three minutes at ")
                    .append(70 + i % 25).append("&nbsp;°C.</p><p class=\"price\">€").append(5 + i % 20)
                    .append(".50</p><a href=\"/tea/").append(i).append("\">Details</a></article>\n");
            i++;
        }
        sb.append(tail);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The demo page's head and tags (GTM, GA4, the Meta pixel, LinkedIn Insight) around a long read instead of the
     * product list: paragraphs of prose with a link or an emphasis each, a figure every few paragraphs (one tag every
     * ~65 bytes, head included), the shape of a blog post or a news article.
     */
    static byte[] article(int size) throws IOException {
        String html = Files.readString(Path.of("demo-webapp/src/main/webapp/index.html"));
        int from = html.indexOf("<section class=\"products\">");
        int at = html.indexOf("</section>", from);
        String head = html.substring(0, from) + "<article class=\"post\">\n    <h1>A season in the tea gardens</h1>\n";
        String tail = "  </article>\n" + html.substring(at + "</section>".length());
        StringBuilder sb = new StringBuilder(head);
        int i = 0;
        while (sb.length() + tail.length() < size) {
            sb.append("    <p>The first flush arrives when the nights are still cold, and the pickers start before ")
                    .append("dawn on the steepest rows. Leaves from terrace ").append(i)
                    .append(" are withered for eighteen hours, rolled by hand and fired twice; the <em>second</em> ")
                    .append("firing decides how much of the spring taste survives the journey. Read more in our ")
                    .append("<a href=\"/journal/").append(i).append("\">garden journal</a>, where the estate keeps ")
                    .append("notes on weather, altitude and the water it brews with.</p>\n");
            if (i % 4 == 3) {
                sb.append("    <figure><img src=\"/img/garden-").append(i).append(".jpg\" alt=\"Terrace ").append(i)
                        .append(" at sunrise\" width=\"800\" height=\"533\" loading=\"lazy\"><figcaption>Terrace ")
                        .append(i).append(", before the pickers arrive.</figcaption></figure>\n");
            }
            i++;
        }
        sb.append(tail);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final class PageServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient byte[] page;

        PageServlet(byte[] page) {
            this.page = page;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.setContentLength(page.length);
            resp.getOutputStream().write(page);
        }
    }
}
