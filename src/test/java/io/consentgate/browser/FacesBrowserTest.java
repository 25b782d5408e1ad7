package io.consentgate.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Jakarta Faces pages in Chromium. A JSF view in the shape PrimeFaces' "move scripts to bottom" option renders ({@code /faces.html}): every inline
 * script of the view, the template's GTM snippet and Meta pixel included, joined into one script that starts the
 * widgets and then removes itself. Removing that script would leave the view without its widgets; keeping it
 * unchanged loads the trackers. Through ConsentGate the trackers' statements go and the rest of the script runs to
 * its end. And a Faces ajax update ({@code /ajax.html}, {@code /partial.xml}) whose panel carries a conversion pixel:
 * inserted by a stand-in for {@code jsf.js}, it requests the pixel unfiltered and nothing through ConsentGate.
 */
@Tag("browser")
class FacesBrowserTest extends FixtureSiteBrowserTest {

    private static final String SCRIPT_ID = "c0a8f2d4-51b7-4e3a-9d6c-2b7e8f1a3c90";

    @Test
    void withoutTheFilterTheWidgetsStartAndTheTrackersAreRequested() {
        browser.open(site.unguarded() + "/faces.html");

        assertEquals("widgets 2, locale en_US", state());
        assertEquals(Set.of("connect.facebook.net", "www.googletagmanager.com"), TrackerHosts.of(browser.requestedUrls()));
    }

    @Test
    void withoutConsentTheMergedScriptStillRunsToItsEndAndNoTrackerIsRequested() {
        browser.open(site.guarded() + "/faces.html");

        List<String> requested = browser.requestedUrls();
        assertEquals(Set.of(), TrackerHosts.of(requested), "tracker requests attempted; all requests: " + requested);
        assertEquals("widgets 2, locale en_US", state(), "the settings and both widgets ran");
        assertEquals(Boolean.TRUE, browser.evaluate("document.getElementById('" + SCRIPT_ID + "') === null"),
            "the script's last statement, after the blanked ones, ran too");
    }

    @Test
    void aFacesAjaxUpdateInsertsItsPanelWithoutThePixel() {
        // the stand-in for jsf.js asks with Faces-Request: partial/ajax and inserts the update's HTML
        browser.open(site.unguarded() + "/ajax.html");
        browser.evaluate("document.getElementById('transfer').click()");
        browser.waitFor("document.getElementById('state').textContent === 'updated 2'");
        assertEquals(Set.of("www.facebook.com"), TrackerHosts.of(browser.awaitRequests(
            urls -> !TrackerHosts.of(urls).isEmpty())), "the pixel loads unfiltered");

        browser.reset();
        browser.open(site.guarded() + "/ajax.html");
        browser.evaluate("document.getElementById('transfer').click()");
        browser.waitFor("document.getElementById('state').textContent === 'updated 2'");
        List<String> requested = browser.requestedUrls();
        assertEquals(Set.of(), TrackerHosts.of(requested), "tracker requests attempted; all requests: " + requested);
        assertEquals("Thank you, the transfer is on its way.",
            browser.evaluate("document.querySelector('h2').textContent"), "the panel was inserted");
    }

    private static String state() {
        return (String) browser.evaluate("document.getElementById('state').textContent");
    }

}
