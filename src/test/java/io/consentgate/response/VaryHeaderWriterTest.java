package io.consentgate.response;

import io.consentgate.ConsentDecision;
import io.consentgate.VaryMode;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@link VaryHeaderWriter} writes on a response, by mode. */
class VaryHeaderWriterTest {

    private static final ConsentDecision REFUSED = ConsentDecision.refuseAll();

    /** A response holding multi-valued headers, as the container's does. */
    static final class Headers {
        final Map<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        Headers with(String name, String... lines) {
            values.put(name, new ArrayList<>(List.of(lines)));
            return this;
        }

        List<String> get(String name) {
            return values.getOrDefault(name, List.of());
        }

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> switch (m.getName()) {
                        case "getHeaders" -> List.copyOf(get((String) args[0]));
                        case "getHeader" -> get((String) args[0]).isEmpty() ? null : get((String) args[0]).get(0);
                        case "containsHeader" -> values.containsKey((String) args[0]);
                        case "setHeader" -> {
                            values.remove((String) args[0]);
                            if (args[1] != null) {
                                values.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
                            }
                            yield null;
                        }
                        case "addHeader" -> {
                            values.computeIfAbsent((String) args[0], k -> new ArrayList<>()).add((String) args[1]);
                            yield null;
                        }
                        default -> throw new AssertionError("unexpected " + m.getName());
                    });
        }
    }

    private static List<String> cacheControlAfterCommit(Headers headers) {
        VaryHeaderWriter writer = new VaryHeaderWriter(VaryMode.PRIVATE, List.of("Sec-GPC"));
        HttpServletResponse response = headers.response();
        writer.writeEarly(response, REFUSED);
        writer.write(response, REFUSED);
        return headers.get("Cache-Control");
    }

    @Test
    void privateModeMakesASharedCacheableResponsePrivate() {
        assertEquals(List.of("private"), cacheControlAfterCommit(new Headers()));
        assertEquals(List.of("private, max-age=600"),
                cacheControlAfterCommit(new Headers().with("Cache-Control", "public, max-age=600")));
        assertEquals(List.of("private, max-age=600, must-revalidate"),
                cacheControlAfterCommit(new Headers().with("Cache-Control", "s-maxage=600, max-age=600",
                        "must-revalidate")));
    }

    @Test
    void privateModeLeavesPrivateAndNoStoreResponsesAsTheyAre() {
        assertEquals(List.of("no-store", "public"),
                cacheControlAfterCommit(new Headers().with("Cache-Control", "no-store", "public")));
        assertEquals(List.of("max-age=60, Private"),
                cacheControlAfterCommit(new Headers().with("Cache-Control", "max-age=60, Private")));
    }

    @Test
    void privateModeAddsNoVaryAndVaryModeNoCacheControl() {
        Headers privateMode = new Headers().with("Cache-Control", "public, max-age=600");
        cacheControlAfterCommit(privateMode);
        assertEquals(List.of(), privateMode.get("Vary"));

        Headers varyMode = new Headers().with("Cache-Control", "public, max-age=600").with("Vary", "Accept-Encoding");
        VaryHeaderWriter writer = new VaryHeaderWriter(VaryMode.VARY, List.of("Sec-GPC"));
        writer.write(varyMode.response(), REFUSED);
        assertEquals(List.of("public, max-age=600"), varyMode.get("Cache-Control"));
        assertEquals(List.of("Accept-Encoding, DNT, Sec-GPC, Cookie"), varyMode.get("Vary"));
    }
}
