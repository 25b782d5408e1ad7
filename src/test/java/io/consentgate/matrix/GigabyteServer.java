package io.consentgate.matrix;

import io.consentgate.ConsentGateFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

/**
 * Run in a forked JVM by {@link GigabyteStreamTest}: Jetty on a loopback port with ConsentGate registered by class
 * name, in front of a servlet that streams {@link #BODY_BYTES} bytes of generated HTML with a tracker in every
 * {@link #BLOCK}-byte block. Prints {@code PORT <n>} on stdout once listening; exits when stdin closes.
 */
public final class GigabyteServer {

    static final long BODY_BYTES = 1L << 30;
    static final int BLOCK = 64 * 1024;
    static final String HEAD = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Catalogue</title>\n"
            + "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-9ZZ1\"></script>\n"
            + "</head><body>\n";
    static final String TAIL = "</body></html>\n";

    private GigabyteServer() {
    }

    /** Block {@code i} of the body: exactly {@link #BLOCK} bytes, a tracker at a different offset in each. */
    static byte[] block(int variant) {
        String[] trackers = {
            "<noscript><img height=\"1\" width=\"1\" "
                + "src=\"https://www.facebook.com/tr?id=77&ev=PageView\"/></noscript>",
            "<script src=\"https://connect.facebook.net/en_US/fbevents.js\" async></script>",
            "<img src=\"https://bat.bing.com/action/0?ti=99&Ver=2\" width=\"1\" height=\"1\">",
            "<script>(function(w,d,s,l,i){w[l]=w[l]||[];var j=d.createElement(s);j.async=true;"
                + "j.src='https://www.googletagmanager.com/gtm.js?id='+i;d.head.appendChild(j);"
                + "})(window,document,'script','dataLayer','GTM-P4X');</script>",
        };
        StringBuilder sb = new StringBuilder(BLOCK);
        String row = "<li class=\"product\"><a href=\"/p/1042\">Espresso cup, stoneware</a> <b>12.90</b></li>\n";
        int trackerAt = 1000 + variant * 13_000;
        while (sb.length() + row.length() < trackerAt) {
            sb.append(row);
        }
        sb.append(trackers[variant % trackers.length]);
        while (sb.length() + row.length() < BLOCK - 1) {
            sb.append(row);
        }
        sb.append(" ".repeat(BLOCK - 1 - sb.length())).append('\n');
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Number of blocks between head and tail. */
    static long blocks() {
        return (BODY_BYTES - HEAD.length() - TAIL.length()) / BLOCK;
    }

    /** Spaces after the blocks so that the body is exactly {@link #BODY_BYTES}. */
    static int padding() {
        return (int) (BODY_BYTES - HEAD.length() - TAIL.length() - blocks() * BLOCK);
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        // without stand-ins for removed trackers' globals: they are written once per page, so the test's sum of
        // what each block becomes would count them once per block
        context.addFilter(ConsentGateFilter.class.getName(), "/*", EnumSet.of(DispatcherType.REQUEST))
                .setInitParameter("html-stub-globals", "false");
        context.addServlet(Streamer.class, "/*");
        server.setHandler(context);
        server.start();
        System.out.println("PORT " + connector.getLocalPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Runs until the test closes our stdin.
        }
        server.stop();
    }

    /** Streams the gigabyte page. */
    public static final class Streamer extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.setContentLengthLong(BODY_BYTES);
            ServletOutputStream out = resp.getOutputStream();
            out.write(HEAD.getBytes(StandardCharsets.US_ASCII));
            byte[][] variants = {block(0), block(1), block(2), block(3)};
            for (long i = 0; i < blocks(); i++) {
                out.write(variants[(int) (i % variants.length)]);
            }
            out.write(" ".repeat(padding()).getBytes(StandardCharsets.US_ASCII));
            out.write(TAIL.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
