package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shopping-comparison, affiliate and commerce-marketing tags as shops carry them: the vendor's loader, its
 * {@code <noscript>} or conversion image and the hosts its requests go to, in the forms shop plugins, tag templates
 * and hand-pasted snippets print them. With marketing refused nothing of the vendor may load; with everything
 * allowed the page is untouched; what only looks like the vendor stays.
 */
class CommercePixelShapesTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final String BEFORE = "<p id=\"own\">Shop</p>";
    private static final String AFTER = "<script>window.shopCart = {items: 2};</script>";

    private static void assertRemovedAndKeptWhenAllowed(String pixel) {
        String page = BEFORE + pixel + AFTER;
        assertEquals(BEFORE + AFTER, rewrite(REMOVE, page, NONE));
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
    }

    private static void assertKept(String html) {
        String page = BEFORE + html + AFTER;
        assertEquals(page, rewrite(REMOVE, page, NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Heureka's conversion measurement: the SDK as its snippet loads it on the thank-you and product pages (CZ
        // and SK), as a script of its own, and the older _hrq tag on im9.cz and on the portal's /direct/ path
        "<script>\n  (function(win, doc, tag, url, name, country, el, first) {\n    win['ROIDataObject'] = name;\n"
            + "    win[name] = win[name] || function() { (win[name].q = win[name].q || []).push(arguments); };\n"
            + "    win[name].c = country;\n    el = doc.createElement(tag); first = doc.getElementsByTagName(tag)[0];\n"
            + "    el.async = 1; el.src = url; first.parentNode.insertBefore(el, first);\n"
            + "  })(window, document, 'script', '//www.heureka.cz/ocm/sdk.js?version=2&page=thank_you', 'heureka',"
            + " 'cz');\n  heureka('authenticate', '0123456789ABCDEF0123456789ABCDEF');\n"
            + "  heureka('set_order_id', 'A-100');\n  heureka('add_product', '42', 'Mug', '199', '1');\n"
            + "  heureka('send', 'Order');\n</script>",
        "<script>(function(t,r,a,c,k,i,n,g){t.ROIDataObject=k;t[k]=t[k]||function(){(t[k].q=t[k].q||[]).push("
            + "arguments)},t[k].c=i;n=r.createElement(a),g=r.getElementsByTagName(a)[0];n.async=1;n.src=c;"
            + "g.parentNode.insertBefore(n,g)})(window,document,\"script\",\"https://www.heureka.sk/ocm/sdk.js?version=2"
            + "&page=product_detail\",\"heureka\",\"sk\");</script>",
        "<script async src=\"https://www.heureka.cz/ocm/sdk.js?version=2&amp;page=thank_you\"></script>",
        "<script type=\"text/javascript\">\nvar _hrq = _hrq || [];\n_hrq.push(['setKey', '0123456789ABCDEF']);\n"
            + "_hrq.push(['setOrderId', 'A-100']);\n_hrq.push(['addProduct', 'Mug', '199', '1', '42']);\n"
            + "_hrq.push(['trackOrder']);\n(function() {\n  var ho = document.createElement('script');"
            + " ho.async = true;\n  ho.src = 'https://im9.cz/sk/js/ext/2-roi-async.js';\n"
            + "  var s = document.getElementsByTagName('script')[0]; s.parentNode.insertBefore(ho, s);\n})();\n"
            + "</script>",
        "<script>var _hrq=_hrq||[];_hrq.push([\"setKey\",heurekaKey]);_hrq.push([\"trackOrder\"]);(function(){"
            + "var h=document.createElement(\"script\");h.async=true;h.src=(\"https:\"==document.location.protocol?"
            + "\"https://ssl\":\"http://www\")+\".heureka.cz/direct/js/ext/1-roi-async.js\";"
            + "document.body.appendChild(h)})();</script>",
        "<script src=\"https://im9.cz/js/ext/1-roi-async.js\" async></script>",
    })
    void heurekaConversionMeasurementGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a link to the portal, its product images and other files on im9.cz stay
        "<a href=\"https://obchody.heureka.cz/shop-example-cz/recenze/\">Heureka</a>",
        "<img src=\"https://im9.cz/iR/importprodukt-orig/0a1/0a1b2c3d4e5f.jpg\" alt=\"Mug\">",
        "<a href=\"https://www.heureka.cz/\"><img src=\"https://im9.cz/cb/12345-1.png\" alt=\"Ověřeno zákazníky\"></a>",
    })
    void heurekaPortalAndBadgeStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the GLAMI piXel: its snippet on the Czech and Slovak portals, a second market's tracker created beside
        // the first, the library as a script of its own and on its pixel domain
        "<script>\n(function(win, doc, tag, url, name, el, first) {\n  win['GlamiTrackerObject'] = name;\n"
            + "  win[name] = win[name] || function() { (win[name].q = win[name].q || []).push(arguments); };\n"
            + "  el = doc.createElement(tag); first = doc.getElementsByTagName(tag)[0];\n"
            + "  el.async = 1; el.src = url; first.parentNode.insertBefore(el, first);\n"
            + "})(window, document, 'script', '//www.glami.cz/js/compiled/pt.js', 'glami');\n"
            + "glami('create', '0123456789ABCDEF0123456789ABCDEF', 'cz');\nglami('track', 'PageView');\n</script>",
        "<script>(function(f,a,s,h,i,o,n){f.GlamiTrackerObject=i;f[i]=f[i]||function(){(f[i].q=f[i].q||[]).push("
            + "arguments)};o=a.createElement(s),n=a.getElementsByTagName(s)[0];o.async=1;o.src=h;"
            + "n.parentNode.insertBefore(o,n)})(window,document,\"script\",\"https://www.glami.sk/js/compiled/pt.js\","
            + "\"glami\");glami(\"create\",\"0123456789ABCDEF0123456789ABCDEF\",\"sk\",\"eshopSk\");"
            + "glami(\"eshopSk.track\",\"PageView\",{consent:1});</script>",
        "<script async src=\"https://www.glami.hu/js/compiled/pt.js\"></script>",
        "<script src=\"//www.glami.hr/js/compiled/pt.js\" async></script>",
        "<script async src=\"https://glamipixel.com/js/compiled/pt.js\"></script>",
        "<script async src=\"https://www.glami.ro/js/compiled/pt.js\"></script>",
        "<script async src=\"https://www.glami.com.tr/js/compiled/pt.js\"></script>",
    })
    void glamiPixelGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a link to the fashion search itself and a site's own compiled Portuguese strings stay
        "<a href=\"https://www.glami.cz/damske-saty/\">GLAMI</a>",
        "<script src=\"/static/js/compiled/pt.js\"></script>",
    })
    void glamiPortalAndLookAlikesStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Zboží.cz conversion measurement (Seznam): the standard and the advanced (v3) snippet, the library alone,
        // and today's joint Sklik and Zboží conversion hit through rc.js, which the Sklik rules already named
        "<script>\n  (function(w, d, s, u, n, k, c, t) {\n    w.ZboziConversionObject = n;\n"
            + "    w[n] = w[n] || function() { (w[n].q = w[n].q || []).push(arguments); };\n    w[n].key = k;\n"
            + "    c = d.createElement(s); t = d.getElementsByTagName(s)[0];\n"
            + "    c.async = 1; c.src = u; t.parentNode.insertBefore(c, t);\n"
            + "  })(window, document, 'script', 'https://www.zbozi.cz/conversion/js/conv.js', 'zbozi', '123456');\n"
            + "  zbozi('setOrder', {orderId: 'A-100', totalPrice: '1299'});\n  zbozi('send');\n</script>",
        "<script>(function(w,d,s,u,n,k,c,t){w.ZboziConversionObject=n;w[n]=w[n]||function(){(w[n].q=w[n].q||[])"
            + ".push(arguments)};w[n].key=k;c=d.createElement(s);t=d.getElementsByTagName(s)[0];c.async=1;c.src=u;"
            + "t.parentNode.insertBefore(c,t)})(window,document,\"script\",\"https://www.zbozi.cz/conversion/js/"
            + "conv-v3.js\",\"zbozi\",shopId);zbozi(\"setOrder\",{\"orderId\":orderNo});zbozi(\"send\");</script>",
        "<script async src=\"https://www.zbozi.cz/conversion/js/conv-v3.js\"></script>",
        "<script type=\"text/javascript\" src=\"https://c.seznam.cz/js/rc.js\"></script>",
    })
    void zboziConversionGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a link to the shop's offers on Zboží.cz, and the Seznam search box, stay; so do the portal's files outside
        // the conversion directory
        "<a href=\"https://www.zbozi.cz/obchod/123456/\">Zboží.cz</a>",
        "<a href=\"https://search.seznam.cz/?q=shop\">Seznam</a>",
        "<script async src=\"https://www.zbozi.cz/js/widget/shop-rating.js\"></script>",
        "<script async src=\"https://www.zbozi.cz/conversion/jsdoc/conv.js\"></script>",
    })
    void zboziPortalLinksAndOtherFilesStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Ceneo's conversion tracking (Zaufane Opinie): the current snippet, the one that writes the host and the
        // file in two strings, and the older tracking script as shop platforms print it
        "<script>\n(function(win, doc, tag, guid, layer) {\n"
            + "  win._ceneo = win._ceneo || function() { win._ceneo.e = win._ceneo.e || []; win._ceneo.e.push(arguments);"
            + " };\n  win._ceneo.e = win._ceneo.e || [];\n  layer = layer === undefined ? 'dataLayer' : layer;\n"
            + "  var first = doc.getElementsByTagName(tag)[0], el = doc.createElement(tag);\n  el.defer = true;\n"
            + "  el.src = 'https://ssl.ceneo.pl/ct/v5/script.js?accountGuid=' + guid + '&t=' + Date.now()"
            + " + (layer ? '&dl=' + layer : '');\n  first.parentNode.insertBefore(el, first);\n"
            + "})(window, document, 'script', '0a1b2c3d-4e5f-4a1b-8c9d-0e1f2a3b4c5d');\n</script>",
        "<script>(function(w,d,s,i,dl){w._ceneo=w._ceneo||function(){w._ceneo.e=w._ceneo.e||[];"
            + "w._ceneo.e.push(arguments)};w._ceneo.e=w._ceneo.e||[];var f=d.getElementsByTagName(s)[0],"
            + "j=d.createElement(s);j.defer=true;j.src=\"https://ssl.ceneo.pl/shops\"+\"/ct.js?accountGuid=\"+i;"
            + "f.parentNode.insertBefore(j,f)})(window,document,\"script\",\"0a1b2c3d-4e5f-4a1b-8c9d-0e1f2a3b4c5d\");"
            + "</script>",
        "<script defer src=\"https://ssl.ceneo.pl/ct/v5/script.js?accountGuid=0a1b2c3d-4e5f-4a1b-8c9d-0e1f2a3b4c5d"
            + "&amp;t=1700000000000\"></script>",
        "<script type=\"text/javascript\" src=\"http://ssl.ceneo.pl/shops/v3/script.js?accountGuid="
            + "0a1b2c3d-4e5f-4a1b-8c9d-0e1f2a3b4c5d\"></script>",
    })
    void ceneoConversionTrackingGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the link to the shop's reviews on Ceneo, and the shop's own purchase call without the loader, stay
        "<a href=\"https://www.ceneo.pl/7486-0a\" rel=\"nofollow\" target=\"_blank\">Opinie o Nas</a>",
        "<script>function thanks(order) { window._ceneo && _ceneo('transaction', {client_email: order.email,"
            + " order_id: order.id}); showThanks(); }</script>",
    })
    void ceneoLinksAndEventCallsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the widgets shoppers read on ssl.ceneo.pl stay: the "Opinie o Nas" reviews slider (sw.js, as a top-widget
        // slider template prints it, with its <noscript> link), the embedded reviews box (rw.js) and the
        // recommendations (rc.js)
        "<script type=\"text/javascript\">var scr=document.createElement('script');"
            + "scr.src=('https:'==document.location.protocol?'https://':'http://')+'ssl.ceneo.pl/shops/sw.js?accountGuid="
            + "0a1b2c3d-4e5f-4a1b-8c9d-0e1f2a3b4c5d';scr.type='text/javascript';"
            + "document.getElementsByTagName('head')[0].appendChild(scr);</script>"
            + "<noscript><a href=\"https://www.ceneo.pl/7486-0a\" rel=\"nofollow\" target=\"_blank\">Opinie o Nas</a>"
            + "</noscript>",
        "<script src=\"https://ssl.ceneo.pl/shops/sw.js?accountGuid=0a1b2c3d-4e5f-4a1b-8c9d-0e1f2a3b4c5d\"></script>",
        "<div id=\"ceneo_widget_embed\"><span id=\"__ceneo-reviews-0a1b2c3d-4e5f-4a1b-8c9d-0e1f2a3b4c5d\"></span></div>"
            + "<script>(function (d, t) { var g = d.createElement(t), s = d.getElementsByTagName(t)[0];"
            + " g.src = ('https:' == document.location.protocol ? 'https://' : 'http://')"
            + " + 'ssl.ceneo.pl/shops/rw.js?accountGuid=0a1b2c3d-4e5f-4a1b-8c9d-0e1f2a3b4c5d'; s.async = true;"
            + " s.parentNode.insertBefore(g, s); }(document, 'script'));</script>",
        "<script>(function (w, d, t, a, c) { w[a] = w[a] || []; w[a].push({id: '1234', container:"
            + " 'ceneo-content-injected'}); if (!w[c]) { w[c] = true; var s = d.createElement(t),"
            + " g = d.getElementsByTagName(t)[0];"
            + " s.src = 'https://ssl.ceneo.pl/shops/rc.js?accountGuid=0a1b2c3d-4e5f-4a1b-8c9d-0e1f2a3b4c5d&'"
            + " + parseInt(new Date().getTime() / 86400, 10); s.async = true; g.parentNode.insertBefore(s, g); } }"
            + "(window, document, 'script', 'CeneoRecommendationWidgetOptions', 'CeneoRecommendationScriptLoaded'));"
            + "</script>",
    })
    void ceneoReviewAndRecommendationWidgetsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // idealo's conversion pixel (its partner tracking): the image a shop module prints on the thank-you page,
        // and a script that builds it from the order
        "<img src=\"https://marketing.net.idealo-partner.com/ts/i12345abcdef/tsa?typ=i&amp;tst=1700000000&amp;"
            + "trc=basket&amp;ctg=sale&amp;sid=checkout&amp;cid=A-100&amp;orv=49.90&amp;orc=EUR\" width=\"1\""
            + " height=\"1\" style=\"display:none\" alt=\"\">",
        "<noscript><img src=\"//marketing.net.idealo-partner.com/ts/i12345abcdef/tsa?typ=i&amp;trc=basket"
            + "&amp;ctg=sale&amp;sid=checkout&amp;cid=A-100\" alt=\"\" /></noscript>",
        "<script>\n  (function(order) {\n    var px = new Image(1, 1);\n"
            + "    px.src = 'https://marketing.net.idealo-partner.com/ts/i12345abcdef/tsa?typ=i&trc=basket&ctg=sale'"
            + " + '&sid=checkout&cid=' + encodeURIComponent(order.id) + '&orv=' + order.total + '&orc=EUR';\n"
            + "  })(window.shopOrder);\n</script>",
    })
    void idealoConversionPixelGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a price-comparison link, also through idealo's partner redirect, stays, as do files on the partner host
        // outside the /ts/ tracking path (a badge image, a path that only starts like it)
        "<a href=\"https://www.idealo.de/preisvergleich/OffersOfProduct/123456.html\">idealo</a>",
        "<a href=\"https://www.idealo-partner.com/?trg=https%3A%2F%2Fshop.example%2Fmug\">Mug</a>",
        "<img src=\"https://marketing.net.idealo-partner.com/images/idealo-partner-badge.png\" alt=\"idealo\">",
        "<img src=\"https://marketing.net.idealo-partner.com/tsbanner/468x60.png\" alt=\"idealo\">",
    })
    void idealoLinksAndPartnerImagesStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Trovaprezzi's order tracking (its trusted-shop programme): the current and the older library as shop
        // modules print them, one inserted by a theme script, and a resource hint
        "<script type=\"text/javascript\" src=\"https://tracking.trovaprezzi.it/javascripts/tracking-vanilla.min.js\">"
            + "</script>",
        "<script type=\"text/javascript\" src=\"https://tracking.trovaprezzi.it/javascripts/tracking.min.js\""
            + " async=\"true\"></script>",
        "<script>\n  var tp = document.createElement('script');\n"
            + "  tp.src = 'https://tracking.trovaprezzi.it/javascripts/tracking-vanilla.min.js';\n"
            + "  tp.onload = function() { window._tpt.push({event: 'orderSubmit'}); };\n"
            + "  document.head.appendChild(tp);\n</script>",
        "<link rel=\"preconnect\" href=\"https://tracking.trovaprezzi.it\">",
    })
    void trovaprezziTrackingGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the order data the shop pushes for the library loads nothing and stays, as does a link to the comparison
        "<script type=\"text/javascript\">\n  window._tpt = window._tpt || [];\n"
            + "  window._tpt.push({ event: 'setAccount', id: 'AbC123' });\n"
            + "  window._tpt.push({ event: 'setOrderId', order_id: 'A-100' });\n"
            + "  window._tpt.push({ event: 'orderSubmit' });\n</script>",
        "<a href=\"https://www.trovaprezzi.it/negozi/shop-example.aspx\">Trovaprezzi</a>",
    })
    void trovaprezziOrderDataAndLinksStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // RTB House retargeting: its current tag's loader, the tag script alone, the older per-page frames on the
        // regional hosts, and a hint
        "<script>\n  (function(w, d, queue, tagId) {\n    w[queue] = w[queue] || [];\n"
            + "    w[queue].push({eventType: 'init', value: tagId, dc: ''});\n"
            + "    var first = d.getElementsByTagName('script')[0], el = d.createElement('script');\n"
            + "    el.async = true;\n    el.src = 'https://tags.creativecdn.com/' + tagId + '.js';\n"
            + "    first.parentNode.insertBefore(el, first);\n  })(window, document, 'rtbhEvents', 'AbCdEfGh12345678');"
            + "\n</script>",
        "<script async src=\"https://tags.creativecdn.com/AbCdEfGh12345678.js\"></script>",
        "<iframe src=\"//asia.creativecdn.com/tags?id=pr_AbCdEfGh12345678_home\" width=\"1\" height=\"1\""
            + " scrolling=\"no\" frameBorder=\"0\" style=\"display: none;\"></iframe>",
        "<iframe src=\"https://us.creativecdn.com/tags?id=pr_AbCdEfGh12345678_orderstatus2_49.90_A-100&amp;cd=default\""
            + " width=\"1\" height=\"1\" scrolling=\"no\" frameBorder=\"0\" style=\"display: none;\"></iframe>",
        "<link rel=\"dns-prefetch\" href=\"//tags.creativecdn.com\">",
    })
    void rtbHouseTagGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the shop's own event push for the tag loads nothing and stays
        "<script>function addedToCart(id) { (window.rtbhEvents = window.rtbhEvents || []).push({eventType: 'basketadd',"
            + " offerId: id}); refreshCart(); }</script>",
    })
    void rtbHouseEventPushesStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Adtraction: the tracking script on its CDN, its short host and a shop's own tracking subdomain, the
        // conversion settings with the script, and a hint
        "<script src=\"https://cdn.adt387.com/jsTag?ap=1412345678\" type=\"text/javascript\" async></script>",
        "<script defer src=\"https://adtr.io/jsTag?ap=1412345678\"></script>",
        "<script data-no-defer defer src=\"https://pin.shop.example/jsTag?ap=1412345678\"></script>",
        "<script>\n  var ADT = ADT || {};\n  ADT.Tag = ADT.Tag || {};\n  ADT.Tag.t = 3;\n  ADT.Tag.c = 'SEK';\n"
            + "  ADT.Tag.tp = 1412345679;\n  ADT.Tag.am = 499.00;\n  ADT.Tag.ti = 'A-100';\n</script>"
            + "<script src=\"https://cdn.adt387.com/jsTag?ap=1412345678\" async></script>",
        "<script>var ADT=ADT||{};ADT.Tag=ADT.Tag||{};ADT.Tag.t=3;ADT.Tag.c=\"NOK\";ADT.Tag.ti=orderRef;"
            + "var s=document.createElement(\"script\");s.src=\"https://on.shop.example/jsTag?ap=1412345678\";"
            + "document.head.appendChild(s);</script>",
        "<link rel=\"preconnect\" href=\"https://cdn.adt387.com\">",
    })
    void adtractionGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // an Adtraction affiliate link is a link, and a site's own script named jsTag without the account stays
        "<a href=\"https://track.adtraction.com/t/t?a=1412345678&amp;as=1412345679&amp;t=2&amp;tk=1&amp;"
            + "url=https://shop.example/mug\" rel=\"sponsored\">Mug</a>",
        "<script src=\"/assets/jsTag?v=3\"></script>",
    })
    void adtractionLinksAndLookAlikesStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Daisycon's conversion image, as a shop module prints it and as a script builds it from the order
        "<img src=\"https://ds1.nl/t/?si=12345&amp;ti=A-100&amp;pr=MUG&amp;r=49.90&amp;e1=ideal\""
            + " style=\"border: 0px; height: 1px; width: 1px;\" alt=\"Daisycon\">",
        "<script>\n  (function(order) {\n    var px = new Image();\n"
            + "    px.src = '//ds1.nl/t/?si=12345&ti=' + encodeURIComponent(order.id) + '&bd=' + order.total;\n"
            + "  })(window.shopOrder);\n</script>",
    })
    void daisyconConversionImageGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the airline logos Daisycon serves for travel sites are content and stay
        "<img src=\"https://images.daisycon.io/airline/?width=110&amp;height=36&amp;color=ffffff&amp;iata=KL\""
            + " alt=\"KLM\">",
        "<img src=\"https://daisycon.io/images/airline/?width=300&amp;height=150&amp;iata=LH\" alt=\"Lufthansa\">",
    })
    void daisyconContentImagesStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // TradeTracker: the site-wide tag, its conversion script with the order, the <noscript> image, and a
        // Next.js layout's copy of the tag
        "<script type=\"text/javascript\">\n  var _TradeTrackerTagOptions = { t: 'a', s: '123456',"
            + " chk: '0123456789abcdef0123456789abcdef', overrideOptions: {} };\n"
            + "  (function() { var tt = document.createElement('script'), s = document.getElementsByTagName('script')[0];"
            + " tt.setAttribute('type', 'text/javascript'); tt.setAttribute('src', (document.location.protocol =="
            + " 'https:' ? 'https' : 'http') + '://tm.tradetracker.net/tag?t=' + _TradeTrackerTagOptions.t + '&s='"
            + " + _TradeTrackerTagOptions.s + '&chk=' + _TradeTrackerTagOptions.chk); s.parentNode.insertBefore(tt, s);"
            + " })();\n</script>",
        "<script>\nvar ttConversionOptions = ttConversionOptions || [];\nttConversionOptions.push({\n"
            + "  type: 'sales', campaignID: '12345', productID: '23456', transactionID: 'A-100',\n"
            + "  transactionAmount: '49.90', quantity: '1', currency: 'EUR'\n});\n</script>",
        "<noscript><img src=\"//ts.tradetracker.net/?cid=12345&amp;pid=23456&amp;tid=A-100&amp;tam=49.90&amp;"
            + "qty=1&amp;event=sales&amp;currency=EUR\" alt=\"\" /></noscript>",
        "<script>(function(o){var c='campaignID' in o?o.campaignID:(o.length?o[0].campaignID:null);"
            + "var tt=document.createElement('script');tt.async=true;tt.src='//tm.tradetracker.net/conversion?s='"
            + "+encodeURIComponent(c)+'&t=m';var s=document.getElementsByTagName('script');s=s[s.length-1];"
            + "s.parentNode.insertBefore(tt,s)})(ttConversionOptions);</script>",
        "<script src=\"https://tm.tradetracker.net/tag?t=a&amp;s=123456&amp;chk=0123456789abcdef\""
            + " data-nscript=\"afterInteractive\"></script>",
    })
    void tradeTrackerGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a TradeTracker affiliate link is a link and stays; hosts that only look like TradeTracker's stay
        "<a href=\"https://tc.tradetracker.net/?c=12345&amp;m=12&amp;a=67890&amp;u=%2Fmug\" rel=\"sponsored\">Mug</a>",
        "<script src=\"https://tm.tradetracker.net.example.org/tag?t=a&amp;s=123456\"></script>",
        "<img src=\"https://ts.nottradetracker.net/?cid=12345&amp;pid=23456\" alt=\"\">",
    })
    void tradeTrackerLinksAndLookalikesStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Webgains: the click script's loader, pretty and minified, the conversion script and the per-programme
        // script as tags load them
        "<script>\n  (function(w, e, b, g, a, i, n) {\n    w['ITCLKOBJ'] = a;\n"
            + "    w[a] = w[a] || function() { (w[a].q = w[a].q || []).push(arguments); }; w[a].l = 1 * new Date();\n"
            + "    i = e.createElement(b); n = e.getElementsByTagName(b)[0];\n    i.async = 1; i.src = g;"
            + " n.parentNode.insertBefore(i, n);\n  })(window, document, 'script', 'https://analytics.webgains.io/clk.min.js',"
            + " 'ITCLKQ');\n  ITCLKQ('set', 'internal.cookie', true);\n  ITCLKQ('click');\n</script>",
        "<script>(function(w,e,b,g,a,i,n){w.ITCLKOBJ=a;w[a]=w[a]||function(){(w[a].q=w[a].q||[]).push(arguments)},"
            + "w[a].l=1*new Date;i=e.createElement(b),n=e.getElementsByTagName(b)[0];i.async=1;i.src=g;"
            + "n.parentNode.insertBefore(i,n)})(window,document,\"script\",clickScriptUrl,\"ITCLKQ\");"
            + "ITCLKQ(\"click\");</script>",
        "<script async src=\"https://analytics.webgains.io/cvr.min.js\"></script>",
        "<script async src=\"https://analytics.webgains.io/123456/main.min.js\"></script>",
        // the conversion script's loader, whose object name the snippet stores in ITCVROBJ, also where the URL is
        // a variable of the shop's (no host in the script), with the programme it reports to
        "<script>(function(a,e,f,g,b,c,d,h){a.ITCVROBJ=b;a[b]=a[b]||function(){(a[b].q=a[b].q||[]).push(arguments)};"
            + "a[b].l=1*new Date;c=e.createElement(f);d=e.getElementsByTagName(f)[0];c.async=1;c.src=g;"
            + "d.parentNode.insertBefore(c,d)})(window,document,\"script\",cvrScriptUrl,\"ITCVRQ\");"
            + "ITCVRQ(\"set\",\"trk.programId\",1234);</script>",
        "<script>\n  (function(w, e, b, g, a, i, n, s) {\n    w['ITCVROBJ'] = a;\n"
            + "    w[a] = w[a] || function() { (w[a].q = w[a].q || []).push(arguments); }; w[a].l = 1 * new Date();\n"
            + "    i = e.createElement(b); n = e.getElementsByTagName(b)[0];\n    i.async = 1; i.src = g;"
            + " n.parentNode.insertBefore(i, n);\n  })(window, document, 'script', window.wgConfig.cvrUrl, 'ITCVRQ');\n"
            + "  ITCVRQ('set', 'trk.programId', 1234);\n</script>",
        // and the legacy transaction pixel, as an image and as a script that assembles it
        "<img src=\"https://track.webgains.com/transaction.html?wgver=1.2&amp;wgsubdomain=track&amp;wgprogramid=1234"
            + "&amp;wgeventid=5678&amp;wgvalue=49.90&amp;wgorderreference=A-100\" width=\"1\" height=\"1\" alt=\"\">",
        "<script type=\"text/javascript\">\n  var wgSubDomain = 'track', wgProgramID = 1234, wgEventID = 5678;\n"
            + "  var wgProtocol = location.protocol.toLowerCase() == 'https:' ? 'https' : 'http';\n"
            + "  var wgUri = wgProtocol + '://' + wgSubDomain + '.webgains.com/transaction.html' + '?wgver=1.2'"
            + " + '&wgprogramid=' + wgProgramID + '&wgeventid=' + wgEventID;\n"
            + "  document.write('<sc' + 'ript src=\"' + wgUri + '\"></sc' + 'ript>');\n</script>",
    })
    void webgainsGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the advertiser dashboard link stays, and so do files on webgains.com other than the transaction pixel
        // and on webgains.io hosts other than the tracking scripts' (the dashboard's badge)
        "<a href=\"https://platform.webgains.io/\">Webgains</a>",
        "<img src=\"https://www.webgains.com/public/images/webgains-publisher-badge.png\" alt=\"Webgains\">",
        "<img src=\"https://track.webgains.com/transaction.html.png\" alt=\"\">",
        "<img src=\"https://platform.webgains.io/assets/badge.svg\" alt=\"Webgains\">",
    })
    void webgainsLinksAndOtherFilesStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Admitad's tracking code, with the fallback handler that looks for the day's mirror domain, and inserted
        // by a script
        "<script src=\"https://www.artfut.com/static/tagtag.min.js?campaign_code=a1b2c3d4e5\" async"
            + " onerror=\"window.ADMITAD=window.ADMITAD||{};ADMITAD.Helpers=ADMITAD.Helpers||{};"
            + "ADMITAD.Helpers.findTodaysDomain&amp;&amp;ADMITAD.Helpers.findTodaysDomain(function(d){})\"></script>",
        "<script>\n  var adm = document.createElement('script');\n  adm.async = true;\n"
            + "  adm.src = 'https://www.artfut.com/static/tagtag.min.js?campaign_code=' + admitadCampaign;\n"
            + "  document.head.appendChild(adm);\n</script>",
    })
    void admitadTrackingCodeGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the order data the shop sets for the tracking code loads nothing and stays
        "<script type=\"text/javascript\">\nADMITAD = window.ADMITAD || {};\nADMITAD.Invoice = ADMITAD.Invoice || {};\n"
            + "ADMITAD.Invoice.category = '1';\nADMITAD.Invoice.referencesOrder = ADMITAD.Invoice.referencesOrder || [];\n"
            + "ADMITAD.Invoice.referencesOrder.push({orderNumber: 'A-100', orderedItem: []});\n</script>",
    })
    void admitadOrderDataStays(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Commission Factory's advertiser tag, as a module prints it and as a theme inserts it
        "<script async src=\"https://t.cfjump.com/tag/12345\"></script>",
        "<script>\n  $(function() {\n    $('<script async src=\"https://t.cfjump.com/tag/12345\"><\\/script>')"
            + ".appendTo(document.body);\n  });\n</script>",
    })
    void commissionFactoryTagGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // its affiliate links and the product images publishers show from its feeds stay
        "<a href=\"https://t.cfjump.com/12345/t/67890?Url=https%3a%2f%2fshop.example%2fmug\">Mug</a>",
        "<img src=\"https://c.cfjump.com/Products/12345/67890.jpg\" alt=\"Mug\">",
    })
    void commissionFactoryLinksAndImagesStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the Everflow SDK, always served from the advertiser's own tracking domain: pasted, with the click call
        // in the same script's onload, and inserted by a layout script
        "<script type=\"text/javascript\" src=\"https://www.trk.shop.example/scripts/sdk/everflow.js\"></script>",
        "<script src=\"https://www.a1b2c3trk.com/scripts/sdk/everflow.js\" async"
            + " onload=\"EF.click({offer_id: EF.urlParameter('oid'), affiliate_id: EF.urlParameter('affid')})\"></script>",
        "<script>\n  var ef = document.createElement('script');\n"
            + "  ef.src = 'https://www.a1b2c3trk.com/scripts/sdk/everflow.js';\n  ef.async = true;\n"
            + "  ef.onload = function() { EF.conversion({offer_id: 7}); };\n  document.body.appendChild(ef);\n</script>",
    })
    void everflowSdkGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a conversion call in the shop's own script loads nothing without the SDK and stays
        "<script>\n  EF.conversion({ offer_id: 75, adv_event_id: 9 });\n</script>",
    })
    void everflowCallsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Refersion: the v4 loader, the v3 tracker on the default and on a brand's subdomain, the Shopify app's
        // pixel, and the conversion image of older integrations
        "<script>\n! function(win, doc, tag, el, first) {\n  win.TrackingSystemObject = 'r';\n"
            + "  (el = doc.createElement(tag)).async = 1;\n  el.src = 'https://cdn.refersion.com/refersion.js';\n"
            + "  el.onload = function() { r.pubKey = 'pub_0123456789abcdef0123'; r.settings.fp_off = true;"
            + " r.initializeXDLS().then(function() { r.launchDefault(); }); };\n"
            + "  (first = doc.getElementsByTagName(tag)[0]).parentNode.insertBefore(el, first);\n"
            + "}(window, document, 'script');\n</script>",
        "<script src=\"//www.refersion.com/tracker/v3/pub_0123456789abcdef0123.js\"></script>",
        "<script type=\"text/javascript\" src=\"https://brand.refersion.com/tracker/v3/pub_0123456789abcdef0123.js\">"
            + "</script>",
        "<script async src=\"https://cdn.refersion.com/pixel.js?shop=shop-example.myshopify.com&amp;client_id=123"
            + "&amp;pk=pub_0123456789abcdef0123\"></script>",
        "<img src=\"https://www.refersion.com/tracker/magento?k=pub_0123456789abcdef0123&amp;ci=abc123\" width=\"1\""
            + " height=\"1\" alt=\"\">",
    })
    void refersionGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the brand's affiliate portal on its Refersion subdomain stays, linked or embedded, as does the CDN's
        // other content
        "<a href=\"https://brand.refersion.com/affiliate/registration\">Become an affiliate</a>",
        "<iframe src=\"https://brand.refersion.com/affiliate/registration\" width=\"100%\" height=\"900\"></iframe>",
        "<img src=\"https://cdn.refersion.com/images/refersion-logo.png\" alt=\"Refersion\">",
    })
    void refersionPortalStays(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Tapfiliate: its script, the queue stub with the account and the click detection, and both in one script
        "<script src=\"https://script.tapfiliate.com/tapfiliate.js\" type=\"text/javascript\" async></script>",
        "<script type=\"text/javascript\">\n  (function(t, a, p) { t.TapfiliateObject = a; t[a] = t[a] || function() {"
            + " (t[a].q = t[a].q || []).push(arguments); }; })(window, 'tap');\n"
            + "  tap('create', '12345-abcdef', { integration: 'stripe' });\n  tap('detect');\n</script>",
        "<script>\n  (function(w, name) { w.TapfiliateObject = name; w[name] = w[name] || function() {"
            + " (w[name].q = w[name].q || []).push(arguments); }; })(window, 'tap');\n"
            + "  var tf = document.createElement('script'); tf.async = true;\n"
            + "  tf.src = 'https://script.tapfiliate.com/tapfiliate.js'; document.head.appendChild(tf);\n</script>",
    })
    void tapfiliateGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a conversion call in the checkout's own script loads nothing without the tracker and stays
        "<script>function paid(id, total) { tap('conversion', id, total); showReceipt(); }</script>",
    })
    void tapfiliateConversionCallsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // PartnerStack (formerly GrowSumo): its snippet as sites paste it, pretty and minified, and the script alone
        "<script type=\"text/javascript\">\n  (function() {\n    var gs = document.createElement('script');\n"
            + "    gs.src = 'https://snippet.growsumo.com/growsumo.min.js';\n    gs.async = true;\n"
            + "    gs.onload = gs.onreadystatechange = function() {\n      var rs = this.readyState;\n"
            + "      if (rs && rs != 'complete' && rs != 'loaded') return;\n"
            + "      try { growsumo._initialize('pk_0123456789abcdef0123456789abcdef'); } catch (e) {}\n    };\n"
            + "    document.head.appendChild(gs);\n  })();\n</script>",
        "<script>(function(){var g=document.createElement('script');g.src='//snippet.growsumo.com/growsumo.min.js';"
            + "g.async=!0;g.onload=function(){try{growsumo._initialize(psKey)}catch(e){}};"
            + "document.body.appendChild(g)})();</script>",
        "<script async src=\"https://snippet.growsumo.com/growsumo.min.js\"></script>",
    })
    void partnerStackGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the sign-up form's own call into the snippet loads nothing without it and stays
        "<script>function signedUp(form) { if (window.growsumo) { growsumo.data.email = form.email.value;"
            + " growsumo.createSignup(); } next(); }</script>",
    })
    void partnerStackSignupCallsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Post Affiliate Pro: the classic document.write loader on the merchant's own affiliate host, the async
        // loader of newer versions with a hashed script name, and the script on a hosted account
        "<script type=\"text/javascript\">\ndocument.write(unescape(\"%3Cscript id=%27pap_x2s6df8d%27 src=%27\""
            + " + ((\"https:\" == document.location.protocol) ? \"https://\" : \"http://\")"
            + " + \"affiliates.shop.example/scripts/trackjs.js%27 type=%27text/javascript%27%3E%3C/script%3E\"));\n"
            + "</script>",
        "<script>\n  (function(d, t) {\n    var el = d.createElement(t); el.id = 'pap_x2s6df8d'; el.async = true;\n"
            + "    el.src = '//partners.shop.example/scripts/a1b2c3d4e5';\n"
            + "    el.onload = function() { try { PostAffTracker.setAccountId('default1'); PostAffTracker.track(); }"
            + " catch (e) {} };\n    d.head.appendChild(el);\n  })(document, 'script');\n</script>",
        "<script id=\"pap_x2s6df8d\" src=\"https://shopexample.postaffiliatepro.com/scripts/trackjs.js\""
            + " type=\"text/javascript\"></script>",
    })
    void postAffiliateProGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the sale call the shop writes after the loader loads nothing without it and stays, as does a link to the
        // affiliate panel
        "<script type=\"text/javascript\">\nPostAffTracker.setAccountId('default1');\n"
            + "var sale = PostAffTracker.createSale();\nsale.setTotalCost('49.90');\nsale.setOrderID('A-100');\n"
            + "PostAffTracker.register();\n</script>",
        "<a href=\"https://shopexample.postaffiliatepro.com/affiliates/signup.php\">Join our affiliate programme</a>",
    })
    void postAffiliateProCallsAndLinksStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Wunderkind (formerly BounceX): the current tag, the BounceX tag older sites still carry, pretty and
        // minified, the tag as a script, a hint, and its AMP ad
        "<script>\n  (function(d) {\n    var e = d.createElement('script');\n"
            + "    e.src = d.location.protocol + '//tag.wknd.ai/1234/i.js';\n    e.async = true;\n"
            + "    d.getElementsByTagName('head')[0].appendChild(e);\n  }(document));\n</script>",
        "<script type=\"text/javascript\">(function(d){var e=d.createElement('script');e.src=d.location.protocol"
            + "+'//tag.bounceexchange.com/1234/i.js';e.async=true;d.getElementsByTagName(\"head\")[0].appendChild(e);"
            + "}(document));</script>",
        "<script async src=\"https://tag.wknd.ai/1234/i.js\"></script>",
        "<link rel=\"preconnect\" href=\"https://api.bounceexchange.com\">",
        "<amp-ad width=\"320\" height=\"320\" layout=\"responsive\" type=\"wunderkind\" data-tag-id=\"1234\""
            + " data-site-id=\"1234\"></amp-ad>",
    })
    void wunderkindGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Rokt's Web SDK on the confirmation page: the launcher as a module script inserts it, the older snippet,
        // the launcher alone, and the preload frame
        "<script type=\"module\">\n  window.RoktLauncherScriptPromise = new Promise(function(resolve, reject) {\n"
            + "    var el = document.createElement('script');\n"
            + "    el.src = 'https://apps.rokt.com/wsdk/integrations/launcher.js';\n"
            + "    el.crossOrigin = 'anonymous'; el.async = true; el.id = 'rokt-launcher';\n"
            + "    el.addEventListener('load', function() { resolve(); });\n"
            + "    el.addEventListener('error', reject);\n    (document.head || document.body).appendChild(el);\n"
            + "  });\n</script>",
        "<script>\n  (function(w) {\n    var s = w.document.createElement('script');\n"
            + "    s.src = 'https://apps.rokt.com/wsdk/integrations/snippet.js'; s.crossOrigin = 'anonymous';"
            + " s.async = true;\n    w.document.body.appendChild(s);\n  })(window);\n</script>",
        "<script crossorigin=\"anonymous\" id=\"rokt-launcher\" src=\"https://apps.rokt.com/wsdk/integrations/launcher.js\""
            + " async></script>",
        "<iframe aria-hidden=\"true\" src=\"https://apps.rokt.com/wsdk/preload/index.html\""
            + " sandbox=\"allow-scripts allow-same-origin\" style=\"border: 0px; width: 100%; display: none;\"></iframe>",
    })
    void roktGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the page's own placement call loads nothing without the launcher and stays
        "<script>\n  window.RoktLauncherScriptPromise && RoktLauncherScriptPromise.then(function() {\n"
            + "    return Rokt.createLauncher({accountId: '1234567890', sandbox: false});\n"
            + "  }).then(function(launcher) { return launcher.selectPlacements({attributes: {email: buyerEmail}}); });\n"
            + "</script>",
    })
    void roktPlacementCallsStay(String html) {
        assertKept(html);
    }
}
