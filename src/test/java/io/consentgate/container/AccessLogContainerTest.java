package io.consentgate.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access log written by the filter itself, read back from the real SLF4J output: one line per request, fields
 * limited by the decision, IP masked, values escaped. Tomcat serves over a loopback socket (peer 127.0.0.1).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogContainerTest {

    private static final Path LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile",
            "target/slf4j-test.log"));
    private final Map<String, Container> containers = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        containers.put("tomcat", Container.start("tomcat", Map.of()));
        containers.put("tomcat-json", Container.start("tomcat", Map.of("access-log", "json")));
        containers.put("tomcat-beacon", Container.start("tomcat", Map.of("access-log", "json",
                "visitor-hash", "true", "beacon-paths", "/ads/*=marketing")));
    }

    @AfterAll
    void stop() throws Exception {
        for (Container c : containers.values()) {
            c.close();
        }
    }

    /** The consentgate.access lines that mention {@code marker}. */
    private static List<String> accessLines(String marker) throws Exception {
        return Files.readAllLines(LOG).stream()
                .filter(l -> l.contains("consentgate.access - ") && l.contains(marker))
                .map(l -> l.substring(l.indexOf("consentgate.access - ") + "consentgate.access - ".length()))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat"})
    void dntRequestIsLoggedWithoutUserAgentRefererOrQueryAndWithAMaskedIp(String kind) throws Exception {
        String marker = "/dnt-" + UUID.randomUUID();
        String raw = containers.get(kind).exchange("GET " + marker + "?email=alice%40example.org HTTP/1.1\n"
                + "Host: localhost\nDNT: 1\nUser-Agent: Mozilla/5.0 (TestAgent)\nReferer: https://ref.example/private\n"
                + "X-Forwarded-For: 203.0.113.7\n");
        int bodyLength = org.eclipse.jetty.http.HttpTester.parseResponse(raw).getContentBytes().length;
        List<String> lines = accessLines(marker);
        assertEquals(1, lines.size(), "exactly one line per request: " + lines);
        String line = lines.get(0);
        assertTrue(line.startsWith("127.0.0.0 - - ["), "IP masked to /24, spoofed X-Forwarded-For ignored: " + line);
        assertTrue(line.contains("\"GET " + marker + " HTTP/1.1\" 200 " + bodyLength + " "),
                "status and the body size the client received (" + bodyLength + "): " + line);
        assertTrue(line.endsWith("\"-\" \"-\""), "Referer and User-Agent dropped: " + line);
        assertFalse(line.contains("alice") || line.contains("TestAgent") || line.contains("ref.example")
                || line.contains("203.0.113.7"), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "tomcat-json"})
    void aHeadRequestIsLoggedWithNoBody(String kind) throws Exception {
        String marker = "/head-" + UUID.randomUUID();
        containers.get(kind).exchange("HEAD " + marker + " HTTP/1.1\nHost: localhost\nDNT: 1\n");
        List<String> lines = accessLines(marker);
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        assertTrue(kind.equals("tomcat") ? line.contains("\"HEAD " + marker + " HTTP/1.1\" 200 - ")
                : line.contains("\"bytes\":0"), "the application wrote a body, the client received none: " + line);
    }

    /** A withdrawal through the consent endpoint is logged under the withdrawal, not the consent it ends. */
    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "tomcat-json"})
    void aWriteToTheConsentEndpointIsLoggedWithoutWhatNeedsConsent(String kind) throws Exception {
        String agent = "WithdrawAgent-" + UUID.randomUUID();
        String form = "categories=none";
        int before = accessLines("/consent").size();
        String raw = containers.get(kind).exchange("POST /consent HTTP/1.1\nHost: localhost\n"
                + "Origin: http://localhost\nUser-Agent: " + agent + "\nReferer: https://ref.example/private\n"
                + "Cookie: cg_consent=1.functional+analytics+marketing.1." + System.currentTimeMillis() / 1000
                + ".AAAAAAAAAAAAAAAAAAAAAA\nContent-Type: application/x-www-form-urlencoded\nContent-Length: "
                + form.length() + "\n\n" + form);
        assertEquals(303, org.eclipse.jetty.http.HttpTester.parseResponse(raw).getStatus(), raw);
        List<String> lines = accessLines("/consent");
        assertEquals(before + 1, lines.size(), lines.toString());
        String line = lines.get(lines.size() - 1);
        assertTrue(line.contains("POST"), line);
        assertFalse(line.contains(agent) || line.contains("ref.example"), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat"})
    void anApplicationExceptionIsLoggedWithTheStatusTheClientReceived(String kind) throws Exception {
        String marker = "/throws-" + UUID.randomUUID();
        String raw = containers.get(kind).exchange("GET " + marker + " HTTP/1.1\nHost: localhost\n");
        assertEquals(500, org.eclipse.jetty.http.HttpTester.parseResponse(raw).getStatus(), raw);
        List<String> lines = accessLines(marker);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"GET " + marker + " HTTP/1.1\" 500 "), lines.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat"})
    void consentedRequestKeepsFieldsButEscapesThem(String kind) throws Exception {
        String marker = "/ok-" + UUID.randomUUID();
        String cookie = "cg_consent=1.analytics.1." + (System.currentTimeMillis() / 1000) + ".AAAAAAAAAAAAAAAAAAAAAA";
        containers.get(kind).exchange("GET " + marker + "?q=tea HTTP/1.1\nHost: localhost\nCookie: " + cookie
                + "\nUser-Agent: Evil\u0085[31m\"agent\\\nReferer: https://ref.example/a\n");
        List<String> lines = accessLines(marker);
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        assertTrue(line.contains(marker + "?q=tea"), line);
        assertTrue(line.contains("\"https://ref.example/a\""), line);
        assertFalse(line.contains("\u0085"), "control characters are escaped: " + line);
        assertTrue(line.contains("\"Evil\\x85[31m\\\"agent\\\\\""), line);
        assertFalse(line.contains("AAAAAAAAAAAAAAAAAAAAAA"), "cookie values are never logged: " + line);
    }

    /**
     * Analytics allowed, marketing refused: the path and query are logged without the ad click ids in them (Jetty:
     * {@code ContainerAccessLogRecipeTest}, where its request log tells when the line is written).
     */
    @ParameterizedTest
    @ValueSource(strings = {"tomcat-json"})
    void aVisitorWhoRefusedMarketingIsLoggedWithoutClickIds(String kind) throws Exception {
        String marker = "/landing-" + UUID.randomUUID();
        String cookie = "cg_consent=1.analytics.1." + (System.currentTimeMillis() / 1000) + ".AAAAAAAAAAAAAAAAAAAAAA";
        String raw = containers.get(kind).exchange("GET " + marker + ";gclid=PGCLID1;v=2?gclid=QGCLID1"
                + "&_gl=1*1x2y3z*_gcl_aw*R0NMLjE3MDAwMDAwMDAuRzE.&srsltid=AfmBOo123&cjevent=abc123"
                + "&awc=1234_1700000000_abcdef&sscid=a1b2c3&_kx=abcdEFGH.XyZ&s_kwcid=AL!123&%67braid=GB1&ref=ok"
                + " HTTP/1.1\nHost: localhost\nCookie: " + cookie + "\nUser-Agent: ClickAgent\n"
                + "Referer: https://ads.example/r;msclkid=M1?ttclid=T1&lang=de\n");
        assertEquals(200, org.eclipse.jetty.http.HttpTester.parseResponse(raw).getStatus(), raw);
        List<String> lines = accessLines(marker);
        assertEquals(1, lines.size(), lines.toString());
        JsonNode json = new ObjectMapper().readTree(lines.get(0));
        assertEquals(marker + ";v=2", json.get("path").asText(), lines.get(0));
        assertEquals("ref=ok", json.get("query").asText(), lines.get(0));
        assertEquals("https://ads.example/r?lang=de", json.get("referer").asText(), lines.get(0));
        assertEquals("ClickAgent", json.get("user_agent").asText(), "analytics is allowed: " + lines.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat-json"})
    void jsonLinesParseBackWithJackson(String kind) throws Exception {
        String marker = "/json-" + UUID.randomUUID();
        containers.get(kind).exchange("GET " + marker + "?x=1 HTTP/1.1\nHost: localhost\nSec-GPC: 1\n"
                + "User-Agent: UA\n");
        List<String> lines = accessLines(marker);
        assertEquals(1, lines.size(), lines.toString());
        JsonNode json = new ObjectMapper().readTree(lines.get(0));
        assertEquals("127.0.0.0", json.get("ip").asText(), lines.get(0));
        assertEquals(200, json.get("status").asInt(), lines.get(0));
        assertFalse(lines.get(0).contains("\"UA\""), "no User-Agent without analytics consent: " + lines.get(0));
    }

    /** A beacon answered 204 because its category is refused: what it carried stays out of the log too. */
    @ParameterizedTest
    @ValueSource(strings = {"tomcat-beacon"})
    void aRefusedBeaconIsLoggedWithoutItsPayload(String kind) throws Exception {
        String marker = "/ads/conv-" + UUID.randomUUID();
        String cookie = "cg_consent=1.analytics.1." + (System.currentTimeMillis() / 1000) + ".AAAAAAAAAAAAAAAAAAAAAA";
        String raw = containers.get(kind).exchange("GET " + marker + ";click=c42?email=alice%40example.org HTTP/1.1\n"
                + "Host: localhost\nCookie: " + cookie + "\nUser-Agent: BeaconAgent\nReferer: https://ref.example/p\n");
        assertEquals(204, org.eclipse.jetty.http.HttpTester.parseResponse(raw).getStatus(), raw);
        List<String> lines = accessLines(marker);
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        assertFalse(line.contains("alice") || line.contains("c42") || line.contains("BeaconAgent")
                || line.contains("ref.example") || line.contains("visitor"), line);
    }
}
