package io.consentgate.html;

import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Apache Tapestry's (5.4 and later) page initialisation, one script at the end of the body that starts every
 * component of the page:
 * <pre>{@code require(["t5/core/pageinit"], function(pi) { pi(["/assets/…/site.js", …], ["t5/core/forms",
 *     ["t5/core/pageinit:evalJavaScript", "…"], …]); });}</pre>
 * The first array lists the libraries the page imports ({@code @Import(library = …)}), loaded one after the other;
 * the second the initialisations: a module to load, or a module function and its arguments, a script a component
 * added with {@code javaScriptSupport.addScript(…)} among them as the argument of {@code evalJavaScript}. Each
 * initialisation runs on its own ({@code t5/core/pageinit} calls it inside {@code try … finally}), and only once all
 * have run does the page drop its loading mask. Removing the script for a tag one component added would leave every
 * form, zone and the mask itself as they were rendered.
 *
 * <p>So each member of either array that names a refused tracker on its own is overwritten by spaces, with the comma
 * that separates it from the next member (or from the one before, for the last), in both modes: the arrays stay
 * valid and the other members start. The script stays only when the rewritten text names no refused tracker any more
 * (a tag id in one member, its loader in another); otherwise, and where the text is not that shape, it is handled as
 * any other.
 */
final class TapestryPageInit {

    private static final String REQUIRE = "require([\"t5/core/pageinit\"],";

    private TapestryPageInit() {
    }

    /**
     * The script {@code b[off, off + len)} with its refused members blanked, or {@code null} when it is not Tapestry's
     * page initialisation or still names a refused tracker.
     */
    static byte[] rewrite(byte[] b, int off, int len, TrackerCatalog catalog, Predicate<TrackerMatch> refused) {
        int end = off + len;
        int[] arrays = arrays(b, off, end);
        if (arrays == null) {
            return null;
        }
        byte[] out = Arrays.copyOfRange(b, off, end);
        boolean blanked = false;
        for (int open : arrays) {
            blanked |= blankMembers(out, open - off, catalog, refused);
        }
        if (!blanked || catalog.matchScript(out, 0, out.length).stream().anyMatch(refused)) {
            return null;
        }
        return out;
    }

    /**
     * Blanks the members of the JSON array opening at {@code t[open]} that name a refused tracker, each with a comma
     * beside it. Returns whether any was blanked.
     */
    private static boolean blankMembers(byte[] t, int open, TrackerCatalog catalog, Predicate<TrackerMatch> refused) {
        boolean blanked = false;
        int keptEnd = -1; // after the last member kept so far: where a blanked last member's comma starts
        int p = MagentoInitScript.skipWs(t, open + 1, t.length);
        while (p < t.length && t[p] != ']') {
            int e = MagentoInitScript.skipValue(t, p, t.length);
            int next = e < 0 ? t.length : MagentoInitScript.skipWs(t, e, t.length);
            if (next >= t.length) {
                return blanked; // read whole before: cannot happen
            }
            boolean comma = t[next] == ',';
            if (catalog.matchScript(t, p, e - p).stream().anyMatch(refused)) {
                blanked = true;
                if (comma) {
                    MergedScript.fill(t, p, next + 1);
                } else if (keptEnd >= 0) {
                    MergedScript.fill(t, keptEnd, e); // the last member: the comma before it goes
                } else {
                    MergedScript.fill(t, p, e); // the only member left
                }
            } else {
                keptEnd = e;
            }
            p = comma ? MagentoInitScript.skipWs(t, next + 1, t.length) : next;
        }
        return blanked;
    }

    /**
     * Where the two arrays of {@code pi([…], […]);} open in {@code b[off, end)}, or {@code null} when the text is
     * not {@code require(["t5/core/pageinit"], function(NAME) { NAME([…], […]); });} (white space aside) with two
     * arrays {@code JSON.parse} would read.
     */
    private static int[] arrays(byte[] b, int off, int end) {
        int p = MagentoInitScript.skipWs(b, off, end);
        if (!ByteScan.startsWith(b, p, end, REQUIRE)) {
            return null;
        }
        p = MagentoInitScript.skipWs(b, p + REQUIRE.length(), end);
        if (!ByteScan.startsWith(b, p, end, "function")) {
            return null;
        }
        p = MagentoInitScript.skipWs(b, p + "function".length(), end);
        if (p >= end || b[p] != '(') {
            return null;
        }
        int nameStart = MagentoInitScript.skipWs(b, p + 1, end);
        int nameEnd = nameStart;
        while (nameEnd < end && SnippetNames.isNamePart(b[nameEnd])) {
            nameEnd++;
        }
        p = MagentoInitScript.skipWs(b, nameEnd, end);
        if (nameEnd == nameStart || p >= end || b[p] != ')') {
            return null;
        }
        p = MagentoInitScript.skipWs(b, p + 1, end);
        if (p >= end || b[p] != '{') {
            return null;
        }
        p = MagentoInitScript.skipWs(b, p + 1, end);
        for (int i = nameStart; i < nameEnd; i++, p++) {
            if (p >= end || b[p] != b[i]) {
                return null;
            }
        }
        p = MagentoInitScript.skipWs(b, p, end);
        if (p >= end || b[p] != '(') {
            return null;
        }
        int first = MagentoInitScript.skipWs(b, p + 1, end);
        int firstEnd = first < end && b[first] == '[' ? MagentoInitScript.skipValue(b, first, end) : -1;
        p = firstEnd < 0 ? end : MagentoInitScript.skipWs(b, firstEnd, end);
        if (p >= end || b[p] != ',') {
            return null;
        }
        int second = MagentoInitScript.skipWs(b, p + 1, end);
        int secondEnd = second < end && b[second] == '[' ? MagentoInitScript.skipValue(b, second, end) : -1;
        if (secondEnd < 0 || !closes(b, secondEnd, end)) {
            return null;
        }
        return new int[] {first, second};
    }

    /** Whether {@code b[p, end)} is {@code ); });} with white space anywhere and either semicolon left out. */
    private static boolean closes(byte[] b, int p, int end) {
        for (char c : new char[] {')', ';', '}', ')', ';'}) {
            p = MagentoInitScript.skipWs(b, p, end);
            if (p < end && b[p] == c) {
                p++;
            } else if (c != ';') {
                return false;
            }
        }
        return MagentoInitScript.skipWs(b, p, end) == end;
    }
}
