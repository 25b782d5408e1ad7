package io.consentgate.html;

import static io.consentgate.html.ShopPageAssertions.assertKept;
import static io.consentgate.html.ShopPageAssertions.assertRemovedAndKeptWhenAllowed;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Retargeting and affiliate tags as shops carry them: the vendor's loader, its
 * {@code <noscript>} or conversion image and the hosts its requests go to, in the forms shop plugins, tag templates
 * and hand-pasted snippets print them. With marketing refused nothing of the vendor may load; with everything
 * allowed the page is untouched; what only looks like the vendor stays.
 */
class CommercePixelShapesTest {

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
        // the account's start call printed by a plugin in a script of its own, after the stub's script: it queues
        // the click detection for the tracker, in the quoting and spacing themes write
        "<script>\n  tap('create', '24680-7f3e2a', { integration: \"javascript\" });\n  tap('detect');\n</script>",
        "<script type=\"text/javascript\">tap(\"create\",\"13579-c0ffee\");tap(\"detect\");</script>",
        "<script>\n    window.tap( 'create', '11223-a1b2c3', {integration: 'woocommerce'} );\n"
            + "    window.tap( 'detect', {referral_code: new URLSearchParams(location.search).get('ref')} );\n"
            + "</script>",
    })
    void tapfiliateGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a conversion call in the checkout's own script loads nothing without the tracker and stays
        "<script>function paid(id, total) { tap('conversion', id, total); showReceipt(); }</script>",
        // a site's own functions and handlers named tap, and touch libraries' tap events, stay
        "<script>function tap(el) { el.classList.add('is-tapped'); }\n"
            + "document.querySelectorAll('.card').forEach(function (c) {"
            + " c.onclick = function () { tap(c); }; });</script>",
        "<script>var gestures = new Hammer(document.body); gestures.on('tap', function () { tap('menu'); });</script>",
        "<script>const tap = (label) => console.debug(label); tap('created'); tap('create account');</script>",
        "<script>order$.pipe(tap(o => render(o)), mytap('create', 'x')).subscribe();</script>",
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

    @ParameterizedTest
    @ValueSource(strings = {
        // Google Customer Reviews' survey opt-in on a thank-you page: the callback platform.js calls once loaded,
        // which hands Google the order and the buyer's e-mail, as a shop module prints it (with the order's values
        // from the template), as a named function, minified, and guarded by a page's own check
        "<script>\n  window.renderOptIn = function() {\n    window.gapi.load('surveyoptin', function() {\n"
            + "      window.gapi.surveyoptin.render({\n        \"merchant_id\": 123456789,\n"
            + "        \"order_id\": \"A-100\",\n        \"email\": \"anna@example.de\",\n"
            + "        \"delivery_country\": \"DE\",\n        \"estimated_delivery_date\": \"2026-12-08\"\n"
            + "      });\n    });\n  }\n</script>",
        "<script>\nfunction renderOptIn() {\n  window.gapi.load('surveyoptin', function() {\n"
            + "    window.gapi.surveyoptin.render({merchant_id: '123456789', order_id: '10571',"
            + " email: 'kunde@example.de', delivery_country: 'DE', estimated_delivery_date: '2026-12-08',"
            + " products: [{gtin: '4006381333931'}], opt_in_style: 'CENTER_DIALOG'});\n  });\n}\n</script>",
        "<script>window.renderOptIn=function(){window.gapi.load(\"surveyoptin\",function(){window.gapi.surveyoptin"
            + ".render({\"merchant_id\":123456789,\"order_id\":\"A-100\",\"email\":\"anna@example.de\","
            + "\"delivery_country\":\"DE\",\"estimated_delivery_date\":\"2026-12-08\"})})}</script>",
        "<script data-keepinline=\"true\">\n\twindow.renderOptIn = function() {\n"
            + "\t\tif (window.gapi && window.gapi.load) {\n\t\t\twindow.gapi.load('surveyoptin', function() {\n"
            + "\t\t\t\twindow.gapi.surveyoptin.render(gcrOrder);\n\t\t\t});\n\t\t}\n\t}\n</script>",
    })
    void googleCustomerReviewsOptInGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Google's API loader, which Sign-In and the reviews badge use too, and the seller-rating badge, which shows
        // the shop's rating and passes no order, stay
        "<script src=\"https://apis.google.com/js/platform.js?onload=renderOptIn\" async defer></script>",
        "<script src=\"https://apis.google.com/js/platform.js?onload=renderBadge\" async defer></script>\n"
            + "<script>\n  window.renderBadge = function() {\n    var ratingBadgeContainer = document.createElement('div');"
            + "\n    document.body.appendChild(ratingBadgeContainer);\n"
            + "    window.gapi.load('ratingbadge', function() {\n"
            + "      window.gapi.ratingbadge.render(ratingBadgeContainer, {merchant_id: 123456789, position:"
            + " 'BOTTOM_RIGHT'});\n    });\n  }\n</script>",
    })
    void googleCustomerReviewsLoaderAndBadgeStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // ADCELL (German affiliate network), as shop modules print it: the tracking script of every page, the
        // retargeting script a plugin enqueues, and on the order confirmation the conversion script and its
        // <noscript> image, with the order's number and net total from the template, or built by a script
        "<script type=\"text/javascript\" src=\"https://t.adcell.com/js/trad.js\"></script>",
        "<script src=\"//t.adcell.com/js/inlineretarget.js?method=track&amp;pid=1234&amp;type=startpage#asyncload\""
            + " id=\"adcell-retargeting-js\"></script>",
        "<script type=\"text/javascript\" src=\"https://t.adcell.com/t/track.js?pid=1234&amp;eventid=5678"
            + "&amp;referenz=10571&amp;betrag=41.85\" async></script><noscript><img border=\"0\" width=\"1\""
            + " height=\"1\" src=\"https://t.adcell.com/t/track?pid=1234&amp;eventid=5678&amp;referenz=10571"
            + "&amp;betrag=41.85\"></noscript>",
        "<script>\n  var s = document.createElement('script');\n  s.async = true;\n"
            + "  s.src = 'https://t.adcell.com/t/track.js?pid=1234&eventid=5678&referenz=' + orderNo;\n"
            + "  document.body.appendChild(s);\n</script>",
    })
    void adcellGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a publisher's affiliate link through the network stays (links are never matched), and so does the call
        // into the tracking script that modules print after it, which loads nothing without it
        "<a href=\"https://t.adcell.com/p/click?promoId=273407&amp;slotId=149760\" rel=\"sponsored\">Angebot</a>",
        "<script>try { Adcell.Tracking.track(); } catch (e) {}</script>",
        "<script>if (window.Adcell) { Adcell.Tracking.track(); }</script>",
    })
    void adcellLinksAndCallsStay(String html) {
        assertKept(html);
    }
}
