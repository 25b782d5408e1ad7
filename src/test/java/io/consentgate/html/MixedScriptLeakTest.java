package io.consentgate.html;

import static io.consentgate.html.PageFrame.ALL;
import static io.consentgate.html.PageFrame.ANALYTICS_REFUSED;
import static io.consentgate.html.PageFrame.MARKETING_REFUSED;
import static io.consentgate.html.PageFrame.NONE;
import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scripts that {@link MixedScript} must not keep: each names a refused tracker (a vendor signature, a host), so it
 * was removed whole before mixed scripts were read, and once its snippet's statements are blanked, what remains still
 * reaches the tracker in a way the catalog cannot read in the text (an address put together at run time). They go
 * whole, as before; the boundary cases beside them stay kept.
 */
class MixedScriptLeakTest {

    private static final String BEFORE = "<main class=\"shop\"><h1>Walnut side table</h1>"
        + "<button class=\"buy\" data-sku=\"wst-04\">Add to basket</button></main>\n";
    private static final String AFTER = "\n<footer>Tischlerei Brandt, Erfurt</footer>";

    /** {@code script} goes whole with everything refused, and stays byte for byte with everything allowed. */
    private static void assertGoesWhole(String script) {
        assertEquals(BEFORE + AFTER, rewrite(REMOVE, page(script), NONE));
        assertEquals(page(script), rewrite(REMOVE, page(script), ALL));
    }

    private static String page(String script) {
        return BEFORE + "<script>" + script + "</script>" + AFTER;
    }

    /** The Meta pixel's queue function, defined by hand without its loader, and its init call. */
    private static final String PIXEL_QUEUE = "(function (root) {\n  if (root.fbq) { return; }\n"
        + "  var queue = root.fbq = function () { queue.calls.push(arguments); };\n  queue.calls = [];\n"
        + "})(window);\nfbq('init', '518230994417021');\n";

    /**
     * The tracker's address is put together from a variable of the page's code and a path, or split across string
     * literals, and then requested by what stays: a script element, an image, a beacon, a fetch, document.write, an
     * element source set through setAttribute or a jQuery property object, a template literal. The catalog reads
     * literals only, so the blanked text looks clean; the whole script named the tracker by its signature.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        // the library's host split in two literals, loaded by a script element the page's code inserts
        "\nstartGallery();\n" + PIXEL_QUEUE + "var libHost = 'https://connect.face' + 'book.net';\n"
            + "var lib = document.createElement('script');\nlib.async = true;\n"
            + "lib.src = libHost + '/de_DE/fbevents.js';\ndocument.head.appendChild(lib);\n",
        // the pixel endpoint's host in a variable, its path added where an image is made
        "\nstartGallery();\nfbq('init', '518230994417021');\nvar metaOrigin = 'https://www.facebook.com';\n"
            + "new Image().src = metaOrigin + '/tr?id=518230994417021&ev=PageView&noscript=1';\n",
        // a fallback image for when the pixel's function is missing, which it is once the snippet is blanked
        "\nstartGallery();\n" + PIXEL_QUEUE + "var metaOrigin = 'https://www.facebook.com';\n"
            + "if (!window.fbq) { new Image().src = metaOrigin + '/tr?id=518230994417021&ev=PageView'; }\n",
        // the same pixel written with document.write
        "\nstartGallery();\nfbq('init', '518230994417021');\nvar metaOrigin = 'https://www.facebook.com';\n"
            + "document.write('<img width=\"1\" height=\"1\" src=\"' + metaOrigin"
            + " + '/tr?id=518230994417021&ev=PageView\">');\n",
        // an image element whose source is set as an attribute
        "\nstartGallery();\nfbq('init', '518230994417021');\nvar metaOrigin = 'https://www.facebook.com';\n"
            + "var dot = document.createElement('img');\n"
            + "dot.setAttribute('src', metaOrigin + '/tr?id=518230994417021&ev=ViewContent');\n"
            + "document.body.appendChild(dot);\n",
        // jQuery's element factory with the source among its properties
        "\nstartGallery();\nfbq('init', '518230994417021');\nvar metaOrigin = 'https://www.facebook.com';\n"
            + "$('<img>', { src: metaOrigin + '/tr?id=518230994417021&ev=ViewContent', width: 1 })"
            + ".appendTo('body');\n",
        // a template literal
        "\nstartGallery();\nfbq('init', '518230994417021');\nvar metaOrigin = 'https://www.facebook.com';\n"
            + "new Image().src = `${metaOrigin}/tr?id=518230994417021&ev=PageView`;\n",
        // Hotjar's settings, and a beacon to its collector whose host is split
        "\nstartGallery();\nwindow._hjSettings = { hjid: 2208815, hjsv: 6 };\n"
            + "var hjCollector = 'https://in.hot' + 'jar.com/api/v2/client';\n"
            + "navigator.sendBeacon(hjCollector, JSON.stringify({ site: 2208815 }));\n",
        // analytics.js' create call, and a hit sent with fetch to a host put together from pieces
        "\nstartGallery();\nga('create', 'UA-6610274-2', 'auto');\n"
            + "var hitHost = 'https://www.google-' + 'analytics.com';\n"
            + "fetch(hitHost + '/collect?v=1&tid=UA-6610274-2&t=pageview', { mode: 'no-cors' });\n",
        // jQuery's script loader with an address joined at run time
        "\nstartGallery();\nfbq('init', '518230994417021');\n"
            + "var libUrl = ['https://connect', 'facebook', 'net/de_DE/fbevents.js'].join('.');\n"
            + "$.getScript(libUrl);\n",
    })
    void aTrackerAddressPutTogetherAtRunTimeSendsTheScriptWhole(String script) {
        assertGoesWhole(script);
        String neutral = rewrite(NEUTRALIZE, page(script), NONE);
        assertTrue(neutral.contains("<script type=\"text/plain\""), neutral);
    }

    /**
     * A script element the page's code still inserts with a source the catalog does not know: the tag's library
     * copied to the site ({@code /fbevents.js} is a loader path only where a script element's {@code src} names it),
     * or a server-side container on the site's own subdomain under a name of its choosing. The statement that named
     * the tag is blanked, the loader beside it stays and runs: the tag loads from the site itself.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "\nstartGallery();\nfbq('init', '518230994417021');\nvar lib = document.createElement('script');\n"
            + "lib.async = true;\nlib.src = '/static/vendor/fbevents.js';\ndocument.head.appendChild(lib);\n",
        "\nwindow.dataLayer = window.dataLayer || [];\n"
            + "dataLayer.push({ 'gtm.start': new Date().getTime(), event: 'gtm.js' });\nstartGallery();\n"
            + "var box = document.createElement('script'); box.async = true;\n"
            + "box.src = 'https://tags.brandt-moebel.example/wqpzr.js?st=M4TQ8L';\n"
            + "document.head.appendChild(box);\n",
        "\nstartGallery();\nfbq('init', '518230994417021');\n$.getScript('/static/vendor/fbevents.js');\n",
        "\nstartGallery();\nfbq('init', '518230994417021');\n"
            + "document.write('<script async src=\"/static/vendor/fbevents.js\"><\\/script>');\n",
    })
    void aScriptLoadedFromASourceTheCatalogDoesNotKnowSendsTheScriptWhole(String script) {
        assertGoesWhole(script);
    }

    /**
     * The tracker's address split across string literals and handed to a loader of the site's own, defined in
     * another script: no request the text shows, but the joined address names the tracker.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "\nstartGallery();\nfbq('init', '518230994417021');\n"
            + "var pixelLib = 'https://connect.face' + 'book.net/de_DE/fbevents.js';\nsite.loadOnce(pixelLib);\n",
        "\nstartGallery();\nga('create', 'UA-6610274-2', 'auto');\n"
            + "site.ping(\"https://www.google-\" +\n  \"analytics.com/collect?v=1&t=pageview\");\n",
    })
    void aTrackerAddressSplitAcrossLiteralsSendsTheScriptWhole(String script) {
        assertGoesWhole(script);
    }

    /**
     * A hit sent to a tracker's collection path on the site's own host, a server-side tagging proxy: the address is
     * one literal, but the catalog knows it by its path ({@link io.consentgate.catalog.TrackerCatalog#matchPixel}),
     * not by a host it could find in the text.
     */
    @Test
    void aHitToATrackersCollectionPathOnTheSitesOwnHostSendsTheScriptWhole() {
        String script = "\nstartGallery();\ngtag('config', 'G-3RZ8WQ1KMV');\n"
            + "navigator.sendBeacon('/edge/g/collect?v=2&en=page_view');\n";
        assertGoesWhole(script);
    }

    /**
     * A refused tag's id put together from its prefix and a variable, sent through the Google tag an allowed script
     * loads (Google Analytics allowed, Google Ads refused): the config call that named the Ads id is blanked, the
     * conversion event with {@code send_to: 'AW-' + account + …} stays, in a click handler or where it stands.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "\nstartGallery();\nvar adsAccount = '418820573';\ngtag('config', 'AW-418820573');\n"
            + "document.querySelector('.buy').addEventListener('click', function (ev) {\n"
            + "  gtag('event', 'conversion', { send_to: 'AW-' + adsAccount + '/kQ3bCJ7x' });\n"
            + "  Basket.add(ev.target.dataset.sku);\n});\n",
        "\nstartGallery();\ngtag('config', 'AW-418820573');\nvar adsAccount = 418820573;\n"
            + "gtag('event', 'conversion', { send_to: `AW-${adsAccount}/kQ3bCJ7x` });\n",
    })
    void aRefusedTagIdPutTogetherFromItsPrefixSendsTheScriptWhole(String script) {
        assertEquals(BEFORE + AFTER, rewrite(REMOVE, page(script), MARKETING_REFUSED));
        assertEquals(page(script), rewrite(REMOVE, page(script), ANALYTICS_REFUSED), "an allowed Ads id");
    }

    /**
     * The page's code writes a refused tracker's cookie itself: the Meta click id kept for a server-side Conversions
     * API, a Google Analytics client id made up before the tag loads. No request goes out now, but the cookie goes
     * with every later one, and the script named the tracker whose cookie it is.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "\nstartGallery();\nfbq('init', '518230994417021');\n"
            + "var clickRef = new URLSearchParams(location.search).get('fbclid');\n"
            + "if (clickRef) {\n  document.cookie = '_fbc=fb.1.' + Date.now() + '.' + clickRef"
            + " + '; path=/; max-age=7776000';\n}\n",
        "\nstartGallery();\ngtag('config', 'G-3RZ8WQ1KMV');\n"
            + "Cookies.set('_ga', 'GA1.1.' + Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000),"
            + " { expires: 730 });\n",
    })
    void aTrackersCookieWrittenByThePagesCodeSendsTheScriptWhole(String script) {
        assertGoesWhole(script);
    }

    /**
     * A request whose address is written out as one literal is read by the catalog like any other text: the
     * basket's own endpoint, in a click handler beside the pixel, keeps the script.
     */
    @Test
    void aRequestToAnAddressWrittenOutStaysWithThePagesCode() {
        String cart = "document.querySelector('.buy').addEventListener('click', function (ev) {\n"
            + "  fetch('/basket/add', { method: 'POST', body: ev.target.dataset.sku });\n});";
        String script = "\nstartGallery();\n" + PIXEL_QUEUE + cart + "\n";
        String out = rewrite(REMOVE, page(script), NONE);
        assertTrue(out.contains(cart) && out.contains("startGallery();"), out);
        assertTrue(!out.contains("fbq("), out);
    }
}
