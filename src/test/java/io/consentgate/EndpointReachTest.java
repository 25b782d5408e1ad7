package io.consentgate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EndpointReachTest {

    private static final List<String> ALL = List.of("/consent", "/.well-known/gpc.json", "/.well-known/dnt/");

    @Test
    void aFilterMappedToEverythingReachesEveryEndpoint() {
        assertEquals(List.of(), EndpointReach.unreached(List.of("/*"), Policy.defaults()));
        assertEquals(List.of(), EndpointReach.unreached(List.of("/"), Policy.defaults()));
    }

    @Test
    void aFilterMappedToASubPathMissesTheEndpointsOutsideIt() {
        assertEquals(ALL, EndpointReach.unreached(List.of("/app/*"), Policy.defaults()));
        assertEquals(List.of("/.well-known/gpc.json", "/.well-known/dnt/"), EndpointReach.unreached(
                List.of("/app/*", "/consent"), Policy.defaults()));
        assertEquals(List.of("/.well-known/gpc.json", "/.well-known/dnt/"), EndpointReach.unreached(
                List.of("/app/*"), Policy.builder().consentPath("/app/consent").build()));
        assertEquals(List.of("/consent"), EndpointReach.unreached(List.of("/.well-known/*", "*.html"),
                Policy.defaults()));
        assertEquals(List.of("/consent", "/.well-known/dnt/"), EndpointReach.unreached(List.of("*.json"),
                Policy.defaults()));
    }

    @Test
    void endpointsThatAreOffAreNotNamed() {
        assertEquals(List.of("/.well-known/dnt/"), EndpointReach.unreached(List.of("/app/*"),
                Policy.builder().consentPath(null).gpcJson(false).build()));
    }
}
