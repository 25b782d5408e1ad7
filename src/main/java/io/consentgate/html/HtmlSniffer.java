package io.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Content types as a browser reads them: the media type of a {@code Content-Type} value, and whether a body whose
 * content type tells the browser nothing is HTML to it (the filter rewrites such a body when a browser would render
 * it as a page, and the CLI asks the same). Stateless.
 */
public final class HtmlSniffer {

    /** The tags that make a body of unknown type HTML when it starts with one (WHATWG MIME Sniffing, 7.1). */
    private static final byte[][] HTML_STARTS = {
        ascii("<!doctype html"), ascii("<html"), ascii("<head"), ascii("<script"), ascii("<iframe"), ascii("<h1"),
        ascii("<div"), ascii("<font"), ascii("<table"), ascii("<a"), ascii("<style"), ascii("<title"), ascii("<b"),
        ascii("<body"), ascii("<br"), ascii("<p"),
    };

    private HtmlSniffer() {
    }

    /**
     * The {@code type/subtype} of a {@code Content-Type} value in lower case, read as Chromium reads it: after
     * leading white space, up to the first space, tab, {@code ;}, {@code (} or {@code ,}. So a value with a missing
     * {@code ;} before its parameters ({@code text/html charset=utf-8}) still names its type, as it does to the
     * browser. {@code null} gives the empty string.
     */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int start = 0;
        int n = contentType.length();
        while (start < n && (contentType.charAt(start) == ' ' || contentType.charAt(start) == '\t')) {
            start++;
        }
        int end = start;
        while (end < n && " \t;(,".indexOf(contentType.charAt(end)) < 0) {
            end++;
        }
        return contentType.substring(start, end).toLowerCase(Locale.ROOT);
    }

    /** Whether a browser decides the type of a body with this content type by sniffing its bytes. */
    public static boolean leftToSniffing(String contentType) {
        if (contentType == null) {
            return true;
        }
        String essence = mediaType(contentType);
        // A type without a '/' is no MIME type: Chromium sniffs such a body too.
        return essence.indexOf('/') < 0 || essence.equals("unknown/unknown") || essence.equals("application/unknown")
                || essence.equals("*/*");
    }

    /**
     * Whether a body of unknown type starts as HTML to a browser: after white space (and a UTF-8 byte order mark),
     * one of {@link #HTML_STARTS} or a comment ({@code <!--}), in any case. The WHATWG rules want a space or
     * {@code >} after the name; Chromium does not ({@code <pre>} passes as {@code <p}, {@code <html\n} as
     * {@code <html}), and what Chromium renders as a page is what must be rewritten. Reads at most the bytes given;
     * where they end before they tell (white space only, or a start cut short), the body counts as HTML, so a page
     * flushed early is not let through for want of bytes. No bytes at all is no HTML.
     */
    public static boolean sniffsAsHtml(byte[] b, int off, int len) {
        int p = off;
        int end = off + len;
        if (len >= 3 && (b[p] & 0xff) == 0xEF && (b[p + 1] & 0xff) == 0xBB && (b[p + 2] & 0xff) == 0xBF) {
            p += 3;
        }
        while (p < end && (b[p] == ' ' || b[p] == '\t' || b[p] == '\n' || b[p] == '\r' || b[p] == '\f')) {
            p++;
        }
        if (p >= end) {
            return len > 0;
        }
        if (b[p] != '<') {
            return false;
        }
        if (startsWith(b, p, end, ascii("<!--"))) {
            return true;
        }
        for (byte[] tag : HTML_STARTS) {
            if (startsWith(b, p, end, tag)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code b[p..end)} starts with the lower-case ASCII {@code s}, in any case; true if cut short. */
    private static boolean startsWith(byte[] b, int p, int end, byte[] s) {
        for (int i = 0; i < s.length; i++) {
            if (p + i >= end) {
                return true; // what there is matches: the end of what was written came first
            }
            byte c = b[p + i];
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != s[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
