package io.consentgate.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** First-party collection path lookup: exact paths by hash, then prefixes, longest first. */
final class EndpointMatcher {

    private record Rule(int entry, EndpointPattern pattern) {
    }

    private final Map<String, Rule> exact = new HashMap<>();
    private final Map<String, Rule> exactSpecific = new HashMap<>();
    private final List<Rule> prefixes = new ArrayList<>();
    /** The specific exact paths, longest first: {@link #matchPixel} reads them as path endings. */
    private final List<Rule> pixelPaths = new ArrayList<>();
    /** The ASCII bytes of {@link #pixelPaths} by their last byte: {@link #mayEndWithPixelPath}'s table. */
    private final byte[][][] pixelTails = new byte[128][][];
    private final Matches matches;

    EndpointMatcher(List<CatalogEntry> entries, Matches matches) {
        this.matches = matches;
        for (int i = 0; i < entries.size(); i++) {
            for (EndpointPattern p : entries.get(i).endpointPatterns()) {
                Rule r = new Rule(i, p);
                if (p.prefix()) {
                    prefixes.add(r);
                } else {
                    // A later entry (an override) wins; a specific rule beats a generic one for the same path.
                    Rule prev = exact.get(p.path());
                    if (prev == null || prev.pattern().generic() || !p.generic()) {
                        exact.put(p.path(), r);
                    }
                    if (!p.generic()) {
                        exactSpecific.put(p.path(), r);
                    }
                }
            }
        }
        prefixes.sort((a, b) -> Integer.compare(b.pattern().path().length(), a.pattern().path().length()));
        pixelPaths.addAll(exactSpecific.values());
        pixelPaths.removeIf(r -> r.pattern().path().length() <= 1);
        // the longest path first, so the most precise entry names a pixel whatever the map's order
        pixelPaths.sort((a, b) -> Integer.compare(b.pattern().path().length(), a.pattern().path().length()));
        for (Rule r : pixelPaths) {
            byte[] path = r.pattern().path().getBytes(StandardCharsets.UTF_8);
            int last = path[path.length - 1];
            if (last > 0) { // an exact path ending in a non-ASCII byte is left to matchPixel's decoded reading
                byte[][] known = pixelTails[last];
                byte[][] grown = known == null ? new byte[1][] : Arrays.copyOf(known, known.length + 1);
                grown[grown.length - 1] = path;
                pixelTails[last] = grown;
            }
        }
    }

    /**
     * Whether the raw URL bytes {@code b[from, pathEnd)} (scheme, host and path; {@code pathEnd} at the query's
     * {@code ?}) end, after any trailing slashes, with the bytes of a specific exact collection path (a path-relative
     * URL may also be that path without its first {@code /}), or may once read: they hold {@code %}, {@code &},
     * {@code ;}, {@code \} or a control byte, which decoding, path parameters or the URL parser can change. A cheap
     * first test, byte for byte and without a string, before {@link #matchPixel} reads the URL itself: false means
     * {@link #matchPixel} finds no exact collection path at the end of that URL's path.
     */
    boolean mayEndWithPixelPath(byte[] b, int from, int pathEnd) {
        int end = pathEnd;
        while (end > from + 1 && b[end - 1] == '/') {
            end--;
        }
        if (end <= from) {
            return false;
        }
        int last = b[end - 1];
        byte[][] tails = last > 0 ? pixelTails[last] : null;
        if (tails != null) {
            for (byte[] tail : tails) {
                int start = end - tail.length;
                if (start >= from ? Arrays.equals(b, start, end, tail, 0, tail.length)
                        : start == from - 1 && Arrays.equals(b, from, end, tail, 1, tail.length)) {
                    return true;
                }
            }
        }
        for (int i = from; i < end; i++) {
            byte c = b[i];
            if (c == '%' || c == '&' || c == ';' || c == '\\' || (c & 0xff) <= ' ') {
                return true; // the path as read may end otherwise
            }
        }
        return false;
    }

    /**
     * An image URL on any host whose path ends with a specific (non-generic) exact endpoint, or starts with a specific
     * prefix: a tracker's pixel sent to a collection server of the site's own ({@code
     * https://stats.shop.example/matomo.php?idsite=1&rec=1}), also with a path below a PHP script
     * ({@code /matomo.php/x?idsite=1&rec=1}, as {@link #match} reads it). A linear scan: the rewriter asks for the
     * images in {@code <noscript>}, and for others only when {@link #mayEndWithPixelPath} lets them through.
     */
    TrackerMatch matchPixel(String url) {
        String p = EndpointPattern.withoutTrailingSlash(LoaderMatcher.path(url));
        int php = p.indexOf(".php/");
        String script = php < 0 ? null : p.substring(0, php + 4); // PATH_INFO, as in match
        for (Rule r : pixelPaths) {
            if (p.endsWith(r.pattern().path()) || script != null && script.endsWith(r.pattern().path())) {
                return matches.byDefault(r.entry());
            }
        }
        for (Rule pr : prefixes) {
            if (!pr.pattern().generic() && p.startsWith(pr.pattern().path())) {
                return matches.byDefault(pr.entry());
            }
        }
        return null;
    }

    TrackerMatch match(String path, boolean includeGeneric) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        int q = path.indexOf('?');
        String p = q < 0 ? path : path.substring(0, q);
        Rule r = (includeGeneric ? exact : exactSpecific).get(EndpointPattern.withoutTrailingSlash(p));
        if (r != null) {
            return matches.byDefault(r.entry());
        }
        // A PHP script runs for the paths below it too (PATH_INFO: Apache's default for PHP, cgi.fix_pathinfo), so
        // /matomo.php/x reaches the tracker behind a proxy in front of PHP just as /matomo.php does.
        int php = p.indexOf(".php/");
        Rule script = php < 0 ? null : (includeGeneric ? exact : exactSpecific).get(p.substring(0, php + 4));
        if (script != null) {
            return matches.byDefault(script.entry());
        }
        for (Rule pr : prefixes) {
            if ((includeGeneric || !pr.pattern().generic()) && p.startsWith(pr.pattern().path())) {
                return matches.byDefault(pr.entry());
            }
        }
        return null;
    }
}
