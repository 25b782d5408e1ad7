package io.consentgate.beacon;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import io.consentgate.catalog.TrackerCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BeaconGateTest {

    private static final ConsentDecision REFUSE = ConsentDecision.refuseAll();
    private static final ConsentDecision ALLOW = ConsentDecision.allowAll();
    private static final BeaconGate GATE = new BeaconGate(TrackerCatalog.bundled(), BeaconSettings.defaults());

    private static ConsentDecision allowing(Category... categories) {
        return ConsentDecision.of(Set.of(categories), Map.of(), ConsentMode.OPT_IN);
    }

    /** A request whose container view and raw URI are both {@code path}. */
    private static FakeExchange.Req req(String path) {
        return new FakeExchange.Req(path, path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/g/collect", "/j/collect", "/r/collect", "/mp/collect", "/matomo.php", "/piwik.php",
        "/2/httpapi", "/com.snowplowanalytics.snowplow/tp2", "/i/v0/e/", "/i/v0/e"})
    void gatesCatalogCollectionEndpointsWhenTheirCategoryIsRefused(String path) {
        BeaconMatch m = GATE.match(req(path).proxy(), REFUSE);
        assertNotNull(m, path);
        assertTrue(m.reason().contains(path.replaceAll("(?<=.)/$", "")), m.reason());
    }

    @Test
    void passesCollectionEndpointsWhenTheirCategoryIsAllowed() {
        assertNull(GATE.match(req("/g/collect").proxy(), allowing(Category.ANALYTICS)));
        assertNull(GATE.match(req("/g/collect").proxy(), ALLOW));
    }

    @Test
    void gatesAnAnalyticsEndpointWhenOnlyMarketingIsAllowed() {
        BeaconMatch m = GATE.match(req("/g/collect").proxy(), allowing(Category.MARKETING));
        assertNotNull(m);
        assertEquals("google-analytics", m.trackerId());
        assertEquals(Set.of(Category.ANALYTICS), m.categories());
    }

    /**
     * Self-hosted WordPress statistics: WP Statistics' REST routes (namespace wp-statistics/v2; wpstatistics/v1 before
     * version 13), the file its Hybrid Mode installs in mu-plugins, and Koko Analytics' optimized endpoint file at the
     * WordPress root. The hits go to the site itself, so only the path says what they are.
     */
    @ParameterizedTest
    @CsvSource({
        "/wp-json/wp-statistics/v2/hit, wp-statistics", "/wp-json/wp-statistics/v2/online, wp-statistics",
        "/wp-json/wp-statistics/v2/batch, wp-statistics", "/wp-json/wpstatistics/v1/hit, wp-statistics",
        "/wp-content/mu-plugins/wp-statistics-tracker.php, wp-statistics",
        "/koko-analytics-collect.php, koko-analytics"})
    void gatesTheHitsOfSelfHostedWordPressStatistics(String path, String tracker) {
        BeaconMatch m = GATE.match(req(path).proxy(), allowing(Category.MARKETING, Category.FUNCTIONAL));
        assertNotNull(m, path);
        assertEquals(tracker, m.trackerId());
        assertEquals(Set.of(Category.ANALYTICS), m.categories());
        assertNull(GATE.match(req(path).proxy(), allowing(Category.ANALYTICS)), path);
    }

    /**
     * The statistics plugins' other routes (WP Statistics' dashboard widgets read its REST namespace too) and
     * WordPress's admin-ajax.php, which every plugin shares: the plugins' actions there (wp_statistics_hit_record,
     * koko_analytics_collect) are a parameter, in the body or the query, which a path rule cannot tell apart.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/wp-admin/admin-ajax.php", "/wp-json/wp-statistics/v2/metabox", "/wp-json/wp-statistics/v2",
        "/wp-json/wp/v2/posts", "/wp-content/plugins/koko-analytics/koko-analytics.php", "/wp-statistics/v2/hit"})
    void leavesTheStatisticsPluginsOtherRoutesAndAdminAjaxAlone(String path) {
        assertNull(GATE.match(req(path).proxy(), REFUSE), path);
    }

    /**
     * A PHP script runs for any path below it (PATH_INFO: Apache's default for PHP, {@code cgi.fix_pathinfo}), so a
     * proxy in front of PHP hands {@code /matomo.php/x} to the tracker just as {@code /matomo.php}.
     */
    @ParameterizedTest
    @CsvSource({"/matomo.php/x, matomo", "/piwik.php/a/b, matomo", "/ppms.php/x.gif, piwik-pro",
        "/koko-analytics-collect.php/x, koko-analytics",
        "/wp-content/mu-plugins/wp-statistics-tracker.php/x, wp-statistics"})
    void gatesThePathInfoOfACollectionScript(String path, String tracker) {
        BeaconMatch m = GATE.match(req(path).proxy(), REFUSE);
        assertNotNull(m, path);
        assertEquals(tracker, m.trackerId());
        assertNotNull(GATE.match(new FakeExchange.Req(path.replace("/x", "/%78"), "/app-servlet").proxy(), REFUSE),
                path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/matomo.phpx/y", "/x/matomo.php.bak/y", "/amatomo.php/x", "/x.php/matomo.php/y", "/g/collect/x"})
    void scriptPathInfoNearMissesAreNotGated(String path) {
        assertNull(GATE.match(req(path).proxy(), REFUSE), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/g/collector", "/g/collect.js", "/g", "/api/g/collect",
        "/collect", "/tr", "/api/event", "/matomo.php.bak"})
    void leavesOrdinaryPathsAndGenericEndpointsAlone(String path) {
        assertNull(GATE.match(req(path).proxy(), REFUSE), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/collect", "/tr", "/api/event"})
    void gatesGenericEndpointsWhenTheOperatorAsksFor(String path) {
        BeaconGate gate = new BeaconGate(TrackerCatalog.bundled(), new BeaconSettings(List.of(), true, false, true));
        assertNotNull(gate.match(req(path).proxy(), REFUSE), path);
    }

    /** The container routed somewhere else (its view shows no beacon): only the raw URI shows the trick. */
    @ParameterizedTest
    @ValueSource(strings = {"//g//collect", "/g/collect;jsessionid=x", "/g%2fcollect", "/g%2Fcollect",
        "/x/../g/collect", "/x/%2e%2e/g/collect", "/g/collect/", "/g/coll%65ct", "/g;a=b/collect;c=d/"})
    void gatesPathTricksThroughTheRawUriView(String raw) {
        FakeExchange.Req r = new FakeExchange.Req(raw, "/app-servlet");
        assertNotNull(GATE.match(r.proxy(), REFUSE), raw);
    }

    /**
     * An encoded {@code ?}, {@code #} or {@code ;} is decoded by the container into the path the application sees; a
     * proxy that appends that path to its upstream URL sends {@code /g/collect} (the rest becomes a query, a fragment
     * the client drops, or path parameters a Java upstream strips).
     */
    @ParameterizedTest
    @CsvSource({"/g/collect%23x, /g/collect#x", "/g/collect%3Fx=1, /g/collect?x=1", "/g/collect%3Bx, /g/collect;x",
        "/g%3Ba/collect, /g;a/collect", "/analytics%23, /analytics#", "/analytics%3F/x, /analytics?/x",
        "/analytics%3Bv=1/hit, /analytics;v=1/hit", "/matomo.php%3F, /matomo.php?"})
    void gatesPathsThatEncodeAQueryFragmentOrParameter(String raw, String container) {
        BeaconGate gate = new BeaconGate(TrackerCatalog.bundled(),
                new BeaconSettings(List.of("/analytics/*=analytics"), false, false, true));
        assertNotNull(gate.match(new FakeExchange.Req(raw, container).proxy(), REFUSE), raw);
    }

    /**
     * A double-encoded dot segment reaches the application as {@code %2e%2e}; a proxy that appends the decoded path to
     * its upstream URL sends it on, and the upstream's URL parser (WHATWG, Tomcat, Jetty) resolves it as {@code ..}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/x/%252e%252e/g/collect", "/x/%252E./g/collect", "/x/.%252e/g/collect",
        "/g/%252e/collect", "/x/%252e%252e;a/g/collect", "/analytics/x/%252e%252e"})
    void gatesDoubleEncodedDotSegments(String raw) {
        BeaconGate gate = new BeaconGate(TrackerCatalog.bundled(),
                new BeaconSettings(List.of("/analytics/*=analytics"), false, false, true));
        String container = raw.replace("%25", "%");
        assertNotNull(gate.match(new FakeExchange.Req(raw, container).proxy(), REFUSE), raw);
    }

    /**
     * A container that lets a backslash through (Jetty with {@code UriCompliance.UNSAFE}) hands the application
     * {@code /g\collect}; a proxy's WHATWG-style URL parser (OkHttp, a Node upstream) reads it as {@code /g/collect}.
     */
    @ParameterizedTest
    @CsvSource({"/g%5Ccollect, /g\\collect", "/g\\collect, /g\\collect", "/x%5C..%5Cg/collect, /x\\..\\g/collect",
        "/analytics%5Cx, /analytics\\x"})
    void gatesBackslashesReadAsSlashes(String raw, String container) {
        BeaconGate gate = new BeaconGate(TrackerCatalog.bundled(),
                new BeaconSettings(List.of("/analytics/*=analytics"), false, false, true));
        assertNotNull(gate.match(new FakeExchange.Req(raw, container).proxy(), REFUSE), raw);
    }

    @ParameterizedTest
    @CsvSource({"/g%5Ccollector, /g\\collector", "/x%5Cg/collect, /x\\g/collect", "/analytics2%5Cx, /analytics2\\x"})
    void backslashNearMissesAreNotGated(String raw, String container) {
        assertNull(GATE.match(new FakeExchange.Req(raw, container).proxy(), REFUSE), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/x/%252e%252e%252e/g/collect", "/x/%252ex/g/collect", "/g/collect/%252e%252e/x"})
    void doubleEncodedDotNearMissesAreNotGated(String raw) {
        assertNull(GATE.match(new FakeExchange.Req(raw, raw.replace("%25", "%")).proxy(), REFUSE), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/g/collector%23x", "/x%3F/g/collect", "/x%23/g/collect", "/g%23/collect"})
    void encodedQueryFragmentNearMissesAreNotGated(String raw) {
        String container = java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
        assertNull(GATE.match(new FakeExchange.Req(raw, container).proxy(), REFUSE), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/g/collector", "/g/collector;jsessionid=x", "/g%2fcollector", "//g//collector/",
        "/g/collect%2fx", "/g/collect..", "/g/collect%00"})
    void nearMissesAreNotGated(String raw) {
        assertNull(GATE.match(new FakeExchange.Req(raw, "/app-servlet").proxy(), REFUSE), raw);
    }

    @Test
    void gatesThroughTheContainerViewWhenTheRawUriIsMalformed() {
        FakeExchange.Req r = new FakeExchange.Req("/g/collect%zz", "/g/collect");
        assertNotNull(GATE.match(r.proxy(), REFUSE));
    }

    @Test
    void aContainerThatThrowsOnAnAmbiguousPathStillGetsTheRawView() {
        FakeExchange.Req r = new FakeExchange.Req("/g%2fcollect", "unused");
        r.servletPathFailure = new IllegalArgumentException("Ambiguous URI encoding");
        assertNotNull(GATE.match(r.proxy(), REFUSE));
    }

    @Test
    void neitherViewMatchingMeansNoMatchEvenWhenBothAreMalformed() {
        FakeExchange.Req r = new FakeExchange.Req("/g/collect%", "x");
        r.servletPathFailure = new IllegalStateException("broken");
        assertNull(GATE.match(r.proxy(), REFUSE));
    }

    @Test
    void matchesTheContainerViewBelowTheContextPath() {
        FakeExchange.Req r = new FakeExchange.Req("/shop/g/collect", "/g/collect");
        r.contextPath = "/shop";
        assertNotNull(GATE.match(r.proxy(), REFUSE));
        FakeExchange.Req encoded = new FakeExchange.Req("/sh%6Fp;v=1/g%2fcollect", "/other");
        encoded.contextPath = "/sh%6Fp;v=1";
        assertNotNull(GATE.match(encoded.proxy(), REFUSE));
    }

    @Test
    void rawViewOutsideTheContextPathMatchesNothing() {
        FakeExchange.Req r = new FakeExchange.Req("/other/g/collect", "/page");
        r.contextPath = "/shop";
        assertNull(GATE.match(r.proxy(), REFUSE));
    }

    @Test
    void upperCasePathsMatchOnlyWhenCaseInsensitive() {
        assertNull(GATE.match(req("/G/Collect").proxy(), REFUSE));
        BeaconGate folding = new BeaconGate(TrackerCatalog.bundled(),
                new BeaconSettings(List.of("/Stats/*=analytics"), false, true, true));
        assertNotNull(folding.match(req("/G/Collect").proxy(), REFUSE));
        assertNotNull(folding.match(req("/MATOMO.PHP").proxy(), REFUSE));
        assertNotNull(folding.match(req("/stats/hit").proxy(), REFUSE));
        assertNull(folding.match(req("/G/Collector").proxy(), REFUSE));
    }

    @Test
    void operatorPathsCarryTheirCategory() {
        BeaconGate gate = new BeaconGate(TrackerCatalog.bundled(), new BeaconSettings(
                List.of("/analytics/*=analytics", "/px=marketing"), false, false, true));
        BeaconMatch m = gate.match(req("/analytics/event").proxy(), allowing(Category.MARKETING));
        assertNotNull(m);
        assertEquals(BeaconGate.OPERATOR_TRACKER_ID, m.trackerId());
        assertEquals(Set.of(Category.ANALYTICS), m.categories());
        assertNull(gate.match(req("/analytics/event").proxy(), allowing(Category.ANALYTICS)));
        assertNotNull(gate.match(req("/analytics").proxy(), REFUSE));
        assertNull(gate.match(req("/analyticsx").proxy(), REFUSE));
        assertNotNull(gate.match(req("/px").proxy(), allowing(Category.ANALYTICS)));
        assertNull(gate.match(req("/px/1").proxy(), REFUSE));
        assertNotNull(gate.match(new FakeExchange.Req("/analytics;jsessionid=1/%2e/e", "/x").proxy(), REFUSE));
    }

    @Test
    void aRefusalBeatsAnAllowWhenAnOperatorPathOverlapsTheCatalog() {
        BeaconGate gate = new BeaconGate(TrackerCatalog.bundled(),
                new BeaconSettings(List.of("/g/*=marketing"), false, false, true));
        BeaconMatch m = gate.match(req("/g/collect").proxy(), allowing(Category.MARKETING));
        assertNotNull(m);
        assertEquals("google-analytics", m.trackerId());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "Ping-To, https://example.net/landing",
        "Ping-From, https://example.org/article",
        "Content-Type, text/ping",
        "Content-Type, TEXT/Ping ; charset=utf-8",
    })
    void gatesHyperlinkAuditingPingsOnAnyPath(String header, String value) {
        BeaconMatch m = GATE.match(req("/anything").header(header, value).proxy(), REFUSE);
        assertNotNull(m);
        assertEquals(BeaconGate.PING_TRACKER_ID, m.trackerId());
        assertEquals(EnumSet.of(Category.ANALYTICS, Category.MARKETING), m.categories());
    }

    @Test
    void pingsNeedBothAnalyticsAndMarketing() {
        FakeExchange.Req ping = req("/").header("Ping-To", "https://example.net/");
        assertNotNull(GATE.match(ping.proxy(), allowing(Category.ANALYTICS)));
        assertNotNull(GATE.match(ping.proxy(), allowing(Category.MARKETING)));
        assertNull(GATE.match(ping.proxy(), allowing(Category.ANALYTICS, Category.MARKETING)));
    }

    @Test
    void pingsPassWhenPingGatingIsOff() {
        BeaconGate gate = new BeaconGate(TrackerCatalog.bundled(), new BeaconSettings(List.of(), false, false, false));
        assertNull(gate.match(req("/").header("Ping-From", "https://example.org/").proxy(), REFUSE));
        assertNull(gate.match(req("/").header("Content-Type", "text/ping").proxy(), REFUSE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/pingx", "application/ping", "text/ping-like"})
    void otherContentTypesAreNotPings(String type) {
        assertNull(GATE.match(req("/").header("Content-Type", type).proxy(), REFUSE));
    }

    @Test
    void answersWith204NoStoreAndCommits() throws Exception {
        FakeExchange.Res res = new FakeExchange.Res();
        FakeExchange.Req r = req("/g/collect").header("Content-Length", "10485760");
        GATE.answer(r.proxy(), res.proxy(), GATE.match(r.proxy(), REFUSE));
        assertEquals(204, res.status);
        assertEquals("no-store", res.header("Cache-Control"));
        assertEquals("close", res.header("Connection"));
        assertNull(res.header("Allow"));
        assertNull(res.header("Content-Type"));
        assertTrue(res.committed);
    }

    @Test
    void keepsTheConnectionWhenNoBodyWasAnnounced() throws Exception {
        FakeExchange.Res res = new FakeExchange.Res();
        FakeExchange.Req r = req("/g/collect").method("GET");
        GATE.answer(r.proxy(), res.proxy(), GATE.match(r.proxy(), REFUSE));
        assertEquals(204, res.status);
        assertNull(res.header("Connection"));
    }

    @Test
    void answersAPreflightWithAllowAndNoCorsGrant() throws Exception {
        FakeExchange.Res res = new FakeExchange.Res();
        FakeExchange.Req r = req("/g/collect").method("OPTIONS").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST");
        BeaconMatch m = GATE.match(r.proxy(), REFUSE);
        GATE.answer(r.proxy(), res.proxy(), m);
        assertEquals(204, res.status);
        assertEquals(BeaconGate.ALLOW, res.header("Allow"));
        assertTrue(res.headers.keySet().stream().noneMatch(h -> h.startsWith("access-control-")), res.headers::toString);
    }

    @Test
    void dropsSetCookieAddedBeforeTheGateAndKeepsOtherHeaders() throws Exception {
        FakeExchange.Res res = new FakeExchange.Res();
        res.headers.put("set-cookie", new java.util.ArrayList<>(List.of("JSESSIONID=1; Path=/")));
        res.headers.put("strict-transport-security", new java.util.ArrayList<>(List.of("max-age=63072000")));
        FakeExchange.Req r = req("/g/collect");
        GATE.answer(r.proxy(), res.proxy(), GATE.match(r.proxy(), REFUSE));
        assertNull(res.header("Set-Cookie"));
        assertEquals("max-age=63072000", res.header("Strict-Transport-Security"));
        assertEquals(1, res.resets);
        assertEquals(204, res.status);
    }

    @Test
    void leavesACommittedResponseAlone() throws Exception {
        FakeExchange.Res res = new FakeExchange.Res();
        res.committed = true;
        FakeExchange.Req r = req("/g/collect");
        GATE.answer(r.proxy(), res.proxy(), GATE.match(r.proxy(), REFUSE));
        assertEquals(200, res.status);
        assertTrue(res.headers.isEmpty());
    }

    @Test
    void reportOnlyContinuesWithoutAnswering() throws Exception {
        FakeExchange.Res res = new FakeExchange.Res();
        FakeExchange.Req r = req("/g/collect");
        assertEquals(false, GATE.gate(r.proxy(), res.proxy(), REFUSE, true));
        assertEquals(200, res.status);
        assertEquals(true, GATE.gate(r.proxy(), res.proxy(), REFUSE, false));
        assertEquals(204, res.status);
    }

    @Test
    void reasonsAreOnePrintableLine() {
        FakeExchange.Req r = new FakeExchange.Req("/g/collect/%0d%0aINJECTED", "/x");
        BeaconGate gate = new BeaconGate(TrackerCatalog.bundled(),
                new BeaconSettings(List.of("/g/*=analytics"), false, false, true));
        BeaconMatch m = gate.match(r.proxy(), REFUSE);
        assertNotNull(m);
        assertTrue(m.reason().chars().allMatch(c -> c >= 0x20 && c < 0x7f), m.reason());
    }
}
