package io.consentgate.container;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consent endpoint behind Spring Security's CSRF protection (docs/spring-boot.md): a Thymeleaf or JSP form adds a
 * hidden {@code _csrf} field and a script sends the token as {@code X-CSRF-TOKEN}; neither may cost the visitor the
 * choice they made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringSecurityConsentFormTest {

    private final Map<String, Container> containers = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        containers.put("jetty", Container.start("jetty", Map.of()));
        containers.put("tomcat", Container.start("tomcat", Map.of()));
    }

    @AfterAll
    void stop() throws Exception {
        for (Container c : containers.values()) {
            c.close();
        }
    }

    private HttpTester.Response send(String kind, String raw) throws Exception {
        HttpTester.Response r = HttpTester.parseResponse(containers.get(kind).exchange(raw));
        assertNotNull(r, kind + " sent no parsable response");
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void formPostCarryingACsrfFieldStoresTheChosenCategories(String kind) throws Exception {
        String form = "_csrf=Ir7AqZwDok0BHnhlqtAFXEBgh3EXbSD4t4ww0ZSFM_4IGp26FYvyyKVllX4sex5T"
                + "&return=%2Ftpl&categories=analytics&categories=marketing";
        HttpTester.Response r = send(kind, """
                POST /consent HTTP/1.1
                Host: localhost
                Origin: http://localhost
                Sec-Fetch-Site: same-origin
                Content-Type: application/x-www-form-urlencoded
                Content-Length: %d

                %s""".formatted(form.length(), form));
        assertEquals(303, r.getStatus());
        assertTrue(r.get("Location").endsWith("/tpl"), r.get("Location"));
        String setCookie = r.get("Set-Cookie");
        assertNotNull(setCookie);
        assertTrue(setCookie.startsWith("cg_consent=1.analytics+marketing.1."), setCookie);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void jsonPostCarryingACsrfHeaderStoresTheChosenCategories(String kind) throws Exception {
        String body = "{\"categories\": [\"functional\"]}";
        HttpTester.Response r = send(kind, """
                POST /consent HTTP/1.1
                Host: localhost
                Origin: http://localhost
                X-CSRF-TOKEN: Ir7AqZwDok0BHnhlqtAFXEBgh3EXbSD4t4ww0ZSFM_4IGp26FYvyyKVllX4sex5T
                Content-Type: application/json
                Content-Length: %d

                %s""".formatted(body.length(), body));
        assertEquals(200, r.getStatus());
        assertTrue(r.getContent().contains("\"allowed\":[\"necessary\",\"functional\"]"), r.getContent());
        assertTrue(r.get("Set-Cookie").startsWith("cg_consent=1.functional.1."), r.get("Set-Cookie"));
    }
}
