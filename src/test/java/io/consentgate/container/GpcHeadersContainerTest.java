package io.consentgate.container;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gpc-headers} adds request headers read as GPC: {@code Sec-GPC}, the standard one, is always honoured. */
class GpcHeadersContainerTest {

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void anAddedGpcHeaderNeverSilencesSecGpc(String kind) throws Exception {
        try (Container c = Container.start(kind, Map.of("mode", "opt-out", "gpc-headers", "X-GPC"))) {
            for (String header : new String[] {"Sec-GPC", "X-GPC"}) {
                HttpTester.Response r = HttpTester.parseResponse(c.exchange("""
                        GET / HTTP/1.1
                        Host: localhost
                        %s: 1
                        """.formatted(header)));
                assertEquals(200, r.getStatus());
                assertTrue(r.getContent().contains("marketing=gpc"), header + ": " + r.getContent());
                String vary = r.get("Vary");
                assertTrue(vary.contains("Sec-GPC") && vary.contains("X-GPC"), vary);
            }
        }
    }

    /**
     * A proxy in front of the container (Apache httpd among them) may join repeated request header lines into one
     * comma list (RFC 9110, 5.3), which means the same as the lines: the signal in it still counts.
     */
    @ParameterizedTest
    @CsvSource({
        "jetty, 'Sec-GPC: 1, 1', marketing=gpc",
        "tomcat, 'Sec-GPC: 1, 1', marketing=gpc",
        "jetty, 'Sec-GPC: 1,1', marketing=gpc",
        "tomcat, 'Sec-GPC: 1,1', marketing=gpc",
        "jetty, 'DNT: 0, 1', analytics=dnt",
        "tomcat, 'DNT: 0, 1', analytics=dnt"})
    void aSignalInCombinedHeaderLinesCounts(String kind, String header, String basis) throws Exception {
        try (Container c = Container.start(kind, Map.of("mode", "opt-out"))) {
            HttpTester.Response r = HttpTester.parseResponse(c.exchange("""
                    GET / HTTP/1.1
                    Host: localhost
                    %s
                    """.formatted(header)));
            assertEquals(200, r.getStatus());
            assertTrue(r.getContent().contains(basis), header + ": " + r.getContent());
        }
    }
}
