package io.consentgate.html;

import static io.consentgate.html.AttributeNames.*;

import io.consentgate.Category;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The inert form of a refused tag, written in neutralize mode ({@link RewriteMode#NEUTRALIZE}): the attributes it
 * would load from get a {@code data-} prefix, a script gets {@code type="text/plain"} (its own type kept as
 * {@code data-consent-type}), and the categories the tracker needs go into the operator's category attribute, so
 * that a consent manager can activate the element once they are allowed. Owned by one {@link ElementRules}; answers
 * about the tag the tokenizer holds.
 */
final class Neutralizer {

    private final ElementRules rules;
    private final RewriteEngine engine;
    private final Tokenizer t;
    private final String categoryAttribute;
    private final LazyLoadAttributes lazyLoading;

    Neutralizer(ElementRules rules, RewriteEngine engine, LazyLoadAttributes lazyLoading) {
        this.rules = rules;
        this.engine = engine;
        this.t = engine.tok;
        this.categoryAttribute = engine.cfg.categoryAttribute;
        this.lazyLoading = lazyLoading;
    }

    /** Rewrites the current tag into its inert form; {@code categories} null: the tag already names its category. */
    void neutralize(Set<Category> categories) throws IOException {
        TagWriter w = engine.tagWriter;
        w.reset(t.attrCount);
        boolean script = t.nameId == ElementNames.SCRIPT;
        int id = t.nameId;
        boolean href = script || id == ElementNames.IMAGE || id == ElementNames.FEIMAGE; // SVG elements
        boolean lazy = lazyLoading.lazyLoads();
        for (int i = 0; i < t.attrCount; i++) {
            if (t.attrNameIs(i, SRC) || t.attrNameIs(i, SRCSET)
                || (t.attrNameIs(i, HREF) && (id == ElementNames.LINK || href))
                || (href && t.attrNameIs(i, XLINK_HREF))
                || (id == ElementNames.VIDEO && t.attrNameIs(i, POSTER))
                || (id == ElementNames.OBJECT && t.attrNameIs(i, DATA))
                || (id == ElementNames.IFRAME && t.attrNameIs(i, SRCDOC))
                || (id == ElementNames.LINK && t.attrNameIs(i, IMAGESRCSET))
                || (lazy && lazyLoading.lazyKind(i) != 0)
                || (lazy && t.attrNameIs(i, CLASS) && rules.value(i).toLowerCase(Locale.ROOT).contains("lazy"))) {
                // A lazy-loading copy too (data-data-src loads nothing), and a lazy-loading library's class
                // (lazyload, lazy, rocket-lazyload...): the library would load the data-src the URL moves to.
                w.edit(i, TagWriter.ADD_DATA_PREFIX);
            } else if (script && t.attrNameIs(i, TYPE)) {
                w.edit(i, TagWriter.ADD_CONSENT_PREFIX);
            }
        }
        String insert = script ? " type=\"text/plain\"" : "";
        if (categories != null && rules.categoryAttr() < 0) {
            insert += new String(categoryInsert(categories), StandardCharsets.US_ASCII);
        }
        w.build(t, insert);
        engine.replaceTag();
    }

    /** The inert form of the current inline script tag, without the category, into the tag writer. */
    void neutralScriptTag(boolean alreadyTagged) {
        TagWriter w = engine.tagWriter;
        w.reset(t.attrCount);
        if (alreadyTagged) {
            w.build(t, null);
            return;
        }
        for (int i = 0; i < t.attrCount; i++) {
            if (t.attrNameIs(i, TYPE)) {
                w.edit(i, TagWriter.ADD_CONSENT_PREFIX);
            }
        }
        w.build(t, " type=\"text/plain\"");
    }

    /**
     * {@code  data-consent="analytics,marketing"} with the configured attribute name: every category the tracker needs
     * (not only those refused now), so a consent manager that activates the element later asks for all of them.
     */
    byte[] categoryInsert(Set<Category> categories) {
        StringBuilder list = new StringBuilder();
        for (Category c : Category.values()) {
            if (categories.contains(c) && c != Category.NECESSARY) {
                list.append(list.length() == 0 ? "" : ",").append(c.id());
            }
        }
        if (list.length() == 0) {
            list.append(Category.MARKETING.id()); // never reached: a tracker needs a category besides necessary
        }
        return (" " + categoryAttribute + "=\"" + list + "\"").getBytes(StandardCharsets.US_ASCII);
    }
}
