package io.consentgate.response;

import io.consentgate.ConsentDecision;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatorRevalidationTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();

    @Test
    void hidesTheDateOnlyWhenEveryTagIsAnotherDecisions() {
        assertTrue(Validators.hidesModifiedSince(List.of("W/\"cg.cgfl\""), NONE));
        assertTrue(Validators.hidesModifiedSince(List.of("\"v42.cgfs\"", "W/\"v41.cg5w\""), NONE));
        assertFalse(Validators.hidesModifiedSince(List.of("\"v42.cgfs\", W/\"v42.cg1s\""), NONE), "one is this one's");
        assertFalse(Validators.hidesModifiedSince(List.of("W/\"cg.cg1l\""), NONE));
        assertFalse(Validators.hidesModifiedSince(List.of("\"app.js-17\""), NONE), "a tag of no decision");
        assertFalse(Validators.hidesModifiedSince(List.of("*"), NONE));
        assertFalse(Validators.hidesModifiedSince(List.of(), NONE));
    }

    @Test
    void givesBackOnlyStrongTagsOfThisDecisionForPreconditionsThatCompareStrongly() {
        ConsentDecision all = ConsentDecision.allowAll();
        assertEquals(List.of("\"v1\", \"v42\""), Validators.strongPrecondition(List.of("\"v1\", \"v42.cgfs\""), all));
        assertNull(Validators.strongPrecondition(List.of("W/\"v42.cgfs\""), all), "weak: matches nothing");
        assertNull(Validators.strongPrecondition(List.of("\"v42.cgfw\""), all), "the application's tag was weak");
        assertNull(Validators.strongPrecondition(List.of("W/\"v42.cg1s\""), NONE));
        assertNull(Validators.strongPrecondition(List.of("\"v42.cgfs\""), NONE), "another decision's");
        assertNull(Validators.strongPrecondition(List.of("*"), all));
        assertNull(Validators.strongPrecondition(List.of("Mon, 05 Jan 2026 10:00:00 GMT"), all));
    }

    @Test
    void aTagThatNamesTheDecisionAlreadyIsLeftAsItIs() {
        assertNull(Validators.tag("W/\"v42.cg1s\"", false, NONE, true));
        assertNull(Validators.tag("W/\"cg.cg1l\"", true, NONE, true));
    }

    @Test
    void aNotModifiedNamesTheClientsTagBehindTheApplicationsTag() {
        Validators.Translation t = Validators.ifNoneMatch(List.of("W/\"v41.cg1s\", W/\"v42.cg1s\""), NONE);
        assertEquals("W/\"v42.cg1s\"", t.tagFor304("\"v42\""));
        assertEquals("W/\"v42.cg1s\"", t.tagFor304("W/\"v42\""), "weak comparison");
        assertEquals("W/\"v41.cg1s\"", t.tagFor304(null), "no tag from the application: the first one");
        assertEquals("W/\"v41.cg1s\"", t.tagFor304("\"v40\""));
    }
}
