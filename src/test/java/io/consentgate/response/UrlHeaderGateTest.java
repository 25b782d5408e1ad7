package io.consentgate.response;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import io.consentgate.catalog.TrackerCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

class UrlHeaderGateTest {

    private static final UrlHeaderGate GATE = new UrlHeaderGate(TrackerCatalog.bundled());
    private static final ConsentDecision REFUSED = ConsentDecision.refuseAll();

    private static ConsentDecision allowing(Category... categories) {
        return ConsentDecision.of(Set.of(categories), Map.of(), ConsentMode.OPT_IN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<https://www.googletagmanager.com/gtm.js?id=GTM-K2X9QF>; rel=preload; as=script",
        "<https://www.googletagmanager.com>; rel=preconnect",
        "<//connect.facebook.net>; rel=dns-prefetch",
        "<https://static.hotjar.com/c/hotjar-3391.js?sv=6>;rel=\"preload\";as=\"script\"",
        "<https://snap.licdn.com/li.lms-analytics/insight.min.js>; REL=ModulePreload",
        "<https://www.google-analytics.com/analytics.js> ; as=script ; rel=\"prefetch preload\"",
        "<https://analytics.tiktok.com/i18n/pixel/events.js>; rel=x-unknown; rel=preload; as=script",
        // a first-party proxy of a tag manager's loader: the path decides
        "</metrics/gtm.js?id=GTM-K2X9QF>; rel=preload; as=script",
        "<https://sgtm.shop.example/gtag/js?id=G-8MV2PL4QX1>; rel=modulepreload",
    })
    void aHintToARefusedTrackerGoesWithTheHeader(String value) {
        assertNull(GATE.filterLink(value, REFUSED), value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // the tracker between two of the site's own hints
        "</assets/site.css>; rel=preload; as=style, <https://www.googletagmanager.com/gtag/js?id=G-8MV2PL4QX1>; "
            + "rel=preload; as=script, </fonts/inter.woff2>; rel=preload; as=font; crossorigin"
            + "|</assets/site.css>; rel=preload; as=style, </fonts/inter.woff2>; rel=preload; as=font; crossorigin",
        // first and last
        "<https://connect.facebook.net>; rel=preconnect,</app.js>; rel=modulepreload,<https://bat.bing.com>; rel=dns-prefetch"
            + "|</app.js>; rel=modulepreload",
        // a comma inside the URL and inside a quoted title does not split a link
        "</search?q=a,b>; rel=prefetch, <https://www.clarity.ms/tag/k7x2m9>; rel=preload; as=script; title=\"x, y\", "
            + "</about>; rel=prerender|</search?q=a,b>; rel=prefetch, </about>; rel=prerender",
    })
    void onlyTheRefusedTrackersLinksAreTakenOut(String value, String expected) {
        assertEquals(expected, GATE.filterLink(value, REFUSED));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // relations that only name a URL
        "<https://www.facebook.com/shopexample>; rel=me",
        "<https://www.googletagmanager.com/gtm.js?id=GTM-K2X9QF>; rel=canonical",
        "<https://www.google-analytics.com/>; rel=\"alternate\"; type=\"text/html\"",
        // no rel at all, or one hidden inside another parameter
        "<https://connect.facebook.net/en_US/fbevents.js>; as=script",
        "<https://connect.facebook.net/en_US/fbevents.js>; title=\"rel=preload\"",
        // look-alike hosts
        "<https://googletagmanager.com.shop.example/gtm.js>; rel=preload; as=script",
        "<https://notgoogle-analytics.com/a.js>; rel=preload; as=script",
        // the site's own resources
        "</assets/app.js>; rel=preload; as=script, </api>; rel=\"https://api.w.org/\"",
        // not a link-value (browsers ignore it)
        "https://www.googletagmanager.com/gtm.js; rel=preload",
        // a URL that never closes
        "<https://www.googletagmanager.com/gtm.js; rel=preload",
        "",
    })
    void everythingElseStaysAsWritten(String value) {
        assertSame(value, GATE.filterLink(value, REFUSED), value);
    }

    @Test
    void aHintStaysWhenItsCategoriesAreAllowed() {
        String ga4 = "<https://www.googletagmanager.com/gtag/js?id=G-8MV2PL4QX1>; rel=preload; as=script";
        String ads = "<https://www.googletagmanager.com/gtag/js?id=AW-1029384756>; rel=preload; as=script";
        ConsentDecision analytics = allowing(Category.ANALYTICS);
        assertSame(ga4, GATE.filterLink(ga4, analytics));
        assertNull(GATE.filterLink(ads, analytics), "the tag id decides: AW- is marketing");
        String both = ga4 + ", " + ads;
        assertSame(both, GATE.filterLink(both, ConsentDecision.allowAll()));
        assertEquals(ga4, GATE.filterLink(both, analytics));
        assertNull(GATE.filterLink(null, REFUSED));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0; url=https://www.facebook.com/tr?id=1&ev=PageView",
        "5;URL='https://www.google-analytics.com/collect?v=1'",
        "0, https://bat.bing.com/action/0?ti=1",
        "1 url = \"//px.ads.linkedin.com/collect\"",
    })
    void aRefreshToARefusedTrackerIsRefused(String value) {
        assertTrue(GATE.refusesRefresh(value, REFUSED), value);
        assertFalse(GATE.refusesRefresh(value, ConsentDecision.allowAll()), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0; url=/checkout/done", "30", "0; url=https://www.facebook.com.shop.example/tr", "x; url=https://bat.bing.com/",
        "0; url=https://www.facebook.com/shopexample",
    })
    void otherRefreshesAreNot(String value) {
        assertFalse(GATE.refusesRefresh(value, REFUSED), value);
    }
}
