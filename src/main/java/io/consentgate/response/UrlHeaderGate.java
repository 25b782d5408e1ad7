package io.consentgate.response;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import io.consentgate.html.HeaderUrls;

/**
 * Response headers whose URL the browser fetches or navigates to by itself, judged as their markup twins are in the
 * page ({@link HeaderUrls}).
 *
 * <ul>
 *   <li>{@code Link} (RFC 8288) as resource hints: a browser preloads, prefetches or connects to what a {@code Link}
 *       with such a {@code rel} names before it reads the page, from the final response and, with
 *       {@code 103 Early Hints}, before it. Each link whose {@code rel} fetches (the relations of
 *       {@code <link rel>}) and whose target the catalog matches for a refused category, by host or by a loader's
 *       path, is taken out of the value; the other links stay as written. The value is read as browsers split it:
 *       link-values separated by commas outside {@code <...>} and outside quoted strings, parameters after
 *       {@code ;}. A link-value that does not start with {@code <...>} is one browsers ignore, and it is left as
 *       it is.</li>
 *   <li>{@code Refresh}, which navigates like {@code <meta http-equiv=refresh>}: refused when its URL is a refused
 *       tracker's.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class UrlHeaderGate {

    private final TrackerCatalog catalog;

    public UrlHeaderGate(TrackerCatalog catalog) {
        this.catalog = catalog;
    }

    /** Whether a {@code Refresh} header with this value would navigate to a tracker {@code decision} refuses. */
    public boolean refusesRefresh(String value, ConsentDecision decision) {
        if (value == null || decision.refused().isEmpty()) {
            return false;
        }
        String url = HeaderUrls.refreshUrl(value);
        TrackerMatch m = url == null ? null : catalog.matchUrl(url, null);
        return m != null && !decision.allowsAll(m.categories());
    }

    /**
     * The {@code Link} value without the links that would fetch a tracker {@code decision} refuses: {@code value}
     * itself when nothing is refused, {@code null} when every link is.
     */
    public String filterLink(String value, ConsentDecision decision) {
        if (value == null || decision.refused().isEmpty() || value.indexOf('<') < 0) {
            return value;
        }
        StringBuilder kept = null;
        int n = value.length();
        int i = 0;
        int copied = 0; // value[0..copied) has been decided: kept in 'kept' (once something was dropped)
        while (i < n) {
            int start = i;
            int end = linkValueEnd(value, i);
            if (refused(value, start, end, decision)) {
                if (kept == null) {
                    kept = new StringBuilder(n);
                    kept.append(value, 0, start);
                }
                copied = end < n ? end + 1 : n; // the link and its comma
            } else if (kept != null) {
                kept.append(value, copied, end < n ? end + 1 : n);
                copied = end < n ? end + 1 : n;
            }
            i = end + 1;
        }
        if (kept == null) {
            return value;
        }
        String result = trimSeparators(kept);
        return result.isEmpty() ? null : result;
    }

    /** The index of the comma that ends the link-value starting at {@code i}, or the value's length. */
    private static int linkValueEnd(String v, int i) {
        int n = v.length();
        boolean inUri = false;
        boolean quoted = false;
        for (; i < n; i++) {
            char c = v.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (inUri) {
                inUri = c != '>';
            } else if (c == '<') {
                inUri = true;
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                return i;
            }
        }
        return n;
    }

    /** Whether the link-value {@code v[from..to)} is a fetching hint to a tracker the decision refuses. */
    private boolean refused(String v, int from, int to, ConsentDecision decision) {
        int p = skipSpace(v, from, to);
        if (p >= to || v.charAt(p) != '<') {
            return false; // not a link-value: browsers ignore it
        }
        int close = v.indexOf('>', p + 1);
        if (close < 0 || close >= to || !fetches(v, close + 1, to)) {
            return false;
        }
        String url = v.substring(p + 1, close);
        TrackerMatch m = catalog.matchUrl(url, null);
        if (m == null) {
            m = catalog.matchLoader(url); // a tracker's loader path on a first-party proxy or tagging host
        }
        return m != null && !decision.allowsAll(m.categories());
    }

    /**
     * Whether a {@code rel} parameter among {@code v[p..to)} names a relation that fetches. Every {@code rel}
     * counts, not only the first that RFC 8288 keeps.
     */
    private static boolean fetches(String v, int p, int to) {
        while (p < to) {
            int semi = v.indexOf(';', p);
            if (semi < 0 || semi >= to) {
                return false;
            }
            p = skipSpace(v, semi + 1, to);
            int nameEnd = p;
            while (nameEnd < to && "=;, \t".indexOf(v.charAt(nameEnd)) < 0) {
                nameEnd++;
            }
            boolean rel = nameEnd - p == 3 && v.regionMatches(true, p, "rel", 0, 3);
            int q = skipSpace(v, nameEnd, to);
            if (q >= to || v.charAt(q) != '=') {
                p = q;
                continue;
            }
            q = skipSpace(v, q + 1, to);
            String value;
            if (q < to && v.charAt(q) == '"') {
                StringBuilder s = new StringBuilder();
                for (q++; q < to && v.charAt(q) != '"'; q++) {
                    char c = v.charAt(q);
                    if (c == '\\' && q + 1 < to) {
                        c = v.charAt(++q);
                    }
                    s.append(c);
                }
                value = s.toString();
                q++;
            } else {
                int e = q;
                while (e < to && v.charAt(e) != ';') {
                    e++;
                }
                value = v.substring(q, e);
                q = e;
            }
            if (rel && HeaderUrls.isFetchingRel(value)) {
                return true;
            }
            p = q;
        }
        return false;
    }

    private static int skipSpace(String v, int p, int to) {
        while (p < to && (v.charAt(p) == ' ' || v.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }

    /** The kept links without the separators a dropped link left at either end. */
    private static String trimSeparators(StringBuilder s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ',' || s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ',' || s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }
}
