package io.consentgate.demo;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the demo webapp, exactly as deployed from its {@code WEB-INF/web.xml}, on embedded Jetty 12.
 * System properties: {@code demo.port} (default 8080), {@code demo.host} (default 127.0.0.1), {@code demo.webapp}
 * (the webapp directory; the Maven build sets it).
 */
public final class DemoServer {

    private DemoServer() {
    }

    public static void main(String[] args) throws Exception {
        Server server = start(Integer.getInteger("demo.port", 8080), System.getProperty("demo.host", "127.0.0.1"));
        System.out.println("ConsentGate demo on http://localhost:" + ((ServerConnector) server.getConnectors()[0])
                .getLocalPort() + "/  (Ctrl-C to stop)");
        server.join();
    }

    /** Starts the demo at the root context; port 0 picks a free port. */
    public static Server start(int port, String host) throws Exception {
        return start(port, host, "/");
    }

    /** Starts the demo at {@code contextPath}, as a container does with a WAR not named {@code ROOT.war}. */
    public static Server start(int port, String host, String contextPath) throws Exception {
        Path webapp = Path.of(System.getProperty("demo.webapp", "demo-webapp/src/main/webapp"));
        if (!Files.isRegularFile(webapp.resolve("WEB-INF/web.xml"))) {
            throw new IllegalStateException("demo webapp not found at " + webapp.toAbsolutePath()
                    + " (set -Ddemo.webapp=DIR)");
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        WebAppContext context = new WebAppContext();
        context.setContextPath(contextPath);
        context.setWar(webapp.toAbsolutePath().toString());
        // The demo's classes and ConsentGate come from the launcher's classpath, not WEB-INF.
        context.setParentLoaderPriority(true);
        context.setThrowUnavailableOnStartupException(true);
        server.setHandler(context);
        server.start();
        return server;
    }
}
