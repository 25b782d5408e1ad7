package io.consentgate.jetty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentGate;
import io.consentgate.Policy;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/** Application code (a consent form) learns the configured consent path from the request, as it learns the decision. */
class ConsentPathAttributeTest {

    private static String page(Policy policy) throws Exception {
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/shop");
        ConsentGateJetty.install(context, policy);
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/plain");
                resp.getWriter().write("form-action=" + ConsentGate.consentPath(req));
            }
        }), "/*");
        server.setHandler(context);
        server.start();
        try {
            return connector.getResponse("GET /shop/decision HTTP/1.1\r\nHost: localhost\r\n\r\n");
        } finally {
            server.stop();
        }
    }

    @Test
    void theConfiguredConsentPathIsOnTheRequestWithTheContextPath() throws Exception {
        String r = page(Policy.builder().consentPath("/privacy/consent").build());
        assertTrue(r.contains("form-action=/shop/privacy/consent"), r);
    }

    @Test
    void anEndpointThatIsOffIsNoPath() throws Exception {
        String r = page(Policy.builder().consentPath(null).build());
        assertTrue(r.contains("form-action=null"), r);
    }
}
