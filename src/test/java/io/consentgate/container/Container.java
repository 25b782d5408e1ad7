package io.consentgate.container;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.RewriteStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A servlet container under test with ConsentGate registered as {@code web.xml} would register it (by class name,
 * with init-params, mapped to {@code /*} for REQUEST and ERROR), in front of {@link AppServlet} at {@code /*}.
 */
interface Container extends AutoCloseable {

    /** Sends one raw HTTP/1.1 request (text block, CRLF line ends added) and returns the raw response. */
    String exchange(String rawRequest) throws Exception;

    /** Which container this is, for test names. */
    String name();

    @Override
    void close() throws Exception;

    /** Starts Jetty or Tomcat with the given init-params. */
    static Container start(String kind, Map<String, String> initParams) throws Exception {
        return switch (kind) {
            case "jetty" -> JettyContainer.start(initParams);
            case "tomcat" -> TomcatContainer.start(initParams);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Starts Jetty or Tomcat with the given init-params and the application's session cookie renamed. */
    static Container start(String kind, Map<String, String> initParams, String sessionCookieName) throws Exception {
        return switch (kind) {
            case "jetty" -> JettyContainer.start(initParams, sessionCookieName);
            case "tomcat" -> TomcatContainer.start(initParams, sessionCookieName);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /**
     * Sends one raw request (text block, CRLF line ends added; {@code Connection: close} added unless it names a
     * {@code Connection}) to the server on loopback {@code port}, and reads the raw response until the server closes.
     */
    static String exchangeOverSocket(int port, String rawRequest) throws IOException {
        String req = crlf(rawRequest);
        int headerEnd = req.indexOf("\r\n\r\n");
        String head = req.substring(0, headerEnd);
        if (!head.toLowerCase(Locale.ROOT).contains("\r\nconnection:")) {
            req = head + "\r\nConnection: close" + req.substring(headerEnd);
        }
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(req.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            s.getInputStream().transferTo(buf);
            return buf.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Normalizes a text-block request to CRLF line ends. */
    static String crlf(String raw) {
        String r = raw.replace("\r\n", "\n").replace("\n", "\r\n");
        return r.endsWith("\r\n\r\n") ? r : r + (r.endsWith("\r\n") ? "\r\n" : "\r\n\r\n");
    }

    /** What ConsentGate's own rewriter makes of {@code page}, in UTF-8, for a visitor who refused everything. */
    static byte[] rewrittenForRefusal(byte[] page) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RewriteStream s = HtmlRewriter.builder(TrackerCatalog.bundled()).build()
                .open(ConsentDecision.refuseAll(), StandardCharsets.UTF_8, out, null);
        s.write(page, 0, page.length);
        s.finish();
        return out.toByteArray();
    }
}
