package io.consentgate.beacon;

import io.consentgate.Category;
import io.consentgate.catalog.CollectionPath;
import java.util.Optional;

/**
 * An operator beacon path, {@code "/analytics/*=analytics"}: an exact path, or a {@code /*} prefix that matches the
 * prefix itself and everything below it at a segment boundary (servlet {@code url-pattern} semantics).
 */
record PathRule(String source, String path, boolean prefix, Category category) {

    /**
     * Parses one entry.
     *
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    static PathRule parse(String entry) {
        if (entry == null) {
            throw new IllegalArgumentException("beacon path is null");
        }
        String e = entry.strip();
        int eq = e.lastIndexOf('=');
        if (eq < 0) {
            throw bad(entry, "expected PATH=CATEGORY, e.g. /analytics/*=analytics");
        }
        String pattern = e.substring(0, eq).strip();
        String categoryName = e.substring(eq + 1).strip();
        Optional<Category> category = Category.fromId(categoryName);
        if (category.isEmpty()) {
            throw bad(entry, "unknown category \"" + categoryName + "\" (functional, analytics or marketing)");
        }
        if (category.get() == Category.NECESSARY) {
            throw bad(entry, "category necessary is never refused, so the path would never be gated");
        }
        boolean prefix = pattern.endsWith("/*");
        String path = prefix ? pattern.substring(0, pattern.length() - 2) : pattern;
        if (!pattern.startsWith("/")) {
            throw bad(entry, "the path must start with /");
        }
        String refusal = CollectionPath.refusal(prefix ? path + "/" : path, prefix);
        if (refusal != null) {
            throw bad(entry, refusal);
        }
        if (path.endsWith("/")) {
            throw bad(entry, "a trailing / is ignored when matching; write the path without it");
        }
        if (path.contains("*")) {
            throw bad(entry, "* is allowed only as a trailing /*");
        }
        return new PathRule(e, path, prefix, category.get());
    }

    private static IllegalArgumentException bad(String entry, String why) {
        return new IllegalArgumentException("beacon path \"" + entry + "\": " + why);
    }

    /** Whether a normalized path (no trailing slash) is this rule's path. */
    boolean matches(String p, boolean ignoreCase) {
        int n = path.length();
        if (!p.regionMatches(ignoreCase, 0, path, 0, n)) {
            return false;
        }
        return p.length() == n || (prefix && p.charAt(n) == '/');
    }

    /** The pattern as written, for logs. */
    String pattern() {
        return prefix ? path + "/*" : path;
    }

    @Override
    public String toString() {
        return pattern() + "=" + category.id();
    }
}
