package io.consentgate;

import io.consentgate.catalog.Tracker;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;

/**
 * The cookies a site needs whatever the visitor chose (ConsentGate's consent cookie, the container's session cookie),
 * which no tracker's cookie pattern may cover: the cookie gate would drop and expire them on every page, losing the
 * visitor's consent or logging them out.
 */
final class NecessaryCookies {

    /** The session cookie's name unless the application renames it ({@code <cookie-config><name>}). */
    static final String SESSION_COOKIE = "JSESSIONID";

    private NecessaryCookies() {
    }

    /**
     * Refuses a catalog in which a tracker's cookie pattern covers {@code cookie}. The message names the tracker and
     * its pattern; the key is {@code ownKey} when a bundled tracker covers the name (renaming the cookie is the fix),
     * else {@code trackers} (the override is).
     *
     * @param role   what the cookie is, for the message
     * @param ownKey the parameter that names the cookie, or null when it is not a ConsentGate parameter
     */
    static void requireUngated(TrackerCatalog catalog, String cookie, String role, String ownKey) {
        TrackerMatch m = catalog.matchCookie(cookie, null);
        if (m == null) {
            return;
        }
        Tracker t = m.tracker();
        String pattern = t.cookies().stream().filter(p -> p.matches(cookie))
                .map(p -> p.prefix() ? p.name() + "*" : p.name()).findFirst().orElse(cookie);
        boolean bundled = TrackerCatalog.bundled().tracker(t.id()).filter(t::equals).isPresent();
        String key = bundled && ownKey != null ? ownKey : "trackers";
        throw new InvalidPolicyException(key, "'" + cookie + "' is " + role + ", which is necessary and never gated, "
                + "but " + (bundled ? "the bundled " : "") + "tracker \"" + t.id() + "\" lists the cookie pattern "
                + pattern + ": the cookie gate would expire it on every page; " + (ownKey != null && bundled
                ? "choose another name" : bundled ? "rename the cookie or disable that tracker in trackers"
                : "take it out of that tracker's cookies"));
    }
}
