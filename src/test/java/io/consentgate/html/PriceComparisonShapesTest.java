package io.consentgate.html;

import static io.consentgate.html.ShopPageAssertions.assertKept;
import static io.consentgate.html.ShopPageAssertions.assertRemovedAndKeptWhenAllowed;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Price-comparison portals' conversion and review tags as shops carry them: the vendor's loader, its
 * {@code <noscript>} or conversion image and the hosts its requests go to, in the forms shop plugins, tag templates
 * and hand-pasted snippets print them. With marketing refused nothing of the vendor may load; with everything
 * allowed the page is untouched; what only looks like the vendor stays.
 */
class PriceComparisonShapesTest {

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
        // Skroutz Analytics (Greek price comparison): the snippet as shop modules print it, naming its global in
        // SkroutzAnalyticsObject; the older form that calls its function sa and names the bare analytics host; the
        // library as a script of its own; and the same service under Skroutz's Alve brand
        "<script>\n  (function(a,b,c,d,e,f,g){a['SkroutzAnalyticsObject']=e;a[e]= a[e] || function(){\n"
            + "    (a[e].q = a[e].q || []).push(arguments);};f=b.createElement(c);f.async=true;\n"
            + "    f.src=d;g=b.getElementsByTagName(c)[0];g.parentNode.insertBefore(f,g);\n"
            + "  })(window,document,'script','https://analytics.skroutz.gr/analytics.min.js','skroutz_analytics');\n"
            + "  skroutz_analytics('session', 'connect', 'SA-1234-5678');\n</script>",
        "<script>(function(a,b,c,d,e,f,g){a[e]=a[e]||function(){(a[e].q=a[e].q||[]).push(arguments);};"
            + "f=b.createElement(c);f.async=true;f.src=d;g=b.getElementsByTagName(c)[0];"
            + "g.parentNode.insertBefore(f,g);})(window,document,'script','https://analytics.skroutz.gr','sa');"
            + "sa('settings','setAccount','SA-1234-5678');sa('site','sendPageView');</script>",
        "<script async src=\"https://analytics.skroutz.gr/analytics.min.js\"></script>",
        "<script>\n  (function (a, b, c, d, e, f, g) {\n    a['SkroutzAnalyticsObject'] = e;\n"
            + "    a[e] = a[e] || function () { (a[e].q = a[e].q || []).push(arguments); };\n"
            + "    f = b.createElement(c); f.async = true; f.src = d;\n"
            + "    g = b.getElementsByTagName(c)[0]; g.parentNode.insertBefore(f, g);\n"
            + "  })(window, document, 'script', 'https://analytics.alve.com/analytics.min.js', 'alve_analytics');\n"
            + "</script>",
    })
    void skroutzAnalyticsGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the order the thank-you page reports through the snippet's function loads nothing without it and stays,
        // as do links to the comparison site and images from its CDN
        "<script>\n  skroutz_analytics('ecommerce', 'addOrder', JSON.stringify({\n    order_id: '2026-77',\n"
            + "    revenue: '23.80',\n    shipping: '3.00'\n  }));\n</script>",
        "<a href=\"https://www.skroutz.gr/shop/12345/kafekopteio.html\">Skroutz</a>",
        "<img src=\"https://a.scdn.gr/images/sku_main_images/012345/12345678/medium_espresso.jpg\" alt=\"\">",
    })
    void skroutzOrderCallsAndLinksStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // billiger.de's sale tracking: the image a shop's checkout-finish template prints with the order number and
        // total, one with the items a data-layer plugin appends, and one a script adds
        "<img src=\"https://billiger.de/sale?shop_id=4321&amp;oid=10733&amp;val=23.75\" width=\"1\" height=\"1\""
            + " border=\"0\" alt=\"\" />",
        "<img src=\"//billiger.de/sale?shop_id=4321&amp;oid=A-100&amp;aid_1=4006381333931&amp;name_1=Mug&amp;cnt_1=2"
            + "&amp;val_1=8.32\" width=\"1\" height=\"1\">",
        "<script>\n  var bp = new Image(1, 1);\n"
            + "  bp.src = 'https://www.billiger.de/sale?shop_id=4321&oid=' + order.id + '&val=' + order.total;\n</script>",
    })
    void billigerSaleTrackingGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the comparison site itself, also a page whose path only starts like the tracking path, stays
        "<a href=\"https://www.billiger.de/shops/4321-teehaus-lindner\">billiger.de</a>",
        "<img src=\"https://www.billiger.de/sales-banner/teehaus.png\" alt=\"billiger.de\">",
    })
    void billigerLinksAndImagesStay(String html) {
        assertKept(html);
    }
}
