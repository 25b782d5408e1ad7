package io.consentgate.html;

import static io.consentgate.html.PageFrame.ANALYTICS_REFUSED;
import static io.consentgate.html.PublisherPageAssertions.assertPage;
import static io.consentgate.html.RewriteAssertions.CATALOG;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerMatch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * News and magazine sites with paywalls, registration walls and subscription flows, written as they are written: Piano
 * Composer and Piano ID ({@code tp} queue, {@code tinypass.min.js}), Poool, Pelcro, Subscribe with Google, AMP's
 * subscription and access components, with the audience measurement these sites carry (Chartbeat, Parse.ly,
 * Comscore, Nielsen, Piano Analytics, Permutive, in their script, {@code <noscript>} and AMP forms) and the ad stack.
 * The loaders are written in the vendors' shapes (hosts, globals and calls), not copied. The paywall controls access
 * and is the site's business: it stays, with the article, the sign-in and subscribe buttons and the site's scripts;
 * measurement and ads go with their category; with everything allowed the page is untouched.
 */
class NewsSubscriptionShapesTest {

    /** With analytics alone refused (a reader who takes ads but no measurement), every {@code analytics} text goes and every other one stays. */
    private static void assertAnalyticsAlone(String page, List<String> analytics, List<String> kept) {
        String out = rewrite(REMOVE, page, ANALYTICS_REFUSED);
        for (String s : analytics) {
            assertFalse(out.contains(s), () -> "refused analytics, still there: " + s + "\n" + out);
        }
        for (String s : kept) {
            assertTrue(out.contains(s), () -> "refused analytics, lost: " + s + "\n" + out);
        }
    }

    @Test
    void nationalDailyWithPianoComposerPianoIdChartbeatComscoreAndGpt() {
        String page = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <title>Rail fares to rise by 4.6% in March | The Northern Courier</title>
            <link rel="preconnect" href="https://cdn.tinypass.com">
            <script>var _sf_startpt = (new Date()).getTime();</script>
            <script>
              window.tp = window.tp || [];
              tp.push(['setAid', 'NcR7q2XyPb']);
              tp.push(['setSandbox', false]);
              tp.push(['setUsePianoIdUserProvider', true]);
              tp.push(['setTags', ['transport', 'money']]);
              tp.push(['setContentSection', 'news']);
              tp.push(['addHandler', 'loginSuccess', function () { window.location.reload(); }]);
              tp.push(['init', function () {
                tp.experience.init();
                if (tp.user.isUserValid()) { document.documentElement.classList.add('is-member'); }
              }]);
              (function (src) {
                var el = document.createElement('script');
                el.async = true;
                el.src = src;
                var first = document.getElementsByTagName('script')[0];
                first.parentNode.insertBefore(el, first);
              })('//cdn.tinypass.com/api/tinypass.min.js');
            </script>
            <script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
            <script>
              window.googletag = window.googletag || {cmd: []};
              googletag.cmd.push(function () {
                googletag.defineSlot('/4408/northerncourier/news/article', [[300, 250]], 'ad-mpu-top')
                  .addService(googletag.pubads());
                googletag.pubads().setTargeting('section', 'news');
                googletag.enableServices();
              });
            </script>
            </head>
            <body>
            <header class="masthead">
              <a href="/" class="brand">The Northern Courier</a>
              <button type="button" class="js-sign-in" onclick="tp.pianoId.show({screen: 'login'})">Sign in</button>
              <a class="subscribe-cta" href="/subscribe?ref=header">Subscribe from £1 a week</a>
            </header>
            <article class="story" data-premium="true">
              <h1>Rail fares to rise by 4.6% in March</h1>
              <p class="lede">Season tickets between the two cities will pass £5,000 for the first time.</p>
              <div class="story-body piano-truncate"><p>Commuters face the biggest rise in a decade.</p></div>
              <div id="offer-inline"></div>
              <div id="ad-mpu-top"></div>
            </article>
            <script type="text/javascript">
              var _sf_async_config = _sf_async_config || {};
              _sf_async_config.uid = 30117;
              _sf_async_config.domain = 'northerncourier.example';
              _sf_async_config.sections = 'News,Transport';
              _sf_async_config.authors = 'Priya Shah';
              (function () {
                function loadChartbeat() {
                  var cb = document.createElement('script');
                  cb.src = 'https://static.chartbeat.com/js/chartbeat.js';
                  cb.async = true;
                  document.body.appendChild(cb);
                }
                loadChartbeat();
              })();
            </script>
            <script>
              window._comscore = window._comscore || [];
              window._comscore.push({c1: '2', c2: '20418867', cs_ucfr: '1'});
            </script>
            <script async src="https://sb.scorecardresearch.com/cs/20418867/beacon.js"></script>
            <noscript>
              <img alt="" src="https://sb.scorecardresearch.com/p?c1=2&amp;c2=20418867&amp;cv=4.4.0&amp;cj=1">
            </noscript>
            <script src="/assets/js/courier.article.4f1c2e.js" defer></script>
            </body>
            </html>
            """;
        List<String> analytics = List.of("static.chartbeat.com", "_sf_async_config.uid");
        List<String> own = List.of("cdn.tinypass.com/api/tinypass.min.js", "tp.push(['setAid', 'NcR7q2XyPb'])",
            "tp.pianoId.show({screen: 'login'})", "Subscribe from £1 a week", "<div id=\"offer-inline\"></div>",
            "Commuters face the biggest rise in a decade.", "/assets/js/courier.article.4f1c2e.js",
            "var _sf_startpt = (new Date()).getTime();", "<div id=\"ad-mpu-top\"></div>");
        assertPage(page, List.of("securepubads.g.doubleclick.net",
            "sb.scorecardresearch.com/cs/20418867/beacon.js", "sb.scorecardresearch.com/p?c1=2"), analytics, own);
        assertAnalyticsAlone(page, analytics, List.of("sb.scorecardresearch.com/cs/20418867/beacon.js",
            "securepubads.g.doubleclick.net", "cdn.tinypass.com/api/tinypass.min.js", "Sign in"));
    }

    @Test
    void ampArticleWithSubscriptionsGoogleChartbeatComscoreNielsenAndDoubleclick() {
        String page = """
            <!doctype html>
            <html ⚡ lang="en">
            <head>
            <meta charset="utf-8">
            <title>Harbour project wins final approval</title>
            <link rel="canonical" href="https://www.baytimes.example/news/harbour-project-approved">
            <script async src="https://cdn.ampproject.org/v0.js"></script>
            <script async custom-element="amp-subscriptions"
                    src="https://cdn.ampproject.org/v0/amp-subscriptions-0.1.js"></script>
            <script async custom-element="amp-subscriptions-google"
                    src="https://cdn.ampproject.org/v0/amp-subscriptions-google-0.1.js"></script>
            <script async custom-element="amp-analytics"
                    src="https://cdn.ampproject.org/v0/amp-analytics-0.1.js"></script>
            <script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
            <script type="application/json" id="amp-subscriptions">
              {
                "services": [
                  {
                    "authorizationUrl": "https://www.baytimes.example/amp/entitlements?rid=READER_ID&url=SOURCE_URL",
                    "pingbackUrl": "https://www.baytimes.example/amp/pingback?rid=READER_ID",
                    "actions": {
                      "login": "https://www.baytimes.example/account/login?rid=READER_ID&return=RETURN_URL",
                      "subscribe": "https://www.baytimes.example/subscribe?rid=READER_ID&return=RETURN_URL"
                    }
                  },
                  {"serviceId": "subscribe.google.com"}
                ],
                "fallbackEntitlement": {"source": "fallback", "granted": true, "grantReason": "METERING"}
              }
            </script>
            <script type="application/ld+json">
              {"@context": "https://schema.org", "@type": "NewsArticle",
               "headline": "Harbour project wins final approval",
               "isAccessibleForFree": false,
               "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": false, "cssSelector": ".paid"},
               "isPartOf": {"@type": ["CreativeWork", "Product"], "name": "Bay Times",
                            "productID": "baytimes.example:basic"}}
            </script>
            </head>
            <body>
            <amp-analytics type="chartbeat">
              <script type="application/json">
                {"vars": {"uid": "48213", "domain": "baytimes.example", "sections": "news", "authors": "Tom Reyes"}}
              </script>
            </amp-analytics>
            <amp-analytics type="comscore">
              <script type="application/json">
                {"vars": {"c2": "31098221"}, "extraUrlParams": {"comscorekw": "amp"}}
              </script>
            </amp-analytics>
            <amp-analytics type="nielsen">
              <script type="application/json">
                {"vars": {"apid": "P1A2B3C4-5D6E-7F80-91A2-B3C4D5E6F708", "apv": "1.0", "apn": "baytimes",
                  "section": "news", "segA": "local", "segB": "", "segC": "AMP"}}
              </script>
            </amp-analytics>
            <amp-pixel src="https://sb.scorecardresearch.com/p?c1=2&c2=31098221&cv=amp&rn=RANDOM" layout="nodisplay">
            </amp-pixel>
            <header>
              <button subscriptions-action="login" subscriptions-display="NOT data.isLoggedIn">Log in</button>
              <button subscriptions-action="subscribe" subscriptions-display="NOT granted">Subscribe</button>
            </header>
            <article>
              <h1>Harbour project wins final approval</h1>
              <section subscriptions-section="content-not-granted">
                <p>Subscribe to keep reading: the first month is free.</p>
              </section>
              <section subscriptions-section="content" class="paid">
                <p>The council voted nine to two on Tuesday night.</p>
                <amp-ad width="300" height="250" type="doubleclick"
                        data-slot="/5512/baytimes/amp/news" data-multi-size-validation="false"></amp-ad>
              </section>
            </article>
            </body>
            </html>
            """;
        List<String> analytics = List.of("<amp-analytics type=\"chartbeat\">", "<amp-analytics type=\"nielsen\">");
        List<String> own = List.of("https://www.baytimes.example/amp/entitlements?rid=READER_ID",
            "{\"serviceId\": \"subscribe.google.com\"}", "subscriptions-action=\"login\"",
            "subscriptions-action=\"subscribe\"", "Subscribe to keep reading", "The council voted nine to two",
            "\"isAccessibleForFree\": false", "amp-subscriptions-google-0.1.js");
        assertPage(page, List.of("<amp-analytics type=\"comscore\">", "sb.scorecardresearch.com/p?c1=2&c2=31098221",
            "type=\"doubleclick\""), analytics, own);
        assertAnalyticsAlone(page, analytics, List.of("<amp-analytics type=\"comscore\">", "type=\"doubleclick\"",
            "subscriptions-action=\"subscribe\""));
    }

    @Test
    void frenchMagazineWithPooolPianoAnalyticsAndPermutive() {
        String page = """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <title>Vendanges : une récolte précoce dans le Bordelais - Terroirs Magazine</title>
            <script>
              window.pdl = window.pdl || {};
              window.pdl.requireConsent = 'v2';
              window.pdl.consent = {defaultPreset: {PA: 'opt-out'}};
            </script>
            <script src="https://tag.aticdn.net/piano-analytics.js"></script>
            <script>
              pa.setConfigurations({site: 638214, collectDomain: 'https://mesure.terroirs-mag.example'});
              pa.sendEvent('page.display', {page: 'vendanges-recolte-precoce', page_chapter1: 'vins'});
            </script>
            <script>
              (function (w, apiKey, workspace) {
                var p = w.permutive = w.permutive || {q: [], config: {}};
                p.config.apiKey = apiKey;
                p.config.workspaceId = workspace;
                ['addon', 'identify', 'track', 'segment', 'ready'].forEach(function (name) {
                  p[name] = p[name] || function () {
                    p.q.push({functionName: name, arguments: [].slice.call(arguments)});
                  };
                });
              })(window, 'a1b2c3d4-0000-4e5f-9a8b-7c6d5e4f3a2b', 'f0e1d2c3-1111-4b2a-8c9d-0e1f2a3b4c5d');
              permutive.addon('web', {page: {type: 'article', section: 'vins'}});
            </script>
            <script async src="https://f0e1d2c3-1111-4b2a-8c9d-0e1f2a3b4c5d.edge.permutive.app/\
            f0e1d2c3-1111-4b2a-8c9d-0e1f2a3b4c5d-web.js"></script>
            <script src="https://assets.poool.fr/access.min.js" async></script>
            <script>
              window.addEventListener('DOMContentLoaded', function () {
                var access = Access.init('TM4kQ-8HW2n-Lz7Pp-Xa91c');
                access.config({cookies_enabled: true, locale: 'fr', login_url: '/connexion'});
                access.on('subscribeClick', function () { window.location.href = '/abonnement'; });
                access.createPaywall({target: '#paywall', content: '.article-contenu', mode: 'excerpt',
                  pageType: 'premium'});
              });
            </script>
            </head>
            <body>
            <nav><a href="/connexion" class="btn-login">Se connecter</a> <a href="/abonnement">S'abonner</a></nav>
            <article>
              <h1>Vendanges : une récolte précoce dans le Bordelais</h1>
              <div class="article-contenu"><p>Les premiers raisins ont été coupés dès le 18 août.</p></div>
              <div id="paywall"></div>
            </article>
            </body>
            </html>
            """;
        List<String> analytics = List.of("tag.aticdn.net/piano-analytics.js", "pa.setConfigurations(");
        List<String> own = List.of("window.pdl.requireConsent = 'v2';", "assets.poool.fr/access.min.js",
            "Access.init('TM4kQ-8HW2n-Lz7Pp-Xa91c')", "access.createPaywall(", "<div id=\"paywall\"></div>",
            "Se connecter", "S'abonner", "Les premiers raisins ont été coupés dès le 18 août.");
        assertPage(page, List.of("edge.permutive.app"), analytics, own);
        assertAnalyticsAlone(page, analytics, List.of("edge.permutive.app", "assets.poool.fr/access.min.js"));
    }

    @Test
    void ampArticleWithPianoPageTrackingPropensityAndPermutiveScript() {
        String page = """
            <!doctype html>
            <html amp lang="en-AU">
            <head>
            <meta charset="utf-8">
            <title>Drought relief package doubles for graziers</title>
            <link rel="canonical" href="https://www.outbackpost.example/rural/drought-relief-doubles">
            <script async src="https://cdn.ampproject.org/v0.js"></script>
            <script async custom-element="amp-access" src="https://cdn.ampproject.org/v0/amp-access-0.1.js"></script>
            <script async custom-element="amp-analytics"
                    src="https://cdn.ampproject.org/v0/amp-analytics-0.1.js"></script>
            <script async custom-element="amp-script" src="https://cdn.ampproject.org/v0/amp-script-0.1.js"></script>
            <script id="amp-access" type="application/json">
              {
                "authorization": "https://www.outbackpost.example/amp-access/authorize?rid=READER_ID&url=CANONICAL_URL",
                "pingback": "https://www.outbackpost.example/amp-access/pingback?rid=READER_ID&url=CANONICAL_URL",
                "login": {
                  "sign-in": "https://www.outbackpost.example/amp-access/sign-in?rid=READER_ID",
                  "subscribe": "https://www.outbackpost.example/subscribe/amp?rid=READER_ID"
                },
                "authorizationFallbackResponse": {"granted": false, "meterLeft": 0}
              }
            </script>
            </head>
            <body>
            <amp-analytics type="piano">
              <script type="application/json">
                {"vars": {"aid": "OpX4rT9qLm", "contentSection": "rural", "contentAuthor": "Jess Hartley",
                          "tags": "drought,farming", "contentCreated": "2024-08-02T06:30:00Z"}}
              </script>
            </amp-analytics>
            <amp-analytics type='subscriptions-propensity' data-credentials="include">
              <script type="application/json">
                {"vars": {"publicationId": "outbackpost.example", "productId": "outbackpost.example:premium"}}
              </script>
            </amp-analytics>
            <amp-analytics type="permutive-ampscript" target="permutive-sdk">
              <script type="application/json">{"extraUrlParams": {"section": "rural"}}</script>
            </amp-analytics>
            <header>
              <a on="tap:amp-access.login-sign-in" amp-access="NOT loggedIn" role="button" tabindex="0">Sign in</a>
              <a on="tap:amp-access.login-subscribe" amp-access="NOT subscriber" role="button"
                 tabindex="0">Subscribe</a>
            </header>
            <article>
              <h1>Drought relief package doubles for graziers</h1>
              <div amp-access="granted"><p>Payments will reach farms within six weeks.</p></div>
              <div amp-access="NOT granted" amp-access-hide><p>This story is for subscribers.</p></div>
            </article>
            </body>
            </html>
            """;
        List<String> analytics = List.of("<amp-analytics type=\"piano\">", "\"aid\": \"OpX4rT9qLm\"");
        List<String> own = List.of("https://www.outbackpost.example/amp-access/authorize?rid=READER_ID",
            "on=\"tap:amp-access.login-sign-in\"", "on=\"tap:amp-access.login-subscribe\"",
            "Payments will reach farms within six weeks.", "This story is for subscribers.");
        assertPage(page, List.of("type='subscriptions-propensity'", "\"publicationId\": \"outbackpost.example\"",
            "type=\"permutive-ampscript\""), analytics, own);
        assertAnalyticsAlone(page, analytics, List.of("type='subscriptions-propensity'",
            "type=\"permutive-ampscript\"", "Sign in"));
    }

    @Test
    void regionalPaperWithSubscribeWithGooglePelcroNielsenParselyAndGa4() {
        String page = """
            <!DOCTYPE html>
            <html lang="en-US">
            <head>
            <meta charset="utf-8">
            <title>School board delays bond vote - Lakeshore Ledger</title>
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "School board delays bond vote",
             "isAccessibleForFree": "False",
             "isPartOf": {"@type": ["CreativeWork", "Product"], "productID": "lakeshoreledger.example:showcase"},
             "publisher": {"@type": "NewsMediaOrganization", "name": "Lakeshore Ledger",
                           "sameAs": ["https://www.facebook.com/lakeshoreledger", "https://x.com/lakeshoreledger"]}}
            </script>
            <script async type="application/javascript" src="https://news.google.com/swg/js/v1/swg-basic.js"></script>
            <script>
              (self.SWG_BASIC = self.SWG_BASIC || []).push(function (subscriptions) {
                subscriptions.init({
                  type: 'NewsArticle',
                  isPartOfType: ['Product'],
                  isPartOfProductId: 'lakeshoreledger.example:showcase',
                  clientOptions: {theme: 'light', lang: 'en'}
                });
              });
            </script>
            <script>
              window.Pelcro = window.Pelcro || {};
              window.Pelcro.siteid = '4127';
              window.Pelcro.environment = {domain: 'https://www.pelcro.com',
                ui: 'https://js.pelcro.com/ui/plugin/core/'};
              window.Pelcro.uiSettings = {enableNameFieldsInRegister: true};
            </script>
            <script defer src="https://js.pelcro.com/sdk/main.min.js" type="text/javascript"></script>
            <script async src="https://www.googletagmanager.com/gtag/js?id=G-LK7R2W9QXM"></script>
            <script>
              window.dataLayer = window.dataLayer || [];
              window.gtag = window.gtag || function () { window.dataLayer.push(arguments); };
              gtag('js', new Date());
              gtag('config', 'G-LK7R2W9QXM', {content_group: 'education', subscriber_status: 'anonymous'});
            </script>
            <script>
              (function (w, name) {
                w[name] = w[name] || {
                  nlsQ: function (appId, instance, opts) {
                    w[name][instance] = w[name][instance] || {queue: [], ggPM: function () {
                      w[name][instance].queue.push(['ggPM', arguments]);
                    }};
                    var el = document.createElement('script');
                    el.async = true;
                    el.src = 'https://cdn-gl.imrworldwide.com/conf/' + appId + '.js#name=' + instance;
                    document.head.appendChild(el);
                    return w[name][instance];
                  }
                };
              })(window, 'NOLBUNDLE');
            </script>
            <script>
              var ledgerNielsen = NOLBUNDLE.nlsQ('P4B1C6A2E-93D1-4C57-8E0F-1A2B3C4D5E6F', 'ledgerInstance', {});
              ledgerNielsen.ggPM('staticstart', {type: 'static', assetid: 'edu-1187', section: 'Education'});
            </script>
            </head>
            <body>
            <header>
              <a class="pelcro-login-button" href="#">Log in</a>
              <button class="pelcro-subscribe-button" data-product-id="881" data-plan-id="2210">Subscribe</button>
              <button class="swg-button-v2-light" type="button">Subscribe with Google</button>
            </header>
            <main>
              <article>
                <h1>School board delays bond vote</h1>
                <p>The vote moves to November after a tie on Monday.</p>
                <p>Trustee notes: board materials cite <a href="https://www.nielsen.com/">Nielsen</a> household
                  figures and traffic reports from <a href="https://www.parse.ly/">Parse.ly</a>.</p>
              </article>
            </main>
            <script id="parsely-cfg" src="https://d1z2jf7jlzjs58.cloudfront.net/keys/lakeshoreledger.example/p.js"
                    async></script>
            <noscript><div><img src="https://secure-us.imrworldwide.com/cgi-bin/m?ci=us-604918h&amp;cg=0&amp;cc=1\
            &amp;ts=noscript" width="1" height="1" alt=""></div></noscript>
            <script src="/static/ledger/site.2024.06.js"></script>
            </body>
            </html>
            """;
        List<String> analytics = List.of("G-LK7R2W9QXM", "cdn-gl.imrworldwide.com/conf/", "NOLBUNDLE.nlsQ(",
            "d1z2jf7jlzjs58.cloudfront.net/keys/lakeshoreledger.example/p.js", "secure-us.imrworldwide.com/cgi-bin/m");
        List<String> own = List.of("news.google.com/swg/js/v1/swg-basic.js", "subscriptions.init({",
            "window.Pelcro.siteid = '4127';", "js.pelcro.com/sdk/main.min.js", "pelcro-subscribe-button",
            "Subscribe with Google", "The vote moves to November after a tie on Monday.",
            "<a href=\"https://www.nielsen.com/\">Nielsen</a>", "<a href=\"https://www.parse.ly/\">Parse.ly</a>",
            "\"sameAs\": [\"https://www.facebook.com/lakeshoreledger\"", "/static/ledger/site.2024.06.js");
        assertPage(page, List.of(), analytics, own);
        assertAnalyticsAlone(page, analytics, own);
    }

    @Test
    void musicMagazineNamedLikeTheVendorsKeepsItsOwnPaywallLinksAndScripts() {
        String page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Inside the piano workshop where every hammer is hand-voiced | Piano &amp; Keys Monthly</title>
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "Article",
             "headline": "Inside the piano workshop where every hammer is hand-voiced",
             "mentions": [{"@type": "Organization", "name": "Permutive", "sameAs": "https://permutive.com"},
                          {"@type": "Organization", "name": "Chartbeat", "sameAs": "https://chartbeat.com/"}],
             "publisher": {"@type": "Organization", "name": "Piano & Keys Monthly",
                           "sameAs": ["https://www.instagram.com/pianoandkeys"]}}
            </script>
            <script>
              window.PARSELY = {autotrack: false, onReady: function () { window.pkm.readyFlags.parsely = true; }};
              window.pkm = {readyFlags: {}, paywall: {freeArticles: 3, meterCookie: 'pkm_meter'}};
            </script>
            <script src="/assets/js/piano-lessons/sheet-player.min.js" defer></script>
            <script src="/assets/js/paywall/meter.js?v=3.2" defer></script>
            <script src="/assets/js/components/chartbeat-style-leaderboard.js" defer></script>
            </head>
            <body>
            <header><a href="/login" class="sign-in">Sign in</a>
              <a href="/join" class="join">Join for £4.99</a></header>
            <article class="metered">
              <h1>Inside the piano workshop where every hammer is hand-voiced</h1>
              <p>Before the felt meets the string, each hammer is pricked with needles by hand.</p>
              <aside class="how-we-measure">
                <p>We count readers with <a href="https://chartbeat.com/privacy/">Chartbeat</a> only if you agree;
                  the setting it reads is <code>_sf_async_config</code>, and our publisher profile lives at
                  <a href="https://permutive.com/privacy/">Permutive</a>.</p>
              </aside>
              <div id="meter-wall" data-free-left="2"></div>
            </article>
            <script>
              document.addEventListener('DOMContentLoaded', function () {
                window.pkm.paywall.start(document.getElementById('meter-wall'));
                document.querySelector('.join').addEventListener('click', function () {
                  if (typeof fbq === 'function') { fbq('track', 'InitiateCheckout', {content_category: 'membership'}); }
                  window.dataLayer && window.dataLayer.push({event: 'join_click'});
                });
              });
            </script>
            </body>
            </html>
            """;
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.refuseAll()));
        assertPage(page, List.of(), List.of(), List.of("\"sameAs\": \"https://permutive.com\"",
            "/assets/js/piano-lessons/sheet-player.min.js", "/assets/js/paywall/meter.js?v=3.2",
            "chartbeat-style-leaderboard.js", "window.PARSELY = {autotrack: false",
            "<a href=\"https://chartbeat.com/privacy/\">Chartbeat</a>", "<code>_sf_async_config</code>",
            "window.pkm.paywall.start(", "fbq('track', 'InitiateCheckout'"));
    }

    @Test
    void pianoComposerWithDmpSiteIdAndACheckoutHandlerKeepsThePaywallWhileCxJsGoes() {
        String page = """
            <!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
            <title>Kabinet kiest voor nieuwe dijkversterking | Het Poldernieuws</title>
            <script>
              var tp = window.tp || [];
              tp.push(["setAid", "PnW8dQ2vRs"]);
              tp.push(["setCxenseSiteId", "1142209874450012345"]);
              tp.push(["setEndpoint", "https://buy-eu.piano.io/api/v3"]);
              tp.push(["setPianoIdUrl", "https://id-eu.piano.io"]);
              tp.push(["setUsePianoIdUserProvider", true]);
              tp.push(["addHandler", "checkoutComplete", function (conversion) {
                window.dataLayer = window.dataLayer || [];
                window.dataLayer.push({event: "subscription_purchase", term: conversion.termId});
                if (window.fbq) { fbq("track", "Subscribe", {value: conversion.chargeAmount, currency: "EUR"}); }
              }]);
              tp.push(["addHandler", "checkoutClose", function (e) {
                if (e && e.state === "checkoutCompleted") { location.reload(); }
              }]);
              tp.push(["init", function () { tp.experience.init(); }]);
            </script>
            <script async src="//cdn.tinypass.com/api/tinypass.min.js"></script>
            <script>
              window.cX = window.cX || {};
              cX.callQueue = cX.callQueue || [];
              cX.callQueue.push(["setSiteId", "1142209874450012345"]);
              cX.callQueue.push(["sendPageViewEvent"]);
            </script>
            <script type="text/javascript">
              (function (doc, tag) {
                var el = doc.createElement(tag), first = doc.getElementsByTagName(tag)[0];
                el.async = "async";
                el.src = "http" + ("https:" === location.protocol ? "s://s" : "://") + "cdn.cxense.com/cx.js";
                first.parentNode.insertBefore(el, first);
              })(document, "script");
            </script>
            </head><body>
            <a class="inloggen" href="javascript:void(0)" onclick="tp.pianoId.show({screen: 'login'})">Inloggen</a>
            <article><h1>Kabinet kiest voor nieuwe dijkversterking</h1><p>De eerste werken starten in 2026.</p>
            <div class="piano-inline-offer"></div></article>
            </body></html>
            """;
        List<String> own = List.of("cdn.tinypass.com/api/tinypass.min.js", "tp.push([\"setAid\", \"PnW8dQ2vRs\"])",
            "fbq(\"track\", \"Subscribe\"", "tp.pianoId.show({screen: 'login'})",
            "De eerste werken starten in 2026.", "<div class=\"piano-inline-offer\"></div>",
            "cX.callQueue.push([\"sendPageViewEvent\"]);");
        assertPage(page, List.of("cdn.cxense.com/cx.js"), List.of(), own);
        assertAnalyticsAlone(page, List.of("cdn.cxense.com/cx.js"), own);
    }

    @Test
    void wordpressMagazineWithHeadlineTestingWpParselyComscoreAndPianoFromAPlugin() {
        String page = """
            <!DOCTYPE html>
            <html lang="en-US">
            <head>
            <meta charset="UTF-8">
            <title>The quiet comeback of the night train &#8211; Atlas Review</title>
            <link rel="preload" as="script" href="https://static.chartbeat.com/js/chartbeat_mab.js">
            <link rel="dns-prefetch" href="//cdn.tinypass.com">
            <script>
            (function () {
              var cfg = window._sf_async_config = window._sf_async_config || {};
              cfg.uid = 71044;
              cfg.domain = 'atlasreview.example';
              cfg.flickerControl = false;
              cfg.useCanonical = true;
            })();
            </script>
            <script async src="https://static.chartbeat.com/js/chartbeat_mab.js"></script>
            <script id="wp-parsely-loader-js-before">
            window.wpParselySiteId = 'atlasreview.example';
            </script>
            <script src="https://atlasreview.example/wp-content/plugins/wp-parsely/build/loader.js?ver=3.16.2"
                    id="wp-parsely-loader-js"></script>
            <script data-parsely-site="atlasreview.example"
                    src="https://cdn.parsely.com/keys/atlasreview.example/p.js?ver=3.16.2"
                    id="parsely-cfg"></script>
            <script id="atlas-piano-js-extra">
            var atlasPiano = {"aid":"AtL4s9QwEr","sandbox":"","section":"travel","premium":"1"};
            </script>
            <script src="https://atlasreview.example/wp-content/plugins/atlas-piano/js/composer-init.js?ver=1.4.0"
                    id="atlas-piano-js"></script>
            <script>
            var _comscore = _comscore || [];
            _comscore.push({c1: "2", c2: "39900417", options: {enableFirstPartyCookie: true}});
            (function () {
              var cs = document.createElement("script");
              var ref = document.getElementsByTagName("script")[0];
              cs.async = true;
              cs.src = "https://sb.scorecardresearch.com/cs/39900417/beacon.js";
              ref.parentNode.insertBefore(cs, ref);
            })();
            </script>
            <noscript><img src="https://sb.scorecardresearch.com/p?c1=2&amp;c2=39900417&amp;cv=4.4.0&amp;cj=1"
                           alt="" /></noscript>
            </head>
            <body class="single single-post premium">
            <header class="site-header">
              <a href="https://atlasreview.example/my-account/" class="piano-account">My account</a>
              <a href="https://atlasreview.example/subscribe/" class="piano-subscribe">Subscribe</a>
            </header>
            <article id="post-20931" class="post type-post premium">
              <h1 class="entry-title">The quiet comeback of the night train</h1>
              <div class="entry-content"><p>Sleeper services now run on eleven routes across the continent.</p></div>
              <div id="piano-paywall-container"></div>
            </article>
            </body>
            </html>
            """;
        List<String> analytics = List.of("static.chartbeat.com/js/chartbeat_mab.js", "cfg.flickerControl = false;",
            "cdn.parsely.com/keys/atlasreview.example/p.js");
        List<String> own = List.of("window.wpParselySiteId = 'atlasreview.example';",
            "wp-content/plugins/wp-parsely/build/loader.js?ver=3.16.2", "var atlasPiano = {\"aid\":\"AtL4s9QwEr\"",
            "atlas-piano/js/composer-init.js?ver=1.4.0", "//cdn.tinypass.com", "class=\"piano-subscribe\"",
            "Sleeper services now run on eleven routes", "<div id=\"piano-paywall-container\"></div>");
        assertPage(page, List.of("sb.scorecardresearch.com/cs/39900417/beacon.js", "sb.scorecardresearch.com/p?c1=2"),
            analytics, own);
        assertAnalyticsAlone(page, analytics, List.of("sb.scorecardresearch.com/cs/39900417/beacon.js",
            "atlas-piano/js/composer-init.js?ver=1.4.0"));
    }

    @Test
    void dailyWithSophiCollectionAndItsOwnDynamicPaywall() {
        String page = """
            <!DOCTYPE html>
            <html lang="en-CA">
            <head>
            <meta charset="utf-8">
            <title>Ferry fares frozen for another year - The Harbour Herald</title>
            <script>
              (function (w, d) {
                var sophi = w.sophi = w.sophi || {};
                sophi.q = sophi.q || [];
                sophi.sendEvent = sophi.sendEvent || function (evt) { sophi.q.push(evt); };
                sophi.settings = {client: 'harbourherald.example', appId: 'harbourherald.example:web',
                  environment: 'prod', collectorEndpoint: 'collector.sophi.io', trackerName: 'sophiTag'};
                sophi.data = {page: {type: 'article', breadcrumb: 'news:city', sectionName: 'city'},
                  content: {type: 'article', contentId: 'hh-91823'}, visitor: {type: 'registered'}};
                var tag = d.createElement('script');
                tag.async = true;
                tag.src = 'https://cdn.sophi.io/latest/sophi.min.js';
                d.getElementsByTagName('head')[0].appendChild(tag);
              })(window, document);
            </script>
            <script src="/static/herald/paywall/decision-client.js?v=2.3" defer></script>
            </head>
            <body>
            <header><a href="/account/login">Log in</a> <a href="/subscribe?src=masthead">Subscribe</a></header>
            <article data-content-id="hh-91823">
              <h1>Ferry fares frozen for another year</h1>
              <p>The province will cover the shortfall from its transit fund.</p>
              <div class="herald-wall" data-wall-type="dynamic" hidden></div>
            </article>
            <script>
              document.addEventListener('DOMContentLoaded', function () {
                window.heraldPaywall && window.heraldPaywall.decide({contentId: 'hh-91823', section: 'city'});
              });
            </script>
            </body>
            </html>
            """;
        List<String> analytics = List.of("cdn.sophi.io/latest/sophi.min.js", "collectorEndpoint: 'collector.sophi.io'");
        List<String> own = List.of("/static/herald/paywall/decision-client.js?v=2.3",
            "window.heraldPaywall.decide({contentId: 'hh-91823', section: 'city'})",
            "<div class=\"herald-wall\" data-wall-type=\"dynamic\" hidden></div>", "Subscribe",
            "The province will cover the shortfall from its transit fund.");
        assertPage(page, List.of(), analytics, own);
        assertAnalyticsAlone(page, analytics, own);
    }

    @Test
    void businessWeeklyWithZephrRegistrationWallPermutiveAndGpt() {
        String page = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <title>Why mid-size exporters are hedging in dirhams | Trade Ledger Weekly</title>
            <script src="https://assets.zephr.com/zephr-browser/1.9.1/zephr-browser.umd.js"></script>
            <script>
              zephrBrowser.run({
                cdnApi: 'https://www.tradeledger.example',
                jwt: null,
                customData: {section: 'markets', articleType: 'analysis'}
              });
            </script>
            <script src="https://tradeledger.edge.permutive.app/8c41a2e0-5b77-web.js" async></script>
            <script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"
                    crossorigin="anonymous"></script>
            </head>
            <body>
            <header><a href="/login" data-zephr-action="login">Sign in</a>
              <a href="/register" data-zephr-action="register">Register for 5 free articles</a></header>
            <article class="analysis">
              <h1>Why mid-size exporters are hedging in dirhams</h1>
              <p>Currency desks report a threefold rise in forward contracts since spring.</p>
              <div data-zephr-feature="registration-wall"></div>
            </article>
            </body>
            </html>
            """;
        List<String> own = List.of("assets.zephr.com/zephr-browser/1.9.1/zephr-browser.umd.js", "zephrBrowser.run({",
            "data-zephr-action=\"register\"", "<div data-zephr-feature=\"registration-wall\"></div>",
            "Currency desks report a threefold rise");
        assertPage(page, List.of("edge.permutive.app", "securepubads.g.doubleclick.net"), List.of(), own);
        assertAnalyticsAlone(page, List.of(), List.of("edge.permutive.app", "securepubads.g.doubleclick.net",
            "zephrBrowser.run({"));
    }

    /**
     * Piano's access cookies (the token list, the Piano ID token, Composer's experience state with the meter) match no
     * entry, so the cookie gate never expires them and a subscriber stays signed in; its measurement cookies do.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        __tac             | -
        __tae             | -
        __utp             | -
        xbc               | -
        umc_3f9a1c        | -
        __tbc             | piano-composer-tracking
        _pcid             | piano-analytics
        _chartbeat2       | ocd-chartbeat
        _parsely_visitor  | parsely
        """)
    void paywallAccessCookiesStayWhileMeasurementCookiesAreGated(String name, String tracker) {
        TrackerMatch m = CATALOG.matchCookie(name, ".northerncourier.example");
        if ("-".equals(tracker)) {
            assertNull(m, () -> name + " matched " + m.tracker().id());
        } else {
            assertNotNull(m, name);
            assertEquals(tracker, m.tracker().id());
        }
    }
}
