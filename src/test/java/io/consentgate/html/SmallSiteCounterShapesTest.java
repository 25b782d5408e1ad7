package io.consentgate.html;

import static io.consentgate.html.PageFrame.assertRewritten;
import static io.consentgate.html.PageFrame.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Small and hobby sites, forums and blogs on site builders, as they are written: visitor counters and map widgets
 * (Histats, whos.amung.us, ClustrMaps, Flag Counter, W3Counter, Openstat, hit.ua, bigmir)net, StatCounter,
 * LiveInternet) pasted as {@code <a><img></a>} badges, {@code document.write} counters and {@code <noscript>} images,
 * in forum footers and in site builders' custom-code slots beside GA4, the Meta pixel and Yandex Metrica. With the
 * categories refused the counters go and the platform's own scripts, the widgets' links and the site's content stay;
 * with everything allowed the page is untouched.
 */
class SmallSiteCounterShapesTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ANALYTICS_ONLY = decision(Category.FUNCTIONAL, Category.ANALYTICS);
    private static final ConsentDecision MARKETING_ONLY = decision(Category.FUNCTIONAL, Category.MARKETING);
    private static final ConsentDecision ALL = decision(Category.FUNCTIONAL, Category.ANALYTICS, Category.MARKETING);

    private static ConsentDecision decision(Category... allowed) {
        return ConsentDecision.of(Set.of(allowed), Map.of(), ConsentMode.OPT_IN);
    }

    private static final String BLOGGER_PAGE = """
        <!DOCTYPE html>
        <html class='v2' dir='ltr' lang='en-GB'>
        <head><meta content='blogger' name='generator'/><title>Allotment Diaries</title>
        <link href='https://www.blogger.com/static/v1/widgets/2944754296-widget_css_bundle.css' rel='stylesheet'/>
        </head>
        <body class='loading'>
        <div class='main-inner'><div class='post hentry' itemprop='blogPost'>
        <h3 class='post-title entry-title'>Broad beans, second sowing</h3>
        <div class='post-body entry-content'>Sown in root trainers. Counter on the right thanks to \
        <a href='https://www.histats.com/'>Histats</a> and <a href='https://statcounter.com/'>StatCounter</a>.</div>
        </div></div>
        <div class='widget HTML' data-version='1' id='HTML3'>
        <h2 class='title'>Visitors</h2>
        <div class='widget-content'>
        <!-- Histats.com  (div with counter) --><div id="histats_counter"></div>
        <script type="text/javascript">
          var _Hasync = _Hasync || [];
          _Hasync.push(['Histats.start', '1,4412345,4,511,95,18,00011111']);
          _Hasync.push(['Histats.fasi', '1']);
          _Hasync.push(['Histats.track_hits', '']);
          (function (d) {
            var hsLoader = d.createElement('script');
            hsLoader.async = true;
            hsLoader.src = '//s10.histats.com/js15_as.js';
            (d.head || d.body).appendChild(hsLoader);
          })(document);
        </script>
        <noscript><a href="/" target="_blank"><img src="//sstatic1.histats.com/0.gif?4412345&amp;101" \
        alt="free counter" border="0"></a></noscript>
        </div>
        <div class='clear'></div>
        </div>
        <div class='widget HTML' data-version='1' id='HTML5'>
        <div class='widget-content'>
        <script type="text/javascript">
        var sc_project = 12987654;
        var sc_invisible = 1;
        var sc_security = "ab12cd34";
        </script>
        <script type="text/javascript" src="https://www.statcounter.com/counter/counter.js" async></script>
        <noscript><div class="statcounter"><a title="Web Analytics" href="https://statcounter.com/" \
        target="_blank"><img class="statcounter" src="https://c.statcounter.com/12987654/0/ab12cd34/1/" \
        alt="Web Analytics" referrerPolicy="no-referrer-when-downgrade"></a></div></noscript>
        </div>
        </div>
        <script type="text/javascript" src="https://www.blogger.com/static/v1/widgets/3813536458-widgets.js">\
        </script>
        <script type='text/javascript'>
        window['__wavt'] = 'AOuZoY5exampletoken:1764780000000';_WidgetManager._Init(\
        '//www.blogger.com/rearrange?blogID\\x3d7012345678901234567', '//allotmentdiaries.blogspot.com/', \
        '7012345678901234567');
        _WidgetManager._RegisterWidget('_HTMLView', new _WidgetInfo('HTML3', 'sidebar-right-1', \
        document.getElementById('HTML3'), {}, 'displayModeFull'));
        </script>
        </body></html>
        """;

    @Test
    void bloggerHtmlWidgetsLoseTheirCountersAndBloggerKeepsItsWidgets() {
        assertRewritten(BLOGGER_PAGE, NONE,
            List.of("histats.com/js15", "sstatic1.histats.com", "statcounter.com/counter", "c.statcounter.com"),
            List.of("<h2 class='title'>Visitors</h2>", "<div id=\"histats_counter\"></div>",
                "<a href='https://www.histats.com/'>Histats</a>", "<a href=\"/\" target=\"_blank\"></a>",
                "<a title=\"Web Analytics\" href=\"https://statcounter.com/\"",
                "/static/v1/widgets/3813536458-widgets.js", "_WidgetManager._Init(",
                "widget_css_bundle.css", "Broad beans, second sowing", "var sc_project = 12987654;"));
    }

    @Test
    void histatsDocumentWriteCounterGoesAndItsGuardedStartStays() {
        // the older snippet: the library written with document.write, then started from a second script in a
        // try block, which calls into nothing once the library is gone
        String page = "<div id=\"footer\"><p>&copy; 2009 Model Railway Club</p>\n"
            + "<script type=\"text/javascript\">document.write(unescape(\"%3Cscript src=%27"
            + "http://s10.histats.com/js15.js%27 type=%27text/javascript%27%3E%3C/script%3E\"));</script>\n"
            + "<script type=\"text/javascript\">\ntry { Histats.start(1, 712345, 4, 0, 0, 0, \"00010000\");\n"
            + "  Histats.track_hits(); } catch (e) {}\n</script></div>";
        assertRewritten(page, NONE, List.of("histats.com"),
            List.of("Model Railway Club", "Histats.track_hits(); } catch (e) {}"));
    }

    private static final String PHPBB_FOOTER = """
        <div class="page-footer" id="page-footer" role="contentinfo">
        <div class="copyright">Powered by <a href="https://www.phpbb.com/">phpBB</a>&reg; Forum Software \
        &copy; phpBB Limited</div>
        <div class="counters">
        <!--LiveInternet counter--><a href="https://www.liveinternet.ru/click" target="_blank"><img \
        id="licnt9F3A" width="88" height="31" style="border:0" title="LiveInternet" \
        src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" alt=""/></a>\
        <script>(function(img,doc){img.src="https://counter.yadro.ru/hit?t45.1;r"+escape(doc.referrer)+\
        ";u"+escape(doc.URL)+";h"+escape(doc.title.substring(0,150))+";"+Math.random()})\
        (document.getElementById("licnt9F3A"),document)</script><!--/LiveInternet-->
        <!-- Yandex.Metrika counter -->
        <script type="text/javascript">
           (function (win, doc, src, fn) {
             win[fn] = win[fn] || function () { (win[fn].a = win[fn].a || []).push(arguments); };
             win[fn].l = Date.now();
             var tag = doc.createElement("script"); tag.async = true; tag.src = src;
             doc.head.appendChild(tag);
           })(window, document, "https://mc.yandex.ru/metrika/tag.js", "ym");
           ym(87654321, "init", { clickmap:true, trackLinks:true, accurateTrackBounce:true });
        </script>
        <noscript><div><img src="https://mc.yandex.ru/watch/87654321" style="position:absolute; left:-9999px;" \
        alt="" /></div></noscript>
        <!-- /Yandex.Metrika counter -->
        </div>
        </div>
        <script src="./assets/javascript/jquery-3.7.1.min.js?assets_version=42"></script>
        <script src="./assets/javascript/core.js?assets_version=42"></script>
        <script src="./styles/prosilver/template/forum_fn.js?assets_version=42"></script>
        <script src="./styles/prosilver/template/ajax.js?assets_version=42"></script>
        """;

    @Test
    void phpbbFooterLosesLiveInternetAndMetricaAndKeepsItsOwnScripts() {
        assertRewritten(PHPBB_FOOTER, NONE, List.of("counter.yadro.ru", "mc.yandex.ru", "ym(87654321"),
            List.of("<a href=\"https://www.liveinternet.ru/click\" target=\"_blank\"><img id=\"licnt9F3A\"",
                "Powered by <a href=\"https://www.phpbb.com/\">phpBB</a>", "core.js?assets_version=42",
                "forum_fn.js?assets_version=42", "ajax.js?assets_version=42", "<!-- /Yandex.Metrika counter -->"));
        assertEquals(PHPBB_FOOTER, rewrite(PHPBB_FOOTER, ANALYTICS_ONLY));
    }

    private static final String VBULLETIN_FOOTER = """
        <div id="footer" class="floatcontainer footer">
        <form action="forum.php" method="get" id="footer_select" class="footer_select">
        <select name="styleid" onchange="switch_id(this, 'style')"><option value="2">Default Style</option></select>
        </form>
        <p id="footer_copyright" class="shade">Powered by vBulletin&reg; Version 4.2.5</p>
        <!-- hit.ua -->
        <a href='https://hit.ua/?x=123456' target='_blank'>
        <script language="javascript" type="text/javascript"><!--
        Cd=document;Cr="&"+Math.random();Cp="&s=1";
        Cd.cookie="b=b";if(Cd.cookie)Cp+="&c=1";
        Cp+="&t="+(new Date()).getTimezoneOffset();
        if(self!=top)Cp+="&f=1";
        //--></script>
        <script language="javascript1.1" type="text/javascript"><!--
        if(navigator.javaEnabled())Cp+="&j=1";
        //--></script>
        <script language="javascript" type="text/javascript"><!--
        Cd.write("<img src='//c.hit.ua/hit?i=123456&g=0&x=2"+Cp+Cr+
        "&r="+escape(Cd.referrer)+"&u="+escape(window.location.href)+
        "' border='0' wi"+"dth='1' he"+"ight='1'/>");
        //--></script></a>
        <noscript><img src='//c.hit.ua/hit?i=123456&amp;g=0&amp;x=2' border='0'/></noscript>
        <!-- / hit.ua -->
        <!--bigmir)net TOP 100-->
        <script type="text/javascript" language="javascript"><!--
        function BM_Draw(oBM_STAT){document.write('<a href="http://www.bigmir.net/" target="_blank"><img \
        src="//i.bigmir.net/cnt/samples/diagonal/b59_top.gif" width="88" height="31" border="0" alt="bigmir)net \
        TOP 100"/></a>');}
        //--></script>
        <script type="text/javascript" language="javascript"><!--
        bmN=navigator,bmD=document,bmD.cookie='b=b',i=0,bs=[],bm={v:7654321,s:7654321,t:3,c:bmD.cookie?1:0,
        n:Math.round((Math.random()*1000000)),w:0};
        for(var f=self;f!=f.parent;f=f.parent)bm.w++;
        try{if(bmN.plugins&&bmN.mimeTypes.length&&(x=bmN.plugins['Shockwave Flash']))bm.m=parseInt(x.description.\
        replace(/([a-zA-Z]|s)+/,''));else for(var f=3;f<20;f++)if(eval('new ActiveXObject("ShockwaveFlash.\
        ShockwaveFlash.'+f+'")'))bm.m=f}catch(e){;}
        for(var x in bm)bs[i++]=x+bm[x];
        bmD.write('<sc'+'ript type="text/javascript" language="javascript" src="//c.bigmir.net/?'+bs.join('&')+\
        '"></sc'+'ript>');
        //--></script>
        <noscript><a href="http://www.bigmir.net/" target="_blank"><img src="//c.bigmir.net/?v7654321&amp;\
        s7654321&amp;t2" width="88" height="31" alt="bigmir)net TOP 100" title="bigmir)net TOP 100" border="0" />\
        </a></noscript>
        <!--bigmir)net TOP 100-->
        </div>
        <script type="text/javascript" src="clientscript/vbulletin_global.js?v=425"></script>
        <script type="text/javascript">vBulletin_init();</script>
        """;

    @Test
    void vbulletinFooterLosesHitUaAndBigmirAndKeepsItsFormAndScripts() {
        assertRewritten(VBULLETIN_FOOTER, NONE, List.of("c.hit.ua", "c.bigmir.net"),
            List.of("<a href='https://hit.ua/?x=123456' target='_blank'>", "id=\"footer_select\"",
                "onchange=\"switch_id(this, 'style')\"", "Powered by vBulletin", "function BM_Draw(oBM_STAT)",
                "<a href=\"http://www.bigmir.net/\" target=\"_blank\"></a>", "vbulletin_global.js?v=425",
                "vBulletin_init();"));
    }

    private static final String XENFORO_PAGE = """
        <html id="XF" lang="en-US" dir="LTR" data-xf="2.3" data-app="public" data-template="forum_list">
        <head><title>Aquarium Keepers</title>
        <script src="/js/xf/preamble.min.js?_v=4f2a1b3c"></script>
        <script class="js-xfConfig" type="application/json">{"url":{"fullBase":"https://aquakeepers.example/"}}\
        </script>
        <script async src="https://www.googletagmanager.com/gtag/js?id=G-AQUA1234KP"></script>
        <script>
          window.dataLayer = window.dataLayer || [];
          function gtag(){dataLayer.push(arguments);}
          gtag('js', new Date());
          gtag('config', 'G-AQUA1234KP', {'cookie_domain': 'aquakeepers.example'});
        </script>
        </head><body>
        <div class="p-footer-copyright">Community platform by XenForo&reg; &copy; 2010-2026 XenForo Ltd.</div>
        <div class="p-footer-counters">
        <script src="https://www.w3counter.com/tracker.js?id=154321"></script>
        <!--Openstat-->
        <span id="openstat2345678"></span>
        <script type="text/javascript">
        var openstat = { counter: 2345678, image: 5081, color: "c3c3c3", next: openstat };
        (function (doc, tag, proto) {
          var os = doc.createElement(tag); os.async = true;
          os.src = ("https:" == proto ? "https:" : "http:") + "//openstat.net/cnt.js";
          var first = doc.getElementsByTagName(tag)[0]; first.parentNode.insertBefore(os, first);
        })(document, "script", document.location.protocol);
        </script>
        <!--/Openstat-->
        </div>
        <script src="/js/xf/core-compiled.js?_v=4f2a1b3c"></script>
        <script>XF.ready(() => { XF.extendObject(true, XF.config, {cookie: {path: "/"}}); });</script>
        </body></html>
        """;

    @Test
    void xenforoPageLosesGa4W3CounterAndOpenstatAndKeepsXenforo() {
        assertRewritten(XENFORO_PAGE, NONE,
            List.of("googletagmanager.com", "G-AQUA1234KP", "w3counter.com", "openstat.net", "var openstat ="),
            List.of("preamble.min.js?_v=4f2a1b3c", "class=\"js-xfConfig\"", "core-compiled.js?_v=4f2a1b3c",
                "XF.ready(", "<span id=\"openstat2345678\"></span>", "Community platform by XenForo"));
    }

    private static final String DISCOURSE_PAGE = """
        <html lang="en" class="desktop-view not-mobile-device">
        <head><title>Lockpicking Guild</title>
        <meta name="discourse_theme_id" content="2">
        <link href="/stylesheets/desktop_theme_4_1a2b3c.css?__ws=guild.example" media="all" rel="stylesheet">
        <script defer src="/assets/discourse-6e1f.js"></script>
        </head><body>
        <section id="main"><div class="topic-body">Who is online right now? See the widget in the sidebar.</div>
        </section>
        <div class="custom-footer">
        <script id="_wauq7x">var _wau = _wau || []; _wau.push(["small", "g8lockguild", "q7x"]);</script>
        <script async src="//waust.at/s.js"></script>
        <script type="text/javascript">var _wau = _wau || []; _wau.push(["classic", "g8oldguild", "k2m"]);
        (function () { var w = document.createElement("script"); w.async = true;
          w.src = "http://widgets.amung.us/classic.js";
          document.getElementsByTagName("head")[0].appendChild(w); })();</script>
        <a href="https://whos.amung.us/stats/g8lockguild/"><img src="https://whos.amung.us/widget/g8lockguild.png" \
        width="81" height="29" alt="online"></a>
        </div>
        <script defer src="/theme-javascripts/a1b2c3d4e5.js?__ws=guild.example" data-theme-id="4"></script>
        </body></html>
        """;

    @Test
    void discourseThemeFooterLosesWhosAmungUsAndKeepsTheThemeScripts() {
        assertRewritten(DISCOURSE_PAGE, NONE, List.of("waust.at", "widgets.amung.us", "amung.us/widget"),
            List.of("/assets/discourse-6e1f.js", "/theme-javascripts/a1b2c3d4e5.js", "<script id=\"_wauq7x\">",
                "<a href=\"https://whos.amung.us/stats/g8lockguild/\"></a>", "desktop_theme_4_1a2b3c.css",
                "Who is online right now?"));
    }

    private static final String INVISION_PAGE = """
        <html lang="en-US" dir="ltr"><head><title>Retro Consoles Forum</title>
        <script src="https://retroconsoles.example/uploads/javascript_global/root_library.js?v=9a8b7c"></script>
        <script src="https://retroconsoles.example/uploads/javascript_global/root_framework.js?v=9a8b7c"></script>
        <script type="application/ld+json">{"@context": "http://schema.org", "@type": "WebSite",
          "name": "Retro Consoles Forum", "sameAs": ["https://clustrmaps.com/site/1abc2",
          "https://info.flagcounter.com/RtCn"]}</script>
        </head><body>
        <div id="ipsLayout_footer"><p>Powered by Invision Community</p>
        <div class="ipsWidget">
        <h3 class="ipsWidget_title">Where our members are</h3>
        <script type='text/javascript' id='clstr_globe' src='//clustrmaps.com/globe.js?d=Zx9Retro_Globe-AbCdEf01'>\
        </script>
        <a href="https://clustrmaps.com/site/1abc2" title="Visit tracker"><img \
        src="//www.clustrmaps.com/map_v2.png?d=Zx9Retro_Globe-AbCdEf01&cl=ffffff" alt="ClustrMaps"></a>
        <script type="text/javascript" id="clustrmaps" \
        src="//cdn.clustrmaps.com/map_v2.js?cl=ffffff&w=300&t=tt&d=Zx9Retro_Globe-AbCdEf01"></script>
        <a href="https://info.flagcounter.com/RtCn"><img \
        src="https://s05.flagcounter.com/count2/RtCn/bg_FFFFFF/txt_000000/border_CCCCCC/columns_2/maxflags_10/\
        viewers_0/labels_0/pageviews_1/flags_0/percent_0/" alt="Flag Counter" border="0"></a>
        <a href="https://flagcounter.com/detail/RtCn"><img \
        src="https://s11.flagcounter.com/mini/RtCn/bg_FFFFFF/txt_000000/border_CCCCCC/flags_0/" alt="flags"></a>
        </div></div>
        <script>ips.setSetting('baseURL', "https://retroconsoles.example/");</script>
        </body></html>
        """;

    @Test
    void invisionWidgetLosesClustrMapsAndFlagCounterAndKeepsLinksAndJsonLd() {
        assertRewritten(INVISION_PAGE, NONE,
            List.of("clustrmaps.com/globe.js", "map_v2.png", "map_v2.js", "flagcounter.com/count2",
                "flagcounter.com/mini"),
            List.of("root_library.js?v=9a8b7c", "root_framework.js?v=9a8b7c",
                "\"sameAs\": [\"https://clustrmaps.com/site/1abc2\"",
                "<a href=\"https://clustrmaps.com/site/1abc2\" title=\"Visit tracker\"></a>",
                "<a href=\"https://info.flagcounter.com/RtCn\"></a>",
                "<a href=\"https://flagcounter.com/detail/RtCn\"></a>", "Where our members are",
                "ips.setSetting('baseURL'"));
    }

    private static final String WIX_PAGE = """
        <!DOCTYPE html><html lang="en"><head>
        <meta name="generator" content="Wix.com Website Builder"/>
        <script>window.viewerModel = {"site": {"metaSiteId": "0f1e2d3c-aaaa-4bbb-8ccc-123456789abc"}};</script>
        <script id="wix-viewer-model" type="application/json">{"siteFeatures":["wixCustomHtml"]}</script>
        <script src="https://static.parastorage.com/unpkg/requirejs-bolt@2.3.6/requirejs.min.js"></script>
        <script defer src="https://static.parastorage.com/services/wix-thunderbolt/dist/main.2b3c4d.bundle.min.js">\
        </script>
        <!-- Custom code: head, all pages -->
        <script async src="https://www.googletagmanager.com/gtag/js?id=G-POTTERY9X1"></script>
        <script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}\
        gtag("js",new Date);gtag("config","G-POTTERY9X1");</script>
        <!-- Meta Pixel, pasted as custom code -->
        <script>
        !function (win, doc, tag, url, fn, el, first) { if (win.fbq) return; fn = win.fbq = function () {
          fn.callMethod ? fn.callMethod.apply(fn, arguments) : fn.queue.push(arguments); };
          if (!win._fbq) win._fbq = fn; fn.push = fn; fn.loaded = true; fn.version = '2.0'; fn.queue = [];
          el = doc.createElement(tag); el.async = true; el.src = url;
          first = doc.getElementsByTagName(tag)[0]; first.parentNode.insertBefore(el, first);
        }(window, document, 'script', 'https://connect.facebook.net/en_US/fbevents.js');
        fbq('init', '402938475612345');
        fbq('track', 'PageView');
        </script>
        <noscript><img height="1" width="1" style="display:none" \
        src="https://www.facebook.com/tr?id=402938475612345&ev=PageView&noscript=1"/></noscript>
        </head><body>
        <div id="SITE_CONTAINER"><main id="PAGES_CONTAINER"><h1>Hand-thrown stoneware</h1>
        <form id="comp-contact" class="wixui-form"><input name="email" type="email"><button>Send</button></form>
        </main></div>
        </body></html>
        """;

    @Test
    void wixCustomCodeLosesGa4AndMetaPixelAndWixKeepsRendering() {
        List<String> wix = List.of("requirejs-bolt@2.3.6/requirejs.min.js", "wix-thunderbolt/dist/main",
            "id=\"wix-viewer-model\"", "window.viewerModel", "<form id=\"comp-contact\"", "Hand-thrown stoneware");
        assertRewritten(WIX_PAGE, NONE,
            List.of("googletagmanager.com", "G-POTTERY9X1", "fbevents.js", "fbq(", "facebook.com/tr"), wix);
        assertRewritten(WIX_PAGE, MARKETING_ONLY, List.of("googletagmanager.com", "G-POTTERY9X1"),
            List.of("fbevents.js", "facebook.com/tr", "wix-thunderbolt/dist/main"));
        assertRewritten(WIX_PAGE, ANALYTICS_ONLY, List.of("fbevents.js", "facebook.com/tr"),
            List.of("googletagmanager.com/gtag/js?id=G-POTTERY9X1", "wix-thunderbolt/dist/main"));
    }

    private static final String SQUARESPACE_PAGE = """
        <!doctype html><html xmlns:og="http://opengraphprotocol.org/schema/" lang="en-GB"><head>
        <!-- This is Squarespace. --><!-- riverside-yoga -->
        <script>Static = window.Static || {}; Static.SQUARESPACE_CONTEXT = {"websiteId": "5f0e1d2c3b4a596877665544"};\
        </script>
        <script crossorigin="anonymous" \
        src="//assets.squarespace.com/universal/scripts-compressed/extract-css-runtime-3f4e5d6c7b8a9f0e-min.en-US.js">\
        </script>
        <script src="https://static1.squarespace.com/static/vta/5c5a519771c10ba3470d8101/scripts/site-bundle.js">\
        </script>
        <!-- Code injection: header -->
        <script type="text/javascript" >
           (function(w, d, src, name) { w[name] = w[name] || function () { (w[name].a = w[name].a || []).push(\
        arguments); }; w[name].l = 1 * new Date();
             var s = d.createElement('script'); s.async = 1; s.src = src; d.head.appendChild(s);
           })(window, document, 'https://mc.yandex.ru/metrika/tag.js', 'ym');
           ym(99887766, 'init', {webvisor: true, clickmap: true});
        </script>
        </head><body id="collection-5f0e1d2c3b4a596877665545">
        <section class="page-section"><h1>Classes by the river</h1>
        <div class="sqs-block code-block"><div class="sqs-block-content">
        <a href="https://info.flagcounter.com/YgRv"><img src="https://s01.flagcounter.com/count/YgRv/bg_FFFFFF/\
        txt_000000/border_CCCCCC/columns_3/maxflags_12/viewers_0/labels_0/" alt="Flag Counter" border="0"></a>
        </div></div>
        <form class="newsletter-form" data-form-id="5f0e1d2c"><input name="email"></form>
        </section>
        </body></html>
        """;

    @Test
    void squarespaceCodeInjectionLosesMetricaAndFlagCounterAndKeepsItsScripts() {
        assertRewritten(SQUARESPACE_PAGE, NONE, List.of("mc.yandex.ru", "ym(99887766", "flagcounter.com/count/"),
            List.of("Static.SQUARESPACE_CONTEXT", "extract-css-runtime-3f4e5d6c7b8a9f0e-min.en-US.js",
                "scripts/site-bundle.js", "<a href=\"https://info.flagcounter.com/YgRv\"></a>",
                "class=\"newsletter-form\"", "Classes by the river"));
    }

    private static final String TILDA_PAGE = """
        <!DOCTYPE html><html><head><meta charset="utf-8" />
        <title>Керамическая мастерская</title>
        <link rel="stylesheet" href="https://static.tildacdn.com/css/tilda-grid-3.0.min.css" type="text/css" />
        <script src="https://static.tildacdn.com/js/jquery-1.10.2.min.js"></script>
        <script src="https://static.tildacdn.com/js/tilda-scripts-3.0.min.js"></script>
        <script src="https://static.tildacdn.com/js/tilda-forms-1.0.min.js" charset="utf-8" async></script>
        </head><body class="t-body">
        <div id="allrecords" class="t-records" data-tilda-project-id="4567890" data-tilda-page-id="23456789">
        <div id="rec512345678" class="r t-rec" data-record-type="131"><!-- T123 -->
        <div class="t123"><div class="t-container_100"><div class="t-width t-width_100">
        <!-- Yandex.Metrika counter -->
        <script type="text/javascript">
        window.ym = window.ym || function () { (window.ym.a = window.ym.a || []).push(arguments); };
        window.ym.l = +new Date();
        ym(55443322, "init", { clickmap: true, trackLinks: true, webvisor: true });
        </script>
        <script async src="https://mc.yandex.ru/metrika/tag.js"></script>
        <noscript><div><img src="https://mc.yandex.ru/watch/55443322" style="position:absolute;left:-9999px" \
        alt=""></div></noscript>
        <!--LiveInternet logo--><a href="https://www.liveinternet.ru/click" target="_blank"><img \
        src="https://counter.yadro.ru/logo?45.1" title="LiveInternet" alt="" style="border:0" width="31" \
        height="31"/></a><!--/LiveInternet-->
        </div></div></div></div>
        <div id="rec512345679" class="r t-rec" data-record-type="210">
        <form id="form512345679" name="form512345679" role="form" action="" method="POST" \
        data-formactiontype="2" class="js-form-proccess t-form"><input type="text" name="Name"></form>
        </div></div>
        <script type="text/javascript">t_onReady(function () { t_onFuncLoad('t_forms__init', function () {}); });\
        </script>
        </body></html>
        """;

    @Test
    void tildaCustomHtmlBlockLosesMetricaAndLiveInternetAndTildaKeepsItsForms() {
        assertRewritten(TILDA_PAGE, NONE, List.of("mc.yandex.ru", "ym(55443322", "counter.yadro.ru"),
            List.of("tilda-scripts-3.0.min.js", "tilda-forms-1.0.min.js", "jquery-1.10.2.min.js",
                "<form id=\"form512345679\"", "t_onReady(", "<a href=\"https://www.liveinternet.ru/click\"",
                "data-record-type=\"131\""));
    }

    private static final String WEBFLOW_PAGE = """
        <!DOCTYPE html><html data-wf-page="66a0b1c2d3e4f5a6b7c8d9e0" data-wf-site="66a0b1c2d3e4f5a6b7c8d9e1">
        <head><title>Bike Repair Collective</title>
        <link href="https://cdn.prod.website-files.com/66a0b1c2d3e4f5a6b7c8d9e1/css/bikerepair.webflow.css" \
        rel="stylesheet" type="text/css">
        <script async src="https://www.googletagmanager.com/gtag/js?id=G-BIKES0REP1"></script>
        <script type="text/javascript">window.dataLayer = window.dataLayer || [];function gtag(){dataLayer.push(\
        arguments);}gtag('set', 'developer_id.dZGVlNj', true);gtag('js', new Date());gtag('config', 'G-BIKES0REP1');\
        </script>
        </head><body>
        <div class="w-form"><form id="wf-form-Booking" name="wf-form-Booking" data-name="Booking" method="get">\
        <input class="w-input" name="bike"></form></div>
        <div class="footer-embed w-embed w-script">
        <script type="text/javascript">
          window.w3counter = window.w3counter || function () { (w3counter.q = w3counter.q || []).push(arguments); };
          var w3s = document.createElement('script'); w3s.async = true;
          w3s.src = 'https://www.w3counter.com/tracker.js?id=151234';
          document.head.appendChild(w3s);
        </script>
        <a href="https://www.w3counter.com"><img src="https://www.w3counter.com/tracker.php?id=151234" \
        alt="W3Counter"></a>
        </div>
        <script \
        src="https://d3e54v103j8qbb.cloudfront.net/js/jquery-3.5.1.min.dc5e7f18c8.js?site=66a0b1c2d3e4f5a6b7c8d9e1" \
        type="text/javascript" crossorigin="anonymous"></script>
        <script src="https://cdn.prod.website-files.com/66a0b1c2d3e4f5a6b7c8d9e1/js/webflow.4a5b6c7d.js" \
        type="text/javascript"></script>
        </body></html>
        """;

    @Test
    void webflowEmbedLosesGa4AndW3CounterAndWebflowKeepsItsScripts() {
        assertRewritten(WEBFLOW_PAGE, NONE, List.of("googletagmanager.com", "G-BIKES0REP1", "w3counter.com/tracker"),
            List.of("bikerepair.webflow.css", "/js/webflow.4a5b6c7d.js", "jquery-3.5.1.min.dc5e7f18c8.js",
                "id=\"wf-form-Booking\"", "<a href=\"https://www.w3counter.com\"></a>", "w-embed w-script"));
    }

    private static final String WEEBLY_JIMDO_PAGE = """
        <html><head><title>Hill Farm Holiday Cottages</title>
        <script src="//cdn2.editmysite.com/js/jquery-1.8.3.min.js"></script>
        <script type="text/javascript" src="//cdn2.editmysite.com/js/site/main.js?buildTime=1764000000"></script>
        <script>_W = _W || {}; _W.configDomain = "www.weebly.com"; _W.siteId = "812345678901234567";</script>
        <script src="https://assets.jimstatic.com/web.js.9f8e7d6c5b4a.js"></script>
        </head><body>
        <div class="paragraph">Book direct: <a href="/contact.html">contact us</a>.</div>
        <div class="wcustomhtml"><!-- Default Statcounter code -->
        <script type="text/javascript">
          var sc_project = 11223344, sc_invisible = 0, sc_security = "9f8e7d6c";
          var scJsHost = "https://";
          document.write("<sc" + "ript type='text/javascript' src='" + scJsHost
            + "statcounter.com/counter/counter.js'></" + "script>");
        </script>
        <noscript><div class="statcounter"><a title="hit counter" href="https://statcounter.com/" \
        target="_blank"><img class="statcounter" src="https://c.statcounter.com/11223344/0/9f8e7d6c/0/" \
        alt="hit counter"></a></div></noscript>
        <!--Openstat--><span id="openstat1"></span>
        <script type="text/javascript" src="https://p.openstat.net/cnt.js" async></script>
        <a href="https://hit.ua/?x=44556"><img src="//c.hit.ua/hit?i=44556&amp;g=0&amp;x=2" border="0" \
        width="88" height="31"></a>
        </div>
        <script type="text/javascript">Weebly.footer.setupContainer('mycontainer');</script>
        </body></html>
        """;

    @Test
    void weeblyAndJimdoCustomHtmlLosesTheCountersAndKeepsThePlatform() {
        assertRewritten(WEEBLY_JIMDO_PAGE, NONE,
            List.of("statcounter.com/counter", "c.statcounter.com", "openstat.net", "c.hit.ua", "sc_project"),
            List.of("editmysite.com/js/site/main.js", "_W.configDomain", "assets.jimstatic.com/web.js",
                "<a href=\"/contact.html\">contact us</a>", "<span id=\"openstat1\"></span>",
                "<a href=\"https://hit.ua/?x=44556\"></a>", "Weebly.footer.setupContainer("));
    }

    private static final String LOOK_ALIKES = """
        <html><head><title>Flag Counter Club &amp; Histats Fans</title>
        <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization",
          "name": "Counter Collectors", "sameAs": ["https://www.histats.com/viewstats/?sid=4412345",
          "https://whos.amung.us/stats/g8lockguild/", "https://www.bigmir.net/", "https://hit.ua/?x=44556",
          "https://www.w3counter.com/stats/151234"]}</script>
        <script src="/js/map_v2.js"></script>
        <script src="/static/counters/tracker.js?id=151234"></script>
        <script src="/assets/js15_as.js"></script>
        <script src="https://cdn.counter-club.example/flagcounter.com/widget.js"></script>
        <link rel="stylesheet" href="/css/openstat-theme.css">
        </head><body>
        <nav><a href="https://clustrmaps.com/">ClustrMaps</a> | <a href="https://flagcounter.com/">Flag Counter</a>\
         | <a href="https://www.w3counter.com/">W3Counter</a> | <a href="https://openstat.net/">Openstat</a></nav>
        <article><p>How to install: paste <code>&lt;script src="//waust.at/s.js"&gt;</code> into your footer.</p>
        <pre>&lt;img src="https://s01.flagcounter.com/count2/XXXX/"&gt;</pre></article>
        <img class="flag-counter" src="/images/flags/uk.png" alt="UK">
        <div id="histats_counter" class="visit-map">Map</div>
        <script>
          var siteCounters = {histats: 'https://www.histats.com/', flags: 'https://flagcounter.com/'};
          document.querySelectorAll('.visit-map').forEach(function (m) { m.title = 'Our visitors'; });
        </script>
        </body></html>
        """;

    @Test
    void lookAlikesOfTheCountersStay() {
        assertEquals(LOOK_ALIKES, rewrite(LOOK_ALIKES, NONE));
    }
}
