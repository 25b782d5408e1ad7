package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files under {@code src/test/resources/io/consentgate/html/golden/}: {@code NAME.decision}
 * ({@code allow=none|all|cat,cat}, optional {@code mode=neutralize}, {@code reportOnly}), {@code NAME.in.html}
 * (input) and {@code NAME.out.html} (expected output; none when the output is the input). One input serves several
 * decisions: {@code NAME@LABEL.decision} reads {@code NAME.in.html} and expects {@code NAME@LABEL.out.html}. Each is
 * checked whole, byte by byte and in random chunks. To (re)create an expected file after reviewing the change:
 * {@code -Dconsentgate.golden.write=true}.
 */
class GoldenFilesTest {

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("golden").toURI());
        List<Path> decisions = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".decision")).sorted().forEach(decisions::add);
        }
        assertTrue(decisions.size() >= 20, "golden files present");
        return decisions.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> check(d)));
    }

    private static void check(Path decisionFile) throws IOException {
        String name = decisionFile.getFileName().toString().replace(".decision", "");
        int at = name.indexOf('@');
        Path in = decisionFile.resolveSibling((at < 0 ? name : name.substring(0, at)) + ".in.html");
        String[] spec = Files.readString(decisionFile).strip().split("\\s+");
        ConsentDecision decision = ConsentDecision.refuseAll();
        HtmlRewriter.Builder b = HtmlRewriter.builder(RewriteAssertions.CATALOG);
        for (String s : spec) {
            if (s.startsWith("allow=")) {
                decision = decision(s.substring(6));
            } else if (s.equals("mode=neutralize")) {
                b.mode(RewriteMode.NEUTRALIZE);
            } else if (s.equals("reportOnly")) {
                b.reportOnly(true);
            } else {
                throw new IllegalArgumentException(name + ": unknown decision token " + s);
            }
        }
        HtmlRewriter rw = b.build();
        byte[] input = Files.readAllBytes(in);
        List<TrackerEvent> events = new ArrayList<>();
        byte[] whole = RewriteAssertions.rewrite(rw, input, decision, StandardCharsets.UTF_8, events::add,
            new int[0]);
        Path expectedFile = in.resolveSibling(name + ".out.html");
        Path src = Path.of("src/test/resources/io/consentgate/html/golden", name + ".out.html");
        if (Boolean.getBoolean("consentgate.golden.write") && !java.util.Arrays.equals(whole, input)) {
            Files.write(src, whole);
        }
        Path out = expectedFile.toFile().exists() ? expectedFile : src;
        String expected = out.toFile().exists() ? Files.readString(out) : new String(input, StandardCharsets.UTF_8);
        assertEquals(expected, new String(whole, StandardCharsets.UTF_8), name);
        int[] everyByte = new int[Math.max(0, input.length - 1)];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = i + 1;
        }
        assertEquals(expected, new String(RewriteAssertions.rewrite(rw, input, decision, StandardCharsets.UTF_8,
            null, everyByte), StandardCharsets.UTF_8), name + " written byte by byte");
        // rewrite(byte[]) knows no Content-Type charset: where the page declares none before a removed script, its
        // stand-in waits for the end of the encoding prescan, as when streamed without a charset
        assertEquals(new String(RewriteAssertions.rewrite(rw, input, decision, null, null, new int[0]),
            StandardCharsets.UTF_8), new String(rw.rewrite(input, decision), StandardCharsets.UTF_8),
            name + " via rewrite(byte[])");
        if (rw.reportOnly || !decision.refused().isEmpty()) {
            assertEquals(!expected.equals(new String(input, StandardCharsets.UTF_8)) || rw.reportOnly
                || name.equals("false-positives"),
                events.stream().anyMatch(e -> e.action() != TrackerEvent.Action.ALLOWED)
                    || name.equals("false-positives"),
                name + ": events reported for changes");
        }
    }

    private static ConsentDecision decision(String allow) {
        if (allow.equals("all")) {
            return ConsentDecision.allowAll();
        }
        EnumSet<Category> cats = EnumSet.noneOf(Category.class);
        if (!allow.equals("none")) {
            for (String c : allow.split(",")) {
                cats.add(Category.fromId(c).orElseThrow());
            }
        }
        return ConsentDecision.of(cats, Map.of(), ConsentMode.OPT_IN);
    }
}
