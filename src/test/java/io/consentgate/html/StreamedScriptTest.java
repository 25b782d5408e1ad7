package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An inline HTML script longer than the hold cap under fail-closed ({@link StreamedScript}): it streams, and one that
 * names a refused tracker is made a syntax error before its end tag instead of being removed. What the browser then
 * does (runs the clean one, runs nothing of the other) is checked in Chromium by {@code BigInlineScriptBrowserTest}.
 */
class StreamedScriptTest {

    private static final HtmlRewriter CLOSED = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).build();
    private static final String POISON = new String(StreamedScript.POISON, StandardCharsets.US_ASCII);
    private static final String GTM = "(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':\n"
        + "new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],\n"
        + "j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=\n"
        + "'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);\n"
        + "})(window,document,'script','dataLayer','GTM-K9X2PLQ');\n";

    /** Page state as SSR frameworks print it: one long line of JSON assigned to a global. */
    private static String state(int bytes) {
        StringBuilder sb = new StringBuilder("window.__INITIAL_STATE__={\"products\":[");
        for (int i = 0; sb.length() < bytes; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"Linen shirt ").append(i)
                .append("\",\"url\":\"https:\\/\\/shop.example\\/p\\/").append(i).append("\",\"price\":\"")
                .append(19 + i % 40).append(".90\"}");
        }
        return sb.append("]};\nwindow.stateReady=true;\n").toString();
    }

    @Test
    void aPagesOwnStateScriptOverTheCapGoesOutByteForByte() {
        String page = "<!doctype html><div id=app></div><script>" + state(300 * 1024) + "</script><p>end</p>";
        for (ConsentDecision d : new ConsentDecision[] {ConsentDecision.refuseAll(), analyticsOnly()}) {
            assertEquals(page, RewriteAssertions.rewrite(CLOSED, page, d));
            assertEquals(page, RewriteAssertions.rewrite(RewriteAssertions.NEUTRALIZE, page, d));
        }
    }

    @Test
    void aLoaderAfterTheCapMakesTheScriptASyntaxErrorBeforeItsEndTag() {
        String script = state(300 * 1024) + GTM;
        String page = "<div id=app></div><script>" + script + "</script><p>end</p>";
        String out = "<div id=app></div><script>" + script + POISON + "</script><p>end</p>";
        assertEquals(out, RewriteAssertions.rewrite(CLOSED, page, ConsentDecision.refuseAll()));
        assertEquals(out, RewriteAssertions.rewrite(RewriteAssertions.NEUTRALIZE, page, ConsentDecision.refuseAll()));
        // GTM containers need analytics and marketing: allowing both leaves the script alone
        assertEquals(page, RewriteAssertions.rewrite(CLOSED, page, ConsentDecision.of(
            Set.of(Category.ANALYTICS, Category.MARKETING), Map.of(), ConsentMode.OPT_IN)));
    }

    @Test
    void aSecondPassAddsNoSecondSyntaxError() {
        for (String script : new String[] {state(300 * 1024) + GTM, GTM + state(300 * 1024)}) {
            String once = RewriteAssertions.rewrite(CLOSED, "<script>" + script + "</script>", ConsentDecision.refuseAll());
            assertEquals("<script>" + script + POISON + "</script>", once);
            assertEquals(once, RewriteAssertions.rewrite(CLOSED, once, ConsentDecision.refuseAll()));
            byte[] bytes = once.getBytes(StandardCharsets.UTF_8);
            for (int cut = bytes.length - 200; cut < bytes.length; cut += 3) {
                assertArrayEquals(bytes, RewriteAssertions.rewrite(CLOSED, bytes, ConsentDecision.refuseAll(),
                    StandardCharsets.UTF_8, null, new int[] {cut}), "cut " + cut);
            }
        }
    }

    @Test
    void aLoaderInTheHeldPartIsCaughtTooAndTheScriptStillStreams() {
        String script = GTM + state(300 * 1024);
        String page = "<script>" + script + "</script>";
        assertEquals("<script>" + script + POISON + "</script>",
            RewriteAssertions.rewrite(CLOSED, page, ConsentDecision.refuseAll()));
    }

    @Test
    void aTrackerAcrossTheSeamOfTwoWindowsIsCaught() {
        String loader = "var s=document.createElement('script');s.src='https://connect.facebook.net/en_US/fbevents.js';"
            + "document.head.appendChild(s);";
        String host = "connect.facebook.net";
        // the windows are counted from the script's first byte: put the host across the first seam
        int seam = StreamedScript.WINDOW;
        String filler = "/*" + "x".repeat(seam - 2 - 2 - loader.indexOf(host) - host.length() / 2) + "*/";
        String script = filler + loader + "\n" + state(300 * 1024);
        int at = script.indexOf(host);
        assertTrue(at < seam && at + host.length() > seam, "the host must cross the seam at " + seam + ": " + at);
        assertEquals("<script>" + script + POISON + "</script>",
            RewriteAssertions.rewrite(CLOSED, "<script>" + script + "</script>", ConsentDecision.refuseAll()));
    }

    /**
     * Minified code is one long line. A window that starts inside it at the {@code //} of a URL must not read the rest
     * of the line as a comment: the loader after it is found.
     */
    @Test
    void aWindowStartingAtTheSlashesOfAUrlInALongLineStillSeesTheLoader() {
        int second = StreamedScript.WINDOW - StreamedScript.OVERLAP;
        String head = "var a='" + "x".repeat(second - "var a='".length() - "https:".length()) + "https:";
        String script = head + "//shop.example/p';" + "var b='" + "y".repeat(StreamedScript.OVERLAP + 100) + "';"
            + "var s=document.createElement('script');s.src='https://connect.facebook.net/en_US/fbevents.js';"
            + "document.head.appendChild(s);" + "var c='" + "z".repeat(300 * 1024) + "';";
        assertEquals(second, script.indexOf("//shop"), "the second window starts at the slashes");
        assertEquals("<script>" + script + POISON + "</script>",
            RewriteAssertions.rewrite(CLOSED, "<script>" + script + "</script>", ConsentDecision.refuseAll()));
    }

    /**
     * The other way round: a window starting between a consent manager's {@code "re":"} and the host it lists must
     * not take that data for a loader (each window judges only the hits with context on both sides).
     */
    @Test
    void aWindowStartingInsideADataStringLeavesAPagesOwnScriptAlone() {
        int second = StreamedScript.WINDOW - StreamedScript.OVERLAP;
        String open = "\",\"blocked\":[{\"re\":\"";
        StringBuilder sb = new StringBuilder("window.__CMP__={\"pad\":\"");
        sb.append("p".repeat(second - sb.length() - open.length())).append(open);
        sb.append("connect.facebook.net\",\"cat\":\"marketing\"}],\"more\":\"").append("m".repeat(300 * 1024))
            .append("\"};\n");
        String script = sb.toString();
        assertEquals(second, script.indexOf("connect.facebook.net"), "the second window starts at the host");
        String page = "<script>" + script + "</script><p>b</p>";
        assertEquals(page, RewriteAssertions.rewrite(CLOSED, page, ConsentDecision.refuseAll()));
    }

    /** Plain code without any tracker, {@code n} bytes on one line. */
    private static String code(int n) {
        StringBuilder sb = new StringBuilder("var q=[");
        while (sb.length() < n - 2) {
            sb.append(sb.length() < n - 4 ? "1," : " ");
        }
        return sb.append("];").toString();
    }

    /**
     * The verdict is the one of the script read whole (a cap above its length), also where it depends on things
     * windows apart: a {@code gtag()} call that counts only with a tag id of its own, and tag ids that together decide
     * the categories (found by a review, with the other cases here).
     */
    @Test
    void tagIdsPairWithSignaturesAcrossWindowsAsInAScriptReadWhole() {
        HtmlRewriter whole = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).maxHeldBytes(64 * 1024 * 1024).build();
        HtmlRewriter small = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).maxHeldBytes(1024).build();
        String conversion = "<script>var cfg={adsId:'AW-123456789'};" + code(100_000)
            + ";gtag('event','conversion',{send_to:cfg.adsId});</script>";
        assertEquals("", RewriteAssertions.rewrite(whole, conversion, ConsentDecision.refuseAll()));
        assertTrue(RewriteAssertions.rewrite(small, conversion, ConsentDecision.refuseAll()).endsWith(POISON + "</script>"));
        String widened = "<script>gtag('config','G-ABCDEFGHJK');" + code(100_000) + ";window.adsId='AW-123456789';</script>";
        assertEquals("", RewriteAssertions.rewrite(whole, widened, analyticsOnly()));
        assertTrue(RewriteAssertions.rewrite(small, widened, analyticsOnly()).endsWith(POISON + "</script>"));
        // and the same script without the Ads id is analytics alone: allowed
        String analytics = "<script>gtag('config','G-ABCDEFGHJK');" + code(100_000) + ";</script>";
        assertEquals(analytics, RewriteAssertions.rewrite(small, analytics, analyticsOnly()));
    }

    /** A line comment longer than a window's context is still a comment: its start is carried into the next window. */
    @Test
    void aLoaderInALongCommentLineIsCommentTextAcrossWindows() {
        String comment = "\n// " + "Lorem ipsum dolor sit amet ".repeat(2300)
            + " s.src='https://connect.facebook.net/en_US/fbevents.js'\n";
        String page = "<script>" + code(50_000) + comment + code(60_000) + "</script>";
        HtmlRewriter small = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).maxHeldBytes(1024).build();
        assertEquals(page, RewriteAssertions.rewrite(small, page, ConsentDecision.refuseAll()));
        // the same loader on a line of code is found
        String code = page.replace("\n// Lorem", "\nvar t=1; // Lorem").replace("amet  s.src", "amet\n s.src");
        assertTrue(RewriteAssertions.rewrite(small, code, ConsentDecision.refuseAll()).endsWith(POISON + "</script>"));
    }

    @Test
    void theOutcomeDoesNotDependOnHowTheInputIsSplit() {
        HtmlRewriter small = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).maxHeldBytes(1024).build();
        String[] scripts = {state(3000), state(3000) + GTM, GTM + state(3000), state(1500) + GTM + state(1500)};
        for (String script : scripts) {
            byte[] page = ("<p>a</p><script>" + script + "</script><img src=https://www.facebook.com/tr?id=1><p>b</p>")
                .getBytes(StandardCharsets.UTF_8);
            List<TrackerEvent> wholeEvents = new ArrayList<>();
            byte[] whole = RewriteAssertions.rewrite(small, page, ConsentDecision.refuseAll(), StandardCharsets.UTF_8,
                wholeEvents::add, new int[0]);
            assertEquals(script.contains("gtm.start"), new String(whole, StandardCharsets.UTF_8).contains(POISON));
            for (int cut = 1; cut < page.length; cut += 7) {
                List<TrackerEvent> events = new ArrayList<>();
                assertArrayEquals(whole, RewriteAssertions.rewrite(small, page, ConsentDecision.refuseAll(),
                    StandardCharsets.UTF_8, events::add, new int[] {cut}), "cut " + cut);
                assertEquals(wholeEvents, events, "cut " + cut);
            }
        }
    }

    @Test
    void theScriptIsReportedAsNeutralizedWithItsTracker() {
        String page = "<script>" + state(300 * 1024) + GTM + "</script>";
        List<TrackerEvent> events = new ArrayList<>();
        RewriteAssertions.rewrite(CLOSED, page.getBytes(StandardCharsets.UTF_8), ConsentDecision.refuseAll(),
            StandardCharsets.UTF_8, events::add, new int[0]);
        assertEquals(1, events.size(), events.toString());
        TrackerEvent e = events.get(0);
        assertEquals(TrackerEvent.Action.NEUTRALIZED, e.action());
        assertEquals("script", e.element());
        assertEquals("google-tag", e.trackerId());
        assertEquals(1, e.line());
    }

    @Test
    void anInputThatEndsInTheScriptEndsWithTheSyntaxError() {
        String script = state(300 * 1024) + GTM;
        assertEquals("<script>" + script + POISON,
            RewriteAssertions.rewrite(CLOSED, "<script>" + script, ConsentDecision.refuseAll()));
        assertEquals("<script>" + script + "</scr" + POISON,
            RewriteAssertions.rewrite(CLOSED, "<script>" + script + "</scr", ConsentDecision.refuseAll()));
    }

    @Test
    void anEndTagLongerThanTheCapComesAfterTheSyntaxError() {
        HtmlRewriter small = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).maxHeldBytes(1024).build();
        String script = state(3000) + GTM;
        String end = "</script x='" + "a".repeat(1100) + "'>";
        assertEquals("<script>" + script + POISON + end + "<p>b</p>",
            RewriteAssertions.rewrite(small, "<script>" + script + end + "<p>b</p>", ConsentDecision.refuseAll()));
    }

    @Test
    void failOpenStillSendsItUnread() {
        HtmlRewriter open = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).overflow(OverflowAction.FAIL_OPEN).build();
        String page = "<script>" + state(300 * 1024) + GTM + "</script>";
        assertEquals(page, RewriteAssertions.rewrite(open, page, ConsentDecision.refuseAll()));
    }

    @Test
    void anSvgScriptOverTheCapIsStillRemoved() {
        // its text is markup that any tag may end: it is judged whole or not sent (RewriteEngine#scriptForeign)
        HtmlRewriter small = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).maxHeldBytes(1024).build();
        String page = "<svg><script>" + state(3000) + "</script></svg><p>b</p>";
        assertEquals("<svg></svg><p>b</p>", RewriteAssertions.rewrite(small, page, ConsentDecision.refuseAll()));
    }

    /** The poison never contains what would move the end of the script in a browser's tokenizer. */
    @Test
    void thePoisonHoldsNothingAnHtmlTokenizerReadsInAScript() {
        for (byte b : StreamedScript.POISON) {
            assertTrue(b != '<' && b != '-' && b != '>' && b > 0 && b < 0x80, "byte " + b);
        }
    }

    private static ConsentDecision analyticsOnly() {
        return ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(), ConsentMode.OPT_IN);
    }
}
