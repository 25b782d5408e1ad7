package io.consentgate.html;

import static io.consentgate.html.PageFrame.ALL;
import static io.consentgate.html.PageFrame.ANALYTICS_REFUSED;
import static io.consentgate.html.PageFrame.MARKETING_REFUSED;
import static io.consentgate.html.PageFrame.NONE;
import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.REMOVE_WITH_STUBS;
import static io.consentgate.html.RewriteAssertions.events;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A site's own script that also carries a tag's snippet as statements of its own ({@link MixedScript}): a theme's
 * header script, a hand-written footer, a product page's script. The snippet's statements are blanked and the site's
 * code stays, in both modes; a script that is only a tag's snippet, with its settings, queue and loader, still goes
 * whole (or is neutralized for a consent manager to start), as do the scripts whose page code and snippet cannot be
 * told apart.
 */
class MixedScriptTest {

    private static final String BEFORE = "<header class=\"site-header\"><button class=\"nav-toggle\">Menu</button>"
        + "<nav class=\"site-nav\"><a href=\"/shop\">Shop</a><a href=\"/journal\">Journal</a></nav></header>\n";
    private static final String AFTER = "\n<footer>Lindenhof Ceramics, Kassel</footer>";

    private static String page(String script) {
        return BEFORE + "<script>" + script + "</script>" + AFTER;
    }

    /** {@code text} with each of {@code parts} overwritten by spaces, its line breaks kept. */
    private static String blanked(String text, String... parts) {
        for (String part : parts) {
            if (!text.contains(part)) {
                throw new IllegalArgumentException(part);
            }
            text = text.replace(part, part.replaceAll("[^\r\n]", " "));
        }
        return text;
    }

    // a WordPress theme's header script: the no-js class swap, then gtag.js loaded and configured by hand
    private static final String NO_JS = "document.documentElement.className ="
        + " document.documentElement.className.replace(/\\bno-js\\b/, 'js');";
    private static final String GTAG_SRC = "gaTag.src = 'https://www.googletagmanager.com/gtag/js?id=G-7KX2M4QZ1B';";
    private static final String GTAG_JS = "gtag('js', new Date());";
    private static final String GTAG_CONFIG = "gtag('config', 'G-7KX2M4QZ1B', { anonymize_ip: true });";
    private static final String THEME_HEADER = "\n" + NO_JS + "\n"
        + "var gaTag = document.createElement('script');\ngaTag.async = true;\n" + GTAG_SRC + "\n"
        + "document.head.appendChild(gaTag);\n"
        + "window.dataLayer = window.dataLayer || [];\nfunction gtag() { dataLayer.push(arguments); }\n"
        + GTAG_JS + "\n" + GTAG_CONFIG + "\n";

    @Test
    void aThemeHeaderKeepsItsClassSwapAndLosesTheTagsSourceAndConfig() {
        String out = rewrite(REMOVE, page(THEME_HEADER), ANALYTICS_REFUSED);
        assertEquals(page(blanked(THEME_HEADER, GTAG_SRC, GTAG_JS, GTAG_CONFIG)), out);
        assertEquals(out, rewrite(NEUTRALIZE, page(THEME_HEADER), ANALYTICS_REFUSED), "in both modes");
        assertEquals(page(THEME_HEADER), rewrite(REMOVE, page(THEME_HEADER), MARKETING_REFUSED), "a G- tag");
        assertEquals(page(THEME_HEADER), rewrite(REMOVE, page(THEME_HEADER), ALL));
    }

    // a hand-written footer: the menu, Universal Analytics' loader with its create and send calls, a slider
    private static final String MENU = "$(function () {\n  $('.nav-toggle').on('click', function () {"
        + " $('.site-nav').toggleClass('is-open'); });\n});";
    private static final String UA_LOADER = "(function (win, doc, src, name) {\n"
        + "  win.GoogleAnalyticsObject = name;\n"
        + "  win[name] = win[name] || function () { (win[name].q = win[name].q || []).push(arguments); };\n"
        + "  win[name].l = Date.now();\n  var el = doc.createElement('script'); el.async = true; el.src = src;\n"
        + "  doc.getElementsByTagName('head')[0].appendChild(el);\n"
        + "})(window, document, 'https://www.google-analytics.com/analytics.js', 'ga');";
    private static final String UA_CREATE = "ga('create', 'UA-4471902-3', 'auto');";
    private static final String UA_SEND = "ga('send', 'pageview');";
    private static final String SLIDER = "new Glide('.hero-slider', { type: 'carousel', autoplay: 6000 }).mount();";
    private static final String FOOTER = "\n" + MENU + "\n" + UA_LOADER + "\n" + UA_CREATE + "\n" + UA_SEND + "\n"
        + SLIDER + "\n";

    @Test
    void aHandWrittenFooterKeepsItsMenuAndSliderAndLosesTheAnalyticsSnippetAndItsCalls() {
        String out = rewrite(REMOVE, page(FOOTER), NONE);
        assertEquals(page(blanked(FOOTER, UA_LOADER, UA_CREATE, UA_SEND)), out);
        assertFalse(out.contains("google-analytics"));
        assertEquals(page(FOOTER), rewrite(REMOVE, page(FOOTER), ALL));
    }

    @Test
    void theKeptScriptLeavesStandInsForTheGlobalsTheBlankedSnippetDefined() {
        String out = rewrite(REMOVE_WITH_STUBS, page(FOOTER), NONE);
        String kept = BEFORE + "<script>" + blanked(FOOTER, UA_LOADER, UA_CREATE, UA_SEND) + "</script>";
        assertTrue(out.startsWith(kept), out);
        String rest = out.substring(kept.length());
        assertTrue(rest.startsWith("<script data-consentgate=\"stub\">") && rest.endsWith(AFTER), rest);
        assertEquals(page(FOOTER), rewrite(REMOVE_WITH_STUBS, page(FOOTER), ALL));
    }

    // a shop page: its settings for the site's bundle, the Meta pixel with its calls, the add-to-cart handler
    private static final String SETTINGS = "window.shopSettings = { currency: 'EUR', cartUrl: '/cart' };";
    private static final String PIXEL = "!function (win, src) {\n  if (win.fbq) return;\n"
        + "  var q = win.fbq = function () { q.queue.push(arguments); }; q.queue = []; win._fbq = q;\n"
        + "  var s = document.createElement('script'); s.async = true; s.src = src;\n"
        + "  document.head.appendChild(s);\n}(window, 'https://connect.facebook.net/en_US/fbevents.js');";
    private static final String PIXEL_INIT = "fbq('init', '733104928811456');";
    private static final String PIXEL_VIEW = "fbq('track', 'PageView');";
    private static final String CART = "document.querySelectorAll('.add-to-cart').forEach(function (button) {\n"
        + "  button.addEventListener('click', function () {\n"
        + "    if (window.fbq) { fbq('track', 'AddToCart'); }\n"
        + "    Cart.add(button.dataset.sku);\n  });\n});";
    private static final String PRODUCT = "\n" + SETTINGS + "\n" + PIXEL + "\n" + PIXEL_INIT + "\n" + PIXEL_VIEW
        + "\n" + CART + "\n";

    @Test
    void aProductPageKeepsItsSettingsAndCartHandlerAndLosesThePixel() {
        String out = rewrite(REMOVE, page(PRODUCT), MARKETING_REFUSED);
        assertEquals(page(blanked(PRODUCT, PIXEL, PIXEL_INIT, PIXEL_VIEW)), out);
        assertEquals(page(PRODUCT), rewrite(REMOVE, page(PRODUCT), ANALYTICS_REFUSED));
        assertEquals(List.of("NEUTRALIZED meta-pixel"), events(REMOVE, page(PRODUCT), MARKETING_REFUSED).stream()
            .map(e -> e.action() + " " + e.trackerId()).toList());
    }

    @Test
    void theKeptScriptIsTheSameWhereverTheInputIsSplit() {
        byte[] in = page(PRODUCT).getBytes(StandardCharsets.UTF_8);
        String expected = page(blanked(PRODUCT, PIXEL, PIXEL_INIT, PIXEL_VIEW));
        assertEquals(expected, rewrite(REMOVE, page(PRODUCT), MARKETING_REFUSED));
        RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> new String(RewriteAssertions.rewrite(REMOVE, in,
            MARKETING_REFUSED, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
    }

    // OXID eShop joins every snippet its templates add with [{oxscript add=…}] into one script at the end of the page
    private static final String OXID_GTM = "(function (w, d, layer, id) {\n"
        + "  w[layer] = w[layer] || []; w[layer].push({'gtm.start': new Date().getTime(), event: 'gtm.js'});\n"
        + "  var first = d.getElementsByTagName('script')[0], tag = d.createElement('script');\n"
        + "  tag.async = true; tag.src = 'https://www.googletagmanager.com/gtm.js?id=' + id;\n"
        + "  first.parentNode.insertBefore(tag, first);\n})(window, document, 'dataLayer', 'GTM-W4K8QZ3');";
    private static final String OXID_JOINED = "\n$(function () { Flow.initDetailsEvents(); });\n"
        + "$('input.oxValidate').oxInputValidator();\n" + OXID_GTM + "\n"
        + "$('#newsletterForm').oxModalPopup({target: '#newsletterConfirm'});\n";

    @Test
    void oxidsJoinedSnippetsKeepTheThemesWidgetStarts() {
        assertEquals(page(blanked(OXID_JOINED, OXID_GTM)), rewrite(REMOVE, page(OXID_JOINED), NONE));
        assertEquals(page(blanked(OXID_JOINED, OXID_GTM)), rewrite(REMOVE, page(OXID_JOINED), ANALYTICS_REFUSED));
        assertEquals(page(blanked(OXID_JOINED, OXID_GTM)), rewrite(REMOVE, page(OXID_JOINED), MARKETING_REFUSED));
        assertEquals(page(OXID_JOINED), rewrite(REMOVE, page(OXID_JOINED), ALL));
    }

    @Test
    void aSnippetAloneIsReadOnceForEachSetOfRefusedCategoriesAndAKeptScriptEveryTime() {
        HtmlRewriter r = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).build();
        String snippet = page("\n" + PIXEL + "\n" + PIXEL_INIT + "\n" + PIXEL_VIEW + "\n");
        assertEquals(BEFORE + AFTER, rewrite(r, snippet, NONE));
        assertEquals(1, r.snippetScripts.size());
        assertEquals(BEFORE + AFTER, rewrite(r, snippet, NONE), "remembered: goes whole as before");
        assertEquals(1, r.snippetScripts.size());
        assertEquals(BEFORE + AFTER, rewrite(r, snippet, MARKETING_REFUSED));
        assertEquals(2, r.snippetScripts.size(), "another decision, read again");
        for (int i = 0; i < 2; i++) {
            assertEquals(page(blanked(PRODUCT, PIXEL, PIXEL_INIT, PIXEL_VIEW)), rewrite(r, page(PRODUCT),
                MARKETING_REFUSED));
            assertEquals(2, r.snippetScripts.size(), "a kept script is not remembered");
        }
        for (int i = 2; i < HtmlRewriter.MAX_SNIPPET_SCRIPTS; i++) {
            assertEquals(BEFORE + AFTER, rewrite(r, page(PIXEL + "\nfbq('init', '" + i + "');"), NONE));
        }
        assertEquals(HtmlRewriter.MAX_SNIPPET_SCRIPTS, r.snippetScripts.size());
        assertEquals(BEFORE + AFTER, rewrite(r, page(PIXEL + "\nfbq('init', 'one more');"), NONE));
        assertEquals(1, r.snippetScripts.size(), "bounded: forgotten whole, then the new one remembered");
    }

    /**
     * Scripts that are a tag's snippet and nothing else, written as sites write them: the settings and queue
     * statements, the loader's own statements and the calls into the tag are no code of the page's own, so the
     * script goes whole as before, and in neutralize mode stays whole for a consent manager to start.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        // gtag.js configuration beside its loader element
        "\n  window.dataLayer = window.dataLayer || [];\n  function gtag(){dataLayer.push(arguments);}\n"
            + "  gtag('js', new Date());\n\n  gtag('config', 'G-7KX2M4QZ1B');\n",
        // Universal Analytics with its calls
        "\n" + UA_LOADER + "\n" + UA_CREATE + "\n" + UA_SEND + "\n",
        // the Meta pixel with its calls
        "\n" + PIXEL + "\n" + PIXEL_INIT + "\n" + PIXEL_VIEW + "\n",
        // Matomo's queue, settings and loader
        "\n  var _paq = window._paq = window._paq || [];\n  _paq.push(['trackPageView']);\n"
            + "  _paq.push(['enableLinkTracking']);\n  (function() {\n    var u = 'https://stats.lindenhof.example/';\n"
            + "    _paq.push(['setTrackerUrl', u + 'matomo.php']);\n    _paq.push(['setSiteId', '4']);\n"
            + "    var d = document, g = d.createElement('script'), s = d.getElementsByTagName('script')[0];\n"
            + "    g.async = true; g.src = u + 'matomo.js'; s.parentNode.insertBefore(g, s);\n  })();\n",
        // a loader written out statement by statement, with a timing value and a settings object
        "\nwindow.hjStart = new Date().getTime();\nwindow._hjSettings = { hjid: 3318842, hjsv: 6 };\n"
            + "var hjTag = document.createElement('script');\nhjTag.async = true;\n"
            + "hjTag.src = 'https://static.hotjar.com/c/hotjar-' + _hjSettings.hjid + '.js?sv=' + _hjSettings.hjsv;\n"
            + "document.getElementsByTagName('head')[0].appendChild(hjTag);\n",
        // a queue set up before the snippet, as Baidu Tongji's is
        "\nvar _hmt = _hmt || [];\n(function () {\n  var hm = document.createElement('script');\n"
            + "  hm.src = 'https://hm.baidu.com/hm.js?0a1b2c3d4e5f60718293a4b5c6d7e8f9';\n"
            + "  var s = document.getElementsByTagName('script')[0];\n  s.parentNode.insertBefore(hm, s);\n})();\n",
    })
    void aTagsSnippetAloneStillGoesWhole(String script) {
        assertEquals(BEFORE + AFTER, rewrite(REMOVE, page(script), NONE));
        String neutral = rewrite(NEUTRALIZE, page(script), NONE);
        assertTrue(neutral.contains("<script type=\"text/plain\""), neutral);
        assertEquals(page(script), rewrite(REMOVE, page(script), ALL));
    }

    /**
     * Scripts whose page code and snippet share one statement, or whose remaining text still names the tag, go whole
     * as before: the page's code inside the snippet's function or listener, the tag id kept in a variable beside
     * the page's code, and an escaped script (whose end could move once blanked).
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "\ndocument.addEventListener('DOMContentLoaded', function () {\n  initMenu();\n"
            + "  var s = document.createElement('script'); s.async = true;\n"
            + "  s.src = 'https://www.googletagmanager.com/gtm.js?id=GTM-K7Q2XM';\n  document.head.appendChild(s);\n"
            + "});\n",
        "\nvar GA_ID = 'G-7KX2M4QZ1B';\ninitMenu();\nwindow.dataLayer = window.dataLayer || [];\n"
            + "function gtag() { dataLayer.push(arguments); }\ngtag('js', new Date());\ngtag('config', GA_ID);\n",
        "<!--\ninitMenu();\n" + PIXEL + "\n//-->",
    })
    void scriptsWhosePageCodeAndSnippetCannotBeToldApartGoWhole(String script) {
        String out = rewrite(REMOVE, page(script), NONE);
        assertEquals(BEFORE + AFTER, out);
    }
}
