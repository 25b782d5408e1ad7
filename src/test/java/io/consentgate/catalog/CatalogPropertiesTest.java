package io.consentgate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties over every bundled host. jqwik prints the seed of each property run; re-run a failure with
 * {@code @Property(seed = "...")}.
 */
class CatalogPropertiesTest {

    private static final TrackerCatalog CATALOG = TrackerCatalog.bundled();

    /** A whole-host (no path rule) bundled host and the id of its tracker. */
    record HostOf(String host, String id) {
    }

    private static List<HostOf> wholeHosts() {
        List<HostOf> out = new ArrayList<>();
        for (Tracker t : CATALOG.trackers()) {
            for (int i = 0; i < t.hosts().size(); i++) {
                if (t.pathPrefixes().get(i).isEmpty()) {
                    out.add(new HostOf(t.hosts().get(i), t.id()));
                }
            }
        }
        return out;
    }

    @Provide
    Arbitrary<HostOf> hosts() {
        return Arbitraries.of(wholeHosts());
    }

    /** Every bundled host, including those with a path rule (for which the rule's path is often generated). */
    @Provide
    Arbitrary<HostOf> allHosts() {
        List<HostOf> out = new ArrayList<>();
        for (Tracker t : CATALOG.trackers()) {
            for (String h : t.hosts()) {
                out.add(new HostOf(h, t.id()));
            }
        }
        return Arbitraries.of(out);
    }

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('0', '9', '-').ofMinLength(1).ofMaxLength(12)
                .filter(l -> !l.startsWith("-") && !l.endsWith("-"));
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 500)
    void anySpellingOfATrackerHostOrSubdomainMatches(@ForAll("hosts") HostOf h, @ForAll("labels") String sub,
                                                    @ForAll("seeds") long seed) {
        Random r = new Random(seed);
        String host = (r.nextBoolean() ? sub + "." : "") + h.host();
        host = randomCase(host, r) + (r.nextInt(4) == 0 ? "." : "");
        String[] schemes = {"https://", "http://", "HTTPS://", "//", "https:\\\\", " \t https://", "wss://"};
        String url = schemes[r.nextInt(schemes.length)]
                + (r.nextInt(4) == 0 ? "user:p%40ss@" : "")
                + host
                + (r.nextInt(3) == 0 ? ":" + r.nextInt(65536) : "")
                + (r.nextBoolean() ? "/path/" + sub + ".js?x=" + sub : "")
                + (r.nextInt(5) == 0 ? "\n " : "");
        TrackerMatch m = CATALOG.matchUrl(url, r.nextBoolean() ? null : "https://shop.example/a/b");
        assertNotNull(m, url);
        assertEquals(h.id(), m.tracker().id(), url);
    }

    @Property(tries = 500)
    void lookAlikeHostsDoNotMatch(@ForAll("hosts") HostOf h, @ForAll("labels") String label,
                                  @ForAll("seeds") long seed) {
        Random r = new Random(seed);
        String lookAlike = switch (r.nextInt(4)) {
            case 0 -> label + h.host();                           // glued prefix: notgoogle-analytics.com
            case 1 -> h.host() + "." + label + ".example";        // suffix: host.com.example
            case 2 -> h.host() + label.charAt(0);                 // extended TLD: host.comx
            default -> h.host() + "-" + label + ".test";          // host.com-cdn.test
        };
        String url = "https://" + lookAlike + "/x.js";
        TrackerMatch m = CATALOG.matchUrl(url, null);
        assertTrue(m == null || !m.tracker().id().equals(h.id()), () -> url + " matched " + m);
        byte[] script = ("var u = '" + url + "';").getBytes(StandardCharsets.US_ASCII);
        assertFalse(CATALOG.matchScript(script, 0, script.length).stream()
                .anyMatch(x -> x.tracker().id().equals(h.id())), url);
    }

    @Property(tries = 300)
    void hostLiteralsAreFoundInsideAnyStringDelimiters(@ForAll("hosts") HostOf h, @ForAll("seeds") long seed) {
        Random r = new Random(seed);
        String[] before = {"'https://", "\"//", "`https:\\/\\/", "\"https:\\u002F\\u002F", "'", "(\"https%3A%2F%2F"};
        String[] after = {"/a.js'", "\"", "\\/x`", ":443/\"", "?id=1'", "%2Fx\")"};
        String lit = before[r.nextInt(before.length)] + randomCase(h.host(), r) + after[r.nextInt(after.length)];
        byte[] script = ("var a = 1;\n  s.src = " + lit + ";\n").getBytes(StandardCharsets.US_ASCII);
        assertTrue(CATALOG.matchScript(script, 0, script.length).stream()
                .anyMatch(x -> x.tracker().id().equals(h.id())), lit);
    }

    /** Large scripts are scanned in four interleaved lanes; a literal straddling a lane boundary must be found. */
    @Property(tries = 300)
    void findsLiteralsAcrossLaneBoundariesOfLargeScripts(@ForAll("allHosts") HostOf h, @ForAll("seeds") long seed) {
        Random r = new Random(seed);
        int len = 2048 + r.nextInt(40_000);
        byte[] buf = new byte[len];
        for (int i = 0; i < len; i++) {
            buf[i] = (byte) " 0123456789,:[]{}\n".charAt(r.nextInt(18));
        }
        Tracker t = CATALOG.tracker(h.id()).orElseThrow();
        String path = t.pathPrefixes().get(t.hosts().indexOf(h.host())).replace("#", "4321");
        byte[] lit = ("\"https://" + h.host() + (path.isEmpty() ? "/" : path + "?") + "\"")
                .getBytes(StandardCharsets.US_ASCII);
        int quarter = len / 4;
        int at = quarter * (1 + r.nextInt(3)) - r.nextInt(lit.length + 1);
        if (r.nextInt(4) == 0) {
            at = r.nextBoolean() ? 0 : len - lit.length;
        }
        System.arraycopy(lit, 0, buf, at, lit.length);
        int fAt = at;
        assertTrue(CATALOG.matchScript(buf, 0, len).stream().anyMatch(m -> m.tracker().id().equals(h.id())),
                () -> h.host() + " at " + fAt + " of " + len);
    }

    @Property(tries = 1000)
    void arbitraryInputNeverThrows(@ForAll String s, @ForAll String base) {
        CATALOG.matchUrl(s, base);
        CATALOG.matchUrl(s, null);
        CATALOG.matchCookie(s, base);
        CATALOG.matchEndpoint(s, true);
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        CATALOG.matchScript(b, 0, b.length);
    }

    @Provide
    Arbitrary<String> urlish() {
        Arbitrary<String> part = Arbitraries.of("https:", "http:", "//", "/", "\\", "@", ":", ":8080", ".", "%2e",
                "%", "?", "#", "\t", " ", "www.", "googletagmanager.com", "facebook.com", "/tr", "bat.bing.com",
                "t.co", "/i/adsct", "example.org", "javascript:", "..", "[", "]", "Ｇ", "。", "?id=", "G-", "AW-1",
                "/pagead/", "/ads/", "/ct/", "/g/collect", "/wi/", "/scevent", "%2e", "%2E%2e", ";", "tr");
        return Combinators.combine(part.list().ofMinSize(1).ofMaxSize(10), Arbitraries.just(""))
                .as((l, x) -> String.join("", l));
    }

    /** Differential check against a slow, obviously-correct reference for URLs built from tricky pieces. */
    @Property(tries = 2000)
    void agreesWithAReferenceParserOnWellFormedAbsoluteUrls(@ForAll("urlish") String junk, @ForAll("allHosts") HostOf h,
                                                            @ForAll("seeds") long seed) {
        Random r = new Random(seed);
        String host = r.nextBoolean() ? h.host() : junk.replaceAll("[^a-z0-9.-]", "");
        String url = "https://" + host + "/" + junk;
        TrackerMatch m = CATALOG.matchUrl(url, null);
        String expected = referenceMatch(host.toLowerCase(Locale.ROOT), "/" + junk);
        assertEquals(expected, m == null ? null : m.tracker().id(), url);
    }

    /** Linear scan over all trackers: host equal or dot-suffix, first (most specific) path rule that applies. */
    private static String referenceMatch(String host, String path) {
        String h = host;
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String cur = h; !cur.isEmpty(); cur = cur.contains(".") ? cur.substring(cur.indexOf('.') + 1) : "") {
            String best = null;
            int bestLen = -1;
            for (Tracker t : CATALOG.trackers()) {
                for (int i = 0; i < t.hosts().size(); i++) {
                    String p = t.pathPrefixes().get(i);
                    if (t.hosts().get(i).equals(cur) && p.length() > bestLen && pathApplies(p, path)) {
                        best = t.id();
                        bestLen = p.length();
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    private static boolean pathApplies(String prefix, String path) {
        if (prefix.isEmpty()) {
            return true;
        }
        String p = path.strip().replace("\t", "").replace("\n", "").replace("\r", "");
        int cut = p.length();
        for (char c : new char[] {'?', '#'}) {
            int i = p.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        String pathOnly = p.substring(0, cut).replace('\\', '/');
        String rest = pathOnly + p.substring(cut);
        if (UrlMatcher.containsDotSegment(rest, 0, rest.length())) {
            rest = UrlNormalizer.removeDotSegments(rest);
        }
        // a segment '#' of the prefix is one or more digits
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
            java.util.Arrays.stream(prefix.split("#", -1)).map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining("[0-9]+"))).matcher(rest);
        if (!m.lookingAt()) {
            return false;
        }
        if (prefix.endsWith("/") || rest.length() == m.end()) {
            return true;
        }
        char c = rest.charAt(m.end());
        return c == '/' || c == '?' || c == '#' || c == ';';
    }

    private static String randomCase(String s, Random r) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(r.nextInt(3) == 0 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    @Property(tries = 200)
    void cookieNamesOfOtherApplicationsDoNotMatchGenericVendorNames(@ForAll("labels") String domainLabel) {
        for (Tracker t : CATALOG.trackers()) {
            for (CookiePattern c : t.cookies()) {
                if (c.generic() && !c.prefix() && c.name().indexOf('*') < 0) {
                    assertNull(CATALOG.matchCookie(c.name(), domainLabel + ".shop.example"), c.name());
                }
            }
        }
    }
}
