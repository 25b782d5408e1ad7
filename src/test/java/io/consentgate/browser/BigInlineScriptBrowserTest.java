package io.consentgate.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.html.HtmlRewriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An inline script longer than the filter's hold cap ({@code /state}, see {@link FixtureSite.StateServlet}): under
 * the default fail-closed switch it streams, and if it names a refused tracker it ends in a syntax error, so Chromium
 * runs none of it. The page's own state script must still run; the one that carries a tag manager must not.
 */
@Tag("browser")
class BigInlineScriptBrowserTest extends FixtureSiteBrowserTest {

    @Test
    void withoutTheFilterTheScriptRendersThePageAndLoadsTheTagManager() {
        browser.open(site.unguarded() + "/state?tag=1");

        assertTrue(text("state").startsWith("rendered "), text("state"));
        assertEquals(Set.of("www.googletagmanager.com"), TrackerHosts.of(browser.requestedUrls()));
    }

    @Test
    void throughTheFilterAPagesOwnStateScriptOverTheCapStillRuns() {
        browser.open(site.guarded() + "/state");

        assertEquals(text("state"), "rendered " + browser.evaluate("window.__INITIAL_STATE__.products.length"));
        assertEquals("Linen shirt 0", browser.evaluate("document.querySelector('#list li').textContent"));
    }

    @Test
    void throughTheFilterAScriptOverTheCapThatLoadsATrackerRunsNothing() {
        browser.open(site.guarded() + "/state?tag=1");

        List<String> requested = browser.requestedUrls();
        assertEquals(Set.of(), TrackerHosts.of(requested), "tracker requests attempted; all requests: " + requested);
        assertEquals("static", text("state"), "no statement of the script ran");
        assertEquals(Boolean.TRUE, browser.evaluate("typeof window.__INITIAL_STATE__ === 'undefined'"));
        assertEquals("Free returns within 30 days.", text("after"), "the page after the script is intact");
    }

    /**
     * The text the filter ends such a script with is a syntax error in V8 whatever the script's text before it left
     * open: after each of a list of lexical contexts, and after jQuery and Wicket's ajax library (the unminified
     * sources: comments, regular expressions, template-free strings of every kind) cut every few hundred bytes.
     */
    @Test
    void theEndingIsASyntaxErrorWhereverTheScriptTextIsCut() throws IOException {
        String ending = ending();
        List<String> prefixes = new ArrayList<>(List.of("", "var a = 1", "x = a", "x = ", "if (c)", "a++", "a.",
                "a?.", "function", "function f() {", "yield", "async", "import", "let s = 'abc", "let s = \"abc",
                "let s = 'abc\\", "let t = `abc", "let t = `abc$", "let t = `a${ b", "let t = `a${ `in",
                "let r = /ab", "let r = /a[b", "let r = /a\\", "x = /", "// comment", "/* block", "/* block *",
                "/* block /", "<!-- html comment", "a\n--> x", "0x", "123", "x = {a: 1", "f(1, ", "class A {",
                "a = b /", "label:", "return", "new", "typeof", "x = a ?", "`${'a", "/[/", "x = '\\\n",
                "var re = /[*/]/", "x //", "x /* c */"));
        String[] libraries = {"/org/apache/wicket/resource/jquery/jquery-3.7.1.js",
            "/org/apache/wicket/ajax/res/js/wicket-ajax-jquery.js"};
        List<String> texts = new ArrayList<>();
        for (String library : libraries) {
            try (InputStream in = HtmlRewriter.class.getResourceAsStream(library)) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        ObjectMapper json = new ObjectMapper();
        browser.open(site.guarded() + "/cookies");
        // The texts and the checker stay in the page; the cuts are tried in batches, each one script call well inside
        // the driver's script timeout however loaded the machine is.
        browser.evaluate("(function (texts, ending) { window.cgCuts = { texts: texts, compiled: [], tried: 0,"
                + " check: function (t) { this.tried++;"
                + "   try { new Function(t + ending); this.compiled.push(t.slice(-60)); }"
                + "   catch (e) { if (!(e instanceof SyntaxError)) { this.compiled.push('threw ' + e); } } } };"
                + " return 0; })("
                + json.writeValueAsString(texts) + ", " + json.writeValueAsString(ending) + ")");
        browser.evaluate("(function (prefixes) { prefixes.forEach(function (t) { cgCuts.check(t); }); return 0; })("
                + json.writeValueAsString(prefixes) + ")");
        int step = 149;
        int batch = 100 * step;
        for (int t = 0; t < texts.size(); t++) {
            for (int from = 0; from <= texts.get(t).length(); from += batch) {
                browser.evaluate("(function (t, from, to, step) { var text = cgCuts.texts[t];"
                        + " for (var i = from; i < to && i <= text.length; i += step) {"
                        + "   cgCuts.check(text.slice(0, i)); }"
                        + " return 0; })(" + t + ", " + from + ", " + (from + batch) + ", " + step + ")");
            }
        }
        Object result = browser.evaluate("cgCuts.tried + ' ' + JSON.stringify(cgCuts.compiled)");
        String[] parts = ((String) result).split(" ", 2);
        assertEquals("[]", parts[1], "texts that still compiled with the ending");
        assertTrue(Integer.parseInt(parts[0]) > 2_000, "cuts tried: " + parts[0]);
    }

    /** What the rewriter writes before the end tag of a script over the cap that names a refused tracker. */
    private static String ending() throws IOException {
        String script = "var state = '" + "x".repeat(300 * 1024) + "';\n"
                + "var s = document.createElement('script'); s.src = 'https://connect.facebook.net/en_US/fbevents.js';";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream rewrite = HtmlRewriter.builder(TrackerCatalog.bundled()).build()
                .open(ConsentDecision.refuseAll(), StandardCharsets.UTF_8, out, null)) {
            rewrite.write(("<script>" + script + "</script>").getBytes(StandardCharsets.UTF_8));
        }
        String page = out.toString(StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<script>" + script) && page.endsWith("</script>"), "the script streamed");
        String ending = page.substring(("<script>" + script).length(), page.length() - "</script>".length());
        assertTrue(ending.length() > 5, "the script ends in something: " + ending);
        return ending;
    }

    private static String text(String id) {
        return (String) browser.evaluate("document.getElementById('" + id + "').textContent");
    }
}
