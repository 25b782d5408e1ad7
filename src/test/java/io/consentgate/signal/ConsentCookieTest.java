package io.consentgate.signal;

import io.consentgate.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static io.consentgate.signal.Fixtures.CLOCK;
import static io.consentgate.signal.Fixtures.ID;
import static io.consentgate.signal.Fixtures.NOW;
import static io.consentgate.signal.Fixtures.OTHER_SECRET;
import static io.consentgate.signal.Fixtures.SECRET;
import static io.consentgate.signal.Fixtures.T;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsentCookieTest {

    static Stream<Set<Category>> grantSets() {
        List<Set<Category>> sets = new ArrayList<>();
        for (int mask = 0; mask < 8; mask++) {
            EnumSet<Category> s = EnumSet.noneOf(Category.class);
            if ((mask & 1) != 0) {
                s.add(Category.FUNCTIONAL);
            }
            if ((mask & 2) != 0) {
                s.add(Category.ANALYTICS);
            }
            if ((mask & 4) != 0) {
                s.add(Category.MARKETING);
            }
            sets.add(s);
        }
        return sets.stream();
    }

    @ParameterizedTest
    @MethodSource("grantSets")
    void roundTripsWithoutSecret(Set<Category> granted) {
        StoredConsent in = new StoredConsent(granted, 1, NOW, ConsentCookie.newConsentId(), "consentgate");
        List<String> problems = new ArrayList<>();
        Optional<StoredConsent> out = ConsentCookie.decode(ConsentCookie.encode(in, null),
                SignalSettings.defaults(), CLOCK, problems);
        assertEquals(Optional.of(in), out);
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @MethodSource("grantSets")
    void roundTripsWithSecret(Set<Category> granted) {
        StoredConsent in = new StoredConsent(granted, 7, NOW.minusSeconds(3600), ID, "consentgate");
        String value = ConsentCookie.encode(in, SECRET);
        Optional<StoredConsent> out = ConsentCookie.decode(value,
                Fixtures.signedSettings().withPolicyRevision(7), CLOCK, new ArrayList<>());
        assertEquals(Optional.of(in), out);
    }

    @Test
    void encodesTheDocumentedFormat() {
        StoredConsent c = new StoredConsent(EnumSet.of(Category.MARKETING, Category.FUNCTIONAL, Category.NECESSARY),
                3, Instant.ofEpochSecond(1767225600L, 999_000_000L), ID, "consentgate");
        assertEquals("1.functional+marketing.3.1767225600." + ID, ConsentCookie.encode(c, null));
        assertEquals("1.-.3.1767225600." + ID,
                ConsentCookie.encode(new StoredConsent(Set.of(), 3, c.timestamp(), ID, "x"), null));
        String signed = ConsentCookie.encode(c, SECRET);
        assertTrue(signed.startsWith("1.functional+marketing.3.1767225600." + ID + "."));
        assertEquals(43, signed.substring(signed.lastIndexOf('.') + 1).length());
    }

    @Test
    void acceptsCategoriesInAnyOrder() {
        Optional<StoredConsent> c = ConsentCookie.decode("1.marketing+functional.1." + T + "." + ID,
                SignalSettings.defaults(), CLOCK, new ArrayList<>());
        assertEquals(Set.of(Category.MARKETING, Category.FUNCTIONAL), c.orElseThrow().granted());
    }

    @Test
    void acceptsASignatureWithoutSecretButStillChecksItsSyntax() {
        String signed = Fixtures.validSigned();
        assertTrue(ConsentCookie.decode(signed, SignalSettings.defaults(), CLOCK, new ArrayList<>()).isPresent());
        assertFalse(ConsentCookie.decode(signed.substring(0, signed.length() - 1), SignalSettings.defaults(),
                CLOCK, new ArrayList<>()).isPresent());
    }

    @Test
    void newConsentIdsAre22Base64UrlCharactersAndDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ConsentCookie.newConsentId();
            assertTrue(id.matches("[A-Za-z0-9_-]{22}"), id);
            ids.add(id);
        }
        assertEquals(1000, ids.size());
    }

    @Test
    void refusesToEncodeAnInvalidConsentIdOrAShortSecret() {
        assertThrows(IllegalArgumentException.class, () -> ConsentCookie.encode(
                new StoredConsent(Set.of(), 1, NOW, "short", "consentgate"), null));
        assertThrows(IllegalArgumentException.class, () -> ConsentCookie.encode(
                new StoredConsent(Set.of(), 1, NOW, ID, "consentgate"), new byte[8]));
    }

    static Stream<Arguments> timeBoundaries() {
        Duration maxAge = SignalSettings.defaults().consentMaxAge();
        return Stream.of(
                Arguments.of("now", NOW, true),
                Arguments.of("300 s ahead (allowed skew)", NOW.plusSeconds(300), true),
                Arguments.of("301 s ahead", NOW.plusSeconds(301), false),
                Arguments.of("exactly max age old", NOW.minus(maxAge), true),
                Arguments.of("max age plus one second old", NOW.minus(maxAge).minusSeconds(1), false),
                Arguments.of("epoch", Instant.EPOCH, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timeBoundaries")
    void appliesClockSkewAndMaximumAge(String label, Instant issued, boolean valid) {
        String v = Fixtures.value(EnumSet.of(Category.ANALYTICS), 1, issued, null);
        assertEquals(valid, ConsentCookie.decode(v, SignalSettings.defaults(), CLOCK, new ArrayList<>()).isPresent());
    }

    static Stream<Arguments> signatureFailures() {
        String signed = Fixtures.validSigned();
        String payload = signed.substring(0, signed.lastIndexOf('.'));
        String sig = signed.substring(signed.lastIndexOf('.') + 1);
        String otherSig = Fixtures.value(EnumSet.of(Category.MARKETING), 1, NOW, SECRET);
        return Stream.of(
                Arguments.of("unsigned", payload),
                Arguments.of("empty signature", payload + "."),
                Arguments.of("truncated signature", payload + "." + sig.substring(0, 42)),
                Arguments.of("signature with padding", payload + "." + sig + "="),
                Arguments.of("signature of zeros", payload + "." + "A".repeat(43)),
                Arguments.of("wrong secret", Fixtures.value(EnumSet.of(Category.ANALYTICS), 1, NOW, OTHER_SECRET)),
                Arguments.of("signature of another payload", payload + "."
                        + otherSig.substring(otherSig.lastIndexOf('.') + 1)),
                Arguments.of("payload changed after signing", signed.replace("analytics", "marketing")),
                Arguments.of("standard base64 alphabet", payload + "." + sig.replace('-', '+').replace('_', '/')
                        .replace('A', '/')),
                Arguments.of("signature twice", signed + "." + sig),
                Arguments.of("valid signature, stale revision",
                        Fixtures.value(EnumSet.of(Category.ANALYTICS), 0, NOW, SECRET)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatureFailures")
    void rejectsUnsignedAndBadlySignedValuesWhenASecretIsConfigured(String label, String value) {
        List<String> problems = new ArrayList<>();
        assertEquals(Optional.empty(), ConsentCookie.decode(value, Fixtures.signedSettings(), CLOCK, problems));
        assertEquals(1, problems.size());
    }

    @Test
    void acceptsTheCorrectSignature() {
        assertTrue(ConsentCookie.decode(Fixtures.validSigned(), Fixtures.signedSettings(), CLOCK,
                new ArrayList<>()).isPresent());
    }

    @Test
    void rejectsANonCanonicalSpellingOfTheRightSignature() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String signed = Fixtures.validSigned();
        char last = signed.charAt(signed.length() - 1);
        // 43 characters carry 258 bits: the last character's two low bits are unused padding.
        char twin = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        String tampered = signed.substring(0, signed.length() - 1) + twin;
        assertEquals(java.util.Arrays.toString(java.util.Base64.getUrlDecoder().decode(
                        signed.substring(signed.lastIndexOf('.') + 1))),
                java.util.Arrays.toString(java.util.Base64.getUrlDecoder().decode(
                        tampered.substring(tampered.lastIndexOf('.') + 1))), "same bytes, different text");
        assertFalse(ConsentCookie.decode(tampered, Fixtures.signedSettings(), CLOCK, new ArrayList<>()).isPresent());
    }
}
