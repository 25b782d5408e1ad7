package io.consentgate.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentgate.ConsentDecision;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds generated lines to the real GoAccess ({@code --log-format=COMBINED}) and checks that it accepted every one.
 * Skipped when {@code goaccess} is not on the PATH (Debian: {@code apt-get install goaccess}).
 */
class GoAccessTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Characters an attacker would put into a header: quotes, backslashes, controls, separators, bidi, emoji. */
    private static final String HOSTILE = "\"\\\r\n\t\u0000\u001b\u007f\u0085\u2028\u2029\u202e\ufeff\ud83d\ude00"
            + " []{}%$'<>;,=?&#\u00fc\u65e5";

    @TempDir
    Path dir;

    private static String goaccess() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(p, "goaccess");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private JsonNode run(List<String> lines, String... extra) throws IOException, InterruptedException {
        String bin = goaccess();
        if (bin == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("goaccess is not installed but CI=true: .ci/run must install it");
        }
        assumeTrue(bin != null, "goaccess not installed (apt-get install goaccess); skipping the GoAccess check");
        Path log = dir.resolve("access.log");
        Path out = dir.resolve("report.json");
        Files.write(log, lines, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of(bin, log.toString(), "--log-format=COMBINED",
                "--no-global-config", "-o", out.toString()));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("goaccess.out").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "goaccess did not finish");
        assertEquals(0, p.exitValue(), () -> read(dir.resolve("goaccess.out")));
        // GoAccess cuts long values at a byte limit, which can split a UTF-8 sequence in its report: decode leniently
        return MAPPER.readTree(new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String hostile(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(random.nextInt(3) == 0 ? HOSTILE.charAt(random.nextInt(HOSTILE.length()))
                    : (char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    @Test
    void goAccessAcceptsEveryGeneratedLineIncludingHostileValues() throws Exception {
        long seed = Long.getLong("goaccess.seed", System.nanoTime());
        System.out.println("GoAccessTest seed=" + seed + " (rerun with -Dgoaccess.seed=" + seed + ")");
        Random random = new Random(seed);
        AccessLogLine line = AccessLogLine.compile(AccessLogFormat.COMBINED, 200);
        String[] peers = {"203.0.113.77", "2001:db8:abcd:12::1", "::ffff:198.51.100.4", "192.0.2.200"};
        List<String> lines = new ArrayList<>();
        Set<String> expectedPaths = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            String path = "/page/" + i + "/" + hostile(random, random.nextInt(40));
            RequestView view = new RequestView(Instant.parse("2026-11-28T10:00:00Z").plusSeconds(i),
                    peers[i % peers.length], i % 7 == 0 ? "POST" : "GET", path, hostile(random, 10), "HTTP/1.1",
                    i % 5 == 0 ? 404 : 200, random.nextInt(100_000), "https://ref.example/" + hostile(random, 30),
                    "Mozilla/5.0 " + hostile(random, random.nextInt(300)), 1);
            ConsentDecision decision = i % 2 == 0 ? ConsentDecision.allowAll() : ConsentDecision.refuseAll();
            lines.add(line.format(AccessLogEntry.of(view, decision, IpMask.defaults())));
            expectedPaths.add(path);
        }

        JsonNode general = run(lines).get("general");

        assertEquals(300, general.get("total_requests").asInt(), "seed " + seed);
        assertEquals(300, general.get("valid_requests").asInt(), "seed " + seed);
        assertEquals(0, general.get("failed_requests").asInt(), "seed " + seed);
        assertTrue(general.get("unique_visitors").asInt() >= 1);
    }

    @Test
    void goAccessReadsMaskedHostsPathsAndDroppedFields() throws Exception {
        AccessLogLine line = AccessLogLine.compile(AccessLogFormat.COMBINED);
        List<String> lines = List.of(
                line.format(Entries.allowed()),
                line.format(Entries.refused()));

        JsonNode report = run(lines);

        assertEquals(2, report.get("general").get("valid_requests").asInt());
        assertEquals(Set.of("203.0.113.0"), values(report.get("hosts")));
        assertEquals(Set.of("/shop/item/42?utm_source=news&id=9", "/shop/item/42"), values(report.get("requests")));
        assertEquals(Set.of("news.example.org"), values(report.get("referring_sites")));
    }

    @Test
    void goAccessNeedsNoIpValidationForAnUnknownClientShownAsADash() throws Exception {
        AccessLogEntry unknown = AccessLogEntry.of(new RequestView(Entries.T, "unknown", "GET", "/", null,
                "HTTP/1.1", 200, 1, null, null, -1), ConsentDecision.refuseAll(), IpMask.defaults());
        AccessLogLine line = AccessLogLine.compile(AccessLogFormat.COMBINED);
        List<String> lines = List.of(line.format(Entries.refused()), line.format(unknown));

        JsonNode strict = run(lines).get("general");
        assertEquals(1, strict.get("valid_requests").asInt());
        assertEquals(1, strict.get("failed_requests").asInt());
        assertEquals(2, run(lines, "--no-ip-validation").get("general").get("valid_requests").asInt());
    }

    @Test
    void goAccessReadsEveryLineWhenTheMaximumValueLengthIsShorterThanAnAddress() throws Exception {
        AccessLogLine line = AccessLogLine.compile(AccessLogFormat.COMBINED, 8);
        List<String> lines = new ArrayList<>();
        for (String peer : new String[] {"2001:db8:abcd:12::1", "203.0.113.77"}) {
            lines.add(line.format(AccessLogEntry.of(new RequestView(Entries.T, peer, "GET", "/a", null, "HTTP/1.1",
                    200, 1, null, null, -1), ConsentDecision.refuseAll(), IpMask.defaults())));
        }

        JsonNode report = run(lines);

        assertEquals(2, report.get("general").get("valid_requests").asInt(), lines.toString());
        assertEquals(Set.of("2001:db8:abcd::", "203.0.113.0"), values(report.get("hosts")));
    }

    private static Set<String> values(JsonNode panel) {
        Set<String> out = new HashSet<>();
        panel.get("data").forEach(n -> out.add(n.get("data").asText()));
        return out;
    }
}
