package io.consentgate.signal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentManager;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Raw HTTP through real containers (Jetty 12 ee10 via {@code LocalConnector}, embedded Tomcat 11 and Undertow 2.3 on
 * loopback):
 * {@link HeaderSource#of} must see every {@code Cookie} line as the container delivers it, and no hostile header may
 * turn into a 5xx.
 */
class ContainerHeadersTest {

    private static Server jetty;
    private static LocalConnector jettyConnector;
    private static Tomcat tomcat;
    private static DeploymentManager undertowDeployment;
    private static Undertow undertow;

    /** Reports what the reader saw in a stable one-line form. */
    static final class EchoSignals extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient SignalReader reader = new SignalReader(SignalSettings.defaults(), Fixtures.CLOCK);

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Signals s = reader.read(HeaderSource.of(req));
            resp.setContentType("text/plain");
            resp.getWriter().print("gpc=" + s.gpc() + " dnt=" + s.dnt() + " granted="
                    + s.consent().map(c -> c.granted().toString()).orElse("none") + " problems=" + s.problems().size());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        jetty = new Server();
        jettyConnector = new LocalConnector(jetty);
        jetty.addConnector(jettyConnector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new EchoSignals()), "/*");
        jetty.setHandler(context);
        jetty.start();

        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("cg-tomcat").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.getConnector().setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context ctx = tomcat.addContext("", null);
        Tomcat.addServlet(ctx, "echo", new EchoSignals());
        ctx.addServletMappingDecoded("/*", "echo");
        tomcat.start();

        undertowDeployment = Servlets.newContainer().addDeployment(Servlets.deployment()
                .setClassLoader(ContainerHeadersTest.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("echo")
                .addServlet(Servlets.servlet("echo", EchoSignals.class).addMapping("/*")));
        undertowDeployment.deploy();
        undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(undertowDeployment.start()).build();
        undertow.start();
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
        tomcat.stop();
        tomcat.destroy();
        undertow.stop();
        undertowDeployment.stop();
        undertowDeployment.undeploy();
    }

    static Stream<Arguments> requests() {
        String v = Fixtures.valid();
        return Stream.of(
                Arguments.of("valid cookie", "Cookie: _ga=GA1.1.1.2; cg_consent=" + v + "\r\n",
                        "granted=[analytics]"),
                Arguments.of("cookie split over two lines", "Cookie: _ga=GA1.1.1.2\r\nCookie: cg_consent=" + v
                        + "\r\n", "granted=[analytics]"),
                Arguments.of("duplicate over two lines", "Cookie: cg_consent=" + v + "\r\nCookie: cg_consent=" + v
                        + "\r\n", "granted=none problems=1"),
                Arguments.of("padded GPC and DNT", "Sec-GPC:   1  \r\nDNT: \t1\r\n", "gpc=true dnt=TRACKING_OFF"),
                Arguments.of("GPC lines joined by a proxy", "Sec-GPC: 1, 1\r\n", "gpc=true"),
                Arguments.of("GPC list without a one", "Sec-GPC: 0, 11\r\n", "gpc=false"),
                Arguments.of("unbalanced quote before the cookie", "Cookie: a=\"b; cg_consent=" + v + "\r\n",
                        "granted=[analytics]"),
                Arguments.of("comma-separated cookies", "Cookie: a=b, cg_consent=" + v + "\r\n", "granted=none"),
                Arguments.of("Latin-1 bytes", "Cookie: cg_consent=" + v + "\u00e9\r\n", "granted=none"),
                Arguments.of("quoted value with a space", "Cookie: cg_consent=\"" + v + " \"\r\n", "granted=none"),
                Arguments.of("upper-case name", "Cookie: CG_CONSENT=" + v + "\r\n", "granted=none problems=0"),
                Arguments.of("RFC 2109 form", "Cookie: $Version=1; cg_consent=\"" + v + "\"; $Path=\"/\"\r\n",
                        "granted=[analytics]"),
                Arguments.of("RFC 2109 form, two paths", "Cookie: $Version=\"1\"; cg_consent=\"" + v
                        + "\"; $Path=\"/\"; cg_consent=\"" + v + "\"; $Path=\"/app\"\r\n", "granted=none"));
    }

    @ParameterizedTest(name = "jetty: {0}")
    @MethodSource("requests")
    void jettyDeliversHeadersTheReaderCanParse(String label, String headers, String expected) throws Exception {
        String response = jettyConnector.getResponse("GET / HTTP/1.1\r\nHost: localhost\r\n" + headers
                + "Connection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains(expected), response);
    }

    @ParameterizedTest(name = "tomcat: {0}")
    @MethodSource("requests")
    void tomcatDeliversHeadersTheReaderCanParse(String label, String headers, String expected) throws Exception {
        String response = rawTomcat("GET / HTTP/1.1\r\nHost: localhost\r\n" + headers + "Connection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains(expected), response);
    }

    /**
     * Undertow parses the {@code Cookie} header itself before any filter or servlet runs (its session lookup) and
     * answers 500 to a control character or a byte over 0x7E in it: its own reply, with or without ConsentGate.
     */
    private static boolean undertowRejectsItself(String headers) {
        return headers.lines().filter(line -> line.regionMatches(true, 0, "Cookie:", 0, 7))
                .anyMatch(line -> line.chars().anyMatch(c -> c < 0x20 && c != '\t' || c > 0x7e));
    }

    static Stream<Arguments> undertowRequests() {
        return requests().filter(a -> !undertowRejectsItself((String) a.get()[1]));
    }

    static Stream<String> undertowHostile() {
        return hostile().filter(h -> !undertowRejectsItself(h));
    }

    @ParameterizedTest(name = "undertow: {0}")
    @MethodSource("undertowRequests")
    void undertowDeliversHeadersTheReaderCanParse(String label, String headers, String expected) throws Exception {
        String response = raw(undertowPort(), "GET / HTTP/1.1\r\nHost: localhost\r\n" + headers
                + "Connection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains(expected), response);
    }

    static Stream<String> hostile() {
        return Stream.of(
                "Cookie: cg_consent=" + "A".repeat(6000) + "\r\n",
                "Cookie: \u0001\u0002=\u0003\r\n",
                "Cookie: ;;;;;=;=;=\r\n",
                "Cookie: $Version=1; cg_consent=\"x\"; $Path=/\r\n",
                "Cookie: cg_consent=\u00ff\u00fe\r\n",
                "DNT: \u00ff\r\nSec-GPC: \u0080\r\n");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileHeadersNeverBecomeA5xx(String headers) throws Exception {
        String request = "GET / HTTP/1.1\r\nHost: localhost\r\n" + headers + "Connection: close\r\n\r\n";
        String jettyResponse = jettyConnector.getResponse(request);
        String tomcatResponse = rawTomcat(request);
        assertTrue(jettyResponse.matches("(?s)HTTP/1\\.1 [24]\\d\\d .*"), jettyResponse);
        assertTrue(tomcatResponse.matches("(?s)HTTP/1\\.1 [24]\\d\\d .*"), tomcatResponse);
    }

    @ParameterizedTest
    @MethodSource("undertowHostile")
    void hostileHeadersNeverBecomeA5xxOnUndertow(String headers) throws Exception {
        String response = raw(undertowPort(), "GET / HTTP/1.1\r\nHost: localhost\r\n" + headers
                + "Connection: close\r\n\r\n");
        assertTrue(response.matches("(?s)HTTP/1\\.1 [24]\\d\\d .*"), response);
    }

    private static int undertowPort() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    private static String rawTomcat(String request) throws IOException {
        return raw(tomcat.getConnector().getLocalPort(), request);
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
