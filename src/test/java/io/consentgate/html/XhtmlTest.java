package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A body served as {@code application/xhtml+xml} is read by an XML parser: a self-closed element is empty. Removing a
 * self-closed tracker script must remove that tag alone, not everything up to the next {@code </script>} (the site's
 * own script) or, with none after it, the rest of the document.
 */
class XhtmlTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Shop</title>";

    private static String xhtml(HtmlRewriter rw, String page, int[] cuts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = page.getBytes(StandardCharsets.UTF_8);
        try (RewriteStream s = rw.openXhtml(NONE, StandardCharsets.UTF_8, out, null)) {
            int prev = 0;
            for (int c : cuts) {
                s.write(in, prev, c - prev);
                prev = c;
            }
            s.write(in, prev, in.length - prev);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSelfClosedTrackerScriptIsRemovedAloneAndTheSitesOwnScriptStays() {
        String page = HEAD + "<script src=\"https://connect.facebook.net/en_US/fbevents.js\"/>"
            + "<script src=\"/js/app.js\"></script></head><body><p>Tea</p></body></html>";
        assertEquals(HEAD + "<script src=\"/js/app.js\"></script></head><body><p>Tea</p></body></html>",
            xhtml(RewriteAssertions.REMOVE, page, new int[0]));
        // with no script after it, the rest of the document stays too
        String last = HEAD + "</head><body><p>Tea</p><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-N7WQ4KD\""
            + " height=\"0\" width=\"0\"/><p>Milk</p></body></html>";
        assertEquals(HEAD + "</head><body><p>Tea</p><p>Milk</p></body></html>",
            xhtml(RewriteAssertions.REMOVE, last, new int[0]));
        byte[] in = page.getBytes(StandardCharsets.UTF_8);
        RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> xhtml(RewriteAssertions.REMOVE, page, cuts));
    }

    @Test
    void aSelfClosedInlineScriptIsEmptyAndAnElementWithContentIsRemovedToItsEndTag() {
        String page = HEAD + "<script type=\"text/javascript\"/><title/></head><body>"
            + "<script>fbq('init', '731904452218843');</script><p>Tea</p></body></html>";
        assertEquals(HEAD + "<script type=\"text/javascript\"/><title/></head><body><p>Tea</p></body></html>",
            xhtml(RewriteAssertions.REMOVE, page, new int[0]));
    }

    @Test
    void servedAsHtmlTheSameSlashIsIgnoredAsBrowsersIgnoreIt() {
        // text/html: <script …/> opens script data up to </script>, which the removal takes with it
        String page = "<head><script src=\"https://connect.facebook.net/en_US/fbevents.js\"/><script src=\"/js/app.js\">"
            + "</script></head><body><p>Tea</p></body>";
        assertEquals("<head></head><body><p>Tea</p></body>", RewriteAssertions.rewrite(RewriteAssertions.REMOVE, page,
            NONE));
    }
}
