package io.consentgate.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Policy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A page whose own code calls into the tracker snippets ({@code site/calls.html}): a button's {@code onclick} that
 * sends an event with {@code gtag} and {@code fbq} before it opens a dialog, and a script at the end of the body
 * that pushes onto {@code dataLayer}, calls {@code ttq.track} and {@code hj}, then fills in the page. Through the
 * filter, with nothing consented, the snippets go; the stand-ins written in their place keep the page's code
 * running, and load nothing.
 */
@Tag("browser")
class PageGlobalStubsBrowserTest extends FixtureSiteBrowserTest {

    /** The same site with {@code html-stub-globals=false}: the control that shows what the stand-ins prevent. */
    private static FixtureSite withoutStubs;

    @BeforeAll
    static void startSiteWithoutStubs() throws Exception {
        if (Chromium.installed()) {
            withoutStubs = FixtureSite.start(Policy.builder().htmlStubGlobals(false).build());
        }
    }

    @AfterAll
    static void stopSiteWithoutStubs() throws Exception {
        if (withoutStubs != null) {
            withoutStubs.close();
            withoutStubs = null;
        }
    }

    @Test
    void throughTheFilterThePagesOwnCallsIntoRemovedTrackersRunAndLoadNothing() {
        browser.open(site.guarded() + "/calls.html");
        browser.evaluate("document.getElementById('cta').click()");

        assertEquals("open", text("modal"), "the rest of the onclick handler ran");
        assertEquals("ran", text("after"), "the end of the body script ran");
        assertEquals(List.of(), browser.evaluate("window.__errors"));
        List<String> requested = browser.requestedUrls();
        assertEquals(Set.of(), TrackerHosts.of(requested), "tracker requests attempted; all requests: " + requested);
        assertEquals(Boolean.TRUE, browser.evaluate("Array.isArray(window.dataLayer) && window.dataLayer.length === 1"),
            "the queue is a plain array the page's push went into, and nothing read");
    }

    @Test
    void withoutTheStandInsTheSameCallsThrowAndStopThePage() {
        browser.open(withoutStubs.guarded() + "/calls.html");
        browser.evaluate("document.getElementById('cta').click()");

        assertEquals("closed", text("modal"));
        assertEquals("static", text("after"));
        @SuppressWarnings("unchecked")
        List<String> errors = (List<String>) browser.evaluate("window.__errors");
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.stream().allMatch(e -> e.contains("ReferenceError")), errors.toString());
    }

    @Test
    void withoutTheFilterTheSnippetsDefineTheNamesThemselves() {
        browser.open(site.unguarded() + "/calls.html");
        browser.evaluate("document.getElementById('cta').click()");

        assertEquals("open", text("modal"));
        assertEquals("ran", text("after"));
        assertEquals(List.of(), browser.evaluate("window.__errors"));
    }

    private static String text(String id) {
        return (String) browser.evaluate("document.getElementById('" + id + "').textContent");
    }
}
