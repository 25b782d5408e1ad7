package io.consentgate.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A page whose own scripts carry the tags' snippets as statements beside the site's code ({@code site/mixed.html}):
 * a theme header that swaps the {@code no-js} class and loads gtag.js, a product script with the Meta pixel beside its
 * add-to-cart buttons, a footer with the menu, Universal Analytics and a carousel. Through the filter, with nothing
 * consented, the snippets' statements are blanked: no tracker is requested, and the class swap, the cart, the menu
 * and the carousel work, with no error. Without the filter the same page requests the trackers.
 */
@Tag("browser")
class MixedScriptBrowserTest extends FixtureSiteBrowserTest {

    @Test
    void throughTheFilterTheSitesOwnCodeRunsAndNoTrackerIsRequested() {
        browser.open(site.guarded() + "/mixed.html");
        assertWorks();
        List<String> requested = browser.requestedUrls();
        assertEquals(Set.of(), TrackerHosts.of(requested), "tracker requests attempted; all requests: " + requested);
    }

    @Test
    void withoutTheFilterTheSamePageRequestsTheTrackers() {
        browser.open(site.unguarded() + "/mixed.html");
        Set<String> hosts = TrackerHosts.of(browser.awaitRequests(urls -> TrackerHosts.of(urls).size() == 3));
        assertEquals(Set.of("connect.facebook.net", "www.google-analytics.com", "www.googletagmanager.com"), hosts);
        assertWorks();
    }

    private static void assertWorks() {
        assertEquals("js", browser.evaluate("document.documentElement.className"), "the class swap ran");
        assertEquals("yes", browser.evaluate("document.querySelector('.hero').dataset.ready"), "the carousel started");
        browser.evaluate("document.getElementById('nav-toggle').click()");
        assertEquals(Boolean.TRUE, browser.evaluate("document.getElementById('site-nav').classList.contains('is-open')"),
            "the menu opens");
        browser.evaluate("document.querySelectorAll('.add-to-cart').forEach(function (b) { b.click(); })");
        assertEquals("2", browser.evaluate("document.getElementById('cart-count').textContent"), "the cart counts");
        Object errors = browser.evaluate("window.__errors");
        assertTrue(errors instanceof List<?> l && l.isEmpty(), "errors: " + errors);
    }
}
