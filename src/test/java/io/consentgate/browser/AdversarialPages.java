package io.consentgate.browser;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hand-written pages in the places where a streaming tokenizer and a browser's tree builder can disagree: foreign
 * (SVG/MathML) content and what leaves it, raw text and RCDATA elements, {@code <noscript>} with scripting on,
 * script data escapes, comments, {@code <base>}, URL syntax the URL parser forgives, and insertion modes that ignore
 * a start tag ({@code <frameset>}, {@code <select>}). Each page, as written, hides or shows a tracker depending on
 * which reading is right; {@link LeakOracle} lets Chromium decide.
 */
final class AdversarialPages {

    static final String PIXEL_URL = "https://www.facebook.com/tr?id=1&amp;ev=PageView";
    static final String PIXEL = "<img src=\"" + PIXEL_URL + "\" alt=\"\">";
    static final String GTM_URL = "https://www.googletagmanager.com/gtm.js?id=GTM-XXXX";
    static final String GTAG = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-ABC123\"></script>";

    private static final String[] RAW_TEXT = {"style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea",
        "title", "script", "plaintext"};

    private static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        foreignContent();
        noscript();
        rawText();
        scriptEscapes();
        comments();
        base();
        urls();
        fetchingElements();
        insertionModes();
        loaders();
    }

    private AdversarialPages() {
    }

    /** Name to whole document, in a stable order. */
    static Map<String, String> all() {
        return Collections.unmodifiableMap(PAGES);
    }

    static String body(String html) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>" + html
            + "<p>end</p></body></html>";
    }

    private static void page(String name, String bodyHtml) {
        if (PAGES.put(name, body(bodyHtml)) != null) {
            throw new IllegalStateException("duplicate page " + name);
        }
    }

    private static void document(String name, String html) {
        if (PAGES.put(name, html) != null) {
            throw new IllegalStateException("duplicate page " + name);
        }
    }

    private static void foreignContent() {
        for (String t : RAW_TEXT) {
            page("svg-" + t + "-is-not-raw-text", "<svg><" + t + ">" + PIXEL + "</" + t + "></svg>");
            page("math-" + t + "-is-not-raw-text", "<math><" + t + ">" + PIXEL + "</" + t + "></math>");
            page("svg-self-closed-" + t, "<svg><" + t + "/><image href=\"" + PIXEL_URL + "\"/></svg>");
            page("svg-title-" + t, "<svg><title><" + t + ">" + PIXEL + "</" + t + "></title></svg>");
            page("mglyph-" + t, "<math><mi><mglyph><" + t + ">" + PIXEL + "</" + t + "></mglyph></mi></math>");
            page("math-ms-" + t, "<math><ms><" + t + ">" + PIXEL + "</" + t + "></ms></math>");
        }
        page("svg-image-href", "<svg><image href=\"" + PIXEL_URL + "\"/></svg>");
        page("svg-image-xlink", "<svg><image xlink:href=\"" + PIXEL_URL + "\"/></svg>");
        page("svg-feimage", "<svg><filter id=f><feImage href=\"" + PIXEL_URL + "\"/></filter>"
            + "<rect filter=\"url(#f)\" width=10 height=10 /></svg>");
        page("svg-script-href", "<svg><script href=\"" + GTM_URL + "\"></script></svg>");
        page("svg-script-xlink-href", "<svg><script xlink:href=\"" + GTM_URL + "\"></script></svg>");
        page("svg-font-face-breakout", "<svg><font face=x><style>" + PIXEL + "</style></font></svg>");
        page("svg-font-size-breakout", "<svg><font size=1></font><style>" + PIXEL + "</style>");
        page("svg-font-no-attribute-stays", "<svg><font><style>" + PIXEL + "</style></font></svg>");
        page("svg-end-br-breakout", "<svg></br><style>" + PIXEL + "</style>");
        page("math-annotation-xml-html", "<math><annotation-xml encoding=\"text/html\"><xmp>" + PIXEL
            + "</xmp></annotation-xml></math>");
        page("math-annotation-xml-svg-style", "<math><annotation-xml><svg><style>" + PIXEL + "</style></svg>"
            + "</annotation-xml></math>");
        page("math-annotation-xml-xhtml", "<math><annotation-xml encoding=\"APPLICATION/XHTML+XML\"><style>"
            + PIXEL + "</style></annotation-xml></math>");
        page("svg-foreignobject-div-style", "<svg><foreignObject><div><style>" + PIXEL
            + "</style></div></foreignObject></svg>");
        page("svg-foreignobject-svg-style", "<svg><foreignObject><svg><style>" + PIXEL
            + "</style></svg></foreignObject></svg>");
        page("svg-desc-end-svg", "<svg><desc></svg><style>" + PIXEL + "</style>");
        page("svg-self-closing", "<svg/><style>" + PIXEL + "</style>");
        page("math-self-closing", "<math/><style>" + PIXEL + "</style>");
        page("svg-in-table", "<table><svg><style>" + PIXEL + "</style></svg></table>");
        page("svg-uppercase-foreignobject", "<svg><FOREIGNOBJECT><style>" + PIXEL + "</style></FOREIGNOBJECT></svg>");
        page("svg-cdata-then-style", "<svg><![CDATA[<style>]]>" + PIXEL + "</svg>");
        page("svg-closed-by-end-math", "<svg></math><style>" + PIXEL + "</style></svg>");
        page("svg-in-math-mi", "<math><mi><svg><style>" + PIXEL + "</style></svg></mi></math>");
        page("svg-in-select", "<select><svg><style>" + PIXEL + "</style></svg></select>");
        page("svg-end-p", "<p><svg></p><style>" + PIXEL + "</style>");
    }

    private static void noscript() {
        for (String t : RAW_TEXT) {
            page("noscript-" + t + "-ends-at-noscript", "<noscript><" + t + "></noscript>" + PIXEL + "</" + t + ">");
        }
        page("noscript-comment-ends-at-noscript", "<noscript><!--</noscript>" + PIXEL + "-->");
        page("noscript-attribute-ends-at-noscript", "<noscript><a title=\"</noscript>" + PIXEL + "\">x</a>");
        page("noscript-svg-ends-at-noscript", "<noscript><svg><![CDATA[</noscript>" + PIXEL + "]]></svg>");
        page("noscript-in-head", "<noscript><style></noscript>" + PIXEL + "</style>");
        document("noscript-in-head-proper", "<!DOCTYPE html><html><head><noscript><style></noscript>" + PIXEL
            + "</style></head><body><p>end</p></body></html>");
        page("noscript-end-tag-spaced", "<noscript><style></noscript >" + PIXEL + "</style>");
        page("noscript-end-tag-uppercase", "<noscript><xmp></NOSCRIPT>" + PIXEL + "</xmp>");
        page("noscript-end-tag-slash", "<noscript><xmp></noscript/>" + PIXEL + "</xmp>");
        page("noscript-end-tag-formfeed", "<noscript><xmp></noscript\f>" + PIXEL + "</xmp>");
        page("noscript-nested", "<noscript><noscript></noscript>" + PIXEL + "</noscript>");
        page("noscript-in-svg", "<svg><noscript>" + PIXEL + "</noscript></svg>");
        page("noscript-in-template", "<template><noscript><style></noscript></template>" + PIXEL + "</style>");
        page("noscript-in-select", "<select><noscript><style></noscript>" + PIXEL + "</style></select>");
        page("noscript-in-table", "<table><noscript><style></noscript>" + PIXEL + "</style></table>");
    }

    private static void rawText() {
        for (String t : new String[] {"title", "textarea", "style", "script", "xmp", "iframe", "noembed",
            "noframes"}) {
            page(t + "-end-tag-formfeed", "<" + t + ">x</" + t + "\f>" + PIXEL + "</" + t + ">");
            page(t + "-end-tag-tab", "<" + t + ">x</" + t + "\t>" + PIXEL + "</" + t + ">");
            page(t + "-end-tag-cr", "<" + t + ">x</" + t + "\r>" + PIXEL + "</" + t + ">");
            page(t + "-end-tag-attribute", "<" + t + ">x</" + t + " a=\"</" + t + ">\">" + PIXEL + "</" + t + ">");
            page(t + "-end-tag-uppercase", "<" + t + ">x</" + t.toUpperCase(java.util.Locale.ROOT) + ">" + PIXEL);
            page(t + "-self-closing-start", "<" + t + "/>" + PIXEL + "</" + t + ">");
        }
        page("img-formfeed-before-src", "<img\fsrc=\"" + PIXEL_URL + "\">");
        page("img-slash-before-src", "<img/src=\"" + PIXEL_URL + "\">");
        page("img-formfeed-after-equals", "<img src=\f\"" + PIXEL_URL + "\">");
        page("img-no-space-between-attributes", "<img alt=\"\"src=\"" + PIXEL_URL + "\">");
        page("img-first-src-wins", "<img src=\"" + PIXEL_URL + "\" src=\"/x.png\">");
        page("img-uppercase", "<IMG SRC=\"" + PIXEL_URL + "\">");
        page("image-tag-is-img", "<image src=\"" + PIXEL_URL + "\">");
        page("img-nul-in-name", "<im\0g src=\"" + PIXEL_URL + "\">");
        page("img-after-lt-space", "< img src=\"" + PIXEL_URL + "\">" + PIXEL);
        page("plaintext-in-body", "<plaintext>" + PIXEL);
        page("textarea-in-select", "<select><textarea></select>" + PIXEL + "</textarea>");
        page("title-in-svg-in-body", "<svg><title></svg>" + PIXEL + "</title>");
        page("xmp-in-p", "<p><xmp></p>" + PIXEL + "</xmp>");
    }

    private static void scriptEscapes() {
        page("script-double-escape-exit-by-dashes", "<script><!--<script>--></script>" + PIXEL);
        page("script-comment-abrupt-close", "<script><!--><script></script>" + PIXEL + "</script>");
        page("script-comment-three-dashes", "<script><!---><script></script>" + PIXEL + "</script>");
        page("script-double-escaped", "<script><!--<script></script>" + PIXEL + "--></script>" + PIXEL);
        page("script-double-escape-slash", "<script><!--<script/></script>" + PIXEL + "--></script>");
        page("script-double-escape-not-scripts", "<script><!--<scripts></script>" + PIXEL + "--></script>");
        page("script-double-escape-uppercase", "<script><!--<SCRIPT></script>" + PIXEL + "--></script>");
        page("script-double-escape-end-space", "<script><!--<script></script >" + PIXEL + "--></script>");
        page("script-escaped-end", "<script><!--</script>" + PIXEL);
        page("script-dash-dash-gt-in-escaped", "<script><!-- --><script></script>" + PIXEL + "</script>");
        page("script-in-svg-escape", "<svg><script><!--<script></script>" + PIXEL + "--></script></svg>");
        page("script-in-template", "<template><script><!--<script></template></script>" + PIXEL + "--></script>");
        page("style-comment-is-text", "<style><!--</style>" + PIXEL + "--></style>");
        page("textarea-comment-is-text", "<textarea><!--</textarea>" + PIXEL + "--></textarea>");
        page("title-comment-is-text", "<title><!--</title>" + PIXEL + "--></title>");
    }

    private static void comments() {
        page("comment-abrupt", "<!-->" + PIXEL + "-->");
        page("comment-abrupt-three-dashes", "<!--->" + PIXEL + "-->");
        page("comment-bang-close", "<!-- x --!>" + PIXEL + "-->");
        page("comment-bang-dash-close", "<!-- x --!-->" + PIXEL + "-->");
        page("comment-dashes-space-gt", "<!-- x -- >" + PIXEL + "-->");
        page("comment-nested-open", "<!-- <!-- -->" + PIXEL + "-->");
        page("bogus-comment-bang", "<! x >" + PIXEL + ">");
        page("bogus-comment-question", "<?x -->" + PIXEL + "?>");
        page("bogus-comment-end-tag-space", "</ x>" + PIXEL + ">");
        page("bogus-comment-end-tag-digit", "</3 -->" + PIXEL);
        page("cdata-in-html", "<![CDATA[ -->" + PIXEL + "]]>");
        page("comment-dash-dash-dash-gt", "<!-- x --->" + PIXEL);
        page("comment-in-attribute", "<a title=\"<!--\">x</a>" + PIXEL + "<!-- -->");
        page("comment-less-than-bang", "<!--<!-->" + PIXEL + "-->");
        page("doctype-in-body", "<!DOCTYPE x -->" + PIXEL);
    }

    private static void base() {
        String rel = "<img src=\"tr?id=1&amp;ev=PageView\" alt=\"\">";
        page("base-first-href-wins-over-target", "<base target=\"_self\"><base href=\"https://www.facebook.com/\">"
            + rel);
        page("base-no-trailing-slash", "<base href=\"https://www.facebook.com\">" + rel);
        page("base-scheme-without-slashes", "<base href=\"https:www.facebook.com/\">" + rel);
        page("base-scheme-one-slash", "<base href=\"https:/www.facebook.com/\">" + rel);
        page("base-backslashes", "<base href=\"https:\\\\www.facebook.com\\\">" + rel);
        page("base-surrounding-space", "<base href=\"  https://www.facebook.com/  \">" + rel);
        page("base-uppercase-host", "<base href=\"HTTPS://WWW.FACEBOOK.COM/\">" + rel);
        page("base-char-references", "<base href=\"&#x68;ttps&colon;&sol;&sol;www&period;facebook&period;com/\">"
            + rel);
        page("base-in-body-after-text", "<p>x</p><base href=\"https://www.facebook.com/\">" + rel);
        page("base-in-svg-ignored-first", "<svg><base href=\"https://www.example.org/\"></base></svg>"
            + "<base href=\"https://www.facebook.com/\">" + rel);
        page("base-in-noscript-ignored", "<noscript><base href=\"https://www.example.org/\"></noscript>"
            + "<base href=\"https://www.facebook.com/\">" + rel);
        page("base-in-textarea-ignored", "<textarea><base href=\"https://www.example.org/\"></textarea>"
            + "<base href=\"https://www.facebook.com/\">" + rel);
        page("base-empty-href-first", "<base href=\"\"><base href=\"https://www.facebook.com/\">" + rel);
        page("base-then-srcset", "<base href=\"https://www.facebook.com/\"><img srcset=\"tr?id=1 1x\" alt=\"\">");
        page("base-then-dynamic-image", "<base href=\"https://www.facebook.com/\"><script>"
            + "new Image().src = 'tr?id=1&ev=PageView';</script>");
        page("base-then-relative-iframe", "<base href=\"https://td.doubleclick.net/\"><iframe src=\"td?x=1\">"
            + "</iframe>");
        page("base-tab-in-scheme", "<base href=\"ht&#9;tps://www.facebook.com/\">" + rel);
    }

    private static void urls() {
        String tr = "/tr?id=1&amp;ev=PageView";
        String[] hosts = {"www.face&#10;book.com", "www.face&Tab;book.com", "www&#46;facebook&#46;com",
            "www%2efacebook%2ecom", "www.facebook.com.", "WWW.FACEBOOK.COM", "www.facebook.com:443",
            "user@www.facebook.com", "www\u3002facebook\u3002com", "\uFF57\uFF57\uFF57.facebook.com",
            "www.faceb&shy;ook.com", "www.face\u00ADbook.com", "www.f%61cebook.com", "www.facebook.com\\",
            "www.facebook.com&#x2f"};
        for (int i = 0; i < hosts.length; i++) {
            page("url-host-" + i, "<img src=\"https://" + hosts[i] + tr + "\" alt=\"\">");
        }
        page("url-backslash-scheme", "<img src=\"https:\\\\www.facebook.com" + tr + "\" alt=\"\">");
        page("url-scheme-relative-backslash", "<img src=\"\\\\www.facebook.com" + tr + "\" alt=\"\">");
        page("url-scheme-no-slashes", "<img src=\"https:www.facebook.com" + tr + "\" alt=\"\">");
        page("url-leading-control", "<img src=\"&#1;https://www.facebook.com" + tr + "\" alt=\"\">");
        page("url-tab-in-scheme", "<img src=\"ht&#9;tps://www.facebook.com" + tr + "\" alt=\"\">");
        page("url-legacy-amp-no-semicolon", "<img src=\"https:&sol&sol;www.facebook.com" + tr + "\" alt=\"\">");
        page("url-unquoted-charrefs", "<img src=https&#58;//www.facebook.com" + tr + " alt=\"\">");
        page("srcset-only", "<img srcset=\"https://www.facebook.com" + tr + " 1x\" alt=\"\">");
        page("srcset-leading-comma", "<img srcset=\",https://www.facebook.com" + tr + " 1x\" alt=\"\">");
        page("srcset-width-descriptor", "<img srcset=\"https://www.facebook.com" + tr + " 100w\" sizes=\"1px\">");
        page("srcset-comma-in-url", "<img srcset=\"https://www.facebook.com/tr?id=1,2 1x\" alt=\"\">");
        page("srcset-newline-separated", "<img srcset=\"/a.png 0.5x,\nhttps://www.facebook.com" + tr
            + " 1x\" alt=\"\">");
        page("picture-source-srcset", "<picture><source srcset=\"https://www.facebook.com" + tr
            + "\"><img src=\"/x.png\" alt=\"\"></picture>");
        page("picture-source-media", "<picture><source media=\"all\" srcset=\"https://www.facebook.com" + tr
            + "\"><img src=\"/x.png\" alt=\"\"></picture>");
        page("link-preload-imagesrcset", "<link rel=\"preload\" as=\"image\" imagesrcset=\"https://www.facebook.com"
            + tr + " 1x\">");
        page("meta-refresh-quoted-url", "<meta http-equiv=\"refresh\" content=\"0; URL='https://www.facebook.com"
            + tr + "'\">");
        page("meta-refresh-comma", "<meta http-equiv=\"refresh\" content=\"0,https://www.facebook.com" + tr + "\">");
        page("meta-refresh-bare-url", "<meta http-equiv=\"refresh\" content=\"0 https://www.facebook.com" + tr
            + "\">");
        page("meta-refresh-spaced-equals", "<meta http-equiv=\"refresh\" content=\"0; url = https://www.facebook.com"
            + tr + "\">");
        page("meta-refresh-uppercase", "<META HTTP-EQUIV=\"REFRESH\" CONTENT=\"0;URL=https://www.facebook.com" + tr
            + "\">");
        page("meta-refresh-fraction", "<meta http-equiv=\"refresh\" content=\".5;url=https://www.facebook.com" + tr
            + "\">");
        page("meta-refresh-charrefs", "<meta http-equiv=\"refresh\" content=\"0;url=https&#58;//www.facebook.com"
            + tr + "\">");
        page("meta-refresh-in-svg", "<svg><meta http-equiv=\"refresh\" content=\"0;url=https://www.facebook.com"
            + tr + "\"></svg>");
        page("meta-refresh-relative-after-base", "<base href=\"https://www.facebook.com/\"><meta http-equiv=\"refresh\""
            + " content=\"0;url=tr?id=1\">");
    }

    private static void fetchingElements() {
        String u = "https://www.facebook.com/tr?id=1&amp;ev=PageView";
        page("input-image", "<input type=\"image\" src=\"" + u + "\">");
        page("video-poster", "<video poster=\"" + u + "\"></video>");
        page("video-src", "<video src=\"" + u + "\" preload=\"auto\"></video>");
        page("audio-source", "<audio preload=\"auto\"><source src=\"" + u + "\"></audio>");
        page("object-data", "<object data=\"" + u + "\"></object>");
        page("embed-src", "<embed src=\"" + u + "\">");
        page("body-background", "<table background=\"" + u + "\"><tr><td>x</td></tr></table>");
        page("style-attribute-url", "<div style=\"background:url(" + u + ")\">x</div>");
        page("style-attribute-escaped-url", "<div style=\"background:u\\72l(" + u + ")\">x</div>");
        page("style-import", "<style>@import url(\"" + u + "\");</style>");
        page("svg-style-import", "<svg width=\"1\" height=\"1\"><style>@import url(\"" + u + "\");</style></svg>");
        page("style-streamed-past-the-cap", "<style>" + ".r{color:#333}\n".repeat(20_000) + "p{background:url("
            + u + ")}</style><p>x</p>");
        page("style-import-escaped", "<style>@\\69mport \"" + u + "\";</style>");
        page("style-background-escaped-host", "<style>body{background:url(https://www\\2e facebook.com/tr?id=1)}"
            + "</style>");
        page("link-stylesheet", "<link rel=\"stylesheet\" href=\"" + u + "\">");
        page("link-rel-uppercase", "<link rel=\"PRELOAD\" as=\"image\" href=\"" + u + "\">");
        page("link-rel-tabbed", "<link rel=\"\tpreload\t\" as=\"image\" href=\"" + u + "\">");
        page("link-modulepreload", "<link rel=\"modulepreload\" href=\"" + GTM_URL + "\">");
        page("iframe-srcdoc", "<iframe srcdoc=\"&lt;img src=&quot;" + u + "&quot;&gt;\"></iframe>");
        page("iframe-srcdoc-nested", "<iframe srcdoc=\"&lt;iframe srcdoc=&quot;&amp;lt;img src=" + u
            + "&amp;gt;&quot;&gt;&lt;/iframe&gt;\"></iframe>");
        page("iframe-data-url", "<iframe src=\"data:text/html,&lt;img src=" + u + "&gt;\"></iframe>");
        page("iframe-data-url-percent", "<iframe src=\"data:text/html,%3Cimg%20src=" + u + "%3E\"></iframe>");
        page("iframe-javascript-url", "<iframe src=\"javascript:'&lt;img src=" + u + "&gt;'\"></iframe>");
        page("frame-in-body-ignored", "<frame src=\"" + u + "\">");
        page("svg-use-href", "<svg><use href=\"https://www.facebook.com/tr?id=1#x\"/></svg>");
        page("math-href", "<math href=\"" + u + "\"><mi>x</mi></math>");
        page("template-shadowroot", "<div><template shadowrootmode=\"open\">" + PIXEL + "</template></div>");
        page("template-plain", "<template>" + PIXEL + "</template>");
        page("script-type-spaced", "<script type=\" text/javascript \">(function(d){var j=d.createElement('script');"
            + "j.src='" + GTM_URL + "';d.head.appendChild(j);})(document);</script>");
        page("script-type-module-inline", "<script type=\"module\">const j=document.createElement('script');"
            + "j.src='" + GTM_URL + "';document.head.append(j);</script>");
        page("script-language-attribute", "<script language=\"javascript\">var j=document.createElement('script');"
            + "j.src='" + GTM_URL + "';document.head.appendChild(j);</script>");
        page("onerror-handler", "<img src=\"/missing.png\" onerror=\"new Image().src='" + u + "'\">");
        page("onload-body-handler", "<svg onload=\"new Image().src='" + u + "'\"></svg>");
    }

    private static void insertionModes() {
        String frame = "<frame src=\"https://www.googletagmanager.com/ns.html?id=GTM-XXXX\">";
        for (String t : RAW_TEXT) {
            document("frameset-ignores-" + t, "<!DOCTYPE html><html><head></head><frameset><" + t + ">" + frame
                + "</" + t + "></frameset></html>");
            page("select-" + t, "<select><" + t + ">" + PIXEL + "</" + t + "></select>");
            page("table-" + t, "<table><" + t + ">" + PIXEL + "</" + t + "></table>");
            page("colgroup-" + t, "<table><colgroup><" + t + ">" + PIXEL + "</" + t + "></colgroup></table>");
        }
        document("frameset-plain", "<!DOCTYPE html><html><head></head><frameset>" + frame + "</frameset></html>");
        document("frameset-after-body-text", "<!DOCTYPE html><html><head></head><frameset></frameset><style>"
            + frame + "</style></html>");
        document("after-html-style", "<!DOCTYPE html><html><body><p>x</p></body></html><style>" + PIXEL
            + "</style>");
        page("nested-forms", "<form><form><style>" + PIXEL + "</style></form></form>");
        page("table-foster-img", "<table><tr>" + PIXEL + "<td>x</td></tr></table>");
        page("table-foster-textarea", "<table><textarea></table>" + PIXEL + "</textarea>");
        page("select-in-table-style", "<table><tr><td><select><style>" + PIXEL + "</style></select></td></tr></table>");
        page("select-option-img", "<select><option>" + PIXEL + "</option></select>");
        page("select-button-img", "<select><button>" + PIXEL + "</button></select>");
        page("head-after-body-style", "<head><style>" + PIXEL + "</style></head>");
        page("caption-xmp", "<table><caption><xmp>" + PIXEL + "</xmp></caption></table>");
        page("ruby-rt-style", "<ruby><rt><style>" + PIXEL + "</style></rt></ruby>");
    }

    private static void loaders() {
        page("document-write-svg-then-style", "<script>document.write('<svg>')</script><style>" + PIXEL
            + "</style>");
        page("document-write-math-then-xmp", "<script>document.write('<math>')</script><xmp>" + PIXEL + "</xmp>");
        page("document-write-closes-textarea", "<script>document.write('<svg>')</script><textarea>" + PIXEL
            + "</textarea>");
        page("document-write-pixel", "<script>document.write('<img src=\"https://www.facebook.com/tr?id=1\">')"
            + "</script>");
        page("document-write-escaped-slashes", "<script>document.write('<img src=\"https:\\/\\/www.facebook.com\\/tr'"
            + " + '?id=1\">')</script>");
        page("document-write-hex-escapes", "<script>document.write('\\x3cimg src=https://www\\x2efacebook\\x2ecom"
            + "/tr?id=1\\x3e')</script>");
        page("document-write-unicode-escapes", "<script>document.write('<img src=https://\\u0077ww.facebook.com"
            + "/tr?id=1>')</script>");
        page("document-write-concatenated-host", "<script>document.write('<img src=https://www.face' + 'book.com"
            + "/tr?id=1>')</script>");
        page("document-write-split-script", "<script>document.write('<scr'+'ipt src=\"https://www.googletagmanager.com"
            + "/gtm.js?id=GTM-1\"></scr'+'ipt>')</script>");
        page("inline-loader-escaped-slashes", "<script>var j=document.createElement('script');"
            + "j.src='https:\\/\\/www.googletagmanager.com\\/gtm.js?id=GTM-1';document.head.appendChild(j);</script>");
        page("inline-loader-in-event-handler", "<body onload=\"var j=document.createElement('script');"
            + "j.src='" + GTM_URL + "';document.head.appendChild(j)\">");
        page("inline-loader-charref-in-handler", "<img src=/x.png onerror=\"new Image().src='https&#58;//www"
            + "&#46;facebook.com/tr?id=1'\">");
        page("gtag-plain", GTAG);
    }
}
