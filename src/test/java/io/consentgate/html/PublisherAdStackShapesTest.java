package io.consentgate.html;

import static io.consentgate.html.PublisherPageAssertions.assertPage;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ad stack of news, magazine and blog pages, written as publishers write it: a TCF consent manager in front,
 * Google Publisher Tag with Prebid.js and its user ID modules, Amazon's bidder, the exchanges' own wrappers and
 * tags, identity scripts, and consent managers whose callbacks start the ads. With everything refused, or marketing
 * alone, nothing of it may load; the consent manager, the article and the site's own scripts stay; with everything
 * allowed the page is untouched ({@link PublisherPageAssertions#assertPage}).
 */
class PublisherAdStackShapesTest {

    @Test
    void nationalNewsArticleWithGptPrebidAndAmazon() {
        String page = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <title>Council approves new tram line | The Daily Example</title>
            <script>
            !function(){var w=window,d=document;if(!w.__tcfapi){var q=[];w.__tcfapi=function(c,v,cb,p){
            if(!c)return q;if(c==="ping"){cb({gdprApplies:true,cmpLoaded:false},true)}else{q.push([c,v,cb,p])}};
            w.addEventListener("message",function(e){var m=e.data&&e.data.__tcfapiCall;if(m){w.__tcfapi(m.command,
            m.version,function(r,ok){e.source.postMessage({__tcfapiReturn:{returnValue:r,success:ok,callId:m.callId}},
            "*")},m.parameter)}},false)}}();
            </script>
            <script src="https://cmp.dailyexample.co.uk/cmp/v2/loader.js" async></script>
            <link rel="preconnect" href="https://securepubads.g.doubleclick.net" crossorigin>
            <script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
            <script async src="/static/js/vendor/prebid8.52.0.min.js"></script>
            <script>
              var googletag = window.googletag || {cmd: []};
              var pbjs = pbjs || {};
              pbjs.que = pbjs.que || [];
              var AD_UNITS = [{
                code: 'div-gpt-ad-mpu-1',
                mediaTypes: {banner: {sizes: [[300, 250], [300, 600]]}},
                bids: [
                  {bidder: 'rubicon', params: {accountId: 14062, siteId: 70608, zoneId: 498816}},
                  {bidder: 'appnexus', params: {placementId: 13144370}},
                  {bidder: 'ix', params: {siteId: '123456', size: [300, 250]}},
                  {bidder: 'pubmatic', params: {publisherId: '156209', adSlot: 'mpu_1'}}
                ]
              }];
              pbjs.que.push(function () {
                pbjs.addAdUnits(AD_UNITS);
                pbjs.requestBids({bidsBackHandler: sendAdserverRequest, timeout: 1200});
              });
              function sendAdserverRequest() {
                googletag.cmd.push(function () { pbjs.setTargetingForGPTAsync(); googletag.pubads().refresh(); });
              }
            </script>
            <script>
              googletag.cmd.push(function() {
                googletag.defineSlot('/21775744923/dailyexample/news', [[300, 250], [300, 600]], 'div-gpt-ad-mpu-1')
                  .addService(googletag.pubads());
                googletag.pubads().disableInitialLoad();
                googletag.pubads().enableSingleRequest();
                googletag.enableServices();
              });
            </script>
            <script async src="https://c.amazon-adsystem.com/aax2/apstag.js"></script>
            <script>
              window.apstag = window.apstag || {init: function () { apstag._Q.push(['i', arguments]); },
                fetchBids: function () { apstag._Q.push(['f', arguments]); }, _Q: []};
              apstag.init({pubID: '3021', adServer: 'googletag', bidTimeout: 1000});
            </script>
            <script src="/static/js/site.min.js?v=20240611" defer></script>
            </head>
            <body class="article news">
            <header><a href="/" class="logo">The Daily Example</a></header>
            <main>
            <article id="story-8812">
            <h1>Council approves new tram line</h1>
            <p class="standfirst">The route will link the station with the hospital by 2028.</p>
            <div id="div-gpt-ad-mpu-1" class="ad-slot" data-ad-label="Advertisement"></div>
            <p>Councillors voted 34 to 12 in favour on Tuesday evening.</p>
            </article>
            </main>
            <script>document.querySelectorAll('.share').forEach(function (b) { b.hidden = false; });</script>
            </body>
            </html>
            """;
        assertPage(page,
            List.of("securepubads.g.doubleclick.net", "pbjs.addAdUnits", "amazon-adsystem.com", "apstag.init("),
            List.of(),
            List.of("__tcfapi", "cmp.dailyexample.co.uk/cmp/v2/loader.js", "googletag.defineSlot",
                "/static/js/site.min.js", "Council approves new tram line", "div-gpt-ad-mpu-1\" class=\"ad-slot",
                "b.hidden = false"));
    }

    @Test
    void regionalGermanPaperWithSourcepointInfonlineAndSmartAdServer() {
        String page = """
            <!doctype html><html lang="de"><head><meta charset="UTF-8">
            <title>Neue Umgehungsstraße: Bauarbeiten beginnen im Mai – Beispiel-Zeitung</title>
            <script type="text/javascript">
            window._sp_queue = [];
            window._sp_ = {
              config: {
                accountId: 1742,
                baseEndpoint: 'https://cdn.privacy-mgmt.com',
                propertyHref: 'https://www.beispiel-zeitung.de',
                gdpr: {},
                events: {
                  onConsentReady: function (type, uuid, string, info) {
                    document.documentElement.classList.add('cmp-ready');
                  }
                }
              }
            };
            </script>
            <script src="https://cdn.privacy-mgmt.com/unified/wrapperMessagingWithoutDetection.js" async></script>
            <script type='text/javascript' src='https://script.ioam.de/iam.js'></script>
            <script>var iam_data = {"st": "beispiel", "cp": "lokales_artikel", "sv": "ke", "co": "kommentar"};
            iom.c(iam_data, 1);</script>
            <script src='//ced.sascdn.com/tag/3161/smart.js' type='text/javascript' async></script>
            <script>
            var sas = sas || {}; sas.cmd = sas.cmd || [];
            sas.cmd.push(function() {
              sas.setup({networkid: 3161, domain: "https://www8.smartadserver.com", async: true, renderMode: 2});
            });
            </script>
            <script async src="https://t.seedtag.com/t/4212-8531-01.js"></script>
            <link rel="stylesheet" href="/assets/css/zeitung.css?h=9f3a">
            </head><body>
            <nav><a href="/lokales">Lokales</a> <a href="/sport">Sport</a></nav>
            <article><h1>Neue Umgehungsstraße: Bauarbeiten beginnen im Mai</h1>
            <p>Die Stadt rechnet mit einer Bauzeit von zwei Jahren.</p>
            <div id="sas_44811" class="ad ad--rectangle"></div>
            <script>sas.cmd.push(function() {
              sas.call("std", {siteId: 401822, pageId: 1387611, formatId: 44811, target: 'ressort=lokales'});
            });</script>
            <div class="teads-inread"></div>
            <script type="text/javascript" class="teads" async="true" src="//a.teads.tv/page/118802/tag"></script>
            <p>Anwohner können sich am Donnerstag im Rathaus informieren.</p>
            </article>
            <script src="/assets/js/zeitung.bundle.js" defer></script>
            </body></html>
            """;
        assertPage(page,
            // sas.setup(…) with its ad server's bare host stays: it only queues onto sas.cmd, which smart.js drains
            List.of("ced.sascdn.com", "t.seedtag.com", "a.teads.tv"),
            List.of("script.ioam.de", "iom.c(iam_data"),
            List.of("window._sp_ = {", "wrapperMessagingWithoutDetection.js", "sas.call(\"std\"",
                "Anwohner können sich", "/assets/js/zeitung.bundle.js", "/assets/css/zeitung.css"));
    }

    @Test
    void prebidIdentityModulesConfiguredInAScriptOfTheirOwn() {
        String page = """
            <head>
            <script src="/js/ads/pb-9.14.0.bundle.js" async></script>
            <script>
            window.pbjs = window.pbjs || {que: []};
            pbjs.que.push(function () {
              pbjs.setConfig({
                priceGranularity: 'dense',
                consentManagement: {gdpr: {cmpApi: 'iab', timeout: 8000, defaultGdprScope: true}},
                userSync: {
                  syncDelay: 3000,
                  userIds: [
                    {name: 'id5Id', params: {partner: 1139}, storage: {type: 'html5', name: 'id5id', expires: 90}},
                    {name: 'identityLink', params: {pid: '14'},
                      storage: {type: 'cookie', name: 'idl_env', expires: 15}},
                    {name: 'uid2', params: {uid2ApiBase: 'https://prod.uidapi.com'}},
                    {name: 'sharedId', storage: {type: 'cookie', name: '_sharedid', expires: 365}},
                    {name: 'criteo'},
                    {name: 'lotamePanoramaId', params: {clientId: '15581'}}
                  ],
                  filterSettings: {iframe: {bidders: ['appnexus', 'openx'], filter: 'include'}}
                }
              });
            });
            </script>
            <script>
            pbjs.que.push(function(){pbjs.addAdUnits([{code:"sky-right",mediaTypes:{banner:{sizes:[[160,600]]}},\
            bids:[{bidder:"sharethrough",params:{pkey:"Xq3bT9pLm2"}},{bidder:"triplelift",params:{inventoryCode:\
            "weekly_sky_pb"}},{bidder:"yieldlab",params:{adslotId:"5220336",supplyId:"1381604"}},{bidder:"adform",\
            params:{mid:1157364}},{bidder:"openx",params:{unit:"561498712",delDomain:"weekly-d.openx.net"}}]}]);\
            pbjs.requestBids({timeout:1500})});
            </script>
            </head>
            <body><aside id="sky-right"></aside><p>Letters to the editor</p></body>
            """;
        assertPage(page,
            List.of("pbjs.setConfig(", "id5Id", "uidapi.com", "pbjs.addAdUnits("),
            List.of(),
            List.of("/js/ads/pb-9.14.0.bundle.js", "<aside id=\"sky-right\"></aside>", "Letters to the editor"));
    }

    @Test
    void standaloneIdentityScriptsId5Uid2AndLiveRamp() {
        String page = """
            <head>
            <script src="https://cdn.id5-sync.com/api/1.0/id5-api.js"></script>
            <script>
              var id5Status = ID5.init({partnerId: 1139, pd: window.__pdSignal || ''}).onAvailable(function (s) {
                window.__id5 = s.getUserId();
              });
            </script>
            <script src="https://cdn.prod.uidapi.com/uid2-sdk-3.4.5.js" async></script>
            <script>
              window.__uid2 = window.__uid2 || {};
              window.__uid2.callbacks = window.__uid2.callbacks || [];
              __uid2.callbacks.push(function (evt, payload) {
                if (evt === 'SdkLoaded') { __uid2.init({baseUrl: 'https://prod.uidapi.com'}); }
              });
            </script>
            <script defer src="https://cdn.prod.euid.eu/euid-sdk-3.3.0.js"></script>
            <script>
              (function(d){var s=d.createElement('script');s.src='https://ats.rlcdn.com/ats.js';s.async=!0;\
            d.head.appendChild(s);})(document);
            </script>
            </head>
            <body><form action="/newsletter" method="post"><input name="email" type="email">\
            <button>Sign up</button></form></body>
            """;
        assertPage(page,
            List.of("id5-sync.com", "ID5.init(", "uidapi.com", "euid.eu", "rlcdn.com"),
            List.of(),
            List.of("<form action=\"/newsletter\" method=\"post\">", "Sign up"));
    }

    @Test
    void polishPortalWithDidomiGemiusAdformAndXandr() {
        String page = """
            <html lang="pl"><head><meta charset="utf-8">
            <script type="text/javascript">window.gdprAppliesGlobally=!0;!function(W,D,N){var buf=[],
            frame=function(){if(W.frames[N])return;var b=D.body;if(!b||!b.firstChild)return void setTimeout(frame,10);
            var f=D.createElement("iframe");f.name=f.title=N;f.hidden=!0;b.insertBefore(f,b.firstChild)};
            W.__tcfapi||(W.__tcfapi=function(cmd,ver,cb,arg){if(!arguments.length)return buf;"ping"===cmd?cb&&
            cb({gdprApplies:W.gdprAppliesGlobally,cmpLoaded:!1},!0):buf.push([cmd,ver,cb,arg])},W.addEventListener(
            "message",function(ev){var raw=ev.data,str="string"==typeof raw,msg;try{msg=str?JSON.parse(raw):raw}
            catch(x){return}var c=msg&&msg.__tcfapiCall;if(!c)return;W.__tcfapi(c.command,c.version,function(v,ok){
            var out={__tcfapiReturn:{returnValue:v,success:ok,callId:c.callId}};ev.source.postMessage(str?
            JSON.stringify(out):out,"*")},c.parameter)}));frame()}(window,document,"__tcfapiLocator");</script>
            <script type="text/javascript">!function(key,d){var base="https://sdk.privacy-center.org/",
            at=d.getElementsByTagName("script")[0],hint=d.createElement("link"),js=d.createElement("script");
            hint.rel="preconnect";hint.href=base;js.async=!0;js.charset="utf-8";
            js.src=base+key+"/loader.js?target="+d.location.hostname;
            [hint,js].forEach(function(n){at.parentNode.insertBefore(n,at)})}(
            "5d1f3e2a-8c4b-4f7e-9a6d-3b2c1e0f9a8b",document);</script>
            <script type="text/javascript">
            //<![CDATA[
            var pp_gemius_identifier = 'zIgwRvO5kT.Rx_Ohv3WZ3XZq.xzZ8.7N1eq8Ab5CnFD.c7';
            ['gemius_hit', 'gemius_event', 'pp_gemius_hit', 'pp_gemius_event'].forEach(function (fn) {
              window[fn] = window[fn] || function () {
                (window[fn + '_pdata'] = window[fn + '_pdata'] || []).push(arguments);
              };
            });
            (function (doc) {
              var el = doc.createElement('script');
              el.async = el.defer = true;
              el.src = location.protocol + '//gapl.hit.gemius.pl/xlgemius.js';
              doc.head.appendChild(el);
            })(document);
            //]]>
            </script>
            <script src="https://acdn.adnxs.com/ast/ast.js" async></script>
            <script>
            var apntag = apntag || {}; apntag.anq = apntag.anq || [];
            apntag.anq.push(function () {
              apntag.setPageOpts({member: 3442, keywords: {dzial: 'wiadomosci'}});
              apntag.defineTag({tagId: 19876543, sizes: [[750, 200], [750, 300]],
                targetId: 'baner-top'});
              apntag.loadTags();
            });
            </script>
            </head><body>
            <div id="baner-top"></div>
            <h1>Sejm przyjął ustawę o transporcie publicznym</h1>
            <p>Głosowało 412 posłów.</p>
            <script type="text/javascript">
            window._adftrack = [].concat(window._adftrack || []);
            _adftrack.push({HttpHost: 'track.adform.net', pm: 1923456, pagename: encodeURIComponent('wiadomosci'),
              divider: encodeURIComponent('|')});
            (function (d) {
              var tp = d.createElement('script');
              tp.async = true;
              tp.src = 'https://s2.adform.net/banners/scripts/st/trackpoint-async.js';
              d.body.appendChild(tp);
            })(document);
            </script>
            <noscript><div class="px"><img alt="" width="1" height="1"
              src="https://track.adform.net/Serving/TrackPoint/?pm=1923456&amp;ADFPageName=wiadomosci&amp;\
            ADFdivider=%7C"></div></noscript>
            <footer><a href="/polityka-prywatnosci">Polityka prywatności</a></footer>
            </body></html>
            """;
        assertPage(page,
            // the apntag.anq setup stays: it only queues for ast.js, which is gone
            List.of("acdn.adnxs.com", "adform.net", "_adftrack.push("),
            List.of("gemius.pl", "pp_gemius_identifier"),
            List.of("__tcfapiLocator", "sdk.privacy-center.org", "Sejm przyjął ustawę", "/polityka-prywatnosci",
                "<div id=\"baner-top\"></div>"));
    }

    @Test
    void broadcasterNewsPageWithNielsenComscoreAndMinifiedAdSetup() {
        String page = "<!doctype html><html><head><meta charset=utf-8><title>Storm warning for the coast</title>"
            + "<script>!function(w,ns){if(w[ns])return;var b=w[ns]={nlsQ:function(app,inst,opts){var d=w.document,"
            + "s=d.createElement(\"script\");s.async=!0;s.src=\"//cdn-gl.imrworldwide.com/conf/\"+app+\".js#name=\""
            + "+inst+\"&ns=\"+ns;d.head.appendChild(s);var q=[];"
            + "return b[inst]=b[inst]||{g:opts||{},q:q,ggPM:function(){q.push([].slice.call(arguments))}}}}}"
            + "(window,\"NOLBUNDLE\");"
            + "var nSdk=NOLBUNDLE.nlsQ(\"P1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D\",\"nlsnInstance\",{nol_sdkDebug:\"\"});"
            + "</script>"
            + "<script>var _comscore=_comscore||[];_comscore.push({c1:\"2\",c2:\"6035083\"});!function(d){"
            + "var cs=d.createElement(\"script\");cs.async=!0;cs.src=\"https://sb.scorecardresearch.com/cs/6035083/"
            + "beacon.js\";d.head.appendChild(cs)}(document);</script>"
            + "<script async src=\"https://securepubads.g.doubleclick.net/tag/js/gpt.js\" crossorigin=\"anonymous\">"
            + "</script>"
            + "<script>window.googletag=window.googletag||{cmd:[]};googletag.cmd.push(function(){"
            + "googletag.defineSlot(\"/5644/wxyz/news\",[[728,90],[970,250]],\"ad-leader\").setTargeting(\"pos\","
            + "\"top\").addService(googletag.pubads());googletag.pubads().enableLazyLoad({fetchMarginPercent:200});"
            + "googletag.enableServices();googletag.display(\"ad-leader\")});</script>"
            + "<script>window.apstag||function(w,d){var Q=[];w.apstag={_Q:Q,init:function(){Q.push([\"i\",arguments])},"
            + "fetchBids:function(){Q.push([\"f\",arguments])},setDisplayBids:function(){},targetingKeys:function(){"
            + "return[]}};var t=d.createElement(\"script\");t.async=!0;t.src=\"https://c.amazon-adsystem.com/aax2/"
            + "apstag.js\";d.head.appendChild(t)}(window,document);"
            + "apstag.init({pubID:\"5f1a2b3c-4d5e-6f7a-8b9c-0d1e2f3a4b5c\",adServer:\"googletag\"});</script>"
            + "</head><body><div id=\"ad-leader\" style=\"min-height:90px\"></div>"
            + "<h1>Storm warning for the coast</h1><p>Gusts of up to 110 km/h are expected overnight.</p>"
            + "<iframe src=\"https://www.wxyz.example/embed/video/55120\" width=\"640\" height=\"360\" allowfullscreen>"
            + "</iframe>"
            + "<script src=\"/dist/app.4f9c2e.js\"></script></body></html>";
        assertPage(page,
            List.of("scorecardresearch.com", "securepubads.g.doubleclick.net", "amazon-adsystem.com", "apstag.init("),
            List.of("imrworldwide.com", "NOLBUNDLE"),
            List.of("googletag.defineSlot(\"/5644/wxyz/news\"",
                "<div id=\"ad-leader\" style=\"min-height:90px\"></div>", "Gusts of up to 110 km/h",
                "www.wxyz.example/embed/video/55120", "/dist/app.4f9c2e.js"));
    }

    @Test
    void olderGptLoaderBuiltWithTheProtocolAndATcfListenerThatStartsAds() {
        String page = """
            <head>
            <script type='text/javascript'>
              window.googletag = window.googletag || {cmd: []};
              (function (doc) {
                var proto = doc.location.protocol === 'https:' ? 'https:' : 'http:';
                var tag = doc.createElement('script');
                tag.setAttribute('async', '');
                tag.src = proto + '//www.googletagservices.com/tag/js/gpt.js';
                var anchor = doc.getElementsByTagName('script')[0];
                anchor.parentNode.insertBefore(tag, anchor);
              })(document);
            </script>
            <script>
              window.__tcfapi('addEventListener', 2, function (tcData, success) {
                if (!success) { return; }
                if (tcData.eventStatus === 'tcloaded' || tcData.eventStatus === 'useractioncomplete') {
                  document.body.classList.add('consent-known');
                  var gpt = document.createElement('script');
                  gpt.src = 'https://securepubads.g.doubleclick.net/tag/js/gpt.js';
                  document.head.appendChild(gpt);
                }
              });
            </script>
            </head>
            <body><p class="byline">By our science editor</p></body>
            """;
        assertPage(page,
            List.of("googletagservices.com", "securepubads.g.doubleclick.net"),
            List.of(),
            List.of("__tcfapi('addEventListener'", "classList.add('consent-known')", "By our science editor"));
    }

    @Test
    void inImageAndInReadFormatsBesideLazyLoadedFirstPartyPictures() {
        String page = """
            <body class="single">
            <figure class="wp-block-image">
              <img class="lazyload" data-src="https://recipes.example/wp-content/uploads/2024/03/lasagne-1200.jpg"
                   data-srcset="https://recipes.example/wp-content/uploads/2024/03/lasagne-600.jpg 600w,
                                https://recipes.example/wp-content/uploads/2024/03/lasagne-1200.jpg 1200w"
                   src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==" alt="Lasagne"
                   data-pin-url="https://recipes.example/lasagne/">
            </figure>
            <script async type="text/javascript" src="https://t.seedtag.com/t/7781-0043-01.js"></script>
            <p>Layer the sauce thinly.</p>
            <div id="teads-slot"></div>
            <script type="text/javascript" class="teads" async src="https://a.teads.tv/page/203311/tag"></script>
            <script>
            (function (w, d) {
              var s = d.createElement('script');
              s.src = 'https://native.sharethrough.com/assets/sfp.js';
              s.async = true;
              d.body.appendChild(s);
            })(window, document);
            </script>
            <div data-str-native-key="Xq3bT9pLm2" data-str-label="Sponsored"></div>
            <script src="https://ib.3lift.com/ttj?inv_code=recipes_example_in_article"></script>
            <script src="https://ad.yieldlab.net/d/5220336/1381604/300x250?ts=1717171717"></script>
            <script src="/wp-content/plugins/lazysizes/lazysizes.min.js" async></script>
            </body>
            """;
        assertPage(page,
            List.of("t.seedtag.com", "a.teads.tv", "sharethrough.com", "3lift.com", "yieldlab.net"),
            List.of(),
            List.of("uploads/2024/03/lasagne-1200.jpg", "data-pin-url=\"https://recipes.example/lasagne/\"",
                "Layer the sauce thinly.", "<div id=\"teads-slot\"></div>", "lazysizes.min.js"));
    }

    @Test
    void sportsSiteWithAPrebidWrapperFromTheExchangeAndIdentityHints() {
        String page = """
            <head>
            <link rel="preconnect" href="https://micro.rubiconproject.com">
            <link rel="dns-prefetch" href="//js-sec.indexww.com">
            <link rel="dns-prefetch" href="//ads.pubmatic.com">
            <link rel="dns-prefetch" href="https://cdn.id5-sync.com">
            <link rel="preconnect" href="https://tlx.3lift.com">
            <script async src="https://micro.rubiconproject.com/prebid/dynamic/22918.js"></script>
            <script async src="https://js-sec.indexww.com/ht/p/189660-52364982051187.js"></script>
            <script type="text/javascript">
              var PWT = {};
              window.googletag = window.googletag || {};
              googletag.cmd = googletag.cmd || [];
              (function () {
                var profile = '//ads.pubmatic.com/AdServer/js/pwt/156209/3396';
                var pinned = new URLSearchParams(location.search).get('pwtv');
                var wrapper = document.createElement('script');
                wrapper.async = true;
                wrapper.src = profile + (pinned ? '/' + pinned : '') + '/pwt.js';
                document.head.appendChild(wrapper);
              })();
            </script>
            <link rel="stylesheet" href="/css/sport.css">
            </head>
            <body><table class="league"><tr><td>Rovers</td><td>24</td></tr></table></body>
            """;
        assertPage(page,
            List.of("rubiconproject.com", "indexww.com", "pubmatic.com", "id5-sync.com", "3lift.com"),
            List.of(),
            List.of("/css/sport.css", "<td>Rovers</td>"));
    }

    @Test
    void sourcepointConfigurationWhoseConsentCallbackStartsTheAdStack() {
        String page = """
            <head>
            <script>
            (function () {
              var pending = [], applies;
              for (var w = window; w; w = w === window.top ? null : w.parent) {
                try {
                  if (w.frames.__tcfapiLocator) { return; }
                } catch (crossOrigin) { /* keep looking further up */ }
              }
              (function addLocator() {
                if (!document.body) { setTimeout(addLocator, 10); return; }
                var frame = document.createElement('iframe');
                frame.name = '__tcfapiLocator';
                frame.style.display = 'none';
                document.body.appendChild(frame);
              })();
              window.__tcfapi = function (command, version, callback, value) {
                if (!arguments.length) { return pending; }
                if (command === 'setGdprApplies' && typeof value === 'boolean') {
                  applies = value;
                } else if (command === 'ping') {
                  if (typeof callback === 'function') {
                    callback({gdprApplies: applies, cmpLoaded: false, cmpStatus: 'stub'});
                  }
                } else {
                  pending.push([].slice.call(arguments));
                }
              };
            })();
            </script>
            <script>
            window._sp_queue = [];
            window._sp_ = {
              config: {
                accountId: 1998,
                baseEndpoint: 'https://cdn.privacy-mgmt.com',
                propertyHref: 'https://www.harbourtimes.example',
                gdpr: { targetingParams: { section: 'news' } },
                events: {
                  onMessageReady: function () { document.body.classList.add('sp-message'); },
                  onConsentReady: function (messageType, consentUUID, euconsent, info) {
                    var gpt = document.createElement('script');
                    gpt.async = true;
                    gpt.src = 'https://securepubads.g.doubleclick.net/tag/js/gpt.js';
                    document.head.appendChild(gpt);
                  }
                }
              }
            };
            </script>
            <script src="https://cdn.privacy-mgmt.com/unified/wrapperMessagingWithoutDetection.js" async></script>
            </head>
            <body><a href="#" onclick="window._sp_.gdpr.loadPrivacyManagerModal(775533); return false;">\
            Privacy settings</a></body>
            """;
        assertPage(page,
            List.of("securepubads.g.doubleclick.net"),
            List.of(),
            List.of("__tcfapiLocator", "window._sp_ = {", "accountId: 1998", "onMessageReady",
                "classList.add('sp-message')", "wrapperMessagingWithoutDetection.js",
                "loadPrivacyManagerModal(775533)"));
    }

    @Test
    void didomiReadyCallbackThatLoadsGptAndAmazon() {
        String page = """
            <head>
            <script type="text/javascript">
              window.didomiConfig = {app: {apiKey: '3a9f8e7d-6c5b-4a39-8281-70f6e5d4c3b2'},
                languages: {enabled: ['fr'], default: 'fr'}};
              window.didomiOnReady = window.didomiOnReady || [];
              window.didomiOnReady.push(function (Didomi) {
                document.documentElement.classList.add('didomi-ready');
                if (Didomi.getUserStatusForVendor('google')) {
                  var g = document.createElement('script');
                  g.src = 'https://securepubads.g.doubleclick.net/tag/js/gpt.js';
                  g.async = true;
                  document.head.appendChild(g);
                }
                if (Didomi.getUserStatusForVendor(793)) {
                  var a = document.createElement('script');
                  a.src = '//c.amazon-adsystem.com/aax2/apstag.js';
                  document.head.appendChild(a);
                }
              });
            </script>
            </head>
            <body><h1>Le tramway arrive en 2028</h1>
            <button onclick="Didomi.preferences.show()">Paramètres des cookies</button></body>
            """;
        assertPage(page,
            List.of("securepubads.g.doubleclick.net", "amazon-adsystem.com"),
            List.of(),
            List.of("window.didomiConfig", "didomiOnReady.push(", "classList.add('didomi-ready')",
                "Le tramway arrive en 2028", "Didomi.preferences.show()"));
    }

    @Test
    void blogWithGooglesOwnConsentMessageAdSenseAndAPianoPaywall() {
        String page = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Sourdough, week three | Crumb &amp; Crust</title>
            <script async nonce="r4nd0mN0nc3"
                    src="https://fundingchoicesmessages.google.com/i/pub-4491827364519283?ers=1"></script>
            <script nonce="r4nd0mN0nc3">
              (function markFundingChoices() {
                if (window.frames.googlefcPresent) { return; }
                if (!document.body) { setTimeout(markFundingChoices, 0); return; }
                var marker = document.createElement('iframe');
                marker.name = 'googlefcPresent';
                marker.style.cssText = 'display:none;width:0;height:0;border:0';
                document.body.appendChild(marker);
              })();
            </script>
            <script async crossorigin="anonymous"
                    src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js\
            ?client=ca-pub-4491827364519283"></script>
            <script>
              tp = window.tp || [];
              tp.push(["setAid", "Xk3dP9qLmZ"]);
              tp.push(["setCxenseSiteId", "1128735640001234567"]);
              tp.push(["init", function () { tp.experience.init(); }]);
            </script>
            <script async src="https://cdn.tinypass.com/api/tinypass.min.js"></script>
            </head><body>
            <article><h1>Sourdough, week three</h1><p>The starter finally doubled overnight.</p>
            <ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-4491827364519283"
                 data-ad-slot="7781234560" data-ad-format="auto" data-full-width-responsive="true"></ins>
            <script>(adsbygoogle = window.adsbygoogle || []).push({});</script>
            <div id="paywall-offer"></div>
            </article></body></html>
            """;
        assertPage(page,
            List.of("pagead2.googlesyndication.com"),
            List.of(),
            List.of("fundingchoicesmessages.google.com/i/pub-4491827364519283",
                "marker.name = 'googlefcPresent'",
                "cdn.tinypass.com/api/tinypass.min.js", "tp.push([\"setAid\"", "The starter finally doubled overnight.",
                "<div id=\"paywall-offer\"></div>"));
    }
}
