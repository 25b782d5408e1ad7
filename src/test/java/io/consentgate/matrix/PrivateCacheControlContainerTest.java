package io.consentgate.matrix;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vary=private} on the wire: a page whose body depends on the decision never leaves with a {@code Cache-Control}
 * that lets a shared cache store it, whatever the application set.
 */
class PrivateCacheControlContainerTest {

    private static BothContainers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = new BothContainers(Map.of("vary", "private"));
    }

    @AfterAll
    static void stop() throws Exception {
        servers.close();
    }

    private static HttpTester.Response page(String kind, String query) throws Exception {
        HttpTester.Response r = servers.exchange(kind, "GET", "/cache?ct=text/html;charset=UTF-8&" + query);
        assertEquals(200, r.getStatus());
        assertFalse(r.getContent().contains("googletagmanager"), "the page is rewritten for this visitor");
        return r;
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void aPublicPageIsMadePrivateWithTheApplicationsOtherDirectives(String kind) throws Exception {
        assertEquals(List.of("private, max-age=600"),
                page(kind, "cc=public,%20max-age%3D600").getValuesList("Cache-Control"));
        assertEquals(List.of("private, max-age=600"),
                page(kind, "cc=max-age%3D600").getValuesList("Cache-Control"));
        assertEquals(List.of("private, max-age=60, must-revalidate"),
                page(kind, "cc=S-MAXAGE%3D3600,%20max-age%3D60&cc=must-revalidate").getValuesList("Cache-Control"));
    }

    @ParameterizedTest
    @MethodSource("io.consentgate.matrix.MatrixServer#kinds")
    void privateAndNoStorePagesAndPagesWithoutCacheControlAsBefore(String kind) throws Exception {
        assertEquals(List.of("private"), page(kind, "x=1").getValuesList("Cache-Control"));
        assertEquals(List.of("no-store, max-age=0"), page(kind, "cc=no-store,%20max-age%3D0").getValuesList("Cache-Control"));
        assertEquals(List.of("max-age=60, private"), page(kind, "cc=max-age%3D60,%20private").getValuesList("Cache-Control"));
        HttpTester.Response r = page(kind, "cc=public");
        assertEquals(List.of("private"), r.getValuesList("Cache-Control"));
        assertTrue(r.getValuesList("Vary").isEmpty(), "private mode adds no Vary: " + r.getValuesList("Vary"));
    }
}
