package io.consentgate.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Cookie name lookup: exact names by hash, then prefix and wildcard patterns, longest first. */
final class CookieMatcher {

    private record Rule(int entry, CookiePattern pattern, String[] domains) {
    }

    /** Word stems of names that record the visitor's own privacy choice, lower case, without separators. */
    private static final String[] PRIVACY_CHOICE_WORDS = {"optout", "optedout", "optin", "ignore", "consent", "privacy",
        "gdpr", "donottrack"};

    private final Map<String, List<Rule>> exact = new HashMap<>();
    /**
     * Prefix and wildcard rules bucketed by their first two characters (catalog names are ASCII and never start with
     * '*'), longest first; rules whose literal start is a single character are kept apart and always tried.
     */
    private final Rule[][] patternsByLead = new Rule[128 * 128][];
    private final Rule[] shortPatterns;
    private final Matches matches;

    CookieMatcher(List<CatalogEntry> entries, Matches matches) {
        this.matches = matches;
        List<Rule> patterns = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CatalogEntry e = entries.get(i);
            List<String> domains = new ArrayList<>(e.cookieDomains());
            domains.addAll(e.tracker().hosts());
            String[] d = domains.stream().distinct().toArray(String[]::new);
            for (CookiePattern p : e.tracker().cookies()) {
                Rule r = new Rule(i, p, d);
                if (!p.prefix() && p.name().indexOf('*') < 0) {
                    // A later entry (an override) is tried first.
                    exact.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(0, r);
                } else {
                    patterns.add(0, r);
                }
            }
        }
        patterns.sort(Comparator.comparingInt((Rule r) -> r.pattern().name().length()).reversed());
        Map<Integer, List<Rule>> byLead = new LinkedHashMap<>();
        List<Rule> shortOnes = new ArrayList<>();
        for (Rule r : patterns) {
            String n = r.pattern().name();
            if (n.length() < 2 || n.charAt(1) == '*') {
                shortOnes.add(r);
            } else {
                byLead.computeIfAbsent(lead(n.charAt(0), n.charAt(1)), k -> new ArrayList<>()).add(r);
            }
        }
        byLead.forEach((k, v) -> patternsByLead[k] = v.toArray(new Rule[0]));
        shortPatterns = shortOnes.toArray(new Rule[0]);
    }

    /** Bucket index of a two-character lead, or -1 when either is not ASCII (no catalog name has such a lead). */
    private static int lead(char c0, char c1) {
        return c0 < 128 && c1 < 128 ? c0 * 128 + c1 : -1;
    }

    TrackerMatch match(String name, String domain) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        String d = normalizeDomain(domain);
        List<Rule> rules = exact.get(name);
        if (rules != null) {
            for (Rule r : rules) {
                if (applies(r, d)) {
                    return matches.byDefault(r.entry());
                }
            }
        }
        TrackerMatch m = null;
        if (name.length() >= 2) {
            int lead = lead(name.charAt(0), name.charAt(1));
            Rule[] bucket = lead < 0 ? null : patternsByLead[lead];
            m = bucket == null ? null : firstMatch(bucket, name, d);
        }
        if (m == null) {
            m = firstMatch(shortPatterns, name, d);
        }
        return m == null || recordsPrivacyChoice(name) ? null : m;
    }

    /**
     * Whether a cookie name records the visitor's privacy choice with a vendor ({@code _hjOptOut}, VWO's
     * {@code _vis_opt_out}, {@code mp_optout}): such a cookie identifies no one, and dropping or expiring it would make
     * the vendor forget an opt-out. The catalog lists no such name, but its prefixes and wildcards ({@code _hj*},
     * {@code _vis_opt_*}) would match them; only an exact name, written out in the catalog or the policy, does.
     */
    static boolean recordsPrivacyChoice(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-' && c != '.') {
                folded.append(Character.toLowerCase(c));
            }
        }
        String f = folded.toString();
        for (String word : PRIVACY_CHOICE_WORDS) {
            if (f.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private TrackerMatch firstMatch(Rule[] rules, String name, String domain) {
        for (Rule r : rules) {
            if (r.pattern().matches(name) && applies(r, domain)) {
                return matches.byDefault(r.entry());
            }
        }
        return null;
    }

    private static boolean applies(Rule r, String domain) {
        if (!r.pattern().generic()) {
            return true;
        }
        if (domain == null) {
            return false;
        }
        for (String v : r.domains()) {
            if (domain.equals(v) || isSubdomain(domain, v) || (domain.indexOf('.') > 0 && isSubdomain(v, domain))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSubdomain(String sub, String parent) {
        return sub.length() > parent.length() + 1 && sub.endsWith(parent)
                && sub.charAt(sub.length() - parent.length() - 1) == '.';
    }

    private static String normalizeDomain(String domain) {
        if (domain == null) {
            return null;
        }
        String d = domain.strip().toLowerCase(Locale.ROOT);
        int s = 0;
        int e = d.length();
        while (s < e && d.charAt(s) == '.') {
            s++;
        }
        while (e > s && d.charAt(e - 1) == '.') {
            e--;
        }
        return s == e ? null : d.substring(s, e);
    }
}
