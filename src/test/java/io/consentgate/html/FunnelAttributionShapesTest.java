package io.consentgate.html;

import static io.consentgate.html.PageFrame.assertRewritten;
import static io.consentgate.html.PageFrame.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sales funnels and course or creator platforms (ClickFunnels, Kajabi, Teachable, Thinkific, Podia, Systeme.io,
 * Gumroad, Lemon Squeezy, ThriveCart) as their "tracking code" slots print them: ad-attribution and click-tracking
 * tools (Hyros, RedTrack, Voluum, ClickMagick, Wicked Reports, TUNE/HasOffers, Everflow), the ad pixels pasted in
 * head and body, and conversion calls on thank-you pages, beside the site's own UTM capture, opt-in forms and the
 * checkout and payment widgets a buyer uses. The vendors' loaders are written in their shapes (hosts, globals and
 * calls), not copied. With the categories refused the trackers go, the named first-party parts stay, and with
 * everything allowed the page is untouched.
 */
class FunnelAttributionShapesTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ANALYTICS_ONLY = decision(Category.FUNCTIONAL, Category.ANALYTICS);
    private static final ConsentDecision MARKETING_ONLY = decision(Category.FUNCTIONAL, Category.MARKETING);
    private static final ConsentDecision ALL = decision(Category.FUNCTIONAL, Category.ANALYTICS, Category.MARKETING);

    private static ConsentDecision decision(Category... allowed) {
        return ConsentDecision.of(Set.of(allowed), Map.of(), ConsentMode.OPT_IN);
    }

    /** The site's own capture of UTM parameters and ad click ids into the opt-in form's hidden fields. */
    private static final String UTM_CAPTURE = """
        <script>
          (function () {
            var keys = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term',
                        'fbclid', 'gclid', 'ttclid', 'wbraid'];
            var params = new URLSearchParams(window.location.search);
            var saved = JSON.parse(localStorage.getItem('acme_attribution') || '{}');
            keys.forEach(function (k) { if (params.get(k)) { saved[k] = params.get(k); } });
            localStorage.setItem('acme_attribution', JSON.stringify(saved));
            document.addEventListener('DOMContentLoaded', function () {
              document.querySelectorAll('form[data-optin] input[type=hidden]').forEach(function (input) {
                if (saved[input.name]) { input.value = saved[input.name]; }
              });
            });
          })();
        </script>
        """;

    private static final String CLICKFUNNELS_SALES_PAGE = """
        <!DOCTYPE html>
        <html lang="en"><head>
        <meta charset="utf-8"><title>The 6-Figure Course Blueprint | Acme Academy</title>
        <link rel="stylesheet" href="https://assets.clickfunnels.com/assets/lander-7f3e2a.css">
        <!-- Tracking code: head -->
        <script>
        (function (pixelUrl) {
          if (window.fbq) { return; }
          var calls = [];
          window.fbq = window._fbq = function () { calls.push(arguments); };
          window.fbq.queue = calls; window.fbq.version = '2.0';
          var lib = document.createElement('script'); lib.async = true; lib.src = pixelUrl;
          document.head.appendChild(lib);
        })('https://connect.facebook.net/en_US/fbevents.js');
        fbq('init', '402938475610293');
        fbq('track', 'PageView');
        </script>
        <noscript><img height="1" width="1" style="display:none"
          src="https://www.facebook.com/tr?id=402938475610293&ev=PageView&noscript=1"/></noscript>
        <script async src="https://www.googletagmanager.com/gtag/js?id=G-Q7RT2ZK4LM"></script>
        <script>
          window.dataLayer = window.dataLayer || [];
          function gtag(){dataLayer.push(arguments);}
          gtag('js', new Date());
          gtag('config', 'G-Q7RT2ZK4LM');
          gtag('config', 'AW-10293847561');
        </script>
        <script>
          var hHead = document.head, hTag = document.createElement('script');
          hTag.type = 'text/javascript';
          hTag.src = 'https://219384.t.hyros.com/v1/lst/universal-script?ph=5c1e0d9b7a3f2e4d6c8b0a1f3e5d7c9b'
            + '1a3c5e7f9d2b4a6c8e0f1d3b5a7c9e&tag=!clicked&ref_url=' + encodeURI(document.URL);
          hHead.appendChild(hTag);
        </script>
        <script type="text/javascript"
          src="https://trk.acmeacademy.example/track.js?rtkcmpid=66a1b2c3d4e5f60718293a4b">\
        </script>
        """ + UTM_CAPTURE + """
        </head><body>
        <div class="containerWrapper"><h1 class="headline">Launch your course in 30 days</h1>
        <form data-optin action="/optin/submit" method="post" class="elFormWrap">
          <input type="email" name="email" placeholder="Your best e-mail" required>
          <input type="hidden" name="utm_source"><input type="hidden" name="utm_campaign">
          <input type="hidden" name="fbclid"><input type="hidden" name="gclid">
          <button class="elButton" type="submit">Get instant access</button>
        </form>
        <p>As seen in our <a href="https://www.facebook.com/groups/acmeacademy">Facebook group</a> and on
          <a href="https://www.tiktok.com/@acmeacademy">TikTok</a>.</p>
        <a class="elButton" href="https://www.clkmg.com/acmeacademy/webinar">Save my webinar seat</a>
        </div>
        <!-- Tracking code: body -->
        <script>
          var clickmagick_cmc = {
            uid: '204815',
            hid: '918273645',
            cmc_project: 'Course Blueprint',
            vid_info: 'on'
          };
        </script>
        <script src="//cdn.clkmc.com/cmc.js"></script>
        <script type="text/javascript"
          src="https://widget.wickedreports.com/v2/4821/wr-0a1b2c3d4e5f60718293a4b5c6d7e8f9.js" \
        async></script>
        <script src="https://assets.clickfunnels.com/assets/lander-7f3e2a.js"></script>
        </body></html>
        """;

    @Test
    void clickFunnelsSalesPageLosesEveryPastedTrackerAndKeepsTheOptIn() {
        assertRewritten(CLICKFUNNELS_SALES_PAGE, NONE,
            List.of("connect.facebook.net", "www.facebook.com/tr", "googletagmanager.com", "gtag('config'",
                "t.hyros.com", "track.js?rtkcmpid", "cdn.clkmc.com", "widget.wickedreports.com"),
            List.of("lander-7f3e2a.css", "lander-7f3e2a.js", "acme_attribution", "<form data-optin",
                "www.clkmg.com/acmeacademy/webinar", "www.facebook.com/groups/acmeacademy",
                "www.tiktok.com/@acmeacademy", "Get instant access"));
    }

    @Test
    void withOnlyMarketingRefusedTheAnalyticsTagStaysAndTheAttributionToolsGo() {
        String out = assertRewritten(CLICKFUNNELS_SALES_PAGE, ANALYTICS_ONLY,
            List.of("connect.facebook.net", "t.hyros.com", "track.js?rtkcmpid", "cdn.clkmc.com",
                "widget.wickedreports.com", "AW-10293847561"),
            List.of("acme_attribution", "<form data-optin"));
        // the script that configures both the analytics and the ads tag needs both categories and goes whole; the
        // loader for the G- id alone stays
        assertTrue(out.contains("gtag/js?id=G-Q7RT2ZK4LM"), out);
    }

    @Test
    void withOnlyAnalyticsRefusedTheAttributionToolsStay() {
        String out = rewrite(CLICKFUNNELS_SALES_PAGE, MARKETING_ONLY);
        for (String kept : List.of("connect.facebook.net", "t.hyros.com", "track.js?rtkcmpid", "cdn.clkmc.com",
                "widget.wickedreports.com")) {
            assertTrue(out.contains(kept), () -> "lost: " + kept + "\n" + out);
        }
        assertFalse(out.contains("gtag/js?id=G-Q7RT2ZK4LM"), out);
    }

    private static final String THANK_YOU_PAGE = """
        <html><head><title>You're in! | Acme Academy</title>
        <script src="https://assets.clickfunnels.com/assets/lander-7f3e2a.js"></script>
        </head><body>
        <section id="order-summary"><h1>Thank you, Dana!</h1>
          <p>Order <strong>#CF-88213</strong>: The 6-Figure Course Blueprint, $497.00</p>
          <a class="elButton" href="https://academy.acmeacademy.example/login">Access your course</a></section>
        <script>
          if (typeof fbq === 'function') {
            fbq('track', 'Purchase', {value: 497.00, currency: 'USD', content_ids: ['blueprint-pro'],
              content_type: 'product'});
          }
        </script>
        <noscript><img height="1" width="1" alt=""
          src="https://www.facebook.com/tr?id=402938475610293&amp;ev=Purchase&amp;cd[value]=497.00&amp;cd[currency]=USD\
        &amp;noscript=1"></noscript>
        <script>
          gtag('event', 'conversion', {
            'send_to': 'AW-10293847561/kQ3xCJ7b2_oYEPmz1ZAm',
            'value': 497.0,
            'currency': 'USD',
            'transaction_id': 'CF-88213'
          });
        </script>
        <script>
          window.ttq && ttq.track('CompletePayment', {content_id: 'blueprint-pro', value: 497, currency: 'USD'});
          window.pintrk && pintrk('track', 'checkout', {value: 497, order_quantity: 1, currency: 'USD'});
        </script>
        <noscript><img height="1" width="1" style="display:none;" alt=""
          src="https://ct.pinterest.com/v3/?event=checkout&tid=2613498275013&pd[em]=&noscript=1" /></noscript>
        <script>
          var clickmagick_cmc = {uid: '204815', hid: '918273645', cmc_goal: 's', cmc_amt: '497.00',
            cmc_ref: 'CF-88213'};
        </script>
        <script src='//cdn.clkmc.com/cmc.js'></script>
        <img src="https://x4k2p.voluumtrk.com/conversion.gif?cid=&payout=497&txid=CF-88213" width="1" height="1"/>
        <iframe src="https://acmepartners.go2cloud.org/aff_l?offer_id=14&adv_sub=CF-88213&amount=497" scrolling="no"
          frameborder="0" width="1" height="1"></iframe>
        <img src="https://acmepartners.go2cloud.org/aff_goal?a=l&goal_id=6&adv_sub=CF-88213" width="1" height="1" />
        <script type="text/javascript" src="https://www.acmetrk.example/scripts/sdk/everflow.js"></script>
        <script type="text/javascript">
          EF.conversion({aid: 118, amount: 497.00, order_id: 'CF-88213'});
        </script>
        </body></html>
        """;

    @Test
    void thankYouPageLosesThePixelsAndKeepsTheOrderAndItsOwnEventCalls() {
        String out = assertRewritten(THANK_YOU_PAGE, NONE,
            List.of("www.facebook.com/tr", "AW-10293847561", "ct.pinterest.com", "cdn.clkmc.com", "voluumtrk.com",
                "go2cloud.org/aff_l", "go2cloud.org/aff_goal", "everflow.js"),
            List.of("order-summary", "Access your course", "lander-7f3e2a.js", "fbq('track', 'Purchase'",
                "ttq.track('CompletePayment'", "pintrk('track', 'checkout'", "EF.conversion("));
        assertFalse(out.contains("<iframe"), out);
    }

    private static final String CHECKOUT_PAGE = """
        <html><head><title>Checkout | Creator Kit</title>
        <script src="https://js.stripe.com/v3/"></script>
        <script src="https://www.paypal.com/sdk/js?client-id=AbCdEf0123456789-xyz&currency=USD&intent=capture">\
        </script>
        <script>window.lemonSqueezyAffiliateConfig = { store: "creator-kit" };</script>
        <script src="https://lmsqueezy.com/affiliate.js" defer></script>
        <script src="https://app.lemonsqueezy.com/js/lemon.js" defer></script>
        <script type="text/javascript">
          !function () {
            var sdk = window.tdl = window.tdl || [];
            if (sdk.invoked) { return; }
            sdk.invoked = true;
            sdk.methods = ['init', 'identify', 'convert'];
            sdk.factory = function (name) {
              return function () {
                var args = [].slice.call(arguments); args.unshift(name); sdk.push(args); return sdk;
              };
            };
            sdk.methods.forEach(function (m) { sdk[m] = sdk.factory(m); });
            sdk.init = function (domain) {
              var s = document.createElement('script');
              s.type = 'text/javascript'; s.async = true; s.src = 'https://js.go2sdk.com/v2/tune.js';
              var f = document.getElementsByTagName('script')[0]; f.parentNode.insertBefore(s, f);
              sdk.domain = domain;
            };
          }();
          tdl.init('https://acmepartners.go2cloud.org');
          tdl.identify();
        </script>
        <script src="https://abc12.rdtk.io/unilpclick.js?attribution=lastpaid&cookiedomain=creatorkit.example\
        &cookieduration=90&defaultcampaignid=66a1b2c3d4e5f60718293a4b&regviewonce=false"></script>
        </head><body>
        <form id="payment-form" action="/checkout/charge" method="post">
          <div id="card-element"></div><div id="paypal-buttons"></div>
          <button id="pay">Pay $97</button>
        </form>
        <a class="gumroad-button" href="https://creatorkit.gumroad.com/l/starter">Buy on Gumroad</a>
        <script src="https://gumroad.com/js/gumroad.js"></script>
        <a href="https://creatorkit.lemonsqueezy.com/checkout/buy/5f1e2d3c?embed=1" class="lemonsqueezy-button">Buy
          the kit</a>
        <div data-thrivecart-account="creatorkit" data-thrivecart-tpl="v2" data-thrivecart-product="7"
          class="thrivecart-embeddable" data-thrivecart-embeddable="tc-creatorkit-7-QX1Z2A"></div>
        <script async src="//tinder.thrivecart.com/embed/v1/thrivecart.js" id="tc-creatorkit-7-QX1Z2A"></script>
        <script src="https://cdn.podia.com/embeds.js" async></script>
        <script>
          var stripe = Stripe('pk_live_51AbCdEfGhIjKlMnOpQrStUv');
          var card = stripe.elements().create('card');
          card.mount('#card-element');
          paypal.Buttons({createOrder: function () { return fetch('/checkout/paypal-order', {method: 'post'})
            .then(function (r) { return r.json(); }).then(function (o) { return o.id; }); }}).render('#paypal-buttons');
        </script>
        </body></html>
        """;

    @Test
    void checkoutKeepsEveryPaymentWidgetAndLosesTheAffiliateAndClickTrackers() {
        assertRewritten(CHECKOUT_PAGE, NONE,
            List.of("lmsqueezy.com/affiliate.js", "js.go2sdk.com", "unilpclick.js", "rdtk.io"),
            List.of("js.stripe.com/v3/", "www.paypal.com/sdk/js", "app.lemonsqueezy.com/js/lemon.js",
                "lemonSqueezyAffiliateConfig", "gumroad.com/js/gumroad.js", "creatorkit.gumroad.com/l/starter",
                "tinder.thrivecart.com/embed/v1/thrivecart.js", "data-thrivecart-embeddable",
                "cdn.podia.com/embeds.js", "card.mount('#card-element')", "paypal.Buttons(", "payment-form"));
    }

    private static final String KAJABI_PAGE = """
        <!DOCTYPE html><html><head>
        <title>Free Masterclass: Facebook Ads for Coaches | Acme Coaching</title>
        <link rel="stylesheet" href="https://kajabi-storefronts-production.kajabi-cdn.com/kajabi-storefronts-production\
        /themes/2150001234/assets/styles.css?17300001">
        <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization",
          "name": "Acme Coaching", "url": "https://www.acmecoaching.example",
          "sameAs": ["https://www.facebook.com/acmecoaching", "https://www.tiktok.com/@acmecoaching",
            "https://www.pinterest.com/acmecoaching/", "https://www.youtube.com/@acmecoaching"]}</script>
        <script>
        !function (w, d, name) {
          w.TiktokAnalyticsObject = name;
          var q = w[name] = w[name] || [];
          q.methods = ['page', 'track', 'identify'];
          q.setAndDefer = function (o, m) { o[m] = function () { o.push([m].concat([].slice.call(arguments))); }; };
          for (var i = 0; i < q.methods.length; i++) { q.setAndDefer(q, q.methods[i]); }
          q.load = function (id) {
            var el = d.createElement('script'); el.async = true;
            el.src = 'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=' + id + '&lib=' + name;
            d.head.appendChild(el);
          };
          q.load('CP1A2B3C4D5E6F7G8H9J');
          q.page();
        }(window, document, 'ttq');
        </script>
        <script type="text/javascript">
          if (!window.pintrk) {
            var pinCalls = [];
            window.pintrk = function () { pinCalls.push([].slice.call(arguments)); };
            window.pintrk.queue = pinCalls; window.pintrk.version = '3.0';
            var pinTag = document.createElement('script');
            pinTag.async = true; pinTag.src = 'https://s.pinimg.com/ct/core.js';
            document.head.appendChild(pinTag);
          }
          pintrk('load', '2613498275013', {em: ''});
          pintrk('page');
        </script>
        </head><body>
        <article class="blog-post"><h2>Hyros vs RedTrack vs Voluum: which tracker for coaches?</h2>
          <p>We tested <a href="https://hyros.com/">Hyros</a>, <a href="https://www.redtrack.io/">RedTrack</a>,
          <a href="https://voluum.com/">Voluum</a> and <a href="https://www.clickmagick.com/">ClickMagick</a>.
          Paste the script from t.hyros.com into your head tracking code.</p>
          <img src="/images/tiktok-pixel-setup.png" alt="TikTok pixel setup"></article>
        <form action="/forms/2148123456/form_submissions" method="post" class="form" data-kajabi-form>
          <input type="email" name="form_submission[email]" required>
          <button type="submit" class="btn">Save my seat</button></form>
        <script src="/assets/js/track.js"></script>
        <script src="https://kajabi-storefronts-production.kajabi-cdn.com/kajabi-storefronts-production/themes\
        /2150001234/assets/scripts.js?17300001"></script>
        </body></html>
        """;

    @Test
    void kajabiPageLosesTheAdPixelsAndKeepsItsPostsFormsAndLookAlikes() {
        assertRewritten(KAJABI_PAGE, NONE,
            List.of("analytics.tiktok.com", "s.pinimg.com", "pintrk('load'"),
            List.of("\"sameAs\"", "https://www.tiktok.com/@acmecoaching", "https://www.pinterest.com/acmecoaching/",
                "https://hyros.com/", "https://www.redtrack.io/", "https://voluum.com/",
                "https://www.clickmagick.com/", "/images/tiktok-pixel-setup.png", "/forms/2148123456/form_submissions",
                "/assets/js/track.js", "assets/scripts.js?17300001", "Paste the script from t.hyros.com"));
    }

    @Test
    void thankYouPageStaysWholeWhereOnlyAnalyticsIsRefusedAndLosesEveryPixelWhereMarketingIs() {
        assertEquals(THANK_YOU_PAGE, rewrite(THANK_YOU_PAGE, MARKETING_ONLY));
        assertRewritten(THANK_YOU_PAGE, ANALYTICS_ONLY,
            List.of("www.facebook.com/tr", "AW-10293847561", "ct.pinterest.com", "cdn.clkmc.com", "voluumtrk.com",
                "go2cloud.org/aff_l", "everflow.js"),
            List.of("order-summary", "fbq('track', 'Purchase'", "EF.conversion("));
    }

    @Test
    void settingsObjectsAndClickLinksOfTheClickTrackersStay() {
        String out = assertRewritten(CLICKFUNNELS_SALES_PAGE + THANK_YOU_PAGE, NONE, List.of("cdn.clkmc.com"),
            List.of("cmc_project: 'Course Blueprint'", "cmc_goal: 's'", "www.clkmg.com/acmeacademy/webinar"));
        assertTrue(out.contains("var clickmagick_cmc"), out);
    }

    /** Each of these loads a refused attribution or click tracker and goes whole; the page around it stays. */
    private static final List<String> ATTRIBUTION_LOADERS = List.of(
        // RedTrack's universal script through an inline loader that takes the campaign id as an argument, on the
        // advertiser's own tracking domain
        """
        <script>
          (function (win, doc, tag, queue, campaign) {
            win[queue] = win[queue] || [];
            win[queue].push({'rtk.clickid': ''});
            var first = doc.getElementsByTagName(tag)[0], el = doc.createElement(tag);
            var extra = queue !== 'rtkData' ? '&l=' + queue : '';
            el.async = true;
            el.src = 'https://go.coachpro.example/track.js?rtkcmpid=' + campaign + extra;
            first.parentNode.insertBefore(el, first);
          })(window, document, 'script', 'rtkData', '6702f1e8a9b3c4d5e6f70812');
        </script>""",
        // RedTrack's landing-page click script pasted in the body
        "<script src=\"https://go.coachpro.example/unilpclick.js?attribution=firstpaid&cookiedomain=coachpro.example"
            + "&cookieduration=30&defaultcampaignid=6702f1e8a9b3c4d5e6f70812&regviewonce=true\"></script>",
        // RedTrack's newer universal tag, as a Next.js layout prints it and as a Nuxt page's head inserts it
        "<script src=\"https://click.debtrelief.example/uniclick.js?attribution=lastpaid&amp;cookiedomain=&amp;"
            + "cookieduration=90&amp;defaultcampaignid=6702f1e8a9b3c4d5e6f70812&amp;regviewonce=false\"></script>",
        """
        <script>
          (function () {
            var rt = document.createElement('script');
            rt.async = true;
            rt.src = 'https://rt.debtrelief.example/uniclick.js?attribution=firstclick&cookiedomain=debtrelief.example'
              + '&cookieduration=30&defaultcampaignid=' + window.RT_CAMPAIGN + '&regviewonce=false';
            document.head.appendChild(rt);
          })();
        </script>""",
        // HYROS as a Next.js layout prints it, and its loader as a React effect inserts it
        "<script id=\"hyros-universal\" src=\"https://190243.t.hyros.com/v1/lst/universal-script?ph=ab12cd34ef56ab78"
            + "cd90ef12ab34cd56ef78ab90cd12ef34ab56cd78ef90ab12&amp;tag=!clicked\" async=\"\"></script>",
        """
        <script>
          const hyrosTag = document.createElement("script");
          hyrosTag.src = `https://190243.t.hyros.com/v1/lst/universal-script?ph=${window.__HYROS_KEY}&tag=!clicked\
        &spa=true&ref_url=${encodeURIComponent(location.href)}`;
          hyrosTag.async = true;
          document.head.appendChild(hyrosTag);
        </script>""",
        // Everflow's SDK from the advertiser's tracking domain with its click call on load
        """
        <script type="text/javascript" src="https://www.coachprotrk.example/scripts/sdk/everflow.js" \
        onload="EF.click({offer_id: EF.urlParameter('oid'), affiliate_id: EF.urlParameter('affid'), \
        sub1: EF.urlParameter('sub1')})"></script>""",
        // ClickMagick's script inserted by a React effect
        """
        <script>
          window.clickmagick_cmc = {uid: '177201', hid: '402211873', cmc_project: 'Coach Pro', vid_info: 'on'};
          var cmc = document.createElement('script');
          cmc.src = '//cdn.clkmc.com/cmc.js';
          cmc.async = true;
          document.body.appendChild(cmc);
        </script>""",
        // Wicked Reports' older script name
        "<script src=\"//widget.wickedreports.com/CoachPro/trackfu.js\"></script>",
        // TUNE's SDK preloaded, and HasOffers' conversion written by the thank-you page's own script
        "<link rel=\"preload\" as=\"script\" href=\"https://js.go2sdk.com/v2/tune.js\">",
        """
        <script>
          document.write('<img src="https://coachpro.go2cloud.org/aff_l?offer_id=31&adv_sub=' + orderId \
        + '" width="1" height="1">');
        </script>""",
        // Voluum's conversion pixel as a script-built image
        """
        <script>
          new Image().src = 'https://q7w2e.trackvoluum.com/conversion.gif?cid=' + (window.vlmClick || '') \
        + '&payout=' + orderTotal;
        </script>""");

    @Test
    void attributionLoadersGoWholeAndThePageAroundThemStays() {
        String before = "<main id=\"funnel\"><h1>Coach Pro</h1></main>";
        String after = "<script src=\"/js/funnel-countdown.js\" defer></script>";
        for (String tag : ATTRIBUTION_LOADERS) {
            String page = before + tag + after;
            assertEquals(before + after, rewrite(page, NONE), tag);
            assertEquals(before + after, rewrite(page, ANALYTICS_ONLY), tag);
            assertEquals(page, rewrite(page, MARKETING_ONLY), tag);
            assertEquals(page, rewrite(page, ALL), tag);
        }
    }

    /** A funnel's own scripts, links and text that look like the trackers; each stays with everything refused. */
    private static final List<String> LOOK_ALIKES = List.of(
        // the site's own tracking helper and UTM files, named like RedTrack's and HYROS's
        "<script src=\"/assets/js/track.js?campaign=spring-launch\"></script>",
        "<script src=\"https://www.coachpro.example/js/hyros-dni-helper.js\" defer></script>",
        "<a class=\"hyros-dni\" href=\"tel:+15555550142\">Call us: (555) 555-0142</a>",
        "<script src=\"/static/js/uniclick.js?v=3\" defer></script>",
        // the trackers' click links and partner sign-up pages
        "<a href=\"https://coachpro.go2cloud.org/aff_c?offer_id=31&amp;aff_id=1207\">Partner offer</a>",
        "<a href=\"https://q7w2e.trackvoluum.com/click/1\">Continue to the offer</a>",
        "<a href=\"https://a1b2c.rdtk.io/6702f1e8a9b3c4d5e6f70812?sub1=newsletter\">Watch the training</a>",
        "<a href=\"https://coachpro.lemonsqueezy.com/affiliates\">Become an affiliate</a>",
        // a review post that shows the snippets as code
        "<pre><code>&lt;script src=\"https://x.t.hyros.com/v1/lst/universal-script?ph=KEY\"&gt;&lt;/script&gt;\n"
            + "&lt;script src=\"//cdn.clkmc.com/cmc.js\"&gt;&lt;/script&gt;</code></pre>",
        // the site's own click-id capture that reads the trackers' parameters and cookies for its checkout link
        """
        <script>
          function readCookie(name) {
            var m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
            return m ? decodeURIComponent(m[1]) : '';
          }
          var q = new URLSearchParams(location.search);
          var clickId = q.get('rtkclickid') || q.get('cmc_tid') || readCookie('rtkclickid-store');
          var buy = document.getElementById('buy-now');
          if (buy && clickId) { buy.href += (buy.href.indexOf('?') < 0 ? '?' : '&') + 'clickid=' + clickId; }
        </script>""",
        // Lemon Squeezy's checkout overlay and its setup call
        "<script src=\"https://assets.lemonsqueezy.com/lemon.js\" defer></script>",
        "<script>window.addEventListener('load', function () { window.createLemonSqueezy(); "
            + "LemonSqueezy.Setup({eventHandler: function (e) { if (e.event === 'Checkout.Success') { "
            + "location.href = '/thank-you'; } }}); });</script>",
        // a Podia embed and a ThriveCart popup link
        "<div data-podia-embed=\"button\" data-podia-product=\"coach-pro\">Buy Coach Pro</div>",
        "<a href=\"https://coachpro.thrivecart.com/coach-pro/\" class=\"thrivecart-button thrivecart-button-styled\">"
            + "Enrol now</a>");

    @Test
    void lookAlikesOfTheTrackersStay() {
        for (String html : LOOK_ALIKES) {
            String page = "<p id=\"own\">Coach Pro</p>" + html;
            assertEquals(page, rewrite(page, NONE), html);
        }
    }

    @Test
    void callsIntoTuneFindAStandInOnceItsLoaderGoes() {
        String page = """
            <script>
              !function () {
                var q = window.tdl = window.tdl || [];
                q.init = function (d) {
                  var s = document.createElement('script'); s.async = true; s.src = 'https://js.go2sdk.com/v2/tune.js';
                  document.head.appendChild(s); q.domain = d;
                };
              }();
            </script>
            <script>tdl.init('https://coachpro.go2cloud.org'); tdl.convert({adv_sub: 'ORD-5521', amount: 97});</script>
            """;
        String out = RewriteAssertions.rewrite(RewriteAssertions.REMOVE_WITH_STUBS, page, NONE);
        assertFalse(out.contains("js.go2sdk.com"), out);
        assertTrue(out.contains("tdl.convert({adv_sub: 'ORD-5521', amount: 97});"), out);
        assertTrue(out.contains("d('t'+'dl',s);"), out);
    }

    @Test
    void checkoutStaysWholeWhereOnlyAnalyticsIsRefused() {
        assertEquals(CHECKOUT_PAGE, rewrite(CHECKOUT_PAGE, MARKETING_ONLY));
    }

    private static final String ORDER_FORM_PAGE = """
        <html><head>
        <script>
          function gtag_report_conversion(url) {
            var done = function () { if (typeof url !== 'undefined') { window.location = url; } };
            gtag('event', 'conversion', {'send_to': 'AW-10293847561/Zr8_CKfD3foYEPmz1ZAm', 'event_callback': done});
            return false;
          }
        </script>
        <script type="text/javascript">
          var google_conversion_id = 10293847561;
          var google_conversion_label = "Zr8_CKfD3foYEPmz1ZAm";
          var google_remarketing_only = false;
        </script>
        <script type="text/javascript" src="//www.googleadservices.com/pagead/conversion.js"></script>
        <noscript><div style="display:inline;"><img height="1" width="1" style="border-style:none;" alt=""
          src="//www.googleadservices.com/pagead/conversion/10293847561/?label=Zr8_CKfD3foYEPmz1ZAm&amp;guid=ON\
        &amp;script=0"/></div></noscript>
        </head><body>
        <form id="cfAR" action="/orders/create" method="post">
          <input name="contact[email]" type="email"><input name="contact[phone]" type="tel">
          <button type="submit" class="elButton" onclick="fbq('track', 'InitiateCheckout'); return validateOrder();">
            Complete my order</button>
        </form>
        <a href="https://academy.acmeacademy.example/upsell" onclick="return gtag_report_conversion(this.href);">
          Yes, add the coaching call</a>
        <script>
          function validateOrder() { return document.querySelector('#cfAR input[type=email]').value !== ''; }
          document.cookie = '_acme_fbclid=' + (new URLSearchParams(location.search).get('fbclid') || '') + '; path=/';
        </script>
        </body></html>
        """;

    @Test
    void orderFormLosesTheAdsConversionTagsAndKeepsTheFormButtonsAndItsOwnCookie() {
        String out = assertRewritten(ORDER_FORM_PAGE, NONE,
            List.of("googleadservices.com", "AW-10293847561", "google_conversion_id"),
            List.of("<form id=\"cfAR\"", "onclick=\"fbq('track', 'InitiateCheckout'); return validateOrder();\"",
                "onclick=\"return gtag_report_conversion(this.href);\"", "function validateOrder()",
                "_acme_fbclid="));
        assertTrue(out.contains("https://academy.acmeacademy.example/upsell"), out);
    }

    /** A quiz lander's own scripts that send the visitor on through the tracker's click URL. */
    private static final List<String> CLICK_URL_REDIRECTS = List.of(
        """
        <script>
          document.getElementById('quiz').addEventListener('submit', function (e) {
            e.preventDefault();
            var answer = new FormData(e.target).get('goal');
            showSpinner();
            window.location.href = 'https://q7w2e.trackvoluum.com/click/2?answer=' + encodeURIComponent(answer);
          });
        </script>""",
        """
        <script>
          var offerUrl = "https://a1b2c.rdtk.io/6702f1e8a9b3c4d5e6f70812?sub1=" + (localStorage.getItem('src') || '');
          document.querySelectorAll('a.cta').forEach(function (a) { a.href = offerUrl; });
          startCountdown(document.getElementById('timer'), 900);
        </script>""",
        "<button type=\"button\" onclick=\"location.href='https://x4k2p.voluumtrk.com/click/1'\">Show my results"
            + "</button>");

    @Test
    void quizScriptsThatGoOnThroughTheTrackersClickUrlStay() {
        for (String html : CLICK_URL_REDIRECTS) {
            String page = "<form id=\"quiz\"><input name=\"goal\"></form>" + html;
            assertEquals(page, rewrite(page, NONE), html);
        }
    }
}
