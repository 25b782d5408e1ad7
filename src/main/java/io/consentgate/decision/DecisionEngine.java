package io.consentgate.decision;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import io.consentgate.DecisionBasis;
import io.consentgate.Policy;
import io.consentgate.signal.Dnt;
import io.consentgate.signal.Signals;
import io.consentgate.signal.StoredConsent;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The pure function from a request's {@link Signals} and the {@link Policy} to a {@link ConsentDecision}.
 *
 * <p>Precedence, for each non-necessary category, in this order:
 * <ol>
 *   <li>A valid stored consent settles it ({@link DecisionBasis#CONSENT}); with none, the policy's default mode for
 *       the visitor's region does ({@link DecisionBasis#DEFAULT}: opt-in refuses, opt-out allows), unless a stored
 *       consent may have been sent but could not be read unambiguously ({@link DecisionBasis#UNCLEAR}: refused in
 *       either mode, as a withdrawal may be in it). A category that ConsentGate's cookie of an earlier policy
 *       revision refused ({@link Signals#earlierRefusals()}) stays refused in opt-out mode
 *       ({@link DecisionBasis#CONSENT}): a new revision re-asks for consent, it does not withdraw an opt-out.</li>
 *   <li>{@code Sec-GPC: 1} refuses {@link Policy#gpcRefuses()} (default: marketing), then {@code DNT: 1} refuses
 *       {@link Policy#dntRefuses()} (default: analytics and marketing). A signal refusal beats a stored consent when
 *       {@link Policy#signalsOverrideConsent()} (the default); otherwise a stored consent beats the signals, but the
 *       signals still beat the default mode.</li>
 * </ol>
 * A refusal is never turned into an allow by a later rule: {@code DNT: 0} (an exception the visitor granted) and a
 * missing signal grant nothing. An IAB {@code usprivacy} opt-out of sale is treated like GPC.
 *
 * <p>Immutable and thread-safe.
 */
public final class DecisionEngine {

    private final Policy policy;

    public DecisionEngine(Policy policy) {
        this.policy = policy;
    }

    /** Decides for one request. Never throws for any combination of signals. */
    public ConsentDecision decide(Signals signals) {
        ConsentMode mode = policy.modeFor(signals.region().orElse(null));
        StoredConsent consent = signals.consent().orElse(null);
        EnumSet<Category> allowed = EnumSet.noneOf(Category.class);
        Map<Category, DecisionBasis> basis = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            if (c == Category.NECESSARY) {
                continue;
            }
            boolean allow;
            DecisionBasis why;
            if (consent != null) {
                allow = consent.granted().contains(c);
                why = DecisionBasis.CONSENT;
            } else if (signals.consentUnclear()) {
                allow = false; // a withdrawal may be in what could not be read
                why = DecisionBasis.UNCLEAR;
            } else if (signals.earlierRefusals().contains(c) && mode == ConsentMode.OPT_OUT) {
                allow = false; // a new policy revision re-asks; it does not undo an opt-out
                why = DecisionBasis.CONSENT;
            } else {
                allow = mode == ConsentMode.OPT_OUT;
                why = DecisionBasis.DEFAULT;
            }
            boolean signalsApply = consent == null || policy.signalsOverrideConsent();
            if (allow && signalsApply) {
                if (gpcRefuses(signals, policy.gpcRefuses(), c)) {
                    allow = false;
                    why = DecisionBasis.GPC;
                } else if (signals.dnt() == Dnt.TRACKING_OFF && policy.dntRefuses().contains(c)) {
                    allow = false;
                    why = DecisionBasis.DNT;
                }
            } else if (!allow && (why == DecisionBasis.DEFAULT || why == DecisionBasis.UNCLEAR)) {
                // Already refused by the opt-in default; name the signal if one would have refused it too,
                // because "your browser asked us not to" is the more useful answer to give the visitor.
                if (gpcRefuses(signals, policy.gpcRefuses(), c)) {
                    why = DecisionBasis.GPC;
                } else if (signals.dnt() == Dnt.TRACKING_OFF && policy.dntRefuses().contains(c)) {
                    why = DecisionBasis.DNT;
                }
            }
            if (allow) {
                allowed.add(c);
            }
            basis.put(c, why);
        }
        return ConsentDecision.of(allowed, basis, mode);
    }

    private static boolean gpcRefuses(Signals s, Set<Category> refused, Category c) {
        return s.optOutOfSale() && refused.contains(c);
    }
}
