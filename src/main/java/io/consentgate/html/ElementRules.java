package io.consentgate.html;

import static io.consentgate.html.AttributeNames.*;

import io.consentgate.Category;
import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** Per-element decisions for start tags: which attribute carries a URL, and what to do when it is refused. */
final class ElementRules {

    /** Between the categories of a category attribute's value ({@code "analytics, marketing"}). */
    static final java.util.regex.Pattern LIST_SEPARATOR = java.util.regex.Pattern.compile("[,\\s]+");

    private final RewriteEngine engine;
    private final Tokenizer t;
    private final HtmlRewriter cfg;
    final byte[] categoryAttributeBytes;
    /** Whether a URL of the current tag names a refused tracker; {@link HeldStyle} hands it to its style sheets. */
    final UrlVerdicts verdicts;
    private final NestedDocuments nested;
    private final AmpElements amp;
    private final ScriptElements scripts;
    private final LazyLoadAttributes lazyLoading;
    /** The URLs client-side consent managers park on the elements they hold. */
    private final ParkedUrls parked;
    private final Neutralizer neutralizer;
    private final TaggedElements tagged;
    /** The edits to the attributes of a start tag whose element stays. */
    private final AttributeEdits attributeEdits;
    /** The rules of the elements that display a document: iframe, frame, embed, object. */
    private final FrameElements frames;
    /** The page's encoding declared in a {@code <meta>}. */
    private final MetaCharset metaCharset;

    ElementRules(RewriteEngine engine) {
        this.engine = engine;
        this.t = engine.tok;
        this.cfg = engine.cfg;
        this.categoryAttributeBytes = ascii(cfg.categoryAttribute);
        this.verdicts = new UrlVerdicts(this, engine);
        this.attributeEdits = new AttributeEdits(this, engine, verdicts);
        this.nested = new NestedDocuments(engine);
        this.parked = new ParkedUrls(engine, verdicts, nested);
        this.scripts = new ScriptElements(this, engine, verdicts, nested, parked);
        this.lazyLoading = new LazyLoadAttributes(this, t, verdicts);
        this.neutralizer = new Neutralizer(this, engine, lazyLoading);
        this.frames = new FrameElements(this, engine, verdicts, nested, lazyLoading, parked, neutralizer);
        this.amp = new AmpElements(this, engine, verdicts, frames);
        this.tagged = new TaggedElements(this, engine, nested, scripts, neutralizer, verdicts, frames);
        this.metaCharset = new MetaCharset(engine);
    }

    void startTag() throws IOException {
        attributeEdits.edits = null;
        int cat = t.maybeMarked() ? categoryAttr() : -1;
        if (cat >= 0 && tagged.startTag(cat)) {
            return;
        }
        boolean other = elementRules();
        if (t.ps <= t.tagStart) {
            attributeEdits.liveAttributes(other); // the tag is still to be written as it is
        }
    }

    /** The rules of the current start tag's element; true for an element no case names (it may have a background). */
    private boolean elementRules() throws IOException {
        switch (t.nameId) {
            case ElementNames.SCRIPT:
                scripts.script();
                break;
            case ElementNames.IMG:
            case ElementNames.SOURCE:
                media();
                break;
            case ElementNames.IFRAME:
            case ElementNames.FRAME:
            case ElementNames.EMBED:
                frames.frame(attr(SRC));
                break;
            case ElementNames.LINK:
                link();
                break;
            case ElementNames.A:
            case ElementNames.AREA:
                attributeEdits.ping();
                break;
            case ElementNames.BASE:
                base();
                break;
            case ElementNames.META:
                meta();
                break;
            case ElementNames.TEMPLATE:
                template();
                break;
            case ElementNames.NOSCRIPT:
                noscript();
                break;
            case ElementNames.IMAGE:
                svgImage();
                break;
            case ElementNames.FEIMAGE:
            case ElementNames.USE:
                svgReference();
                break;
            case ElementNames.AUDIO:
            case ElementNames.TRACK:
                refuseIfTracker(orParked(verdicts.check(attr(SRC), false)));
                break;
            case ElementNames.VIDEO:
                video();
                break;
            case ElementNames.OBJECT:
                frames.frame(attr(DATA));
                break;
            case ElementNames.INPUT:
                imageInput();
                break;
            default:
                return otherElement();
        }
        return false;
    }

    /**
     * What markup read as Chromium's preload scanner reads the rest of a CDATA section in SVG or MathML (after the
     * {@code >} that ends its bogus comment) would refuse first, with this page's decision and base URL, or
     * {@code null}.
     */
    TrackerEvent preloadScannerRefusal(byte[] markup) throws IOException {
        return nested.markupRefusal(markup, verdicts.base(), verdicts.baseCandidate());
    }

    /** See {@link AmpElements#configRefusal}. */
    TrackerMatch ampConfigRefusal(byte[] b, int from, int to, TrackerMatch tagged, String element, long line,
                                  long column) {
        return amp.configRefusal(b, from, to, tagged, element, line, column);
    }

    /** See {@link UrlVerdicts#inheritBase}. */
    void inheritBase(String parentBase, boolean parentBaseCandidate) {
        verdicts.inheritBase(parentBase, parentBaseCandidate);
    }

    /** Index of the operator's category attribute on the current tag, or -1. */
    int categoryAttr() {
        return attr(categoryAttributeBytes);
    }

    int attr(byte[] lowerName) {
        for (int i = 0; i < t.attrCount; i++) {
            if (t.attrNameIs(i, lowerName)) {
                return i;
            }
        }
        return -1;
    }

    /** The current tag's {@code nonce} value as written (references and encoding unchanged), or null. */
    byte[] rawNonce() {
        int i = attr(AttributeNames.NONCE);
        if (i < 0) {
            return null;
        }
        int v = t.valueFrom(i);
        return v < 0 ? new byte[0] : java.util.Arrays.copyOfRange(t.buf, v, t.valueTo(i));
    }

    /**
     * Attribute {@code i}'s value as the browser reads it: character references decoded ({@code rel="&#x70;reload"}).
     */
    String value(int i) {
        int v = t.valueFrom(i);
        if (v < 0) {
            return "";
        }
        int end = t.valueTo(i);
        byte[] b = t.buf;
        for (int k = v; k < end; k++) {
            if (b[k] == '&') {
                return UrlText.decodeText(b, v, end);
            }
        }
        return new String(b, v, end - v, StandardCharsets.ISO_8859_1);
    }

    /** See {@link TaggedElements#activateTag}. */
    boolean activateTag() {
        return tagged.activateTag();
    }

    /** See {@link AttributeEdits#activatedEdits}. */
    TagWriter activatedEdits() throws IOException {
        return attributeEdits.activatedEdits();
    }

    /** See {@link AttributeEdits#dropAttributes}. */
    void dropAttributes(int first, byte[] name, TrackerMatch m) {
        attributeEdits.dropAttributes(first, name, m);
    }

    // ---------------------------------------------------------------- trackers by URL

    /**
     * Attribute {@code i}'s name in lower case when it is a {@code data-} name of at least {@code minLength} bytes;
     * else null, decided for nearly every attribute on its length and first byte, without a string.
     */
    String dataName(int i, int minLength) {
        int a = i * Tokenizer.STRIDE;
        int s = t.attrs[a + Tokenizer.A_NAME];
        int len = t.attrs[a + Tokenizer.A_NAME_END] - s;
        if (len < minLength || (t.buf[s] | 0x20) != 'd') {
            return null;
        }
        String name = new String(t.buf, s, len, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return name.startsWith("data-") ? name : null;
    }

    /**
     * The refusing match for the URL an SVG {@code <image>}, {@code <feImage>} or {@code <use>} loads, or null; where
     * both are given, {@code href} wins over {@code xlink:href}, as in a browser.
     */
    private TrackerMatch svgHref() {
        int href = attr(HREF);
        return verdicts.check(href >= 0 ? href : attr(XLINK_HREF), false);
    }

    /** A {@code <meta>}: the page's encoding it declares ({@link MetaCharset}), and a refresh to a refused tracker. */
    private void meta() throws IOException {
        if (engine.charsetFromPage && !t.foreign && (attr(AttributeNames.CHARSET) >= 0 || attr(HTTP_EQUIV) >= 0)
            && t.tagStart >= 0) {
            metaCharset.prescan();
        }
        refresh();
    }

    private void template() {
        if (!t.foreign) {
            engine.templateDepth++; // its content runs only where the page clones it in
            t.templateEnds = true; // its end tag must be seen, also where tags are skimmed
        }
    }

    private void noscript() throws IOException {
        if (!t.foreign) {
            engine.beginNoscript();
        }
    }

    /** An {@code <image>}: SVG's, which loads its href, or, in HTML content, read as {@code <img>}. */
    private void svgImage() throws IOException {
        // the SVG reading is checked also in HTML content: the tokenizer leaves SVG content at an HTML end
        // tag that a browser ignores when no element of its name is open (README), and there the href loads
        TrackerMatch m = svgHref();
        if (t.foreign || m != null) {
            refuseIfTracker(orParked(m));
        } else {
            media(); // the HTML parser reads <image> as <img>
        }
    }

    /** An SVG {@code <feImage>} or {@code <use>}, which loads its href; read as HTML, only that URL goes. */
    private void svgReference() throws IOException {
        if (t.foreign) {
            refuseIfTracker(svgHref());
        } else {
            // read as HTML, as <image> above: read so, it is an element with content, which stays; only
            // the URL it would load as SVG goes
            TrackerMatch m = svgHref();
            if (m != null) {
                attributeEdits.dropAttributes(0, HREF, m);
                attributeEdits.dropAttributes(0, XLINK_HREF, m);
            }
        }
    }

    private void video() throws IOException {
        TrackerMatch m = verdicts.check(attr(SRC), false);
        refuseIfTracker(orParked(m != null ? m : verdicts.check(attr(POSTER), false)));
    }

    /** {@code m}, or else the refusing match for a URL a consent manager parked on the element ({@link ParkedUrls}). */
    private TrackerMatch orParked(TrackerMatch m) {
        return m != null ? m : parked.refusal(false);
    }

    /** An {@code <input type=image>}, which loads its src. */
    private void imageInput() throws IOException {
        int type = attr(TYPE);
        if (type >= 0 && value(type).strip().equalsIgnoreCase("image")) {
            refuseIfTracker(orParked(verdicts.check(attr(SRC), false)));
        }
    }

    /** An element no case of {@link #elementRules} names: true unless it is an AMP component. */
    private boolean otherElement() throws IOException {
        if (ElementNames.isAmp(t.nameId)) {
            // AMP components, out of elementRules' switch: 25 more labels made its code bigger for every tag
            amp.startTag();
            return false;
        }
        if (engine.inNoscript() && !t.foreign && t.maybeStyled()) {
            // a pixel drawn by CSS: the element is the pixel
            refuseIfTracker(attributeEdits.styleRefusal(attr(STYLE)));
        }
        return true;
    }

    private void media() throws IOException {
        int src = attr(SRC);
        TrackerMatch m = verdicts.check(src, false);
        int srcset = attr(SRCSET);
        boolean responsive = srcset >= 0;
        if (m == null) {
            m = verdicts.check(srcset, true);
            if (m != null && t.nameId != ElementNames.SOURCE && hasUrl(src)) {
                // a picture with a tracker among its candidates: the candidates go, the picture stays on its src
                attributeEdits.dropAttributes(srcset, SRCSET, m);
                m = null;
                responsive = false;
            }
        }
        if (m == null) {
            m = lazyLoading.lazyUrl(false);
        }
        m = orParked(m);
        if (m == null && t.nameId != ElementNames.SOURCE) {
            m = verdicts.pixelVerdict(src, responsive);
        }
        refuseIfTracker(m);
    }

    /** Whether attribute {@code i} is there with a value that is not only whitespace, once decoded. */
    private boolean hasUrl(int i) {
        int v = t.valueFrom(i);
        return v >= 0 && !UrlText.decode(t.buf, v, t.valueTo(i)).isBlank();
    }

    private void link() throws IOException {
        if (fetchingRel()) {
            int href = attr(HREF);
            TrackerMatch m = verdicts.checkLoader(href);
            m = m != null ? m : verdicts.dataStylesheetVerdict(href);
            // preload as=image fetches from its imagesrcset
            m = m != null ? m : verdicts.check(attr(IMAGESRCSET), true);
            refuseIfTracker(m != null ? m : parked.refusal(true));
        }
    }

    /**
     * Whether a {@code rel} of the tag names a fetching relation. Every {@code rel} counts, not only the first that
     * the parser keeps: Chromium's preload scanner reads the last one, and fetches for
     * {@code <link rel=x rel=stylesheet href=...>} (found by {@code OracleExploration}).
     */
    private boolean fetchingRel() {
        for (int i = 0; i < t.attrCount; i++) {
            if (t.attrNameIs(i, REL) && LinkRels.hasFetchingToken(value(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A {@code <meta http-equiv=refresh>} that navigates to a refused tracker is removed in both modes (it has no
     * inert form): the browser would leave the page for the tracker.
     */
    private void refresh() throws IOException {
        int equiv = attr(HTTP_EQUIV);
        int content = attr(CONTENT);
        int v = t.valueFrom(content);
        if (v < 0 || t.valueFrom(equiv) < 0 || !value(equiv).strip().equalsIgnoreCase("refresh")) {
            return;
        }
        String url = UrlText.refreshUrl(UrlText.decodeText(t.buf, v, t.valueTo(content)));
        TrackerMatch m = url == null ? null : verdicts.verdict(url);
        if (m != null) {
            engine.event(TrackerEvent.Action.REMOVED, ElementNames.name(t.nameId), m);
            engine.removeElement();
        }
    }

    /**
     * A {@code <base href>} on a refused tracker goes; the href may become the base URL relative URLs are matched on
     * ({@link UrlVerdicts#baseHref}).
     */
    private void base() throws IOException {
        int href = attr(HREF);
        if (href < 0) {
            return;
        }
        TrackerMatch refused = verdicts.check(href, false);
        if (refused != null) {
            // It would send the page's relative URLs to the tracker, also those before it (an image's URL is
            // resolved once the parser may have read further), so it goes, in both modes (it has no inert form).
            // Relative URLs after it are still matched on it, as before: the safe side.
            engine.event(TrackerEvent.Action.REMOVED, ElementNames.name(t.nameId), refused);
            engine.removeElement();
        }
        verdicts.baseHref(href);
    }

    void refuseIfTracker(TrackerMatch m) throws IOException {
        if (m == null) {
            return;
        }
        String element = ElementNames.name(t.nameId);
        if (cfg.mode == RewriteMode.NEUTRALIZE && !engine.inNoscript()) {
            engine.event(TrackerEvent.Action.NEUTRALIZED, element, m);
            neutralizer.neutralize(m.categories());
        } else {
            engine.event(TrackerEvent.Action.REMOVED, element, m);
            if (t.nameId == ElementNames.SCRIPT && !t.foreign) {
                engine.flushTo(t.tagStart); // the stand-in takes the script's place
                engine.stubPageGlobals(java.util.List.of(m), rawNonce(), t.bufAbs + t.tagStart);
            }
            engine.removeElement();
        }
    }

    // ---------------------------------------------------------------- neutralization

    /** See {@link Neutralizer#neutralScriptTag}. */
    void neutralScriptTag(boolean alreadyTagged) {
        neutralizer.neutralScriptTag(alreadyTagged);
    }

    /** See {@link Neutralizer#categoryInsert}. */
    byte[] categoryInsert(Set<Category> categories) {
        return neutralizer.categoryInsert(categories);
    }
}
