package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.REMOVE_WITH_STUBS;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static io.consentgate.html.ShopPageAssertions.AFTER;
import static io.consentgate.html.ShopPageAssertions.BEFORE;
import static io.consentgate.html.ShopPageAssertions.assertRemovedAndKeptWhenAllowed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Advertising pixels as sites carry them: the vendor's loader, its {@code <noscript>} or conversion image and the
 * hosts its requests go to, in the forms plugins, themes and hand-pasted snippets print them. With marketing refused
 * nothing of the vendor may load; with everything allowed the page is untouched.
 */
class AdPixelShapesTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();

    @ParameterizedTest
    @ValueSource(strings = {
        // the Insight Tag's collection host besides px.ads, and its cookie sync on www.linkedin.com
        "<img src=\"https://px4.ads.linkedin.com/collect?v=2&amp;fmt=js&amp;pid=1234567&amp;time=1700000000000\""
            + " width=\"1\" height=\"1\" alt=\"\">",
        "<img height=\"1\" width=\"1\" style=\"display:none\" alt=\"\""
            + " src=\"https://www.linkedin.com/px/li_sync?redirect=https%3A%2F%2Fpx.ads.linkedin.com%2Fcollect\">",
        "<link rel=\"dns-prefetch\" href=\"//px4.ads.linkedin.com\">",
    })
    void linkedInInsightHostsGo(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the single-event website tag that came before uwt.js, still pasted on thank-you pages
        "<script src=\"//platform.twitter.com/oct.js\" type=\"text/javascript\"></script>",
        "<script async src=\"https://platform.twitter.com/oct.js\"></script>",
    })
    void legacyXConversionScriptGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // UET's cookieless host: the newer snippet loads bat.js from it and the tag sends its hits there
        "<script async src=\"https://bat.bing.net/bat.js?ti=187123456\"></script>",
        "<img src=\"https://bat.bing.net/action/0?ti=187123456&amp;Ver=2&amp;evt=pageLoad\" width=\"1\" height=\"1\""
            + " alt=\"\">",
        "<noscript><img src=\"//bat.bing.net/action/0?ti=187123456&amp;Ver=2\" height=\"0\" width=\"0\""
            + " style=\"display:none; visibility: hidden;\" /></noscript>",
        "<script>\n(function (win, doc, tag, queue, opts) {\n  win[queue] = win[queue] || [];\n"
            + "  var el = doc.createElement(tag);\n  el.src = \"https://bat.bing.net/bat.js?ti=\" + opts.ti;\n"
            + "  el.async = 1;\n  doc.head.appendChild(el);\n})(window, document, \"script\", \"uetq\","
            + " {ti: \"187123456\", enableAutoSpaTracking: true});\n</script>",
    })
    void microsoftUetCookielessHostGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the Nextdoor pixel's <noscript> image and the host its script sends to
        "<noscript><img height=\"1\" width=\"1\" style=\"display:none\""
            + " src=\"https://flask.nextdoor.com/pixel?pid=0a1b2c3d-0000-1111-2222-333344445555"
            + "&amp;ev=PAGE_VIEW&amp;noscript=1\""
            + "/></noscript>",
        "<img src=\"https://flask.nextdoor.com/pixel?pid=0a1b2c3d-0000-1111-2222-333344445555&amp;ev=CONVERSION\""
            + " alt=\"\">",
    })
    void nextdoorPixelImageGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // OneTag's event host over plain http and the regional display host beside dis.criteo.com
        "<img src=\"https://widget.criteo.com/event?a=12345&amp;v=5.23.0&amp;p0=e%3Dexd&amp;p1=e%3Dvh\" width=\"1\""
            + " height=\"1\" alt=\"\">",
        "<link rel=\"dns-prefetch\" href=\"//widget.criteo.com/\">",
        "<link rel=\"dns-prefetch\" href=\"//dis.eu.criteo.com/\">",
    })
    void criteoEventHostsGo(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the Spotify Pixel, which followed Podsights' pdst(): its loader, a minified copy and its <noscript> image
        "<script>\n  (function(win, doc) {\n    var id = 'spdt-capture', tag = 'script';\n"
            + "    if (!doc.getElementById(id)) {\n      win.spdt = win.spdt || function() {\n"
            + "        (win.spdt.q = win.spdt.q || []).push(arguments);\n      };\n"
            + "      var el = doc.createElement(tag); el.id = id; el.async = 1;\n"
            + "      el.src = 'https://pixel.byspotify.com/ping.min.js';\n"
            + "      var first = doc.getElementsByTagName(tag)[0];\n      first.parentNode.insertBefore(el, first);\n"
            + "    }\n    win.spdt('conf', { key: 'a1b2c3d4e5f6a7b8' });\n    win.spdt('view');\n"
            + "  })(window, document);\n</script>",
        "<script>window.spdt=window.spdt||function(){(window.spdt.q=window.spdt.q||[]).push(arguments)};"
            + "spdt(\"conf\",{key:\"a1b2c3d4e5f6a7b8\"});spdt(\"view\");</script>",
        "<noscript><img height=\"1\" width=\"1\" style=\"display:none;\" alt=\"\""
            + " src=\"https://pixel.byspotify.com/ping.gif?key=a1b2c3d4e5f6a7b8&amp;action=view\"/></noscript>",
        "<link rel=\"dns-prefetch\" href=\"https://pixel.byspotify.com\">",
    })
    void spotifyPixelGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // MediaMath's event pixel as agencies still paste it, as a script, an image and a frame
        "<script language='JavaScript1.1' async src='//pixel.mathtag.com/event/js?mt_id=1234567&amp;mt_adid=123456"
            + "&amp;mt_exem=&amp;mt_excl=&amp;v1=&amp;v2=&amp;v3=&amp;s1=&amp;s2=&amp;s3='></script>",
        "<img src=\"https://pixel.mathtag.com/event/img?mt_id=1234567&amp;mt_adid=123456&amp;v1=&amp;s1=\" width=\"1\""
            + " height=\"1\" alt=\"\">",
        "<iframe src=\"//pixel.mathtag.com/event/js?mt_id=1234567&amp;mt_adid=123456\" width=\"1\" height=\"1\""
            + " frameborder=\"0\" style=\"display:none\"></iframe>",
        "<link rel=\"dns-prefetch\" href=\"//pixel.mathtag.com\">",
    })
    void mediaMathPixelGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Tradedoubler's sale and lead images and its container tag, inline and as a script
        "<img src=\"https://tbs.tradedoubler.com/report?organization=1234&amp;event=5678&amp;orderNumber=A-100"
            + "&amp;orderValue=49.90&amp;currency=EUR\" width=\"1\" height=\"1\" alt=\"\">",
        "<img src=\"//tbl.tradedoubler.com/report?organization=1234&amp;event=5679&amp;leadNumber=L-7\" alt=\"\">",
        "<script src=\"//swrap.tradedoubler.com/wrap?id=12345\" async></script>",
        "<script>\n  var tdTag = document.createElement('script');\n"
            + "  tdTag.src = '//swrap.tradedoubler.com/wrap?id=' + TDConf.Config.containerTagId;\n"
            + "  tdTag.async = true;\n  document.body.appendChild(tdTag);\n</script>",
    })
    void tradedoublerPixelGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Zemanta (Outbrain's demand-side platform): its loader, written out and minified, and its images
        "<script>\n  (function(win, doc, tag, marketer) {\n    if (!win.zemApi) {\n"
            + "      var el = doc.createElement(tag), first = doc.getElementsByTagName(tag)[0];\n"
            + "      win.zemApi = function() { win.zemApi.queue.push(arguments); };\n"
            + "      win.zemApi.marketerId = marketer; win.zemApi.queue = [];\n"
            + "      el.async = true; el.src = 'https://js-tag.zemanta.com/zcpt.js';\n"
            + "      first.parentNode.insertBefore(el, first);\n    }\n"
            + "  })(window, document, 'script', '12345');\n  zemApi('track', 'PAGE_VIEW');\n</script>",
        "<script>!function(z,e,m,a){var s=e.createElement(m);s.async=!0;s.src=\"//js-tag.zemanta.com/zcpt.js\";"
            + "e.head.appendChild(s)}(window,document,\"script\",\"12345\");</script>",
        "<noscript><img src=\"https://p1.zemanta.com/v2/p/ns/12345/PAGE_VIEW/\" height=\"1\" width=\"1\""
            + " border=\"0\" alt=\"\" /></noscript>",
        "<img src=\"https://p1.zemanta.com/p/58/shipping/\" height=\"1\" width=\"1\" border=\"0\" alt=\"\" />",
    })
    void zemantaPixelGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Pixel Manager for WooCommerce: its public script loads the Meta, TikTok, Google… tags that the
        // page's wpmDataLayer names by id only
        "<script type=\"text/javascript\" src=\"https://shop.example/wp-content/plugins/"
            + "woocommerce-google-adwords-conversion-tracking-tag/js/public/wpm-public.p1.min.js?ver=1.43.5\""
            + " id=\"wpm-js\"></script>",
        "<script src='/wp-content/plugins/woocommerce-google-adwords-conversion-tracking-tag/js/public/"
            + "wpm-public__premium_only.p1.min.js?ver=1.43.5' id='wpm-js' defer></script>",
        "<script type=\"rocketlazyloadscript\" data-rocket-src=\"https://shop.example/wp-content/plugins/"
            + "woocommerce-google-adwords-conversion-tracking-tag/js/public/wpm-public.p1.min.js?ver=1.43.5\""
            + " id=\"wpm-js\"></script>",
    })
    void pixelManagerForWooCommerceScriptGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // MNTN (formerly SteelHouse): the tracking pixel builds its URL without a scheme and picks one at run time
        "<script>(function(){\"use strict\";var e=null,b=\"4.0.0\",n=\"12345\",additional=\"\","
            + "t,r,i;try{t=top.document.referer!==\"\"?encodeURIComponent(top.document.referrer.substring(0,2048)):\"\""
            + "}catch(o){t=document.referrer!==null?document.referrer.toString().substring(0,2048):\"\"}"
            + "var c=document.createElement(\"script\"),h=\"dx.mountain.com/spx?\"+\"dxver=\"+b+\"&shaid=\"+n"
            + "+\"&tdr=\"+t"
            + "+additional;c.type=\"text/javascript\";c.src=(\"https:\"===document.location.protocol?\"https://\""
            + ":\"http://\")+h;document.head.appendChild(c)})();</script>",
        "<script async src=\"https://dx.mountain.com/spx?conv=1&amp;shaid=12345&amp;shoid=A-100&amp;shoamt=49.90\">"
            + "</script>",
    })
    void mntnPixelGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Simpli.fi's retargeting tag, as pasted and as a WordPress theme enqueues it
        "<script async referrerpolicy='no-referrer-when-downgrade'"
            + " src='https://tag.simpli.fi/sifitag/0a1b2c3d-4e5f-4a1b-8c9d-0e1f2a3b4c5d'></script>",
        "<script type=\"text/javascript\" src=\"//tag.simpli.fi/sifitag/0a1b2c3d-4e5f-4a1b-8c9d-0e1f2a3b4c5d?ver=6.4\""
            + " id=\"simpli-fi-retargeting-js\"></script>",
        "<script>\n  var sifi = document.createElement('script');\n"
            + "  sifi.src = 'https://tag.simpli.fi/sifitag/0a1b2c3d-4e5f-4a1b-8c9d-0e1f2a3b4c5d';\n"
            + "  sifi.async = true;\n  document.head.appendChild(sifi);\n</script>",
    })
    void simplifiTagGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Vibe's pixel (streaming-TV ads): the snippet with its loader, and the split form a Next.js layout
        // renders, a queue stub with the init call and the library as a script of its own
        "<script>!function(w,d,tag,url,name){if(!w[name]){var q=w[name]=function(){q.process?q.process.apply(q,"
            + "arguments):q.queue.push(arguments)};q.queue=[],q.b=1*new Date;var el=d.createElement(tag);el.async=!0,"
            + "el.src=url;var first=d.getElementsByTagName(tag)[0];first.parentNode.insertBefore(el,first)}}(window,"
            + "document,\"script\",\"https://s.vibe.co/vbpx.js\",\"vbpx\");\nvbpx('init','AbC12x');\n"
            + "vbpx('event', 'page_view');</script>",
        "<script id=\"vibe-pixel\">\n  !function(w,name){if(!w[name]){var q=w[name]=function(){q.process?"
            + "q.process.apply(q,arguments):q.queue.push(arguments)};q.queue=[],q.b=1*new Date}}(window,\"vbpx\");\n"
            + "  vbpx(\"init\", \"AbC12x\");\n  vbpx(\"event\", \"page_view\");\n</script>"
            + "<script src=\"https://s.vibe.co/vbpx.js\" data-nscript=\"afterInteractive\"></script>",
    })
    void vibePixelGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Mediavine's ad script, as its WordPress plugin prints it and as a theme inserts it after a delay
        "<script type=\"text/javascript\" async=\"async\" data-noptimize=\"1\" data-cfasync=\"false\""
            + " src=\"//scripts.mediavine.com/tags/shop-example.js?ver=6.4.2\" id=\"mv-script-wrapper-js\"></script>",
        "<script>setTimeout(function () {\n  if (document.getElementById('mediavine-script')) { return; }\n"
            + "  var el = document.createElement('script');\n"
            + "  el.src = '//scripts.mediavine.com/tags/shop-example.js';\n"
            + "  el.async = true; el.id = 'mediavine-script';\n  document.body.appendChild(el);\n}, 3000);</script>",
    })
    void mediavineAdScriptGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Raptive (AdThrive): its head code sets the site's ad settings and inserts the site's ads.min.js
        "<script data-no-optimize=\"1\" data-cfasync=\"false\">\n(function(w, d) {\n"
            + "  w.adthrive = w.adthrive || {};\n  w.adthrive.cmd = w.adthrive.cmd || [];\n"
            + "  w.adthrive.plugin = 'adthrive-ads-3.5.0';\n  w.adthrive.host = 'ads.adthrive.com';\n"
            + "  w.adthrive.threshold = Math.floor(Math.random() * 100 + 1);\n"
            + "  var s = d.createElement('script');\n  s.async = true;\n"
            + "  s.referrerpolicy = 'no-referrer-when-downgrade';\n"
            + "  s.src = 'https://' + w.adthrive.host + '/sites/5f3a2b1c0d9e8f7a6b5c4d3e/ads.min.js?referrer='"
            + " + w.encodeURIComponent(w.location.href) + '&cb=' + w.adthrive.threshold;\n"
            + "  var n = d.getElementsByTagName('script')[0];\n  n.parentNode.insertBefore(s, n);\n"
            + "})(window, document);\n</script>",
        "<script async src=\"https://ads.adthrive.com/sites/5f3a2b1c0d9e8f7a6b5c4d3e/ads.min.js?referrer=https%3A%2F%2F"
            + "shop.example%2F&amp;cb=42\"></script>",
        "<link rel=\"stylesheet\" href=\"https://ads.adthrive.com/sites/5f3a2b1c0d9e8f7a6b5c4d3e/ads.min.css\">",
    })
    void raptiveAdScriptGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Ezoic's standalone ad script and its setup, as a Next.js layout or a theme writes them
        "<script async src=\"//www.ezojs.com/ezoic/sa.min.js\"></script>",
        "<script id=\"ezoic-sa\" src=\"//www.ezojs.com/ezoic/sa.min.js\" data-nscript=\"beforeInteractive\"></script>",
        "<script>\n  var ez = document.createElement('script');\n  ez.async = true;\n"
            + "  ez.src = '//www.ezojs.com/ezoic/sa.min.js';\n  document.head.appendChild(ez);\n</script>",
    })
    void ezoicAdScriptGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @Test
    void theAmazonAdTagLeavesAStandInForThePagesOwnConversionCall() {
        String page = "<script>\n!function(w,d,el,first){if(w.amzn)return;w.amzn=function(){w.amzn.q.push([arguments,"
            + "(new Date).getTime()])};w.amzn.q=[];el=d.createElement(\"script\");"
            + "el.src=\"https://c.amazon-adsystem.com/aat/amzn.js\";el.id=\"amzn-pixel\";el.async=!0;"
            + "first=d.getElementsByTagName(\"script\")[0];first.parentNode.insertBefore(el,first)}(window,document);\n"
            + "amzn(\"setRegion\", \"NA\");\namzn(\"addTag\", \"0a1b2c3d-4e5f-4a1b-8c9d-0e1f2a3b4c5d\");\n</script>"
            + "<script>function orderPlaced(total) { amzn(\"trackEvent\", \"Off-AmazonPurchases\", {value: total});"
            + " showThanks(); }</script>";
        String out = rewrite(REMOVE_WITH_STUBS, page, NONE);
        assertTrue(out.startsWith("<script data-consentgate=\"stub\">") && out.contains("d('am'+'zn',s);")
            && out.endsWith("</script><script>function orderPlaced(total) {"
                + " amzn(\"trackEvent\", \"Off-AmazonPurchases\", {value: total}); showThanks(); }</script>"), out);
        assertEquals(page, rewrite(REMOVE_WITH_STUBS, page, ConsentDecision.allowAll()));
    }

    @Test
    void adRollLeavesAStandInForThePagesOwnTrackCall() {
        String page = "<script type=\"text/javascript\">\n    adroll_adv_id = \"ABCDEFGHIJKLMNOPQRSTU1\";\n"
            + "    adroll_pix_id = \"VWXYZ0123456789ABCDEF2\";\n    adroll_version = \"2.0\";\n"
            + "    (function(w, d, e, o, a) {\n        w.__adroll_loaded = true;\n        w.adroll = w.adroll || [];\n"
            + "        e = d.createElement('script'); o = d.getElementsByTagName('script')[0];\n"
            + "        e.async = 1; e.src = \"https://s.adroll.com/j/\" + adroll_adv_id + \"/roundtrip.js\";\n"
            + "        o.parentNode.insertBefore(e, o);\n    })(window, document);\n</script>"
            + "<button onclick=\"adroll.track('purchase', {conversion_value: 10}); checkout()\">Buy</button>";
        String out = rewrite(REMOVE_WITH_STUBS, page, NONE);
        assertTrue(out.startsWith("<script data-consentgate=\"stub\">") && out.contains("d('adr'+'oll',s);")
            && out.endsWith("</script><button onclick=\"adroll.track('purchase', {conversion_value: 10});"
                + " checkout()\">Buy</button>"), out);
        assertEquals(page, rewrite(REMOVE_WITH_STUBS, page, ConsentDecision.allowAll()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the TikTok pixel's beacon host under TikTok's US entity, as resource hints name it
        "<link rel=\"preconnect\" href=\"https://analytics-ipv6.tiktokw.us\" crossorigin>",
        "<link rel=\"dns-prefetch\" href=\"//analytics-ipv6.tiktokw.us\">",
        "<img src=\"https://analytics-ipv6.tiktokw.us/ipv6/enrich_ipv6?sdkid=CABCDEFGHIJ0123456789\" alt=\"\">",
    })
    void tiktokUsBeaconHostGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the hosts the Reddit pixel fetches its configuration from, as resource hints name them
        "<link rel=\"preconnect\" href=\"https://pixel-config.reddit.com\">",
        "<link rel=\"dns-prefetch\" href=\"//conversions-config.reddit.com\">",
        "<link rel=\"preload\" as=\"fetch\" crossorigin"
            + " href=\"https://pixel-config.reddit.com/pixels/a2_abcdef123456/config\">",
    })
    void redditPixelConfigHostsGo(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Skimlinks, which rewrites a publisher's shop links into affiliate links and reports the page's views
        "<script type=\"text/javascript\" src=\"//s.skimresources.com/js/123456X1234567.skimlinks.js\"></script>",
        "<script async src=\"https://s.skimresources.com/js/123456X1234567.skimlinks.js\""
            + " data-nscript=\"lazyOnload\"></script>",
        "<img src=\"https://t.skimresources.com/api/track.php?call=track&amp;data=%7B%22pub%22%3A%22123456X%22%7D\""
            + " alt=\"\">",
    })
    void skimlinksScriptGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Sovrn Commerce (VigLink): the key and the loader in one script, pretty and minified, and the script alone
        "<script type=\"text/javascript\">\n    var vglnk = { key: '0123456789abcdef0123456789abcdef' };\n\n"
            + "    (function(d, t) {\n        var s = d.createElement(t); s.type = 'text/javascript'; s.async = true;\n"
            + "        s.src = '//cdn.viglink.com/api/vglnk.js';\n"
            + "        var r = d.getElementsByTagName(t)[0]; r.parentNode.insertBefore(s, r);\n"
            + "    }(document, 'script'));\n</script>",
        "<script>window.vglnk={key:'0123456789abcdef0123456789abcdef'};(function(d,t){var s=d.createElement(t);"
            + "s.async=true;s.src='https://cdn.viglink.com/api/vglnk.js';var r=d.getElementsByTagName(t)[0];"
            + "r.parentNode.insertBefore(s,r)}(document,'script'));</script>",
        "<script async src=\"//cdn.viglink.com/api/vglnk.js?key=0123456789abcdef0123456789abcdef\"></script>",
    })
    void sovrnCommerceScriptGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the publisher ad networks' AMP ad types: AMP's ad frame loads the network's script with no URL in the page
        "<amp-ad width=\"300\" height=\"250\" type=\"mediavine\" data-site=\"shop-example\"></amp-ad>",
        "<amp-ad width=\"320\" height=\"50\" type=\"adthrive\" data-site-id=\"5f3a2b1c0d9e8f7a6b5c4d3e\""
            + " data-ad-unit=\"AdThrive_Content_1\"><div fallback></div></amp-ad>",
        "<amp-ad width=\"300\" height=\"250\" type=\"ezoic\" data-slot=\"incontent_1\""
            + " data-json='{\"targeting\":{\"compid\":0}}'></amp-ad>",
    })
    void publisherAdNetworksAmpAdsGo(String ad) {
        assertRemovedAndKeptWhenAllowed(ad);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the Snap Pixel's second collection host, as a resource hint and as a conversion image
        "<link rel=\"preconnect\" href=\"https://tr6.snapchat.com\">",
        "<img src=\"https://tr6.snapchat.com/p?pid=0a1b2c3d-4e5f-6789-abcd-ef0123456789&amp;ev=PURCHASE\" width=\"1\""
            + " height=\"1\" alt=\"\">",
    })
    void snapPixelSecondHostGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // LiveRamp: the ATS identity script, a user-sync image and a hint
        "<script>\n  var ats = document.createElement('script');\n  ats.async = true;\n"
            + "  ats.src = 'https://ats.rlcdn.com/ats.js';\n  document.head.appendChild(ats);\n</script>",
        "<img src=\"https://idsync.rlcdn.com/365868.gif?partner_uid=4298560278089298\" width=\"1\" height=\"1\""
            + " alt=\"\">",
        "<link href=\"https://idsync.rlcdn.com\" rel=\"dns-prefetch\">",
    })
    void liveRampIdentityScriptsGo(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // LiveRamp's consent manager, and the launchpad that loads it (and ATS) per region: the banner must stay
        "<script src=\"https://gdpr-wrapper.privacymanager.io/gdpr/0a1b2c3d-aaaa-bbbb-cccc-ddddeeeeffff/"
            + "gdpr-liveramp.js\"></script>",
        "<script async src=\"https://launchpad-wrapper.privacymanager.io/0a1b2c3d-aaaa-bbbb-cccc-ddddeeeeffff/"
            + "launchpad-liveramp.js\"></script>",
        "<script src=\"https://launchpad.privacymanager.io/latest/launchpad.bundle.js\"></script>",
    })
    void liveRampsConsentManagerStays(String cmp) {
        String page = BEFORE + cmp + AFTER;
        assertEquals(page, rewrite(REMOVE, page, NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Media.net's contextual ad script: its settings and loader in one script, and the script alone
        "<script type=\"text/javascript\">\n  window._mNHandle = window._mNHandle || {};\n"
            + "  window._mNHandle.queue = window._mNHandle.queue || [];\n  medianet_versionId = \"3121199\";\n"
            + "  (function() {\n    var sct = document.createElement(\"script\"),\n"
            + "      first = document.getElementsByTagName(\"script\")[0];\n"
            + "    sct.src = \"https://contextual.media.net/dmedianet.js?cid=8CU1ABCDE&https=1\";\n"
            + "    sct.async = \"async\";\n    first.parentNode.insertBefore(sct, first);\n  })();\n</script>",
        "<script async src=\"//contextual.media.net/dmedianet.js?cid=8CU1ABCDE\" data-nscript=\"lazyOnload\"></script>",
    })
    void mediaNetAdScriptGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Partnerize's conversion image, in the path-parameter form its integrations print, and its tag's CDN
        "<img src=\"https://prf.hn/conversion/campaign:1011l123/conversionref:A-100/currency:EUR/voucher:/"
            + "[category:shoes/sku:S-1/value:49.90/quantity:1]\" width=\"1\" height=\"1\" />",
        "<script>\n  var phConv = new Image();\n  phConv.src = '//prf.hn/conversion/campaign:' + phCampaign"
            + " + '/conversionref:' + orderRef;\n</script>",
        "<link rel=\"dns-prefetch\" href=\"//cdn.performancehorizon.com\">",
    })
    void partnerizeConversionGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a Partnerize affiliate link is a link: it stays
        "<a href=\"https://prf.hn/click/camref:1011l123/pubref:post-42\" rel=\"sponsored\">Shoes</a>",
    })
    void partnerizeAffiliateLinksStay(String link) {
        String page = BEFORE + link + AFTER;
        assertEquals(page, rewrite(REMOVE, page, NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Rewardful, the referral tracker of subscription sites, as pasted and as a layout inserts it
        "<script async src='https://r.wdfl.co/rw.js' data-rewardful='5a1b2c'></script>",
        "<script>\n  (function() {\n    var el = document.createElement('script');\n"
            + "    el.setAttribute('src', 'https://r.wdfl.co/rw.js');\n"
            + "    el.setAttribute('data-rewardful', '5a1b2c');\n    document.body.appendChild(el);\n"
            + "  })();\n</script>",
    })
    void rewardfulGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // FirstPromoter's referral tracker, pasted after its queue stub and as a Next.js <Script> renders it
        "<script src=\"https://cdn.firstpromoter.com/fpr.js\" async></script>",
        "<script src=\"https://cdn.firstpromoter.com/fpr.js\" data-nscript=\"afterInteractive\"></script>",
        "<link rel=\"preconnect\" href=\"https://t.firstpromoter.com\">",
    })
    void firstPromoterGoes(String pixel) {
        assertRemovedAndKeptWhenAllowed(pixel);
    }
}
