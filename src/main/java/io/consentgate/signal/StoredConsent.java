package io.consentgate.signal;

import io.consentgate.Category;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A consent the visitor stored earlier, read from a cookie.
 *
 * <p>Values returned by {@link SignalReader} are already validated (format, signature, policy revision, age):
 * callers must not re-check them against the policy.
 *
 * @param granted   the non-necessary categories granted; never contains {@link Category#NECESSARY} (always allowed,
 *                  so it is implicit); unmodifiable
 * @param revision  the policy revision the consent was given for; {@code 0} for other consent managers' cookies
 *                  (their versioning is their own)
 * @param timestamp when the consent was given; for consent managers whose cookie carries no time, the time it was
 *                  read
 * @param consentId ConsentGate's 22-character consent id; empty for other consent managers (their identifiers are
 *                  not exposed)
 * @param source    who wrote it: {@code "consentgate"}, {@code "cookiebot"}, {@code "onetrust"},
 *                  {@code "cookieconsent"}, {@code "klaro"} or {@code "tcf"}
 */
public record StoredConsent(Set<Category> granted, int revision, Instant timestamp, String consentId, String source) {

    /** Source name of ConsentGate's own cookie. */
    public static final String SOURCE_CONSENTGATE = "consentgate";

    /** Copies {@code granted} (dropping {@link Category#NECESSARY}) and rejects {@code null}s. */
    public StoredConsent {
        Objects.requireNonNull(granted, "granted");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(consentId, "consentId");
        Objects.requireNonNull(source, "source");
        EnumSet<Category> copy = EnumSet.noneOf(Category.class);
        for (Category c : granted) {
            copy.add(Objects.requireNonNull(c, "granted category"));
        }
        copy.remove(Category.NECESSARY);
        granted = Set.copyOf(copy);
    }

    /** Whether {@code category} was granted; {@link Category#NECESSARY} is always granted. */
    public boolean grants(Category category) {
        return category == Category.NECESSARY || granted.contains(category);
    }
}
