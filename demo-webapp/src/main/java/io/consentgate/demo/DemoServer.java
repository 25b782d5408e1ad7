package io.consentgate.demo;

import io.consentgate.Category;
import io.consentgate.ConsentGateFilter;
import io.consentgate.ConsentMode;
import io.consentgate.Policy;
import io.consentgate.html.RewriteMode;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the demo webapp, exactly as deployed from its {@code WEB-INF/web.xml}, on embedded Jetty 12.
 * System properties: {@code demo.port} (default 8080), {@code demo.host} (default 127.0.0.1), {@code demo.webapp}
 * (the webapp directory; the Maven build sets it).
 */
public final class DemoServer {

    private DemoServer() {
    }

    public static void main(String[] args) throws Exception {
        showConsentGatesLog();
        Server server = start(Integer.getInteger("demo.port", 8080), System.getProperty("demo.host", "127.0.0.1"));
        System.out.println("ConsentGate demo on http://localhost:" + ((ServerConnector) server.getConnectors()[0])
                .getLocalPort() + "/  (Ctrl-C to stop)");
        System.out.println(summary(policy(server)));
        server.join();
    }

    /**
     * {@code mvn -q} sets the simple logger's default level to {@code error} in its JVM, which {@code exec:java}
     * shares with the demo: ConsentGate's start-up line, its warnings and the access log would be hidden. Its loggers
     * ({@code io.consentgate.*}, {@code consentgate.access}, {@code consentgate.consent}) log at {@code info} unless a
     * {@code -D} on the command line says otherwise. Set before any logger is created.
     */
    static void showConsentGatesLog() {
        for (String logger : List.of("io.consentgate", "consentgate")) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "info");
            }
        }
    }

    /** The policy the demo's filter read from {@code web.xml} and {@code WEB-INF/consentgate.yaml}. */
    static Policy policy(Server server) {
        FilterHolder holder = ((WebAppContext) server.getHandler()).getServletHandler().getFilter("consentgate");
        return ((ConsentGateFilter) holder.getFilter()).policy();
    }

    /** One line saying what the demo enforces, for the console. */
    static String summary(Policy p) {
        StringBuilder s = new StringBuilder("  enforcing ").append(p.mode().id()).append(p.mode() == ConsentMode.OPT_IN
                ? " (nothing but necessary until a visitor consents)" : " (everything until a visitor refuses)");
        s.append("; Sec-GPC: 1 refuses ").append(ids(p.gpcRefuses()));
        s.append("; DNT: 1 refuses ").append(ids(p.dntRefuses()));
        if (!p.honouredCmps().isEmpty()) {
            s.append("; honours ").append(String.join(",", p.honouredCmps()));
        }
        s.append("; consent endpoint ").append(p.consentPath() == null ? "off" : p.consentPath());
        s.append(p.reportOnly() ? "; report-only: responses unchanged" : !p.htmlRewrite() ? "; HTML not rewritten"
                : "; refused trackers " + (p.htmlMode() == RewriteMode.REMOVE ? "removed" : "neutralized")
                + " from HTML");
        s.append("; access log ").append(p.accessLog().id());
        return s.toString();
    }

    private static String ids(Set<Category> categories) {
        return categories.isEmpty() ? "nothing" : categories.stream().sorted().map(Category::id)
                .collect(Collectors.joining(","));
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
