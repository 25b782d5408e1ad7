package io.consentgate.catalog;

import io.consentgate.Category;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refines a tracker's categories by the tag id a shared loader is configured with: {@code G-} (GA4) is
 * analytics, {@code AW-} (Google Ads) marketing, {@code GTM-} (a container that can hold anything) both.
 *
 * <p>In URLs the id is the value of the {@code id} query parameter; in inline scripts it is a quoted string
 * literal (or {@code id=} inside a string) starting with the prefix. What follows the prefix is the id's <em>body</em>:
 * the run of letters, digits, {@code -} and {@code _} up to the first other character. Without a {@code body}
 * pattern any body that starts with an upper-case letter or digit is an id; with one, only a body the pattern
 * matches as a whole (an order number {@code "GT-2040"} is not a Google tag id, whose body has seven to nine
 * characters).
 *
 * @param prefix     case-sensitive id prefix, e.g. {@code "AW-"}
 * @param categories categories a tag with this prefix needs
 * @param body       the shape of the id after the prefix, or {@code null} for any
 */
public record TagIdRule(String prefix, Set<Category> categories, Pattern body) {

    /** The longest body looked at; a longer run of id characters is no tag id. */
    static final int MAX_BODY = 64;

    /** Copies the categories into an unmodifiable set. */
    public TagIdRule {
        categories = Set.copyOf(categories);
    }

    /** A rule that takes any body starting with an upper-case letter or digit, as before bodies had shapes. */
    public TagIdRule(String prefix, Set<Category> categories) {
        this(prefix, categories, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagIdRule r && prefix.equals(r.prefix) && categories.equals(r.categories)
            && (body == null ? r.body == null : r.body != null && body.pattern().equals(r.body.pattern()));
    }

    @Override
    public int hashCode() {
        return prefix.hashCode() * 31 + categories.hashCode();
    }

    /**
     * Whether an id of this rule's shape starts at {@code b[at]}, right after the prefix, in inline text (ending
     * at {@code end}); the bytes are compared as they are written.
     */
    public boolean bodyAt(byte[] b, int at, int end) {
        if (at >= end || !isUpperOrDigit(b[at])) {
            return false;
        }
        if (body == null) {
            return true;
        }
        int e = at;
        while (e < end && e - at <= MAX_BODY && isBodyChar(b[e])) {
            e++;
        }
        if (e - at > MAX_BODY) {
            return false;
        }
        char[] run = new char[e - at];
        for (int i = 0; i < run.length; i++) {
            run[i] = (char) b[at + i];
        }
        return body.matcher(java.nio.CharBuffer.wrap(run)).matches();
    }

    /**
     * Whether an id of this rule's shape starts at {@code s.charAt(at)}, right after the prefix, in a URL's query
     * (ending at {@code end}); ASCII case is ignored, as in the prefix.
     */
    boolean bodyAt(CharSequence s, int at, int end) {
        if (at >= end || !Matches.isTagChar(s.charAt(at))) {
            return false;
        }
        if (body == null) {
            return true;
        }
        int e = at;
        while (e < end && e - at <= MAX_BODY && isBodyChar(s.charAt(e))) {
            e++;
        }
        return e - at <= MAX_BODY
            && body.matcher(s.subSequence(at, e).toString().toUpperCase(Locale.ROOT)).matches();
    }

    private static boolean isBodyChar(int c) {
        return Matches.isTagChar(c) || c == '-' || c == '_';
    }

    private static boolean isUpperOrDigit(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
