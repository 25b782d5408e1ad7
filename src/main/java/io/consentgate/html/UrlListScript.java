package io.consentgate.html;

import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * An inline script that loads several URLs, only some of them refused trackers, or that carries a tracker URL as
 * data; it stays, with the refused URLs made inert in place. First, a platform's app loader
 * ({@code var urls = ["//reviews.app.example/loader.js", "https://static.klaviyo.com/onsite/js/klaviyo.js?…"]} on
 * every Shopify storefront), a theme's list of widgets. Removing it would take the other URLs with it (product reviews,
 * chat, upsells), so each string literal that is a refused tracker URL is overwritten in place by {@code data:,} and
 * {@code /} padding of the same length, and the script stays.
 *
 * <p>Only when that leaves nothing refused: the script holds at least two string literals that are absolute or
 * scheme-relative URLs (checked first, as most scripts about to be removed are a tracker's own loader), every refused
 * host literal stands alone in a string literal (from its opening to its closing quote, no white space, no template
 * substitution), another URL literal is no refused tracker, and the rewritten script matches no refused tracker any
 * more (no loader signature, no tag call, no host written another way). A URL literal that is an element of an array
 * and names a refused tracker by a loader signature alone (its host is not listed: an app's own loader URL carrying
 * the vendor's account parameter) is overwritten too.
 *
 * <p>Second, settings and page state (Drupal 7's {@code ajaxPageState}, an import map, a consent manager's tags to
 * inject after consent, a code sample in an article's state): every refused host stands in a whole URL literal that is
 * an object's key or a property's value (its slashes also written {@code \/} or as their Unicode escape), or a key,
 * value or element of JSON inside a string literal (React Router's streamed loader data), or anywhere in Nuxt 2's
 * {@code window.__NUXT__=(function(…){return {…}}(…))}, whose arguments are state too, or in the URL value of an
 * HTML attribute inside a string, written with escaped quotes, or with the other quote than the string's in a string
 * of markup that is a property's value; one such URL is enough, and the rewritten script must match no refused
 * tracker either. Otherwise the script is removed as before.
 */
final class UrlListScript {

    private static final byte[] DATA_URL = {'d', 'a', 't', 'a', ':', ','};
    private static final String NUXT_STATE = "window.__NUXT__=(function(";

    private UrlListScript() {
    }

    /**
     * The script {@code b[off, off + len)} with its refused tracker URL literals overwritten, or {@code null} when it
     * is not such a list or such data (the caller then removes it).
     */
    static byte[] rewrite(byte[] b, int off, int len, TrackerCatalog catalog, Predicate<TrackerMatch> refused) {
        int end = off + len;
        boolean list = UrlLiterals.urlLiterals(b, off, end, 2) >= 2;
        boolean state = isNuxtState(b, off, end);
        if (!list && !state && !mayHoldData(b, off, end)) {
            return null; // a tracker's own loader (one URL, if any): the common case, decided without a host lookup
        }
        List<int[]> spans = new ArrayList<>();
        boolean[] accepted = {true, false}; // every refused host overwritable; one of them in data
        catalog.locateHosts(b, off, len, (start, stop, m) -> {
            if (!refused.test(m) || !accepted[0]) {
                return;
            }
            // an attribute's value first: in a string of markup its quotes would pass for a literal's
            int[] literal = UrlLiterals.attributeUrlAround(b, off, end, start, stop);
            boolean data = literal != null;
            if (!data) {
                literal = UrlLiterals.jsonInStringAround(b, off, end, start, stop);
                data = literal != null;
            }
            if (!data) {
                literal = UrlLiterals.literalAround(b, off, end, start, stop);
                if (literal != null && (state || isKeyOrValue(b, off, end, literal))) {
                    data = true;
                } else if (!list) {
                    literal = null;
                }
            }
            if (literal == null) {
                accepted[0] = false;
            } else {
                spans.add(literal);
                accepted[1] |= data;
            }
        });
        if (!accepted[0]) {
            return null;
        }
        if (list) {
            refusedElements(b, off, end, catalog, refused, spans);
        }
        if (spans.isEmpty()) {
            return null;
        }
        byte[] out = Arrays.copyOfRange(b, off, end);
        for (int[] s : spans) {
            int from = s[0] - off;
            int count = s[1] - s[0];
            if (count < DATA_URL.length) {
                Arrays.fill(out, from, from + count, (byte) ':');
            } else {
                System.arraycopy(DATA_URL, 0, out, from, DATA_URL.length);
                Arrays.fill(out, from + DATA_URL.length, from + count, (byte) '/');
            }
        }
        // A list whose every URL was a refused tracker is that tracker's loader; data may hold a single URL.
        if (!accepted[1] && UrlLiterals.urlLiterals(out, 0, out.length, 1) == 0
            || catalog.matchScript(out, 0, out.length).stream().anyMatch(refused)) {
            return null;
        }
        return out;
    }

    /**
     * Adds to {@code spans} the content of each URL literal of {@code b[off, end)} that stands as an element of a list
     * ({@code [} or {@code ,} before it, {@code ,} or {@code ]} after it: an array's element, or a call's argument
     * between two others, which is overwritten as harmlessly) and names a refused tracker on its
     * own, also by a loader signature on a host the catalog does not list
     * ({@code "https:\/\/app.vendor.example\/loader.js?adroll_adv_id=…"}), which {@link TrackerCatalog#locateHosts}
     * does not report. A literal already in {@code spans} is not added twice.
     */
    private static void refusedElements(byte[] b, int off, int end, TrackerCatalog catalog,
            Predicate<TrackerMatch> refused, List<int[]> spans) {
        for (int i = UrlLiterals.nextQuote(b, off, end); i + 1 < end; i = UrlLiterals.nextQuote(b, i + 1, end)) {
            if (!UrlLiterals.urlAt(b, i + 1, end) || !standsAfter(b, off, i, '[', ',')) {
                continue;
            }
            int j = i + 1;
            int jl = Math.min(end, j + UrlLiterals.MAX_LITERAL);
            while (j < jl && b[j] != b[i] && UrlLiterals.isUrlByte(b[j])
                    && !(b[j] == '\\' && j + 1 < jl && UrlLiterals.isQuote(b[j + 1]))
                    && !(b[i] == '`' && b[j] == '$' && j + 1 < jl && b[j + 1] == '{')) {
                j++;
            }
            if (j >= jl || b[j] != b[i] || !standsBefore(b, j + 1, end, ',', ']')) {
                continue;
            }
            int from = i + 1;
            if (spans.stream().noneMatch(s -> s[0] == from)
                    && catalog.matchScript(b, i, j + 1 - i).stream().anyMatch(refused)) {
                spans.add(new int[] {from, j});
            }
            i = j; // the closing quote opens nothing
        }
    }

    /** Whether the last byte before {@code b[at]} that is not white space is {@code x} or {@code y}. */
    private static boolean standsAfter(byte[] b, int off, int at, char x, char y) {
        int p = at - 1;
        while (p >= off && ByteScan.isWs(b[p])) {
            p--;
        }
        return p >= off && (b[p] == x || b[p] == y);
    }

    /** Whether the first byte from {@code b[at]} on that is not white space is {@code x} or {@code y}. */
    private static boolean standsBefore(byte[] b, int at, int end, char x, char y) {
        int k = at;
        while (k < end && ByteScan.isWs(b[k])) {
            k++;
        }
        return k < end && (b[k] == x || b[k] == y);
    }

    /**
     * Whether {@code b[off, end)} is Nuxt 2's page state, {@code window.__NUXT__=(function(a,b,…){return {…}}(…));}:
     * a value the state holds twice is hoisted into an argument of that call, which is state all the same.
     */
    private static boolean isNuxtState(byte[] b, int off, int end) {
        int k = off;
        while (k < end && ByteScan.isWs(b[k])) {
            k++;
        }
        return ByteScan.startsWith(b, k, end, NUXT_STATE);
    }

    /**
     * Whether the string literal whose content is {@code literal} is an object's key or a property's value
     * ({@code {"//connect.facebook.net/…/sdk.js": 1}}, {@code src: "https://…"}): settings or page state rather than
     * code that fetches. Overwriting the URL keeps it from being fetched either way.
     */
    private static boolean isKeyOrValue(byte[] b, int off, int end, int[] literal) {
        int before = literal[0] - 2;
        while (before >= off && ByteScan.isWs(b[before])) {
            before--;
        }
        int after = literal[1] + 1;
        while (after < end && ByteScan.isWs(b[after])) {
            after++;
        }
        return before >= off && b[before] == ':' || after < end && b[after] == ':';
    }

    /**
     * Whether some string literal of {@code t[from, to)} starts with an absolute or scheme-relative URL and stands
     * where {@link #isKeyOrValue} or {@link UrlLiterals#attributeUrlAround} would take it as data (after a {@code :},
     * after a {@code {} or {@code ,} as a key, after {@code =\"}, or after {@code =} in a string of markup): the cheap
     * test made before the script's hosts are looked up, so that a tracker's own loader ({@code s.src = 'https://…'})
     * costs one pass over its quotes.
     */
    private static boolean mayHoldData(byte[] t, int from, int to) {
        for (int i = UrlLiterals.nextQuote(t, from, to); i < to; i = UrlLiterals.nextQuote(t, i + 1, to)) {
            if (!UrlLiterals.urlAt(t, i + 1, to)) {
                continue;
            }
            int p = i - 1;
            int limit = Math.max(from, p - UrlLiterals.MAX_LITERAL);
            if (p - 1 >= from && (t[p] == '\\' && (t[p - 1] == '=' || ":,[{".indexOf(t[p - 1]) >= 0)
                    || t[p] == '=' && UrlLiterals.inMarkupString(t, limit, p, t[i]))) {
                return true;
            }
            while (p >= from && ByteScan.isWs(t[p])) {
                p--;
            }
            if (p >= from
                    && (t[p] == ':' || (t[p] == '{' || t[p] == ',') && UrlLiterals.followedByColon(t, i, to))) {
                return true;
            }
        }
        return false;
    }

}
