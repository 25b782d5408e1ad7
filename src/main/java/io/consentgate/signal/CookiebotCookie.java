package io.consentgate.signal;

import io.consentgate.Category;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cookiebot's {@code CookieConsent} cookie: percent-encoded, JavaScript-object-like text such as
 * {@code {stamp:'…',necessary:true,preferences:true,statistics:false,marketing:false,method:'explicit',ver:1,
 * utc:1767225600000,region:'de'}}. {@code preferences} → functional, {@code statistics} → analytics,
 * {@code marketing} → marketing. All three must be present exactly once as {@code true}/{@code false}; {@code -1}
 * (consent not applicable), {@code method:'implied'} (consent assumed from browsing on), any {@code method} other
 * than {@code 'explicit'} (an older cookie may have none) and anything else is no consent. The time comes from {@code utc} (milliseconds); an older cookie without it counts as given now, one with
 * a {@code utc} that is not a number is no consent.
 */
final class CookiebotCookie {

    static final String NAME = "CookieConsent";
    static final String SOURCE = "cookiebot";
    private static final Map<String, Category> MAPPING = Map.of(
            "preferences", Category.FUNCTIONAL, "statistics", Category.ANALYTICS, "marketing", Category.MARKETING);

    private CookiebotCookie() {
    }

    static Optional<StoredConsent> parse(String raw, Instant now, List<String> problems) {
        if (!CmpText.readable(raw)) {
            return fail(problems, "empty or oversized");
        }
        if ("-1".equals(raw)) {
            return fail(problems, "-1 (no consent recorded or not applicable)");
        }
        Optional<String> decoded = CmpText.urlDecode(raw);
        if (decoded.isEmpty()) {
            return fail(problems, "bad percent-encoding");
        }
        String text = decoded.get();
        if (text.length() < 2 || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
            return fail(problems, "not an object");
        }
        Map<String, String> fields = new HashMap<>();
        for (String part : text.substring(1, text.length() - 1).split(",", -1)) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                return fail(problems, "bad field");
            }
            if (fields.put(part.substring(0, colon).strip(), part.substring(colon + 1).strip()) != null) {
                return fail(problems, "duplicate field");
            }
        }
        EnumSet<Category> granted = EnumSet.noneOf(Category.class);
        for (Map.Entry<String, Category> m : MAPPING.entrySet()) {
            String flag = fields.get(m.getKey());
            if ("true".equals(flag)) {
                granted.add(m.getValue());
            } else if (!"false".equals(flag)) {
                return fail(problems, "missing or non-boolean " + m.getKey());
            }
        }
        String method = fields.get("method");
        if ("'implied'".equals(method) || "\"implied\"".equals(method)) {
            // Given by browsing on, not by a choice: no consent, so the policy's default for the region decides.
            return fail(problems, "implied consent (the visitor made no choice)");
        }
        if (method != null && !"'explicit'".equals(method) && !"\"explicit\"".equals(method)) {
            // Only a choice the visitor made is consent; a method this reader does not know may not be one.
            return fail(problems, "unknown consent method");
        }
        Instant when = now;
        String utc = fields.get("utc");
        if (utc != null) {
            if (!utc.matches("[0-9]{1,15}")) {
                // read as "now", the consent would never grow older than the maximum age
                return fail(problems, "unreadable utc");
            }
            when = Instant.ofEpochMilli(Long.parseLong(utc));
        }
        return Optional.of(new StoredConsent(granted, 0, when, "", SOURCE));
    }

    private static Optional<StoredConsent> fail(List<String> problems, String why) {
        problems.add(SOURCE + " " + NAME + ": " + why);
        return Optional.empty();
    }
}
