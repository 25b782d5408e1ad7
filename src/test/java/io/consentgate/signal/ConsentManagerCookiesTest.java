package io.consentgate.signal;

import io.consentgate.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static io.consentgate.Category.ANALYTICS;
import static io.consentgate.Category.FUNCTIONAL;
import static io.consentgate.Category.MARKETING;
import static io.consentgate.signal.Fixtures.CLOCK;
import static io.consentgate.signal.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Other consent managers' cookies, in the shapes their scripts write, through {@link SignalReader}. */
class ConsentManagerCookiesTest {

    private static final Map<String, Category> KLARO_SERVICES = Map.of(
            "googleAnalytics", ANALYTICS, "matomo", ANALYTICS, "youtube", FUNCTIONAL, "facebookPixel", MARKETING);
    private static final SignalReader READER = new SignalReader(SignalSettings.defaults()
            .withHonouredCmps(SignalSettings.KNOWN_CMPS).withKlaroServices(KLARO_SERVICES), CLOCK);
    private static final long UPDATED_DS = NOW.minusSeconds(86_400).toEpochMilli() / 100;

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String cookiebot(String flags) {
        return enc("{stamp:'hQ3vN8dwz0Xb5QeJ2kE1oM7tR4yU6iP9aS2dF5gH8jK1lZ3xC6vB9nM0qW==',necessary:true," + flags
                + ",method:'explicit',ver:1,utc:1768392000000,region:'de'}");
    }

    private static String oneTrust(String groups) {
        return "isGpcEnabled=0&datestamp=" + enc("Wed Jan 14 2026 13:00:00 GMT+0100 (Central European Standard Time)")
                + "&version=202409.1.0&browserGpcFlag=0&isIABGlobal=false&hosts=&consentId="
                + "3f1c9a4e-0b7d-4c2a-9e51-6d8f2b7a1c03&interactionCount=1&isAnonUser=1&landingPath=NotLandingPage"
                + "&groups=" + enc(groups) + "&AwaitingReconsent=false&geolocation=" + enc("DE;BY");
    }

    private static String ccV3(String categories) {
        return enc("{\"categories\":[" + categories + "],\"revision\":0,\"data\":null,"
                + "\"consentTimestamp\":\"2026-01-10T09:30:00.000Z\",\"consentId\":\"2b0e1f6c-8a\","
                + "\"services\":{\"necessary\":[],\"analytics\":[\"_ga\"]},\"languageCode\":\"en\","
                + "\"lastConsentTimestamp\":\"2026-01-10T09:30:00.000Z\",\"expirationTime\":1784000000000}");
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("cookiebot all", "CookieConsent=" + cookiebot(
                        "preferences:true,statistics:true,marketing:true"), Set.of(FUNCTIONAL, ANALYTICS, MARKETING)),
                Arguments.of("cookiebot statistics only", "CookieConsent=" + cookiebot(
                        "preferences:false,statistics:true,marketing:false"), Set.of(ANALYTICS)),
                Arguments.of("cookiebot nothing", "CookieConsent=" + cookiebot(
                        "preferences:false,statistics:false,marketing:false"), Set.of()),
                Arguments.of("onetrust performance and functional", "OptanonConsent=" + oneTrust(
                        "C0001:1,C0002:1,C0003:1,C0004:0,C0005:0"), Set.of(ANALYTICS, FUNCTIONAL)),
                Arguments.of("onetrust targeting and social", "OptanonConsent=" + oneTrust(
                        "C0001:1,C0002:0,C0003:0,C0004:1,C0005:1"), Set.of(MARKETING)),
                Arguments.of("onetrust social refused refuses marketing", "OptanonConsent=" + oneTrust(
                        "C0001:1,C0004:1,C0005:0"), Set.of()),
                Arguments.of("onetrust custom group ignored", "OptanonConsent=" + oneTrust(
                        "C0001:1,C0002:1,STACK42:1"), Set.of(ANALYTICS)),
                Arguments.of("cookieconsent v3 encoded", "cc_cookie=" + ccV3("\"necessary\",\"analytics\""),
                        Set.of(ANALYTICS)),
                Arguments.of("cookieconsent v3 synonyms", "cc_cookie=" + ccV3(
                        "\"necessary\",\"ads\",\"preferences\",\"site_specific\""), Set.of(MARKETING, FUNCTIONAL)),
                Arguments.of("cookieconsent v2 raw JSON", "cc_cookie={\"level\":[\"necessary\",\"targeting\","
                        + "\"functionality\"],\"revision\":0,\"data\":null,\"rfc_cookie\":false}",
                        Set.of(MARKETING, FUNCTIONAL)),
                Arguments.of("klaro raw", "klaro={\"googleAnalytics\":true,\"matomo\":true,\"youtube\":false,"
                        + "\"unknownWidget\":true}", Set.of(ANALYTICS)),
                Arguments.of("klaro encoded", "klaro=" + enc("{\"googleAnalytics\":true,\"matomo\":true,"
                        + "\"youtube\":true,\"facebookPixel\":true}"), Set.of(ANALYTICS, FUNCTIONAL, MARKETING)),
                Arguments.of("klaro one analytics service refused", "klaro={\"googleAnalytics\":true,"
                        + "\"matomo\":false}", Set.of()),
                Arguments.of("tcf everything", "euconsent-v2=" + TcStrings.core(2, UPDATED_DS,
                        1, 2, 3, 4, 5, 6, 7, 8, 9, 10) + ".YAAAAAAAAAAA", Set.of(ANALYTICS, MARKETING, FUNCTIONAL)),
                Arguments.of("tcf measurement", "euconsent-v2=" + TcStrings.core(2, UPDATED_DS, 1, 8, 9),
                        Set.of(ANALYTICS)),
                Arguments.of("tcf measurement without purpose 9", "euconsent-v2=" + TcStrings.core(2, UPDATED_DS,
                        1, 8, 10), Set.of()),
                Arguments.of("tcf ads without purpose 1", "euconsent-v2=" + TcStrings.core(2, UPDATED_DS,
                        2, 3, 4, 7, 8, 9), Set.of()),
                Arguments.of("tcf ads without measurement", "euconsent-v2=" + TcStrings.core(2, UPDATED_DS,
                        1, 2, 3, 4), Set.of()),
                Arguments.of("tcf content personalisation", "euconsent-v2=" + TcStrings.core(2, UPDATED_DS,
                        1, 5, 6), Set.of(FUNCTIONAL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void translatesConsentManagerCookiesIntoCategories(String label, String cookie, Set<Category> expected) {
        Signals s = READER.read(TestHeaders.of("Cookie", "_ga=GA1.1.123.456; " + cookie));
        assertEquals(expected, s.consent().orElseThrow(() -> new AssertionError(s.problems())).granted());
        assertEquals(0, s.consent().get().revision());
        assertEquals("", s.consent().get().consentId());
    }

    @Test
    void takesTimestampsFromTheCookiesThatCarryOne() {
        Signals bot = READER.read(TestHeaders.of("Cookie", "CookieConsent=" + cookiebot(
                "preferences:true,statistics:true,marketing:true")));
        assertEquals(Instant.ofEpochMilli(1768392000000L), bot.consent().orElseThrow().timestamp());
        Signals cc = READER.read(TestHeaders.of("Cookie", "cc_cookie=" + ccV3("\"analytics\"")));
        assertEquals(Instant.parse("2026-01-10T09:30:00Z"), cc.consent().orElseThrow().timestamp());
        Signals tcf = READER.read(TestHeaders.of("Cookie", "euconsent-v2=" + TcStrings.core(2, UPDATED_DS, 1)));
        assertEquals(Instant.ofEpochMilli(UPDATED_DS * 100), tcf.consent().orElseThrow().timestamp());
    }

    static Stream<Arguments> malformed() {
        String tcf = TcStrings.core(2, UPDATED_DS, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        return Stream.of(
                Arguments.of("cookiebot -1", "CookieConsent=-1"),
                Arguments.of("cookiebot empty", "CookieConsent="),
                Arguments.of("cookiebot missing marketing", "CookieConsent=" + cookiebot(
                        "preferences:true,statistics:true")),
                Arguments.of("cookiebot non-boolean", "CookieConsent=" + cookiebot(
                        "preferences:true,statistics:1,marketing:true")),
                Arguments.of("cookiebot duplicate field", "CookieConsent=" + cookiebot(
                        "preferences:true,statistics:false,marketing:false,statistics:true")),
                Arguments.of("cookiebot bad escape", "CookieConsent=%7Bnecessary:true%2"),
                Arguments.of("cookiebot implied", "CookieConsent=" + cookiebot(
                        "preferences:true,statistics:true,marketing:true").replace("explicit", "implied")),
                Arguments.of("cookiebot unknown method", "CookieConsent=" + cookiebot(
                        "preferences:true,statistics:true,marketing:true").replace("explicit", "banner-closed")),
                Arguments.of("cookiebot implied, spaced", "CookieConsent=" + cookiebot(
                        "preferences:true,statistics:true,marketing:true").replace("%27explicit%27",
                        "+%27implied%27")),
                Arguments.of("onetrust before any interaction", "OptanonConsent=" + oneTrust(
                        "C0001:1,C0002:1,C0003:1,C0004:1,C0005:1").replace("interactionCount=1",
                        "interactionCount=0")),
                // a timestamp that is there but cannot be read would make the consent never expire
                Arguments.of("cookiebot unreadable utc", "CookieConsent=" + cookiebot(
                        "preferences:true,statistics:true,marketing:true").replace("utc%3A1768392000000",
                        "utc%3A%27soon%27")),
                Arguments.of("cookiebot negative utc", "CookieConsent=" + cookiebot(
                        "preferences:true,statistics:true,marketing:true").replace("utc%3A1768392000000",
                        "utc%3A-1")),
                Arguments.of("cookieconsent unreadable timestamp", "cc_cookie=" + enc(
                        "{\"categories\":[\"analytics\"],\"consentTimestamp\":\"10/01/2026\"}")),
                Arguments.of("cookieconsent numeric timestamp", "cc_cookie=" + enc(
                        "{\"categories\":[\"analytics\"],\"consentTimestamp\":1768037400000}")),
                Arguments.of("cookiebot not an object", "CookieConsent=" + enc("necessary:true,marketing:true")),
                Arguments.of("cookiebot 100 KB", "CookieConsent=" + cookiebot("preferences:true,statistics:true,"
                        + "marketing:true,pad:'" + "x".repeat(100_000) + "'")),
                Arguments.of("cookiebot NUL", "CookieConsent=" + cookiebot(
                        "preferences:true,statistics:true,marketing:true") + "%00"),
                Arguments.of("onetrust no groups", "OptanonConsent=isGpcEnabled=0&version=202409.1.0"),
                Arguments.of("onetrust empty groups", "OptanonConsent=" + oneTrust("")),
                Arguments.of("onetrust flag 2", "OptanonConsent=" + oneTrust("C0001:1,C0002:2")),
                Arguments.of("onetrust flag true", "OptanonConsent=" + oneTrust("C0001:1,C0002:true")),
                Arguments.of("onetrust duplicate group", "OptanonConsent=" + oneTrust("C0002:0,C0002:1")),
                Arguments.of("onetrust duplicate groups parameter", "OptanonConsent=" + oneTrust("C0002:0")
                        + "&groups=C0002%3A1"),
                Arguments.of("onetrust missing colon", "OptanonConsent=" + oneTrust("C0001,C0002")),
                Arguments.of("cookieconsent not JSON", "cc_cookie=analytics"),
                Arguments.of("cookieconsent truncated JSON", "cc_cookie=%7B%22categories%22%3A%5B%22analytics%22"),
                Arguments.of("cookieconsent categories not a list", "cc_cookie=" + enc("{\"categories\":\"analytics\"}")),
                Arguments.of("cookieconsent number entry", "cc_cookie=" + enc("{\"categories\":[1,\"analytics\"]}")),
                Arguments.of("cookieconsent duplicate key", "cc_cookie=" + enc(
                        "{\"categories\":[],\"categories\":[\"analytics\"]}")),
                Arguments.of("cookieconsent deep nesting", "cc_cookie=" + enc("{\"a\":" + "[".repeat(50)
                        + "]".repeat(50) + ",\"categories\":[\"analytics\"]}")),
                Arguments.of("cookieconsent trailing garbage", "cc_cookie=" + enc(
                        "{\"categories\":[\"analytics\"]}{}")),
                Arguments.of("cookieconsent top-level array", "cc_cookie=" + enc("[\"analytics\"]")),
                Arguments.of("klaro not JSON", "klaro=googleAnalytics:true"),
                Arguments.of("klaro array", "klaro=[true]"),
                Arguments.of("tcf version 1", "euconsent-v2=" + TcStrings.core(1, UPDATED_DS, 1, 2, 3, 4, 7, 8, 9)),
                Arguments.of("tcf too short", "euconsent-v2=" + tcf.substring(0, 20)),
                Arguments.of("tcf standard base64", "euconsent-v2=" + tcf.replace('-', '+').replace('_', '/')
                        + "+/"),
                Arguments.of("tcf padded", "euconsent-v2=" + tcf + "=="),
                Arguments.of("tcf empty", "euconsent-v2="),
                Arguments.of("tcf duplicated", "euconsent-v2=" + tcf + "; euconsent-v2=" + tcf),
                Arguments.of("tcf non-ASCII", "euconsent-v2=" + tcf.substring(0, 10) + "\u00e9" + tcf.substring(10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedConsentManagerCookiesGrantNothing(String label, String cookie) {
        Signals s = READER.read(TestHeaders.of("Cookie", cookie));
        assertEquals(Optional.empty(), s.consent(), label);
        assertFalse(s.problems().isEmpty());
    }

    @Test
    void klaroWithoutAnyMappedServiceGrantsNothing() {
        SignalReader r = new SignalReader(SignalSettings.defaults().withHonouredCmps(Set.of("klaro")), CLOCK);
        Signals s = r.read(TestHeaders.of("Cookie", "klaro={\"googleAnalytics\":true}"));
        assertEquals(Set.of(), s.consent().orElseThrow().granted());
    }

    @Test
    void klaroNonBooleanCountsAsRefused() {
        Signals s = READER.read(TestHeaders.of("Cookie", "klaro={\"googleAnalytics\":\"true\",\"matomo\":true,"
                + "\"youtube\":1}"));
        assertEquals(Set.of(), s.consent().orElseThrow().granted());
    }

    static Stream<Arguments> usPrivacy() {
        return Stream.of(
                Arguments.of("1YYN", true),
                Arguments.of("1NYY", true),
                Arguments.of("1-Y-", true),
                Arguments.of("1YNN", false),
                Arguments.of("1---", false),
                Arguments.of("1yyn", false),
                Arguments.of("2YYN", false),
                Arguments.of("1YY", false),
                Arguments.of("1YYNN", false),
                Arguments.of("", false),
                Arguments.of("1Y\u0000N", false));
    }

    @ParameterizedTest
    @MethodSource("usPrivacy")
    void usPrivacyOptOutIsTheThirdCharacterY(String value, boolean optedOut) {
        List<String> problems = new ArrayList<>();
        assertEquals(optedOut, UsPrivacyCookie.optedOut(value, problems));
        boolean wellFormed = value.matches("1[YN-]{3}");
        assertEquals(wellFormed, problems.isEmpty());
    }

    /**
     * Two honoured managers' valid cookies (a site moving from one to another, or a banner that writes its own cookie
     * and a TC string) may disagree: a refusal in either stands, whichever comes first in the order.
     */
    @Test
    void aRefusalInAnyValidConsentManagerCookieStands() {
        String optanonRefuses = "OptanonConsent=" + oneTrust("C0001:1,C0002:0,C0003:1,C0004:0,C0005:0");
        String cookiebotAll = "CookieConsent=" + cookiebot("preferences:true,statistics:true,marketing:true");
        Signals s = READER.read(TestHeaders.of("Cookie", cookiebotAll + "; " + optanonRefuses));
        assertEquals(Set.of(FUNCTIONAL), s.consent().orElseThrow().granted(), "OneTrust's refusals were overridden");
        assertEquals("cookiebot", s.consent().get().source());

        Signals tcfNarrower = READER.read(TestHeaders.of("Cookie", "euconsent-v2=" + TcStrings.core(2, UPDATED_DS,
                1, 8, 9) + "; " + optanonRefuses.replace("C0002%3A0", "C0002%3A1")));
        assertEquals(Set.of(ANALYTICS), tcfNarrower.consent().orElseThrow().granted());
    }

    @Test
    void firstValidConsentManagerInTheDocumentedOrderWins() {
        Signals s = READER.read(TestHeaders.of("Cookie", "euconsent-v2=" + TcStrings.core(2, UPDATED_DS, 1, 8, 9)
                + "; CookieConsent=" + cookiebot("preferences:true,statistics:false,marketing:false")));
        assertEquals("cookiebot", s.consent().orElseThrow().source());
        assertEquals(Set.of(), s.consent().get().granted(), "each refused what the other granted");
        Signals fallback = READER.read(TestHeaders.of("Cookie", "euconsent-v2=" + TcStrings.core(2, UPDATED_DS,
                1, 8, 9) + "; CookieConsent=-1"));
        assertEquals("tcf", fallback.consent().orElseThrow().source());
        assertTrue(fallback.consent().get().grants(ANALYTICS));
        assertEquals(EnumSet.of(ANALYTICS), EnumSet.copyOf(fallback.consent().get().granted()));
    }

    @Test
    void aForeignConsentOlderThanTheMaximumAgeIsIgnored() {
        long old = NOW.minus(java.time.Duration.ofDays(400)).toEpochMilli() / 100;
        Signals s = READER.read(TestHeaders.of("Cookie", "euconsent-v2=" + TcStrings.core(2, old, 1, 8, 9)));
        assertEquals(Optional.empty(), s.consent());
        assertTrue(s.problems().get(0).contains("maximum age"), s.problems().toString());
    }

    @Test
    void aForeignConsentDatedMoreThanADayAheadIsIgnoredAsItWouldNeverExpire() {
        long ahead = NOW.plus(java.time.Duration.ofDays(2)).toEpochMilli() / 100;
        Signals s = READER.read(TestHeaders.of("Cookie", "euconsent-v2=" + TcStrings.core(2, ahead, 1, 8, 9)));
        assertEquals(Optional.empty(), s.consent());
        assertTrue(s.problems().get(0).contains("future"), s.problems().toString());
        long fastClock = NOW.plus(java.time.Duration.ofHours(2)).toEpochMilli() / 100;
        Signals tolerated = READER.read(TestHeaders.of("Cookie", "euconsent-v2=" + TcStrings.core(2, fastClock, 1, 8,
                9)));
        assertTrue(tolerated.consent().isPresent(), "a visitor's clock running a little fast keeps the consent");
    }

    @Test
    void oneTrustsConsentIsAsOldAsTheChoiceItsAlertBoxClosedCookieRecords() {
        String consent = "OptanonConsent=" + oneTrust("C0001:1,C0002:1,C0003:0,C0004:0");
        Signals recent = READER.read(TestHeaders.of("Cookie", consent
                + "; OptanonAlertBoxClosed=2026-01-14T11:58:03.417Z"));
        assertEquals(Instant.parse("2026-01-14T11:58:03.417Z"), recent.consent().orElseThrow().timestamp());
        assertEquals(Set.of(ANALYTICS), recent.consent().get().granted());
        Signals encoded = READER.read(TestHeaders.of("Cookie", "OptanonAlertBoxClosed=2026-01-14T11%3A58%3A03.417Z; "
                + consent));
        assertEquals(Instant.parse("2026-01-14T11:58:03.417Z"), encoded.consent().orElseThrow().timestamp());
        for (String offset : List.of("2026-01-14T12:58:03.417+01:00", "2026-01-14T12%3A58%3A03.417%2B01%3A00",
                "2026-01-14T06:58:03.417-05:00")) {
            Signals s = READER.read(TestHeaders.of("Cookie", consent + "; OptanonAlertBoxClosed=" + offset));
            assertEquals(Instant.parse("2026-01-14T11:58:03.417Z"), s.consent().orElseThrow(
                    () -> new AssertionError(offset + " " + s.problems())).timestamp(), offset);
        }

        Signals old = READER.read(TestHeaders.of("Cookie", consent
                + "; OptanonAlertBoxClosed=2024-11-02T08:10:00.000Z"));
        assertEquals(Optional.empty(), old.consent(), "chosen 439 days ago");
        assertTrue(old.problems().toString().contains("maximum age"), old.problems().toString());

        Signals ahead = READER.read(TestHeaders.of("Cookie", consent
                + "; OptanonAlertBoxClosed=2026-03-01T00:00:00.000Z"));
        assertEquals(Optional.empty(), ahead.consent(), "dated ahead: it would never grow old");
    }

    @Test
    void oneTrustsConsentWithAnUnreadableOrDoubledChoiceTimeIsNone() {
        String consent = "OptanonConsent=" + oneTrust("C0001:1,C0002:1");
        for (String closed : List.of("OptanonAlertBoxClosed=yesterday", "OptanonAlertBoxClosed=",
                "OptanonAlertBoxClosed=Wed%20Jan%2014%202026")) {
            Signals s = READER.read(TestHeaders.of("Cookie", consent + "; " + closed));
            assertEquals(Optional.empty(), s.consent(), closed);
            assertTrue(s.problems().toString().contains("OptanonAlertBoxClosed"), s.problems().toString());
            assertFalse(s.consentUnclear(), closed);
        }
        // two choice times: the age is unknown, and as with any doubled consent cookie no other manager decides
        String twice = "OptanonAlertBoxClosed=2026-01-14T11:58:03.417Z; OptanonAlertBoxClosed=2026-01-13T09:00:00.000Z";
        String cookiebotAll = "CookieConsent=" + cookiebot("preferences:true,statistics:true,marketing:true");
        Signals doubled = READER.read(TestHeaders.of("Cookie", consent + "; " + twice + "; " + cookiebotAll));
        assertEquals(Optional.empty(), doubled.consent());
        assertTrue(doubled.consentUnclear());
        assertTrue(doubled.problems().toString().contains("OptanonAlertBoxClosed"), doubled.problems().toString());
        SignalReader withoutOneTrust = new SignalReader(SignalSettings.defaults().withHonouredCmps(Set.of("cookiebot")),
                CLOCK);
        assertFalse(withoutOneTrust.read(TestHeaders.of("Cookie", twice + "; " + cookiebotAll)).consentUnclear(),
                "OneTrust not honoured: its cookies are nobody's consent");
        Signals without = READER.read(TestHeaders.of("Cookie", consent));
        assertEquals(NOW, without.consent().orElseThrow().timestamp(), "no choice time written: counted as now");
    }
}
