package io.consentgate.catalog;

import static io.consentgate.catalog.ScriptText.isSpace;

import java.nio.charset.StandardCharsets;

/**
 * How the string literal that a host name ends is used in an inline script ({@link ScriptText#hostBounded}): joined
 * to another with {@code +}, as a loader builds the URL it fetches from, or data that names a host: a property's
 * value, an operand of a comparison, what a string search looks for, one of a list of strings that is a property's
 * value. Read back on the string's line or list only, around the automaton's rare hits.
 */
final class HostStrings {

    /**
     * Whether the string that holds the host name ending before {@code start} and closes with {@code quote} is the
     * value of a property ({@code key: '…'}, {@code "key":"…"}), an operand of {@code ==}, {@code ===},
     * {@code !=} or {@code !==}, what a string search method looks for ({@code src.indexOf('…')}), or one of a list
     * of strings that is a property's value ({@link #listedAsValue}): its opening quote (looked for on the same line,
     * up to 128 bytes back) follows {@code :} or such an operator. Not found: not known to be data.
     */
    static boolean valueOrOperand(byte[] buf, int off, int start, byte quote) {
        int o = start - 1;
        int stop = Math.max(off, start - 128);
        while (o >= stop && buf[o] != quote && buf[o] != '\n') {
            o--;
        }
        if (o < stop || buf[o] != quote) {
            return false;
        }
        int k = o - 1;
        while (k >= off && isSpace(buf[k])) {
            k--;
        }
        if (k < off) {
            return false;
        }
        if (buf[k] == ':') {
            return !conditionalElse(buf, off, k);
        }
        if (buf[k] == '(') {
            return searchedFor(buf, off, k);
        }
        if (buf[k] == '[' || buf[k] == ',') {
            return listedAsValue(buf, off, k);
        }
        return buf[k] == '=' && k - 1 >= off && (buf[k - 1] == '=' || buf[k - 1] == '!');
    }

    /**
     * Whether the {@code :} at {@code colon} separates the branches of a conditional expression rather than a key
     * from its value: a loader that picks its URL by the page's protocol ({@code ('https:' == location.protocol ?
     * 'https://ct.capterra.com' : 'http://ct.capterra.com')}) fetches from either. Read back on the colon's line, over
     * string literals and bracketed groups, to a {@code ?} (not {@code ?.} or {@code ??}) before an opening bracket,
     * {@code ,}, {@code ;} or other {@code :} of the same depth; a colon that starts its line is one too, as
     * formatters break a long conditional before it.
     */
    private static boolean conditionalElse(byte[] buf, int off, int colon) {
        int stop = Math.max(off, colon - 256);
        int depth = 0;
        for (int i = colon - 1; i >= stop; i--) {
            byte c = buf[i];
            if (c == '\n' || c == '\r') {
                return depth == 0 && onlySpaceBetween(buf, i + 1, colon);
            }
            if (c == '"' || c == '\'' || c == '`') {
                int o = i - 1;
                while (o >= stop && buf[o] != '\n' && (buf[o] != c || o > off && buf[o - 1] == '\\')) {
                    o--;
                }
                if (o < stop || buf[o] != c) {
                    return false;
                }
                i = o;
            } else if (c == ')' || c == ']' || c == '}') {
                depth++;
            } else if (c == '(' || c == '[' || c == '{') {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (depth == 0) {
                if (c == ',' || c == ';' || c == ':') {
                    return false;
                }
                if (c == '?') {
                    if (i - 1 >= off && buf[i - 1] == '?') {
                        i--; // ??
                    } else if (i + 1 >= colon || buf[i + 1] != '.' && buf[i + 1] != '?') {
                        return true;
                    }
                }
            }
        }
        return stop == off && onlySpaceBetween(buf, off, colon); // the script's first line
    }

    private static boolean onlySpaceBetween(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(buf[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the {@code [} or {@code ,} at {@code k} stands in a list of string literals that is the value of a
     * property ({@code denyUrls: ['connect.facebook.net', '…']}, an error monitor's list of third-party hosts to
     * ignore): read back over the strings before it, up to 1 KiB, to the list's {@code [}, which follows {@code :}.
     * A list with anything but strings before the host, or one assigned or called on, is not known to be data.
     */
    private static boolean listedAsValue(byte[] buf, int off, int k) {
        int stop = Math.max(off, k - 1024);
        while (k >= stop) {
            if (buf[k] == '[') {
                int j = k - 1;
                while (j >= off && isSpace(buf[j])) {
                    j--;
                }
                return j >= off && buf[j] == ':';
            }
            if (buf[k] != ',') {
                return false;
            }
            int j = k - 1;
            while (j >= stop && isSpace(buf[j])) {
                j--;
            }
            int regex = j >= stop ? regexLiteralStart(buf, stop, j) : -1;
            if (regex >= 0) {
                // a pattern among the hosts ({@code denyUrls: [/extensions\//i, 'connect.facebook.net']})
                k = regex - 1;
                while (k >= stop && isSpace(buf[k])) {
                    k--;
                }
                continue;
            }
            if (j < stop || buf[j] != '\'' && buf[j] != '"' && buf[j] != '`') {
                return false;
            }
            byte q = buf[j];
            int o = j - 1;
            while (o >= stop && (buf[o] != q || o > off && buf[o - 1] == '\\')) {
                if (buf[o] == '\n' && q != '`') {
                    return false;
                }
                o--;
            }
            k = o - 1;
            while (k >= stop && isSpace(buf[k])) {
                k--;
            }
        }
        return false;
    }

    /**
     * Where the regular expression literal that ends at {@code end} ({@code /…/} and its flags) starts, when it is an
     * element of a list (its opening {@code /} follows {@code [} or {@code ,}); else -1. Read back on one line; an
     * escaped {@code /} inside it does not end it.
     */
    private static int regexLiteralStart(byte[] buf, int stop, int end) {
        int j = end;
        while (j >= stop && buf[j] >= 'a' && buf[j] <= 'z') {
            j--; // flags
        }
        if (j <= stop || buf[j] != '/' || buf[j - 1] == '\\') {
            return -1;
        }
        int o = j - 1;
        while (o >= stop && buf[o] != '\n' && (buf[o] != '/' || o > stop && buf[o - 1] == '\\')) {
            o--;
        }
        if (o < stop || buf[o] != '/' || o == j - 1) {
            return -1;
        }
        int b = o - 1;
        while (b >= stop && isSpace(buf[b])) {
            b--;
        }
        return b >= stop && (buf[b] == '[' || buf[b] == ',') ? o : -1;
    }

    /** Methods that look for a string in another: a host passed to one is compared, never fetched from. */
    private static final byte[][] STRING_SEARCHES = {
        "indexOf".getBytes(StandardCharsets.US_ASCII), "lastIndexOf".getBytes(StandardCharsets.US_ASCII),
        "includes".getBytes(StandardCharsets.US_ASCII), "startsWith".getBytes(StandardCharsets.US_ASCII),
        "endsWith".getBytes(StandardCharsets.US_ASCII)};

    /**
     * Whether the {@code (} at {@code paren} opens a call of a string search method ({@code .indexOf(},
     * {@code .includes(}, {@code .startsWith(}…), as an error reporter or a home-made blocker tests a script's URL.
     */
    private static boolean searchedFor(byte[] buf, int off, int paren) {
        int k = paren - 1;
        while (k >= off && isSpace(buf[k])) {
            k--;
        }
        for (byte[] m : STRING_SEARCHES) {
            int from = k - m.length + 1;
            if (from - 1 >= off && buf[from - 1] == '.' && java.util.Arrays.equals(buf, from, k + 1, m, 0, m.length)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a {@code +} follows {@code buf[k]} after white space: the string before it is joined to another. */
    static boolean concatenates(byte[] buf, int k, int end) {
        while (k < end && isSpace(buf[k])) {
            k++;
        }
        return k < end && buf[k] == '+';
    }

    private HostStrings() {
    }
}
