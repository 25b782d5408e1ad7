package io.consentgate.catalog;

/**
 * A path a tracker's loader script keeps wherever it is served from: on a first-party proxy or a server-side tagging
 * domain ({@code https://sgtm.shop.example/gtm.js?id=GTM-ABC}, {@code /metrics/gtag/js?id=G-XYZ}) the host says
 * nothing, but the path and its tag id still do.
 *
 * <p>A URL matches when its path ends with {@code path} (which starts with {@code /}, so at a segment boundary) and,
 * when {@code param} is set, its query has that parameter with a value starting with {@code valuePrefix} (ASCII case
 * ignored) followed by a letter or digit. The path {@code /} alone (any path ending in a slash) needs a parameter with
 * a value prefix, and never matches the root path: {@code /?id=GTM-} is a Google tag served through Google tag gateway
 * under a path of the site's own choosing ({@code /metrics/?id=GTM-ABC}).
 *
 * @param path        the path suffix, starting with {@code /}
 * @param param       a required query parameter name, or {@code null}
 * @param valuePrefix the required start of that parameter's value (may be empty), or {@code null}
 */
record LoaderPattern(String path, String param, String valuePrefix) {

    /** Parses {@code "/gtm.js?id=GTM-"} or {@code "/matomo.js"}; {@code null} when malformed. */
    static LoaderPattern parse(String s) {
        if (s == null || !s.startsWith("/") || s.length() < 4) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '#' || c == '*' || c == '&' || c == '\\') {
                return null;
            }
        }
        int q = s.indexOf('?');
        if (q < 0) {
            return new LoaderPattern(s, null, null);
        }
        int eq = s.indexOf('=', q);
        if (eq <= q + 1 || s.indexOf('?', q + 1) >= 0 || s.indexOf('=', eq + 1) >= 0) {
            return null;
        }
        if (q == 1 && eq == s.length() - 1) {
            return null; // "/?id=" would take every script whose path ends in a slash and has an id
        }
        return new LoaderPattern(s.substring(0, q), s.substring(q + 1, eq), s.substring(eq + 1));
    }

    @Override
    public String toString() {
        return param == null ? path : path + "?" + param + "=" + valuePrefix;
    }
}
