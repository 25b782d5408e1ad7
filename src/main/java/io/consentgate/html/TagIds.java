package io.consentgate.html;

import io.consentgate.Category;
import io.consentgate.catalog.TagIdRule;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Tag ids written in a vendor's configuration, which refine the categories its tag needs. */
final class TagIds {

    private TagIds() {
    }

    /**
     * {@code m} with the categories of the tag ids of its tracker written as string literals in
     * {@code b[from..to)} (a configuration's {@code "gtag_id": "G-…"}, {@code "gtmAccountId": "GTM-…"}); several add
     * up; none: as it is.
     */
    static TrackerMatch refined(TrackerCatalog catalog, TrackerMatch m, byte[] b, int from, int to) {
        List<TagIdRule> tagRules = catalog.tagIdRules(m.tracker().id());
        if (tagRules.isEmpty()) {
            return m;
        }
        Set<Category> found = EnumSet.noneOf(Category.class);
        for (int i = from; i < to; i++) {
            if (b[i] != '"' && b[i] != '\'') {
                continue;
            }
            for (TagIdRule r : tagRules) {
                String p = r.prefix();
                int end = i + 1 + p.length();
                if (end < to && startsWith(b, i + 1, p) && r.bodyAt(b, end, to)) {
                    found.addAll(r.categories());
                }
            }
        }
        return found.isEmpty() ? m : new TrackerMatch(m.tracker(), found);
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
