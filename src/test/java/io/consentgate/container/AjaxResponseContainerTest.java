package io.consentgate.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ajax answers a page puts into itself, on Jetty 12 and Tomcat 11 with the filter registered as web.xml would: the XML
 * a Jakarta Faces or Apache Wicket ajax request gets back has its panel rewritten (the framework's script inserts it),
 * XML that answers anything else passes as it is, and a Turbo Stream is HTML.
 */
class AjaxResponseContainerTest {

    private static String body(String response) {
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        String rest = response.substring(response.indexOf("\r\n\r\n") + 4);
        if (!head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            return rest;
        }
        StringBuilder b = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = rest.indexOf("\r\n", at);
            int size = Integer.parseInt(rest.substring(at, eol).trim(), 16);
            if (size == 0) {
                return b.toString();
            }
            b.append(rest, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void theUpdatedPanelOfAFacesAjaxResponseLosesItsPixel(String kind) throws Exception {
        try (Container c = Container.start(kind, Map.of())) {
            String ajax = c.exchange("""
                    POST /app/faces/partial HTTP/1.1
                    Host: localhost
                    Faces-Request: partial/ajax
                    Content-Type: application/x-www-form-urlencoded
                    Content-Length: 0
                    """);
            assertTrue(ajax.startsWith("HTTP/1.1 200"), ajax);
            String body = body(ajax);
            assertEquals(AppServlet.FACES_PARTIAL.replace(AppServlet.FACES_PIXEL, ""), body, kind);
            // without the ajax request header it is some other XML: not read
            String plain = c.exchange("""
                    POST /app/faces/partial HTTP/1.1
                    Host: localhost
                    Content-Length: 0
                    """);
            assertEquals(AppServlet.FACES_PARTIAL, body(plain), kind);
            assertFalse(body.contains("facebook.com"), body);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void theComponentAndHeaderContributionOfAWicketAjaxResponseLoseTheirTags(String kind) throws Exception {
        try (Container c = Container.start(kind, Map.of())) {
            String ajax = c.exchange("""
                    GET /app/wicket/ajax?0-1.0-form-submit&_=1764460800000 HTTP/1.1
                    Host: localhost
                    Wicket-Ajax: true
                    Wicket-Ajax-BaseURL: checkout?0
                    Accept: application/xml, text/xml, */*; q=0.01
                    X-Requested-With: XMLHttpRequest
                    """);
            assertTrue(ajax.startsWith("HTTP/1.1 200"), ajax);
            String body = body(ajax);
            // the loader's place takes the stand-in for the globals the page's code calls (fbq), which Wicket runs
            java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
            try (java.io.OutputStream s = io.consentgate.html.HtmlRewriter.builder(
                    io.consentgate.catalog.TrackerCatalog.bundled()).build().open(
                    io.consentgate.ConsentDecision.refuseAll(), java.nio.charset.StandardCharsets.UTF_8, written,
                    null)) {
                s.write(AppServlet.WICKET_LOADER.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            String standIn = written.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(standIn.startsWith("<script data-consentgate=\"stub\">"), standIn);
            assertEquals(AppServlet.WICKET_AJAX.replace(AppServlet.WICKET_LOADER, standIn)
                .replace(AppServlet.FACES_PIXEL, ""), body, kind);
            String plain = c.exchange("""
                    GET /app/wicket/ajax HTTP/1.1
                    Host: localhost
                    """);
            assertEquals(AppServlet.WICKET_AJAX, body(plain), kind);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aTurboStreamIsRewrittenAsHtml(String kind) throws Exception {
        try (Container c = Container.start(kind, Map.of())) {
            String stream = c.exchange("""
                    POST /app/cart/items HTTP/1.1
                    Host: localhost
                    Accept: text/vnd.turbo-stream.html, text/html, application/xhtml+xml
                    Content-Length: 0
                    """);
            assertTrue(stream.startsWith("HTTP/1.1 200"), stream);
            assertTrue(stream.toLowerCase(java.util.Locale.ROOT).contains("content-type: text/vnd.turbo-stream.html"),
                stream);
            assertEquals(AppServlet.TURBO_STREAM.replace(AppServlet.FACES_PIXEL, ""), body(stream), kind);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void anXhtmlPageLosesItsSelfClosedTrackerScriptAloneAsAnXmlParserReadsIt(String kind) throws Exception {
        try (Container c = Container.start(kind, Map.of("html-stub-globals", "false"))) {
            String page = c.exchange("""
                    GET /app/page.xhtml HTTP/1.1
                    Host: localhost
                    Accept: application/xhtml+xml
                    """);
            assertTrue(page.startsWith("HTTP/1.1 200"), page);
            assertEquals(AppServlet.XHTML_PAGE.replace(AppServlet.XHTML_PIXEL, ""), body(page), kind);
        }
    }
}
