package io.consentgate.container;

import io.consentgate.ConsentGateFilter;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

import java.util.EnumSet;
import java.util.Map;

/** Jetty 12 (ee10) through a {@link LocalConnector}: raw HTTP in, raw HTTP out, no sockets. */
final class JettyContainer implements Container {

    private final Server server;
    private final LocalConnector connector;

    private JettyContainer(Server server, LocalConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    static JettyContainer start(Map<String, String> initParams) throws Exception {
        return start(initParams, null);
    }

    static JettyContainer start(Map<String, String> initParams, String sessionCookieName) throws Exception {
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        if (sessionCookieName != null) {
            SessionHandler sessions = new SessionHandler();
            sessions.setSessionCookie(sessionCookieName);
            context.setSessionHandler(sessions);
        }
        FilterHolder holder = context.addFilter(ConsentGateFilter.class.getName(), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        holder.setAsyncSupported(true);
        initParams.forEach(holder::setInitParameter);
        context.addServlet(AppServlet.class, "/*");
        server.setHandler(context);
        server.start();
        return new JettyContainer(server, connector);
    }

    @Override
    public String exchange(String rawRequest) throws Exception {
        return connector.getResponse(Container.crlf(rawRequest));
    }

    @Override
    public String name() {
        return "jetty";
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
