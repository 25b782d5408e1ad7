package io.consentgate.response;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cookies the application adds after ConsentGate wrote its commit-time headers (the body was decided, the container
 * has not committed: an inline script outgrowing the buffer) cost one header each, not a reading of every header.
 */
class LateSetCookieTest {

    private static final Enforcement ENFORCED = new Enforcement(null,
            new CookieGate(TrackerCatalog.bundled(), List.of("/")), null, (r, d) -> { }, false, null);

    /** A container response with multi-valued headers that counts how often all of them are listed. */
    private static final class Container {
        final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int listings;

        HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> switch (m.getName()) {
                        case "getStatus" -> 200;
                        case "getContentType" -> "text/plain";
                        case "getHeaderNames" -> {
                            listings++;
                            yield List.copyOf(headers.keySet());
                        }
                        case "getHeaders" -> List.copyOf(headers.getOrDefault((String) args[0], List.of()));
                        case "getHeader" -> {
                            List<String> v = headers.get((String) args[0]);
                            yield v == null ? null : v.get(0);
                        }
                        case "containsHeader" -> headers.containsKey((String) args[0]);
                        case "setHeader" -> {
                            headers.remove((String) args[0]);
                            if (args[1] != null) {
                                headers.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
                            }
                            yield null;
                        }
                        case "addHeader" -> {
                            headers.computeIfAbsent((String) args[0], k -> new ArrayList<>()).add((String) args[1]);
                            yield null;
                        }
                        case "isCommitted" -> false;
                        default -> throw new AssertionError("unexpected " + m.getName());
                    });
        }
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(LateSetCookieTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                    case "getDispatcherType" -> DispatcherType.REQUEST;
                    case "getServerName" -> "www.example.com";
                    case "isSecure" -> false;
                    case "getHeaders" -> Collections.enumeration(
                            "Cookie".equalsIgnoreCase((String) args[0]) ? List.of("_ga=GA1.2.3.4") : List.<String>of());
                    default -> throw new AssertionError("unexpected " + m.getName());
                });
    }

    @Test
    void cookiesAddedAfterTheCommitTimeHeadersDoNotReadEveryHeaderAgain() {
        Container container = new Container();
        ConsentResponse response = new ConsentResponse(request(), container.proxy(), ConsentDecision.refuseAll(),
                ENFORCED);
        response.commitHeaders();
        int afterCommitTimeHeaders = container.listings;
        for (int i = 0; i < 1000; i++) {
            response.addHeader("Set-Cookie", "app" + i + "=1; Path=/");
        }
        response.addHeader("Set-Cookie", "_ga=GA1.2.3.4; Path=/; Max-Age=7776000");
        assertEquals(afterCommitTimeHeaders, container.listings);
        List<String> cookies = container.headers.get("Set-Cookie");
        assertEquals(1000 + 3, cookies.size(), "every app cookie and the three expiries of _ga (host-only, www.example.com, example.com)");
        assertTrue(cookies.contains("_ga=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"));
        assertTrue(cookies.contains("app999=1; Path=/"));
    }
}
