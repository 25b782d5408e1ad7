package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE_WITH_STUBS;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import io.consentgate.catalog.PageGlobals;
import io.consentgate.catalog.Tracker;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where a refused tracker's script is removed, an inert stand-in for the globals the page's own code calls takes its
 * place ({@link PageGlobalStubs}): once per name and document, with the script's nonce, in remove mode only.
 */
class PageGlobalStubsTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();

    private static final String GTAG = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-8H3KZ2XQ7M\">"
        + "</script>\n<script>\n  window.dataLayer = window.dataLayer || [];\n  function gtag(){dataLayer.push(arguments);}"
        + "\n  gtag('js', new Date());\n  gtag('config', 'G-8H3KZ2XQ7M');\n</script>\n";

    private static final String PIXEL = "<script>\n!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){"
        + "n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;"
        + "n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;"
        + "s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script',"
        + "'https://connect.facebook.net/en_US/fbevents.js');\nfbq('init', '731904452218843');\n</script>\n";

    private static final String PAGE = "<button onclick=\"gtag('event', 'cta'); fbq('track', 'Lead'); openModal()\">"
        + "Quote</button>";

    /** The stand-in the rewriter writes for these names: functions, then queues, as {@code d(name, value)}. */
    private static String stub(String nonce, String... defs) {
        return "<script data-consentgate=\"stub\"" + (nonce == null ? "" : " nonce=\"" + nonce + "\"")
            + ">(function(w){var s=function(){return s};try{s=new Proxy(s,{get:function(t,k){return typeof k=='symbol'"
            + "||k=='then'||k in t?t[k]:s}})}catch(e){}function d(n,v){w[n]=w[n]||v}" + String.join("", defs)
            + "})(window);</script>";
    }

    @Test
    void aRemovedSnippetLeavesAStandInWhereItWas() {
        String out = rewrite(REMOVE_WITH_STUBS, "<head>\n" + GTAG + PIXEL + "</head>" + PAGE, NONE);
        assertEquals("<head>\n" + stub(null, "d('data'+'Layer',[]);", "d('gt'+'ag',s);") + "\n\n"
            + stub(null, "d('f'+'bq',s);", "d('_f'+'bq',s);", "d('F'+'B',s);") + "\n</head>" + PAGE, out);
        // the same page with the tracker allowed is left as it came, and so is every page with everything allowed
        String allowed = rewrite(REMOVE_WITH_STUBS, GTAG + PIXEL + PAGE,
            ConsentDecision.of(EnumSet.of(Category.ANALYTICS), Map.of(), ConsentMode.OPT_IN));
        assertEquals(GTAG + stub(null, "d('f'+'bq',s);", "d('_f'+'bq',s);", "d('F'+'B',s);") + "\n" + PAGE,
            allowed);
        assertEquals(GTAG + PIXEL + PAGE, rewrite(REMOVE_WITH_STUBS, GTAG + PIXEL + PAGE, ConsentDecision.allowAll()));
    }

    @Test
    void eachNameIsDefinedOncePerDocument() {
        String twice = GTAG + "<script>gtag('config', 'G-8H3KZ2XQ7M', {page_path: '/x'});</script>";
        assertEquals(stub(null, "d('data'+'Layer',[]);", "d('gt'+'ag',s);") + "\n\n", rewrite(REMOVE_WITH_STUBS,
            twice, NONE));
        // a new document (a new stream) starts again
        assertEquals(rewrite(REMOVE_WITH_STUBS, twice, NONE), rewrite(REMOVE_WITH_STUBS, twice, NONE));
        // one script of two trackers: one stand-in with the names of both, less those defined before
        String both = "<script>gtag('config', 'G-8H3KZ2XQ7M'); fbq('init', '731904452218843');</script>";
        assertEquals(stub(null, "d('data'+'Layer',[]);", "d('gt'+'ag',s);", "d('f'+'bq',s);", "d('_f'+'bq',s);",
            "d('F'+'B',s);"), rewrite(REMOVE_WITH_STUBS, both, NONE));
        assertEquals(stub(null, "d('data'+'Layer',[]);", "d('gt'+'ag',s);") + "\n\n"
            + stub(null, "d('f'+'bq',s);", "d('_f'+'bq',s);", "d('F'+'B',s);"), rewrite(REMOVE_WITH_STUBS,
            GTAG + both, NONE));
    }

    @Test
    void theStandInCarriesTheRemovedScriptsNonceAsWritten() {
        assertEquals(stub("r4nd0m+/=", "d('data'+'Layer',[]);", "d('gt'+'ag',s);"), rewrite(REMOVE_WITH_STUBS,
            "<script nonce=\"r4nd0m+/=\" async src=\"https://www.googletagmanager.com/gtag/js?id=G-8H3KZ2XQ7M\">"
                + "</script>", NONE));
        assertEquals(stub("a&amp;b", "d('f'+'bq',s);", "d('_f'+'bq',s);", "d('F'+'B',s);") + "\n",
            rewrite(REMOVE_WITH_STUBS, PIXEL.replace("<script>", "<script nonce=a&amp;b>"), NONE));
        assertEquals(stub("x&#34;y", "d('f'+'bq',s);", "d('_f'+'bq',s);", "d('F'+'B',s);") + "\n",
            rewrite(REMOVE_WITH_STUBS, PIXEL.replace("<script>", "<script nonce='x\"y'>"), NONE));
    }

    @Test
    void noStandInWhereNoScriptOfTheRemovedTrackerWouldHaveRun() {
        // neutralize mode: a consent manager may still activate the snippet, which must find its names undefined
        HtmlRewriter neutralize = HtmlRewriter.builder(RewriteAssertions.CATALOG).mode(RewriteMode.NEUTRALIZE).build();
        assertTrue(!rewrite(neutralize, GTAG + PIXEL, NONE).contains("consentgate=\"stub\""));
        // switched off
        assertEquals("\n\n", rewrite(RewriteAssertions.REMOVE, GTAG, NONE));
        // report-only: the page as it came
        HtmlRewriter reportOnly = HtmlRewriter.builder(RewriteAssertions.CATALOG).reportOnly(true).build();
        assertEquals(GTAG, rewrite(reportOnly, GTAG, NONE));
        // inside <noscript>, where scripts never run; an SVG script's globals are the page's too, but it is rare
        assertEquals("<noscript><p>Turn on JavaScript</p></noscript>", rewrite(REMOVE_WITH_STUBS, "<noscript><p>Turn on"
            + " JavaScript</p><script src=\"https://connect.facebook.net/en_US/fbevents.js\"></script></noscript>", NONE));
        assertEquals("<svg></svg>", rewrite(REMOVE_WITH_STUBS,
            "<svg><script href=\"https://connect.facebook.net/en_US/fbevents.js\"></script></svg>", NONE));
        // a removed image pixel is no script: the page's code never had its globals
        assertEquals("<p></p>", rewrite(REMOVE_WITH_STUBS,
            "<p><img src=\"https://www.facebook.com/tr?id=1&amp;ev=PageView\"></p>", NONE));
    }

    @Test
    void aSecondRewriteOfTheOutputFindsNothingToRemove() {
        String out = rewrite(REMOVE_WITH_STUBS, "<head>" + GTAG + PIXEL + "</head>" + PAGE, NONE);
        List<TrackerEvent> events = new ArrayList<>();
        byte[] again = RewriteAssertions.rewrite(REMOVE_WITH_STUBS, out.getBytes(StandardCharsets.UTF_8), NONE,
            StandardCharsets.UTF_8, events::add, new int[0]);
        assertEquals(out, new String(again, StandardCharsets.UTF_8));
        assertEquals(List.of(), events);
    }

    @Test
    void noStandInOfTheBundledCatalogReadsAsATracker() throws Exception {
        TrackerCatalog catalog = RewriteAssertions.CATALOG;
        for (Tracker t : catalog.trackers()) {
            PageGlobals g = catalog.pageGlobals(t.id());
            if (g.isEmpty()) {
                continue;
            }
            byte[] stub = new PageGlobalStubs(catalog, new java.util.HashMap<>())
                .stub(new TrackerMatch(t, t.categories()), null);
            assertEquals(List.of(), catalog.matchScript(stub, 0, stub.length), t.id());
            String text = new String(stub, StandardCharsets.US_ASCII);
            for (String name : g.functions()) {
                assertTrue(name.length() < 3 || !text.contains(name), t.id() + ": " + name + " written whole");
            }
        }
    }

    @Test
    void anOperatorSignatureThatReadsTheStandInAsATrackerMeansNoStandIn() throws Exception {
        TrackerCatalog catalog = TrackerCatalog.fromJson(new ObjectMapper().readTree("""
            {"trackers": [{"id": "acme", "name": "Acme", "owner": "Acme", "categories": ["analytics"],
              "hosts": ["stats.acme.example"], "signatures": ["'+'"], "pageFunctions": ["acme"]}]}"""));
        Tracker acme = catalog.tracker("acme").orElseThrow();
        assertNull(new PageGlobalStubs(catalog, new java.util.HashMap<>())
            .stub(new TrackerMatch(acme, acme.categories()), null));
        HtmlRewriter rw = HtmlRewriter.builder(catalog).build();
        assertEquals("<p>x</p>", rewrite(rw, "<script src=\"https://stats.acme.example/a.js\"></script><p>x</p>",
            NONE));
    }

    @Test
    void whereThePageDeclaresItsEncodingNoStandInPushesItsMetaCharsetOutOfThePrescan() {
        String loader = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-8H3KZ2XQ7M\"></script>";
        String meta = "<meta charset=\"windows-1252\">";
        String head = "<!DOCTYPE html><html><head>" + loader + "<!--" + "-".repeat(900 - loader.length()) + "-->"
            + meta + "<title>Caf\u00e9</title>";
        String page = head + "<!--" + " ".repeat(200) + "--></head><body><p>Men\u00fc</p>"
            + "<script>dataLayer.push({event: 'view'});</script></body></html>";
        byte[] in = page.getBytes(StandardCharsets.ISO_8859_1);
        int metaAt = page.indexOf(meta);
        assertTrue(metaAt < EncodingSniffer.PRESCAN_BYTES && metaAt + 150 > EncodingSniffer.PRESCAN_BYTES);
        String stub = stub(null, "d('data'+'Layer',[]);", "d('gt'+'ag',s);");
        // no charset in the Content-Type: the stand-in waits for the first start tag after the page's meta
        String out = new String(RewriteAssertions.rewrite(REMOVE_WITH_STUBS, in, NONE, null, null, new int[0]),
            StandardCharsets.ISO_8859_1);
        assertEquals(page.replace(loader, "").replace(meta, meta + stub), out);
        // without a meta, for the first start tag past the window (a script between </head> and <body> goes into
        // the head)
        String noMeta = page.replace(meta, "<meta name=\"x\">");
        assertEquals(noMeta.replace(loader, "").replace("<body>", stub + "<body>"), new String(RewriteAssertions
            .rewrite(REMOVE_WITH_STUBS, noMeta.getBytes(StandardCharsets.ISO_8859_1), NONE, null, null, new int[0]),
            StandardCharsets.ISO_8859_1));
        assertTrue(out.indexOf(meta) <= metaAt);
        RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> new String(RewriteAssertions.rewrite(
            REMOVE_WITH_STUBS, in, NONE, null, null, cuts), StandardCharsets.ISO_8859_1));
        // with a charset in the Content-Type the meta does not count: the stand-in takes the loader's place
        assertEquals(page.replace(loader, stub), new String(RewriteAssertions.rewrite(REMOVE_WITH_STUBS, in, NONE,
            StandardCharsets.ISO_8859_1, null, new int[0]), StandardCharsets.ISO_8859_1));
    }

    @Test
    void theStandInsLandAtTheSamePlaceWhereverTheInputIsSplit() {
        byte[] in = ("<head>" + GTAG + PIXEL + "</head>" + PAGE).getBytes(StandardCharsets.UTF_8);
        RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> new String(RewriteAssertions.rewrite(
            REMOVE_WITH_STUBS, in, NONE, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
    }

    @Test
    void aStandInPostponedForThePrescanIsWrittenOnceThePageHasDeclaredItsEncoding() {
        // the loader comes before the page's <meta charset>, the page calls gtag() long before byte 1024: once the
        // meta is read nothing written can push it out, so the stand-in goes at the next start tag
        String loader = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-8H3KZ2XQ7M\"></script>";
        String page = "<head>" + loader + "<meta charset=\"utf-8\"><title>t</title><script>gtag('event', 'view');"
            + "</script></head><body><button onclick=\"gtag('event', 'cta')\">b</button></body>";
        byte[] in = page.getBytes(StandardCharsets.UTF_8);
        String stub = stub(null, "d('data'+'Layer',[]);", "d('gt'+'ag',s);");
        assertEquals(page.replace(loader, "").replace("<title>", stub + "<title>"), new String(
            RewriteAssertions.rewrite(REMOVE_WITH_STUBS, in, NONE, null, null, new int[0]), StandardCharsets.UTF_8));
        RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> new String(RewriteAssertions.rewrite(
            REMOVE_WITH_STUBS, in, NONE, null, null, cuts), StandardCharsets.UTF_8));
    }

    /**
     * A short page (an HTML fragment loaded into a page, a small landing page) that declares no encoding and ends
     * before byte 1024 with no start tag after the cut past the window: the stand-in goes at its end, where the
     * page's handlers still find it. Not where the input ends inside a comment, raw text, a tag or SVG, where it
     * would be shown as text or not run as a script, nor inside a template.
     */
    @Test
    void aStandInPostponedForThePrescanIsWrittenAtTheEndOfAShortPage() {
        String loader = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-8H3KZ2XQ7M\"></script>";
        String stub = stub(null, "d('data'+'Layer',[]);", "d('gt'+'ag',s);");
        String page = "<div class=\"promo\">" + loader + "<button onclick=\"gtag('event', 'cta'); openCart()\">Buy"
            + "</button></div>\n";
        byte[] in = page.getBytes(StandardCharsets.UTF_8);
        assertEquals(page.replace(loader, "") + stub, new String(RewriteAssertions.rewrite(REMOVE_WITH_STUBS, in,
            NONE, null, null, new int[0]), StandardCharsets.UTF_8));
        RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> new String(RewriteAssertions.rewrite(
            REMOVE_WITH_STUBS, in, NONE, null, null, cuts), StandardCharsets.UTF_8));
        // XHTML: an element after the root's end would stop the XML parser, and with it the page
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>" + page + "</body></html>";
        java.io.ByteArrayOutputStream xout = new java.io.ByteArrayOutputStream();
        try (RewriteStream xs = REMOVE_WITH_STUBS.openXhtml(NONE, null, xout, null)) {
            xs.write(xhtml.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(xhtml.replace(loader, ""), xout.toString(StandardCharsets.UTF_8));
        for (String tail : new String[] {"<!-- unclosed", "<textarea>draft", "<title>Shop", "<p class=\"x",
            "<svg><g>", "<template><p>", "<plaintext>raw"}) {
            String cut = page + tail;
            assertEquals(cut.replace(loader, ""), new String(RewriteAssertions.rewrite(REMOVE_WITH_STUBS,
                cut.getBytes(StandardCharsets.UTF_8), NONE, null, null, new int[0]), StandardCharsets.UTF_8), tail);
        }
    }

    @Test
    void aNameThatAnAllowedTagMayDefineGetsThatTagsOwnDefinition() {
        // Google Ads refused, GA4 allowed: both through gtag.js. A gtag that did nothing would stay in place of the
        // page's own "window.gtag = window.gtag || function…", and GA4's config would go nowhere; gtag's own
        // definition, pushing onto dataLayer, gives GA4 every command
        String ads = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=AW-123456789\"></script>";
        String ga4 = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-8H3KZ2XQ7M\"></script>"
            + "<script>window.dataLayer = window.dataLayer || []; window.gtag = window.gtag || function(){"
            + "dataLayer.push(arguments);}; gtag('js', new Date()); gtag('config', 'G-8H3KZ2XQ7M');</script>";
        ConsentDecision analytics = ConsentDecision.of(EnumSet.of(Category.ANALYTICS), Map.of(), ConsentMode.OPT_IN);
        String forwarding = stub(null, "d('data'+'Layer',[]);", "d('gt'+'ag',function(){w['data'+'Layer']"
            + ".push(arguments)});");
        assertEquals("<head>" + forwarding + ga4 + "</head>", rewrite(REMOVE_WITH_STUBS, "<head>" + ads + ga4
            + "</head>", analytics));
        // the Meta pixel, refused, still gets its own; with nothing allowed, gtag gets the plain one
        assertEquals("<head>" + forwarding + ga4 + stub(null, "d('f'+'bq',s);", "d('_f'+'bq',s);", "d('F'+'B',s);")
            + "\n</head>", rewrite(REMOVE_WITH_STUBS, "<head>" + ads + ga4 + PIXEL + "</head>", analytics));
        assertEquals("<head>" + stub(null, "d('data'+'Layer',[]);", "d('gt'+'ag',s);") + "</head>",
            rewrite(REMOVE_WITH_STUBS, "<head>" + ads + "</head>", NONE));
    }

    /**
     * A GTM container, refused when marketing is (analytics allowed, or everything accepted with Sec-GPC), on a page
     * without a GA4 tag: the page's own dataLayer.push and gtag calls must not throw. Each is defined once.
     */
    @Test
    void aRefusedContainerLeavesItsQueueAndFunctionWhereAnalyticsIsAllowed() {
        String gtm = "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),"
            + "event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';"
            + "j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);"
            + "})(window,document,'script','dataLayer','GTM-K7Q2ZP');</script>";
        String own = "<button onclick=\"dataLayer.push({event:'buy'}); gtag('event', 'buy'); openCart()\">b</button>";
        ConsentDecision analytics = ConsentDecision.of(EnumSet.of(Category.ANALYTICS), Map.of(), ConsentMode.OPT_IN);
        String forwarding = stub(null, "d('data'+'Layer',[]);", "d('gt'+'ag',function(){w['data'+'Layer']"
            + ".push(arguments)});");
        assertEquals("<head>" + forwarding + "</head>" + own, rewrite(REMOVE_WITH_STUBS, "<head>" + gtm + "</head>"
            + own, analytics));
        assertEquals("<head>" + forwarding + "</head>" + own, rewrite(REMOVE_WITH_STUBS, "<head>" + gtm + gtm
            + "</head>" + own, analytics));
        // the stand-in reads as no tracker: a second pass leaves it
        assertEquals("<head>" + forwarding + "</head>" + own, rewrite(REMOVE_WITH_STUBS, "<head>" + forwarding
            + "</head>" + own, NONE));
    }

    @Test
    void aStandInInsideATemplateDefinesNothingForTheDocument() {
        // a <template>'s content runs only where the page clones it in: its stand-in is written there, for that
        // clone, but the document's own removed loader still gets one
        String loader = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-8H3KZ2XQ7M\"></script>";
        String stub = stub(null, "d('data'+'Layer',[]);", "d('gt'+'ag',s);");
        String page = "<template id=\"consent-later\">" + loader + "</template>" + loader
            + "<button onclick=\"gtag('event', 'cta')\">b</button>";
        assertEquals("<template id=\"consent-later\">" + stub + "</template>" + stub
            + "<button onclick=\"gtag('event', 'cta')\">b</button>", rewrite(REMOVE_WITH_STUBS, page, NONE));
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        RewriteAssertions.assertSameWhereverSplit(bytes.length, cuts -> new String(RewriteAssertions.rewrite(
            REMOVE_WITH_STUBS, bytes, NONE, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
        // a postponed stand-in (before the page's meta charset) does not land inside a template either
        String late = "<head>" + loader + "<!--" + "-".repeat(1000) + "--><template><p>x</p></template><meta "
            + "charset=\"utf-8\"><title>t</title>";
        byte[] in = late.getBytes(StandardCharsets.UTF_8);
        assertEquals(late.replace(loader, "").replace("<template>", stub + "<template>"), new String(
            RewriteAssertions.rewrite(REMOVE_WITH_STUBS, in, NONE, null, null, new int[0]), StandardCharsets.UTF_8));
        // the template's end is seen where tags are skimmed: after it, names count again, and a postponed
        // stand-in lands after the page's meta
        assertEquals("<template><div></div></template><p>" + stub + "</p><p></p>", rewrite(REMOVE_WITH_STUBS,
            "<template><div></div></template><p>" + loader + "</p><p>" + loader + "</p>", NONE));
        String closed = "<head>" + loader + "<template><p>x</p></template><meta charset=\"utf-8\"><title>t</title>";
        assertEquals(closed.replace(loader, "").replace("<title>", stub + "<title>"), new String(
            RewriteAssertions.rewrite(REMOVE_WITH_STUBS, closed.getBytes(StandardCharsets.UTF_8), NONE, null, null,
                new int[0]), StandardCharsets.UTF_8));
        // nor inside an SVG <template> start tag's counterpart: only HTML templates count
        assertEquals("<svg><template></template></svg>" + stub, rewrite(REMOVE_WITH_STUBS,
            "<svg><template></template></svg>" + loader, NONE));
    }

    @Test
    void onlyAMetaThatDeclaresAnEncodingTheBrowserKnowsEndsThePostponement() {
        // the prescan goes on past a meta without a charset, or with a label no browser knows: the stand-in must
        // not push the page's real <meta charset> further on out of the window
        String loader = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-8H3KZ2XQ7M\"></script>";
        String meta = "<meta charset=\"windows-1252\">";
        String stub = stub(null, "d('data'+'Layer',[]);", "d('gt'+'ag',s);");
        for (String first : List.of("<meta http-equiv=\"Content-Type\" content=\"text/html\">",
                "<meta charset=\"latin-9000\">", "<meta http-equiv=\"content-type\" content=\"text/html; charset=bogus\">")) {
            String page = "<head>" + loader + first + "<title>t</title><!--" + "-".repeat(850 - first.length())
                + "-->" + meta + "<script src=\"/app.js\"></script>";
            int metaAt = page.indexOf(meta);
            assertTrue(metaAt < EncodingSniffer.PRESCAN_BYTES && metaAt + 150 > EncodingSniffer.PRESCAN_BYTES);
            byte[] in = page.getBytes(StandardCharsets.ISO_8859_1);
            assertEquals(page.replace(loader, "").replace(meta, meta + stub), new String(RewriteAssertions.rewrite(
                REMOVE_WITH_STUBS, in, NONE, null, null, new int[0]), StandardCharsets.ISO_8859_1), first);
            RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> new String(RewriteAssertions.rewrite(
                REMOVE_WITH_STUBS, in, NONE, null, null, cuts), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void aScriptLongerThanTheCapThatIsMadeUnparseableLeavesAStandInAfterItsEndTag() {
        // past the cap the script streams out and is made a syntax error at its end: its names are as undefined
        // as where it is removed
        HtmlRewriter small = HtmlRewriter.builder(RewriteAssertions.CATALOG).maxHeldBytes(1024).build();
        String script = PIXEL.strip().replace("</script>", "var copy = '" + "x".repeat(2000) + "';\n");
        String out = rewrite(small, "<p>a</p>" + script.replace("<script>", "<script nonce=\"n0\">") + "</script>"
            + PAGE, NONE);
        String stub = stub("n0", "d('f'+'bq',s);", "d('_f'+'bq',s);", "d('F'+'B',s);");
        assertTrue(out.endsWith(new String(StreamedScript.POISON, StandardCharsets.US_ASCII) + "</script>" + stub
            + PAGE), out.substring(out.length() - 400));
        // a page rewritten twice gets it once
        assertEquals(out, rewrite(small, out, NONE));
        byte[] in = ("<p>a</p>" + script + "</script>" + PAGE).getBytes(StandardCharsets.UTF_8);
        RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> new String(RewriteAssertions.rewrite(small, in,
            NONE, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
    }

    @Test
    void aMagentoInitBlockThatLosesOnlyItsRefusedComponentsLeavesAStandInAfterIt() {
        // the block stays for its other components (a cart component that pushes onto dataLayer among them): the
        // names of the component that went are as undefined as where the whole block goes
        String block = "<script type=\"text/x-magento-init\">{\"*\": {\"Magento_GoogleTagManager/js/google-tag-manager\":"
            + " {\"isCookieRestrictionModeEnabled\": 0, \"gtmAccountId\": \"GTM-NW4B7KQ\"}, \"Magento_Ui/js/core/app\":"
            + " {\"components\": {}}}}</script>";
        String kept = "<script type=\"text/x-magento-init\">{\"*\": {\"Magento_Ui/js/core/app\": {\"components\": {}}}}"
            + "</script>";
        String stub = stub(null, "d('data'+'Layer',[]);", "d('gt'+'ag',s);");
        assertEquals(kept + stub + "<p>x</p>", rewrite(REMOVE_WITH_STUBS, block + "<p>x</p>", NONE));
        assertEquals(kept + "<p>x</p>", rewrite(RewriteAssertions.REMOVE, block + "<p>x</p>", NONE));
        String out = rewrite(REMOVE_WITH_STUBS, block + "<p>x</p>", NONE);
        assertEquals(out, rewrite(REMOVE_WITH_STUBS, out, NONE));
        byte[] in = (block + "<p>x</p>").getBytes(StandardCharsets.UTF_8);
        RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> new String(RewriteAssertions.rewrite(
            REMOVE_WITH_STUBS, in, NONE, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
    }

    @Test
    void aCatalogNameThatTheBrowserGivesAFalsyValueIsRefused() throws Exception {
        // d(n, v) writes w[n] = w[n] || v: where the browser's own value is null, "" or 0 the stand-in would replace
        // it, and an event handler property set to the stand-in runs on every such event (onbeforeunload asks the
        // visitor whether to leave)
        for (String name : List.of("onbeforeunload", "onerror", "onmessage", "status", "event", "length",
                "scrollX", "scrollY", "pageXOffset", "pageYOffset", "frameElement", "defaultStatus")) {
            String json = "{\"trackers\": [{\"id\": \"acme\", \"name\": \"Acme\", \"owner\": \"Acme\", \"categories\":"
                + " [\"analytics\"], \"hosts\": [\"stats.acme.example\"], \"pageFunctions\": [\"" + name + "\"]}]}";
            org.junit.jupiter.api.Assertions.assertThrows(io.consentgate.catalog.CatalogFormatException.class,
                () -> TrackerCatalog.fromJson(new ObjectMapper().readTree(json)), name);
        }
        // names that only start like one stay
        TrackerCatalog.fromJson(new ObjectMapper().readTree("{\"trackers\": [{\"id\": \"acme\", \"name\": \"Acme\","
            + " \"owner\": \"Acme\", \"categories\": [\"analytics\"], \"hosts\": [\"stats.acme.example\"],"
            + " \"pageFunctions\": [\"OneSignal\", \"onfido_\", \"statusQ\"]}]}"));
    }

    @Test
    void namesOfAStandInThatWasNotWrittenStayUndefined() throws Exception {
        // the joined names of two trackers read as a third's signature: no stand-in there, and the names are still
        // to be defined by the next script that names one of them alone
        TrackerCatalog catalog = TrackerCatalog.fromJson(new ObjectMapper().readTree("""
            {"trackers": [
              {"id": "aa", "name": "A", "owner": "A", "categories": ["analytics"], "hosts": ["a.example"],
               "pageFunctions": ["aa"]},
              {"id": "bb", "name": "B", "owner": "B", "categories": ["analytics"], "hosts": ["b.example"],
               "pageFunctions": ["bb"]},
              {"id": "cc", "name": "C", "owner": "C", "categories": ["analytics"], "hosts": ["c.example"],
               "signatures": [",s);d('b'"]}]}"""));
        HtmlRewriter rw = HtmlRewriter.builder(catalog).build();
        String both = "<script>load('https://a.example/a.js'); load('https://b.example/b.js');</script>";
        String a = "<script src=\"https://a.example/a.js\"></script>";
        assertEquals("<p></p><p>" + stub(null, "d('a'+'a',s);") + "</p>", rewrite(rw, "<p>" + both + "</p><p>" + a
            + "</p>", NONE));
    }
}
