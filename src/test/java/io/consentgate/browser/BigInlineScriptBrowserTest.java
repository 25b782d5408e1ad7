package io.consentgate.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An inline script longer than the filter's hold cap ({@code /state}, see {@link FixtureSite.StateServlet}): under
 * the default fail-closed switch it streams, and if it names a refused tracker it ends in a syntax error, so Chromium
 * runs none of it. The page's own state script must still run; the one that carries a tag manager must not.
 */
@Tag("browser")
class BigInlineScriptBrowserTest extends FixtureSiteBrowserTest {

    @Test
    void withoutTheFilterTheScriptRendersThePageAndLoadsTheTagManager() {
        browser.open(site.unguarded() + "/state?tag=1");

        assertTrue(text("state").startsWith("rendered "), text("state"));
        assertEquals(Set.of("www.googletagmanager.com"), TrackerHosts.of(browser.requestedUrls()));
    }

    @Test
    void throughTheFilterAPagesOwnStateScriptOverTheCapStillRuns() {
        browser.open(site.guarded() + "/state");

        assertEquals(text("state"), "rendered " + browser.evaluate("window.__INITIAL_STATE__.products.length"));
        assertEquals("Linen shirt 0", browser.evaluate("document.querySelector('#list li').textContent"));
    }

    @Test
    void throughTheFilterAScriptOverTheCapThatLoadsATrackerRunsNothing() {
        browser.open(site.guarded() + "/state?tag=1");

        List<String> requested = browser.requestedUrls();
        assertEquals(Set.of(), TrackerHosts.of(requested), "tracker requests attempted; all requests: " + requested);
        assertEquals("static", text("state"), "no statement of the script ran");
        assertEquals(Boolean.TRUE, browser.evaluate("typeof window.__INITIAL_STATE__ === 'undefined'"));
        assertEquals("Free returns within 30 days.", text("after"), "the page after the script is intact");
    }

    private static String text(String id) {
        return (String) browser.evaluate("document.getElementById('" + id + "').textContent");
    }
}
