package io.consentgate;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filter's init writes each pointless setting to the log once, as a WARN naming both keys and what to do. */
class StartupWarningTest {

    private static final Path LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile",
            "target/slf4j-test.log"));

    @Test
    void aPermissionsPolicyUnderReportOnlyIsOneWarningAtInit() throws Exception {
        String unique = "camera=(self \"https://" + UUID.randomUUID() + ".example\")";
        Policy p = Policy.builder().reportOnly(true).permissionsPolicy(unique).build();
        new ConsentGateFilter(p).init(null);
        // The start-up INFO line prints the policy, this value included: keep the warnings.
        List<String> lines = linesWith(unique).stream().filter(l -> l.contains("has no effect")).toList();
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        assertTrue(line.contains("WARN") && line.contains("ConsentGate: permissions-policy=" + unique
                + " has no effect with report-only=true") && line.contains("report-only=false"), line);
    }

    @Test
    void signalsOverrideConsentWithNothingRefusedIsOneWarningAtInit() throws Exception {
        // The message holds no value of its own: count the lines before and after one init.
        String warning = "signals-override-consent=false has no effect with gpc-refuses=none and dnt-refuses=none";
        long before = linesWith(warning).size();
        new ConsentGateFilter(Policy.builder().signalsOverrideConsent(false).gpcRefuses().dntRefuses().build())
                .init(null);
        List<String> after = linesWith(warning);
        assertEquals(before + 1, after.size(), after.toString());
        assertTrue(after.get(after.size() - 1).contains("WARN"), after.toString());
    }

    private static List<String> linesWith(String text) throws Exception {
        return Files.exists(LOG) ? Files.readAllLines(LOG, StandardCharsets.ISO_8859_1).stream()
                .filter(l -> l.contains(text)).toList() : List.of();
    }
}
