package io.consentgate.html;

import static io.consentgate.html.PageFrame.ALL;
import static io.consentgate.html.PageFrame.ANALYTICS_REFUSED;
import static io.consentgate.html.PageFrame.MARKETING_REFUSED;
import static io.consentgate.html.PageFrame.NONE;
import static io.consentgate.html.PageFrame.rewrite;
import static io.consentgate.html.ShopPageAssertions.assertKept;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shopify and other direct-to-consumer shop pages with the apps they carry: what a Liquid theme's
 * {@code content_for_header} prints, app embed blocks and script tags, headless (Hydrogen, Next.js) storefronts and
 * WooCommerce shops. The vendors' loaders are written in their shapes (hosts, globals and calls), not copied. A
 * refused tracker's loader, pixel or app URL goes; the theme, the cart, review widgets and the shop's own scripts
 * stay; with everything allowed the page is unchanged.
 */
class DtcShopAppShapesTest {

    private static final ConsentDecision FUNCTIONAL_ONLY = only(Category.FUNCTIONAL);

    private static final String THEME = "<link rel=\"stylesheet\" href=\"//acme-goods.com/cdn/shop/t/14/assets/base.css"
        + "?v=1712345678\"><script src=\"//acme-goods.com/cdn/shop/t/14/assets/global.js?v=1712345678\" "
        + "defer=\"defer\">"
        + "</script>";
    private static final String CART = "<cart-drawer class=\"drawer is-empty\"><form action=\"/cart\" "
        + "id=\"CartDrawer-Form\""
        + " method=\"post\"><button type=\"submit\" name=\"checkout\">Check out</button></form></cart-drawer>"
        + "<script src=\"https://cdn.shopify.com/s/files/1/0612/3456/7890/t/14/assets/cart-drawer.js?v=98765\" defer>"
        + "</script>";

    private static ConsentDecision only(Category category) {
        return ConsentDecision.of(Set.of(category), Map.of(), ConsentMode.OPT_IN);
    }

    /** The page around each tag under test. */
    private static final PageFrame FRAME = new PageFrame(THEME, CART);

    /** The same URL literal with its characters overwritten, as the rewriter leaves a refused URL in a list. */
    private static String inert(String literal) {
        int length = literal.length() - 2;
        return literal.charAt(0) + "data:," + "/".repeat(length - "data:,".length()) + literal.charAt(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Klaviyo's onsite script as the app embed block prints it, as an older theme snippet inserts it, and the
        // WordPress plugin's enqueued copy with its version argument
        "<script async=\"async\" src=\"https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=XyZ789\"></script>",
        "<script>\n  (function () {\n    var tag = document.createElement('script');\n    tag.async = true;\n"
            + "    tag.src = 'https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=' + window.klaviyoCompany;\n"
            + "    document.head.appendChild(tag);\n  })();\n</script>",
        "<script type=\"text/javascript\" src=\"https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=XyZ789&#038;"
            + "ver=3.3.5\" id=\"kl-identify-browser-js\"></script>",
        // Attentive's tag for the store and its hint
        "<script src=\"https://cdn.attn.tv/acmegoods/dtag.js\" async></script>",
        "<link rel=\"preconnect\" href=\"https://cdn.attn.tv\" crossorigin>",
        // OptinMonster's campaign loader
        "<script src=\"https://a.omappapi.com/app/js/api.min.js\" data-account=\"123456\" data-user=\"234567\" async>"
            + "</script>",
        // Northbeam's snippet, its queue and its account script
        "<script type=\"application/javascript\">\n  var nb = window.Northbeam = window.Northbeam || {};\n"
            + "  nb._q = nb._q || [];\n  ['trackPageView', 'identify', 'firePurchaseEvent'].forEach(function (m) {\n"
            + "    nb[m] = function () { nb._q.push([m, arguments]); };\n  });\n"
            + "  var el = document.createElement('script'); el.async = true;\n"
            + "  el.src = '//j.northbeam.io/ota-sp/0f1e2d3c-4b5a-6978-8a9b-acbdcedf0123.js';\n"
            + "  document.head.appendChild(el);\n</script>",
        // Triple Whale's pixel, which fetches its model from its own hosts
        "<script>\n  window.TriplePixelData = {TripleName: 'acme-goods.myshopify.com', ver: '2.16', plat: 'SHOPIFY'};\n"
            + "  (function (W, H) {\n    var x = new XMLHttpRequest();\n"
            + "    x.open('GET', 'https://conf.config-security.com/model?shop=' + H.TripleName, true);\n"
            + "    x.onload = function () { W.TriplePixel = W.TriplePixel || function () {}; };\n    x.send();\n"
            + "  })(window, window.TriplePixelData);\n</script>",
        // Lucky Orange's current tag
        "<script async defer src=\"https://tools.luckyorange.com/core/lo.js?site-id=ab12cd34\"></script>",
        // the ad channels' apps: Pinterest's and Snap's app scripts, and the TikTok channel's pixel
        "<script async src=\"https://s.pinimg.com/ct/core.js\"></script>",
        "<script async src=\"https://intg.snapchat.com/shopify/shopify-scevent-init.js?id=9a8b7c6d\"></script>",
        "<script>\n  !function (w, d, name) {\n    w.TiktokAnalyticsObject = name;\n    var q = w[name] = w[name] "
            + "|| [];\n"
            + "    q.load = function (code) {\n      var s = d.createElement('script'); s.async = true;\n"
            + "      s.src = 'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=' + code + '&lib=' + name;\n"
            + "      d.head.appendChild(s);\n    };\n    q.load('CABC123DEF456GHI');\n    q.page();\n"
            + "  }(window, document, 'ttq');\n</script>",
        // Yotpo's order data for its conversion report on the thank-you page
        "<script>window.yotpoTrackConversionData = {orderId: '4711', orderAmount: '89.00', orderCurrency: 'USD'};"
            + "</script>",
    })
    void shopMarketingAndAnalyticsAppsGo(String tag) {
        FRAME.assertGoes(tag, NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Klaviyo's queue and its newer proxy stub load nothing: the shop's own identify and cart pushes stay
        "<script>\n  var _learnq = window._learnq || [];\n  document.addEventListener('cart:add', function (e) {\n"
            + "    _learnq.push(['track', 'Added to Cart', e.detail]);\n    refreshCartCount();\n  });\n</script>",
        "<script>window.klaviyo = window.klaviyo || []; window.klaviyo.push(['identify', {'$email': customerEmail}]);"
            + "</script>",
        // Triple Whale's and Northbeam's event calls in the shop's own cart script
        "<script>function onAdd(item) { if (window.TriplePixel) { TriplePixel('AddToCart', {item: item.id, q: 1}); }"
            + " updateBubble(); }</script>",
        // a theme's own files named like the apps, and a product description that names them
        "<script src=\"https://cdn.shopify.com/s/files/1/0612/3456/7890/t/14/assets/klaviyo-back-in-stock.js?v=3\">"
            + "</script>",
        "<script src=\"//acme-goods.com/cdn/shop/t/14/assets/attentive-signup.js?v=2\" defer></script>",
        "<div class=\"product__description rte\"><p>Our SMS club (run with Attentive, cdn.attn.tv) and our Klaviyo"
            + " newsletter both give 10% off.</p></div>",
        // JSON-LD of a product with its rating
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"Product\","
            + " \"name\": \"Northbeam Hoodie\", \"brand\": {\"@type\": \"Brand\", \"name\": \"Triple Whale Co\"},"
            + " \"image\": \"https://acme-goods.com/cdn/shop/files/hoodie.jpg?v=1\", \"aggregateRating\":"
            + " {\"@type\": \"AggregateRating\", \"ratingValue\": \"4.8\", \"reviewCount\": \"212\"}}</script>",
    })
    void shopCallsAndLookAlikesStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // review widgets show reviews and are content (the catalog README: review sites' badges and widgets)
        "<script src=\"https://cdn.judge.me/widget_preloader.js\" defer></script>"
            + "<div class=\"jdgm-widget jdgm-preview-badge\" data-id=\"8123456789\"></div>",
        "<script defer src=\"https://cdn-static.okendo.io/reviews-widget-plus/js/okendo-reviews.js\"></script>"
            + "<div data-oke-widget data-oke-reviews-product-id=\"shopify-8123456789\"></div>",
        "<script async src=\"https://cdn1.stamped.io/files/widget.min.js\" data-api-key=\"pubkey-abc123\"></script>",
        "<script async src=\"https://loox.io/widget/AbCdEf12/loox.1712345678.js?shop=acme-goods.myshopify.com\">"
            + "</script>",
        "<script type=\"text/javascript\" src=\"//widget.trustpilot.com/bootstrap/v5/tp.widget.bootstrap.min.js\" "
            + "async>"
            + "</script><div class=\"trustpilot-widget\" data-locale=\"en-US\" "
            + "data-template-id=\"5419b6a8b0d04a076446a9ad\""
            + " data-businessunit-id=\"0123456789abcdef01234567\"><a "
            + "href=\"https://www.trustpilot.com/review/acme-goods.com\""
            + " target=\"_blank\" rel=\"noopener\">Trustpilot</a></div>",
        "<script src=\"https://widget.reviews.io/polaris/build.js\"></script><div id=\"ReviewsWidget\"></div>",
        "<script type=\"text/javascript\" src=\"https://api.feefo.com/api/javascript/acme-goods\" async></script>",
        "<script src=\"https://cdn-widgetsrepository.yotpo.com/v1/loader/AbCdEfGhIjKlMnOp\" async></script>",
        // Rebuy's upsell and smart cart replace the theme's cart drawer: not listed
        "<script async src=\"https://cdn.rebuyengine.com/onsite/js/rebuy.js?shop=acme-goods.myshopify.com\"></script>",
        // Shopify Inbox's chat is an app extension on Shopify's CDN
        "<script src=\"https://cdn.shopify.com/extensions/0a1b2c3d-4e5f/inbox-1201/assets/shopifyChatV1Widget.js\""
            + " defer></script>",
    })
    void reviewWidgetsUpsellAndInboxStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Postscript's SMS sign-up SDK as its app embed and a headless storefront load it
        "<script async src=\"https://sdk.postscript.io/sdk-script-loader.bundle.js?shopId=246810\"></script>",
        "<script defer src=\"https://sdk.postscript.io/sdk.bundle.js?shopId=246810\" data-nscript=\"afterInteractive\">"
            + "</script>",
        // Privy's pop-ups: the account setting and its widget script, and the script inserted by a theme snippet
        "<script type=\"text/javascript\">var _d_site = _d_site || '0A1B2C3D4E5F60718293A4B5';</script>"
            + "<script src=\"//widget.privy.com/assets/widget.js\"></script>",
        "<script>\n  window._d_site = window._d_site || '0A1B2C3D4E5F60718293A4B5';\n"
            + "  var privyTag = document.createElement('script');\n  privyTag.src = "
            + "'https://widget.privy.com/assets/widget.js';\n"
            + "  document.body.appendChild(privyTag);\n</script>",
        // Justuno's pop-ups from its current and its older CDN host
        "<script async src=\"https://cdn.jst.ai/vck.js\"></script>",
        "<script>\n  (function (w, d, u) {\n    var s = d.createElement('script'); s.async = 1; s.src = u;\n"
            + "    d.getElementsByTagName('head')[0].appendChild(s);\n  })(window, document, "
            + "'//cdn.justuno.com/vck.js');\n"
            + "</script>",
        // ReferralCandy's purchase script on the thank-you page, which reports the buyer to credit a referrer
        "<script>\n  (function (d, tag) {\n    var el = d.createElement(tag);\n"
            + "    el.src = 'https://go.referralcandy.com/purchase/ab12cd34ef56gh78ij90kl12m.js';\n"
            + "    var first = d.getElementsByTagName(tag)[0]; first.parentNode.insertBefore(el, first);\n"
            + "  })(document, 'script');\n</script>",
        // Elevar's data layer, a module script that imports the shop's configuration from Elevar
        "<script type=\"module\">\n  try {\n    const cfg = (await import("
            + "'https://shopify-gtm-suite.getelevar.com/configs/0f1e2d3c4b5a/config.js')).default;\n"
            + "    const mod = await import(cfg.script_src_app_theme_embed);\n    mod.handler(cfg, {});\n"
            + "  } catch (err) {\n    console.error(err);\n  }\n</script>",
    })
    void missingShopAppsGo(String tag) {
        FRAME.assertGoes(tag, NONE);
        FRAME.assertGoes(tag, FUNCTIONAL_ONLY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Gorgias's chat, current and older loader, and a theme that opens it from a button
        "<script id=\"gorgias-chat-widget-install-v3\" src=\"https://config.gorgias.chat/bundle-loader/01HZX3ABCDEF"
            + "GHJKMNPQRSTVW\" async></script>",
        "<script id=\"gorgias-chat-widget-install-v2\" src=\"https://config.gorgias.chat/gorgias-chat-bundle-loader.js"
            + "?applicationId=13579\"></script>",
        // Smile.io's and LoyaltyLion's loyalty panels
        "<script async src=\"https://js.smile.io/v1/smile-shopify.js?shop=acme-goods.myshopify.com\"></script>",
        "<script>\n  (function (w, d) {\n    var day = new Date().toISOString().slice(0, 10).replace(/-/g, '');\n"
            + "    var s = d.createElement('script'); s.async = true;\n"
            + "    s.src = 'https://sdk.loyaltylion.net/static/2/' + day + '/loader.js';\n    d.head.appendChild(s);\n"
            + "    w.loyaltylion = w.loyaltylion || {init: function (opts) { (w.llQueue = w.llQueue || "
            + "[]).push(opts); }};\n"
            + "  })(window, document);\n  loyaltylion.init({token: '0123456789abcdef0123456789abcdef'});\n</script>",
        // Tidio's chat as its app embed prints it
        "<script src=\"//code.tidio.co/abcdefghijklmnopqrstuvwxyz012345.js\" async></script>",
    })
    void chatAndLoyaltyWidgetsGoOnlyWhereFunctionalIsRefused(String tag) {
        FRAME.assertGoes(tag, NONE);
        String page = THEME + tag + CART;
        ConsentDecision trackingRefused = ConsentDecision.of(Set.of(Category.FUNCTIONAL), Map.of(), ConsentMode.OPT_IN);
        assertEquals(page, rewrite(page, trackingRefused));
    }

    /** What a Liquid theme's {@code content_for_header} prints that is Shopify's own and stays for everyone. */
    private static final String SHOPIFY_OWN = "<script>window.Shopify = window.Shopify || {};\n"
        + "Shopify.shop = \"acme-goods.myshopify.com\";\nShopify.locale = \"en\";\nShopify.currency = "
        + "{\"active\": \"USD\","
        + " \"rate\": \"1.0\"};\nShopify.routes = Shopify.routes || {};\nShopify.routes.root = \"/\";</script>\n"
        + "<script type=\"module\">!function(doc){var el=doc.createElement('link');el.rel='modulepreload';"
        + "el.href='//acme-goods.com/cdn/shopifycloud/checkout-web/assets/c1/polyfills.Ab12Cd34.js';"
        + "doc.head.appendChild(el)}(document);</script>\n"
        + "<script defer src=\"//acme-goods.com/cdn/shopifycloud/shopify/assets/storefront/load_feature-0a1b2c3d.js\">"
        + "</script>\n"
        + "<script defer=\"defer\" async type=\"module\" data-application=\"storefront-renderer\" "
        + "data-shop-id=\"61234567890\""
        + " src=\"https://acme-goods.com/cdn/shopifycloud/perf-kit/shopify-perf-kit-1.6.2.min.js\"></script>\n"
        // the web pixels manager: its bootstrap builds its file's URL from parts and carries each app pixel's
        // settings (a Google tag id, a Meta pixel id), which it runs under Shopify's customer privacy consent
        + "<script id=\"web-pixels-manager-setup\">(function setUpPixels(opts) {\n"
        + "  var wpm = window.webPixelsManager = window.webPixelsManager || {queue: []};\n"
        + "  var path = opts.base + '@' + opts.version + '@' + opts.hash + '/' + opts.shopId + '/sandbox/';\n"
        + "  wpm.publish = function (name, data) { wpm.queue.push([name, data]); };\n"
        + "  window.Shopify.analytics = window.Shopify.analytics || {publish: wpm.publish};\n"
        + "  var s = document.createElement('script'); s.async = true;\n"
        + "  s.src = opts.cdn + path + 'modern/main.js'; document.head.appendChild(s);\n"
        + "})({base: '/wpm', version: '0.0.412', hash: 'w2c4e6f8', shopId: 61234567890,"
        + " cdn: '//acme-goods.com/cdn', pixels: [{\"id\": \"shopify-app-pixel\", \"type\": \"APP\"},"
        + " {\"id\": \"1357911\", \"type\": \"APP\", \"configuration\": \"{\\\"config\\\":\\\"{\\\\\\\"google_tag_id"
        + "s\\\\\\\":"
        + "[\\\\\\\"G-AB12CD34EF\\\\\\\",\\\\\\\"AW-123456789\\\\\\\"]}\\\"}\"},"
        + " {\"id\": \"2468101\", \"type\": \"APP\", \"configuration\": \"{\\\"pixel_id\\\":\\\"1234567890123456\\\","
        + "\\\"pixel_type\\\":\\\"facebook_pixel\\\"}\"}]});</script>\n"
        + "<script>window.ShopifyAnalytics = window.ShopifyAnalytics || {};\nwindow.ShopifyAnalytics.meta ="
        + " window.ShopifyAnalytics.meta || {};\nwindow.ShopifyAnalytics.meta.currency = 'USD';\n"
        + "var meta = {\"product\": {\"id\": 8123456789, \"vendor\": \"Acme\", \"type\": \"Hoodie\"}, \"page\":"
        + " {\"pageType\": \"product\", \"resourceType\": \"product\", \"resourceId\": 8123456789}};\n"
        + "for (var attr in meta) { window.ShopifyAnalytics.meta[attr] = meta[attr]; }</script>\n"
        + "<script>var __st = {\"a\": 61234567890, \"offset\": "
        + "-18000, \"reqid\": \"0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9\","
        + " \"pageurl\": \"acme-goods.com\\/products\\/hoodie\", \"u\": \"9f8e7d6c5b4a\", \"p\": \"product\","
        + " \"rtyp\": \"product\", \"rid\": 8123456789};</script>\n"
        // a hint to Shopify's event host: the catalog names Shopify's analytics only by its library
        + "<link rel=\"dns-prefetch\" href=\"https://monorail-edge.shopifysvc.com\">\n";

    /** Shopify's storefront analytics, written in the shape the header prints it (class "analytics"). */
    private static final String TREKKIE = "<script class=\"analytics\">(function () {\n"
        + "  var trekkie = window.ShopifyAnalytics.lib = window.trekkie = window.trekkie || [];\n"
        + "  if (trekkie.integrations) { return; }\n  trekkie.methods = ['identify', 'page', 'ready', 'track', "
        + "'trackForm'];\n"
        + "  trekkie.methods.forEach(function (m) { trekkie[m] = function () {"
        + " trekkie.push([m].concat([].slice.call(arguments))); return trekkie; }; });\n"
        + "  trekkie.load = function (cfg) {\n    trekkie.config = cfg || {};\n"
        + "    var tag = document.createElement('script'); tag.async = true;\n"
        + "    tag.src = 'https://acme-goods.com/cdn/s/trekkie.storefront.4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e.m"
        + "in.js';\n"
        + "    var first = document.getElementsByTagName('script')[0]; first.parentNode.insertBefore(tag, first);\n"
        + "  };\n  trekkie.load({\"Trekkie\": {\"appName\": \"storefront\", \"defaultAttributes\": {\"shopId\": "
        + "61234567890}},"
        + " \"Session Attribution\": {}});\n  window.ShopifyAnalytics.lib.page(null, {pageType: 'product'});\n"
        + "})();</script>";

    private static final String HOTJAR = "<script>(function (h, o, t, j) {\n  h.hj = h.hj || function () {"
        + " (h.hj.q = h.hj.q || []).push(arguments); };\n  h._hjSettings = {hjid: 3141592, hjsv: 6};\n"
        + "  var el = o.createElement('script'); el.async = 1;\n  el.src = t + h._hjSettings.hjid + j + "
        + "h._hjSettings.hjsv;\n"
        + "  o.head.appendChild(el);\n})(window, document, 'https://static.hotjar.com/c/hotjar-', '.js?sv=');</script>";

    private static final String META_PIXEL = "<script>\n  !function (w, d, url) {\n    if (w.fbq) { return; }\n"
        + "    var q = w.fbq = function () { q.callMethod ? q.callMethod.apply(q, arguments) : "
        + "q.queue.push(arguments); };\n"
        + "    q.queue = []; q.loaded = true; q.version = '2.0';\n"
        + "    var s = d.createElement('script'); s.async = true; s.src = url; d.head.appendChild(s);\n"
        + "  }(window, document, 'https://connect.facebook.net/en_US/fbevents.js');\n"
        + "  fbq('init', '1234567890123456');\n  fbq('track', 'PageView');\n</script>";

    private static final String KLAVIYO_URL = "\"https:\\/\\/static.klaviyo.com\\/onsite\\/js\\/klaviyo.js"
        + "?company_id=XyZ789\\u0026shop=acme-goods.myshopify.com\"";
    private static final String POSTSCRIPT_URL = "\"https:\\/\\/sdk.postscript.io\\/sdk-script-loader.bundle.js"
        + "?shopId=246810\\u0026shop=acme-goods.myshopify.com\"";
    private static final String JUDGE_URL = "\"https:\\/\\/cdn.judge.me\\/shopify_v2.js?shop=acme-goods.myshopify.co"
        + "m\"";
    private static final String SMILE_URL = "\"https:\\/\\/js.smile.io\\/v1\\/smile-shopify.js"
        + "?shop=acme-goods.myshopify.com\"";
    private static final String LUCKY_URL = "\"https:\\/\\/tools.luckyorange.com\\/core\\/lo.js?site-id=ab12cd34"
        + "\\u0026shop=acme-goods.myshopify.com\"";

    /** The script tags apps registered, written by the header into one loader. */
    private static String appLoader(String... urls) {
        return "<script>(function () {\n  var done = false;\n  function loadApps() {\n    if (done) { return; }\n"
            + "    done = true;\n    var urls = [" + String.join(",", urls) + "];\n"
            + "    for (var i = 0; i < urls.length; i++) {\n      var s = document.createElement('script');\n"
            + "      s.async = true; s.src = urls[i];\n      var x = document.getElementsByTagName('script')[0];\n"
            + "      x.parentNode.insertBefore(s, x);\n    }\n  }\n"
            + "  window.addEventListener('load', loadApps, false);\n})();</script>\n";
    }

    private static String storefront(String trekkie, String apps, String hotjar, String meta) {
        return "<!doctype html><html><head>" + THEME + SHOPIFY_OWN + apps + trekkie + hotjar + meta
            + "</head><body><main><h1>Hoodie</h1></main>" + CART + "</body></html>";
    }

    @Test
    void aDawnStorefrontLosesOnlyWhatEachDecisionRefuses() {
        String[] urls = {KLAVIYO_URL, JUDGE_URL, POSTSCRIPT_URL, SMILE_URL, LUCKY_URL};
        String page = storefront(TREKKIE, appLoader(urls), HOTJAR, META_PIXEL);
        assertEquals(page, rewrite(page, ALL));
        assertEquals(storefront("", appLoader(inert(KLAVIYO_URL), JUDGE_URL, inert(POSTSCRIPT_URL), inert(SMILE_URL),
            inert(LUCKY_URL)), "", ""), rewrite(page, NONE));
        // analytics refused: Shopify's analytics, Hotjar and Lucky Orange go; the marketing apps stay
        assertEquals(storefront("", appLoader(KLAVIYO_URL, JUDGE_URL, POSTSCRIPT_URL, SMILE_URL, inert(LUCKY_URL)), "",
            META_PIXEL), rewrite(page, ANALYTICS_REFUSED));
        // marketing refused: Shopify's analytics stays (the catalog files it under analytics), the pixels go
        assertEquals(storefront(TREKKIE, appLoader(inert(KLAVIYO_URL), JUDGE_URL, inert(POSTSCRIPT_URL), SMILE_URL,
            LUCKY_URL), HOTJAR, ""), rewrite(page, MARKETING_REFUSED));
    }

    @Test
    void shopifysOwnHeaderScriptsStayForEveryDecision() {
        String page = THEME + SHOPIFY_OWN + CART;
        for (ConsentDecision d : new ConsentDecision[] {NONE, ANALYTICS_REFUSED, MARKETING_REFUSED, FUNCTIONAL_ONLY}) {
            assertEquals(page, rewrite(page, d));
        }
        assertTrue(RewriteAssertions.events(RewriteAssertions.REMOVE, page, NONE).isEmpty());
    }

    @Test
    void aHeadlessStorefrontKeepsItsDataAndLosesTheRefusedAppScripts() {
        // a Next.js Pages Router storefront over the Storefront API: the page data names apps and carries a
        // product description that mentions them; next/script tags load the apps
        String data = "<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\": {\"pageProps\": {\"product\":"
            + " {\"handle\": \"hoodie\", \"descriptionHtml\": \"<p>Join our texts (Postscript) for early "
            + "access.</p>\"},"
            + " \"apps\": {\"klaviyoCompanyId\": \"XyZ789\", \"postscriptShopId\": 246810,"
            + " \"gorgiasAppId\": \"01HZX3ABCDEFGHJKMNPQRSTVW\"}}}, \"page\": \"/products/[handle]\"}</script>";
        String own = "<script src=\"/_next/static/chunks/pages/products/%5Bhandle%5D-0a1b2c3d4e5f6a7b.js\" defer>"
            + "</script><script src=\"https://cdn.shopify.com/shopifycloud/consent-tracking-api/v0.1/consent-trackin"
            + "g-api.js\""
            + " defer></script>";
        String apps = "<script src=\"https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=XyZ789\""
            + " data-nscript=\"lazyOnload\"></script><script "
            + "src=\"https://sdk.postscript.io/sdk.bundle.js?shopId=246810\""
            + " data-nscript=\"afterInteractive\"></script><script src=\"https://config.gorgias.chat/bundle-loader/"
            + "01HZX3ABCDEFGHJKMNPQRSTVW\" data-nscript=\"lazyOnload\"></script>";
        String page = "<div id=\"__next\"><main><h1>Hoodie</h1></main></div>" + data + own + apps;
        assertEquals(page, rewrite(page, ALL));
        String gorgias = apps.substring(apps.indexOf("<script src=\"https://config.gorgias"));
        assertEquals("<div id=\"__next\"><main><h1>Hoodie</h1></main></div>" + data + own + gorgias,
            rewrite(page, MARKETING_REFUSED));
        assertEquals("<div id=\"__next\"><main><h1>Hoodie</h1></main></div>" + data + own, rewrite(page, NONE));
    }

    @Test
    void aHydrogenStorefrontsFlightPayloadLosesOnlyTheRefusedAppUrl() {
        String row = "self.__next_f.push([1,\"5:[\\\"$\\\",\\\"script\\\",null,{\\\"src\\\":\\\"%s\\\","
            + "\\\"async\\\":true}]\\n6:[\\\"$\\\",\\\"script\\\",null,{\\\"src\\\":\\\"%s\\\"}]\\n\"])";
        String smile = "https://js.smile.io/v1/smile-shopify.js?shop=acme-goods.myshopify.com";
        String attn = "https://cdn.attn.tv/acmegoods/dtag.js";
        String page = "<script>" + String.format(row, attn, smile) + "</script>";
        assertEquals(page, rewrite(page, ALL));
        String out = rewrite(page, MARKETING_REFUSED);
        assertFalse(out.contains("attn.tv"), out);
        assertTrue(out.contains(smile) && out.startsWith("<script>self.__next_f.push("), out);
        assertEquals(page.length(), out.length(), out);
    }

    @Test
    void aWooCommerceShopKeepsItsCartAndLosesTheRefusedApps() {
        String cart = "<script type=\"text/javascript\" id=\"wc-add-to-cart-js-extra\">\n/* <![CDATA[ */\n"
            + "var wc_add_to_cart_params = {\"ajax_url\":\"\\/wp-admin\\/admin-ajax.php\",\"wc_ajax_url\":"
            + "\"\\/?wc-ajax=%%endpoint%%\",\"cart_url\":\"https:\\/\\/acme-goods.example\\/cart\\/\"};\n/* ]]> */\n"
            + "</script>\n<script type=\"text/javascript\" "
            + "src=\"https://acme-goods.example/wp-content/plugins/woocommerce/"
            + "assets/js/frontend/add-to-cart.min.js?ver=9.1.2\" id=\"wc-add-to-cart-js\" defer "
            + "data-wp-strategy=\"defer\">"
            + "</script>\n";
        String reviews = "<script "
            + "src=\"https://acme-goods.example/wp-content/plugins/judgeme-product-reviews-woocommerce/"
            + "public/js/judgeme.js?ver=1.3.20\" id=\"judgeme-js\"></script>\n";
        String apps = "<script type=\"text/javascript\" src=\"https://static.klaviyo.com/onsite/js/klaviyo.js"
            + "?company_id=XyZ789&#038;ver=3.3.5\" id=\"kl-identify-browser-js\"></script>\n"
            + "<script type=\"text/javascript\">var _d_site = _d_site || '0A1B2C3D4E5F60718293A4B5';</script>\n"
            + "<script type=\"text/javascript\" src=\"https://widget.privy.com/assets/widget.js?ver=6.6\" "
            + "id=\"privy-js\">"
            + "</script>\n";
        String page = cart + reviews + apps;
        assertEquals(page, rewrite(page, ALL));
        assertEquals(cart + reviews + "\n\n\n", rewrite(page, NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Shopify's storefront analytics in a header a speed app minified: the local name of the library is
        // renamed, so its start call reads e.load(…), and only the library's file name still names it
        "<script class=\"analytics\">!function(){var e=window.ShopifyAnalytics.lib=window.trekkie=window.trekkie||[];"
            + "if(!e.integrations){e.methods=[\"identify\",\"page\",\"ready\",\"track\"];e.load=function(t){e.config"
            + "=t||{};"
            + "var n=document.createElement(\"script\");n.async=!0;n.src=\"https://cdn.shopify.com/s/trekkie.storefr"
            + "ont."
            + "4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e.min.js\";var o=document.getElementsByTagName(\"script\")[0];"
            + "o.parentNode.insertBefore(n,o)};e.load({\"Trekkie\":{\"appName\":\"storefront\"}})}}();</script>",
        // the library by its path under the store's own domain, as a script a theme writes
        "<script>(function(){var s=document.createElement('script');s.async=true;"
            + "s.src='\\/\\/acme-goods.com\\/cdn\\/s\\/trekkie.storefront.0a1b2c3d4e5f.min.js';"
            + "document.head.appendChild(s);})();</script>",
        // and the real shape, for reference
        TREKKIE,
    })
    void shopifysStorefrontAnalyticsGoesWithAnalytics(String tag) {
        FRAME.assertGoes(tag, ANALYTICS_REFUSED);
        String page = THEME + tag + CART;
        assertEquals(page, rewrite(page, MARKETING_REFUSED));
    }

    @Test
    void gorgiasCampaignsGoWithMarketingWhileItsChatStays() {
        // Gorgias Convert's on-site campaigns load a bundle of their own beside the chat, as a theme inserts both
        String chat = "<script id=\"gorgias-chat-widget-install-v3\" src=\"https://config.gorgias.chat/bundle-loader/"
            + "01HZX3ABCDEFGHJKMNPQRSTVW\" async></script>";
        String campaigns = "<script>\n  (function (d) {\n    var el = d.createElement('script');\n"
            + "    el.id = 'convert-bundle-loader'; el.async = true;\n"
            + "    el.src = 'https://bundle.dyn-rev.app/loader.js?g_cvt_id=0f1e2d3c-4b5a-6978-8a9b-acbdcedf0123"
            + "&shop=' + encodeURIComponent(window.Shopify.shop);\n    d.body.appendChild(el);\n  "
            + "})(document);\n</script>";
        String page = THEME + chat + campaigns + CART;
        assertEquals(page, rewrite(page, ALL));
        assertEquals(THEME + chat + CART, rewrite(page, MARKETING_REFUSED));
        assertEquals(THEME + CART, rewrite(page, NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // theme assets with names like trackers' files
        "<script src=\"//acme-goods.com/cdn/shop/t/14/assets/analytics.js?v=1712345678\" defer></script>",
        "<script src=\"//acme-goods.com/cdn/shop/t/14/assets/tracking.js?v=1712345678\" defer></script>",
        "<script src=\"//acme-goods.com/cdn/shop/t/14/assets/pixel.js?v=1712345678\" defer></script>",
        "<script src=\"//acme-goods.com/cdn/shop/t/14/assets/tracker.js?v=1712345678\" defer></script>",
        "<script src=\"//acme-goods.com/cdn/shop/t/14/assets/script.js?v=1712345678\" defer></script>",
        "<script src=\"//acme-goods.com/cdn/shop/t/14/assets/events.js?v=1712345678\" defer></script>",
        "<script src=\"//acme-goods.com/cdn/shop/t/14/assets/loyalty.js?v=1712345678\" defer></script>",
        "<script src=\"//acme-goods.com/cdn/shop/t/14/assets/reviews.js?v=1712345678\" defer></script>",
        "<script src=\"//acme-goods.com/cdn/shop/t/14/assets/gtm.js?v=1712345678\" defer></script>",
        "<script src=\"//acme-goods.com/cdn/shop/t/14/assets/klaviyo.js?v=1712345678\" defer></script>",
        "<script src=\"//acme-goods.com/cdn/shop/t/14/assets/ttq.js?v=1712345678\" defer></script>",
        // Shopify's own customer privacy banner, Shop Pay's button and its payment terms
        "<script src=\"https://cdn.shopify.com/shopifycloud/privacy-banner/storefront-banner.js\" defer></script>",
        "<script src=\"https://cdn.shopify.com/shopifycloud/shop-js/modules/v2/client.init-shop-for-new-customer.js\""
            + " type=\"module\"></script><shop-pay-wallet-button></shop-pay-wallet-button>",
        "<script src=\"https://cdn.shopify.com/shopifycloud/consent-tracking-api/v0.1/consent-tracking-api.js\""
            + " defer></script>",
        // the theme's own cart script, which fires the pixels' events and opens the chat
        "<script>\n  document.addEventListener('cart:updated', function (e) {\n"
            + "    if (window.fbq) { fbq('track', 'AddToCart', {value: e.detail.total, currency: 'USD'}); }\n"
            + "    if (window.ttq) { ttq.track('AddToCart', {content_id: e.detail.id}); }\n"
            + "    if (window.GorgiasChat) { GorgiasChat.open(); }\n"
            + "    Shopify.analytics.publish('cart_updated', e.detail);\n  });\n</script>",
        // a theme snippet that reads the Elevar queue and a Privy settings comment
        "<script>window.ElevarDataLayer = window.ElevarDataLayer || [];"
            + " window.ElevarDataLayer.push({event: 'dl_view_item', ecommerce: {currencyCode: 'USD'}});</script>",
    })
    void themeAssetsAndShopifysOwnScriptsStay(String html) {
        assertKept(html);
    }

    @Test
    void noStandInForGorgiasChatWhoseInitReturnsAPromise() {
        // Gorgias's documented way to wait for the chat: a promise from GorgiasChat.init() where the global exists.
        // A stand-in would make the global exist and init() return something without then(), which throws; with
        // the global left undefined the theme waits for an event that never comes and nothing throws.
        String chat = "<script src=\"https://config.gorgias.chat/bundle-loader/01HZX3ABCDEFGHJKMNPQRSTVW\" async>"
            + "</script>";
        String theme = "<script>\n  var chatReady = window.GorgiasChat ? window.GorgiasChat.init() : new Promise("
            + "function (resolve) {\n    window.addEventListener('gorgias-widget-loaded', function () { resolve(); "
            + "});\n"
            + "  });\n  chatReady.then(function () { GorgiasChat.disableAttachments(); });\n</script>";
        String out = RewriteAssertions.rewrite(RewriteAssertions.REMOVE_WITH_STUBS, chat + theme, NONE);
        assertEquals(theme, out);
    }

    @Test
    void klaviyosOwnPromiseStubIsNotPreemptedByAStandIn() {
        // Klaviyo's current install: the onsite script, then an inline stub that defines window.klaviyo (when
        // undefined) as an object whose methods queue the call and return a promise; themes chain .then() on them
        String onsite = "<script async "
            + "src=\"https://static.klaviyo.com/onsite/js/XyZ789/klaviyo.js?company_id=XyZ789\">"
            + "</script>";
        String stub = "<script>\n  (function (w) {\n    if (w.klaviyo) { return; }\n    w._klOnsite = w._klOnsite "
            + "|| [];\n"
            + "    w.klaviyo = new Proxy({}, {get: function (target, method) {\n"
            + "      if (method === 'push') { return function () { w._klOnsite.push.apply(w._klOnsite, arguments); "
            + "}; }\n"
            + "      return function () {\n        var args = [].slice.call(arguments);\n"
            + "        return new Promise(function (done) { w._klOnsite.push([method].concat(args, [done])); });\n"
            + "      };\n    }});\n  })(window);\n</script>";
        String theme = "<script>klaviyo.identify({email: customerEmail}).then(function () { showWelcomeBack(); });"
            + "</script>";
        String page = onsite + stub + theme;
        String out = RewriteAssertions.rewrite(RewriteAssertions.REMOVE_WITH_STUBS, page, NONE);
        assertTrue(out.endsWith(stub + theme), out);
        assertFalse(out.contains("'viyo'") || out.contains("'klav'") || out.contains("'kla'"), out);
        assertEquals(page, RewriteAssertions.rewrite(RewriteAssertions.REMOVE_WITH_STUBS, page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a theme's product JSON whose description (a merchant's text) quotes app URLs, and Shopify's data blocks
        "<script type=\"application/json\" data-product-json>{\"id\": 8123456789, \"title\": \"Hoodie\","
            + " \"description\": \"<p>Text JOIN to 12345 (powered by https://cdn.attn.tv/acmegoods/dtag.js and"
            + " https://sdk.postscript.io/sdk.bundle.js)</p>\", \"variants\": [{\"id\": 4412, \"price\": "
            + "8900}]}</script>",
        "<script id=\"shopify-features\" type=\"application/json\">{\"accessToken\": \"0a1b2c3d4e5f\","
            + " \"betas\": [\"rich-media-storefront-analytics\"], \"domain\": \"acme-goods.com\","
            + " \"predictiveSearch\": true, \"shopId\": 61234567890, \"locale\": \"en\"}</script>",
        "<script id=\"apple-pay-shop-capabilities\" type=\"application/json\">{\"shopId\": 61234567890,"
            + " \"countryCode\": \"US\", \"currencyCode\": \"USD\", \"merchantCapabilities\": "
            + "[\"supports3DS\"]}</script>",
        // Dawn's settings script: routes and strings the cart uses
        "<script>\n  window.shopUrl = 'https://acme-goods.com';\n  window.routes = {cart_add_url: '/cart/add',"
            + " cart_change_url: '/cart/change', cart_update_url: '/cart/update', cart_url: '/cart',"
            + " predictive_search_url: '/search/suggest'};\n  window.cartStrings = {error: 'There was an error',"
            + " quantityError: 'You can only add [quantity] of this item to your cart.'};\n</script>",
        // a metafield that renders a Klaviyo embedded sign-up form: markup the onsite script fills in
        "<div class=\"klaviyo-form-AbC123\"></div>",
    })
    void shopifysDataBlocksAndThemeSettingsStay(String html) {
        assertKept(html);
    }

    @Test
    void anAppLoaderWithEveryKindOfAppLosesOnlyTheTrackers() {
        String[] trackers = {
            "\"https:\\/\\/www.clarity.ms\\/tag\\/k29abc5qfq?ref=shopify\"",
            "\"https:\\/\\/static.hotjar.com\\/c\\/hotjar-3141592.js?sv=7\\u0026shop=acme-goods.myshopify.com\"",
            "\"https:\\/\\/analytics.tiktok.com\\/i18n\\/pixel\\/shopify.js?shop=acme-goods.myshopify.com\"",
            "\"https:\\/\\/www.googletagmanager.com\\/gtag\\/js?id=AW-123456789\\u0026shop=acme-goods.myshopify.com\"",
            "\"https:\\/\\/widget.privy.com\\/assets\\/widget.js?shop=acme-goods.myshopify.com\"",
            "\"https:\\/\\/cdn.jst.ai\\/vck.js?shop=acme-goods.myshopify.com\"",
            "\"https:\\/\\/bundle.dyn-rev.app\\/loader.js?g_cvt_id=0f1e2d3c\\u0026shop=acme-goods.myshopify.com\"",
            "\"https:\\/\\/config.gorgias.chat\\/bundle-loader\\/shopify?source=shopify1click\\u0026shop="
                + "acme-goods.myshopify.com\"",
        };
        String[] apps = {
            JUDGE_URL,
            "\"https:\\/\\/cdn.rebuyengine.com\\/onsite\\/js\\/rebuy.js?shop=acme-goods.myshopify.com\"",
            "\"https:\\/\\/loox.io\\/widget\\/AbCdEf12\\/loox.1712345678.js?shop=acme-goods.myshopify.com\"",
            "\"https:\\/\\/cdn1.stamped.io\\/files\\/widget.min.js?shop=acme-goods.myshopify.com\"",
            "\"https:\\/\\/static.rechargecdn.com\\/static\\/js\\/recharge.js?shop=acme-goods.myshopify.com\"",
        };
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(trackers.length, apps.length); i++) {
            if (i < apps.length) {
                in.add(apps[i]);
                out.add(apps[i]);
            }
            if (i < trackers.length) {
                in.add(trackers[i]);
                out.add(inert(trackers[i]));
            }
        }
        String page = THEME + appLoader(in.toArray(new String[0])) + CART;
        assertEquals(page, rewrite(page, ALL));
        assertEquals(THEME + appLoader(out.toArray(new String[0])) + CART, rewrite(page, NONE));
    }

    @Test
    void aDawnStorefrontIsRewrittenTheSameWhereverTheServletSplitsIt() {
        String page = storefront(TREKKIE, appLoader(KLAVIYO_URL, JUDGE_URL, POSTSCRIPT_URL, SMILE_URL, LUCKY_URL),
            HOTJAR, META_PIXEL);
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        for (ConsentDecision d : new ConsentDecision[] {NONE, ANALYTICS_REFUSED, MARKETING_REFUSED}) {
            RewriteAssertions.assertSameWhereverSplit(bytes.length, cuts -> new String(RewriteAssertions.rewrite(
                RewriteAssertions.REMOVE, bytes, d, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aHydrogenRouteKeepsItsStreamedLoaderDataWithTheRefusedAppUrlInert() {
        // Hydrogen on React Router streams each route's loader data into the page; a CMS section lists the apps'
        // script URLs as data the storefront's own component loads
        String url = "https://cdn.attn.tv/acmegoods/dtag.js";
        String stream = "<script>window.__reactRouterContext.streamController.enqueue(\"[{\\\"_1\\\":2},\\\"routes/"
            + "products.$handle\\\",{\\\"_3\\\":4,\\\"_5\\\":6},\\\"title\\\",\\\"Hoodie\\\",\\\"appScripts\\\","
            + "[\\\"" + url + "\\\",\\\"https://cdn.judge.me/widget_preloader.js\\\"]]\\n\");</script>";
        assertEquals(stream, rewrite(stream, ALL));
        String out = rewrite(stream, MARKETING_REFUSED);
        assertFalse(out.contains("attn.tv"), out);
        assertTrue(out.contains("streamController.enqueue(") && out.contains("cdn.judge.me"), out);
        assertEquals(stream.length(), out.length(), out);
    }
}
