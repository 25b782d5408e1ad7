package io.consentgate.browser;

import io.consentgate.Policy;
import io.consentgate.catalog.TrackerCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.devtools.v156.network.model.Cookie;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end in a real Chromium: the same tag-laden page, served with and without ConsentGate, and every request the
 * browser attempts recorded through DevTools. A request is a tracker request when the bundled catalog matches its URL.
 *
 * <p>All browser traffic stays on loopback: the fixture servers listen on 127.0.0.1 and every other host is mapped
 * to a closed local port ({@link Chromium#flags}), so tracker requests are attempted (and recorded) but fail locally.
 * Run alone with {@code mvn -B test -Dtest=BrowserEnforcementTest}; skipped with a message when Chromium is missing,
 * failed instead when {@code CI=true}.
 */
@Tag("browser")
class BrowserEnforcementTest extends FixtureSiteBrowserTest {

    private static final TrackerCatalog CATALOG = TrackerCatalog.bundled();
    private static final Policy POLICY = Policy.defaults();
    /** The tag loaders the shop page's scripts request when nothing stops them. */
    private static final Set<String> TAG_HOSTS = Set.of("www.googletagmanager.com", "connect.facebook.net",
            "snap.licdn.com");

    @Test
    void withoutTheFilterThePageRequestsTrackersAndStoresTheirCookies() {
        browser.open(site.unguarded() + "/");
        Set<String> hosts = TrackerHosts.of(browser.awaitRequests(urls -> TrackerHosts.of(urls).containsAll(TAG_HOSTS)));
        assertTrue(hosts.containsAll(TAG_HOSTS), "the control page must request the tag loaders, got " + hosts);

        browser.open(site.unguarded() + "/cookies");
        assertEquals(Set.of("_fbp", "_ga"), trackingCookieNames(),
                "without the filter the application's tracking cookies reach the browser");
    }

    @Test
    void withoutConsentNoRequestReachesATrackerAndNoTrackingCookieIsStored() {
        browser.open(site.guarded() + "/");
        assertNoTrackerRequests();
        assertEquals("ready", browser.evaluate("document.documentElement.getAttribute('data-app')"),
                "the first-party script still runs");
        assertEquals("wired", browser.evaluate("document.documentElement.getAttribute('data-cart')"),
                "the site's own inline script that reports an event to the refused pixel stays and runs");
        assertNoTrackerUrlInTheDom();

        browser.open(site.guarded() + "/cookies");
        assertEquals(Set.of(), trackingCookieNames());
        assertTrue(cookieNames().contains("theme"), "the harmless cookie is kept, got " + cookieNames());
    }

    @Test
    void doNotTrackBeatsAConsentToEverything() {
        browser.sendOnEveryRequest("DNT", "1");
        browser.open(site.guarded() + "/consent.html");
        browser.clickButtonAndFollow("Accept all");
        assertTrue(cookieNames().contains(POLICY.consentCookieName()),
                "the consent form stored the consent, got " + cookieNames());

        browser.forgetRequests();
        browser.open(site.guarded() + "/");
        assertNoTrackerRequests();
        assertNoTrackerUrlInTheDom();

        browser.open(site.guarded() + "/cookies");
        assertEquals(Set.of(), trackingCookieNames());
    }

    @Test
    void afterAcceptingAllThroughTheConsentFormTheTagsLoad() {
        browser.open(site.guarded() + "/consent.html");
        browser.forgetRequests();
        browser.clickButtonAndFollow("Accept all");

        assertEquals("/", URI.create(browser.currentUrl()).getPath(), "the form returns to the page it names");
        assertTrue(cookieNames().contains(POLICY.consentCookieName()), "consent stored, got " + cookieNames());
        Set<String> hosts = TrackerHosts.of(browser.awaitRequests(urls -> TrackerHosts.of(urls).containsAll(TAG_HOSTS)));
        assertTrue(hosts.containsAll(TAG_HOSTS), "after consent the tags load, got " + hosts);

        browser.open(site.guarded() + "/cookies");
        assertEquals(Set.of("_fbp", "_ga"), trackingCookieNames(), "after consent the cookies are set");
    }

    @Test
    void withJavaScriptOffTheNoscriptPixelsAreRemovedToo() {
        browser.disableJavaScript();
        browser.open(site.unguarded() + "/");
        Set<String> pixels = Set.of("www.googletagmanager.com", "www.facebook.com", "px.ads.linkedin.com");
        Set<String> control = TrackerHosts.of(browser.awaitRequests(urls -> TrackerHosts.of(urls).containsAll(pixels)));
        assertTrue(control.containsAll(pixels),
                "without the filter a no-JavaScript visitor loads the <noscript> pixels, got " + control);
        assertFalse(control.contains("connect.facebook.net"), "scripts really were off");

        browser.forgetRequests();
        browser.open(site.guarded() + "/");
        assertNoTrackerRequests();
        assertNoTrackerUrlInTheDom();
    }

    @Test
    void aTrackerPreloadedByALinkHeaderIsNotFetched() {
        browser.open(site.unguarded() + "/hints");
        List<String> control = browser.awaitRequests(urls -> urls.contains(FixtureSite.HintsServlet.TRACKER));
        assertTrue(control.contains(FixtureSite.HintsServlet.TRACKER),
                "without the filter the browser preloads the hinted loader, got " + control);

        browser.forgetRequests();
        browser.open(site.guarded() + "/hints");
        assertNoTrackerRequests();
        assertTrue(browser.requestedUrls().stream().anyMatch(u -> u.endsWith("/static/site.css")),
                "the site's own hint and stylesheet still load, got " + browser.requestedUrls());
    }

    @Test
    void everyConnectionTheBrowserOpensStaysOnLoopbackAndNoDnsQueryIsMade(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("netlog.json");
        try (BrowserSession logged = BrowserSession.start(List.of("--log-net-log=" + log))) {
            logged.open(site.unguarded() + "/");
            assertFalse(TrackerHosts.of(logged.requestedUrls()).isEmpty(), "the control page attempted tracker requests");
        }
        NetLog net = NetLog.read(log, Duration.ofSeconds(15));

        assertEquals(0, net.count("HOST_RESOLVER_DNS_TASK") + net.count("HOST_RESOLVER_SYSTEM_TASK")
                + net.count("DNS_TRANSACTION"), "the browser resolved a name through DNS or the system resolver");
        List<String> tcp = net.addresses("TCP_CONNECT_ATTEMPT");
        assertTrue(tcp.contains("127.0.0.1:" + Chromium.CLOSED_PORT), "tracker hosts were mapped to the closed port");
        assertEquals(List.of(), tcp.stream().filter(a -> !a.startsWith("127.0.0.1:")).toList(),
                "TCP connections outside loopback");
        // UDP_CONNECT without bytes is the kernel route probe Chromium uses to test IPv6 reachability: no packet.
        assertEquals(0, net.count("UDP_BYTES_SENT"), "a UDP datagram was sent");
    }

    private void assertNoTrackerRequests() {
        List<String> requested = browser.requestedUrls();
        List<String> trackers = requested.stream().filter(BrowserEnforcementTest::isTracker).toList();
        assertEquals(List.of(), trackers, "tracker requests attempted; all requests: " + requested);
        assertFalse(requested.isEmpty(), "the recorder saw the page itself");
    }

    private void assertNoTrackerUrlInTheDom() {
        List<String> trackerUrls = browser.urlAttributes().stream()
                .flatMap(value -> List.of(value.split("[\\s,]+")).stream())
                .filter(BrowserEnforcementTest::isTracker)
                .toList();
        assertEquals(List.of(), trackerUrls, "elements still pointing at trackers (preconnect, iframe, img, ...)");
    }

    private static boolean isTracker(String url) {
        return CATALOG.matchUrl(url, null) != null;
    }

    private Set<String> cookieNames() {
        return browser.cookies().stream().map(Cookie::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> trackingCookieNames() {
        return browser.cookies().stream()
                .filter(c -> CATALOG.matchCookie(c.getName(), c.getDomain()) != null)
                .map(Cookie::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
