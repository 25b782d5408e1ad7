package io.consentgate.catalog;


/**
 * Finds the host (and, for shared hosts, the path) of a URL the way a browser would parse it, then looks the host
 * and each parent domain up in the {@link HostIndex}. The common case (an absolute or protocol-relative URL with a
 * clean lower-case host, or a relative URL against a first-party base) allocates nothing; unusual inputs (tabs,
 * backslashes, upper-case or percent-encoded hosts, relative URLs on a tracker base) take a copying slow path.
 */
final class UrlMatcher {

    private record BaseVerdict(String base, boolean trackerHost) {
    }

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
        if (s == e) {
            return null;
        }
        if (isNeverTracked(url, s, e)) {
            return null;
        }
        if (needsCleaning(url, s, e)) {
            url = UrlNormalizer.clean(url, s, e);
            s = 0;
            e = url.length();
        }
        int colon = schemeEnd(url, s, e);
        if (colon >= 0) {
            if (!isWebScheme(url, s, colon)) {
                return null;
            }
            int a = colon + 1;
            while (a < e && url.charAt(a) == '/') {
                a++;
            }
            return matchAuthority(url, a, e);
        }
        if (e - s >= 2 && url.charAt(s) == '/' && url.charAt(s + 1) == '/') {
            int a = s + 2;
            while (a < e && url.charAt(a) == '/') {
                a++;
            }
            return matchAuthority(url, a, e);
        }
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
        if (colon < 0 || !isWebScheme(b, 0, colon)) {
            return null;
        }
        int a = colon + 1;
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

    private TrackerMatch matchAuthority(String url, int a, int e) {
        int ae = authorityEnd(url, a, e);
        int hs = a;
        for (int i = ae - 1; i >= a; i--) {
            if (url.charAt(i) == '@') {
                hs = i + 1;
                break;
            }
        }
        if (hs < ae && url.charAt(hs) == '[') {
            return null;
        }
        int he = HostIndex.indexOf(url, ':', hs, ae);
        if (he < 0) {
            he = ae;
        }
        while (he > hs && url.charAt(he - 1) == '.') {
            he--;
        }
        if (he == hs) {
            return null;
        }
        if (!isCleanHost(url, hs, he)) {
            String host = UrlNormalizer.hostString(url, a, ae);
            if (host == null) {
                return null;
            }
            String rest = url.substring(ae, e);
            return lookup(host, 0, host.length(), rest, 0, rest.length());
        }
        return lookup(url, hs, he, url, ae, e);
    }

    /** Looks up host {@code h[hs,he)} and its parents; the path and query are {@code p[ps,pe)}. */
    private TrackerMatch lookup(String h, int hs, int he, String p, int ps, int pe) {
        for (int f = hs; f < he; ) {
            HostIndex.Rule[] rules = hosts.get(h, f, he);
            if (rules != null) {
                for (HostIndex.Rule r : rules) {
                    if (r.path().isEmpty() || pathMatches(r.path(), p, ps, pe)) {
                        return matches.forUrl(r.entry(), p, ps, pe);
                    }
                }
            }
            int dot = HostIndex.indexOf(h, '.', f, he);
            if (dot < 0) {
                return null;
            }
            f = dot + 1;
        }
        return null;
    }

    private static boolean pathMatches(String prefix, String p, int ps, int pe) {
        if (containsDotSegment(p, ps, pe)) {
            String normalized = UrlNormalizer.removeDotSegments(p.substring(ps, pe));
            return prefixAt(prefix, normalized, 0, normalized.length());
        }
        return prefixAt(prefix, p, ps, pe);
    }

    /** Whether {@code p[ps,pe)} starts with the prefix at a segment boundary (or the prefix ends in '/'). */
    private static boolean prefixAt(String prefix, String p, int ps, int pe) {
        if (!p.startsWith(prefix, ps)) {
            return false;
        }
        int after = ps + prefix.length();
        if (prefix.charAt(prefix.length() - 1) == '/' || after >= pe) {
            return true;
        }
        char c = p.charAt(after);
        return c == '/' || c == '?' || c == '#' || c == ';';
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

    static int authorityEnd(String url, int a, int e) {
        for (int i = a; i < e; i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return e;
    }

    /** Index of the ':' ending a valid scheme at {@code s}, or -1 when the URL has no scheme. */
    static int schemeEnd(String url, int s, int e) {
        if (s >= e || !isAsciiLetter(url.charAt(s))) {
            return -1;
        }
        for (int i = s + 1; i < e; i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return i;
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
