package io.consentgate.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A consent manager's configuration script in Chromium ({@code /cmp.html}): the banner's configuration and an
 * accept callback that injects gtag.js, run by a hand-written stand-in for a consent manager's library
 * ({@code /static/consent-banner.js}, in the shape of the documented {@code CookieConsent.run(config)} API).
 * Unfiltered, accepting in the banner loads the tag. Through ConsentGate, for a visitor whose decision refuses
 * analytics, the banner still shows and works, and accepting in it loads no tracker.
 */
@Tag("browser")
class ConsentManagerBrowserTest extends FixtureSiteBrowserTest {

    private static final String ACCEPT = "document.querySelector('#cc-banner [data-cc=\"accept-all\"]').click()";

    @Test
    void withoutTheFilterAcceptingInTheBannerLoadsTheTag() {
        browser.open(site.unguarded() + "/cmp.html");
        assertEquals("Cookies at Northwind", shownBanner());
        assertEquals(Set.of(), TrackerHosts.of(browser.requestedUrls()), "nothing before the visitor decides");

        browser.evaluate(ACCEPT);
        browser.waitFor("document.getElementById('state').textContent === 'accepted necessary analytics'");
        assertEquals(Set.of("www.googletagmanager.com"), TrackerHosts.of(browser.awaitRequests(
            urls -> !TrackerHosts.of(urls).isEmpty())));
    }

    @Test
    void throughConsentGateTheBannerShowsAndAcceptingInItLoadsNoTracker() {
        browser.open(site.guarded() + "/cmp.html");
        assertEquals("Cookies at Northwind", shownBanner(), "the configuration script ran and showed the banner");

        browser.evaluate(ACCEPT);
        browser.waitFor("document.getElementById('state').textContent === 'accepted necessary analytics'");
        List<String> requested = browser.requestedUrls();
        assertEquals(Set.of(), TrackerHosts.of(requested), "tracker requests attempted; all requests: " + requested);
        assertEquals(Boolean.TRUE, browser.evaluate("document.getElementById('cc-banner').hidden"),
            "the banner closed on the visitor's choice");
    }

    /** The banner's title when it is shown, else null. */
    private static Object shownBanner() {
        return browser.evaluate("document.getElementById('cc-banner').hidden ? null"
            + " : document.querySelector('#cc-banner h2').textContent");
    }
}
