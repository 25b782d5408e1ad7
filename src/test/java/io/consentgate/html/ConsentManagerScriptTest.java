package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.events;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A consent manager's configuration script whose accept callback loads a tracker keeps the banner: only the
 * innermost statements that name the refused tracker are blanked, so the visitor can still decide, and the tracker
 * does not load from this page even when they accept.
 */
class ConsentManagerScriptTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();

    /** {@code s} overwritten by spaces, its line breaks kept. */
    private static String blank(String s) {
        return s.replaceAll("[^\r\n]", " ");
    }

    /** The page {@code in} with each of {@code statements} blanked. */
    private static String blanked(String in, String... statements) {
        String out = in;
        for (String s : statements) {
            assertTrue(out.contains(s), s);
            out = out.replace(s, blank(s));
        }
        return out;
    }

    private static void assertKept(String in, String out) {
        assertEquals(out, rewrite(REMOVE, in, NONE));
        // neutralizing the element would take the banner as removing it does: the statements go in both modes
        assertEquals(out, rewrite(NEUTRALIZE, in, NONE));
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()));
    }

    @Test
    void cookieConsentV2KeepsItsBannerAndLosesTheGtagLoaderInItsAcceptCallback() {
        String loader = "cc.loadScript('https://www.googletagmanager.com/gtag/js?id=G-7QH2M4RS1T', function () {\n"
            + "                gtag('config', 'G-7QH2M4RS1T');\n            });";
        String in = "<script>\n    var cc = initCookieConsent();\n    cc.run({\n        current_lang: 'en',\n"
            + "        onAccept: function (cookie) {\n            if (cc.allowedCategory('analytics')) {\n"
            + "            " + loader + "\n            }\n            document.body.classList.add('cc-decided');\n"
            + "        },\n        languages: {\n            en: {\n                consent_modal: {\n"
            + "                    title: 'Cookies on this site',\n"
            + "                    primary_btn: { text: 'Accept', role: 'accept_all' },\n"
            + "                    secondary_btn: { text: 'Reject', role: 'accept_necessary' }\n"
            + "                }\n            }\n        }\n    });\n</script>";
        assertKept(in, blanked(in, loader));
        assertEquals(List.of(TrackerEvent.Action.NEUTRALIZED),
            events(REMOVE, in, NONE).stream().map(TrackerEvent::action).distinct().toList());
    }

    /**
     * Contao Cookiebar keeps the tags it injects after consent in its settings, as strings: its configuration (and the
     * bar, and the footer link that reopens it) stays, the refused tags' values are overwritten in place.
     */
    @Test
    void contaoCookiebarKeepsItsBarAndLosesTheTagsItsSettingsHoldAsStrings() {
        String url = "https:\\/\\/www.googletagmanager.com\\/gtag\\/js?id=G-SNHNG2WN3B";
        String gaCode = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
            + " gtag('js',new Date());gtag('config','G-SNHNG2WN3B',{'anonymize_ip':true});";
        String pixelCode = "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?"
            + "n.callMethod.apply(n,arguments):n.queue.push(arguments)};n.queue=[];t=b.createElement(e);t.async=!0;"
            + "t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script',"
            + "'https:\\/\\/connect.facebook.net\\/de_DE\\/fbevents.js');fbq('init','356789012345678');";
        String in = "<script>var cookiebar = new ContaoCookiebar({configId:1,pageId:2,blocking:1,version:3,"
            + "token:'ccb_contao_token',cookies:{\"7\":{\"id\":7,\"type\":\"googleAnalytics\",\"checked\":false,"
            + "\"token\":[\"_ga\",\"_gid\"],\"resources\":[{\"src\":\"" + url + "\",\"flags\":[\"async\"],"
            + "\"mode\":1}],\"scripts\":[{\"script\":\"" + gaCode + "\",\"position\":3,\"mode\":1}]},"
            + "\"8\":{\"id\":8,\"type\":\"facebookPixel\",\"checked\":false,\"resources\":[],"
            + "\"scripts\":[{\"script\":\"" + pixelCode + "\" , \"position\":3}]},"
            + "\"9\":{\"id\":9,\"type\":\"iframe\",\"iframeType\":\"youtube\"}},"
            + "texts:{acceptAndDisplay:'Akzeptieren und anzeigen'}});</script>\n"
            + "<a href=\"javascript:;\" onclick=\"cookiebar.show(1);\">Cookie-Einstellungen</a>";
        String dataUrl = "data:," + "/".repeat(url.length() - 6);
        String out = in.replace(url, dataUrl).replace(gaCode, blank(gaCode)).replace(pixelCode, blank(pixelCode));
        assertKept(in, out);
        // with analytics allowed only the pixel's value goes
        assertEquals(in.replace(pixelCode, blank(pixelCode)),
            rewrite(REMOVE, in, ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(), ConsentMode.OPT_IN)));
    }

    /**
     * Klaro runs a service's {@code onAccept} given as code in a template literal: the literal, a whole property
     * value, is overwritten in place like a quoted one, so {@code klaroConfig} (and the consent notice) stays.
     */
    @Test
    void klaroKeepsItsConfigAndLosesTheOnAcceptCodeHeldInATemplateLiteral() {
        String code = "\n        var t = document.createElement('script'); t.async = true;\n"
            + "        t.src = 'https://www.googletagmanager.com/gtag/js?id=G-W4KL9RT2QM';\n"
            + "        document.head.appendChild(t);\n      ";
        String in = "<script>\nvar klaroConfig = {\n  version: 1, storageMethod: 'cookie', acceptAll: true,\n"
            + "  translations: { de: { consentModal: { title: 'Dienste' } } },\n  services: [\n    {\n"
            + "      name: 'ga4', title: 'Google Analytics', purposes: ['statistics'],\n"
            + "      onAccept: `" + code + "`,\n"
            + "      onDecline: `console.debug('ga4 declined')`\n    }\n  ]\n};\n</script>\n"
            + "<script defer src=\"/assets/klaro.js\"></script>";
        assertKept(in, in.replace(code, " ".repeat(code.length())));
    }

    /**
     * A site's own Vue banner lists the tags it loads on accept in its data: the refused URL, an element of an array
     * that is a property's value, is overwritten in place, so {@code data()} still returns the banner's state (blanking
     * the {@code return} would hide the banner) and the site's own script in the list still loads.
     */
    @Test
    void vueBannerKeepsItsDataAndLosesTheRefusedUrlInItsListOfTags() {
        String url = "https://www.googletagmanager.com/gtag/js?id=G-P3VX8KD2LN";
        String in = "<div id=\"consent-bar\"><p v-if=\"open\">Cookies? <button @click=\"acceptAll\">OK</button></p>"
            + "</div>\n<script>\nVue.createApp({\n  data() {\n    return {\n"
            + "      open: !document.cookie.includes('consent='),\n      tags: [\n        '" + url + "',\n"
            + "        '/assets/js/support-chat.js'\n      ]\n    };\n  },\n  methods: {\n    acceptAll() {\n"
            + "      document.cookie = 'consent=all; path=/; max-age=31536000';\n      this.open = false;\n"
            + "      for (const src of this.tags) {\n        const el = document.createElement('script');\n"
            + "        el.src = src;\n        document.body.appendChild(el);\n      }\n    }\n  }\n"
            + "}).mount('#consent-bar');\n</script>";
        assertKept(in, in.replace(url, "data:," + "/".repeat(url.length() - 6)));
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(),
            ConsentMode.OPT_IN)));
    }

    @Test
    void cookieConsentV3ArrowAndMethodCallbacksLoseOnlyTheStatementsNamingTheTag() {
        String src = "s.src = 'https://www.googletagmanager.com/gtag/js?id=G-7QH2M4RS1T';";
        String config = "gtag('config', 'G-7QH2M4RS1T');";
        String in = "<script type=\"module\">\nCookieConsent.run({\n  categories: { necessary: { readOnly: true },"
            + " analytics: {} },\n  onConsent: ({cookie}) => {\n"
            + "    if (CookieConsent.acceptedCategory('analytics')) {\n"
            + "      const s = document.createElement('script'); s.async = true; " + src + "\n"
            + "      document.head.append(s);\n      window.dataLayer = window.dataLayer || [];\n"
            + "      " + config + "\n    }\n    console.info('consent', cookie.categories);\n  },\n"
            + "  onChange({changedCategories}) { if (changedCategories.includes('analytics')) location.reload(); },\n"
            + "  language: { default: 'en', translations: { en: { consentModal: { title: 'Cookies',"
            + " acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all' } } } }\n});\n</script>";
        assertKept(in, blanked(in, src, config));
    }

    @Test
    void civicCookieControlKeepsItsOptionalCategoriesAndRevokeCallback() {
        String snippet = "(function(i,s,o,g,r,a,m){i['GoogleAnalyticsObject']=r;i[r]=i[r]||function(){"
            + "(i[r].q=i[r].q||[]).push(arguments)},i[r].l=1*new Date();a=s.createElement(o),"
            + "m=s.getElementsByTagName(o)[0];a.async=1;a.src=g;m.parentNode.insertBefore(a,m)"
            + "})(window,document,'script','https://www.google-analytics.com/analytics.js','ga');";
        String create = "ga('create', 'UA-4410982-7', 'auto');";
        String send = "ga('send', 'pageview');";
        String in = "<script>\nCookieControl.load({\n\tapiKey: '5e1d2c9a7b3f4e6d8c0a1b2c3d4e5f6a7b8c9d0e',\n"
            + "\tproduct: 'PRO',\n\tinitialState: 'notify',\n\toptionalCookies: [{\n\t\tname: 'analytics',\n"
            + "\t\tlabel: 'Analytics',\n\t\tcookies: ['_ga', '_gid', '__utma'],\n\t\tonAccept: function () {\n\t\t\t"
            + snippet + "\n\t\t\t" + create + " " + send + "\n\t\t},\n"
            + "\t\tonRevoke: function () {\n\t\t\twindow['ga-disable-UA-4410982-7'] = true;\n\t\t}\n\t}]\n});\n"
            + "</script>";
        assertKept(in, blanked(in, snippet, create, send));
    }

    @Test
    void civicCookieControlWithAGtagLoaderInItsConfigVariable() {
        String tag = "tag.src = \"https://www.googletagmanager.com/gtag/js?id=G-7QH2M4RS1T\";";
        String in = "<script>\nvar config = {\n  apiKey: 'c0ffee0123456789abcdef0123456789abcdef01', product: 'COMMUNITY',\n"
            + "  optionalCookies: [\n    {\n      name: 'statistics', label: 'Statistics',\n"
            + "      onAccept: function () {\n        var tag = document.createElement('script');\n        " + tag
            + "\n        document.head.appendChild(tag);\n      },\n      onRevoke: function () {}\n    }\n  ]\n};\n"
            + "CookieControl.load(config);\n</script>";
        assertKept(in, blanked(in, tag));
    }

    @Test
    void oneTrustWrapperKeepsTheSitesConsentLogic() {
        String insert = "Optanon.InsertScript('https://connect.facebook.net/en_US/fbevents.js', 'head', null, null,"
            + " 'C0004');";
        String in = "<script type=\"text/javascript\">\nfunction OptanonWrapper() {\n"
            + "  var groups = window.OnetrustActiveGroups || '';\n"
            + "  document.documentElement.setAttribute('data-consent', groups);\n"
            + "  if (OnetrustActiveGroups.indexOf('C0004') > -1) {\n    " + insert + "\n  }\n"
            + "  if (groups.indexOf('C0003') > -1) { loadVideoEmbeds(); }\n}\n</script>";
        assertKept(in, blanked(in, insert));
    }

    @Test
    void aSitesOwnBannerKeepsItsButtonsAndShowHideCode() {
        String src = "el.src = 'https://www.googletagmanager.com/gtag/js?id=G-7QH2M4RS1T';";
        String in = "<script>\n(function () {\n  var banner = document.getElementById('consent-banner');\n"
            + "  function startAnalytics() {\n    var el = document.createElement('script');\n    el.async = true;\n"
            + "    " + src + "\n    document.head.appendChild(el);\n  }\n"
            + "  var choice = localStorage.getItem('cookie_consent');\n"
            + "  if (choice === 'accepted') { startAnalytics(); } else if (choice === null) { banner.hidden = false; }\n"
            + "  document.getElementById('consent-accept').addEventListener('click', function () {\n"
            + "    localStorage.setItem('cookie_consent', 'accepted'); banner.hidden = true; startAnalytics();\n  });\n"
            + "  document.getElementById('consent-reject').addEventListener('click', function () {\n"
            + "    localStorage.setItem('cookie_consent', 'rejected'); banner.hidden = true;\n  });\n})();\n</script>";
        assertKept(in, blanked(in, src));
    }

    /** The same banner storing the choice on the server, through the consent endpoint, keeps its buttons too. */
    @Test
    void aSitesOwnBannerThatPostsTheChoiceToTheConsentEndpointKeepsItsButtons() {
        String src = "s.src = 'https://www.googletagmanager.com/gtag/js?id=G-7QH2M4RS1T';";
        String in = "<script>\n(function () {\n  var banner = document.getElementById('cookie-banner');\n"
            + "  function loadAnalytics() {\n    var s = document.createElement('script');\n    s.async = true;\n"
            + "    " + src + "\n    document.head.appendChild(s);\n  }\n  function decide(allow) {\n"
            + "    fetch('/consent', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
            + " body: 'categories=' + (allow ? 'analytics' : 'none')})\n"
            + "      .then(function () { banner.hidden = true; if (allow) loadAnalytics(); });\n  }\n"
            + "  fetch('/consent').then(function (r) { return r.json(); })\n"
            + "    .then(function (d) { if (d.basis.analytics === 'DEFAULT') banner.hidden = false; });\n"
            + "  document.getElementById('cb-accept').addEventListener('click', function () { decide(true); });\n"
            + "  document.getElementById('cb-reject').addEventListener('click', function () { decide(false); });\n"
            + "})();\n</script>";
        assertKept(in, blanked(in, src));
        // a script that sends something and loads a tracker on a click, but names no consent, still goes whole
        assertEquals("ab", rewrite(REMOVE, "a<script>btn.addEventListener('click', function () {"
            + " fetch('/cart', {method: 'POST'}); var s = document.createElement('script');"
            + " s.src = 'https://www.googletagmanager.com/gtag/js?id=G-7QH2M4RS1T'; document.head.appendChild(s);"
            + " });</script>b", NONE));
    }

    /**
     * An Alpine.js banner handles its clicks in the markup ({@code <button @click="accept()">}): the script only
     * registers the component, and the markup's {@code x-data="cookieBar"} needs it, or the buttons throw.
     */
    @Test
    void aSitesOwnAlpineBannerKeepsTheComponentItsMarkupClicks() {
        String src = "s.src = 'https://www.googletagmanager.com/gtag/js?id=G-7QH2M4RS1T';";
        String in = "<script>\ndocument.addEventListener('alpine:init', () => {\n"
            + "  Alpine.data('cookieBar', () => ({\n"
            + "    open: !document.cookie.includes('site_consent='),\n"
            + "    accept() {\n      document.cookie = 'site_consent=all; path=/; max-age=31536000';\n"
            + "      this.open = false;\n      this.startAnalytics();\n    },\n"
            + "    reject() {\n      document.cookie = 'site_consent=none; path=/; max-age=31536000';\n"
            + "      this.open = false;\n    },\n"
            + "    startAnalytics() {\n      const s = document.createElement('script');\n      s.async = true;\n"
            + "      " + src + "\n      document.head.appendChild(s);\n    }\n  }));\n});\n</script>"
            + "<div x-data=\"cookieBar\" x-show=\"open\"><button @click=\"accept()\">OK</button>"
            + "<button @click=\"reject()\">No</button></div>";
        assertKept(in, blanked(in, src));
        // a store the markup calls ($store.consent.accept()) is such a component too
        String store = "<script>\nAlpine.store('consent', {\n  given: localStorage.getItem('consent') === 'yes',\n"
            + "  accept() {\n    localStorage.setItem('consent', 'yes');\n    this.given = true;\n    " + src + "\n  }\n"
            + "});\n</script>";
        assertKept(store, blanked(store, src));
        // registering a component that names no consent is no banner: the script still goes whole
        assertEquals("ab", rewrite(REMOVE, "a<script>Alpine.data('cart', () => ({ add() {"
            + " localStorage.setItem('cart', '1'); const s = document.createElement('script'); " + src
            + " document.head.appendChild(s); } }));</script>b", NONE));
    }

    /** A Vue app mounted on the banner (Vue from a webjar on a Thymeleaf page) handles its clicks in the markup too. */
    @Test
    void aSitesOwnVueBannerKeepsTheAppItsMarkupClicks() {
        String src = "s.src = 'https://connect.facebook.net/it_IT/fbevents.js';";
        String in = "<div id=\"cookie-banner\" v-if=\"!decided\"><button @click=\"accept\">Accetta</button></div>"
            + "<script>\n  Vue.createApp({\n    data() { return { decided: localStorage.getItem('consent') !== null }; },\n"
            + "    methods: {\n      accept() {\n        localStorage.setItem('consent', 'all');\n"
            + "        this.decided = true;\n        this.loadPixel();\n      },\n      loadPixel() {\n"
            + "        const s = document.createElement('script');\n        " + src + "\n"
            + "        document.head.appendChild(s);\n      }\n    }\n  }).mount('#cookie-banner');\n</script>";
        assertKept(in, blanked(in, src));
        // Vue 2's constructor, as older pages write it
        String two = "<script>\nnew Vue({\n  el: '#consent',\n  methods: {\n    accept: function () {\n"
            + "      document.cookie = 'consent=all; path=/';\n      var s = document.createElement('script');\n"
            + "      " + src + "\n      document.head.appendChild(s);\n    }\n  }\n});\n</script>";
        assertKept(two, blanked(two, src));
    }

    @Test
    void aCallbackSnippetGoesWithTheCallsIntoWhatItDefinedAnywhereInTheScript() {
        String pixel = "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?"
            + "n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;"
            + "n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];"
            + "s.parentNode.insertBefore(t,s)}(window, document,'script','https://connect.facebook.net/en_US/fbevents.js');";
        String track = "fbq('track', 'Lead');";
        String in = "<script>\nwindow.addEventListener('CookiebotOnAccept', function () {\n"
            + "  if (Cookiebot.consent.marketing) {\n    " + pixel + "\n  }\n  document.body.dataset.consent = 'set';\n"
            + "}, false);\ndocument.querySelector('form').addEventListener('submit', function () {\n  " + track
            + "\n  this.classList.add('sent');\n});\n</script>";
        assertKept(in, blanked(in, pixel, track));
    }

    @Test
    void aCallIntoTheSnippetWrittenWithoutBracesGoesAndLeavesAnEmptyStatement() {
        // "if (…) fbq(…); else …" left alone would throw in the submit handler before the form is marked as sent
        String pixel = "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?"
            + "n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;"
            + "n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];"
            + "s.parentNode.insertBefore(t,s)}(window, document,'script','https://connect.facebook.net/en_US/fbevents.js');";
        String track = "fbq('track', 'Lead');";
        String head = "if (this.dataset.kind === 'lead') ";
        String in = "<script>\nwindow.addEventListener('CookiebotOnAccept', function () {\n"
            + "  if (Cookiebot.consent.marketing) {\n    " + pixel + "\n  }\n  document.body.dataset.consent = 'set';\n"
            + "}, false);\ndocument.querySelector('form').addEventListener('submit', function () {\n  " + head + track
            + " else console.log('other');\n  this.classList.add('sent');\n});\n</script>";
        assertKept(in, blanked(in, pixel).replace(head + track, head + ";" + blank(track).substring(1)));
    }

    @Test
    void aStatementThatBindsTheNameOfABlankedVariableItselfStays() {
        // the callback's loader declares "url"; the banner code after it takes a parameter of that name and keeps
        // its own: it shows the policy links and hides the banner
        String url = "const url = 'https://www.googletagmanager.com/gtag/js?id=G-7QH2M4RS1T';";
        String own = "document.querySelectorAll('a.policy').forEach(function (url) { url.hidden = false; });";
        String arrow = "['#cc-main', '#cc-overlay'].map(url => document.querySelector(url)).forEach(hide);";
        String in = "<script>\nCookieConsent.run({\n    onConsent: function () {\n        " + url + "\n"
            + "        const tag = document.createElement('script');\n        tag.src = url;\n"
            + "        document.head.append(tag);\n        " + own + "\n        " + arrow + "\n    },\n"
            + "    categories: { analytics: {} }\n});\n</script>";
        assertKept(in, blanked(in, url, "tag.src = url;"));
    }

    @Test
    void aStatementUsingWhatABlankedStatementDeclaredGoesToo() {
        // left alone, "tag.src = url;" would throw a ReferenceError and stop the callback before the banner hides
        String url = "const url = `https://www.googletagmanager.com/gtag/js?id=${'G-7QH2M4RS1T'}`;";
        String use = "tag.src = url;";
        String in = "<script>\nCookieConsent.run({\n    onConsent: function () {\n"
            + "        if (CookieConsent.acceptedService('ga', 'analytics')) {\n            " + url + "\n"
            + "            const tag = document.createElement('script');\n            " + use + "\n"
            + "            document.head.append(tag);\n        }\n        document.body.classList.remove('cc-open');\n"
            + "    },\n    categories: { analytics: { services: { ga: { label: 'Google Analytics' } } } },\n"
            + "    language: { default: 'en', translations: { en: '/i18n/en.json' } }\n});\n</script>";
        assertKept(in, blanked(in, url, use));
    }

    @Test
    void aSelfHostedMatomoSnippetInACallbackLosesItsLoaderNotOnlyItsTrackerUrl() {
        // Matomo's snippet is a wrapper of the site's shape, read into: its library's file name names it where it
        // is loaded, as setTrackerUrl does where it is configured; left, the accepted banner would load matomo.js
        String trackerUrl = "_paq.push(['setTrackerUrl', u + 'matomo.php']);";
        String library = "g.src = u + 'matomo.js';";
        String in = "<script>\ndocument.addEventListener('cmplz_status_change', function (e) {\n"
            + "    if (e.detail.category === 'statistics' && e.detail.value === 'allow') {\n"
            + "        var _paq = window._paq = window._paq || [];\n        _paq.push(['trackPageView']);\n"
            + "        (function () {\n            var u = '//stats.shop.example/';\n            " + trackerUrl + "\n"
            + "            _paq.push(['setSiteId', '3']);\n"
            + "            var d = document, g = d.createElement('script'), s = d.getElementsByTagName('script')[0];\n"
            + "            g.async = true; " + library + " s.parentNode.insertBefore(g, s);\n        })();\n    }\n"
            + "    document.body.classList.toggle('cmplz-' + e.detail.category, e.detail.value === 'allow');\n"
            + "});\n</script>";
        assertKept(in, blanked(in, trackerUrl, library));
    }

    @Test
    void aSelfHostedTagManagersLoaderInACallbackGoesWithItsSettingsStatement() {
        // the container's URL is on the site's own Matomo: only the statement before the loader names the tag
        String start = "_mtm.push({'mtm.startTime': (new Date().getTime()), 'event': 'mtm.Start'});";
        String loader = "(function () {\n      var d = document, g = d.createElement('script'),"
            + " s = d.getElementsByTagName('script')[0];\n"
            + "      g.async = true; g.src = 'https://stats.shop.example/js/container_Xk4m9PqT.js';"
            + " s.parentNode.insertBefore(g, s);\n    })();";
        String in = "<script>\nwindow.addEventListener('CookiebotOnAccept', function () {\n"
            + "  if (Cookiebot.consent.statistics) {\n    var _mtm = window._mtm = window._mtm || [];\n    " + start
            + "\n    " + loader + "\n  }\n  document.getElementById('cookie-prefs').hidden = false;\n}, false);\n</script>";
        assertKept(in, blanked(in, start, loader));
    }

    @Test
    void aTagSnippetInACallbackGoesWholeNotReadInto() {
        // a vendor's snippet is one loader: blanked whole, with the calls into the dataLayer it set up
        String gtm = "(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});"
            + "var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;"
            + "j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);"
            + "})(window,document,'script','dataLayer','GTM-LC8Z2QW');";
        String push = "dataLayer.push({ event: 'consent_ready' });";
        String in = "<script>\nwindow.addEventListener('CookiebotOnConsentReady', function () {\n"
            + "  if (Cookiebot.consent.statistics) {\n    " + gtm + "\n    " + push + "\n  }\n"
            + "  document.getElementById('cookie-prefs').hidden = false;\n});\n</script>";
        assertKept(in, blanked(in, gtm, push));
    }

    @Test
    void aConsentManagerScriptWithNothingButTheTrackerLoaderStillGoes() {
        assertEquals("ab", rewrite(REMOVE, "a<script>function OptanonWrapper() {\n"
            + "  Optanon.InsertScript('https://connect.facebook.net/en_US/fbevents.js', 'head', null, null, 'C0004');\n"
            + "}</script>b", NONE));
        assertEquals("ab", rewrite(REMOVE, "a<script>window.addEventListener('CookiebotOnAccept', function () {\n"
            + "  if (Cookiebot.consent.statistics) {\n"
            + "    (function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});"
            + "var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;"
            + "j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);"
            + "})(window,document,'script','dataLayer','GTM-LC8Z2QW');\n  }\n}, false);</script>b", NONE));
        // an arrow whose expression body is the loader: no statement of it can go alone, and nothing else is left
        assertEquals("ab", rewrite(REMOVE, "a<script>CookieConsent.run({ onConsent: () => loadScript("
            + "'https://www.googletagmanager.com/gtag/js?id=G-7QH2M4RS1T') });</script>b", NONE));
    }

    @Test
    void whatCannotBeKeptGoesWhole() {
        // the tag's id and its call only meet in the callback's body: the run call that holds it goes, nothing is left
        assertEquals("ab", rewrite(REMOVE, "a<script>CookieConsent.run({ onConsent: function () {"
            + " var o = {send_to: 'AW-987654321/AbC'}; gtag('event', 'conversion', o); } });</script>b", NONE));
        // text the statement reader cannot trust
        assertEquals("ab", rewrite(REMOVE, "a<script>var cc = initCookieConsent(); cc.run({ onAccept: function () {"
            + " cc.loadScript('https://www.googletagmanager.com/gtag/js?id=G-7QH2M4RS1T'); }, x: f(; });</script>b",
            NONE));
    }

    @Test
    void aScriptOfNoConsentManagerWithACallbackLoadingATrackerIsReadAsAnyScript() {
        // the callback is inside the only statement that runs code: the script goes whole
        assertEquals("ab", rewrite(REMOVE, "a<script>document.addEventListener('DOMContentLoaded', function () {\n"
            + "  initMenu();\n  var s = document.createElement('script');\n"
            + "  s.src = 'https://www.googletagmanager.com/gtag/js?id=G-7QH2M4RS1T';\n  document.head.appendChild(s);\n"
            + "});\nvar shop = { currency: 'EUR' };</script>b", NONE));
        // a banner of its own needs its consent, its stored choice and its click together; without them the
        // statement that loads the tracker goes as a tag's snippet does beside the page's code (MixedScript)
        String stored = "a<script>localStorage.setItem('seen', '1');\n";
        String click = "btn.onclick = function () { var s = document.createElement('script');"
            + " s.src = 'https://www.googletagmanager.com/gtag/js?id=G-7QH2M4RS1T'; document.head.appendChild(s); };";
        assertEquals(stored + " ".repeat(click.length()) + "</script>b",
            rewrite(REMOVE, stored + click + "</script>b", NONE));
    }

    @Test
    void theOutputIsTheSameWhereverTheInputIsSplit() {
        String in = "<p>x</p><script>function OptanonWrapper() {\n  markConsent();\n"
            + "  if (OnetrustActiveGroups.indexOf('C0004') > -1) {\n"
            + "    Optanon.InsertScript('https://connect.facebook.net/en_US/fbevents.js', 'head', null, null, 'C0004');\n"
            + "  }\n}</script><p>y</p>";
        byte[] b = in.getBytes(StandardCharsets.UTF_8);
        RewriteAssertions.assertSameWhereverSplit(b.length, cuts -> new String(RewriteAssertions.rewrite(REMOVE, b,
            NONE, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
    }

    @Test
    void mutatedConsentManagerScriptsNeverKeepARefusedTracker() {
        // byte-level mutations of the shapes above: whatever the rewriter keeps names no refused tracker, and a
        // second pass changes nothing
        List<String> pages = List.of(
            "<script>var cc = initCookieConsent(); cc.run({ onAccept: function () { if (cc.allowedCategory('a')) {"
                + " cc.loadScript('https://www.googletagmanager.com/gtag/js?id=G-7QH2M4RS1T', function () {"
                + " gtag('config', 'G-7QH2M4RS1T'); }); } }, languages: { en: { consent_modal: { title: `t ${1}` } } }"
                + " });</script>",
            "<script>function OptanonWrapper() { var a = /[}{]/g; if (OnetrustActiveGroups.indexOf('C0004') > -1) {"
                + " Optanon.InsertScript('https://connect.facebook.net/en_US/fbevents.js', 'head', null, null,"
                + " 'C0004'); } else { other(); } switch (a) { case 1: go(); } }</script>",
            "<script>CookieControl.load({ optionalCookies: [{ onAccept() { (function(w,d,s,l,i){w[l]=w[l]||[];"
                + "w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],"
                + "j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i;"
                + "f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-LC8Z2QW');"
                + " dataLayer.push({event: 'ok'}); }, onRevoke: () => { x = 1; } }] });</script>");
        RewriteAssertions.assertMutationsKeepNoRefusedTracker(pages, 20_251_130L, 3_000);
    }
}
