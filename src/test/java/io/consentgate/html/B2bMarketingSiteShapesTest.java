package io.consentgate.html;

import static io.consentgate.html.PageFrame.assertRewritten;
import static io.consentgate.html.PageFrame.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * B2B and SaaS marketing sites as Webflow, HubSpot CMS, WordPress and Next.js print them: account identification,
 * marketing automation, ad pixels, product analytics, testing tools and chat side by side with the site's own
 * navigation, forms and scripts. With the categories refused the vendors' loaders, settings and pixels go, the named
 * first-party parts stay, and with everything allowed the page is untouched.
 */
class B2bMarketingSiteShapesTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ANALYTICS_ONLY = decision(Category.FUNCTIONAL, Category.ANALYTICS);
    private static final ConsentDecision MARKETING_ONLY = decision(Category.FUNCTIONAL, Category.MARKETING);
    private static final ConsentDecision FUNCTIONAL_ONLY = decision(Category.FUNCTIONAL);
    private static final ConsentDecision ALL = decision(Category.FUNCTIONAL, Category.ANALYTICS, Category.MARKETING);

    private static ConsentDecision decision(Category... allowed) {
        return ConsentDecision.of(Set.of(allowed), Map.of(), ConsentMode.OPT_IN);
    }

    private static final String WEBFLOW_PAGE = """
        <!DOCTYPE html><!-- Last Published: Tue Nov 04 2026 --><html data-wf-domain="www.acmeops.example" \
        data-wf-page="6650a1b2c3d4e5f6a7b8c9d0" data-wf-site="6650a1b2c3d4e5f6a7b8c9c1" lang="en">
        <head><meta charset="utf-8"><title>AcmeOps | Revenue orchestration for B2B teams</title>
        <link href="https://cdn.prod.website-files.com/6650a1b2c3d4e5f6a7b8c9c1/css/acmeops.webflow.shared.css" \
        rel="stylesheet" type="text/css">
        <script type="text/javascript">(function(root,win){var mark=function(c){root.className+=" w-mod-"+c};\
        mark("js");if("ontouchstart"in win||win.DocumentTouch&&document instanceof DocumentTouch){mark("touch")}})\
        (document.documentElement,window);</script>
        <!-- HubSpot embed -->
        <script type="text/javascript" id="hs-script-loader" async defer src="//js-eu1.hs-scripts.com/26123456.js">\
        </script>
        <!-- /HubSpot embed -->
        <script src="https://tag.clearbitscripts.com/v1/pk_0f1e2d3c4b5a69788796a5b4c3d2e1f0/tags.js" \
        referrerpolicy="strict-origin-when-cross-origin"></script>
        <script>
          var _6si = window._6si = window._6si || [];
          _6si.push(['enableEventTracking', true], ['setToken', '8c1f4e2a9b7d6c5e4f3a2b1c0d9e8f7a'],
            ['setEndpoint', 'b.6sc.co']);
          (function (src) {
            var tag = document.createElement('script');
            tag.async = true;
            tag.src = src;
            document.head.appendChild(tag);
          })('//j.6sc.co/6si.min.js');
        </script>
        <script type="text/javascript">
        var _linkedin_partner_id = "4812345";
        window._linkedin_data_partner_ids = (window._linkedin_data_partner_ids || []).concat(_linkedin_partner_id);
        </script><script type="text/javascript">
        (function (win, doc) {
          if (!win.lintrk) {
            var calls = [];
            win.lintrk = function (action, data) { calls.push([action, data]); };
            win.lintrk.q = calls;
          }
          var insight = doc.createElement("script");
          insight.async = true;
          insight.src = "https://snap.licdn.com/li.lms-analytics/insight.min.js";
          doc.head.appendChild(insight);
        })(window, document);
        </script>
        <noscript>
        <img height="1" width="1" style="display:none;" alt="" \
        src="https://px.ads.linkedin.com/collect/?pid=4812345&fmt=gif" />
        </noscript>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization",\
        "name":"AcmeOps","url":"https://www.acmeops.example","sameAs":["https://www.linkedin.com/company/acmeops",\
        "https://x.com/acmeops","https://www.g2.com/products/acmeops/reviews"]}</script>
        </head><body>
        <div class="navbar w-nav" data-collapse="medium" role="banner"><a href="/" class="brand w-nav-brand">AcmeOps</\
        a>\
        <a href="/demo" class="button w-button" id="nav-demo">Book a demo</a></div>
        <section class="logos"><h2>Trusted by revenue teams and integrated with your stack</h2>
        <img src="https://cdn.prod.website-files.com/6650a1b2c3d4e5f6a7b8c9c1/logos/6sense.svg" alt="6sense">
        <img src="https://cdn.prod.website-files.com/6650a1b2c3d4e5f6a7b8c9c1/logos/hubspot.svg" alt="HubSpot">
        <a href="https://www.hubspot.com/products/marketing" id="hubspot-link">HubSpot integration</a>
        <a href="https://6sense.com/platform/" id="sixsense-link">6sense integration</a></section>
        <script src="https://d3e54v103j8qbb.cloudfront.net/js/jquery-3.5.1.min.dc5e7f18c8.js?site=6650a1b2c3d4e5f6a7b8\
        c9c1" \
        type="text/javascript" integrity="sha256-9/aliU8dGd2tb6OSsuzixeV4y/faTqgFtohetphbbj0=" crossorigin="anonymous">\
        </script>
        <script src="https://cdn.prod.website-files.com/6650a1b2c3d4e5f6a7b8c9c1/js/webflow.a1b2c3d4.js" \
        type="text/javascript"></script>
        </body></html>
        """;

    @Test
    void webflowHeadCodeLosesHubSpotClearbitSixSenseAndLinkedInAndKeepsTheSite() {
        assertRewritten(WEBFLOW_PAGE, NONE,
            List.of("hs-scripts.com", "clearbitscripts.com", "6sc.co", "_6si", "_linkedin_partner_id",
                "snap.licdn.com", "px.ads.linkedin.com"),
            List.of("w-mod-", "webflow.a1b2c3d4.js", "jquery-3.5.1.min", "application/ld+json",
                "linkedin.com/company/acmeops", "logos/6sense.svg", "id=\"hubspot-link\"", "id=\"sixsense-link\"",
                "id=\"nav-demo\"", "<!-- HubSpot embed -->"));
    }

    @Test
    void webflowHeadCodeLosesTheMarketingTagsWhereOnlyAnalyticsIsAllowed() {
        assertRewritten(WEBFLOW_PAGE, ANALYTICS_ONLY,
            List.of("hs-scripts.com", "clearbitscripts.com", "6sc.co", "_linkedin_partner_id", "snap.licdn.com"),
            List.of("webflow.a1b2c3d4.js", "logos/hubspot.svg"));
    }

    @Test
    void hubSpotCmsPageLosesItsTrackingAndMunchkinAndKeepsTheFormsAndCmsScripts() {
        String page = """
            <!doctype html><html lang="en"><head><meta charset="utf-8">
            <title>Pricing | Northwind Cloud</title>
            <link rel="stylesheet" href="/hs-fs/hubfs/hub_generated/template_assets/1/55512345678/theme.min.css">
            <script src="/hs/hsstatic/jquery-libs/static-1.4/jquery/jquery-1.11.2.js"></script>
            <script>hsjQuery = window['jQuery'];</script>
            </head><body class="pricing-page">
            <main id="pricing"><h1>Plans for every team</h1>
            <div id="hs-form-demo"></div>
            <script charset="utf-8" type="text/javascript" src="//js-eu1.hsforms.net/forms/embed/v2.js"></script>
            <script>
              hbspt.forms.create({
                region: "eu1",
                portalId: "26123456",
                formId: "3f2e1d0c-4b5a-6978-8796-a5b4c3d2e1f0",
                target: "#hs-form-demo"
              });
            </script></main>
            <script>
            window.addEventListener('DOMContentLoaded', function () {
              var started = false, mkto = document.createElement('script');
              function start() {
                if (started) { return; }
                started = true;
                Munchkin.init('123-ABC-456', {wsInfo: 'jFRS'});
              }
              mkto.async = true;
              mkto.src = 'https://munchkin.marketo.net/munchkin.js';
              mkto.addEventListener('load', start);
              document.head.appendChild(mkto);
            });
            </script>
            <script>var _hsq = window._hsq = window._hsq || []; _hsq.push(["setContentType", "standard-page"]);\
            </script>
            <script type="text/javascript" id="hs-script-loader" async defer src="/hs/scriptloader/26123456.js">\
            </script>
            <script src="/hs/hsstatic/cos-i18n/static-1.53/bundles/project.js"></script>
            <script src="/hs-fs/hubfs/hub_generated/template_assets/1/55512345679/main.min.js"></script>
            </body></html>
            """;
        assertRewritten(page, NONE,
            List.of("/hs/scriptloader/", "Munchkin.init", "munchkin.marketo.net"),
            List.of("hbspt.forms.create", "forms/embed/v2.js", "hsjQuery", "cos-i18n/static-1.53/bundles/project.js",
                "55512345679/main.min.js", "<h1>Plans for every team</h1>", "setContentType"));
    }

    @Test
    void wordPressPageLosesTheVisitorIdentificationTagsAndKeepsItsOwnHeapLibrary() {
        String page = """
            <!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8">
            <title>Integrations &#8211; Fabrikam Data</title>
            <script type="text/javascript" src="https://fabrikam.example/wp-includes/js/jquery/jquery.min.js?ver=3.7.1\
            " \
            id="jquery-core-js"></script>
            <script type="text/javascript">
            var piAId = '1012345', piCId = '', piHostname = 'go.fabrikam.example';
            window.addEventListener('load', function () {
              var pd = document.createElement('script');
              pd.src = (location.protocol === 'https:' ? 'https://pi' : 'http://cdn') + '.pardot.com/pd.js';
              document.body.appendChild(pd);
            });
            </script>
            <script>(function (trackerId) {
              var calls = [];
              window.ldfdr = window.ldfdr || function () { calls.push(Array.prototype.slice.call(arguments)); };
              window.ldfdr._q = calls;
              var lf = document.createElement('script');
              lf.async = true;
              lf.src = 'https://sc.lfeeder.com/lftracker_v1_' + trackerId + '.js';
              document.head.appendChild(lf);
            })('lYNOR8xZ4Ba4WQJZ');</script>
            <script type="text/javascript" src="https://secure.leadforensics.com/js/219876.js" ></script>
            <noscript><img alt="" src="https://secure.leadforensics.com/219876.png" style="display:none;" /></noscript>
            <script type="text/javascript">window._nQc="89012345";</script>
            <script type="text/javascript" async src="https://serve.albacross.com/track.js"></script>
            <script>window.ZIProjectKey = "a1b2c3d4e5f6a7b8c9d0";</script>
            <script async src="https://js.zi-scripts.com/zi-tag.js"></script>
            <noscript><img src="https://ws.zoominfo.com/pixel/6123456789abcdef01234567" width="1" height="1" \
            style="display: none;" alt="websights"/></noscript>
            <script src="https://fabrikam.example/wp-content/themes/fabrikam/js/heap.js?ver=2.1.0" id="fab-heap-js">\
            </script>
            <script>
              var queue = new FabHeap(function (a, b) { return a.priority - b.priority; });
              queue.push({priority: 2, name: 'Salesforce'}); queue.push({priority: 1, name: 'Marketo'});
              document.getElementById('integration-count').textContent = queue.size();
            </script>
            </head><body>
            <p>Works with <span id="integration-count"></span> tools, among them Pardot, Marketo and Leadfeeder.</p>
            <a href="https://www.leadfeeder.com/" id="lf-link">Leadfeeder</a>
            <a href="https://www.leadforensics.com/" id="lfx-link">Lead Forensics</a>
            </body></html>
            """;
        assertRewritten(page, NONE,
            List.of("piAId", "pardot.com", "ldfdr", "lfeeder.com", "leadforensics.com/js", "219876.png", "_nQc",
                "albacross.com", "ZIProjectKey", "zi-scripts.com", "ws.zoominfo.com"),
            List.of("jquery.min.js", "js/heap.js?ver=2.1.0", "new FabHeap", "id=\"lf-link\"", "id=\"lfx-link\"",
                "among them Pardot, Marketo and Leadfeeder"));
    }

    private static final String NEXT_PAGE = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>
        <link rel="preload" href="/_next/static/media/inter-latin.woff2" as="font" crossorigin="" type="font/woff2"/>
        <script src="/_next/static/chunks/webpack-4b2f1c0e.js" defer=""></script>
        <script src="/_next/static/chunks/main-app-9a8b7c6d.js" defer=""></script>
        <link rel="preconnect" href="https://cdn.segment.com"/>
        <script id="segment-snippet">(function(w,d){var a=w.analytics=w.analytics||[];\
        if(a.initialize||a.invoked){return}a.invoked=true;\
        ["page","track","identify","group","alias","reset"].forEach(function(m){\
        a[m]=function(){a.push([m].concat([].slice.call(arguments)));return a}});\
        analytics.load=function(key,opts){var el=d.createElement("script");el.async=true;\
        el.src="https://cdn.segment.com/analytics.js/v1/"+key+"/analytics.min.js";d.head.appendChild(el);\
        a._loadOptions=opts};a._writeKey="Xk2mQ9rTz4";analytics.SNIPPET_VERSION="5.2.0";analytics.load("Xk2mQ9rTz4");\
        a.page()})(window,document);</script>
        <script type="text/javascript">
            window.heap = window.heap || [];
            heap.load = function (envId, config) {
                heap.envId = envId;
                heap.clientConfig = config || {};
                var lib = document.createElement("script");
                lib.async = true;
                lib.src = "https://cdn.us.heap-api.com/config/" + envId + "/heap_config.js";
                document.head.appendChild(lib);
            };
            heap.load("3141592653");
        </script>
        <script>
          window._fs_org = 'o-1QRS2T-na1'; window._fs_namespace = 'FS';
          window._fs_host = 'fullstory.com'; window._fs_script = 'edge.fullstory.com/s/fs.js';
        </script>
        <script src="https://edge.fullstory.com/s/fs.js" crossorigin="anonymous" async></script>
        <script src="https://cdn.amplitude.com/script/8f7e6d5c4b3a29181716151413121110.js"></script>
        <script>
          var replay = window.sessionReplay.plugin({sampleRate: 1});
          amplitude.add(replay);
          amplitude.init('8f7e6d5c4b3a29181716151413121110', {autocapture: true, fetchRemoteConfig: true});
        </script>
        <script>
            (function (doc) {
                var ph = window.posthog = window.posthog || [];
                if (ph.__loaded || ph.init) { return; }
                ph.init = function (token, opts) {
                    ph.push(['init', token, opts]);
                    var lib = doc.createElement('script');
                    lib.async = true;
                    lib.crossOrigin = 'anonymous';
                    lib.src = opts.api_host.replace('.i.posthog.com', '-assets.i.posthog.com') + '/static/array.js';
                    doc.head.appendChild(lib);
                };
            })(document);
            posthog.init('phc_Z9y8X7w6V5u4T3s2R1q0',
                {api_host: 'https://eu.i.posthog.com', person_profiles: 'identified_only'});
        </script>
        <script src="https://cdn.lr-ingest.io/LogRocket.min.js" crossorigin="anonymous"></script>
        <script>window.LogRocket && window.LogRocket.init('k3x9qa/marketing-site');</script>
        <script type="text/javascript">
            window.clarity = window.clarity || function () {
                (window.clarity.q = window.clarity.q || []).push(arguments);
            };
            (function (projectId) {
                var tag = document.createElement('script');
                tag.async = true;
                tag.src = 'https://www.clarity.ms/tag/' + projectId;
                document.head.appendChild(tag);
            })('p4q5r6s7t8');
        </script>
        <script>
            window._hjSettings = {hjid: 3456789, hjsv: 6};
            window.hj = window.hj || function () { (hj.q = hj.q || []).push(arguments); };
            (function (cfg) {
                var hjTag = document.createElement('script');
                hjTag.async = true;
                hjTag.src = 'https://static.hotjar.com/c/hotjar-' + cfg.hjid + '.js?sv=' + cfg.hjsv;
                document.head.appendChild(hjTag);
            })(window._hjSettings);
        </script>
        <script>
        (function (key) {
            var agent = window.pendo = window.pendo || {};
            var calls = agent._q = agent._q || [];
            ['initialize', 'identify', 'updateOptions', 'pageLoad', 'track'].forEach(function (name) {
                agent[name] = agent[name] || function () {
                    var call = [name].concat(Array.prototype.slice.call(arguments));
                    if (name === 'initialize') { calls.unshift(call); } else { calls.push(call); }
                };
            });
            var lib = document.createElement('script');
            lib.async = true;
            lib.src = 'https://cdn.pendo.io/agent/static/' + key + '/pendo.js';
            document.head.appendChild(lib);
            agent.initialize({visitor: {id: ''}});
        })('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
        </script>
        <script>mixpanel.init("4c9e1b2a7f3d8e6c5b0a9f8e7d6c5b4a", {track_pageview: true, persistence: "localStorage"});\
        </script>
        </head><body><div id="__next"><header><a href="/pricing" id="pricing-link">Pricing</a></header>
        <section><h2>Connect your warehouse, Segment or Amplitude in minutes</h2>
        <a href="https://segment.com/docs/" id="segment-docs">Segment docs</a>
        <img src="https://logo.clearbit.com/amplitude.com" alt="Amplitude" id="amplitude-logo"></section></div>
        <script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"integrations":["Segment",\
        "Amplitude","Mixpanel","Heap","PostHog"]}},"page":"/integrations","buildId":"k2Lm9pQ"}</script>
        <script>self.__next_f.push([1,"3:I[\\"(app)/integrations/page\\",[]]\\n"])</script>
        </body></html>
        """;

    @Test
    void nextJsPageLosesTheProductAnalyticsAndReplayToolsAndKeepsTheAppAndItsData() {
        assertRewritten(NEXT_PAGE, NONE,
            List.of("segment.com/analytics.js", "analytics.SNIPPET_VERSION", "heap-api.com", "heap.load(",
                "_fs_org", "edge.fullstory.com", "cdn.amplitude.com", "amplitude.init", "posthog.init",
                "i.posthog.com", "lr-ingest.io", "LogRocket.init", "clarity.ms", "_hjSettings", "cdn.pendo.io",
                "mixpanel.init"),
            List.of("webpack-4b2f1c0e.js", "main-app-9a8b7c6d.js", "inter-latin.woff2", "id=\"pricing-link\"",
                "id=\"segment-docs\"", "id=\"amplitude-logo\"", "__NEXT_DATA__", "\"integrations\":[\"Segment\"",
                "self.__next_f.push"));
    }

    @Test
    void nextJsPageKeepsTheAnalyticsToolsWhereAnalyticsIsAllowed() {
        String out = rewrite(NEXT_PAGE, ANALYTICS_ONLY);
        assertEquals(NEXT_PAGE, out);
    }

    private static final String AD_PIXELS = """
        <html><head><title>Webinar: pipeline in a downturn</title></head><body>
        <form id="webinar-signup" action="/api/signup" method="post"><input name="email" type="email">\
        <button>Register</button></form>
        <script>
        (function(w,d){if(w.rdt){return}var queue=[];w.rdt=function(){var send=w.rdt.sendEvent;\
        send?send.apply(w.rdt,arguments):queue.push(arguments)};w.rdt.callQueue=queue;var js=d.createElement("script");\
        js.async=true;js.src="https://www.redditstatic.com/ads/pixel.js";d.head.appendChild(js)})(window,document);\
        rdt('init','a2_ghij1234klmn', {"optOut":false, "useDecimalCurrencyValues":true});rdt('track', 'PageVisit');
        </script>
        <script>
        (function (w, url) {
          if (w.qp) { return; }
          var pending = [];
          w.qp = function () { pending.push(arguments); };
          w.qp.queue = pending;
          var js = document.createElement('script');
          js.async = true;
          js.src = url;
          document.head.appendChild(js);
        })(window, 'https://a.quora.com/qevents.js');
        qp('init', '0123456789abcdef0123456789abcdef');
        qp('track', 'ViewContent');
        </script>
        <noscript><img height="1" width="1" style="display:none" \
        src="https://q.quora.com/_/ad/0123456789abcdef0123456789abcdef/pixel?tag=ViewContent&noscript=1"/></noscript>
        <script>
        window.twq || (function (w) {
          var cmds = [];
          w.twq = function () { w.twq.exe ? w.twq.exe.apply(w.twq, arguments) : cmds.push(arguments); };
          w.twq.version = '1.1';
          w.twq.queue = cmds;
          var uwt = document.createElement('script');
          uwt.async = true;
          uwt.src = 'https://static.ads-twitter.com/uwt.js';
          document.head.appendChild(uwt);
        })(window);
        twq('config','o9zyx');
        </script>
        <script>(function(w,d){w.uetq=w.uetq||[];var js=d.createElement("script");js.async=true;\
        js.src="//bat.bing.com/bat.js";js.onload=function(){var cfg={ti:"187654321",enableAutoSpaTracking:true};\
        cfg.q=w.uetq;w.uetq=new UET(cfg);w.uetq.push("pageLoad")};\
        d.head.appendChild(js)})(window,document);</script>
        <script type="text/javascript">
            var adroll_adv_id = "QWERTY2345ASDFG6789ZX", adroll_pix_id = "ZXCVB9876POIUY5432LK", adroll_version = "2.0";
            window.adroll = window.adroll || [];
            ['setProperties', 'identify', 'track'].forEach(function (method) {
                adroll[method] = adroll[method] || function () { adroll.push([method, arguments]); };
            });
            (function (tag) {
                tag.src = "https://s.adroll.com/j/" + adroll_adv_id + "/roundtrip.js";
                document.head.appendChild(tag);
            })(document.createElement('script'));
            adroll.track("pageView");
        </script>
        <script src="/assets/js/webinar-form.js"></script>
        <script>
          document.getElementById('webinar-signup').addEventListener('submit', function () {
            if (typeof rdt === 'function') { rdt('track', 'SignUp'); }
            window.twq && twq('event', 'tw-o9zyx-odd01', {});
            window.lintrk && lintrk('track', { conversion_id: 13579246 });
          });
        </script>
        </body></html>
        """;

    @Test
    void adPixelsGoWhereMarketingIsRefusedAndTheSignupHandlerStays() {
        for (ConsentDecision d : List.of(NONE, ANALYTICS_ONLY)) {
            assertRewritten(AD_PIXELS, d,
                List.of("redditstatic.com", "rdt('init'", "a.quora.com", "qp('init'", "q.quora.com",
                    "ads-twitter.com", "twq('config'", "bat.bing.com", "new UET(", "adroll_adv_id", "s.adroll.com"),
                List.of("id=\"webinar-signup\"", "/assets/js/webinar-form.js", "rdt('track', 'SignUp')",
                    "lintrk('track'"));
        }
    }

    @Test
    void theSitesOwnBannerKeepsItsButtonsAndLosesTheTagsItWouldLoad() {
        String page = """
            <div id="cookie-banner" hidden><p>We use cookies.</p><button id="cb-accept">Accept all</button>\
            <button id="cb-reject">Reject</button></div>
            <script>
            (function () {
              var STORE = 'acme_consent_v2';
              var banner = document.getElementById('cookie-banner');
              function loadScript(src) {
                var el = document.createElement('script');
                el.async = true;
                el.src = src;
                document.head.appendChild(el);
              }
              function startTags(choice) {
                if (choice.analytics) {
                  loadScript('https://cdn.heapanalytics.com/js/heap-3141592653.js');
                }
                if (choice.marketing) {
                  loadScript('https://js.hs-scripts.com/26123456.js');
                  loadScript('https://j.6sc.co/6si.min.js');
                }
              }
              var saved = localStorage.getItem(STORE);
              if (saved) { startTags(JSON.parse(saved)); } else { banner.hidden = false; }
              document.getElementById('cb-accept').addEventListener('click', function () {
                var choice = {analytics: true, marketing: true};
                localStorage.setItem(STORE, JSON.stringify(choice));
                banner.hidden = true;
                startTags(choice);
              });
              document.getElementById('cb-reject').addEventListener('click', function () {
                localStorage.setItem(STORE, JSON.stringify({analytics: false, marketing: false}));
                banner.hidden = true;
              });
            })();
            </script>
            """;
        assertRewritten(page, NONE,
            List.of("heapanalytics.com", "hs-scripts.com", "6sc.co"),
            List.of("id=\"cb-accept\"", "var STORE = 'acme_consent_v2';", "banner.hidden = false;",
                "localStorage.setItem(STORE, JSON.stringify({analytics: false, marketing: false}));",
                "function loadScript(src)"));
        assertRewritten(page, ANALYTICS_ONLY,
            List.of("hs-scripts.com", "6sc.co"),
            List.of("https://cdn.heapanalytics.com/js/heap-3141592653.js", "id=\"cb-reject\""));
    }

    private static final String TESTING_PAGE = """
        <html class="no-js"><head>
        <style>.async-hide { opacity: 0 !important} </style>
        <script>(function(root,cls,wait,ids){var show=function(){root.classList.remove(cls)};root.classList.add(cls);
        var dl=window.dataLayer=window.dataLayer||[];dl.hide=ids;ids.start=Date.now();ids.end=show;
        setTimeout(show,wait);
        })(document.documentElement,'async-hide',4000,{'OPT-K7LMN2P':true});</script>
        <script src="https://www.googleoptimize.com/optimize.js?id=OPT-K7LMN2P"></script>
        <!-- VWO -->
        <link rel="preconnect" href="https://dev.visualwebsiteoptimizer.com" />
        <script type='text/javascript' id='vwoCode'>
        window._vwo_code || (function (accountId, tolerance) {
          var hider = document.createElement('style');
          hider.id = '_vis_opt_path_hides';
          hider.textContent = 'body{opacity:0 !important}';
          document.head.appendChild(hider);
          var reveal = function () { if (hider.parentNode) { hider.parentNode.removeChild(hider); } };
          window._vwo_code = {finish: reveal};
          var lib = document.createElement('script');
          lib.src = 'https://dev.visualwebsiteoptimizer.com/j.php?a=' + accountId
            + '&u=' + encodeURIComponent(document.URL);
          document.head.appendChild(lib);
          setTimeout(reveal, tolerance);
        })(765432, 2000);
        </script>
        <!-- /VWO -->
        <script src="https://cdn.optimizely.com/js/21098765432.js"></script>
        <script>document.documentElement.className = document.documentElement.className.replace('no-js', 'js');\
        </script>
        </head><body><h1 id="hero">Close more deals</h1></body></html>
        """;

    @Test
    void testingToolsGoWithTheirPrehidingAndThePageIsNotLeftHidden() {
        assertRewritten(TESTING_PAGE, MARKETING_ONLY,
            List.of("'async-hide',4000", "googleoptimize.com", "visualwebsiteoptimizer.com", "_vwo_code",
                "cdn.optimizely.com"),
            List.of(".async-hide { opacity: 0 !important}", "replace('no-js', 'js')", "id=\"hero\""));
    }

    private static final String CHAT_PAGE = """
        <main><a href="#" id="talk-to-sales" onclick="window.Intercom && Intercom('show'); return false;">Talk to \
        sales</a></main>
        <script>
          window.intercomSettings = {
            api_base: "https://api-iam.intercom.io",
            app_id: "zq8x4lm2",
          };
        </script>
        <script>
          (function (w, d) {
            if (typeof w.Intercom === 'function') { w.Intercom('update', w.intercomSettings); return; }
            var pending = [];
            w.Intercom = function () { pending.push(arguments); };
            w.Intercom.q = pending;
            function attach() {
              var js = d.createElement('script');
              js.async = true;
              js.src = 'https://widget.intercom.io/widget/' + w.intercomSettings.app_id;
              d.head.appendChild(js);
            }
            if (d.readyState === 'complete') { attach(); } else { w.addEventListener('load', attach); }
          })(window, document);
        </script>
        <script>
        "use strict";
        (function () {
          var chat = window.drift = window.driftt = window.driftt || [];
          if (chat.init || chat.invoked) { return; }
          chat.invoked = true;
          ['identify', 'config', 'track', 'reset', 'debug', 'show', 'ping', 'page', 'hide', 'off', 'on']
            .forEach(function (m) {
              chat[m] = function () { chat.push([m].concat([].slice.call(arguments))); return chat; };
            });
          chat.load = function (id) {
            var bucket = 5 * 60 * 1000, stamp = Math.ceil(Date.now() / bucket) * bucket;
            var js = document.createElement('script');
            js.async = true;
            js.crossOrigin = 'anonymous';
            js.src = 'https://js.driftt.com/include/' + stamp + '/' + id + '.js';
            document.head.appendChild(js);
          };
        })();
        drift.SNIPPET_VERSION = '0.3.1';
        drift.load('k7n3m9xq2w4e');
        </script>
        """;

    @Test
    void chatWidgetsStayWhereOnlyFunctionalIsAllowedAndGoWhereItIsRefused() {
        assertEquals(CHAT_PAGE, rewrite(CHAT_PAGE, FUNCTIONAL_ONLY));
        assertRewritten(CHAT_PAGE, NONE,
            List.of("intercomSettings", "widget.intercom.io", "driftt.com", "drift.load("),
            List.of("id=\"talk-to-sales\"", "Intercom('show')"));
    }

    @Test
    void visitorIdentificationTagsMissingFromTheCatalogGo() {
        String page = """
            <head><title>AcmeOps</title>
            <script id="rb2b-loader">
              !function (key) {
                if (window.reb2b) { return; }
                window.reb2b = {loaded: true};
                var tag = document.createElement("script");
                tag.async = true;
                tag.src = "https://ddwl4m2hdecbv.cloudfront.net/b/" + key + "/" + key + ".js.gz";
                document.getElementsByTagName("script")[0].parentNode.insertBefore(tag, \
            document.getElementsByTagName("script")[0]);
              }("7Q2W9E4R1TY3");
            </script>
            <script>(function(key){var rb=window.reb2b=window.reb2b||[];if(rb.invoked){return}rb.invoked=true;\
            var el=document.createElement("script");el.async=true;\
            el.src="https://s3-us-west-2.amazonaws.com/b2bjsstore/b/"+key+"/"+key+".js.gz";\
            document.head.appendChild(el)})("5LP0ZX8CV2BN");</script>
            <script src="https://b2bjsstore.s3.us-west-2.amazonaws.com/b/5LP0ZX8CV2BN/5LP0ZX8CV2BN.js.gz" async></scri\
            pt>
            <script id="warmly-script-loader" src="https://opps-widget.getwarmly.com/warmly.js?clientId=0f9e8d7c6b5a4f\
            3e2d1c0b9a8f7e6d5c" \
            defer></script>
            <script>(function(){if(window.ko){return}var q=window.ko=[];\
            ["identify","track","removeListeners","on","off","qualify","ready"].forEach(function(name){\
            q[name]=function(){q.push([name].concat([].slice.call(arguments)));return q}});\
            var sdk=document.createElement("script");sdk.async=true;\
            sdk.src="https://cdn.getkoala.com/v1/pk_a1b2c3d4e5f60718293a4b5c6d7e8f901234/sdk.js";\
            (document.body||document.head).appendChild(sdk)})();</script>
            <script>
              (function (win, doc) {
                var v = win.vector = win.vector || [];
                if (v.loaded) { return; }
                v.q = v.q || [];
                ['load', 'identify', 'on'].forEach(function (m) {
                  v[m] = function () { v.q.push([m, [].slice.call(arguments)]); };
                });
                var el = doc.createElement('script');
                el.async = true;
                el.src = 'https://cdn.vector.co/pixel.js';
                doc.head.appendChild(el);
                v.loaded = true;
              })(window, document);
              vector.load('4f1c9a2e-7b3d-4e8f-a6c5-0d9b8e7f6a51');
            </script>
            <script>
              window._ml = window._ml || {};
              _ml.eid = '77123';
              (function () {
                var now = new Date(), ml = document.createElement('script');
                ml.async = true;
                ml.src = 'https://ml314.com/tag.aspx?' + now.getDate() + now.getMonth();
                document.head.appendChild(ml);
              })();
            </script>
            <script>
              (function (opts) {
                var el = document.createElement("script");
                el.async = true;
                el.src = "https://cdn.metadata.io/site-script.js";
                el.onload = function () { window.Metadata.siteScript.init(opts); };
                document.head.appendChild(el);
              })({accountId: 2468});
            </script>
            </head><body><h1 id="hero">Know who is ready to buy</h1>
            <p>We enrich leads with <a href="https://www.rb2b.com/" id="rb2b-link">RB2B</a> and \
            <a href="https://www.warmly.ai/" id="warmly-link">Warmly</a>.</p>
            <script src="/assets/js/knockout-3.5.1.js"></script>
            <script>ko.applyBindings({plans: ko.observableArray(['Starter', 'Growth'])});</script>
            </body>
            """;
        assertRewritten(page, NONE,
            List.of("ddwl4m2hdecbv", "b2bjsstore", "getwarmly.com", "getkoala.com", "cdn.vector.co", "ml314.com",
                "cdn.metadata.io"),
            List.of("id=\"hero\"", "id=\"rb2b-link\"", "id=\"warmly-link\"", "knockout-3.5.1.js",
                "ko.applyBindings"));
    }

    @Test
    void demandbasesClassicTagAndFormWidgetGoAndTheFormStays() {
        String page = """
            <script>
              (function (path) {
                var db = document.createElement('script');
                db.id = 'demandbase_js_lib';
                db.async = true;
                db.src = location.protocol + '//' + path;
                document.head.appendChild(db);
              })('scripts.demandbase.com/Q7xk2LmP.min.js');
            </script>
            <form id="contact" action="/contact" method="post"><input name="company" id="company"></form>
            <script>(function(){var w=document.createElement("script");w.async=!0;w.id="db_form";\
            w.src=("https:"==location.protocol?"https://":"http://")+"scripts.demandbase.com/formWidget.js";\
            document.head.appendChild(w)})();</script>
            <script type="text/javascript" src="https://api.company-target.com/api/v2/ip.js?key=k3y&var=db" \
            async></script>
            <script src="/js/contact-form.js"></script>
            """;
        assertRewritten(page, NONE,
            List.of("demandbase.com", "company-target.com"),
            List.of("id=\"contact\"", "/js/contact-form.js"));
    }

    @Test
    void reviewSiteBuyerIntentTagsGoAndTheReviewBadgesStay() {
        String page = """
            <section class="reviews"><h2>Rated 4.8 by our customers</h2>
            <a href="https://www.g2.com/products/acmeops/reviews" id="g2-badge"><img \
            src="/images/badges/g2-leader-fall.svg" alt="G2 Leader"></a>
            <a href="https://www.capterra.com/p/123456/AcmeOps/reviews/" id="capterra-badge"><img \
            src="/images/badges/capterra-best-value.svg" alt="Capterra Best Value"></a></section>
            <!-- G2 buyer intent -->
            <script>
            (function (productId) {
              var g2 = document.createElement('script');
              g2.async = true;
              g2.src = 'https://tracking.g2crowd.com/attribution_tracking/conversions/' + productId + '.js?p='
                + encodeURI(location.href) + '&e=';
              document.head.appendChild(g2);
            })('4321');
            </script>
            <script type="text/javascript">
              (function (vid, vkey) {
                var base = location.protocol === 'https:' ? 'https://ct.capterra.com' : 'http://ct.capterra.com';
                var ct = document.createElement('script');
                ct.async = true;
                ct.src = base + '/capterra_tracker.js?vid=' + vid + '&vkey=' + vkey;
                document.head.appendChild(ct);
              })('2123456', '0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d');
            </script>
            <noscript><img src="https://ct.capterra.com/capterra_tracker.gif?vid=2123456&vkey=0a9b8c7d6e5f4a3b2c1d0e9f\
            8a7b6c5d" \
            alt=""></noscript>
            """;
        assertRewritten(page, NONE,
            List.of("tracking.g2crowd.com", "ct.capterra.com"),
            List.of("id=\"g2-badge\"", "id=\"capterra-badge\"", "g2-leader-fall.svg", "<!-- G2 buyer intent -->"));
    }

    @Test
    void personalisationAndAdoptionToolsGoWithTheirPrehiding() {
        String page = """
            <html><head>
            <style>.anti-flicker, .anti-flicker * {visibility: hidden !important; opacity: 0 !important;}</style>
            <script>(function(cls,ms){var html=document.documentElement,queued=[],onReady=[];\
            window.intellimize={p:queued,r:onReady,push:function(f){queued.push(f)},\
            ready:function(f){onReady.push(f)}};html.classList.add(cls);\
            setTimeout(function(){html.classList.remove(cls)},ms)})('anti-flicker',4000)</script>
            <link rel="preload" href="https://cdn.intellimize.co/snippet/246813579.js" as="script">
            <script src="https://cdn.intellimize.co/snippet/246813579.js" async></script>
            <link rel="preconnect" href="https://246813579.intellimizeio.com">
            <script>(function(){var m=window.mutiny=window.mutiny||{};if(m.client){return}var queue={};\
            m.client={_queue:queue};var asks=["identify","trackConversion"];\
            asks.concat(["defaultOptOut","optOut","optIn"]).forEach(function(name){\
            m.client[name]=function(){var args=[].slice.call(arguments),list=queue[name]=queue[name]||[];\
            if(asks.indexOf(name)<0){list.push({args:args});return}return new Promise(function(resolve,reject){\
            list.push({args:args,resolve:resolve,reject:reject})})}})})();</script>
            <script data-cfasync="false" src="https://client-registry.mutinycdn.com/personalize/client/9a8b7c6d5e4f3a2\
            b.js">\
            </script>
            <script type="text/javascript">
              window.aptrinsic = window.aptrinsic || function () { (aptrinsic.q = aptrinsic.q || []).push(arguments); };
              aptrinsic.p = "AP-QWERTY1234-2";
              (function (px) {
                px.async = true;
                px.src = "https://web-sdk.aptrinsic.com/api/aptrinsic.js?a=" + aptrinsic.p;
                document.head.appendChild(px);
              })(document.createElement("script"));
            </script>
            <script>window._walkmeConfig = {smartLoad: true}; (function (wm) { wm.async = true; \
            wm.src = 'https://cdn.walkme.com/users/0123456789abcdef0123456789abcdef/\
            walkme_0123456789abcdef0123456789abcdef_https.js'; document.head.appendChild(wm); })\
            (document.createElement('script'));            </script>
            </head><body><h1 id="hero">Personalised for your industry</h1>
            <img src="https://images.mutinycdn.com/mutiny-assets/client/hero-fintech.png" alt="" id="mutiny-image">
            </body></html>
            """;
        assertRewritten(page, NONE,
            List.of("intellimize", "'anti-flicker'", "mutinycdn.com/personalize", "aptrinsic", "cdn.walkme.com",
                "_walkmeConfig"),
            List.of(".anti-flicker, .anti-flicker *", "id=\"hero\"", "window.mutiny=window.mutiny||{}",
                "id=\"mutiny-image\""));
    }

    @Test
    void qualifiedsChatIsFunctionalAsTheOtherChatWidgets() {
        String page = """
            <a href="#" id="chat-now" onclick="qualified('showRoom', 'sales'); return false;">Chat with sales</a>
            <!-- Qualified -->
            <script>(function (name) { if (window[name]) { return; } var calls = []; window.QualifiedObject = name;
            window[name] = function () { calls.push(arguments); }; window[name].q = calls; })('qualified');</script>
            <script async src="https://js.qualified.com/qualified.js?token=Ab3Cd5Ef7Gh9Jk1L"></script>
            <!-- End Qualified -->
            """;
        assertEquals(page, rewrite(page, FUNCTIONAL_ONLY));
        assertRewritten(page, NONE,
            List.of("js.qualified.com", "QualifiedObject"),
            List.of("id=\"chat-now\"", "<!-- End Qualified -->"));
    }

    @Test
    void juneLoadedFromItsNpmPackageGoesAndTheSitesOwnAnalyticsModuleStays() {
        String page = """
            <script>
              function juneify(writeKey) {
                var lib = document.createElement("script");
                window.analytics = {_writeKey: writeKey};
                lib.src = "https://unpkg.com/@june-so/analytics-next/dist/umd/standalone.js";
                lib.addEventListener("load", function () { window.analytics.page(); });
                document.head.appendChild(lib);
              }
              juneify("k9Q2zR7tW4xY1aB3");
            </script>
            <script src="https://cdn.jsdelivr.net/npm/@june-so/analytics-next/dist/umd/standalone.js" defer></script>
            <script src="/js/analytics/standalone.js" id="own-analytics"></script>
            """;
        assertRewritten(page, MARKETING_ONLY,
            List.of("juneify", "@june-so"),
            List.of("id=\"own-analytics\""));
    }

    @Test
    void hubSpotsChatEmbeddedAloneIsFunctionalAndItsSettingsStay() {
        String page = """
            <script>window.hsConversationsSettings = { loadImmediately: false, inlineEmbedSelector: '#chat' };\
            </script>
            <div id="chat"></div>
            <script src="https://js.usemessages.com/conversations-embed.js" type="text/javascript" \
            id="hubspot-messages-loader" data-loader="hs-scriptloader" data-hsjs-portal="26123456" \
            data-hsjs-env="prod" async></script>
            <button id="open-chat" onclick="window.HubSpotConversations.widget.load()">Chat</button>
            """;
        assertEquals(page, rewrite(page, FUNCTIONAL_ONLY));
        assertRewritten(page, NONE,
            List.of("usemessages.com"),
            List.of("hsConversationsSettings", "id=\"open-chat\""));
    }

    @Test
    void theSitesOwnEventCallsAndVendorNamesStayBesideTheNewEntries() {
        String page = """
            <button id="demo">Book a demo</button>
            <script>document.getElementById('demo').addEventListener('click', function () {
              window.intellimize && intellimize.ready(function () { intellimize.sendEvent('demo_click'); });
              window.mutiny && window.mutiny.client.trackConversion({name: 'demo'});
              openDemoModal();
            });</script>
            <script>var integrations = ['HubSpot', 'Marketo', 'Pardot', '6sense', 'RB2B', 'Koala', 'Vector',
              'June'];
            renderLogos(integrations.map(function (n) { return '/images/logos/' + n.toLowerCase() + '.svg'; }));
            </script>
            <script src="/js/vector.js"></script><script src="/assets/june.js"></script>
            <script>vector.load('/icons/sprite.svg'); var viewModel = window.ko && ko.observable(1);</script>
            <a href="https://www.g2.com/products/acmeops/reviews">G2</a>
            <img src="https://images.mutinycdn.com/mutiny-assets/client/hero.png" alt="">
            <script type="application/ld+json">{"@type":"SoftwareApplication","name":"AcmeOps",\
            "sameAs":["https://www.capterra.com/p/123456/AcmeOps/","https://www.g2.com/products/acmeops"]}</script>
            """;
        assertEquals(page, rewrite(page, NONE));
    }
}
