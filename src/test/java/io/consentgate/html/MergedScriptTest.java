package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.events;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scripts a framework assembled from the page's inline scripts (PrimeFaces' "move scripts to bottom", Liferay's
 * page script block) lose only the statements that start a refused tracker: the rest of the page keeps running.
 */
class MergedScriptTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final String ID = "3f1c2b7e-9a41-4d2e-8b6f-0c5d7e9a1b24";
    private static final String SETTINGS = "var pf=window.PrimeFaces;if(pf){pf.settings.contextPath='/portal';"
        + "pf.settings.viewId='/account.xhtml';};";
    private static final String GTM = "(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),"
        + "event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;"
        + "j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})"
        + "(window,document,'script','dataLayer','GTM-LC8Z2QW');";
    private static final String WIDGETS = "$(function(){pf.cw(\"Dialog\",\"transferDlg\",{id:\"mainForm:transferDlg\","
        + "modal:true});});";
    private static final String TAIL = "document.getElementById('" + ID + "').remove();";

    private static String blank(String s) {
        return " ".repeat(s.length());
    }

    private static String script(String text) {
        return "<script id=\"" + ID + "\" type=\"text/javascript\">" + text + "</script>";
    }

    @Test
    void primeFacesMergedScriptsLoseOnlyTheTrackersStatement() {
        String in = script(SETTINGS + "\n" + GTM + "\n" + WIDGETS + TAIL);
        String out = script(SETTINGS + "\n" + blank(GTM) + "\n" + WIDGETS + TAIL);
        assertEquals(out, rewrite(REMOVE, in, NONE));
        // neutralizing the element would stop the page as removing it does: the statement goes in both modes
        assertEquals(out, rewrite(NEUTRALIZE, in, NONE));
        assertEquals(List.of(TrackerEvent.Action.NEUTRALIZED),
            events(REMOVE, in, NONE).stream().map(TrackerEvent::action).toList());
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()));
    }

    @Test
    void aStatementThatCallsWhatABlankedSnippetDefinedGoesWithIt() {
        // joined, the scripts run as one: a call left after its tag's blanked snippet would throw and stop the rest
        String pixel = "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.queue.push(arguments)};"
            + "n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];"
            + "s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');";
        String calls = "fbq('init', '733104928811456');\nfbq('track', 'PageView');\n"
            + "dataLayer.push({'event':'account_view'});\nwindow.fbq('track', 'Lead');\nself.fbq('track', 'Search');\n"
            + "globalThis.fbq('track', 'Contact');\nwindow['fbq']('track', 'Donate');\nwindow[\"fbq\"]('track', 'Schedule');";
        // inside a callback a throw stops only that callback, which runs later: it stays
        String ready = "$(function(){ dataLayer.push({'event':'ready'}); pf.cw('Dialog','dlg',{}); });";
        String in = script(SETTINGS + "\n" + GTM + "\n" + pixel + "\n" + calls + "\n" + ready + "\n" + WIDGETS + TAIL);
        String out = script(SETTINGS + "\n" + blank(GTM) + "\n" + blank(pixel) + "\n"
            + calls.replaceAll("[^\n]", " ") + "\n" + ready + "\n" + WIDGETS + TAIL);
        assertEquals(out, rewrite(REMOVE, in, NONE));
    }

    @Test
    void aCallInABlockThatRunsWhereItStandsGoesWithTheSnippet() {
        // a thank-you view reports its conversion in an if block: the block runs with the joined scripts, so the
        // call would throw there and stop the widgets after it; in a callback it runs later and stays
        String pixel = "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.queue.push(arguments)};"
            + "n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];"
            + "s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');";
        String purchase = "fbq('track', 'Purchase', {value: 42.5, currency: 'EUR'});";
        String lead = "dataLayer.push({'event': 'lead'});";
        String order = "if (document.getElementById('orderConfirmed')) {\n  " + purchase + "\n} else {\n  "
            + "try { " + lead + " } catch (e) {}\n}";
        String later = "$('#newsletter').on('submit', function () { fbq('track', 'Lead'); });";
        String in = script(SETTINGS + "\n" + GTM + "\n" + pixel + "\n" + order + "\n" + later + "\n" + WIDGETS
            + TAIL);
        String out = script(SETTINGS + "\n" + blank(GTM) + "\n" + blank(pixel) + "\n"
            + order.replace(purchase, blank(purchase)).replace(lead, blank(lead)) + "\n" + later + "\n" + WIDGETS
            + TAIL);
        assertEquals(out, rewrite(REMOVE, in, NONE));
    }

    @Test
    void thePagesOwnCallsThatShareANameWithTheSnippetsArgumentsOrItsElementsPropertiesStay() {
        // the snippet sets properties on the element it creates and on its stub function (async, src, queue, push),
        // and its calls pass strings ('init', 'track'): none of these is a global the page could have used from it,
        // so the page's own init(), the async library and a queue of its own keep running
        String pixel = "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?"
            + "n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;"
            + "n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];"
            + "s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');";
        String calls = "fbq('init', '733104928811456');\nfbq('track', 'PageView');\n_fbq.push(['x']);";
        String page = "init();\nasync.parallel([loadCart, loadWishlist], render);\nqueue.push('header');\n"
            + "loaded(true);\ntrack.render();";
        String in = script(SETTINGS + "\n" + pixel + "\n" + calls + "\n" + page + "\n" + WIDGETS + TAIL);
        assertEquals(script(SETTINGS + "\n" + blank(pixel) + "\n" + calls.replaceAll("[^\n]", " ") + "\n" + page
            + "\n" + WIDGETS + TAIL), rewrite(REMOVE, in, NONE));
    }

    @Test
    void aCallBehindAConditionAsMinifiersWriteAnIfGoesAndLeavesTheCondition() {
        String pixel = "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.queue.push(arguments)};"
            + "n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];"
            + "s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');";
        String purchase = "fbq(\"track\",\"Purchase\",{value:42.5})";
        String lead = "window.fbq('track', 'Lead')";
        String guarded = "document.getElementById(\"orderConfirmed\")&&" + purchase + ";\n"
            + "if (ready) { window.sent || " + lead + " }\npage.type === 'thanks' && view.total >= 1 && " + purchase + ";";
        // more than the call after the condition is read as it is: left alone
        String other = "a && fbq('track', 'A'), b();\nx = y && fbq('track', 'B');";
        String in = script(SETTINGS + "\n" + pixel + "\n" + guarded + "\n" + other + "\n" + WIDGETS + TAIL);
        assertEquals(script(SETTINGS + "\n" + blank(pixel) + "\n" + guarded.replace(purchase, "0"
            + blank(purchase).substring(1)).replace(lead, "0" + blank(lead).substring(1)) + "\n" + other + "\n"
            + WIDGETS + TAIL), rewrite(REMOVE, in, NONE));
    }

    @Test
    void aCallInASwitchsCaseClauseGoesWithTheSnippet() {
        // a template reports the step of a checkout in a switch: the case clauses run where the switch stands, a
        // callback in one of them later
        String pixel = "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.queue.push(arguments)};"
            + "n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];"
            + "s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');";
        String purchase = "fbq('track', 'Purchase', {value: 42.5});";
        String lead = "window.fbq('track', 'Lead');";
        String sw = "switch (view.step) {\n  case 'thanks': " + purchase + " break;\n  case 'lead':\n  case 'contact': "
            + lead + "\n    showForm();\n    break;\n  default: $('#x').on('click', function () { fbq('track', 'X'); });"
            + " init();\n}";
        String in = script(SETTINGS + "\n" + pixel + "\n" + sw + "\n" + WIDGETS + TAIL);
        assertEquals(script(SETTINGS + "\n" + blank(pixel) + "\n" + sw.replace(purchase, blank(purchase))
            .replace(lead, blank(lead)) + "\n" + WIDGETS + TAIL), rewrite(REMOVE, in, NONE));
    }

    @Test
    void whatTheSnippetSetsOnItsOwnQueueIsNoGlobalButTheQueueIs() {
        // TikTok's snippet sets methods, setAndDefer and load on its ttq queue: the page's own "methods" stays, its
        // calls into ttq go; Intercom's reaches the global object through a variable (var w=window)
        String tiktok = "!function (w, d, t) {\n  w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];"
            + "ttq.methods=[\"page\",\"track\"];ttq.setAndDefer=function(t,e){t[e]=function(){t.push([e])}};"
            + "ttq.load=function(e,n){var o=document.createElement(\"script\");"
            + "o.src=\"https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=\"+e;"
            + "var a=document.getElementsByTagName(\"script\")[0];a.parentNode.insertBefore(o,a)};\n"
            + "  ttq.load('CABCDEF1234567890');\n  ttq.page();\n}(window, document, 'ttq');";
        String track = "ttq.track('CompletePayment', {value: 10});";
        String chat = "(function(){var w=window;var ic=w.Intercom;if(typeof ic!==\"function\"){var i=function(){"
            + "i.c(arguments);};i.q=[];i.c=function(args){i.q.push(args);};w.Intercom=i;var l=function(){"
            + "var s=document.createElement('script');s.src='https://widget.intercom.io/widget/abc123';"
            + "document.head.appendChild(s);};l();}})();";
        String boot = "Intercom('update');";
        String page = "methods.forEach(function (m) { console.log(m); });\nload('#gallery');";
        String in = script(SETTINGS + "\n" + tiktok + "\n" + track + "\n" + chat + "\n" + boot + "\n" + page
            + "\n" + WIDGETS + TAIL);
        String out = script(SETTINGS + "\n" + tiktok.replaceAll("[^\n]", " ") + "\n" + blank(track) + "\n"
            + blank(chat) + "\n" + blank(boot) + "\n" + page + "\n" + WIDGETS + TAIL);
        assertEquals(out, rewrite(REMOVE, in, ConsentDecision.refuseAll()));
    }

    @Test
    void aCallWrittenWithoutBracesAsTheBodyOfAnIfOrALoopGoesAndLeavesAnEmptyStatement() {
        // a thank-you view reports its conversion in an if without braces: the call runs where it stands, would
        // throw there and stop the widgets after it; blanked, an empty statement keeps the if and its else valid
        String pixel = "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.queue.push(arguments)};"
            + "n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];"
            + "s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');";
        String[][] cases = {
            {"if (document.getElementById('orderConfirmed')) ", "fbq('track', 'Purchase', {value: 42.5});", ""},
            {"if (window.shopCfg)\n  ", "window.fbq('track', 'Lead');", "\nelse console.log('no shop');"},
            {"if (cart.empty) { showEmpty(); } else ", "fbq('track', 'AddToCart') ;", ""},
            {"for (var i = 0; i < items.length; i++) ", "fbq('trackCustom', 'Item', {id: items[i]});", ""},
            {"if (a) if (b) ", "dataLayer.push({'event': 'nested'});", " else render(b);"},
            {"while (pending.length) ", "fbq('track', pending.shift())", "\nrender(pending);"},
        };
        StringBuilder page = new StringBuilder();
        StringBuilder kept = new StringBuilder();
        for (String[] c : cases) {
            page.append(c[0]).append(c[1]).append(c[2]).append("\n");
            kept.append(c[0]).append(";").append(blank(c[1]).substring(1)).append(c[2]).append("\n");
        }
        String in = script(SETTINGS + "\n" + GTM + "\n" + pixel + "\n" + page + WIDGETS + TAIL);
        assertEquals(script(SETTINGS + "\n" + blank(GTM) + "\n" + blank(pixel) + "\n" + kept + WIDGETS + TAIL),
            rewrite(REMOVE, in, NONE));
        // a call that a line break does not end is left as it is (it goes on as "fbq(…)(x)" would)
        String on = "if (x) fbq('track', 'A')\n(function () { render(); })();";
        String notEnded = script(SETTINGS + "\n" + pixel + "\n" + on + "\n" + WIDGETS + TAIL);
        assertEquals(script(SETTINGS + "\n" + blank(pixel) + "\n" + on + "\n" + WIDGETS + TAIL),
            rewrite(REMOVE, notEnded, NONE));
    }

    @Test
    void aSelfHostedTagManagersLoaderGoesWithTheSettingsStatementBeforeIt() {
        // Matomo Tag Manager's snippet names itself in its settings statement only; the statement after it loads
        // the container from the site's own Matomo, a URL no catalog can list: it is the rest of that snippet
        String queue = "var _mtm = window._mtm = window._mtm || [];";
        String start = "_mtm.push({'mtm.startTime': (new Date().getTime()), 'event': 'mtm.Start'});";
        String loader = "(function() {\n  var d=document, g=d.createElement('script'), s=d.getElementsByTagName('script')[0];"
            + "\n  g.async=true; g.src='https://stats.shop.example/js/container_Xk4m9PqT.js';"
            + " s.parentNode.insertBefore(g,s);\n})();";
        String in = script(SETTINGS + "\n" + queue + "\n" + start + "\n" + loader + "\n" + WIDGETS + TAIL);
        assertEquals(script(SETTINGS + "\n" + queue + "\n" + blank(start) + "\n" + loader.replaceAll("[^\n]", " ")
            + "\n" + WIDGETS + TAIL), rewrite(REMOVE, in, NONE));
        // the snippet as some sites write it, without the wrapper: the statements from the one that creates the
        // element to the one that inserts it
        String[] unwrapped = {"var d=document, g=d.createElement('script'), s=d.getElementsByTagName('script')[0];",
            "g.async=true;", "g.src='https://stats.shop.example/js/container_Xk4m9PqT.js';",
            "s.parentNode.insertBefore(g,s);"};
        String bare = script(SETTINGS + "\n" + queue + "\n" + start + "\n" + String.join("\n", unwrapped) + "\n"
            + WIDGETS + TAIL);
        assertEquals(script(SETTINGS + "\n" + queue + "\n" + blank(start) + "\n"
            + String.join("\n", java.util.Arrays.stream(unwrapped).map(MergedScriptTest::blank).toList()) + "\n"
            + WIDGETS + TAIL), rewrite(REMOVE, bare, NONE));
        // a tag configured by a call, whose library a script element of its own loads, has no loader after it: the
        // chat widget's snippet that the next inline script holds stays
        String config = "gtag('config', 'G-4RT8ZP1QW');";
        String chat = "(function() {\n  var d=document, s=d.createElement('script');"
            + " s.src='https://chat.widgets.example/loader.js'; d.head.appendChild(s);\n})();";
        String other = script(SETTINGS + "\n" + config + "\n" + chat + "\n" + WIDGETS + TAIL);
        assertEquals(script(SETTINGS + "\n" + blank(config) + "\n" + chat + "\n" + WIDGETS + TAIL),
            rewrite(REMOVE, other, NONE));
    }

    @Test
    void shortNamesSpacedAssignmentsAndAnElseAreFollowedToo() {
        String ga = "(function(i,s,o,g,r,a,m){i['GoogleAnalyticsObject']=r;i[r]=i[r]||function(){(i[r].q=i[r].q||[])"
            + ".push(arguments)},i[r].l=1*new Date();a=s.createElement(o);a.async=1;a.src=g;m=s.getElementsByTagName(o)[0];"
            + "m.parentNode.insertBefore(a,m)})(window,document,'script','https://www.google-analytics.com/analytics.js',"
            + "'ga');";
        String calls = "ga('create', 'UA-1234567-1', 'auto');\nga('send', 'pageview');";
        String lintrk = "(function(l) {\nif (!l){window.lintrk = function(a,b){window.lintrk.q.push([a,b])};\n"
            + "window.lintrk.q=[]}\nvar s = document.getElementsByTagName('script')[0];\nvar b = document.createElement('script');\n"
            + "b.src = 'https://snap.licdn.com/li.lms-analytics/insight.min.js';\ns.parentNode.insertBefore(b, s);})(window.lintrk);";
        String lcall = "window.lintrk('track', { conversion_id: 9876543 });";
        String branch = "if (window.shopCfg) loadScript('https://connect.facebook.net/en_US/fbevents.js'); else console.log('none');";
        String in = script(SETTINGS + "\n" + ga + "\n" + calls + "\n" + lintrk + "\n" + lcall + "\n" + branch + "\n"
            + WIDGETS + TAIL);
        String out = script(SETTINGS + "\n" + blank(ga) + "\n" + calls.replaceAll("[^\n]", " ") + "\n"
            + lintrk.replaceAll("[^\n]", " ") + "\n" + blank(lcall) + "\n" + blank(branch) + "\n" + WIDGETS + TAIL);
        assertEquals(out, rewrite(REMOVE, in, NONE));
    }

    @Test
    void theDeferredFormIsReadInsideItsListener() {
        String head = "document.addEventListener(\"DOMContentLoaded\", function() {";
        String gtag = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
            + "gtag('js',new Date());gtag('config','G-4RT8ZP1QW');";
        String in = script(head + SETTINGS + "\n" + gtag + "\n" + WIDGETS + TAIL + "});");
        String kept = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}";
        assertEquals(script(head + SETTINGS + "\n" + kept + blank("gtag('js',new Date());gtag('config','G-4RT8ZP1QW');")
            + "\n" + WIDGETS + TAIL + "});"), rewrite(REMOVE, in, NONE));
    }

    @Test
    void liferaysPageScriptKeepsTheOtherPortletsCallbacks() {
        String insight = "(function() { var li = document.createElement('script');"
            + " li.src = 'https://snap.licdn.com/li.lms-analytics/insight.min.js'; document.head.appendChild(li); })();";
        String in = "<script type=\"text/javascript\">\n// <![CDATA[\nLiferay.Portlet.register('p_1');\n"
            + "AUI().use('liferay-menu', 'liferay-session', function(A) {(function() { new Liferay.Menu(); })();\n"
            + insight + "\n(function() { Liferay.Session = new Liferay.SessionBase({sessionLength: 1800}); })();});"
            + "\n// ]]>\n</script>";
        assertEquals(in.replace(insight, blank(insight)), rewrite(REMOVE, in, NONE));
    }

    @Test
    void aPortletsCallIntoATagSnippetOfThePageGoesInsideLiferaysCallback() {
        // the snippet of a plain <aui:script> stands before the AUI callback; a portlet's script in the callback
        // pushes an event to the data layer it defined, and would throw there and stop the portlets after it
        String push = "dataLayer.push({'event': 'portlet_view'});";
        String in = "<script type=\"text/javascript\">\n// <![CDATA[\n" + GTM + "\nLiferay.Portlet.register('p_1');\n"
            + "AUI().use('liferay-menu', function(A) {" + push + "\n(function() { new Liferay.Menu(); })();});"
            + "\n// ]]>\n</script>";
        assertEquals(in.replace(GTM, blank(GTM)).replace(push, blank(push)), rewrite(REMOVE, in, NONE));
    }

    @Test
    void aStatementUsingAVariableABlankedStatementDeclaredGoesToo() {
        // the template keeps the tag's URL in a variable: left alone, "tag.src = gaUrl;" would throw a ReferenceError
        // and stop the widgets after it, as would the use in the if block; a callback's use throws only there
        String url = "var gaUrl = 'https://www.googletagmanager.com/gtag/js?id=G-4RT8ZP1QW';";
        String create = "var tag = document.createElement('script');";
        String use = "tag.src = gaUrl;";
        String append = "document.head.appendChild(tag);";
        String inBlock = "prefetch(gaUrl);";
        String block = "if (window.shopCfg) { " + inBlock + " }";
        String later = "$(function () { console.log(gaUrl); });";
        String in = script(SETTINGS + "\n" + url + "\n" + create + "\n" + use + "\n" + append + "\n" + block + "\n"
            + later + "\n" + WIDGETS + TAIL);
        assertEquals(script(SETTINGS + "\n" + blank(url) + "\n" + create + "\n" + blank(use) + "\n" + append + "\n"
            + block.replace(inBlock, blank(inBlock)) + "\n" + later + "\n" + WIDGETS + TAIL), rewrite(REMOVE, in, NONE));
    }

    @Test
    void anObjectKeyNamedAsABlankedVariableIsNoUseOfIt() {
        // the template keeps the tag's URL in "url": a key of that name in the page's own object literals (an ajax
        // call's settings, a widget's configuration) reads nothing from it and stays; a shorthand property reads it
        String url = "var url = 'https://www.googletagmanager.com/gtag/js?id=G-4RT8ZP1QW';";
        String use = "tag.src = url;";
        String shorthand = "var o = {url};";
        String page = "$.ajax({url: '/cart/count', success: function (n) { $('#cart').text(n); }});\n"
            + "var opts = { minLength: 2, url : '/search' };\npf.cw(\"AutoComplete\",\"ac\",{url:\"/complete\"});\n"
            + "var label = ready ? url0 : 'none';";
        String in = script(SETTINGS + "\n" + url + "\nvar tag = document.createElement('script'); " + use + "\n"
            + page + "\n" + shorthand + "\n" + WIDGETS + TAIL);
        assertEquals(script(SETTINGS + "\n" + blank(url) + "\nvar tag = document.createElement('script'); "
            + blank(use) + "\n" + page + "\n" + blank(shorthand) + "\n" + WIDGETS + TAIL), rewrite(REMOVE, in, NONE));
    }

    @Test
    void aStatementThatBindsTheNameOfABlankedVariableItselfUsesItsOwn() {
        // the loader after Matomo Tag Manager's settings declares d, g and s; the page's own callbacks and loops
        // that take a parameter or declare a variable of such a name use their own and stay
        String queue = "var _mtm = window._mtm = window._mtm || [];";
        String start = "_mtm.push({'mtm.startTime': (new Date().getTime()), 'event': 'mtm.Start'});";
        String[] loader = {"var d=document, g=d.createElement('script'), s=d.getElementsByTagName('script')[0];",
            "g.async=true; g.src='https://stats.shop.example/js/container_Xk4m9PqT.js'; s.parentNode.insertBefore(g,s);"};
        String page = "$('.tab').each(function (i, s) { $(s).attr('data-i', i); });\n"
            + "[1, 2].forEach(d => console.log(d));\nrows.map((g, k) => g.id + k);\n"
            + "for (const s of document.querySelectorAll('.slide')) { s.hidden = false; }\n"
            + "try { init(); } catch (d) { console.warn(d); }\nvar g = 9.81;";
        String used = "console.log(d.title);";
        String in = script(SETTINGS + "\n" + queue + "\n" + start + "\n" + String.join("\n", loader) + "\n" + page
            + "\n" + used + "\n" + WIDGETS + TAIL);
        String out = script(SETTINGS + "\n" + queue + "\n" + blank(start) + "\n" + blank(loader[0]) + "\n"
            + loader[1].replaceAll("[^\n]", " ") + "\n" + page + "\n" + blank(used) + "\n" + WIDGETS + TAIL);
        assertEquals(out, rewrite(REMOVE, in, NONE));
    }

    @Test
    void otherScriptsAndMergesThatCannotBeKeptGoWhole() {
        // a tag alone in a CDATA-wrapped script goes; an id that is no PrimeFaces uuid: a site's own script whose
        // statements a tag's snippet shares, which loses the snippet's statement alone (MixedScript)
        assertEquals("ab", rewrite(REMOVE, "a<script>// <![CDATA[\n" + GTM + "\n// ]]></script>b", NONE));
        assertEquals("a<script>" + SETTINGS + blank(GTM) + "document.getElementById('x1').remove();</script>b",
            rewrite(REMOVE, "a<script>" + SETTINGS + GTM + "document.getElementById('x1').remove();</script>b", NONE));
        // a tag whose call and id stand in two statements is only named by the whole script
        assertEquals("ab", rewrite(REMOVE, "a" + script(SETTINGS + "var o={send_to:'AW-112233445/AbC'};\n"
            + "gtag('event','conversion',o);\n" + WIDGETS + TAIL) + "b", NONE));
        // text the statement reader cannot trust
        assertEquals("ab", rewrite(REMOVE, "a" + script(SETTINGS + GTM + "f(;" + TAIL) + "b", NONE));
    }

    @Test
    void wicketsJoinedDomReadyScriptLosesOnlyTheTrackersStatement() {
        // Wicket writes every OnDomReadyHeaderItem of a page, its ajax bindings among them, into one listener
        String binding = "Wicket.Ajax.ajax({\"u\":\"./checkout?0-1.0-place\",\"c\":\"place\",\"e\":\"click\"});;";
        String publish = "Wicket.Event.publish(Wicket.Event.Topic.AJAX_HANDLERS_BOUND);";
        String in = "<script type=\"text/javascript\">\n/*<![CDATA[*/\nWicket.Event.add(window, \"domready\", "
            + "function(event) { \n" + binding + "\n" + GTM + ";\n" + publish + "\n;});\n/*]]>*/\n</script>";
        String out = "<script type=\"text/javascript\">\n/*<![CDATA[*/\nWicket.Event.add(window, \"domready\", "
            + "function(event) { \n" + binding + "\n" + blank(GTM) + ";\n" + publish + "\n;});\n/*]]>*/\n</script>";
        assertEquals(out, rewrite(REMOVE, in, NONE));
        assertEquals(out, rewrite(NEUTRALIZE, in, NONE));
        // a script of Wicket's that holds nothing but the snippet goes whole, as any other
        String alone = "<script type=\"text/javascript\">\n/*<![CDATA[*/\nWicket.Event.add(window, \"load\", "
            + "function(event) { \n" + GTM + ";\n;});\n/*]]>*/\n</script>";
        assertEquals("", rewrite(REMOVE, alone, NONE));
        // the same listener written by someone else, without Wicket's CDATA comment, is no Wicket page script
        String other = "<script>Wicket.Event.add(window, \"domready\", function(event) { " + binding + GTM + " });</script>";
        assertEquals("", rewrite(REMOVE, other, NONE));
    }

    @Test
    void tapestry5sDomLoadedBlockLosesOnlyTheTrackersStatement() {
        // Tapestry 5.1 to 5.3 write every component's initialisation and every addScript(…) of a page into one
        // Tapestry.onDOMLoaded(function() {…}); block (5.1 and 5.2 inside an HTML comment): client validation and
        // zones start there
        String init = "Tapestry.init({\"validate\":[[\"email\",[[\"required\",\"You must provide a value for "
            + "Email.\"]]]],"
            + "\"zone\":[\"cart\"],\"formEventManager\":[{\"formId\":\"form\",\"validate\":{\"submit\":true}}]});";
        String in = "<script type=\"text/javascript\">Tapestry.onDOMLoaded(function() {\n" + init + "\n" + GTM
            + "\n});\n</script>";
        String out = "<script type=\"text/javascript\">Tapestry.onDOMLoaded(function() {\n" + init + "\n" + blank(GTM)
            + "\n});\n</script>";
        assertEquals(out, rewrite(REMOVE, in, NONE));
        assertEquals(out, rewrite(NEUTRALIZE, in, NONE));
        String older = "<script type=\"text/javascript\">\n<!--\nTapestry.DEBUG_ENABLED = true;\n"
            + "Tapestry.onDOMLoaded(function() {\n" + init + "\n%s\n});\n// -->\n</script>";
        assertEquals(String.format(older, blank(GTM)), rewrite(REMOVE, String.format(older, GTM), NONE));
        // the same call as a site writes it, the snippet alone in it, goes whole as any other
        assertEquals("", rewrite(REMOVE, "<script>Tapestry.onDOMLoaded(function() {\n" + GTM + "\n});\n</script>",
            NONE));
        // beside a statement of the page's own, the block that holds the snippet is blanked as a snippet
        String block = "Tapestry.onDOMLoaded(function() { " + init + GTM + " });";
        assertEquals("<script>" + blank(block) + " go();</script>", rewrite(REMOVE, "<script>" + block + " go();"
            + "</script>", NONE));
    }

    @Test
    void zksWidgetTreeLosesOnlyTheTrackerInAScriptComponentsFunction() {
        // ZK mounts the whole page from one zkmx(…) call; a zul <script> component's code is a function there
        // (content:function(){…}): removing the call for a tag in one such component would leave a blank page
        String tree = "<script class=\"z-runonce\" type=\"text/javascript\">zkmx(\n[0,'dQIO_',{dt:'z_k2p',"
            + "cu:'\\/claims',uu:'\\/claims\\/zkau',ru:'\\/index.zul'},{},[\n['zul.wnd.Window','dQIO0',"
            + "{title:'Claims',border:'normal'},{},[\n['zul.wgt.Button','dQIO1',{label:'New claim',$onClick:true},"
            + "{},[]],\n['zul.utl.Script','dQIO2',{content:function(){\n%s}},{},[]],\n"
            + "['zul.utl.Script','dQIO3',{content:function(){\nwindow.claimsReady = true;}},{},[]]]]]]);\n</script>";
        assertEquals(String.format(tree, blank(GTM)), rewrite(REMOVE, String.format(tree, GTM), NONE));
        assertEquals(String.format(tree, blank(GTM)), rewrite(NEUTRALIZE, String.format(tree, GTM), NONE));
        // the same call written by hand with the tag outside a component's function: the tag's statement goes
        assertEquals("<script>zkmx([0,'a',{},{},[]]);" + blank(GTM) + "</script>",
            rewrite(REMOVE, "<script>zkmx([0,'a',{},{},[]]);" + GTM + "</script>", NONE));
    }

    @Test
    void zksWidgetTreeWithATagInAScriptAndAPixelInMarkupKeepsItsPage() {
        // one tree, both shapes: a zul <script> component's tag, and an <html> component's pixel in its markup string
        String pixel = "https:\\/\\/px.ads.linkedin.com\\/collect\\/?pid=5512&fmt=gif";
        String tree = "<script class=\"z-runonce\" type=\"text/javascript\">zkpi=1;zkmx(\n[0,'hT4w_',{dt:'z_q0c',"
            + "cu:'\\/hr',uu:'\\/hr\\/zkau',ru:'\\/leave.zul'},{},[\n['zul.wnd.Window','hT4w0',{title:'Leave',"
            + "border:'none'},{},[\n['zul.wgt.Label','hT4w1',{value:'Requests'},{},[]],\n"
            + "['zul.utl.Script','hT4w2',{content:function(){\n%s}},{},[]],\n"
            + "['zul.wgt.Html','hT4w3',{content:'<img width=\"1\" height=\"1\" alt=\"\" src=\"%s\"\\/>'},{},[]]]]]]);"
            + "\n</script>";
        String overwritten = "data:," + "/".repeat(pixel.length() - "data:,".length());
        assertEquals(String.format(tree, blank(GTM), overwritten), rewrite(REMOVE, String.format(tree, GTM, pixel),
            NONE));
        assertEquals(String.format(tree, blank(GTM), overwritten), rewrite(NEUTRALIZE, String.format(tree, GTM,
            pixel), NONE));
        // a tag left in code outside the components' functions still takes the script
        assertEquals("", rewrite(REMOVE, String.format(tree, GTM, pixel).replace("zkpi=1;", GTM), NONE));
    }
}
