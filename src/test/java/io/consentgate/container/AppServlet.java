package io.consentgate.container;

import io.consentgate.ConsentGate;
import io.consentgate.ConsentDecision;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application behind the filter: answers {@code allowed=[...]} from {@link ConsentGate#decision}, and for
 * {@code /own-headers} sets its own {@code Tk}, {@code Vary} and {@code Permissions-Policy} first.
 */
public final class AppServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String FACES_PIXEL = "<img height=\"1\" width=\"1\" alt=\"\""
        + " src=\"https://www.facebook.com/tr?id=733104928811456&amp;ev=Lead\"/>";
    static final String FACES_PARTIAL = "<?xml version='1.0' encoding='UTF-8'?>\n<partial-response id=\"j_id1\">"
        + "<changes><update id=\"form:done\"><![CDATA[<div id=\"form:done\"><h2>Thank you</h2>" + FACES_PIXEL
        + "</div>]]></update><update id=\"j_id1:jakarta.faces.ViewState:0\"><![CDATA[-41123995:71029384]]></update>"
        + "</changes></partial-response>";
    static final String WICKET_LOADER = "<script type=\"text/javascript\" "
        + "src=\"https://connect.facebook.net/en_US/fbevents.js\"></script>";
    static final String WICKET_AJAX = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ajax-response>"
        + "<header-contribution><![CDATA[<head xmlns:wicket=\"http://wicket.apache.org\">" + WICKET_LOADER
        + "</head>]]></header-contribution><component id=\"done5\" ><![CDATA[<div id=\"done5\"><h2>Thank you</h2>"
        + FACES_PIXEL + "</div>]]></component></ajax-response>";

    static final String TURBO_STREAM = "<turbo-stream action=\"replace\" target=\"cart\"><template>"
        + "<div id=\"cart\"><p>2 items</p>" + FACES_PIXEL + "</div></template></turbo-stream>\n"
        + "<turbo-stream action=\"append\" target=\"flash\"><template><p>Added</p></template></turbo-stream>";

    static final String XHTML_PIXEL = "<script src=\"https://connect.facebook.net/en_US/fbevents.js\"/>";
    static final String XHTML_PAGE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
        + "<head><title>Shop</title>" + XHTML_PIXEL + "<script src=\"/js/app.js\"></script></head>"
        + "<body><p>Tea</p></body></html>";

    static final String JA_LOADER = "s.src = 'https://www.googletagmanager.com/gtag/js?id=G-7YH3KD2P1Q';";
    /**
     * A Japanese shop's consent banner: its labels end in \u80fd and \u8868, whose Shift_JIS trail byte is 0x5C, and
     * its callback loads Google's tag once the visitor accepts.
     */
    static final String JA_BANNER = "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"Shift_JIS\">"
        + "<title>\u5546\u54c1\u4e00\u89a7\u8868</title>\n<script>\nCookieConsent.run({\n"
        + "  language: {default: 'ja', translations: {ja: {consentModal: {"
        + "description: '\u30af\u30c3\u30ad\u30fc\u3092\u5229\u7528\u53ef\u80fd', "
        + "acceptAllBtn: '\u540c\u610f', showPreferencesBtn: '\u8a2d\u5b9a\u3092\u8868'}}}},\n"
        + "  onConsent: function () {\n    if (CookieConsent.acceptedCategory('analytics')) {\n"
        + "      var s = document.createElement('script'); " + JA_LOADER + " document.head.appendChild(s);\n"
        + "    }\n  }\n});\n</script></head><body><p>\u30bd\u30d5\u30c8</p></body></html>";

    /** How many times the application ran; tests assert the filter answered some paths itself. */
    static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        CALLS.incrementAndGet();
        if (req.getRequestURI().endsWith("/own-headers")) {
            resp.setHeader("Tk", "!");
            resp.setHeader("Permissions-Policy", "geolocation=()");
            resp.setHeader("Vary", "Accept-Encoding");
        }
        if (req.getRequestURI().contains("/throws")) {
            resp.setStatus(200);
            throw new IllegalStateException("the application failed");
        }
        if (req.getRequestURI().endsWith("/boom")) {
            resp.sendError(404);
            return;
        }
        if (req.getRequestURI().endsWith("/faces/partial")) {
            // what a Faces ajax request gets back: the re-rendered panel carries a conversion pixel
            resp.setContentType("text/xml;charset=UTF-8");
            resp.getWriter().print(FACES_PARTIAL);
            return;
        }
        if (req.getRequestURI().endsWith("/wicket/ajax")) {
            // what a Wicket ajax request gets back: a header contribution with a tag, a panel with a pixel
            resp.setContentType("text/xml; charset=UTF-8");
            resp.getWriter().print(WICKET_AJAX);
            return;
        }
        if (req.getRequestURI().endsWith("/page.xhtml")) {
            // a JSF-era page served as XHTML, its pixel's script self-closed as XML allows
            resp.setContentType("application/xhtml+xml; charset=UTF-8");
            resp.getWriter().print(XHTML_PAGE);
            return;
        }
        if (req.getRequestURI().endsWith("/cart/items")) {
            // what Hotwire Turbo gets back for a form submission: streams of HTML it puts into the page
            resp.setContentType("text/vnd.turbo-stream.html; charset=utf-8");
            resp.getWriter().print(TURBO_STREAM);
            return;
        }
        if (req.getRequestURI().endsWith("/ja/banner")) {
            // the charset in the header, the page written as text
            resp.setContentType("text/html; charset=Shift_JIS");
            resp.getWriter().print(JA_BANNER);
            return;
        }
        if (req.getRequestURI().endsWith("/ja/banner-bytes")) {
            // no charset in the header: the page's <meta> declares it, as a static Shift_JIS file is served
            resp.setContentType("text/html");
            resp.getOutputStream().write(JA_BANNER.getBytes(java.nio.charset.Charset.forName("Shift_JIS")));
            return;
        }
        ConsentDecision d = ConsentGate.decision(req);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().print("allowed=" + d.allowed() + " basis=" + d + "\n");
    }
}
