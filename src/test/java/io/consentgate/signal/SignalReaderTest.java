package io.consentgate.signal;

import io.consentgate.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static io.consentgate.signal.Fixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalReaderTest {

    private static final SignalReader READER = new SignalReader(SignalSettings.defaults(), CLOCK);

    static Stream<Arguments> gpcValues() {
        return Stream.of(
                Arguments.of(List.of("1"), true),
                Arguments.of(List.of(" 1 "), true),
                Arguments.of(List.of("\t1"), true),
                Arguments.of(List.of("0", "1"), true),
                Arguments.of(List.of("1", "0"), true),
                Arguments.of(List.of("garbage", "1"), true),
                Arguments.of(List.of(), false),
                Arguments.of(List.of(""), false),
                Arguments.of(List.of("0"), false),
                Arguments.of(List.of("true"), false),
                // RFC 9110 5.3: a proxy may combine field lines into one comma list, meaning the same as the lines
                Arguments.of(List.of("1, 1"), true),
                Arguments.of(List.of("1,1"), true),
                Arguments.of(List.of("0, 1"), true),
                Arguments.of(List.of("garbage,\t1 "), true),
                Arguments.of(List.of("0, 0"), false),
                Arguments.of(List.of(", ,"), false),
                Arguments.of(List.of("1 1"), false),
                Arguments.of(List.of("11"), false),
                Arguments.of(List.of("01"), false),
                Arguments.of(List.of("1.0"), false),
                Arguments.of(List.of("\u00001"), false),
                Arguments.of(List.of("1\r\n"), false),
                Arguments.of(List.of("\"1\""), false),
                Arguments.of(List.of("\u0661"), false),
                Arguments.of(List.of("1".repeat(100_000)), false),
                Arguments.of(List.of("yes", "on"), false));
    }

    @ParameterizedTest
    @MethodSource("gpcValues")
    void gpcIsAnOptOutOnlyForAnExactOne(List<String> values, boolean expected) {
        TestHeaders h = new TestHeaders();
        values.forEach(v -> h.add("Sec-GPC", v));
        Signals s = READER.read(h);
        assertEquals(expected, s.gpc());
        assertEquals(expected, s.optOutOfSale());
    }

    @Test
    void everyConfiguredGpcHeaderCounts() {
        SignalReader r = new SignalReader(SignalSettings.defaults().withGpcHeaders(List.of("Sec-GPC", "X-GPC")),
                CLOCK);
        assertTrue(r.read(TestHeaders.of("X-GPC", "1")).gpc());
        assertTrue(r.read(TestHeaders.of("Sec-GPC", "0", "X-GPC", "1")).gpc());
        assertFalse(READER.read(TestHeaders.of("X-GPC", "1")).gpc());
        assertFalse(new SignalReader(SignalSettings.defaults().withGpcHeaders(List.of()), CLOCK)
                .read(TestHeaders.of("Sec-GPC", "1")).gpc());
    }

    static Stream<Arguments> dntValues() {
        return Stream.of(
                Arguments.of(List.of("1"), Dnt.TRACKING_OFF),
                Arguments.of(List.of(" 1"), Dnt.TRACKING_OFF),
                Arguments.of(List.of("1xyz"), Dnt.TRACKING_OFF),
                Arguments.of(List.of("1, 0"), Dnt.TRACKING_OFF),
                // RFC 9110 5.3: lines "0" and "1" combined by a proxy mean the same as the two lines
                Arguments.of(List.of("0, 1"), Dnt.TRACKING_OFF),
                Arguments.of(List.of("0,1"), Dnt.TRACKING_OFF),
                Arguments.of(List.of("yes, 1"), Dnt.TRACKING_OFF),
                Arguments.of(List.of("0", "1"), Dnt.TRACKING_OFF),
                Arguments.of(List.of("1", "0"), Dnt.TRACKING_OFF),
                Arguments.of(List.of("0"), Dnt.TRACKING_ALLOWED),
                Arguments.of(List.of("0abc"), Dnt.TRACKING_ALLOWED),
                Arguments.of(List.of("", "0"), Dnt.TRACKING_ALLOWED),
                Arguments.of(List.of(), Dnt.NONE),
                Arguments.of(List.of(""), Dnt.NONE),
                Arguments.of(List.of("   "), Dnt.NONE),
                Arguments.of(List.of("2"), Dnt.NONE),
                Arguments.of(List.of("yes"), Dnt.NONE),
                Arguments.of(List.of("null"), Dnt.NONE),
                Arguments.of(List.of("0, 0"), Dnt.NONE),
                Arguments.of(List.of("0\u0000"), Dnt.NONE),
                Arguments.of(List.of("0\u00e9"), Dnt.NONE),
                Arguments.of(List.of("\u00001"), Dnt.NONE),
                Arguments.of(List.of("\"1\""), Dnt.NONE));
    }

    @ParameterizedTest
    @MethodSource("dntValues")
    void dntFollowsTheFirstCharacterAndAnyOneWins(List<String> values, Dnt expected) {
        TestHeaders h = new TestHeaders();
        values.forEach(v -> h.add("DNT", v));
        assertEquals(expected, READER.read(h).dnt());
    }

    static Stream<Arguments> regionValues() {
        return Stream.of(
                Arguments.of(List.of("DE"), Optional.of("DE")),
                Arguments.of(List.of("de"), Optional.of("DE")),
                Arguments.of(List.of(" us-ca "), Optional.of("US-CA")),
                Arguments.of(List.of("GB-ENG"), Optional.of("GB-ENG")),
                Arguments.of(List.of("FR", "DE"), Optional.of("FR")),
                Arguments.of(List.of("IT-21"), Optional.of("IT-21")),
                Arguments.of(List.of(), Optional.empty()),
                Arguments.of(List.of(""), Optional.empty()),
                Arguments.of(List.of("XX1"), Optional.empty()),
                Arguments.of(List.of("D"), Optional.empty()),
                Arguments.of(List.of("DEU"), Optional.empty()),
                Arguments.of(List.of("US-CALI"), Optional.empty()),
                Arguments.of(List.of("US_CA"), Optional.empty()),
                Arguments.of(List.of("US-"), Optional.empty()),
                Arguments.of(List.of("D\u00c9"), Optional.empty()),
                Arguments.of(List.of("DE\r\n"), Optional.empty()),
                Arguments.of(List.of("de,fr"), Optional.empty()),
                Arguments.of(List.of("x".repeat(100_000)), Optional.empty()),
                Arguments.of(List.of("", "DE"), Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("regionValues")
    void regionComesOnlyFromTheTrustedHeaderAndMustLookLikeARegionCode(List<String> values,
                                                                       Optional<String> expected) {
        SignalReader r = new SignalReader(SignalSettings.defaults().withRegionHeader("CF-IPCountry"), CLOCK);
        TestHeaders h = new TestHeaders();
        values.forEach(v -> h.add("CF-IPCountry", v));
        assertEquals(expected, r.read(h).region());
        assertEquals(Optional.empty(), READER.read(h).region(), "no region header configured");
    }

    @Test
    void ownCookieWinsOverAnotherConsentManager() {
        SignalReader r = new SignalReader(SignalSettings.defaults().withHonouredCmps(Set.of("onetrust")), CLOCK);
        Signals s = r.read(TestHeaders.of("Cookie", "OptanonConsent=groups=C0001%3A1%2CC0004%3A1; cg_consent="
                + Fixtures.valid()));
        assertEquals("consentgate", s.consent().orElseThrow().source());
        assertEquals(Set.of(Category.ANALYTICS), s.consent().orElseThrow().granted());
    }

    @Test
    void anotherConsentManagerIsUsedWhenTheOwnCookieIsInvalid() {
        SignalReader r = new SignalReader(SignalSettings.defaults().withHonouredCmps(Set.of("onetrust")), CLOCK);
        Signals s = r.read(TestHeaders.of("Cookie", "OptanonConsent=groups=C0001%3A1%2CC0004%3A1; cg_consent=bad"));
        assertEquals("onetrust", s.consent().orElseThrow().source());
        assertEquals(Set.of(Category.MARKETING), s.consent().orElseThrow().granted());
        assertEquals(1, s.problems().size(), s.problems().toString());
    }

    @Test
    void consentManagersAreIgnoredUnlessHonoured() {
        Signals s = READER.read(TestHeaders.of("Cookie",
                "OptanonConsent=groups=C0001%3A1%2CC0004%3A1; usprivacy=1YYN; cc_cookie=%7B%22categories%22%3A%5B%22analytics%22%5D%7D"));
        assertEquals(Optional.empty(), s.consent());
        assertFalse(s.saleOptOut());
        assertEquals(List.of(), s.problems());
    }

    @Test
    void usPrivacyOptOutIsReportedAsSaleOptOutAndGrantsNothing() {
        SignalReader r = new SignalReader(SignalSettings.defaults().withHonouredCmps(Set.of("usprivacy")), CLOCK);
        Signals optedOut = r.read(TestHeaders.of("Cookie", "usprivacy=1YYN"));
        assertTrue(optedOut.saleOptOut());
        assertTrue(optedOut.optOutOfSale());
        assertFalse(optedOut.gpc());
        assertEquals(Optional.empty(), optedOut.consent());
        assertFalse(r.read(TestHeaders.of("Cookie", "usprivacy=1YNN")).saleOptOut());
        // sent twice, the opt-out in either counts: an ambiguity never loses a refusal
        assertTrue(r.read(TestHeaders.of("Cookie", "usprivacy=1YYN; usprivacy=1YNN")).saleOptOut());
        assertTrue(r.read(TestHeaders.of("Cookie", "usprivacy=1YNN; usprivacy=1YYN")).saleOptOut());
        assertFalse(r.read(TestHeaders.of("Cookie", "usprivacy=1YNN; usprivacy=1YNN")).saleOptOut());
    }

    /**
     * A stored consent that may have been sent but could not be read unambiguously (the consent cookie twice, as a
     * second system writing the same name with another Domain leaves it, or a Cookie header past the read caps) is
     * flagged, so that opt-out's allow-all default cannot undo a withdrawal that was among what went unread.
     */
    @Test
    void aConsentThatCouldNotBeReadUnambiguouslyIsFlaggedUnclear() {
        String v = Fixtures.valid();
        assertTrue(READER.read(TestHeaders.of("Cookie", "cg_consent=" + v + "; cg_consent=" + v)).consentUnclear());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= CookieJar.MAX_PAIRS; i++) {
            many.append("c").append(i).append("=1; ");
        }
        assertTrue(READER.read(TestHeaders.of("Cookie", many + "cg_consent=" + v)).consentUnclear());
        assertFalse(READER.read(TestHeaders.of("Cookie", "cg_consent=" + v)).consentUnclear());
        assertFalse(READER.read(TestHeaders.of("Cookie", "a=1; a=2")).consentUnclear(), "not a consent cookie");
        assertFalse(READER.read(TestHeaders.of()).consentUnclear());

        SignalReader honouring = new SignalReader(SignalSettings.defaults().withHonouredCmps(Set.of("onetrust")),
                CLOCK);
        assertTrue(honouring.read(TestHeaders.of("Cookie", "OptanonConsent=a; OptanonConsent=b")).consentUnclear());
        assertFalse(READER.read(TestHeaders.of("Cookie", "OptanonConsent=a; OptanonConsent=b")).consentUnclear(),
                "a consent manager that is not honoured is not read");
        Signals readOtherwise = honouring.read(TestHeaders.of("Cookie", "OptanonConsent=a; OptanonConsent=b; cg_consent="
                + v));
        assertTrue(readOtherwise.consent().isPresent());
        assertFalse(readOtherwise.consentUnclear(), "ConsentGate's own cookie was read");
    }

    /**
     * A stored consent that could not be read because its cookie came twice may hold a withdrawal: a source
     * further down the order (another consent manager's cookie, possibly older) does not decide in its place.
     */
    @Test
    void aDuplicatedConsentCookieIsNotReplacedByALaterSource() {
        SignalReader honouring = new SignalReader(SignalSettings.defaults()
                .withHonouredCmps(Set.of("cookiebot", "onetrust")), CLOCK);
        String withdrawn = Fixtures.value(Set.of(), 1, Fixtures.NOW, null);
        String optanonAll = "OptanonConsent=isGpcEnabled=0&interactionCount=2&groups=C0001%3A1%2CC0002%3A1%2CC0003%3A1"
                + "%2CC0004%3A1%2CC0005%3A1";
        Signals own = honouring.read(TestHeaders.of("Cookie", "cg_consent=" + Fixtures.valid() + "; " + optanonAll,
                "Cookie", "cg_consent=" + withdrawn));
        assertEquals(Optional.empty(), own.consent(), "the other manager's cookie took the ambiguous one's place");
        assertTrue(own.consentUnclear());

        String cookiebot = "CookieConsent={stamp:%27x%27%2Cnecessary:true%2Cpreferences:false%2Cstatistics:false"
                + "%2Cmarketing:false%2Cmethod:%27explicit%27%2Cver:1%2Cutc:" + Fixtures.NOW.toEpochMilli() + "}";
        Signals cmp = honouring.read(TestHeaders.of("Cookie", cookiebot + "; " + optanonAll + "; " + cookiebot
                .replace("false", "true")));
        assertEquals(Optional.empty(), cmp.consent(), "onetrust took the place of an ambiguous cookiebot cookie");
        assertTrue(cmp.consentUnclear());

        // the control: each alone is read
        assertEquals("onetrust", honouring.read(TestHeaders.of("Cookie", optanonAll)).consent().orElseThrow()
                .source());
        assertEquals("cookiebot", honouring.read(TestHeaders.of("Cookie", cookiebot + "; " + optanonAll)).consent()
                .orElseThrow().source());
    }

    /**
     * ConsentGate writes its cookie only when the visitor chooses: one that is there but cannot be read (mangled by
     * another writer, a wrong signature, dated ahead) may hold a withdrawal, so it is flagged unclear like a
     * duplicate, and opt-out's default does not allow what it may refuse. One that lapsed (older than the maximum
     * age) or was given for another policy revision is read as what it is.
     */
    @Test
    void aConsentCookieThatIsThereButUnreadableIsUnclear() {
        long now = Fixtures.T;
        for (String bad : List.of("garbage", "1.functional%2Banalytics.1." + now + "." + Fixtures.ID,
                "1.analytics.1." + (now + 3600) + "." + Fixtures.ID, "1.analytics.1." + now + "." + Fixtures.ID
                        + "." + "A".repeat(43))) {
            Signals s = new SignalReader(Fixtures.signedSettings(), CLOCK).read(TestHeaders.of("Cookie", "cg_consent="
                    + bad));
            assertEquals(Optional.empty(), s.consent(), bad);
            assertTrue(s.consentUnclear(), bad);
        }
        assertFalse(READER.read(TestHeaders.of("Cookie", "cg_consent=")).consentUnclear(), "emptied: forgotten");
        assertFalse(READER.read(TestHeaders.of("Cookie", "cg_consent=" + Fixtures.value(Set.of(), 1,
                Fixtures.ago(java.time.Duration.ofDays(400)), null))).consentUnclear(), "lapsed");
        assertFalse(new SignalReader(SignalSettings.defaults().withPolicyRevision(2), CLOCK).read(TestHeaders.of(
                "Cookie", "cg_consent=" + Fixtures.valid())).consentUnclear(), "another revision");
        assertFalse(READER.read(TestHeaders.of("Cookie", "other=1")).consentUnclear());
        assertFalse(READER.read(TestHeaders.of("Cookie", "cg_consent=" + Fixtures.valid())).consentUnclear());
    }

    /**
     * A consent cookie valid in every way but its policy revision is no consent, but what it refused is reported: a
     * new revision re-asks, it does not discard an opt-out.
     */
    @Test
    void aCookieOfAnEarlierRevisionKeepsItsRefusals() {
        SignalReader rev2 = new SignalReader(SignalSettings.defaults().withPolicyRevision(2), CLOCK);
        Signals s = rev2.read(TestHeaders.of("Cookie", "cg_consent=" + Fixtures.valid()));
        assertEquals(Optional.empty(), s.consent());
        assertEquals(Set.of(Category.FUNCTIONAL, Category.MARKETING), s.earlierRefusals());
        assertEquals(Set.of(Category.FUNCTIONAL, Category.ANALYTICS, Category.MARKETING), rev2.read(TestHeaders.of(
                "Cookie", "cg_consent=" + Fixtures.value(Set.of(), 1, Fixtures.NOW, null))).earlierRefusals());

        assertEquals(Set.of(), READER.read(TestHeaders.of("Cookie", "cg_consent=" + Fixtures.valid()))
                .earlierRefusals(), "a current consent decides itself");
        SignalReader signedRev2 = new SignalReader(Fixtures.signedSettings().withPolicyRevision(2), CLOCK);
        assertEquals(Set.of(), signedRev2.read(TestHeaders.of("Cookie", "cg_consent=" + Fixtures.value(Set.of(), 1,
                Fixtures.NOW, Fixtures.OTHER_SECRET))).earlierRefusals(), "a wrong signature is nothing at all");
        assertEquals(Set.of(Category.FUNCTIONAL, Category.MARKETING), signedRev2.read(TestHeaders.of("Cookie",
                "cg_consent=" + Fixtures.validSigned())).earlierRefusals());
        assertEquals(Set.of(), rev2.read(TestHeaders.of("Cookie", "cg_consent=" + Fixtures.value(Set.of(), 1,
                Fixtures.ago(java.time.Duration.ofDays(400)), null))).earlierRefusals(), "older than the maximum age");
    }

    @Test
    void aFailingHeaderSourceCountsAsAbsent() {
        Signals s = READER.read(name -> {
            throw new IllegalStateException("container refused");
        });
        assertEquals(Signals.none().consent(), s.consent());
        assertFalse(s.gpc());
        assertEquals(Dnt.NONE, s.dnt());
        assertFalse(s.problems().isEmpty());
    }

    @Test
    void aHeaderSourceReturningNullsCountsAsAbsent() {
        Signals s = READER.read(name -> name.equals("Cookie") ? null : java.util.Arrays.asList(null, "1"));
        assertTrue(s.gpc());
        assertEquals(Dnt.TRACKING_OFF, s.dnt());
        assertEquals(Optional.empty(), s.consent());
    }

    @Test
    void problemsAreBounded() {
        SignalReader r = new SignalReader(SignalSettings.defaults().withHonouredCmps(SignalSettings.KNOWN_CMPS)
                .withRegionHeader("X-Region"), CLOCK);
        StringBuilder cookie = new StringBuilder("x; cg_consent=a; ");
        for (String name : List.of("CookieConsent", "OptanonConsent", "cc_cookie", "klaro", "euconsent-v2")) {
            cookie.append(name).append("=1; ");
        }
        for (int i = 0; i < 20; i++) {
            cookie.append("usprivacy=").append(i).append("; ");
        }
        TestHeaders h = TestHeaders.of("Cookie", cookie.toString(), "X-Region", "nowhere");
        Signals s = r.read(h);
        assertTrue(s.problems().size() <= SignalReader.MAX_PROBLEMS);
        assertEquals(SignalReader.MAX_PROBLEMS, s.problems().size(), s.problems().toString());
    }

    @Test
    void signalsCopyTheirProblemsAndKeepTheFiveArgumentConstructor() {
        List<String> problems = new ArrayList<>(List.of("x"));
        Signals s = new Signals(true, Dnt.NONE, Optional.empty(), Optional.empty(), problems);
        problems.add("y");
        assertEquals(List.of("x"), s.problems());
        assertFalse(s.saleOptOut());
        assertTrue(s.optOutOfSale());
    }

    @Test
    void withASecretOnlySignedCookiesCount() {
        SignalReader r = new SignalReader(Fixtures.signedSettings(), CLOCK);
        assertEquals(Set.of(Category.ANALYTICS), r.read(TestHeaders.of("Cookie", "cg_consent="
                + Fixtures.validSigned())).consent().orElseThrow().granted());
        Signals unsigned = r.read(TestHeaders.of("Cookie", "cg_consent=" + Fixtures.valid()));
        assertEquals(Optional.empty(), unsigned.consent());
        assertEquals(List.of("cg_consent: unsigned, but a signature is required"), unsigned.problems());
    }

    @Test
    void aFailingConsentManagerParserIsNoConsentAndTheNextOneIsTried() {
        List<StoredConsents.Cmp> cmps = List.of(
                new StoredConsents.Cmp("klaro", "klaro", (v, jar, s, now, p) -> {
                    throw new IllegalStateException("bug quoting " + v);
                }),
                StoredConsents.CMPS.get(1));
        SignalSettings settings = SignalSettings.defaults().withHonouredCmps(Set.of("klaro", "onetrust"));
        List<String> problems = new ArrayList<>();
        Optional<StoredConsent> c = StoredConsents.read(CookieJar.parse(List.of(
                "klaro={\"secret\":true}; OptanonConsent=groups=C0002%3A1")), settings, CLOCK, problems, cmps);
        assertEquals("onetrust", c.orElseThrow().source());
        assertEquals(List.of("klaro: parser failed, treated as no consent"), problems);
    }
}
