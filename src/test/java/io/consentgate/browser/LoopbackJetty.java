package io.consentgate.browser;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The Jetty 12 server every browser test serves its pages from: one context, 127.0.0.1 only, an ephemeral port, one
 * acceptor and one selector (Chromium opens a handful of connections at most).
 */
final class LoopbackJetty {

    private LoopbackJetty() {
    }

    /** Starts {@code context} on a new server. */
    static Server start(ServletContextHandler context) throws Exception {
        return start(context, new HttpConfiguration());
    }

    /** Starts {@code context} on a new server whose connector uses {@code config} (e.g. with a request customizer). */
    static Server start(ServletContextHandler context, HttpConfiguration config) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception | Error e) {
            server.stop();
            throw e;
        }
        return server;
    }

    /** {@code http://host:port} of a started server; {@code host} must resolve to 127.0.0.1 in the browser. */
    static String origin(Server server, String host) {
        return "http://" + host + ":" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** {@code http://127.0.0.1:port} of a started server. */
    static String origin(Server server) {
        return origin(server, "127.0.0.1");
    }

    /**
     * Closes the browser, then stops every server, each even when an earlier one failed; {@code null}s (a class whose
     * set-up was skipped without Chromium) are passed over.
     */
    static void stop(AutoCloseable browser, Server... servers) throws Exception {
        Exception first = null;
        if (browser != null) {
            try {
                browser.close();
            } catch (Exception e) {
                first = e;
            }
        }
        for (Server server : servers) {
            if (server == null) {
                continue;
            }
            try {
                server.stop();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
