package io.consentgate.browser;

import io.consentgate.Policy;
import io.consentgate.browser.wicket.ShopApplication;
import io.consentgate.jetty.ConsentGateJetty;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.wicket.protocol.http.WicketFilter;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real Apache Wicket application in Chromium ({@link ShopApplication}): placing the order re-renders a panel by
 * ajax, with a conversion pixel in its markup, the Google Ads tag in its header contribution and the conversion
 * event among the evaluated scripts. Wicket's own {@code wicket-ajax-jquery.js} asks with {@code Wicket-Ajax: true}
 * and puts the answer into the page. A second link re-renders a newsletter panel with a pixel. Without the filter
 * the pixels and the tag are requested; through ConsentGate none is, and the panels and the page's own scripts still
 * arrive (in Wicket 10 an answer's scripts come as one {@code <script>} in a {@code <head>}: the conversion's
 * statement goes, the page's stays).
 */
@Tag("browser")
class WicketBrowserTest {

    private static Server guarded;
    private static Server unguarded;
    private static BrowserSession browser;

    @BeforeAll
    static void start() throws Exception {
        if (!Chromium.installed()) {
            Chromium.announceSkip();
            return;
        }
        Chromium.requireClosedPort();
        guarded = start(Policy.defaults());
        unguarded = start(null);
        browser = BrowserSession.start();
    }

    private static Server start(Policy policy) throws Exception {
        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
        if (policy != null) {
            ConsentGateJetty.install(context, policy);
        }
        FilterHolder wicket = new FilterHolder(WicketFilter.class);
        wicket.setInitParameter("applicationClassName", ShopApplication.class.getName());
        wicket.setInitParameter(WicketFilter.FILTER_MAPPING_PARAM, "/*");
        wicket.setInitParameter("configuration", "deployment");
        context.addFilter(wicket, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(DefaultServlet.class, "/");
        return LoopbackJetty.start(context);
    }

    private static String url(Server s) {
        return LoopbackJetty.origin(s) + "/";
    }

    @AfterAll
    static void stop() throws Exception {
        LoopbackJetty.stop(browser, guarded, unguarded);
    }

    @BeforeEach
    void firstVisit() {
        Chromium.assumeInstalled();
        browser.reset();
    }

    @Test
    void withoutTheFilterTheAjaxPanelsRequestThePixelAndTheTag() {
        open(unguarded);
        click("subscribe", "subscribed");
        assertEquals(Set.of("www.facebook.com"), TrackerHosts.of(browser.awaitRequests(
            urls -> !TrackerHosts.of(urls).isEmpty())), "the panel's pixel loads unfiltered");
        // the tag in the header contribution is requested first; Wicket then waits for it (a failed script halts
        // the rest of the answer, so the page's own script does not run here)
        browser.evaluate("document.getElementById('place').click()");
        assertEquals(Set.of("www.facebook.com", "www.googletagmanager.com"), TrackerHosts.of(browser.awaitRequests(
            urls -> TrackerHosts.of(urls).size() == 2)), "the contributed tag loads unfiltered");
    }

    @Test
    void throughConsentGateThePanelsArriveWithoutThePixelsTheTagOrTheConversion() {
        open(guarded);
        click("subscribe", "subscribed");
        assertEquals("You are on the list: the first letter comes on Friday.",
            browser.evaluate("document.querySelector('.confirmation').textContent"), "the panel was inserted");
        click("place", "placed");
        List<String> requested = browser.requestedUrls();
        assertEquals(Set.of(), TrackerHosts.of(requested), "tracker requests attempted; all requests: " + requested);
        assertEquals("Thank you, your order is placed.", browser.evaluate("document.querySelector('h2').textContent"),
            "the panel was inserted");
        assertEquals(0L, browser.evaluate("dataLayer.filter(function (e) { return e[0] === 'event'; }).length"),
            "the conversion event was not sent to the data layer");
    }

    private static void open(Server server) {
        browser.open(url(server));
        assertEquals("cart", browser.evaluate("document.getElementById('state').textContent"));
    }

    /** Clicks an ajax link; returns once Wicket ran the answer's last script, which sets the page's state. */
    private static void click(String id, String state) {
        browser.evaluate("document.getElementById('" + id + "').click()");
        browser.waitFor("document.getElementById('state').textContent === '" + state + "'");
    }
}
