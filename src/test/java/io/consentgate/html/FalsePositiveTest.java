package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.events;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import org.junit.jupiter.api.Test;

/** Things that mention trackers but load nothing must pass through untouched, even when everything is refused. */
class FalsePositiveTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();

    private static void assertUntouched(String html) {
        assertEquals(html, rewrite(REMOVE, html, NONE));
        assertEquals(0, events(REMOVE, html, NONE).stream()
            .filter(e -> e.action() != TrackerEvent.Action.ALLOWED).count(), html);
    }

    @Test
    void keepsLookAlikeHosts() {
        assertUntouched("<script src=\"https://notgoogle-analytics.com/a.js\"></script>"
            + "<img src=\"https://www.facebook.com.evil.example/tr\"><img src=\"https://facebook.community/tr\">"
            + "<script src=\"https://googletagmanager.com.example.org/gtm.js\"></script>");
    }

    @Test
    void keepsTrackerUrlsInTextCommentsAndOtherAttributes() {
        assertUntouched("<p>Load https://connect.facebook.net/en_US/fbevents.js</p>"
            + "<!-- <script src=\"https://www.googletagmanager.com/gtm.js\"></script> -->"
            + "<img alt=\"https://www.facebook.com/tr\" src=\"/a.png\" data-track=\"https://bat.bing.com/action/0\">"
            + "<img src=\"/proxy?u=https://www.facebook.com/tr\">");
    }

    @Test
    void keepsMarkupInsideTextareaPreTitleAndXmp() {
        assertUntouched("<textarea><script src=\"https://connect.facebook.net/x.js\"></script></textarea>"
            + "<pre>&lt;img src=\"https://www.facebook.com/tr\"&gt;</pre>"
            + "<title><iframe src=\"https://www.googletagmanager.com/ns.html\"></iframe></title>"
            + "<xmp><img src=\"https://www.facebook.com/tr\"></xmp>");
    }

    @Test
    void keepsJsonLdSameAsLinksToSocialProfiles() {
        assertUntouched("<script type=\"application/ld+json\">{\"sameAs\":[\"https://www.facebook.com/acme\","
            + "\"https://www.linkedin.com/company/acme\",\"https://twitter.com/acme\"]}</script>");
    }

    @Test
    void keepsLinksToACompanysFacebookPage() {
        assertUntouched("<a href=\"https://www.facebook.com/acmeoutdoor\">Facebook</a>"
            + "<a href=\"https://www.google-analytics.com/\">GA</a><link rel=\"me\" href=\"https://www.facebook.com/a\">");
    }

    @Test
    void keepsGoogleConsentModeDefaultsThatLoadNothing() {
        // removing it would let a tag the visitor did allow (a G- tag under analytics-only consent) start with
        // Google's defaults, ad storage granted, and leave gtag() undefined for the page's own code
        assertUntouched("""
            <script>
            window.dataLayer = window.dataLayer || [];
            function gtag(){dataLayer.push(arguments);}
            gtag('consent', 'default', {ad_storage: 'denied', analytics_storage: 'denied', wait_for_update: 500});
            gtag('set', 'ads_data_redaction', true);
            </script>""");
    }

    @Test
    void keepsInlinePageStateWhosePrivacyNoticeNamesTrackerHosts() {
        assertUntouched("<script>window.__STATE__={page:{title:\"Privacy policy\",body:\"This site uses Google "
            + "Analytics. Your browser then connects to www.google-analytics.com and googletagmanager.com.\"}};"
            + "</script>");
    }

    @Test
    void keepsPageStateAndConfigurationThatNameATrackerHostAsAValue() {
        // a cookie table in SSR page state (SvelteKit, Remix), a consent manager's own blocking list, a Partytown
        // URL resolver, and the same table in a Next.js App Router payload (a string inside a string)
        assertUntouched("<script>kit.start(app, el, {data:[null,{type:\"data\",data:{rows:[{name:\"_ga\","
            + "host:\"www.google-analytics.com\"},{name:\"_fbp\", host : 'connect.facebook.net'}]}}]});</script>");
        assertUntouched("<script>window.__remixContext = {\"state\":{\"loaderData\":{\"routes/privacy\":"
            + "{\"vendors\":[{\"domain\":\"https://www.googletagmanager.com\"}]}}}};</script>");
        assertUntouched("<script>var _ckyConfig = {\"_publicURL\":\"https:\\/\\/shop.example\",\"_providersToBlock\":"
            + "[{\"re\":\"connect.facebook.net\",\"categories\":[\"advertisement\"]},{\"re\":\"static.hotjar.com\","
            + "\"categories\":[\"analytics\"]}]};</script>");
        assertUntouched("<script>partytown = { forward: ['dataLayer.push'], resolveUrl: function (u) {\n"
            + "  return u.hostname === 'connect.facebook.net' || u.hostname !== \"www.google-analytics.com\" ? "
            + "new URL('https://proxy.shop.example/?url=' + encodeURIComponent(u.href)) : u; } };</script>");
        assertUntouched("<script>self.__next_f.push([1,\"0:[\\\"$\\\",\\\"td\\\",null,{\\\"children\\\":"
            + "\\\"www.google-analytics.com\\\"}]\\n\"])</script>");
    }

    @Test
    void keepsAThemeScriptWhoseTrackerLinesAreCommentedOut() {
        assertUntouched("<script>initMenu();\n// s.src = \"https://connect.facebook.net/en_US/fbevents.js\"; // removed 2023\n"
            + "    // fbq('init', '318274650192837');\ninitSlider();</script>"
            + "<script>\ninitCart();\n/*\n  Old pixel, replaced by the consent manager:\n  !function(f,b,e,v){}(window,document,"
            + "'script','https://connect.facebook.net/en_US/fbevents.js');\n  fbq('init', '318274650192837');\n*/\n</script>");
    }

    @Test
    void keepsStylesheetsAndNonScriptDataBlocks() {
        // a stylesheet that only names a tracker (a comment, generated text, a selector) fetches nothing from it
        assertUntouched("<style>/* url(https://www.facebook.com/tr) */.x::after{content:\"https://www.facebook.com/tr\"}"
            + "a[href*='connect.facebook.net']{color:red}</style>"
            + "<script type=\"text/template\"><img src=\"https://www.facebook.com/tr\"></script>");
    }

    @Test
    void keepsInlineTextThatNamesATrackerHostInAUrlWithoutAPath() {
        // i18n strings and a CSP copy in page config: a scheme and host with nothing after it but ")", white space,
        // "," or ";" is text; a loader always goes on with a path (or a quote, to concatenate one)
        assertUntouched("<script>\nwindow.i18n = {\"privacy\":\"We use Google Analytics "
            + "(https://www.google-analytics.com) and the Meta Pixel (https://connect.facebook.net) only with your "
            + "consent.\",\"share\":\"https://www.facebook.com/sharer/sharer.php?u=\"};\n</script>"
            + "<script>window.cspHeader = \"script-src 'self' https://www.googletagmanager.com "
            + "https://connect.facebook.net; img-src https://www.google-analytics.com, https://bat.bing.com; frame-src 'self'\";</script>");
    }

    @Test
    void keepsPageStateWhoseArticleQuotesATrackerUrlAsText() {
        // SSR page state (Apollo, Redux, Nuxt 2) that carries a blog post about installing a tag: the URLs stand in
        // the post's text, after a ">" or after a word and white space, where no loader writes a URL; removing the
        // script leaves the page without its state (blank or broken hydration)
        assertUntouched("<script>window.__APOLLO_STATE__ = {\"Post:1\":{\"body\":\"<p>Add "
            + "<code>https://connect.facebook.net/en_US/fbevents.js</code> to your page.</p>\"}};</script>"
            + "<script>window.__NUXT__={data:[{post:{html:\"<p>Paste this: https://www.googletagmanager.com/gtag/js?id=G-XXXX "
            + "into the head, or load //static.hotjar.com/c/hotjar-1.js as shown.</p>\"}}]};</script>");
    }

    @Test
    void keepsPageStateWhoseArticleQuotesALoaderSignatureInItsMarkup() {
        // a tracking how-to carried as HTML in SSR page state: the vendor's variable names stand in <code> and <pre>
        // text of the article (escaped as devalue and JSON escape them, or not), where no loader writes code
        assertUntouched("<script>window.__NUXT__={data:[{post:{body:\"<p>Paste this snippet: <code>_hjSettings={hjid:1234,"
            + "hjsv:6}</code> into your head</p>\"}}]}</script>");
        assertUntouched("<script>window.__NUXT__=(function(a){return {data:[{html:\"\\u003Cp\\u003ESet "
            + "\\u003Ccode\\u003Ewindow._linkedin_partner_id\\u003C\\u002Fcode\\u003E before the tag.\\u003C\\u002Fp\\u003E\"}]}}"
            + "(1))</script>");
        assertUntouched("<script>window.__APOLLO_STATE__ = {\"Post:7\":{\"content\":\"<h2>Step 2</h2><pre class=\\\"js\\\">"
            + "fbq('init', '123456789');\\nfbq('track', 'PageView');</pre><p>Then publish.</p>\"}};</script>");
        // the whole snippet, its URL too, in a <pre> that devalue escaped
        assertUntouched("<script>window.__NUXT__=(function(a){return {data:[{body:\"\\u003Cpre\\u003E!function(f,b,e,v,n,t,s)"
            + "{if(f.fbq)return;n=f.fbq=function(){};}(window, document,\\u0027script\\u0027,\\u0027https:\\u002F\\u002F"
            + "connect.facebook.net\\u002Fen_US\\u002Ffbevents.js\\u0027);\\u003C\\u002Fpre\\u003E\"}]}}(1))</script>");
    }

    @Test
    void keepsPageStateWhoseTextNamesALoaderSignatureAfterAWord() {
        // a word, a space, then the name: no JavaScript statement reads so (only a keyword comes before an expression
        // like that), prose does
        assertUntouched("<script>window.__NUXT__={data:{faq:[{q:\"Where does the account id go?\",a:\"Docs: paste "
            + "_dcs.account here, then call mixpanel.init( with your token.\"}]}};</script>");
        assertUntouched("<script>window.__INITIAL_STATE__={\"glossary\":\"The variable _hjSettings holds the site id\"};"
            + "</script>");
    }

    @Test
    void aSignatureAfterAKeywordIsCode() {
        for (String code : new String[] {
            "<script>var _hjSettings = {hjid: 1, hjsv: 6};</script>",
            "<script>if (window.ok) { x(); } else fbq('init', '123');</script>",
            "<script>function go() { return mixpanel.init(\"tok\"); } go();</script>",
            "<script>typeof _linkedin_partner_id === 'undefined' && (window._linkedin_partner_id = '123');</script>"}) {
            assertEquals("", rewrite(REMOVE, code, NONE), code);
        }
    }

    @Test
    void aLoaderThatWritesItsCodeOrAFrameAsMarkupIsStillRemoved() {
        // code in a string that becomes a script, or a signature after the string that held markup: code
        String inject = "<script>jQuery('head').append('<p class=\"note\"></p><script>fbq(\"init\", \"123\");"
            + "<\\/script>');</script>";
        assertEquals("", rewrite(REMOVE, inject, NONE));
        String welcome = "<script>document.getElementById('n').innerHTML = '<p>Welcome</p>';";
        String settings = " _hjSettings={hjid:1,hjsv:6};";
        assertEquals(welcome + " ".repeat(settings.length()) + "</script>",
            rewrite(REMOVE, welcome + settings + "</script>", NONE)); // the settings statement blanked (MixedScript)
        // a frame written after a paragraph: the element that fetches is nearer than the article markup
        String frame = "<script>box.innerHTML = '<p>Loading</p><iframe src=\"https://www.googletagmanager.com/ns.html"
            + "?id=GTM-AB12\" height=\"0\" width=\"0\"></iframe>';</script>";
        assertEquals("", rewrite(REMOVE, frame, NONE));
        // comparisons with variables named like tags, a comment with an apostrophe, URLs in attributes of markup
        for (String code : new String[] {
            "<script>var ids=[\"123\"],p=ids.length;for(var i=0;i<p;i++)fbq(\"init\",ids[i]);</script>",
            "<script>var q=document.querySelectorAll(\"li\"),li=q.length;for(var i=0;i<li;i++)_hjSettings={hjid:3,hjsv:6};"
                + "</script>",
            "<script>/* Don't edit - see <code>README</code> */ fbq('init','123456');</script>",
            "<script>el.insertAdjacentHTML(\"beforeend\",\"<p style=\\\"background:url(https://www.facebook.com/tr?id=1"
                + "&ev=PageView)\\\"></p>\");</script>",
            "<script>list.innerHTML=\"<li><input type=image src=https://www.facebook.com/tr?id=1></li>\";</script>"}) {
            assertEquals("", rewrite(REMOVE, code, NONE), code);
        }
    }

    @Test
    void keepsPageStateWhoseMarkdownOrTextQuotesATrackerUrl() {
        // a Markdown link target, a Markdown table cell and a URL on a line of its own inside a string: text
        assertUntouched("<script>window.__NUXT__={data:{post:{markdown:\"Load [fbevents.js](https://connect.facebook.net"
            + "/en_US/fbevents.js) in the head.\"}}};</script>\n"
            + "<script>window.__NUXT__={data:{post:{markdown:\"| Cookie | Source |\\n|---|---|\\n| _fbp | "
            + "https://connect.facebook.net/en_US/fbevents.js |\"}}};</script>\n"
            + "<script>window.__STATE__={policy:\"Loaded from:\\nhttps://connect.facebook.net/en_US/fbevents.js\"};"
            + "</script>");
    }

    @Test
    void keepsTheRestOfTheSharedHostsWhoseTrackingPathsAreListed() {
        // another Azure customer's Traffic Manager host with the same path, HubSpot's API beside its script loader,
        // a help centre's own assets and frames, a CMS's other /hs/ scripts, the banners of an affiliate network
        assertUntouched("<script src=\"https://contoso-storefront.trafficmanager.net/uet/tracking_script?shop=x\">"
            + "</script>\n<script async src=\"https://bingshoppingtool-t2app-prod.trafficmanager.net.example/uet/"
            + "tracking_script\"></script>\n"
            + "<script src=\"https://api.hubapi.com/content/api/v2/widgets.js?portalId=2345678\"></script>\n"
            + "<script src=\"https://static.zdassets.com/hc/assets/hc_enduser-6a0d3f.js\"></script>\n"
            + "<iframe src=\"https://maplegoods.zendesk.com/hc/en-us/articles/360012345678\"></iframe>\n"
            + "<a href=\"https://maplegoods.zendesk.com/hc/en-us/requests/new\">Contact support</a>\n"
            + "<script src=\"/hs/hsstatic/cos-i18n/static-1.53/bundles/project.js\"></script>\n"
            + "<script src=\"/hs/scriptloader/settings.js\"></script><script src=\"/scriptloader/2345678.js\"></script>\n"
            + "<img src=\"https://static.shareasale.com/image/48213/300x250_spring.jpg\" alt=\"\">\n"
            + "<img src=\"https://assets1.adroll.com/images/partner-badge.png\" alt=\"\">\n"
            + "<script src=\"https://unpkg.com/@tinybirdco/charts@0.2.1/dist/index.umd.js\"></script>");
    }

    @Test
    void keepsTheOtherUrlsOfAnAppLoaderWhoseListHoldsARefusedTracker() {
        // a storefront's app loader (as Shopify writes every store's installed apps into one script): removing it for
        // the Klaviyo URL in its list would also drop the reviews and chat apps; the refused URL alone goes inert
        String loader = "<script>(function () { function asyncLoad() { var urls = [%s];\n"
            + "  for (var i = 0; i < urls.length; i++) { var s = document.createElement('script'); s.async = true;"
            + " s.src = urls[i]; document.head.appendChild(s); } }\n"
            + "  window.addEventListener('load', asyncLoad, false); })();</script>";
        String klaviyo = "\"https:\\/\\/static.klaviyo.com\\/onsite\\/js\\/klaviyo.js?company_id=AbC123\"";
        String apps = "\"\\/\\/reviews.apps.example\\/embed\\/loader.js?shop=acme.myshopify.com\"," + klaviyo
            + ",\"https:\\/\\/chat.apps.example\\/widget.js\"";
        String inert = "\"data:," + "/".repeat(klaviyo.length() - 2 - 6) + "\"";
        String in = String.format(loader, apps);
        assertEquals(String.format(loader, apps.replace(klaviyo, inert)), rewrite(REMOVE, in, NONE));
        assertEquals(java.util.List.of(TrackerEvent.Action.NEUTRALIZED),
            events(REMOVE, in, NONE).stream().map(TrackerEvent::action).toList());
        // a list of trackers only, a URL the script builds in a template, a loader signature beside the list: removed as before
        assertEquals("", rewrite(REMOVE, String.format(loader, klaviyo), NONE));
        assertEquals("", rewrite(REMOVE, String.format(loader, apps.replace(klaviyo,
            "`https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=${id}`")), NONE));
        assertEquals("", rewrite(REMOVE, String.format(loader, apps).replace("asyncLoad() {",
            "asyncLoad() { fbq('init', '1'); s.src = 'https://connect.facebook.net/en_US/fbevents.js';"), NONE));
    }

    @Test
    void keepsSettingsAndPageStateWithTheirRefusedTrackerUrlsOverwritten() {
        // a CMS's settings or an app's page state that carries a tracker URL as data: removing the script would leave
        // the site without its behaviours or its state, so the URL goes inert in place (a data: URL of its length)
        String sdk = "\\/\\/connect.facebook.net\\/en_US\\/sdk.js";
        String drupal = "<script>jQuery.extend(Drupal.settings, {\"basePath\":\"\\/\",\"ajaxPageState\":{\"theme\":"
            + "\"bartik\",\"js\":{\"%s\":1,\"misc\\/drupal.js\":1}},\"views\":{\"ajax_path\":\"\\/views\\/ajax\"}});"
            + "</script>";
        assertOverwritten(drupal, sdk);
        String fbevents = "https:\\/\\/connect.facebook.net\\/en_US\\/fbevents.js";
        String cookieman = "<script>var TYPO3 = Object.assign(TYPO3 || {}, {\"settings\":{\"TS\":{\"cookieman\":"
            + "{\"trackingObjects\":{\"Meta\":{\"inject\":\"<script src=\\\"%s\\\"><\\/script>\"}}}}}});</script>";
        assertOverwritten(cookieman, fbevents);
        String gtag = "https://www.googletagmanager.com/gtag/js?id=G-7Q2X9RTB1K";
        String state = "<script>window.__INITIAL_STATE__ = {\"post\": {\"title\": \"GA4 in ten minutes\", \"snippet\":"
            + " \"<script async src=\\\"%s\\\"><\\/script>\"}, \"user\": null};</script>";
        assertOverwritten(state, gtag);
        String config = "<script>loadWidgets({chat: '/js/chat.js', pixel: '%s'});</script>";
        assertOverwritten(config, "https://connect.facebook.net/en_US/fbevents.js");
        // what still starts a tracker goes whole: a loader signature beside the data, a URL the code assigns
        assertEquals("", rewrite(REMOVE, String.format(drupal, sdk).replace("<script>",
            "<script>fbq('init', '318274650192837');"), NONE));
        assertEquals("", rewrite(REMOVE, "<script>var s = document.createElement('script'); s.src = "
            + "'https://connect.facebook.net/en_US/fbevents.js'; document.head.appendChild(s);</script>", NONE));
    }

    @Test
    void keepsNuxt2PageStateWhoseUrlsAreWrittenWithUnicodeEscapedSlashes() {
        // Nuxt 2 serializes its state with every / written as \u002F, and hoists a value it meets twice into a
        // parameter of the function it returns the state from: without window.__NUXT__ the page does not hydrate
        String fbevents = "https:\\u002F\\u002Fconnect.facebook.net\\u002Fen_US\\u002Ffbevents.js";
        String nuxt = "<script>window.__NUXT__=(function(a,b){return {layout:\"default\",data:[{}],fetch:{},"
            + "error:null,state:{tracking:{loader:\"%s\",pixel:a}},serverRendered:b,routePath:\"\\u002F\","
            + "config:{_app:{basePath:\"\\u002F\",assetsPath:\"\\u002F_nuxt\\u002F\",cdnURL:null}}}}"
            + "(\"318822504411\",true));</script>";
        assertOverwritten(nuxt, fbevents);
        String hoisted = "<script>window.__NUXT__=(function(a,b,c){return {layout:\"default\",data:[{hero:"
            + "\"https:\\u002F\\u002Fcdn.shop.example\\u002Fhero.jpg\"}],state:{tracking:{loader:c},ads:{loader:c}},"
            + "serverRendered:b,routePath:\"\\u002F\"}}(\"318822504411\",true,\"%s\"));</script>";
        assertOverwritten(hoisted, fbevents);
        // hoisted, and the state's only absolute URL: an argument there is state all the same
        assertOverwritten("<script>window.__NUXT__=(function(a,b,c){return {layout:\"blog\",data:[{cover:b}],"
            + "state:{analytics:{src:a}},config:{analytics:{src:a}},serverRendered:c}}(\"%s\",\"\\u002Fimg"
            + "\\u002Fcover.jpg\",true));</script>", fbevents);
        String gtag = "\\u002F\\u002Fwww.googletagmanager.com\\u002Fgtag\\u002Fjs?id=G-7QX2MPLD9R";
        assertOverwritten("<script>window.__NUXT__={state:{analytics:{src:\"%s\"}},serverRendered:true};</script>",
            gtag);
        // the same URL loaded by the script's own code still goes
        assertEquals("", rewrite(REMOVE, "<script>var s = document.createElement('script'); s.src = '"
            + fbevents + "'; document.head.appendChild(s);</script>", NONE));
    }

    @Test
    void keepsLoaderDataStreamedAsJsonInsideAStringWithItsRefusedUrlsOverwritten() {
        // React Router 7 and Remix's single fetch stream a route's loader data as JSON inside a string literal; the
        // client waits for it: without that script the page never hydrates
        String fbevents = "https://connect.facebook.net/en_US/fbevents.js";
        String stream = "<script>window.__reactRouterContext.streamController.enqueue(\"[{\\\"_1\\\":2},"
            + "\\\"loaderData\\\",{\\\"_3\\\":4},\\\"root\\\",{\\\"_5\\\":6,\\\"_7\\\":8},"
            + "\\\"gaId\\\",\\\"G-K3STR3L001\\\",\\\"pixelUrl\\\",\\\"%s\\\"]\\n\");</script>";
        assertOverwritten(stream, fbevents);
        assertOverwritten(stream.replace("__reactRouterContext", "__remixContext"), "//www.googletagmanager.com/"
            + "ns.html?id=GTM-K3STR3L");
        String parsed = "<script>window.__APOLLO_STATE__ = JSON.parse(\"{\\\"Shop:1\\\":{\\\"pixel\\\":"
            + "\\\"%s\\\",\\\"name\\\":\\\"Kestrel\\\"}}\");</script>";
        assertOverwritten(parsed, fbevents);
        // code in such a string is not data: a URL passed to a call there still takes the script with it
        assertEquals("", rewrite(REMOVE, "<script>setTimeout(\"loadScript(\\\"" + fbevents + "\\\")\", 3000);"
            + "</script>", NONE));
    }

    @Test
    void keepsAWidgetTreeWhoseMarkupStringHoldsARefusedUrlInAnAttributeQuotedTheOtherWay() {
        // ZK builds a whole page from one zkmx(...) call; an <html> component's or a native element's markup is a
        // single-quoted string there, its attributes in double quotes: removing the call would leave a blank page
        String pixel = "https:\\/\\/www.facebook.com\\/tr?id=418562907331254&ev=PageView&noscript=1";
        String zk = "<script class=\"z-runonce\" type=\"text/javascript\">zkpi=1;zkmx(\n[0,'mXvP_',{dt:'z_fn5',"
            + "cu:'\\/claims',uu:'\\/claims\\/zkau',ru:'\\/index.zul'},{},[\n['zul.wnd.Window','mXvP0',"
            + "{title:'Claims',border:'normal'},{},[\n['zul.wgt.Button','mXvP3',{label:'New claim',$onClick:true},"
            + "{},[]],\n['zul.wgt.Html','mXvP6',{content:'<img height=\"1\" width=\"1\" style=\"display:none\" "
            + "src=\"%s\"\\/>'},{},[]]]]]]);\n</script>";
        assertOverwritten(zk, pixel);
        String frame = "https://www.googletagmanager.com/ns.html?id=GTM-K4T7R2M";
        String widget = "<script>render({prolog: \"<noscript><iframe src='%s' height='0' width='0'></iframe>"
            + "</noscript>\", title: 'Claims'});</script>";
        assertOverwritten(widget, frame);
        // a quote of the string's own kind ends the string: the URL is code's, and the script goes as before
        assertEquals("", rewrite(REMOVE, "<script>var i = new Image(); i.src = '" + frame.replace("ns.html", "gtm.js")
            + "'; document.body.appendChild(i);</script>", NONE));
    }

    private static void assertOverwritten(String script, String url) {
        String in = String.format(script, url);
        assertEquals(String.format(script, "data:," + "/".repeat(url.length() - "data:,".length())),
            rewrite(REMOVE, in, NONE), in);
        assertEquals(java.util.List.of(TrackerEvent.Action.NEUTRALIZED),
            events(REMOVE, in, NONE).stream().map(TrackerEvent::action).toList(), in);
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()));
    }

    @Test
    void keepsVendorsWebsitesSamplesAndTemplatesThatLookLikeTheirTags() {
        // a vendor's policy or a forum's page linked from config or code, a theme setting, a lead form's endpoint,
        // a site's public analytics dashboard, a code sample and a template that are text/plain but held by nobody
        assertUntouched("<script>window.cookieTable = {disqus: {policy: \"https://disqus.com/privacy-policy/\"},"
            + " goatcounter: {policy: \"https://www.goatcounter.com/help/privacy\"}};</script>"
            + "<script>window.themeConfig = {disqus_shortname: \"\", darkMode: true}; initTheme();</script>"
            + "<script>link.href = 'https://disqus.com/home/forum/acme/'; stats.href = "
            + "'https://acme.goatcounter.com/?period-start=2026-01-01'; initMenu();</script>"
            + "<script>submitLead({action: \"https://s1234.t.eloqua.com/e/f2\", fields: form});</script>"
            + "<script type=\"text/plain\" class=\"prettyprint lang-js\">var _paq = window._paq = window._paq || [];\n"
            + "_paq.push(['setTrackerUrl', u + 'matomo.php']); _paq.push(['setSiteId', '1']);</script>"
            + "<script type=\"text/plain\" id=\"comment-tpl\"><a href=\"https://disqus.com/home/forum/{{forum}}/\">"
            + "{{count}} comments</a></script>"
            + "<script src=\"/js/prebid-ads.js\"></script><script src=\"/js/api_static.min."
            + "0f9e8d7c6b5a49382716e5f4d3c2b1a0.js\"></script>");
    }

    @Test
    void keepsWhatOnlyNamesThePublisherAndWordPressVendors() {
        // links to the vendors, their content and badge images, configuration that loads nothing on its own, a
        // privacy notice in page state, and first-party URLs that only look like a tag gateway's
        assertUntouched("<a href=\"https://www.chartbeat.com/\">Chartbeat</a><a href=\"https://www.parse.ly/\">Parse.ly</a>"
            + "<a href=\"https://statcounter.com/\">StatCounter</a><a href=\"https://vk.com/acme\">VK</a>"
            + "<a href=\"https://line.me/R/ti/p/@acme\">LINE</a><a href=\"https://jetpack.com/\">Jetpack</a>"
            + "<img src=\"https://cdn.dynamicyield.com/api/8781234/images/0a1b2c__banner.jpg\" alt=\"\">"
            + "<img src=\"https://static.getclicky.com/media/links/badge.gif\" alt=\"Clicky\">"
            + "<img src=\"https://i0.wp.com/shop.example/wp-content/uploads/rose.jpg?w=600\" alt=\"\">"
            + "<img src=\"https://t1.daumcdn.net/cafeattach/1a2b/photo.jpg\" alt=\"\">"
            + "<script>var pysOptions = {\"facebook\":{\"pixelIds\":[\"123\"]}};</script>"
            + "<script>_stq = window._stq || []; _stq.push([ 'view', {blog: '1', post: '7'} ]);</script>"
            + "<script>window.DY = window.DY || {}; DY.recommendationContext = {type: 'HOMEPAGE'};</script>"
            + "<script>window.__STATE__={privacy:\"We count visits with Chartbeat (static.chartbeat.com) and "
            + "Jetpack: your browser connects to stats.wp.com.\"};</script>"
            + "<script src=\"/search/?q=shoes&amp;id=12345\"></script><script src=\"/?id=GTM-AB12CD\"></script>"
            + "<iframe src=\"/gallery/?id=G7-summer\"></iframe>"
            + "<script src=\"/wp-content/plugins/pixelyoursite/dist/scripts/jquery.bind-first-0.2.3.min.js\"></script>");
    }

    @Test
    void keepsSiteScriptsAndFramesWhoseIdsOnlyStartLikeGoogleTagIds() {
        // a cart handler that reports an event for a product numbered like a Google tag, a dealer's tour, a manual
        // viewer and a carousel whose directory URLs carry such a number: none is a Google tag
        assertUntouched("<script>\n  document.getElementById(\"add\").addEventListener(\"click\", function () {\n"
            + "    cart.add(window.product);\n    gtag(\"event\", \"add_to_cart\", { items: [{ item_id: \"GT-2040\","
            + " item_name: \"Gravel tyre\" }] });\n  });\n</script>"
            + "<script>gtag('event', 'view_item', {items: [{item_id: 'G-SHOCK5600'}, {item_id: 'UA-33-1'}]});</script>"
            + "<iframe src=\"https://tours.dealer.example/showroom/?id=GT-500\"></iframe>"
            + "<iframe src=\"/viewer/?id=DC-2077-manual\"></iframe>"
            + "<script src=\"https://cdn.shop.example/carousel/?id=G-7Q2X\"></script>");
        // an analytics tag whose page also reports products numbered like Ads and Floodlight ids needs analytics only
        ConsentDecision analytics = ConsentDecision.of(java.util.Set.of(io.consentgate.Category.ANALYTICS),
            java.util.Map.of(), io.consentgate.ConsentMode.OPT_IN);
        String ga4 = "<script>gtag('js', new Date()); gtag('config', 'G-7Q2X9RTB1K');\n"
            + "gtag('event', 'view_item', {items: [{item_id: 'AW-5511'}, {item_id: 'DC-100245'}]});</script>";
        assertEquals(ga4, rewrite(REMOVE, ga4, analytics));
        assertEquals("", rewrite(REMOVE, ga4, NONE));
        String ads = "<script>gtag('js', new Date()); gtag('config', 'AW-918273645');</script>";
        assertEquals("", rewrite(REMOVE, ads, analytics));
    }

    @Test
    void keepsLocaleFilesThatShareALoadersFileName() {
        // flatpickr's Austrian locale is l10n/at.js, Adobe Target's library at.js: a locale directory holds translations
        assertUntouched("<script src=\"https://cdn.jsdelivr.net/npm/flatpickr\"></script>\n"
            + "<script src=\"https://cdn.jsdelivr.net/npm/flatpickr/dist/l10n/at.js\"></script>\n"
            + "<script>flatpickr(\"#date\", { locale: \"at\" });</script>"
            + "<script src=\"/static/vendor/flatpickr/l10n/at.js\"></script>");
        assertEquals("", rewrite(REMOVE, "<script src=\"/static/vendor/adobe/at.js\"></script>", NONE));
    }

    @Test
    void keepsASiteHelperNamedLikeYandexMetricasCall() {
        assertUntouched("<script>\n  function ym(y, m) { return y + \"-\" + String(m).padStart(2, \"0\"); }\n"
            + "  document.getElementById(\"archive\").textContent = ym(2024, 3);\n</script>");
        assertUntouched("<script>\n  function ym(year, monthName) { return monthName + ' ' + year; }\n"
            + "  document.querySelector('.issue').textContent = ym(2024, 'March');\n</script>");
        assertEquals("", rewrite(REMOVE, "<script>ym(12345678, \"init\", {clickmap: true});</script>", NONE));
    }

    @Test
    void keepsASiteSingletonNamedLikeAdobesIdService() {
        // Adobe's ID service starts with its organisation's id: Visitor.getInstance("…@AdobeOrg", {…})
        assertUntouched("<script>\n  var current = Visitor.getInstance();\n"
            + "  document.querySelector('.greeting').textContent = 'Welcome back, ' + current.name;\n</script>");
        assertEquals("", rewrite(REMOVE, "<script>var v = Visitor.getInstance('53A16ACB5CC1D3760A495C99@AdobeOrg',"
            + " {trackingServer: 'metrics.shop.example'});</script>", NONE));
    }

    @Test
    void keepsTheImagesOfAHelpArticleOnTheMessengersCdn() {
        // downloads.intercomcdn.com holds a help centre's screenshots; the messenger's code is on js.intercomcdn.com
        assertUntouched("<article><h2>Reset your password</h2><img alt=\"Settings\" src=\"https://downloads."
            + "intercomcdn.com/i/o/812345678/abcdef0123456789/settings.png\"></article>");
        assertEquals("<p>x</p>", rewrite(REMOVE, "<script src=\"https://js.intercomcdn.com/frame-modern.0a1b2c3d.js\">"
            + "</script><p>x</p>", NONE));
        assertEquals("<p>x</p>", rewrite(REMOVE, "<script async src=\"https://widget.intercom.io/widget/abc123\">"
            + "</script><p>x</p>", NONE));
    }

    @Test
    void keepsACartScriptThatReportsAGoalToAnOldMetricaCounter() {
        // the counter is gone with its loader; the cart, the coupon field and the goal call's script stay
        assertUntouched("<script>\n  document.querySelectorAll('.add-to-cart').forEach(function (b) {\n"
            + "    b.addEventListener('click', function () {\n      cart.add(b.dataset.sku);\n"
            + "      var counter = window['yaCounter' + shop.metrikaId];\n"
            + "      if (counter) { counter.reachGoal('CART'); }\n    });\n  });\n"
            + "  document.getElementById('coupon').addEventListener('change', cart.applyCoupon);\n</script>");
    }

    @Test
    void keepsAScriptThatLogsAnAmplitudeEventBesideItsOwnWork() {
        assertUntouched("<script>\n  document.getElementById('plan-pro').addEventListener('click', function () {\n"
            + "    amplitude.getInstance().logEvent('Plan Selected', {plan: 'pro'});\n"
            + "    checkout.open('pro');\n  });\n</script>");
    }

    @Test
    void keepsAnErrorReporterThatSkipsErrorsOfTrackerScripts() {
        assertUntouched("<script>\n  window.addEventListener('error', function (e) {\n"
            + "    var f = e.filename || '';\n"
            + "    if (f.indexOf('www.googletagmanager.com') !== -1 || f.includes('connect.facebook.net')) { return; }\n"
            + "    navigator.sendBeacon('/errors', JSON.stringify({m: e.message, f: f}));\n  });\n</script>");
    }

    @Test
    void keepsAnErrorMonitorsSetupThatIgnoresTrackerHosts() {
        assertUntouched("<script>\n  Sentry.onLoad(function () {\n    Sentry.init({\n"
            + "      release: 'shop@4.2.0',\n      denyUrls: ['connect.facebook.net', 'www.googletagmanager.com'],\n"
            + "      ignoreErrors: ['ResizeObserver loop limit exceeded']\n    });\n  });\n</script>");
    }

    @Test
    void keepsASlideshowWhoseObjectIsNamedStg() {
        assertUntouched("<script>\n  var stg = new Slideshow(document.getElementById('stage'), {autoplay: true});\n"
            + "  document.getElementById('play').onclick = function () { stg.start(); };\n</script>");
    }

    @Test
    void keepsACheckoutScriptThatQueuesAYahooConversion() {
        assertUntouched("<script>\n  document.getElementById('checkout').addEventListener('submit', function () {\n"
            + "    window.dotq = window.dotq || [];\n"
            + "    window.dotq.push({projectId: '10000', properties: {pixelId: '10123456', qstrings: {ea: 'purchase'}}});\n"
            + "    checkout.lockButton();\n  });\n</script>");
    }

    @Test
    void keepsASitesOwnNewsletterFormThatSubscribesThroughKlaviyo() {
        // the visitor's own sign-up goes to Klaviyo's subscription API; only its event and identify calls track
        assertUntouched("<form id=\"nl\"><input type=\"email\" name=\"email\"><button>Subscribe</button></form>\n"
            + "<script>\n  document.getElementById(\"nl\").addEventListener(\"submit\", function (e) {\n"
            + "    e.preventDefault();\n    fetch(\"https://a.klaviyo.com/client/subscriptions/?company_id=AbC123\","
            + " { method: \"POST\", headers: { \"Content-Type\": \"application/json\", revision: \"2024-10-15\" },"
            + " body: JSON.stringify({ data: { type: \"subscription\" } }) });\n  });\n</script>");
        assertEquals("", rewrite(REMOVE, "<script>fetch('https://a.klaviyo.com/client/events/?company_id=AbC123', "
            + "{method: 'POST', body: JSON.stringify(viewedProduct)});</script>", NONE));
        assertEquals("", rewrite(REMOVE, "<script src=\"//a.klaviyo.com/media/js/analytics/analytics.js\"></script>",
            NONE));
    }

    @Test
    void keepsTheMatomoCloudOptOut() {
        // the opt-out form is how a visitor refuses Matomo: removing it for a visitor who refused is backwards
        assertUntouched("<div id=\"matomo-opt-out\"></div>\n<script src=\"https://acme.matomo.cloud/index.php?"
            + "module=CoreAdminHome&action=optOutJS&divId=matomo-opt-out&language=auto&showIntro=1\"></script>"
            + "<iframe src=\"https://acme.matomo.cloud/index.php?module=CoreAdminHome&amp;action=optOut&amp;"
            + "language=auto\"></iframe>");
        assertEquals("", rewrite(REMOVE, "<script src=\"https://cdn.matomo.cloud/acme.matomo.cloud/matomo.js\">"
            + "</script><img src=\"https://acme.matomo.cloud/matomo.php?idsite=1&amp;rec=1\" alt=\"\">", NONE));
    }

    @Test
    void keepsWhatSharesAHostOrANameWithTheAddedMeasurementAndLeadVendors() {
        // etracker's website, its panel link and a logo on its static host; the Datadog Logs SDK (error reporting,
        // left out like Sentry) on the RUM SDK's CDN; an application's configuration that carries an Application
        // Insights connection string; a SharpSpring form on the tracker's domain; Seznam's portal and CNZZ's badge
        // link; the anti-flicker style that only hides what the refused snippet would have marked
        assertUntouched("<a href=\"https://www.etracker.de/app?et=Ab12Cd\">etracker</a>"
            + "<img src=\"https://static.etracker.com/images/etracker-logo.svg\" alt=\"etracker\">"
            + "<a href=\"https://www.gemius.pl/\">Gemius</a><a href=\"https://www.liveinternet.ru/click\">LiveInternet</a>"
            + "<a href=\"https://www.cnzz.com/stat/website.php?web_id=1278123456\">CNZZ</a>"
            + "<a href=\"https://www.seznam.cz/\">Seznam</a><a href=\"https://optinmonster.com/\">OptinMonster</a>"
            + "<script src=\"https://www.datadoghq-browser-agent.com/eu1/v5/datadog-logs.js\"></script>"
            + "<script>window.DD_LOGS && DD_LOGS.init({clientToken: 'pub0123', site: 'datadoghq.eu', "
            + "forwardErrorsToLogs: true});</script>"
            + "<script>window.__APP_CONFIG__ = {\"api\":\"/api\",\"aiConnectionString\":\"InstrumentationKey="
            + "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;"
            + "LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/\"};</script>"
            + "<form method=\"post\" action=\"https://app-3QN9ABCDEF.marketingautomation.services/webforms/"
            + "receivePostback/MzawMDG1NDEzAAA/\"><input name=\"email\"></form>"
            + "<script>var ss_form = {'account': 'MzawMDG1NDEzAAA', 'formID': 'SzQ0SzZONTbRTTY1'}; ss_form.width = '100%';"
            + " ss_form.domain = 'app-3QN9ABCDEF.marketingautomation.services';</script>"
            + "<script src=\"https://koi-3QN9ABCDEF.marketingautomation.services/client/form.js?ver=2.0.1\"></script>"
            + "<style>.async-hide { opacity: 0 !important }</style>");
    }

    @Test
    void keepsWhatSharesAHostOrANameWithTheAddedAttributionStorefrontAndCookielessVendors() {
        // a store's own theme and product images on Shopify's CDN and its analytics data, a theme script that calls
        // into Trekkie; a site's own Bizible guide and links to the vendors' websites and public stats; Vercel's queue
        // stubs and an article that mentions the script path; Cxense's queue script; a file named pa.js
        assertUntouched("<script src=\"https://cdn.shopify.com/s/files/1/0276/4616/5110/t/3/assets/theme.js?v=1589372129\" defer></script>"
            + "<link rel=\"preload\" as=\"script\" href=\"//cdn.shopify.com/shopifycloud/shopify/assets/storefront/"
            + "load_feature-d8a6f1446d67009c524ed4e68648800ba9082eb75548ee28e1050331cbe7ba28.js\">"
            + "<img src=\"https://cdn.shopify.com/s/files/1/0276/4616/5110/products/tea-400.jpg?v=1\" alt=\"Tea\">"
            + "<script>window.ShopifyAnalytics = window.ShopifyAnalytics || {}; window.ShopifyAnalytics.meta = "
            + "{\"currency\":\"EUR\",\"page\":{\"pageType\":\"home\"}};</script>"
            + "<script>if (window.ShopifyAnalytics && ShopifyAnalytics.lib) { ShopifyAnalytics.lib.track('Added Product', item); }</script>"
            + "<script src=\"/js/bizible-guide.js\"></script><a href=\"https://www.bizible.com/\">Bizible</a>"
            + "<a href=\"https://counter.dev/\">counter.dev</a><a href=\"https://pirsch.io/\">Pirsch</a>"
            + "<a href=\"https://tinylytics.app/public/cw1YY9KSGSE4XkEeXej7\">public stats</a>"
            + "<a href=\"https://withcabin.com/\">Cabin</a><a href=\"https://swetrix.com/\">Swetrix</a>"
            + "<script>window.va = window.va || function () { (window.vaq = window.vaq || []).push(arguments); };</script>"
            + "<p>Open the Network tab and look for <code>/_vercel/insights/script.js</code>.</p>"
            + "<script>var cX = cX || {}; cX.callQueue = cX.callQueue || [];"
            + " cX.callQueue.push(['setSiteId', '9222352440756601877']); cX.callQueue.push(['sendPageViewEvent']);</script>"
            + "<script src=\"/assets/js/pa.js\"></script><script src=\"/insights/script.js\"></script>");
    }

    @Test
    void keepsCloudflaresOtherEdgeScriptsAndCallsIntoTheAddedEngagementAndFeedbackTools() {
        // Cloudflare's platform scripts under /cdn-cgi/ (the challenge platform's inline loader and file, email
        // obfuscation, Rocket Loader, resized images, the protected e-mail link) are not Zaraz's; event and consent
        // calls into Zaraz and calls into the other tools' queues load nothing; links to the vendors' websites,
        // asset files on a vendor's asset host and site files that share part of a name stay
        assertUntouched("<script>(function(){function c(){var b=a.contentDocument||a.contentWindow.document;if(b){"
            + "var d=b.createElement('script');d.innerHTML=\"window.__CF$cv$params={r:'8f1e2d3c4b5a6978',t:'MTczMg=='};"
            + "var a=document.createElement('script');a.src='/cdn-cgi/challenge-platform/scripts/jsd/main.js';"
            + "document.getElementsByTagName('head')[0].appendChild(a);\";b.getElementsByTagName('head')[0].appendChild(d)}}"
            + "var a=document.createElement('iframe');a.height=1;a.width=1;a.style.display='none';"
            + "document.body.appendChild(a);c()})();</script>"
            + "<script src=\"/cdn-cgi/challenge-platform/h/g/scripts/jsd/5c8b1e2f/main.js\" defer></script>"
            + "<script data-cfasync=\"false\" src=\"/cdn-cgi/scripts/5c5dd728/cloudflare-static/email-decode.min.js\"></script>"
            + "<script src=\"/cdn-cgi/scripts/7d0fa10a/cloudflare-static/rocket-loader.min.js\" data-cf-settings=\"a1b2c3d4-|49\" defer></script>"
            + "<img src=\"/cdn-cgi/image/width=640,quality=75/uploads/hero.jpg\" alt=\"\">"
            + "<a href=\"/cdn-cgi/l/email-protection#2a42474a6a\">[email&#160;protected]</a>"
            + "<script>if (window.zaraz) { zaraz.track('trial_started', { plan: 'starter' }); zaraz.set('tier', 'pro'); }</script>"
            + "<script>document.addEventListener('zarazConsentAPIReady', function () { zaraz.consent.set({ a1b2: true }); });</script>"
            + "<p>Keep <code>/cdn-cgi/zaraz/s.js</code> out of your cache rules.</p>"
            + "<img src=\"https://assets.customer.io/assets/logo.png\" alt=\"\"><a href=\"https://customer.io/docs/\">Customer.io</a>"
            + "<script>if (window._cio) { _cio.identify({ id: 'u-42', email: 'ada@studio.example' }); _cio.track('paid'); }</script>"
            + "<script>var tabs_gs = tabs('GSN-2'); if (window._gs) { _gs('event', 'Signup'); }</script>"
            + "<a href=\"https://www.gosquared.com/\">GoSquared</a><a href=\"https://onesignal.com/\">OneSignal</a>"
            + "<script>window.OneSignalDeferred = window.OneSignalDeferred || [];"
            + " OneSignalDeferred.push(function (OneSignal) { OneSignal.User.addTag('plan', 'pro'); });</script>"
            + "<script>if (window.Appcues) { Appcues.identify('u-42', { plan: 'pro' }); Appcues.page(); }"
            + " if (window.userpilot) { userpilot.identify('u-42'); } if (window.chmln) { chmln.track('Invited'); }"
            + " if (window.usabilla_live) { usabilla_live('virtualPageView'); }</script>"
            + "<a href=\"https://www.appcues.com/\">Appcues</a><a href=\"https://run.userpilot.io/environment\">Userpilot</a>"
            + "<a href=\"https://usabilla.com/\">Usabilla</a><a href=\"https://www.chameleon.io/\">Chameleon</a>"
            + "<script src=\"/js/detector.js\"></script><script src=\"/js/messo-layout.js\"></script>"
            + "<script src=\"/js/zaraz/s.js\"></script>");
    }
}
