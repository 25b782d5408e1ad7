package io.consentgate.beacon;

import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

/** Jetty 12 (ee10) behind a {@link LocalConnector}: raw HTTP in memory, no sockets. */
final class JettyBeaconServer implements BeaconServer {

    private final Server server;
    private final LocalConnector connector;
    private final GateHarness.CountingServlet app = new GateHarness.CountingServlet();

    private final String name;

    /**
     * @param lenient accept every URI the parser can read ({@code UriCompliance.UNSAFE}: encoded slashes, {@code ..}
     *                and empty segments reach the application), as some operators configure Jetty for legacy apps
     */
    JettyBeaconServer(boolean lenient) throws Exception {
        name = lenient ? "jetty(UriCompliance.UNSAFE)" : "jetty";
        server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        if (lenient) {
            config.setUriCompliance(UriCompliance.UNSAFE);
        }
        connector = new LocalConnector(server, new HttpConnectionFactory(config));
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        EnumSet<DispatcherType> request = EnumSet.of(DispatcherType.REQUEST);
        context.addFilter(new FilterHolder(new GateHarness.DecisionFilter()), "/*", request);
        context.addFilter(new FilterHolder(new GateHarness.BeaconFilter()), "/*", request);
        context.addServlet(new ServletHolder(app), "/*");
        server.setHandler(context);
        server.start();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int appCalls() {
        return app.calls.get();
    }

    @Override
    public String exchange(String head, byte[] body) throws Exception {
        byte[] h = BeaconServer.ascii(BeaconServer.crlf(head + "\nConnection: close"));
        ByteBuffer raw = ByteBuffer.allocate(h.length + body.length).put(h).put(body).flip();
        ByteBuffer response = connector.getResponse(raw, TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (response == null) {
            throw new AssertionError("jetty sent no complete response within " + TIMEOUT_MS + " ms");
        }
        return StandardCharsets.ISO_8859_1.decode(response).toString();
    }

    @Override
    public String headFirst(String head, byte[] bodyStart) throws Exception {
        LocalConnector.LocalEndPoint endPoint = connector.connect();
        String out = readHead(endPoint, head, bodyStart);
        endPoint.close();
        return out;
    }

    @Override
    public String headFirstThenRest(String head, byte[] bodyStart, byte[] rest) throws Exception {
        LocalConnector.LocalEndPoint endPoint = connector.connect();
        StringBuilder out = new StringBuilder(readHead(endPoint, head, bodyStart));
        if (endPoint.isOpen()) {
            endPoint.addInput(ByteBuffer.wrap(rest));
        }
        endPoint.waitUntilClosedOrIdleFor(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (endPoint.isOpen()) {
            throw new AssertionError("jetty kept the connection open for " + TIMEOUT_MS + " ms: " + out);
        }
        out.append(StandardCharsets.ISO_8859_1.decode(endPoint.takeOutput()));
        return out.toString();
    }

    private static String readHead(LocalConnector.LocalEndPoint endPoint, String head, byte[] bodyStart)
            throws Exception {
        byte[] h = BeaconServer.ascii(BeaconServer.crlf(head));
        endPoint.addInput(ByteBuffer.allocate(h.length + bodyStart.length).put(h).put(bodyStart).flip());
        StringBuilder out = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (!BeaconServer.hasFinalHead(out.toString())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("jetty sent no final response head within " + TIMEOUT_MS + " ms: " + out);
            }
            ByteBuffer chunk = endPoint.waitForOutput(left, TimeUnit.NANOSECONDS);
            if (chunk == null) {
                throw new AssertionError("jetty sent no final response head within " + TIMEOUT_MS + " ms: " + out);
            }
            out.append(StandardCharsets.ISO_8859_1.decode(chunk));
        }
        return out.toString();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
