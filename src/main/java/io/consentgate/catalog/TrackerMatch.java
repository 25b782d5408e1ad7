package io.consentgate.catalog;

import io.consentgate.Category;
import java.util.Set;

/**
 * The result of a positive match: the tracker and the categories this particular use of it needs.
 *
 * <p>{@code categories} is usually {@link Tracker#categories()}, but a tag id can refine it on shared loaders:
 * {@code gtag/js?id=G-…} needs only {@code analytics}, {@code id=AW-…} only {@code marketing}.
 *
 * @param tracker    the matched catalog entry
 * @param categories the categories to gate on (never empty, unmodifiable)
 */
public record TrackerMatch(Tracker tracker, Set<Category> categories) {

    /** Copies the categories into an unmodifiable set. */
    public TrackerMatch {
        categories = Set.copyOf(categories);
    }
}
