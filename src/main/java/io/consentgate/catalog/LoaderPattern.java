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
 * <p>One {@code *} may stand in the file name, after at least three characters of it, for one or more characters
 * other than {@code /}: a name a build gives a version or a digest ({@code /prebid*.js} matches
 * {@code /js/prebid8.52.0.min.js}, {@code /assets/google-tag-manager-*.js} a digest-named copy of the GTM snippet).
 * Or it may be a whole directory between two named ones, for a key a vendor puts in its path
 * ({@code /analytics.js/v1/*}{@code /analytics.js} matches Segment's loader on a custom domain,
 * {@code /analytics.js/v1/Wr1teKey/analytics.min.js}).
 *
 * <p>A pattern may end with an attribute the loading element must carry, in brackets: {@code /script.js[data-website-id]}
 * is a self-hosted tracker whose file name is any site's but whose configuration attribute is its own (Umami's
 * {@code <script src="https://stats.shop.example/script.js" data-website-id="…">}). Such a pattern matches only
 * where the element is known ({@link TrackerCatalog#matchLoader(String, java.util.function.Predicate)}). With two
 * attributes or more, all of which the element must carry, the path may be {@code /*.js}, any script file: for a
 * tracker served under a name of the site's choosing whose embed code has attributes no other script has together
 * ({@code /*.js[data-domain][data-api]}, Plausible through a proxy).
 *
 * <p>What a {@code *} stands for may have to match a regular expression as a whole ({@code shape}), for a vendor
 * that names its file with an id of a known form: {@code /launch-*.js} with {@code [0-9a-f]{12}(-development)?}
 * takes Adobe's {@code launch-1d4e7c9b2f60.min.js} and leaves a site's {@code launch-countdown.min.js}. With a shape,
 * the {@code *} may also start the file name below a named directory, for a vendor that names the file with the id
 * alone: {@code /hs/scriptloader/*.js} with {@code [0-9]+} takes HubSpot's {@code /hs/scriptloader/2345678.js}.
 *
 * @param path        the path suffix, starting with {@code /}
 * @param param       a required query parameter name, or {@code null}
 * @param valuePrefix the required start of that parameter's value (may be empty), or {@code null}
 * @param wildcard    {@code path} cut at its {@code *}, or {@code null} when it has none
 * @param attributes  the attributes the loading element must carry (lower case), none when empty
 * @param shape       what the {@code *} must stand for as a whole, or {@code null} for anything
 */
record LoaderPattern(String path, String param, String valuePrefix, Wildcard wildcard,
                     java.util.List<String> attributes, java.util.regex.Pattern shape) {

    /** The path of a pattern that takes any script file, allowed only with two attributes or more. */
    private static final String ANY_SCRIPT = "/*.js";

    /**
     * A path with a {@code *}, in three parts: {@code /assets/google-tag-manager-*.js} is the directories
     * {@code /assets/}, the file name's head {@code google-tag-manager-} and its tail {@code .js}; a directory
     * wildcard has an empty head and a tail that starts with {@code /} ({@code /analytics.js/v1/},
     * {@code /analytics.js}).
     */
    record Wildcard(String directories, String head, String tail) {

        static Wildcard of(String path) {
            int star = path.indexOf('*');
            if (star < 0) {
                return null;
            }
            int slash = path.lastIndexOf('/', star);
            return new Wildcard(path.substring(0, slash + 1), path.substring(slash + 1, star),
                path.substring(star + 1));
        }
    }

    /**
     * Parses {@code "/gtm.js?id=GTM-"}, {@code "/matomo.js"} or {@code "/script.js[data-website-id]"}; {@code null}
     * when malformed.
     */
    static LoaderPattern parse(String s) {
        return parse(s, false);
    }

    /**
     * Parses a pattern as {@link #parse(String)} does; when {@code shaped} (a {@code shape} will limit its {@code *}),
     * the {@code *} may also start the file name if a named directory comes before it ({@code /hs/scriptloader/*.js}).
     */
    static LoaderPattern parse(String s, boolean shaped) {
        java.util.List<String> attributes = new java.util.ArrayList<>();
        while (s != null && s.endsWith("]") && s.lastIndexOf('[') >= 0) {
            int bracket = s.lastIndexOf('[');
            String attribute = s.substring(bracket + 1, s.length() - 1);
            if (!isAttributeName(attribute)) {
                return null;
            }
            attributes.add(0, attribute);
            s = s.substring(0, bracket);
        }
        if (ANY_SCRIPT.equals(s)) {
            return attributes.size() < 2 ? null // any script file: only what two attributes of its own tell apart
                : new LoaderPattern(s, null, null, Wildcard.of(s), java.util.List.copyOf(attributes), null);
        }
        LoaderPattern p = parsePath(s, shaped);
        return p == null || attributes.isEmpty() ? p
            : new LoaderPattern(p.path, p.param, p.valuePrefix, p.wildcard, java.util.List.copyOf(attributes), null);
    }

    private static boolean isAttributeName(String a) {
        if (a.isEmpty()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    private static LoaderPattern parsePath(String s, boolean shaped) {
        if (s == null || !s.startsWith("/") || s.length() < 4) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '#' || c == '&' || c == '\\' || c == '[' || c == ']') {
                return null;
            }
        }
        int q = s.indexOf('?');
        int star = s.indexOf('*');
        int pathEnd = q < 0 ? s.length() : q;
        boolean directory = star > 1 && s.charAt(star - 1) == '/' && star + 1 < pathEnd && s.charAt(star + 1) == '/'
            && s.indexOf('/', star + 2) < 0 && pathEnd - star - 2 >= 3;
        // a shaped '*' may start the file name below a named directory: the shape, not the name's head, limits it
        int head = shaped && s.lastIndexOf('/', star) > 0 ? 0 : 3;
        if (star >= 0 && !directory && (s.indexOf('*', star + 1) >= 0 || q >= 0 && star > q
                || s.indexOf('/', star) >= 0 && s.indexOf('/', star) < pathEnd
                || star - s.lastIndexOf('/', star) - 1 < head)) {
            return null; // one '*', in the file name, after three characters of it, or a whole directory
        }
        if (directory && s.indexOf('*', star + 1) >= 0) {
            return null;
        }
        if (q < 0) {
            return new LoaderPattern(s, null, null, Wildcard.of(s), java.util.List.of(), null);
        }
        int eq = s.indexOf('=', q);
        if (eq <= q + 1 || s.indexOf('?', q + 1) >= 0 || s.indexOf('=', eq + 1) >= 0) {
            return null;
        }
        if (q == 1 && eq == s.length() - 1) {
            return null; // "/?id=" would take every script whose path ends in a slash and has an id
        }
        String path = s.substring(0, q);
        return new LoaderPattern(path, s.substring(q + 1, eq), s.substring(eq + 1), Wildcard.of(path),
            java.util.List.of(), null);
    }

    /** This pattern with its {@code *} limited to {@code shape}; {@code null} when it has no {@code *}. */
    LoaderPattern withShape(java.util.regex.Pattern shape) {
        return wildcard == null ? null : new LoaderPattern(path, param, valuePrefix, wildcard, attributes, shape);
    }

    /**
     * Whether the path {@code u[pathStart, pathEnd)} ends with this pattern's path (its {@code *} read as above);
     * {@code segment} is where the path's file name starts (after its last {@code /}), the same for every pattern.
     */
    boolean matchesPath(String u, int pathStart, int pathEnd, int segment) {
        Wildcard w = wildcard;
        if (w == null) {
            return pathEnd - pathStart >= path.length() && u.startsWith(path, pathEnd - path.length());
        }
        int starEnd = pathEnd - w.tail().length(); // where what the '*' stands for ends
        if (starEnd <= pathStart || !u.startsWith(w.tail(), starEnd)) {
            return false;
        }
        int start = w.tail().startsWith("/") ? u.lastIndexOf('/', starEnd - 1) + 1 : segment; // its segment's start
        int dirs = w.directories().length();
        return start > pathStart && starEnd - start > w.head().length() && start - pathStart >= dirs
            && u.startsWith(w.directories(), start - dirs)
            && u.startsWith(w.head(), start)
            && (shape == null || shape.matcher(u).region(start + w.head().length(), starEnd).matches());
    }

    @Override
    public String toString() {
        StringBuilder a = new StringBuilder();
        for (String attribute : attributes) {
            a.append('[').append(attribute).append(']');
        }
        String limited = shape == null ? "" : "{" + shape.pattern() + "}";
        return (param == null ? path : path + "?" + param + "=" + valuePrefix) + a + limited;
    }
}
