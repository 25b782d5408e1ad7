package io.consentgate.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentGate;
import io.consentgate.Policy;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.FilterMapping;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/**
 * {@link ConsentGateJettyEe11} on Jetty 12.1's ee11 environment: first of the context's filters, on every dispatch
 * the ee10 installer maps, and enforcing. Run by the {@code servlet-6.1} execution, which has the Servlet 6.1 API
 * that ee11 needs.
 */
class ConsentGateJettyEe11Test {

    private static final String PAGE = "<!doctype html><html><head><title>Shop</title>"
            + "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ\"></script>"
            + "</head><body><p>Welcome</p></body></html>";

    /** The application's own filter, added before ConsentGate: it runs after it, and so sees the decision. */
    private static final Filter APPLICATION_FILTER = (request, response, chain) -> {
        ((HttpServletResponse) response).setHeader("X-App-Filter",
                request.getAttribute(ConsentGate.DECISION_ATTRIBUTE) == null ? "no-decision" : "after-consentgate");
        chain.doFilter(request, response);
    };

    private static String get(ServletContextHandler context, String requestLine) throws Exception {
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
        try {
            return connector.getResponse(requestLine + "\r\nHost: localhost\r\nSec-GPC: 1\r\n\r\n");
        } finally {
            server.stop();
        }
    }

    private static ServletContextHandler shop() {
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(APPLICATION_FILTER), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write(PAGE);
            }
        }), "/*");
        return context;
    }

    @Test
    void theFilterIsFirstAndMappedForEveryDispatchTheEe10InstallerMaps() {
        ServletContextHandler context = shop();
        FilterHolder holder = ConsentGateJettyEe11.install(context, Policy.defaults());

        FilterMapping first = context.getServletHandler().getFilterMappings()[0];
        assertEquals(holder.getName(), first.getFilterName());
        assertEquals(List.of("/*"), List.of(first.getPathSpecs()));
        for (DispatcherType type : ConsentGateJetty.DISPATCHES) {
            assertTrue(first.appliesTo(type), type.toString());
        }
        assertFalse(first.appliesTo(DispatcherType.INCLUDE));
        assertTrue(holder.isAsyncSupported());
    }

    @Test
    void aRefusingVisitorGetsThePageWithoutTheTrackerAndTheApplicationFilterStillRuns() throws Exception {
        ServletContextHandler context = shop();
        ConsentGateJettyEe11.install(context, Policy.defaults());

        String response = get(context, "GET /product HTTP/1.1");
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains("X-App-Filter: after-consentgate"), response);
        assertTrue(response.contains("<p>Welcome</p>"), response);
        assertFalse(response.contains("googletagmanager"), response);
    }

    @Test
    void withoutTheFilterTheSamePageCarriesTheTracker() throws Exception {
        String response = get(shop(), "GET /product HTTP/1.1");
        assertTrue(response.contains("X-App-Filter: no-decision"), response);
        assertTrue(response.contains("googletagmanager.com/gtag/js"), response);
    }
}
