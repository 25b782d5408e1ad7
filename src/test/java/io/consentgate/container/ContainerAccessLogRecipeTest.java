package io.consentgate.container;

import io.consentgate.ConsentGateFilter;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.AccessLogValve;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import io.consentgate.jetty.ConsentGateRequestLog;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's recipes: each container's own access log prints ConsentGate's masked values, not the raw ones. */
class ContainerAccessLogRecipeTest {

    /** The README's Tomcat recipe. */
    static final String TOMCAT_PATTERN = "%{io.consentgate.log.ip}r - - %t \"%m %{io.consentgate.log.path}r %H\" %s %b "
            + "\"%{io.consentgate.log.referer}r\" \"%{io.consentgate.log.userAgent}r\"";

    @Test
    void jettyCustomRequestLogPrintsTheMaskedFields() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setRequestLog(ConsentGateRequestLog.create(lines::add));
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(ConsentGateFilter.class.getName(), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(AppServlet.class, "/*");
        server.setHandler(context);
        server.start();
        try {
            connector.getResponse(Container.crlf("GET /jetty-recipe?x=1 HTTP/1.1\nHost: localhost\nDNT: 1\n"
                    + "User-Agent: SecretAgent\nReferer: https://ref.example/\n"));
            server.stop();   // flushes the request log
            String line = lines.stream().filter(l -> l.contains("/jetty-recipe")).findFirst().orElseThrow(
                    () -> new AssertionError("no request log line: " + lines));
            assertTrue(line.endsWith("\"-\" \"-\""), line);
            assertTrue(!line.contains("SecretAgent") && !line.contains("ref.example"), line);
        } finally {
            server.stop();
        }
    }

    /** Analytics allowed, marketing refused: Jetty's request log reads the path and query without ad click ids. */
    @Test
    void jettyRequestLogReadsTheAttributesWithoutTheClickIdsOfAVisitorWhoRefusedMarketing() throws Exception {
        BlockingQueue<String> attributes = new LinkedBlockingQueue<>();
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setRequestLog((request, response) -> attributes.add(request.getAttribute("io.consentgate.log.path")
                + " " + request.getAttribute("io.consentgate.log.query") + " "
                + request.getAttribute("io.consentgate.log.referer")));
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(ConsentGateFilter.class.getName(), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(AppServlet.class, "/*");
        server.setHandler(context);
        server.start();
        try {
            String cookie = "cg_consent=1.analytics.1." + (System.currentTimeMillis() / 1000)
                    + ".AAAAAAAAAAAAAAAAAAAAAA";
            String raw = connector.getResponse(Container.crlf("GET /landing;gclid=PGCLID1;v=2?gclid=QGCLID1"
                    + "&_gl=1*1x2y3z*_gcl_aw*R0NMLjE3MDAwMDAwMDAuRzE.&srsltid=AfmBOo123&cjevent=abc123"
                    + "&awc=1234_1700000000_abcdef&sscid=a1b2c3&_kx=abcdEFGH.XyZ&s_kwcid=AL!123&%67braid=GB1&ref=ok"
                    + " HTTP/1.1\nHost: localhost\nCookie: " + cookie + "\n"
                    + "Referer: https://ads.example/r;msclkid=M1?ttclid=T1&lang=de\n"));
            assertTrue(raw.startsWith("HTTP/1.1 200"), raw);
            String line = attributes.poll(30, TimeUnit.SECONDS);
            assertEquals("/landing;v=2 ref=ok https://ads.example/r?lang=de", line);
        } finally {
            server.stop();
        }
    }

    @Test
    void tomcatAccessLogValvePrintsTheMaskedFields() throws Exception {
        Path base = Files.createTempDirectory("cg-tomcat-log");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext("", null);
        FilterDef def = new FilterDef();
        def.setFilterName("consentgate");
        def.setFilterClass(ConsentGateFilter.class.getName());
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("consentgate");
        map.addURLPattern("/*");
        ctx.addFilterMap(map);
        Tomcat.addServlet(ctx, "app", AppServlet.class.getName());
        ctx.addServletMappingDecoded("/*", "app");
        AccessLogValve valve = new AccessLogValve();
        valve.setDirectory(base.resolve("logs").toString());
        valve.setPrefix("access");
        valve.setSuffix(".log");
        valve.setPattern(TOMCAT_PATTERN);
        valve.setBuffered(false);
        tomcat.getHost().getPipeline().addValve(valve);
        tomcat.start();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), connector.getLocalPort())) {
            s.getOutputStream().write(Container.crlf("GET /tomcat-recipe;jsessionid=S3CRET42?x=1 HTTP/1.1\nHost: localhost\nDNT: 1\n"
                    + "User-Agent: SecretAgent\nReferer: https://ref.example/\nConnection: close\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            try (InputStream in = s.getInputStream()) {
                in.readAllBytes();
            }
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
        String line;
        try (Stream<Path> files = Files.list(base.resolve("logs"))) {
            Path log = files.filter(p -> p.getFileName().toString().startsWith("access")).findFirst().orElseThrow();
            line = Files.readAllLines(log).stream().filter(l -> l.contains("/tomcat-recipe")).findFirst()
                    .orElseThrow();
        }
        assertTrue(line.startsWith("127.0.0.0 "), "masked IP: " + line);
        assertTrue(line.endsWith("\"-\" \"-\""), line);
        assertEquals(-1, line.indexOf("SecretAgent"), line);
        assertEquals(-1, line.indexOf("S3CRET42"), "no session id from the path: " + line);
        assertTrue(line.contains("\"GET /tomcat-recipe HTTP/1.1\" "), line);
    }
}
