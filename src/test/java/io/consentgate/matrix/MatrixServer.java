package io.consentgate.matrix;

import io.consentgate.ConsentGateFilter;
import jakarta.servlet.DispatcherType;
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
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.FilterInfo;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Jetty 12 (ee10, or ee11 under the {@code servlet-6.1} execution; {@link LocalConnector}), Tomcat 11 or Undertow 2.3
 * (embedded, loopback socket) with ConsentGate registered by
 * class name and init-params as {@code web.xml} registers it (REQUEST, ERROR and ASYNC dispatches), in front of
 * {@link ScenarioServlet} at {@code /*}, with {@code /error-page} as the 404 error page. Every exchange is one request
 * with {@code Connection: close}; the raw response bytes come back for {@code HttpTester} to parse.
 */
abstract class MatrixServer implements AutoCloseable {

    /**
     * The containers the matrix runs on: {@code -Dconsentgate.test.containers} (default all three). The Tomcat 10.1
     * and Servlet 6.1 executions leave Undertow out: its rows ran in the default execution, and Undertow 2.3
     * implements Servlet 6.0.
     */
    static List<String> kinds() {
        return List.of(System.getProperty("consentgate.test.containers", "jetty,tomcat,undertow").split(","));
    }

    /** The default response buffer of a container kind: the size the matrix's bodies are placed around. */
    static int bufferSize(String kind) {
        return switch (kind) {
            case "jetty" -> 32768;
            case "tomcat" -> 8192;
            case "undertow" -> UndertowServer.BUFFER;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    abstract String name();

    abstract byte[] exchange(byte[] request) throws Exception;

    byte[] exchange(String request) throws Exception {
        return exchange(request.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Like {@link #exchange(String)}, with the interim (1xx) responses before the final one. */
    byte[] exchangeWithInterim(String request) throws Exception {
        return exchange(request); // the socket is read until the server closes it
    }

    @Override
    public String toString() {
        return name();
    }

    static MatrixServer start(String kind, Map<String, String> initParams) throws Exception {
        return start(kind, initParams, false);
    }

    /** With {@code twice}, the filter is registered a second time under another name (a doubled web.xml entry). */
    static MatrixServer start(String kind, Map<String, String> initParams, boolean twice) throws Exception {
        return start(kind, initParams, twice, true);
    }

    /** With {@code forward} false, the filter is not mapped to the FORWARD dispatcher (a web.xml that leaves it out). */
    static MatrixServer start(String kind, Map<String, String> initParams, boolean twice, boolean forward)
            throws Exception {
        return switch (kind) {
            case "jetty" -> new JettyServer(EE11 ? Ee11Context.create(initParams, twice, forward)
                    : ee10Context(initParams, twice, forward));
            case "tomcat" -> new TomcatServer(initParams, twice, forward);
            case "undertow" -> new UndertowServer(initParams, twice, forward);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /**
     * Whether "jetty" means Jetty 12.1's Servlet 6.1 environment (ee11) instead of ee10: set by the
     * {@code servlet-6.1} test execution, which has the Servlet 6.1 API on the class path.
     */
    private static final boolean EE11 = Boolean.getBoolean("consentgate.test.jetty.ee11");

    /** The filter as {@code web.xml} registers it, in front of {@link ScenarioServlet}, in Jetty's ee10 environment. */
    private static Handler ee10Context(Map<String, String> initParams, boolean twice, boolean forward) {
        ServletContextHandler context = new ServletContextHandler("/");
        for (int i = 0; i < (twice ? 2 : 1); i++) {
            FilterHolder holder = new FilterHolder();
            holder.setName("consentgate-" + i);
            holder.setClassName(ConsentGateFilter.class.getName());
            holder.setAsyncSupported(true);
            initParams.forEach(holder::setInitParameter);
            context.addFilter(holder, "/*", dispatches(forward));
        }
        ServletHolder servlet = context.addServlet(ScenarioServlet.class, "/*");
        servlet.setAsyncSupported(true);
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(404, "/error-page");
        context.setErrorHandler(errors);
        return context;
    }

    /** REQUEST, ERROR, ASYNC and, unless left out, FORWARD. */
    static EnumSet<DispatcherType> dispatches(boolean forward) {
        EnumSet<DispatcherType> dispatches = EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD,
                DispatcherType.ERROR, DispatcherType.ASYNC);
        if (!forward) {
            dispatches.remove(DispatcherType.FORWARD);
        }
        return dispatches;
    }

    private static final class JettyServer extends MatrixServer {
        private final Server server = new Server();
        private final LocalConnector connector = new LocalConnector(server);

        JettyServer(Handler context) throws Exception {
            server.addConnector(connector);
            server.setHandler(context);
            server.start();
        }

        @Override
        String name() {
            return "jetty";
        }

        @Override
        byte[] exchangeWithInterim(String request) throws Exception {
            // LocalConnector hands out one response at a time: read on until the final one
            LocalConnector.LocalEndPoint endPoint = connector.executeRequest(
                    request.replace("\r\n", "\n").replace("\n", "\r\n"));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                ByteBuffer r = endPoint.waitForResponse(false, 30, TimeUnit.SECONDS);
                if (r == null) {
                    return all.toByteArray();
                }
                byte[] b = new byte[r.remaining()];
                r.get(b);
                all.write(b);
                if (!new String(b, 0, Math.min(b.length, 10), StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 1")) {
                    return all.toByteArray();
                }
            }
        }

        @Override
        byte[] exchange(byte[] request) throws Exception {
            ByteBuffer out = connector.getResponse(ByteBuffer.wrap(request), 30, TimeUnit.SECONDS);
            byte[] b = new byte[out.remaining()];
            out.get(b);
            return b;
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }

    private static final class TomcatServer extends MatrixServer {
        private final Tomcat tomcat = new Tomcat();
        private final int port;

        TomcatServer(Map<String, String> initParams, boolean twice, boolean forward) throws Exception {
            tomcat.setBaseDir(Files.createTempDirectory("cg-matrix-tomcat").toString());
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            Context ctx = tomcat.addContext("", null);
            for (int i = 0; i < (twice ? 2 : 1); i++) {
                FilterDef def = new FilterDef();
                def.setFilterName("consentgate-" + i);
                def.setFilterClass(ConsentGateFilter.class.getName());
                def.setAsyncSupported("true");
                initParams.forEach(def::addInitParameter);
                ctx.addFilterDef(def);
                FilterMap map = new FilterMap();
                map.setFilterName("consentgate-" + i);
                map.addURLPattern("/*");
                map.setDispatcher("REQUEST");
                if (forward) {
                    map.setDispatcher("FORWARD");
                }
                map.setDispatcher("ERROR");
                map.setDispatcher("ASYNC");
                ctx.addFilterMap(map);
            }
            Wrapper w = Tomcat.addServlet(ctx, "scenario", ScenarioServlet.class.getName());
            w.setAsyncSupported(true);
            ctx.addServletMappingDecoded("/*", "scenario");
            ErrorPage notFound = new ErrorPage();
            notFound.setErrorCode(404);
            notFound.setLocation("/error-page");
            ctx.addErrorPage(notFound);
            tomcat.start();
            if (ctx.getState() != LifecycleState.STARTED) {
                close();
                throw new IllegalStateException("Tomcat context did not start (filter init failed?)");
            }
            port = connector.getLocalPort();
        }

        @Override
        String name() {
            return "tomcat";
        }

        @Override
        byte[] exchange(byte[] request) throws Exception {
            return overSocket(port, request);
        }

        @Override
        public void close() throws Exception {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    /** One request over a loopback socket; the response read until the server closes the connection. */
    static byte[] overSocket(int port, byte[] request) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(Integer.getInteger("matrix.timeout", 30_000));
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toByteArray();
        }
    }

    /** Undertow 2.3 (WildFly's servlet container), deployed as a web.xml would deploy the matrix application. */
    private static final class UndertowServer extends MatrixServer {
        /** Set explicitly: Undertow sizes its buffers from the heap when left alone. */
        static final int BUFFER = 16384;
        private final DeploymentManager manager;
        private final Undertow server;
        private final int port;

        UndertowServer(Map<String, String> initParams, boolean twice, boolean forward) throws Exception {
            DeploymentInfo info = Servlets.deployment()
                    .setClassLoader(MatrixServer.class.getClassLoader())
                    .setContextPath("/")
                    .setDeploymentName("matrix")
                    .addServlet(Servlets.servlet("scenario", ScenarioServlet.class).addMapping("/*")
                            .setAsyncSupported(true))
                    .addErrorPage(Servlets.errorPage("/error-page", 404));
            for (int i = 0; i < (twice ? 2 : 1); i++) {
                FilterInfo filter = Servlets.filter("consentgate-" + i, ConsentGateFilter.class).setAsyncSupported(true);
                initParams.forEach(filter::addInitParam);
                info.addFilter(filter);
                for (DispatcherType type : dispatches(forward)) {
                    info.addFilterUrlMapping(filter.getName(), "/*", type);
                }
            }
            manager = Servlets.newContainer().addDeployment(info);
            manager.deploy();
            server = Undertow.builder()
                    .setBufferSize(BUFFER)
                    .addHttpListener(0, "127.0.0.1")
                    .setHandler(manager.start())
                    .build();
            server.start();
            port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        }

        @Override
        String name() {
            return "undertow";
        }

        @Override
        byte[] exchange(byte[] request) throws Exception {
            return overSocket(port, request);
        }

        @Override
        public void close() throws Exception {
            server.stop();
            manager.stop();
            manager.undeploy();
        }
    }
}
