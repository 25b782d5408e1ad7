package io.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Turns the raw bytes of a URL attribute value into the string a browser would resolve: character references
 * decoded (numeric, the legacy ones without semicolon, and every named reference that yields an ASCII character,
 * which is all a host name or path can be disguised with, plus the invisible ones IDNA ignores such as
 * {@code &shy;}), ASCII tab and newline removed and leading/trailing C0 controls and spaces stripped, as the URL
 * parser does. Non-ASCII bytes are read as UTF-8 (the catalog folds IDNA-ignored code points like a soft hyphen).
 */
final class UrlText {

    private static final Map<String, Character> NAMED = Map.ofEntries(
        Map.entry("amp", '&'), Map.entry("AMP", '&'), Map.entry("lt", '<'), Map.entry("LT", '<'),
        Map.entry("gt", '>'), Map.entry("GT", '>'), Map.entry("quot", '"'), Map.entry("QUOT", '"'),
        Map.entry("apos", '\''), Map.entry("sol", '/'), Map.entry("bsol", '\\'), Map.entry("colon", ':'),
        Map.entry("period", '.'), Map.entry("comma", ','), Map.entry("semi", ';'), Map.entry("excl", '!'),
        Map.entry("quest", '?'), Map.entry("num", '#'), Map.entry("dollar", '$'), Map.entry("percnt", '%'),
        Map.entry("commat", '@'), Map.entry("equals", '='), Map.entry("plus", '+'), Map.entry("lowbar", '_'),
        Map.entry("UnderBar", '_'), Map.entry("lpar", '('), Map.entry("rpar", ')'), Map.entry("lsqb", '['),
        Map.entry("lbrack", '['), Map.entry("rsqb", ']'), Map.entry("rbrack", ']'), Map.entry("lcub", '{'),
        Map.entry("lbrace", '{'), Map.entry("rcub", '}'), Map.entry("rbrace", '}'), Map.entry("ast", '*'),
        Map.entry("midast", '*'), Map.entry("grave", '`'), Map.entry("DiacriticalGrave", '`'),
        Map.entry("Hat", '^'), Map.entry("verbar", '|'), Map.entry("vert", '|'), Map.entry("VerticalLine", '|'),
        Map.entry("Tab", '\t'), Map.entry("NewLine", '\n'), Map.entry("nbsp", '\u00a0'), Map.entry("shy", '\u00ad'),
        Map.entry("ZeroWidthSpace", '\u200b'), Map.entry("zwnj", '\u200c'), Map.entry("zwj", '\u200d'),
        Map.entry("NegativeVeryThinSpace", '\u200b'), Map.entry("NegativeThinSpace", '\u200b'));
    /** The named references above that browsers also decode without a semicolon. */
    private static final java.util.Set<String> LEGACY =
        java.util.Set.of("amp", "AMP", "lt", "LT", "gt", "GT", "quot", "QUOT", "nbsp");
    private static final int LONGEST_NAME = 24;

    private UrlText() {
    }

    /**
     * The text of the attribute value {@code b[from..to)} with its character references decoded as above and every
     * other byte kept (whitespace included): for a value that is itself markup, such as {@code iframe srcdoc}.
     */
    static String decodeText(byte[] b, int from, int to) {
        return decodeReferences(b, from, to, false);
    }

    /** The URL string of {@code b[from..to)}. */
    static String decode(byte[] b, int from, int to) {
        while (from < to && (b[from] & 0xff) <= ' ') {
            from++;
        }
        while (to > from && (b[to - 1] & 0xff) <= ' ') {
            to--;
        }
        boolean plain = true;
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '&' || c == '\t' || c == '\n' || c == '\r') {
                plain = false;
            } else if (c < 0) {
                ascii = false;
            }
        }
        if (plain) {
            return new String(b, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
        return trimControlsAndSpaces(decodeReferences(b, from, to, true));
    }

    /**
     * The URL of a {@code <meta http-equiv=refresh>} {@code content} (decoded) the browser navigates to, following
     * the HTML standard's declarative refresh steps ({@code 5; url='https://...'}, {@code 0,URL=...},
     * {@code 0 https://...}), or {@code null} when it names none.
     */
    static String refreshUrl(String content) {
        int n = content.length();
        int p = skipWs(content, 0);
        int digits = p;
        while (p < n && content.charAt(p) >= '0' && content.charAt(p) <= '9') {
            p++;
        }
        if (p == digits && (p >= n || content.charAt(p) != '.')) {
            return null;
        }
        while (p < n && (content.charAt(p) >= '0' && content.charAt(p) <= '9' || content.charAt(p) == '.')) {
            p++;
        }
        if (p >= n) {
            return null;
        }
        char c = content.charAt(p);
        if (c != ';' && c != ',' && !ByteScan.isWs(c)) {
            return null;
        }
        p = skipWs(content, p);
        if (p < n && (content.charAt(p) == ';' || content.charAt(p) == ',')) {
            p = skipWs(content, p + 1);
        }
        if (content.regionMatches(true, p, "url", 0, 3)) {
            int q = skipWs(content, p + 3);
            if (q < n && content.charAt(q) == '=') {
                p = skipWs(content, q + 1);
            }
        }
        if (p < n && (content.charAt(p) == '"' || content.charAt(p) == '\'')) {
            int close = content.indexOf(content.charAt(p), p + 1);
            return content.substring(p + 1, close < 0 ? n : close).strip();
        }
        return p < n ? content.substring(p).strip() : null;
    }

    private static int skipWs(String s, int p) {
        while (p < s.length() && ByteScan.isWs(s.charAt(p))) {
            p++;
        }
        return p;
    }

    /** Leading and trailing C0 controls and spaces removed, as the URL parser does (not Unicode whitespace). */
    private static String trimControlsAndSpaces(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        return s.substring(from, to);
    }

    /**
     * References decoded; with {@code url}, TAB, LF and CR (also as references) dropped as the URL parser does.
     * ASCII values whose only references are {@code &amp;} (a query string's separators, nearly every such URL) are
     * decoded here into a plain array; any other reference or a non-ASCII byte sends the value to the general reader.
     */
    private static String decodeReferences(byte[] b, int from, int to, boolean url) {
        char[] out = new char[to - from];
        int n = 0;
        int i = from;
        while (i < to) {
            int c = b[i];
            if (c == '&') {
                if (i + 4 < to && b[i + 1] == 'a' && b[i + 2] == 'm' && b[i + 3] == 'p' && b[i + 4] == ';') {
                    out[n++] = '&';
                    i += 5;
                    continue;
                }
                return decodeAnyReferences(b, from, to, url);
            }
            if (c < 0) {
                return decodeAnyReferences(b, from, to, url);
            }
            if (!url || (c != '\t' && c != '\n' && c != '\r')) {
                out[n++] = (char) c;
            }
            i++;
        }
        return new String(out, 0, n);
    }

    /** The general reader: every reference form, non-ASCII bytes (package-private for the test comparing both). */
    static String decodeAnyReferences(byte[] b, int from, int to, boolean url) {
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c == '&') {
                i = reference(b, i, to, sb, url);
            } else if (c >= 0x80) {
                int run = i;
                while (run < to && b[run] < 0) {
                    run++;
                }
                sb.append(new String(b, i, run - i, StandardCharsets.UTF_8));
                i = run;
            } else {
                if (!url || (c != '\t' && c != '\n' && c != '\r')) {
                    sb.append((char) c);
                }
                i++;
            }
        }
        return sb.toString();
    }

    /** Decodes the reference at {@code b[amp]} into {@code sb}; returns the index after it. */
    private static int reference(byte[] b, int amp, int to, StringBuilder sb, boolean url) {
        int i = amp + 1;
        if (i < to && b[i] == '#') {
            return numeric(b, amp, i + 1, to, sb, url);
        }
        int end = i;
        while (end < to && end - i < LONGEST_NAME && isAlnum(b[end])) {
            end++;
        }
        String name = new String(b, i, end - i, StandardCharsets.ISO_8859_1);
        Character ch = NAMED.get(name);
        boolean semicolon = end < to && b[end] == ';';
        if (ch != null && (semicolon || isLegacy(name) && !(end < to && (b[end] == '=' || isAlnum(b[end]))))) {
            if (!url || (ch != '\t' && ch != '\n')) {
                sb.append(ch.charValue());
            }
            return semicolon ? end + 1 : end;
        }
        sb.append('&');
        return amp + 1;
    }

    private static int numeric(byte[] b, int amp, int i, int to, StringBuilder sb, boolean url) {
        boolean hex = i < to && (b[i] == 'x' || b[i] == 'X');
        int d = hex ? i + 1 : i;
        long v = 0;
        int k = d;
        while (k < to) {
            int digit = Character.digit(b[k], hex ? 16 : 10);
            if (digit < 0) {
                break;
            }
            v = Math.min(v * (hex ? 16 : 10) + digit, 0x110000);
            k++;
        }
        if (k == d) {
            sb.append('&');
            return amp + 1;
        }
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
            v = 0xFFFD;
        }
        if (!url || (v != '\t' && v != '\n' && v != '\r')) {
            sb.appendCodePoint((int) v);
        }
        return k < to && b[k] == ';' ? k + 1 : k;
    }

    private static boolean isLegacy(String name) {
        return LEGACY.contains(name);
    }

    private static boolean isAlnum(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
