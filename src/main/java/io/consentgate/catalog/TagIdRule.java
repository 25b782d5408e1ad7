package io.consentgate.catalog;

import io.consentgate.Category;
import java.util.Set;

/**
 * Refines a tracker's categories by the tag id a shared loader is configured with: {@code G-} (GA4) is
 * analytics, {@code AW-} (Google Ads) marketing, {@code GTM-} (a container that can hold anything) both.
 *
 * <p>In URLs the id is the value of the {@code id} query parameter; in inline scripts it is a quoted string
 * literal (or {@code id=} inside a string) starting with the prefix and followed by an upper-case letter or digit.
 *
 * @param prefix     case-sensitive id prefix, e.g. {@code "AW-"}
 * @param categories categories a tag with this prefix needs
 */
public record TagIdRule(String prefix, Set<Category> categories) {

    /** Copies the categories into an unmodifiable set. */
    public TagIdRule {
        categories = Set.copyOf(categories);
    }
}
