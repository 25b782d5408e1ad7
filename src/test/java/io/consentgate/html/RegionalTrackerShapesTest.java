package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.assertRefusedAndUnchanged;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static io.consentgate.html.ShopPageAssertions.AFTER;
import static io.consentgate.html.ShopPageAssertions.BEFORE;
import static io.consentgate.html.ShopPageAssertions.assertKept;
import static io.consentgate.html.ShopPageAssertions.assertRemovedAndKeptWhenAllowed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trackers of sites in China, Japan, Korea, Russia and the CIS, Central Europe, India and Latin America, in the
 * shapes those sites print them: inline loaders with their own variable names, minified and pretty, counters written
 * with {@code document.write}, badges as an {@code <img>} in an {@code <a>}, {@code <noscript>} pixels. With the
 * tracker's category refused nothing of it may load; with everything allowed the page is untouched; the site's own
 * files, links to the vendors and text naming them stay.
 */
class RegionalTrackerShapesTest {

    private static final ConsentDecision ANALYTICS_ONLY =
        ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(), ConsentMode.OPT_IN);
    private static final ConsentDecision MARKETING_ONLY =
        ConsentDecision.of(Set.of(Category.MARKETING), Map.of(), ConsentMode.OPT_IN);

    /**
     * {@code tag} between a page's own content: with everything refused none of {@code marks} (the vendor's hosts
     * and names) is left and the content around it stays; with everything allowed nothing changes.
     */
    private static void assertGone(String tag, String... marks) {
        String out = assertRefusedAndUnchanged(REMOVE, BEFORE + tag + AFTER, List.of(marks), List.of(),
            ConsentDecision.allowAll());
        assertTrue(out.startsWith(BEFORE) && out.endsWith(AFTER), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Baidu Tongji: the snippet as the console prints it, minified, with the site id concatenated, the older
        // document.write loader and a plain script tag
        "<script>\n  var _hmt = _hmt || [];\n  (function (doc) {\n    var tongji = doc.createElement('script');\n    "
            + "tongji.async = true;\n    tongji.src = 'https://hm.baidu.com/hm.js?0123456789abcdef0123456789abcdef';"
            + "\n    doc.head.appendChild(tongji);\n  })(document);\n</script>",
        "<script>var _hmt=_hmt||[];!function(){var e=document.createElement(\"script\");e.async=!0,"
            + "e.src=\"//hm.baidu.com/hm.js?\"+window.BAIDU_SITE_ID;document.body.appendChild(e)}();</script>",
        "<script type=\"text/javascript\">\nvar bdProto = (\"https:\" == document.location.protocol) ? \"https://\" "
            + ": \"http://\";\ndocument.write(unescape(\"%3Cscript src='\" + bdProto + "
            + "\"hm.baidu.com/h.js%3Ffedcba9876543210fedcba9876543210' type='text/javascript'%3E%3C/script%3E\"));\n"
            + "</script>",
        "<script async src=\"https://hm.baidu.com/hm.js?0123456789abcdef0123456789abcdef\"></script>",
        "<script>\n  (function (w, d) {\n    var tongjiId = 'fedcba9876543210fedcba9876543210';\n    var el = "
            + "d.createElement('script');\n    el.src = 'https://' + 'hm.baidu.com/hm.js?' + tongjiId;\n    "
            + "d.head.appendChild(el);\n  })(window, document);\n</script>",
    })
    void baiduTongjiGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // CNZZ / Umeng: the icon with its z_stat.php, the document.write snippet with escaped markup, the z.js
        // tag Umeng prints today, and the visible counter badge
        "<span id=\"cnzz_stat_icon_1281234567\"></span><script src=\"https://s4.cnzz.com/z_stat.php?id=1281234567&amp"
            + ";online=1&amp;show=line\" type=\"text/javascript\"></script>",
        "<script type=\"text/javascript\">\n  var cnzzIcon = \"%3Cspan "
            + "id='cnzz_stat_icon_1281234567'%3E%3C/span%3E\";\n  document.write(unescape(cnzzIcon + \"%3Cscript "
            + "src='https://v1.cnzz.com/z_stat.php%3Fid%3D1281234567%26show%3Dpic' "
            + "type='text/javascript'%3E%3C/script%3E\"));\n</script>",
        "<script type=\"text/javascript\" src=\"https://v1.cnzz.com/z.js?id=1281234567&amp;async=1\"></script>",
        "<script>\n  var cz = document.createElement('script');\n  cz.async = true;\n  cz.charset = 'utf-8';\n  "
            + "cz.src = 'https://w.cnzz.com/c.php?id=1281234567&async=1';\n  document.getElementsByTagName("
            + "'head')[0].appendChild(cz);\n</script>",
    })
    void cnzzGoes(String tag) {
        assertGone(tag, "cnzz.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // 51.la: the current SDK by script tag and by loader, and the older per-site counter
        "<script charset=\"UTF-8\" id=\"LA_COLLECT\" src=\"//sdk.51.la/js-sdk-pro.min.js\"></script>",
        "<script>\n(function (cfg) {\n  var el = document.createElement('script');\n  el.id = 'LA_COLLECT';\n  "
            + "el.charset = 'UTF-8';\n  el.src = '//sdk.51.la/js-sdk-pro.min.js';\n  el.onload = function () { "
            + "window.LA.init(cfg); };\n  document.head.appendChild(el);\n})({id: 'Kabc123XYZ', ck: 'Kabc123XYZ', "
            + "autoTrack: true});\n</script>",
        "<script type=\"text/javascript\" src=\"//js.users.51.la/21234567.js\"></script>",
    })
    void fiftyOneLaGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Yandex Metrica: the current snippet with its <noscript> image, the 2025 one with the id in the tag URL
        // and a minified copy from a CDN mirror
        "<script type=\"text/javascript\">\n  window.ym = window.ym || function () { (window.ym.a = window.ym.a || "
            + "[]).push(arguments); };\n  window.ym.l = Date.now();\n  (function (doc, src) {\n    var tag = "
            + "doc.createElement('script');\n    tag.async = true;\n    tag.src = src;\n    doc.head.appendChild("
            + "tag);\n  })(document, 'https://mc.yandex.ru/metrika/tag.js');\n  ym(12345678, 'init', {\n    "
            + "webvisor: true,\n    clickmap: true,\n    trackLinks: true\n  });\n</script>\n<noscript><div><img "
            + "src=\"https://mc.yandex.ru/watch/12345678\" style=\"position:absolute; left:-9999px;\" alt=\"\"></div>"
            + "</noscript>",
        "<script>!function(w,d,u,n){w[n]=w[n]||function(){(w[n].a=w[n].a||[]).push(arguments)};w[n].l=+new Date;var "
            + "s=d.createElement(\"script\");s.async=1;s.src=u;d.head.appendChild(s)}(window,document,"
            + "\"https://mc.yandex.ru/metrika/tag.js?id=98765432\",\"ym\");ym(98765432,\"init\",{ssr:!0,webvisor:!0,"
            + "ecommerce:\"dataLayer\"});</script>",
        "<script>window.ym=window.ym||function(){(ym.a=ym.a||[]).push(arguments)};ym.l=+new Date;ym(55555555,"
            + "\"init\",{defer:true});var y=document.createElement(\"script\");"
            + "y.src=\"https://cdn.jsdelivr.net/npm/yandex-metrica-watch/tag.js\";document.head.appendChild(y);"
            + "</script>",
    })
    void yandexMetricaGoes(String tag) {
        assertGone(tag, "yandex.ru", "ym(", "yandex-metrica-watch");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Metrica's regional collection hosts, as Turkish, Belarusian and Kazakh sites preconnect to them or write
        // the <noscript> image with them
        "<link rel=\"preconnect\" href=\"https://mc.yandex.com.tr\" crossorigin>",
        "<link rel=\"dns-prefetch\" href=\"//mc.yandex.by\">",
        "<noscript><div><img src=\"https://mc.yandex.kz/watch/12345678\" style=\"position:absolute; left:-9999px;\""
            + " alt=\"\" /></div></noscript>",
        "<img src=\"https://mc.webvisor.com/watch/12345678?ut=noindex\" alt=\"\" width=\"1\" height=\"1\">",
    })
    void yandexMetricaRegionalHostsGo(String tag) {
        assertGone(tag, "mc.yandex", "webvisor");
    }

    @Test
    void yandexMetricaInformerImageGoesAndItsLinkStays() {
        // the informer badge Metrica's settings print: an image on informer.yandex.ru in a link to the statistics
        String informer = "<a href=\"https://metrika.yandex.ru/stat/?id=12345678&amp;from=informer\""
            + " target=\"_blank\" rel=\"nofollow\"><img src=\"https://informer.yandex.ru/informer/12345678/3_1_FFFFFF"
            + "FF_EFEFEFFF_0_pageviews\" style=\"width:88px; height:31px; border:0;\" alt=\"Яндекс.Метрика\" "
            + "title=\"Яндекс.Метрика: данные за сегодня\" class=\"ym-advanced-informer\" data-cid=\"12345678\" "
            + "data-lang=\"ru\" /></a>";
        assertRefusedAndUnchanged(REMOVE, BEFORE + informer + AFTER, List.of("informer.yandex.ru"),
            List.of("<a href=\"https://metrika.yandex.ru/stat/?id=12345678&amp;from=informer\""),
            ConsentDecision.allowAll(), ANALYTICS_ONLY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // LiveInternet: the counter that writes its image into a badge, the document.write one of older sites and
        // the image in its link
        "<script>\n  (function (doc, scr) {\n    var hit = 'https://counter.yadro.ru/hit?t44.6;r' + escape("
            + "doc.referrer)\n      + (scr ? ';s' + scr.width + '*' + scr.height + '*' + scr.colorDepth : '')\n      "
            + "+ ';u' + escape(doc.URL) + ';h' + escape(doc.title.substring(0, 150)) + ';' + Math.random();\n    "
            + "doc.getElementById('li-counter').src = hit;\n  })(document, window.screen);\n</script>",
        "<script type=\"text/javascript\"><!--\ndocument.write(\"<a href='//www.liveinternet.ru/click' target=_blank>"
            + "\"\n  + \"<img src='//counter.yadro.ru/hit?t14.11;r\" + escape(document.referrer)\n  + \";u\" + "
            + "escape(document.URL) + \";\" + Math.random()\n  + \"' alt='' width='88' height='31' border='0'><\\/a>"
            + "\");\n//--></script>",
        "<img src=\"//counter.yadro.ru/hit?t52.6;r;s1920*1080*24;uhttps%3A//news.example/;0.734\" width=\"88\" "
            + "height=\"31\" alt=\"\">",
    })
    void liveInternetCounterGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @Test
    void liveInternetBadgeLinkStaysWhenItsCounterGoes() {
        // the badge's image starts as a blank data: image and the counter script points it at the counter's hit
        String badge = "<!-- counter --><a href=\"https://www.liveinternet.ru/click\" rel=\"nofollow\">"
            + "<img id=\"licnt2A1B\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" width=\"88\" height=\"31\""
            + " alt=\"LiveInternet\"></a>";
        String counter = "<script>document.getElementById('licnt2A1B').src = 'https://counter.yadro.ru/hit?t50.6;r'"
            + " + escape(document.referrer) + ';u' + escape(document.URL) + ';' + Math.random();</script>"
            + "<!--/LiveInternet-->";
        String page = badge + counter;
        assertEquals(badge + "<!--/LiveInternet-->", rewrite(REMOVE, page, ConsentDecision.refuseAll()));
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Rambler Top-100: the queued loader and the image for visitors without JavaScript
        "<script>\n  (window._top100q = window._top100q || []).push(function () {\n    try { window.top100Counter = "
            + "new top100({project: 7654321}); } catch (e) {}\n  });\n  (function (d) {\n    var t = d.createElement("
            + "'script');\n    t.async = true;\n    t.src = (d.location.protocol === 'https:' ? 'https:' : 'http:') "
            + "+ '//st.top100.ru/top100/top100.js';\n    d.getElementsByTagName('head')[0].appendChild(t);\n  })("
            + "document);\n</script>\n<noscript><img src=\"//counter.rambler.ru/top100.cnt?pid=7654321\" "
            + "alt=\"Топ-100\" width=\"1\" height=\"1\"></noscript>",
        "<a href=\"https://top100.rambler.ru/home?id=1234567\"><img "
            + "src=\"https://counter.rambler.ru/top100.cnt?1234567\" alt=\"\"></a>",
    })
    void ramblerTop100Goes(String tag) {
        String out = assertRefusedAndUnchanged(REMOVE, BEFORE + tag, List.of("top100.ru/top100", "counter.rambler.ru"),
            List.of(), ConsentDecision.allowAll());
        assertTrue(out.startsWith(BEFORE), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Top.Mail.Ru (VK Ads pixel): the current loader, pretty and minified, its <noscript> image, the badge, and
        // the older Rating@Mail.ru counter that writes its image on a d<n>.c<n>.b<n>.a<n>.top.mail.ru host
        "<!-- Top.Mail.Ru counter -->\n<script>\n  var _tmr = window._tmr || (window._tmr = []);\n  _tmr.push({id: "
            + "'3456789', type: 'pageView', start: Date.now()});\n  (function (d, id) {\n    if (d.getElementById("
            + "id)) { return; }\n    var s = d.createElement('script');\n    s.async = true;\n    s.id = id;\n    "
            + "s.src = 'https://top-fwz1.mail.ru/js/code.js';\n    d.head.appendChild(s);\n  })(document, "
            + "'tmr-code');\n</script>\n<noscript><div><img src=\"https://top-fwz1.mail.ru/counter?id=3456789;"
            + "js=na\" style=\"position:absolute;left:-9999px;\" alt=\"Top.Mail.Ru\"></div></noscript>",
        "<script>var _tmr=window._tmr||(window._tmr=[]);_tmr.push({id:\"3456789\",type:\"pageView\",start:+new Date,"
            + "pid:window.USER_ID});!function(d,n){if(!d.getElementById(n)){var e=d.createElement(\"script\");"
            + "e.async=!0,e.id=n,e.src=\"https://top-fwz1.mail.ru/js/code.js\",d.body.appendChild(e)}}(document,"
            + "\"tmr-code\");</script>",
        "<a href=\"https://top.mail.ru/jump?from=3456789\"><img src=\"https://top-fwz1.mail.ru/counter?id=3456789;"
            + "t=464;l=1\" height=\"31\" width=\"88\" alt=\"Top.Mail.Ru\" style=\"border:0;\"></a>",
        "<!-- Rating@Mail.ru counter -->\n<script>\nvar mrRef = ''; try { mrRef = ';r=' + escape(document.referrer); "
            + "} catch (e) {}\ndocument.write('<a href=\"http://top.mail.ru/jump?from=128740\" target=\"_top\">'\n  "
            + "+ '<img src=\"http://d6.cf.b1.a0.top.mail.ru/counter?id=128740;t=49' + mrRef + ';rand=' + Math.random("
            + ")\n  + '\" alt=\"Рейтинг@Mail.ru\" width=\"88\" height=\"31\"><\\/a>');\n</script>\n<noscript><a "
            + "href=\"http://top.mail.ru/jump?from=128740\"><img src=\"http://d6.cf.b1.a0.top.mail.ru/counter?js=na;"
            + "id=128740;t=49\" width=\"88\" height=\"31\" alt=\"Рейтинг@Mail.ru\"></a></noscript>",
    })
    void topMailRuGoes(String tag) {
        String out = assertRefusedAndUnchanged(REMOVE, BEFORE + tag,
            List.of("top-fwz1.mail.ru", "top.mail.ru/counter", "_tmr"), List.of(), ConsentDecision.allowAll(),
            MARKETING_ONLY);
        assertTrue(out.startsWith(BEFORE), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the VK retargeting pixel: openapi.js loaded to start it, and its image for visitors without JavaScript, on
        // vk.com and on vk.ru, the domain VK moved to
        "<script>\n  (function () {\n    var vk = document.createElement('script');\n    vk.async = true;\n    "
            + "vk.src = 'https://vk.com/js/api/openapi.js?169';\n    vk.onload = function () {\n      "
            + "VK.Retargeting.Init('VK-RTRG-1234567-abCDe');\n      VK.Retargeting.Hit();\n    };\n    "
            + "document.head.appendChild(vk);\n  })();\n</script>\n<noscript><img "
            + "src=\"https://vk.com/rtrg?p=VK-RTRG-1234567-abCDe\" style=\"position:fixed; left:-999px;\" alt=\"\">"
            + "</noscript>",
        "<script>!function(){var e=document.createElement(\"script\");e.async=!0,"
            + "e.src=\"https://vk.ru/js/api/openapi.js?169\",e.onload=function(){VK.Retargeting.Init("
            + "\"VK-RTRG-1234567-abCDe\"),VK.Retargeting.Hit()},document.head.appendChild(e)}();</script><noscript>"
            + "<img src=\"https://vk.ru/rtrg?p=VK-RTRG-1234567-abCDe\" alt=\"\"></noscript>",
    })
    void vkRetargetingGoes(String tag) {
        assertGone(tag, "vk.com", "vk.ru", "VK.Retargeting");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Naver's wcslog: the common script with the account and page view, a conversion, the script from
        // Naver's static host pstatic.net, and loaders
        "<script type=\"text/javascript\" src=\"//wcs.naver.net/wcslog.js\"></script>\n<script "
            + "type=\"text/javascript\">\n  window.wcs_add = window.wcs_add || {};\n  wcs_add['wa'] = "
            + "'s_1a2b3c4d5e6f';\n  if (window.wcs) { wcs_do(); }\n</script>",
        "<script>\n  var _nasa = {};\n  if (window.wcs) { _nasa['cnv'] = wcs.cnv('1', '49000'); }\n  window.wcs_add "
            + "= window.wcs_add || {};\n  wcs_add.wa = 's_1a2b3c4d5e6f';\n  wcs_do(_nasa);\n</script>",
        "<script type=\"text/javascript\" src=\"//wcs.pstatic.net/wcslog.js\"></script>",
        "<script>\n  (function () {\n    var s = document.createElement(\"script\");\n    s.async = true;\n    s.src "
            + "= \"https://wcs.pstatic.net/wcslog.js\";\n    s.onload = function () {\n      if (!window.wcs_add) { "
            + "window.wcs_add = {}; }\n      window.wcs_add.wa = \"s_1a2b3c4d5e6f\";\n      if (window.wcs) { "
            + "window.wcs_do(); }\n    };\n    document.head.appendChild(s);\n  })();\n</script>",
        "<script>(function(){var w=document.createElement('script');w.src='https://wcs.naver.net/wcslog.js';"
            + "w.onload=function(){if(!window.wcs_add){window.wcs_add={}}wcs_add.wa='s_1a2b3c4d5e6f';wcs_do()};"
            + "document.head.appendChild(w)})();</script>",
    })
    void naverWcsGoes(String tag) {
        assertGone(tag, "wcs");
        String page = BEFORE + tag;
        assertFalse(rewrite(REMOVE, page, ANALYTICS_ONLY).contains("wcs"));
        assertFalse(rewrite(REMOVE, page, MARKETING_ONLY).contains("wcs"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the Kakao pixel as Korean shop builders print it: the script and its calls, pretty and minified
        "<script type=\"text/javascript\" charset=\"UTF-8\" src=\"//t1.daumcdn.net/kas/static/kp.js\"></script>\n"
            + "<script type=\"text/javascript\">\n      kakaoPixel('1234567890123456789').pageView();\n"
            + "      kakaoPixel('1234567890123456789').viewContent({\n        id: '42'\n      });\n</script>",
        "<script>(function(){var k=document.createElement('script');k.src='https://t1.daumcdn.net/kas/static/kp.js';"
            + "k.onload=function(){kakaoPixel(\"1234567890123456789\").pageView(\"home\")};"
            + "document.head.appendChild(k)})();</script>",
    })
    void kakaoPixelGoes(String tag) {
        assertGone(tag, "daumcdn.net", "kakaoPixel");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the LINE Tag: its base code with both CDN hosts, the script from either, the base code in a script of its
        // own (its init call in another), and its <noscript> image
        "<script>\n  (function (w, d) {\n    w._ltq = w._ltq || [];\n    w._lt = w._lt || function () { w._ltq.push("
            + "arguments); };\n    var base = location.protocol === 'https:' ? 'https://d.line-scdn.net' : "
            + "'http://d.line-cdn.net';\n    var el = d.createElement('script');\n    el.async = true;\n    el.src = "
            + "base + '/n/line_tag/public/release/v1/lt.js';\n    d.head.appendChild(el);\n  })(window, document);\n "
            + " _lt('init', {customerType: 'lap', tagId: '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d'});\n  _lt('send', "
            + "'pv', ['0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d']);\n</script>\n<noscript><img height=\"1\" width=\"1\" "
            + "style=\"display:none\" src=\"https://tr.line.me/tag.gif?c_t=lap&amp;"
            + "t_id=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d&amp;e=pv&amp;noscript=1\" alt=\"\"></noscript>",
        "<script async src=\"https://d.line-scdn.net/n/line_tag/public/release/v1/lt.js\"></script>",
        "<script src=\"https://d.line-cdn.net/n/line_tag/public/release/v1/lt.js\" async></script>",
        "<script>\n  (function (g, d) {\n    g._ltq = g._ltq || []; g._lt = g._lt || function () { g._ltq.push("
            + "arguments) };\n    var h = location.protocol === 'https:' ? 'https://d.line-scdn.net' : "
            + "'http://d.line-cdn.net';\n    var s = d.createElement('script'); s.async = 1;\n    s.src = h + "
            + "'/n/line_tag/public/release/v1/lt.js';\n    d.head.appendChild(s);\n  })(window, document);\n</script>",
        "<img src=\"https://tr.line.me/tag.gif?c_t=lap&amp;t_id=0a1b2c3d&amp;e=cv&amp;noscript=1\" width=\"1\" "
            + "height=\"1\" alt=\"\">",
    })
    void lineTagGoes(String tag) {
        assertGone(tag, "line-scdn.net", "line-cdn.net", "tr.line.me", "_lt(");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Yahoo! JAPAN: the site-wide tag and a conversion through ytag.js, the YTM container and the older
        // retargeting and conversion scripts
        "<script async src=\"https://s.yimg.jp/images/listing/tool/cv/ytag.js\"></script>",
        "<script type=\"text/javascript\" language=\"javascript\" src=\"https://b92.yahoo.co.jp/js/s_retargeting.js\""
            + "></script>",
        "<script type=\"text/javascript\" language=\"javascript\" src=\"https://b90.yahoo.co.jp/conv.js\"></script>",
        "<script>\n  (function (d) {\n    var ytm = d.createElement('script');\n    ytm.async = true;\n    ytm.src = "
            + "'//s.yjtag.jp/tag.js#site=AbCdEfG&referrer=' + encodeURIComponent(d.location.href);\n    "
            + "d.head.appendChild(ytm);\n  })(document);\n</script>\n<noscript><iframe "
            + "src=\"//b.yjtag.jp/iframe?c=AbCdEfG\" width=\"1\" height=\"1\" frameborder=\"0\" scrolling=\"no\">"
            + "</iframe></noscript>",
        "<noscript><img height=\"1\" width=\"1\" alt=\"\" src=\"https://b97.yahoo.co.jp/pagead/conversion/1000123456/"
            + "?guid=ON&amp;script=0&amp;disvt=false\"></noscript>",
    })
    void yahooJapanAdsGo(String tag) {
        assertGone(tag, "yimg.jp", "yjtag.jp", "yahoo.co.jp");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Rakuten Advertising's tag, as its bootstrap builds the URL
        "<script>\n  (function (tagUrl) {\n    window.DataLayer = window.DataLayer || {};\n    DataLayer.events = "
            + "DataLayer.events || {};\n    DataLayer.events.SiteSection = '1';\n    var ct = document.createElement("
            + "'script');\n    ct.async = true;\n    ct.src = tagUrl;\n    document.head.appendChild(ct);\n  }("
            + "document.location.protocol + '//tag.rmp.rakuten.com/123456.ct.js'));\n</script>",
    })
    void rakutenAdvertisingGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Seznam Sklik's current tag and the older retargeting script with its image
        "<script type=\"text/javascript\" src=\"https://c.seznam.cz/js/rc.js\"></script>",
        "<script type=\"text/javascript\">\n/* <![CDATA[ */\nvar seznam_retargeting_id = 123456;\n/* ]]> */\n"
            + "</script>\n<script type=\"text/javascript\" src=\"//c.imedia.cz/js/retargeting.js\"></script>",
        "<noscript><img src=\"https://c.imedia.cz/retargeting?id=123456\" width=\"1\" height=\"1\" alt=\"\">"
            + "</noscript>",
    })
    void seznamSklikGoes(String tag) {
        assertGone(tag, "seznam", "imedia.cz");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Kakao's (formerly Daum's) keyword ads conversion on an order-complete page: the settings and the
        // document.write loader with escaped markup, as shop builders print it, and as one script tag
        "<script type=\"text/javascript\">\n  var DaumConversionDctSv = \"type=P,orderID=A-100,amount=49000\";\n  "
            + "var DaumConversionAccountID = \"AbCdEfGh1234.5678\";\n  if (typeof DaumConversionScriptLoaded === "
            + "\"undefined\" && location.protocol !== \"file:\") {\n    var DaumConversionScriptLoaded = true;\n    "
            + "document.write(unescape(\"%3Cscript src%3D%22\" + (location.protocol === \"https:\" ? \"https\" : "
            + "\"http\")\n      + \"%3A//t1.daumcdn.net/cssjs/common/cts/vr200/dcts.js%22%3E%3C/script%3E\"));\n  }\n"
            + "</script>",
        "<script type=\"text/javascript\" src=\"https://t1.daumcdn.net/cssjs/common/cts/vr200/dcts.js\"></script>",
    })
    void kakaoKeywordAdsConversionGoes(String tag) {
        assertGone(tag, "daumcdn.net", "DaumConversion");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a Coupang Partners banner on a Korean blog: the script with its call, and the frame pasted alone
        "<!-- COUPANG PARTNERS DYNAMIC BANNER START -->\n<script src=\"https://ads-partners.coupang.com/g.js\">"
            + "</script>",
        "<iframe src=\"https://ads-partners.coupang.com/widgets.html?id=123456&amp;template=carousel&amp;"
            + "trackingCode=AF1234567&amp;subId=&amp;width=680&amp;height=140&amp;tsource=\" width=\"680\" "
            + "height=\"140\" frameborder=\"0\" scrolling=\"no\" referrerpolicy=\"unsafe-url\" browsingtopics>"
            + "</iframe>",
        "<script>\n  (function () {\n    var el = document.createElement('script');\n"
            + "    el.src = 'https://ads-partners.coupang.com/g.js';\n    el.onload = function () {\n"
            + "      new PartnersCoupang.G({\"id\": 123456, \"template\": \"carousel\","
            + " \"trackingCode\": \"AF1234567\", \"width\": \"300\", \"height\": \"250\"});\n    };\n    "
            + "document.getElementById('side').appendChild(el);\n  })();\n</script>",
    })
    void coupangPartnersBannerGoes(String tag) {
        assertGone(tag, "ads-partners.coupang.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the call after g.js only uses it, and the blog's affiliate links and disclosure stay
        "<script>\n\tnew PartnersCoupang.G({\"id\":123456,\"template\":\"carousel\",\"trackingCode\":\"AF1234567\","
            + "\"width\":\"680\",\"height\":\"140\",\"tsource\":\"\"});\n</script>",
        "<a href=\"https://link.coupang.com/a/bXyZ12\" target=\"_blank\" referrerpolicy=\"unsafe-url\">쿠팡에서 보기</a>",
        "<p>이 포스팅은 쿠팡 파트너스 활동의 일환으로, 이에 따른 일정액의 수수료를 제공받습니다.</p>",
        "<a href=\"https://www.coupang.com/vp/products/1234567890\"><img src=\"https://thumbnail6.coupangcdn.com/"
            + "thumbnails/remote/230x230ex/image/retail/images/0a1b.jpg\" alt=\"\"></a>",
    })
    void coupangLinksAndCallStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // A8.net: the advertiser's script and its order call on a thank-you page, its cross-domain script, and the
        // impression image beside a publisher's affiliate link
        "<span id=\"a8sales\"></span>\n<script src=\"//statics.a8.net/a8sales/a8sales.js\"></script>",
        "<script src=\"https://statics.a8.net/a8sales/a8crossDomain.js\"></script>",
        "<img border=\"0\" width=\"1\" height=\"1\" src=\"https://www17.a8.net/0.gif?a8mat=3ZABCD+1EFGHI+0K+10A5LT\""
            + " alt=\"\">",
    })
    void a8NetTrackingGoes(String tag) {
        assertGone(tag, "a8.net");
    }

    @Test
    void a8NetLinkAndBannerStayWhenTheirImpressionImageGoes() {
        String link = "<a href=\"https://px.a8.net/svt/ejp?a8mat=3ZABCD+1EFGHI+0K+10A5LT\" rel=\"nofollow\">"
            + "<img border=\"0\" width=\"300\" height=\"250\" alt=\"\" "
            + "src=\"https://www26.a8.net/svt/bgt?aid=230123456789&amp;wid=001&amp;eno=01&amp;"
            + "mid=s00000012345001002000&amp;mc=1\"></a>";
        String pixel = "\n<img border=\"0\" width=\"1\" height=\"1\" src=\"https://www13.a8.net/0.gif?"
            + "a8mat=3ZABCD+1EFGHI+0K+10A5LT\" alt=\"\">";
        String order = "<script>\na8sales({\n  \"pid\": \"s00000012345001\",\n  \"order_number\": \"A-100\",\n"
            + "  \"currency\": \"JPY\",\n  \"total_price\": 4980\n});\n</script>";
        String page = BEFORE + link + pixel + order + AFTER;
        assertEquals(BEFORE + link + "\n" + order + AFTER, rewrite(REMOVE, page, ConsentDecision.refuseAll()));
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
    }

    @Test
    void valueCommerceLinkSwitchGoesAndItsIdAndTheLinksStay() {
        String id = "<script type=\"text/javascript\" language=\"javascript\">var vc_pid = \"885123456\";</script>";
        String link = "<a href=\"https://shopping.yahoo.co.jp/product/j/4901234567890\">Yahoo!ショッピングで見る</a>";
        String script = "<script type=\"text/javascript\" src=\"//aml.valuecommerce.com/vcdal.js\" async></script>";
        String page = BEFORE + link + id + script + AFTER;
        assertEquals(BEFORE + link + id + AFTER, rewrite(REMOVE, page, ConsentDecision.refuseAll()));
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
        assertEquals(page, rewrite(REMOVE, page, MARKETING_ONLY));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Ptengine: the current tag by id, on both hosts, and the older queue snippet with the host after a
        // protocol variable
        "<!-- Ptengine Tag -->\n<script src=\"https://js.ptengine.jp/0a1b2c3d.js\"></script>\n<!-- End Ptengine Tag "
            + "-->",
        "<script async src=\"https://js.ptengine.com/7f1bbmj9.js\"></script>",
        "<script>\n  window._pt_sp_2 = window._pt_sp_2 || [];\n  _pt_sp_2.push('setAccount,0a1b2c3d');\n  (function ("
            + "d) {\n    var proto = d.location.protocol === 'https:' ? 'https://' : 'http://';\n    ['pta.js', "
            + "'pts.js'].forEach(function (file) {\n      var el = d.createElement('script');\n      el.async = true;"
            + "\n      el.src = proto + 'js.ptengine.jp/' + file;\n      d.head.appendChild(el);\n    });\n  })("
            + "document);\n</script>",
    })
    void ptengineGoes(String tag) {
        assertGone(tag, "ptengine", "_pt_sp_2");
        String page = BEFORE + tag + AFTER;
        assertEquals(page, rewrite(REMOVE, page, ANALYTICS_ONLY));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Sensors Data: the snippet with the SDK on the vendor's CDN, the same with a copy on the site's own host and
        // its own collection server, the SDK as a script of its own, and the SaaS collection host in an init call
        "<script>\n  (function (para) {\n    var sdk = para.sdk_url, name = para.name, w = window;\n    if ("
            + "w.sensorsDataAnalytic201505) { return; }\n    w.sensorsDataAnalytic201505 = name;\n    w[name] = "
            + "w[name] || {_q: [], para: para};\n    var el = document.createElement('script');\n    el.async = true;"
            + "\n    el.src = sdk;\n    document.head.appendChild(el);\n  })({\n    sdk_url: "
            + "'https://static.sensorsdata.cn/sdk/1.26.12/sensorsdata.min.js',\n    name: 'sensors',\n    "
            + "server_url: 'https://shop.datasink.sensorsdata.cn/sa?project=production&token=0a1b2c3d4e5f6a7b'\n  });"
            + "\n  sensors.quick('autoTrack');\n</script>",
        "<script>(function(a){var b=a.sdk_url,c=a.name,e=window;e.sensorsDataAnalytic201505=c;var "
            + "f=document.createElement(\"script\");f.async=1;f.src=b;e[c]=e[c]||{para:a};document.head.appendChild("
            + "f)})({sdk_url:\"/static/vendor/sa/sensorsdata.min.js\",name:\"sa\","
            + "server_url:\"https://sa.shop.example/sa?project=production\"});</script>",
        "<script charset=\"UTF-8\" src=\"/static/js/sensorsdata.min.js\"></script>",
        "<script>\n  sensors.init({\n    server_url: 'https://shop.cloud.sensorsdata.cn:8106/sa?project=default',\n  "
            + "  heatmap_url: 'https://static.sensorsdata.cn/sdk/1.12.18/heatmap.min.js',\n    is_track_single_page: "
            + "true\n  });\n</script>",
    })
    void sensorsDataGoes(String tag) {
        assertGone(tag, "sensorsdata", "sdk_url");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // GrowingIO: the 2.1 snippet, pretty and minified, with the host after the protocol, and the CDP SDK's file
        "<!-- GrowingIO -->\n<script>\n  (function (w, d, src, name) {\n    w[name] = w[name] || function () { ("
            + "w[name].q = w[name].q || []).push(arguments); };\n    var el = d.createElement('script');\n    "
            + "el.async = true;\n    el.src = (d.location.protocol === 'https:' ? 'https://' : 'http://') + src;\n   "
            + " d.head.appendChild(el);\n  })(window, document, 'assets.giocdn.com/2.1/gio.js', 'gio');\n  gio("
            + "'init', '8a1b2c3d4e5f6a7b', {});\n  gio('send');\n</script>",
        "<script>!function(w,d,n){w[n]=w[n]||function(){(w[n].q=w[n].q||[]).push(arguments)};var s=d.createElement("
            + "\"script\");s.async=1;s.src=window.GIO_SDK_URL;d.head.appendChild(s)}(window,document,\"gio\");gio("
            + "\"init\",\"8a1b2c3d4e5f6a7b\",{hashtag:true});gio(\"send\");</script>",
        "<script async src=\"https://assets.giocdn.com/sdk/webjs/cdp/gdp-full.js\"></script>",
    })
    void growingIoGoes(String tag) {
        assertGone(tag, "giocdn", "gio(");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Zhuge: its loader picking the host by protocol and starting with the app key
        "<script>\n  window.zhuge = window.zhuge || [];\n  window.zhuge.load = function (appKey, opts) {\n    if ("
            + "document.getElementById('zhuge-js')) { return; }\n    var el = document.createElement('script');\n    "
            + "el.id = 'zhuge-js';\n    el.async = true;\n    el.src = (location.protocol === 'http:' ? "
            + "'http://sdk.zhugeio.com' : 'https://zgsdk.zhugeio.com')\n      + '/zhuge.min.js?v=' + new Date("
            + ").toISOString().slice(0, 10);\n    document.head.appendChild(el);\n    window.zhuge.push(['_init', "
            + "appKey, opts]);\n  };\n  window.zhuge.load('0a1b2c3d4e5f', {autoTrack: true});\n</script>",
        "<script src=\"https://zgsdk.zhugeio.com/zhuge.min.js?v=20240101\" id=\"zhuge-js\" async></script>",
    })
    void zhugeGoes(String tag) {
        assertGone(tag, "zhugeio", "zhuge.load(");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Tencent Analytics on an admin theme, and the MTA H5 loader with its settings object
        "<script type=\"text/javascript\" src=\"http://tajs.qq.com/stats?sId=12345678\" charset=\"UTF-8\"></script>",
        "<script>\n  var _mtac = {performanceMonitor: 1};\n  (function (d) {\n    var mta = d.createElement("
            + "'script');\n    mta.src = '//pingjs.qq.com/h5/stats.js?v2.0.4';\n    mta.setAttribute('name', "
            + "'MTAH5');\n    mta.setAttribute('sid', '500123456');\n    d.body.appendChild(mta);\n  })(document);\n"
            + "</script>",
    })
    void tencentAnalyticsGoes(String tag) {
        assertGone(tag, "qq.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Tencent's other services on qq.com stay: a QQ share link, a QQ map and a mini-program code
        "<a href=\"https://connect.qq.com/widget/shareqq/index.html?url=https%3A%2F%2Fshop.example%2F\">分享到QQ</a>",
        "<script charset=\"utf-8\" src=\"https://map.qq.com/api/gljs?v=1.exp&amp;key=ABCDE-FGHIJ-KLMNO\"></script>",
        "<img src=\"https://mp.weixin.qq.com/mp/qrcode?scene=10000004&amp;size=102\" alt=\"微信公众号\">",
    })
    void tencentServicesStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a site's own event calls through the Chinese SDKs' globals only queue
        "<script>document.getElementById('buy').onclick = function () {\n  var sa = "
            + "window['sensorsDataAnalytic201505'];\n  sa && window[sa] && window[sa].track('BuyClick', {sku: '42'})"
            + ";\n  addToCart(42);\n};</script>",
        "<script>$('#signup').on('click', function () { window.gio && gio('track', 'signup'); openSignup(); });"
            + "</script>",
        "<p>本站使用神策数据（Sensors Data）与 GrowingIO 统计页面访问，详见 <a href=\"/privacy\">隐私政策</a>。</p>",
        "<a href=\"https://www.sensorsdata.cn/\">神策数据</a> <a href=\"https://www.growingio.com/\">GrowingIO</a>",
        "<script src=\"/static/js/gio-helpers.js\"></script>",
    })
    void chineseAnalyticsEventCallsAndLinksStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // MoEngage: the snippet with the release path built from a data centre, and the older webpush path
        "<script>\n  (function (w, d, sdkUrl, globalName) {\n    w.moengage_object = globalName;\n    w.moengage_q = "
            + "w.moengage_q || [];\n    var stub = {};\n    ['track_event', 'add_user_attribute', "
            + "'add_unique_user_id'].forEach(function (m) {\n      stub[m] = function () { w.moengage_q.push({f: m, "
            + "a: arguments}); };\n    });\n    w.moe = w.moe || function () { return stub; };\n    var el = "
            + "d.createElement('script');\n    el.async = true;\n    el.src = sdkUrl;\n    d.head.appendChild(el);\n "
            + " })(window, document, 'https://cdn.moengage.com/release/' + (window.MOE_DC || 'dc_1') + "
            + "'/moe_webSdk.min.latest.js', 'Moengage');\n  Moengage = moe({app_id: 'AB12CD34EF56GH78IJ90KL12', "
            + "debug_logs: 0});\n</script>",
        "<script>(function(i,s,o,g,r){i['moengage_object']=r;var a=s.createElement(o);a.async=1;a.src=g;"
            + "s.head.appendChild(a)})(window,document,'script',window.MOE_SDK,'Moengage');</script>",
        "<script async src=\"https://cdn.moengage.com/webpush/moe_webSdk.min.latest.js\"></script>",
    })
    void moengageGoes(String tag) {
        assertGone(tag, "moengage");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // WebEngage: the snippet as its dashboard prints it (host chosen by protocol), and minified
        "<script id=\"_webengage_script_tag\" type=\"text/javascript\">\n  var webengage;\n  (function (w, d, name) {"
            + "\n    var we = w[name] = w[name] || {__queue: [], user: {}};\n    ['init', 'options', 'track', "
            + "'onReady'].forEach(function (m) {\n      we[m] = function () { we.__queue.push([m, arguments]); };\n  "
            + "  });\n    setTimeout(function () {\n      var el = d.createElement('script'), anchor = "
            + "d.getElementById('_webengage_script_tag');\n      el.async = true;\n      el.src = ("
            + "d.location.protocol === 'https:' ? 'https://widgets.in.webengage.com' : "
            + "'http://widgets.in.webengage.com')\n        + '/js/webengage-min-v-6.0.js';\n      "
            + "anchor.parentNode.insertBefore(el, anchor);\n    });\n  })(window, document, 'webengage');\n  "
            + "webengage.init('in~~0a1b2c3d');\n</script>",
        "<script src=\"https://ssl.widgets.webengage.com/js/webengage-min-v-6.0.js\" async></script>",
    })
    void webengageGoes(String tag) {
        assertGone(tag, "webengage.com", "_webengage_script_tag");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Netcore Smartech: the client and its start, as one block and as the start alone
        "<script src='//cdnt.netcoresmartech.com/smartechclient.js'></script>\n<script>\n"
            + "  smartech('create', 'ADGMOT35CHFLVDHBJNIG50K968QKS27DD5CH7U4IATV5NA9OVQH0');\n"
            + "  smartech('register', '0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d');\n  smartech('identify', '');\n"
            + "  smartech('dispatch', 1, {});\n</script>",
        "<script>smartech(\"create\",\"ADGMOT35CHFLVDHBJNIG50K968QKS27DD5CH7U4IATV5NA9OVQH0\");"
            + "smartech(\"register\",\"0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d\");</script>",
    })
    void netcoreSmartechGoes(String tag) {
        assertGone(tag, "netcoresmartech", "smartech(");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Indian shops' own event calls through the engagement SDKs only queue or send through a loaded client
        "<script>document.querySelector('.add-to-cart').addEventListener('click', function () {\n"
            + "  window.Moengage && Moengage.track_event('Added To Cart', {sku: '42'});\n"
            + "  window.webengage && webengage.track('Added To Cart', {sku: '42'});\n"
            + "  typeof smartech === 'function' && smartech('dispatch', 'Add To Cart', {sku: '42'});\n  cart.add(42);\n"
            + "});</script>",
        "<link rel=\"manifest\" href=\"/manifest.json\"><script src=\"/serviceworker-register.js\"></script>",
        "<a href=\"https://www.moengage.com/\">MoEngage</a> <a href=\"https://webengage.com/\">WebEngage</a>",
    })
    void indianEngagementEventCallsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // RD Station: the tracking code as its panel prints it, and loaded lazily by a page's own loader
        "<!-- Código de Monitoramento do RD Station -->\n<script type=\"text/javascript\" async"
            + " src=\"https://d335luupugsy2.cloudfront.net/js/loader-scripts/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d-loa"
            + "der.js\" ></script>",
        "<script>\n  window.addEventListener('load', function () {\n    var rd = document.createElement('script');\n"
            + "    rd.async = true;\n    rd.src = 'https://d335luupugsy2.cloudfront.net/js/loader-scripts/' + RD_TOKEN"
            + " + '-loader.js';\n    document.body.appendChild(rd);\n  });\n</script>",
    })
    void rdStationTrackingCodeGoes(String tag) {
        assertGone(tag, "loader-scripts");
    }

    @Test
    void rdStationFormStaysWhenItsTrackingCodeGoes() {
        String form = "<div role=\"main\" id=\"contato-0a1b2c3d\"></div>"
            + "<script type=\"text/javascript\" src=\"https://d335luupugsy2.cloudfront.net/js/rdstation-forms/stable/"
            + "rdstation-forms.min.js\"></script><script type=\"text/javascript\">new "
            + "RDStationForms('contato-0a1b2c3d', 'UA-00000000-1').createForm();</script>";
        String tracking = "<script async src=\"https://d335luupugsy2.cloudfront.net/js/loader-scripts/"
            + "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d-loader.js\"></script>";
        String page = BEFORE + form + tracking + AFTER;
        assertEquals(BEFORE + form + AFTER, rewrite(REMOVE, page, ConsentDecision.refuseAll()));
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the Kwai Pixel: its base code written out, minified with a fallback host, and the SDK alone
        "<script>\n  !function (w, d, name) {\n    var q = w[name] = w[name] || [];\n"
            + "    q.methods = ['page', 'track', 'identify', 'instances', 'debug', 'on', 'off', 'once', 'ready',"
            + " 'alias', 'group', 'enableCookie', 'disableCookie'];\n    q.load = function (id) {\n"
            + "      var src = 'https://s1.kwai.net/kos/s101/nlav11187/pixel/events.js';\n"
            + "      var el = d.createElement('script'); el.async = true; el.src = src + '?sdkid=' + id + '&lib=' + "
            + "name;\n      var first = d.getElementsByTagName('script')[0]; first.parentNode.insertBefore(el, first)"
            + ";\n    };\n  }(window, document, 'kwaiq');\n  kwaiq.load('123456789012345');\n  kwaiq.page();\n"
            + "</script>",
        "<script>!function(e,t,n){var i=e[n]=e[n]||[];i.load=function(e,o){var a=\"https://s2.kwai.net/kos/s101/"
            + "nlav11187/pixel/events.js\",c=\"?sdkid=\".concat(e,\"&lib=\").concat(n);r(t,"
            + "a+c,\"https://s16-11187.ap4r.com/kos/s101/nlav11187/pixel/events.js\"+c)}}(window,document,\"kwaiq\");"
            + "</script>\n<script>\nkwaiq.load('123456789012345');\nkwaiq.page();\n</script>",
        "<script async src=\"https://s1.kwai.net/kos/s101/nlav11187/pixel/events.js?sdkid=123456789012345&amp;"
            + "lib=kwaiq\"></script>",
    })
    void kwaiPixelGoes(String tag) {
        assertGone(tag, "kwai.net", "ap4r.com", "kwaiq.load(");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a Brazilian shop's own event call through the pixel's queue, its links and Kwai's other files stay
        "<script>document.getElementById('comprar').onclick = function () {\n"
            + "  window.kwaiq && kwaiq.instance('123456789012345').track('EVENT_ADD_TO_CART', {value: 99.9});\n"
            + "  carrinho.adicionar(42);\n};</script>",
        "<a href=\"https://www.kwai.com/@loja_exemplo\">Siga a loja no Kwai</a>",
        "<img src=\"https://s1.kwai.net/kos/s101/nlav11187/static/img/logo.png\" alt=\"Kwai\">",
        "<a href=\"https://www.rdstation.com/\">RD Station</a>",
    })
    void brazilianShopsOwnPartsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Insider on a Turkish shop: the tag as its panel prints it, a WordPress enqueue, and an inline loader that
        // builds the host from the partner name
        "<script async src=\"//magaza.api.useinsider.com/ins.js?id=10001234\"></script>",
        "<script type=\"text/javascript\" src=\"https://magaza.api.useinsider.com/ins.js?id=10001234&#038;ver=3.4.1\""
            + " id=\"insider-js\"></script>",
        "<script>\n  (function (name, id) {\n    var s = document.createElement('script');\n    s.async = true;\n"
            + "    s.src = 'https://' + name + '.api.useinsider.com/ins.js?id=' + id;\n"
            + "    document.head.appendChild(s);\n  })('magaza', '10001234');\n</script>",
    })
    void insiderTagGoes(String tag) {
        assertGone(tag, "useinsider.com");
    }

    @Test
    void insiderDataObjectStaysWhenItsTagGoes() {
        String data = "<script>\n  window.insider_object = {\n    \"page\": {\"type\": \"Product\"},\n"
            + "    \"product\": {\"id\": \"42\", \"name\": \"Çay bardağı\", \"currency\": \"TRY\", \"unit_price\": "
            + "149.9}\n  };\n</script>";
        String tag = "<script async src=\"//magaza.api.useinsider.com/ins.js?id=10001234\"></script>";
        String page = BEFORE + data + tag + AFTER;
        assertEquals(BEFORE + data + AFTER, rewrite(REMOVE, page, ConsentDecision.refuseAll()));
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
        assertEquals(BEFORE + data + AFTER, rewrite(REMOVE, page, ANALYTICS_ONLY));
    }

    @Test
    void aMixedRegionalPageIsRewrittenTheSameWhereverSplitAndASecondPassChangesNothing() {
        String page = "<p>新品</p><script>var _hmt=_hmt||[];(function(){var hm=document.createElement(\"script\");"
            + "hm.src=\"https://hm.baidu.com/hm.js?0123456789abcdef0123456789abcdef\";document.head.appendChild(hm)})"
            + "();</script><script>document.write(unescape(\"%3Cspan id='cnzz_stat_icon_1281234567'%3E%3C/span%3E%3Cs"
            + "cript src='https://v1.cnzz.com/z_stat.php%3Fid%3D1281234567' type='text/javascript'%3E%3C/script%3E\"));"
            + "</script><p>할인</p><script>var DaumConversionDctSv=\"type=P,orderID=A-1,amount=1\";</script>"
            + "<script src=\"//t1.daumcdn.net/mapjsapi/bundle/postcode/prod/postcode.v2.js\"></script>"
            + "<noscript><div><img src=\"https://mc.yandex.ru/watch/12345678\" alt=\"\"></div></noscript>"
            + "<a href=\"https://metrika.yandex.ru/stat/?id=12345678\"><img src=\"https://informer.yandex.ru/informer/"
            + "12345678/3_1_FFFFFFFF_EFEFEFFF_0_pageviews\" alt=\"\"></a>"
            + "<script>gio('init','8a1b2c3d4e5f6a7b',{});gio('send');</script><p>セール</p>"
            + "<script async src=\"//magaza.api.useinsider.com/ins.js?id=10001234\"></script><p>end</p>";
        ConsentDecision none = ConsentDecision.refuseAll();
        String out = rewrite(REMOVE, page, none);
        for (String mark : List.of("baidu", "cnzz.com", "DaumConversion", "mc.yandex", "informer", "gio(", "useinside"
            + "r")) {
            assertFalse(out.contains(mark), mark + " left in " + out);
        }
        for (String own : List.of("<p>新品</p>", "<p>할인</p>", "postcode.v2.js", "<p>セール</p>", "<p>end</p>",
            "<a href=\"https://metrika.yandex.ru/stat/?id=12345678\">")) {
            assertTrue(out.contains(own), own + " missing in " + out);
        }
        assertEquals(out, rewrite(REMOVE, out, none));
        byte[] b = page.getBytes(StandardCharsets.UTF_8);
        RewriteAssertions.assertSameWhereverSplit(b.length, cuts -> new String(RewriteAssertions.rewrite(REMOVE, b,
            none, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // structured data, article text and a site's own files that name the regional vendors stay
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"TechArticle\","
            + "\"headline\":\"GrowingIO と Sensors Data の導入\",\"articleBody\":\"gio('init', 'xxxx', {}) を貼り、"
            + "sdk_url に https://static.sensorsdata.cn/sdk/1.26.12/sensorsdata.min.js を指定します。\","
            + "\"sameAs\":[\"https://www.kwai.com/@shop\",\"https://vk.com/shop\",\"https://line.me/R/ti/p/@shop\"]}"
            + "</script>",
        "<pre><code>&lt;script src=\"//wcs.naver.net/wcslog.js\"&gt;&lt;/script&gt;\nwcs_do();</code></pre>",
        "<p>Kakao 픽셀(kakaoPixel)과 네이버 공통 스크립트(wcs_do)를 설치하는 방법을 설명합니다.</p>",
        "<script src=\"https://static.shop.example/js/line-share.js\"></script>",
        "<script src=\"https://mc.shop.example/metrika/tag.js\"></script>",
        "<script src=\"https://wcs.shop.example/wcslog.js\"></script>",
        "<a href=\"https://www.a8.net/\">A8.net</a> <a href=\"https://www.valuecommerce.ne.jp/\">バリューコマース</a>",
    })
    void vendorNamesInDataTextAndOwnFilesStay(String html) {
        assertKept(html);
    }

    @Test
    void mixedRussianNewsPageKeepsItsOwnParts() {
        String own1 = "<script src=\"/static/js/top.js?v=3\"></script>";
        String own2 = "<script src=\"https://counter.news.example/hit.js\"></script>";
        String own3 = "<a href=\"https://metrika.yandex.ru/\">Яндекс Метрика</a>";
        String own4 = "<p>Мы используем Яндекс.Метрику (mc.yandex.ru) и счётчик LiveInternet.</p>";
        String own5 = "<script src=\"https://api-maps.yandex.ru/2.1/?apikey=0a1b2c3d&amp;lang=ru_RU\"></script>";
        String own6 = "<script src=\"https://yastatic.net/share2/share.js\"></script>"
            + "<div class=\"ya-share2\" data-services=\"vkontakte,telegram,odnoklassniki\"></div>";
        String own7 = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
            + "\"Organization\",\"sameAs\":[\"https://vk.com/news_example\",\"https://ok.ru/group/1234567\","
            + "\"https://t.me/news_example\"]}</script>";
        String own8 = "<script src=\"https://vk.com/js/api/openapi.js?169\"></script><div id=\"vk_groups\"></div>"
            + "<script>VK.Widgets.Group(\"vk_groups\", {mode: 3}, 1234567);</script>";
        String metrica = "<script>window.ym=window.ym||function(){(ym.a=ym.a||[]).push(arguments)};var m="
            + "document.createElement(\"script\");m.async=true;m.src=\"https://mc.yandex.ru/metrika/tag.js\";"
            + "document.head.appendChild(m);ym(12345678,\"init\",{clickmap:true});</script>";
        String li = "<script>new Image().src = \"https://counter.yadro.ru/hit;news?r\"+escape(document.referrer)+"
            + "\";u\"+escape(document.URL)+\";\"+Math.random();</script>";
        String page = own1 + metrica + own2 + own3 + li + own4 + own5 + own6 + own7 + own8;
        assertEquals(own1 + own2 + own3 + own4 + own5 + own6 + own7 + own8,
            rewrite(REMOVE, page, ConsentDecision.refuseAll()));
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
        assertEquals(page, rewrite(REMOVE, page, ANALYTICS_ONLY));
    }

    @Test
    void mixedChineseShopPageKeepsItsOwnParts() {
        List<String> own = List.of(
            "<script src=\"/static/js/hm.js\"></script>",
            "<script src=\"https://hm.shop.example/hm.js?site=1\"></script>",
            "<a href=\"https://tongji.baidu.com/web/welcome/login\">百度统计</a>",
            "<p>本站使用百度统计（hm.baidu.com）和友盟+（CNZZ）统计访问量。</p>",
            "<script src=\"https://api.map.baidu.com/api?v=3.0&amp;ak=AbCdEf0123456789\"></script>",
            "<a href=\"https://www.cnzz.com/stat/website.php?web_id=1281234567\" target=\"_blank\">站长统计</a>",
            "<script>var _hmt = _hmt || []; document.getElementById('buy').onclick = function () {"
                + " _hmt.push(['_trackEvent', 'cart', 'add']); addToCart(42); };</script>",
            "<script src=\"https://www.51.la/static/img/logo.js\"></script>".replace("www.51.la/static/img/logo.js",
                "static.shop.example/js/la.js"));
        String baidu = "<script>var _hmt=_hmt||[];(function(){var t=document.createElement(\"script\");"
            + "t.src=\"https://hm.baidu.com/hm.js?0123456789abcdef0123456789abcdef\";document.head.appendChild(t)})();"
            + "</script>";
        String cnzz = "<span id=\"cnzz_stat_icon_1281234567\"></span><script src=\"https://s9.cnzz.com/z_stat.php?"
            + "id=1281234567&amp;show=pic1\" type=\"text/javascript\"></script>";
        String la = "<script charset=\"UTF-8\" id=\"LA_COLLECT\" src=\"//sdk.51.la/js-sdk-pro.min.js\"></script>"
            + "<script>LA.init({id:\"Kabc123XYZ\",ck:\"Kabc123XYZ\"})</script>";
        String page = own.get(0) + baidu + own.get(1) + own.get(2) + cnzz + own.get(3) + own.get(4) + la + own.get(5)
            + own.get(6) + own.get(7);
        String expected = own.get(0) + own.get(1) + own.get(2) + "<span id=\"cnzz_stat_icon_1281234567\"></span>"
            + own.get(3) + own.get(4) + "<script>LA.init({id:\"Kabc123XYZ\",ck:\"Kabc123XYZ\"})</script>"
            + own.get(5) + own.get(6) + own.get(7);
        assertEquals(expected, rewrite(REMOVE, page, ConsentDecision.refuseAll()));
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Korean and Japanese pages' own tools on the same CDNs and domains as their trackers
        "<script src=\"//t1.daumcdn.net/mapjsapi/bundle/postcode/prod/postcode.v2.js\"></script>",
        "<script src=\"https://t1.kakaocdn.net/kakao_js_sdk/2.7.2/kakao.min.js\" crossorigin=\"anonymous\"></script>"
            + "<script>Kakao.init('0123456789abcdef0123456789abcdef');</script>",
        "<script src=\"https://oapi.map.naver.com/openapi/v3/maps.js?ncpKeyId=abc123\"></script>",
        "<div class=\"line-it-button\" data-lang=\"ja\" data-type=\"share-a\" data-url=\"https://shop.example/\"></div>"
            + "<script src=\"https://www.line-website.com/social-plugins/js/thirdparty/loader.min.js\" async=\"async\""
            + " defer=\"defer\"></script>",
        "<img src=\"https://s.yimg.jp/images/top/sp2/clr/1/1.png\" alt=\"Yahoo! JAPAN\">",
        "<a href=\"https://shopping.yahoo.co.jp/\">Yahoo!ショッピング</a>",
        "<a href=\"https://hb.afl.rakuten.co.jp/hgc/0a1b2c3d.4e5f6a7b/?pc=https%3A%2F%2Fitem.rakuten.co.jp%2Fshop%2F4"
            + "2%2F\" rel=\"nofollow sponsored noopener\" target=\"_blank\">楽天市場で見る</a>",
        "<script>if(!wcs_add) var wcs_add = {}; wcs_add['wa'] = 's_1a2b3c4d5e6f';</script>",
        "<script src=\"/js/kp.js\"></script>",
        "<p>LINE Tag (<code>_lt('init', …)</code>) と Yahoo!広告のタグを使用しています。</p>",
    })
    void asianSitesOwnToolsStay(String html) {
        assertKept(html);
    }
}
