package io.consentgate;

import java.util.Locale;
import java.util.Optional;

/**
 * The consent categories ConsentGate decides on.
 *
 * <p>{@link #NECESSARY} is always allowed: it covers what the site needs to work (session, security, the consent
 * cookie itself). Every other category needs a grant, or an opt-out policy with no refusing signal.
 *
 * <p>The lower-case {@link #id()} is the name used everywhere outside Java: in init-params, the policy file, the
 * consent cookie, the consent endpoint's JSON and the catalog.
 */
public enum Category {
    /** Strictly necessary for the site to work; never refused. */
    NECESSARY("necessary"),
    /** Preferences and conveniences (chat widgets, embedded maps, remembered settings). */
    FUNCTIONAL("functional"),
    /** Measurement of how the site is used (analytics, heatmaps, session replay). */
    ANALYTICS("analytics"),
    /** Advertising, retargeting, conversion tracking, selling or sharing of personal data. */
    MARKETING("marketing");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    /** The lower-case name used in configuration, cookies and JSON. */
    public String id() {
        return id;
    }

    /**
     * Parses a category name, case-insensitively, ignoring surrounding whitespace.
     *
     * @return the category, or empty when the name is unknown (callers decide whether that is an error)
     */
    public static Optional<Category> fromId(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Category c : values()) {
            if (c.id.equals(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
