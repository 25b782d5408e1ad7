package io.consentgate.html;

import static io.consentgate.html.PublisherPageAssertions.NO_MARKETING;
import static io.consentgate.html.PublisherPageAssertions.assertPage;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.REMOVE_WITH_STUBS;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Video players with ad tags, content recommendation and the audience measurement newsrooms use, on news, magazine
 * and blog pages between the article, its links and its structured data. With everything refused none of them may
 * load; with marketing alone refused the ads and recommendations go and the measurement stays; the players, their
 * videos, the article and the site's own scripts stay; with everything allowed the page is untouched
 * ({@link PublisherPageAssertions#assertPage}).
 */
class PublisherVideoAndAudienceShapesTest {

    @Test
    void wordpressBlogWithTaboolaOutbrainChartbeatAndParsely() {
        String page = """
            <!DOCTYPE html>
            <html lang="en-US">
            <head>
            <meta charset="UTF-8">
            <title>Ten walks within an hour of the city &#8211; Weekend Journal</title>
            <meta name="parsely-title" content="Ten walks within an hour of the city">
            <meta name="parsely-link" content="https://weekendjournal.example/2024/05/ten-walks/">
            <script type="text/javascript">
              window._taboola = window._taboola || [];
              _taboola.push({article: 'auto'});
              (function (d, id) {
                if (d.getElementById(id)) { return; }
                var tb = d.createElement('script');
                tb.id = id;
                tb.async = true;
                tb.src = '//cdn.taboola.com/libtrc/weekendjournal/loader.js';
                d.head.appendChild(tb);
              })(document, 'tb_loader_script');
            </script>
            <script type='text/javascript'>
            window._sf_async_config = Object.assign(window._sf_async_config || {},
              {uid: 65432, domain: 'weekendjournal.example', flickerControl: false, useCanonical: true});
            (function (d) {
              var cb = d.createElement('script');
              cb.async = true;
              cb.src = '//static.chartbeat.com/js/chartbeat.js';
              d.head.appendChild(cb);
            })(document);
            </script>
            <script id="parsely-cfg" src="//cdn.parsely.com/keys/weekendjournal.example/p.js" async defer></script>
            <link rel='stylesheet' id='theme-css' media='all'
                  href='https://weekendjournal.example/wp-content/themes/journal/style.css?ver=6.5.3' />
            </head>
            <body class="post-template-default single single-post">
            <article class="post">
            <h1 class="entry-title">Ten walks within an hour of the city</h1>
            <div class="entry-content">
            <p>We asked readers for their favourite routes. Number four follows the old canal towpath.</p>
            <figure><img src="https://weekendjournal.example/wp-content/uploads/2024/05/canal.jpg"
                         alt="The canal at dusk" loading="lazy"></figure>
            </div>
            <div class="OUTBRAIN" data-src="https://weekendjournal.example/2024/05/ten-walks/"
                 data-widget-id="AR_1"></div>
            <script type="text/javascript" async="async" src="//widgets.outbrain.com/outbrain.js"></script>
            <div id="taboola-below-article-thumbnails"></div>
            <script type="text/javascript">
              window._taboola = window._taboola || [];
              _taboola.push({mode: 'alternating-thumbnails-a', container: 'taboola-below-article-thumbnails',
                placement: 'Below Article Thumbnails', target_type: 'mix'});
            </script>
            </article>
            <script type="text/javascript">window._taboola = window._taboola || [];
            _taboola.push({flush: true});</script>
            <script src='https://weekendjournal.example/wp-content/themes/journal/js/navigation.js?ver=6.5.3'
                    id='journal-navigation-js'></script>
            </body>
            </html>
            """;
        assertPage(page,
            List.of("cdn.taboola.com", "widgets.outbrain.com"),
            List.of("static.chartbeat.com", "_sf_async_config", "cdn.parsely.com"),
            List.of("parsely-title", "Number four follows the old canal towpath", "uploads/2024/05/canal.jpg",
                "data-widget-id=\"AR_1\"", "js/navigation.js", "theme-css"));
    }

    @Test
    void videoArticleWithJwPlayerAndAnImaAdSchedule() {
        String page = """
            <html><head><meta charset="utf-8"><title>Watch: the tram line explained</title>
            <script src="https://cdn.jwplayer.com/libraries/Qx7Lm2Pd.js"></script>
            </head><body>
            <h1>Watch: the tram line explained</h1>
            <div id="vid-30d8a1"></div>
            <script>
              jwplayer("vid-30d8a1").setup({
                playlist: "https://cdn.jwplayer.com/v2/media/Hn4Kq9Zt",
                width: "100%",
                aspectratio: "16:9",
                advertising: {
                  client: "googima",
                  schedule: [{
                    offset: "pre",
                    tag: "https://pubads.g.doubleclick.net/gampad/ads?iu=/21775744923/video/preroll&sz=640x480\
            &gdfp_req=1&output=vast&env=vp&impl=s&unviewed_position_start=1"
                  }]
                }
              });
            </script>
            <p>Our transport correspondent walks the route.</p>
            </body></html>
            """;
        assertPage(page,
            List.of("pubads.g.doubleclick.net"),
            List.of(),
            List.of("cdn.jwplayer.com/libraries/Qx7Lm2Pd.js", "jwplayer(\"vid-30d8a1\").setup(",
                "https://cdn.jwplayer.com/v2/media/Hn4Kq9Zt", "client: \"googima\"", "walks the route"));
    }

    @Test
    void videoJsWithTheImaPluginAndAFirstPartyVideo() {
        String page = """
            <!DOCTYPE html><html><head>
            <link href="/assets/vendor/video-js.min.css" rel="stylesheet">
            <link rel="stylesheet" href="/assets/vendor/videojs.ima.css">
            </head><body>
            <main>
            <video id="clip-1182" class="video-js vjs-default-skin" controls preload="metadata" width="640" height="360"
                   poster="https://media.citygazette.example/posters/1182.jpg">
              <source src="https://media.citygazette.example/video/1182/master.m3u8" type="application/x-mpegURL">
              <track kind="captions" src="/captions/1182.en.vtt" srclang="en" label="English">
            </video>
            </main>
            <script src="//imasdk.googleapis.com/js/sdkloader/ima3.js"></script>
            <script src="/assets/vendor/video.min.js"></script>
            <script src="/assets/vendor/videojs-contrib-ads.min.js"></script>
            <script src="/assets/vendor/videojs.ima.min.js"></script>
            <script>
            var player = videojs('clip-1182');
            var imaOptions = {
              id: 'clip-1182',
              adTagUrl: 'https://pubads.g.doubleclick.net/gampad/ads?iu=/6062/citygazette_video\
            &description_url=https%3A%2F%2Fcitygazette.example%2Fvideo%2F1182&tfcd=0&npa=0&sz=640x360&gdfp_req=1\
            &output=vast&unviewed_position_start=1&env=vp&impl=s'
            };
            player.ima(imaOptions);
            document.getElementById('clip-1182').addEventListener('play', function () {
              player.ima.initializeAdDisplayContainer();
            }, {once: true});
            </script>
            </body></html>
            """;
        assertPage(page,
            List.of("pubads.g.doubleclick.net"),
            List.of(),
            // the IMA SDK stays: it loads no ad without a tag, and pages call google.ima directly, which would throw
            List.of("imasdk.googleapis.com/js/sdkloader/ima3.js", "media.citygazette.example/video/1182/master.m3u8",
                "posters/1182.jpg", "/captions/1182.en.vtt",
                "videojs('clip-1182')", "player.ima(imaOptions);", "/assets/vendor/videojs.ima.min.js"));
    }

    @Test
    void brightcovePlayerWithTheImaPlugin() {
        String page = """
            <html><head><title>Highlights</title></head><body>
            <div class="video-wrap" data-share-url="https://sportsdesk.example/video/highlights-round-12">
            <video-js data-account="1752604059001" data-player="rK8sQ2nWb" data-embed="default"
                      data-video-id="6351234567112" controls class="vjs-fluid"></video-js>
            </div>
            <script src="https://players.brightcove.net/1752604059001/rK8sQ2nWb_default/index.min.js"></script>
            <script>
              videojs.getPlayer(document.querySelector('video-js')).ready(function () {
                var p = this;
                p.ima3({
                  serverUrl: "https://pubads.g.doubleclick.net/gampad/ads?iu=/4817/sportsdesk/highlights&sz=640x480\
            &output=vast&gdfp_req=1&env=vp",
                  requestMode: 'onload', timeout: 5000, vpaidMode: 'ENABLED'
                });
              });
            </script>
            <a href="https://sportsdesk.example/video/highlights-round-12" class="share">Share this clip</a>
            </body></html>
            """;
        assertPage(page,
            List.of("pubads.g.doubleclick.net"),
            List.of(),
            List.of("players.brightcove.net/1752604059001/rK8sQ2nWb_default/index.min.js",
                "data-video-id=\"6351234567112\"", "p.ima3({", "requestMode: 'onload'",
                "data-share-url=\"https://sportsdesk.example/video/highlights-round-12\"", "Share this clip"));
    }

    @Test
    void lifestyleMagazineWithQuantcastChoiceComscorePermutiveAndLotame() {
        String page = """
            <!DOCTYPE html>
            <html><head>
            <meta charset="utf-8"><title>The 12 best houseplants for a dark flat | Habitat Monthly</title>
            <!-- consent: InMobi Choice (TCF) -->
            <script type="text/javascript" async=true>
            (function (site) {
              var cmp = document.createElement('script');
              cmp.async = true;
              cmp.src = 'https://cmp.inmobi.com/choice/' + 'aB3dE5fG7hJ9k' + '/' + site + '/choice.js?tag_version=V3';
              document.head.appendChild(cmp);
            })(location.hostname);
            </script>
            <script>
              window.permutive = window.permutive || {q: [], config: {}};
              ['addon', 'identify', 'track', 'trigger', 'query', 'segment', 'segments', 'ready', 'on', 'once', 'user',
               'consent'].forEach(function (m) {
                window.permutive[m] = function () {
                  window.permutive.q.push({functionName: m, arguments: [].slice.call(arguments)});
                };
              });
              permutive.addon('web', {page: {type: 'article',
                article: {section: 'home', tags: ['plants', 'interiors']}}});
            </script>
            <script async src="https://habitat.edge.permutive.app/9d2f0c4e-51aa-4b7e-8a13-2f0b6c9d1e77-web.js"></script>
            <script>
              var _comscore = _comscore || [];
              _comscore.push({c1: "2", c2: "18456732", options: {enableFirstPartyCookie: true}});
              (function (d) {
                var beacon = d.createElement("script");
                beacon.async = true;
                beacon.src = "https://sb.scorecardresearch.com/cs/18456732/beacon.js";
                d.head.appendChild(beacon);
              })(document);
            </script>
            <script src="https://tags.crwdcntrl.net/lt/c/15581/lt.min.js" async></script>
            </head><body>
            <noscript><img alt="" width="1" height="1"
              src="https://sb.scorecardresearch.com/p?c1=2&amp;c2=18456732&amp;cv=4.4.0&amp;cj=1"></noscript>
            <h1>The 12 best houseplants for a dark flat</h1>
            <p>Snake plants and ZZ plants cope with north-facing rooms.</p>
            <img src="/images/2024/zz-plant.webp" width="800" height="533" alt="A ZZ plant on a shelf">
            <script>document.body.classList.add('js');</script>
            </body></html>
            """;
        assertPage(page,
            List.of("permutive.app", "scorecardresearch.com", "_comscore = _comscore ||", "crwdcntrl.net"),
            List.of(),
            List.of("cmp.inmobi.com", "/choice.js?tag_version=V3", "permutive.addon('web'",
                "Snake plants and ZZ plants", "/images/2024/zz-plant.webp", "classList.add('js')"));
    }

    @Test
    void danishNewsSiteWithConsentmanagerPianoAnalyticsAdnamiAndPlista() {
        String page = """
            <!DOCTYPE html><html lang="da"><head>
            <script>var cmpDefaults={cmp_cdid:"a1b2c3d4e5f6",cmp_params:"",cmp_proto:"https:",cmp_codesrc:"1",
            cmp_cdn:"cdn.consentmanager.net"};for(var key in cmpDefaults){if(!(key in window))
            window[key]=cmpDefaults[key]}window.cmp_host=window.cmp_host||"c.delivery.consentmanager.net";
            window.cmp_id=window.cmp_id>0?window.cmp_id:0;window.gdprAppliesGlobally=window.gdprAppliesGlobally!==false;
            </script>
            <script type="text/javascript" data-cmp-ab="1"
                    src="https://cdn.consentmanager.net/delivery/autoblocking/a1b2c3d4e5f6.js"
                    data-cmp-host="c.delivery.consentmanager.net" data-cmp-cdn="cdn.consentmanager.net"
                    data-cmp-codesrc="1"></script>
            <script src="https://tag.aticdn.net/piano-analytics.js"></script>
            <script type="text/javascript">
              pa.setConfigurations({site: 612345, collectDomain: 'https://abcdefg.pa-cd.com'});
              pa.sendEvent('page.display', {page: 'indland-artikel', page_chapter1: 'indland'});
            </script>
            <script async src="https://macro.adnami.io/macro/spec/adsm.macro.7c1e9a2b-4d3f-4e8a-b6c5-0f9e8d7c6b5a.js">\
            </script>
            </head><body>
            <article><h1>Ny bro over havnen åbner til sommer</h1>
            <p>Broen bliver 180 meter lang.</p></article>
            <div data-display="plista_widget_belowArticle"></div>
            <script type="text/javascript">
              window.PLISTA = {
                publickey: '9f8e7d6c5b4a39281706f5e4',
                widgets: [{name: 'belowArticle', pre: 'ba'}],
                item: {objectid: '8812', title: 'Ny bro over havnen', url: 'https://nyheder.example.dk/indland/8812'},
                dataMode: 'data-display'
              };
              (function (d) {
                var s = d.createElement('script');
                s.async = true;
                s.src = 'https://static' + '-dk' + '.plista.com/async.js';
                d.getElementsByTagName('head')[0].appendChild(s);
              })(document);
            </script>
            <script src="https://static-dk.plista.com/async.js" async></script>
            <script src="/static/nyheder.js" defer></script>
            </body></html>
            """;
        assertPage(page,
            List.of("macro.adnami.io", "plista.com/async.js"),
            List.of("tag.aticdn.net", "pa.setConfigurations("),
            List.of("cdn.consentmanager.net/delivery/autoblocking/a1b2c3d4e5f6.js", "window.cmp_host=",
                "Ny bro over havnen åbner til sommer", "data-display=\"plista_widget_belowArticle\"",
                "/static/nyheder.js"));
    }

    @Test
    void mediaColumnNamingAdTechVendorsStaysByteForByte() {
        String page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>How publishers are rebuilding their ad stacks | Media Desk</title>
            <link rel="canonical" href="https://mediadesk.example/2024/06/ad-stacks/">
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "NewsArticle",
             "headline": "How publishers are rebuilding their ad stacks",
             "mentions": [{"@type": "Organization", "name": "Taboola", "sameAs": "https://www.taboola.com/"},
                          {"@type": "Organization", "name": "Outbrain", "sameAs": "https://www.outbrain.com/"},
                          {"@type": "Organization", "name": "Chartbeat", "sameAs": "https://chartbeat.com/"}],
             "publisher": {"@type": "Organization", "name": "Media Desk",
               "sameAs": ["https://twitter.com/mediadesk", "https://www.facebook.com/mediadesk",
                          "https://www.linkedin.com/company/mediadesk"]}}
            </script>
            </head><body>
            <article>
            <h1>How publishers are rebuilding their ad stacks</h1>
            <p>Most of the publishers we spoke to run Prebid.js with between six and twelve bidders, Amazon's TAM in
            parallel, and Google Ad Manager as the ad server. Identity modules such as ID5, UID2 and LiveRamp's ATS are
            now standard, and so are recommendation widgets from <a href="https://www.taboola.com/">Taboola</a> and
            <a href="https://www.outbrain.com/">Outbrain</a>.</p>
            <p>Audience teams watch <a href="https://chartbeat.com/">Chartbeat</a> and
            <a href="https://www.parse.ly/">Parse.ly</a> dashboards, measure with comScore and Nielsen, and segment with
            <a href="https://permutive.com/">Permutive</a>.</p>
            <pre><code>&lt;script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"&gt;&lt;/script&gt;
            googletag.cmd.push(function() {
              googletag.defineSlot('/1234/news', [300, 250], 'mpu').addService(googletag.pubads());
            });
            pbjs.que.push(function() {
              pbjs.addAdUnits(adUnits);
              pbjs.requestBids({bidsBackHandler: startAds});
            });</code></pre>
            <iframe src="https://video.mediadesk.example/embed/ad-stacks-panel" width="640" height="360"
                    title="Panel discussion" allowfullscreen></iframe>
            <div class="related" data-feed="https://mediadesk.example/api/related?id=4471"
                 data-share="https://mediadesk.example/2024/06/ad-stacks/"></div>
            </article>
            <script src="/assets/mediadesk.js" defer></script>
            </body></html>
            """;
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.refuseAll()));
        assertEquals(page, rewrite(REMOVE, page, NO_MARKETING));
    }

    @Test
    void germanPortalWithTheInfonlineMeasurementManagerOnItsOwnDataSubdomain() {
        String page = """
            <!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
            <title>Stadtrat beschließt Haushalt | Rheinblick Online</title>
            <link rel="preload" as="script" id="IOMmBundle"
                  href="//data-5e1c0a9b3f.rheinblick-online.de/iomm/latest/manager/base/es6/bundle.js">
            <link rel="preload" as="script"
                  href="//data-5e1c0a9b3f.rheinblick-online.de/iomm/latest/bootstrap/loader.js">
            <script type="text/javascript"
                    src="//data-5e1c0a9b3f.rheinblick-online.de/iomm/latest/bootstrap/loader.js"></script>
            <link rel="stylesheet" href="/static/rheinblick.css">
            </head><body>
            <script type="text/javascript">
            IOMm('configure', { st: 'rheinbl', dn: 'data-5e1c0a9b3f.rheinblick-online.de', mh: 5 });
            </script>
            <script type="text/javascript">
            IOMm('pageview', { cp: 'Lokales/Politik,Artikel' });
            </script>
            <h1>Stadtrat beschließt Haushalt</h1>
            <p>Der Haushalt umfasst 412 Millionen Euro.</p>
            <img src="//data-5e1c0a9b3f.rheinblick-online.de/static/no-measurement.gif" alt="" hidden>
            <script src="/static/rheinblick.js" defer></script>
            </body></html>
            """;
        assertPage(page,
            List.of(),
            List.of("/iomm/latest/bootstrap/loader.js", "/iomm/latest/manager/base/es6/bundle.js"),
            List.of("/static/rheinblick.css", "Stadtrat beschließt Haushalt", "/static/rheinblick.js",
                "/static/no-measurement.gif"));
        // the page's own IOMm(…) calls stay and find a stand-in where the loader was
        String stubbed = rewrite(REMOVE_WITH_STUBS, page, ConsentDecision.refuseAll());
        assertTrue(stubbed.contains("d('IO'+'Mm',s)"), stubbed);
        assertTrue(stubbed.contains("IOMm('pageview', { cp: 'Lokales/Politik,Artikel' });"), stubbed);
    }

    @Test
    void handWrittenImaPlayerKeepsTheContentVideo() {
        String page = """
            <body>
            <div id="player-shell">
              <video id="content-video" controls playsinline preload="metadata" poster="/media/posters/ferry.jpg">
                <source src="/media/ferry-crossing-720p.mp4" type="video/mp4">
              </video>
              <div id="ad-container"></div>
            </div>
            <script src="https://imasdk.googleapis.com/js/sdkloader/ima3.js"></script>
            <script>
            var VIDEO_SRC = 'https://media.harbourtimes.example/video/ferry-crossing-1080p.mp4';
            var AD_TAG = 'https://pubads.g.doubleclick.net/gampad/ads?iu=/1998/harbourtimes/video&sz=640x360'
              + '&gdfp_req=1&output=vast&env=vp';
            var video = document.getElementById('content-video');
            if (matchMedia('(min-width: 1200px)').matches) { video.src = VIDEO_SRC; }
            function requestAds() {
              if (!window.google || !google.ima) { return; }
              var container = new google.ima.AdDisplayContainer(document.getElementById('ad-container'), video);
              var loader = new google.ima.AdsLoader(container);
              var req = new google.ima.AdsRequest();
              req.adTagUrl = AD_TAG;
              loader.requestAds(req);
            }
            video.addEventListener('play', requestAds, {once: true});
            </script>
            </body>
            """;
        assertPage(page,
            List.of("pubads.g.doubleclick.net"),
            List.of(),
            List.of("/media/ferry-crossing-720p.mp4", "ferry-crossing-1080p.mp4", "video.addEventListener('play'",
                "imasdk.googleapis.com/js/sdkloader/ima3.js"));
    }

    @Test
    void permutiveSdkWithGptTargetingFromItsSegments() {
        String page = """
            <head>
            <script>
              !function(w,key,opts){if(w.permutive)return;var p=w.permutive={q:[],config:opts||{}},c=p.config;
              c.apiKey=c.workspaceId=key;c.environment=c.environment||"production";"addon identify track trigger query \
            segment segments ready on once user consent".split(" ").forEach(function(m){p[m]=function(){p.q.push({\
            functionName:m,arguments:[].slice.call(arguments)})}})}(window,"4f1e2d3c-b5a6-4978-8a9b-0c1d2e3f4a5b",\
            {consentRequired:true});
              window.googletag = window.googletag || {cmd: []};
              googletag.cmd.push(function () {
                var ads = googletag.pubads();
                if (!ads.getTargeting('permutive').length) {
                  var stored = localStorage.getItem('_pdfps');
                  ads.setTargeting('permutive', stored ? JSON.parse(stored) : []);
                }
              });
              permutive.addon("web", {page: {article: {title: "Harbour dredging to start", authors: ["Sam Lee"]}}});
            </script>
            <script async src="https://4f1e2d3c-b5a6-4978-8a9b-0c1d2e3f4a5b.edge.permutive.app/\
            4f1e2d3c-b5a6-4978-8a9b-0c1d2e3f4a5b-web.js"></script>
            </head>
            <body><h1>Harbour dredging to start</h1><p class="author">Sam Lee</p></body>
            """;
        assertPage(page,
            List.of("edge.permutive.app"),
            List.of(),
            List.of("Harbour dredging to start", "<p class=\"author\">Sam Lee</p>"));
    }

    @Test
    void videoChannelWithChartbeatVideoAndOutbrainSmartfeedInAScriptOfTheSite() {
        String page = """
            <head>
            <script type="text/javascript">
            var _sf_async_config = _sf_async_config || {};
            _sf_async_config.uid = 65432;
            _sf_async_config.domain = 'tv.weekendjournal.example';
            _sf_async_config.sections = 'video';
            _sf_async_config.autoDetect = false;
            </script>
            <script async src="//static.chartbeat.com/js/chartbeat_video.js"></script>
            </head>
            <body>
            <section class="playlist" data-endpoint="/api/playlists/travel"
                     data-next="https://tv.weekendjournal.example/travel?page=2">
              <a class="clip" href="/travel/lisbon-trams">Lisbon's trams</a>
            </section>
            <div class="OUTBRAIN" data-src="https://tv.weekendjournal.example/travel" data-widget-id="SF_1"
                 data-ob-template="WeekendJournal"></div>
            <script type="text/javascript">
            document.addEventListener('DOMContentLoaded', function () {
              document.querySelectorAll('.clip').forEach(function (a) {
                a.addEventListener('mouseenter', prefetchClip);
              });
            });
            function prefetchClip(e) { fetch('/api/clips/prefetch?href=' + encodeURIComponent(e.target.href)); }
            </script>
            <script type="text/javascript">
            document.addEventListener('DOMContentLoaded', function () {
              var ob = document.createElement('script');
              ob.async = true;
              ob.src = 'https://widgets.outbrain.com/outbrain.js';
              document.body.appendChild(ob);
            });
            </script>
            </body>
            """;
        assertPage(page,
            List.of("widgets.outbrain.com"),
            List.of("_sf_async_config", "chartbeat_video.js"),
            // the site's hover prefetch is a script of its own: one that also loaded Outbrain would go whole with it
            List.of("data-endpoint=\"/api/playlists/travel\"", "Lisbon's trams", "data-widget-id=\"SF_1\"",
                "a.addEventListener('mouseenter', prefetchClip)", "function prefetchClip(e)"));
    }

    @Test
    void atInternetSmartTagAndGemiusOnAnAmpLinkedArticle() {
        String page = """
            <html lang="fr"><head>
            <link rel="amphtml" href="https://www.lejournal.example/amp/politique/article-77120.html">
            <script src="https://tag.aticdn.net/612345/smarttag.js"></script>
            <script>
              var tag = new ATInternet.Tracker.Tag({site: 612345, secure: true});
              tag.page.set({name: 'article-77120', chapter1: 'politique', level2: 3});
              tag.dispatch();
            </script>
            <script>var pp_gemius_identifier = 'bVfrQnX5.3YBc0uPQ8mCkXZ7HbTJm6MkWqbHlS8FkyD.J7';
            (function(d){var s=d.createElement('script');s.async=true;s.src='https://gafr.hit.gemius.pl/xgemius.js';
            d.head.appendChild(s);})(document);</script>
            </head><body>
            <h1>Le budget adopté en première lecture</h1>
            <a href="https://www.lejournal.example/amp/politique/article-77120.html">Version AMP</a>
            </body></html>
            """;
        assertPage(page,
            List.of(),
            List.of("tag.aticdn.net", "ATInternet.Tracker.Tag", "hit.gemius.pl", "pp_gemius_identifier"),
            List.of("rel=\"amphtml\"", "Le budget adopté en première lecture", "Version AMP"));
    }
}
