package io.consentgate.demo.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The demo WAR, as {@code mvn package} builds it, deployed into a standalone container distribution the way the
 * README's "Quick start: web.xml" tells an operator: copied into {@code webapps/} as {@code ROOT.war} (context
 * {@code /}) and as {@code consentgate-demo.war} (context {@code /consentgate-demo}), the container started as its
 * own process. Every check goes through plain HTTP, as a visitor's browser would, and reads the container's log as
 * the operator would. Each subclass names one distribution; the container is started once for all of its checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StandaloneDeployment {

    /** The two deployments of the WAR: context path → file name in {@code webapps/}, root first. */
    private static final Map<String, String> CONTEXTS = Collections.unmodifiableMap(new LinkedHashMap<>(
            new TreeMap<>(Map.of("", "ROOT.war", "/consentgate-demo", "consentgate-demo.war"))));

    private static final Pattern FORM = Pattern.compile(
            "<form method=post action=\"([^\"]+)\" class=consent>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern RETURN_FIELD = Pattern.compile(
            "<input type=hidden name=return value=\"([^\"]*)\">");
    private static final String ACCEPT_ALL = "<button type=submit name=categories value=all>Accept all</button>";
    /** Log lines an operator must never see from a clean start-up and ordinary requests. */
    private static final Pattern BAD_LOG_LINE = Pattern.compile(
            "SLF4J\\([WE]\\)|SEVERE|\\bERROR\\b|Exception|Error:|^\\s+at |WARN\\S* \\[?\\S*consentgate",
            Pattern.MULTILINE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private ContainerProcess container;
    private String origin;
    private byte[] indexHtml;

    /** Starts the distribution with the WARs in {@code wars} (file name → WAR) deployed, in a fresh {@code dir}. */
    abstract ContainerProcess start(Path dir, Map<String, Path> wars, List<String> readyPaths) throws Exception;

    /** Patterns the container's log must match: the distribution and version under test, each WAR deployed. */
    abstract List<Pattern> deploymentEvidence();

    /** Context path ({@code ""} for the root) → the WAR's file name in {@code webapps/}. */
    static Map<String, String> contexts() {
        return CONTEXTS;
    }

    /** A setting failsafe passes from the POM (a path or a version). */
    static String setting(String name) {
        String v = System.getProperty(name);
        if (v == null) {
            throw new AssertionError("system property " + name + " is not set: run the *IT classes through "
                    + "'mvn -f demo-webapp/pom.xml verify' (failsafe sets it)");
        }
        return v;
    }

    static Path path(String name) {
        return Path.of(setting(name));
    }

    @BeforeAll
    void deploy() throws Exception {
        Path war = path("demo.war");
        assertTrue(Files.isRegularFile(war), "the demo WAR is built in the package phase: " + war);
        indexHtml = Files.readAllBytes(path("demo.webapp").resolve("index.html"));
        Map<String, Path> wars = new LinkedHashMap<>();
        List<String> ready = new ArrayList<>();
        CONTEXTS.forEach((ctx, file) -> {
            wars.put(file, war);
            ready.add(ctx + "/");
        });
        Path dir = path("it.dir").resolve(getClass().getSimpleName());
        container = start(dir, wars, ready);
        origin = container.origin();
    }

    @AfterAll
    void stop() throws Exception {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void theDistributionUnderTestDeployedBothWars() {
        String log = container.log();
        for (Pattern p : deploymentEvidence()) {
            assertTrue(p.matcher(log).find(), "no line matching " + p + " in the log\n" + container.logExcerpt());
        }
        // The filter's init line, through the WAR's own SLF4J provider: one per deployment, naming the version of
        // the library jar in WEB-INF/lib (from its manifest).
        String version = System.getProperty("consentgate.version");
        assertTrue(version != null && !version.isEmpty(), "the build passes consentgate.version");
        assertEquals(CONTEXTS.size(), count(log, "ConsentGate " + version + " enforcing Policy{mode=opt-in"),
                "ConsentGate's start-up line, once per deployed WAR\n" + container.logExcerpt());
    }

    @Test
    void shopPageWithoutConsentLosesItsTrackersAndNothingElse() throws Exception {
        String expected = ShopPage.withoutTrackers(new String(indexHtml, StandardCharsets.UTF_8));
        for (String ctx : CONTEXTS.keySet()) {
            HttpResponse<byte[]> r = get(ctx + "/");
            assertEquals(200, r.statusCode(), ctx + "/");
            assertSameBytes(expected.getBytes(StandardCharsets.UTF_8), r.body(),
                    ctx + "/ without consent: index.html without GTM, GA4, the Meta pixel and LinkedIn Insight");
            assertEquals("N", header(r, "Tk"), ctx + "/ Tk without consent");
        }
    }

    @Test
    void acceptAllOnTheConsentFormServesTheShopPageAsWritten() throws Exception {
        for (String ctx : CONTEXTS.keySet()) {
            String cookie = acceptAll(ctx);
            HttpResponse<byte[]> r = get(ctx + "/", "Cookie", cookie);
            assertEquals(200, r.statusCode(), ctx + "/ after Accept all");
            assertSameBytes(indexHtml, r.body(), ctx + "/ after Accept all: index.html byte for byte");
            assertEquals("C", header(r, "Tk"), ctx + "/ Tk after consent");

            JsonNode decision = json(get(ctx + "/consent", "Cookie", cookie));
            assertEquals(Set.of("necessary", "functional", "analytics", "marketing"), strings(decision.get("allowed")),
                    ctx + "/consent after Accept all: " + decision);
            assertEquals("consentgate", decision.path("consent").path("source").asText(), decision.toString());
        }
    }

    @Test
    void gpcRequestGetsTkVaryAndPermissionsPolicy() throws Exception {
        for (String ctx : CONTEXTS.keySet()) {
            HttpResponse<byte[]> r = get(ctx + "/", "Sec-GPC", "1");
            assertEquals(200, r.statusCode());
            assertEquals("N", header(r, "Tk"), ctx + "/ with Sec-GPC: 1");
            Set<String> vary = new TreeSet<>();
            for (String v : r.headers().allValues("Vary")) {
                for (String token : v.split(",")) {
                    vary.add(token.strip().toLowerCase(Locale.ROOT));
                }
            }
            assertTrue(vary.containsAll(Set.of("dnt", "sec-gpc", "cookie")), ctx + "/ Vary: " + vary);
            assertEquals("browsing-topics=()", header(r, "Permissions-Policy"), ctx + "/ with Sec-GPC: 1");

            // GPC beats a stored consent for marketing (signals-override-consent=true in web.xml).
            JsonNode decision = json(get(ctx + "/consent", "Sec-GPC", "1", "Cookie", acceptAll(ctx)));
            assertEquals("gpc", decision.path("basis").path("marketing").asText(), decision.toString());
            assertEquals("consent", decision.path("basis").path("analytics").asText(), decision.toString());
        }
    }

    @Test
    void consentEndpointAnswersTheDecisionAsJson() throws Exception {
        for (String ctx : CONTEXTS.keySet()) {
            HttpResponse<byte[]> r = get(ctx + "/consent");
            assertEquals(200, r.statusCode(), ctx + "/consent");
            assertTrue(header(r, "Content-Type").startsWith("application/json"), header(r, "Content-Type"));
            JsonNode d = json(r);
            assertEquals(Set.of("necessary"), strings(d.get("allowed")), d.toString());
            assertEquals(Set.of("functional", "analytics", "marketing"), strings(d.get("refused")), d.toString());
            assertEquals("opt-in", d.path("mode").asText(), d.toString());
            assertTrue(d.get("consent").isNull(), d.toString());
        }
    }

    @Test
    void gpcJsonIsAtTheOriginRoot() throws Exception {
        HttpResponse<byte[]> r = get("/.well-known/gpc.json");
        assertEquals(200, r.statusCode(), "/.well-known/gpc.json (ROOT.war)");
        assertTrue(header(r, "Content-Type").startsWith("application/json"), header(r, "Content-Type"));
        // lastUpdate is web.xml's gpc-last-update (the default leaves it out).
        assertEquals("{\"gpc\":true,\"lastUpdate\":\"2026-11-28\"}", text(r));
    }

    @Test
    void settingsOfWebXmlAndThePolicyFileAreInEffect() throws Exception {
        for (String ctx : CONTEXTS.keySet()) {
            // web.xml: beacon-paths=/stats/*=analytics (default: none). Refused: 204, the application not called.
            HttpResponse<byte[]> beacon = get(ctx + "/stats/pageview");
            assertEquals(204, beacon.statusCode(), ctx + "/stats/pageview without consent");
            // Allowed: the request reaches the application, which has nothing there.
            assertEquals(404, get(ctx + "/stats/pageview", "Cookie", acceptAll(ctx)).statusCode(),
                    ctx + "/stats/pageview after Accept all");

            // WEB-INF/consentgate.yaml: klaro-services maps Klaro's "matomo" service to analytics (honour-cmps=klaro).
            String klaro = "klaro=" + URLEncoder.encode("{\"matomo\":true}", StandardCharsets.UTF_8);
            JsonNode d = json(get(ctx + "/consent", "Cookie", klaro));
            String why = ctx + "/consent with a Klaro cookie granting matomo (consentgate.yaml: matomo: analytics): ";
            assertEquals(Set.of("necessary", "analytics"), strings(d.get("allowed")), why + d);
            assertEquals("klaro", d.path("consent").path("source").asText(), why + d);
        }
    }

    @Test
    void logCarriesTheAccessLogThroughTheWarsProviderAndNoError() throws Exception {
        String probe = "/log-probe-" + UUID.randomUUID();
        assertEquals(404, get(probe).statusCode(), probe);
        assertNoWarningOrError();
        // The access log goes to SLF4J after the response: wait for its line, as an operator tails the log.
        Pattern line = Pattern.compile("consentgate\\.access - 127\\.0\\.0\\.0 - - \\[[^]]+] \"GET "
                + Pattern.quote(probe) + " HTTP/1\\.1\" 404 ");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!line.matcher(container.log()).find()) {
            if (System.nanoTime() > deadline) {
                fail("no access log line for " + probe + " (masked IP 127.0.0.0) in the container's log\n"
                        + container.logExcerpt());
            }
            Thread.sleep(50);
        }
        assertNoWarningOrError();
    }

    private void assertNoWarningOrError() {
        List<String> bad = new ArrayList<>();
        for (String l : container.log().split("\n")) {
            if (BAD_LOG_LINE.matcher(l).find()) {
                bad.add(l);
            }
        }
        assertTrue(bad.isEmpty(), "the container's log has warnings or errors an operator would see:\n"
                + String.join("\n", bad) + "\n" + container.logExcerpt());
    }

    /** Posts the "Accept all" button of the real consent form on {@code ctx/decision}; returns the cookie it sets. */
    private String acceptAll(String ctx) throws Exception {
        String page = text(get(ctx + "/decision"));
        Matcher form = FORM.matcher(page);
        assertTrue(form.find(), ctx + "/decision has no consent form:\n" + page);
        String action = form.group(1);
        assertEquals(ctx + "/consent", action, "the form posts to <context path>/consent");
        assertTrue(form.group(2).contains(ACCEPT_ALL), form.group(0));
        Matcher ret = RETURN_FIELD.matcher(form.group(2));
        assertTrue(ret.find(), form.group(0));
        String body = "categories=all&return=" + URLEncoder.encode(ret.group(1), StandardCharsets.UTF_8);
        HttpResponse<byte[]> post = client.send(HttpRequest.newBuilder(URI.create(origin + action))
                .header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(303, post.statusCode(), "POST " + action + " " + body + ": " + text(post));
        assertEquals(ctx + ret.group(1), header(post, "Location"), "the form's return path, in the webapp");
        String setCookie = header(post, "Set-Cookie");
        assertTrue(setCookie.startsWith("cg_consent=1."), setCookie);
        assertTrue(setCookie.contains("; Path=/") && setCookie.contains("SameSite=Lax"), setCookie);
        return setCookie.split(";", 2)[0];
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("<" + name + " absent>");
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        assertEquals(200, r.statusCode(), r.uri() + ": " + text(r));
        return JSON.readTree(r.body());
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** Byte equality, with the first difference and its surroundings in the message. */
    private static void assertSameBytes(byte[] expected, byte[] actual, String what) {
        int n = Math.min(expected.length, actual.length);
        int at = 0;
        while (at < n && expected[at] == actual[at]) {
            at++;
        }
        if (at == n && expected.length == actual.length) {
            return;
        }
        fail(what + ": differs at byte " + at + " (expected " + expected.length + " bytes, got " + actual.length
                + ")\nexpected: ..." + around(expected, at) + "...\nactual:   ..." + around(actual, at) + "...");
    }

    private static String around(byte[] b, int at) {
        int from = Math.max(0, at - 80);
        int to = Math.min(b.length, at + 160);
        return new String(b, from, to - from, StandardCharsets.UTF_8).replace("\n", "\\n");
    }
}
