package io.consentgate.demo.standalone;

import java.util.List;

/**
 * The demo's shop page ({@code index.html}) as ConsentGate must send it to a visitor who consented to nothing: every
 * element that loads Google Tag Manager, GA4, the Meta pixel or LinkedIn Insight removed (the first script of each
 * leaving its stand-in), and every other byte as written. Written out here, tracker by tracker, rather than computed by the library under test.
 */
final class ShopPage {

    /**
     * One removal: from the first character of {@code from} through the end of the next {@code through} after it, or
     * {@code from} alone when {@code through} is empty; replaced by {@code standIn} (empty: by nothing).
     */
    private record Cut(String tracker, String from, String through, String standIn) {
        Cut(String tracker, String from, String through) {
            this(tracker, from, through, "");
        }

        static Cut exactly(String tracker, String text) {
            return new Cut(tracker, text, "");
        }
    }

    /**
     * The inert stand-in a removed tracker script leaves for the globals the page's own code calls (html-stub-globals,
     * on by default), defining {@code defs} ({@code d('name', value);} each, the name split in two).
     */
    private static String standIn(String defs) {
        return "<script data-consentgate=\"stub\">(function(w){var s=function(){return s};try{s=new Proxy(s,{get:"
                + "function(t,k){return typeof k=='symbol'||k=='then'||k in t?t[k]:s}})}catch(e){}"
                + "function d(n,v){w[n]=w[n]||v}" + defs + "})(window);</script>";
    }

    private static final List<Cut> TRACKERS = List.of(
            Cut.exactly("GTM preconnect", "<link rel=\"preconnect\" href=\"https://www.googletagmanager.com\">"),
            Cut.exactly("Meta dns-prefetch", "<link rel=\"dns-prefetch\" href=\"//connect.facebook.net\">"),
            new Cut("GTM loader", "<script>\n    (function (win, doc, tagName, layerName, containerId)", "</script>",
                    standIn("d('data'+'Layer',[]);d('gt'+'ag',s);")),
            new Cut("GA4 gtag.js", "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-HT42DEMO01\">",
                    "</script>"),
            new Cut("GA4 config", "<script>\n    window.dataLayer = window.dataLayer || [];", "</script>"),
            new Cut("Meta pixel loader", "<script>\n    !function (w, d, tag, url, queue, el, first)", "</script>",
                    standIn("d('f'+'bq',s);d('_f'+'bq',s);d('F'+'B',s);")),
            new Cut("Meta pixel noscript", "<noscript><img height=\"1\" width=\"1\" style=\"display:none\" alt=\"\"",
                    "</noscript>"),
            new Cut("GTM noscript iframe",
                    "<noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-HT42DEMO\"", "</noscript>"),
            Cut.exactly("LinkedIn ping attribute",
                    " ping=\"https://px.ads.linkedin.com/collect/?pid=7654321&amp;fmt=gif\""),
            new Cut("LinkedIn partner id", "<script type=\"text/javascript\">\n  _linkedin_partner_id", "</script>",
                    standIn("d('_linkedin_dat'+'a_partner_ids',[]);d('lin'+'trk',s);")),
            new Cut("LinkedIn Insight loader", "<script type=\"text/javascript\">\n  (function (existing)", "</script>"),
            new Cut("LinkedIn noscript pixel", "<noscript>\n  <img height=\"1\" width=\"1\" style=\"display:none;\"",
                    "</noscript>"));

    private ShopPage() {
    }

    /** {@code page} (the file as written) without the trackers; fails if the page no longer holds one of them. */
    static String withoutTrackers(String page) {
        String out = page;
        for (Cut c : TRACKERS) {
            int start = out.indexOf(c.from());
            if (start < 0 || out.indexOf(c.from(), start + 1) >= 0) {
                throw new AssertionError("index.html does not hold exactly one " + c.tracker() + " (" + c.from()
                        + "): update the list of its trackers");
            }
            int end = start + c.from().length();
            if (!c.through().isEmpty()) {
                int at = out.indexOf(c.through(), end);
                if (at < 0) {
                    throw new AssertionError("index.html: " + c.tracker() + " has no " + c.through() + " after it");
                }
                end = at + c.through().length();
            }
            out = out.substring(0, start) + c.standIn() + out.substring(end);
        }
        return out;
    }
}
