package io.consentgate.html;

import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The tags a consent manager keeps in its settings, to inject once the visitor accepts: string values such as Contao
 * Cookiebar's {@code "resources":[{"src":"https:\/\/…\/gtag\/js?id=G-…"}]} and
 * {@code "scripts":[{"script":"…fbq('init','…');…"}]}. Inside a consent manager's configuration script
 * ({@link ConsentManagerScript}) each string literal that is a whole property value and names a refused tracker is
 * overwritten in place, so the configuration, and with it the banner, stays and injects nothing that loads: a URL by
 * {@code data:,} and {@code /} padding of its length, as {@link UrlListScript} overwrites one (a blank {@code src}
 * would fetch the page itself), other text by spaces.
 */
final class TagSettingValues {

    private static final byte[] DATA_URL = {'d', 'a', 't', 'a', ':', ','};

    private TagSettingValues() {
    }

    /**
     * Overwrites, in {@code t}, each string literal with a {@code :} before it and a {@code ,} or <code>}</code> after
     * it that names a refused tracker: single- or double-quoted, or a template literal without substitutions (Klaro
     * runs a service's {@code onAccept: `…`} as code); and so each element of an array that is a property's value
     * ({@code tags: ['…gtag/js?id=…', '/js/chat.js']}, a banner's list of tags to load on accept). False when the
     * text cannot be read.
     */
    static boolean blank(byte[] t, TrackerCatalog catalog, Predicate<TrackerMatch> refused) {
        ScriptTokens r = new ScriptTokens(t, 0, t.length);
        // whether the bracket open at each depth is an array that is a property's value: its elements are values too
        boolean[] listValue = new boolean[16];
        while (r.next()) {
            int start = r.i;
            byte c = t[start];
            if (r.word()) {
                continue;
            }
            boolean regex = r.regexAllowed();
            boolean template = c == '`';
            byte before = r.prev;
            int depth = r.depth;
            boolean element = (before == '[' || before == ',') && depth > 0 && depth < listValue.length
                && listValue[depth];
            boolean value = (c == '"' || c == '\'' || template) && (before == ':' && depth > 0 || element);
            switch (c) {
                case '(', '[', '{' -> r.open();
                case ')', ']', '}' -> {
                    if (r.closesSubstitution(c)) {
                        template = true;
                        break;
                    }
                    if (!r.close()) {
                        return false;
                    }
                }
                default -> r.skipLiteral(c, regex);
            }
            if (!r.after(c, template, regex)) {
                return false;
            }
            if (r.depth > depth && r.depth < listValue.length) {
                listValue[r.depth] = c == '[' && before == ':';
            }
            if (value && t[r.i - 1] == c && endsValue(t, r.i, element ? (byte) ']' : (byte) '}')
                    && catalog.matchScript(t, start, r.i - start).stream().anyMatch(refused)) {
                overwrite(t, start + 1, r.i - 1);
            }
        }
        return r.readWhole();
    }

    /** Whether the first byte from {@code t[i]} on that is not white space is a {@code ,} or {@code close}. */
    private static boolean endsValue(byte[] t, int i, byte close) {
        while (i < t.length && ByteScan.isWs(t[i])) {
            i++;
        }
        return i < t.length && (t[i] == ',' || t[i] == close);
    }

    private static void overwrite(byte[] t, int from, int to) {
        if (to - from >= DATA_URL.length && startsUrl(t, from, to)) {
            System.arraycopy(DATA_URL, 0, t, from, DATA_URL.length);
            Arrays.fill(t, from + DATA_URL.length, to, (byte) '/');
        } else {
            Arrays.fill(t, from, to, (byte) ' ');
        }
    }

    /** Whether {@code t[from, to)} starts with an absolute or scheme-relative URL, slashes escaped or not. */
    private static boolean startsUrl(byte[] t, int from, int to) {
        int i = from;
        if (ByteScan.startsWith(t, i, to, "https:")) {
            i += 6;
        } else if (ByteScan.startsWith(t, i, to, "http:")) {
            i += 5;
        }
        return ByteScan.startsWith(t, i, to, "//") || ByteScan.startsWith(t, i, to, "\\/\\/");
    }
}
