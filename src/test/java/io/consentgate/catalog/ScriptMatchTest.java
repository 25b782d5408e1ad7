package io.consentgate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScriptMatchTest {

    private static final TrackerCatalog CATALOG = TrackerCatalog.bundled();

    private static Map<String, Set<Category>> scan(String script) {
        byte[] b = script.getBytes(StandardCharsets.UTF_8);
        Map<String, Set<Category>> out = new TreeMap<>();
        for (TrackerMatch m : CATALOG.matchScript(b, 0, b.length)) {
            out.put(m.tracker().id(), m.categories());
        }
        return out;
    }

    private static Set<String> ids(String script) {
        return scan(script).keySet();
    }

    /** An associates ad unit is configured by assignments to its own globals, then loaded by a separate script. */
    @Test
    void findsAnAmazonAdUnitsConfigurationByItsGlobals() {
        assertEquals(Set.of("amazon-ads"), ids("amzn_assoc_placement = \"adunit0\";\namzn_assoc_search_bar = \"true\";\n"
            + "amzn_assoc_tracking_id = \"teashop-20\";\namzn_assoc_ad_mode = \"search\";"));
        assertEquals(Set.of("amazon-ads"), ids("var amzn_assoc_tracking_id='teashop-21';"));
        assertEquals(Set.of(), ids("var amzn_assoc_notes = 'our own variable';"));
    }

    @Test
    void findsTheTagManagerContainerLoaderAsAnalyticsAndMarketing() {
        String gtm = """
            <!-- tag container -->
            (function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
            new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
            j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
            'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
            })(window,document,'script','dataLayer','GTM-K7XQ2P9');""";
        assertEquals(Map.of("google-tag", EnumSet.of(Category.ANALYTICS, Category.MARKETING)), scan(gtm));
    }

    @Test
    void findsTheTagManagerLoaderEvenWhenItsUrlIsConcatenated() {
        String gtm = "(function(win,doc,tag,layer,cid){win[layer]=win[layer]||[];"
                + "win[layer].push({\"gtm.start\":+new Date,event:\"gtm.js\"});"
                + "var el=doc.createElement(tag);el.src=\"https://www.\"+\"googletag\"+\"manager.com/gtm.js?id=\"+cid;"
                + "doc.head.appendChild(el)})(window,document,\"script\",\"dataLayer\",\"GTM-ABCDEF\");";
        assertEquals(Map.of("google-tag", EnumSet.of(Category.ANALYTICS, Category.MARKETING)), scan(gtm));
    }

    @Test
    void findsGoogleTagLoadersByTheirPathOnAnyHost() {
        // a container lazy-loaded from the site's own server-side tagging host, without the gtm.start push
        String sgtm = """
            window.addEventListener('load', function () {
              var s = document.createElement('script');
              s.async = true;
              s.src = 'https://sgtm.shop.example/gtm.js?id=' + containerId;
              document.head.appendChild(s);
            });""";
        assertEquals(Map.of("google-tag", EnumSet.of(Category.ANALYTICS, Category.MARKETING)), scan(sgtm));
        String proxied = "var g=document.createElement('script');g.src='/metrics/gtag/js?id=G-QX12AB34CD';"
                + "document.head.appendChild(g);";
        assertEquals(Map.of("google-tag", EnumSet.of(Category.ANALYTICS)), scan(proxied));
        // the host split across a concatenation still leaves the loader path
        String split = "var g=document.createElement('script');g.async=true;"
                + "g.src='https://www.google'+'tagmanager.com/gtag/js?id=AW-9876543210';document.head.appendChild(g);";
        assertEquals(Map.of("google-tag", EnumSet.of(Category.MARKETING)), scan(split));
        assertEquals(Set.of(), ids("var help = 'See /docs/gtm.json?id=3 and /gtag/jsx?id=1';"));
    }

    @Test
    void classifiesGtagConfigByTagId() {
        String ga4 = """
            window.dataLayer = window.dataLayer || [];
            function gtag(){dataLayer.push(arguments);}
            gtag('js', new Date());
            gtag('config', 'G-1A2B3C4D5E', { anonymize_ip: true });""";
        assertEquals(Map.of("google-tag", EnumSet.of(Category.ANALYTICS)), scan(ga4));
        String ads = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
                + "gtag(\"js\",new Date);gtag(\"config\",\"AW-987654321\");"
                + "gtag(\"event\",\"conversion\",{send_to:\"AW-987654321/AbC-dEfG\"});";
        assertEquals(Map.of("google-tag", EnumSet.of(Category.MARKETING)), scan(ads));
        String both = "gtag('config','G-XYZ987ABCD');\n  gtag('config',  `AW-11223344`);";
        assertEquals(Map.of("google-tag", EnumSet.of(Category.ANALYTICS, Category.MARKETING)), scan(both));
        String noId = "function gtag(){dataLayer.push(arguments)} gtag('config', measurementId);";
        assertEquals(Map.of("google-tag", EnumSet.of(Category.ANALYTICS, Category.MARKETING)), scan(noId));
    }

    @Test
    void anyGtagCallWithATagIdBesideItIsTheTagHowEverItIsFormatted() {
        // a formatter put the command on its own line: no fixed signature sees "gtag(" and "'config'" together
        String multiline = """
            gtag(
                'config',
                'AW-987654321'
              );""";
        assertEquals(Map.of("google-tag", EnumSet.of(Category.MARKETING)), scan(multiline));
        assertEquals(Map.of("google-tag", EnumSet.of(Category.ANALYTICS)), scan("gtag(\n\t\"config\", \"G-QW12ER34TY\")"));
        assertEquals(Map.of("google-tag", EnumSet.of(Category.MARKETING)),
                scan("gtag(  'event',  'conversion', { send_to: 'AW-555123456/xYz' } );"));
        // a tag id without a gtag call, and a gtag call without a tag id, are neither
        assertEquals(Set.of(), ids("var code = 'AW-987654321';"));
        assertEquals(Set.of(), ids("gtag(\n  'event',\n  'sign_up'\n);"));
    }

    @Test
    void consentModeDefaultsAreNotALoader() {
        // sets Google's consent defaults before any tag loads; loads nothing and sends nothing itself
        String defaults = """
            window.dataLayer = window.dataLayer || [];
            function gtag(){dataLayer.push(arguments);}
            gtag('consent', 'default', {
              ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied',
              analytics_storage: 'denied', wait_for_update: 500, region: ['AT', 'BE', 'DE']
            });
            gtag('set', 'ads_data_redaction', true);
            gtag('set', 'url_passthrough', true);""";
        assertEquals(Set.of(), ids(defaults));
        assertEquals(Set.of(), ids("cmp.onChange(function(c){gtag(\"consent\",\"update\",{analytics_storage:"
                + "c.analytics?\"granted\":\"denied\"})});"));
        assertEquals(Set.of(), ids("window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"));
        // the tag's own commands still make it one
        assertEquals(Set.of("google-tag"), ids(defaults + "\ngtag('js', new Date());"));
        assertEquals(Set.of("google-tag"), ids("gtag(\"config\",\"G-A1B2C3D4E5\")"));
        assertEquals(Set.of("google-tag"), ids("gtag('event','conversion',{send_to:'AW-123456789/abc'})"));
        // an event without a tag id goes only to the tags configured on the page (refused ones are removed): it loads
        // nothing, and removing it lost a GA4 purchase for a visitor who allowed analytics
        assertEquals(Set.of(), ids("window.gtag(\"event\",\"purchase\",{value:25,currency:\"EUR\"})"));
        assertEquals(Set.of(), ids("gtag('consent','update',{analytics_storage:'granted'});"
                + "gtag('event','consent_updated');"));
        // WordPress coding style puts a space inside the parentheses
        assertEquals(Set.of("google-tag"), ids("function gtag() { dataLayer.push( arguments ); }\n"
                + "gtag( 'js', new Date() );\ngtag( 'config', 'G-ABCDEF1234' );"));
    }

    @Test
    void consentDefaultsForSeveralVendorsAreNotALoader() {
        // one script sets Google's and Microsoft's consent defaults; matched as UET (marketing), it was removed under
        // analytics-only consent and the allowed G- tag started without its defaults
        String defaults = """
            window.dataLayer = window.dataLayer || [];
            function gtag(){dataLayer.push(arguments);}
            gtag('consent', 'default', {ad_storage: 'denied', analytics_storage: 'denied'});
            window.uetq = window.uetq || [];
            window.uetq.push('consent', 'default', {ad_storage: 'denied'});""";
        assertEquals(Set.of(), ids(defaults));
    }

    @Test
    void callsThatOnlySendEventsThroughATagLoadNothing() {
        // Each tag's own loader defines its function or queue; once the loader is removed these calls send nothing,
        // and a script of the site's own that makes them (a cart or form handler) must keep working.
        List<String> events = List.of(
            "fbq('track', 'AddToCart', {content_ids: ['tea-7'], value: 4.5, currency: 'EUR'});",
            "if (typeof fbq === 'function') { fbq(\"trackCustom\", \"NewsletterSignup\"); }",
            "window.lintrk('track', { conversion_id: 13579246 });",
            "pintrk('track', 'addtocart', {value: 4.5, order_quantity: 1, currency: 'EUR'});",
            "snaptr('track', 'PURCHASE', {price: 19.9, currency: 'EUR'});",
            "rdt('track', 'Lead');",
            "twq('event', 'tw-o1abc-o2def', {value: 19.9});",
            "qp('track', 'Purchase');",
            "hj('event', 'buy_clicked');",
            "window.hj(\"identify\", userId, {plan: \"pro\"});",
            "clarity(\"set\", \"experiment\", \"checkout-b\");",
            "window.plausible = window.plausible || function() {\n"
                + "  (window.plausible.q = window.plausible.q || []).push(arguments) };\n"
                + "plausible('Signup', {props: {plan: 'pro'}});",
            "window.datafast = window.datafast || function () {\n"
                + "  window.datafast.q = window.datafast.q || [];\n  window.datafast.q.push(arguments);\n};",
            "window.datafast && window.datafast('checkout_started', {plan: 'pro'});",
            "_paq.push(['trackEvent', 'Cart', 'Add', 'tea-7']);",
            "var _hsq = window._hsq = window._hsq || [];\n_hsq.push(['identify', {email: customerEmail}]);",
            "var _learnq = window._learnq || [];\n_learnq.push(['identify', { $email: customerEmail }]);",
            "window.klaviyo.push(['track', 'Viewed Product', item]);",
            "_kmq.push(['record', 'Signed Up']);",
            "window.uetq = window.uetq || [];\n"
                + "window.uetq.push('event', 'purchase', {revenue_value: 19.9, currency: 'EUR'});",
            "uetq.push(\"event\",\"signup\",{})",
            "obApi('track', 'Purchase', {orderValue: '19.90', currency: 'EUR'});",
            // found on AEM, publisher and shop pages by the false-positive hunt of session 16
            "if (window._satellite) { _satellite.track('cta', {label: el.textContent}); _satellite.pageBottom(); }",
            "document.querySelector('.help').onclick = () => window.Intercom && Intercom('show');",
            "window.criteo_q = window.criteo_q || []; criteo_q.push({event: 'trackTransaction', id: orderId});",
            "window._tfa = window._tfa || []; window._tfa.push({notify: 'event', name: 'lead', id: 1234567});",
            "window._uxa = window._uxa || []; _uxa.push(['trackDynamicVariable', {key: 'plan', value: 'pro'}]);",
            "_hmt.push(['_trackEvent', 'cta', 'click', 'hero']);",
            "ga('send', 'event', 'Outbound', 'click', href);",
            "try { NREUM.noticeError(err); } catch (e) {}",
            "router.afterEach(function () { window.ttq && ttq.page(); });",
            "if (!document.querySelector('ins.adsbygoogle')) { showAdblockNotice(); }",
            "(adsbygoogle = window.adsbygoogle || []).push({});");
        for (String event : events) {
            assertEquals(Set.of(), ids(event), event);
        }
        String cartHandler = """
            document.querySelectorAll('form.add-to-cart').forEach(function (form) {
              form.addEventListener('submit', function (e) {
                e.preventDefault();
                cart.add(form.dataset.sku, Number(form.quantity.value));
                fbq('track', 'AddToCart', {content_ids: [form.dataset.sku]});
                pintrk('track', 'addtocart');
              });
            });""";
        assertEquals(Set.of(), ids(cartHandler));
        // The calls that start a tag still name it, in the four spellings sites write them.
        assertEquals(Set.of("intercom"), ids("window.Intercom('boot', {app_id: 'abc123', email: user.email});"));
        assertEquals(Set.of("new-relic-browser"), ids(";window.NREUM||(NREUM={});NREUM.init={privacy:{cookies_enabled:true}};"
                + "\n;NREUM.loader_config={accountID:\"1\",agentID:\"2\",licenseKey:\"NRJS-x\",applicationID:\"3\"};"));
        assertEquals(Set.of("meta-pixel"), ids("fbq('init', '318274650192837'); fbq('track', 'PageView');"));
        assertEquals(Set.of("meta-pixel"), ids("fbq( \"init\", \"318274650192837\" );"));
        assertEquals(Set.of("pinterest-tag"), ids("pintrk( 'load', '2612345678901' ); pintrk( 'page' );"));
        assertEquals(Set.of("x-pixel"), ids("twq(\"init\",\"o1abc\");twq(\"track\",\"PageView\");"));
        assertEquals(Set.of("quora-pixel"), ids("qp( \"init\", \"0123abcd\" ); qp( \"track\", \"ViewContent\" );"));
    }

    @Test
    void idsOfASitesOwnThatOnlyStartLikeAGoogleTagIdAreNoTagIds() {
        // product, order and model numbers that share a prefix with Google's tag ids: a gtag() event that carries
        // one is an event of the tags the page configured (which sends nothing once they are removed), and the
        // number must not add a category to a tag the page did configure
        String cart = """
            document.getElementById("add").addEventListener("click", function () {
              cart.add(window.product);
              gtag("event", "add_to_cart", { items: [{ item_id: "GT-2040", item_name: "Gravel tyre" }] });
            });""";
        assertEquals(Set.of(), ids(cart));
        assertEquals(Set.of(), ids("gtag('event', 'view_item', {items: [{item_id: 'G-SHOCK5600'}]});"));
        assertEquals(Set.of(), ids("gtag('event', 'purchase', {transaction_id: 'UA-33-1'});"));
        assertEquals(Set.of(), ids("gtag('event', 'purchase', {transaction_id: 'DC-100245'});"));
        assertEquals(Set.of(), ids("gtag('event', 'purchase', {items: [{item_id: 'AW-5511'}]});"));
        String ga4 = "gtag('js', new Date()); gtag('config', 'G-7Q2X9RTB1K');\n"
                + "gtag('event', 'view_item', {items: [{item_id: 'AW-5511'}, {item_id: 'DC-100245'}, "
                + "{item_id: 'GT-2040'}, {item_id: 'GTM-1'}]});";
        assertEquals(Map.of("google-tag", EnumSet.of(Category.ANALYTICS)), scan(ga4));
        // ids in the shapes Google issues them still decide
        assertEquals(Map.of("google-tag", EnumSet.of(Category.MARKETING)),
                scan("gtag('event', 'conversion', {send_to: 'DC-4533083/conve0/thank0+standard'});"));
        assertEquals(Map.of("google-tag", EnumSet.of(Category.MARKETING)),
                scan("gtag('event', 'conversion', {send_to: 'AW-17061194297/AbC-dEfG'});"));
        assertEquals(Map.of("google-tag", EnumSet.of(Category.ANALYTICS, Category.MARKETING)),
                scan("gtag('event', 'page_view', {send_to: 'GT-KTR3FB62'});"));
        assertEquals(Map.of("google-tag", EnumSet.of(Category.ANALYTICS)),
                scan("gtag('event', 'page_view', {send_to: ['UA-5550123-4']});"));
        assertEquals(Map.of("google-tag", EnumSet.of(Category.ANALYTICS)),
                scan("gtag('event', 'page_view', {send_to: \"G-PSW1MY7HB4\"});"));
        // the old short container ids are containers too
        assertEquals(Map.of("google-tag", EnumSet.of(Category.ANALYTICS, Category.MARKETING)),
                scan("gtag('config', 'G-PSW1MY7HB4'); loadContainer('GTM-TXAAA');"));
    }

    @Test
    void tagIdsAloneDoNotMakeATracker() {
        assertEquals(Set.of(), ids("var cfg = {\"measurement\": \"G-ABC123\", \"ads\": 'AW-1'};"));
    }

    @Test
    void findsVendorLoaders() {
        Map<String, String> loaders = Map.ofEntries(
            Map.entry("meta-pixel", """
                !function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?
                n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;
                n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;
                t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,
                document,'script','https://connect.facebook.net/en_US/fbevents.js');
                fbq('init', '1234567890'); fbq('track', 'PageView');"""),
            Map.entry("linkedin-insight", """
                _linkedin_partner_id = "5544332";
                window._linkedin_data_partner_ids = window._linkedin_data_partner_ids || [];
                window._linkedin_data_partner_ids.push(_linkedin_partner_id);"""),
            Map.entry("hotjar", """
                (function(h,o,t,j,a,r){
                    h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};
                    h._hjSettings={hjid:3216549,hjsv:6};
                    a=o.getElementsByTagName('head')[0];
                    r=o.createElement('script');r.async=1;
                    r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;
                    a.appendChild(r);
                })(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');"""),
            Map.entry("microsoft-clarity", """
                (function(c,l,a,r,i,t,y){
                    c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};
                    t=l.createElement(r);t.async=1;t.src="https://www.clarity.ms/tag/"+i;
                    y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y);
                })(window, document, "clarity", "script", "k3j4h5g6f7");"""),
            Map.entry("tiktok-pixel", """
                !function (w, d, t) {
                  w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];
                  ttq.methods=["page","track","identify"];
                  ttq.load=function(e,n){var r="https://analytics.tiktok.com/i18n/pixel/events.js";};
                  ttq.load('C4ABCDEFGH123');
                  ttq.page();
                }(window, document, 'ttq');"""),
            Map.entry("segment", """
                !function(){var i="analytics",analytics=window[i]=window[i]||[];
                analytics._writeKey="wK3yAbC";analytics.SNIPPET_VERSION="5.2.0";
                analytics.load("wK3yAbC");analytics.page();}}();"""),
            Map.entry("matomo", """
                var _paq = window._paq = window._paq || [];
                _paq.push(['trackPageView']);
                _paq.push(['enableLinkTracking']);
                (function() {
                  var u="//stats.example.org/";
                  _paq.push(['setTrackerUrl', u+'matomo.php']);
                  _paq.push(['setSiteId', '3']);
                })();"""),
            Map.entry("yandex-metrica", """
                (function(m,e,t,r,i,k,a){m[i]=m[i]||function(){(m[i].a=m[i].a||[]).push(arguments)};
                m[i].l=1*new Date();k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,
                a.parentNode.insertBefore(k,a)})(window, document, "script", "https:\\/\\/mc.yandex.ru\\/metrika\\/tag.js", "ym");
                ym(98765432, "init", { clickmap:true, trackLinks:true, webvisor:true });"""),
            Map.entry("bing-uet", """
                (function(w,d,t,r,u){var f,n,i;w[u]=w[u]||[],f=function(){var o={ti:"123456"};
                o.q=w[u],w[u]=new UET(o),w[u].push("pageLoad")};})(window,document,"script","//bat.bing.com/bat.js","uetq");"""),
            Map.entry("x-pixel", "!function(e,t,n,s,u,a){e.twq||(s=e.twq=function(){s.exe?s.exe.apply(s,arguments)"
                + ":s.queue.push(arguments);})}(window,document,'script');twq('config','o1abc');"),
            Map.entry("pinterest-tag", "pintrk('load', '2612345678901', {em: '<user_email_address>'});"),
            Map.entry("snap-pixel", "snaptr('init', 'a1b2c3d4-e5f6', {});\nsnaptr('track', 'PAGE_VIEW');"),
            Map.entry("reddit-pixel", "rdt('init','t2_abc123');rdt('track', 'PageVisit');"),
            Map.entry("mixpanel", "mixpanel.init(\"0123456789abcdef\", {track_pageview: true});"),
            Map.entry("amplitude", "amplitude.init('API_KEY', { defaultTracking: true });"),
            Map.entry("posthog", "posthog.init('phc_abc',{api_host:'https://eu.i.posthog.com'})"),
            Map.entry("heap", "heap.load(\"1234567890\");"));
        for (Map.Entry<String, String> e : loaders.entrySet()) {
            assertTrue(ids(e.getValue()).contains(e.getKey()), () -> e.getKey() + " not found in " + e.getValue());
        }
    }

    @Test
    void anAmplitudeEventThroughTheDefaultInstanceIsNoLoader() {
        // a site's own handlers log events through the instance the snippet set up, as fbq('track', …) does
        assertEquals(Set.of(), ids("document.getElementById('signup').addEventListener('click', function () {"
                + " amplitude.getInstance().logEvent('Signup Clicked', {plan: 'pro'}); openSignupDialog(); });"));
        assertEquals(Set.of(), ids("if (window.amplitude) { amplitude.getInstance().setUserId(user.id); }"));
        // the instance's start, with its API key, still counts, also on a self-hosted SDK
        assertEquals(Set.of("amplitude"), ids("amplitude.getInstance().init(\"0123456789abcdef\", null, "
                + "{includeUtm: true});"));
        assertEquals(Set.of("amplitude"), ids("!function(e,t){var n=e.amplitude||{_q:[],_iq:{}};var r=t.createElement("
                + "\"script\");r.async=true;r.src=\"/vendor/amplitude-8.21.9-min.gz.js\";}(window,document);"
                + "amplitude.getInstance().init(\"API_KEY\");"));
    }

    @Test
    void aYahooConversionPushIsNoLoader() {
        // the conversion a site's checkout handler queues goes nowhere once the dot tag's loader is gone
        assertEquals(Set.of(), ids("form.addEventListener('submit', function () { window.dotq = window.dotq || [];"
                + " window.dotq.push({projectId: '10000', properties: {pixelId: '10123456', qstrings: {et: 'custom',"
                + " ea: 'purchase'}}}); order.submit(); });"));
        // the base code, also served from a proxy, still counts
        assertEquals(Set.of("yahoo-ads"), ids("(function(w,d,t,r,u){w[u]=w[u]||[];w[u].push({'projectId':'10000',"
                + "'properties':{'pixelId':'10123456'}});var s=d.createElement(t);s.src=r;s.async=true;s.onload="
                + "function(){var y,c=w[u];try{y=YAHOO.ywa.I13N.fireBeacon;w[u]=[];w[u].push=function(p){y([p])};"
                + "y(c)}catch(e){}};d.head.appendChild(s)})(window,document,'script','/yt/ytc.js','dotq');"));
    }

    @Test
    void findsTheCriteoOneTagLoaderHost() {
        // the OneTag loader lives on dynamic.criteo.com, not on criteo.net like the library it then loads
        String lazy = "var s=document.createElement('script');s.async=true;"
                + "s.src='//dynamic.criteo.com/js/ld/ld.js?a='+accountId;document.head.appendChild(s);";
        assertEquals(Set.of("criteo"), ids(lazy));
    }

    @Test
    void findsTheCurrentHeapAmplitudeEuAndOlderFullStoryLoaderHosts() {
        // Heap's current loader fetches its configuration from heap-api.com, not heapanalytics.com
        String heap = """
            window.heap = window.heap || [];
            (function (envId) {
              var s = document.createElement('script');
              s.async = true;
              s.src = 'https://cdn.us.heap-api.com/config/' + envId + '/heap_config.js';
              document.head.appendChild(s);
            })('3141592653');""";
        assertEquals(Set.of("heap"), ids(heap));
        // an EU project's unified script, written with escaped slashes as a CMS stores it
        assertEquals(Set.of("amplitude"),
                ids("{\"src\":\"https:\\/\\/cdn.eu.amplitude.com\\/script\\/0123abcd.js\"}"));
        // older FullStory snippets name the recorder without a scheme, on www.fullstory.com
        assertEquals(Set.of("fullstory"), ids("window['_fs_script'] = 'www.fullstory.com/s/fs.js';"));
        assertEquals(Set.of(), ids("var help = 'https://www.fullstory.com/blog/';"));
        assertEquals(Set.of(), ids("var vendors = {amplitude: 'https://amplitude.com/', heap: 'https://heap.io/'};"));
    }

    @Test
    void findsGoogleRemarketingOnCountryDomainsButNotGoogleSearch() {
        assertEquals(Set.of("google-ads"), ids("var img = new Image();\n"
                + "img.src = 'https://www.google.fr/pagead/1p-user-list/' + conversionId + '/?fmt=3&num=1';"));
        assertEquals(Set.of("google-ads"),
                ids("{\"hit\":\"https:\\/\\/www.google.com\\/ccm\\/collect?en=page_view&tid=AW-1\"}"));
        assertEquals(Set.of(), ids("form.action = 'https://www.google.de/search'; link = 'https://www.google.co.uk/maps';"));
    }

    @Test
    void findsSessionReplayAndCookielessAnalyticsLoaders() {
        String logRocket = "var lr=document.createElement('script');lr.crossOrigin='anonymous';"
                + "lr.src='https://cdn.lr-in-prod.com/LogRocket.min.js';"
                + "lr.onload=function(){window.LogRocket&&window.LogRocket.init('acme/shop-prod')};"
                + "document.head.appendChild(lr);";
        assertEquals(Set.of("logrocket"), ids(logRocket));
        assertEquals(Set.of("logrocket"), ids("LogRocket.init(\"acme/shop-prod\", { release: BUILD_ID });"));
        String smartlook = """
            window.smartlook || (function (d) {
              var q = window.smartlook = function () { q.api.push(arguments); };
              q.api = [];
              var s = d.createElement('script');
              s.async = true;
              s.src = 'https://web-sdk.smartlook.com/recorder.js';
              d.head.appendChild(s);
            })(document);
            smartlook('init', '0123456789abcdef0123456789abcdef01234567', { region: 'eu' });""";
        assertEquals(Set.of("smartlook"), ids(smartlook));
        assertEquals(Set.of("smartlook"), ids("if (ok) { smartlook(\"init\", key); }"));
        assertEquals(Set.of("cloudflare-web-analytics"),
                ids("var b=document.createElement('script');b.defer=true;"
                        + "b.src='https://static.cloudflareinsights.com/beacon.min.js';document.body.appendChild(b);"));
        assertEquals(Set.of("fathom"), ids("(function(d){var s=d.createElement('script');s.defer=true;"
                + "s.setAttribute('data-site','ABCDEFGH');s.src='//cdn.usefathom.com/script.js';"
                + "d.head.appendChild(s)})(document);"));
        assertEquals(Set.of("umami"), ids("s.src = \"https:\\/\\/cloud.umami.is\\/script.js\";"));
    }

    @Test
    void findsTheAddedAttributionStorefrontAndCookielessLoadersButNotTheirQueuesOrEventCalls() {
        // Shopify's content_for_header: the analytics script starts Trekkie with trekkie.load({…}); the data scripts
        // beside it and calls into the library from theme or app code load nothing
        String trekkie = """
            (function () {
              var trekkie = window.ShopifyAnalytics.lib = window.trekkie = window.trekkie || [];
              if (trekkie.integrations) { return; }
              trekkie.load = function (config) {
                var s = document.createElement('script');
                s.async = true;
                s.src = 'https://cdn.shopify.com/s/trekkie.storefront.9f320156b58d74db598714aa83b6a5fbab4d4efb.min.js';
                document.head.appendChild(s);
              };
              trekkie.load({"Trekkie": {"appName": "storefront", "defaultAttributes": {"shopId": 27646165110}}});
            })();""";
        assertEquals(Map.of("shopify-trekkie", EnumSet.of(Category.ANALYTICS)), scan(trekkie));
        assertEquals(Set.of(), ids("window.ShopifyAnalytics = window.ShopifyAnalytics || {};\n"
                + "window.ShopifyAnalytics.meta = {\"currency\": \"EUR\", \"page\": {\"pageType\": \"home\"}};"));
        assertEquals(Set.of(), ids("if (window.trekkie && window.trekkie.track) { window.trekkie.track('Search', {q: q}); }"));
        assertEquals(Set.of(), ids("window.trekkie = window.trekkie || []; window.trekkie.load = function () {};"));
        // a header a speed app minified renames the library's local name (e.load(…)): its file name after a slash
        // still names it; the name in prose, or as a word of a theme's own file, does not
        assertEquals(Set.of("shopify-trekkie"), ids("var e=window.trekkie=window.trekkie||[];e.load=function(t){var n="
            + "document.createElement(\"script\");"
            + "n.src=\"\\/\\/shop.example\\/cdn\\/s\\/trekkie.storefront.0a1b2c.min.js\";"
            + "document.head.appendChild(n)};e.load({});"));
        assertEquals(Set.of(), ids("// waits for trekkie.storefront to define window.trekkie\nwaitFor('trekkie');"));
        assertEquals(Set.of(), ids("s.src = '/assets/my-trekkie.storefront-helper.js';"));
        // Vercel: an inline loader that writes the first-party path names it; the queue stubs do not
        assertEquals(Set.of("vercel-web-analytics", "vercel-speed-insights"), ids("""
            ['/_vercel/insights/script.js', '/_vercel/speed-insights/script.js'].forEach(function (src) {
              var s = document.createElement('script'); s.defer = true; s.src = src; document.head.appendChild(s);
            });"""));
        assertEquals(Set.of(), ids("window.va = window.va || function () { (window.vaq = window.vaq || []).push(arguments); };"
                + "window.si = window.si || function () { (window.siq = window.siq || []).push(arguments); };"));
        assertEquals(Set.of(), ids("if (window.va) { window.va('event', { name: 'signup' }); }"));
        // Cxense: the protocol-choosing loader names its hosts; the queue that configures it loads nothing
        assertEquals(Map.of("piano-cxense", EnumSet.of(Category.ANALYTICS, Category.MARKETING)),
                scan("(function () { try { var el = document.createElement('script'); el.async = 'async';"
                        + " el.src = ('https:' == location.protocol) ? 'https://scdn.cxense.com/cx.js'"
                        + " : 'http://cdn.cxense.com/cx.js'; document.head.appendChild(el); } catch (e) {} })();"));
        assertEquals(Set.of(), ids("var cX = cX || {}; cX.callQueue = cX.callQueue || [];\n"
                + "cX.callQueue.push(['setSiteId', '9222352440756601877']);\ncX.callQueue.push(['sendPageViewEvent']);"));
        // counter.dev's older inline snippet, Swetrix's start call, Marketo Measure and Dreamdata inline loaders
        assertEquals(Set.of("counter-dev"), ids("if(!sessionStorage.getItem(\"_swa\")&&document.referrer.indexOf("
                + "location.protocol+\"//\"+location.host)!== 0){fetch(\"https://counter.dev/track?\"+new URLSearchParams("
                + "{referrer:document.referrer,screen:screen.width+\"x\"+screen.height,user:\"acme\",utcoffset:\"1\"}))};"
                + "sessionStorage.setItem(\"_swa\",\"1\");"));
        assertEquals(Set.of("swetrix"), ids("document.addEventListener('DOMContentLoaded', function () {"
                + " swetrix.init('GRxW5Lv9sQLD'); swetrix.trackViews(); });"));
        assertEquals(Set.of(), ids("mySwetrix.init('x'); swetrix.track({ ev: 'signup' });"));
        assertEquals(Set.of("marketo-measure"), ids("var b = document.createElement('script'); b.async = true;"
                + " b.src = 'https://cdn.bizible.com/scripts/bizible.js'; document.body.appendChild(b);"));
        assertEquals(Set.of(), ids("window.Bizible = window.Bizible || { _queue: [], Push: function (o, p) {"
                + " this._queue.push({ type: o, data: p }); } }; Bizible.Push('User', { eMail: form.email.value });"));
        assertEquals(Set.of("dreamdata"), ids("script.src = 'https://cdn.dreamdata.cloud/scripts/analytics/v1/dreamdata.min.js';"));
        assertEquals(Set.of("tinylytics"), ids("t.src = 'https://tinylytics.app/embed/' + siteId + '.js?spa';"));
    }

    @Test
    void findsTheAddedTagManagerEngagementAndFeedbackLoadersButNotCallsIntoThem() {
        // Zaraz: the script Cloudflare injects (minified, its parameter names vary) and a hand-written loader
        String zaraz = "(function(win,doc,key){win[key]=win[key]||{};win[key].executed=[];var queue=[];"
                + "win.zaraz={q:queue,deferred:[],listeners:[]};[\"track\",\"set\"].forEach(function(m){win.zaraz[m]="
                + "function(){queue.push({m:m,a:[].slice.call(arguments)})}});win.zaraz.init=function(){"
                + "var el=doc.createElement(\"script\");el.defer=true;el.src=\"/cdn-cgi/zaraz/s.js?z=\"+btoa("
                + "encodeURIComponent(JSON.stringify(win[key])));doc.head.appendChild(el)};win.zaraz.init()"
                + "})(window,document,\"zarazData\");";
        assertEquals(Map.of("cloudflare-zaraz", EnumSet.of(Category.ANALYTICS, Category.MARKETING)), scan(zaraz));
        assertEquals(Set.of("cloudflare-zaraz"), ids("var s = document.createElement('script');"
                + " s.src = '/cdn-cgi/zaraz/i.js'; s.referrerPolicy = 'origin'; document.head.appendChild(s);"));
        assertEquals(Set.of(), ids("document.querySelector('#signup').addEventListener('submit', function () {"
                + " zaraz.track('signup', { plan: 'pro' }); zaraz.set('user_tier', 'pro'); });"));
        assertEquals(Set.of(), ids("document.addEventListener('zarazConsentAPIReady', function () {"
                + " zaraz.consent.set({ a1b2: true }); zaraz.consent.sendQueuedEvents(); });"));
        // Cloudflare's own /cdn-cgi/ scripts: the challenge platform's inline loader, email obfuscation
        assertEquals(Set.of(), ids("(function(){function c(){var b=a.contentDocument||a.contentWindow.document;"
                + "if(b){var d=b.createElement('script');d.innerHTML=\"window.__CF$cv$params={r:'8f1e2d3c4b5a6978',"
                + "t:'MTczMjk5NTIwMC4wMDAwMDA='};var a=document.createElement('script');a.nonce='';"
                + "a.src='/cdn-cgi/challenge-platform/scripts/jsd/main.js';document.getElementsByTagName('head')[0]"
                + ".appendChild(a);\";b.getElementsByTagName('head')[0].appendChild(d)}}})();"));
        assertEquals(Set.of(), ids("var e = document.createElement('script');"
                + " e.src = '/cdn-cgi/scripts/5c5dd728/cloudflare-static/email-decode.min.js'; document.body.appendChild(e);"));
        // Customer.io's classic snippet, by its host and its script id; calls into the queue stay
        assertEquals(Map.of("customer-io", EnumSet.of(Category.MARKETING)), scan("""
            var _cio = _cio || [];
            ['identify', 'track', 'page'].forEach(function (name) {
              _cio[name] = function () { _cio.push([name].concat([].slice.call(arguments))); };
            });
            var tag = document.createElement('script');
            tag.async = true; tag.id = 'cio-tracker'; tag.setAttribute('data-site-id', '3f2e1d0c9b8a');
            tag.src = 'https://assets.customer.io/assets/track-eu.js';
            document.body.appendChild(tag);"""));
        assertEquals(Set.of("customer-io"), ids("t.id = \"cio-tracker\"; t.src = window.CIO_PROXY + '/track.js';"));
        assertEquals(Set.of(), ids("_cio.identify({ id: user.id, email: user.email }); _cio.track('checkout', { total: 42 });"));
        // GoSquared: the project token call starts the tracker; other calls only queue
        assertEquals(Set.of("gosquared"), ids("(function (win, name) { win[name] = win[name] || function () {"
                + " (win[name].q = win[name].q || []).push(arguments); }; var el = document.createElement('script');"
                + " el.src = '//d1l6p2sc9645hc.cloudfront.net/tracker.js'; document.head.appendChild(el); })(window, '_gs');"
                + "\n_gs('GSN-482913-K');"));
        assertEquals(Set.of("gosquared"), ids("_gs(\"GSN-482913-K\"); _gs('set', 'trackLocal', true);"));
        assertEquals(Set.of(), ids("_gs('identify', { id: 42, email: 'a@b.example' }); _gs('event', 'Signup');"));
        assertEquals(Set.of(), ids("var my_gs = fn; my_gs('GSN-1'); var rows = tabs_gs('GSN-2');"));
        // OneSignal: the init call in the v16, v15 and array forms; the deferred queue and other calls stay
        assertEquals(Map.of("onesignal", EnumSet.of(Category.MARKETING)), scan("""
            window.OneSignalDeferred = window.OneSignalDeferred || [];
            OneSignalDeferred.push(async function(OneSignal) {
              await OneSignal.init({ appId: "5f3c2a1b-0d9e-4c8b-a7f6-e5d4c3b2a190" });
            });"""));
        assertEquals(Set.of("onesignal"), ids("window.OneSignal = window.OneSignal || [];"
                + " OneSignal.push(function() { OneSignal.init({ appId: '5f3c2a1b' }); });"));
        assertEquals(Set.of("onesignal"), ids("OneSignal.push([\"init\", { appId: \"5f3c2a1b\", autoRegister: false }]);"));
        assertEquals(Set.of(), ids("window.OneSignalDeferred = window.OneSignalDeferred || [];"
                + " OneSignalDeferred.push(function(OneSignal) { OneSignal.User.addTag('plan', 'pro'); });"));
        assertEquals(Set.of(), ids("MyOneSignal.init({}); pushOneSignal.init(cfg);"));
        // Appcues and Userpilot by their settings objects, Glassbox by its configuration object
        assertEquals(Set.of("appcues"), ids("window.AppcuesSettings = { enableURLDetection: true };"));
        assertEquals(Set.of(), ids("if (window.Appcues) { Appcues.identify(user.id, { plan: user.plan }); Appcues.page(); }"));
        assertEquals(Set.of("userpilot"), ids("window.userpilotSettings = {token: \"NX-98ii14b\"};"));
        assertEquals(Set.of(), ids("userpilot.identify('u-42', { name: 'Ada' }); userpilot.track('Exported report');"));
        assertEquals(Set.of("glassbox"), ids("if (typeof _cls_config === 'undefined') _cls_config = {};\n"
                + "_cls_config.valueMaskingMode = 'whitelist';\n_cls_config.detectorPath = 'https://cdn.gbqofs.com/sv/a/';"));
        assertEquals(Set.of(), ids("var my_cls_config = {}; var _cls_configs = [];"));
        // Tealeaf by the start call its configuration script makes; its event calls and look-alikes stay
        assertEquals(Set.of("acoustic-tealeaf"), ids("if (!TLT.isInitialized()) { TLT.init(config, afterInit); }"));
        assertEquals(Set.of("acoustic-tealeaf"), ids("window.TLT.init(tealeafConfig);"));
        assertEquals(Set.of(), ids("if (window.TLT) { TLT.logCustomEvent('quote', {step: 2}); }"));
        assertEquals(Set.of(), ids("var q = QTLT.init(opts); var t = tlt.init();"));
        // call tracking by the host its loader writes; a site's own call to Invoca's API loads nothing
        assertEquals(Set.of("invoca"), ids("(function (w, d, p, id) { w.InvocaTagId = id; })(window, document,"
                + " 'solutions.invocacdn.com/js/invoca-latest.min.js', '2041/3816540927');"));
        assertEquals(Set.of(), ids("if (window.Invoca && Invoca.PNAPI) { Invoca.PNAPI.run(); }"));
        assertEquals(Set.of(), ids("window.__ctm_cvars = window.__ctm_cvars || []; __ctm_cvars.push({consent: 1});"));
        // Usabilla's lightningjs embed names its host; calls into the widget stay
        assertEquals(Set.of("usabilla"), ids("window.usabilla_live = lightningjs.require(\"usabilla_live\","
                + " \"//w.usabilla.com/1400b371716f.js\");"));
        assertEquals(Set.of(), ids("if (window.usabilla_live) { usabilla_live('virtualPageView'); }"));
        // Chameleon: the file name its snippet writes, also for a custom fastUrl; chmln calls stay
        assertEquals(Set.of("chameleon"), ids("(function(doc,win,token){var ns=win.chmln=win.chmln||{};"
                + "ns.fastUrl='https://guides.shop.example/';var el=doc.createElement('script');"
                + "el.src=ns.fastUrl+'messo/'+token+'/messo.min.js';doc.head.appendChild(el)})(document,window,'SXhM1amP');"));
        assertEquals(Set.of(), ids("chmln.identify(user.id, { email: user.email }); chmln.track('Invited teammate');"));
        // CleverTap: the account call starts it; event and profile pushes stay. Userflow only by its host
        assertEquals(Map.of("clevertap", EnumSet.of(Category.MARKETING)), scan("var clevertap = {event: [], profile: [],"
                + " account: [], onUserLogin: [], notifications: [], privacy: []};\nclevertap.account.push({\"id\": \"TEST-86K-4Z9-K85Z\"});"
                + "\nclevertap.privacy.push({useIP: false});"));
        assertEquals(Set.of(), ids("clevertap.event.push('Product viewed', { sku: 'A-1' }); clevertap.onUserLogin.push({ Site: { Identity: 42 } });"));
        assertEquals(Set.of("userflow"), ids("var el = document.createElement('script'); el.src = 'https://js.userflow.com/es2020/userflow.js';"
                + " document.head.appendChild(el); userflow.init('ct_live_abc');"));
        assertEquals(Set.of(), ids("import('./userflow.js').then(function (m) { var userflow = m.create(); userflow.init(steps); });"));
    }

    @Test
    void findsPiwikProTrackerAndTagManagerLoaders() {
        String container = """
            (function (w, d, layer, containerId) {
              w[layer] = w[layer] || [];
              w[layer].push({ start: new Date().getTime(), event: 'stg.start' });
              var s = d.createElement('script');
              s.async = true;
              s.src = 'https://acme.containers.piwik.pro/' + containerId + '.js';
              d.head.appendChild(s);
            })(window, document, 'dataLayer', '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b');""";
        assertEquals(Map.of("piwik-pro-tag-manager", EnumSet.of(Category.ANALYTICS, Category.MARKETING)),
                scan(container));
        // a container served from the site's own domain keeps the start event
        assertEquals(Set.of("piwik-pro-tag-manager"), ids("window.dataLayer=window.dataLayer||[];"
                + "dataLayer.push({start:Date.now(),event:\"stg.start\"});"
                + "t.src=\"https://tags.shop.example/\"+id+\".js\";"));
        String tracker = """
            var _paq = window._paq = window._paq || [];
            _paq.push(['trackPageView']);
            (function () {
              var u = 'https://acme.piwik.pro/';
              _paq.push(['setTrackerUrl', u + 'ppms.php']);
              _paq.push(['setSiteId', '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b']);
              var g = document.createElement('script'); g.async = true; g.src = u + 'ppms.js';
              document.head.appendChild(g);
            })();""";
        // the same queue as Matomo: both entries are analytics
        assertEquals(Set.of("matomo", "piwik-pro"), ids(tracker));
        assertEquals(Set.of(), ids("var cfg = {file: 'ppms.json', stage: 'stg.started', docs: 'https://piwik.pro/'};"));
        // a site's own object named stg (a staging or stage helper) is no tag manager: the loader pushes the event name
        assertEquals(Set.of(), ids("var stg = new Stage('#hero'); stg.start(); window.stg.start.call(stg);"));
        assertEquals(Set.of("piwik-pro-tag-manager"), ids("w.dataLayer.push({ event : 'stg.start', start: +new Date() });"));
    }

    @Test
    void findsTealiumLoadersButNotItsDataLayerOrEventCalls() {
        String cdn = """
            (function (src) {
              var d = document, s = d.createElement('script'), first = d.getElementsByTagName('script')[0];
              s.src = src; s.type = 'text/javascript'; s.async = true;
              first.parentNode.insertBefore(s, first);
            })('//tags.tiqcdn.com/utag/acme/main/prod/utag.js');""";
        assertEquals(Map.of("tealium-iq", EnumSet.of(Category.ANALYTICS, Category.MARKETING)), scan(cdn));
        // copied to the site's own host
        assertEquals(Set.of("tealium-iq"), ids("var t=document.createElement(\"script\");"
                + "t.src=\"/static/tealium/\"+env+\"/utag.js\";t.async=1;document.head.appendChild(t);"));
        // the file name as a string of its own, appended to a base directory chosen by environment
        assertEquals(Set.of("tealium-iq"), ids("var base = '/assets/tiq/' + env + '/'; s.src = base + 'utag.js';"));
        assertEquals(Set.of("tealium-iq"), ids("el.src = root + \"utag.sync.js\"; document.head.appendChild(el);"));
        assertEquals(Set.of(), ids("var cfg = {file: 'myutag.js', data: 'utag.json', page: 'utag.jsp'};"));
        assertEquals(Set.of(), ids("var utag_data = { page_type: 'product', product_id: ['A1'], currency: 'EUR' };"));
        assertEquals(Set.of(), ids("btn.addEventListener('click', function () { utag.link({ event: 'add' }); });"));
    }

    @Test
    void findsJentisSnippetByTheBaseItSetsButNotItsDataLayer() {
        assertEquals(Map.of("jentis", EnumSet.of(Category.ANALYTICS, Category.MARKETING)),
            scan("window.jentis.config.frontend.cdnhost = host + '/get/' + env + '/web/' + vers + '/';"));
        assertEquals(Set.of(), ids("window._jts = window._jts || []; _jts.push({track: 'pageview'});"
            + " _jts.push({track: 'submit'});"));
        assertEquals(Set.of(), ids("var jentis = {config: {frontend: {}}}; jentis.config.frontend.cdnhostname = 'x';"));
    }

    @Test
    void findsRudderStacksSnippetByTheVersionOnlyItWrites() {
        // the SDK served from the site's own CDN (sdkBaseUrl), the load call in another script
        assertEquals(Map.of("rudderstack", EnumSet.of(Category.ANALYTICS)), scan("window.RudderSnippetVersion = "
            + "\"3.0.60\"; var sdkBaseUrl = \"https://cdn.shop.example/rs\"; var sdkVersion = \"v3\";"));
        assertEquals(Set.of(), ids("document.getElementById('buy').onclick = function () {"
            + " rudderanalytics.track('Order Completed', {total: 20}); };"));
    }

    @Test
    void findsMarketingAndB2bIdentificationLoaders() {
        Map<String, String> loaders = Map.ofEntries(
            Map.entry("klaviyo", "var s = document.createElement('script'); s.async = true;\n"
                + "s.src = 'https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=' + companyId;\n"
                + "document.head.appendChild(s);"),
            Map.entry("adroll", """
                adroll_adv_id = "ABCDEFGHIJKLMNOPQRSTUV";
                adroll_pix_id = "WXYZ0123456789ABCDEFGH";
                adroll_version = "2.0";"""),
            Map.entry("marketo-munchkin", """
                (function () {
                  var started = false;
                  function start() { if (!started) { started = true; Munchkin.init('123-ABC-456'); } }
                  var s = document.createElement('script');
                  s.async = true; s.src = '//munchkin.marketo.net/munchkin.js'; s.onload = start;
                  document.head.appendChild(s);
                })();"""),
            Map.entry("zoominfo", "window.ZIProjectKey = \"0123abcd4567ef\";\nvar zi = document.createElement('script');"
                + "zi.async = true; zi.src = 'https://js.zi-scripts.com/zi-tag.js'; document.head.appendChild(zi);"),
            Map.entry("leadfeeder", """
                (function (ss, ex) {
                  window.ldfdr = window.ldfdr || function () { (ldfdr._q = ldfdr._q || []).push([].slice.call(arguments)); };
                  var s = document.createElement('script'); s.async = 1;
                  s.src = 'https://sc.lfeeder.com/lftracker_v1_' + ss + (ex ? '_' + ex : '') + '.js';
                  document.head.appendChild(s);
                })('AbCdEfGh');"""),
            Map.entry("clearbit", "s.src = 'https://tag.clearbitscripts.com/v1/pk_0123456789abcdef/tags.js';"),
            Map.entry("awin", """
                var AWIN = AWIN || {};
                AWIN.Tracking = AWIN.Tracking || {};
                AWIN.Tracking.Sale = { amount: '49.90', channel: 'aw', orderRef: 'A-1001', currency: 'EUR' };"""),
            Map.entry("stackadapt", "saq('ts', 'AbCdEf0123456789');"),
            Map.entry("podsights", """
                (function (w, d) {
                  var id = 'pdst-capture';
                  if (!d.getElementById(id)) {
                    w.pdst = w.pdst || function () { (w.pdst.q = w.pdst.q || []).push(arguments); };
                    var s = d.createElement('script'); s.id = id; s.async = 1;
                    s.src = 'https://cdn.pdst.fm/ping.min.js';
                    d.head.appendChild(s);
                  }
                  w.pdst('conf', { key: 'abc123' });
                  w.pdst('view');
                })(window, document);"""),
            Map.entry("podscribe", """
                (function (w, d) {
                  var tag = d.createElement('script');
                  tag.id = 'podscribe-capture'; tag.async = true;
                  tag.src = 'https://d34r8q7sht0t9k.cloudfront.net/tag.js';
                  d.head.appendChild(tag);
                  tag.addEventListener('load', function () {
                    w.podscribe('init', { user_id: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', advertiser: 'acmesocks' });
                    w.podscribe('view');
                  });
                })(window, document);"""),
            Map.entry("northbeam", """
                (function () {
                  var q = [], src = "//j.northbeam.io/ota-sp/3c1f6a2e-8b7d-4e21-9f0a-52d6c4b1e9a7.js";
                  window.Northbeam = { _q: q, trackPageView: function () { q.push({ fnName: "trackPageView", args: [] }); } };
                  var el = document.createElement("script"); el.async = true; el.src = src;
                  document.head.appendChild(el);
                })();"""),
            Map.entry("triple-whale", """
                window.TriplePixelData = { TripleName: "maple-goods.myshopify.com", ver: "2.17", plat: "SHOPIFY" };
                (function (w) {
                  function send(url, body) {
                    var x = new XMLHttpRequest(); x.open(body ? "POST" : "GET", url, true); x.send(JSON.stringify(body || {}));
                  }
                  send("https://conf.config-security.com/model");
                  send("https://api.config-security.com/first?host=" + w.TriplePixelData.TripleName);
                })(window);"""),
            Map.entry("tatari", """
                !function (doc, t) {
                  if (!t.version) {
                    window.tatari = t; t.version = '1.2.1';
                    var s = doc.createElement('script'); s.async = true;
                    s.src = 'https://d2hrivdxn8ekm8.cloudfront.net/tag-manager/8a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d-latest.js';
                    doc.head.appendChild(s);
                  }
                }(document, window.tatari || []);
                tatari.init('8a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d');"""));
        for (Map.Entry<String, String> e : loaders.entrySet()) {
            assertEquals(Map.of(e.getKey(), EnumSet.of(Category.MARKETING)), scan(e.getValue()), e.getKey());
        }
        assertEquals(Set.of("marketo-munchkin"), ids("mktoMunchkin(\"123-ABC-456\");"));
        // a conversion a site's own handler reports goes nowhere once the pixel's loader (saq('ts', …)) is gone
        assertEquals(Set.of(), ids("btn.onclick = function () { saq(\"conv\", \"XyZ987\", { revenue: 49.9 }); "
                + "cart.checkout(); };"));
        assertEquals(Set.of("stackadapt"), ids("saq(\"ts\", \"XyZ987\"); saq(\"conv\", \"XyZ987\");"));
        // a copy of Podscribe's tag on the site's own host is told by the snippet's element id and init call
        assertEquals(Set.of("podscribe"), ids("var t = document.createElement('script'); t.id = 'podscribe-capture';"
                + " t.src = '/vendor/podscribe/tag.js'; document.head.appendChild(t);"));
        assertEquals(Set.of("podscribe"), ids("window.podscribe(\"init\", { user_id: uid, advertiser: 'acmesocks' });"));
        // the events a checkout script sends through the loaded tags go nowhere once the loaders are gone
        assertEquals(Set.of(), ids("form.onsubmit = function () { window.podscribe && podscribe('purchase',"
                + " { value: total, order_number: id }); Northbeam.firePurchaseEvent({ id: id, totalPrice: total }); };"));
        assertEquals(Set.of(), ids("btn.onclick = function () { TriplePixel('AddToCart', { item: sku, q: 1 });"
                + " tatari.track('add_to_cart', { sku: sku }); var shop = window.TriplePixelData.TripleName; };"));
        // Tatari's start call still names it where its loader sits on another host
        assertEquals(Set.of("tatari"), ids("window.tatari && tatari.init(\"8a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d\");"));
    }

    @Test
    void findsTheDriftChatAsFunctional() {
        String drift = """
            (function () {
              var q = window.driftt = window.drift = window.driftt || [];
              if (q.init) { return; }
              q.load = function (id) {
                var s = document.createElement('script');
                s.async = true;
                s.src = 'https://js.driftt.com/include/' + Date.now() + '/' + id + '.js';
                document.head.appendChild(s);
              };
            })();
            drift.SNIPPET_VERSION = '0.3.1';
            drift.load('abc123xyz');""";
        assertEquals(Map.of("drift", EnumSet.of(Category.FUNCTIONAL)), scan(drift));
        assertEquals(Set.of("drift"), ids("window.drift.load(\"abc123xyz\");"));
        assertEquals(Set.of(), ids("var slide = { drift: 0.2 }; animation.drift.loadPreset('slow'); snowdrift.load(1);"));
    }

    @Test
    void findsTheAddedChatWidgetsAsFunctionalButNotCallsIntoThem() {
        Map<String, String> snippets = Map.of(
            "tawk-to", "var Tawk_API = Tawk_API || {}, Tawk_LoadStart = new Date();\n(function () {\n"
                + "  var s1 = document.createElement('script'), s0 = document.getElementsByTagName('script')[0];\n"
                + "  s1.async = true; s1.src = 'https://embed.tawk.to/' + tawkProperty + '/' + tawkWidget;\n"
                + "  s0.parentNode.insertBefore(s1, s0);\n})();",
            "crisp", "window.$crisp=[];window.CRISP_WEBSITE_ID=\"7d3e1c2a-58b4-4f6e-9a0d-1b2c3d4e5f60\";"
                + "(function(){var d=document,s=d.createElement(\"script\");s.src=\"https://client.crisp.chat/l.js\";"
                + "s.async=1;d.getElementsByTagName(\"head\")[0].appendChild(s);})();",
            "livechat", "window.__lc = window.__lc || {};\nwindow.__lc.license = 12345678;\n"
                + "window.__lc.integration_name = 'manual_channels';\n"
                + ";(function (n, t, c) { var e = t.createElement('script'); e.async = !0;"
                + " e.src = 'https://cdn.livechatinc.com/tracking.js'; t.head.appendChild(e); }(window, document));",
            "olark", ";(function(o,l,a,r,k,y){if(o.olark)return;r=\"script\";y=l.createElement(r);"
                + "r=l.getElementsByTagName(r)[0];y.async=1;y.src=\"//\"+a;r.parentNode.insertBefore(y,r);"
                + "y=o.olark=function(){k.s.push(arguments)};y.identify=function(i){y(\"identify\",k.i=i)};"
                + "k=y._={s:[],c:{},l:a};})(window,document,\"static.olark.com/jsclient/loader.js\");\n"
                + "olark.identify('1234-567-89-1011');",
            "zendesk-web-widget", "var s = document.createElement('script'); s.id = 'ze-snippet';"
                + " s.src = 'https://static.zdassets.com/ekr/snippet.js?key=' + zendeskKey; document.body.appendChild(s);",
            "tidio", "document.addEventListener('scroll', function () { var t = document.createElement('script');"
                + " t.src = '//code.tidio.co/kx3vq9b0mz1t4h7w2ya6fjd8.js'; document.body.appendChild(t); }, {once: true});");
        snippets.forEach((id, snippet) ->
            assertEquals(Map.of(id, EnumSet.of(Category.FUNCTIONAL)), scan(snippet), id));
        // the settings alone name the loader where a plugin prints the URL elsewhere (a concatenated host)
        assertEquals(Set.of("crisp"), ids("window.$crisp = []; window.CRISP_WEBSITE_ID = siteSettings.crispId;"));
        assertEquals(Set.of("livechat"), ids("window.__lc = {}; window.__lc.license = 87654321;"));
        // a site's own buttons and handlers that open a loaded chat stay
        for (String call : List.of(
                "document.getElementById('help').onclick = function () { Tawk_API.maximize(); };",
                "if (window.Tawk_API) { Tawk_API.onLoad = function () { Tawk_API.setAttributes({plan: 'pro'}); }; }",
                "$crisp.push(['do', 'chat:open']); $crisp.push(['set', 'user:email', [email]]);",
                "window.tidioChatApi && window.tidioChatApi.open();",
                "zE('messenger', 'open'); window.zESettings = { webWidget: { color: { theme: '#78a300' } } };",
                "LiveChatWidget.call('maximize'); var lc = window.__lc || {}; lc.licenseKey = 'x';",
                "olark('api.box.expand'); var myolark = {identify: function () {}}; myolark.identify('x');",
                "var links = ['https://www.tawk.to/', 'https://crisp.chat/en/', 'https://www.tidio.com/',"
                    + " 'https://acme.zendesk.com/hc/en-us', 'https://static.zdassets.com/hc/assets/hc_enduser.js',"
                    + " 'https://www.livechat.com/', 'https://www.olark.com/'];")) {
            assertEquals(Set.of(), ids(call), call);
        }
    }

    @Test
    void findsTheAddedAdExchangesAndNotTheirVendorsWebsites() {
        assertEquals(Map.of("gumgum", EnumSet.of(Category.MARKETING)),
            scan("ggv2id = 'a1b2c3d4'; var s = document.createElement('script'); s.src = cdnBase + '/services.js';"));
        assertEquals(Set.of("adocean"), ids("document.write('<scr' + 'ipt src=\"//myao.adocean.pl/files/js/ado.js\"></scr'"
            + " + 'ipt>');"));
        assertEquals(Set.of("equativ"), ids("var t = document.createElement('script'); t.async = true;"
            + " t.src = '//ced.sascdn.com/tag/' + networkId + '/smart.js'; document.head.appendChild(t);"));
        assertEquals(Set.of("seedtag"), ids("(function () { var s = document.createElement('script');"
            + " s.src = 'https://t.seedtag.com/t/4832-1057-01.js'; document.head.appendChild(s); })();"));
        for (String call : List.of(
                // the setup names its ad host as a property's value (data) and runs only from the queue smart.js reads
                "var sas = sas || {}; sas.cmd = sas.cmd || []; sas.cmd.push(function () { sas.setup({ networkid: 2417,"
                    + " domain: 'https://www8.smartadserver.com', async: true }); });",
                "sas.cmd.push(function () { sas.call('std', { siteId: 1, pageId: 2, formatId: 3 }); });",
                // the host as a property's value is data; the call loads nothing once ado.js is gone
                "/* (c)AdOcean 2003-2024 */ ado.master({id: 'Kq0Zbm1PBn', server: 'myao.adocean.pl', keys: ''});",
                "ado.slave('adoceanmyaoqwerty', {myMaster: 'Kq0Zbm1PBn'});",
                "var cfg = { ggv2idle: 3, myggv2id: 1 };",
                "var links = ['https://www.seedtag.com/', 'https://www.sovrn.com/', 'https://equativ.com/',"
                    + " 'https://gumgum.com/', 'https://www.nativo.com/'];")) {
            assertEquals(Set.of(), ids(call), call);
        }
    }

    @Test
    void findsTheShopifyAppLoadersOnlyByTheirOwnPathsOnSharedHosts() {
        String list = "var urls = [\"https:\\/\\/api-na1.hubapi.com\\/scriptloader\\/v1\\/12345678.js?shop=maple-goods.myshopify.com\","
            + "\"https:\\/\\/bingshoppingtool-t2app-prod.trafficmanager.net\\/uet\\/tracking_script?shop=maple-goods.myshopify.com\","
            + "\"https:\\/\\/intg.snapchat.com\\/shopify\\/shopify-scevent-init.js?id=3f1c9a2e&shop=maple-goods.myshopify.com\","
            + "\"https:\\/\\/static.shareasale.com\\/json\\/shopify\\/deduplication.js?shop=maple-goods.myshopify.com\","
            + "\"https:\\/\\/assets1.adroll.com\\/shopify\\/latest\\/j\\/shopify_rolling_bundle.js?shop=maple-goods.myshopify.com\"];";
        assertEquals(Set.of("hubspot", "bing-uet", "snap-pixel", "shareasale", "adroll"), ids(list));
        assertEquals(Set.of(), ids("var urls = [\"https:\\/\\/api-na1.hubapi.com\\/crm\\/v3\\/objects\\/contacts\","
            + "\"https:\\/\\/contoso-storefront.trafficmanager.net\\/uet\\/tracking_script?shop=x\","
            + "\"https:\\/\\/static.shareasale.com\\/image\\/48213\\/banner.jpg\"];"));
    }

    @Test
    void segmentAndHeapAreTheirSnippetsNotAnyLoadCall() {
        // an application's own objects named analytics or heap with a load method
        assertEquals(Set.of(), ids("analytics.load('/plugins/reviews.js').then(initReviews);"));
        assertEquals(Set.of(), ids("var heap = new MinHeap(); heap.load([5, 3, 8]); render(heap.peek());"));
        // Segment's snippet defines analytics.load and sets its version, also when it loads from a proxy
        assertEquals(Set.of("segment"), ids("!function(){var i=\"analytics\",analytics=window[i]=window[i]||[];"
                + "analytics.load=function(key,e){var t=document.createElement(\"script\");t.async=!0;"
                + "t.src=\"https://evs.proxy.shop.example/yvbu21/go18rex.min.js\";var n=document.getElementsByTagName("
                + "\"script\")[0];n.parentNode.insertBefore(t,n);analytics._loadOptions=e};analytics._writeKey=\"Bj8l9t\";"
                + "analytics._cdn = \"https://evs.proxy.shop.example\";analytics.SNIPPET_VERSION=\"4.15.3\";\n"
                + "analytics.load(\"Bj8l9t\");}}();"));
        assertEquals(Set.of("segment"), ids("analytics._writeKey=\"k\";analytics.SNIPPET_VERSION=\"5.2.0\";"));
        // Heap's snippet defines heap.load and calls it with the app id as a string
        assertEquals(Set.of("heap"), ids("window.heap=window.heap||[],heap.load=function(e,t){window.heap.envId=e;"
                + "var r=document.createElement(\"script\");r.src=\"https://t.shop.example/h/\"+e+\".js\"};"));
        assertEquals(Set.of("heap"), ids("heap.load('1234567890');"));
    }

    @Test
    void findsThePardotSnippetThatSplitsItsHost() {
        // the loader host is built from two literals, so neither is the host; the account variables identify it
        String pardot = """
            piAId = '123456';
            piCId = '7890';
            piHostname = 'go.shop.example';
            (function () {
              var s = document.createElement('script'); s.async = true;
              s.src = (document.location.protocol === 'https:' ? 'https://pi' : 'http://cdn') + '.pardot.com/pd.js';
              document.head.appendChild(s);
            })();""";
        assertEquals(Set.of("pardot"), ids(pardot));
        assertEquals(Set.of(), ids(pardot.replace("piAId", "aid").replace("piCId", "cid").replace("piHostname", "host")));
        assertEquals(Set.of("pardot"), ids("s.src = 'https://pi.pardot.com/pd.js';"));
    }

    @Test
    void lookAlikesOfTheAddedMarketingVendorsAreNotTrackers() {
        assertEquals(Set.of(), ids("var u = 'https://notklaviyo.com/onsite/js/klaviyo.js';"));
        assertEquals(Set.of(), ids("var u = 'https://static.klaviyo.com.example.org/onsite/js/klaviyo.js';"));
        assertEquals(Set.of(), ids("var links = ['https://www.klaviyo.com/', 'https://www.drift.com/', "
                + "'https://www.adroll.com/', 'https://www.awin.com/', 'https://www.zoominfo.com/'];"));
        assertEquals(Set.of(), ids("img.src = 'https://logo.clearbit.com/' + company.domain;"));
        assertEquals(Set.of(), ids("player.src = 'https://pdst.fm/e/traffic.megaphone.fm/ABC1234567.mp3';"));
        // short globals an application could define for itself
        assertEquals(Set.of(), ids("function saq(q) { return q.trim(); } saq(' x '); var piAIdx = 1; pdst(1);"));
    }

    @Test
    void findsTheAddedPublisherAndAffiliateLoadersByTheirSignatureWhenTheHostIsProxied() {
        // loaders copied onto the site's own host or a CDN alias: only their fixed names are left to go by
        assertEquals(Set.of("chartbeat"), ids("""
            var _sf_async_config = window._sf_async_config || {}; _sf_async_config.uid = 12345;
            (function () { var e = document.createElement('script'); e.src = '/assets/cb.js'; document.body.appendChild(e); })();"""));
        assertEquals(Set.of("kissmetrics"), ids("var _kmq = _kmq || []; var _kmk = _kmk || 'abc';"
                + " _kms('/km/i.js'); _kms('/km/' + _kmk + '.2.js');"));
        assertEquals(Set.of("kameleoon"), ids("var kameleoonLoadingTimeout = 1000; window.kameleoonQueue = [];"));
        assertEquals(Set.of("quantum-metric"), ids("!window.QuantumMetricAPI && d.parentNode.insertBefore(qtm, d);"));
        assertEquals(Set.of(), ids("if (!window.QuantumMetricAPI) { return; } QuantumMetricAPI.sendEvent(12, 0, 'cta');"));
        assertEquals(Set.of("braze"), ids("import('/vendor/braze.mjs').then(function (b) { b.initialize('k'); });"
                + " braze.initialize('00000000-0000', {baseUrl: 'sdk.iad-01.braze.com'});"));
        assertEquals(Set.of("activecampaign"), ids("vgo(\"setAccount\", \"1234\"); vgo(\"process\");"));
        assertEquals(Set.of("impact"), ids("(function(i,m,p,a,c,t){c.ire_o=p;c[p]=c[p]||function(){};"
                + "t=a.createElement(m);t.src=i;})('/utt/A123.js','script','ire',document,window);"));
        assertEquals(Set.of("cj-affiliate"), ids("d=b.createElement(c);d.src='/cj-proxy/tags/1/tag.js';d.id='cjapitag';"));
        assertEquals(Set.of("nextdoor-pixel"), ids("ndp('init', '0123-4567', {}); ndp('track', 'PAGE_VIEW');"));
        assertEquals(Set.of("line-tag"), ids("_lt(\"init\", {customerType: \"lap\", tagId: \"x\"});"));
        assertEquals(Set.of("naver-analytics"), ids("if(!wcs_add) var wcs_add = {}; wcs_add['wa'] = 's_1'; wcs_do();"));
        assertEquals(Set.of("kakao-pixel"), ids("kakaoPixel('1234567890').purchase();"));
        assertEquals(Set.of("vk-ads"), ids("t.onload=function(){VK.Retargeting.Init('VK-RTRG-1-x'),VK.Retargeting.Hit()}"));
        assertEquals(Set.of("vk-ads"), ids("var _tmr = window._tmr || (window._tmr = []); _tmr.push({id: '1'});"));
        assertEquals(Set.of("statcounter"), ids("document.write(\"<sc\"+\"ript src='\" + scJsHost + "
                + "\"statcounter.com/counter/counter.js'></\"+\"script>\");"));
    }

    @Test
    void regionalLoadersAreNamedByWhatStartsThem() {
        assertEquals(Set.of("kakao-keyword-ads-conversion"),
            ids("var DaumConversionDctSv=\"type=P,orderID=A-1,amount=1\"; var DaumConversionAccountID=\"Ab.12\";"));
        assertEquals(Set.of("growingio"), ids("gio('init', '8a1b2c3d4e5f6a7b', {}); gio('send');"));
        assertEquals(Set.of("zhuge"), ids("window.zhuge.load('0a1b2c3d4e5f', {autoTrack: true});"));
        assertEquals(Set.of("sensors-data"), ids("(function(para){var p=para.sdk_url;})({sdk_url:'/js/x.js'});"));
        assertEquals(Set.of("sensors-data"), ids("(function(a){var b=a.sdk_url})({sdk_url:\"/sa/sensorsdata.min.js\"});"
            + " init();"));
        assertEquals(Set.of("moengage"), ids("(function(i,s,o,g,r){i.moengage_object=r;})(window,document,'script');"));
        assertEquals(Set.of("webengage"), ids("d=e.getElementById(\"_webengage_script_tag\");"));
        assertEquals(Set.of("netcore-smartech"), ids("smartech('create', 'ADGMOT35CHFLVDHBJNIG50K968QKS');"));
        assertEquals(Set.of("kwai-pixel"), ids("kwaiq.load('123456789012345'); kwaiq.page();"));
        assertEquals(Set.of("line-tag"), ids("s.src = h + '/n/line_tag/public/release/v1/lt.js';"));
        // the calls a site's own handlers make through those globals only queue or send through a loaded client
        assertEquals(Set.of(), ids("window.gio && gio('track', 'signup'); openSignup();"));
        assertEquals(Set.of(), ids("smartech('dispatch', 'Add To Cart', {sku: '42'}); cart.add(42);"));
        assertEquals(Set.of(), ids("kwaiq.instance('123456789012345').track('EVENT_ADD_TO_CART'); cart.add(42);"));
        assertEquals(Set.of(), ids("var sa = window['sensorsDataAnalytic201505']; window[sa].track('Buy');"));
        assertEquals(Set.of(), ids("zhuge.track('buy', {sku: 42}); Moengage.track_event('buy');"
            + " webengage.track('buy');"));
        assertEquals(Set.of(), ids("a8sales({\"pid\": \"s00000012345001\", \"order_number\": \"A-1\"});"));
        assertEquals(Set.of(), ids("new PartnersCoupang.G({\"id\": 123456, \"template\": \"carousel\"});"));
        assertEquals(Set.of(), ids("var vc_pid = \"885123456\"; window.insider_object = {page: {type: 'Home'}};"));
    }

    @Test
    void aSiteScriptThatOnlyCallsIntoALoadedTagIsNoLoader() {
        // a refresh, an event or an identify call through a tag's queue or API sends nothing once the tag's loader
        // is gone, and sits in site code (a Turbo handler, a checkout validator, an SPA router)
        assertEquals(Set.of(), ids("document.addEventListener('turbo:load', function () { initGallery();"
                + " if (window.googletag) { googletag.cmd.push(function () { googletag.pubads().refresh(); }); } });"));
        assertEquals(Set.of(), ids("window._mfq = window._mfq || []; window._mfq.push(['formSubmitAttempt', '#checkout']);"
                + " return validatePostcode(code);"));
        assertEquals(Set.of(), ids("window.__insp = window.__insp || []; __insp.push(['identify', App.user.email]); App.boot();"));
        assertEquals(Set.of(), ids("renderRoute(p); if (window.COMSCORE) { COMSCORE.beacon({ c1: '2', c2: '31234567' }); }"));
        assertEquals(Set.of(), ids("showThankYou(o); window._tmr && _tmr.push({ type: 'reachGoal', id: 3456789, goal: 'x' });"));
        assertEquals(Set.of(), ids("VK.Retargeting.Event('purchase'); VK.Retargeting.Hit();"));
        // what starts those tags still counts, also when the loader's URL is the site's own
        assertEquals(Set.of("inspectlet"), ids("window.__insp = window.__insp || []; __insp.push(['wid', 1234567890]);"
                + " var ldinsp = function () { var insp = document.createElement('script'); insp.src = '/insp/inspectlet.js'; };"));
        assertEquals(Set.of("inspectlet"), ids("var ldinsp = function () { insp.src = ('https:' == document.location.protocol"
                + " ? 'https' : 'http') + '://cdn.inspectlet.com/inspectlet.js?wid=1234567890&r=' + Math.floor(n / 3600000); };"));
        assertEquals(Set.of("comscore"), ids("var _comscore = _comscore || []; _comscore.push({ c1: \"2\", c2: \"31234567\" });"
                + " (function () { var s = document.createElement(\"script\"); s.src = \"/cs/beacon.js\"; })();"));
        assertEquals(Set.of("mouseflow"), ids("window._mfq = window._mfq || []; (function () { var mf = document.createElement"
                + "(\"script\"); mf.defer = true; mf.src = \"//cdn.mouseflow.com/projects/0f1e2d3c.js\"; })();"));
        assertEquals(Set.of("doubleclick"), ids("var gads = document.createElement('script'); gads.async = true;"
                + " gads.src = 'https://securepubads.g.doubleclick.net/tag/js/gpt.js'; node.parentNode.insertBefore(gads, node);"));
        // Prebid's setup starts the auction that calls every bidder; its library is usually the publisher's own file
        assertEquals(Set.of("prebid"), ids("var pbjs = pbjs || {}; pbjs.que = pbjs.que || []; pbjs.que.push(function () {"
                + " pbjs.addAdUnits(adUnits); pbjs.requestBids({ bidsBackHandler: sendAdserverRequest }); });"));
        // and so does its configuration alone: the user ID modules it lists fetch their ids as it runs
        assertEquals(Set.of("prebid"), ids("window.pbjs = window.pbjs || {que: []}; pbjs.que.push(function () {"
                + " pbjs.setConfig({userSync: {userIds: [{name: 'id5Id', params: {partner: 1139}}]}}); });"));
        assertEquals(Set.of(), ids("config.setConfig({theme: 'dark'}); window.mypbjs.setConfig = noop;"));
        // identity SDKs started from the page, whose loader may be self-hosted or bundled
        assertEquals(Set.of("id5"), ids("var st = ID5.init({partnerId: 1139}).onAvailable(function (s) { use(s); });"));
        assertEquals(Set.of("uid2"), ids("__uid2.callbacks.push(function (e) { if (e === 'SdkLoaded') {"
                + " __uid2.init({}); } });"));
        assertEquals(Set.of("uid2"), ids("window.__euid.init({baseUrl: base});"));
        assertEquals(Set.of(), ids("var myID5 = {}; myID5.init({}); window.__uid2.callbacks = [];"));
        // enterprise marketing tags whose queue or settings start them, also from a proxied script
        assertEquals(Set.of("oracle-eloqua"), ids("var _elqQ = _elqQ || []; _elqQ.push(['elqSetSiteId', '198273645']);"
                + " _elqQ.push(['elqTrackPageView']); s.src = '/elq/elqCfg.min.js';"));
        assertEquals(Set.of("sfmc-collect"), ids("_etmc.push([\"setOrgId\", \"514009821\"]); _etmc.push([\"trackPageView\"]);"));
        assertEquals(Set.of(), ids("_etmc.push([\"trackCart\", { cart: items }]); renderCart(items);"));
        assertEquals(Set.of("bloomreach-discovery"), ids("var br_data = {acct_id: '6342', ptype: 'category'};"));
        assertEquals(Set.of(), ids("var my_br_data = 1; brData.x = 2;"));
        // and the comment embed sets its settings global before it builds the script URL from the forum's name
        assertEquals(Set.of("disqus"), ids("var disqus_config = function () { this.page.url = PAGE_URL; };"
                + " (function () { var s = document.createElement('script'); s.src = '//' + forum + '.disqus.com/embed.js'; })();"));
    }

    @Test
    void lookAlikesOfTheAddedPublisherAndAffiliateVendorsAreNotTrackers() {
        // short globals and common words an application could use for itself
        assertEquals(Set.of(), ids("function vgo(p) { return p; } vgo('home'); myvgo('setAccount', 1);"
                + " function ndp(x) { return x; } ndp('open'); var wire_o = 1; _lt('send', 'pv');"
                + " var km = {_kmqx: 1}; timer._tmr = setTimeout(f, 10); wcs_done(1);"));
        // vendor websites, content images and look-alike hosts
        assertEquals(Set.of(), ids("var links = ['https://www.chartbeat.com/', 'https://www.parse.ly/', "
                + "'https://statcounter.com/', 'https://clicky.com/101', 'https://www.pendo.io/', 'https://vk.com/acme', "
                + "'https://www.nextdoor.com/', 'https://line.me/R/ti/p/@acme'];"));
        assertEquals(Set.of(), ids("img.src = 'https://cdn.dynamicyield.com/api/8781234/images/banner.jpg';"));
        assertEquals(Set.of(), ids("var u = 'https://static.chartbeat.com.example.org/js/chartbeat.js', "
                + "v = 'https://notparsely.com/keys/x/p.js', w = 'https://t1.daumcdn.net/cafeattach/x.png';"));
    }

    @Test
    void findsTheAddedAudienceMeasurementAndAnalyticsLoaders() {
        Map<String, String> loaders = Map.ofEntries(
            Map.entry("gemius", """
                var pp_gemius_identifier = 'bQrlq.xM8dHg_Yb1TkPKJ2ZI7Gg8g0b3Q1lVhFgE.Lz.Y7';
                function gemius_pending(name) {
                  window[name] = window[name] || function () {
                    var q = window[name + '_pdata'] = window[name + '_pdata'] || []; q[q.length] = arguments; };
                }
                gemius_pending('gemius_hit'); gemius_pending('gemius_event');
                (function (doc, tag) {
                  try {
                    var el = doc.createElement(tag), first = doc.getElementsByTagName(tag)[0];
                    el.async = true; el.src = 'https://gapl.hit.gemius.pl/xgemius.js';
                    first.parentNode.insertBefore(el, first);
                  } catch (e) {}
                })(document, 'script');"""),
            Map.entry("etracker", "var et = document.createElement('script'); et.id = '_etLoader'; et.async = true;\n"
                + "et.setAttribute('data-secure-code', 'Ab12Cd'); et.src = '//code.etracker.com/code/e.js';\n"
                + "document.head.appendChild(et);"),
            Map.entry("nielsen-dcr", """
                !function (w, ns) {
                  w[ns] = w[ns] || { nlsQ: function (appId, name, cfg) {
                    var d = w.document, s = d.createElement('script'); s.async = 1;
                    s.src = 'https://cdn-gl.imrworldwide.com/conf/' + appId + '.js#name=' + name + '&ns=' + ns;
                    d.head.appendChild(s);
                    return (w[ns][name] = w[ns][name] || { g: cfg || {}, ggPM: function () { (this.q = this.q || []).push(arguments); } });
                  } };
                }(window, 'NOLBUNDLE');
                var nlsn = NOLBUNDLE.nlsQ('P0F44B381-FB60-4094-B9EF-0D98A982862B', 'nlsnInstance', {});"""),
            Map.entry("liveinternet", "new Image().src = \"//counter.yadro.ru/hit?r\" + escape(document.referrer) +\n"
                + "  ((typeof screen == \"undefined\") ? \"\" : \";s\" + screen.width + \"*\" + screen.height) +\n"
                + "  \";u\" + escape(document.URL) + \";\" + Math.random();"),
            Map.entry("rambler-top100", """
                (function (w, d, c) {
                  (w[c] = w[c] || []).push(function () {
                    try { w.top100Counter = new top100({ project: 7654321 }); } catch (e) { }
                  });
                  var s = d.createElement('script'); s.async = true;
                  s.src = (d.location.protocol == 'https:' ? 'https:' : 'http:') + '//st.top100.ru/top100/top100.js';
                  d.head.appendChild(s);
                })(window, document, '_top100q');"""),
            Map.entry("cnzz", "var cnzz_protocol = ((\"https:\" == document.location.protocol) ? \" https://\" : \" http://\");\n"
                + "document.write(unescape(\"%3Cspan id='cnzz_stat_icon_1278123456'%3E%3C/span%3E%3Cscript src='\" + "
                + "cnzz_protocol + \"s19.cnzz.com/z_stat.php%3Fid%3D1278123456' type='text/javascript'%3E%3C/script%3E\"));"),
            Map.entry("51la", "!function (opts) { var s = document.createElement('script'); s.charset = 'UTF-8'; s.async = true;\n"
                + "  s.src = 'https://sdk.51.la/js-sdk-pro.min.js'; s.id = 'LA_COLLECT';\n"
                + "  s.onload = function () { window.LA.init(opts); }; document.head.appendChild(s);\n"
                + "}({ id: 'K8VYEj2Y', ck: 'K8VYEj2Y' });"),
            Map.entry("azure-application-insights", """
                !function (win, doc, snippet) {
                  var sdkInstance = 'appInsightsSDK', name = win[sdkInstance] = 'appInsights';
                  var s = doc.createElement('script'); s.src = snippet.src; s.crossOrigin = snippet.crossOrigin;
                  doc.head.appendChild(s);
                  win[name] = win[name] || { config: snippet.cfg, queue: [] };
                }(window, document, {
                  src: 'https://js.monitor.azure.com/scripts/b/ai.3.gbl.min.js',
                  crossOrigin: 'anonymous',
                  cfg: { connectionString: 'InstrumentationKey=0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/' }
                });"""),
            Map.entry("datadog-rum", """
                (function (win, doc, tag, url, name) {
                  win[name] = win[name] || { q: [], onReady: function (fn) { this.q.push(fn); } };
                  var s = doc.createElement(tag); s.async = 1; s.src = url;
                  doc.head.appendChild(s);
                })(window, document, 'script', 'https://www.datadoghq-browser-agent.com/eu1/v5/datadog-rum.js', 'DD_RUM');
                window.DD_RUM.onReady(function () {
                  window.DD_RUM.init({ clientToken: 'pub0123456789abcdef', applicationId: '0f1e2d3c', site: 'datadoghq.eu',
                    service: 'shop-web', sessionSampleRate: 100, trackUserInteractions: true });
                });"""),
            Map.entry("convert-experiences", "var cv = document.createElement('script');\n"
                + "cv.src = '//cdn-4.convertexperiments.com/v1/js/10041234-10045678.js?environment=production';\n"
                + "document.head.appendChild(cv);"),
            Map.entry("google-optimize", """
                (function (win, root, cls, layer, timeout, ids) {
                  root.className += ' ' + cls;
                  ids.start = Date.now();
                  ids.end = function () { root.className = root.className.replace(' ' + cls, ''); };
                  (win[layer] = win[layer] || []).hide = ids;
                  setTimeout(function () { if (ids.end) { ids.end(); ids.end = null; } }, timeout);
                })(window, document.documentElement, 'async-hide', 'dataLayer', 4000, { 'OPT-AB12CDE': true });"""));
        for (Map.Entry<String, String> e : loaders.entrySet()) {
            assertEquals(Map.of(e.getKey(), EnumSet.of(Category.ANALYTICS)), scan(e.getValue()), e.getKey());
        }
        // where the host is split, proxied or the page's own, what the vendor's snippet always writes still names it
        assertEquals(Set.of("gemius"), ids("var pp_gemius_identifier = 'zZ1.x'; gt.src = prefix + '.hit.' + 'gemius.pl/xgemius.js';"));
        // Mapp's tag manager fires whatever tags the account configured, like other tag managers
        assertEquals(Map.of("mapp-tag-integration", EnumSet.of(Category.ANALYTICS, Category.MARKETING)), scan("""
            window._tiConfig = window._tiConfig || {
              tiDomain: 'responder.wt-safetag.com',
              tiId: '111111111111111',
              option: {}
            };"""));
        assertEquals(Set.of("mapp-tag-integration"), ids("window._tiConfig = { customDomain: 'stats.shop.example', customPath: 'tag.js' };"));
        assertEquals(Set.of("mapp-intelligence"), ids("var px = new Image(); px.src = 'https://horska01.wt-eu02.net/111111111111111/wt?p=441,' + page;"));
        assertEquals(Set.of("nielsen-dcr"), ids("var i = NOLBUNDLE.nlsQ(appId, 'nlsnInstance', { nol_sdkDebug: 'debug' });"));
        assertEquals(Set.of("cnzz"), ids("var cnzz_protocol = ((\"https:\" == document.location.protocol) ? \" https://\" : \" http://\");"));
        assertEquals(Set.of("51la"), ids("s.src = '/stats/js-sdk-pro.min.js'; s.id = 'LA_COLLECT'; document.head.appendChild(s);"));
        assertEquals(Set.of("azure-application-insights"), ids("var ai = new Microsoft.ApplicationInsights.ApplicationInsights("
                + "{ config: { connectionString: window.appConfig.ai } });\nai.loadAppInsights();\nai.trackPageView();"));
        assertEquals(Set.of("datadog-rum"), ids("window.DD_RUM && window.DD_RUM.init({ clientToken: 'pub0123', site: 'datadoghq.com' });"));
        assertEquals(Set.of("azure-application-insights"), ids("!function (w, d, cfg) { var sdkInstance = \"appInsightsSDK\";"
                + " w[sdkInstance] = \"appInsights\"; /* … */ }(window, document, { src: \"/lib/ai.3.gbl.min.js\", cfg: aiCfg });"));
        assertEquals(Set.of("datadog-rum"), ids("import { datadogRum } from '/assets/rum.mjs';\n"
                + "datadogRum.init({ applicationId: '0f1e2d3c', clientToken: 'pub0123', site: 'datadoghq.com' });"));
        for (String file : List.of("datadog-rum.js", "datadog-rum-slim.js", "us1/v4/datadog-rum.js", "datadog-rum-v4.js",
                "datadog-rum-slim-v4.js")) {
            assertEquals(Set.of("datadog-rum"), ids("loadScript('/vendor/" + file + "', startMonitoring);"), file);
        }
        assertEquals(Set.of("google-optimize"), ids("var o = document.createElement('script');"
                + " o.src = 'https://www.googleoptimize.com/optimize.js?id=OPT-AB12CDE'; document.head.appendChild(o);"));
    }

    @Test
    void findsTheAddedAdvertisingAndLeadTrackingLoaders() {
        Map<String, String> loaders = Map.ofEntries(
            Map.entry("adform", """
                window._adftrack = Array.isArray(window._adftrack) ? window._adftrack : (window._adftrack ? [window._adftrack] : []);
                window._adftrack.push({ HttpHost: 'track.adform.net', pm: 1234567, divider: encodeURIComponent('|'),
                  pagename: encodeURIComponent('Shop|Home') });
                (function () { var s = document.createElement('script'); s.async = true;
                  s.src = 'https://s2.adform.net/banners/scripts/st/trackpoint-async.js'; document.head.appendChild(s); })();"""),
            Map.entry("teads", "window.teads_e = window.teads_e || [];\nwindow.teads_adv_id = 123456;"),
            Map.entry("integral-ad-science", "var ias = document.createElement('script'); ias.async = true;\n"
                + "ias.src = '//static.adsafeprotected.com/iasPET.1.js'; document.head.appendChild(ias);"),
            Map.entry("doubleverify", "var dv = document.createElement('script'); dv.async = true;\n"
                + "dv.src = 'https://pub.doubleverify.com/dvtag/21236410/DV464041/pub.js'; document.head.appendChild(dv);"),
            Map.entry("seznam-sklik", "var seznam_retargeting_id = 123456;"),
            Map.entry("act-on", """
                (function (w, ns, obj, d, tag) {
                  w[ns] = w[ns] || {};
                  w[ns][obj] = w[ns][obj] || { q: [], track: function (r, e, t) { this.q.push({ r: r, e: e, t: t || +new Date }); } };
                  var el = d.createElement(tag); el.async = 1;
                  el.src = '//marketing.shop.example/cdnr/94/acton/bn/tracker/17167';
                  d.head.appendChild(el);
                })(window, 'ActOn', 'Beacon', document, 'script');
                ActOn.Beacon.track();"""),
            Map.entry("sharpspring", """
                var _ss = _ss || [];
                _ss.push(['_setDomain', 'https://koi-3QN9ABCDEF.marketingautomation.services/net']);
                _ss.push(['_setAccount', 'KOI-3SEY3QABCD']);
                _ss.push(['_trackPageView']);
                (function () {
                  var ss = document.createElement('script'); ss.async = true;
                  ss.src = 'https://koi-3QN9ABCDEF.marketingautomation.services/client/ss.js?ver=2.4.0';
                  document.head.appendChild(ss);
                })();"""),
            Map.entry("lead-forensics", "var lf = document.createElement('script');\n"
                + "lf.src = 'https://secure.leadforensics.com/js/123456.js'; document.head.appendChild(lf);"),
            Map.entry("albacross", "window._nQc = \"89123456\";"),
            Map.entry("leadinfo", """
                (function (win, doc, tag, src, name, account) {
                  if (win[name]) { return; }
                  win.GlobalLeadinfoNamespace = win.GlobalLeadinfoNamespace || [];
                  win.GlobalLeadinfoNamespace.push(name);
                  win[name] = function () { (win[name].q = win[name].q || []).push(arguments); };
                  win[name].t = account;
                  var s = doc.createElement(tag); s.async = 1; s.src = src; doc.head.appendChild(s);
                })(window, document, 'script', 'https://cdn.leadinfo.net/ping.js', 'leadinfo', 'LI-5F11A67EACFB4');"""),
            Map.entry("optinmonster", "(function (d, user, account) { var s = d.createElement('script');\n"
                + "  s.src = 'https://a.omappapi.com/app/js/api.min.js'; s.async = true;\n"
                + "  s.dataset.user = user; s.dataset.account = account; d.head.appendChild(s);\n"
                + "})(document, 123456, 654321);"));
        for (Map.Entry<String, String> e : loaders.entrySet()) {
            assertEquals(Map.of(e.getKey(), EnumSet.of(Category.MARKETING)), scan(e.getValue()), e.getKey());
        }
        assertEquals(Set.of("teads"), ids("window.teads_e = window.teads_e || []; window.teads_buyer_pixel_id = 1815;"));
        assertEquals(Set.of("seznam-sklik"), ids("s.src = 'https://c.seznam.cz/js/rc.js'; document.body.appendChild(s);"));
        assertEquals(Set.of("leadinfo"), ids("window.GlobalLeadinfoNamespace = ['leadinfo']; s.src = '/li/ping.js';"));
    }

    @Test
    void callsIntoTheAddedTagsAndTheirVendorsWebsitesAreNoLoaders() {
        // a second script that uses a library its <script src> loaded, or a site script that reports an event: inert
        // once the library is gone, and it may carry the site's own code
        List<String> calls = List.of(
            "if (typeof _etracker !== 'undefined') { _etracker.sendEvent(new et_UserDefinedEvent('cart', 'shop', 'add', sku)); }",
            "var et_pagename = 'Home'; var et_areas = 'Shop/Start';",
            "function onRemove(p) { if (typeof webtrekkV3 === 'function') { var wt = new webtrekkV3(pageConfig); wt.product = p.sku; wt.sendinfo(); } cart.remove(p); }",
            "var trac = nol_t({ cid: 'us-123456', content: '0', server: 'secure-us' }); trac.record().post();",
            "try { window.top100Counter = new top100({ project: 7654321 }); } catch (e) { }",
            "window.LA && LA.init({ id: 'K8VYEj2Y', ck: 'K8VYEj2Y' });",
            "_czc.push(['_trackEvent', 'video', 'play', 'intro']);",
            "var retargetingConf = { rtgId: 123456 };\nif (window.rc && window.rc.retargetingHit) { window.rc.retargetingHit(retargetingConf); }",
            "window._adftrack = window._adftrack || []; window._adftrack.push({ pm: 1234567, pagename: 'Checkout' });",
            "_ss.push(['_setTransaction', { transactionID: orderId, storeName: 'Shop' }]);",
            "ActOn.Beacon.track();",
            "if (window.DD_RUM) { DD_RUM.addAction('add-to-cart', { sku: sku }); }",
            "window.DD_LOGS && DD_LOGS.init({ clientToken: 'pub0123', site: 'datadoghq.eu', forwardErrorsToLogs: true });",
            "if (window.appInsights) { appInsights.trackEvent({ name: 'checkout' }); }",
            "window.__iasPET = window.__iasPET || {}; __iasPET.queue = __iasPET.queue || []; __iasPET.pubId = '927123';",
            "window.__APP_CONFIG__ = {\"api\":\"/api\",\"aiConnectionString\":\"InstrumentationKey=0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b;"
                + "IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;"
                + "LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/\"};",
            "__ss_noform.push(['baseURI', 'https://app-3QN9ABCDEF.marketingautomation.services/webforms/receivePostback/MzawMDG1/']);",
            "var links = ['https://www.gemius.pl/', 'https://www.etracker.com/en/', 'https://www.etracker.de/app?et=Ab12Cd', "
                + "'https://mapp.com/', 'https://www.nielsen.com/', 'https://www.liveinternet.ru/click', "
                + "'https://www.cnzz.com/stat/website.php?web_id=1', 'https://www.51.la/', 'https://www.convert.com/', "
                + "'https://www.teads.com/', 'https://www.doubleverify.com/', 'https://www.seznam.cz/', "
                + "'https://www.leadforensics.com/', 'https://albacross.com/', 'https://www.leadinfo.com/', 'https://optinmonster.com/'];",
            "var u = 'https://hit.gemius.pl.example.org/xgemius.js', v = 'https://notomappapi.com/app/js/api.min.js', "
                + "w = 'https://static.etracker.com/images/logo.svg', x = 'https://c.seznam.cz/js/other.js';",
            // names that only start like a signature
            "var pp_gemius_identifier2 = 1; var LA_COLLECTION = [];"
                + " var wt_tiConfigs = {}; var _nQcount = 0; el.classList.add('async-hidden'); load('/datadog-rum.json');");
        for (String call : calls) {
            assertEquals(Set.of(), ids(call), call);
        }
    }

    @Test
    void vendorWebsitesNamedInScriptsAreNotTrackers() {
        assertEquals(Set.of(), ids("var links = ['https://docs.logrocket.com/', 'https://www.smartlook.com/',"
                + " 'https://usefathom.com/', 'https://umami.is/docs', 'https://www.cloudflare.com/'];"));
        assertEquals(Set.of(), ids("s.src = 'https://cdnjs.cloudflare.com/ajax/libs/lodash.js/4.17.21/lodash.min.js';"));
        assertEquals(Set.of(), ids("umami.track('signup'); fathom.trackEvent('checkout');"));
    }

    @Test
    void aDataFastScriptInsertedFromAnInlineScriptIsNamedByItsPathOnTheVendorsHost() {
        assertEquals(Set.of("datafast"), ids("""
            var s = document.createElement('script');
            s.defer = true;
            s.setAttribute('data-website-id', 'dfid_k2Lm9QxR4tZ7');
            s.setAttribute('data-domain', 'shop.example');
            s.src = 'https://datafa.st/js/script.js';
            document.head.appendChild(s);"""));
        assertEquals(Set.of(),
            ids("var help = {docs: 'https://datafa.st/docs/', dashboard: 'https://datafa.st/dashboard'};"));
    }

    @Test
    void findsTheEmarsysWebExtendSnippetsThatJavaStorefrontsPrint() {
        // the vendor's plain snippet
        assertEquals(Map.of("sap-emarsys", EnumSet.of(Category.MARKETING)), scan("""
            var ScarabQueue = ScarabQueue || [];
            (function (scriptId) {
              if (document.getElementById(scriptId)) { return; }
              var el = document.createElement('script'); el.id = scriptId;
              el.src = '//cdn.scarabresearch.com/js/1A2B3C4D5E6F7A8B/scarab-v2.js';
              var first = document.getElementsByTagName('script')[0];
              first.parentNode.insertBefore(el, first);
            })('scarab-js-api');"""));
        // the variant that builds the host from a protocol-dependent subdomain: no whole host stands in it
        assertEquals(Set.of("sap-emarsys"), ids("""
            var ScarabQueue = ScarabQueue || [];
            (function(sub, id) {
              var js = document.createElement('script'); js.id = id;
              js.src = sub + '.scarabresearch.com/js/' + window.emarsysMerchantId + '/scarab-v2.js';
              document.head.appendChild(js);
            })('https:' == document.location.protocol ? 'https://recommender' : 'http://cdn', 'scarab-js-api');"""));
        // China accounts, split the same way: the listed host still stands after the dot
        assertEquals(Set.of("sap-emarsys"), ids("js.src = sub + '.predict.emarsys.cn/js/' + mid + '/scarab-v' + 2 + '.js';"));
        // the page commands that feed it load nothing without the library: the site's scripts that push them stay
        assertEquals(Set.of(), ids("ScarabQueue.push(['view', '300938']);\nScarabQueue.push(['go']);"));
        assertEquals(Set.of(), ids("window.ScarabQueue.push(['cart', []]);"));
    }

    @Test
    void findsTheSalesforceCommerceTrackersInThePlatformsInjectedScripts() {
        // head-cquotient: sets up the Einstein queue (newer ones also name the API host)
        assertEquals(Map.of("salesforce-commerce-einstein", EnumSet.of(Category.MARKETING)), scan("""
            /* <![CDATA[ (head-cquotient.js) */
            var CQuotient = window.CQuotient = {};
            CQuotient.clientId = 'bkxs-RefArch';
            CQuotient.realm = 'BKXS';
            CQuotient.activities = [];
            CQuotient.cqcid = ''; CQuotient.cquid = '';
            /* ]]> */"""));
        assertEquals(Set.of("salesforce-commerce-einstein"), ids("var CQuotient = window.CQuotient = {};\n"
                + "CQuotient.clientId = 'bkxs-RefArch';\nCQuotient.apiHost = 'api.cquotient.com';"));
        // an activity script
        assertEquals(Set.of("salesforce-commerce-einstein"), ids("""
            (function(){ try { if (window.CQuotient) {
              var p = {}; p.cookieId = CQuotient.getCQCookieId(); p.product = {id: '25604455M'};
              if (window.CQuotient.sendActivity) window.CQuotient.sendActivity(CQuotient.clientId, 'viewProduct', p);
              else window.CQuotient.activities.push({activityType: 'viewProduct', parameters: p});
            } } catch (e) {} })();"""));
        // the platform's own page tracker
        assertEquals(Map.of("salesforce-commerce-analytics", EnumSet.of(Category.ANALYTICS)), scan("""
            function trackPage() {
              try {
                var trackingUrl = "https://www.shop.example/on/demandware.store/Sites-RefArch-Site/en_US/__Analytics-Start";
                var dwAnalytics = dw.__dwAnalytics.getTracker(trackingUrl);
                if (typeof dw.ac == "undefined") { dwAnalytics.trackPageView(); } else { dw.ac.setDWAnalytics(dwAnalytics); }
              } catch (err) {}
            }"""));
        // Marketing Cloud Personalization: the asynchronous beacon snippet and the SDK's start calls
        assertEquals(Map.of("salesforce-interactions", EnumSet.of(Category.MARKETING)), scan("""
            var _aaq = window._aaq || (window._aaq = []);
            (function () {
              var d = document, g = d.createElement('script'), s = d.getElementsByTagName('script')[0];
              g.type = 'text/javascript'; g.defer = true; g.async = true;
              g.src = document.location.protocol + '//cdn.evgnet.com/beacon/northwind/retail_prod/scripts/evergage.min.js';
              s.parentNode.insertBefore(g, s);
            })();"""));
        assertEquals(Set.of("salesforce-interactions"), ids("SalesforceInteractions.init({ cookieDomain: 'shop.example' });"));
        assertEquals(Set.of(), ids("_aaq.push(['setUser', window.customerNo]);"));
    }

    /**
     * Sitecore CDP and Personalize: the Boxever snippet (settings, then the library from the vendor's CloudFront
     * distribution) and the Engage SDK's browser build; the calls a page queues for them and the settings it reads
     * load nothing.
     */
    @Test
    void findsSitecoreCdpByTheLibraryItsSnippetLoads() {
        assertEquals(Map.of("sitecore-cdp", EnumSet.of(Category.ANALYTICS, Category.MARKETING)), scan("""
            var _boxeverq = _boxeverq || [];
            var _boxever_settings = {
                client_key: 'pqsMRDNbnk7xK2vL9wQ4eR8tY1uI3oP5',
                target: 'https://api.boxever.com/v1.2',
                cookie_domain: '.bank.example',
                pointOfSale: 'Bank-EN',
                web_flow_target: 'https://d35vb5cccm4xzp.cloudfront.net'
            };
            (function() {
                var s = document.createElement('script'); s.type = 'text/javascript'; s.async = true;
                s.src = 'https://d1mj578wat5n4o.cloudfront.net/boxever-1.4.9.min.js';
                var x = document.getElementsByTagName('script')[0]; x.parentNode.insertBefore(s, x);
            })();"""));
        assertEquals(Set.of("sitecore-cdp"), ids("""
            var lib = document.createElement("script");
            lib.src = "https:\\/\\/d1mj578wat5n4o.cloudfront.net\\/sitecore-engage-v.1.4.3.min.js";
            document.head.appendChild(lib);"""));
        // the page's own calls and reads: queued until a library that never comes, or on the stand-ins
        assertEquals(Set.of(), ids("""
            document.querySelector('.cta-book').addEventListener('click', function () {
                _boxeverq.push(function () {
                    Boxever.eventCreate({ type: 'BOOK_ADVISER', channel: 'WEB', pos: _boxever_settings.pointOfSale,
                        browser_id: Boxever.getID() }, function () {}, 'json');
                });
            });"""));
        assertEquals(Set.of(), ids("""
            (async () => {
                const engage = await window.Engage.init({ clientKey: "pqsMRDN", targetURL: "https://api-engage-eu.sitecorecloud.io",
                    pointOfSale: "Bank-EN", cookieDomain: ".bank.example" });
                engage.pageView({ channel: "WEB", currency: "EUR" });
            })();"""));
        assertEquals(Set.of(), ids("var cdn = 'https://d1cloudfront.net/boxever-1.4.9.min.js';"));
    }

    @Test
    void theSalesforceCommercePlatformsDataScriptsAreNotTrackers() {
        // head-active_data: the platform's data collection object; it calls Einstein only if Einstein is there
        assertEquals(Set.of(), ids("""
            var dw = (window.dw || {});
            dw.ac = {
              _analytics: null, _events: [], _category: "",
              _capture: function (configs) { dw.ac._events.push(configs); },
              capture: function () { dw.ac._capture(arguments); if (window.CQuotient) { window.CQuotient.trackEventsFromAC(arguments); } },
              setDWAnalytics: function (analytics) { dw.ac._analytics = analytics; }
            };"""));
        assertEquals(Set.of(), ids("dw.ac._capture({id: \"25604455M\", type: \"detail\"});"));
        assertEquals(Set.of(), ids("dw.ac.applyContext({category: \"womens-clothing-tops\"});"));
        // look-alikes and prose
        assertEquals(Set.of(), ids("var u = 'https://cquotient.com.example.org/js/v2/gretel.min.js';"));
        assertEquals(Set.of(), ids("var u = 'https://notcquotient.com/js/v2/gretel.min.js';"));
        assertEquals(Set.of(), ids("var myCQuotient = {activities: []}; myCQuotient.activities.push(1); CQuotientX.activities = 2;"));
        assertEquals(Set.of(), ids("var faq = {a: \"Product recommendations are computed by Einstein (cquotient.com).\"};"));
        assertEquals(Set.of(), ids("var links = ['https://www.salesforce.com/commerce/', 'https://www.evergage.com/', "
                + "'https://help.salesforce.com/s/articleView?id=cc.b2c_setting_privacy_preferences.htm'];"));
        assertEquals(Set.of(), ids("var _aaq2 = []; my_aaq.push(1); var aaq = 1;"));
    }

    @Test
    void findsLiferayAnalyticsCloudInBothShapesDxpPrints() {
        // the loader the DXP module and the documentation print
        assertEquals(Map.of("liferay-analytics-cloud", EnumSet.of(Category.ANALYTICS)), scan("""
            (function (u, c, a, m, o, l) {
              o = 'script'; l = document; a = l.createElement(o); m = l.getElementsByTagName(o)[0];
              a.async = 1; a.src = u; a.onload = c; m.parentNode.insertBefore(a, m);
            })('https://analytics-js-cdn.liferay.com', function () {
              Analytics.create({channelId: '43211', dataSourceId: '43101',
                endpointUrl: 'https://osbasahpublisher-ac-europewest3.lfr.cloud', projectId: 'asah1a2b3c'});
              Analytics.send('pageViewed', 'Page');
            });"""));
        // recent DXP: the script that defines the CDN URL, and the one that calls it with the config
        assertEquals(Set.of("liferay-analytics-cloud"), ids("""
            function getAnalyticsSDKVersion() {
              switch ('') {
                case 'DEV': { return 'https://analytics-js-dev-cdn.liferay.com'; }
                default: { return 'https://analytics-js-cdn.liferay.com'; }
              }
            }"""));
        assertEquals(Set.of("liferay-analytics-cloud"), ids("""
            (function (u, c) { /* … */ })(getAnalyticsSDKVersion(), () => {
              var config = {"dataSourceId":"43101","endpointUrl":"https:\\/\\/osbasahpublisher-ac-uswest1.lfr.cloud","projectId":"asah1a2b3c"};
              Analytics.create(config, [dxpMiddleware]);
            });"""));
        // the config alone, at a region the catalog does not list, still has the client's start call
        assertEquals(Set.of("liferay-analytics-cloud"), ids(
            "var config = {\"endpointUrl\":\"https://osbasahpublisher-ac-asiasouth9.lfr.cloud\"}; window.Analytics.create(config);"));
        // not Analytics Cloud: the console, the docs, customers' own Liferay Cloud sites, other Analytics objects
        assertEquals(Set.of(), ids("var links = ['https://analytics.liferay.com/', 'https://learn.liferay.com/w/analytics-cloud', "
                + "'https://webserver-northwind-prd.lfr.cloud/web/guest/home', 'https://www.liferay.com/'];"));
        assertEquals(Set.of(), ids("if (window.Analytics) { Analytics.track('Appointment Booked', {clinic: 'north'}); }"));
        assertEquals(Set.of(), ids("var GoogleAnalytics = {create: function () {}}; GoogleAnalytics.create(1); myAnalytics.create(2);"));
    }

    @Test
    void findsBloomreachEngagementOnItsOwnHostsAndOnACustomTrackingDomain() {
        String snippet = """
            !function(e,n,t,i,r,o){function s(e){/* … */}r.target=r.target||"https://api.exponea.com",
            r.file_path=r.file_path||r.target+"/js/exponea.min.js",o[n]=p(["anonymize","initialize","identify","track"])
            }(document,"exponea","script","webxpClient",window,{
              target: "https://engage.shop.example",
              token: "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
              track: { visits: true }
            });
            exponea.start();""";
        assertEquals(Map.of("bloomreach-engagement", EnumSet.of(Category.MARKETING)), scan(snippet));
        assertEquals(Set.of("bloomreach-engagement"), ids(snippet.replace("\"https://api.exponea.com\"", "\"\"")
                .replace("/js/exponea.min.js", "/js/brweb.min.js")));
        assertEquals(Set.of("bloomreach-engagement"), ids("exponea.start({ webLayers: true });"));
        assertEquals(Set.of(), ids("var links = ['https://www.bloomreach.com/', 'https://documentation.bloomreach.com/engagement/'];"
                + " var exponeaStart = 1; myexponea.start(2);"));
        assertEquals(Set.of(), ids("var u = 'https://api.exponea.com.example.org/js/exponea.min.jsx';"));
    }

    @Test
    void findsTheAdobeShapesAemPagesPrint() {
        // the Tags (Launch) embed, as AEM's cloud configuration writes it
        assertEquals(Set.of("adobe-launch"), ids("var s = document.createElement('script'); s.async = true;"
                + " s.src = 'https://assets.adobedtm.com/7f3e2a9c41d0/5b8c0d2e9a11/launch-1d4e7c9b2f60.min.js';"));
        // Web SDK: prehiding snippet, base code, configure with a first-party edge domain, and events
        Map<String, Set<Category>> webSdk = Map.of("adobe-web-sdk", EnumSet.of(Category.ANALYTICS, Category.MARKETING));
        assertEquals(webSdk, scan("""
            !function(e,a,n,t){var i=e.head;if(i){if(a)return;var o=e.createElement("style");
            o.id="alloy-prehiding",o.innerText=n,i.appendChild(o),setTimeout(function(){o.parentNode&&o.parentNode.removeChild(o)},t)}}
            (document,document.location.href.indexOf("adobe_authoring_enabled")!==-1,".personalization-container{opacity:0!important}",3000);"""));
        assertEquals(webSdk, scan("""
            !function(n,o){o.forEach(function(o){n[o]||((n.__alloyNS=n.__alloyNS||[]).push(o),n[o]=function(){
            var u=arguments;return new Promise(function(i,l){n[o].q.push([i,l,u])})},n[o].q=[])})}(window,["alloy"]);"""));
        assertEquals(webSdk, scan("alloy(\"configure\", { datastreamId: \"0f1e2d3c\", orgId: \"53A16ACB5CC1D3760A495C99@AdobeOrg\","
                + " edgeDomain: \"data.shop.example\" });"));
        assertEquals(Map.of(), scan("window.alloy('sendEvent', { renderDecisions: true, xdm: { eventType: 'web.webpagedetails.pageViews' } });"));
        // a host literal also names the entries of its parent domains (adobedc.net is Adobe Analytics' collection
        // domain); the categories add up, so the more specific entry still decides what is needed
        assertEquals(Set.of("adobe-analytics", "adobe-web-sdk"), ids("fetch('https://edge.adobedc.net/ee/v2/interact?configId=' + cfg);"));
        // AppMeasurement page code and the ID service
        assertEquals(Set.of("adobe-analytics"), ids("var s_code=s.t();if(s_code)document.write(s_code)//"));
        assertEquals(Set.of("adobe-analytics"), ids("s.pageName = 'home';\nvar s_code = s.t(); if (s_code) { document.write(s_code); }"));
        assertEquals(Set.of("adobe-analytics", "adobe-audience-manager"), ids("""
            var visitor = Visitor.getInstance("53A16ACB5CC1D3760A495C99@AdobeOrg", { trackingServer: "metrics.shop.example" });
            var s = s_gi("nwoprod"); s.visitor = visitor;"""));
        assertEquals(Set.of("adobe-analytics"), ids("assetAnalytics.attrTrackable = 'trackable';\n"
                + "assetAnalytics.dispatcher.init(\"nwoprod\", \"metrics.shop.example\", \"list1\", \"eVar3\", \"event8\", \"event7\");"));
        // Target: the AEM order mbox, at.js 2 calls, the pre-hiding snippet
        Map<String, Set<Category>> target = Map.of("adobe-target", EnumSet.of(Category.ANALYTICS));
        assertEquals(target, scan("mboxCreate('orderConfirmPage', 'productPurchasedId=47638-S', 'orderId=d03c', 'orderTotal=US$77.00');"));
        assertEquals(Map.of(), scan("adobe.target.getOffer({ mbox: 'hero', success: function (o) { adobe.target.applyOffer({ mbox: 'hero', offer: o }); } });"));
        assertEquals(target, scan(";(function (win, doc, style, timeout) { var STYLE_ID = 'at-body-style'; /* … */ }"
                + "(window, document, 'body {opacity: 0 !important}', 3000));"));
        assertEquals(Set.of("adobe-analytics", "adobe-target"), ids("var u = 'https://northwind.tt.omtrdc.net/rest/v1/delivery';"));
    }

    @Test
    void aemDataAndSettingsScriptsAreNotAdobeTrackers() {
        assertEquals(Set.of(), ids("""
            window.adobeDataLayer = window.adobeDataLayer || [];
            adobeDataLayer.push({ page: { 'page-3a1b': { '@type': 'northwind/components/page', 'dc:title': 'Trail running' } } });"""));
        assertEquals(Set.of(), ids("if (!window.CQ_Analytics) { window.CQ_Analytics = {}; }\n"
                + "if (!CQ_Analytics.TestTarget) { CQ_Analytics.TestTarget = {}; }\nCQ_Analytics.TestTarget.clientCode = 'northwind';"));
        assertEquals(Set.of(), ids("$CQ(function () { if (CQ_Analytics && CQ_Analytics.ClientContextMgr && "
                + "!CQ_Analytics.ClientContextMgr.isConfigLoaded) { $CQ('#cq-analytics-texthint').show(); } });"));
        // a consent command loads nothing; bare s.t() and alloy() calls are common minified names
        assertEquals(Set.of(), ids("alloy(\"setConsent\", { consent: [{ standard: \"Adobe\", version: \"2.0\" }] });"));
        assertEquals(Set.of(), ids("var s = {t: function () { return 1; }}; s.t(); function alloy(m) { return m; } alloy(1);"));
        assertEquals(Set.of(), ids("var s_codes = x.t(); var my_s_code=s.t; function targetPageParams() { return {a: 1}; }"));
        assertEquals(Set.of(), ids("var u = ['https://business.adobe.com/products/target/adobe-target.html', "
                + "'https://experienceleague.adobe.com/en/docs/experience-platform/web-sdk/home'];"));
        assertEquals(Set.of(), ids("var u = 'https://northwind.tt.omtrdc.net.example.org/rest/v1/delivery';"));
    }

    @Test
    void findsTheSapCommerceProfileTagQueue() {
        assertEquals(Map.of("sap-commerce-profile-tag", EnumSet.of(Category.MARKETING)),
                scan("window.Y_TRACKING = window.Y_TRACKING || [];\nY_TRACKING.push({ event: 'Navigated' });"));
        assertEquals(Set.of("sap-commerce-profile-tag"),
                ids("var t = document.createElement('script'); t.src = 'https://tag.static.eu.context.cloud.sap/js/profile-tag.js';"));
        assertEquals(Set.of(), ids("fetch('https://api.us.context.cloud.sap/strategy/acme/strategies/1/products');"));
    }

    @Test
    void findsTheClarityLoaderEvenWithAConcatenatedUrl() {
        String clarity = "(function(c,l,a,r,i,t,y){c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};"
                + "t=l.createElement(r);t.async=1;t.src=\"https://www.\"+\"clarity.ms/tag/\"+i;"
                + "})(window, document, 'clarity', 'script', 'abcdef1234');";
        assertEquals(Set.of("microsoft-clarity"), ids(clarity.replace("clarity.ms", "cla\"+\"rity.ms")));
    }

    @Test
    void requiresCallBoundariesAroundShortSignatures() {
        assertEquals(Set.of(), ids("function gym(x){return x} gym(1); const rhym = 'a'; myfbq(1); var _paqx = 1;"));
        assertEquals(Set.of("yandex-metrica"), ids("window.ym(12345678, 'reachGoal', 'x')"));
        assertEquals(Set.of("yandex-metrica"), ids("ym(87654321,'hit')"));
    }

    @Test
    void aMinifiedFunctionNamedHjIsNotHotjar() {
        // minifiers name functions with two letters; Hotjar's own calls pass a command string first
        assertEquals(Set.of(), ids("!function(){function e(t){return t*2}function hj(n,r){return n.map(function(o)"
                + "{return e(o)+r})}document.getElementById(\"out\").textContent=hj([1,2],3).join(\",\")}();"));
        assertEquals(Set.of("hotjar"), ids("(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[])"
                + ".push(arguments)};h._hjSettings={hjid:1234567,hjsv:6};})(window,document);"));
    }

    @Test
    void anNpmClientImportedFromACdnIsNamedByItsStartCall() {
        assertEquals(Set.of("microsoft-clarity"), ids("import Clarity from 'https://esm.sh/@microsoft/clarity@1.0.0';\n"
                + "Clarity.init('k1abcdefgh');"));
        assertEquals(Set.of("hotjar"), ids("import Hotjar from \"https://esm.sh/@hotjar/browser\";\n"
                + "Hotjar.init(3456789, 6);"));
        assertEquals(Set.of("fathom"), ids("import * as Fathom from 'https://cdn.jsdelivr.net/npm/fathom-client/+esm';\n"
                + "Fathom.load('ABCDEFGH', { auto: true });"));
        assertTrue(ids("import ReactGA from 'https://esm.sh/react-ga4';\nReactGA.initialize(measurementId);")
                .contains("google-analytics"));
        // a site's own object of another name, or a method of that name elsewhere, is not the client
        assertEquals(Set.of(), ids("MyClarity.init(opts); settings.Hotjar = false; fathomLoad(); gaReact.initialize();"));
    }

    @Test
    void aMinifiedFunctionNamedYmIsNotYandexMetrica() {
        // Metrica's calls pass the counter number first: ym(12345678, 'reachGoal', …)
        assertEquals(Set.of(), ids("!function(){var t=[3,4];function ym(e,n){return e.map(function(r){return r*n})}"
                + "document.getElementById(\"out\").textContent=ym(t,2).join(\",\")}();"));
        assertEquals(Set.of("yandex-metrica"), ids("btn.onclick=function(){ym(98765432,'reachGoal','order')}"));
        // nor is a site's own helper named ym whose first argument is a number: Metrica's name a method next
        assertEquals(Set.of(), ids("""
              function ym(y, m) { return y + "-" + String(m).padStart(2, "0"); }
              document.getElementById("archive").textContent = ym(2024, 3);"""));
        assertEquals(Set.of(), ids("for (var i = 0; i < 3; i++) { months.push(ym(1 + i, 1)); } ym(2024,3); ym(7)"));
        assertEquals(Set.of("yandex-metrica"), ids("ym(12345678, \"init\", {clickmap: true});"));
        assertEquals(Set.of("yandex-metrica"), ids("ym(12345678 ,\n    `hit`, location.href);"));
        // a year and a month's name is the site's own too: a counter number is longer than a year
        assertEquals(Set.of(), ids("function ym(year, monthName) { return monthName + ' ' + year; }\n"
                + "label.textContent = ym(2024, 'March'); other.textContent = ym( 2025 , \"May\");"));
        assertEquals(Set.of("yandex-metrica"), ids("ym(54321, 'init', {webvisor: true});"));
    }

    @Test
    void aGoalCallOnAnOldMetricaCounterIsNoLoader() {
        // the counter object the old snippet created is called from the site's own handlers, as fbq('track', …) is
        assertEquals(Set.of(), ids("$('#order').on('submit', function () { yaCounter26412345.reachGoal('ORDER'); "
                + "return checkout.validate(this); });"));
        assertEquals(Set.of(), ids("if (window.yaCounter26412345) { yaCounter26412345.hit(location.href); }"));
        assertEquals(Set.of(), ids("function goal(name) { var c = window['yaCounter' + METRIKA_ID]; "
                + "if (c) { c.reachGoal(name); } }"));
        assertEquals(Set.of(), ids("var counter = window[\"yaCounter\" + cfg.metrika]; counter && counter.reachGoal('x');"));
        // the old snippet itself, also loading watch.js from a mirror no host rule names
        assertEquals(Set.of("yandex-metrica"), ids("""
                (function (d, w, c) {
                    (w[c] = w[c] || []).push(function() {
                        try { w.yaCounter26412345 = new Ya.Metrika({ id:26412345, clickmap:true, webvisor:true }); }
                        catch(e) { }
                    });
                    var n = d.getElementsByTagName("script")[0], s = d.createElement("script");
                    s.async = true; s.src = "/vendor/metrika/watch.js";
                    n.parentNode.insertBefore(s, n);
                })(document, window, "yandex_metrika_callbacks");"""));
        assertEquals(Set.of("yandex-metrica"), ids("try{window.yaCounter3141592=new Ya.Metrika2({id:3141592,"
                + "trackLinks:true})}catch(e){}"));
    }

    @Test
    void findsEscapedHostLiterals() {
        assertEquals(Set.of("google-tag"), ids("{\"src\":\"https:\\/\\/www.googletagmanager.com\\/gtag\\/js\"}"));
        assertEquals(Set.of("google-tag"), ids("var u = \"https:\\u002F\\u002Fwww.googletagmanager.com\\u002Fgtm.js\";"));
        assertEquals(Set.of("google-tag"), ids("var u = 'https:\\x2F\\x2Fwww.googletagmanager.com';"));
        assertEquals(Set.of("meta-pixel"), ids("s.src = '//connect.facebook.net/de_DE/fbevents.js';"));
        assertEquals(Set.of("google-analytics"), ids("el.src = \"https://\" + \"www.google-analytics.com/analytics.js\";"));
        assertEquals(Set.of("google-analytics"), ids("img.src='https://REGION1.Google-Analytics.COM/g/collect';"));
        assertEquals(Set.of("meta-pixel"), ids("{\"pixel\":\"https:\\/\\/www.facebook.com\\/tr?id=1&ev=PageView\"}"));
        assertEquals(Set.of("meta-pixel"), ids("x = 'https%3A%2F%2Fwww.facebook.com%2Ftr%3Fid%3D1'"));
        assertEquals(Set.of("meta-pixel"), ids("x = 'https:\\u002F\\u002Fwww.facebook.com\\u002Ftr?id=1'"));
    }

    @Test
    void ignoresLookAlikeHostsAndPlainMentions() {
        assertEquals(Set.of(), ids("var u = 'https://googletagmanager.com.example.org/gtm.js';"));
        assertEquals(Set.of(), ids("var u = 'https://notgoogle-analytics.com/x';"));
        assertEquals(Set.of(), ids("var u = 'https://mygoogletagmanager.com/x';"));
        assertEquals(Set.of(), ids("var u = 'https://google-analytics.community/x';"));
        assertEquals(Set.of(), ids("Follow us on facebook.com and twitter.com/acme for news."));
        assertEquals(Set.of(), ids("x = 'https://www.facebook.com/trending'"));
        assertEquals(Set.of(), ids("x = 'https://s.pinimg.com/images/pin.png'"));
    }

    @Test
    void ignoresHostNamesInProse() {
        // page state with a privacy notice, as SSR frameworks inline it; a host after white space is text, not a URL
        assertEquals(Set.of(), ids("window.__STATE__={page:{body:\"This site uses Google Analytics. Your browser then "
                + "connects to www.google-analytics.com and\\ngoogletagmanager.com; requests to\twww.facebook.com/tr "
                + "carry a pixel id.\"}};"));
        assertEquals(Set.of(), ids("// the tag manager loads static.hotjar.com when allowed\ninit();"));
        // in parentheses, or as the text of an element inlined as HTML in a string
        assertEquals(Set.of(), ids("window.__STATE__={\"page\":{\"body\":\"<p>Data is sent to "
                + "<code>www.google-analytics.com</code></p>\",\"provider\":\"Google Analytics "
                + "(google-analytics.com)\"}};"));
        assertEquals(Set.of(), ids("self.__next_f.push([1,\"with Meta (connect.facebook.net) and Google.\"])"));
        // the URL forms still count
        assertEquals(Set.of("google-analytics"), ids("s.src = 'www.google-analytics.com/analytics.js'.replace(/^/, '//')"));
        assertEquals(Set.of("google-analytics"), ids("u = \"https://\" + \"www.google-analytics.com/g/collect\""));
        assertEquals(Set.of("hotjar"), ids("var hosts = ['static.hotjar.com'];"));
        assertEquals(Set.of("hotjar"), ids("var h = cdn || \"static.hotjar.com\"; load(h);"));
        assertEquals(Set.of("hotjar"), ids("s.src = 'https://' + 'static.hotjar.com' + '/c/hotjar-' + id + '.js';"));
        assertEquals(Set.of("hotjar"), ids("var hotjar = {host: 'static.hotjar.com' + '', id: 1};"));
        // a line comment is no code: a loader a theme left commented out loads nothing
        assertEquals(Set.of(), ids("initMenu();\n  // s.src = \"https://connect.facebook.net/en_US/fbevents.js\";\n"
                + "\t// fbq('init', '123'); gtag('config', 'G-ABC123');\r\n//static.hotjar.com/c/hotjar-1.js\ninitSlider();"));
        assertEquals(Set.of("meta-pixel"), ids("// Meta pixel\nfbq('init', '123'); // https://connect.facebook.net/"));
        assertEquals(Set.of("hotjar"), ids("x(); // start\ns.src = '//static.hotjar.com/c/hotjar-' + id + '.js';"));
        // U+2028 and U+2029 end a line, and a line comment, in JavaScript too
        assertEquals(Set.of("meta-pixel"), ids("// loads the pixel\u2028var s=document.createElement('script');"
                + "s.src='https://connect.facebook.net/en_US/fbevents.js';"));
        assertEquals(Set.of("hotjar"), ids("// recorder\u2029s.src = '//static.hotjar.com/c/hotjar-' + id + '.js';"));
        // and so is a block comment that opens a line: an old snippet wrapped in /* */
        assertEquals(Set.of(), ids("initMenu();\n/*\n  Replaced in 2024:\n  var s = document.createElement('script');\n"
                + "  s.src = 'https://connect.facebook.net/en_US/fbevents.js'; fbq('init', '123');\n*/\ninitSlider();"));
        assertEquals(Set.of(), ids("  /* gtag('config', 'G-ABC123'); */ initSlider();"));
        // but not code after a comment that closed, a comment opened after code, or a JSDoc block before a loader
        assertEquals(Set.of("google-tag"), ids("/* <![CDATA[ */\n(function(w,d,s,l,i){w[l].push({'gtm.start':"
                + "new Date().getTime()});j.src='https://www.googletagmanager.com/gtm.js?id='+i;})(window,document,"
                + "'script','dataLayer','GTM-1');\n/* ]]> */"));
        assertEquals(Set.of("meta-pixel"), ids("x(); /* note\n*/ fbq('init', '123');"));
        assertEquals(Set.of("hotjar"), ids("/** Loads the recorder. */\nfunction rec() { s.src = '//static.hotjar.com/c/"
                + "hotjar-' + id + '.js'; }"));
        assertEquals(Set.of("meta-pixel"), ids("var glob = '/*'; fbq('init', '123');"));
        assertEquals(Set.of("meta-pixel"), ids("var skip = `\n/*.map`.split('\\n');\nfbq('init', '123');"));
        // a whole host as a property's value or an operand of a comparison is data, and so in a string in a string
        assertEquals(Set.of(), ids("rows = [{name: '_hjid', host: 'static.hotjar.com'}, {\"host\" :\"www.google-analytics.com\"}];"));
        assertEquals(Set.of(), ids("if (u.hostname === 'static.hotjar.com' || u.host != \"connect.facebook.net\") {}"));
        assertEquals(Set.of(), ids("push([1,\"{\\\"children\\\":\\\"static.hotjar.com\\\"}\"])"));
        assertEquals(Set.of("meta-pixel"), ids("i.src=\"  https://www.facebook.com/tr?id=1\";"));
    }

    @Test
    void aWholeHostSearchedForInAStringIsData() {
        // an error reporter that skips errors from third-party scripts, a home-made blocker: they look for the host
        assertEquals(Set.of(), ids("window.addEventListener('error', function (e) { if (e.filename && "
                + "e.filename.indexOf('www.googletagmanager.com') !== -1) { return; } report(e); });"));
        assertEquals(Set.of(), ids("const thirdParty = (src) => src.includes(\"connect.facebook.net\") "
                + "|| src.startsWith( 'https://static.hotjar.com' ) || src.lastIndexOf(`www.google-analytics.com`) > 0;"));
        // a loader that checks for its own script first still names its URL
        assertEquals(Set.of("meta-pixel"), ids("if (s.src.indexOf('connect.facebook.net') < 0) { s.src = "
                + "'https://connect.facebook.net/en_US/fbevents.js'; }"));
        // a host passed to anything else is still read as something a loader may fetch from
        assertEquals(Set.of("hotjar"), ids("load('static.hotjar.com');"));
        assertEquals(Set.of("hotjar"), ids("x.myindexOf('static.hotjar.com');"));
    }

    @Test
    void aWholeHostInEitherBranchOfAConditionalIsALoadersUrl() {
        // a loader that picks its host by the page's protocol fetches from the one after ':' on an http page
        assertEquals(Set.of("capterra-tracking"), ids("var p = (('https:' == document.location.protocol) ? "
                + "'https://ct.capterra.com' : 'http://ct.capterra.com');"));
        assertEquals(Set.of("capterra-tracking"), ids("var p = location.protocol === 'https:' ? base : "
                + "\"http://ct.capterra.com\";"));
        assertEquals(Set.of("capterra-tracking"), ids("cfg={secure:!0},host=cfg.secure?(x(),'https://a.example')"
                + ":'http://ct.capterra.com';"));
        // also where a formatter broke the conditional before its ':'
        assertEquals(Set.of("capterra-tracking"), ids("const prefix = secure\n  ? '/local'\n"
                + "  : 'https://ct.capterra.com';"));
        // a property's value stays data, also beside a conditional, optional chaining or '??' in the same object
        assertEquals(Set.of(), ids("rows = [{secure: a ? 1 : 0, host: 'ct.capterra.com'}];"));
        assertEquals(Set.of(), ids("rows = {n: a?.b ?? 'x', host: 'ct.capterra.com'};"));
        assertEquals(Set.of(), ids("rows = {\n  host: 'ct.capterra.com'\n};"));
    }

    @Test
    void aWholeHostListedAsAPropertysValueIsData() {
        // an error monitor told to ignore errors from third-party scripts, by their hosts
        assertEquals(Set.of(), ids("Sentry.init({ dsn: 'https://k@o1.ingest.sentry.io/1', denyUrls: "
                + "['connect.facebook.net', \"www.googletagmanager.com\",\n  'static.hotjar.com'], tracesSampleRate: 0.1 });"));
        assertEquals(Set.of(), ids("Rollbar.init({ accessToken: 't', hostSafeList: [ 'shop.example' ], "
                + "hostBlockList: [ 'https://www.google-analytics.com', 'bat.bing.com' ] });"));
        // patterns may stand among the hosts (a browser extension's scripts, a path)
        assertEquals(Set.of(), ids("Sentry.init({ denyUrls: [/extensions\\//i, /^chrome:\\/\\//i, "
                + "'connect.facebook.net', /graph\\.facebook\\.com/i, \"static.hotjar.com\"] });"));
        // listed anywhere else, or with a path, or in a list with something else before it, it still counts
        assertEquals(Set.of("hotjar"), ids("load({ urls: [a / b, 'static.hotjar.com'] });"));
        assertEquals(Set.of("hotjar"), ids("load({ urls: [x(/y/), 'static.hotjar.com'] });"));
        assertEquals(Set.of("hotjar"), ids("['static.hotjar.com'].forEach(function (h) { add(h); });"));
        assertEquals(Set.of("hotjar"), ids("var hosts = ['cdn.example', 'static.hotjar.com'];"));
        assertEquals(Set.of("hotjar"), ids("load({ urls: [f('x'), 'static.hotjar.com'] });"));
        assertEquals(Set.of("meta-pixel"), ids("cfg = { scripts: ['https://connect.facebook.net/en_US/fbevents.js'] };"));
    }

    @Test
    void ignoresTrackerUrlsInTextButNotUrlsThatLoad() {
        // a URL with no path before ")", white space, "," or ";", or a URL after ">" or after a word and white space,
        // is text (a privacy notice, a CSP copy, a post quoting a snippet in page state)
        assertEquals(Set.of(), ids("i18n={privacy:\"Google Analytics (https://www.google-analytics.com) and "
                + "Meta (//connect.facebook.net).\"}"));
        assertEquals(Set.of(), ids("csp=\"script-src https://www.googletagmanager.com https://connect.facebook.net; "
                + "img-src https://www.google-analytics.com, 'self'\""));
        assertEquals(Set.of(), ids("state={body:\"<p><code>https://connect.facebook.net/en_US/fbevents.js</code> "
                + "or: https://www.googletagmanager.com/gtag/js?id=G-XXXX, then see\\n //static.hotjar.com/c/x\"}"));
        assertEquals(Set.of(), ids("doc={html:\"<pre>/gtm.js?id=GTM-XXXX</pre>\"}"));
        // a URL a browser or a loader still fetches counts
        assertEquals(Set.of("google-analytics"), ids("s.src='https://www.google-analytics.com'+'/analytics.js'"));
        assertEquals(Set.of("google-analytics"), ids("l.href=\"https://www.google-analytics.com\""));
        assertEquals(Set.of("google-analytics"), ids("s.src='https://www.google-analytics.com./analytics.js'"));
        assertEquals(Set.of("meta-pixel"), ids("img.srcset = '/a.png 1x, https://www.facebook.com/tr?id=1 2x';"));
        assertEquals(Set.of("meta-pixel"), ids("el.style.background = 'url( https://www.facebook.com/tr?id=1)';"));
        assertEquals(Set.of("meta-pixel"), ids("el.innerHTML = '<img src= https://www.facebook.com/tr?id=1>';"));
        assertEquals(Set.of("google-tag"), ids("j.src='https://sgtm.shop.example/gtm.js?id='+i;"));
        assertEquals(Set.of("google-tag"), ids("j.src = `\n  https://www.googletagmanager.com/gtm.js?id=${i}`;"));
    }

    @Test
    void markdownAndEscapedLineBreaksBeforeATrackerUrlAreText() {
        // page state that carries Markdown or plain text: a link target after "](", a table cell after "| ", and a
        // URL that starts a line of the string (after an escaped line break or tab)
        String fbevents = "https://connect.facebook.net/en_US/fbevents.js";
        assertEquals(Set.of(), ids("window.__NUXT__={data:{post:{markdown:\"Load [fbevents.js](" + fbevents
                + ") in the head.\"}}};"));
        assertEquals(Set.of(), ids("window.__NUXT__={data:{post:{markdown:\"| Cookie | Source |\\n|---|---|\\n"
                + "| _fbp | " + fbevents + " |\"}}};"));
        assertEquals(Set.of(), ids("window.__STATE__={policy:\"Loaded from:\\n" + fbevents + "\"};"));
        assertEquals(Set.of(), ids("window.__STATE__={policy:\"Hosts:\\r\\n//connect.facebook.net/en_US/fbevents.js"
                + "\\twww.googletagmanager.com/gtm.js\"};"));
        assertEquals(Set.of(), ids("self.__next_f.push([1,\"Loaded from:\\\\n" + fbevents + "\"])"));
        assertEquals(Set.of(), ids("md = \"See [the loader](//static.hotjar.com/c/hotjar-1.js).\";"));
        // loaders keep counting: quoted, in url(), in JSON with escaped slashes, concatenated, in a call or an array
        assertEquals(Set.of("meta-pixel"), ids("s.src=\"" + fbevents + "\";"));
        assertEquals(Set.of("meta-pixel"), ids("load('" + fbevents + "');"));
        assertEquals(Set.of("meta-pixel"), ids("loadAll(['/js/app.js', '" + fbevents + "']);"));
        assertEquals(Set.of("meta-pixel"), ids("el.style.background = 'url(https://www.facebook.com/tr?id=1)';"));
        assertEquals(Set.of("meta-pixel"), ids("var cfg = {\"src\":\"https:\\/\\/connect.facebook.net\\/en_US"
                + "\\/fbevents.js\"}; inject(cfg.src);"));
        assertEquals(Set.of("meta-pixel"), ids("s.src = 'https://' + 'connect.facebook.net/en_US/fbevents.js';"));
        assertEquals(Set.of("meta-pixel"), ids("!function(f,b,e,v){}(window,document,'script',\n'" + fbevents
                + "');"));
        assertEquals(Set.of("meta-pixel"), ids("if (a || b) { s.src = '" + fbevents + "'; }"));
    }

    @Test
    void ignoresJsonLdSameAsLinks() {
        String jsonLd = """
            {"@context":"https://schema.org","@type":"Organization","name":"Acme",
             "url":"https://acme.example","logo":"https://acme.example/logo.png",
             "sameAs":["https://www.facebook.com/acme","https://twitter.com/acme",
                       "https://www.linkedin.com/company/acme","https://www.instagram.com/acme",
                       "https://www.youtube.com/@acme","https://x.com/acme"]}""";
        assertEquals(Set.of(), ids(jsonLd));
    }

    @Test
    void ordinaryApplicationScriptsAreNotTrackers() {
        List<String> scripts = List.of(
            """
            document.documentElement.classList.toggle('dark', localStorage.getItem('theme') === 'dark');""",
            """
            window.__NEXT_DATA__ = {"props":{"pageProps":{"product":{"name":"Gym bag","amplitude":0.5,
              "description":"For clarity (and comfort) this gym bag has pockets.","tags":["gym","sport"]}}},
              "page":"/p/[slug]","buildId":"a1b2c3","isFallback":false};""",
            """
            $(function () { var _tfa = user.twoFactor; if (_tfa) { $('#otp').show(); } gym(1); });
            function gym(n) { return n * 2; } const rhythm = (x) => x; rhythm(3);""",
            """
            {"@context":"https://schema.org","@type":"Product","name":"Blue shirt",
             "offers":{"@type":"Offer","price":"19.90","priceCurrency":"EUR",
             "url":"https://shop.example/p/blue-shirt"},"brand":{"@type":"Brand","name":"Acme"}}""",
            """
            var analyticsConsent = document.cookie.indexOf('consent=analytics') >= 0;
            var cfg = { services: ['google-analytics', 'facebook-pixel', 'hotjar'], privacy: '/privacy' };""",
            """
            // Track form errors locally (no third party).
            function trackError(field) { errors.push({ field: field, at: Date.now() }); }
            form.addEventListener('submit', function () { trackError('email'); });""",
            """
            window.addEventListener('load', function () {
              var map = L.map('map').setView([52.52, 13.405], 13);
              L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png').addTo(map);
            });""");
        for (String script : scripts) {
            assertEquals(Set.of(), ids(script), script);
        }
    }

    @Test
    void signaturesAreCaseSensitive() {
        assertEquals(Set.of(), ids("FBQ('init', 1); GTM.START = 1; MIXPANEL.INIT(1)"));
    }

    @Test
    void reportsEachTrackerOnceInCatalogOrder() {
        String both = "fbq('init','1'); gtag('config','G-A1'); fbq('track','Lead'); "
                + "s='https://connect.facebook.net/en_US/fbevents.js'";
        List<TrackerMatch> got = matches(both);
        assertEquals(List.of("google-tag", "meta-pixel"), got.stream().map(m -> m.tracker().id()).toList());
    }

    @Test
    void scansOnlyTheGivenRange() {
        byte[] b = "xxfbq('init','1')yy".getBytes(StandardCharsets.US_ASCII);
        assertEquals(1, CATALOG.matchScript(b, 2, b.length - 4).size());
        assertEquals(0, CATALOG.matchScript(b, 3, b.length - 5).size());
        byte[] g = "agym(12345678,'hit')".getBytes(StandardCharsets.US_ASCII);
        // The byte before the range still counts as "outside": a range starting at "ym(" matches.
        assertEquals(1, CATALOG.matchScript(g, 2, g.length - 2).size());
    }

    @Test
    void returnsASharedEmptyListWhenNothingMatches() {
        byte[] b = "console.log('hello');".getBytes(StandardCharsets.US_ASCII);
        assertSame(CATALOG.matchScript(b, 0, b.length), CATALOG.matchScript(b, 0, 0));
        assertTrue(CATALOG.matchScript(b, 0, b.length).isEmpty());
    }

    @Test
    void scansALargeInlineJsonBlob() {
        StringBuilder sb = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 4000; i++) {
            sb.append("{\"id\":").append(i).append(",\"name\":\"Product ").append(i)
                    .append("\",\"url\":\"https:\\/\\/shop.example\\/p\\/").append(i).append("\"},");
        }
        sb.append("{\"pixel\":\"https:\\/\\/bat.bing.com\\/action\\/0\"}]}");
        assertTrue(sb.length() > 200_000);
        assertEquals(Set.of("bing-uet"), ids(sb.toString()));
    }

    private static List<TrackerMatch> matches(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return CATALOG.matchScript(b, 0, b.length);
    }
}
