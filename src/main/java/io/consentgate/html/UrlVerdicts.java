package io.consentgate.html;

import io.consentgate.catalog.TrackerMatch;
import java.nio.charset.StandardCharsets;

/**
 * Whether a URL in the current tag's attributes names a refused tracker: by its host ({@link HostFilter} first, then
 * the catalog), by the path a tracker's loader or collection endpoint keeps on a host the catalog cannot know, for a
 * single URL or each candidate of a {@code srcset}. Allowed matches are reported as
 * {@link TrackerEvent.Action#ALLOWED}. Relative URLs are matched against the page's base URL, which this class keeps
 * ({@link #baseHref}, {@link #inheritBase}). Owned by one {@link ElementRules}; answers about the tag the tokenizer
 * holds.
 */
final class UrlVerdicts {

    private final ElementRules rules;
    private final RewriteEngine engine;
    private final Tokenizer t;
    private final HtmlRewriter cfg;
    private final HostFilter.Memo hostMemo = new HostFilter.Memo();
    private final HostFilter hostFilter;
    /** {@link #hasAttribute}, made once: a loader check would otherwise allocate it for each URL it reads. */
    private final java.util.function.Predicate<String> hasAttribute = this::hasAttribute;
    private String base;
    private boolean baseSeen;
    private boolean baseCandidate;

    UrlVerdicts(ElementRules rules, RewriteEngine engine) {
        this.rules = rules;
        this.engine = engine;
        this.t = engine.tok;
        this.cfg = engine.cfg;
        this.hostFilter = cfg.hostFilter;
    }

    /**
     * The refusing match for attribute {@code i} (a URL, or a srcset when {@code srcset}), or {@code null}. Allowed
     * matches are reported as {@link TrackerEvent.Action#ALLOWED}.
     */
    TrackerMatch check(int i, boolean srcset) {
        int v = t.valueFrom(i);
        if (v < 0) {
            return null;
        }
        int end = t.valueTo(i);
        if (!srcset) {
            return verdict(t.buf, v, end);
        }
        byte[] b = t.buf;
        int p = v;
        while (p < end) {
            while (p < end && (ByteScan.isWs(b[p]) || b[p] == ',')) {
                p++;
            }
            int start = p;
            p = ByteScan.whitespaceAt(b, p, end);
            int urlEnd = p;
            while (urlEnd > start && b[urlEnd - 1] == ',') {
                urlEnd--;
            }
            if (urlEnd > start) {
                TrackerMatch m = verdict(b, start, urlEnd);
                if (m != null) {
                    return m;
                }
            }
            if (urlEnd == p) {
                int depth = 0;
                while (p < end && (b[p] != ',' || depth > 0)) {
                    depth += b[p] == '(' ? 1 : b[p] == ')' ? -1 : 0;
                    p++;
                }
            }
        }
        return null;
    }

    /**
     * A URL that loads a script or a frame: matched on its host, else on the path a tracker's loader keeps on a
     * first-party proxy or server-side tagging host ({@link io.consentgate.catalog.TrackerCatalog#matchLoader}).
     */
    TrackerMatch checkLoader(int i) {
        TrackerMatch m = check(i, false);
        if (m != null || t.valueFrom(i) < 0) {
            return m;
        }
        String url = UrlText.decode(t.buf, t.valueFrom(i), t.valueTo(i));
        return pathVerdict(cfg.catalog.matchLoader(url, hasAttribute), url);
    }

    /**
     * The refusing match for a URL in the stylesheet a {@code data:} URL in attribute {@code i} holds
     * ({@code <link rel=stylesheet href="data:text/css,@import url(…)">}, whose {@code url()} and {@code @import} the
     * browser fetches), or {@code null}: for any other URL, as the stylesheets of {@code <style>} are read.
     */
    TrackerMatch dataStylesheetVerdict(int i) {
        int v = i < 0 ? -1 : t.valueFrom(i);
        int end = v < 0 ? v : t.valueTo(i);
        if (v < 0 || end - v < 5 || (t.buf[v] | 0x20) != 'd' && (t.buf[v] & 0xff) > ' ' && t.buf[v] != '&') {
            return null; // cheap exit for the usual URL; whitespace and references are read properly below
        }
        byte[] css = DataUrl.script(UrlText.decode(t.buf, v, end));
        if (css == null) {
            return null;
        }
        for (String url : CssUrls.in(new String(css, StandardCharsets.UTF_8))) {
            TrackerMatch m = verdict(url.strip());
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** Whether the current tag carries the attribute {@code lowerName} (a loader pattern's own attribute). */
    private boolean hasAttribute(String lowerName) {
        return rules.attr(lowerName.getBytes(StandardCharsets.US_ASCII)) >= 0;
    }

    /** As {@link #checkLoader}, for a URL already decoded; its host is matched first. */
    TrackerMatch loaderVerdict(String url) {
        TrackerMatch m = verdict(url);
        return m != null || url.isEmpty() ? m : loaderPathVerdict(url);
    }

    /** The refusing match for the loader path of a script or frame URL that no host refused, or {@code null}. */
    private TrackerMatch loaderPathVerdict(String url) {
        return pathVerdict(cfg.catalog.matchLoader(url), url);
    }

    /** {@code byPath}, what {@code url}'s path names, when it is refused and no host of the catalog decided the URL. */
    private TrackerMatch pathVerdict(TrackerMatch byPath, String url) {
        if (byPath == null || cfg.catalog.matchUrl(url, base) != null) {
            return null; // not a tracker's path, or its host already decided (an allowed tracker)
        }
        if (engine.decision.allowsAll(byPath.categories())) {
            engine.event(TrackerEvent.Action.ALLOWED, ElementNames.name(t.nameId), byPath);
            return null;
        }
        return byPath;
    }

    /** {@link #verdict(String)} for the raw URL {@code b[from..to)}, when the {@link HostFilter} does not clear it. */
    TrackerMatch verdict(byte[] b, int from, int to) {
        if (hostFilter.verdict(b, from, to, baseCandidate, hostMemo) == HostFilter.NOT_TRACKER) {
            return null;
        }
        return verdict(UrlText.decode(b, from, to));
    }

    /** The refusing match for {@code url} (character references decoded) by its host, or {@code null}. */
    TrackerMatch verdict(String url) {
        if (url.isEmpty()) {
            return null;
        }
        TrackerMatch m = cfg.catalog.matchUrl(url, base);
        if (m == null) {
            return null;
        }
        if (engine.decision.allowsAll(m.categories())) {
            engine.event(TrackerEvent.Action.ALLOWED, ElementNames.name(t.nameId), m);
            return null;
        }
        return m;
    }

    /** The catalog's match for {@code url} (character references decoded) against the page's base URL. */
    TrackerMatch catalogMatch(String url) {
        return cfg.catalog.matchUrl(url, base);
    }

    /** The {@link HostFilter} verdict for the absolute or scheme-relative URL {@code b[from..to)}. */
    int hostVerdict(byte[] b, int from, int to) {
        return hostFilter.verdict(b, from, to, false, hostMemo);
    }

    /**
     * The image URL in attribute {@code i} as a hit on a tracker's collection path ({@link #pixelPathVerdict}): every
     * image in {@code <noscript>}; elsewhere one without a {@code srcset} (a hit is one URL, not a choice of
     * resolutions, and the responsive images of image-heavy pages cost nothing) that {@link #mayBeHit} lets through,
     * and whose URL has a query.
     */
    TrackerMatch pixelVerdict(int i, boolean responsive) {
        if (engine.inNoscript()) {
            return pixelPathVerdict(i, false);
        }
        return !responsive && mayBeHit(i) ? pixelPathVerdict(i, true) : null;
    }

    /**
     * The URL in attribute {@code i} of an element that only sends a hit ({@code <amp-pixel src>}) as a hit on a
     * tracker's collection path, under {@link #mayBeHit}'s conditions; {@code null} when it is none.
     */
    TrackerMatch hitVerdict(int i) {
        return mayBeHit(i) ? pixelPathVerdict(i, true) : null;
    }

    /**
     * Whether the image URL in attribute {@code i}, outside {@code <noscript>}, may be a hit sent to a tracker's
     * collection path on a host the catalog cannot know: Matomo's image tracking code, {@code <img
     * src="https://stats.shop.example/matomo.php?idsite=1&rec=1">}, is meant for pages and e-mails without scripts
     * and sits in the page itself. Only a URL with a query whose path ends with a specific collection path counts
     * (a hit carries its data in the query), tested on the raw bytes: a page's own images cost a search for
     * {@code ?}. The prefix paths ({@code /b/ss/…}) and paths below a PHP script are read in {@code <noscript>} only.
     * A value with no {@code ?} but a character reference (which may write one) goes to the exact reading. A
     * collection path that is itself an image file (Mautic's {@code /mtracking.gif}) takes its hit from the request
     * alone, so such an image counts without a query too.
     */
    private boolean mayBeHit(int i) {
        int from = t.valueFrom(i);
        if (from < 0) {
            return false;
        }
        int to = t.valueTo(i);
        int q = ByteScan.indexOf(t.buf, from, to, '?');
        if (q == to) {
            return ByteScan.indexOf(t.buf, from, to, '&') < to
                || endsWithGif(t.buf, from, to) && cfg.catalog.mayEndWithPixelPath(t.buf, from, to);
        }
        return cfg.catalog.mayEndWithPixelPath(t.buf, from, q);
    }

    /** Whether {@code b[from, to)} ends with {@code .gif}, ASCII case ignored. */
    private static boolean endsWithGif(byte[] b, int from, int to) {
        return to - from > 4 && b[to - 4] == '.' && (b[to - 3] | 0x20) == 'g' && (b[to - 2] | 0x20) == 'i'
            && (b[to - 1] | 0x20) == 'f';
    }

    /**
     * An image sent to a tracker's collection path on a host the catalog cannot know (self-hosted Matomo's
     * {@code /matomo.php?idsite=…&rec=1}, Adobe's {@code /b/ss/…} on a first-party tracking server): every such
     * image in {@code <noscript>}, elsewhere those {@link #mayBeHit} lets through.
     */
    private TrackerMatch pixelPathVerdict(int i, boolean hitOnly) {
        if (t.valueFrom(i) < 0) {
            return null;
        }
        String url = UrlText.decode(t.buf, t.valueFrom(i), t.valueTo(i));
        if (hitOnly && url.indexOf('?') < 0 && !url.regionMatches(true, url.length() - 4, ".gif", 0, 4)) {
            return null; // outside <noscript> only a hit, which carries its data in the query or is an image file
        }
        return pathVerdict(cfg.catalog.matchPixel(url), url);
    }

    // ---------------------------------------------------------------- the page's base URL

    /** The base URL relative URLs are matched against (character references decoded), or null. */
    String base() {
        return base;
    }

    /** Whether a relative URL could reach a tracker: the page's base URL is on a tracker's host. */
    boolean baseCandidate() {
        return baseCandidate;
    }

    /** A {@code srcdoc} document inherits its parent's base URL; a {@code <base>} of its own still wins. */
    void inheritBase(String parentBase, boolean parentBaseCandidate) {
        base = parentBase;
        baseCandidate = parentBaseCandidate;
    }

    /**
     * Reads the current {@code <base>} tag's attribute {@code href}. The first {@code <base href>} is the document's
     * base, unless a later one is on a tracker host: a first one inside {@code <template>}, SVG or a
     * {@code <noscript>} (raw text while scripts run) sets no base, and the browser's preload scanner reads them all,
     * so a tracker base anywhere is the one relative URLs are matched on.
     */
    void baseHref(int href) {
        if (baseCandidate && baseSeen) {
            return; // a tracker base of the document's own (an inherited one gives way to the first of its own)
        }
        int v = t.valueFrom(href);
        int end = t.valueTo(href);
        boolean candidate = v >= 0 && hostFilter.verdict(t.buf, v, end, false) != HostFilter.NOT_TRACKER;
        if (!baseSeen || candidate) {
            baseSeen = true;
            base = v < 0 ? null : UrlText.decode(t.buf, v, end);
            baseCandidate = candidate;
        }
    }
}
