package io.consentgate.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentGateFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.SecurityHandler;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.security.Password;
import org.junit.jupiter.api.Test;

/** {@link ConsentGateRequestLog} on embedded Jetty 12 behind the filter: what its line may and may not carry. */
class ConsentGateRequestLogTest {

    /** One request through ConsentGate with the request log installed; returns the request log line. */
    private static String logLine(String rawRequest, boolean basicAuth) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setRequestLog(ConsentGateRequestLog.create(lines::add));
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(ConsentGateFilter.class.getName(), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/plain");
                resp.getWriter().write("ok");
            }
        }), "/*");
        if (basicAuth) {
            UserStore users = new UserStore();
            users.addUser("alice.doe", new Password("secret"), new String[] {"user"});
            HashLoginService login = new HashLoginService("realm");
            login.setUserStore(users);
            SecurityHandler.PathMapped security = new SecurityHandler.PathMapped();
            security.put("/*", Constraint.ANY_USER);
            security.setAuthenticator(new BasicAuthenticator());
            security.setLoginService(login);
            security.setHandler(context);
            server.setHandler(security);
        } else {
            server.setHandler(context);
        }
        server.start();
        try {
            String response = connector.getResponse(rawRequest.replace("\n", "\r\n"));
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
        } finally {
            server.stop(); // flushes the request log
        }
        assertEquals(1, lines.size(), lines.toString());
        return lines.get(0);
    }

    @Test
    void leavesTheSessionIdPathParameterOut() throws Exception {
        String line = logLine("""
                GET /blog/post;jsessionid=node0secret42?x=1 HTTP/1.1
                Host: localhost
                DNT: 1

                """, false);
        assertTrue(line.contains("\"GET /blog/post HTTP/1.1\""), line);
        assertEquals(-1, line.indexOf("node0secret42"), line);
    }

    @Test
    void writesAnEnglishNcsaTimestampWhateverTheDefaultLocale() throws Exception {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.FRANCE);
        String line;
        try {
            line = logLine("""
                    GET /page HTTP/1.1
                    Host: localhost

                    """, false);
        } finally {
            Locale.setDefault(saved);
        }
        // GoAccess and AWStats read only English month abbreviations: "[29/Nov/2026:07:38:35 +0000]"
        assertTrue(line.matches("0\\.0\\.0\\.0 - - \\[\\d\\d/(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                + "/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000] \"GET /page HTTP/1\\.1\" .*"), line);
    }

    @Test
    void leavesTheAuthenticatedUserNameOut() throws Exception {
        String credentials = Base64.getEncoder().encodeToString("alice.doe:secret".getBytes(StandardCharsets.UTF_8));
        String line = logLine("""
                GET /account HTTP/1.1
                Host: localhost
                DNT: 1
                Authorization: Basic %s

                """.formatted(credentials), true);
        assertTrue(line.startsWith("0.0.0.0 - - ["), line);
        assertEquals(-1, line.indexOf("alice"), line);
    }
}
