package io.consentgate.consent;

import io.consentgate.Category;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the categories a visitor granted: names, comma lists, {@code all}, {@code none}; necessary is implied.
 * {@code none} beats everything posted with it (a refusal is never turned into a grant by a stray field), and
 * {@code all} beats single names.
 */
final class CategoryList {

    private static final int MAX_ITEMS = 32;

    private CategoryList() {
    }

    /** The granted non-necessary categories; throws {@link IllegalArgumentException} naming a bad entry. */
    static Set<Category> parse(List<String> values) {
        EnumSet<Category> out = EnumSet.noneOf(Category.class);
        int items = 0;
        boolean none = false;
        for (String v : values) {
            for (String part : v.split(",", -1)) {
                String name = part.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (++items > MAX_ITEMS) {
                    throw new IllegalArgumentException("too many categories");
                }
                if (name.equalsIgnoreCase("all")) {
                    out.addAll(EnumSet.allOf(Category.class));
                } else if (name.equalsIgnoreCase("none")) {
                    none = true;
                } else {
                    Category c = Category.fromId(name).orElseThrow(() -> new IllegalArgumentException(
                            "unknown category (expected functional, analytics, marketing, all or none)"));
                    out.add(c);
                }
            }
        }
        if (none) {
            out.clear();
        }
        out.remove(Category.NECESSARY);
        return out;
    }
}
