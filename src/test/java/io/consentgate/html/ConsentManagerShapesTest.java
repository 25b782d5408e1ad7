package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import io.consentgate.catalog.TrackerCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pages of consent managers that hold tags until consent, written in the shapes their installs take: the tags a
 * refused category holds go (a held script, a callback's loader), and the consent manager's own loader, settings,
 * banner markup and the site's own scripts stay, so the visitor can still decide. With everything allowed the page
 * is sent byte for byte.
 */
class ConsentManagerShapesTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ANALYTICS_ONLY = ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(),
        ConsentMode.OPT_IN);
    private static final ConsentDecision MARKETING_ONLY = ConsentDecision.of(Set.of(Category.MARKETING), Map.of(),
        ConsentMode.OPT_IN);

    /**
     * Rewrites {@code page} with {@code decision} and asserts that none of {@code gone} is left and each of
     * {@code kept} is there as written, and that a second pass changes nothing; the page with everything allowed is
     * untouched. Returns the output.
     */
    private static String assertPage(String page, ConsentDecision decision, String[] gone, String... kept) {
        String out = rewrite(REMOVE, page, decision);
        for (String g : gone) {
            assertTrue(page.contains(g), g);
            assertFalse(out.contains(g), () -> "still there: " + g + "\n" + out);
        }
        for (String k : kept) {
            assertTrue(page.contains(k), k);
            assertTrue(out.contains(k), () -> "lost: " + k + "\n" + out);
        }
        assertEquals(out, rewrite(REMOVE, out, decision), "a second pass changes nothing");
        assertEquals(page, rewrite(REMOVE, page, ConsentDecision.allowAll()));
        return out;
    }

    private static String[] gone(String... s) {
        return s;
    }

    /**
     * tarteaucitron.js loads a service's tag itself once the visitor accepts it, from the job the page pushes and the
     * id it sets: the refused services' jobs go, so the tag is neither offered nor loaded; the banner's settings, the
     * other jobs and the placeholders it turns into players stay.
     */
    @Test
    void tarteaucitronKeepsItsBannerAndLosesTheRefusedServicesJobs() {
        String init = "tarteaucitron.init({\n  \"privacyUrl\": \"/mentions-legales\",\n  \"hashtag\":"
            + " \"#tarteaucitron\",\n"
            + "  \"cookieName\": \"tarteaucitron\",\n  \"orientation\": \"bottom\",\n  \"showAlertSmall\": false,\n"
            + "  \"highPrivacy\": true,\n  \"AcceptAllCta\": true,\n  \"DenyAllCta\": true,\n "
            + " \"mandatory\": true\n});";
        String more = "gtag('config', 'G-K3LM9PQ2RX', { anonymize_ip: true });";
        String job = "(tarteaucitron.job = tarteaucitron.job || []).push('gtag');";
        String page = "<script src=\"/vendor/tarteaucitron/tarteaucitron.min.js\"></script>\n"
            + "<script type=\"text/javascript\">\n" + init + "\n"
            + "tarteaucitron.user.gtagUa = 'G-K3LM9PQ2RX';\n"
            + "tarteaucitron.user.gtagMore = function () { " + more + " };\n" + job + "\n"
            + "(tarteaucitron.job = tarteaucitron.job || []).push('youtube');\n</script>\n"
            + "<div class=\"youtube_player\" videoID=\"dQw4w9WgXcQ\" width=\"560\" height=\"315\" theme=\"light\""
            + " rel=\"0\" controls=\"1\"></div>\n";
        String blanked = page.replace(more, " ".repeat(more.length())).replace(job, " ".repeat(job.length()));
        assertEquals(blanked, assertPage(page, NONE, gone(more, job), init, "tarteaucitron.min.js",
            "push('youtube')", "class=\"youtube_player\""));
        assertEquals(blanked, rewrite(REMOVE, page, MARKETING_ONLY));
    }

    @Test
    void tarteaucitronMinifiedWithItsJobsInAScriptOfTheirOwn() {
        String init = "tarteaucitron.init({\"hashtag\":\"#tac\",\"highPrivacy\":true,\"orientation\":\"middle\"});";
        String page = "<script src=https://cdn.jsdelivr.net/gh/AmauriC/tarteaucitron.js@1.19.0/tarteaucitron.min.js>"
            + "</script><script>" + init + "tarteaucitron.user.googletagmanagerId='GTM-5XK2ZQW';"
            + "(tarteaucitron.job=tarteaucitron.job||[]).push('googletagmanager');</script>\n<script>\n"
            + "tarteaucitron.user.hotjarId = 3456789;\ntarteaucitron.user.HotjarSv = 6;\n"
            + "(tarteaucitron.job = tarteaucitron.job || []).push(\"hotjar\");\n"
            + "tarteaucitron.user.facebookpixelId = '298765432109876';\n"
            + "(tarteaucitron.job = tarteaucitron.job || []).push(\"facebookpixel\");\n"
            + "(tarteaucitron.job = tarteaucitron.job || []).push(\"twitterembed\");\n</script>\n"
            + "<span class=\"tacTwitter\"></span><div class=\"twitterembed-canvas\" tweetid=\"1712345678901234567\""
            + " theme=\"light\"></div>";
        assertPage(page, NONE, gone("push('googletagmanager')", "push(\"hotjar\")", "push(\"facebookpixel\")"), init,
            "push(\"twitterembed\")", "tacTwitter", "twitterembed-canvas");
        // refusing marketing only: the Hotjar job stays, the pixel's and the tag manager's (which needs both) go
        assertPage(page, ANALYTICS_ONLY, gone("push('googletagmanager')", "push(\"facebookpixel\")"), init,
            "push(\"hotjar\")", "push(\"twitterembed\")");
    }

    @Test
    void axeptioKeepsItsSettingsAndSdkLoaderAndLosesTheUrlItsCallbackLoads() {
        String settings = "window.axeptioSettings = {\n  clientId: \"64f1c2a9e4b0d7a1c3e5f789\",\n"
            + "  cookiesVersion: \"boutique-fr-2\"\n};";
        String sdk = "(function (src) {\n  var loader = document.createElement(\"script\");\n"
            + "  loader.async = true;\n  loader.src = src;\n  document.head.appendChild(loader);\n"
            + "})(\"//static.axept.io/sdk.js\");";
        String page = "<script>\n" + settings + "\n" + sdk + "\nwindow._axcb = window._axcb || [];\n"
            + "window._axcb.push(function (cmp) {\n  cmp.on(\"cookies:complete\", function (choices) {\n"
            + "    if (choices.google_analytics) {\n      var g = document.createElement(\"script\");\n"
            + "      g.async = true;\n      g.src = \"https://www.googletagmanager.com/gtag/js?id=G-AX7T2K9QLM\";\n"
            + "      document.head.appendChild(g);\n    }\n  });\n});\n</script>";
        assertPage(page, NONE, gone("googletagmanager.com"), settings, sdk, "cmp.on(\"cookies:complete\"");
    }

    @Test
    void orejimeAppsHeldAsOptInScriptsGoWithTheirTracker() {
        String config = "<script>window.orejimeConfig = { appElement: \"#app\", privacyPolicy: \"/privacy\","
            + " apps: [{ name: \"google-tag-manager\", title: \"Google Tag Manager\", purposes: [\"analytics\"],"
            + " cookies: [\"_ga\", \"_gat\", \"_gid\"] }] };</script>";
        String page = config + "\n<script src=\"https://unpkg.com/orejime@2.3.0/dist/orejime.js\"></script>\n"
            + "<script type=\"opt-in\" data-type=\"application/javascript\" data-name=\"google-tag-manager\">\n"
            + "  var s = document.createElement('script'); s.async = true;\n"
            + "  s.src = 'https://www.googletagmanager.com/gtm.js?id=GTM-W8PZ4KQ';\n  document.head.appendChild(s);\n"
            + "</script>\n<script type='opt-in' data-type='application/javascript' data-name='hotjar'"
            + " data-src='https://static.hotjar.com/c/hotjar-3456789.js?sv=6'></script>\n<main id=app>shop</main>";
        assertPage(page, NONE, gone("googletagmanager.com", "hotjar-3456789"), config, "orejime.js",
            "<main id=app>shop</main>");
        // an app of no tracker stays held as written; neutralize mode leaves every held app to Orejime
        String chat = "<script type=\"opt-in\" data-type=\"application/javascript\" data-name=\"support-chat\">"
            + "loadChat('/js/chat.js');</script>";
        assertEquals(chat, rewrite(REMOVE, chat, NONE));
        assertEquals(page, rewrite(RewriteAssertions.NEUTRALIZE, page, NONE));
    }

    @Test
    void ketchBootLoaderStaysAndItsConsentListenerLosesTheHotjarUrl() {
        String boot = "var ketchQueue = window.semaphore = window.semaphore || [];\n"
            + "window.ketch = window.ketch || function () { ketchQueue.push(arguments); };\n"
            + "(function (tag) {\n  tag.async = true;\n"
            + "  tag.src = 'https://global.ketchcdn.com/web/v3/config/acme/website_smart_tag/boot.js';\n"
            + "  document.head.appendChild(tag);\n})(document.createElement('script'));";
        String page = "<script>\n" + boot + "\nwindow.semaphore.push(['onConsent', function (consent) {\n"
            + "  if (consent.purposes && consent.purposes.analytics) {\n"
            + "    var h = document.createElement('script');\n"
            + "    h.src = 'https://static.hotjar.com/c/hotjar-3456789.js?sv=6';\n    document.head.appendChild(h);\n"
            + "  }\n}]);\n</script>";
        assertPage(page, NONE, gone("hotjar-3456789"), boot);
    }

    @Test
    void ketchMinifiedBootStaysAndThePixelUrlOfItsListenerGoes() {
        String boot = "(function(w,d){var q=w.semaphore=w.semaphore||[];w.ketch=w.ketch||function(){"
            + "q.push(arguments)};var boot=d.createElement(\"script\");boot.async=true;"
            + "boot.src=\"https://global.ketchcdn.com/web/v3/config/acme/site/boot.js\";"
            + "d.head.appendChild(boot)})(window,document);";
        String page = "<script>" + boot + "ketch(\"on\",\"consent\",function(c){if(c.purposes.targeted_advertising)"
            + "{var p=document.createElement(\"script\");p.async=!0;"
            + "p.src=\"https://connect.facebook.net/en_US/fbevents.js\";document.head.appendChild(p)}});</script>";
        assertPage(page, NONE, gone("fbevents.js"), boot);
    }

    @Test
    void osanoListenersStayAndLoseOnlyTheGtagLoader() {
        String ready = "Osano.cm.addEventListener('osano-cm-initialized', function (consent) {\n"
            + "  document.documentElement.classList.add('osano-ready');\n});";
        String page = "<script src=\"https://cmp.osano.com/AzZd6cTcYkGFRlbAb/2b9c5e1f-0d3a-4e71-9a6b-1c2d3e4f5a6b/"
            + "osano.js\"></script>\n<script>\n" + ready + "\n"
            + "Osano.cm.addEventListener('osano-cm-analytics', function (change) {\n  if (change === 'ACCEPT') {\n"
            + "    var s = document.createElement('script');\n"
            + "    s.src = 'https://www.googletagmanager.com/gtag/js?id=G-OS4N0X7Y2Z';\n"
            + "    document.head.appendChild(s);\n  }\n});\n</script>\n"
            + "<script data-osano=\"ANALYTICS\" src=\"https://static.hotjar.com/c/hotjar-2345678.js?sv=6\"></script>\n"
            + "<script data-osano=\"ESSENTIAL\" src=\"/js/checkout.js\"></script>";
        assertPage(page, NONE, gone("googletagmanager.com", "hotjar-2345678"), "osano.js", ready,
            "<script data-osano=\"ESSENTIAL\" src=\"/js/checkout.js\"></script>");
    }

    @Test
    void termlyHeldScriptsAndFramesGoAndItsResourceBlockerStays() {
        String own = "<script type=\"text/javascript\" src=\"https://app.termly.io/embed.min.js\""
            + " data-auto-block=\"on\""
            + " data-website-uuid=\"3f2a9c1e-7b6d-4e5f-8a9b-0c1d2e3f4a5b\"></script>";
        String page = own + "\n<script type=\"text/plain\" data-categories=\"analytics\">\n"
            + "  window._hjSettings = { hjid: 3456789, hjsv: 6 };\n</script>\n"
            + "<script type=\"text/plain\" data-categories=\"advertising\""
            + " src=\"https://connect.facebook.net/en_US/fbevents.js\"></script>\n"
            + "<iframe data-categories=\"advertising\" data-src=\"https://www.facebook.com/tr?id=1&ev=PageView\""
            + " width=1 height=1></iframe>\n<a href=\"#\" class=\"termly-display-preferences\">Consent Preferences</a>";
        assertPage(page, NONE, gone("_hjSettings", "fbevents.js", "facebook.com/tr"), own,
            "<a href=\"#\" class=\"termly-display-preferences\">Consent Preferences</a>");
    }

    @Test
    void cookieLawInfoBlockerScriptsGoByTheirScriptTypeAndTheBarStays() {
        String bar = "<div id=\"cookie-law-info-bar\" data-nosnippet=\"true\"><span>We use cookies."
            + " <a role='button' data-cli_action=\"accept\" id=\"cookie_action_close_header\""
            + " class=\"medium cli-plugin-button cli-plugin-main-button cookie_action_close_header cli_action_button"
            + " wt-cli-accept-btn\">ACCEPT</a> <a role='button' id=\"cookie_action_close_header_reject\""
            + " class=\"medium cli-plugin-button cli-plugin-main-button cookie_action_close_header_reject"
            + " cli_action_button wt-cli-reject-btn\" data-cli_action=\"reject\">REJECT</a></span></div>";
        String data = "<script type=\"text/javascript\" id=\"cookie-law-info-js-extra\">\n/* <![CDATA[ */\n"
            + "var Cli_Data = {\"nn_cookie_ids\":[],\"cookielist\":[],\"non_necessary_cookies\":[],"
            + "\"ccpaEnabled\":\"\",\"strictlyEnabled\":[\"necessary\",\"obligatoire\"],\"ccpaType\":\"gdpr\","
            + "\"js_blocking\":\"1\",\"custom_integration\":\"\",\"triggerDomRefresh\":\"\",\"secure_cookies\":\"\"};\n"
            + "var cli_cookiebar_settings = {\"animate_speed_hide\":\"500\",\"animate_speed_show\":\"500\"};\n"
            + "/* ]]> */\n</script>";
        String page = data + "\n<script src=\"/wp-content/plugins/cookie-law-info/legacy/public/js/"
            + "cookie-law-info-public.js?ver=3.1.6\" id=\"cookie-law-info-js\"></script>\n"
            + "<script type=\"text/plain\" data-cli-class=\"cli-blocker-script\" data-cli-label=\"Google Tag Manager\""
            + "  data-cli-script-type=\"analytics\" data-cli-block=\"true\" data-cli-block-if-ccpa-optout=\"false\""
            + " data-cli-element-position=\"head\">\nvar layer = window.dataLayer = window.dataLayer || [];\n"
            + "window.gtag = function () { layer.push(arguments); };\ngtag('js', new Date());\n"
            + "gtag('config', 'G-CL1W9F4XQZ');\n</script>\n"
            + "<script type='text/plain' data-cli-class='cli-blocker-script' data-cli-script-type='advertisement'"
            + " data-cli-block='true' data-cli-element-position='body'>fbq('init', '298765432109876');"
            + "fbq('track', 'PageView');</script>\n" + bar;
        assertPage(page, NONE, gone("gtag('config'", "fbq('init'"), data, bar, "cookie-law-info-public.js");
        // refusing marketing only: the analytics tag stays held for the banner, the advertising one goes
        assertPage(page, ANALYTICS_ONLY, gone("fbq('init'"), data, bar, "data-cli-script-type=\"analytics\"",
            "gtag('config', 'G-CL1W9F4XQZ');");
    }

    @Test
    void mooveGdprSettingsStayWithTheInjectedTagUrlOverwritten() {
        String bar = "<aside id=\"moove_gdpr_cookie_info_bar\" class=\"moove-gdpr-info-bar-hidden"
            + " moove-gdpr-align-center"
            + " moove-gdpr-dark-scheme gdpr_infobar_postion_bottom\" aria-label=\"GDPR Cookie Banner\""
            + " style=\"display: none;\"><div class=\"moove-gdpr-info-bar-container\"><div"
            + " class=\"moove-gdpr-cookie-notice\">"
            + "<p>We are using cookies.</p></div><div class=\"moove-gdpr-button-holder\">"
            + "<button class=\"mgbutton moove-gdpr-infobar-allow-all gdpr-fbo-0\" aria-label=\"Accept\">Accept</button>"
            + "<button class=\"mgbutton moove-gdpr-infobar-reject-btn gdpr-fbo-1 \""
            + " aria-label=\"Reject\">Reject</button>"
            + "</div></div></aside>";
        String settingsStart = "var moove_frontend_gdpr_scripts = {\"ajaxurl\":\"https:\\/\\/shop.example\\/wp-admin"
            + "\\/admin-ajax.php\",\"post_id\":\"42\",\"plugin_dir\":\"https:\\/\\/shop.example\\/wp-content\\/plugins"
            + "\\/gdpr-cookie-compliance\",\"show_icons\":\"all\",\"is_page\":\"1\",\"strict_init\":\"2\","
            + "\"enabled_default\":{\"third_party\":0,\"advanced\":0},\"geo_location\":\"false\","
            + "\"force_reload\":\"false\",\"cookie_expiration\":\"365\",\"script_delay\":\"2000\",";
        String page = "<script type=\"text/javascript\" id=\"moove_gdpr_frontend-js-extra\">\n/* <![CDATA[ */\n"
            + settingsStart + "\"scripts_defined\":\"{\\\"cache\\\":true,\\\"header\\\":\\\"\\\",\\\"body\\\":\\\"\\\","
            + "\\\"footer\\\":\\\"\\\",\\\"thirdparty\\\":{\\\"header\\\":\\\"<script async src=\\\\\\\"https:\\\\\\/"
            + "\\\\\\/www.googletagmanager.com\\\\\\/gtag\\\\\\/js?id=G-MV2Q8R4TZK\\\\\\\"><\\\\\\/script>\\\","
            + "\\\"body\\\":\\\"\\\",\\\"footer\\\":\\\"\\\"},\\\"advanced\\\":{\\\"header\\\":\\\"\\\","
            + "\\\"body\\\":\\\"\\\",\\\"footer\\\":\\\"\\\"}}\"};\n/* ]]> */\n</script>\n"
            + "<script type=\"text/javascript\" src=\"/wp-content/plugins/gdpr-cookie-compliance/dist/scripts/main.js"
            + "?ver=4.12.8\" id=\"moove_gdpr_frontend-js\"></script>\n" + bar;
        String url = "https:\\\\\\/\\\\\\/www.googletagmanager.com\\\\\\/gtag\\\\\\/js?id=G-MV2Q8R4TZK";
        assertTrue(page.contains("src=\\\\\\\"" + url + "\\\\\\\">"), url);
        // the URL, an attribute's value in markup held in a string of JSON in a string of JSON, is overwritten in place
        assertEquals(page.replace(url, "data:," + "/".repeat(url.length() - 6)),
            assertPage(page, NONE, gone("googletagmanager.com"), settingsStart, bar, "main.js?ver=4.12.8"));
    }

    @Test
    void cookieNoticeArgsAndBarStayWhileTheGtagScriptGoes() {
        String args = "var cnArgs = {\"ajaxUrl\":\"https:\\/\\/blog.example\\/wp-admin\\/admin-ajax.php\","
            + "\"nonce\":\"3a9f1c2b7d\",\"hideEffect\":\"fade\",\"position\":\"bottom\",\"onScroll\":false,"
            + "\"onScrollOffset\":100,\"onClick\":false,\"cookieName\":\"cookie_notice_accepted\","
            + "\"cookieTime\":2592000,\"cookieTimeRejected\":2592000,\"globalCookie\":false,\"redirection\":false,"
            + "\"cache\":false,\"revokeCookies\":false,\"revokeCookiesOpt\":\"automatic\"};";
        String bar = "<div id=\"cookie-notice\" role=\"dialog\" class=\"cookie-notice-hidden cookie-revoke-hidden"
            + " cn-position-bottom\" aria-label=\"Cookie Notice\"><div class=\"cookie-notice-container\">"
            + "<span id=\"cn-notice-text\" class=\"cn-text-container\">We use cookies.</span>"
            + "<span id=\"cn-notice-buttons\" class=\"cn-buttons-container\"><a href=\"#\" id=\"cn-accept-cookie\""
            + " data-cookie-set=\"accept\" class=\"cn-set-cookie cn-button\" aria-label=\"Ok\">Ok</a>"
            + "<a href=\"#\" id=\"cn-refuse-cookie\" data-cookie-set=\"refuse\" class=\"cn-set-cookie cn-button\""
            + " aria-label=\"No\">No</a></span></div></div>";
        String page = "<script id='cookie-notice-front-js-before'>\n" + args + "\n</script>\n"
            + "<script src='/wp-content/plugins/cookie-notice/js/front.min.js?ver=2.4.16'"
            + " id='cookie-notice-front-js'></script>\n"
            + "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-CN8T2V5QWX\"></script>\n" + bar;
        assertPage(page, NONE, gone("googletagmanager.com"), args, bar, "front.min.js?ver=2.4.16");
    }

    @Test
    void sourcepointConfigStaysWithItsConsentReadyLoaderUrlOverwritten() {
        String page = "<script>\nwindow._sp_queue = [];\nwindow._sp_ = {\n  config: {\n    accountId: 1847,\n"
            + "    baseEndpoint: 'https://cdn.privacy-mgmt.com',\n    gdpr: {},\n    events: {\n"
            + "      onConsentReady: function (messageType, consentUUID, euconsent, info) {\n"
            + "        if (info.applies && info.consentedToAll) {\n"
            + "          var px = document.createElement('script'); px.async = true;\n"
            + "          px.src = 'https://connect.facebook.net/en_US/fbevents.js';\n"
            + "          document.head.appendChild(px);\n        }\n      }\n    }\n  }\n};\n</script>\n"
            + "<script src=\"https://cdn.privacy-mgmt.com/unified/wrapperMessagingWithoutDetection.js\""
            + " async></script>";
        assertPage(page, NONE, gone("fbevents.js"), "window._sp_queue = [];", "accountId: 1847",
            "wrapperMessagingWithoutDetection.js");
    }

    @Test
    void cookieScriptHeldScriptsGoWithOrWithoutACategory() {
        String own = "<script type=\"text/javascript\" charset=\"UTF-8\""
            + " src=\"//cdn.cookie-script.com/s/0a1b2c3d4e5f67890a1b2c3d4e5f6789.js\"></script>";
        String page = own + "\n<script type=\"text/plain\" data-cookiescript=\"accepted\""
            + " data-cookiecategory=\"targeting\">fbq('init', '298765432109876'); fbq('track', 'PageView');</script>\n"
            + "<script type='text/plain' data-cookiescript='accepted'>\n  var _hjSettings = {hjid: 3456789, hjsv: 6};\n"
            + "</script>\n<script type=\"text/plain\" data-cookiescript=\"accepted\""
            + " data-cookiecategory=\"performance\""
            + " src=\"https://www.googletagmanager.com/gtag/js?id=G-CS4R1P7T9Q\"></script>";
        assertPage(page, NONE, gone("fbq('init'", "_hjSettings", "googletagmanager.com"), own);
        // a held script of no tracker stays as it is
        String chat = "<script type=\"text/plain\" data-cookiescript=\"accepted\""
            + " data-cookiecategory=\"functionality\">"
            + "window.supportChat && supportChat.start();</script>";
        assertEquals(chat, rewrite(REMOVE, chat, NONE));
    }

    @Test
    void cookieHubHeldScriptsGoByCategoryAndItsLoaderStays() {
        String load = "<script type=\"text/javascript\">\nvar cpm = {\n  onAllow: function (category) {\n"
            + "    if (category == 'analytics') { document.body.classList.add('stats-ok'); }\n  }\n};\n"
            + "(function () {\n  var hub = document.createElement('script');\n  hub.async = true;\n"
            + "  hub.src = 'https://cookiehub.net/c2/ab12cd34.js';\n"
            + "  hub.onload = function () { window.cookiehub.load(cpm); };\n  document.head.appendChild(hub);\n"
            + "})();\n</script>";
        String page = load + "\n<script type=\"text/plain\" data-consent=\"analytics\">var _hjSettings ="
            + " {hjid: 3456789,"
            + " hjsv: 6};</script>\n<script type=\"text/plain\" data-consent=\"marketing\""
            + " src=\"https://connect.facebook.net/en_US/fbevents.js\"></script>";
        assertPage(page, NONE, gone("_hjSettings", "fbevents.js"), load);
        assertPage(page, ANALYTICS_ONLY, gone("fbevents.js"), load, "_hjSettings");
    }

    /**
     * CookieHub's mark is ConsentGate's default category attribute; an operator who renames that to leave CookieHub's
     * scripts to CookieHub still has their text read: a held tracker CookieHub could run after a refusal goes.
     */
    @Test
    void cookieHubHeldScriptsAreReadWhereTheCategoryAttributeIsRenamed() {
        HtmlRewriter renamed = HtmlRewriter.builder(TrackerCatalog.bundled()).categoryAttribute("data-cg-category")
            .stubPageGlobals(false).build();
        String hotjar = "<script type=\"text/plain\" data-consent=\"analytics\">\n"
            + "  window._hjSettings = {hjid: 1029384, hjsv: 6};\n</script>";
        String chat = "<script type=\"text/plain\" data-consent=\"preferences\">supportWidget.boot({lang: 'de'});"
            + "</script>";
        assertEquals("<p>Hallo</p>\n" + chat,
            rewrite(renamed, hotjar + "<p>Hallo</p>\n" + chat, NONE));
    }

    @Test
    void cookieHubMinifiedOnAllowLoaderLosesItsUrlOnly() {
        String page = "<script>var cpm={onAllow:function(c){if(c=='analytics'){var s=document.createElement('script');"
            + "s.src='https://www.googletagmanager.com/gtag/js?id=G-CH2B7K4M9N';document.head.appendChild(s)}},"
            + "onRevoke:function(c){if(c=='analytics'){location.reload()}}};(function(cfg){"
            + "var hub=document.createElement(\"script\");hub.async=true;"
            + "hub.src='https://cookiehub.net/c2/ab12cd34.js';hub.onload=function(){window.cookiehub.load(cfg)};"
            + "document.head.appendChild(hub)})(cpm);</script>";
        assertPage(page, NONE, gone("googletagmanager.com"), "cookiehub.net/c2/ab12cd34.js",
            "window.cookiehub.load(cfg)");
    }

    @Test
    void securitiAndEnzuzoLoadersStay() {
        String securiti = "<script>\n(function (attrs) {\n  var cmp = document.createElement('script');\n"
            + "  Object.keys(attrs).forEach(function (name) { cmp.setAttribute(name, attrs[name]); });\n"
            + "  cmp.src = 'https://cdn-prod.securiti.ai/consent/cookie-consent-sdk-loader.js';\n"
            + "  cmp.defer = true;\n  document.head.appendChild(cmp);\n})({\n"
            + "  'data-tenant-uuid': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',\n"
            + "  'data-domain-uuid': 'f0e1d2c3-b4a5-4968-8776-65544332211a',\n"
            + "  'data-backend-url': 'https://app.securiti.ai'\n});\n</script>";
        String enzuzo = "<script src=\"https://app.enzuzo.com/scripts/cookiebar/0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f\">"
            + "</script>";
        String page = securiti + enzuzo + "<script async src=\"https://static.hotjar.com/c/hotjar-3456789.js?sv=6\">"
            + "</script>";
        assertPage(page, NONE, gone("hotjar-3456789"), securiti, enzuzo);
    }

    @Test
    void civicMinifiedConfigLosesEachRefusedCategorysLoader() {
        String page = "<script src=\"https://cc.cdn.civiccomputing.com/9/cookieControl-9.x.min.js\"></script>"
            + "<script>var config={apiKey:'0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',product:'PRO_MULTISITE',"
            + "optionalCookies:[{name:'analytics',label:'Analytics',cookies:['_ga','_gid'],onAccept:function(){"
            + "var s=document.createElement('script');s.async=true;"
            + "s.src='https://www.googletagmanager.com/gtag/js?id=G-CV1C9K3L7M';document.head.appendChild(s);"
            + "window.dataLayer=window.dataLayer||[];},onRevoke:function(){window['ga-disable-G-CV1C9K3L7M']=true;}},"
            + "{name:'marketing',label:'Marketing',onAccept:function(){var f=document.createElement('script');"
            + "f.src='https://connect.facebook.net/en_US/fbevents.js';document.head.appendChild(f);},"
            + "onRevoke:function(){}}]};CookieControl.load(config);</script>";
        String out = assertPage(page, NONE, gone("googletagmanager.com", "fbevents.js"), "CookieControl.load(config);",
            "cookieControl-9.x.min.js", "onRevoke:function(){window['ga-disable-G-CV1C9K3L7M']=true;}");
        assertPage(page, ANALYTICS_ONLY, gone("fbevents.js"), "CookieControl.load(config);",
            "s.src='https://www.googletagmanager.com/gtag/js?id=G-CV1C9K3L7M';");
        assertPage(page, MARKETING_ONLY, gone("googletagmanager.com"), "CookieControl.load(config);",
            "f.src='https://connect.facebook.net/en_US/fbevents.js';");
    }

    @Test
    void borlabsCookie3BlockedScriptsGoAndItsContentBlockerStays() {
        String page = "<script id=\"borlabs-cookie-config-js-before\">var borlabsCookieConfig = {\"version\":\"3\","
            + "\"cookieLifetime\":\"60\"};</script>\n"
            + "<script type=\"text/template\" data-borlabs-cookie-script-blocker-handle=\"google-analytics\""
            + " data-borlabs-cookie-script-blocker-id=\"google-analytics-four\">\n"
            + "window.dataLayer = window.dataLayer || [];\n"
            + "var gtag = function () { window.dataLayer.push(arguments); };\n"
            + "gtag('js', new Date());\ngtag('config', 'G-BR3L4B5C6D');\n</script>\n"
            + "<script type=\"text/template\" data-borlabs-cookie-script-blocker-id=\"meta-pixel\""
            + " data-borlabs-cookie-script-blocker-src=\"https://connect.facebook.net/en_US/fbevents.js\"></script>\n"
            + "<template><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-BR7KQ2L\"></iframe></template>\n"
            + "<div class=\"brlbs-cmpnt-container brlbs-cmpnt-content-blocker\""
            + " data-borlabs-cookie-content-blocker-id=\"youtube-content-blocker\"><a role=\"button\""
            + " data-borlabs-cookie-actions=\"unblock\">Load video</a></div>";
        assertPage(page, NONE, gone("gtag('config'", "fbevents.js", "ns.html"), "borlabsCookieConfig",
            "data-borlabs-cookie-actions=\"unblock\"");
    }
    @Test
    void axeptioCallbackWithGtagCommandsKeepsTheSettingsAndSdkLoader() {
        String settings = "window.axeptioSettings={clientId:'5f0e1d2c3b4a596877665544',cookiesVersion:'fr-v3'};";
        String sdk = "(function(){var ax=document.createElement('script');ax.async=true;"
            + "ax.src='//static.axept.io/sdk.js';document.head.appendChild(ax)})();";
        String page = "<script>" + settings + sdk + "(_axcb=window._axcb||[]).push(function(sdk){"
            + "sdk.on('cookies:complete',function(choices){document.body.dataset.axeptio='done';"
            + "if(choices.google_analytics){var dl=window.dataLayer=window.dataLayer||[];"
            + "window.gtag=function(){dl.push(arguments)};gtag('js',new Date());gtag('config','G-AX9Q2W7E3R');}"
            + "})});</script>";
        assertPage(page, NONE, gone("gtag('config'"), settings, sdk, "document.body.dataset.axeptio='done';");
    }

    @Test
    void axeptioCallbackInItsOwnScriptKeepsTheSitesOtherStatements() {
        String page = "<script async src=\"https://static.axept.io/sdk.js\"></script>\n<script>\n"
            + "window._axcb = window._axcb || [];\nwindow._axcb.push(function (axeptio) {\n"
            + "  axeptio.on('cookies:complete', function (choices) {\n"
            + "    document.documentElement.classList.toggle('videos-ok', !!choices.youtube);\n"
            + "    if (choices.facebook_pixel) {\n      fbq('init', '298765432109876');\n    }\n  });\n});\n</script>";
        assertPage(page, NONE, gone("fbq('init'"), "classList.toggle('videos-ok', !!choices.youtube);");
    }

    @Test
    void sourcepointConfigWithPixelCommandsKeepsItsOtherEvents() {
        String page = "<script>window._sp_queue=[];window._sp_={config:{accountId:1847,"
            + "baseEndpoint:'https://cdn.privacy-mgmt.com',gdpr:{},events:{onMessageReady:function(){"
            + "document.body.classList.add('sp-msg')},onConsentReady:function(t,u,e,i){if(i.consentedToAll){"
            + "fbq('init','298765432109876');fbq('track','PageView')}}}}};</script>"
            + "<script src=\"https://cdn.privacy-mgmt.com/unified/wrapperMessagingWithoutDetection.js\""
            + " async></script>";
        assertPage(page, NONE, gone("fbq('init'"), "window._sp_queue=[];", "accountId:1847",
            "document.body.classList.add('sp-msg')");
    }

    @Test
    void ketchListenerKeepsTheSitesOtherStatements() {
        String page = "<script>\nketch('on', 'consent', function (consent) {\n"
            + "  document.body.classList.toggle('maps-ok', !!consent.purposes.functional);\n"
            + "  if (consent.purposes.analytics) {\n    window._hjSettings = { hjid: 3456789, hjsv: 6 };\n  }\n});\n"
            + "</script>";
        assertPage(page, NONE, gone("_hjSettings"), "classList.toggle('maps-ok'");
    }

    @Test
    void cookieHubOnAllowWithPixelCommandsKeepsTheLoadCall() {
        String page = "<script>var cpm = {\n  onAllow: function (category) {\n"
            + "    if (category === 'preferences') { document.body.classList.add('prefs'); }\n"
            + "    if (category === 'marketing') { fbq('init', '298765432109876'); }\n  }\n};\n"
            + "window.addEventListener('load', function () { window.cookiehub.load(cpm); });</script>"
            + "<script src=\"https://cookiehub.net/c2/ab12cd34.js\"></script>";
        assertPage(page, NONE, gone("fbq('init'"), "window.cookiehub.load(cpm);", "classList.add('prefs')");
    }
    @Test
    void theOutputIsTheSameWhereverTheInputIsSplit() {
        String page = "<script>tarteaucitron.init({\"hashtag\":\"#tac\"});tarteaucitron.user.gtagUa='G-K3LM9PQ2RX';"
            + "(tarteaucitron.job=tarteaucitron.job||[]).push('gtag');</script>"
            + "<script type=\"opt-in\" data-type=\"application/javascript\" data-name=\"hotjar\">"
            + "window._hjSettings={hjid:3456789,hjsv:6};</script>"
            + "<script type=\"text/plain\" data-cli-class=\"cli-blocker-script\""
            + " data-cli-script-type=\"advertisement\">"
            + "fbq('init','298765432109876');</script><p>end</p>";
        String out = rewrite(REMOVE, page, NONE);
        assertFalse(out.contains("push('gtag')") || out.contains("_hjSettings") || out.contains("fbq("), out);
        byte[] b = page.getBytes(StandardCharsets.UTF_8);
        RewriteAssertions.assertSameWhereverSplit(b.length, cuts -> new String(RewriteAssertions.rewrite(REMOVE, b,
            NONE, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
    }
    @Test
    void mutatedPagesNeverKeepARefusedTracker() {
        // byte-level mutations of the shapes above: whatever the rewriter keeps names no refused tracker, and a
        // second pass changes nothing
        List<String> pages = List.of(
            "<script>tarteaucitron.init({\"hashtag\":\"#tac\",\"highPrivacy\":true});"
                + "tarteaucitron.user.gtagMore = function () { gtag('config', 'G-K3LM9PQ2RX'); };"
                + "(tarteaucitron.job = tarteaucitron.job || []).push('gtag');"
                + "(tarteaucitron.job = tarteaucitron.job || []).push(\"facebookpixel\");</script>",
            "<script>window.axeptioSettings={clientId:'5f0e1d2c3b4a596877665544'};(_axcb=window._axcb||[])"
                + ".push(function(sdk){sdk.on('cookies:complete',function(c){if(c.hotjar){window._hjSettings="
                + "{hjid:3456789,hjsv:6};var s=document.createElement('script');"
                + "s.src='https://static.hotjar.com/c/hotjar-3456789.js?sv=6';document.head.appendChild(s)}})});"
                + "</script>",
            "<script>var moove_frontend_gdpr_scripts = {\"ajaxurl\":\"https:\\/\\/shop.example\\/a.php\","
                + "\"scripts_defined\":\"{\\\"thirdparty\\\":{\\\"header\\\":\\\"<script src=\\\\\\\""
                + "https:\\\\\\/\\\\\\/connect.facebook.net\\\\\\/en_US\\\\\\/fbevents.js\\\\\\\">"
                + "<\\\\\\/script>\\\"}}\"};</script>",
            "<script type=\"opt-in\" data-type=\"application/javascript\" data-name=\"ga\">"
                + "gtag('config', 'G-K3LM9PQ2RX');</script>"
                + "<script type=\"text/plain\" data-cookiescript=\"accepted\">fbq('init',"
                + " '298765432109876');</script>");
        RewriteAssertions.assertMutationsKeepNoRefusedTracker(pages, 20_261_203L, 3_000);
    }
}
