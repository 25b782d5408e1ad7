package io.consentgate.browser;

import io.consentgate.Policy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Browser tests against the {@link FixtureSite} with the default policy: the site and one Chromium session for the
 * class, a fresh profile for every test. Where Chromium is missing each test reports the skip (or, under
 * {@code CI=true}, the failure) with the reason.
 */
abstract class FixtureSiteBrowserTest {

    static FixtureSite site;
    static BrowserSession browser;

    @BeforeAll
    static void startSiteAndBrowser() throws Exception {
        if (!Chromium.installed()) {
            Chromium.announceSkip();
            return;
        }
        Chromium.requireClosedPort();
        site = FixtureSite.start(Policy.defaults());
        browser = BrowserSession.start();
    }

    @AfterAll
    static void stopSiteAndBrowser() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (site != null) {
                site.close();
            }
            browser = null;
            site = null;
        }
    }

    @BeforeEach
    void firstVisit() {
        Chromium.assumeInstalled();
        browser.reset();
    }
}
