package io.consentgate.beacon;

import java.util.List;

/**
 * What the {@link BeaconGate} treats as a beacon, besides the catalog's specific collection endpoints
 * ({@code /g/collect}, {@code /mp/collect}, {@code /matomo.php}, …), which are always gated.
 *
 * <pre>{@code
 * BeaconSettings s = new BeaconSettings(List.of("/analytics/*=analytics", "/px=marketing"), false, false, true);
 * }</pre>
 *
 * @param extraPaths          operator collection paths, each {@code PATH=CATEGORY}: an exact path
 *                            ({@code "/px=marketing"}) or a prefix written {@code "/analytics/*=analytics"}, which
 *                            matches {@code /analytics} and everything below it. Paths are written decoded and
 *                            normalized, without a trailing slash. Default: none
 * @param includeGenericPaths also gate the catalog endpoints flagged generic ({@code /collect}, {@code /tr},
 *                            {@code /api/event}), which ordinary applications often use for their own purposes.
 *                            Default: {@code false}
 * @param caseInsensitive     match paths ignoring case ({@code /G/Collect}); turn it on when the container or a
 *                            proxy behind it routes case-insensitively. Operator paths fold either way; catalog
 *                            endpoints are matched as written and lower-cased, so a catalog override written with
 *                            capitals matches only its own spelling. Default: {@code false}
 * @param gatePings           gate hyperlink-auditing pings ({@code <a ping>}): requests with a {@code Ping-To} or
 *                            {@code Ping-From} header or {@code Content-Type: text/ping}. Default: {@code true}
 */
public record BeaconSettings(List<String> extraPaths, boolean includeGenericPaths, boolean caseInsensitive,
                             boolean gatePings) {

    private static final BeaconSettings DEFAULTS = new BeaconSettings(List.of(), false, false, true);

    /**
     * Copies {@code extraPaths} and validates every entry.
     *
     * @throws IllegalArgumentException naming the first invalid {@code extraPaths} entry (an unknown or
     *                                  {@code necessary} category, a relative path, {@code *} other than a trailing
     *                                  {@code /*}, {@code ;}, {@code %}, dot or empty segments, the whole site)
     */
    public BeaconSettings {
        extraPaths = List.copyOf(extraPaths);
        for (String entry : extraPaths) {
            PathRule.parse(entry);
        }
    }

    /** No extra paths, generic endpoints not gated, case-sensitive paths, pings gated. */
    public static BeaconSettings defaults() {
        return DEFAULTS;
    }
}
