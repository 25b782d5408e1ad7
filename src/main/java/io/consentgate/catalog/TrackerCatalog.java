package io.consentgate.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracker catalog: which hosts, inline-script signatures, cookies and first-party endpoints belong to which
 * tracker, and which consent categories each needs.
 *
 * <p>{@link #bundled()} is the catalog shipped with ConsentGate ({@code trackers.json}, written by this project);
 * operators add or replace entries with {@link #withOverrides(TrackerCatalog)} using a catalog of the same schema
 * from the {@code trackers} list of their policy file (see {@code README.md} next to {@code trackers.json}):
 * <pre>{@code
 * ObjectNode root = JsonNodeFactory.instance.objectNode().set("trackers", policyFile.get("trackers"));
 * TrackerCatalog catalog = TrackerCatalog.bundled().withOverrides(TrackerCatalog.fromJson(root));
 * TrackerMatch m = catalog.matchUrl("https://www.googletagmanager.com/gtag/js?id=G-ABC123", null);
 * // m.tracker().id() = "google-tag", m.categories() = [analytics]
 * }</pre>
 *
 * <p>Matching rules, in short: a URL matches when its host <em>or a parent domain</em> of it is listed (never a
 * substring: {@code googletagmanager.com.example.org} is not a tracker), and, for hosts listed with a path
 * ({@code www.facebook.com/tr}), when its path starts with that prefix at a segment boundary. Relative URLs match only
 * when the document base is itself on a tracker host. Inline scripts match on vendor signatures and on host literals
 * (also JS/JSON-escaped). Generic cookie names match only on the vendor's domain; generic endpoints only on request.
 *
 * <p>Instances are immutable and thread-safe; all matching structures are compiled once at construction. The
 * {@code match*} methods do not allocate on a miss, and return shared {@link TrackerMatch} instances on most hits.
 */
public final class TrackerCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(TrackerCatalog.class);
    private static final String RESOURCE = "/io/consentgate/catalog/trackers.json";
    private static final String COOKIE_RULES = "/io/consentgate/catalog/cookie-rules.json";

    private final List<CatalogEntry> entries;
    private final Set<String> disabled;
    private final List<Tracker> trackers;
    private final Map<String, CatalogEntry> byId = new HashMap<>();
    private final UrlMatcher urls;
    private final ScriptMatcher scripts;
    private final CookieMatcher cookies;
    private final EndpointMatcher endpoints;
    private final LoaderMatcher loaders;
    /** Lower-case AMP vendor type to its match; a later entry (an override) wins. */
    private final Map<String, TrackerMatch> ampTypes = new HashMap<>();
    /** Magento component name to its match; a later entry (an override) wins. */
    private final Map<String, TrackerMatch> magentoComponents = new HashMap<>();
    /** {@link DataBlockMember#key()} to its match; a later entry (an override) wins. */
    private final Map<String, TrackerMatch> dataBlocks = new HashMap<>();

    private TrackerCatalog(List<CatalogEntry> entries, Set<String> disabled) {
        this.entries = List.copyOf(entries);
        this.disabled = Set.copyOf(disabled);
        List<Tracker> ts = new ArrayList<>();
        for (CatalogEntry e : this.entries) {
            ts.add(e.tracker());
            byId.put(e.id(), e);
        }
        this.trackers = List.copyOf(ts);
        Matches matches = new Matches(this.entries);
        this.urls = new UrlMatcher(new HostIndex(this.entries), matches);
        this.scripts = new ScriptMatcher(this.entries, matches);
        this.cookies = new CookieMatcher(this.entries, matches);
        this.endpoints = new EndpointMatcher(this.entries, matches);
        this.loaders = new LoaderMatcher(this.entries, matches);
        for (int i = 0; i < this.entries.size(); i++) {
            for (String type : this.entries.get(i).ampTypes()) {
                ampTypes.put(type, matches.byDefault(i));
            }
            for (String component : this.entries.get(i).magentoComponents()) {
                magentoComponents.put(component, matches.byDefault(i));
            }
            for (DataBlockMember m : this.entries.get(i).dataBlocks()) {
                dataBlocks.put(m.key(), matches.byDefault(i));
            }
        }
    }

    static final class Bundled {
        static final TrackerCatalog INSTANCE = load();

        private static TrackerCatalog load() {
            TrackerCatalog trackers = fromJson(read(RESOURCE));
            TrackerCatalog cookieRules = fromJson(read(COOKIE_RULES));
            List<CatalogEntry> all = new ArrayList<>(trackers.entries);
            for (CatalogEntry e : cookieRules.entries) {
                if (trackers.byId.containsKey(e.id())) {
                    throw new CatalogFormatException(COOKIE_RULES + ": id \"" + e.id() + "\" is also in " + RESOURCE);
                }
                all.add(e);
            }
            TrackerCatalog c = new TrackerCatalog(all, Set.of());
            LOG.debug("loaded bundled tracker catalog: {} trackers, {} cookie-only rule sets, {}",
                    trackers.trackers.size(), cookieRules.trackers.size(), c.scripts);
            return c;
        }

        /** Parses a bundled catalog resource; package-private for the test of the thread it leaves behind. */
        static JsonNode read(String resource) {
            try (InputStream in = TrackerCatalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("bundled catalog " + resource + " is missing from the classpath");
                }
                return new ObjectMapper(JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                        .build()).readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled catalog " + resource, e);
            }
        }
    }

    /**
     * The catalog shipped with ConsentGate, loaded on first use and cached for the life of the class loader:
     * the trackers of {@code /io/consentgate/catalog/trackers.json}, followed by the cookie-only rule sets of
     * {@code cookie-rules.json} (ids {@code ocd-…}, generated from the Open Cookie Database; Analytics and Marketing
     * cookies not covered by a tracker entry). Either can be removed or replaced by id with
     * {@link #withOverrides(TrackerCatalog)}.
     */
    public static TrackerCatalog bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Builds a catalog from JSON (or YAML read through Jackson) in the schema of the bundled file.
     *
     * @throws CatalogFormatException naming the entry and field when anything is missing, unknown or malformed;
     *                                an unknown field is an error, not ignored (this is a privacy control)
     */
    public static TrackerCatalog fromJson(JsonNode root) {
        CatalogJson.Parsed parsed = CatalogJson.parse(root);
        return new TrackerCatalog(parsed.entries(), parsed.disabled());
    }

    /**
     * A new catalog: this one with {@code additions} applied. An addition with the id of an existing entry
     * replaces it; an entry {@code {"id": "…", "disabled": true}} removes it; other additions are appended. When an
     * addition lists the same host (and path) or endpoint as a remaining entry, the addition wins.
     */
    public TrackerCatalog withOverrides(TrackerCatalog additions) {
        Set<String> replaced = new LinkedHashSet<>(additions.disabled);
        for (CatalogEntry e : additions.entries) {
            replaced.add(e.id());
        }
        List<CatalogEntry> merged = new ArrayList<>();
        for (CatalogEntry e : entries) {
            if (!replaced.contains(e.id())) {
                merged.add(e);
            }
        }
        merged.addAll(additions.entries);
        for (String id : additions.disabled) {
            if (!byId.containsKey(id)) {
                LOG.warn("catalog override disables \"{}\", which is not in the catalog", id);
            }
        }
        return new TrackerCatalog(merged, Set.of());
    }

    /** Every tracker, in catalog order (entries that replaced or were added by overrides come last). */
    public List<Tracker> trackers() {
        return trackers;
    }

    /** The tracker with this id. */
    public Optional<Tracker> tracker(String id) {
        CatalogEntry e = byId.get(id);
        return e == null ? Optional.empty() : Optional.of(e.tracker());
    }

    /** The ids this catalog removes when used as overrides ({@code "disabled": true} entries). */
    public Set<String> disabledIds() {
        return disabled;
    }

    /** The tag-id rules refining the categories of the tracker with this id (empty when none or unknown). */
    public List<TagIdRule> tagIdRules(String trackerId) {
        CatalogEntry e = byId.get(trackerId);
        return e == null ? List.of() : e.tagIds();
    }

    /**
     * The globals the snippet of the tracker with this id defines that a page's own code calls ({@code gtag},
     * {@code fbq}, {@code dataLayer}): where the snippet is removed, an inert stub keeps those calls from throwing.
     * Empty when none are listed or the id is unknown.
     */
    public PageGlobals pageGlobals(String trackerId) {
        CatalogEntry e = byId.get(trackerId);
        return e == null ? PageGlobals.NONE : e.pageGlobals();
    }

    /** The first-party endpoint patterns of the tracker with this id, with their {@code generic} flags. */
    public List<EndpointPattern> endpointPatterns(String trackerId) {
        CatalogEntry e = byId.get(trackerId);
        return e == null ? List.of() : e.endpointPatterns();
    }

    /**
     * Matches a URL from an attribute ({@code src}, {@code href}, {@code srcset} candidate, {@code ping}, …).
     *
     * <p>The URL is parsed like a browser would: surrounding C0 controls and spaces and inner tab/CR/LF are
     * ignored, {@code \} counts as {@code /}, the scheme is case-insensitive, userinfo and port are skipped, the host
     * is percent-decoded, full-width folded, lower-cased and loses a trailing dot. Only {@code http}, {@code https},
     * {@code ws}, {@code wss} and scheme-relative URLs can match; {@code javascript:}, {@code data:} and the like never
     * do. If the tracker has tag-id rules, the {@code id} query parameter refines the categories.
     *
     * @param url  an attribute value already HTML-char-ref-decoded; {@code null} gives {@code null}
     * @param base the document base URL (after {@code <base href>}), or {@code null}; a relative URL matches only when
     *             the base host is itself a tracker host
     * @return the match, or {@code null} when the URL is not a tracker's
     */
    public TrackerMatch matchUrl(String url, String base) {
        return urls.match(url, base);
    }

    /**
     * Scans an inline script (or an inline event handler, or {@code <noscript>} text) in one pass for vendor loader
     * signatures and tracker host literals (including {@code \/}, <code>&#92;u002F</code>, {@code \x2F} and {@code %2F}
     * escaped slashes before the host and between host and path).
     *
     * @param buf bytes in an ASCII-compatible encoding (UTF-8, ISO-8859-x, windows-125x)
     * @return the matched trackers in catalog order, each once; an empty list when none. Allocates nothing when
     *         nothing matches
     */
    public List<TrackerMatch> matchScript(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off + len > buf.length) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", buffer " + buf.length);
        }
        return scripts.match(buf, off, len);
    }

    /** Starts reading a script too long to hold in overlapping windows ({@link ScriptWindows}). */
    public ScriptWindows scriptWindows() {
        return new ScriptWindows(scripts);
    }

    /**
     * A script read as {@link #matchScript} reads it, one window at a time, for a script too long to hold: vendor
     * signatures and host literals count only where they start in a window's {@code [from, to)}, and the window's
     * other bytes are the context they are judged by (a line's start, an opening quote, a path after a host);
     * consecutive windows whose {@code [from, to)} follow each other read the script once, each hit with context on
     * both sides. Tag ids pair with signatures across windows, as in one script. Not thread-safe; one per script.
     */
    public static final class ScriptWindows {
        private final ScriptMatcher scripts;
        private ScriptMatcher.Hits hits;

        ScriptWindows(ScriptMatcher scripts) {
            this.scripts = scripts;
        }

        /** Reads the window {@code buf[off, off + len)}, judging the hits that start in {@code [from, to)}. */
        public void read(byte[] buf, int off, int len, int from, int to) {
            if (off < 0 || len < 0 || off + len > buf.length) {
                throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", buffer " + buf.length);
            }
            hits = scripts.readWindow(hits, buf, off, len, from, to);
        }

        /** The trackers the script read so far names, each once, in catalog order. */
        public List<TrackerMatch> matches() {
            return scripts.windowResult(hits);
        }
    }

    /**
     * Reports where tracker host literals occur in script text, for rewriting them in place rather than dropping the
     * whole script. The occurrences are exactly the host literals {@link #matchScript} accepts (same boundaries, same
     * escaped slashes, same path rules on shared hosts), in text order; vendor signatures are not reported, as they
     * name no address. Each match carries the tracker's default categories: a caller that needs categories refined
     * by tag ids takes them from {@link #matchScript} on the same text.
     *
     * <p>{@code catalog.locateHosts(buf, 0, buf.length, (start, end, m) -> spans.add(new int[] {start, end}))}
     *
     * @param buf  bytes in an ASCII-compatible encoding
     * @param sink called once per occurrence and listed host, for the tracker of its most precise path rule that
     *             follows (as for a URL), with {@code [start, end)} the host literal's bytes (the listed host or
     *             domain, without subdomains before it)
     */
    public void locateHosts(byte[] buf, int off, int len, HostOccurrences sink) {
        if (off < 0 || len < 0 || off + len > buf.length) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", buffer " + buf.length);
        }
        scripts.locateHosts(buf, off, len, sink);
    }

    /** Receives the host literals {@link #locateHosts} finds. */
    @FunctionalInterface
    public interface HostOccurrences {

        /**
         * One occurrence.
         *
         * @param start index of the host literal's first byte in the scanned buffer
         * @param end   index after its last byte
         * @param match the tracker, with its default categories
         */
        void at(int start, int end, TrackerMatch match);
    }

    /**
     * Matches a cookie by name, for the cookie gate ({@code Set-Cookie} and {@code Cookie} names).
     *
     * @param name   the cookie name (case-sensitive)
     * @param domain the cookie's {@code Domain} attribute (a leading dot is ignored), or {@code null} when host-only;
     *               generic names ({@code NID}, {@code fr}) match only when this is one of the vendor's domains
     * @return the match, or {@code null} when the cookie is not a known tracker cookie
     */
    public TrackerMatch matchCookie(String name, String domain) {
        return cookies.match(name, domain);
    }

    /**
     * Matches a first-party request path against tracker collection endpoints, excluding generic paths such as
     * {@code /collect}; same as {@code matchEndpoint(path, false)}.
     *
     * @param path the request path already normalized by the caller (e.g. {@code "/g/collect"}); a query is ignored
     * @return the match, or {@code null} when the path is not a collection endpoint
     */
    public TrackerMatch matchEndpoint(String path) {
        return endpoints.match(path, false);
    }

    /**
     * Matches a first-party request path; with {@code includeGeneric} also the generic paths ({@code /collect},
     * {@code /tr}, {@code /api/event}) the operator has chosen to gate.
     */
    public TrackerMatch matchEndpoint(String path, boolean includeGeneric) {
        return endpoints.match(path, includeGeneric);
    }

    /**
     * Matches an image URL on any host by a tracker's collection path: the path ends with one of the catalog's
     * specific (non-generic) exact {@code endpoints} ({@code https://stats.shop.example/matomo.php?idsite=1&rec=1},
     * {@code //metrics.shop.example/g/collect?v=2&…}), or starts with a specific prefix endpoint ({@code /b/ss/…}).
     * Use it for the images of a {@code <noscript>} block, the pixel slot of tracking snippets, after
     * {@link #matchUrl} found nothing.
     *
     * @param url the URL, character references decoded; absolute, protocol-relative or relative
     * @return the match with the tracker's default categories, or {@code null}
     */
    public TrackerMatch matchPixel(String url) {
        return url == null ? null : endpoints.matchPixel(url);
    }

    /**
     * A cheap first test for {@link #matchPixel} on raw URL bytes, for images that are not in a {@code <noscript>}
     * and so are far more numerous: whether {@code b[from, pathEnd)}, a URL's bytes up to its query's {@code ?},
     * ends with a specific exact collection path ({@code …/matomo.php}, {@code …/g/collect}) or may once decoded.
     * False means {@link #matchPixel} finds no exact collection path at the end of that URL's path; the prefix paths
     * ({@code /b/ss/…}) and paths below a PHP script are not tried.
     */
    public boolean mayEndWithPixelPath(byte[] b, int from, int pathEnd) {
        return endpoints.mayEndWithPixelPath(b, from, pathEnd);
    }

    /**
     * Matches a script URL on any host by the path its tracker's loader keeps when it is served from a first-party
     * proxy or a server-side tagging domain ({@code https://sgtm.shop.example/gtm.js?id=GTM-ABC},
     * {@code /metrics/gtag/js?id=G-XYZ}, a self-hosted {@code /matomo.js}). Use it for loader URLs
     * ({@code <script src>}, script preloads) after {@link #matchUrl} found nothing: a path such as {@code /gtm.js}
     * names a loader, not an image.
     *
     * @param url the URL, character references decoded; absolute, protocol-relative or relative
     * @return the match (categories refined by the tag id, as for {@link #matchUrl}), or {@code null}
     */
    public TrackerMatch matchLoader(String url) {
        return loaders.match(url, null);
    }

    /**
     * As {@link #matchLoader(String)}, for the URL of an element whose attributes are known: a pattern that names an
     * attribute the element must carry ({@code /script.js[data-website-id]}, a self-hosted tracker whose file name any
     * site may use) matches only when {@code hasAttribute} says the element has it; one that names several, each of
     * them ({@code /*.js[data-domain][data-api]}, a script of any name). The predicate may be asked a few times per
     * URL, once per such pattern whose path the URL has.
     *
     * @param url          the URL, character references decoded; absolute, protocol-relative or relative
     * @param hasAttribute whether the element carries the attribute of the given lower-case name
     * @return the match, or {@code null}
     */
    public TrackerMatch matchLoader(String url, java.util.function.Predicate<String> hasAttribute) {
        return loaders.match(url, hasAttribute);
    }

    /**
     * Matches the vendor name of an AMP component's {@code type} attribute ({@code <amp-analytics type="gtag">},
     * {@code <amp-ad type="doubleclick">}): AMP's built-in vendor configurations send to the vendor's hosts with no
     * URL written in the page. ASCII case is ignored, as are surrounding spaces.
     *
     * @param type the attribute value, character references decoded; {@code null} gives {@code null}
     * @return the match with the tracker's default categories (a caller that reads the component's configuration
     *         refines them with {@link #tagIdRules}), or {@code null} when no entry lists the type
     */
    public TrackerMatch matchAmpType(String type) {
        if (type == null || ampTypes.isEmpty()) {
            return null;
        }
        return ampTypes.get(type.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Matches the name of a component a Magento {@code <script type="text/x-magento-init">} block starts: the keys
     * inside its selectors, RequireJS module names or map aliases such as
     * {@code "Magento_GoogleGtag/js/google-analytics"} in {@code {"*": {"Magento_GoogleGtag/js/google-analytics":
     * {…}}}}. The module's code loads the tracker from the configuration beside the name; nothing in the page names
     * the tracker's host. Case-sensitive, as RequireJS names are.
     *
     * @param name the component name, JSON escapes already decoded; {@code null} gives {@code null}
     * @return the match with the tracker's default categories (a caller that reads the component's configuration
     *         refines them with {@link #tagIdRules}), or {@code null} when no entry lists the name
     */
    public TrackerMatch matchMagentoComponent(String name) {
        return name == null || magentoComponents.isEmpty() ? null : magentoComponents.get(name);
    }

    /** Whether any entry lists {@code magentoComponents}: without them a page's Magento blocks need no reading. */
    public boolean hasMagentoComponents() {
        return !magentoComponents.isEmpty();
    }

    /**
     * Matches a top-level member of a JSON data block ({@code <script type="application/json">}) that a loader shared
     * by several services reads to start one of them: {@code "utility": "analytics"} in the block the European
     * Commission's webtools loader reads. Exact and case-sensitive, as the loader compares them.
     *
     * @param member the member's name, JSON escapes decoded
     * @param value  its string value, JSON escapes decoded
     * @return the match with the tracker's default categories, or {@code null} when no entry lists the pair
     */
    public TrackerMatch matchDataBlock(String member, String value) {
        return dataBlocks.isEmpty() ? null : dataBlocks.get(new DataBlockMember(member, value).key());
    }

    /** Whether any entry lists {@code dataBlocks}: without them a page's JSON data blocks need no reading. */
    public boolean hasDataBlocks() {
        return !dataBlocks.isEmpty();
    }

    @Override
    public String toString() {
        return "TrackerCatalog[" + trackers.size() + " trackers]";
    }
}
