package io.consentgate.signal;

import com.fasterxml.jackson.databind.JsonNode;
import io.consentgate.Category;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * orestbida/cookieconsent's {@code cc_cookie}: a JSON object, raw or percent-encoded, with the accepted categories in
 * {@code "categories"} (v3) or {@code "level"} (v2). Category names: {@code analytics} → analytics;
 * {@code marketing}, {@code ads}, {@code targeting} → marketing; {@code functionality}, {@code preferences},
 * {@code functional} → functional; {@code necessary} and site-specific names are ignored. A non-string entry or a
 * missing list is no consent. The time comes from {@code "consentTimestamp"} (ISO-8601) when present (v2 has none:
 * given now); one that is not an ISO-8601 string is no consent.
 */
final class CookieConsentCookie {

    static final String NAME = "cc_cookie";
    static final String SOURCE = "cookieconsent";

    private CookieConsentCookie() {
    }

    static Optional<StoredConsent> parse(String raw, Instant now, List<String> problems) {
        if (!CmpText.readable(raw)) {
            return fail(problems, "empty or oversized");
        }
        Optional<JsonNode> json = CmpText.jsonObject(raw);
        if (json.isEmpty()) {
            return fail(problems, "not a JSON object");
        }
        JsonNode list = json.get().has("categories") ? json.get().get("categories") : json.get().get("level");
        if (list == null || !list.isArray()) {
            return fail(problems, "no categories list");
        }
        EnumSet<Category> granted = EnumSet.noneOf(Category.class);
        for (JsonNode entry : list) {
            if (!entry.isTextual()) {
                return fail(problems, "non-string category");
            }
            switch (entry.textValue()) {
                case "analytics" -> granted.add(Category.ANALYTICS);
                case "marketing", "ads", "targeting" -> granted.add(Category.MARKETING);
                case "functionality", "preferences", "functional" -> granted.add(Category.FUNCTIONAL);
                default -> {
                    // necessary or a site-specific category: grants nothing ConsentGate knows.
                }
            }
        }
        Instant when = now;
        JsonNode ts = json.get().get("consentTimestamp");
        if (ts != null && !ts.isNull()) {
            // read as "now", the consent would never grow older than the maximum age
            if (!ts.isTextual()) {
                return fail(problems, "unreadable consentTimestamp");
            }
            try {
                when = Instant.parse(ts.textValue());
            } catch (DateTimeParseException e) {
                return fail(problems, "unreadable consentTimestamp");
            }
        }
        return Optional.of(new StoredConsent(granted, 0, when, "", SOURCE));
    }

    private static Optional<StoredConsent> fail(List<String> problems, String why) {
        problems.add(SOURCE + " " + NAME + ": " + why);
        return Optional.empty();
    }
}
