package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A Jakarta Faces partial response: the HTML of its update and insert sections is rewritten, section by section, and
 * everything else passes byte for byte, however the body arrives split.
 */
class FacesPartialResponseTest {

    private static final HtmlRewriter REWRITER = HtmlRewriter.builder(TrackerCatalog.bundled()).stubPageGlobals(false).build();
    private static final String PIXEL = "<img height=\"1\" width=\"1\" style=\"display:none\""
        + " src=\"https://www.facebook.com/tr?id=733104928811456&amp;ev=Lead&amp;noscript=1\"/>";
    private static final String LOADER = "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':"
        + "new Date().getTime(),event:'gtm.js'});var j=d.createElement(s);j.async=true;"
        + "j.src='https://www.googletagmanager.com/gtm.js?id='+i;d.head.appendChild(j);})"
        + "(window,document,'script','dataLayer','GTM-NW4B7KQ');</script>";
    private static final String PANEL = "<div id=\"mainForm:done\"><h2>Thank you, the transfer is on its way.</h2>%s"
        + "<p>Reference <b>TR-2026-00417</b> (a[i]]>0 stays text)</p></div>";

    static String response(String panel, String eval) {
        return "<?xml version='1.0' encoding='UTF-8'?>\n<partial-response id=\"j_id1\"><changes>"
            + "<update id=\"mainForm:done\"><![CDATA[" + panel + "]]></update>"
            + "<insert><before id=\"mainForm:list\"><![CDATA[<li class=\"row\">Checking 4411</li>" + PIXEL
            + "]]></before></insert>"
            + "<update id=\"j_id1:jakarta.faces.ViewState:0\"><![CDATA[-4112399517836472291:7102938475610293847]]></update>"
            + "<eval><![CDATA[" + eval + "]]></eval>"
            + "<extension ln=\"primefaces\" type=\"args\">{\"validationFailed\":false}</extension>"
            + "</changes></partial-response>";
    }

    private static String rewrite(String body, ConsentDecision d, int[] splits) {
        return RewriteAssertions.rewritePartial(REWRITER, PartialResponseFormat.FACES, body, d, splits);
    }

    @Test
    void theHtmlOfUpdateAndInsertSectionsIsRewrittenAndTheRestPassesByteForByte() {
        // the JSF escape of "]]>" in content, the first element of a section and a script that starts a tag
        String panel = String.format(PANEL, PIXEL + LOADER).replace("]]>0", "]]]]><![CDATA[>0");
        String eval = "PrimeFaces.ab({s:'mainForm:go'}); if (a < b && c > d) { fbq('track', 'Lead'); }";
        String in = response(panel, eval);
        String expected = response(String.format(PANEL, "").replace("]]>0", "]]]]><![CDATA[>0"), eval)
            .replace(PIXEL, "");
        assertEquals(expected, rewrite(in, ConsentDecision.refuseAll(), new int[0]));
        assertEquals(in, rewrite(in, ConsentDecision.allowAll(), new int[0]));
    }

    /**
     * A script longer than the cap in an update is removed as before (fail-closed), not streamed and made a syntax
     * error as on a page ({@link StreamedScript}): the frameworks' script runners evaluate it, and an error there can
     * stop the rest of the update.
     */
    @Test
    void aScriptLongerThanTheCapInAnUpdateIsRemovedNotStreamed() {
        String state = "<script>window.panelState = '" + "x".repeat(300 * 1024) + "';</script>";
        String in = response(String.format(PANEL, state), "PF('dlg').hide();");
        assertEquals(response(String.format(PANEL, ""), "PF('dlg').hide();").replace(PIXEL, ""),
            rewrite(in, ConsentDecision.refuseAll(), new int[0]));
        // on a page the same script streams and stays
        assertEquals(state, RewriteAssertions.rewrite(REWRITER, state, ConsentDecision.refuseAll()));
    }

    @Test
    void theOutputIsTheSameWhereverTheBodyIsSplit() {
        String in = response(String.format(PANEL, PIXEL + LOADER).replace("]]>0", "]]]]><![CDATA[>0"),
            "if (x[y[0]]]]><![CDATA[>1) {} PF('dlg').hide(); gtag('event','conversion',{'send_to':'AW-987654321/AbCd'});");
        RewriteAssertions.assertSameWhereverSplit(in.getBytes(StandardCharsets.UTF_8).length,
            splits -> rewrite(in, ConsentDecision.refuseAll(), splits));
    }

    @Test
    void anElementSplitWhereFacesEscapedAClosingSequenceIsReadWhole() {
        // "]]>" in content is written as "]]]]><![CDATA[>": the page joins the pieces, and so does the rewriter
        String split = "<partial-response><changes><update id=\"f:p\"><![CDATA[<div id=\"f:p\"><script>"
            + "if(r[ix[0]]]]><![CDATA[>0){}var s=document.createElement('script');"
            + "s.src='https://connect.facebook.net/en_US/fbevents.js';document.head.appendChild(s);</script>"
            + "<img alt=\"[x]]]]><![CDATA[>\" src=\"https://www.facebook.com/tr?id=123&amp;ev=Purchase\"></div>]]>"
            + "</update></changes></partial-response>";
        assertEquals("<partial-response><changes><update id=\"f:p\"><![CDATA[<div id=\"f:p\"></div>]]></update>"
            + "</changes></partial-response>", rewrite(split, ConsentDecision.refuseAll(), new int[0]));
    }

    @Test
    void aClosingSequenceThatARemovalBringsTogetherIsSplitSoTheXmlStaysWellFormed() throws Exception {
        String in = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><changes><update id=\"o\"><![CDATA["
            + "<pre>matrix[i[j]]<script src=\"https://connect.facebook.net/en_US/fbevents.js\"></script>> 0</pre>]]>"
            + "</update><update id=\"j_id1:jakarta.faces.ViewState:0\"><![CDATA[-1:2]]></update></changes></partial-response>";
        String out = rewrite(in, ConsentDecision.refuseAll(), new int[0]);
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new java.io.ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
        org.w3c.dom.NodeList updates = doc.getElementsByTagName("update");
        assertEquals("<pre>matrix[i[j]]> 0</pre>", updates.item(0).getTextContent());
        assertEquals("-1:2", updates.item(1).getTextContent());
    }

    @Test
    void anEvalScriptLosesTheStatementsThatStartOrCallARefusedTag() {
        // PrimeFaces joins the request's executeScript calls: the dialog still closes, the conversion is not sent
        String eval = "PF('transferDlg').hide();gtag('event','conversion',{'send_to':'AW-987654321/AbCd'});"
            + "var s=document.createElement('script');s.src='https://connect.facebook.net/en_US/fbevents.js';"
            + "document.head.appendChild(s);fbq('track','Lead');updateTotals();";
        String in = "<partial-response><changes><eval><![CDATA[" + eval + "]]></eval></changes></partial-response>";
        String kept = "PF('transferDlg').hide();"
            + " ".repeat("gtag('event','conversion',{'send_to':'AW-987654321/AbCd'});".length())
            + "var s=document.createElement('script');"
            + " ".repeat("s.src='https://connect.facebook.net/en_US/fbevents.js';".length())
            + "document.head.appendChild(s);fbq('track','Lead');updateTotals();";
        assertEquals("<partial-response><changes><eval><![CDATA[" + kept + "]]></eval></changes></partial-response>",
            rewrite(in, ConsentDecision.refuseAll(), new int[0]));
        // an eval naming nothing refused passes byte for byte; one the lexer cannot read goes empty
        String plain = "<partial-response><changes><eval><![CDATA[PF('dlg').hide();if(a[b[0]]]]><![CDATA[>1){x();}]]>"
            + "</eval></changes></partial-response>";
        assertEquals(plain, rewrite(plain, ConsentDecision.refuseAll(), new int[0]));
        String unreadable = "<partial-response><changes><eval><![CDATA[f(;fbq('init','1');]]></eval></changes>"
            + "</partial-response>";
        assertEquals("<partial-response><changes><eval><![CDATA[]]></eval></changes></partial-response>",
            rewrite(unreadable, ConsentDecision.refuseAll(), new int[0]));
    }

    @Test
    void unfinishedMarkupAtTheEndIsPassedOnAsItIs() {
        String cut = "<partial-response><changes><update id=\"a\"><![CDATA[<p>Saved</p>]]";
        assertEquals(cut, rewrite(cut, ConsentDecision.refuseAll(), new int[0]));
        String open = "<partial-response><changes><update id=\"a\"";
        assertEquals(open, rewrite(open, ConsentDecision.refuseAll(), new int[0]));
        // a quoted '>' does not end a tag, and an element of another name is no update
        String quoted = "<partial-response><changes><update id=\"x>y\"><![CDATA[" + PIXEL + "]]></update>"
            + "<updates><![CDATA[" + PIXEL + "]]></updates></changes></partial-response>";
        assertEquals(quoted.replaceFirst(java.util.regex.Pattern.quote(PIXEL), ""),
            rewrite(quoted, ConsentDecision.refuseAll(), new int[0]));
    }
}
