package io.consentgate.html;

import static io.consentgate.html.ShopPageAssertions.assertKept;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Shopify and other direct-to-consumer shop pages with the apps they carry: what a Liquid theme's
 * {@code content_for_header} prints, app embed blocks and script tags, headless (Hydrogen, Next.js) storefronts and
 * WooCommerce shops. The vendors' loaders are written in their shapes (hosts, globals and calls), not copied. A
 * refused tracker's loader, pixel or app URL goes; the theme, the cart, review widgets and the shop's own scripts
 * stay; with everything allowed the page is unchanged.
 */
class DtcShopAppShapesTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ALL = ConsentDecision.allowAll();
    private static final ConsentDecision ANALYTICS_ONLY = only(Category.ANALYTICS);
    private static final ConsentDecision MARKETING_ONLY = only(Category.MARKETING);
    private static final ConsentDecision FUNCTIONAL_ONLY = only(Category.FUNCTIONAL);

    private static final String THEME = "<link rel=\"stylesheet\" href=\"//acme-goods.com/cdn/shop/t/14/assets/base.css"
        + "?v=1712345678\"><script src=\"//acme-goods.com/cdn/shop/t/14/assets/global.js?v=1712345678\" defer=\"defer\">"
        + "</script>";
    private static final String CART = "<cart-drawer class=\"drawer is-empty\"><form action=\"/cart\" id=\"CartDrawer-Form\""
        + " method=\"post\"><button type=\"submit\" name=\"checkout\">Check out</button></form></cart-drawer>"
        + "<script src=\"https://cdn.shopify.com/s/files/1/0612/3456/7890/t/14/assets/cart-drawer.js?v=98765\" defer>"
        + "</script>";

    private static ConsentDecision only(Category category) {
        return ConsentDecision.of(Set.of(category), Map.of(), ConsentMode.OPT_IN);
    }

    private static String rewrite(String html, ConsentDecision d) {
        return RewriteAssertions.rewrite(RewriteAssertions.REMOVE, html, d);
    }

    /** {@code tag} between the theme and the cart goes where {@code refused} is given; the theme and cart stay. */
    private static void assertGoes(String tag, ConsentDecision refused) {
        String page = THEME + tag + CART;
        assertEquals(THEME + CART, rewrite(page, refused), tag);
        assertEquals(page, rewrite(page, ALL), tag);
    }

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
        "<script>\n  !function (w, d, name) {\n    w.TiktokAnalyticsObject = name;\n    var q = w[name] = w[name] || [];\n"
            + "    q.load = function (code) {\n      var s = d.createElement('script'); s.async = true;\n"
            + "      s.src = 'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=' + code + '&lib=' + name;\n"
            + "      d.head.appendChild(s);\n    };\n    q.load('CABC123DEF456GHI');\n    q.page();\n"
            + "  }(window, document, 'ttq');\n</script>",
        // Yotpo's order data for its conversion report on the thank-you page
        "<script>window.yotpoTrackConversionData = {orderId: '4711', orderAmount: '89.00', orderCurrency: 'USD'};"
            + "</script>",
    })
    void shopMarketingAndAnalyticsAppsGo(String tag) {
        assertGoes(tag, NONE);
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
        "<script type=\"text/javascript\" src=\"//widget.trustpilot.com/bootstrap/v5/tp.widget.bootstrap.min.js\" async>"
            + "</script><div class=\"trustpilot-widget\" data-locale=\"en-US\" data-template-id=\"5419b6a8b0d04a076446a9ad\""
            + " data-businessunit-id=\"0123456789abcdef01234567\"><a href=\"https://www.trustpilot.com/review/acme-goods.com\""
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
            + "  var privyTag = document.createElement('script');\n  privyTag.src = 'https://widget.privy.com/assets/widget.js';\n"
            + "  document.body.appendChild(privyTag);\n</script>",
        // Justuno's pop-ups from its current and its older CDN host
        "<script async src=\"https://cdn.jst.ai/vck.js\"></script>",
        "<script>\n  (function (w, d, u) {\n    var s = d.createElement('script'); s.async = 1; s.src = u;\n"
            + "    d.getElementsByTagName('head')[0].appendChild(s);\n  })(window, document, '//cdn.justuno.com/vck.js');\n"
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
        assertGoes(tag, NONE);
        assertGoes(tag, FUNCTIONAL_ONLY);
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
            + "    w.loyaltylion = w.loyaltylion || {init: function (opts) { (w.llQueue = w.llQueue || []).push(opts); }};\n"
            + "  })(window, document);\n  loyaltylion.init({token: '0123456789abcdef0123456789abcdef'});\n</script>",
        // Tidio's chat as its app embed prints it
        "<script src=\"//code.tidio.co/abcdefghijklmnopqrstuvwxyz012345.js\" async></script>",
    })
    void chatAndLoyaltyWidgetsGoOnlyWhereFunctionalIsRefused(String tag) {
        assertGoes(tag, NONE);
        String page = THEME + tag + CART;
        ConsentDecision trackingRefused = ConsentDecision.of(Set.of(Category.FUNCTIONAL), Map.of(), ConsentMode.OPT_IN);
        assertEquals(page, rewrite(page, trackingRefused));
    }
}
