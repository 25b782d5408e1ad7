package io.consentgate.beacon;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties over randomly disguised request URIs. jqwik prints the seed of every run in its report; rerun one
 * with {@code @Property(seed = "...")}. The disguise itself is drawn from a {@link Random} seeded by jqwik, so the
 * seed reproduces it too.
 */
class BeaconPathPropertiesTest {

    private static final List<String> ENDPOINTS = List.of("/g/collect", "/mp/collect", "/matomo.php",
            "/com.snowplowanalytics.snowplow/tp2", "/2/httpapi");
    private static final BeaconGate GATE = new BeaconGate(TrackerCatalog.bundled(), BeaconSettings.defaults());
    private static final String HEX = "0123456789abcdef0123456789ABCDEF";

    /**
     * Rewrites a normalized path the way a client can without changing where a lenient server routes it: percent-
     * encoded characters (either hex case), {@code %2f} separators, {@code ;params}, doubled slashes, {@code ./} and
     * {@code junk/../} segments, a trailing slash.
     */
    static String disguise(String path, Random rnd) {
        StringBuilder out = new StringBuilder();
        String[] segments = path.substring(1).split("/");
        boolean params = false;
        for (int i = 0; i < segments.length; i++) {
            // After ;params only a literal / ends the segment (the params would swallow an encoded one).
            out.append(i > 0 && !params && rnd.nextInt(5) == 0 ? (rnd.nextBoolean() ? "%2f" : "%2F") : "/");
            while (rnd.nextInt(4) == 0) {
                out.append(switch (rnd.nextInt(3)) {
                    case 0 -> "/";
                    case 1 -> "./";
                    default -> "junk;x=1/%2e%2e/";
                });
            }
            for (char c : segments[i].toCharArray()) {
                if (rnd.nextInt(4) == 0) {
                    int hex = rnd.nextBoolean() ? 0 : 16;
                    out.append('%').append(HEX.charAt(hex + (c >> 4))).append(HEX.charAt(hex + (c & 0xf)));
                } else {
                    out.append(c);
                }
            }
            params = rnd.nextInt(4) == 0;
            if (params) {
                out.append(";jsessionid=").append(Long.toHexString(rnd.nextLong()).toUpperCase());
            }
        }
        if (rnd.nextInt(4) == 0) {
            out.append('/');
        }
        return out.toString();
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.of(ENDPOINTS);
    }

    @Provide
    Arbitrary<String> nearMisses() {
        Arbitrary<String> suffix = Arbitraries.strings().withChars("abcxyz0189-_.~").ofMinLength(1).ofMaxLength(6)
                .filter(s -> !s.chars().allMatch(c -> c == '.'));
        return Combinators.combine(Arbitraries.of(ENDPOINTS), suffix).as((e, s) -> e + s);
    }

    @Property(tries = 3000)
    void everyDisguiseOfAnEndpointIsGated(@ForAll("endpoints") String endpoint, @ForAll long seed) {
        String raw = disguise(endpoint, new Random(seed));
        assertEquals(endpoint, BeaconPath.normalizeRaw(raw), raw);
        assertNotNull(GATE.match(new FakeExchange.Req(raw, "/elsewhere").proxy(), ConsentDecision.refuseAll()), raw);
    }

    @Property(tries = 3000)
    void noDisguiseOfANearMissIsGated(@ForAll("nearMisses") String path, @ForAll long seed) {
        String raw = disguise(path, new Random(seed));
        assertNull(GATE.match(new FakeExchange.Req(raw, path).proxy(), ConsentDecision.refuseAll()), raw);
    }

    @Property(tries = 3000)
    void normalizationNeverThrowsAndYieldsACanonicalPath(@ForAll String raw) {
        String p = BeaconPath.normalizeRaw(raw);
        if (p != null) {
            assertTrue(p.startsWith("/"), p);
            assertFalse(p.contains("//") || p.contains("/./") || p.contains("/../"), p);
            assertFalse(p.endsWith("/.") || p.endsWith("/..") || (p.length() > 1 && p.endsWith("/")), p);
        }
    }
}
