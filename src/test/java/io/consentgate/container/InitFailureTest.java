package io.consentgate.container;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** An invalid init-param must stop the application from starting: a privacy control never silently falls back. */
class InitFailureTest {

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void invalidInitParamStopsTheApplication(String kind) {
        assertThrows(Exception.class, () -> {
            try (Container c = Container.start(kind, Map.of("mode", "sometimes"))) {
                // A container that started anyway must still not serve through a broken filter.
                String r = c.exchange("GET / HTTP/1.1\nHost: localhost\n");
                if (r.contains(" 200 ")) {
                    return;
                }
                throw new IllegalStateException("not started: " + r.lines().findFirst().orElse(""));
            }
        });
    }
}
