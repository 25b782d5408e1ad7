package io.consentgate.html;

import static io.consentgate.html.AttributeNames.*;

import io.consentgate.Category;
import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Elements the operator marked with the category attribute ({@code data-consent="analytics"} by default), read by
 * {@link ElementRules} before the rules of their element: one whose categories the visitor has not all allowed is
 * removed, or neutralized; one that is allowed and waits in an inert form ({@code type="text/plain"}, a
 * {@code data-src}) is activated here on the server, unless the catalog refuses what it would load. Values that name
 * no category gate only an element that loads something. Owned by one {@link ElementRules}; answers about the tag
 * the tokenizer holds.
 */
final class TaggedElements {

    private final ElementRules rules;
    private final RewriteEngine engine;
    private final Tokenizer t;
    private final HtmlRewriter cfg;
    private final String categoryAttribute;
    /** Activation rewrites bytes, so it is off when nothing is refused (the output must equal the input). */
    private final boolean activating;
    private final NestedDocuments nested;
    private final ScriptElements scripts;
    private final Neutralizer neutralizer;
    private final UrlVerdicts verdicts;
    private final FrameElements frames;

    TaggedElements(ElementRules rules, RewriteEngine engine, NestedDocuments nested, ScriptElements scripts,
                   Neutralizer neutralizer, UrlVerdicts verdicts, FrameElements frames) {
        this.rules = rules;
        this.engine = engine;
        this.t = engine.tok;
        this.cfg = engine.cfg;
        this.categoryAttribute = cfg.categoryAttribute;
        this.activating = !engine.decision.refused().isEmpty();
        this.nested = nested;
        this.scripts = scripts;
        this.neutralizer = neutralizer;
        this.verdicts = verdicts;
        this.frames = frames;
    }

    /**
     * The rules of the current start tag, which carries the operator's category attribute at index {@code cat}: true
     * when they wrote or removed it (refused, or activated), false when the other rules of its element still apply.
     */
    boolean startTag(int cat) throws IOException {
        String value = rules.value(cat);
        EnumSet<Category> cats = EnumSet.noneOf(Category.class);
        boolean unknown = false;
        boolean named = false;
        for (String id : ElementRules.LIST_SEPARATOR.split(value)) {
            if (!id.isEmpty()) {
                named = true;
                Optional<Category> c = Category.fromId(id);
                if (c.isPresent()) {
                    cats.add(c.get());
                } else {
                    unknown = true;
                }
            }
        }
        // an empty value names no category either (a template variable that rendered empty): it gates as an unknown one
        unknown |= !named;
        if (isDocumentElement() || unknown && !loadsSomething()) {
            // The attribute is a common name: a site's own banner buttons and state markers carry data-consent
            // "accepted", "pending"... Such a value gates only an element that loads something (where a typo must
            // not let a tag through); <html>, <head> and <body> are never gated (their removal empties the page).
            engine.notGated(ElementNames.name(t.nameId).isEmpty()
                ? new String(t.name, 0, t.nameLen, StandardCharsets.ISO_8859_1) : ElementNames.name(t.nameId),
                categoryAttribute, value);
            return false;
        }
        if (unknown) {
            // an unknown id on an element that loads something requires every category: refused unless all are allowed
            cats.addAll(EnumSet.complementOf(EnumSet.of(Category.NECESSARY)));
        }
        if (!engine.decision.allowsAll(cats)) {
            String element = ElementNames.name(t.nameId);
            boolean neutralize = cfg.mode == RewriteMode.NEUTRALIZE && !engine.inNoscript() && isNeutralizable();
            TrackerEvent.Action action = neutralize ? TrackerEvent.Action.NEUTRALIZED : TrackerEvent.Action.REMOVED;
            engine.event(action, t.lineOf(t.tagStart), t.columnOf(t.tagStart),
                element.isEmpty() ? new String(t.name, 0, t.nameLen, StandardCharsets.ISO_8859_1) : element,
                categoryAttribute, value, cats);
            if (!neutralize) {
                engine.removeElement();
            } else if (!isInert()) {
                neutralizer.neutralize(null);
            }
            return true;
        }
        return activating && activate();
    }

    /** Whether the current tag is {@code <html>}, {@code <head>} or {@code <body>}. */
    private boolean isDocumentElement() {
        if (t.nameId == ElementNames.BODY) {
            return true;
        }
        return t.nameLen == 4 && (t.name[0] == 'h' && t.name[1] == 't' && t.name[2] == 'm' && t.name[3] == 'l'
            || t.name[0] == 'h' && t.name[1] == 'e' && t.name[2] == 'a' && t.name[3] == 'd');
    }

    /**
     * Whether the current element loads or runs something by itself: a script, or a URL attribute it fetches
     * ({@code src}, {@code srcset}, {@code href} of a {@code <link>}, {@code data} of an {@code <object>},
     * {@code poster}, {@code srcdoc}) or that a lazy-loading library turns into one ({@code data-src}…).
     */
    private boolean loadsSomething() {
        return t.nameId == ElementNames.SCRIPT || rules.attr(SRC) >= 0 || rules.attr(SRCSET) >= 0
            || rules.attr(SRCDOC) >= 0 || rules.attr(POSTER) >= 0 || rules.attr(DATA_SRC) >= 0
            || rules.attr(DATA_SRCSET) >= 0 || t.nameId == ElementNames.LINK && rules.attr(HREF) >= 0
            || t.nameId == ElementNames.OBJECT && rules.attr(DATA) >= 0;
    }

    private boolean isNeutralizable() {
        int id = t.nameId;
        return id == ElementNames.SCRIPT || id == ElementNames.IMG || id == ElementNames.IFRAME
            || id == ElementNames.SOURCE || id == ElementNames.LINK;
    }

    /** Whether a tagged element already loads nothing: a text/plain script or no URL attribute. */
    private boolean isInert() {
        if (t.nameId == ElementNames.SCRIPT) {
            int type = rules.attr(TYPE);
            return type >= 0 && rules.value(type).strip().equalsIgnoreCase("text/plain");
        }
        return rules.attr(SRC) < 0 && rules.attr(SRCSET) < 0 && rules.attr(HREF) < 0 && rules.attr(SRCDOC) < 0
            && rules.attr(IMAGESRCSET) < 0;
    }

    private boolean activate() throws IOException {
        if (!activateTag()) {
            return false;
        }
        // A URL the tag already loads and keeps (no data- form replaces it) stays in the activated tag: a refused
        // tracker there is refused as anywhere else (the operator's allow covers the element, not the catalog).
        int dataSrc = rules.attr(DATA_SRC);
        int dataSrcset = t.nameId == ElementNames.SCRIPT ? -1 : rules.attr(DATA_SRCSET);
        // The URL the element loads and keeps: src unless data-src replaces it; an <object>'s data, which it never
        // does.
        boolean object = t.nameId == ElementNames.OBJECT;
        boolean script = t.nameId == ElementNames.SCRIPT;
        int url = object ? rules.attr(DATA) : dataSrc >= 0 ? -1 : rules.attr(SRC);
        // A script's URL is read as anywhere else: its host, or a tracker loader's path on any host.
        TrackerMatch live = script ? verdicts.checkLoader(url) : verdicts.check(url, false);
        if (live == null && script && (t.foreign || url < 0 && dataSrc < 0)) {
            // an SVG script's href, whatever src or data-src it also carries (SVG ignores both), and an HTML one's
            // where it has neither, as ScriptElements.script reads them; found by MutationFuzzTest and review: the
            // activated script kept a refused href a second pass then removed
            int href = rules.attr(HREF);
            live = verdicts.checkLoader(href >= 0 ? href : rules.attr(XLINK_HREF));
        }
        if (live == null && t.nameId != ElementNames.SCRIPT && dataSrcset < 0) {
            live = verdicts.check(rules.attr(SRCSET), true);
        }
        if (live != null) {
            rules.refuseIfTracker(live);
            return true;
        }
        if (nested.showsDocument()) {
            // The document it shows once active: srcdoc (it wins over src) or a data: URL in the live src. A refused
            // tracker in it is refused as anywhere.
            TrackerEvent e = frames.nestedDocumentRefusal(url);
            if (e != null) {
                frames.refuseForNestedDocument(e);
                return true;
            }
        }
        TrackerMatch m = script ? verdicts.checkLoader(dataSrc) : verdicts.check(dataSrc, false);
        if (m == null) {
            m = verdicts.check(dataSrcset, true);
        }
        if (m != null || nested.showsDocument() && nested.dataUrlRefusal(dataSrc) != null) {
            return true; // a catalog refusal beats the operator's allow: leave it inert
        }
        engine.event(TrackerEvent.Action.ACTIVATED, t.lineOf(t.tagStart), t.columnOf(t.tagStart),
            ElementNames.name(t.nameId), categoryAttribute, rules.value(rules.categoryAttr()),
            EnumSet.noneOf(Category.class));
        // The operator's allow covers the element, not a tracker in its other attributes: a ping, a style or an
        // event handler that fetches a refused one goes as on any tag (found by the mutation fuzz test: an
        // activated <a data-src> kept its ping). Written with the activation's edits.
        TagWriter w = rules.activatedEdits();
        w.len = 0;
        w.build(t, null);
        if (t.nameId == ElementNames.SCRIPT && dataSrc < 0 && !(t.foreign && t.selfClosing)
            && scripts.textMayFetch(true)) {
            engine.beginScript(true);
        } else {
            engine.replaceTag();
        }
        return true;
    }

    /** Builds the activated form of the current tag into the tag writer; false when there is nothing to do. */
    boolean activateTag() {
        TagWriter w = engine.tagWriter;
        w.reset(t.attrCount);
        boolean script = t.nameId == ElementNames.SCRIPT;
        boolean changed = false;
        int dataSrc = rules.attr(DATA_SRC);
        int dataSrcset = rules.attr(DATA_SRCSET);
        for (int i = 0; i < t.attrCount; i++) {
            if (t.attrNameIs(i, DATA_SRC) || t.attrNameIs(i, DATA_SRCSET)) {
                w.edit(i, TagWriter.STRIP_DATA_PREFIX);
                changed = true;
            } else if (dataSrc >= 0 && t.attrNameIs(i, SRC) || dataSrcset >= 0 && t.attrNameIs(i, SRCSET)) {
                // a lazy-loading placeholder (src="blank.gif" data-src="real.jpg"): the browser would keep the
                // first of two src attributes, so the placeholder goes
                w.edit(i, TagWriter.DROP);
            } else if (script && t.attrNameIs(i, TYPE) && rules.value(i).strip().equalsIgnoreCase("text/plain")) {
                w.edit(i, TagWriter.DROP);
                changed = true;
            } else if (script && t.attrNameIs(i, DATA_CONSENT_TYPE)) {
                w.edit(i, TagWriter.STRIP_CONSENT_PREFIX);
                changed = true;
            }
        }
        if (changed) {
            w.build(t, null);
        }
        return changed;
    }
}
