package io.consentgate.container;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An invalid init-param must stop the application from starting: a privacy control never silently falls back. */
class InitFailureTest {

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void invalidInitParamStopsTheApplication(String kind) {
        assertDoesNotStart(kind, Map.of("mode", "sometimes"));
    }

    @ParameterizedTest
    @CsvSource({"jetty,/*", "tomcat,/*", "jetty,/", "tomcat,/"})
    void aTrackerEndpointCoveringTheSiteStopsTheApplication(String kind, String endpoint, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, """
                trackers:
                  - id: acme
                    name: Acme
                    owner: Acme
                    categories: [analytics]
                    endpoints: ["%s"]
                """.formatted(endpoint));
        assertDoesNotStart(kind, Map.of("policy-file", "file:" + file));
    }

    @ParameterizedTest
    @CsvSource({"jetty,JSESSIONID,JSESSIONID", "tomcat,JSESSIONID,JSESSIONID", "jetty,SID,SID", "tomcat,SID,SID",
        "jetty,JSESSIONID,cg_consent", "tomcat,JSESSIONID,cg_consent"})
    void aTrackerCookieCoveringTheSessionOrConsentCookieStopsTheApplication(String kind, String session, String listed,
            @TempDir Path dir) throws IOException {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, """
                trackers:
                  - id: acme
                    name: Acme
                    owner: Acme
                    categories: [analytics]
                    cookies: ["%s"]
                """.formatted(listed));
        assertDoesNotStart(kind, Map.of("policy-file", "file:" + file), session);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aRenamedSessionCookieNoTrackerListsStarts(String kind, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, """
                trackers:
                  - id: acme
                    name: Acme
                    owner: Acme
                    categories: [analytics]
                    cookies: ["JSESSIONID_acme"]
                """);
        try (Container c = Container.start(kind, Map.of("policy-file", "file:" + file), "SID")) {
            String r = c.exchange("GET / HTTP/1.1\nHost: localhost\nCookie: SID=abc; cg_consent=x\n");
            assertTrue(r.startsWith("HTTP/1.1 200"), r);
            assertFalse(r.contains("Set-Cookie: SID=") || r.contains("Set-Cookie: cg_consent="), r);
        }
    }

    /** A setting another one makes pointless is no error: the page is served, and the log names both keys once. */
    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aPointlessSettingStartsWithOneWarningNamingBothKeys(String kind) throws Exception {
        String unique = "/thanks-" + java.util.UUID.randomUUID();
        try (Container c = Container.start(kind, Map.of("consent-path", "off", "consent-return", unique))) {
            String r = c.exchange("GET / HTTP/1.1\nHost: localhost\n");
            assertTrue(r.startsWith("HTTP/1.1 200"), r);
        }
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/slf4j-test.log"));
        java.util.List<String> warnings = Files.readAllLines(log).stream().filter(l -> l.contains(unique)).toList();
        assertTrue(warnings.size() == 1 && warnings.get(0).contains("WARN") && warnings.get(0).contains(
                "consent-return=" + unique + " has no effect with consent-path=off"), warnings.toString());
    }

    private static void assertDoesNotStart(String kind, Map<String, String> initParams) {
        assertDoesNotStart(kind, initParams, null);
    }

    private static void assertDoesNotStart(String kind, Map<String, String> initParams, String sessionCookie) {
        assertThrows(Exception.class, () -> {
            try (Container c = Container.start(kind, initParams, sessionCookie)) {
                // A container that started anyway must still not serve through a broken filter (neither the page
                // nor a 204 the broken configuration would answer).
                String r = c.exchange("GET / HTTP/1.1\nHost: localhost\n");
                if (r.startsWith("HTTP/1.1 2")) {
                    return;
                }
                throw new IllegalStateException("not started: " + r.lines().findFirst().orElse(""));
            }
        });
    }
}
