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
    /** How far a string literal around a host literal is looked for, each way. */
    private static final int MAX_LITERAL = 2048;

    private UrlListScript() {
    }

    /**
     * The script {@code b[off, off + len)} with its refused tracker URL literals overwritten, or {@code null} when it
     * is not such a list or such data (the caller then removes it).
     */
    static byte[] rewrite(byte[] b, int off, int len, TrackerCatalog catalog, Predicate<TrackerMatch> refused) {
        int end = off + len;
        boolean list = urlLiterals(b, off, end, 2) >= 2;
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
            int[] literal = attributeUrlAround(b, off, end, start, stop);
            boolean data = literal != null;
            if (!data) {
                literal = jsonInStringAround(b, off, end, start, stop);
                data = literal != null;
            }
            if (!data) {
                literal = literalAround(b, off, end, start, stop);
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
        if (!accepted[1] && urlLiterals(out, 0, out.length, 1) == 0
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
        for (int i = nextQuote(b, off, end); i + 1 < end; i = nextQuote(b, i + 1, end)) {
            if (!urlAt(b, i + 1, end) || !standsAfter(b, off, i, '[', ',')) {
                continue;
            }
            int j = i + 1;
            int jl = Math.min(end, j + MAX_LITERAL);
            while (j < jl && b[j] != b[i] && isUrlByte(b[j])
                    && !(b[j] == '\\' && j + 1 < jl && isQuote(b[j + 1]))
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
     * The content {@code [from, to)} of the string literal that holds the host literal at {@code [start, stop)} and
     * nothing but a URL around it; {@code null} when there is none.
     */
    private static int[] literalAround(byte[] b, int off, int end, int start, int stop) {
        int i = start - 1;
        int limit = Math.max(off, start - MAX_LITERAL);
        while (i >= limit && !isQuote(b[i])) {
            if (!isUrlByte(b[i])) {
                return null;
            }
            i--;
        }
        if (i < limit || i > off && b[i - 1] == '\\') {
            return null;
        }
        byte quote = b[i];
        int from = i + 1;
        int j = stop;
        int jl = Math.min(end, stop + MAX_LITERAL);
        while (j < jl && b[j] != quote) {
            if (!isUrlByte(b[j]) || b[j] == '\\' && j + 1 < jl && isQuote(b[j + 1])
                    || quote == '`' && b[j] == '$' && j + 1 < jl && b[j + 1] == '{') {
                return null;
            }
            j++;
        }
        if (j >= jl || !startsUrl(b, from, start)) {
            return null;
        }
        return new int[] {from, j};
    }

    /**
     * The URL {@code [from, to)} around the host literal at {@code [start, stop)} when it is a whole string of JSON
     * held in a string literal, written with escaped quotes, and stands there as a key, a value or an array's element
     * ({@code enqueue("[…,\"pixelUrl\",\"https://…\"]")}: the loader data React Router and Remix stream into the
     * page, {@code JSON.parse("{\"pixel\":\"https://…\"}")}); {@code null} otherwise.
     */
    private static int[] jsonInStringAround(byte[] b, int off, int end, int start, int stop) {
        int i = start - 1;
        int limit = Math.max(off, start - MAX_LITERAL);
        while (i >= limit && isUrlByte(b[i]) && b[i] != '\\') {
            i--;
        }
        if (i - 2 < limit || !isQuote(b[i]) || b[i - 1] != '\\' || ":,[{".indexOf(b[i - 2]) < 0) {
            return null;
        }
        int from = i + 1;
        int j = stop;
        int jl = Math.min(end - 2, stop + MAX_LITERAL);
        while (j < jl && isUrlByte(b[j]) && !(b[j] == '\\' && b[j + 1] == b[i])) {
            j++;
        }
        if (j >= jl || b[j] != '\\' || b[j + 1] != b[i] || ":,]}".indexOf(b[j + 2]) < 0
                || !startsUrl(b, from, start)) {
            return null;
        }
        return new int[] {from, j};
    }

    /**
     * The URL {@code [from, to)} around the host literal at {@code [start, stop)} when it is the value of an HTML
     * attribute inside a string, written with escaped quotes ({@code "<script src=\"https:\/\/…\"><\/script>"}):
     * HTML serialized into JSON, a consent manager's tag to inject after consent or a code sample in page state; or
     * with the other quote than the string's, in a string of markup that is a property's value
     * ({@code content:'<img src="https:\/\/…"\/>'}): a component's HTML in a widget tree a framework builds the
     * page from (ZK's {@code zkmx(…)}); {@code null} otherwise.
     */
    private static int[] attributeUrlAround(byte[] b, int off, int end, int start, int stop) {
        int i = start - 1;
        int limit = Math.max(off, start - MAX_LITERAL);
        while (i >= limit && isUrlByte(b[i])) {
            i--;
        }
        // b[i] is the quote that opens the attribute value: =\" or =\', or =" or =' inside a markup string
        if (i - 1 < limit || !isQuote(b[i])) {
            return null;
        }
        boolean escaped = b[i - 1] == '\\';
        if (escaped ? i - 2 < limit || b[i - 2] != '=' : b[i - 1] != '=' || !inMarkupString(b, limit, i - 1, b[i])) {
            return null;
        }
        int from = i + 1;
        int j = stop;
        int jl = Math.min(end - 1, stop + MAX_LITERAL);
        while (j < jl && isUrlByte(b[j]) && !(b[j] == '\\' && b[j + 1] == b[i])) {
            j++;
        }
        boolean closed = escaped ? b[j] == '\\' && b[j + 1] == b[i] : b[j] == b[i];
        if (j >= jl || !closed || b[j - 1] == '\\' || !startsUrl(b, from, start)) {
            return null;
        }
        return new int[] {from, j};
    }

    /**
     * Whether the {@code =} at {@code b[eq]}, before an attribute value quoted with {@code quote}, stands in a string
     * literal of markup that is a property's value (data, as {@link #isKeyOrValue} reads it; markup a script assigns
     * or inserts is code): walking back on the same line, the first quote of another kind opens a string after a
     * {@code :} whose text starts with a tag ({@code content:'<img height="1" src=},
     * {@code prolog: "<noscript><iframe src='}), with no brace between.
     */
    private static boolean inMarkupString(byte[] b, int limit, int eq, byte quote) {
        for (int k = eq - 1; k > limit; k--) {
            byte c = b[k];
            if (c == '\n' || c == '\r' || c == '{' || c == '}') {
                return false;
            }
            if (isQuote(c) && c != quote) {
                int p = k - 1;
                while (p >= limit && ByteScan.isWs(b[p])) {
                    p--;
                }
                return p >= limit && b[p] == ':' && k + 2 < eq && b[k + 1] == '<' && ByteScan.isAlpha(b[k + 2]);
            }
        }
        return false;
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
     * where {@link #isKeyOrValue} or {@link #attributeUrlAround} would take it as data (after a {@code :}, after a
     * {@code {} or {@code ,} as a key, after {@code =\"}, or after {@code =} in a string of markup): the cheap test
     * made before the script's hosts are looked up, so that a tracker's own loader ({@code s.src = 'https://…'})
     * costs one pass over its quotes.
     */
    private static boolean mayHoldData(byte[] t, int from, int to) {
        for (int i = nextQuote(t, from, to); i < to; i = nextQuote(t, i + 1, to)) {
            if (!urlAt(t, i + 1, to)) {
                continue;
            }
            int p = i - 1;
            if (p - 1 >= from && (t[p] == '\\' && (t[p - 1] == '=' || ":,[{".indexOf(t[p - 1]) >= 0)
                    || t[p] == '=' && inMarkupString(t, Math.max(from, p - MAX_LITERAL), p, t[i]))) {
                return true;
            }
            while (p >= from && ByteScan.isWs(t[p])) {
                p--;
            }
            if (p >= from && (t[p] == ':' || (t[p] == '{' || t[p] == ',') && followedByColon(t, i, to))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the literal starting at {@code from} is an absolute or scheme-relative URL, or the host itself. */
    private static boolean startsUrl(byte[] b, int from, int hostStart) {
        if (from == hostStart) {
            return true;
        }
        int k = from;
        while (k < hostStart && (b[k] >= 'a' && b[k] <= 'z' || b[k] >= 'A' && b[k] <= 'Z')) {
            k++;
        }
        if (k > from) {
            if (k >= hostStart || b[k] != ':') {
                return false;
            }
            k++;
        }
        return slashes(b, k, hostStart) >= 0;
    }

    /**
     * Index after {@code //} at {@code k}, each slash also written {@code \/} or as its Unicode escape (Nuxt 2
     * writes every slash of its state so); -1 when none.
     */
    private static int slashes(byte[] b, int k, int limit) {
        for (int n = 0; n < 2; n++) {
            if (k < limit && b[k] == '/') {
                k++;
            } else if (k + 1 < limit && b[k] == '\\' && b[k + 1] == '/') {
                k += 2;
            } else if (k + 5 < limit && b[k] == '\\' && b[k + 1] == 'u' && b[k + 2] == '0' && b[k + 3] == '0'
                    && b[k + 4] == '2' && (b[k + 5] == 'F' || b[k + 5] == 'f')) {
                k += 6;
            } else {
                return -1;
            }
        }
        return k;
    }

    /**
     * How many string literals of {@code t[from, to)} start with an absolute or scheme-relative URL, counted up to
     * {@code enough}. The quotes are found eight bytes at a time: every script about to be removed passes here.
     */
    private static int urlLiterals(byte[] t, int from, int to, int enough) {
        int n = 0;
        int i = from;
        while (n < enough && (i = nextQuote(t, i, to)) + 1 < to) {
            if (urlAt(t, i + 1, to)) {
                n++;
            }
            i++;
        }
        return n;
    }

    /** Whether the string literal opening at {@code t[open]} is followed by a {@code :}, as an object's key is. */
    private static boolean followedByColon(byte[] t, int open, int to) {
        int k = open + 1;
        int limit = Math.min(to, k + MAX_LITERAL);
        while (k < limit && t[k] != t[open]) {
            k += t[k] == '\\' ? 2 : 1;
        }
        k++;
        while (k < to && ByteScan.isWs(t[k])) {
            k++;
        }
        return k < to && t[k] == ':';
    }

    /** Whether {@code t[k, to)} starts with an absolute or scheme-relative URL (escaped slashes included). */
    private static boolean urlAt(byte[] t, int k, int to) {
        int s = k;
        while (k < to && (t[k] >= 'a' && t[k] <= 'z' || t[k] >= 'A' && t[k] <= 'Z')) {
            k++;
        }
        boolean scheme = k == s || k < to && t[k++] == ':';
        int h = scheme ? slashes(t, k, to) : -1;
        return h >= 0 && h < to && (Character.isLetterOrDigit(t[h]) || t[h] == '[');
    }

    /** The index of the next {@code "}, {@code '} or {@code `} in {@code t[i, to)}, or {@code to}. */
    private static int nextQuote(byte[] t, int i, int to) {
        while (i + 8 <= to) {
            long w = ByteScan.word(t, i);
            long q = ByteScan.equal(w, '"') | ByteScan.equal(w, '\'') | ByteScan.equal(w, '`');
            if (q != 0) {
                return i + (Long.numberOfTrailingZeros(q) >>> 3);
            }
            i += 8;
        }
        while (i < to && !isQuote(t[i])) {
            i++;
        }
        return i;
    }

    private static boolean isQuote(byte c) {
        return c == '"' || c == '\'' || c == '`';
    }

    /** A byte that may stand in a URL as a script writes it ({@code \/} escapes included); no space, no quote. */
    private static boolean isUrlByte(byte c) {
        return c > ' ' && c < 127 && c != '"' && c != '\'' && c != '`' && c != '<' && c != '>' && c != '{'
            && c != '}' && c != '|' && c != '^';
    }
}
