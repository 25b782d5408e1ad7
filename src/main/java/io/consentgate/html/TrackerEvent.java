package io.consentgate.html;

import io.consentgate.Category;
import java.util.Set;

/**
 * One tracker element found by the {@link HtmlRewriter}, and what was done with it.
 *
 * @param line        1-based line of the element's {@code <} in the input bytes (counting {@code \n})
 * @param column      1-based byte column of the element's {@code <}
 * @param element     the lower-case element name ({@code "script"}, {@code "img"}, {@code "a"} for a ping, ...)
 * @param trackerId   the catalog id; for an element the operator tagged with the category attribute the attribute
 *                    name (e.g. {@code "data-consent"}); {@code null} when a held element overflowed the cap
 *                    or an {@code iframe srcdoc} was nested deeper than the rewriter reads
 * @param trackerName the catalog display name; for a tagged element the attribute value; {@code null} on overflow
 * @param categories  the categories the element needs (empty on overflow)
 * @param action      what the rewriter did (in report-only mode: what it would have done, the output being the
 *                    input)
 */
public record TrackerEvent(long line, long column, String element, String trackerId, String trackerName,
                           Set<Category> categories, Action action) {

    /** What the rewriter did with the element. */
    public enum Action {
        /** The element was removed. */
        REMOVED,
        /**
         * The element was kept but made inert ({@link RewriteMode#NEUTRALIZE}, or an inline script longer than the hold
         * cap that streamed and was made a syntax error at its end: see {@link OverflowAction#FAIL_CLOSED}).
         */
        NEUTRALIZED,
        /** The {@code ping} attribute of a link was removed; the link was kept. */
        PING_REMOVED,
        /** An operator-tagged inert element of an allowed category was activated on the server. */
        ACTIVATED,
        /** A tracker of an allowed category: nothing was changed. */
        ALLOWED
    }

    /** Copies {@code categories} into an unmodifiable set. */
    public TrackerEvent {
        categories = Set.copyOf(categories);
    }
}
