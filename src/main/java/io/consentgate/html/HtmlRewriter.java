package io.consentgate.html;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes (or neutralizes) the elements of an HTML document that load trackers the visitor refused, streaming over
 * bytes with bounded memory; every byte it does not remove or rewrite is emitted unchanged.
 *
 * <pre>{@code
 * HtmlRewriter rewriter = HtmlRewriter.builder(TrackerCatalog.bundled()).build();   // once per filter
 * try (RewriteStream out = rewriter.open(decision, StandardCharsets.UTF_8, response.getOutputStream(), null)) {
 *     out.write(html);                                                                // any chunking
 * }
 * }</pre>
 *
 * <h2>What is a refused tracker element</h2>
 * A catalog match ({@link TrackerCatalog#matchUrl}, {@link TrackerCatalog#matchScript}) whose categories the
 * {@link ConsentDecision} does not all allow, found on:
 * <ul>
 *   <li>{@code <script src>}; SVG {@code <script href>} / {@code xlink:href};</li>
 *   <li>inline JavaScript {@code <script>} (no {@code type}, a JavaScript MIME type or {@code module}) whose bytes the
 *       catalog matches: loader snippets, {@code document.write} loaders with tracker URLs in string literals.
 *       JSON-LD and other data blocks are never matched;</li>
 *   <li>Magento's {@code <script type="text/x-magento-init">} JSON, by the component names it starts
 *       ({@link TrackerCatalog#matchMagentoComponent}): a block that starts only refused trackers is removed, a block
 *       that also starts other components loses only the refused members and keeps the rest byte for byte;</li>
 *   <li>{@code <img src|srcset>}, {@code <source src|srcset>} (in {@code <picture>}, {@code <video>}),
 *       {@code <iframe src|srcdoc>}, the other elements that load a URL ({@code <embed>}, {@code <object>},
 *       {@code <video>}, {@code <audio>}, ...), and {@code <link href>} whose {@code rel} fetches (resource hints,
 *       {@code stylesheet}, icons, {@code manifest});</li>
 *   <li>{@code ping} on {@code <a>} and {@code <area>}: only the attribute is removed, the link stays;</li>
 *   <li>the same elements inside {@code <template>} and inside {@code <noscript>}; a {@code <noscript>} left with
 *       nothing but whitespace after its trackers are removed is removed as a whole.</li>
 * </ul>
 * URLs are character-reference-decoded ({@code &amp;}, {@code &#47;}, {@code &sol;}, ...) and resolved against the
 * first {@code <base href>}. Links ({@code <a href>}), text, comments and other attribute values are never matched:
 * a link to a company's profile page is not a tracker.
 *
 * <h2>Operator-tagged elements</h2>
 * Any element carrying the category attribute (default {@code data-consent}, a comma- or space-separated list of
 * category ids, e.g. {@code <div data-consent="marketing">}) is gated by those categories: when one is refused, the
 * element is removed with its whole subtree (through the matching end tag, counting nested elements of the same
 * name; an element whose end tag is omitted is removed up to the end of the document, so tag only elements with an
 * explicit end tag). An unknown category id requires every category (refused unless everything is allowed). When all are allowed, an inert element is activated
 * on the server: {@code data-src} becomes {@code src}, {@code data-srcset} becomes {@code srcset}, and a script's
 * {@code type="text/plain"} is dropped, or replaced by the value of {@code data-consent-type} when present. A
 * catalog refusal beats an operator allow.
 *
 * <h2>Encodings</h2>
 * The tokenizer reads bytes of ASCII-compatible encodings (UTF-8, ISO-8859-x, windows-125x, Shift_JIS, GBK, Big5,
 * EUC-*, ...) directly. The encoding is found as WHATWG does: byte order mark, then the {@code charset} parameter
 * of the Content-Type, then a {@code <meta charset>} / {@code http-equiv} prescan of the first 1024 bytes (see
 * {@link EncodingSniffer}), with labels read as browsers read them ({@link EncodingLabels}). UTF-16LE/BE and UTF-32LE/BE documents are transcoded to UTF-8 for scanning and back,
 * which is lossless for well-formed text: the output is byte-identical where nothing is removed. Encodings the HTML
 * standard forbids or discourages because ASCII bytes may be part of other characters (UTF-7, ISO-2022-*, HZ) are
 * never passed through silently: with {@link OverflowAction#FAIL_CLOSED} they are transcoded through the JDK (or
 * the body is suppressed if the JDK cannot), with {@link OverflowAction#FAIL_OPEN} passed through unchanged; either
 * way one warning is logged. Bodies labelled with a "replacement" encoding (ISO-2022-KR, ISO-2022-CN, HZ) pass
 * unchanged: browsers render none of them.
 *
 * <h2>Memory</h2>
 * Only the element being decided is held: a tag in progress at a chunk boundary, an inline script until its end
 * tag, a {@code <noscript>} until its end tag. Each is capped by {@link Builder#maxHeldBytes(int)}; past the cap
 * {@link Builder#overflow(OverflowAction)} applies, except to a {@code text/x-magento-init} block, which is then sent
 * unread: such a block that large is a page's own configuration (a checkout layout), which dropping would break.
 *
 * <p>Instances are immutable and thread-safe; build one per filter. A {@link RewriteStream} is for one response and
 * one thread.
 */
public final class HtmlRewriter {

    private static final Logger LOG = LoggerFactory.getLogger(HtmlRewriter.class);
    /** Distinct values {@link #warnNotGated} warns about at most, per rewriter (and so per filter). */
    private static final int MAX_NOT_GATED_WARNINGS = 32;
    /** The most scripts {@link #snippetScripts} remembers before it starts again. */
    static final int MAX_SNIPPET_SCRIPTS = 4096;

    /** Default {@link Builder#maxHeldBytes(int)}: 256 KiB. */
    public static final int DEFAULT_MAX_HELD_BYTES = 256 * 1024;
    /** Default {@link Builder#categoryAttribute(String)}. */
    public static final String DEFAULT_CATEGORY_ATTRIBUTE = "data-consent";

    final TrackerCatalog catalog;
    final RewriteMode mode;
    final int maxHeldBytes;
    final OverflowAction overflow;
    final String categoryAttribute;
    final boolean reportOnly;
    /** Whether a removed tracker script leaves stand-ins for the globals the page calls ({@link PageGlobalStubs}). */
    final boolean stubPageGlobals;
    /** Per tracker id, the definitions its stand-ins write ({@link PageGlobalStubs}); shared with the twins. */
    final Map<String, byte[]> stubDefinitions;
    /**
     * Per set of refused categories (a bit per {@link io.consentgate.Category} ordinal), the names no stand-in may
     * define ({@link PageGlobalStubs#reservedNames}); shared with the twins.
     */
    final Map<Integer, Set<String>> stubReserved;
    /**
     * The inline scripts judged a tag's snippet alone ({@link MixedScript}), by a hash of their text and the refused
     * categories: a site prints the same snippets on every page, and reading them again would find the same. A hit
     * only skips the reading, and the script goes whole as before; shared with the twins, and forgotten whole once it
     * holds {@value #MAX_SNIPPET_SCRIPTS}.
     */
    final Set<Long> snippetScripts;
    final BufferPool pool = new BufferPool();
    final HostFilter hostFilter;
    /** Category attribute values already warned about ({@link #warnNotGated}); shared with the twins. */
    private final Set<String> notGatedWarned;
    /** The kinds of element past the cap that were logged at WARN (INFO in report-only mode); later ones at DEBUG. */
    private final Set<String> overflowWarned;
    /**
     * Whether every inline script is read as a framework's merged script ({@link MergedScript}), not only the shapes
     * it recognises: set on {@link #evaluating}, for the scripts an ajax framework joins and evaluates.
     */
    final boolean mergedScripts;
    /**
     * The configured rewriter in {@link RewriteMode#REMOVE}: itself, or a twin for where an inert element is not inert
     * (the sections of a partial response). Read on the configured rewriter only: a twin's is itself or null.
     */
    final HtmlRewriter removing;
    /**
     * A twin of the configured rewriter in {@link RewriteMode#REMOVE} that reads every inline script as a merged one
     * (the scripts an ajax framework joins and evaluates). Read on the configured rewriter only.
     */
    final HtmlRewriter evaluating;

    private HtmlRewriter(Builder b) {
        this.catalog = b.catalog;
        this.mode = b.mode;
        this.maxHeldBytes = b.maxHeldBytes;
        this.overflow = b.overflow;
        this.categoryAttribute = b.categoryAttribute;
        this.reportOnly = b.reportOnly;
        this.stubPageGlobals = b.stubPageGlobals;
        this.stubDefinitions = new ConcurrentHashMap<>();
        this.stubReserved = new ConcurrentHashMap<>();
        this.snippetScripts = ConcurrentHashMap.newKeySet();
        this.hostFilter = new HostFilter(catalog);
        this.notGatedWarned = ConcurrentHashMap.newKeySet();
        this.overflowWarned = ConcurrentHashMap.newKeySet();
        this.mergedScripts = false;
        this.removing = mode == RewriteMode.REMOVE ? this : new HtmlRewriter(this, RewriteMode.REMOVE, false);
        this.evaluating = new HtmlRewriter(this, RewriteMode.REMOVE, true);
    }

    /** {@code other} with another mode and script reading; the same catalog and host filter. */
    private HtmlRewriter(HtmlRewriter other, RewriteMode mode, boolean mergedScripts) {
        this.catalog = other.catalog;
        this.mode = mode;
        this.maxHeldBytes = other.maxHeldBytes;
        this.overflow = other.overflow;
        this.categoryAttribute = other.categoryAttribute;
        this.reportOnly = other.reportOnly;
        this.stubPageGlobals = other.stubPageGlobals;
        this.stubDefinitions = other.stubDefinitions;
        this.stubReserved = other.stubReserved;
        this.snippetScripts = other.snippetScripts;
        this.hostFilter = other.hostFilter;
        this.notGatedWarned = other.notGatedWarned;
        this.overflowWarned = other.overflowWarned;
        this.mergedScripts = mergedScripts;
        this.removing = mergedScripts ? null : this;
        this.evaluating = mergedScripts ? this : null;
    }

    /**
     * Logs that an element ({@code what}) went past the hold cap and what was done: at WARN (INFO in report-only mode)
     * the first time for each kind of element, at DEBUG after that. A site whose every page carries a long state
     * script would otherwise log a warning per response.
     */
    void logOverflow(String what, String outcome) {
        boolean first = overflowWarned.size() < 16 && overflowWarned.add(what);
        String later = first ? " (logged once for each kind of element; later ones at DEBUG)" : "";
        if (reportOnly) {
            if (first) {
                LOG.info("report-only: {} exceeds maxHeldBytes={}; enforcing would mean {}{}", what, maxHeldBytes,
                    outcome, later);
            } else {
                LOG.debug("report-only: {} exceeds maxHeldBytes={}; enforcing would mean {}", what, maxHeldBytes,
                    outcome);
            }
        } else if (first) {
            LOG.warn("ConsentGate: {} exceeds maxHeldBytes={}; {}{}", what, maxHeldBytes, outcome, later);
        } else {
            LOG.debug("ConsentGate: {} exceeds maxHeldBytes={}; {}", what, maxHeldBytes, outcome);
        }
    }

    /**
     * Warns, once per distinct value (and for the first {@value #MAX_NOT_GATED_WARNINGS} values), that a category
     * attribute was left alone: a value that names no category on an element that loads nothing (a site's own
     * {@code data-consent="accepted"} button, or a typo on a wrapper: its content is still checked against the
     * catalog), or the attribute on {@code <html>}, {@code <head>} or {@code <body>}.
     */
    void warnNotGated(String element, String attribute, String value) {
        if (notGatedWarned.size() >= MAX_NOT_GATED_WARNINGS || !notGatedWarned.add(element + '\u0000' + value)) {
            return;
        }
        String shown = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        shown = shown.replaceAll("[\\p{Cntrl}\"]", "?");
        if (element.equals("html") || element.equals("head") || element.equals("body")) {
            LOG.warn("ConsentGate: {}=\"{}\" on <{}> is not applied: removing the element would empty the page",
                attribute, shown, element);
        } else {
            LOG.warn("ConsentGate: {}=\"{}\" on <{}> names no category (functional, analytics, marketing, necessary)"
                + " and the element loads nothing: it is not gated. If the site uses {} for something else, set"
                + " consent-attribute to another name", attribute, shown, element, attribute);
        }
    }

    /** Starts a builder using {@code catalog} to recognise trackers. */
    public static Builder builder(TrackerCatalog catalog) {
        return new Builder(Objects.requireNonNull(catalog, "catalog"));
    }

    /**
     * Opens a rewriting stream for one response.
     *
     * <p>When the decision refuses nothing and {@code listener} is {@code null} the stream is a plain pass-through
     * (no tokenizing at all); pass a listener to also receive {@link TrackerEvent.Action#ALLOWED} events.
     *
     * @param decision the visitor's decision
     * @param charset  the charset parameter of the Content-Type, or {@code null} if there is none
     * @param sink     where the rewritten bytes go; not closed by {@link RewriteStream#finish()}
     * @param listener receives one event per tracker element; may be {@code null}
     */
    public RewriteStream open(ConsentDecision decision, Charset charset, OutputStream sink,
                              RewriteListener listener) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(sink, "sink");
        return new RewriteStream(this, decision, charset, sink, listener);
    }

    /**
     * {@link #open} for a body served as {@code application/xhtml+xml}, which browsers read with an XML parser: there a
     * self-closed element ({@code <script src="…"/>}, {@code <iframe …/>}) is empty, so removing it removes the tag
     * alone, where in HTML it would open raw text up to its end tag.
     */
    public RewriteStream openXhtml(ConsentDecision decision, Charset charset, OutputStream sink,
                                   RewriteListener listener) {
        RewriteStream s = open(decision, charset, sink, listener);
        s.xhtml = true;
        return s;
    }

    /**
     * Opens a stream for the body of an ajax framework's partial response, the XML a Jakarta Faces or Apache Wicket
     * ajax request gets back ({@link PartialResponseFormat}): the HTML in the CDATA sections of the format's HTML
     * elements ({@code <update>}, {@code <component>}…) is rewritten as a page is, each element's sections as one
     * document; a script element's script ({@code <eval>}, {@code <evaluate>}…) loses the statements that name a
     * refused tracker; the XML around them and the view state pass byte for byte. Refused elements are removed also
     * in {@link RewriteMode#NEUTRALIZE}: the frameworks' script runners (Mojarra's {@code jsf.js}, Wicket's before
     * version 9) evaluate an inserted script's text whatever its {@code type}, so an inert script would run there.
     * Other parameters as for {@link #open}.
     */
    public RewriteStream openPartialResponse(PartialResponseFormat format, ConsentDecision decision, Charset charset,
                                             OutputStream sink, RewriteListener listener) {
        Objects.requireNonNull(format, "format");
        RewriteStream s = open(decision, charset, sink, listener);
        s.partialFormat = format;
        return s;
    }

    /** {@link #openPartialResponse} for a Jakarta Faces partial response ({@link PartialResponseFormat#FACES}). */
    public RewriteStream openFacesPartialResponse(ConsentDecision decision, Charset charset, OutputStream sink,
                                                  RewriteListener listener) {
        return openPartialResponse(PartialResponseFormat.FACES, decision, charset, sink, listener);
    }

    /**
     * Whether a response of this content type is an HTML document or fragment the rewriter reads: {@code text/html},
     * {@code application/xhtml+xml}, and Turbo Streams ({@code text/vnd.turbo-stream.html}: the
     * {@code <turbo-stream><template>…} HTML that Hotwire Turbo inserts into the page after a form submission or from
     * a WebSocket). Parameters and case are ignored; {@code null} is no HTML. The type is compared whole
     * ({@link HtmlSniffer#mediaType}): {@code text/htmlx} is not HTML, {@code text/html charset=utf-8} is.
     */
    public static boolean isHtmlContentType(String contentType) {
        String t = HtmlSniffer.mediaType(contentType);
        return t.equals("text/html") || t.equals("application/xhtml+xml") || t.equals("text/vnd.turbo-stream.html");
    }

    /** Rewrites a whole document held in memory; the same result as writing it through {@link #open}. */
    public byte[] rewrite(byte[] html, ConsentDecision decision) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(html.length);
        try (RewriteStream s = open(decision, null, out, null)) {
            s.write(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "HtmlRewriter[mode=" + mode + ", maxHeldBytes=" + maxHeldBytes + ", overflow=" + overflow
            + ", categoryAttribute=" + categoryAttribute + ", reportOnly=" + reportOnly + ", stubPageGlobals="
            + stubPageGlobals + "]";
    }

    /** Configures an {@link HtmlRewriter}; every option has the default documented on its setter. */
    public static final class Builder {
        private final TrackerCatalog catalog;
        private RewriteMode mode = RewriteMode.REMOVE;
        private int maxHeldBytes = DEFAULT_MAX_HELD_BYTES;
        private OverflowAction overflow = OverflowAction.FAIL_CLOSED;
        private String categoryAttribute = DEFAULT_CATEGORY_ATTRIBUTE;
        private boolean reportOnly;
        private boolean stubPageGlobals = true;

        private Builder(TrackerCatalog catalog) {
            this.catalog = catalog;
        }

        /** Remove or neutralize refused elements. Default: {@link RewriteMode#REMOVE}. */
        public Builder mode(RewriteMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Cap on the bytes held to decide one element (an inline script, a noscript block, a single tag).
         * Default: 256 KiB ({@value #DEFAULT_MAX_HELD_BYTES}). Must be at least 1024.
         */
        public Builder maxHeldBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxHeldBytes must be at least 1024, was " + bytes);
            }
            this.maxHeldBytes = bytes;
            return this;
        }

        /** What to do past the cap or with an unreadable encoding. Default: {@link OverflowAction#FAIL_CLOSED}. */
        public Builder overflow(OverflowAction action) {
            this.overflow = Objects.requireNonNull(action, "overflow");
            return this;
        }

        /**
         * The attribute operators tag elements with, e.g. {@code data-consent="analytics"}. Default:
         * {@value #DEFAULT_CATEGORY_ATTRIBUTE}. Matched case-insensitively.
         */
        public Builder categoryAttribute(String name) {
            String n = Objects.requireNonNull(name, "categoryAttribute").strip().toLowerCase(Locale.ROOT);
            if (n.isEmpty() || !n.chars().allMatch(c -> c > ' ' && c < 127 && "\"'>/=".indexOf(c) < 0)) {
                throw new IllegalArgumentException("categoryAttribute is not an attribute name: '" + name + "'");
            }
            this.categoryAttribute = n;
            return this;
        }

        /**
         * Report-only: the output equals the input byte for byte; the listener receives the events enforcing would
         * give ({@link TrackerEvent.Action#REMOVED}, {@code NEUTRALIZED}, {@code PING_REMOVED}, {@code ALLOWED}),
         * activations excepted. Default: {@code false}.
         */
        public Builder reportOnly(boolean reportOnly) {
            this.reportOnly = reportOnly;
            return this;
        }

        /**
         * Whether a tracker script removed in {@link RewriteMode#REMOVE} leaves an inert stand-in for the globals
         * the page's own code calls ({@code gtag}, {@code fbq}, {@code dataLayer}…, the catalog's
         * {@code pageFunctions} and {@code pageQueues}), so that {@code onclick="gtag('event', …); openModal()"}
         * does not throw: a {@code <script data-consentgate="stub">} with the removed script's {@code nonce} that
         * defines each name not defined yet, once per document, and loads nothing. Default: {@code true}. Turn it
         * off for a page under a hash-based Content Security Policy, which would block the stand-in and report it.
         */
        public Builder stubPageGlobals(boolean stub) {
            this.stubPageGlobals = stub;
            return this;
        }

        /** Builds the immutable rewriter. */
        public HtmlRewriter build() {
            return new HtmlRewriter(this);
        }
    }
}
