package io.consentgate.response;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import io.consentgate.DecisionBasis;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ValidatorsTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ALL = ConsentDecision.allowAll();
    private static final ConsentDecision ANALYTICS = decision(Category.NECESSARY, Category.ANALYTICS);

    private static ConsentDecision decision(Category... allowed) {
        Map<Category, DecisionBasis> basis = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            basis.put(c, DecisionBasis.CONSENT);
        }
        return ConsentDecision.of(EnumSet.of(allowed[0], allowed), basis, ConsentMode.OPT_IN);
    }

    @Test
    void namesTheAllowedCategoriesAndWhetherTheApplicationsTagWasStrong() {
        assertEquals("W/\"v42.cg1s\"", Validators.tag("\"v42\"", false, NONE, true));
        assertEquals("\"v42.cgfs\"", Validators.tag("\"v42\"", true, ALL, false), "as written: stays strong");
        assertEquals("W/\"303-17.cg5w\"", Validators.tag("W/\"303-17\"", true, ANALYTICS, true));
    }

    @Test
    void addsATagToAPageValidatedOnlyByLastModifiedAndNoneToAPageWithoutValidators() {
        assertEquals("W/\"cg.cg1l\"", Validators.tag(null, true, NONE, true));
        assertNull(Validators.tag(null, false, NONE, true));
        assertNull(Validators.tag("v42-unquoted", true, NONE, true), "a tag it cannot read is left alone");
    }

    @Test
    void givesTheApplicationItsOwnTagBackOnlyForTheSameDecision() {
        Validators.Translation t = Validators.ifNoneMatch(List.of("W/\"v42.cg1s\""), NONE);
        assertEquals(List.of("\"v42\""), t.lines());
        assertEquals("W/\"v42.cg1s\"", t.matchedTag());
        assertEquals(List.of("W/\"303-17\""), Validators.ifNoneMatch(List.of("W/\"303-17.cg5w\""), ANALYTICS).lines());
        assertNull(Validators.ifNoneMatch(List.of("W/\"v42.cg1s\""), ALL), "another decision's tag matches nothing");
        assertNull(Validators.ifNoneMatch(List.of("\"v42.cgfs\""), NONE));
    }

    @Test
    void takesOutTheAddedTagSoThatLastModifiedDecides() {
        Validators.Translation t = Validators.ifNoneMatch(List.of("W/\"cg.cg1l\""), NONE);
        assertEquals(List.of(), t.lines());
        assertEquals("W/\"cg.cg1l\"", t.matchedTag());
        assertNull(Validators.ifNoneMatch(List.of("W/\"cg.cgfl\""), NONE));
    }

    @Test
    void keepsEveryOtherTagOfTheListInItsPlace() {
        Validators.Translation t = Validators.ifNoneMatch(
                List.of("\"a.cgfs\", W/\"v42.cg1s\"", "\"b,c\""), NONE);
        assertEquals(List.of("\"a.cgfs\", \"v42\", \"b,c\""), t.lines());
    }

    @Test
    void leavesWildcardsUnsuffixedTagsAndUnreadableFieldsToTheApplication() {
        assertNull(Validators.ifNoneMatch(List.of("*"), NONE));
        assertNull(Validators.ifNoneMatch(List.of("\"v42\""), NONE), "a tag from before ConsentGate");
        assertNull(Validators.ifNoneMatch(List.of("\"v42.cg1s"), NONE), "unterminated");
        assertNull(Validators.ifNoneMatch(List.of(), NONE));
        assertNull(Validators.ifNoneMatch(List.of("\"v42.cg1x\""), NONE), "unknown marker");
    }
}
