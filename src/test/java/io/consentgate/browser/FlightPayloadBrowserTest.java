package io.consentgate.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page in the shape of a Next.js App Router page ({@code /flight.html}): its content arrives as a React Server
 * Components payload in {@code self.__next_f.push} scripts, and a first-party runtime ({@code static/flight-runtime.js})
 * hydrates from it and injects the scripts the payload asks for: a {@code next/script} {@code src}, an inline loader
 * carried in a length-prefixed text row, and a tag-manager component that has only its container id. Removing a
 * payload script breaks the page; keeping it unchanged loads the trackers. Through ConsentGate neither may happen.
 */
@Tag("browser")
class FlightPayloadBrowserTest extends FixtureSiteBrowserTest {

    @Test
    void withoutTheFilterThePageHydratesAndItsPayloadLoadsTheTrackers() {
        browser.open(site.unguarded() + "/flight.html");

        assertEquals("hydrated", state());
        assertEquals(Set.of("connect.facebook.net", "static.hotjar.com", "www.googletagmanager.com"),
                TrackerHosts.of(browser.requestedUrls()));
    }

    @Test
    void withoutConsentThePageStillHydratesAndNoTrackerIsRequested() {
        browser.open(site.guarded() + "/flight.html");

        assertEquals("hydrated", state(), "the page's own runtime read every payload row");
        List<String> requested = browser.requestedUrls();
        assertEquals(Set.of(), TrackerHosts.of(requested), "tracker requests attempted; all requests: " + requested);
        assertTrue(requested.stream().anyMatch(u -> u.endsWith("/static/flight-runtime.js")), "saw the page's runtime");

        browser.evaluate("document.getElementById('inc').click()");
        assertEquals("count 1", browser.evaluate("document.getElementById('inc').textContent"),
                "the hydrated component handles clicks");
    }

    @Test
    void withoutTheFilterTheLongPayloadPageHydratesAndLoadsTheTrackers() {
        browser.open(site.unguarded() + "/flight-long");

        assertEquals("hydrated", state());
        assertEquals(Set.of("connect.facebook.net", "static.hotjar.com", "www.googletagmanager.com"),
                TrackerHosts.of(browser.requestedUrls()));
    }

    /**
     * The payload script that carries the element tree is longer than the filter's hold cap: it is rewritten as it
     * streams ({@code StreamedFlight}), where before it was made a syntax error and the page never hydrated.
     */
    @Test
    void aPayloadScriptLongerThanTheHoldCapIsRewrittenAsItStreamsAndThePageHydrates() {
        browser.open(site.guarded() + "/flight-long");

        assertEquals("hydrated", state(), "the page's own runtime read every payload row");
        List<String> requested = browser.requestedUrls();
        assertEquals(Set.of(), TrackerHosts.of(requested), "tracker requests attempted; all requests: " + requested);
    }

    private static String state() {
        return (String) browser.evaluate("document.getElementById('state').textContent");
    }

}
