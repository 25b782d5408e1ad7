package io.consentgate.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Host name to rules, open addressing over a power-of-two table. Lookups take a range of a {@link CharSequence}
 * (already lower-case) so the caller can probe the host and each parent domain without creating substrings.
 */
final class HostIndex {

    /** One host rule: the entry it belongs to and the path prefix it needs ({@code ""} for the whole host). */
    record Rule(int entry, String path) {
    }

    private final String[] keys;
    private final Rule[][] values;
    private final int mask;

    HostIndex(List<CatalogEntry> entries) {
        Map<String, List<Rule>> byHost = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Tracker t = entries.get(i).tracker();
            for (int h = 0; h < t.hosts().size(); h++) {
                List<Rule> rules = byHost.computeIfAbsent(t.hosts().get(h), k -> new ArrayList<>());
                String path = t.pathPrefixes().get(h);
                // A later entry (an override) replaces an earlier rule for the same host and path.
                rules.removeIf(r -> r.path().equals(path));
                rules.add(new Rule(i, path));
            }
        }
        int cap = Integer.highestOneBit(Math.max(16, byHost.size() * 3)) << 1;
        keys = new String[cap];
        values = new Rule[cap][];
        mask = cap - 1;
        for (Map.Entry<String, List<Rule>> e : byHost.entrySet()) {
            String k = e.getKey();
            int raw = rawHash(k, 0, k.length());
            int slot = (raw ^ (raw >>> 16)) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = k;
            // Whole-host rules last, so a more specific path rule is tried first.
            List<Rule> rules = e.getValue();
            rules.sort((a, b) -> Integer.compare(b.path().length(), a.path().length()));
            values[slot] = rules.toArray(new Rule[0]);
        }
    }

    /** Rules for exactly the host {@code s[from, to)}, or {@code null}. */
    Rule[] get(CharSequence s, int from, int to) {
        return get(rawHash(s, from, to), s, from, to);
    }

    /** Same, with {@link #rawHash} of the range already computed (the URL matcher builds it label by label). */
    Rule[] get(int rawHash, CharSequence s, int from, int to) {
        int slot = (rawHash ^ (rawHash >>> 16)) & mask;
        int len = to - from;
        for (String k = keys[slot]; k != null; k = keys[slot]) {
            if (k.length() == len && regionEquals(k, s, from)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    /** Whether the host {@code s[from, to)} or any parent domain of it has a rule. */
    boolean coversHostOrParent(CharSequence s, int from, int to) {
        for (int f = from; f < to; ) {
            if (get(s, f, to) != null) {
                return true;
            }
            int dot = indexOf(s, '.', f, to);
            if (dot < 0) {
                return false;
            }
            f = dot + 1;
        }
        return false;
    }

    static int indexOf(CharSequence s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionEquals(String k, CharSequence s, int from) {
        for (int i = 0; i < k.length(); i++) {
            if (k.charAt(i) != s.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    /** Polynomial hash taken from the last character backwards, so a host's parents are prefixes of the walk. */
    static int rawHash(CharSequence s, int from, int to) {
        int h = 0;
        for (int i = to - 1; i >= from; i--) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }
}
