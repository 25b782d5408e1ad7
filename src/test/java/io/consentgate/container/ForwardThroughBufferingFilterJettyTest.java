package io.consentgate.container;

import io.consentgate.ConsentGateFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A filter inside ConsentGate that holds the body and writes it once the chain has returned (Spring's
 * ShallowEtagHeaderFilter, ContentCachingResponseWrapper) must still get a forwarded page out.
 */
class ForwardThroughBufferingFilterJettyTest {

    static final String PAGE = "<!DOCTYPE html><html><head><title>Shop</title>"
            + "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-8HZ4Q1WXYZ\"></script>"
            + "</head><body><h1>Welcome</h1></body></html>";

    public static final class BufferingFilter implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            hold(req, res, chain, false);
        }
    }

    /**
     * The same, with the layering of a Spring Boot welcome page on Tomcat: a {@code close()} of the held stream
     * reaches the stream below (Spring Security's wrapper passes it on), and Tomcat closes the forwarded response's
     * stream as the forward returns, before the held body is written.
     */
    public static final class BufferingFilterPassingCloseOn implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            hold(req, res, chain, true);
        }
    }

    static void hold(ServletRequest req, ServletResponse res, FilterChain chain, boolean passCloseOn)
            throws IOException, ServletException {
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        HttpServletResponse outer = (HttpServletResponse) res;
        ServletOutputStream target = outer.getOutputStream();
        HttpServletResponseWrapper caching = new HttpServletResponseWrapper(outer) {
            @Override
            public ServletOutputStream getOutputStream() {
                return new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        held.write(b);
                    }

                    @Override
                    public void close() throws IOException {
                        if (passCloseOn) {
                            target.close();
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener l) {
                    }
                };
            }

            @Override
            public PrintWriter getWriter() {
                return new PrintWriter(new OutputStreamWriter(held, StandardCharsets.UTF_8));
            }

            @Override
            public void flushBuffer() {
            }
        };
        chain.doFilter(req, caching);
        target.write(held.toByteArray());
    }

    public static final class WelcomeServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            req.getRequestDispatcher("/index.html").forward(req, resp);
        }
    }

    public static final class PageServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
            if (req.getParameter("close") != null) {
                resp.getOutputStream().close(); // as Tomcat does to a forwarded response when the forward returns
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sendsTheForwardedPageThatAnInnerFilterHeldThoughTheForwardClosedTheStream(boolean closes)
            throws Exception {
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(ConsentGateFilter.class.getName(), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD));
        context.addFilter(BufferingFilterPassingCloseOn.class, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(WelcomeServlet.class, "");
        context.addServlet(PageServlet.class, "/index.html");
        server.setHandler(context);
        server.start();
        try {
            String response = connector.getResponse("GET /" + (closes ? "?close=1" : "")
                    + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("<h1>Welcome</h1>"), response);
            assertFalse(response.contains("googletagmanager"), response);
        } finally {
            server.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sendsTheForwardedPageThatAnInnerFilterHeld(boolean withConsentGate) throws Exception {
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        EnumSet<DispatcherType> types = EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD,
                DispatcherType.ERROR);
        if (withConsentGate) {
            context.addFilter(ConsentGateFilter.class.getName(), "/*", types);
        }
        context.addFilter(BufferingFilter.class, "/*", types);
        context.addServlet(WelcomeServlet.class, "");
        context.addServlet(PageServlet.class, "/index.html");
        server.setHandler(context);
        server.start();
        try {
            String response = connector.getResponse("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("<h1>Welcome</h1>"), response);
            if (withConsentGate) {
                assertFalse(response.contains("googletagmanager"), response);
            }
        } finally {
            server.stop();
        }
    }
}
