package io.consentgate.beacon;

import io.consentgate.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BeaconSettingsTest {

    @Test
    void defaultsGateSpecificEndpointsAndPingsOnly() {
        BeaconSettings d = BeaconSettings.defaults();
        assertEquals(List.of(), d.extraPaths());
        assertFalse(d.includeGenericPaths());
        assertFalse(d.caseInsensitive());
        assertTrue(d.gatePings());
    }

    @Test
    void parsesPrefixAndExactEntries() {
        PathRule prefix = PathRule.parse(" /analytics/* = Analytics ");
        assertEquals("/analytics", prefix.path());
        assertTrue(prefix.prefix());
        assertEquals(Category.ANALYTICS, prefix.category());
        PathRule exact = PathRule.parse("/px=marketing");
        assertEquals("/px", exact.path());
        assertFalse(exact.prefix());
        assertEquals(Category.MARKETING, exact.category());
    }

    @Test
    void prefixRuleMatchesItselfAndBelowAtASegmentBoundaryOnly() {
        PathRule r = PathRule.parse("/analytics/*=analytics");
        assertTrue(r.matches("/analytics", false));
        assertTrue(r.matches("/analytics/event", false));
        assertFalse(r.matches("/analyticsx", false));
        assertFalse(r.matches("/Analytics/event", false));
        assertTrue(r.matches("/Analytics/event", true));
        PathRule exact = PathRule.parse("/px=marketing");
        assertFalse(exact.matches("/px/1", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/analytics/*", "/analytics/*=", "/analytics/*=tracking", "/analytics/*=necessary",
        "analytics/*=analytics", "/*=analytics", "/=analytics", "/a*=analytics", "/a/*/b=analytics",
        "/a/=analytics", "/a//b=analytics", "/a/../b=analytics", "/a;x=analytics", "/a%2fb=analytics",
        "/a b=analytics"})
    void rejectsInvalidEntriesNamingThem(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BeaconSettings(List.of(entry), false, false, true));
        assertTrue(e.getMessage().contains("\"" + entry + "\""), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/*=analytics|the whole site cannot be a beacon path",
        "/=analytics|the site's root (its home page) cannot be a beacon path",
        "/a/./*=analytics|empty, . and .. segments are not allowed",
        "/a;v=1=analytics|write the decoded path without ;, %",
    })
    void saysWhyAPathCannotBeGatedInTheWordsTheCatalogUses(String entry, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BeaconSettings(List.of(entry), false, false, true));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void extraPathsAreCopied() {
        List<String> paths = new ArrayList<>(List.of("/px=marketing"));
        BeaconSettings s = new BeaconSettings(paths, false, false, true);
        paths.add("/other=analytics");
        assertEquals(List.of("/px=marketing"), s.extraPaths());
    }
}
