package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Apache Tapestry (5.4 and later) starts every component of a page from one script,
 * {@code require(["t5/core/pageinit"], function(pi) { pi([libraries], [initialisations]); });}: a tag a component
 * adds with {@code javaScriptSupport.addScript(…)} is one initialisation of it, a library it imports one URL of the
 * first list. Only those members go; the forms, zones and the page's loading mask still start.
 */
class TapestryPageInitTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final String GTAG_LIB = "\"https://www.googletagmanager.com/gtag/js?id=G-7QK2M4ZP1B\"";
    private static final String GTAG_INIT = "[\"t5/core/pageinit:evalJavaScript\",\"window.dataLayer = "
        + "window.dataLayer || [];\\nfunction gtag(){dataLayer.push(arguments);}\\ngtag('js', new Date());\\n"
        + "gtag('config', 'G-7QK2M4ZP1B');\"]";
    private static final String HOTJAR_INIT = "[\"t5/core/pageinit:evalJavaScript\",\"(function(h,o,t,j,a,r){"
        + "h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};h._hjSettings={hjid:3518207,hjsv:6};"
        + "a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;"
        + "r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})"
        + "(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');\"]";
    private static final String LINKEDIN_INIT = "[\"t5/core/pageinit:evalJavaScript\",\"var s=document.createElement("
        + "'script');s.async=true;s.src='https://snap.licdn.com/li.lms-analytics/insight.min.js';"
        + "document.head.appendChild(s);\"]";

    private static String pageInit(String libraries, String inits) {
        return "<script type=\"text/javascript\">require([\"t5/core/pageinit\"], function(pi) { pi(" + libraries
            + ", " + inits + "); });</script>";
    }

    private static String blank(String s) {
        return " ".repeat(s.length());
    }

    @Test
    void anAddedScriptAndAnImportedLibraryGoAndTheComponentsStillStart() {
        String in = pageInit("[\"/assets/ctx/z77c2e9aa/js/site.js\"," + GTAG_LIB + "]",
            "[\"t5/core/forms\",\"t5/core/validation\"," + GTAG_INIT + ",[\"t5/core/pageinit:focus\",\"q\"]]");
        String out = pageInit("[\"/assets/ctx/z77c2e9aa/js/site.js\"" + blank("," + GTAG_LIB) + "]",
            "[\"t5/core/forms\",\"t5/core/validation\"," + GTAG_INIT + ",[\"t5/core/pageinit:focus\",\"q\"]]");
        assertEquals(out, rewrite(REMOVE, in, NONE));
        // neutralizing the element would stop the page as removing it does: the members go in both modes
        assertEquals(out, rewrite(NEUTRALIZE, in, NONE));
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()));
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(),
            ConsentMode.OPT_IN)));
    }

    @Test
    void aFirstOrLastMemberGoesWithTheCommaBesideIt() {
        String in = "<script type=\"text/javascript\">require([\"t5/core/pageinit\"], function (pageinit) {\n"
            + "  pageinit([" + GTAG_LIB + "], [" + HOTJAR_INIT + ",\n \"t5/core/zone\", " + LINKEDIN_INIT
            + "]);\n});</script>";
        String out = "<script type=\"text/javascript\">require([\"t5/core/pageinit\"], function (pageinit) {\n"
            + "  pageinit([" + blank(GTAG_LIB) + "], [" + blank(HOTJAR_INIT + ",") + "\n \"t5/core/zone\""
            + blank(", " + LINKEDIN_INIT) + "]);\n});</script>";
        assertEquals(out, rewrite(REMOVE, in, NONE));
    }

    @Test
    void aTrackerOutsideTheMembersGoesAsAStatementOfItsOwn() {
        String init = "<script type=\"text/javascript\">require([\"t5/core/pageinit\"], function(pi) { pi([], "
            + "[\"t5/core/forms\"]); });\n";
        String tag = "(function(w,d){var s=d.createElement('script');"
            + "s.src='https://static.hotjar.com/c/hotjar-1.js?sv=6';d.head.appendChild(s);})(window,document);";
        assertEquals(init + blank(tag) + "</script>", rewrite(REMOVE, init + tag + "</script>", NONE));
    }
}
