package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentDecision;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Encoding labels resolve as in a browser, and a page is read in the encoding the browser will use. */
class EncodingLabelsTest {

    private static final String PAGE = "<p>caf\u00e9</p><script src=\"https://connect.facebook.net/en_US/fbevents.js\">"
        + "</script><p>fin</p>";
    private static final String CLEAN = "<p>caf\u00e9</p><p>fin</p>";
    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    /** The encodings in the table that cannot be read as bytes. */
    private static final Set<String> NOT_ASCII = Set.of("UTF-16BE", "UTF-16LE", "ISO-2022-JP",
        EncodingLabels.UTF_7.name(), EncodingLabels.REPLACEMENT.name());

    private static byte[] run(HtmlRewriter rw, byte[] in, Charset declared) {
        return RewriteAssertions.rewrite(rw, in, NONE, declared, null, new int[] {1, 2, in.length / 2});
    }

    @Test
    void everyLabelNamesAnEncodingTheRewriterCanClassify() {
        assertTrue(EncodingLabels.labels().size() > 200, "the table has the standard's labels");
        for (String label : EncodingLabels.labels()) {
            Charset cs = EncodingLabels.forLabel(label);
            assertNotNull(cs, label);
            assertEquals(!NOT_ASCII.contains(cs.name()), EncodingSniffer.isAsciiCompatible(cs), label + " -> " + cs);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "unicodefffe, UTF-16BE",
        "utf-16, UTF-16LE",
        "iso-8859-8-i, ISO-8859-8",
        "latin1, windows-1252",
        "ascii, windows-1252",
        "ISO-8859-1, windows-1252",
        "shift_jis, windows-31j",
        "euc-kr, x-windows-949",
        "big5, Big5-HKSCS",
        "x-mac-ukrainian, x-MacCyrillic",
        "tis-620, x-windows-874",
        "latin6, ISO-8859-1",
    })
    void browsersLabelsWinOverTheJdksAliases(String label, String expected) {
        assertEquals(Charset.forName(expected), EncodingLabels.forLabel(label));
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf-32", "UTF-32LE", "ibm037", "cesu-8", "x-utf-16le-bom", "klingon", "", "utf 8"})
    void labelsOnlyTheJdkKnowsAreUnknownAsInABrowser(String label) {
        assertNull(EncodingLabels.forLabel(label));
    }

    @Test
    void caseAndSurroundingAsciiWhitespaceAreIgnored() {
        assertSame(StandardCharsets.UTF_8, EncodingLabels.forLabel(" \tUtF-8\n\f"));
        assertSame(EncodingLabels.REPLACEMENT, EncodingLabels.forLabel("ISO-2022-KR "));
        assertSame(EncodingLabels.UTF_7, EncodingLabels.forLabel("UTF-7"));
        assertNull(EncodingLabels.forLabel("\u00a0utf-8"), "only ASCII whitespace is trimmed");
        assertNull(EncodingLabels.forLabel(null));
    }

    @Test
    void theFirstCharsetParameterOfAMimeTypeCounts() {
        assertEquals("UTF-8", EncodingLabels.charsetParameter("text/html; Charset=\"UTF-8\"; charset=latin1"));
        assertEquals("utf-8", EncodingLabels.charsetParameter("text/html;charset= utf-8 "));
        assertEquals("koi8-r", EncodingLabels.charsetParameter("text/html; q=1 ; charset =koi8-r"));
        assertNull(EncodingLabels.charsetParameter("text/html"));
        assertNull(EncodingLabels.charsetParameter("text/html; xcharset=utf-8"));
        assertNull(EncodingLabels.charsetParameter("text/html; charset"));
        assertNull(EncodingLabels.charsetParameter(null));
    }

    @Test
    void aUtf16BigEndianPageLabelledUnicodefffeIsTranscodedAndCleaned() {
        // The JDK does not know this label: read as bytes, the page would pass with its tracker.
        byte[] in = PAGE.getBytes(StandardCharsets.UTF_16BE);
        assertArrayEquals(CLEAN.getBytes(StandardCharsets.UTF_16BE),
            run(RewriteAssertions.REMOVE, in, EncodingLabels.forLabel("unicodefffe")));
    }

    @Test
    void aMetaLabelOnlyTheJdkKnowsIsIgnoredAndThePageKeepsItsBytes() {
        // A browser ignores <meta charset=utf-32> and reads this page as UTF-8; so must the rewriter, or it would
        // decode the bytes as UTF-32 and destroy the page.
        String meta = "<meta charset=\"utf-32\">";
        byte[] in = (meta + PAGE).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals((meta + CLEAN).getBytes(StandardCharsets.UTF_8), run(RewriteAssertions.REMOVE, in, null));
    }

    @Test
    void aReplacementEncodingPassesUnchangedBecauseBrowsersRenderNoneOfIt() {
        byte[] in = PAGE.getBytes(StandardCharsets.UTF_8);
        Charset kr = EncodingLabels.forLabel("iso-2022-kr");
        assertFalse(EncodingSniffer.isAsciiCompatible(kr));
        assertArrayEquals(in, run(RewriteAssertions.REMOVE, in, kr));
        byte[] meta = ("<meta charset=hz-gb-2312>" + PAGE).getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(meta, run(RewriteAssertions.REMOVE, meta, null));
    }
}
