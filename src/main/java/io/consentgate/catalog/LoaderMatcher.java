package io.consentgate.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Matches script URLs on any host against the catalog's {@link LoaderPattern}s, on the path as servers map it
 * (percent escapes of unreserved characters decoded, path parameters dropped). Only loader URLs are asked (a few per
 * page), so a linear scan over the handful of patterns is enough.
 */
final class LoaderMatcher {

    /**
     * @param shape the entry's tag-id rule whose prefix is the pattern's value prefix (its body's shape then applies
     *              to the value), or {@code null}
     */
    private record Rule(int entry, LoaderPattern pattern, TagIdRule shape) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Matches matches;

    LoaderMatcher(List<CatalogEntry> entries, Matches matches) {
        this.matches = matches;
        for (int i = 0; i < entries.size(); i++) {
            for (LoaderPattern p : entries.get(i).loaders()) {
                TagIdRule shape = null;
                for (TagIdRule t : entries.get(i).tagIds()) {
                    if (p.valuePrefix() != null && !p.valuePrefix().isEmpty()
                            && t.prefix().equalsIgnoreCase(p.valuePrefix())) {
                        shape = t;
                    }
                }
                rules.add(new Rule(i, p, shape));
            }
        }
    }

    /**
     * @param url          an absolute, protocol-relative or relative URL, character references already decoded
     * @param hasAttribute whether the loading element carries an attribute (lower-case name), or {@code null} when
     *                     the element is not known: patterns that need one then never match
     */
    TrackerMatch match(String url, Predicate<String> hasAttribute) {
        if (url == null || rules.isEmpty()) {
            return null;
        }
        String u = url.strip();
        int pathStart = pathStart(u);
        u = mappedPath(belowDirectory(u, pathStart), pathStart);
        TrackerMatch m = match(u, pathStart, hasAttribute);
        if (m == null) {
            String plain = unminified(u, pathStart);
            m = plain == null ? null : match(plain, pathStart, hasAttribute);
        }
        return m;
    }

    private TrackerMatch match(String u, int pathStart, Predicate<String> hasAttribute) {
        int end = u.indexOf('#');
        end = end < 0 ? u.length() : end;
        int query = u.indexOf('?', pathStart);
        int pathEnd = query < 0 || query > end ? end : query;
        boolean noLoaderFile = inNoLoaderDirectory(u, pathStart, pathEnd);
        int segment = u.lastIndexOf('/', pathEnd - 1) + 1;
        for (Rule r : rules) {
            LoaderPattern p = r.pattern();
            if (!p.matchesPath(u, pathStart, pathEnd, segment)) {
                continue;
            }
            if (!p.attributes().isEmpty() && !carriesAll(hasAttribute, p.attributes())) {
                continue; // a file name any site may use, without the tracker's own attributes
            }
            if (p.path().length() == 1 && pathEnd - pathStart < 2) {
                continue; // "/?id=…" names a directory the site serves a tag under, never the site's root
            }
            if (noLoaderFile && p.path().length() > 1 && p.path().lastIndexOf('/') == 0) {
                continue; // a bare file name in a locale directory is a translation: flatpickr's l10n/at.js (Austria),
                          // or in ActionTag's directory EveryAction's form library (ea-actiontag/at.js)
            }
            if (p.param() == null) {
                return matches.byDefault(r.entry());
            }
            if (pathEnd < end && hasParam(u, pathEnd, end, p.param(), p.valuePrefix(), r.shape())) {
                return matches.forUrl(r.entry(), u, pathStart, end);
            }
        }
        return null;
    }

    private static boolean carriesAll(Predicate<String> hasAttribute, List<String> attributes) {
        if (hasAttribute == null) {
            return false;
        }
        for (String a : attributes) {
            if (!hasAttribute.test(a)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Directory names whose files are never a tracker's loader by a bare file name: those that hold translations, one
     * file per locale ({@code l10n/at.js}), and those of EveryAction's ActionTag, whose {@code at.js} draws the
     * donation and sign-up forms of nonprofit sites ({@code static.everyaction.com/ea-actiontag/at.js}, NGP VAN's
     * older {@code …cloudfront.net/actiontag/at.js}), not Adobe Target's.
     */
    private static final java.util.Set<String> NO_LOADER_DIRECTORIES =
        java.util.Set.of("l10n", "i18n", "locale", "locales", "lang", "langs", "actiontag", "ea-actiontag");

    /**
     * Whether the file of the path {@code u[pathStart, pathEnd)} sits in a locale directory, or another of the
     * directories above (ASCII case ignored).
     */
    static boolean inNoLoaderDirectory(String u, int pathStart, int pathEnd) {
        int file = u.lastIndexOf('/', pathEnd - 1);
        if (file <= pathStart) {
            return false;
        }
        int dir = u.lastIndexOf('/', file - 1);
        if (dir < pathStart) {
            return false;
        }
        return NO_LOADER_DIRECTORIES.contains(u.substring(dir + 1, file).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * {@code u} with the build's marks taken out of its file name, or {@code null} when it has none: the version hash
     * of ACS AEM Commons' versioned clientlibs ({@code .ACSHASH<md5>}; a bare {@code .<md5>} is left, as fingerprinted
     * bundles of a site's own would then read as a vendor's generic name), {@code .min}
     * before {@code .js} ({@code atjs.min.js} is {@code atjs.js}) and AEM's long-cache selector {@code .lc-<hash>-lc}
     * ({@code atjs.lc-0f9e…-lc.min.js}, which changes with every deployment). A pattern written with {@code .min.js}
     * still matches the name as it is.
     */
    static String unminified(String u, int pathStart) {
        int end = pathStart;
        while (end < u.length() && u.charAt(end) != '?' && u.charAt(end) != '#') {
            end++;
        }
        if (!u.startsWith(".js", end - 3)) {
            return null;
        }
        int name = u.lastIndexOf('/', end - 1) + 1;
        int stem = end - 3;
        int hash = u.lastIndexOf('.', stem - 1);
        if (hash > name && u.startsWith(".ACSHASH", hash) && isHex(u, hash + 8, stem)) {
            stem = hash; // a versioned clientlib of ACS AEM Commons: atjs.min.ACSHASH<md5>.js
        }
        if (stem - 4 > name && u.startsWith(".min", stem - 4)) {
            stem -= 4;
        }
        if (stem - 3 > name && u.startsWith("-lc", stem - 3)) {
            int lc = u.lastIndexOf(".lc-", stem - 3);
            if (lc > name && isHex(u, lc + 4, stem - 3)) {
                stem = lc;
            }
        }
        return stem == end - 3 ? null : u.substring(0, stem) + u.substring(end - 3);
    }

    private static boolean isHex(String u, int from, int to) {
        if (to - from < 8) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (Character.digit(u.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The path of {@code url} as {@link #match} reads it: after the authority of an absolute or protocol-relative URL,
     * a path-relative one below a directory ({@code matomo.php} as {@code /matomo.php}), mapped as servers map it, and
     * without query or fragment.
     */
    static String path(String url) {
        String u = url.strip();
        int pathStart = pathStart(u);
        u = mappedPath(belowDirectory(u, pathStart), pathStart);
        int end = pathStart;
        while (end < u.length() && u.charAt(end) != '?' && u.charAt(end) != '#') {
            end++;
        }
        return u.substring(pathStart, end);
    }

    /**
     * A path-relative URL ({@code gtm.js?id=…}) resolves into a directory of the base: its first segment follows a
     * {@code /}, as in {@code ./gtm.js}, and the patterns, which start with {@code /}, see it so.
     */
    private static String belowDirectory(String u, int pathStart) {
        return pathStart == 0 && !u.isEmpty() && u.charAt(0) != '/' && u.charAt(0) != '\\' ? "/" + u : u;
    }

    /**
     * {@code u} with its path as Jetty and Tomcat map it to a file or servlet: percent escapes of unreserved characters
     * decoded ({@code /%67tm.js} is {@code /gtm.js}) and path parameters dropped ({@code /gtm.js;v=1} too). An escaped
     * {@code /}, {@code ;}, {@code ?} or {@code #} is not decoded and keeps its place in the structure.
     */
    private static String mappedPath(String u, int pathStart) {
        if (u.indexOf('%', pathStart) >= 0) {
            u = u.substring(0, pathStart) + UrlNormalizer.decodeUnreserved(u.substring(pathStart));
        }
        int semi = u.indexOf(';', pathStart);
        if (semi < 0) {
            return u;
        }
        int pathEnd = pathStart;
        while (pathEnd < u.length() && u.charAt(pathEnd) != '?' && u.charAt(pathEnd) != '#') {
            pathEnd++;
        }
        if (semi > pathEnd) {
            return u;
        }
        StringBuilder sb = new StringBuilder(u.length()).append(u, 0, pathStart);
        boolean parameter = false;
        for (int i = pathStart; i < pathEnd; i++) {
            char c = u.charAt(i);
            parameter = c == ';' || parameter && c != '/';
            if (!parameter) {
                sb.append(c);
            }
        }
        return sb.append(u, pathEnd, u.length()).toString();
    }

    /** Where the path starts: after the authority of an absolute or protocol-relative URL, else at 0. */
    private static int pathStart(String u) {
        int a;
        int scheme = u.indexOf("://");
        if (u.startsWith("//")) {
            a = 2;
        } else if (scheme > 0 && isScheme(u, scheme)) {
            a = scheme + 3;
        } else {
            return 0;
        }
        while (a < u.length() && "/?#\\".indexOf(u.charAt(a)) < 0) {
            a++;
        }
        return a;
    }

    /** Whether {@code u[0..end)} reads as a scheme; a plain loop, as every script URL of a page passes here. */
    private static boolean isScheme(String u, int end) {
        for (int i = 0; i < end; i++) {
            char c = u.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the query {@code u[q..end)} (from its '?') has {@code name=} with a value starting with the prefix, and
     * when the prefix is a tag-id prefix of the entry ({@code shape}), with a value of that id's shape.
     */
    private static boolean hasParam(String u, int q, int end, String name, String prefix, TagIdRule shape) {
        for (int i = q + 1; i + name.length() < end; i++) {
            char prev = u.charAt(i - 1);
            if ((prev == '?' || prev == '&') && u.startsWith(name, i) && u.charAt(i + name.length()) == '=') {
                int v = i + name.length() + 1;
                if (!u.regionMatches(true, v, prefix, 0, prefix.length())) {
                    return false;
                }
                return shape != null ? shape.bodyAt(u, v + prefix.length(), end)
                    : v + prefix.length() < end && Matches.isTagChar(u.charAt(v + prefix.length()));
            }
        }
        return false;
    }
}
