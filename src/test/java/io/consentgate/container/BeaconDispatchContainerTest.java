package io.consentgate.container;

import io.consentgate.ConsentGateFilter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A request the application forwards or async-dispatches to a collection path (a URL rewrite, a controller's
 * {@code forward:}) is a beacon as much as one sent to that path: with FORWARD and ASYNC mapped, the gate answers it
 * and the collector never runs, whether ConsentGate decided before the dispatch or not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BeaconDispatchContainerTest {

    private static final AtomicInteger COLLECTED = new AtomicInteger();

    private Server jetty;
    private LocalConnector jettyConnector;
    private Tomcat tomcat;
    private int tomcatPort;

    /** Forwards {@code /fwd} and async-dispatches {@code /async} to {@code /g/collect}; counts what reaches it. */
    public static final class DispatchingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp)
                throws IOException, ServletException {
            String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
            if (path.equals("/fwd")) {
                req.getRequestDispatcher("/g/collect").forward(req, resp);
            } else if (path.equals("/async") && req.getDispatcherType() == DispatcherType.REQUEST) {
                AsyncContext async = req.startAsync();
                async.dispatch("/g/collect");
            } else {
                COLLECTED.incrementAndGet();
                resp.setContentType("text/plain");
                resp.getWriter().print("collected");
            }
        }
    }

    @BeforeAll
    void start() throws Exception {
        jetty = new Server();
        jettyConnector = new LocalConnector(jetty);
        jetty.addConnector(jettyConnector);
        ServletContextHandler context = new ServletContextHandler("/");
        FilterHolder holder = context.addFilter(ConsentGateFilter.class.getName(), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ASYNC));
        holder.setAsyncSupported(true);
        ServletHolder servlet = context.addServlet(DispatchingServlet.class, "/*");
        servlet.setAsyncSupported(true);
        jetty.setHandler(context);
        jetty.start();

        tomcat = TomcatContainer.onLoopback();
        Context ctx = tomcat.addContext("", null);
        FilterDef def = new FilterDef();
        def.setFilterName("consentgate");
        def.setFilterClass(ConsentGateFilter.class.getName());
        def.setAsyncSupported("true");
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("consentgate");
        map.addURLPattern("/*");
        map.setDispatcher("REQUEST");
        map.setDispatcher("FORWARD");
        map.setDispatcher("ASYNC");
        ctx.addFilterMap(map);
        Wrapper w = Tomcat.addServlet(ctx, "app", DispatchingServlet.class.getName());
        w.setAsyncSupported(true);
        ctx.addServletMappingDecoded("/*", "app");
        tomcat.start();
        tomcatPort = tomcat.getConnector().getLocalPort();
    }

    @AfterAll
    void stop() throws Exception {
        jetty.stop();
        tomcat.stop();
        tomcat.destroy();
    }

    private HttpTester.Response send(String kind, String raw) throws Exception {
        String out = kind.equals("jetty") ? jettyConnector.getResponse(Container.crlf(raw))
                : Container.exchangeOverSocket(tomcatPort, raw);
        HttpTester.Response r = HttpTester.parseResponse(out);
        assertNotNull(r, out);
        return r;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"jetty,/fwd", "tomcat,/fwd", "jetty,/async", "tomcat,/async"})
    void aDispatchToARefusedCollectionPathGets204(String kind, String path) throws Exception {
        int before = COLLECTED.get();
        HttpTester.Response r = send(kind, "POST " + path + " HTTP/1.1\nHost: localhost\n"
                + "Content-Type: text/plain\nContent-Length: 4\n\nv=2&");
        assertEquals(204, r.getStatus(), kind + path);
        assertEquals(before, COLLECTED.get(), kind + path + ": collector ran");

        String cookie = "cg_consent=1.analytics.1." + (System.currentTimeMillis() / 1000) + ".AAAAAAAAAAAAAAAAAAAAAA";
        HttpTester.Response allowed = send(kind, "POST " + path + " HTTP/1.1\nHost: localhost\nCookie: " + cookie
                + "\nContent-Type: text/plain\nContent-Length: 4\n\nv=2&");
        assertEquals(200, allowed.getStatus(), kind + path);
        assertEquals("collected", allowed.getContent(), kind + path);
        assertEquals(before + 1, COLLECTED.get(), kind + path);
    }
}
