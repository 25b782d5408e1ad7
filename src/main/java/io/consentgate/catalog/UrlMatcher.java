package io.consentgate.catalog;

import java.util.Set;

/**
 * Finds the host (and, for shared hosts, the path) of a URL the way a browser would parse it, then looks the host
 * and each parent domain up in the {@link HostIndex}. The common case (an absolute or protocol-relative URL with a
 * clean lower-case host, or a relative URL against a first-party base) allocates nothing; unusual inputs (tabs,
 * backslashes, upper-case or percent-encoded hosts, relative URLs on a tracker base) take a copying slow path.
 */
final class UrlMatcher {

    private record BaseVerdict(String base, boolean trackerHost) {
    }

    /** Marker: this URL needs the copying slow path. Never returned to callers. */
    private static final TrackerMatch UNCLEAN = new TrackerMatch(null, Set.of());

    private final HostIndex hosts;
    private final Matches matches;
    private volatile BaseVerdict lastBase = new BaseVerdict(null, false);

    UrlMatcher(HostIndex hosts, Matches matches) {
        this.hosts = hosts;
        this.matches = matches;
    }

    TrackerMatch match(String url, String base) {
        if (url == null) {
            return null;
        }
        int s = 0;
        int e = url.length();
        while (s < e && url.charAt(s) <= ' ') {
            s++;
        }
        while (e > s && url.charAt(e - 1) <= ' ') {
            e--;
        }
        if (s == e || isNeverTracked(url, s, e)) {
            return null;
        }
        int colon = schemeEnd(url, s, e);
        int a;
        if (colon >= 0) {
            if (!isWebScheme(url, s, colon)) {
                return null;
            }
            if (base != null && !slashes(url, colon + 1, e) && sameScheme(url, s, colon, base)) {
                TrackerMatch relative = matchSchemeRelative(url, colon + 1, e, base);
                if (relative != null) {
                    return relative;
                }
            }
            a = colon + 1;
        } else if (colon == -1 && e - s >= 2 && url.charAt(s) == '/' && url.charAt(s + 1) == '/') {
            a = s + 2;
        } else if (colon == -1 && !needsCleaning(url, s, e)) {
            return matchRelative(url, s, e, base);
        } else {
            return matchSlowly(url, s, e, base);
        }
        while (a < e && (url.charAt(a) == '/' || url.charAt(a) == '\\')) {
            a++;
        }
        TrackerMatch m = matchAuthority(url, a, e);
        return m == UNCLEAN ? matchSlowly(url, s, e, base) : m;
    }

    /**
     * {@code https:tr} or {@code https:/tr} (no {@code //}) with a base of the same scheme: the WHATWG URL parser
     * reads the rest as relative to the base ("special relative or authority state"), so it is the base's host that
     * is requested, not {@code tr}. When that is no tracker, the caller goes on to read {@code tr} as the host: on a
     * page whose own URL has another scheme (or once a tracker base is removed) that is the reading.
     */
    private TrackerMatch matchSchemeRelative(String url, int rest, int e, String base) {
        if (rest == e) {
            return match(base.strip(), null); // the base itself
        }
        return matchRelative(url.replace('\\', '/'), rest, e, base);
    }

    /** Whether {@code url[p..]} starts with two slashes (a backslash counts as one in http(s) URLs). */
    private static boolean slashes(String url, int p, int e) {
        return p + 1 < e && (url.charAt(p) == '/' || url.charAt(p) == '\\')
            && (url.charAt(p + 1) == '/' || url.charAt(p + 1) == '\\');
    }

    private static boolean sameScheme(String url, int s, int colon, String base) {
        String b = base.strip();
        int n = colon - s;
        return b.length() > n && b.charAt(n) == ':' && b.regionMatches(true, 0, url, s, n);
    }

    /** A relative URL matches only when the base is on a tracker host; it is then resolved (rare, copies). */
    private TrackerMatch matchRelative(String url, int s, int e, String base) {
        if (base == null || !baseIsTrackerHost(base)) {
            return null;
        }
        String resolved = resolve(url.substring(s, e), base.strip());
        return resolved == null ? null : match(resolved, null);
    }

    private boolean baseIsTrackerHost(String base) {
        BaseVerdict v = lastBase;
        if (v.base() != base) {
            v = new BaseVerdict(base, hostOf(base) != null);
            lastBase = v;
        }
        return v.trackerHost();
    }

    /** The normalized host of an absolute http(s) base URL when it or a parent is in the index, else null. */
    private String hostOf(String base) {
        String b = base.strip();
        if (needsCleaning(b, 0, b.length())) {
            b = UrlNormalizer.clean(b, 0, b.length());
        }
        int colon = schemeEnd(b, 0, b.length());
        int a;
        if (colon >= 0 && isWebScheme(b, 0, colon)) {
            a = colon + 1;
        } else if (colon == -1 && b.startsWith("//")) {
            a = 2; // scheme-relative: the page's scheme, the base's host
        } else {
            return null;
        }
        while (a < b.length() && b.charAt(a) == '/') {
            a++;
        }
        String host = UrlNormalizer.hostString(b, a, authorityEnd(b, a, b.length()));
        return host != null && hosts.coversHostOrParent(host, 0, host.length()) ? host : null;
    }

    private static String resolve(String rel, String base) {
        String b = needsCleaning(base, 0, base.length()) ? UrlNormalizer.clean(base, 0, base.length()) : base;
        int colon = schemeEnd(b, 0, b.length());
        int a = colon + 1;
        while (a < b.length() && b.charAt(a) == '/') {
            a++;
        }
        int ae = authorityEnd(b, a, b.length());
        String origin = "https://" + b.substring(a, ae);
        int q = ae;
        while (q < b.length() && b.charAt(q) != '?' && b.charAt(q) != '#') {
            q++;
        }
        char c0 = rel.charAt(0);
        if (c0 == '/') {
            return origin + rel;
        }
        if (c0 == '?') {
            return origin + b.substring(ae, q) + rel;
        }
        if (c0 == '#') {
            int h = b.indexOf('#', ae);
            return origin + b.substring(ae, h < 0 ? b.length() : h) + rel;
        }
        int lastSlash = b.lastIndexOf('/', q - 1);
        String dir = lastSlash < ae ? "/" : b.substring(ae, lastSlash + 1);
        return origin + dir + rel;
    }

    /**
     * The copying path for URLs with tabs, newlines, backslashes, or a host that needs decoding or folding: rewrite
     * the URL into the canonical {@code https://host/path} form, then match that on the fast path.
     */
    private TrackerMatch matchSlowly(String url, int s, int e, String base) {
        String u = UrlNormalizer.clean(url, s, e);
        int colon = schemeEnd(u, 0, u.length());
        int a;
        if (colon >= 0) {
            if (!isWebScheme(u, 0, colon)) {
                return null;
            }
            if (base != null && !slashes(u, colon + 1, u.length()) && sameScheme(u, 0, colon, base)) {
                TrackerMatch relative = matchSchemeRelative(u, colon + 1, u.length(), base);
                if (relative != null) {
                    return relative;
                }
            }
            a = colon + 1;
        } else if (u.startsWith("//")) {
            a = 2;
        } else {
            return u.isEmpty() ? null : matchRelative(u, 0, u.length(), base);
        }
        while (a < u.length() && u.charAt(a) == '/') {
            a++;
        }
        int ae = authorityEnd(u, a, u.length());
        String host = UrlNormalizer.hostString(u, a, ae);
        if (host == null) {
            return null;
        }
        String canonical = "https://" + host + u.substring(ae);
        TrackerMatch m = matchAuthority(canonical, 8, canonical.length());
        return m == UNCLEAN ? null : m;
    }

    /**
     * Scans the authority once (userinfo, port, end), then hashes the host from its last character backwards so
     * every parent domain's hash is known when its label boundary is reached; each is probed in the index. A longer
     * (more specific) host that matches wins over a parent. Returns {@link #UNCLEAN} when the host or the path a
     * rule needs holds characters only the slow path can fold.
     */
    private TrackerMatch matchAuthority(String url, int a, int e) {
        int hs = a;
        int port = -1;
        int ae = e;
        for (int k = a; k < e; k++) {
            char c = url.charAt(k);
            if (c == '/' || c == '?' || c == '#' || c == '\\') {
                ae = k;
                break;
            }
            if (c == '@') {
                hs = k + 1;
                port = -1;
            } else if (c == ':' && port < 0) {
                port = k;
            }
        }
        if (hs < ae && url.charAt(hs) == '[') {
            return null;
        }
        int he = port >= 0 ? port : ae;
        while (he > hs && url.charAt(he - 1) == '.') {
            he--;
        }
        TrackerMatch best = null;
        int h = 0;
        for (int k = he - 1; k >= hs - 1; k--) {
            char c = k >= hs ? url.charAt(k) : '.';
            if (c == '.') {
                if (k + 1 < he) {
                    HostIndex.Rule[] rules = hosts.get(h, url, k + 1, he);
                    if (rules != null) {
                        TrackerMatch m = applyRules(rules, url, ae, e);
                        if (m == UNCLEAN) {
                            return m;
                        }
                        best = m == null ? best : m;
                    }
                }
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return UNCLEAN;
            }
            h = 31 * h + c;
        }
        return best;
    }

    /** The first rule of a host whose path prefix (if any) the URL's path {@code url[ps,pe)} satisfies. */
    private TrackerMatch applyRules(HostIndex.Rule[] rules, String url, int ps, int pe) {
        for (HostIndex.Rule r : rules) {
            boolean needsPath = !r.path().isEmpty() || matches.hasTagRules(r.entry());
            if (needsPath && needsCleaning(url, ps, pe)) {
                return UNCLEAN;
            }
            if (r.path().isEmpty() || pathMatches(r.path(), url, ps, pe)) {
                return matches.forUrl(r.entry(), url, ps, pe);
            }
        }
        return null;
    }

    private static boolean pathMatches(String prefix, String p, int ps, int pe) {
        if (containsDotSegment(p, ps, pe) || containsPercent(p, ps, pe)) {
            String normalized = UrlNormalizer.removeDotSegments(UrlNormalizer.decodeUnreserved(p.substring(ps, pe)));
            return prefixAt(prefix, normalized, 0, normalized.length());
        }
        return prefixAt(prefix, p, ps, pe);
    }

    /**
     * Whether {@code p[ps,pe)} starts with the prefix at a segment boundary (or the prefix ends in '/'); a segment
     * {@code #} of the prefix stands for one or more ASCII digits.
     */
    private static boolean prefixAt(String prefix, String p, int ps, int pe) {
        int after = numberedPrefixEnd(prefix, p, ps, pe);
        if (after < 0) {
            return false;
        }
        if (prefix.charAt(prefix.length() - 1) == '/' || after >= pe) {
            return true;
        }
        char c = p.charAt(after);
        return c == '/' || c == '?' || c == '#' || c == ';';
    }

    /**
     * Where {@code prefix} ends when {@code p[ps,pe)} starts with it, each {@code #} of it taking a run of one or more
     * ASCII digits (an account or site number a vendor puts in its paths); -1 when {@code p} does not start with it.
     */
    static int numberedPrefixEnd(String prefix, String p, int ps, int pe) {
        if (prefix.indexOf('#') < 0) {
            return p.startsWith(prefix, ps) ? ps + prefix.length() : -1;
        }
        int k = ps;
        for (int c = 0; c < prefix.length(); c++) {
            char pc = prefix.charAt(c);
            if (pc == '#') {
                int digits = k;
                while (k < pe && p.charAt(k) >= '0' && p.charAt(k) <= '9') {
                    k++;
                }
                if (k == digits) {
                    return -1;
                }
            } else if (k < pe && p.charAt(k) == pc) {
                k++;
            } else {
                return -1;
            }
        }
        return k;
    }

    /** Whether the path has {@code /.}, {@code //} or {@code /%2e}: segments a browser or server would fold. */
    static boolean containsDotSegment(String p, int ps, int pe) {
        for (int i = ps; i < pe - 1; i++) {
            char c = p.charAt(i);
            if (c == '?' || c == '#') {
                return false;
            }
            if (c == '/') {
                char n = p.charAt(i + 1);
                if (n == '.' || n == '/' || (n == '%' && p.regionMatches(true, i + 1, "%2e", 0, 3))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the path (before any query) has a {@code %}: an escape a server may decode ({@code /%74r}). */
    private static boolean containsPercent(String p, int ps, int pe) {
        for (int i = ps; i < pe; i++) {
            char c = p.charAt(i);
            if (c == '?' || c == '#') {
                return false;
            }
            if (c == '%') {
                return true;
            }
        }
        return false;
    }

    static int authorityEnd(String url, int a, int e) {
        for (int i = a; i < e; i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return e;
    }

    /**
     * Index of the ':' ending a valid scheme at {@code s}; -1 when the URL has no scheme; -2 when a tab, CR or LF
     * inside what may be a scheme ({@code ht\tps:}) means only the cleaned URL can tell.
     */
    static int schemeEnd(String url, int s, int e) {
        if (s >= e || !isAsciiLetter(url.charAt(s))) {
            return -1;
        }
        for (int i = s + 1; i < e; i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return i;
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                return -2;
            }
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isWebScheme(String url, int s, int colon) {
        int n = colon - s;
        return (n == 5 && url.regionMatches(true, s, "https", 0, 5))
                || (n == 4 && url.regionMatches(true, s, "http", 0, 4))
                || (n == 3 && url.regionMatches(true, s, "wss", 0, 3))
                || (n == 2 && url.regionMatches(true, s, "ws", 0, 2));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isCleanHost(String url, int hs, int he) {
        for (int i = hs; i < he; i++) {
            char c = url.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Quick exit for the long non-web URLs ({@code data:} images) before anything scans the whole value. */
    private static boolean isNeverTracked(String url, int s, int e) {
        char c = url.charAt(s);
        return ((c == 'd' || c == 'D') && e - s > 5 && url.regionMatches(true, s, "data:", 0, 5))
                || ((c == 'j' || c == 'J') && e - s > 11 && url.regionMatches(true, s, "javascript:", 0, 11));
    }

    /** Whether a tab, CR, LF or backslash occurs before the query; the query and fragment are never cleaned. */
    private static boolean needsCleaning(String url, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = url.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || c == '\\') {
                return true;
            }
            if (c == '?' || c == '#') {
                return false;
            }
        }
        return false;
    }
}
