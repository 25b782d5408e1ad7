package io.consentgate.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessLogLineTest {

    /**
     * GoAccess's predefined COMBINED format, {@code %h %^[%d:%t %^] "%r" %s %b "%R" "%u"} with date {@code %d/%b/%Y}
     * and time {@code %H:%M:%S}, as a regular expression: quoted fields end at the first quote not escaped by a
     * backslash.
     */
    static final Pattern GOACCESS_COMBINED = Pattern.compile(
            "^(?<host>\\S+) \\S+ \\S+ \\[(?<date>\\d{2}/[A-Z][a-z]{2}/\\d{4})"
            + ":(?<time>\\d{2}:\\d{2}:\\d{2}) [+-]\\d{4}\\]"
            + " \"(?<request>(?:[^\"\\\\]|\\\\.)*)\" (?<status>\\d{3}) (?<bytes>\\d+|-)"
            + " \"(?<referer>(?:[^\"\\\\]|\\\\.)*)\" \"(?<agent>(?:[^\"\\\\]|\\\\.)*)\"$");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AccessLogLine COMBINED = AccessLogLine.compile(AccessLogFormat.COMBINED);
    private static final AccessLogLine JSON = AccessLogLine.compile(AccessLogFormat.JSON);

    private static Matcher combined(AccessLogEntry entry) {
        String line = COMBINED.format(entry);
        Matcher m = GOACCESS_COMBINED.matcher(line);
        assertTrue(m.matches(), () -> "not GoAccess COMBINED: " + line);
        return m;
    }

    @Test
    void writesNcsaCombinedThatGoAccessFormatMatches() {
        AccessLogEntry e = Entries.allowed();
        assertEquals("203.0.113.0 - - [28/Nov/2026:23:40:05 +0000] \"GET /shop/item/42?utm_source=news&id=9 HTTP/1.1\""
                + " 200 5120 \"https://news.example.org/article?id=3\""
                + " \"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\"", COMBINED.format(e));
        Matcher m = combined(e);
        assertEquals("203.0.113.0", m.group("host"));
        assertEquals("28/Nov/2026", m.group("date"));
        assertEquals("23:40:05", m.group("time"));
        assertEquals("200", m.group("status"));
    }

    @Test
    void writesDashesForDroppedFieldsSoTheLineStillParses() {
        Matcher m = combined(Entries.refused());
        assertEquals("GET /shop/item/42 HTTP/1.1", m.group("request"));
        assertEquals("-", m.group("referer"));
        assertEquals("-", m.group("agent"));
    }

    @Test
    void writesADashForZeroOrUnknownBytesAndMissingRequestParts() {
        AccessLogEntry e = new AccessLogEntry(Entries.T, "-", null, null, null, null, 304, 0, "", null, -1, null);
        Matcher m = combined(e);
        assertEquals("-", m.group("bytes"));
        assertEquals("- - -", m.group("request"));
        assertEquals("-", m.group("host"));
        assertEquals("-", combined(new AccessLogEntry(Entries.T, "-", null, null, null, null, 200, -1, null,
                null, -1, null)).group("bytes"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"method", "path", "query", "referer", "userAgent"})
    void anInjectedCrLfNeverStartsASecondLine(String field) {
        String evil = "x\r\n127.0.0.1 - admin [01/Jan/2026:00:00:00 +0000] \"GET /forged HTTP/1.1\" 200 1 \"-\" \"-\""
                + "\u2028\u2029\u0085\u001b[2J";
        AccessLogEntry e = Entries.entry(
                field.equals("method") ? evil : "GET",
                field.equals("path") ? evil : "/p",
                field.equals("query") ? evil : null,
                field.equals("referer") ? evil : null,
                field.equals("userAgent") ? evil : null);
        for (AccessLogLine line : new AccessLogLine[] {COMBINED, JSON}) {
            String text = line.format(e);
            assertEquals(1, text.lines().count(), text);
            assertFalse(text.matches("(?s).*[\\r\\n\\u2028\\u2029\\u0085\\u001b].*"), text);
        }
        combined(e);
    }

    @Test
    void escapedQuotesDoNotEndAQuotedField() {
        Matcher m = combined(Entries.entry("GET", "/a\"b", null, "r\"\\", "ua \" x"));
        assertEquals("GET /a\\\"b HTTP/1.1", m.group("request"));
        assertEquals("r\\\"\\\\", m.group("referer"));
        assertEquals("ua \\\" x", m.group("agent"));
    }

    @Test
    void escapesSpacesInsideTheRequestLineSoItsThreePartsStaySeparable() {
        Matcher m = combined(new AccessLogEntry(Entries.T, "203.0.113.0", "GET X", "/a b", "q=1 2", "HTTP/1.1 x",
                200, 1, "ref with space", null, -1, null));
        assertEquals("GET\\x20X /a\\x20b?q=1\\x202 HTTP/1.1\\x20x", m.group("request"));
        assertEquals(3, m.group("request").split(" ").length);
        assertEquals("ref with space", m.group("referer"));
    }

    @Test
    void writesJsonLinesThatJacksonReadsBack() throws Exception {
        JsonNode n = MAPPER.readTree(JSON.format(Entries.allowed()));
        assertEquals("2026-11-28T23:40:05.123Z", n.get("time").asText());
        assertEquals("203.0.113.0", n.get("ip").asText());
        assertEquals("GET", n.get("method").asText());
        assertEquals("/shop/item/42", n.get("path").asText());
        assertEquals("utm_source=news&id=9", n.get("query").asText());
        assertEquals("HTTP/1.1", n.get("protocol").asText());
        assertEquals(200, n.get("status").asInt());
        assertEquals(5120, n.get("bytes").asLong());
        assertEquals("https://news.example.org/article?id=3", n.get("referer").asText());
        assertTrue(n.get("user_agent").asText().startsWith("Mozilla/5.0"));
        assertEquals(12, n.get("duration_ms").asLong());
        assertNull(n.get("visitor"));
    }

    @Test
    void writesJsonTimeAtMillisecondPrecision() throws Exception {
        AccessLogEntry e = new AccessLogEntry(java.time.Instant.parse("2026-11-28T23:40:05.123456789Z"), "-", "GET",
                "/", null, "HTTP/1.1", 200, 1, null, null, -1, null);
        assertEquals("2026-11-28T23:40:05.123Z", MAPPER.readTree(JSON.format(e)).get("time").asText());
    }

    @Test
    void leavesDroppedFieldsOutOfJson() throws Exception {
        JsonNode n = MAPPER.readTree(JSON.format(Entries.refused()));
        assertEquals(Set.of("time", "ip", "method", "path", "protocol", "status", "bytes", "duration_ms"), keys(n));
    }

    @Test
    void jsonRoundTripsEveryHostileValueExactly() throws Exception {
        String hostile = "q\"\\\r\n\t\u0000\u001b[1m\u007f\u0085\u2028\u2029\u202e\ufeff\ud83d\ude00 \u00fc";
        String line = JSON.format(Entries.entry("GET", "/p", null, null, hostile));
        assertFalse(line.matches("(?s).*[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202e\\ufeff].*"), line);
        assertTrue(line.contains("\\u2028") && line.contains("\\u202E") && line.contains("\\u007F"), line);
        assertEquals(hostile, MAPPER.readTree(line).get("user_agent").asText());
    }

    @Test
    void jsonReplacesUnpairedSurrogates() throws Exception {
        String line = JSON.format(Entries.entry("GET", "/p", null, null, "a\ud800b"));
        assertEquals("a\ufffdb", MAPPER.readTree(line).get("user_agent").asText());
    }

    @Test
    void truncatesLongValuesInBothFormats() throws Exception {
        String longUa = "Mozilla/5.0 " + "A".repeat(5000);
        AccessLogEntry e = Entries.entry("GET", "/p", null, null, longUa);
        String agent = combined(e).group("agent");
        assertEquals(longUa.substring(0, 1024) + "...[truncated]", agent);
        assertEquals(agent, MAPPER.readTree(JSON.format(e)).get("user_agent").asText());
        AccessLogLine small = AccessLogLine.compile(AccessLogFormat.COMBINED, 8);
        assertTrue(small.format(e).endsWith("\"Mozilla/...[truncated]\""), small.format(e));
    }

    @Test
    void offFormatsToNothing() {
        assertEquals("", AccessLogLine.compile(AccessLogFormat.OFF).format(Entries.allowed()));
    }

    @Test
    void staticFormatMatchesACompiledLine() {
        assertEquals(COMBINED.format(Entries.allowed()), AccessLogLine.format(Entries.allowed(),
                AccessLogFormat.COMBINED));
        assertThrows(IllegalArgumentException.class, () -> AccessLogLine.compile(AccessLogFormat.JSON, 0));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL | COMBINED", "combined | COMBINED", "' JSON ' | JSON", "off | OFF", "Off | OFF",
    })
    void parsesFormatInitParams(String value, AccessLogFormat expected) {
        assertEquals(expected, AccessLogFormat.parse(value));
        assertEquals(expected, AccessLogFormat.parse(expected.id()));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", " ", "common", "jsonl", "none", "false"})
    void rejectsUnknownFormatInitParams(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccessLogFormat.parse(value));
        assertTrue(e.getMessage().contains("combined, json or off"), e.getMessage());
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> keys = new HashSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }
}
