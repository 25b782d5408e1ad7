package io.consentgate.beacon;

import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;

/** Tomcat 11 embedded on a loopback port; every socket read is bounded by {@link #TIMEOUT_MS}. */
final class TomcatBeaconServer implements BeaconServer {

    private final Tomcat tomcat;
    private final int port;
    private final GateHarness.CountingServlet app = new GateHarness.CountingServlet();
    private final String name;

    /**
     * @param continueOnRead set the connector's {@code continueResponseTiming} to {@code onRead} (the default,
     *                       {@code immediately}, sends {@code 100 Continue} before any filter runs)
     * @param lenient        {@code encodedSolidusHandling="passthrough"}: {@code %2F} reaches the application
     *                       undecoded instead of being rejected, as operators configure Tomcat for some proxies
     */
    TomcatBeaconServer(boolean continueOnRead, boolean lenient) throws Exception {
        this.name = "tomcat" + (continueOnRead ? "(continueResponseTiming=onRead)" : "")
                + (lenient ? "(encodedSolidusHandling=passthrough)" : "");
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("cg-beacon-tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        if (continueOnRead) {
            connector.setProperty("continueResponseTiming", "onRead");
        }
        if (lenient) {
            connector.setEncodedSolidusHandling("passthrough");
        }
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext("", null);
        addFilter(ctx, "decision", new GateHarness.DecisionFilter());
        addFilter(ctx, "beacon", new GateHarness.BeaconFilter());
        Wrapper w = Tomcat.addServlet(ctx, "app", app);
        w.setAsyncSupported(true);
        ctx.addServletMappingDecoded("/*", "app");
        tomcat.start();
        port = connector.getLocalPort();
    }

    private static void addFilter(Context ctx, String filterName, jakarta.servlet.Filter filter) {
        FilterDef def = new FilterDef();
        def.setFilterName(filterName);
        def.setFilter(filter);
        def.setFilterClass(filter.getClass().getName());
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName(filterName);
        map.addURLPattern("/*");
        map.setDispatcher("REQUEST");
        ctx.addFilterMap(map);
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
        try (Socket s = socket()) {
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    out.write(BeaconServer.ascii(BeaconServer.crlf(head + "\nConnection: close")));
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // The server may answer and close before taking the whole body; the response tells.
                }
            }, "beacon-test-writer");
            writer.start();
            String response = readResponse(s.getInputStream());
            writer.join(TIMEOUT_MS);
            return response;
        }
    }

    @Override
    public String headFirst(String head, byte[] bodyStart) throws Exception {
        try (Socket s = socket()) {
            OutputStream out = s.getOutputStream();
            out.write(BeaconServer.ascii(BeaconServer.crlf(head)));
            out.write(bodyStart);
            out.flush();
            return readHead(s.getInputStream());
        }
    }

    @Override
    public String headFirstThenRest(String head, byte[] bodyStart, byte[] rest) throws Exception {
        try (Socket s = socket()) {
            OutputStream out = s.getOutputStream();
            out.write(BeaconServer.ascii(BeaconServer.crlf(head)));
            out.write(bodyStart);
            out.flush();
            InputStream in = s.getInputStream();
            String response = readHead(in);
            out.write(rest);
            out.flush();
            ByteArrayOutputStream more = new ByteArrayOutputStream();
            try {
                in.transferTo(more);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("tomcat kept the connection open for " + TIMEOUT_MS + " ms after the body",
                        e);
            }
            return response + more.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private Socket socket() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(TIMEOUT_MS);
        return s;
    }

    /** Reads up to the end of the final response head; a timeout fails the test. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            while (!BeaconServer.hasFinalHead(buf.toString(StandardCharsets.ISO_8859_1))) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                buf.write(b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("tomcat sent no final response head within " + TIMEOUT_MS + " ms: "
                    + buf.toString(StandardCharsets.ISO_8859_1), e);
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads a whole response: the head, then Content-Length bytes, or to the end of the stream. */
    private static String readResponse(InputStream in) throws IOException {
        String head = readHead(in);
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.matches("(?s).*http/1\\.1 (204|304) .*")) {
            return head;
        }
        int cl = lower.indexOf("\r\ncontent-length:");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (cl >= 0) {
            int end = lower.indexOf("\r\n", cl + 2);
            long n = Long.parseLong(lower.substring(cl + 17, end).strip());
            body.write(in.readNBytes((int) n));
        } else {
            in.transferTo(body);
        }
        return head + body.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
