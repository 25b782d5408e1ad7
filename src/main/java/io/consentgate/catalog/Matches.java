package io.consentgate.catalog;

import io.consentgate.Category;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Pre-built {@link TrackerMatch} values, so a positive match on the hot path returns a shared instance. */
final class Matches {

    private final List<CatalogEntry> entries;
    private final TrackerMatch[] defaults;
    private final TrackerMatch[][] byTagRule;
    private final int[] tagSlots;
    private final int taggedEntries;

    Matches(List<CatalogEntry> entries) {
        this.entries = entries;
        defaults = new TrackerMatch[entries.size()];
        byTagRule = new TrackerMatch[entries.size()][];
        tagSlots = new int[entries.size()];
        int tagged = 0;
        for (int i = 0; i < entries.size(); i++) {
            CatalogEntry e = entries.get(i);
            defaults[i] = new TrackerMatch(e.tracker(), e.tracker().categories());
            List<TagIdRule> rules = e.tagIds();
            byTagRule[i] = new TrackerMatch[rules.size()];
            tagSlots[i] = rules.isEmpty() ? -1 : tagged++;
            for (int r = 0; r < rules.size(); r++) {
                byTagRule[i][r] = new TrackerMatch(e.tracker(), rules.get(r).categories());
            }
        }
        taggedEntries = tagged;
    }

    /** Dense index of an entry among the entries that have tag rules, or -1. */
    int tagSlot(int entry) {
        return tagSlots[entry];
    }

    int taggedEntries() {
        return taggedEntries;
    }

    int size() {
        return defaults.length;
    }

    CatalogEntry entry(int i) {
        return entries.get(i);
    }

    boolean hasTagRules(int entry) {
        return byTagRule[entry].length > 0;
    }

    TrackerMatch byDefault(int entry) {
        return defaults[entry];
    }

    /** The match for entry {@code i} found via a tag rule bitmask (bit r = tag rule r was seen). */
    TrackerMatch withTagRules(int entry, long ruleBits) {
        if (ruleBits == 0) {
            return defaults[entry];
        }
        if (Long.bitCount(ruleBits) == 1) {
            return byTagRule[entry][Long.numberOfTrailingZeros(ruleBits)];
        }
        Set<Category> union = EnumSet.noneOf(Category.class);
        List<TagIdRule> rules = entries.get(entry).tagIds();
        for (int r = 0; r < rules.size(); r++) {
            if ((ruleBits & (1L << r)) != 0) {
                union.addAll(rules.get(r).categories());
            }
        }
        return new TrackerMatch(entries.get(entry).tracker(), union);
    }

    /** The match for a URL of entry {@code i}; {@code p[ps,pe)} is the path, query and fragment. */
    TrackerMatch forUrl(int entry, String p, int ps, int pe) {
        List<TagIdRule> rules = entries.get(entry).tagIds();
        if (rules.isEmpty()) {
            return defaults[entry];
        }
        int q = ps;
        while (q < pe && p.charAt(q) != '?') {
            if (p.charAt(q) == '#') {
                return defaults[entry];
            }
            q++;
        }
        // Parameters start after '?' or '&'; the first "id" parameter decides.
        for (int i = q + 1; i + 3 <= pe; i++) {
            char prev = p.charAt(i - 1);
            if (prev == '#') {
                break;
            }
            if ((prev == '?' || prev == '&') && p.startsWith("id=", i)) {
                int v = i + 3;
                for (int r = 0; r < rules.size(); r++) {
                    String prefix = rules.get(r).prefix();
                    // an id of another shape is no id of this rule: the entry's own categories, as in a script
                    if (p.regionMatches(true, v, prefix, 0, prefix.length())
                            && rules.get(r).bodyAt(p, v + prefix.length(), pe)) {
                        return byTagRule[entry][r];
                    }
                }
                return defaults[entry];
            }
        }
        return defaults[entry];
    }

    static boolean isTagChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
    }
}
