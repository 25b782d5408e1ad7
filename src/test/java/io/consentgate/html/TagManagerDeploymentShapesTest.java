package io.consentgate.html;

import static io.consentgate.html.PageFrame.assertRewritten;
import static io.consentgate.html.PageFrame.rewrite;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tag managers and first-party tracking as sites deploy them: the container's loader beside a data layer the site's
 * own code reads, loaders built by concatenation, copies served from the site's own host or a tagging subdomain.
 * With the tracker refused its loader goes and the site's own scripts stay; with everything allowed the page is
 * unchanged.
 */
class TagManagerDeploymentShapesTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ANALYTICS_ONLY = ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(),
        ConsentMode.OPT_IN);
    private static final ConsentDecision MARKETING_ONLY = ConsentDecision.of(Set.of(Category.MARKETING), Map.of(),
        ConsentMode.OPT_IN);
    private static final ConsentDecision ALL = ConsentDecision.of(
        Set.of(Category.FUNCTIONAL, Category.ANALYTICS, Category.MARKETING), Map.of(), ConsentMode.OPT_IN);

    @Test
    void tealiumLoaderGoesAndTheUtagDataTheSiteReadsStays() {
        String data = """
            <script type="text/javascript">
              var utag_data = {
                site_section : "shoes",
                page_type    : "product",
                product_id   : ["SKU-4412"]
              };
            </script>""";
        String loader = """
            <script type="text/javascript">
              (function (acct, profile, env) {
                var el = document.createElement('script');
                el.src = '//tags.tiqcdn.com/utag/' + acct + '/' + profile + '/' + env + '/utag.js';
                el.type = 'text/javascript';
                el.async = true;
                var first = document.getElementsByTagName('script')[0];
                first.parentNode.insertBefore(el, first);
              })('northwind', 'main', 'prod');
            </script>""";
        String sync = "<script src=\"https://tags.tiqcdn.com/utag/northwind/main/prod/utag.sync.js\"></script>";
        String gallery = "<script src=\"/js/product-gallery.js\"></script>";
        String reader = "<script>if (window.utag_data) { gallery.init(utag_data.product_id[0]); }</script>";
        String view = "<script>document.addEventListener('route', function (e) {"
            + " if (window.utag) { utag.view({page_type: e.detail.type}); } });</script>";
        String page = "<head>" + sync + data + "</head><body>" + loader + gallery + reader + view + "</body>";
        for (ConsentDecision d : List.of(NONE, ANALYTICS_ONLY, MARKETING_ONLY)) {
            assertRewritten(page, d, List.of(loader, sync), List.of(data, gallery, reader, view));
        }
    }

    @Test
    void selfHostedTealiumCopiesGo() {
        String min = "<script type=\"text/javascript\">!function(doc,tag){var el=doc.createElement(tag),"
            + "first=doc.getElementsByTagName(tag)[0];el.async=!0;el.src='/static/tealium/prod/utag.js';"
            + "first.parentNode.insertBefore(el,first)}(document,'script');</script>";
        String src = "<script src=\"https://assets.northwind.example/tealium/utag.js?v=202411\" async></script>";
        String sync = "<script src='/content/dam/northwind/tealium/utag.sync.js'></script>";
        String data = "<script>var utag_data = {\"page_name\":\"home\",\"country\":\"de\"};</script>";
        String page = data + sync + min + src + "<p>home</p>";
        assertRewritten(page, NONE, List.of(min, src, sync), List.of(data, "<p>home</p>"));
    }

    @Test
    void tealiumLoaderWithItsFileNameInAStringOfItsOwnGoes() {
        String loader = """
            <script>
              (function () {
                var base = '/assets/tiq/' + (location.hostname === 'www.northwind.example' ? 'prod' : 'qa') + '/';
                var s = document.createElement('script');
                s.src = base + 'utag.js';
                s.async = true;
                document.head.appendChild(s);
              })();
            </script>""";
        String data = "<script>window.utag_data = window.utag_data || {}; utag_data.login = 'guest';</script>";
        assertRewritten(data + loader, NONE, List.of(loader), List.of(data));
    }

    @Test
    void aUtagDataWrittenIntoTheLoadersScriptLeavesAStandInForTheSitesCodeThatReadsIt() {
        // the data layer and the loader merged into one script: it goes whole, and the site's later reads of
        // utag_data find a stand-in instead of throwing a ReferenceError
        String merged = "<script>var utag_data = {page_type: 'product', product_id: ['SKU-4412']};"
            + "(function (doc) { var tms = doc.createElement('script'); tms.async = true;"
            + " tms.src = '//tags.tiqcdn.com/utag/northwind/main/prod/utag.js';"
            + " doc.head.appendChild(tms); })(document);</script>";
        String reader = "<script>if (utag_data.page_type === 'product') { gallery.init(); }</script>";
        String out = RewriteAssertions.assertRefusedAndUnchanged(RewriteAssertions.REMOVE_WITH_STUBS, merged + reader,
            List.of("tiqcdn"), List.of("d('uta'+'g_data',s);"), ALL);
        assertTrue(out.endsWith(reader), out);
    }

    @Test
    void adobeTagsLibraryGoesAndTheDataLayerAndPageBottomStay() {
        String lib = "<script src=\"https://assets.adobedtm.com/8f3c0a1b2d4e/5a6b7c8d9e0f/launch-a1b2c3d4e5f6.min.js\""
            + " async></script>";
        String acdl = """
            <script>
              window.adobeDataLayer = window.adobeDataLayer || [];
              window.adobeDataLayer.push({
                event: "page-view",
                page: { name: "northwind:home", section: "home" }
              });
            </script>""";
        String digitalData = "<script>var digitalData={page:{pageInfo:{pageName:'home'}},user:[]};</script>";
        String bottom = "<script type=\"text/javascript\">_satellite.pageBottom();</script>";
        String page = "<head>" + digitalData + acdl + lib + "</head><body><main>x</main>" + bottom + "</body>";
        for (ConsentDecision d : List.of(NONE, ANALYTICS_ONLY, MARKETING_ONLY)) {
            assertRewritten(page, d, List.of(lib), List.of(acdl, digitalData, bottom, "<main>x</main>"));
        }
    }

    @Test
    void adobeTagsLibraryChosenByEnvironmentInAnInlineLoaderGoes() {
        String loader = """
            <script>
              (function () {
                var env = location.hostname.indexOf('stage.') === 0 ? '-staging' : '';
                var s = document.createElement('script');
                s.src = 'https://assets.adobedtm.com/8f3c0a1b2d4e/5a6b7c8d9e0f/launch-a1b2c3d4e5f6' + env + '.min.js';
                s.async = true;
                document.head.appendChild(s);
              })();
            </script>""";
        assertRewritten(loader + "<p>t</p>", NONE, List.of(loader), List.of("<p>t</p>"));
    }

    @Test
    void selfHostedAdobeTagsLibrariesGoAndLookalikesStay() {
        String en = "<script src=\"/etc.clientlibs/northwind/clientlibs/launch/"
            + "launch-EN0f1e2d3c4b5a69788796a5b4c3d2e1f0.min.js\"></script>";
        String dev = "<script src='https://www.northwind.example/js/launch-c0ffee123abc-development.min.js' async>"
            + "</script>";
        String game = "<script src=\"/assets/launch.min.js\"></script>";
        String countdown = "<script defer src=\"/js/launch-countdown.min.js\"></script>";
        String stamp = "<script src=\"/build/launch-202411181200.js\"></script>";
        String page = en + dev + game + countdown + stamp;
        assertRewritten(page, NONE, List.of(en, dev), List.of(game, countdown, stamp));
    }

    @Test
    void tagCommanderContainerGoesAndTcVarsStay() {
        String vars = "<script type=\"text/javascript\">\n  var tc_vars = {\n    env_work: 'prod',\n"
            + "    page_cat1: 'checkout',\n    user_logged: '1'\n  };\n</script>";
        String varsFile = "<script src=\"/js/tc_vars.js\"></script>";
        String container = "<script src=\"//cdn.tagcommander.com/4321/tc_Northwind_12.js\" async></script>";
        String async = "<script>(function(){var s=document.createElement('script');"
            + "s.src='https://cdn.tagcommander.com/4321/tc_Northwind_13.js';s.async=true;"
            + "document.getElementsByTagName('head')[0].appendChild(s);})();</script>";
        String noscript = "<noscript><iframe src=\"//redirect4321.tagcommander.com/utils/noscript.php?id=12&amp;"
            + "amode=iframe\" width=\"1\" height=\"1\"></iframe></noscript>";
        String button = "<button onclick=\"tC.event.add_to_cart(this, {sku: 'X-1'})\">Add</button>";
        String privacy = "<script src=\"//cdn.trustcommander.net/privacy/4321/privacy_v2_3.js\"></script>";
        String page = vars + varsFile + privacy + container + async + "<body>" + noscript + button + "</body>";
        for (ConsentDecision d : List.of(NONE, ANALYTICS_ONLY, MARKETING_ONLY)) {
            assertRewritten(page, d, List.of(container, async, "tagcommander.com/utils"),
                List.of(vars, varsFile, button, privacy));
        }
    }

    @Test
    void ensightenBootstrapGoes() {
        String boot = "<script type=\"text/javascript\" src=\"//nexus.ensighten.com/northwind/prod/Bootstrap.js\">"
            + "</script>";
        String async = "<script>(function(){var e=document.createElement('script');e.async=true;"
            + "e.src='https://nexus.ensighten.com/northwind/prod/Bootstrap.js';"
            + "document.head.appendChild(e);})();</script>";
        String call = "<script>window.Bootstrapper && Bootstrapper.ensEvent && "
            + "Bootstrapper.ensEvent.trigger('cart');</script>";
        assertRewritten(boot + async + call, NONE, List.of(boot, async), List.of(call));
    }

    @Test
    void piwikProTagManagerOnItsHostAndOnACustomDomainGoes() {
        String loader = """
            <script type="text/javascript">
            (function (win, doc, layer, containerId) {
              win[layer] = win[layer] || [];
              win[layer].push({ start: (new Date()).getTime(), event: "stg.start" });
              var first = doc.getElementsByTagName('script')[0], tag = doc.createElement('script');
              tag.async = true;
              tag.src = 'https://northwind.containers.piwik.pro/' + containerId + '.js';
              first.parentNode.insertBefore(tag, first);
            })(window, document, 'dataLayer', '2f0c6a1e-5b7d-4c3e-9a8f-1d2e3c4b5a60');
            </script>""";
        String custom = "<script>(function(w,d,l,i){w[l]=w[l]||[];w[l].push({start:(new Date).getTime(),"
            + "event:'stg.start'});var s=d.createElement('script');s.async=!0;"
            + "s.src='https://tm.northwind.example/'+i+'.js';d.head.appendChild(s)})"
            + "(window,document,'dataLayer','2f0c6a1e-5b7d-4c3e-9a8f-1d2e3c4b5a60');</script>";
        String noscript = "<noscript><iframe src=\"https://northwind.containers.piwik.pro/"
            + "2f0c6a1e-5b7d-4c3e-9a8f-1d2e3c4b5a60/noscript.html\" height=\"0\" width=\"0\""
            + " style=\"display:none;visibility:hidden\"></iframe></noscript>";
        String push = "<script>window.dataLayer = window.dataLayer || [];"
            + " dataLayer.push({event: 'form_submit', form: 'newsletter'});</script>";
        String page = loader + custom + "<body>" + noscript + push + "</body>";
        assertRewritten(page, NONE, List.of(loader, custom, "containers.piwik.pro/2f0c"), List.of(push));
    }

    @Test
    void piwikProTagManagersDataLayerGetsAStandInForTheSitesPushes() {
        // the snippet is what defines the data layer; the site's form handler pushes to it without a guard
        String loader = "<script>(function(w,d,l,i){w[l]=w[l]||[];w[l].push({start:(new Date).getTime(),"
            + "event:'stg.start'});var s=d.createElement('script');s.async=!0;"
            + "s.src='https://northwind.containers.piwik.pro/'+i+'.js';d.head.appendChild(s)})"
            + "(window,document,'dataLayer','2f0c6a1e-5b7d-4c3e-9a8f-1d2e3c4b5a60');</script>";
        String push = "<script>document.forms[0].onsubmit = function () { dataLayer.push({event: 'lead'}); };</script>";
        String out = RewriteAssertions.assertRefusedAndUnchanged(RewriteAssertions.REMOVE_WITH_STUBS, loader + push,
            List.of("piwik.pro"), List.of("d('data'+'Layer',[]);"));
        assertTrue(out.endsWith(push), out);
    }

    @Test
    void matomoTagManagerContainersGoAndTheSitesOwnMtmPushesStay() {
        String selfHosted = """
            <script>
              var _mtm = window._mtm = window._mtm || [];
              _mtm.push({ 'mtm.startTime': (new Date().getTime()), 'event': 'mtm.Start' });
              (function () {
                var d = document, g = d.createElement('script'), s = d.getElementsByTagName('script')[0];
                g.async = true; g.src = 'https://stats.northwind.example/js/container_Ab12Cd34.js';
                s.parentNode.insertBefore(g, s);
              })();
            </script>""";
        String cloud = "<script>var _mtm=window._mtm=window._mtm||[];_mtm.push({'mtm.startTime':(new Date).getTime(),"
            + "'event':'mtm.Start'});var d=document,g=d.createElement('script'),s=d.getElementsByTagName('script')[0];"
            + "g.async=true;g.src='https://cdn.matomo.cloud/northwind.matomo.cloud/container_Zx98Yw76.js';"
            + "s.parentNode.insertBefore(g,s);</script>";
        String push = "<script>window._mtm = window._mtm || []; _mtm.push({'event': 'newsletter-signup'});</script>";
        String ownContainer = "<script src=\"/theme/js/container_queries.js\"></script>";
        String page = selfHosted + cloud + push + ownContainer;
        assertRewritten(page, NONE, List.of(selfHosted, cloud), List.of(push, ownContainer));
    }

    @Test
    void jentisLoaderOnItsFirstPartySubdomainGoesAndJtsPushesStay() {
        String loader = """
            <script>
            (function (host, project, env, vers) {
              window.jentis = window.jentis || {};
              window.jentis.config = window.jentis.config || {};
              window.jentis.config.frontend = window.jentis.config.frontend || {};
              window.jentis.config.frontend.cdnhost = host + '/get/' + env + '/web/' + vers + '/';
              window.jentis.config.frontend.vers = vers;
              window.jentis.config.frontend.env = env;
              window.jentis.config.frontend.project = project;
              window._jts = window._jts || [];
              var first = document.getElementsByTagName('script')[0], tag = document.createElement('script');
              tag.async = true;
              tag.src = window.jentis.config.frontend.cdnhost + 'q8x2k1.js';
              first.parentNode.insertBefore(tag, first);
            })('https://k3v9pz.northwind.example', 'northwind-shop', 'live', '_');
            </script>""";
        String minified = "<script>(function(c,p,w,v){window.jentis=window.jentis||{};"
            + "window.jentis.config=window.jentis.config||{};"
            + "window.jentis.config.frontend=window.jentis.config.frontend||{};"
            + "window.jentis.config.frontend.cdnhost=c+\"/get/\"+w+\"/web/\"+v+\"/\";"
            + "window.jentis.config.frontend.project=p;window._jts=window._jts||[];"
            + "var s=document.createElement(\"script\");s.async=!0;"
            + "s.src=window.jentis.config.frontend.cdnhost+\"7ab3kq.js\";document.head.appendChild(s)})"
            + "(\"https://t1x4.northwind.example\",\"northwind\",\"live\",\"_\");</script>";
        String push = """
            <script>
              window._jts = window._jts || [];
              _jts.push({ track: 'pageview' });
              _jts.push({ track: 'product', type: 'productview', id: 'SKU-4412' });
              _jts.push({ track: 'submit' });
            </script>""";
        for (String l : List.of(loader, minified)) {
            String page = l + "<body>" + push + "<p>shop</p></body>";
            for (ConsentDecision d : List.of(NONE, ANALYTICS_ONLY, MARKETING_ONLY)) {
                assertRewritten(page, d, List.of(l), List.of(push, "<p>shop</p>"));
            }
        }
    }

    @Test
    void serverSideGtmOnAFirstPartySubdomainGoesAndTheDataLayerStays() {
        String data = """
            <script>
              window.dataLayer = window.dataLayer || [];
              dataLayer.push({
                event: 'view_item',
                ecommerce: { currency: 'EUR', items: [{ item_id: 'SKU-4412', price: 89.9 }] }
              });
            </script>""";
        String snippet = "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),"
            + "event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),"
            + "dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://sst.northwind.example/gtm.js?id='+i+dl;"
            + "f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-K7X2Q9P');</script>";
        String pretty = """
            <script>
              (function (w, d, s, l, i) {
                w[l] = w[l] || [];
                w[l].push({ 'gtm.start': new Date().getTime(), event: 'gtm.js' });
                var f = d.getElementsByTagName(s)[0], j = d.createElement(s);
                j.async = true;
                j.src = 'https://load.tags.northwind.example/kx7pqa.js?' + i;
                f.parentNode.insertBefore(j, f);
              })(window, document, 'script', 'dataLayer', 'id=GTM-K7X2Q9P');
            </script>""";
        String noscript = "<noscript><iframe src=\"https://load.tags.northwind.example/ns.html?id=GTM-K7X2Q9P\""
            + " height=\"0\" width=\"0\" style=\"display:none;visibility:hidden\"></iframe></noscript>";
        String gtag = "<script async src=\"https://sst.northwind.example/gtag/js?id=G-4RT8ZP1QWX\"></script>";
        String gateway = "<script async src=\"/m3tr1cs/?id=G-4RT8ZP1QWX\"></script>";
        String page = data + snippet + pretty + gtag + gateway + "<body>" + noscript + "</body>";
        assertRewritten(page, NONE, List.of(snippet, pretty, "ns.html", gtag, gateway), List.of(data));
    }

    @Test
    void googleAnalyticsThroughAFirstPartyGtagGoesWhereOnlyAnalyticsIsRefused() {
        String gtag = "<script async src=\"https://sst.northwind.example/gtag/js?id=G-4RT8ZP1QWX\"></script>";
        String config = "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
            + "gtag('js',new Date());gtag('config','G-4RT8ZP1QWX',{server_container_url:"
            + "'https://sst.northwind.example'});</script>";
        String ads = "<script async src=\"https://sst.northwind.example/gtag/js?id=AW-987654321\"></script>";
        String page = gtag + config + ads;
        assertRewritten(page, MARKETING_ONLY, List.of(gtag, config), List.of(ads));
        assertRewritten(page, ANALYTICS_ONLY, List.of(ads), List.of(gtag, config));
    }

    @Test
    void segmentThroughACdnProxyGoesAndTheSitesTrackCallsStay() {
        String src = "<script src=\"https://cdn.northwind.example/analytics.js/v1/Wk3yP9sQa1/analytics.min.js\">"
            + "</script>";
        String snippet = """
            <script>
              !function(){var i="analytics",analytics=window[i]=window[i]||[];if(!analytics.initialize)
              {analytics.methods=["track","page","identify"];analytics.factory=function(e){return function(){
              var t=Array.prototype.slice.call(arguments);t.unshift(e);analytics.push(t);return analytics}};
              analytics.load=function(key,o){var t=document.createElement("script");t.async=!0;
              t.src="https://seg.northwind.example/ajs/v1/"+key+"/analytics.min.js";
              var n=document.getElementsByTagName("script")[0];n.parentNode.insertBefore(t,n);analytics._loadOptions=o};
              analytics._writeKey="Wk3yP9sQa1";analytics.SNIPPET_VERSION="5.2.1";
              analytics.load("Wk3yP9sQa1");analytics.page()}}();
            </script>""";
        String track = "<script>document.querySelector('#buy').addEventListener('click', function () {"
            + " window.analytics && analytics.track('Order Completed', {total: 89.9}); });</script>";
        assertRewritten(src + snippet + track, NONE, List.of(src, snippet), List.of(track));
    }

    @Test
    void rudderStackSelfHostedSdkGoes() {
        String snippet = """
            <script>
              (function () {
                window.RudderSnippetVersion = "3.0.60";
                var name = "rudderanalytics";
                var ra = window[name] = window[name] || [];
                var sdkBaseUrl = "https://cdn.northwind.example/rudder";
                var sdkVersion = "v3";
                ["load", "page", "track", "identify"].forEach(function (m) {
                  ra[m] = function () { ra.push([m].concat(Array.prototype.slice.call(arguments))); };
                });
                var s = document.createElement("script");
                s.async = true;
                s.src = sdkBaseUrl + "/" + sdkVersion + "/modern/rsa.min.js";
                document.head.appendChild(s);
              })();
            </script>""";
        String load = "<script>rudderanalytics.load(\"2Ab3Cd4Ef5Gh6Ij7Kl8Mn9Op0\","
            + " \"https://dataplane.northwind.example\"); rudderanalytics.page();</script>";
        String track = "<script>function onSignup(){ rudderanalytics.track('Signed Up'); }</script>";
        assertRewritten(snippet + load + track, NONE, List.of(snippet, load), List.of(track));
        String v1 = "<script src=\"/vendor/rudder/v1.1/rudder-analytics.min.js\"></script>";
        String v3 = "<script async src=\"https://cdn.northwind.example/rudder/v3/modern/rsa.min.js\"></script>";
        String crypto = "<script src=\"/js/lib/rsa.min.js\"></script>";
        assertRewritten(v1 + v3 + crypto + load, NONE, List.of(v1, v3, load), List.of(crypto));
    }

    @Test
    void selfHostedSnowplowGoesAndASlideshowsSpJsStays() {
        String tag = """
            <script type="text/javascript" async=1>
            ;(function (w, d, tagName, url, ns) {
              if (w[ns]) { return; }
              w.GlobalSnowplowNamespace = w.GlobalSnowplowNamespace || [];
              w.GlobalSnowplowNamespace.push(ns);
              w[ns] = function () { (w[ns].q = w[ns].q || []).push(arguments); };
              w[ns].q = w[ns].q || [];
              var el = d.createElement(tagName), first = d.getElementsByTagName(tagName)[0];
              el.async = 1; el.src = url;
              first.parentNode.insertBefore(el, first);
            }(window, document, 'script', '/static/analytics/sp.js', 'snowplow'));
            window.snowplow('newTracker', 'sp1', 'collector.northwind.example', {
              appId: 'northwind-web', cookieSameSite: 'Lax'
            });
            window.snowplow('trackPageView');
            </script>""";
        String slides = "<script src=\"/static/sp.js\"></script>";
        String own = "<script>new SlideShow(document.querySelector('.sp'), {interval: 5000});</script>";
        String click = "<script>document.querySelector('.cta').onclick = function () {"
            + " window.snowplow && snowplow('trackStructEvent', {category: 'cta', action: 'click'}); };</script>";
        assertRewritten(slides + own + tag + click, NONE, List.of(tag), List.of(slides, own, click));
    }

    @Test
    void snowplowTrackerConfiguredInAScriptOfItsOwnGoesWithItsLoader() {
        String loader = "<script>(function(p,l,o,w,i){if(!p[i]){p.GlobalSnowplowNamespace=p.GlobalSnowplowNamespace"
            + "||[];p.GlobalSnowplowNamespace.push(i);p[i]=function(){(p[i].q=p[i].q||[]).push(arguments)};"
            + "p[i].q=p[i].q||[];var n=l.createElement(o),g=l.getElementsByTagName(o)[0];n.async=1;n.src=w;"
            + "g.parentNode.insertBefore(n,g)}})(window,document,'script','//sp.northwind.example/t/3.24.2/x.js',"
            + "'snowplow');</script>";
        String config = "<script>snowplow('newTracker','sp','https://c.northwind.example',{appId:'web',"
            + "discoverRootDomain:true});snowplow('enableActivityTracking',{minimumVisitLength:10,heartbeatDelay:10});"
            + "snowplow('trackPageView');</script>";
        assertRewritten(loader + config, NONE, List.of(loader), List.of());
    }

    @Test
    void plausibleUmamiAndFathomThroughProxiesGo() {
        String plausible = "<script defer data-domain=\"northwind.example\" data-api=\"/stats/api/event\""
            + " src=\"/stats/js/script.js\"></script>";
        String umami = "<script defer src=\"/_u/insights.js\" data-website-id=\"94db1cb1-74f4-4a40-ad6c-962362670409\""
            + " data-host-url=\"https://northwind.example/_u\"></script>";
        String fathom = "<script src=\"https://cdn.usefathom.com/script.js\" data-site=\"ABCDEFGH\" defer></script>";
        String own = "<script src=\"/js/script.js\"></script>";
        String page = plausible + umami + fathom + own;
        assertRewritten(page, NONE, List.of(plausible, umami, fathom), List.of(own));
    }

    @Test
    void fathomThroughAFirstPartyProxyGoesAndScriptsWithOnlyOneOfItsAttributesStay() {
        String proxied = "<script src=\"/fathom/script.js\" data-site=\"KQWPLMRT\" defer></script>";
        String renamed = "<script defer src=\"https://northwind.example/_f/t.js\" data-spa=\"auto\""
            + " data-site=\"KQWPLMRT\"></script>";
        String domains = "<script src=\"/metrics/fa.js\" data-site=\"KQWPLMRT\""
            + " data-included-domains=\"northwind.example\" defer></script>";
        String theme = "<script src=\"/themes/north/js/site.js\" data-site=\"de\"></script>";
        String router = "<script type=\"module\" src=\"/js/app.js\" data-spa=\"auto\"></script>";
        String own = "<script src=\"/js/script.js\" defer></script>";
        String page = proxied + renamed + domains + theme + router + own;
        assertRewritten(page, NONE, List.of(proxied, renamed, domains), List.of(theme, router, own));
        assertRewritten(page, MARKETING_ONLY, List.of(proxied, renamed, domains), List.of(theme, router, own));
    }

    @Test
    void cloudflareZarazGoesAndTheSitesZarazCallsStay() {
        String inject = "<script src=\"/cdn-cgi/zaraz/i.js\" referrerpolicy=\"origin\"></script>";
        String injected = "<script>window.zarazData=window.zarazData||{};window.zaraz=window.zaraz||{};"
            + "zarazData.executed=[];var z=document.createElement('script');z.defer=true;"
            + "z.src='/cdn-cgi/zaraz/s.js?z='+btoa(encodeURIComponent(JSON.stringify(zarazData)));"
            + "document.head.appendChild(z);</script>";
        String track = "<script>document.getElementById('signup').addEventListener('submit', function () {"
            + " zaraz.track('newsletter_signup', {plan: 'free'}); });</script>";
        String challenge = "<script src=\"/cdn-cgi/challenge-platform/scripts/jsd/main.js\"></script>";
        String email = "<script data-cfasync=\"false\" src=\"/cdn-cgi/scripts/5c5dd728/cloudflare-static/"
            + "email-decode.min.js\"></script>";
        String page = inject + injected + track + challenge + email;
        for (ConsentDecision d : List.of(NONE, ANALYTICS_ONLY, MARKETING_ONLY)) {
            assertRewritten(page, d, List.of(inject, injected), List.of(track, challenge, email));
        }
    }
}
