package io.consentgate.container;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One async servlet on every path behind filters in the given order (each async-supported, {@code REQUEST}
 * dispatch unless told otherwise), started on Jetty with a {@link LocalConnector} or on a loopback port, and on Tomcat
 * on a loopback port: the set-up of the tests that drive the same exchange through both containers. The contexts
 * alone are for a test that needs connectors of its own.
 */
final class AsyncApps {

    private AsyncApps() {
    }

    /** A started Jetty whose only connector is a {@link LocalConnector} ({@link #localConnector}). */
    static Server jetty(Class<? extends Servlet> servlet, List<Class<? extends Filter>> filters) throws Exception {
        Server jetty = new Server();
        jetty.addConnector(new LocalConnector(jetty));
        jetty.setHandler(jettyContext(servlet, filters, EnumSet.of(DispatcherType.REQUEST)));
        jetty.start();
        return jetty;
    }

    /**
     * A started Jetty whose only connector listens on a free loopback port ({@link #port}), each accepted socket with
     * a send buffer of {@code sendBufferSize} bytes: a client that reads slowly soon fills it.
     */
    static Server jettyOnLoopback(Class<? extends Servlet> servlet, List<Class<? extends Filter>> filters,
                                  int sendBufferSize) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setAcceptedSendBufferSize(sendBufferSize);
        jetty.addConnector(connector);
        jetty.setHandler(jettyContext(servlet, filters, EnumSet.of(DispatcherType.REQUEST)));
        jetty.start();
        return jetty;
    }

    static int port(Server jetty) {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** The servlet on every path behind the filters, each filter mapped for the given dispatches. */
    static ServletContextHandler jettyContext(Class<? extends Servlet> servlet, List<Class<? extends Filter>> filters,
            EnumSet<DispatcherType> dispatches) {
        ServletContextHandler context = new ServletContextHandler("/");
        for (Class<? extends Filter> filter : filters) {
            FilterHolder holder = new FilterHolder(filter);
            holder.setAsyncSupported(true);
            context.addFilter(holder, "/*", dispatches);
        }
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
        return context;
    }

    static LocalConnector localConnector(Server jetty) {
        return (LocalConnector) jetty.getConnectors()[0];
    }

    /** A started Tomcat on a loopback port ({@link TomcatContainer#onLoopback}). */
    static Tomcat tomcat(Class<? extends Servlet> servlet, List<Class<? extends Filter>> filters) throws Exception {
        Tomcat tomcat = TomcatContainer.onLoopback();
        tomcatContext(tomcat, servlet, filters, EnumSet.of(DispatcherType.REQUEST));
        tomcat.start();
        return tomcat;
    }

    /** {@link #tomcat}, each accepted socket with a send buffer of {@code sendBufferSize} bytes. */
    static Tomcat tomcat(Class<? extends Servlet> servlet, List<Class<? extends Filter>> filters,
                         int sendBufferSize) throws Exception {
        Tomcat tomcat = TomcatContainer.onLoopback();
        tomcat.getConnector().setProperty("socket.txBufSize", Integer.toString(sendBufferSize));
        tomcatContext(tomcat, servlet, filters, EnumSet.of(DispatcherType.REQUEST));
        tomcat.start();
        return tomcat;
    }

    /** Adds the root context: the servlet on every path behind the filters, each mapped for the given dispatches. */
    static void tomcatContext(Tomcat tomcat, Class<? extends Servlet> servlet, List<Class<? extends Filter>> filters,
            EnumSet<DispatcherType> dispatches) {
        Context ctx = tomcat.addContext("", null);
        for (Class<? extends Filter> filter : filters) {
            FilterDef def = new FilterDef();
            def.setFilterName(filter.getSimpleName());
            def.setFilterClass(filter.getName());
            def.setAsyncSupported("true");
            ctx.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName(filter.getSimpleName());
            map.addURLPattern("/*");
            dispatches.forEach(d -> map.setDispatcher(d.name()));
            ctx.addFilterMap(map);
        }
        String name = servlet.getSimpleName();
        Wrapper w = Tomcat.addServlet(ctx, name, servlet.getName());
        w.setAsyncSupported(true);
        ctx.addServletMappingDecoded("/*", name);
    }

    /**
     * An async listener that records how the cycle ended, {@code complete}, {@code timeout} (then completes it) or
     * {@code error}, and runs {@code ended} at a complete or a timeout.
     */
    static AsyncListener recording(Collection<String> events, Runnable ended) {
        return new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                events.add("complete");
                ended.run();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                events.add("timeout");
                ended.run();
                event.getAsyncContext().complete();
            }

            @Override
            public void onError(AsyncEvent event) {
                events.add("error");
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        };
    }

    static AsyncListener recording(Collection<String> events) {
        return recording(events, () -> { });
    }

    /** The same application on Jetty ({@link LocalConnector}) and on Tomcat (loopback), for tests run on each. */
    static final class OnBoth {

        private final Server jetty;
        private final Tomcat tomcat;

        private OnBoth(Server jetty, Tomcat tomcat) {
            this.jetty = jetty;
            this.tomcat = tomcat;
        }

        static OnBoth start(Class<? extends Servlet> servlet, List<Class<? extends Filter>> filters) throws Exception {
            return new OnBoth(jetty(servlet, filters), tomcat(servlet, filters));
        }

        /** The raw response of {@code kind} ({@code jetty} or {@code tomcat}) to {@code raw}, written with LF. */
        String exchange(String kind, String raw) throws Exception {
            return kind.equals("jetty")
                ? localConnector(jetty).getResponse(Container.crlf(raw), 20, TimeUnit.SECONDS)
                : Container.exchangeOverSocket(tomcat.getConnector().getLocalPort(), raw);
        }

        void stop() throws Exception {
            try {
                jetty.stop();
            } finally {
                tomcat.stop();
                tomcat.destroy();
            }
        }
    }

    /**
     * A filter in front of ConsentGate that plays the container's side of the body: the application (and ConsentGate)
     * write into the stream {@link #inFront} makes of the container's, which the servlet finds as a request attribute
     * under the stream's class name.
     */
    abstract static class StreamInFront implements Filter {

        abstract ServletOutputStream inFront(ServletOutputStream container);

        @Override
        public final void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            HttpServletResponse container = (HttpServletResponse) res;
            ServletOutputStream stream = inFront(container.getOutputStream());
            req.setAttribute(stream.getClass().getName(), stream);
            chain.doFilter(req, new HttpServletResponseWrapper(container) {
                @Override
                public ServletOutputStream getOutputStream() {
                    return stream;
                }
            });
        }
    }
}
