package io.consentgate.signal;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderSourceTest {

    /** A request that answers getHeaders only; every other call (getCookies included) fails the test. */
    private static HttpServletRequest request(Function<String, Enumeration<String>> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(HeaderSourceTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeaders")) {
                        return headers.apply((String) args[0]);
                    }
                    throw new AssertionError("unexpected call " + method.getName());
                });
    }

    @Test
    void adaptsGetHeadersKeepingOrderAndDroppingNulls() {
        Map<String, List<String>> h = Map.of("Cookie", java.util.Arrays.asList("a=1", null, "b=2"));
        HeaderSource source = HeaderSource.of(request(n -> Collections.enumeration(h.getOrDefault(n, List.of()))));
        assertEquals(List.of("a=1", "b=2"), source.values("Cookie"));
        assertEquals(List.of(), source.values("DNT"));
    }

    @Test
    void aNullEnumerationIsAnAbsentHeader() {
        assertEquals(List.of(), HeaderSource.of(request(n -> null)).values("Sec-GPC"));
    }

    @Test
    void readerUsesOnlyGetHeaders() {
        Map<String, List<String>> h = Map.of("Sec-GPC", List.of("1"), "Cookie", List.of("cg_consent=x"));
        Signals s = new SignalReader(SignalSettings.defaults(), Fixtures.CLOCK)
                .read(HeaderSource.of(request(n -> Collections.enumeration(h.getOrDefault(n, List.of())))));
        assertTrue(s.gpc());
    }
}
