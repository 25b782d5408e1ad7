package io.consentgate.container;

import io.consentgate.ConsentGateFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.nio.file.Files;
import java.util.EnumSet;
import java.util.Map;

/**
 * Jetty 12 or Tomcat 11 on a loopback port with ConsentGate mapped to {@code /*} for REQUEST, FORWARD, ERROR and
 * ASYNC (as the README's web.xml maps it) in front of an application servlet at {@code /*}, with {@code /error-page}
 * as the page for 404 and 500. Requests go over a socket with {@code Connection: close}, raw bytes in and out.
 * Request headers may be up to {@value #REQUEST_HEADER_SIZE} bytes, as operators whose visitors carry many cookies
 * configure them; responses keep the containers' default limit (8 KB).
 */
final class CookieAppServers implements AutoCloseable {

    static final int REQUEST_HEADER_SIZE = 65536;

    private final AutoCloseable stop;
    private final int port;
    private final String kind;

    private CookieAppServers(String kind, AutoCloseable stop, int port) {
        this.kind = kind;
        this.stop = stop;
        this.port = port;
    }

    static CookieAppServers start(String kind, Class<? extends HttpServlet> servlet, Map<String, String> initParams)
            throws Exception {
        return "jetty".equals(kind) ? jetty(servlet, initParams) : tomcat(servlet, initParams);
    }

    private static CookieAppServers jetty(Class<? extends HttpServlet> servlet, Map<String, String> initParams)
            throws Exception {
        Server server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        config.setRequestHeaderSize(REQUEST_HEADER_SIZE);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        FilterHolder holder = new FilterHolder();
        holder.setName("consentgate");
        holder.setClassName(ConsentGateFilter.class.getName());
        holder.setAsyncSupported(true);
        initParams.forEach(holder::setInitParameter);
        context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD,
                DispatcherType.ERROR, DispatcherType.ASYNC));
        ServletHolder app = context.addServlet(servlet, "/*");
        app.setAsyncSupported(true);
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(404, "/error-page");
        errors.addErrorPage(500, "/error-page");
        context.setErrorHandler(errors);
        server.setHandler(context);
        server.start();
        return new CookieAppServers("jetty", server::stop, connector.getLocalPort());
    }

    private static CookieAppServers tomcat(Class<? extends HttpServlet> servlet, Map<String, String> initParams)
            throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("cg-cookie-app").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxHttpRequestHeaderSize", Integer.toString(REQUEST_HEADER_SIZE));
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext("", null);
        FilterDef def = new FilterDef();
        def.setFilterName("consentgate");
        def.setFilterClass(ConsentGateFilter.class.getName());
        def.setAsyncSupported("true");
        initParams.forEach(def::addInitParameter);
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("consentgate");
        map.addURLPattern("/*");
        for (String d : new String[] {"REQUEST", "FORWARD", "ERROR", "ASYNC"}) {
            map.setDispatcher(d);
        }
        ctx.addFilterMap(map);
        Wrapper w = Tomcat.addServlet(ctx, "app", servlet.getName());
        w.setAsyncSupported(true);
        ctx.addServletMappingDecoded("/*", "app");
        for (int code : new int[] {404, 500}) {
            ErrorPage page = new ErrorPage();
            page.setErrorCode(code);
            page.setLocation("/error-page");
            ctx.addErrorPage(page);
        }
        tomcat.start();
        if (ctx.getState() != LifecycleState.STARTED) {
            tomcat.stop();
            tomcat.destroy();
            throw new IllegalStateException("Tomcat context did not start");
        }
        return new CookieAppServers("tomcat", () -> {
            tomcat.stop();
            tomcat.destroy();
        }, connector.getLocalPort());
    }

    String kind() {
        return kind;
    }

    /** One raw request ({@code \n} line ends are sent as CRLF; {@code Connection: close} added); the raw response. */
    String exchange(String request) throws Exception {
        return Container.exchangeOverSocket(port, request);
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
