package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.REMOVE_WITH_STUBS;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static io.consentgate.html.ShopPageAssertions.assertKept;
import static io.consentgate.html.ShopPageAssertions.assertRemovedAndKeptWhenAllowed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Retail CRM, personalisation, recommendation and on-site search tags as Magento, Shopware, Salesforce Commerce
 * Cloud, WooCommerce and hand-written shop themes print them: with nothing allowed the vendor's loader, its inline
 * snippet and its resource hints go; with everything allowed the page is untouched. The search box and the
 * recommendation slots a visitor uses, the cart, the shop's own scripts and text naming the vendors stay.
 */
class RetailCrmShapesTest {

    private static final ConsentDecision MARKETING_ONLY = ConsentDecision.of(Set.of(Category.MARKETING), Map.of(),
        ConsentMode.OPT_IN);
    private static final ConsentDecision ANALYTICS_ONLY = ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(),
        ConsentMode.OPT_IN);

    @ParameterizedTest
    @ValueSource(strings = {
        // Marketing Cloud's collect code: the library by tag, then the org id and page view in a second script
        "<script type=\"text/javascript\" src=\"//514009876.collect.igodigital.com/collect.js\"></script>",
        "<script>\n  _etmc.push(['setOrgId', '514009876']);\n  _etmc.push(['trackPageView']);\n</script>",
        "<script>_etmc.push([\"setOrgId\",\"514009876\"]);_etmc.push([\"setUserInfo\",{email:\"a@shop.example\"}]);"
            + "</script>",
        // an SFCC cartridge's inline loader that builds the host from the MID
        """
            <script>
              window._etmc = window._etmc || [];
              (function (mid) {
                var collect = document.createElement('script');
                collect.async = true;
                collect.src = 'https://' + mid + '.collect.igodigital.com/collect.js';
                document.head.appendChild(collect);
              })('514009876');
            </script>""",
    })
    void marketingCloudCollectCodeGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Emarsys Web Extend as a Magento module prints it, with the host split, and the loader by tag
        """
            <script type="text/javascript">
              var ScarabQueue = ScarabQueue || [];
              (function (id) {
                if (document.getElementById(id)) return;
                var js = document.createElement('script'); js.id = id;
                js.src = '//recommender' + '.scarabresearch.com/js/1A2B3C4D5E6F7A8B/scarab-v2.js';
                var fs = document.getElementsByTagName('script')[0];
                fs.parentNode.insertBefore(js, fs);
              })('scarab-js-api');
            </script>""",
        "<script src=\"https://cdn.scarabresearch.com/js/1A2B3C4D5E6F7A8B/scarab-v2.js\" async></script>",
        // Bloomreach Engagement's integration snippet with a custom tracking domain, minified
        "<script>!function(d,name,tag,cls,w,cfg){var q=w[name]=w[name]||{_:[]};cfg.target=cfg.target||"
            + "\"https://t.shop.example\";var el=d.createElement(tag);el.async=!0;el.src=cfg.target+"
            + "\"/js/exponea.min.js\";d.head.appendChild(el);w[cls]=1}(document,\"exponea\",\"script\","
            + "\"webxpClient\",window,{target:\"https://t.shop.example\",token:\"0a1b2c3d-4e5f\",track:"
            + "{visits:true}});exponea.start();</script>",
        // Dynamic Yield's two scripts and the hint for its event host
        "<script type=\"text/javascript\" src=\"//cdn.dynamicyield.com/api/8765432/api_dynamic.js\"></script>",
        "<script type=\"text/javascript\" src=\"//cdn.dynamicyield.com/api/8765432/api_static.js\"></script>",
        "<link rel=\"preconnect\" href=\"//st.dynamicyield.com\">",
        // Dynamic Yield's scripts through a first-party proxy, and Emarsys for a China account
        "<script src=\"https://dy.shop.example/api/8765432/api_dynamic.js\"></script>",
        "<script src=\"https://recommender.predict.emarsys.cn/js/1A2B3C4D5E6F7A8B/scarab-v2.js\"></script>",
    })
    void existingCrmAndPersonalisationTagsGo(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @Test
    void dynamicYieldNeedsBothAnalyticsAndMarketing() {
        String page = "<p>a</p><script src=\"https://cdn.dynamicyield.com/api/8765432/api_dynamic.js\"></script>"
            + "<p>b</p>";
        assertEquals("<p>a</p><p>b</p>", rewrite(REMOVE, page, MARKETING_ONLY));
        assertEquals("<p>a</p><p>b</p>", rewrite(REMOVE, page, ANALYTICS_ONLY));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // commands the shop's own templates push, which load nothing without the library
        "<script>ScarabQueue.push(['cart', [{item: 'SKU-1', price: 19.9, quantity: 1}]]);"
            + "ScarabQueue.push(['recommend', {logic: 'RELATED', containerId: 'recs'}]);ScarabQueue.push(['go']);"
            + "</script>",
        "<script>window.DY = window.DY || {};\n  DY.recommendationContext = {type: 'PRODUCT', data: ['SKU-1']};"
            + "</script>",
        "<script>\n  _etmc.push([\"trackCart\", {cart: [{item: \"SKU-1\", quantity: \"1\", price: \"19.90\","
            + " unique_id: \"SKU-1\"}]}]);\n</script>",
        // recommendation slots and the shop's own personalisation and search code
        "<div id=\"recs\" class=\"product-recommendations\"></div>",
        "<script src=\"/static/frontend/Shop/theme/en_GB/js/search.js\"></script>",
        "<p>Our new scarab beetle brooch ships with a Monetate-free, Nosto-free checkout.</p>",
        "<script>var monetateTimeout = 3000; window.monetateTracking = false;</script>",
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"Product\","
            + " \"name\": \"Monetate Blue Scarf\", \"sku\": \"DY-100\", \"brand\": {\"@type\": \"Brand\","
            + " \"name\": \"Nosto & Qubit\"}, \"url\": \"https://shop.example/p/se.monetate.net-scarf\"}</script>",
        "<img src=\"https://shop.example/media/catalog/product/s/e/se.monetate.net.jpg\" alt=\"\">",
    })
    void crmQueueCommandsAndShopCodeStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Nosto's script as the WooCommerce and Shopware plugins print it, and a theme's inline loader
        "<script type=\"text/javascript\" src=\"//connect.nosto.com/include/shopware-a1b2c3\" async></script>",
        """
            <script>
              (function () {
                var account = "magento-d4e5f6";
                var n = document.createElement("script");
                n.type = "text/javascript"; n.async = true;
                n.src = "https://connect.nosto.com/include/" + account;
                document.getElementsByTagName("head")[0].appendChild(n);
              })();
            </script>""",
        "<link rel=\"preconnect\" href=\"https://connect.nosto.com\">",
        // any other script on the same host, as an app embed writes it
        "<script src=\"https://connect.nosto.com/script/shopify/market/nosto.js?merchant=shopify-12345678"
            + "&amp;market=1234\" async></script>",
    })
    void nostoGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Nosto's stub, the page's tagging blocks and the slots recommendations fill stay: they load nothing
        "<script type=\"text/javascript\">(function(){var fn=\"nostojs\";window[fn]=window[fn]||function(cb)"
            + "{(window[fn].q=window[fn].q||[]).push(cb);};})();</script>",
        "<script>nostojs(function (api) { api.defaultSession().viewProduct('SKU-1').setRef('SKU-1', 'front')"
            + ".load(); });</script>",
        "<div class=\"nosto_page_type\" style=\"display:none\">product</div>",
        "<div class=\"nosto_element\" id=\"productpage-nosto-1\"></div>",
        // hosts that only look like Nosto's, and the vendor's website
        "<script src=\"https://connect.nosto.com.example.org/include/shopware-a1b2c3\"></script>",
        "<a href=\"https://www.nosto.com/\"><img src=\"https://www.nosto.com/badge.svg\" alt=\"Nosto\"></a>",
    })
    void nostoStubTaggingAndSlotsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Monetate's inline tag, pretty and minified, and the entry script by tag
        """
            <script type="text/javascript">
              var monetateT = new Date().getTime();
              (function () {
                var proto = document.location.protocol;
                if (proto === 'http:' || proto === 'https:') {
                  var tag = document.createElement('script');
                  tag.type = 'text/javascript'; tag.async = true;
                  tag.src = '//se.monetate.net/js/2/a-1b2c3d4e/p/shop.example/entry.js';
                  var first = document.getElementsByTagName('script')[0];
                  first.parentNode.insertBefore(tag, first);
                }
              })();
            </script>""",
        "<script>var monetateT=(new Date).getTime();!function(){var m=document.createElement(\"script\");"
            + "m.async=!0,m.src=\"https://sb.monetate.net/js/1/a-1b2c3d4e/p/shop.example/\"+Math.floor((monetateT"
            + "+1234567)/36e5)+\"/g\",document.head.appendChild(m)}();</script>",
        "<script src=\"https://se.monetate.net/js/2/a-1b2c3d4e/p/shop.example/entry.js\" async></script>",
    })
    void monetateGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Qubit's smartserve by tag and built from the property id
        "<script src=\"https://static.goqubit.com/smartserve-5123.js\" async defer></script>",
        "<script>\n  var propertyId = 5123;\n  var qs = document.createElement('script');\n  qs.async = true;\n"
            + "  qs.src = 'https://static.goqubit.com/smartserve-' + propertyId + '.js';\n"
            + "  document.head.appendChild(qs);\n</script>",
    })
    void qubitsSmartserveGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @Test
    void personalisationIsGoneWhenEitherCategoryIsRefused() {
        String page = "<p>a</p><script src=\"https://se.monetate.net/js/2/a-1b2c3d4e/p/shop.example/entry.js\">"
            + "</script><script src=\"https://static.goqubit.com/smartserve-5123.js\"></script><p>b</p>";
        assertEquals("<p>a</p><p>b</p>", rewrite(REMOVE, page, MARKETING_ONLY));
        assertEquals("<p>a</p><p>b</p>", rewrite(REMOVE, page, ANALYTICS_ONLY));
        String nosto = "<p>a</p><script src=\"https://connect.nosto.com/include/shopify-12345\"></script><p>b</p>";
        assertEquals("<p>a</p><p>b</p>", rewrite(REMOVE, nosto, ANALYTICS_ONLY));
        assertEquals(nosto, rewrite(REMOVE, nosto, MARKETING_ONLY));
    }

    @Test
    void nostosLoaderWithTheStubLeavesAStandInForThePagesCalls() {
        String page = "<script>(function(){window.nostojs=window.nostojs||function(cb){(nostojs.q=nostojs.q||[])"
            + ".push(cb)};var s=document.createElement('script');s.async=true;"
            + "s.src='//connect.nosto.com/include/shopware-a1b2c3';document.head.appendChild(s)})();</script>"
            + "<script>nostojs(api => api.defaultSession().viewCart().load());</script>";
        String out = rewrite(REMOVE_WITH_STUBS, page, ConsentDecision.refuseAll());
        assertTrue(out.startsWith("<script data-consentgate=\"stub\">") && !out.contains("connect.nosto.com")
            && out.endsWith("</script><script>nostojs(api => api.defaultSession().viewCart().load());</script>"),
            out);
        assertEquals(page, rewrite(REMOVE_WITH_STUBS, page, ConsentDecision.allowAll()));
    }

    @Test
    void monetatesQueueCommandsStay() {
        assertKept("<script>window.monetateQ = window.monetateQ || [];\n"
            + "monetateQ.push(['setPageType', 'product']);\n"
            + "monetateQ.push(['addProductDetails', [{productId: 'SKU-1', sku: 'SKU-1-BLUE'}]]);\n"
            + "monetateQ.push(['trackData']);</script>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Algolia's Insights loader, written out with the library's URL in a variable, and the library by tag
        """
            <script>
              var ALGOLIA_INSIGHTS_SRC =
                "https://cdn.jsdelivr.net/npm/search-insights@2.13.0/dist/search-insights.min.js";
              !function (win, doc, tag, src, name, el, first) {
                win.AlgoliaAnalyticsObject = name;
                win[name] = win[name] || function () { (win[name].queue = win[name].queue || []).push(arguments); };
                el = doc.createElement(tag); first = doc.getElementsByTagName(tag)[0];
                el.async = 1; el.src = src; first.parentNode.insertBefore(el, first);
              }(window, document, "script", ALGOLIA_INSIGHTS_SRC, "aa");
              aa('init', {appId: 'LATENCY01', apiKey: '0123456789abcdef', useCookie: true});
            </script>""",
        "<script src=\"https://cdn.jsdelivr.net/npm/search-insights@2.13.0/dist/search-insights.min.js\"></script>",
        "<script defer src=\"https://unpkg.com/search-insights@2.13.0/dist/search-insights.min.js\"></script>",
        "<link rel=\"preconnect\" href=\"https://insights.algolia.io\" crossorigin>",
    })
    void algoliaInsightsGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the search itself: the search client, InstantSearch, the shop's search box and its wiring
        "<script src=\"https://cdn.jsdelivr.net/npm/algoliasearch@4.22.1/dist/algoliasearch-lite.umd.js\"></script>",
        "<script src=\"https://cdn.jsdelivr.net/npm/instantsearch.js@4.66.0/dist/instantsearch.production.min.js\">"
            + "</script>",
        "<link rel=\"preconnect\" href=\"https://LATENCY01-dsn.algolia.net\" crossorigin>",
        "<form role=\"search\" action=\"/search\"><input id=\"searchbox\" name=\"q\" placeholder=\"Search\"></form>",
        """
            <script>
              const search = instantsearch({
                indexName: 'shop_products',
                searchClient: algoliasearch('LATENCY01', '0123456789abcdef'),
                insights: false
              });
              search.addWidgets([instantsearch.widgets.searchBox({container: '#searchbox'})]);
              search.start();
            </script>""",
        // InstantSearch started in the same script as the insights client: the search must keep working
        "<script>aa('init', {appId: 'LATENCY01', apiKey: '0123456789abcdef'});\n"
            + "var shopSearch = instantsearch({indexName: 'shop_products', insights: true,\n"
            + "  searchClient: algoliasearch('LATENCY01', '0123456789abcdef')});\nshopSearch.start();</script>",
        // the shop's own scripts whose names only resemble the library's file
        "<script src=\"/js/search-insights-panel.js\"></script>",
        "<script src=\"/static/frontend/Shop/theme/en_GB/js/search-insights.js\"></script>",
    })
    void algoliaSearchStays(String html) {
        assertKept(html);
    }

    @Test
    void algoliaInsightsIsAnalyticsAndGoesWithOnlyMarketingAllowed() {
        String page = "<p>a</p><link rel=\"preconnect\" href=\"https://insights.algolia.io\"><p>b</p>";
        assertEquals("<p>a</p><p>b</p>", rewrite(REMOVE, page, MARKETING_ONLY));
        assertEquals(page, rewrite(REMOVE, page, ANALYTICS_ONLY));
    }

    @Test
    void algoliasInsightsLoaderLeavesAStandInForTheShopsClickEvents() {
        String page = "<script>window.AlgoliaAnalyticsObject='aa';window.aa=window.aa||function(){(aa.queue=aa.queue"
            + "||[]).push(arguments)};var i=document.createElement('script');i.async=1;"
            + "i.src='https://cdn.jsdelivr.net/npm/search-insights@2.13.0/dist/search-insights.min.js';"
            + "document.head.appendChild(i);aa('init',{appId:'LATENCY01',apiKey:'0123456789abcdef'});</script>"
            + "<script>hits.onclick = function (e) { aa('clickedObjectIDsAfterSearch', {index: 'shop_products',"
            + " objectIDs: [e.target.dataset.id]}); openProduct(e.target.dataset.id); };</script>";
        String out = rewrite(REMOVE_WITH_STUBS, page, ConsentDecision.refuseAll());
        assertTrue(out.startsWith("<script data-consentgate=\"stub\">") && !out.contains("search-insights")
            && out.endsWith("openProduct(e.target.dataset.id); };</script>"), out);
        assertEquals(page, rewrite(REMOVE_WITH_STUBS, page, ConsentDecision.allowAll()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // dotdigital's web behaviour tracking: the v4 loader with the profile, the older script by tag and a
        // WooCommerce plugin's regional URL
        """
            <script>
              (function (w, d, u, t, o, c) {
                w['dmtrackingobjectname'] = o;
                c = d.createElement(t); c.async = 1; c.src = u;
                t = d.getElementsByTagName(t)[0]; t.parentNode.insertBefore(c, t);
                w[o] = w[o] || function () { (w[o].q = w[o].q || []).push(arguments); };
              })(window, document, '//static.trackedweb.net/js/_dmptv4.js', 'script', 'dmPt');
              window.dmPt('create', 'DM-1234567890-01', 'shop.example');
              window.dmPt('track');
            </script>""",
        "<script src=\"https://r1-t.trackedlink.net/_dmpt.js\" type=\"text/javascript\"></script>",
        "<script type=\"text/javascript\" src=\"//r2-t.trackedlink.net/_dmpt.js?ver=1.4.2\" id=\"tracking-js\">"
            + "</script>",
        "<script>(function(){var c=document.createElement('script');c.src='https://t.trackedlink.net/_dmpt.js';"
            + "document.body.appendChild(c)})();</script>",
    })
    void dotdigitalGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // dotdigital's newsletter form posts to the tracked-link host: it is a form the visitor fills in
        "<form name=\"signup\" action=\"https://r1-t.trackedlink.net/signup.ashx\" method=\"post\">"
            + "<input type=\"hidden\" name=\"userid\" value=\"123456\"><input name=\"email\" type=\"email\">"
            + "<button>Subscribe</button></form>",
    })
    void dotdigitalSignupFormStays(String html) {
        assertKept(html);
    }

    @Test
    void dotdigitalsLoaderLeavesAStandInForTheCheckoutsIdentifyCall() {
        String page = "<script src=\"https://r1-t.trackedlink.net/_dmpt.js\"></script>"
            + "<script>\n  document.getElementById('checkout-email').addEventListener('change', function (e) {\n"
            + "    dmPt('identify', e.target.value);\n    validateEmail(e.target);\n  });\n</script>";
        String out = rewrite(REMOVE_WITH_STUBS, page, ConsentDecision.refuseAll());
        assertTrue(out.startsWith("<script data-consentgate=\"stub\">") && !out.contains("trackedlink")
            && out.endsWith("validateEmail(e.target);\n  });\n</script>"), out);
        assertEquals(page, rewrite(REMOVE_WITH_STUBS, page, ConsentDecision.allowAll()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // hosts that only look like the CRM vendors' tag hosts, and a shop's own file named like dotdigital's
        "<script src=\"https://cdn.ometria.com.example.org/tags/0a1b2c3d4e5f6789.js\"></script>",
        "<script src=\"https://td.notyieldify.com/yieldify/code.js\"></script>",
        "<script src=\"https://static.trackedweb.net.example.org/js/_dmptv4.js.map\"></script>",
        "<a href=\"https://www.ometria.com/\">Ometria</a> and <a href=\"https://www.yieldify.com/\">Yieldify</a>",
    })
    void crmLookalikesStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Ometria's tag as Magento 1 prints it after the page data, and by tag
        """
            <script type="text/javascript">
              document.observe("dom:loaded", function () {
                var url = window.location.protocol + "//cdn.ometria.com/tags/0a1b2c3d4e5f6789.js";
                var sc = document.createElement('script'); sc.src = url; sc.setAttribute('async', 'true');
                document.getElementsByTagName("head")[0].appendChild(sc);
              });
            </script>""",
        "<script src=\"https://cdn.ometria.com/tags/0a1b2c3d4e5f6789.js\" async></script>",
        // Yieldify's tag with the page URL appended
        "<script>(function(d){var y=d.createElement('script');y.src='https://td.yieldify.com/yieldify/code.js"
            + "?w_uuid=0a1b2c3d-4e5f-6789-abcd-ef0123456789&k=1&loca='+window.location.href;y.async=true;"
            + "d.getElementsByTagName('head')[0].appendChild(y);})(document);</script>",
    })
    void ometriaAndYieldifyGo(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // SALESmanago's monitoring code as a Magento module prints it with the configured endpoint, pretty and
        // minified, and the older loader with the host written out
        """
            <script type="text/javascript">
              var _smid = "a1b2c3d4e5f6g7h8";
              var _smcustom = true;
              (function (w, name, src, el, first) {
                w['SalesmanagoObject'] = name;
                w[name] = w[name] || function () { (w[name].q = w[name].q || []).push(arguments); };
                el = document.createElement('script'); el.async = true; el.src = src;
                first = document.getElementsByTagName('script')[0]; first.parentNode.insertBefore(el, first);
              })(window, 'sm', smEndpoint + '/static/sm.js');
            </script>""",
        "<script>var _smid=\"a1b2c3d4e5f6g7h8\";(function(w,r,a,e,f){w.SalesmanagoObject=r;w[r]=w[r]||function(){"
            + "(w[r].q=w[r].q||[]).push(arguments)};e=document.createElement('script');e.async=!0;e.src=a;"
            + "f=document.getElementsByTagName('script')[0];f.parentNode.insertBefore(e,f)})(window,'sm',"
            + "'https://app3.salesmanago.pl/static/sm.js');sm('webPush',['0a1b2c3d','120']);</script>",
        "<script>\n  var _smid = 'a1b2c3d4e5f6g7h8';\n  (function () {\n    var t = document.createElement('script');\n"
            + "    t.async = true; t.src = 'https://www.salesmanago.pl/static/sm.js';\n"
            + "    document.body.appendChild(t);\n  })();\n</script>",
        // Cordial's loader in a RequireJS callback and its script by tag
        """
            <script>
              require(['jquery'], function ($) {
                var tag = document.createElement('script');
                tag.setAttribute('data-cordial-track-key', 'shop-example');
                tag.setAttribute('data-cordial-url', 'track.cordial.io');
                tag.setAttribute('data-auto-track', false);
                tag.src = '//track.cordial.io/track.js';
                tag.async = true;
                document.body.appendChild(tag);
              });
            </script>""",
        "<script async src=\"https://track.cordial.io/track.v2.js\" data-cordial-track-key=\"shop-example\">"
            + "</script>",
    })
    void salesmanagoAndCordialGo(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // SALESmanago's and Cordial's forms and links the visitor uses, and the page's own calls
        "<form action=\"https://app3.salesmanago.pl/form/a1b2c3/contact.htm\" method=\"post\">"
            + "<input name=\"email\"></form>",
        "<a href=\"https://www.salesmanago.com/\">SALESmanago</a>",
        "<script>crdl('event', 'browse', {sku: 'SKU-1', price: 19.9});</script>",
        "<script src=\"/js/track.js\"></script>",
    })
    void crmFormsLinksAndCallsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Conversant's universal tag as a tag manager writes it, and as an image
        """
            <script>
              setTimeout(function () {
                var dtmSrc = window.location.protocol + "//login.dotomi.com/ucm/UCMController?"
                  + "dtm_com=28&dtm_fid=101&dtm_cid=1234&dtm_cmagic=a1b2c3&dtm_format=5";
                var dtmTag = {cli_promo_id: "1", dtm_user_id: window.customerHash || ""};
                for (var key in dtmTag) { dtmSrc += "&" + key + "=" + encodeURIComponent(dtmTag[key]); }
                var el = document.createElement("iframe");
                el.style.display = "none"; el.src = dtmSrc;
                document.body.appendChild(el);
              }, 500);
            </script>""",
        "<img src=\"https://login.dotomi.com/ucm/UCMController?dtm_com=2&amp;dtm_cid=1234&amp;dtm_cmagic=a1b2c3"
            + "&amp;dtm_fid=103&amp;dtm_format=6\" width=\"1\" height=\"1\" alt=\"\">",
        // Dianomi's feed script, as a tag and as a Next.js page loads it
        "<script type=\"text/javascript\" id=\"dianomi_context_script\""
            + " src=\"https://www.dianomi.com/js/contextfeed.js\"></script>",
        "<script src=\"https://www.dianomi.com/js/contextfeed.js\" data-nscript=\"lazyOnload\"></script>",
    })
    void conversantAndDianomiGo(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a CJ affiliate link through dotomi.com is a link the visitor follows; Dianomi's empty slot stays
        "<a href=\"https://cj.dotomi.com/links-t/1234567/type/dlg/sid/abc/https://shop.example/\">Deal</a>",
        "<div class=\"dianomi_context\" data-dianomi-context-id=\"443\"></div>",
        "<a href=\"https://www.dianomi.com/advertisers\">Advertise with Dianomi</a>",
    })
    void affiliateLinksAndAdSlotsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // on-site search and recommendation widgets whose one script renders what the visitor uses (results,
        // autocomplete, product carousels) and sends its own events: functional content, not listed
        "<script src=\"https://js.klevu.com/core/v2/klevu.js\"></script>",
        """
            <script>
              klevu.interactive(function () {
                klevu({
                  url: {protocol: 'https:', landing: '/search', search: 'https://eucs29v2.ksearchnet.com/cs/v2/search'},
                  search: {minChars: 0, searchBoxSelector: 'input[name=q]', apiKey: 'klevu-1234567890'}
                });
              });
            </script>""",
        "<script>(function(w,d){var c=d.createElement('script');c.async=true;c.src='https://cdn.clerk.io/clerk.js';"
            + "d.head.appendChild(c);w.__clerk_q=w.__clerk_q||[];w.Clerk=w.Clerk||function(){"
            + "w.__clerk_q.push(arguments)};})(window,document);Clerk('config',{key:'pUbLiCkEy123'});</script>",
        "<span class=\"clerk\" data-template=\"@product-page-alternatives\" data-products=\"[1234]\"></span>",
        "<script src=\"//www.searchanise.com/widgets/v1.0/init.js\" async></script>",
        "<script src=\"https://cnstrc.com/js/cust/shop_example_a1b2c3.js\" async></script>",
    })
    void searchAndRecommendationWidgetsStay(String html) {
        assertKept(html);
    }

    @Test
    void aShopPageLosesOnlyTheRefusedCategoriesTrackers() {
        String page = """
            <!doctype html><html><head>
            <script type="application/ld+json">{"@type": "Product", "name": "Nosto Scarf", "sku": "SKU-1"}</script>
            <script src="https://connect.nosto.com/include/magento-d4e5f6" async></script>
            <script src="https://se.monetate.net/js/2/a-1b2c3d4e/p/shop.example/entry.js" async></script>
            <script src="https://cdn.jsdelivr.net/npm/search-insights@2.13.0/dist/search-insights.min.js"></script>
            <script src="https://static.trackedweb.net/js/_dmptv4.js"></script>
            <script src="/static/frontend/Shop/theme/en_GB/js/search.js"></script>
            </head><body>
            <form role="search" action="/search"><input id="searchbox" name="q"></form>
            <div class="nosto_element" id="productpage-nosto-1"></div>
            <script>window.shopCart = {items: [{sku: 'SKU-1', qty: 1}]};</script>
            </body></html>""";
        String none = rewrite(REMOVE, page, ConsentDecision.refuseAll());
        String noMarketing = rewrite(REMOVE, page, ANALYTICS_ONLY);
        String noAnalytics = rewrite(REMOVE, page, MARKETING_ONLY);
        for (String out : new String[] {none, noMarketing, noAnalytics}) {
            assertTrue(out.contains("\"name\": \"Nosto Scarf\"") && out.contains("/js/search.js")
                && out.contains("id=\"searchbox\"") && out.contains("productpage-nosto-1")
                && out.contains("window.shopCart") && !out.contains("monetate.net"), out);
        }
        assertTrue(!none.contains("nosto.com") && !none.contains("search-insights")
            && !none.contains("trackedweb"), none);
        assertTrue(!noMarketing.contains("nosto.com") && !noMarketing.contains("trackedweb")
            && noMarketing.contains("search-insights"), noMarketing);
        assertTrue(noAnalytics.contains("nosto.com") && noAnalytics.contains("trackedweb")
            && !noAnalytics.contains("search-insights"), noAnalytics);
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // loaders that pick the scheme from the page's protocol and append the host without slashes
        "<script type=\"text/javascript\">\n  var _smid = \"a1b2c3d4e5f6g7h8\";\n  (function () {\n"
            + "    var sm = document.createElement('script'); sm.type = 'text/javascript'; sm.async = true;\n"
            + "    sm.src = ('https:' == document.location.protocol ? 'https://' : 'http://')"
            + " + 'app2.salesmanago.pl/static/sm.js';\n"
            + "    var s = document.getElementsByTagName('script')[0]; s.parentNode.insertBefore(sm, s);\n"
            + "  })();\n</script>",
        "<script>var ScarabQueue=ScarabQueue||[];(function(id){var js=document.createElement('script');js.id=id;"
            + "js.src=('https:'==document.location.protocol?'https://':'http://')+'cdn.scarabresearch.com/js/'"
            + "+'1A2B3C4D5E6F7A8B'+'/scarab-v2.js';document.head.appendChild(js)})('scarab-js-api');</script>",
        // Monetate's older tag, whose host the scheme test splits ("https://s" + "b.monetate.net")
        """
            <script type="text/javascript">
              var monetateT = new Date().getTime();
              (function () {
                var p = document.location.protocol;
                if (p == "http:" || p == "https:") {
                  var m = document.createElement('script'); m.type = 'text/javascript'; m.async = true;
                  m.src = (p == "https:" ? "https://s" : "http://") + "b.monetate.net/js/1/a-1b2c3d4e/p/shop.example/"
                    + Math.floor((monetateT + 2961942) / 3600000) + "/g";
                  var s = document.getElementsByTagName('script')[0]; s.parentNode.insertBefore(m, s);
                }
              })();
            </script>""",
        "<link rel=\"preload\" as=\"script\" href=\"https://track.cordial.io/track.v2.js\">",
    })
    void loadersThatSplitTheSchemeGo(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }
}
