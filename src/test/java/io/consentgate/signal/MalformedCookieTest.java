package io.consentgate.signal;

import io.consentgate.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.consentgate.signal.Fixtures.CLOCK;
import static io.consentgate.signal.Fixtures.ID;
import static io.consentgate.signal.Fixtures.NOW;
import static io.consentgate.signal.Fixtures.T;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed, hostile and ambiguous {@code Cookie} headers: none may throw, none may grant anything, and no problem
 * string may echo the raw value.
 */
class MalformedCookieTest {

    private static final SignalReader READER = new SignalReader(SignalSettings.defaults(), CLOCK);

    private static String cg(String value) {
        return "cg_consent=" + value;
    }

    static Stream<Arguments> malformed() {
        String v = Fixtures.valid();
        String signed = Fixtures.validSigned();
        return Stream.of(
                absent("empty header", ""),
                row("empty value", "cg_consent="),
                row("missing equals sign", "cg_consent"),
                absent("only semicolons", ";;;;"),
                absent("only whitespace and semicolons", " ;\t; ;"),
                row("duplicate in one line", cg(v) + "; " + cg(v)),
                row("duplicate across two Cookie headers", cg(v), "a=b; " + cg(v)),
                row("duplicate with an empty second value", cg(v) + "; cg_consent="),
                row("duplicate with a malformed second value", cg(v) + "; cg_consent=\u0000"),
                absent("upper-case cookie name", "CG_CONSENT=" + v),
                absent("mixed-case cookie name", "Cg_Consent=" + v),
                row("unbalanced quote", cg("\"" + v)),
                row("doubly quoted", cg("\"\"" + v + "\"\"")),
                row("stale revision 0", cg("1.analytics.0." + T + "." + ID)),
                row("newer revision 2", cg("1.analytics.2." + T + "." + ID)),
                row("timestamp in the future", cg(Fixtures.value(EnumSet.of(Category.ANALYTICS), 1,
                        NOW.plusSeconds(3600), null))),
                row("timestamp older than max age", cg(Fixtures.value(EnumSet.of(Category.ANALYTICS), 1,
                        Fixtures.ago(Duration.ofDays(396)), null))),
                row("category all", cg("1.all.1." + T + "." + ID)),
                row("upper-case category", cg("1.ANALYTICS.1." + T + "." + ID)),
                row("duplicate category", cg("1.analytics+analytics.1." + T + "." + ID)),
                row("necessary listed", cg("1.necessary+analytics.1." + T + "." + ID)),
                row("unknown category", cg("1.tracking.1." + T + "." + ID)),
                row("empty categories", cg("1..1." + T + "." + ID)),
                row("trailing plus", cg("1.analytics+.1." + T + "." + ID)),
                row("comma-separated categories", cg("1.analytics,marketing.1." + T + "." + ID)),
                row("format version 2", cg("2.analytics.1." + T + "." + ID)),
                row("missing consent id", cg("1.analytics.1." + T)),
                row("consent id too short", cg("1.analytics.1." + T + "." + ID.substring(1))),
                row("consent id too long", cg("1.analytics.1." + T + "." + ID + "A")),
                row("consent id with padding", cg("1.analytics.1." + T + "." + ID.substring(2) + "==")),
                row("NUL byte", cg(v + "\u0000")),
                row("CRLF injection", cg(v + "\r\nX-Injected: 1")),
                row("tab inside value", cg("1.analytics.\t1." + T + "." + ID)),
                row("space inside value", cg("1.analytics. 1." + T + "." + ID)),
                row("DEL character", cg(v + "\u007f")),
                row("non-ASCII letter", cg(v.replace('a', '\u00e4'))),
                row("non-ASCII beyond Latin-1", cg(v + "\u2028")),
                row("huge header, 100 KB after the cookie", cg(v) + "; pad=" + "x".repeat(100_000)),
                row("huge value, 100 KB", cg("A".repeat(100_000))),
                row("value longer than 512 bytes", cg(v + "." + "A".repeat(43) + "." + "B".repeat(500))),
                row("comma after the value", cg(v) + ", other=1"),
                row("equals sign in the value", cg(v + "=")),
                row("leading-zero revision", cg("1.analytics.01." + T + "." + ID)),
                row("negative revision", cg("1.analytics.-1." + T + "." + ID)),
                row("revision overflow", cg("1.analytics.99999999999." + T + "." + ID)),
                row("exponent timestamp", cg("1.analytics.1.1e9." + ID)),
                row("13-digit timestamp (milliseconds)", cg("1.analytics.1." + T * 1000 + "." + ID)),
                row("extra fields", cg(v + ".AAAA.BBBB")),
                row("trailing dot", cg(v + ".")),
                row("malformed signature without secret", cg(v + ".abc")),
                row("percent garbage", cg("%%%%%")),
                row("base64 of a valid value", cg(Base64.getEncoder().encodeToString(v.getBytes()))),
                row("JSON instead of the format", cg("{\"analytics\":true}")),
                row("dots replaced by commas", cg(v.replace('.', ','))),
                row("header line over 8 KiB, cookie first",
                        cg(v) + "; pad=" + "y".repeat(CookieJar.MAX_LINE_CHARS)),
                row("signed value with a truncated signature", cg(signed.substring(0, signed.length() - 5))),
                row("33 Cookie header lines", manyLines(v)),
                row("name with a space", "cg consent=" + v),
                row("name quoted", "\"cg_consent\"=" + v));
    }

    private static Arguments row(String label, String... lines) {
        return Arguments.of(label, List.of(lines), true);
    }

    /** A row in which ConsentGate's cookie is simply absent: nothing to report. */
    private static Arguments absent(String label, String... lines) {
        return Arguments.of(label, List.of(lines), false);
    }

    private static String[] manyLines(String v) {
        List<String> lines = new ArrayList<>(Collections.nCopies(CookieJar.MAX_LINES, "a=b"));
        lines.add(cg(v));
        return lines.toArray(String[]::new);
    }

    @Test
    void tableHasAtLeastFortyRows() {
        assertTrue(malformed().count() >= 40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedCookieHeadersGrantNothing(String label, List<String> lines, boolean reasonExpected) {
        TestHeaders headers = new TestHeaders();
        lines.forEach(l -> headers.add("Cookie", l));
        Signals s = READER.read(headers);
        assertEquals(java.util.Optional.empty(), s.consent(), label);
        assertEquals(reasonExpected, !s.problems().isEmpty(), "a reason is recorded: " + label);
        for (String p : s.problems()) {
            assertFalse(p.contains(ID), "problem echoes the consent id: " + p);
            assertTrue(p.chars().allMatch(c -> c >= 0x20 && c < 0x7F), "problem is printable ASCII: " + p);
            assertTrue(p.length() < 200, "problem is short: " + p);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedCookieHeadersGrantNothingWithEveryConsentManagerHonoured(String label, List<String> lines,
                                                                          boolean reasonExpected) {
        SignalReader all = new SignalReader(SignalSettings.defaults().withHonouredCmps(SignalSettings.KNOWN_CMPS)
                .withHmacSecret(Fixtures.SECRET), CLOCK);
        TestHeaders headers = new TestHeaders();
        lines.forEach(l -> headers.add("Cookie", l));
        Signals s = all.read(headers);
        assertEquals(java.util.Optional.empty(), s.consent(), label);
        assertFalse(s.saleOptOut());
    }

    static Stream<Arguments> accepted() {
        String v = Fixtures.valid();
        return Stream.of(
                row("plain", cg(v)),
                row("among other cookies", "_ga=GA1.2.3.4; " + cg(v) + "; theme=dark"),
                row("one pair of quotes stripped", cg("\"" + v + "\"")),
                row("OWS around the pair", " \t" + cg(v) + " \t;"),
                row("split over two header lines (HTTP/2)", "_ga=GA1.2.3.4", cg(v)),
                row("malformed neighbours skipped", "junk; =x; " + cg(v) + "; a\u0000=b"),
                row("differently-cased twin is another cookie", "CG_CONSENT=garbage; " + cg(v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void wellFormedHeadersYieldTheConsent(String label, List<String> lines, boolean unused) {
        TestHeaders headers = new TestHeaders();
        lines.forEach(l -> headers.add("Cookie", l));
        Signals s = READER.read(headers);
        assertEquals(Set.of(Category.ANALYTICS), s.consent().orElseThrow().granted(), label);
        assertEquals(ID, s.consent().orElseThrow().consentId());
    }
}
