package io.consentgate.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentgate.ConsentDecision;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServletAccessLogTest {

    private static final Instant START = Instant.parse("2026-11-28T10:15:30Z");
    private static final Clock LATER = Clock.fixed(START.plusMillis(42), ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * A request built from raw header lines. Only the methods the adapter is allowed to call are answered; any
     * other call (cookies, session, remote user, ...) throws, which the adapter would count as a failure.
     */
    static final class FakeRequest {
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        final Map<String, Object> attributes = new HashMap<>();
        final List<String> headersRead = new ArrayList<>();
        String remoteAddr = "203.0.113.77";
        String method = "GET";
        String uri = "/shop/cart;jsessionid=5F2E0A9B";
        String query = "coupon=SPRING&ref=mail";
        /** The webapp's session cookie name ({@code SessionCookieConfig.getName()}), null when not set. */
        String sessionCookieName;
        final Map<String, String> initParameters = new HashMap<>();

        FakeRequest header(String name, String... values) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(List.of(values));
            return this;
        }

        HttpServletRequest proxy() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> {
                        switch (m.getName()) {
                            case "getRemoteAddr": return remoteAddr;
                            case "getMethod": return method;
                            case "getRequestURI": return uri;
                            case "getQueryString": return query;
                            case "getProtocol": return "HTTP/2.0";
                            case "getHeader": {
                                headersRead.add((String) args[0]);
                                List<String> v = headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                                return v == null ? null : v.get(0);
                            }
                            case "getHeaders": {
                                headersRead.add((String) args[0]);
                                List<String> v = headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                                return Collections.enumeration(v == null ? List.of() : v);
                            }
                            case "setAttribute": attributes.put((String) args[0], args[1]); return null;
                            case "getAttribute": return attributes.get((String) args[0]);
                            case "getServletContext": return servletContext();
                            default: throw new UnsupportedOperationException(m.getName());
                        }
                    });
        }

        private ServletContext servletContext() {
            SessionCookieConfig config = (SessionCookieConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {SessionCookieConfig.class}, (p, m, args) -> {
                        if (m.getName().equals("getName")) {
                            return sessionCookieName;
                        }
                        throw new UnsupportedOperationException(m.getName());
                    });
            return (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ServletContext.class}, (p, m, args) -> switch (m.getName()) {
                        case "getSessionCookieConfig" -> config;
                        case "getInitParameter" -> initParameters.get((String) args[0]);
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    private static HttpServletResponse response(int status) {
        return (HttpServletResponse) Proxy.newProxyInstance(ServletAccessLogTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                    if (m.getName().equals("getStatus")) {
                        return status;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private static FakeRequest browserRequest() {
        return new FakeRequest()
                .header("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0")
                .header("Referer", "https://www.search.example/?q=running+shoes")
                .header("Cookie", "JSESSIONID=5F2E0A9B; _ga=GA1.1.99")
                .header("Authorization", "Bearer eyJhbGciOi.secret");
    }

    private static ServletAccessLog log(RecordingLogger sink, AccessLogFormat format, String trusted) {
        return ServletAccessLog.builder().format(format).trustedProxies(TrustedProxies.parse(trusted)).clock(LATER)
                .sink(sink).build();
    }

    @Test
    void logsTheDecisionLimitedCombinedLineAndSetsAttributesWhenAnalyticsIsRefused() {
        RecordingLogger sink = new RecordingLogger(true, null);
        ServletAccessLog accessLog = log(sink, AccessLogFormat.COMBINED, "");
        FakeRequest req = browserRequest();

        accessLog.log(req.proxy(), response(200), ConsentDecision.refuseAll(), START, 2048);

        assertEquals(0, accessLog.logger().failures());
        assertEquals(List.of("203.0.113.0 - - [28/Nov/2026:10:15:30 +0000] \"GET /shop/cart HTTP/2.0\" 200 2048"
                + " \"-\" \"-\""), sink.events.stream().map(RecordingLogger.Event::message).toList());
        assertEquals(Map.of(AccessLogAttributes.IP, "203.0.113.0", AccessLogAttributes.PATH, "/shop/cart",
                AccessLogAttributes.USER_AGENT, "-", AccessLogAttributes.REFERER, "-", AccessLogAttributes.QUERY, "-"),
                req.attributes);
    }

    @Test
    void keepsUserAgentRefererAndQueryWhenAnalyticsIsAllowed() throws Exception {
        RecordingLogger sink = new RecordingLogger(true, null);
        FakeRequest req = browserRequest();

        log(sink, AccessLogFormat.JSON, "").log(req.proxy(), response(201), ConsentDecision.allowAll(), START, 0);

        JsonNode n = MAPPER.readTree(sink.events.get(0).message());
        assertEquals("coupon=SPRING&ref=mail", n.get("query").asText());
        assertEquals("https://www.search.example/?q=running+shoes", n.get("referer").asText());
        assertTrue(n.get("user_agent").asText().contains("Chrome/131.0"));
        assertEquals(42, n.get("duration_ms").asLong());
        assertEquals(201, n.get("status").asInt());
        assertEquals("coupon=SPRING&ref=mail", req.attributes.get(AccessLogAttributes.QUERY));
    }

    @Test
    void neverReadsCookiesAuthorizationOrTheSession() {
        RecordingLogger sink = new RecordingLogger(true, null);
        FakeRequest req = browserRequest();
        ServletAccessLog accessLog = log(sink, AccessLogFormat.JSON, "");

        accessLog.log(req.proxy(), response(200), ConsentDecision.allowAll(), START, 10);

        assertEquals(0, accessLog.logger().failures(), "an unexpected request method was called");
        assertEquals(Set.of("X-Forwarded-For", "Forwarded", "Referer", "User-Agent"), Set.copyOf(req.headersRead));
        String line = sink.events.get(0).message();
        assertFalse(line.contains("5F2E0A9B") || line.contains("GA1.1") || line.contains("secret"), line);
    }

    /** Tomcat names the session path parameter after the session cookie; Jetty reads it from an init-param. */
    @Test
    void removesTheSessionIdUnderTheNameTheContainerGivesIt() throws Exception {
        RecordingLogger sink = new RecordingLogger(true, null);
        FakeRequest tomcat = browserRequest();
        tomcat.sessionCookieName = "SID";
        tomcat.uri = "/shop/cart;SID=5F2E0A9B;color=red";
        FakeRequest jetty = browserRequest();
        jetty.initParameters.put("org.eclipse.jetty.session.SessionIdPathParameterName", "sessid");
        jetty.uri = "/shop;sessid=5F2E0A9B/cart";
        ServletAccessLog accessLog = log(sink, AccessLogFormat.JSON, "");

        accessLog.log(tomcat.proxy(), response(200), ConsentDecision.allowAll(), START, 10);
        accessLog.log(jetty.proxy(), response(200), ConsentDecision.allowAll(), START, 10);

        assertEquals("/shop/cart;color=red", MAPPER.readTree(sink.events.get(0).message()).get("path").asText());
        assertEquals("/shop/cart", MAPPER.readTree(sink.events.get(1).message()).get("path").asText());
        assertEquals("/shop/cart;color=red", tomcat.attributes.get(AccessLogAttributes.PATH));
    }

    @Test
    void resolvesTheClientBehindATrustedProxyAndMasksIt() {
        RecordingLogger sink = new RecordingLogger(true, null);
        FakeRequest req = browserRequest().header("X-Forwarded-For", "10.9.9.9, 2001:db8:4:5::77");
        req.remoteAddr = "10.0.0.5";

        log(sink, AccessLogFormat.COMBINED, "10.0.0.0/8").log(req.proxy(), response(200),
                ConsentDecision.refuseAll(), START, 1);

        assertEquals("2001:db8:4::", req.attributes.get(AccessLogAttributes.IP));
        assertTrue(sink.events.get(0).message().startsWith("2001:db8:4:: - - "));
    }

    @Test
    void ignoresForwardingHeadersFromAnUntrustedPeer() {
        RecordingLogger sink = new RecordingLogger(true, null);
        FakeRequest req = browserRequest().header("X-Forwarded-For", "127.0.0.1").header("Forwarded", "for=10.0.0.1");

        log(sink, AccessLogFormat.COMBINED, "10.0.0.0/8").log(req.proxy(), response(200),
                ConsentDecision.refuseAll(), START, 1);

        assertEquals("203.0.113.0", req.attributes.get(AccessLogAttributes.IP));
    }

    @Test
    void setsAttributesEvenWhenTheLogIsOffAndEscapesThem() {
        RecordingLogger sink = new RecordingLogger(true, null);
        FakeRequest req = new FakeRequest().header("User-Agent", "bot\r\n\u001b[1mFAKE\"");

        log(sink, AccessLogFormat.OFF, "").log(req.proxy(), response(200), ConsentDecision.allowAll(), START, 1);

        assertEquals(0, sink.events.size());
        assertEquals("bot\\x0d\\x0a\\x1b[1mFAKE\\\"", req.attributes.get(AccessLogAttributes.USER_AGENT));
    }

    @Test
    void neverThrowsWhenTheRequestMisbehaves() {
        RecordingLogger sink = new RecordingLogger(true, null);
        ServletAccessLog accessLog = log(sink, AccessLogFormat.COMBINED, "");
        HttpServletRequest broken = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> {
                    throw new IllegalStateException("request recycled");
                });

        accessLog.log(broken, response(200), ConsentDecision.allowAll(), START, 1);

        assertEquals(1, accessLog.logger().failures());
        assertEquals(0, sink.events.size());
    }
}
