package io.consentgate.html;

import java.util.ArrayList;
import java.util.List;

/**
 * The URLs a piece of CSS may fetch, such as a {@code style} attribute's value (character references already
 * decoded) or a {@code <style>} element's text: every {@code url(...)}, quoted or not, the strings of the functions
 * that fetch through them ({@code image-set("...")}, {@code src("...")}) and of {@code @import "..."}. Read as the
 * CSS tokenizer reads: comments are skipped, escapes ({@code \2e}, {@code \.}) are undone in strings, URLs and
 * names ({@code u\72l(}, {@code @\69mport}), a string ends at its quote or at a line break.
 */
final class CssUrls {

    private CssUrls() {
    }

    /** Where a URL or string stands in the CSS ({@code css[from..to)}, inside its quotes) and what it reads as. */
    record Span(int from, int to, String url) {
    }

    /** The URLs of {@code css}, escapes undone. */
    static List<String> in(String css) {
        List<Span> spans = spans(css);
        List<String> urls = new ArrayList<>(spans.size());
        for (Span s : spans) {
            urls.add(s.url());
        }
        return urls;
    }

    /** The functions whose strings are URLs (a {@code url(...)}'s content is one, quoted or not). */
    private static final java.util.Set<String> FETCHING = java.util.Set.of("url", "src", "image", "image-set",
        "-webkit-image-set");

    /**
     * The URLs of {@code css} with their places: the content of each {@code url(...)}, each string inside a function
     * that fetches ({@code image-set}, {@code src}, ...) and the string of an {@code @import}.
     */
    static List<Span> spans(String css) {
        return scan(css, Integer.MAX_VALUE).spans();
    }

    /**
     * The {@link #spans} of {@code css}, where its statements end and whether one is too long. A statement ends after
     * each {@code ;}, <code>{</code> or <code>}</code> outside strings, comments and parentheses: the CSS before
     * such an end reads the same whatever follows it, and so does the CSS after it, read on its own.
     *
     * @param boundary the index after the last statement end (0 when none)
     * @param longStatement the start of the first statement longer than the {@code cap} given to {@link #scan}
     *     (the statement still open at the end counts with its length so far), or -1
     */
    record Scan(List<Span> spans, int boundary, int longStatement) {
    }

    static Scan scan(String css, int cap) {
        List<Span> urls = new ArrayList<>(1);
        int boundary = 0;
        int longStatement = -1;
        int n = css.length();
        StringBuilder ident = new StringBuilder();
        boolean atKeyword = false;
        boolean importing = false;
        int depth = 0;
        int fetchingFrom = -1; // the parenthesis depth of the outermost open fetching function, or -1
        int i = 0;
        while (i < n) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < n && css.charAt(i + 1) == '*') {
                i = commentEnd(css, i);
                ident.setLength(0);
                continue;
            }
            if (c == '\\' && i + 1 < n && !isNewline(css.charAt(i + 1)) || isNameChar(c)) {
                i = name(css, i, ident);
                continue;
            }
            if (atKeyword) {
                importing = ident.toString().equalsIgnoreCase("import");
                atKeyword = false;
            }
            if (c == '"' || c == '\'') {
                i = quoted(css, i, fetchingFrom >= 0 || importing, urls);
            } else if (c == '(') {
                depth++;
                String name = ident.toString().toLowerCase(java.util.Locale.ROOT);
                if (fetchingFrom < 0 && FETCHING.contains(name)) {
                    fetchingFrom = depth;
                }
                i++;
                if (name.equals("url")) {
                    i = unquotedUrl(css, i, urls);
                }
            } else {
                if (c == ')') {
                    fetchingFrom = depth == fetchingFrom ? -1 : fetchingFrom;
                    depth = Math.max(0, depth - 1);
                } else if (c == ';' || c == '{' || c == '}') {
                    importing = false;
                    if (depth == 0) {
                        longStatement = firstLong(longStatement, boundary, i + 1, cap);
                        boundary = i + 1;
                    }
                } else if (c == '@') {
                    atKeyword = true;
                }
                i++;
            }
            ident.setLength(0);
        }
        return new Scan(urls, boundary, firstLong(longStatement, boundary, n, cap));
    }

    /** The index after the comment that opens at {@code css[i]}, or the text's end when the comment is not closed. */
    private static int commentEnd(String css, int i) {
        int close = css.indexOf("*/", i + 2);
        return close < 0 ? css.length() : close + 2;
    }

    /**
     * Reads the name characters and escapes from {@code i} on into {@code ident}, escapes undone; returns the index
     * after the last of them.
     */
    private static int name(String css, int i, StringBuilder ident) {
        int n = css.length();
        while (i < n) {
            char c = css.charAt(i);
            if (c == '\\' && i + 1 < n && !isNewline(css.charAt(i + 1))) {
                i = escape(css, i + 1, ident);
            } else if (isNameChar(c)) {
                ident.append(c);
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * Reads the string whose quote is at {@code css[i]}, adding it to {@code urls} when it is a URL ({@code fetching}:
     * inside a fetching function or an {@code @import}); returns the index after it.
     */
    private static int quoted(String css, int i, boolean fetching, List<Span> urls) {
        char c = css.charAt(i);
        StringBuilder s = new StringBuilder();
        int after = string(css, i + 1, c, s);
        if (fetching) {
            int end = after > i + 1 && css.charAt(after - 1) == c ? after - 1 : after;
            urls.add(new Span(i + 1, end, s.toString()));
        }
        return after;
    }

    /**
     * Reads the content of the {@code url(} that opens just before {@code i}, adding it to {@code urls} when it is not
     * quoted; returns the index after it, or {@code i} for a quoted one (its string is read as any other).
     */
    private static int unquotedUrl(String css, int i, List<Span> urls) {
        int n = css.length();
        int p = skipWhitespace(css, i);
        if (p < n && css.charAt(p) != '"' && css.charAt(p) != '\'') {
            int start = p;
            StringBuilder url = new StringBuilder();
            while (p < n && css.charAt(p) != ')' && !isWhitespace(css.charAt(p))) {
                if (css.charAt(p) == '\\' && p + 1 < n) {
                    p = escape(css, p + 1, url);
                } else {
                    url.append(css.charAt(p++));
                }
            }
            urls.add(new Span(start, p, url.toString()));
            return p;
        }
        return i;
    }

    /**
     * The start of the first statement longer than {@code cap} once statement {@code css[start..end)} is read:
     * {@code longStatement} when it is one already (else -1), or {@code start} when this one is longer.
     */
    private static int firstLong(int longStatement, int start, int end, int cap) {
        return end - start > cap && longStatement < 0 ? start : longStatement;
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
