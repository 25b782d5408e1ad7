package io.consentgate;

import io.consentgate.decision.DecisionEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the filter decides on when reading a request's signals failed (a bug: the reader never throws by contract):
 * the refusing decision it logs, in opt-out mode too, where no signal at all would allow everything.
 */
class UnreadableSignalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"opt-in", "opt-out"})
    void signalsThatCouldNotBeReadRefuseEverythingInEitherMode(String mode) {
        Policy policy = Policy.builder().mode(ConsentMode.fromId(mode)).build();
        ConsentDecision d = new DecisionEngine(policy).decide(ConsentGateFilter.unreadableSignals());
        assertEquals(Set.of(Category.NECESSARY), d.allowed());
    }
}
