package io.consentgate.html;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code url(...)} references of a CSS declaration list, such as a {@code style} attribute's value (character
 * references already decoded): quoted or not, with CSS escapes of single characters undone. Hex escapes and
 * {@code image-set("...")} strings are not read.
 */
final class CssUrls {

    private CssUrls() {
    }

    static List<String> in(String css) {
        List<String> urls = new ArrayList<>(1);
        int from = 0;
        while (true) {
            int at = indexOfUrl(css, from);
            if (at < 0) {
                return urls;
            }
            int p = skipWhitespace(css, at + 4);
            char quote = p < css.length() ? css.charAt(p) : 0;
            boolean quoted = quote == '"' || quote == '\'';
            if (quoted) {
                p++;
            }
            StringBuilder url = new StringBuilder();
            while (p < css.length()) {
                char c = css.charAt(p);
                if (quoted ? c == quote : c == ')' || isWhitespace(c)) {
                    break;
                }
                if (c == '\\' && p + 1 < css.length()) {
                    c = css.charAt(++p);
                }
                url.append(c);
                p++;
            }
            urls.add(url.toString());
            from = p;
        }
    }

    /** Index of the next {@code url(}, ASCII case-insensitive, or -1. */
    private static int indexOfUrl(String css, int from) {
        for (int i = from; i + 4 <= css.length(); i++) {
            if (css.charAt(i + 3) == '(' && css.regionMatches(true, i, "url", 0, 3)) {
                return i;
            }
        }
        return -1;
    }

    private static int skipWhitespace(String css, int p) {
        while (p < css.length() && isWhitespace(css.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
