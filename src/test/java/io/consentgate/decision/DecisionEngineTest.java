package io.consentgate.decision;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import io.consentgate.DecisionBasis;
import io.consentgate.Policy;
import io.consentgate.signal.Dnt;
import io.consentgate.signal.Signals;
import io.consentgate.signal.StoredConsent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The precedence table: each row is one combination of signals, consent and policy, and the expected outcome. */
class DecisionEngineTest {

    /**
     * Columns: mode, signalsOverrideConsent, gpc, dnt (1/0/-), usprivacy opt-out, consent (- = none, else granted
     * list with '+'), region, then expected basis of functional, analytics, marketing (upper case = allowed).
     */
    @ParameterizedTest(name = "[{index}] {0} override={1} gpc={2} dnt={3} us={4} consent={5} region={6}")
    @CsvSource({
        // mode,  ovr,  gpc,  dnt, us,   consent,                        region, functional, analytics, marketing
        "opt-in,  true, false, -, false, -,                              -,  default, default, default",
        "opt-in,  true, true,  -, false, -,                              -,  default, default, gpc",
        "opt-in,  true, false, 1, false, -,                              -,  default, dnt,     dnt",
        "opt-in,  true, true,  1, false, -,                              -,  default, dnt,     gpc",
        "opt-in,  true, false, 0, false, -,                              -,  default, default, default",
        "opt-out, true, false, -, false, -,                              -,  DEFAULT, DEFAULT, DEFAULT",
        "opt-out, true, true,  -, false, -,                              -,  DEFAULT, DEFAULT, gpc",
        "opt-out, true, false, 1, false, -,                              -,  DEFAULT, dnt,     dnt",
        "opt-out, true, false, -, true,  -,                              -,  DEFAULT, DEFAULT, gpc",
        "opt-in,  true, false, -, false, functional+analytics+marketing, -,  CONSENT, CONSENT, CONSENT",
        "opt-in,  true, false, -, false, analytics,                      -,  consent, CONSENT, consent",
        "opt-in,  true, true,  -, false, functional+analytics+marketing, -,  CONSENT, CONSENT, gpc",
        "opt-in,  true, false, 1, false, functional+analytics+marketing, -,  CONSENT, dnt,     dnt",
        "opt-in,  false, true, 1, false, functional+analytics+marketing, -,  CONSENT, CONSENT, CONSENT",
        "opt-in,  false, true, 1, false, -,                              -,  default, dnt,     gpc",
        "opt-out, false, false, 1, false, -,                             -,  DEFAULT, dnt,     dnt",
        "opt-out, true, false, -, false, -,                              DE, default, default, default",
        "opt-out, true, false, -, false, -,                              DE-BY, default, default, default",
        "opt-in,  true, false, -, false, -,                              US-CA, DEFAULT, DEFAULT, DEFAULT",
        "opt-in,  true, false, -, false, -,                              FR, default, default, default",
        "opt-out, true, false, -, false, analytics,                      -,  consent, CONSENT, consent",
    })
    void precedence(String mode, boolean override, boolean gpc, String dnt, boolean usOptOut, String consent,
                    String region, String functional, String analytics, String marketing) {
        Policy policy = Policy.builder()
                .mode(ConsentMode.fromId(mode))
                .signalsOverrideConsent(override)
                .regionHeader("X-Region")
                .regionMode("DE", ConsentMode.OPT_IN)
                .regionMode("US-CA", ConsentMode.OPT_OUT)
                .build();
        Optional<StoredConsent> stored = consent.equals("-") ? Optional.empty()
                : Optional.of(new StoredConsent(categories(consent), 1, Instant.now(), "id", "consentgate"));
        Dnt d = switch (dnt) {
            case "1" -> Dnt.TRACKING_OFF;
            case "0" -> Dnt.TRACKING_ALLOWED;
            default -> Dnt.NONE;
        };
        Signals signals = new Signals(gpc, d, stored, region.equals("-") ? Optional.empty() : Optional.of(region),
                List.of(), usOptOut);
        ConsentDecision decision = new DecisionEngine(policy).decide(signals);

        assertOutcome(decision, Category.FUNCTIONAL, functional);
        assertOutcome(decision, Category.ANALYTICS, analytics);
        assertOutcome(decision, Category.MARKETING, marketing);
        assertEquals(DecisionBasis.ALWAYS, decision.basis(Category.NECESSARY));
        assertEquals(true, decision.allows(Category.NECESSARY));
    }

    /**
     * No stored consent was read, but one may have been sent (a consent cookie twice, a Cookie header past the read
     * caps): in either mode nothing is allowed by default, as a withdrawal may be in what went unread.
     */
    @ParameterizedTest(name = "[{index}] {0} gpc={1} dnt={2}")
    @CsvSource({
        // mode,  gpc,  dnt, functional, analytics, marketing
        "opt-out, false, -, unclear, unclear, unclear",
        "opt-out, true,  -, unclear, unclear, gpc",
        "opt-out, false, 1, unclear, dnt,     dnt",
        "opt-in,  false, -, unclear, unclear, unclear",
    })
    void anUnclearStoredConsentAllowsNothingByDefault(String mode, boolean gpc, String dnt, String functional,
                                                      String analytics, String marketing) {
        Policy policy = Policy.builder().mode(ConsentMode.fromId(mode)).build();
        Signals signals = new Signals(gpc, dnt.equals("1") ? Dnt.TRACKING_OFF : Dnt.NONE, Optional.empty(),
                Optional.empty(), List.of(), false, true);
        ConsentDecision decision = new DecisionEngine(policy).decide(signals);

        assertOutcome(decision, Category.FUNCTIONAL, functional);
        assertOutcome(decision, Category.ANALYTICS, analytics);
        assertOutcome(decision, Category.MARKETING, marketing);

        Signals withConsent = new Signals(gpc, Dnt.NONE, Optional.of(new StoredConsent(
                EnumSet.of(Category.FUNCTIONAL), 1, Instant.now(), "id", "consentgate")), Optional.empty(), List.of(),
                false, true);
        assertEquals(DecisionBasis.CONSENT, new DecisionEngine(policy).decide(withConsent).basis(Category.FUNCTIONAL),
                "a consent that was read settles it");
    }

    /**
     * A refusal stored for an earlier policy revision stays a refusal: raising {@code policy-revision} re-asks for
     * consent, it does not turn an opt-out into opt-out mode's allow. What was granted then falls to the default.
     */
    @ParameterizedTest(name = "[{index}] {0} earlier refusals={1}")
    @CsvSource({
        // mode,  refused earlier,       gpc,  functional, analytics, marketing
        "opt-out, analytics+marketing,   false, DEFAULT,   consent,   consent",
        "opt-out, functional+analytics+marketing, false, consent, consent, consent",
        "opt-out, marketing,             true,  DEFAULT,   DEFAULT,   consent",
        "opt-in,  analytics,             false, default,   default,   default",
    })
    void aRefusalStoredForAnEarlierRevisionStillRefuses(String mode, String refused, boolean gpc, String functional,
                                                        String analytics, String marketing) {
        Policy policy = Policy.builder().mode(ConsentMode.fromId(mode)).build();
        Signals signals = new Signals(gpc, Dnt.NONE, Optional.empty(), Optional.empty(), List.of(), false, false,
                categories(refused));
        ConsentDecision decision = new DecisionEngine(policy).decide(signals);

        assertOutcome(decision, Category.FUNCTIONAL, functional);
        assertOutcome(decision, Category.ANALYTICS, analytics);
        assertOutcome(decision, Category.MARKETING, marketing);

        Signals withConsent = new Signals(false, Dnt.NONE, Optional.of(new StoredConsent(
                EnumSet.of(Category.ANALYTICS), 1, Instant.now(), "id", "onetrust")), Optional.empty(), List.of(),
                false, false, categories(refused));
        assertEquals(DecisionBasis.CONSENT, new DecisionEngine(policy).decide(withConsent).basis(Category.FUNCTIONAL),
                "a consent that was read settles it");
    }

    private static void assertOutcome(ConsentDecision decision, Category c, String expected) {
        boolean allowed = Character.isUpperCase(expected.charAt(0));
        assertEquals(allowed, decision.allows(c), c + " allowed");
        assertEquals(expected.toLowerCase(), decision.basis(c).id(), c + " basis");
    }

    private static Set<Category> categories(String list) {
        EnumSet<Category> s = EnumSet.noneOf(Category.class);
        for (String n : list.split("\\+")) {
            s.add(Category.fromId(n).orElseThrow());
        }
        return s;
    }
}
