package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static io.consentgate.html.ShopPageAssertions.AFTER;
import static io.consentgate.html.ShopPageAssertions.BEFORE;
import static io.consentgate.html.ShopPageAssertions.assertKept;
import static io.consentgate.html.ShopPageAssertions.assertRemovedAndKeptWhenAllowed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * E-mail, SMS and marketing-automation onsite trackers, review platforms' conversion beacons and real-user
 * monitoring, in the forms shop platforms, plugins and hand-pasted snippets print them: with nothing allowed the
 * vendor's loader, beacon images and resource hints go; with everything allowed the page is untouched. What the
 * visitor uses (signup forms, review widgets, chat) and look-alikes of the vendors' names stay.
 */
class MarketingAutomationShapesTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();

    @ParameterizedTest
    @ValueSource(strings = {
        // Listrak's onescript loader with the merchant id, as a tag, as the async loader themes write and as a hint
        "<script src=\"https://cdn.listrakbi.com/scripts/script.js?m=AbCdEf123456&amp;v=1\" async></script>",
        """
            <script>
              (function (doc, merchant, version) {
                if (typeof _ltk !== 'undefined') { return; }
                var tag = doc.createElement('script');
                tag.id = 'ltkSDK';
                tag.src = 'https://cdn.listrakbi.com/scripts/script.js?m=' + merchant + '&v=' + version;
                doc.querySelector('head').appendChild(tag);
              })(document, 'AbCdEf123456', '1');
            </script>""",
        "<link rel=\"dns-prefetch\" href=\"//cdn.listrakbi.com\">",
        // the cart activity handler a server-rendered abandonment beacon calls
        "<img src=\"https://sca1.listrakbi.com/Handlers/Set.ashx?ctid=AbCdEf&amp;uid=0a1b2c&amp;sku_1=SKU-1\""
            + " width=\"1\" height=\"1\" alt=\"\">",
    })
    void listraksActivityTrackerGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // hosts that only look like Listrak's tracking domain stay
        "<script src=\"https://cdn.notlistrakbi.com/scripts/script.js\"></script>",
        "<img src=\"https://sca1.listrakbi.com.example.org/Handlers/Set.ashx?ctid=AbCdEf\" alt=\"\">",
        // Listrak's direct preference-center frame on services.listrak.com, which an operator can use so the
        // e-mail preference center works with marketing refused
        "<iframe id=\"ltkPrefCenter\" src=\"https://services.listrak.com/Client/PrefCenter/ShopExample/index.html"
            + "?refUrl=https%3A%2F%2Fshop.example%2Fpreferences\" style=\"width: 100%; border: 0\"></iframe>",
        // the page's own cart update, which waits for a loader that no longer comes
        "<script>_ltk_util.ready(function () { _ltk.SCA.Update('email', window.customerEmail); });</script>",
    })
    void listrakLookalikesAndCartCallsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Omnisend's snippet (the account id pushed onto its queue, then the launcher), the older launcher host,
        // the Shopify app embed and a resource hint
        """
            <script>
              window.omnisend = window.omnisend || [];
              omnisend.push(["accountID", "5f0a1b2c3d4e5f6a7b8c9d0e"]);
              omnisend.push(["track", "$pageViewed"]);
              !function () {
                var el = document.createElement("script");
                el.type = "text/javascript"; el.async = true;
                el.src = "https://omnisnippet1.com/inshop/launcher-v2.js";
                var first = document.getElementsByTagName("script")[0];
                first.parentNode.insertBefore(el, first);
              }();
            </script>""",
        "<script type=\"text/javascript\" async src=\"https://omnisrc.com/inshop/launcher.js\"></script>",
        "<script src=\"https://omnisrc.com/inShop/Embed/shopify.js?shop=shop-example.myshopify.com\" defer></script>",
        "<link rel=\"preconnect\" href=\"https://omnisnippet1.com\" crossorigin>",
    })
    void omnisendsLauncherGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // hosts that only look like Omnisend's launcher hosts stay, as does the page's own event push
        "<script src=\"https://omnisrc.com.example.org/inshop/launcher-v2.js\"></script>",
        "<link rel=\"preconnect\" href=\"https://notomnisnippet1.com\">",
        "<script>omnisend.push([\"track\", \"added product to cart\", {productID: \"42\"}]);</script>",
    })
    void omnisendLookalikesAndEventCallsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Drip's snippet, written out and as a theme minifies it, the account script itself and a hint
        """
            <script type="text/javascript">
              var _dcq = _dcq || [];
              var _dcs = _dcs || {};
              _dcs.account = '1234567';
              (function () {
                var dc = document.createElement('script');
                dc.type = 'text/javascript'; dc.async = true;
                dc.src = '//tag.getdrip.com/1234567.js';
                var s = document.getElementsByTagName('script')[0];
                s.parentNode.insertBefore(dc, s);
              })();
            </script>""",
        "<script>if(typeof window._dcq==='undefined'){var _dcq=_dcq||[],_dcs=_dcs||{};_dcs.account='7654321';"
            + "var t=document.createElement('script');t.async=!0;t.src='https://tag.getdrip.com/'+_dcs.account+'.js';"
            + "document.head.appendChild(t)}</script>",
        "<script async src=\"https://tag.getdrip.com/1234567.js\"></script>",
        "<link rel=\"dns-prefetch\" href=\"//tag.getdrip.com\">",
    })
    void dripsTrackingSnippetGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a host that only looks like Drip's tag host stays, as do the page's own identify call and variable
        "<script async src=\"https://tag.getdrip.com.example.org/1234567.js\"></script>",
        "<script>function subscribed(form) { _dcq.push(['identify', {email: form.email.value}]); }</script>",
        "<script>var my_dcs = {}; my_dcs.account = 'billing';</script>",
    })
    void dripLookalikesAndIdentifyCallsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Marigold Engage by Sailthru: the Personalization Engine tag and its start call, loaded async with the
        // start call in its onload, and the older Personalize script
        "<script src=\"https://ak.sail-horizon.com/spm/spm.v1.min.js\"></script>"
            + "<script>Sailthru.init({ customerId: 'abc123def456' });</script>",
        """
            <script>
              (function (d) {
                var spm = d.createElement('script');
                spm.async = true;
                spm.src = '//ak.sail-horizon.com/spm/spm.v1.min.js';
                spm.onload = function () { Sailthru.init({customerId: 'abc123def456', isCustom: true}); };
                d.head.appendChild(spm);
              })(document);
            </script>""",
        "<script>window.Sailthru && Sailthru.init({customerId: \"abc123def456\", autoTrackPageview: true});</script>",
        "<script src=\"//ak.sail-horizon.com/onsite/personalize.v0.0.4.min.js\" type=\"text/javascript\"></script>",
        "<link rel=\"preconnect\" href=\"https://ak.sail-horizon.com\">",
    })
    void sailthruOnsiteJsGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script src=\"https://ak.sail-horizon.com.example.org/spm/spm.v1.min.js\"></script>",
        "<script>var mySailthru = {init: function () {}}; mySailthru.init({customerId: 'x'});</script>",
        "<script>function join(email) { Sailthru.integration('userSignUp', {email: email}); }</script>",
    })
    void sailthruLookalikesAndSignupCallsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // GetResponse Web Connect (the site's own script URL under ga.getresponse.com), its queue set up apart
        // from the library in a Next.js layout, and the older GetResponse Analytics tag
        """
            <script type="text/javascript">
              (function (win, doc, tag, url, name, el, first) {
                win['__GetResponseAnalyticsObject'] = name;
                win[name] = win[name] || function () { (win[name].q = win[name].q || []).push(arguments); };
                el = doc.createElement(tag); first = doc.getElementsByTagName(tag)[0];
                el.async = 1; el.src = url; el.setAttribute('crossorigin', 'use-credentials');
                first.parentNode.insertBefore(el, first);
              })(window, document, 'script',
                'https://ga.getresponse.com/script/0a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9/ga.js', 'GrTracking');
            </script>""",
        "<script id=\"gr-queue\">window.__GetResponseAnalyticsObject = 'GrTracking';"
            + " window.GrTracking = window.GrTracking || function () {"
            + " (window.GrTracking.q = window.GrTracking.q || []).push(arguments); };</script>"
            + "<script async crossorigin=\"use-credentials\""
            + " src=\"https://ga.getresponse.com/script/0a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9/ga.js\"></script>",
        "<script type=\"text/javascript\" src=\"https://ga.getresponse.com/script/ga.js?grid=sBDcAbCdEfGhIjK%3D\""
            + " async></script>",
        // today's Web Connect host, as a plain tag after a queue a theme sets up in its own bundle, and as a hint
        "<script async crossorigin=\"use-credentials\""
            + " src=\"https://an.gr-wcon.com/script/0a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9/ga.js\"></script>",
        "<link rel=\"preconnect\" href=\"https://an.gr-wcon.com\" crossorigin>",
    })
    void getResponseWebConnectGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the sign-up form GetResponse's embed code loads from app.getresponse.com is what the visitor fills in
        "<script type=\"text/javascript\" src=\"https://app.getresponse.com/view_webform_v2.js?u=AbCd1&amp;"
            + "webforms_id=ZyXw9\" data-webform-id=\"ZyXw9\"></script>",
        "<script src=\"https://ga.getresponse.com.example.org/script/ga.js\"></script>",
        "<script>document.querySelector('#signup').addEventListener('submit', function () {"
            + " GrTracking('event', 'newsletter_signup'); });</script>",
    })
    void getResponseFormsLookalikesAndEventCallsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Keap (Infusionsoft) web tracking, which its web-form embed code ends with, on either app domain
        "<script type=\"text/javascript\" src=\"https://ab123.infusionsoft.com/app/webTracking/getTrackingCode\">"
            + "</script>",
        "<script src=\"https://ab123.infusionsoft.app/app/webTracking/getTrackingCode"
            + "?trackingId=0123456789abcdef0123456789abcdef\"></script>",
        "<link rel=\"preload\" as=\"script\" href=\"https://ab123.infusionsoft.app/app/webTracking/getTrackingCode\">",
        "<script>var ifs = document.createElement('script');"
            + " ifs.src = 'https://ab123.infusionsoft.com/app/webTracking/getTrackingCode';"
            + " document.body.appendChild(ifs);</script>",
    })
    void keapWebTrackingGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the form the visitor fills in, and the scripts the same embed code loads for it, stay
        "<form accept-charset=\"UTF-8\" action=\"https://ab123.infusionsoft.com/app/form/process/0123456789abcdef\""
            + " method=\"POST\"><input name=\"inf_field_Email\" type=\"text\"><input type=\"submit\"></form>",
        "<script src=\"https://ab123.infusionsoft.com/app/timezone/timezoneInputJs?xid=0123456789abcdef\"></script>",
        "<a href=\"https://keap.com/\">Keap</a>",
    })
    void keapFormsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Dynamics 365 Customer Insights - Journeys (outbound marketing) website tracking, as its embed code
        // prints it after a form and as a theme loads it
        "<script src=\"https://mktdplp102cdn.azureedge.net/public/latest/js/ws-tracking.js?v=1.84.2007\"></script>",
        "<script>\n  var d365 = document.createElement('script');\n"
            + "  d365.src = 'https://mktdplp102cdn.azureedge.net/public/latest/js/ws-tracking.js?v=1.84.2007';\n"
            + "  document.body.appendChild(d365);\n</script>",
        // real-time journeys' web SDK as a tag
        "<script async src=\"https://download.pi.dynamics.com/sdk/web/msei-0.js\"></script>",
    })
    void dynamicsMarketingWebsiteTrackingGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    /**
     * Real-time journeys' web tracking loader passes the web SDK's URL as a property of its settings object, which the
     * rewriter treats as data: the loader stays with that URL made inert in place, so the SDK never loads and the
     * queue the loader defines ({@code msdynmkt.trackEvent(…)}) keeps the page's own calls from throwing.
     */
    @Test
    void dynamicsRealTimeJourneysLoaderLoadsNothing() {
        String sdk = "https://download.pi.dynamics.com/sdk/web/msei-0.js";
        String loader = """
            <script>
              (function (a, t, i) { var e = "MSEI"; var s = "Analytics"; var o = e + "queue"; a[o] = a[o] || [];
                var r = a[e] || function (n) { var t = {}; t[s] = {}; function e(e) { while (e.length) {
                  var r = e.pop(); t[s][r] = function (e) { return function () { a[o].push([e, n, arguments]) } }(r) } }
                  var r = "track"; var i = "set"; e([r + "Event", r + "View", r + "Action", i + "Property", i + "User",
                  "initialize", "teardown"]); return t }(i.name);
                var n = i.name; if (!a[e]) { a[n] = r[s]; a[o].push(["new", n]); setTimeout(function () {
                  var e = "script"; var r = t.createElement(e); r.async = 1; r.src = i.src;
                  var n = t.getElementsByTagName(e)[0]; n.parentNode.insertBefore(r, n) }, 1) } else { a[n] = new r[s] }
                if (i.user) { a[n].setUser(i.user) } a[n].initialize(i.cfg)
              })(window, document, {
                src: "https://download.pi.dynamics.com/sdk/web/msei-0.js",
                name: "msdynmkt",
                cfg: { ingestionKey: "0a1b2c3d4e5f40718293a4b5c6d7e8f9-0a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9-1234" }
              });
            </script>""";
        String page = BEFORE + loader + AFTER;
        String inert = "data:," + "/".repeat(sdk.length() - "data:,".length());
        assertEquals(BEFORE + loader.replace(sdk, inert) + AFTER, rewrite(REMOVE, page, NONE));
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
    }

    /**
     * Real-time journeys' current web tracking loader has the same shape under the name {@code MSCI}; it fetches
     * {@code WebTracking.bundle.js} from the region's redirect CDN host, or from
     * {@code rdrect-<region>.mkt.dynamics.com}: that URL is made inert in place, as for the web SDK above.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "https://cxppeur1rdrect01sa02cdn-endpoint.azureedge.net/webtracking/WebTracking/WebTracking.bundle.js",
        "https://cxppusa1rdrect01sa02cdn-endpoint.azureedge.net/webtracking/WebTracking/WebTracking.bundle.js",
        "https://rdrect-usa1.mkt.dynamics.com/webtracking/WebTracking/WebTracking.bundle.js",
    })
    void dynamicsRealTimeWebTrackingLoaderLoadsNothing(String bundle) {
        String loader = """
            <script>
              // journeys web tracking
              (function (w, d, cfg) {
                var ns = "MSCI", api = "Analytics", q = ns + "queue";
                w[q] = w[q] || [];
                var make = w[ns] || function (name) {
                  var o = {}; o[api] = {};
                  ["trackEvent", "trackView", "trackAction", "setProperty", "setUser", "initialize", "teardown"]
                    .forEach(function (m) { o[api][m] = function () { w[q].push([m, name, arguments]); }; });
                  return o;
                }(cfg.name);
                if (!w[ns]) {
                  w[cfg.name] = make[api]; w[q].push(["new", cfg.name]);
                  setTimeout(function () {
                    var el = d.createElement("script"); el.async = 1; el.src = cfg.src;
                    var first = d.getElementsByTagName("script")[0]; first.parentNode.insertBefore(el, first);
                  }, 1);
                } else { w[cfg.name] = new make[api]; }
                w[cfg.name].initialize(cfg.cfg);
              })(window, document, {
                src: "BUNDLE",
                name: "MSCI",
                cfg: {
                  ingestionKey: "0a1b2c3d4e5f40718293a4b5c6d7e8f9-0a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9-5678",
                  autoCapture: { view: true, click: true },
                  orgInfo: { orgId: "0a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9" }
                }
              });
            </script>""".replace("BUNDLE", bundle);
        String page = BEFORE + loader + AFTER;
        String inert = "data:," + "/".repeat(bundle.length() - "data:,".length());
        assertEquals(BEFORE + loader.replace(bundle, inert) + AFTER, rewrite(REMOVE, page, NONE));
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
    }

    /** The same loader naming a regional host the catalog does not list goes whole: only the bundle's path tells. */
    @Test
    void dynamicsWebTrackingLoaderOnAnotherRegionalHostGoes() {
        String loader = """
            <script>
            (function (a, t, i) { var e = "MSCI"; var o = e + "queue"; a[o] = a[o] || [];
              if (!a[e]) { setTimeout(function () { var r = t.createElement("script"); r.async = 1; r.src = i.src;
                t.getElementsByTagName("head")[0].appendChild(r); }, 1); }
            })(window, document, {
              src: "https://cxppgbr1rdrect01sa02cdn-endpoint.azureedge.net/webtracking/WebTracking/WebTracking.bundle.js",
              name: "MSCI", cfg: { ingestionKey: "0a1b2c3d4e5f40718293a4b5c6d7e8f9-0a1b-5678" }
            });
            </script>""";
        assertRemovedAndKeptWhenAllowed(loader);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the web tracking bundle as a tag, on a regional CDN host and through a proxy that keeps its path, and
        // outbound marketing's tracking script from a host other than the CDN it was printed with
        "<script async src=\"https://cxppeur1rdrect01sa02cdn-endpoint.azureedge.net/webtracking/WebTracking/"
            + "WebTracking.bundle.js\"></script>",
        "<script src=\"/d365/webtracking/WebTracking/WebTracking.bundle.js\" defer></script>",
        "<script src=\"https://cdn.shop.example/public/latest/js/ws-tracking.js?v=1.84.2007\"></script>",
    })
    void dynamicsWebTrackingBundleGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the marketing forms' loaders on the same and on the real-time CDN stay: the visitor fills those in
        "<script src=\"https://mktdplp102cdn.azureedge.net/public/latest/js/form-loader.js?v=1.84.2007\"></script>"
            + "<div data-form-block-id=\"0a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9\"></div>",
        "<script src='https://cxppusa1formui01cdnsa01-endpoint.azureedge.net/global/FormLoader/FormLoader.bundle.js'>"
            + "</script>",
        // the forms' newer host, a form placeholder with its API and asset hosts, form capture for the site's own
        // form, and a tracked link from an e-mail on the redirect host
        "<div data-form-id=\"0a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9\""
            + " data-form-api-url=\"https://public-eur.mkt.dynamics.com/api/v1.0/orgs/0a1b2c3d/landingpageforms\""
            + " data-cached-form-url=\"https://assets-eur.mkt.dynamics.com/0a1b2c3d/digitalassets/forms/0a1b\"></div>"
            + "<script src=\"https://formui-eur.mkt.dynamics.com/eur/FormLoader/FormLoader.bundle.js\"></script>",
        "<script src=\"https://cxppusa1formui01cdnsa01-endpoint.azureedge.net/eur/FormCapture/FormCapture.bundle.js\""
            + " async></script>",
        "<a href=\"https://rdrect-usa1.mkt.dynamics.com/0a1b2c3d/l/Ab12Cd34?msdynmkt_trackingcontext=x\">Offer</a>",
        "<script src=\"/js/webtracking/consent.js\"></script><script src=\"/js/ws-tracking-consent.js\"></script>",
    })
    void dynamicsMarketingFormsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the BV Pixel's collection hosts, as images and hints, and the transaction the order page reports
        // through the review loader
        "<img src=\"https://network-a.bazaarvoice.com/a.gif?cl=Conversion&amp;type=Transaction&amp;client=shopexample\""
            + " width=\"1\" height=\"1\" alt=\"\">",
        "<noscript><img src=\"//network-eu-a.bazaarvoice.com/a.gif?cl=Conversion&amp;client=shopexample\" alt=\"\">"
            + "</noscript>",
        "<link rel=\"preconnect\" href=\"https://network.bazaarvoice.com\">",
        "<link rel=\"dns-prefetch\" href=\"//network-eu.bazaarvoice.com\">",
        """
            <script>
              window.bvCallback = function (BV) {
                BV.pixel.trackTransaction({
                  orderId: 'A-100', total: '49.90', currency: 'USD', email: 'shopper@mail.example',
                  items: [{sku: 'SKU-1', quantity: '1', price: '49.90'}]
                });
              };
            </script>""",
    })
    void bazaarvoicePixelGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the review display the shopper reads stays
        "<script async src=\"https://apps.bazaarvoice.com/deployments/shopexample/main_site/production/en_US/bv.js\">"
            + "</script>",
        "<div data-bv-show=\"reviews\" data-bv-product-id=\"SKU-1\"></div>",
        "<a href=\"https://www.bazaarvoice.com/\">Bazaarvoice</a>",
    })
    void bazaarvoiceReviewsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // PowerReviews' checkout beacon: its tracker script, the order script that starts it, and a theme that
        // fetches the tracker on the confirmation page
        "<script type=\"text/javascript\" src=\"//static.powerreviews.com/t/v1/tracker.js\"></script>",
        """
            <script type="text/javascript">
              (function () {
                try {
                  var prTracker = POWERREVIEWS.tracker.createTracker({ merchantGroupId: '12345' });
                  prTracker.trackCheckout({
                    merchantGroupId: '12345', merchantId: '67890', locale: 'en_US', orderId: 'A-100',
                    marketingOptIn: true, userEmail: 'shopper@mail.example',
                    orderItems: [{ page_id: 'SKU-1', quantity: 1, unit_price: 49.90 }]
                  });
                } catch (e) { window.console && console.log(e); }
              })();
            </script>""",
        "<script>jQuery.getScript('https://static.powerreviews.com/t/v1/tracker.js').done(reportOrder);</script>",
    })
    void powerReviewsCheckoutBeaconGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the review display stays
        "<script src=\"https://ui.powerreviews.com/stable/4.1/ui.js\" async></script>",
        "<script>POWERREVIEWS.display.render({api_key: 'key', locale: 'en_US', merchant_group_id: '12345',"
            + " merchant_id: '67890', page_id: 'SKU-1', components: {ReviewDisplay: 'pr-reviewdisplay'}});</script>",
    })
    void powerReviewsDisplayStays(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Yotpo's conversion tracking on the order page: the order data its widget script reports, in a plugin's
        // and a headless shop's form, and the <noscript> image
        "<script>yotpoTrackConversionData = {orderId: \"A-100\", orderAmount: \"49.90\", orderCurrency: \"USD\"}"
            + "</script>",
        "<script>window.yotpoTrackConversionData = {source: 'pixel_v2', platform: 'shopify', orderId: '4711',"
            + " orderAmount: 49.9, orderCurrency: 'EUR'};</script>",
        "<script>window.yotpoTrackConversionData={orderId:\"A-100\",orderAmount:\"49.90\",orderCurrency:\"USD\"};"
            + "</script>",
        "<noscript><img src=\"https://api.yotpo.com/conversion_tracking.gif?app_key=AbCdEfGhIjKlMnOp&amp;order_id=A-100"
            + "&amp;order_amount=49.90&amp;order_currency=USD\" width=\"1\" height=\"1\"></noscript>",
    })
    void yotposConversionTrackingGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the review widget itself stays, as does a site's own global of a similar name
        "<script async src=\"//staticw2.yotpo.com/AbCdEfGhIjKlMnOp/widget.js\"></script>",
        "<div class=\"yotpo yotpo-main-widget\" data-product-id=\"42\" data-name=\"Mug\"></div>",
        "<script>var trackConversionData = {orderId: 'A-100'};</script>",
        // the shop's own scripts that only read the order data the tracking set stay
        "<script>var id = window.yotpoTrackConversionData ? yotpoTrackConversionData.orderId : shopOrder.id;"
            + " initReorderButtons();</script>",
        "<script>if (window.yotpoTrackConversionData === undefined) { showOrderSummary(); }</script>",
    })
    void yotpoReviewWidgetStays(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Freshmarketer's (formerly Zarget) project script, as pasted and as its asynchronous loader writes it
        "<script src='//cdn.freshmarketer.com/112233/445566.js'></script>",
        """
            <script type='text/javascript'>
            (function () {
              window.zarget = true;
              var tag = document.createElement('script');
              tag.async = true;
              tag.src = 'https://cdn.freshmarketer.com/112233/445566.js';
              document.getElementsByTagName('head')[0].appendChild(tag);
            })();
            </script>""",
        "<link rel=\"dns-prefetch\" href=\"//cdn.freshmarketer.com\">",
    })
    void freshmarketersProjectScriptGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the Freshworks CRM script carries the site's chat, and Freshchat's widget is the chat itself
        "<script src='//eu.fw-cdn.com/10069955/50057.js' chat='true'></script>",
        "<script src=\"https://wchat.freshchat.com/js/widget.js\"></script>",
    })
    void freshworksChatStays(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Akamai mPulse: the non-blocking loader with the app's API key, the older iframe loader, a plain tag and
        // the hints for its loader and beacon hosts
        """
            <script>
            (function () {
              if (window.BOOMR && (window.BOOMR.version || window.BOOMR.snippetExecuted)) { return; }
              window.BOOMR = window.BOOMR || {};
              window.BOOMR.snippetExecuted = true;
              window.BOOMR.url = "//c.go-mpulse.net/boomerang/" + "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2";
              var where = document.currentScript || document.getElementsByTagName("script")[0];
              var el = document.createElement("script");
              el.id = "boomr-scr-as"; el.src = window.BOOMR.url; el.async = true;
              where.parentNode.appendChild(el);
            })();
            </script>""",
        "<script>(function (key) { var frame = document.createElement('iframe'); frame.style.display = 'none';"
            + " document.body.appendChild(frame); var js = frame.contentWindow.document.createElement('script');"
            + " js.id = 'boomr-if-as'; js.src = 'https://s.go-mpulse.net/boomerang/' + key;"
            + " frame.contentWindow.document.body.appendChild(js); })('ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2');</script>",
        "<script async src=\"https://s.go-mpulse.net/boomerang/ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2\"></script>",
        "<link rel=\"preconnect\" href=\"https://c.go-mpulse.net\">",
        "<link rel=\"dns-prefetch\" href=\"//17de4c12.akstat.io\">",
        "<link rel=\"preconnect\" href=\"https://0a1b2c3d.mpstat.us\" crossorigin>",
    })
    void akamaiMpulseGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the open-source boomerang served by the site itself, which reports where the site says, stays
        "<script src=\"/assets/boomerang-1.737.0.min.js\"></script>",
        "<a href=\"https://www.akamai.com/products/mpulse-real-user-monitoring\">mPulse</a>",
    })
    void selfHostedBoomerangStays(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // SpeedCurve's lux.js with the customer id, inserted by a script, and hints for its hosts
        "<script src=\"https://cdn.speedcurve.com/js/lux.js?id=1234567890\" async defer crossorigin=\"anonymous\">"
            + "</script>",
        """
            <script>
              window.LUX = window.LUX || {};
              LUX.samplerate = 50;
              var luxTag = document.createElement('script');
              luxTag.async = true; luxTag.crossOrigin = 'anonymous';
              luxTag.src = 'https://cdn.speedcurve.com/js/lux.js?id=1234567890';
              document.head.appendChild(luxTag);
            </script>""",
        "<link rel=\"preconnect\" href=\"https://lux.speedcurve.com\">",
        "<link rel=\"dns-prefetch\" href=\"//cdn.speedcurve.com\">",
    })
    void speedCurveLuxGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the inline primer only keeps marks for lux.js and sends nothing; a site's own LUX object; the vendor's site
        "<script>LUX=(function(){var marks=(\"undefined\"!==typeof(LUX)&&\"undefined\"!==typeof(LUX.gaMarks)"
            + "?LUX.gaMarks:[]);return {gaMarks:marks,mark:function(){},addData:function(){}};})();</script>",
        "<script>var LUX = {theme: 'dark'};</script>",
        "<a href=\"https://www.speedcurve.com/\">SpeedCurve</a>",
    })
    void speedCurvePrimerAndLookalikesStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Zoho SalesIQ's widget code: its settings object and the loader it writes, as pasted and as a plain tag
        """
            <script type="text/javascript">
              var $zoho = $zoho || {};
              $zoho.salesiq = $zoho.salesiq || {widgetcode: "0123456789abcdef0123456789abcdef", values: {},
                ready: function () {}};
              var doc = document, el = doc.createElement("script");
              el.type = "text/javascript"; el.id = "zsiqscript"; el.defer = true;
              el.src = "https://salesiq.zoho.com/widget";
              var first = doc.getElementsByTagName("script")[0];
              first.parentNode.insertBefore(el, first);
            </script>""",
        "<script id=\"zsiqscript\" src=\"https://salesiq.zoho.com/widget?wc=0123456789abcdef\" defer></script>",
        // the current embed code's widget, its code in the URL, on the public widget host of the account's data
        // centre, as a tag and as a script writes it
        "<script id=\"zsiqscript\" src=\"https://salesiq.zohopublic.com/widget?wc=siq0123456789abcdef\" defer></script>",
        "<script id=\"zsiqscript\" src=\"https://salesiq.zohopublic.eu/widget?wc=siq0123456789abcdef\" defer></script>",
        "<script id=\"zsiqscript\" src=\"https://salesiq.zohopublic.in/widget?wc=siq0123456789abcdef\" defer></script>",
        "<script>(function () { var s = document.createElement('script'); s.id = 'zsiqscript'; s.defer = true;"
            + " s.src = 'https://salesiq.zohopublic.com.au/widget?wc=siq0123456789abcdef';"
            + " document.body.appendChild(s); })();</script>",
    })
    void zohoSalesIqGoesWithFunctionalRefused(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Zoho Forms shares the public host suffix with the SalesIQ widget and is what the visitor fills in
        "<iframe src=\"https://forms.zohopublic.com/shopexample/form/Contact/formperma/AbCdEf0123456789\""
            + " width=\"100%\" height=\"600\"></iframe>",
        "<iframe src=\"https://forms.zohopublic.eu/shopexample/form/Contact/formperma/AbCdEf0123456789\"></iframe>",
        "<script>var zoho = {salesiq: 'demo'};</script>",
        // the current embed code's settings stub loads nothing without the widget
        "<script>window.$zoho = window.$zoho || {}; $zoho.salesiq = $zoho.salesiq || {ready: function () {}};</script>",
    })
    void zohoFormsAndSettingsStubStay(String html) {
        assertKept(html);
    }
}
