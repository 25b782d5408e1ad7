package io.consentgate;

/**
 * How ConsentGate tells caches that a response depends on the visitor's privacy signals and consent; said only on
 * responses that another decision would change (pages, responses that set cookies…), so that a stylesheet or an
 * image stays one copy in a shared cache.
 * There is deliberately no "off": a shared cache that served one visitor's tracker-laden page to a visitor who
 * refused tracking would undo everything this filter does.
 */
public enum VaryMode {
    /** Add {@code Vary: DNT, Sec-GPC, Cookie} (merged with any {@code Vary} the application sets). The default. */
    VARY("vary"),
    /**
     * Keep the response out of shared caches with {@code Cache-Control} instead, for caches that handle
     * {@code Vary: Cookie} badly: {@code private} when the application set no {@code Cache-Control}; one that lets a
     * shared cache store the response loses {@code public} and {@code s-maxage} and gets {@code private}, its other
     * directives kept ({@code public, max-age=600} goes out as {@code private, max-age=600}).
     */
    PRIVATE("private");

    private final String id;

    VaryMode(String id) {
        this.id = id;
    }

    /** The name used in configuration. */
    public String id() {
        return id;
    }

    static VaryMode fromId(String s) {
        for (VaryMode m : values()) {
            if (m.id.equalsIgnoreCase(s.strip())) {
                return m;
            }
        }
        return null;
    }
}
