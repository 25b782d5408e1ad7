package io.consentgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RewriteAndScanCommandTest {

    private static final String PAGE = """
            <!doctype html><html><head><title>Shop</title>
            <script async src="https://www.googletagmanager.com/gtag/js?id=G-SHOP1234AB"></script>
            <script>
              window.dataLayer = window.dataLayer || [];
              function gtag(){dataLayer.push(arguments);}
              gtag('js', new Date()); gtag('config', 'G-SHOP1234AB');
            </script>
            <script>
              !function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.queue.push(arguments)};
              n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];
              s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');
              fbq('init', '1234'); fbq('track', 'PageView');
            </script>
            </head><body><p>Tea, €8.50</p><a href="https://www.facebook.com/shop">us on Facebook</a></body></html>
            """;

    private record Run(int code, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** Standard output on a full disk: every write fails, or (buffered) only the flush. */
    private static final class FullDisk extends OutputStream {
        private final boolean failWrites;

        FullDisk(boolean failWrites) {
            this.failWrites = failWrites;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (failWrites) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public void flush() throws IOException {
            throw new IOException("No space left on device");
        }
    }

    private static byte[] page() {
        return PAGE.getBytes(StandardCharsets.UTF_8);
    }

    /** A file a command cannot read: one line on stderr naming it and why, exit 1, nothing on stdout. */
    @Test
    void anUnreadableFileIsOneLineNamingItAndWhy(@TempDir Path dir) throws Exception {
        Path page = Files.write(dir.resolve("page.html"), page());
        String missing = dir.resolve("missing.html").toString();
        String[][] cases = {
            {missing, "no such file", "scan", missing},
            {dir.toString(), "is a directory", "scan", dir.toString()},
            {dir.resolve("missing.yaml").toString(), "no such file", "rewrite", "--policy",
                dir.resolve("missing.yaml").toString()},
            {dir.toString(), "is a directory", "scan", "--policy", dir.toString(), page.toString()},
        };
        for (String[] c : cases) {
            Run r = run(page(), java.util.Arrays.copyOfRange(c, 2, c.length));
            String why = String.join(" ", java.util.Arrays.copyOfRange(c, 2, c.length)) + ": " + r.err();
            assertEquals(1, r.code(), why);
            assertEquals(1, r.err().lines().count(), why);
            assertTrue(r.err().startsWith("consentgate: ") && r.err().contains("'" + c[0] + "'")
                    && r.err().strip().endsWith(c[1]), why);
            assertEquals("", r.text(), why);
        }
    }

    /** Output that cannot be written is a failure (exit 1, one line), not a silent exit 0 with the output lost. */
    @Test
    void outputThatCannotBeWrittenIsOneLineAndExitOne(@TempDir Path dir) throws Exception {
        String page = Files.write(dir.resolve("page.html"), page()).toString();
        String[][] commands = {
            {"rewrite", "--dnt"}, {"rewrite", "--allow", "all"}, {"rewrite", "--content-type", "text/plain"},
            {"scan", page}, {"scan", "--json", page}, {"--version"}, {"--help"},
        };
        for (boolean failWrites : new boolean[] {true, false}) {
            for (String[] args : commands) {
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = Main.run(args, new ByteArrayInputStream(page()), new FullDisk(failWrites),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
                String why = String.join(" ", args) + (failWrites ? ", failing writes: " : ", failing flush: ") + err;
                assertEquals(1, code, why);
                // text/plain also has its notice on the line before
                List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
                assertEquals(args[args.length - 1].equals("text/plain") ? 2 : 1, lines.size(), why);
                assertEquals("consentgate: cannot write standard output: No space left on device",
                        lines.get(lines.size() - 1), why);
            }
        }
    }

    /**
     * As grep does: every file that can be read is listed, each one that cannot is one line on stderr, and the
     * exit code is 1; with {@code --json} the readable files' elements are still one JSON array.
     */
    @Test
    void scanListsTheReadableFilesAndNamesEachUnreadableOne(@TempDir Path dir) throws Exception {
        String a = Files.write(dir.resolve("a.html"), page()).toString();
        String b = Files.write(dir.resolve("b.html"), page()).toString();
        String missing = dir.resolve("missing.html").toString();
        Run text = run(new byte[0], "scan", a, missing, dir.toString(), b);
        assertEquals(1, text.code(), text.err());
        assertEquals(List.of("consentgate: cannot read '" + missing + "': no such file",
                "consentgate: cannot read '" + dir + "': is a directory"), text.err().lines().toList());
        List<String> lines = text.text().lines().toList();
        assertEquals(6, lines.size(), text.text());
        assertTrue(lines.subList(0, 3).stream().allMatch(l -> l.startsWith(a + ":")), text.text());
        assertTrue(lines.subList(3, 6).stream().allMatch(l -> l.startsWith(b + ":")), text.text());

        Run json = run(new byte[0], "scan", "--json", a, missing, b);
        assertEquals(1, json.code(), json.err());
        assertEquals(1, json.err().lines().count(), json.err());
        JsonNode arr = new ObjectMapper().readTree(json.text());
        assertEquals(6, arr.size(), json.text());
        assertEquals(a, arr.get(0).get("file").asText());
        assertEquals(b, arr.get(5).get("file").asText());

        Run none = run(new byte[0], "scan", "--json", missing);
        assertEquals(1, none.code(), none.err());
        assertEquals(0, new ObjectMapper().readTree(none.text()).size(), "still one JSON document: " + none.text());
    }

    /** An empty file name is a usage error, not the working directory's "is a directory". */
    @Test
    void anEmptyFileNameIsAUsageError(@TempDir Path dir) throws Exception {
        String page = Files.write(dir.resolve("page.html"), page()).toString();
        String policy = "consentgate: --policy needs a file name, got an empty value";
        String file = "consentgate: scan needs a file name for each FILE, got an empty one";
        String[][] cases = {
            {policy, "rewrite", "--policy", ""}, {policy, "rewrite", "--policy="},
            {policy, "scan", "--policy", "", page}, {file, "scan", ""}, {file, "scan", page, ""},
            {file, "scan", "--json", "", page},
        };
        for (String[] c : cases) {
            Run r = run(page(), java.util.Arrays.copyOfRange(c, 1, c.length));
            String why = String.join(" ", java.util.Arrays.copyOfRange(c, 1, c.length)) + ": " + r.err();
            assertEquals(2, r.code(), why);
            assertEquals(List.of(c[0]), r.err().lines().toList(), why);
            assertEquals("", r.text(), why);
        }
    }

    @Test
    void versionOutsideAPackagedJarSaysSo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--version"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        // The classes under test have no manifest; CliJarIT checks the packaged jar prints the project version.
        assertEquals("consentgate unknown (not run from a packaged jar)", out.toString(StandardCharsets.UTF_8).strip());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rewriteWithDntRemovesEveryTrackerAndKeepsTheContent() {
        Run r = run(page(), "rewrite", "--dnt");
        assertEquals(0, r.code(), r.err());
        String out = r.text();
        assertFalse(out.contains("googletagmanager") || out.contains("fbq") || out.contains("gtag("), out);
        assertTrue(out.contains("<p>Tea, €8.50</p>") && out.contains("https://www.facebook.com/shop"), out);
    }

    @Test
    void rewriteWithEverythingAllowedReturnsTheInputByteForByte() {
        assertArrayEquals(page(), run(page(), "rewrite", "--allow", "all").out());
        assertArrayEquals(page(), run(page(), "rewrite", "--allow=functional,analytics,marketing").out());
    }

    @Test
    void rewriteHonoursThePrecedenceOfTheFilter() {
        // GPC refuses marketing even with consent to all, analytics stays.
        String out = run(page(), "rewrite", "--gpc", "--allow", "all").text();
        assertTrue(out.contains("G-SHOP1234AB"), out);
        assertFalse(out.contains("fbevents"), out);
        // DNT beats consent for analytics and marketing.
        String dnt = run(page(), "rewrite", "--dnt", "--allow", "all").text();
        assertFalse(dnt.contains("G-SHOP1234AB") || dnt.contains("fbevents"), dnt);
    }

    @Test
    void rewriteSendsThePageAsWrittenWhenThePolicyDoesNotEnforce(@TempDir Path dir) throws Exception {
        for (String key : new String[] {"report-only: true", "html-rewrite: false"}) {
            Path policy = Files.writeString(dir.resolve("policy.yaml"), key + "\n");
            Run r = run(page(), "rewrite", "--dnt", "--policy", policy.toString());
            assertEquals(0, r.code(), r.err());
            assertArrayEquals(page(), r.out(), key + ": the filter would send the page as written");
            String setting = key.replace(": ", "=");
            assertTrue(r.err().contains("sets " + setting) && r.err().lines().count() == 1, r.err());
        }
        Path enforcing = Files.writeString(dir.resolve("enforcing.yaml"), "report-only: false\n");
        Run r = run(page(), "rewrite", "--dnt", "--policy", enforcing.toString());
        assertFalse(r.text().contains("fbevents"), r.text());
        assertEquals("", r.err());
    }

    /** {@code rewrite} builds its rewriter from the policy as the filter does: stand-ins follow the policy too. */
    @Test
    void rewriteWritesTheStandInsThePolicyAsksFor(@TempDir Path dir) throws Exception {
        assertTrue(run(page(), "rewrite", "--dnt").text().contains("data-consentgate=\"stub\""),
                "by default a removed loader leaves stand-ins for fbq and gtag");
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "html-stub-globals: false\n");
        Run r = run(page(), "rewrite", "--dnt", "--policy", policy.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.text().contains("data-consentgate"), r.text());
        assertFalse(r.text().contains("fbevents"), r.text());
    }

    @Test
    void aPolicyFileWithASyntaxErrorGivesOneLineWithWhereItIs(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("syntax.yaml"),
                "mode: opt-out\ngpc-refuses: marketing\n  vary: vary\n");
        Path json = Files.writeString(dir.resolve("syntax.json"), "{\n  \"mode\": \"opt-out\",\n  \"vary\": \"vary\",\n}\n");
        Path tab = Files.writeString(dir.resolve("tab.yaml"), "mode: opt-in\n\tvary: vary\n");
        for (Object[] c : new Object[][] {{yaml, "line 3, column 7"}, {json, "line 4, column 1"},
            {tab, "line 2, column 1"}}) {
            Run r = run(page(), "rewrite", "--policy", c[0].toString());
            assertEquals(1, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(c[0].toString()) && r.err().contains((String) c[1]), r.err());
        }
    }

    @Test
    void anInvalidPolicyIsNamedOnceAsTheCommandsError(@TempDir Path dir) throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "mode: sometimes\n");
        Run r = run(page(), "rewrite", "--policy", policy.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("consentgate: invalid configuration 'mode': 'sometimes'"), r.err());
        assertFalse(r.err().contains("ConsentGate:"), r.err());
    }

    /** The filter sends a body that is not HTML as written; rewrite too, and says so, so a typo in the type shows. */
    @Test
    void nonHtmlContentTypePassesThroughWithANotice() {
        for (String type : new String[] {"text/plain", "text/htm", "text/htm; charset=UTF-8"}) {
            Run r = run(page(), "rewrite", "--dnt", "--content-type", type);
            assertEquals(0, r.code(), r.err());
            assertArrayEquals(page(), r.out(), type);
            assertEquals(List.of("consentgate: --content-type '" + type + "' is not HTML (text/html, "
                    + "application/xhtml+xml or text/vnd.turbo-stream.html), so the filter sends the body as written "
                    + "and so does rewrite"), r.err().lines().toList());
        }
        assertEquals("", run(page(), "rewrite", "--dnt", "--content-type", "application/xhtml+xml").err());
    }

    /** An XHTML page is read as the filter reads it: a self-closed tracker element is its tag alone. */
    @Test
    void anXhtmlPageLosesASelfClosedTrackerTagAlone(@TempDir Path dir) throws Exception {
        String tracker = "<script src=\"https://www.googletagmanager.com/gtag/js?id=G-ABCDEF1234\" />";
        String page = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<head><title>x</title>\n" + tracker + "\n<script src=\"/js/app.js\"></script>"
                + "<link rel=\"stylesheet\" href=\"/a.css\"/></head><body><p>after</p></body></html>\n";
        byte[] in = page.getBytes(StandardCharsets.UTF_8);
        for (String type : new String[] {"application/xhtml+xml; charset=UTF-8", "Application/XHTML+XML"}) {
            Run r = run(in, "rewrite", "--dnt", "--content-type", type);
            assertEquals(0, r.code(), r.err());
            String out = new String(r.out(), StandardCharsets.UTF_8);
            // the tag alone goes (a stand-in for gtag takes its place): the app's script and the rest stay
            assertFalse(out.contains("googletagmanager"), out);
            assertTrue(out.endsWith("\n<script src=\"/js/app.js\"></script><link rel=\"stylesheet\" href=\"/a.css\"/>"
                    + "</head><body><p>after</p></body></html>\n"), type + ": " + out);
        }
        // read as HTML, the same tag opens raw text to the next </script>: the app's own script goes with it
        String asHtml = new String(run(in, "rewrite", "--dnt", "--content-type", "text/html; charset=UTF-8").out(),
                StandardCharsets.UTF_8);
        assertFalse(asHtml.contains("/js/app.js"), asHtml);
        String file = Files.write(dir.resolve("page.xhtml"), in).toString();
        Run scan = run(new byte[0], "scan", "--json", "--dnt", "--content-type", "application/xhtml+xml", file);
        assertEquals(1, new ObjectMapper().readTree(scan.text()).size(), scan.text());
    }

    /**
     * A type that tells the browser nothing ({@code unknown/unknown}, a word without {@code /}): the filter sniffs the
     * body as the browser does, rewriting a page and sending anything else as written; rewrite and scan do the same.
     */
    @Test
    void aTypeLeftToSniffingIsDecidedByTheBodyAsTheFilterDecidesIt(@TempDir Path dir) throws Exception {
        byte[] html = page();
        byte[] json = ("{\"src\": \"https://www.googletagmanager.com/gtag/js?id=G-ABCDEF1234\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        String htmlFile = Files.write(dir.resolve("page"), html).toString();
        String jsonFile = Files.write(dir.resolve("data"), json).toString();
        for (String type : new String[] {"unknown/unknown", "*/*", "html", "application/unknown; charset=UTF-8"}) {
            // as the same body sent as text/html with the same parameters (no charset: the page's own, or a guess)
            String asHtml = "text/html" + (type.contains(";") ? type.substring(type.indexOf(';')) : "");
            byte[] expected = run(html, "rewrite", "--dnt", "--content-type", asHtml).out();
            assertFalse(Arrays.equals(html, expected), "the page has trackers to remove");
            Run page = run(html, "rewrite", "--dnt", "--content-type", type);
            assertEquals(0, page.code(), page.err());
            assertArrayEquals(expected, page.out(), type);
            assertEquals("", page.err(), type);
            Run other = run(json, "rewrite", "--dnt", "--content-type", type);
            assertEquals(0, other.code(), other.err());
            assertArrayEquals(json, other.out(), type);
            assertEquals(List.of("consentgate: --content-type '" + type + "' leaves the type to the browser, and "
                    + "this body does not start as HTML (a tag such as <html>, <p> or <script>, or a comment, after "
                    + "white space), so the filter sends it as written and so does rewrite"),
                    other.err().lines().toList());
            Run scan = run(new byte[0], "scan", "--dnt", "--content-type", type, htmlFile, jsonFile);
            assertEquals(0, scan.code(), scan.err());
            assertEquals(run(new byte[0], "scan", "--dnt", htmlFile).text(), scan.text(), type);
            assertEquals(1, scan.err().lines().count(), scan.err());
            assertTrue(scan.err().startsWith("consentgate: " + jsonFile + ": --content-type '" + type + "' leaves")
                    && scan.err().contains("scan lists nothing"), scan.err());
        }
        // a page longer than what is sniffed, and one whose start comes only after white space, are still pages
        byte[] padded = (" ".repeat(600) + new String(html, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(run(padded, "rewrite", "--dnt", "--content-type", "text/html").out(),
                run(padded, "rewrite", "--dnt", "--content-type", "unknown/unknown").out());
        assertArrayEquals(new byte[0], run(new byte[0], "rewrite", "--dnt", "--content-type", "*/*").out());
    }

    /**
     * Where the filter would not read the page (a type that is not HTML, html-rewrite=false), scan lists nothing
     * and says why, rather than listing as removed what the filter would send; report-only still lists.
     */
    @Test
    void scanListsNothingWhereTheFilterWouldNotReadThePage(@TempDir Path dir) throws Exception {
        String f = Files.write(dir.resolve("shop.html"), page()).toString();
        Path noRewrite = Files.writeString(dir.resolve("no-rewrite.yaml"), "html-rewrite: false\n");
        String[][] cases = {
            {"--content-type", "text/htm", "--content-type 'text/htm' is not HTML"},
            {"--policy", noRewrite.toString(), "the policy sets html-rewrite=false"},
        };
        for (String[] c : cases) {
            Run text = run(new byte[0], "scan", "--dnt", c[0], c[1], f);
            assertEquals(0, text.code(), text.err());
            assertEquals("", text.text(), c[1]);
            assertEquals(1, text.err().lines().count(), text.err());
            assertTrue(text.err().startsWith("consentgate: " + c[2]) && text.err().contains("scan lists nothing"),
                    text.err());
            Run json = run(new byte[0], "scan", "--json", "--dnt", c[0], c[1], f);
            assertEquals(0, json.code(), json.err());
            assertEquals(0, new ObjectMapper().readTree(json.text()).size(), json.text());
            String missing = dir.resolve("missing.html").toString();
            Run unreadable = run(new byte[0], "scan", c[0], c[1], missing);
            assertEquals(1, unreadable.code(), unreadable.err());
            assertTrue(unreadable.err().contains("cannot read '" + missing + "': no such file"), unreadable.err());
        }
        Path reportOnly = Files.writeString(dir.resolve("report-only.yaml"), "report-only: true\n");
        Run r = run(new byte[0], "scan", "--dnt", "--policy", reportOnly.toString(), f);
        assertEquals(3, r.text().lines().filter(l -> l.endsWith("\tremoved")).count(), r.text());
        assertEquals("", r.err());
    }

    @Test
    void anEmptyContentTypeIsAUsageError() {
        for (String[] args : new String[][] {{"rewrite", "--content-type", ""}, {"rewrite", "--content-type= "},
            {"scan", "--content-type", "", "page.html"}}) {
            Run r = run(page(), args);
            assertEquals(2, r.code(), r.err());
            assertEquals(List.of("consentgate: --content-type needs a content type, got an empty value"),
                    r.err().lines().toList());
            assertEquals("", r.text());
        }
    }

    @Test
    void badFlagsGiveOneLineAndExitTwo() {
        Run r = run(page(), "rewrite", "--allow", "ads");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--allow"), r.err());
        assertEquals(2, run(page(), "rewrite", "--content-type", "text/html; charset=klingon").code());
        assertEquals(2, run(page(), "rewrite", "--content-type", "text/html; charset=utf-32").code(),
            "a label browsers ignore is refused too");
        assertEquals(2, run(page(), "rewrite", "file.html").code());
        assertEquals(2, run(page(), "scan").code());
        assertEquals(1, run(page(), "scan", "/no/such/file.html").code());
    }

    /**
     * {@code --allow none} is the stored refusal the consent endpoint writes for {@code none}: in opt-out mode it
     * removes what no {@code --allow} (no consent, the default allows) lets through.
     */
    @Test
    void allowNoneIsAConsentToNothing(@TempDir Path dir) throws Exception {
        Run optIn = run(page(), "rewrite", "--allow", "none");
        assertEquals(0, optIn.code(), optIn.err());
        assertArrayEquals(run(page(), "rewrite").out(), optIn.out(), "opt-in: the same as no consent");
        assertArrayEquals(optIn.out(), run(page(), "rewrite", "--allow=NONE").out());

        Path optOut = Files.writeString(dir.resolve("opt-out.yaml"), "mode: opt-out\n");
        assertArrayEquals(page(), run(page(), "rewrite", "--policy", optOut.toString()).out(),
                "opt-out without a consent: the default allows everything");
        Run refused = run(page(), "rewrite", "--allow", "none", "--policy", optOut.toString());
        assertEquals(0, refused.code(), refused.err());
        assertFalse(refused.text().contains("fbevents") || refused.text().contains("G-SHOP1234AB"), refused.text());
        Path f = Files.write(dir.resolve("shop.html"), page());
        Run scan = run(new byte[0], "scan", "--allow", "none", "--policy", optOut.toString(), f.toString());
        assertEquals(3, scan.text().lines().filter(l -> l.endsWith("\tremoved")).count(), scan.text());
    }

    /** An empty {@code --allow} or list item is never read as none (the init-params' rule); none stands alone. */
    @Test
    void allowRefusesAnEmptyValueOrItemAndNoneInAList() {
        String[] bad = {"", " ", ",", "analytics,", ",marketing", "analytics,,marketing", "none,analytics",
            "analytics,none", "none,none"};
        for (String value : bad) {
            for (String[] args : new String[][] {{"rewrite", "--allow", value}, {"rewrite", "--allow=" + value},
                {"scan", "--allow", value, "page.html"}}) {
                Run r = run(page(), args);
                String why = "'" + value + "': " + r.err();
                assertEquals(2, r.code(), why);
                assertEquals(1, r.err().lines().count(), why);
                assertTrue(r.err().startsWith("consentgate: --allow"), why);
                assertEquals("", r.text(), why);
            }
        }
        assertTrue(run(page(), "rewrite", "--allow", "").err().contains("write none"));
    }

    @Test
    void scanListsEveryTrackerWithPositionAndAction(@TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("shop.html"), page());
        Run text = run(new byte[0], "scan", "--gpc", "--allow", "all", f.toString());
        assertEquals(0, text.code(), text.err());
        String[] lines = text.text().split("\n");
        assertEquals(3, lines.length, text.text());
        assertTrue(lines[0].startsWith(f + ":2:1\t<script>\t"), lines[0]);
        assertTrue(lines[0].endsWith("\tanalytics\tallowed"), lines[0]);
        assertTrue(lines[2].startsWith(f + ":8:1\t<script>\t") && lines[2].endsWith("\tmarketing\tremoved"),
                lines[2]);

        Run json = run(new byte[0], "scan", "--json", f.toString());
        JsonNode arr = new ObjectMapper().readTree(json.text());
        assertEquals(3, arr.size());
        assertEquals("removed", arr.get(2).get("action").asText());
        assertEquals(8, arr.get(2).get("line").asInt());
        assertEquals("marketing", arr.get(2).get("categories").get(0).asText());
    }

    /** After a lone --, a file whose name starts like a flag is a file: scan reads it, rewrite takes no operands. */
    @Test
    void aLoneDoubleDashEndsTheFlags(@TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("--json"), page());
        Run scan = run(new byte[0], "scan", "--gpc", "--", f.toString());
        assertEquals(0, scan.code(), scan.err());
        assertTrue(scan.text().startsWith(f + ":2:1\t<script>\t"), scan.text());
        Run named = run(new byte[0], "scan", "--", "--dnt");
        assertEquals(1, named.code());
        assertTrue(named.err().contains("cannot read '--dnt'"), named.err());
        assertEquals(2, run(page(), "rewrite", "--", "x").code());
    }
}
