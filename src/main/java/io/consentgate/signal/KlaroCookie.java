package io.consentgate.signal;

import com.fasterxml.jackson.databind.JsonNode;
import io.consentgate.Category;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Klaro's {@code klaro} cookie: a JSON object (raw or percent-encoded) of service name → boolean, mapped through
 * {@link SignalSettings#klaroServices()}. A category is granted only when <em>every</em> service the operator mapped
 * to it is present and {@code true}: ConsentGate enforces per category, so one refused service of a category
 * refuses the category. Services not in the mapping are ignored; a non-boolean value counts as refused.
 */
final class KlaroCookie {

    static final String NAME = "klaro";
    static final String SOURCE = "klaro";

    private KlaroCookie() {
    }

    static Optional<StoredConsent> parse(String raw, Map<String, Category> services, Instant now,
                                         List<String> problems) {
        if (!CmpText.readable(raw)) {
            return fail(problems, "empty or oversized");
        }
        Optional<JsonNode> json = CmpText.jsonObject(raw);
        if (json.isEmpty()) {
            return fail(problems, "not a JSON object");
        }
        Map<Category, Boolean> all = new EnumMap<>(Category.class);
        services.forEach((service, category) -> {
            JsonNode flag = json.get().get(service);
            boolean accepted = flag != null && flag.isBoolean() && flag.booleanValue();
            all.merge(category, accepted, Boolean::logicalAnd);
        });
        EnumSet<Category> granted = EnumSet.noneOf(Category.class);
        all.forEach((category, accepted) -> {
            if (accepted) {
                granted.add(category);
            }
        });
        return Optional.of(new StoredConsent(granted, 0, now, "", SOURCE));
    }

    private static Optional<StoredConsent> fail(List<String> problems, String why) {
        problems.add(SOURCE + " " + NAME + ": " + why);
        return Optional.empty();
    }
}
