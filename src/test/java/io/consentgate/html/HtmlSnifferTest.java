package io.consentgate.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlSnifferTest {

    @Test
    void aBodyWithoutContentTypeIsHtmlWhenBrowsersSniffItAsHtml() {
        for (String html : new String[] {"<!DOCTYPE html><html>", " \r\n\t<!doctype HTML>", "<HTML lang=en>",
            "<head>", "<script>x()</script>", "<iframe src=x>", "<p>hi", "<a href=/>", "<!-- c -->", "<br>",
            "\uFEFF<html>", "<body>", "<title>t</title>", "<B>bold</B>",
            // Chromium wants no space or '>' after the name: these render as pages there
            "<html\n lang=en>", "<script\nsrc=x>", "<b\tclass=x>", "<pre>", "<abbr>",
            // too few bytes to tell (flushed early): counted as HTML
            "\n\n", "<", "<scr"}) {
            byte[] b = html.getBytes(StandardCharsets.UTF_8);
            assertTrue(HtmlSniffer.sniffsAsHtml(b, 0, b.length), html);
        }
        for (String other : new String[] {"{\"a\":\"<html>\"}", "hello <html>", "<?xml version=\"1.0\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\">", "<rss version=\"2.0\">", "", "GIF89a", "[1,2]"}) {
            byte[] b = other.getBytes(StandardCharsets.UTF_8);
            assertFalse(HtmlSniffer.sniffsAsHtml(b, 0, b.length), other);
        }
        assertTrue(HtmlSniffer.leftToSniffing("html"), "no MIME type: Chromium sniffs");
        assertTrue(HtmlSniffer.leftToSniffing(null));
        assertTrue(HtmlSniffer.leftToSniffing("unknown/unknown"));
        assertTrue(HtmlSniffer.leftToSniffing("*/*"));
        assertFalse(HtmlSniffer.leftToSniffing("text/plain"));
        assertFalse(HtmlSniffer.leftToSniffing("application/json"));
    }
}
