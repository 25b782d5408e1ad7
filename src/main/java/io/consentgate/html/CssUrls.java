package io.consentgate.html;

import java.util.ArrayList;
import java.util.List;

/**
 * The URLs a piece of CSS may fetch, such as a {@code style} attribute's value (character references already
 * decoded): every {@code url(...)}, quoted or not, and every string. Strings are taken because CSS also fetches
 * through them ({@code image-set("...")}, {@code @import "..."}, {@code src("...")}); a string that is only text
 * is then checked against the catalog for nothing. Read as the CSS tokenizer reads: comments are skipped, escapes
 * ({@code \2e}, {@code \.}) are undone in strings, URLs and function names ({@code u\72l(}), a string ends at
 * its quote or at a line break.
 */
final class CssUrls {

    private CssUrls() {
    }

    static List<String> in(String css) {
        List<String> urls = new ArrayList<>(1);
        int n = css.length();
        StringBuilder ident = new StringBuilder();
        int i = 0;
        while (i < n) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < n && css.charAt(i + 1) == '*') {
                int close = css.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                ident.setLength(0);
            } else if (c == '"' || c == '\'') {
                StringBuilder s = new StringBuilder();
                i = string(css, i + 1, c, s);
                urls.add(s.toString());
                ident.setLength(0);
            } else if (c == '\\' && i + 1 < n && !isNewline(css.charAt(i + 1))) {
                i = escape(css, i + 1, ident);
            } else if (isNameChar(c)) {
                ident.append(c);
                i++;
            } else if (c == '(' && ident.length() == 3 && ident.toString().equalsIgnoreCase("url")) {
                ident.setLength(0);
                int p = skipWhitespace(css, i + 1);
                if (p < n && (css.charAt(p) == '"' || css.charAt(p) == '\'')) {
                    i = p; // url("..."): the string is read next
                } else {
                    StringBuilder url = new StringBuilder();
                    while (p < n && css.charAt(p) != ')' && !isWhitespace(css.charAt(p))) {
                        if (css.charAt(p) == '\\' && p + 1 < n) {
                            p = escape(css, p + 1, url);
                        } else {
                            url.append(css.charAt(p++));
                        }
                    }
                    urls.add(url.toString());
                    i = p;
                }
            } else {
                ident.setLength(0);
                i++;
            }
        }
        return urls;
    }

    /** Reads a string's content from {@code p} (after its quote) into {@code out}; returns the index after it. */
    private static int string(String css, int p, char quote, StringBuilder out) {
        int n = css.length();
        while (p < n) {
            char c = css.charAt(p);
            if (c == quote) {
                return p + 1;
            }
            if (isNewline(c)) {
                return p; // an unterminated string ends at the line break
            }
            if (c == '\\') {
                if (p + 1 >= n) {
                    return n;
                }
                char next = css.charAt(p + 1);
                if (isNewline(next)) {
                    p += next == '\r' && p + 2 < n && css.charAt(p + 2) == '\n' ? 3 : 2; // a continued line
                } else {
                    p = escape(css, p + 1, out);
                }
            } else {
                out.append(c);
                p++;
            }
        }
        return n;
    }

    /**
     * Undoes the escape whose first character (after the backslash) is at {@code p}: one to six hex digits and one
     * optional white space, or any other single character. Returns the index after it.
     */
    private static int escape(String css, int p, StringBuilder out) {
        int n = css.length();
        if (p >= n) {
            out.append('\ufffd');
            return n;
        }
        int d = Character.digit(css.charAt(p), 16);
        if (d < 0) {
            out.append(css.charAt(p));
            return p + 1;
        }
        int v = 0;
        int k = p;
        while (k < n && k - p < 6 && (d = Character.digit(css.charAt(k), 16)) >= 0) {
            v = v * 16 + d;
            k++;
        }
        out.appendCodePoint(v == 0 || v > 0x10FFFF || v >= 0xD800 && v <= 0xDFFF ? 0xFFFD : v);
        if (k < n && isWhitespace(css.charAt(k))) {
            k += css.charAt(k) == '\r' && k + 1 < n && css.charAt(k + 1) == '\n' ? 2 : 1;
        }
        return k;
    }

    private static int skipWhitespace(String css, int p) {
        while (p < css.length() && isWhitespace(css.charAt(p))) {
            p++;
        }
        return p;
    }

    /** A character of a CSS name: letters, digits, {@code -}, {@code _} and every non-ASCII character. */
    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
            || c >= 0x80;
    }

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || isNewline(c);
    }
}
