package io.consentgate.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The foundation's behaviour end to end, on Jetty 12 and Tomcat 11, with the filter registered by class name and
 * init-params as {@code web.xml} registers it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentGateContainerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Container> containers = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        Map<String, String> params = Map.of("gpc-last-update", "2026-11-01",
                "tracking-policy-url", "https://example.org/privacy");
        containers.put("jetty", Container.start("jetty", params));
        containers.put("tomcat", Container.start("tomcat", params));
    }

    @AfterAll
    void stop() throws Exception {
        for (Container c : containers.values()) {
            c.close();
        }
    }

    private HttpTester.Response send(String kind, String raw) throws Exception {
        HttpTester.Response r = HttpTester.parseResponse(containers.get(kind).exchange(raw));
        assertNotNull(r, kind + " sent no parsable response");
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void gpcRequestGetsTkVaryAndPermissionsPolicy(String kind) throws Exception {
        HttpTester.Response r = send(kind, """
                GET / HTTP/1.1
                Host: localhost
                Sec-GPC: 1
                """);
        assertEquals(200, r.getStatus());
        assertEquals("N", r.get("Tk"));
        String vary = r.get("Vary");
        assertTrue(vary.contains("DNT") && vary.contains("Sec-GPC") && vary.contains("Cookie"), vary);
        assertTrue(r.get("Permissions-Policy").contains("browsing-topics=()"));
        assertTrue(r.getContent().startsWith("allowed=[necessary]"), r.getContent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void applicationHeadersAreNotOverridden(String kind) throws Exception {
        HttpTester.Response r = send(kind, """
                GET /own-headers HTTP/1.1
                Host: localhost
                DNT: 1
                """);
        assertEquals("!", r.get("Tk"));
        assertEquals("geolocation=()", r.get("Permissions-Policy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void gpcJsonIsServedWithoutCallingTheApplication(String kind) throws Exception {
        int before = AppServlet.CALLS.get();
        HttpTester.Response r = send(kind, """
                GET /.well-known/gpc.json HTTP/1.1
                Host: localhost
                Cookie: JSESSIONID=abc
                """);
        assertEquals(200, r.getStatus());
        assertTrue(r.get("Content-Type").startsWith("application/json"), r.get("Content-Type"));
        JsonNode body = JSON.readTree(r.getContent());
        assertTrue(body.get("gpc").asBoolean());
        assertEquals("2026-11-01", body.get("lastUpdate").asText());
        assertNull(r.get("Set-Cookie"));
        assertEquals(before, AppServlet.CALLS.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void trackingStatusResourceReflectsTheRequestSignals(String kind) throws Exception {
        HttpTester.Response r = send(kind, """
                GET /.well-known/dnt/ HTTP/1.1
                Host: localhost
                DNT: 1
                """);
        assertEquals(200, r.getStatus());
        assertTrue(r.get("Content-Type").startsWith("application/tracking-status+json"));
        JsonNode body = JSON.readTree(r.getContent());
        assertEquals("N", body.get("tracking").asText());
        assertEquals("https://example.org/privacy", body.get("policy").asText());
        assertNull(r.get("Set-Cookie"));
    }

    /**
     * {@code "gpc": true} tells GPC clients the site honours the signal: not so when ConsentGate is configured to refuse
     * nothing on it, nor in report-only mode, where nothing is enforced.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void gpcJsonClaimsSupportOnlyWhenTheSignalIsEnforced(String kind) throws Exception {
        for (Map<String, String> params : List.of(Map.of("gpc-refuses", "none"), Map.of("report-only", "true"))) {
            try (Container c = Container.start(kind, params)) {
                HttpTester.Response r = HttpTester.parseResponse(c.exchange("""
                        GET /.well-known/gpc.json HTTP/1.1
                        Host: localhost
                        """));
                assertEquals(200, r.getStatus());
                assertFalse(JSON.readTree(r.getContent()).get("gpc").asBoolean(), params + ": " + r.getContent());
            }
        }
    }

    /**
     * A consent cookie another system wrote URL-encoded ({@code %2B} for {@code +}) cannot be read; it was written on
     * a choice that refused marketing, so opt-out's default must not allow everything in its place.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void anUnreadableConsentCookieAllowsNothingInOptOutMode(String kind) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        try (Container c = Container.start(kind, Map.of("mode", "opt-out"))) {
            HttpTester.Response r = HttpTester.parseResponse(c.exchange("""
                    GET /page HTTP/1.1
                    Host: localhost
                    Cookie: cg_consent=1.functional%%2Banalytics.1.%d.AAAAAAAAAAAAAAAAAAAAAA
                    """.formatted(now)));
            assertTrue(r.getContent().startsWith("allowed=[necessary] "), r.getContent());
            HttpTester.Response none = HttpTester.parseResponse(c.exchange("""
                    GET /page HTTP/1.1
                    Host: localhost
                    Cookie: theme=dark
                    """));
            assertTrue(none.getContent().startsWith("allowed=[necessary, functional, analytics, marketing] "),
                    none.getContent());
        }
    }

    /** Raising {@code policy-revision} re-asks for consent; in opt-out mode it does not undo a visitor's opt-out. */
    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void anOptOutStoredForAnEarlierRevisionStillRefuses(String kind) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        try (Container c = Container.start(kind, Map.of("mode", "opt-out", "policy-revision", "2"))) {
            HttpTester.Response r = HttpTester.parseResponse(c.exchange("""
                    GET /page HTTP/1.1
                    Host: localhost
                    Cookie: cg_consent=1.functional.1.%d.AAAAAAAAAAAAAAAAAAAAAA
                    """.formatted(now)));
            assertTrue(r.getContent().startsWith("allowed=[necessary, functional] "), r.getContent());
            HttpTester.Response current = HttpTester.parseResponse(c.exchange("""
                    GET /page HTTP/1.1
                    Host: localhost
                    Cookie: cg_consent=1.analytics.2.%d.AAAAAAAAAAAAAAAAAAAAAA
                    """.formatted(now)));
            assertTrue(current.getContent().startsWith("allowed=[necessary, analytics] "), current.getContent());
        }
    }

    /** The status depends on the region's mode, so the region header is in its {@code Vary} like on every page. */
    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void trackingStatusResourceVariesOnTheRegionHeader(String kind) throws Exception {
        try (Container c = Container.start(kind, Map.of("region-header", "CF-IPCountry", "opt-out-regions", "US"))) {
            String tracking = null;
            for (String region : new String[] {"US", "DE"}) {
                HttpTester.Response r = HttpTester.parseResponse(c.exchange("""
                        GET /.well-known/dnt/ HTTP/1.1
                        Host: localhost
                        CF-IPCountry: %s
                        """.formatted(region)));
                assertEquals(200, r.getStatus());
                String status = JSON.readTree(r.getContent()).get("tracking").asText();
                assertTrue(tracking == null || !tracking.equals(status), "the status differs by region: " + status);
                tracking = status;
                assertTrue(r.get("Vary").contains("CF-IPCountry"), r.get("Vary"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void consentGetAnswersTheDecisionAndWhoRefusedEachCategory(String kind) throws Exception {
        HttpTester.Response r = send(kind, """
                GET /consent HTTP/1.1
                Host: localhost
                DNT: 1
                Sec-GPC: 1
                """);
        assertEquals(200, r.getStatus());
        assertEquals("no-store", r.get("Cache-Control"));
        JsonNode body = JSON.readTree(r.getContent());
        assertEquals("[\"necessary\"]", body.get("allowed").toString());
        assertEquals("[\"functional\",\"analytics\",\"marketing\"]", body.get("refused").toString());
        assertEquals("default", body.get("basis").get("functional").asText());
        assertEquals("dnt", body.get("basis").get("analytics").asText());
        assertEquals("gpc", body.get("basis").get("marketing").asText());
        assertTrue(body.get("consent").isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void consentGetWithParametersIsRefused(String kind) throws Exception {
        HttpTester.Response r = send(kind, """
                GET /consent?categories=all HTTP/1.1
                Host: localhost
                """);
        assertEquals(403, r.getStatus());
        assertNull(r.get("Set-Cookie"));
    }

    /**
     * The Servlet API merges a POST's query into its form parameters: categories in the URL of a same-origin post
     * are refused, not added to what the form sent; a cache-buster in the query is fine, and so is a return path
     * (Thymeleaf's {@code @{/consent(return=${path})}} writes a form action so), checked as the form's would be.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void consentFieldsInAPostsQueryAreRefused(String kind) throws Exception {
        for (String query : new String[] {"categories=all", "return=%2Fdecision&categories=all",
            "x=1&%63ategories=marketing", "%63ategories"}) {
            HttpTester.Response r = send(kind, "POST /consent?" + query + " HTTP/1.1\nHost: localhost\n"
                    + "Origin: http://localhost\nContent-Type: application/x-www-form-urlencoded\n"
                    + "Content-Length: 20\n\ncategories=analytics");
            assertEquals(400, r.getStatus(), query);
            assertTrue(r.getContent().contains("belongs in the request body"), r.getContent());
            assertNull(r.get("Set-Cookie"), query);
        }
        HttpTester.Response busted = send(kind, "POST /consent?_=1700000000 HTTP/1.1\nHost: localhost\n"
                + "Origin: http://localhost\nContent-Type: application/x-www-form-urlencoded\n"
                + "Content-Length: 20\n\ncategories=analytics");
        assertEquals(303, busted.getStatus());
        assertTrue(busted.get("Set-Cookie").startsWith("cg_consent=1.analytics.1."), busted.get("Set-Cookie"));
        for (String[] c : new String[][] {{"return=%2Fdecision%3Fx%3D1", "/decision?x=1"},
            {"return=https://evil.example/", "/"}, {"return=%2F..%2Fadmin", "/"}}) {
            HttpTester.Response returning = send(kind, "POST /consent?" + c[0] + " HTTP/1.1\nHost: localhost\n"
                    + "Origin: http://localhost\nContent-Type: application/x-www-form-urlencoded\n"
                    + "Content-Length: 20\n\ncategories=analytics");
            assertEquals(303, returning.getStatus(), c[0]);
            String location = returning.get("Location");
            assertTrue(location.equals(c[1]) || location.equals("http://localhost" + c[1]), c[0] + " -> " + location);
            assertTrue(returning.get("Set-Cookie").startsWith("cg_consent=1.analytics.1."), c[0]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void crossSiteFormPostIsRefused(String kind) throws Exception {
        String[] forged = {
            "Sec-Fetch-Site: cross-site\nOrigin: https://evil.example",
            "Sec-Fetch-Site: same-site\nOrigin: http://sub.localhost",
            "Sec-Fetch-Site: cross-site\nOrigin: http://localhost",
            "Origin: https://evil.example",
            "Origin: null",
            "Origin: http://localhost.evil.example",
            "Origin: http://localhost:8081",
            "Origin: https://localhost",
            "Referer: http://localhost/",
        };
        for (String headers : forged) {
            HttpTester.Response r = send(kind, "POST /consent HTTP/1.1\nHost: localhost\n" + headers + "\n"
                    + "Content-Type: application/x-www-form-urlencoded\nContent-Length: 14\n\ncategories=all");
            assertEquals(403, r.getStatus(), headers);
            assertNull(r.get("Set-Cookie"), headers);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void sameOriginFormPostSetsTheCookieAndLaterRequestsSeeTheGrant(String kind) throws Exception {
        String form = "categories=analytics&categories=functional&return=%2Fdecision%3Fx%3D1";
        HttpTester.Response r = send(kind, """
                POST /consent HTTP/1.1
                Host: localhost
                Origin: http://localhost
                Sec-Fetch-Site: same-origin
                Content-Type: application/x-www-form-urlencoded
                Content-Length: %d

                %s""".formatted(form.length(), form));
        assertEquals(303, r.getStatus());
        assertTrue(r.get("Location").endsWith("/decision?x=1"), r.get("Location"));
        String setCookie = r.get("Set-Cookie");
        assertNotNull(setCookie);
        assertTrue(setCookie.startsWith("cg_consent=1.functional+analytics.1."), setCookie);
        assertTrue(setCookie.contains("Path=/") && setCookie.contains("SameSite=Lax")
                && setCookie.contains("Max-Age=" + 395L * 86400), setCookie);
        assertFalse(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertFalse(setCookie.toLowerCase().contains("secure"), "plain HTTP must not get Secure: " + setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpTester.Response later = send(kind, "GET /page HTTP/1.1\nHost: localhost\nCookie: " + cookie + "\n");
        assertTrue(later.getContent().startsWith("allowed=[necessary, functional, analytics]"), later.getContent());
        assertEquals("C", later.get("Tk"));

        HttpTester.Response withDnt = send(kind, "GET /page HTTP/1.1\nHost: localhost\nDNT: 1\nCookie: " + cookie
                + "\n");
        assertTrue(withDnt.getContent().startsWith("allowed=[necessary, functional]"), withDnt.getContent());
    }

    /**
     * The consent cookie sent twice (another system wrote the same name for the parent domain or another path) makes
     * every decision {@code unclear}. A choice posted then must also expire the other copies: the new host-only
     * cookie alone leaves the duplicate, and the visitor's choice would never take effect.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aChoicePostedWithTheConsentCookieTwiceExpiresTheOtherCopies(String kind) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String old = "cg_consent=1.-.1." + now + ".AAAAAAAAAAAAAAAAAAAAAA";
        HttpTester.Response r = send(kind, """
                POST /consent HTTP/1.1
                Host: www.shop.example
                Origin: http://www.shop.example
                Cookie: %s; theme=dark; %s
                Content-Type: application/x-www-form-urlencoded
                Content-Length: 18

                categories=analytics""".formatted(old, old.replace(".-.", ".marketing.")).replace("18", "20"));
        assertEquals(303, r.getStatus(), r.toString());
        List<String> set = r.getValuesList("Set-Cookie");
        List<String> consent = set.stream().filter(c -> c.startsWith("cg_consent=")).toList();
        assertTrue(consent.get(0).startsWith("cg_consent=1.analytics."), set.toString());
        for (String domain : new String[] {"www.shop.example", "shop.example"}) {
            for (String path : new String[] {"/", "/consent"}) {
                assertTrue(consent.stream().anyMatch(c -> c.startsWith("cg_consent=; Max-Age=0")
                        && c.contains("; Path=" + path + ";") && c.endsWith("; Domain=" + domain)),
                        domain + " " + path + ": " + set);
            }
        }
        assertTrue(consent.stream().anyMatch(c -> c.startsWith("cg_consent=; Max-Age=0")
                && c.contains("; Path=/consent") && !c.contains("Domain=")), set.toString());
        assertTrue(consent.stream().noneMatch(c -> c.startsWith("cg_consent=; Max-Age=0")
                && (c.contains("; Path=/;") || c.endsWith("; Path=/")) && !c.contains("Domain=")),
                "the host-only cookie on Path=/ is the one just set: " + set);

        // one copy: nothing else is expired
        HttpTester.Response single = send(kind, """
                POST /consent HTTP/1.1
                Host: www.shop.example
                Origin: http://www.shop.example
                Cookie: %s
                Content-Type: application/x-www-form-urlencoded
                Content-Length: 20

                categories=analytics""".formatted(old));
        assertEquals(List.of(true), single.getValuesList("Set-Cookie").stream()
                .filter(c -> c.startsWith("cg_consent=")).map(c -> c.startsWith("cg_consent=1.analytics.")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void jsonPostAnswersTheNewDecision(String kind) throws Exception {
        String body = "{\"categories\": [\"all\"]}";
        HttpTester.Response r = send(kind, """
                POST /consent HTTP/1.1
                Host: localhost
                Origin: http://localhost
                Content-Type: application/json
                Content-Length: %d

                %s""".formatted(body.length(), body));
        assertEquals(200, r.getStatus());
        JsonNode json = JSON.readTree(r.getContent());
        assertEquals("[\"necessary\",\"functional\",\"analytics\",\"marketing\"]", json.get("allowed").toString());
        assertEquals("consent", json.get("basis").get("marketing").asText());
        assertEquals("consentgate", json.get("consent").get("source").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void ambiguousJsonBodyIsABadRequestWithoutACookie(String kind) throws Exception {
        for (String body : new String[] {
            "{\"categories\": [\"none\"], \"categories\": [\"all\"]}",
            "{\"categories\": [\"none\"]}{\"categories\": [\"all\"]}",
            "{\"categories\": [\"analytics\"]} trailing",
        }) {
            HttpTester.Response r = send(kind, "POST /consent HTTP/1.1\nHost: localhost\nOrigin: http://localhost\n"
                    + "Content-Type: application/json\nContent-Length: " + body.length() + "\n\n" + body);
            assertEquals(400, r.getStatus(), body);
            assertNull(r.get("Set-Cookie"), body);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void offSiteReturnPathFallsBackToTheDefault(String kind) throws Exception {
        for (String ret : new String[] {"%2F%2Fevil.example%2F", "https%3A%2F%2Fevil.example", "%2F%5Cevil.example",
                "%2Fa%0D%0ASet-Cookie%3A%20x%3D1", "%2F..%2F%2Fevil.example", "%2F.%2F%2Fevil.example",
                "%2Fa%2F%252e%252E%2F%2Fx", "%2F%252e%2F%2Fevil.example", "%2F..%3B%2F%2Fevil.example",
                "%2Fa%2F%252e%252e%3Bx%2Fb", "%2F.%3Bv%3D1%2F%2Fevil.example"}) {
            String form = "categories=none&return=" + ret;
            HttpTester.Response r = send(kind, "POST /consent HTTP/1.1\nHost: localhost\nOrigin: http://localhost\n"
                    + "Content-Type: application/x-www-form-urlencoded\nContent-Length: " + form.length() + "\n\n"
                    + form);
            assertEquals(303, r.getStatus(), ret);
            assertTrue(r.get("Location").equals("/") || r.get("Location").equals("http://localhost/"),
                    ret + " -> " + r.get("Location"));
            assertTrue(r.get("Set-Cookie").startsWith("cg_consent=1.-.1."), r.get("Set-Cookie"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void unknownCategoryIsABadRequestWithoutACookie(String kind) throws Exception {
        String form = "categories=analytics,everything";
        HttpTester.Response r = send(kind, "POST /consent HTTP/1.1\nHost: localhost\nOrigin: http://localhost\n"
                + "Content-Type: application/x-www-form-urlencoded\nContent-Length: " + form.length() + "\n\n" + form);
        assertEquals(400, r.getStatus());
        assertNull(r.get("Set-Cookie"));
        assertFalse(r.getContent().contains("everything"), "request data must not be echoed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aPostOfAnotherMediaTypeIsRefusedEvenWhenItsNameStartsLikeOne(String kind) throws Exception {
        for (String type : new String[] {"application/x-www-form-urlencodedX", "application/jsonp",
            "application/json-patch+json", "text/plain"}) {
            String body = type.contains("json") ? "{\"categories\": [\"analytics\"]}" : "categories=analytics";
            HttpTester.Response r = send(kind, "POST /consent HTTP/1.1\nHost: localhost\nOrigin: http://localhost\n"
                    + "Content-Type: " + type + "\nContent-Length: " + body.length() + "\n\n" + body);
            assertEquals(415, r.getStatus(), type);
            assertNull(r.get("Set-Cookie"), type);
        }
        String body = "{\"categories\": [\"analytics\"]}";
        HttpTester.Response ok = send(kind, "POST /consent HTTP/1.1\nHost: localhost\nOrigin: http://localhost\n"
                + "Content-Type: Application/JSON ; charset=utf-8\nContent-Length: " + body.length() + "\n\n" + body);
        assertEquals(200, ok.getStatus());
        assertTrue(ok.get("Set-Cookie").startsWith("cg_consent=1.analytics.1."), ok.get("Set-Cookie"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void formPostWithAnUnknownCharsetIsRefusedWithoutAServerError(String kind) throws Exception {
        for (String charset : new String[] {"bogus", "\"x-unknown\"", "b@d"}) {
            String form = "categories=all";
            HttpTester.Response r = send(kind, "POST /consent HTTP/1.1\nHost: localhost\nOrigin: http://localhost\n"
                    + "Content-Type: application/x-www-form-urlencoded; charset=" + charset + "\nContent-Length: "
                    + form.length() + "\n\n" + form);
            assertEquals(415, r.getStatus(), charset);
            assertNull(r.get("Set-Cookie"), charset);
            assertFalse(r.getContent().contains(charset), "request data must not be echoed");
        }
        String form = "categories=analytics";
        HttpTester.Response ok = send(kind, "POST /consent HTTP/1.1\nHost: localhost\nOrigin: http://localhost\n"
                + "Content-Type: application/x-www-form-urlencoded; charset=\"UTF-8\"\nContent-Length: "
                + form.length() + "\n\n" + form);
        assertEquals(303, ok.getStatus());
        assertTrue(ok.get("Set-Cookie").startsWith("cg_consent=1.analytics.1."), ok.get("Set-Cookie"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void refusedBeaconGets204AndTheApplicationNeverRuns(String kind) throws Exception {
        int before = AppServlet.CALLS.get();
        String body = "v=2&tid=G-SHOP1234&en=page_view";
        HttpTester.Response r = send(kind, """
                POST /g/collect?v=2 HTTP/1.1
                Host: localhost
                Content-Type: text/plain
                Content-Length: %d

                %s""".formatted(body.length(), body));
        assertEquals(204, r.getStatus());
        assertNull(r.get("Set-Cookie"));
        assertEquals(before, AppServlet.CALLS.get(), "the application must not run for a refused beacon");

        String cookie = "cg_consent=1.analytics.1." + (System.currentTimeMillis() / 1000) + ".AAAAAAAAAAAAAAAAAAAAAA";
        HttpTester.Response allowed = send(kind, "POST /g/collect HTTP/1.1\nHost: localhost\nCookie: " + cookie
                + "\nContent-Type: text/plain\nContent-Length: " + body.length() + "\n\n" + body);
        assertEquals(200, allowed.getStatus());
        assertEquals(before + 1, AppServlet.CALLS.get(), "with consent the beacon reaches the application");
    }

    /**
     * Browsers store a {@code __Host-} or {@code __Secure-} cookie only with {@code Secure}: without it, behind a
     * proxy that ends TLS, the choice (a withdrawal too) would silently never be stored.
     */
    @ParameterizedTest
    @ValueSource(strings = {"__Host-cg_consent", "__secure-cg"})
    void aPrefixedConsentCookieNameIsAlwaysSetSecure(String name) throws Exception {
        try (Container c = Container.start("jetty", Map.of("consent-cookie-name", name))) {
            HttpTester.Response r = HttpTester.parseResponse(c.exchange("POST /consent HTTP/1.1\nHost: localhost\n"
                    + "Origin: http://localhost\nContent-Type: application/x-www-form-urlencoded\n"
                    + "Content-Length: 15\n\ncategories=none"));
            assertEquals(303, r.getStatus());
            String setCookie = r.get("Set-Cookie");
            assertTrue(setCookie.startsWith(name + "=1.-.1."), setCookie);
            assertTrue(setCookie.endsWith("; Secure") && setCookie.contains("; Path=/;")
                    && !setCookie.contains("Domain"), setCookie);
        }
    }
}
