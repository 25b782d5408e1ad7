package io.consentgate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The default mode per visitor region ({@code opt-in-regions}, {@code opt-out-regions}) as the builder collects it,
 * and the lookup a built policy makes with it. Not thread-safe; {@link #frozen()} is what a policy keeps.
 */
final class RegionModes {

    private final Map<String, ConsentMode> modes = new LinkedHashMap<>();
    /** Regions given both modes: an error at {@link #check}, whatever the order they were set in. */
    private final Set<String> conflicts = new LinkedHashSet<>();

    void put(String region, ConsentMode mode) {
        String r = PolicyValueRules.regionCode(region, mode);
        ConsentMode before = modes.put(r, mode);
        if (before != null && before != mode) {
            conflicts.add(r);
        }
    }

    /** The rules between values, checked at build: one mode per region, and region modes need a region header. */
    void check(String regionHeader) {
        if (!conflicts.isEmpty()) {
            throw new InvalidPolicyException("opt-in-regions", String.join(", ", conflicts)
                    + (conflicts.size() == 1 ? " is" : " are") + " listed in both opt-in-regions and "
                    + "opt-out-regions: a region has one default mode");
        }
        if (!modes.isEmpty() && regionHeader == null) {
            throw new InvalidPolicyException(PolicyValueRules.regionsParameter(modes.values().iterator().next()),
                    "needs region-header: without a header naming the visitor's region no region is ever "
                    + "matched, and every visitor gets mode");
        }
    }

    Map<String, ConsentMode> frozen() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(modes));
    }

    /** An exact entry ({@code US-CA}) wins over the country ({@code US}), which wins over {@code fallback}. */
    static ConsentMode lookup(Map<String, ConsentMode> modes, String region, ConsentMode fallback) {
        if (region == null || modes.isEmpty()) {
            return fallback;
        }
        ConsentMode m = modes.get(region);
        if (m == null) {
            int dash = region.indexOf('-');
            if (dash > 0) {
                m = modes.get(region.substring(0, dash));
            }
        }
        return m == null ? fallback : m;
    }
}
