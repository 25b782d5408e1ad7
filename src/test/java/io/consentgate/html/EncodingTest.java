package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentDecision;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodingTest {

    private static final String PAGE = "<p>\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8 \u8868\u793a \u30bd\u30d5\u30c8</p>"
        + "<script src=\"https://connect.facebook.net/en_US/fbevents.js\"></script><p>\u00e9t\u00e9</p>";
    private static final String CLEAN = "<p>\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8 \u8868\u793a \u30bd\u30d5\u30c8</p>"
        + "<p>\u00e9t\u00e9</p>";
    private static final ConsentDecision NONE = ConsentDecision.refuseAll();

    private static byte[] run(HtmlRewriter rw, byte[] in, ConsentDecision d, Charset cs) {
        return RewriteAssertions.rewrite(rw, in, d, cs, null, new int[] {1, 3, in.length / 2});
    }

    @Test
    void transcodesUtf16LittleEndianWithBomAndRemovesTrackers() {
        byte[] in = ("\ufeff" + PAGE).getBytes(StandardCharsets.UTF_16LE);
        byte[] out = run(RewriteAssertions.REMOVE, in, NONE, null);
        assertArrayEquals(("\ufeff" + CLEAN).getBytes(StandardCharsets.UTF_16LE), out);
    }

    @Test
    void utf16OutputIsByteIdenticalWhenNothingIsRemoved() {
        byte[] in = ("\ufeff" + PAGE).getBytes(StandardCharsets.UTF_16BE);
        byte[] out = RewriteAssertions.rewrite(RewriteAssertions.REMOVE, in, ConsentDecision.allowAll(),
            StandardCharsets.UTF_16BE, e -> { }, new int[] {5, 7});
        assertArrayEquals(in, out);
    }

    @Test
    void utf16LabelWithoutBomMeansLittleEndian() {
        byte[] in = PAGE.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = run(RewriteAssertions.REMOVE, in, NONE, EncodingSniffer.forLabel("utf-16"));
        assertArrayEquals(CLEAN.getBytes(StandardCharsets.UTF_16LE), out);
    }

    @Test
    void shiftJisTrailBytesNeverEndMarkup() {
        Charset sjis = Charset.forName("Shift_JIS");
        // \u8868 and \u30bd have the trail byte 0x5C; \u80fd 0x5C too; none of the trail bytes can be '<' or '>'
        byte[] in = PAGE.replace("\u00e9t\u00e9", "\u80fd\u529b").getBytes(sjis);
        byte[] out = run(RewriteAssertions.REMOVE, in, NONE, sjis);
        assertArrayEquals(CLEAN.replace("\u00e9t\u00e9", "\u80fd\u529b").getBytes(sjis), out);
    }

    /**
     * A consent banner's settings in Shift_JIS, a label ending in \u80fd (0x94 0x5C): read byte by byte, its trail
     * byte is a backslash that escapes the closing quote, the literal never ends and the banner went whole.
     */
    @Test
    void shiftJisStringEndingInA5cTrailByteKeepsTheConsentBanner() {
        Charset sjis = EncodingSniffer.forLabel("shift_jis");
        String loader = "s.src = 'https://www.googletagmanager.com/gtag/js?id=G-7YH3KD2P1Q';";
        String banner = "<meta charset=\"Shift_JIS\"><script>\nCookieConsent.run({\n"
            + "  language: {default: 'ja', translations: {ja: {consentModal: {title: '\u30af\u30c3\u30ad\u30fc', "
            + "description: '\u89e3\u6790\u306b\u5229\u7528\u53ef\u80fd', acceptAllBtn: '\u540c\u610f'}}}},\n"
            + "  onConsent: function () {\n    if (CookieConsent.acceptedCategory('analytics')) {\n"
            + "      var s = document.createElement('script'); " + loader + " document.head.appendChild(s);\n"
            + "    }\n  }\n});\n</script><p>\u4e00\u89a7\u8868</p>";
        byte[] out = run(RewriteAssertions.REMOVE, banner.getBytes(sjis), NONE, null);
        assertEquals(banner.replace(loader, " ".repeat(loader.length())), new String(out, sjis));
    }

    /**
     * A Wicket page in Big5 whose label ends in \u529f (0xA5 0x5C): its DOM-ready listener keeps the page's own
     * statements and loses only the tag manager's snippet, as in UTF-8; GBK's \u8aa0 (0xD5 0x5C) alike.
     */
    @Test
    void big5AndGbkStringsEndingInA5cTrailByteKeepAFrameworkScript() {
        String snippet = "(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),"
            + "event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;"
            + "j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})"
            + "(window,document,'script','dataLayer','GTM-K7QX2P');";
        for (String[] c : new String[][] {{"big5", "\u767b\u5165\u6210\u529f", "\u8a31"}, {"gbk", "\u8aa0", "\u8846"}}) {
            Charset cs = EncodingSniffer.forLabel(c[0]);
            String page = "<script type=\"text/javascript\" >\n/*<![CDATA[*/\n"
                + "Wicket.Event.add(window, \"domready\", function(event) { \nvar label = '" + c[1] + "';\n" + snippet
                + "\nWicket.Ajax.ajax({\"u\":\"./cart?0-1.0-form-submit\",\"m\":\"POST\",\"c\":\"submit1\"});\n"
                + "document.title = label + \"" + c[2] + "\";\n;});\n/*]]>*/\n</script>";
            byte[] out = run(RewriteAssertions.REMOVE, page.getBytes(cs), NONE, cs);
            assertEquals(page.replace(snippet, " ".repeat(snippet.length())), new String(out, cs), c[0]);
        }
    }

    /**
     * CSS in Shift_JIS: a string ending in \u8868 or \u30bd (trail byte 0x5C) read byte by byte runs to the end of
     * the line, and the pixel's {@code url(…)} after it on that line was kept and loaded.
     */
    @Test
    void shiftJisCssStringEndingInA5cTrailByteDoesNotHideATrackerUrl() {
        Charset sjis = EncodingSniffer.forLabel("shift_jis");
        String pixel = "https://www.facebook.com/tr?id=730118842&ev=PageView";
        String page = "<style>.price:before{content:\"\u6599\u91d1\u8868\"}.t{background:url(" + pixel + ")}</style>"
            + "<p style=\"font-family:'\u30bd';background:url(" + pixel + ")\" title=\"\u4e00\u89a7\u8868\">x</p>";
        byte[] out = run(RewriteAssertions.REMOVE, page.getBytes(sjis), NONE, sjis);
        assertEquals("<style>.price:before{content:\"\u6599\u91d1\u8868\"}.t{background:url(about:invalid)}</style>"
            + "<p title=\"\u4e00\u89a7\u8868\">x</p>", new String(out, sjis));
    }

    /**
     * A Magento block in Shift_JIS whose label ends in \u8868: read byte by byte it is no JSON object, and its Google
     * component was kept and started; it goes, the other component stays byte for byte.
     */
    @Test
    void shiftJisMagentoInitStillLosesItsRefusedComponent() {
        Charset sjis = EncodingSniffer.forLabel("shift_jis");
        String cart = "\"Magento_Ui/js/core/app\": {\"components\": {\"minicart\": {\"label\": \"\u4e00\u89a7\u8868\"}}}";
        String google = "\"Magento_GoogleGtag/js/google-analytics\": {\"gtagConfig\": {\"measurementId\": \"G-7YH3KD2P1Q\"}}";
        String block = "<script type=\"text/x-magento-init\">{\"*\": {" + cart + ", " + google + "}}</script>";
        String out = new String(run(RewriteAssertions.REMOVE, block.getBytes(sjis), NONE, sjis), sjis);
        assertTrue(out.startsWith("<script type=\"text/x-magento-init\">{\"*\": {" + cart + "}}</script>"), out);
        assertFalse(out.contains("GoogleGtag"), out);
    }

    @Test
    void metaPrescanFindsIso2022AndFailsClosedByTranscoding() {
        String doc = "<meta charset=\"iso-2022-jp\">" + PAGE;
        Charset jis = Charset.forName("ISO-2022-JP");
        byte[] in = doc.replace("\u00e9t\u00e9", "\u80fd\u529b").getBytes(jis);
        byte[] out = run(RewriteAssertions.REMOVE, in, NONE, null);
        assertEquals(("<meta charset=\"iso-2022-jp\">" + CLEAN).replace("\u00e9t\u00e9", "\u80fd\u529b"),
            new String(out, jis));
    }

    /**
     * A {@code <meta>} declaring ISO-2022-JP past the first 1,024 bytes: a browser reads the page again in it, which
     * the rewriter, past the bytes it decided on, cannot follow. It says so in the log, with what to do.
     */
    @Test
    void aLateIso2022MetaIsReportedInTheLog() throws Exception {
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("org.slf4j.simpleLogger.logFile",
            "target/slf4j-test.log"));
        String warning = "declares ISO-2022-JP in a <meta> past the bytes its encoding was decided on";
        long before = java.nio.file.Files.exists(log) ? java.nio.file.Files.readAllLines(log,
            StandardCharsets.ISO_8859_1).stream().filter(l -> l.contains(warning)).count() : 0;
        String doc = "<!doctype html><title>Shop</title><!--" + " ".repeat(1100) + "--><meta charset=\"iso-2022-jp\">"
            + "<p>ok</p>";
        run(RewriteAssertions.REMOVE, doc.getBytes(StandardCharsets.US_ASCII), NONE, null);
        long after = java.nio.file.Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
            .filter(l -> l.contains(warning)).count();
        assertTrue(after > before, "no warning in " + log);
    }

    @Test
    void failOpenPassesAnUnreadableEncodingThroughUnchanged() {
        HtmlRewriter open = HtmlRewriter.builder(RewriteAssertions.CATALOG).overflow(OverflowAction.FAIL_OPEN).build();
        byte[] in = "+ADw-script src=+ACI-https://connect.facebook.net/x.js+ACI-+AD4-".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(in, run(open, in, NONE, EncodingSniffer.UTF_7));
    }

    @Test
    void failClosedSuppressesAnEncodingTheJdkCannotTranscode() {
        byte[] in = "+ADw-script src=+ACI-https://connect.facebook.net/x.js+ACI-+AD4-".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(new byte[0], run(RewriteAssertions.REMOVE, in, NONE, EncodingSniffer.forLabel("UTF-7")));
    }

    @Test
    void sniffsBomBeforeDeclaredCharsetAndMetaBeforeDefault() {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE, '<', 0};
        assertEquals(StandardCharsets.UTF_16LE, EncodingSniffer.sniff(bom, 0, 4, StandardCharsets.UTF_8));
        byte[] meta = "<!-- <meta charset=koi8-r> --><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
            .getBytes(StandardCharsets.US_ASCII);
        assertEquals(Charset.forName("windows-1251"), EncodingSniffer.sniff(meta, 0, meta.length, null));
        byte[] noPragma = "<meta content=\"text/html; charset=windows-1251\">".getBytes(StandardCharsets.US_ASCII);
        assertEquals(StandardCharsets.UTF_8, EncodingSniffer.sniff(noPragma, 0, noPragma.length, null));
        byte[] utf16Meta = "<meta charset=utf-16>".getBytes(StandardCharsets.US_ASCII);
        assertEquals(StandardCharsets.UTF_8, EncodingSniffer.prescan(utf16Meta, 0, utf16Meta.length));
    }

    @Test
    void classifiesEncodings() {
        assertTrue(EncodingSniffer.isAsciiCompatible(Charset.forName("windows-1252")));
        assertTrue(EncodingSniffer.isAsciiCompatible(Charset.forName("EUC-JP")));
        assertTrue(EncodingSniffer.isAsciiCompatible(Charset.forName("Shift_JIS")));
        assertFalse(EncodingSniffer.isAsciiCompatible(StandardCharsets.UTF_16LE));
        assertFalse(EncodingSniffer.isAsciiCompatible(Charset.forName("ISO-2022-JP")));
        assertFalse(EncodingSniffer.isAsciiCompatible(Charset.forName("IBM037")));
        assertFalse(EncodingSniffer.isAsciiCompatible(EncodingSniffer.UTF_7));
    }
}
