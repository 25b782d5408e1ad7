package io.consentgate.signal;

import io.consentgate.Category;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything ConsentGate read from one request, before any decision. Immutable.
 *
 * @param gpc        Global Privacy Control: a configured GPC header carried exactly {@code 1}
 * @param dnt        the Do Not Track signal
 * @param consent    the valid stored consent, if any (ConsentGate's own cookie wins over other consent managers')
 * @param region     the region from the configured trusted header ({@code "DE"}, {@code "US-CA"}), if any
 * @param problems   why a cookie or header was ignored, for DEBUG logs; never contains raw header or cookie values
 * @param saleOptOut an opt-out of sale/sharing other than GPC: the IAB US Privacy string ({@code usprivacy} cookie)
 *                   with opt-out {@code Y}, when {@code "usprivacy"} is honoured. Treat it like {@link #gpc()}; see
 *                   {@link #optOutOfSale()}
 * @param consentUnclear no stored consent was read, but one may have been sent: a consent cookie appeared more than
 *                   once, ConsentGate's own came but could not be read (not merely lapsed or of another policy
 *                   revision), or the {@code Cookie} header went past the read caps. A withdrawal may be among what was not
 *                   read, so the decision does not take opt-out's allow-all default
 * @param earlierRefusals the categories ConsentGate's own consent cookie refused when it is valid in every way but
 *                   its policy revision (given for an earlier one): no consent, but a new revision re-asks for
 *                   consent, it does not turn a refusal into opt-out's allow; empty otherwise. Never contains
 *                   {@link Category#NECESSARY}
 */
public record Signals(boolean gpc, Dnt dnt, Optional<StoredConsent> consent, Optional<String> region,
                      List<String> problems, boolean saleOptOut, boolean consentUnclear,
                      Set<Category> earlierRefusals) {

    /** Rejects {@code null}s and copies {@code problems} and {@code earlierRefusals}. */
    public Signals {
        Objects.requireNonNull(dnt, "dnt");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(region, "region");
        problems = List.copyOf(problems);
        EnumSet<Category> refused = EnumSet.noneOf(Category.class);
        refused.addAll(earlierRefusals);
        refused.remove(Category.NECESSARY);
        earlierRefusals = Collections.unmodifiableSet(refused);
    }

    /** The signals without refusals stored for an earlier policy revision. */
    public Signals(boolean gpc, Dnt dnt, Optional<StoredConsent> consent, Optional<String> region,
                   List<String> problems, boolean saleOptOut, boolean consentUnclear) {
        this(gpc, dnt, consent, region, problems, saleOptOut, consentUnclear, Set.of());
    }

    /** The signals with every stored consent read unambiguously ({@code consentUnclear = false}). */
    public Signals(boolean gpc, Dnt dnt, Optional<StoredConsent> consent, Optional<String> region,
                   List<String> problems, boolean saleOptOut) {
        this(gpc, dnt, consent, region, problems, saleOptOut, false);
    }

    /** The signals without a US Privacy opt-out ({@code saleOptOut = false}). */
    public Signals(boolean gpc, Dnt dnt, Optional<StoredConsent> consent, Optional<String> region,
                   List<String> problems) {
        this(gpc, dnt, consent, region, problems, false, false);
    }

    /** No signal at all: what a request without any relevant header yields. */
    public static Signals none() {
        return new Signals(false, Dnt.NONE, Optional.empty(), Optional.empty(), List.of(), false, false, Set.of());
    }

    /** Whether the visitor opted out of sale/sharing of personal data: {@link #gpc()} or {@link #saleOptOut()}. */
    public boolean optOutOfSale() {
        return gpc || saleOptOut;
    }
}
