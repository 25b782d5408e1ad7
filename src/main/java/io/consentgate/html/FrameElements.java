package io.consentgate.html;

import static io.consentgate.html.AttributeNames.*;

import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;

/**
 * Start tags of the elements that display a document from a URL attribute ({@link ElementRules}): {@code <iframe>},
 * {@code <frame>}, {@code <embed>} and {@code <object>}, refused by their URL or by what the document they show would
 * load, which {@link NestedDocuments} reads with the page's base URL. The refusal for a nested document is also
 * made here for an element the operator tagged ({@link TaggedElements}), and the document an {@code <amp-iframe>}
 * shows is read here too ({@link AmpElements}). Owned by one {@link ElementRules}; answers about the tag the
 * tokenizer holds.
 */
final class FrameElements {

    private final ElementRules rules;
    private final RewriteEngine engine;
    private final Tokenizer t;
    private final HtmlRewriter cfg;
    private final UrlVerdicts verdicts;
    private final NestedDocuments nested;
    private final LazyLoadAttributes lazyLoading;
    private final ParkedUrls parked;
    private final Neutralizer neutralizer;

    FrameElements(ElementRules rules, RewriteEngine engine, UrlVerdicts verdicts, NestedDocuments nested,
                  LazyLoadAttributes lazyLoading, ParkedUrls parked, Neutralizer neutralizer) {
        this.rules = rules;
        this.engine = engine;
        this.t = engine.tok;
        this.cfg = engine.cfg;
        this.verdicts = verdicts;
        this.nested = nested;
        this.lazyLoading = lazyLoading;
        this.parked = parked;
        this.neutralizer = neutralizer;
    }

    /**
     * An element that displays a document from attribute {@code url} (iframe, frame, embed, object): refused when the
     * URL is a refused tracker, or when the document it shows would load one. That document is an iframe's
     * {@code srcdoc} (read with its character references decoded, with the page's base URL) or a {@code data:} URL
     * document ({@link DataUrl}), read by a rewriter of its own with the same decision. When it would load (or ping)
     * a refused tracker, the element is refused as one whose URL is that tracker: removed, or neutralized (the
     * attribute gets its {@code data-} prefix). Editing the document in place would mean re-encoding the attribute,
     * so it is all or nothing; a document with nothing refused in it stays byte for byte. Documents nested deeper
     * than {@link NestedDocuments#MAX_DEPTH} are not read (each level is a rewriter on the stack): such an element is
     * refused.
     */
    void frame(int url) throws IOException {
        // a tag manager's noscript frame is kept on server-side tagging hosts too
        TrackerMatch m = verdicts.checkLoader(url);
        if (m == null) {
            m = nested.javascriptUrlRefusal(url);
        }
        if (m == null && (t.nameId == ElementNames.IFRAME || t.nameId == ElementNames.FRAME)) {
            m = lazyLoading.lazyUrl(true);
        }
        if (m == null) {
            m = parked.refusal(true); // a consent manager's copy of the URL (remove mode)
        }
        if (m != null) {
            rules.refuseIfTracker(m);
            return;
        }
        TrackerEvent e = nestedDocumentRefusal(url);
        if (e != null) {
            refuseForNestedDocument(e);
        }
    }

    /**
     * See {@link NestedDocuments#refusal}: an iframe's {@code srcdoc}, else a {@code data:} document in {@code url}.
     */
    TrackerEvent nestedDocumentRefusal(int url) throws IOException {
        return nestedDocumentRefusal(url, t.nameId == ElementNames.IFRAME ? rules.attr(SRCDOC) : -1);
    }

    /** See {@link NestedDocuments#refusal}, for attributes {@code url} and {@code srcdoc} (-1: none). */
    TrackerEvent nestedDocumentRefusal(int url, int srcdoc) throws IOException {
        return nested.refusal(url, srcdoc, verdicts.base(), verdicts.baseCandidate());
    }

    /** Refuses the current element for what its nested document would load: removed, or neutralized. */
    void refuseForNestedDocument(TrackerEvent e) throws IOException {
        String element = ElementNames.name(t.nameId);
        long line = t.lineOf(t.tagStart);
        long column = t.columnOf(t.tagStart);
        if (cfg.mode == RewriteMode.NEUTRALIZE && !engine.inNoscript()) {
            engine.event(TrackerEvent.Action.NEUTRALIZED, line, column, element, e.trackerId(), e.trackerName(),
                e.categories());
            neutralizer.neutralize(e.categories().isEmpty() ? null : e.categories());
        } else {
            engine.event(TrackerEvent.Action.REMOVED, line, column, element, e.trackerId(), e.trackerName(),
                e.categories());
            engine.removeElement();
        }
    }
}
