package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An Apache Wicket ajax response: the HTML of its component and header contribution sections is rewritten, its
 * evaluations lose the scripts that start or call a refused tag, and everything else passes byte for byte, however
 * the body arrives split.
 */
class WicketAjaxResponseTest {

    private static final HtmlRewriter REWRITER = HtmlRewriter.builder(TrackerCatalog.bundled()).stubPageGlobals(false).build();
    private static final String ADS_LOADER =
        "<script type=\"text/javascript\" src=\"https://www.googletagmanager.com/gtag/js?id=AW-987654321\"></script>\n";
    /** Wicket writes a contributed inline script in a commented CDATA block, and escapes its ]]> for the XML. */
    private static final String CHECKOUT_SCRIPT = "<script type=\"text/javascript\" id=\"checkout-init\">\n"
        + "/*<![CDATA[*/\nShop.Checkout.init('#checkout7', {step: 3});\n/*]]]]><![CDATA[>*/\n</script>\n";
    private static final String STYLESHEET = "<link rel=\"stylesheet\" type=\"text/css\" "
        + "href=\"./wicket/resource/com.example.shop.CheckoutPanel/checkout-ver-1764460800000.css\" />\n";
    private static final String PIXEL = "<img height=\"1\" width=\"1\" style=\"display:none\" alt=\"\" "
        + "src=\"https://www.facebook.com/tr?id=733104928811456&amp;ev=Purchase&amp;cd[value]=84.50&amp;noscript=1\"/>";
    private static final String PANEL = "<div id=\"checkout7\" class=\"panel\"><h3>Order placed</h3>%s"
        + "<p>Order <b>A-1042</b> will ship on Tuesday.</p></div>";
    private static final String CONVERSION = "(function(){gtag('event', 'conversion', {'send_to': "
        + "'AW-987654321/AbC-D_efG-h12_34', 'value': 84.5, 'currency': 'EUR'});})();";
    private static final String TOAST = "(function(){Shop.Toast.show('Order placed');})();";
    private static final String BIND = "(function(){Wicket.Ajax.ajax({\"u\":\"./checkout?1-1.0-panel-next\","
        + "\"c\":\"next8\",\"e\":\"click\"});})();";

    static String response(String headContent, String panel, String evaluate) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ajax-response><header-contribution><![CDATA["
            + "<head xmlns:wicket=\"http://wicket.apache.org\">" + headContent + "</head>]]></header-contribution>"
            + "<component id=\"checkout7\" ><![CDATA[" + panel + "]]></component>"
            + "<evaluate><![CDATA[" + evaluate + "]]></evaluate></ajax-response>";
    }

    private static String rewrite(String body, ConsentDecision d, int[] splits) {
        return RewriteAssertions.rewritePartial(REWRITER, PartialResponseFormat.WICKET, body, d, splits);
    }

    @Test
    void componentsAndHeaderContributionsLoseTheirTagsAndEvaluationsTheirConversion() {
        String in = response(ADS_LOADER + CHECKOUT_SCRIPT + STYLESHEET, String.format(PANEL, PIXEL),
            BIND + CONVERSION + TOAST);
        // the removed element goes, the line break after it stays
        String expected = response("\n" + CHECKOUT_SCRIPT + STYLESHEET, String.format(PANEL, ""),
            BIND + " ".repeat(CONVERSION.length()) + TOAST);
        assertEquals(expected, rewrite(in, ConsentDecision.refuseAll(), new int[0]));
        assertEquals(in, rewrite(in, ConsentDecision.allowAll(), new int[0]));
        // Google Ads is marketing: a visitor who allowed analytics only still loses it, the pixel too
        ConsentDecision analytics = ConsentDecision.of(java.util.Set.of(io.consentgate.Category.ANALYTICS),
            java.util.Map.of(), io.consentgate.ConsentMode.OPT_IN);
        assertEquals(expected, rewrite(in, analytics, new int[0]));
    }

    @Test
    void inNeutralizeModeTheTagsAreRemovedAsWellForTheFrameworkWouldRunAnInertScript() {
        // older Wicket and Mojarra evaluate an inserted script's text whatever its type
        HtmlRewriter neutralizing = HtmlRewriter.builder(TrackerCatalog.bundled()).stubPageGlobals(false).mode(RewriteMode.NEUTRALIZE).build();
        String inline = "<script type=\"text/javascript\">!function(f,b,e,v,n,t,s){n=f.fbq=function(){};"
            + "t=b.createElement(e);t.async=!0;t.src=v;b.head.appendChild(t)}(window,document,'script',"
            + "'https://connect.facebook.net/en_US/fbevents.js');fbq('init','733104928811456');</script>";
        String wicket = response(inline + "\n" + CHECKOUT_SCRIPT, String.format(PANEL, PIXEL), TOAST);
        String faces = "<partial-response><changes><update id=\"f:p\"><![CDATA[" + String.format(PANEL, inline + PIXEL)
            + "]]></update></changes></partial-response>";
        assertEquals(response("\n" + CHECKOUT_SCRIPT, String.format(PANEL, ""), TOAST),
            RewriteAssertions.rewritePartial(neutralizing, PartialResponseFormat.WICKET, wicket,
                ConsentDecision.refuseAll(), new int[0]));
        assertEquals("<partial-response><changes><update id=\"f:p\"><![CDATA[" + String.format(PANEL, "")
            + "]]></update></changes></partial-response>", RewriteAssertions.rewritePartial(neutralizing, PartialResponseFormat.FACES, faces,
                ConsentDecision.refuseAll(), new int[0]));
        // a page is still neutralized
        String page = new String(neutralizing.rewrite(inline.getBytes(StandardCharsets.UTF_8),
            ConsentDecision.refuseAll()), StandardCharsets.UTF_8);
        assertTrue(page.contains("type=\"text/plain\""), page);
    }

    @Test
    void theOutputIsTheSameWhereverTheBodyIsSplit() {
        String in = response(ADS_LOADER + CHECKOUT_SCRIPT, String.format(PANEL, PIXEL), BIND + CONVERSION + TOAST);
        String whole = rewrite(in, ConsentDecision.refuseAll(), new int[0]);
        assertFalse(whole.contains("facebook.com") || whole.contains("AW-"), whole);
        RewriteAssertions.assertSameWhereverSplit(in.getBytes(StandardCharsets.UTF_8).length,
            splits -> rewrite(in, ConsentDecision.refuseAll(), splits));
    }

    @Test
    void aPriorityEvaluationThatLoadsATagLosesItAndOtherElementsPassAsTheyAre() {
        String loader = "(function(){var s=document.createElement('script');s.async=true;"
            + "s.src='https://connect.facebook.net/en_US/fbevents.js';document.head.appendChild(s);})();";
        String in = "<ajax-response><priority-evaluate><![CDATA[" + loader + TOAST + "]]></priority-evaluate>"
            + "<redirect><![CDATA[./thanks?2]]></redirect>"
            + "<components><![CDATA[" + PIXEL + "]]></components></ajax-response>";
        String expected = "<ajax-response><priority-evaluate><![CDATA[" + " ".repeat(loader.length()) + TOAST
            + "]]></priority-evaluate><redirect><![CDATA[./thanks?2]]></redirect>"
            + "<components><![CDATA[" + PIXEL + "]]></components></ajax-response>";
        assertEquals(expected, rewrite(in, ConsentDecision.refuseAll(), new int[0]));
    }

    @Test
    void facesElementNamesMeanNothingInAWicketResponseAndTheOtherWayRound() {
        String faces = "<partial-response><changes><update id=\"a\"><![CDATA[" + PIXEL + "]]></update>"
            + "<eval><![CDATA[" + CONVERSION + "]]></eval></changes></partial-response>";
        assertEquals(faces, rewrite(faces, ConsentDecision.refuseAll(), new int[0]));
        String wicket = response(ADS_LOADER, String.format(PANEL, PIXEL), CONVERSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RewriteStream s = REWRITER.openFacesPartialResponse(ConsentDecision.refuseAll(), StandardCharsets.UTF_8,
                out, null)) {
            s.write(wicket.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(wicket, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void wicket9AndLaterEvaluationsAreAScriptInAHeadAndLoseOnlyTheConversion() {
        // since Wicket 9 an answer's scripts come as one <script> (a CSP nonce can go on it) in a <head>
        String head = "<head xmlns:wicket=\"http://wicket.apache.org\"><script type=\"text/javascript\">\n"
            + "/*<![CDATA[*/\n%s\n/*]]]]><![CDATA[>*/\n</script>\n</head>";
        String in = "<ajax-response><evaluate><![CDATA[" + String.format(head, BIND + CONVERSION + TOAST)
            + "]]></evaluate></ajax-response>";
        String out = "<ajax-response><evaluate><![CDATA[" + String.format(head, BIND + " ".repeat(CONVERSION.length())
            + TOAST) + "]]></evaluate></ajax-response>";
        assertEquals(out, rewrite(in, ConsentDecision.refuseAll(), new int[0]));
        assertEquals(in, rewrite(in, ConsentDecision.allowAll(), new int[0]));
        RewriteAssertions.assertSameWhereverSplit(in.getBytes(StandardCharsets.UTF_8).length,
            splits -> rewrite(in, ConsentDecision.refuseAll(), splits));
        // an evaluation that is nothing but the conversion goes, its head stays
        String alone = "<ajax-response><evaluate><![CDATA[" + String.format(head, CONVERSION)
            + "]]></evaluate></ajax-response>";
        assertEquals("<ajax-response><evaluate><![CDATA[<head xmlns:wicket=\"http://wicket.apache.org\">\n</head>]]>"
            + "</evaluate></ajax-response>", rewrite(alone, ConsentDecision.refuseAll(), new int[0]));
    }
}
