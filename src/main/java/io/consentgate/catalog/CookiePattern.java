package io.consentgate.catalog;

/**
 * A cookie name a tracker sets.
 *
 * <p>The name is matched case-sensitively (cookie names are). With {@code prefix} the name is a prefix
 * ({@code _ga_} matches {@code _ga_ABC123}). A {@code *} inside the name stands for any run of characters
 * ({@code mp_*_mixpanel}). A {@code generic} name ({@code NID}, {@code fr}, {@code test_cookie}) collides with
 * application cookies and only matches when the cookie's {@code Domain} attribute is one of the vendor's domains.
 *
 * @param name    the name, without a trailing {@code *} when {@code prefix} is set
 * @param prefix  whether the name is a prefix
 * @param generic whether the name is only a tracker cookie on the vendor's own domain
 */
public record CookiePattern(String name, boolean prefix, boolean generic) {

    /** Rejects empty names and names with more than one inner {@code *}. */
    public CookiePattern {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("cookie pattern name must not be empty");
        }
        int star = name.indexOf('*');
        if (star >= 0 && name.indexOf('*', star + 1) >= 0) {
            throw new IllegalArgumentException("cookie pattern " + name + ": at most one inner '*'");
        }
    }

    /** Whether a cookie name matches this pattern (ignores {@link #generic()}; the domain check is the caller's). */
    public boolean matches(String cookieName) {
        int star = name.indexOf('*');
        if (star < 0) {
            return prefix ? cookieName.startsWith(name) : cookieName.equals(name);
        }
        int suffixLen = name.length() - star - 1;
        if (cookieName.length() < name.length() - 1) {
            return false;
        }
        if (!cookieName.regionMatches(0, name, 0, star)) {
            return false;
        }
        if (prefix) {
            // "a*b" + prefix: "a", anything, "b", anything.
            for (int i = star; i + suffixLen <= cookieName.length(); i++) {
                if (cookieName.regionMatches(i, name, star + 1, suffixLen)) {
                    return true;
                }
            }
            return false;
        }
        return cookieName.regionMatches(cookieName.length() - suffixLen, name, star + 1, suffixLen);
    }
}
