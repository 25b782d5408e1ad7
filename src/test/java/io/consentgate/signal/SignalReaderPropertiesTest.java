package io.consentgate.signal;

import io.consentgate.Category;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.consentgate.signal.Fixtures.CLOCK;
import static io.consentgate.signal.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties over random input. jqwik prints the seed of every run in its report; rerun one with
 * {@code @Property(seed = "...")}.
 */
class SignalReaderPropertiesTest {

    private static final SignalSettings ALL_CMPS = SignalSettings.defaults()
            .withHonouredCmps(SignalSettings.KNOWN_CMPS)
            .withKlaroServices(Map.of("googleAnalytics", Category.ANALYTICS, "youtube", Category.FUNCTIONAL));
    private static final List<String> COOKIE_NAMES = List.of("cg_consent", "CookieConsent", "OptanonConsent",
            "cc_cookie", "klaro", "euconsent-v2", "usprivacy", "CG_CONSENT", "_ga");

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> latin1 = Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(300);
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(100);
        Arbitrary<String> structured = Combinators.combine(Arbitraries.of(COOKIE_NAMES),
                        Arbitraries.of("=", "==", "", " = ", "=\""), latin1, Arbitraries.of(";", "; ", ",", ""))
                .as((n, eq, v, sep) -> n + eq + v + sep)
                .list().ofMaxSize(6).map(l -> String.join("", l));
        return Arbitraries.oneOf(latin1, unicode, structured);
    }

    @Property(tries = 2000)
    void readNeverThrowsAndNeverGrantsOnRandomHeaders(@ForAll("hostile") String cookie1,
                                                      @ForAll("hostile") String cookie2,
                                                      @ForAll("hostile") String other) {
        for (SignalSettings settings : List.of(SignalSettings.defaults(), ALL_CMPS,
                ALL_CMPS.withHmacSecret(Fixtures.SECRET).withRegionHeader("CF-IPCountry"))) {
            Signals s = new SignalReader(settings, CLOCK).read(TestHeaders.of("Cookie", cookie1, "Cookie", cookie2,
                    "Sec-GPC", other, "DNT", other, "CF-IPCountry", other));
            Set<Category> granted = s.consent().map(StoredConsent::granted).orElse(Set.of());
            assertEquals(Set.of(), granted, "granted from random input");
            assertTrue(s.problems().size() <= SignalReader.MAX_PROBLEMS);
        }
    }

    @Property(tries = 500)
    void aValidCookieSurvivesRandomNeighbours(@ForAll @Size(max = 10) List<@IntRange(min = 0, max = 8) Integer> names,
                                              @ForAll("hostile") String noise,
                                              @ForAll @IntRange(min = 0, max = 10) int position) {
        List<String> pairs = new ArrayList<>();
        // at most ten neighbours of at most 400 characters: the header stays under the read cap (CookieJar), past
        // which no stored consent is read at all
        String value = noise.replace(";", "").replace("cg_consent", "");
        value = value.substring(0, Math.min(value.length(), 400));
        for (int n : names) {
            String name = COOKIE_NAMES.get(n);
            if (!name.equals("cg_consent")) {
                pairs.add(name + "=" + value);
            }
        }
        pairs.add(Math.min(position, pairs.size()), "cg_consent=" + Fixtures.valid());
        Signals s = new SignalReader(ALL_CMPS, CLOCK).read(TestHeaders.of("Cookie", String.join("; ", pairs)));
        assertEquals(Optional.of(Set.of(Category.ANALYTICS)), s.consent().map(StoredConsent::granted));
        assertEquals("consentgate", s.consent().get().source());
    }

    @Property(tries = 500)
    void encodeThenDecodeIsIdentity(@ForAll boolean functional, @ForAll boolean analytics, @ForAll boolean marketing,
                                    @ForAll @IntRange(min = 0, max = 999_999_999) int revision,
                                    @ForAll @IntRange(min = -300, max = 34_128_000) int secondsAgo,
                                    @ForAll @Size(min = 16, max = 64) byte[] secret, @ForAll boolean signed) {
        EnumSet<Category> granted = EnumSet.noneOf(Category.class);
        if (functional) {
            granted.add(Category.FUNCTIONAL);
        }
        if (analytics) {
            granted.add(Category.ANALYTICS);
        }
        if (marketing) {
            granted.add(Category.MARKETING);
        }
        StoredConsent in = new StoredConsent(granted, revision, NOW.minusSeconds(secondsAgo),
                ConsentCookie.newConsentId(), "consentgate");
        SignalSettings settings = SignalSettings.defaults().withPolicyRevision(revision)
                .withHmacSecret(signed ? secret : null).withConsentMaxAge(Duration.ofDays(395));
        String value = ConsentCookie.encode(in, signed ? secret : null);
        assertTrue(value.length() <= ConsentCookie.MAX_LENGTH);
        assertEquals(Optional.of(in), ConsentCookie.decode(value, settings, CLOCK, new ArrayList<>()));
    }

    @Property(tries = 1000)
    void anyChangeToASignedCookieIsRejected(@ForAll @IntRange(min = 0, max = 200) int index,
                                            @ForAll("replacement") char replacement) {
        String signed = Fixtures.validSigned();
        int i = index % signed.length();
        if (signed.charAt(i) == replacement) {
            return;
        }
        String tampered = signed.substring(0, i) + replacement + signed.substring(i + 1);
        assertEquals(Optional.empty(), ConsentCookie.decode(tampered, Fixtures.signedSettings(), CLOCK,
                new ArrayList<>()));
    }

    @Provide
    Arbitrary<Character> replacement() {
        return Arbitraries.chars().with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.+");
    }

    @Property(tries = 200)
    void consentIdsNeverRepeatAndAlwaysEncode(@ForAll @IntRange(min = 0, max = 3) int unused) {
        String id = ConsentCookie.newConsentId();
        assertTrue(ConsentCookie.isConsentId(id));
        assertTrue(ConsentCookie.encode(new StoredConsent(Set.of(), 1, Instant.EPOCH, id, "x"), null).endsWith(id));
    }
}
