package io.consentgate.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a client puts into method, path, query, Referer and User-Agent, a COMBINED line is one line that the
 * GoAccess grammar splits into the right fields, and a JSON line reads back to the (truncated) values. jqwik prints
 * the seed of each run.
 */
class AccessLogLinePropertiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AccessLogLine COMBINED = AccessLogLine.compile(AccessLogFormat.COMBINED, 64);
    private static final AccessLogLine JSON = AccessLogLine.compile(AccessLogFormat.JSON, 64);

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(100),
                Arbitraries.strings().withChars("\"\\ \r\n\t\u0000\u001b\u007f\u0085\u2028\u2029\u202e\ufeff"
                        + "\ud83d\ude00\ud800\udc00ab%?=&").ofMaxLength(100));
    }

    @Property(tries = 1000)
    void combinedLineIsOneLineThatSplitsIntoTheRightFields(@ForAll("hostile") String method,
            @ForAll("hostile") String path, @ForAll("hostile") String referer, @ForAll("hostile") String agent) {
        AccessLogEntry e = Entries.entry(method, path, null, referer, agent);
        String line = COMBINED.format(e);
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.chars().noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029),
                line);
        Matcher m = AccessLogLineTest.GOACCESS_COMBINED.matcher(line);
        assertTrue(m.matches(), line);
        assertEquals(LogText.ncsa(referer, 64), m.group("referer"));
        assertEquals(LogText.ncsa(agent, 64), m.group("agent"));
        assertEquals(3, m.group("request").split(" ", -1).length, m.group("request"));
    }

    @Property(tries = 1000)
    void jsonLineReadsBackToTheTruncatedValues(@ForAll("hostile") String path, @ForAll("hostile") String query,
            @ForAll("hostile") String agent) throws Exception {
        AccessLogEntry e = Entries.entry("GET", path, query, null, agent);
        String line = JSON.format(e);
        assertEquals(1, line.lines().count(), line);
        JsonNode n = MAPPER.readTree(line);
        expect(path, n.get("path"));
        expect(query, n.get("query"));
        expect(agent, n.get("user_agent"));
    }

    private static void expect(String raw, JsonNode node) {
        if (raw.isEmpty()) {
            assertEquals(null, node);
        } else {
            assertEquals(LogText.wellFormed(LogText.truncate(raw, 64)), node.asText());
        }
    }
}
