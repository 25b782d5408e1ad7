package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inline scripts that are not JavaScript but whose text still makes the browser fetch: speculation rules (the URLs
 * listed are prefetched or prerendered), import maps (a module's bare specifier loads the mapped URL), Partytown's
 * {@code text/partytown} (a first-party runner executes the text in a worker) and the scripts WordPress delay-JS
 * plugins hold for their runner, with the {@code src} they keep in {@code data-rocket-src} or {@code data-src}.
 * Other data blocks stay unread.
 */
class FetchingScriptTypesTest {

    static Stream<Arguments> removed() {
        return Stream.of(
            Arguments.of("a<script type=\"speculationrules\">{\"prefetch\": [{\"source\": \"list\", \"urls\": "
                + "[\"/next\", \"https://ad.doubleclick.net/ddm/clk/1;ord=2\"]}]}</script>b", "ab"),
            Arguments.of("a<script type=\" SpeculationRules \">{\"prerender\":[{\"source\":\"list\",\"urls\":"
                + "[\"https:\\/\\/www.googletagmanager.com\\/gtm.js?id=GTM-1\"]}]}</script>b", "ab"),
            Arguments.of("a<script type=\"text/partytown\">(function(w,d,s,l,i){w[l]=w[l]||[];var j=d.createElement(s);"
                + "j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i;d.head.appendChild(j);})"
                + "(window,document,'script','dataLayer','GTM-1');</script>b", "ab"),
            Arguments.of("a<script type=\"text/partytown\">!function(f,b,e,v,n,t,s){n=f.fbq=function(){};}"
                + "(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');"
                + "fbq('init','1');</script>b", "ab"),
            // WordPress delay-JS plugins: their runner replays these on the visitor's first interaction
            Arguments.of("a<script type=\"rocketlazyloadscript\" data-rocket-src=\"https://www.googletagmanager.com"
                + "/gtag/js?id=G-1\" data-rocket-defer defer></script>b", "ab"),
            Arguments.of("a<script type=\"rocketlazyloadscript\">(function(h,o,t,j,a,r){r=o.createElement('script');"
                + "r.src=t+h._hjSettings.hjid+j;})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');"
                + "</script>b", "ab"),
            Arguments.of("a<script type=\"pmdelayedscript\" data-cfasync=\"false\">!function(f,b,e,v,n,t,s){}(window,"
                + "document,'script','https://connect.facebook.net/en_US/fbevents.js');</script>b", "ab"),
            Arguments.of("a<script type=\"litespeed/javascript\" data-src=\"https://www.googletagmanager.com/gtag/js?"
                + "id=G-1\"></script>b", "ab"),
            // Hummingbird and NitroPack hold inline scripts under a type of their own, swapped back on interaction
            Arguments.of("a<script type=\"wphb-delay-type\" data-wphb-type=\"text/javascript\">(function(c,l,a,r,i,t,y){"
                + "c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};t=l.createElement(r);t.async=1;"
                + "t.src=\"https://www.clarity.ms/tag/\"+i;y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y);"
                + "})(window, document, \"clarity\", \"script\", \"k1abcdefgh\");</script>b", "ab"),
            Arguments.of("a<script type=\"nitropack/inlinescript\" class=\"nitropack-inline-script\">!function(w,d,t){"
                + "w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];ttq.load=function(e){var s=d.createElement('script');"
                + "s.src='https://analytics.tiktok.com/i18n/pixel/events.js?sdkid='+e;d.head.appendChild(s)};"
                + "ttq.load('C4ABCDEFGHIJKLMNOPQR');ttq.page();}(window,document,'ttq');</script>b", "ab"),
            // other runners keep the src under a data-NAME-src of their own, with a type of their own
            Arguments.of("a<script type=\"javascript/blocked\" data-wpmeteor-src=\"https://www.googletagmanager.com/"
                + "gtag/js?id=G-1\" data-wpmeteor-after=\"REORDER\"></script>b", "ab"),
            Arguments.of("a<script type=\"coreboost/delayed\" DATA-COREBOOST-SRC=\"https://connect.facebook.net/en_US/"
                + "fbevents.js\"></script>b", "ab"),
            // 10Web Booster renames the src of a delayed script (keeping its type) to data-two_delay_src, and its
            // earlier versions to data-twodelayedjs, an inline one there as a data: URL
            Arguments.of("a<script data-two_delay_id=\"two_6650c1d2e3f4a\" async data-two_delay_src="
                + "\"https://www.googletagmanager.com/gtag/js?id=G-4RT8ZP1QW\" id=\"google_gtagjs-js\"></script>b", "ab"),
            Arguments.of("a<script type=\"text/javascript\" data-twodelayedjs=\"https://static.hotjar.com/c/hotjar-"
                + "3141592.js?sv=6\"></script>b", "ab"),
            // the "delay JavaScript until user interaction" recipe copied into themes sets src from a delay attribute;
            // Flying Scripts keeps an inline script's text as a data: URL in data-src
            Arguments.of("a<script delay=\"https://www.googletagmanager.com/gtag/js?id=G-4RT8ZP1QW\"></script>b", "ab"),
            Arguments.of("a<script type=\"text/javascript\" data-type=\"lazy\" data-src=\"data:text/javascript;base64,"
                + java.util.Base64.getEncoder().encodeToString("!function(f,b,e,v){}(window,document,'script',"
                .concat("'https://connect.facebook.net/en_US/fbevents.js');").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "\"></script>b", "ab"),
            Arguments.of("a<script data-twodelayedjs=\"data:text/javascript;base64,"
                + java.util.Base64.getEncoder().encodeToString(("fbq('init', '512233445566778');fbq('track', "
                + "'PageView');").getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"></script>b", "ab"));
    }

    static Stream<Arguments> kept() {
        return Stream.of(
            Arguments.of("<script type=\"speculationrules\">{\"prefetch\":[{\"source\":\"document\",\"where\":"
                + "{\"href_matches\":\"/*\"}}]}</script>"),
            Arguments.of("<script type=\"importmap\">{\"imports\":{\"vue\":\"https://cdn.example/vue.js\"}}</script>"),
            Arguments.of("<script type=\"text/partytown\">console.log('https://www.facebook.com/shop')</script>"),
            Arguments.of("<script type=\"application/ld+json\">{\"sameAs\":\"https://www.googletagmanager.com/x\"}"
                + "</script>"),
            Arguments.of("<script type=\"text/x-template\"><img src=\"https://www.facebook.com/tr\"></script>"),
            Arguments.of("<script type=\"rocketlazyloadscript\" data-rocket-src=\"/wp-includes/js/jquery/jquery.min"
                + ".js\" id=\"jquery-core-js\" defer></script><script type=\"pmdelayedscript\">menu.init();</script>"),
            Arguments.of("<script type=\"wphb-delay-type\" data-wphb-type=\"text/javascript\">menu.init();</script>"
                + "<script type=\"nitropack/inlinescript\" class=\"nitropack-inline-script\">slider.start();</script>"),
            Arguments.of("<script delay=\"/wp-content/themes/shop/slider.js\"></script>"
                + "<script data-type=\"lazy\" data-src=\"data:text/javascript;base64,bWVudS5pbml0KCk7\"></script>"),
            Arguments.of("<script data-two_delay_id=\"two_6650c1d2e3f4b\" data-two_delay_src=\"inline\"></script>"
                + "<script data-two_delay_src=\"/wp-content/themes/shop/menu.js\" data-two_delay_id=\"two_1\">"
                + "</script><script data-twodelayedjs=\"/wp-includes/js/jquery/jquery.min.js\"></script>"),
            Arguments.of("<script type=\"coreboost/delayed\" data-coreboost-src=\"/js/menu.js\"></script>"
                + "<script data-img-src=\"https://www.facebook.com/acme/photo.jpg\">gallery()</script>"));
    }

    @Test
    void aTagSnippetInlinedAsADataUrlScriptIsReadAsTheScriptItRuns() {
        // Autoptimize's "also defer inline JS" (and other optimizers) turn each inline script into
        // <script defer src="data:text/javascript;base64,…">: the snippet runs as it would inline
        String gtm = "(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});"
            + "var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;"
            + "j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})"
            + "(window,document,'script','dataLayer','GTM-K7X2Q9P');";
        String pixel = "fbq('init', '512233445566778'); fbq('track', 'PageView');";
        String menu = "document.querySelector('.menu-toggle').addEventListener('click', openMenu);";
        java.util.function.Function<String, String> b64 = js -> java.util.Base64.getEncoder().encodeToString(
            js.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ConsentDecision none = ConsentDecision.refuseAll();
        String[] refused = {
            "<script defer src=\"data:text/javascript;base64," + b64.apply(gtm) + "\"></script>",
            "<script src='data:text/javascript;base64," + b64.apply(pixel) + "'></script>",
            "<script src=\"data:text/javascript," + java.net.URLEncoder.encode(pixel,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "\"></script>",
            "<script type=\"module\" src=\"DATA:application/javascript;charset=utf-8;base64," + b64.apply(gtm)
                + "\"></script>"};
        for (String script : refused) {
            assertEquals("ab", rewrite(REMOVE, "a" + script + "b", none), script);
            assertEquals("a" + script + "b", rewrite(REMOVE, "a" + script + "b", ConsentDecision.allowAll()), script);
        }
        // the site's own code inlined so stays
        String own = "<script defer src=\"data:text/javascript;base64," + b64.apply(menu) + "\"></script>";
        assertEquals(own, rewrite(REMOVE, own, none));
    }

    @Test
    void overwritesARefusedTrackerInAnImportMapAndKeepsItsOtherModules() {
        // an import map is JSON: its URLs are property values, so the refused one goes inert in place (a data: URL
        // of the same length) and the page's own modules still resolve
        String gtag = "https://www.googletagmanager.com/gtag/js?id=G-1";
        String map = "a<script type=\"importmap\">{\"imports\": {\"app\": \"/app.js\", \"gtag\": \"%s\"}}</script>b";
        assertEquals(String.format(map, inert(gtag)), rewrite(REMOVE, String.format(map, gtag), ConsentDecision.refuseAll()));
        String ga = "https://www.google-analytics.com/analytics.js";
        String scoped = "a<script type=importmap>{\"scopes\":{\"/\":{\"ga\":\"%s\"}}}</script>b";
        assertEquals(String.format(scoped, inert(ga)), rewrite(REMOVE, String.format(scoped, ga),
            ConsentDecision.refuseAll()));
        assertEquals(String.format(map, gtag), rewrite(REMOVE, String.format(map, gtag), ConsentDecision.allowAll()));
    }

    @Test
    void removesAnInlineLoaderAConsentManagerHoldsInRemoveModeOnly() {
        // Cookiebot, Complianz, Klaro (text/plain), Borlabs (text/template with its blocker id) and
        // django-cookie-consent hold a tag's inline loader inert and run it when their own state allows, also for a
        // visitor whose GPC or DNT ConsentGate honours: in remove mode it goes, as its data-src form already did
        String pixel = "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){};t=b.createElement(e);t.async=!0;"
            + "t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script',"
            + "'https://connect.facebook.net/en_US/fbevents.js');fbq('init', '512233445566778');";
        String gtag = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
            + "gtag('js',new Date());gtag('config','G-CMPLZ00001');";
        String[] held = {
            "<script type=\"text/plain\" data-cookieconsent=\"marketing\">\n" + pixel + "\n</script>",
            "<script type=\"text/plain\" data-category=\"statistics\" data-service=\"google-analytics\">" + gtag
                + "</script>",
            "<script type=\"text/plain\" data-type=\"application/javascript\" data-name=\"googleAnalytics\">" + gtag
                + "</script>",
            "<script type=\"text/template\" data-borlabs-cookie-script-blocker-id=\"facebook-pixel\">" + pixel
                + "</script>",
            "<script type=\"x/cookie_consent\" data-varname=\"analytics\">" + gtag + "</script>"};
        for (String script : held) {
            String in = "a" + script + "b";
            assertEquals("ab", rewrite(REMOVE, in, ConsentDecision.refuseAll()), script);
            assertEquals(in, rewrite(NEUTRALIZE, in, ConsentDecision.refuseAll()), script);
            assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()), script);
        }
        // the src parked under a consent manager's own attribute (iubenda, Real Cookie Banner) goes too
        String parked = "a<script async class=\"_iub_cs_activate\" type=\"text/plain\" data-iub-purposes=\"4\""
            + " data-suppressedsrc=\"https://www.googletagmanager.com/gtag/js?id=G-ABC123\"></script>"
            + "<script type=\"text/plain\" consent-required=\"12\" consent-by=\"services\""
            + " consent-original-src-_=\"https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js\"></script>b";
        assertEquals("ab", rewrite(REMOVE, parked, ConsentDecision.refuseAll()));
        assertEquals(parked, rewrite(NEUTRALIZE, parked, ConsentDecision.refuseAll()));
        // and a Prism code sample (an unescaped text/plain script) showing a tag is a sample, not a held tag
        String sample = "<script type=\"text/plain\" class=\"language-markup\">\ngtag('config', 'G-ABC123');\n</script>";
        assertEquals(sample, rewrite(REMOVE, sample, ConsentDecision.refuseAll()));
        // held scripts of the site's own, and templates no consent manager runs, stay
        String kept = "<script type=\"text/plain\" data-cookieconsent=\"preferences\">initChat();</script>"
            + "<script type=\"text/template\" id=\"share\"><img src=\"https://www.facebook.com/tr\"></script>";
        assertEquals(kept, rewrite(REMOVE, kept, ConsentDecision.refuseAll()));
    }

    @Test
    void readsTheScriptsFinsweetCookieConsentHoldsUnderItsOwnType() {
        // Webflow sites: Finsweet's cookie consent turns type="fs-cc" into a running script once its banner is accepted
        String linkedin = "\n  _linkedin_partner_id = \"5019283\";\n  (function(l) { if (!l){window.lintrk = function(a,b)"
            + "{window.lintrk.q.push([a,b])}; window.lintrk.q=[]}\n  var s = document.getElementsByTagName(\"script\")[0];"
            + " var b = document.createElement(\"script\");\n  b.async = true;"
            + " b.src = \"https://snap.licdn.com/li.lms-analytics/insight.min.js\";\n  s.parentNode.insertBefore(b, s);})"
            + "(window.lintrk);\n";
        String gtag = "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}"
            + " gtag('js', new Date()); gtag('config', 'G-LTTC3STD10');";
        String[] held = {
            "<script type=\"fs-cc\" fs-cc-categories=\"marketing\">" + linkedin + "</script>",
            "<script fs-cc-categories=\"analytics\" type=\"FS-CC\">" + gtag + "</script>"};
        for (String script : held) {
            String in = "a" + script + "b";
            assertEquals("ab", rewrite(REMOVE, in, ConsentDecision.refuseAll()), script);
            assertEquals(in, rewrite(NEUTRALIZE, in, ConsentDecision.refuseAll()), script);
            assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()), script);
        }
        // a held script of no tracker stays
        String kept = "<script type=\"fs-cc\" fs-cc-categories=\"personalization\">initChat({theme: 'dark'});</script>";
        assertEquals(kept, rewrite(REMOVE, kept, ConsentDecision.refuseAll()));
    }

    @Test
    void readsTheScriptsTrustArcAndCookieFirstHoldByTheirMarks() {
        // TrustArc: class trustecm with its category in trackertype; CookieFirst: data-cookiefirst-category
        String hotjar = "window._hjSettings = {hjid: 3456789, hjsv: 6}; var heat = document.createElement('script');"
            + " heat.async = true; heat.src = 'https://static.hotjar.com/c/hotjar-' + _hjSettings.hjid + '.js?sv=6';"
            + " document.head.appendChild(heat);";
        String linkedin = "var _linkedin_partner_id = '4417301'; (window._linkedin_data_partner_ids = "
            + "window._linkedin_data_partner_ids || []).push(_linkedin_partner_id); var insight = "
            + "document.createElement('script'); insight.async = true; "
            + "insight.src = 'https://snap.licdn.com/li.lms-analytics/insight.min.js'; "
            + "document.head.appendChild(insight);";
        String[] held = {
            "<script type=\"text/plain\" class=\"trustecm\" trackertype=\"advertising\">\n" + linkedin + "\n</script>",
            "<script type='text/plain' class='site-tags trustecm' trackertype='analytics'>" + hotjar + "</script>",
            "<script type=\"text/plain\" data-cookiefirst-category=\"performance\">" + hotjar + "</script>",
            "<script data-cookiefirst-category=\"advertising\" type=\"text/plain\">\n  " + linkedin + "\n</script>"};
        for (String script : held) {
            String in = "a" + script + "b";
            assertEquals("ab", rewrite(REMOVE, in, ConsentDecision.refuseAll()), script);
            assertEquals(in, rewrite(NEUTRALIZE, in, ConsentDecision.refuseAll()), script);
            assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()), script);
        }
        // their held scripts of no tracker, and a code sample that shows such a tag, stay
        String kept = "<script type=\"text/plain\" class=\"trustecm\" trackertype=\"functional\">"
            + "window.initHelpWidget({locale: 'de'});</script>"
            + "<script type=\"text/plain\" data-cookiefirst-category=\"functional\">loadMap('#store');</script>"
            + "<script type=\"text/plain\" class=\"language-javascript\">\n" + hotjar + "\n</script>"
            // a class that only contains a mark is no mark
            + "<script type=\"text/plain\" class=\"highlight-trustecm-demo\">" + linkedin + "</script>";
        assertEquals(kept, rewrite(REMOVE, kept, ConsentDecision.refuseAll()));
    }

    @Test
    void readsTheScriptsRealCookieBannerHoldsWithTheirSrcOrTextInAnAttribute() {
        // Real Cookie Banner gives a held script type="application/consent", its own type in consent-original-type-_,
        // its src in consent-original-src-_ and its inline text, attribute-escaped, in consent-inline
        String[] held = {
            "<script type=\"application/consent\" consent-original-type-_=\"text/javascript\" async "
                + "consent-original-src-_=\"https://www.googletagmanager.com/gtag/js?id=G-5HX2ZQ1ABC\" "
                + "consent-required=\"3\" consent-by=\"services\" consent-id=\"41\"></script>",
            "<script type=\"application/consent\" consent-original-type-_=\"application/javascript\" "
                + "consent-required=\"7\" consent-by=\"services\" consent-id=\"52\" consent-inline=\"!function(f,b,e,"
                + "v,n,t,s){if(f.fbq)return;n=f.fbq=function(){};t=b.createElement(e);t.async=!0;t.src=v;"
                + "s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window, document,&#039;script&#039;,"
                + "&#039;https://connect.facebook.net/en_US/fbevents.js&#039;);fbq(&#039;init&#039;, "
                + "&#039;512233445566778&#039;);\"></script>",
            "<script type=\"application/consent\" consent-required=\"7\" consent-by=\"services\" consent-id=\"52\" "
                + "consent-inline=\"var s=document.createElement(&quot;script&quot;);s.src=&quot;https:\\/\\/"
                + "static.hotjar.com\\/c\\/hotjar-3456789.js?sv=6&quot;;document.head.appendChild(s);\"></script>",
            "<script type=\"text/plain\" consent-click-original-src-_=\"https://snap.licdn.com/li.lms-analytics/"
                + "insight.min.js\" consent-id=\"9\"></script>",
            // Complianz parks a held script's src in data-cmplz-src
            "<script type=\"text/plain\" data-service=\"facebook\" data-category=\"marketing\" async "
                + "data-cmplz-src=\"https://connect.facebook.net/en_US/fbevents.js\"></script>"};
        for (String script : held) {
            String in = "a" + script + "b";
            assertEquals("ab", rewrite(REMOVE, in, ConsentDecision.refuseAll()), script);
            assertEquals(in, rewrite(NEUTRALIZE, in, ConsentDecision.refuseAll()), script);
            assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()), script);
        }
        // a held first-party script, held text of no tracker, and the attributes that park no URL stay
        String kept = "<script type=\"application/consent\" consent-original-type-_=\"text/javascript\" "
            + "consent-original-src-_=\"/wp-content/plugins/booking/js/calendar.js?ver=2.1\" consent-required=\"5\""
            + " consent-by=\"services\" consent-id=\"6\"></script>"
            + "<script type=\"application/consent\" consent-required=\"5\" consent-by=\"services\" consent-id=\"6\""
            + " consent-inline=\"window.bookingConfig = {&quot;lang&quot;: &quot;de&quot;};\"></script>"
            + "<script src=\"/js/site.js\" consent-skip-blocker=\"1\" consent-original-type-_></script>";
        assertEquals(kept, rewrite(REMOVE, kept, ConsentDecision.refuseAll()));
    }

    private static String inert(String url) {
        return "data:," + "/".repeat(url.length() - "data:,".length());
    }

    @ParameterizedTest
    @MethodSource("removed")
    void removesAScriptWhoseTextFetchesARefusedTracker(String in, String out) {
        assertEquals(out, rewrite(REMOVE, in, ConsentDecision.refuseAll()));
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()));
    }

    @ParameterizedTest
    @MethodSource("kept")
    void keepsScriptsThatFetchNoTrackerAndDataBlocks(String in) {
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.refuseAll()));
    }

    @Test
    void neutralizedSpeculationRulesKeepTheirTypeForActivation() {
        String in = "<script nonce=\"n1\" type=\"speculationrules\">{\"prefetch\":[{\"source\":\"list\",\"urls\":"
            + "[\"https://ad.doubleclick.net/ddm/clk/1\"]}]}</script>";
        assertEquals("<script nonce=\"n1\" data-consent-type=\"speculationrules\" type=\"text/plain\" "
            + "data-consent=\"marketing\">{\"prefetch\":[{\"source\":\"list\",\"urls\":"
            + "[\"https://ad.doubleclick.net/ddm/clk/1\"]}]}</script>", rewrite(NEUTRALIZE, in,
            ConsentDecision.refuseAll()));
    }
}
