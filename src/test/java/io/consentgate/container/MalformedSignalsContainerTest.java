package io.consentgate.container;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed signal headers and cookies sent through real containers: none may produce a 5xx, and none may produce a
 * decision that allows anything beyond {@code necessary}. A container may refuse a request it cannot parse (4xx):
 * that is safe, the application never runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedSignalsContainerTest {

    /** A validly formatted consent value for every category, used to build near-miss variants. */
    private static final String GOOD = "1.functional+analytics+marketing.1.%d.AAAAAAAAAAAAAAAAAAAAAA";

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

    static Stream<Arguments> malformed() {
        long now = System.currentTimeMillis() / 1000;
        String good = GOOD.formatted(now);
        String huge = "x".repeat(6000);
        List<String> cases = new ArrayList<>(List.of(
                "Sec-GPC: ",
                "Sec-GPC: 0",
                "Sec-GPC: true",
                "Sec-GPC: 1, 1",
                "DNT: ",
                "DNT: yes",
                "DNT: \u00e9",
                "DNT: " + huge,
                "Cookie: ",
                "Cookie: ;;;;",
                "Cookie: =",
                "Cookie: cg_consent",
                "Cookie: cg_consent=",
                "Cookie: cg_consent=\"\"",
                "Cookie: cg_consent=all",
                "Cookie: cg_consent=1",
                "Cookie: cg_consent=1.all.1." + now + ".AAAAAAAAAAAAAAAAAAAAAA",
                "Cookie: cg_consent=1.FUNCTIONAL.1." + now + ".AAAAAAAAAAAAAAAAAAAAAA",
                "Cookie: cg_consent=1.analytics+analytics.1." + now + ".AAAAAAAAAAAAAAAAAAAAAA",
                "Cookie: cg_consent=1.necessary+sale.1." + now + ".AAAAAAAAAAAAAAAAAAAAAA",
                "Cookie: cg_consent=2" + good.substring(1),
                "Cookie: cg_consent=" + good.replace(".1." + now, ".0." + now),
                "Cookie: cg_consent=" + good.replace(".1." + now, ".99." + now),
                "Cookie: cg_consent=" + good.replace("." + now + ".", "." + (now + 86_400) + "."),
                "Cookie: cg_consent=" + good.replace("." + now + ".", "." + (now - 400L * 86_400) + "."),
                "Cookie: cg_consent=" + good.replace("." + now + ".", ".-5."),
                "Cookie: cg_consent=" + good.replace("." + now + ".", ".99999999999999999999."),
                "Cookie: cg_consent=" + good + "." + huge.substring(0, 600),
                "Cookie: cg_consent=\"" + good,
                "Cookie: cg_consent=" + good + "; cg_consent=" + good,
                "Cookie: CG_CONSENT=" + good,
                "Cookie: cg_consent =" + good.replace("1.functional", "1. functional"),
                "Cookie: cg_consent=" + good.replace("functional", "funct\u00efonal"),
                "Cookie: cg_consent=" + good.replace("functional", "funct\tional"),
                "Cookie: cg_consent=" + good.replace("+", ","),
                "Cookie: cg_consent=" + good.replace(".", ".."),
                "Cookie: cg_consent=" + good.replace("AAAA", "A=A%"),
                "Cookie: a=b; cg_consent=" + good.substring(0, good.length() - 5),
                "Cookie: " + huge + "=" + huge,
                "Cookie: cg_consent=" + huge,
                "Cookie: CookieConsent={necessary:true,preferences:true,statistics:true,marketing:true}",
                "Cookie: OptanonConsent=groups=C0001%3A1%2CC0002%3A1%2CC0003%3A1%2CC0004%3A1",
                "Cookie: cc_cookie={\"categories\":[\"analytics\",\"marketing\"]}",
                "Cookie: euconsent-v2=CPXxRfAPXxRfAAfKABENB-CgAP_AAH_AAAqIHWtf_X",
                "Cookie: usprivacy=1NNN",
                "Cookie: klaro={\"google-analytics\":true}"));
        // The last six are valid-looking consents of other managers that the default policy does not honour.
        List<Arguments> args = new ArrayList<>();
        for (String kind : List.of("jetty", "tomcat")) {
            for (int i = 0; i < cases.size(); i++) {
                args.add(Arguments.of(kind, i, cases.get(i)));
            }
            // Two Cookie header lines naming the consent cookie once each: duplicated, so ambiguous.
            args.add(Arguments.of(kind, cases.size(), "Cookie: cg_consent=" + good + "\nCookie: cg_consent=" + good));
            args.add(Arguments.of(kind, cases.size() + 1, "Sec-GPC: 1\nCookie: cg_consent=" + good.replace(
                    "functional+analytics+marketing", "marketing")));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("malformed")
    void malformedSignalNeverErrorsAndNeverAllows(String kind, int index, String headers) throws Exception {
        String raw = containers.get(kind).exchange("GET /page HTTP/1.1\nHost: localhost\n" + headers + "\n");
        HttpTester.Response r = HttpTester.parseResponse(raw);
        String shown = headers.length() > 120 ? headers.substring(0, 120) + "…" : headers;
        assertTrue(r != null && r.getStatus() < 500, kind + " " + shown + " -> " + (r == null ? raw : r.getStatus()));
        if (r.getStatus() == 200) {
            assertTrue(r.getContent().startsWith("allowed=[necessary] "), kind + " " + shown + " -> "
                    + r.getContent());
        }
    }

    /** The control: the same shape, well-formed, does grant, so the refusals above are not trivially true. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"jetty", "tomcat"})
    void wellFormedConsentCookieGrants(String kind) throws Exception {
        String good = GOOD.formatted(System.currentTimeMillis() / 1000);
        HttpTester.Response r = HttpTester.parseResponse(containers.get(kind).exchange(
                "GET /page HTTP/1.1\nHost: localhost\nCookie: theme=dark; cg_consent=" + good + "\n"));
        assertTrue(r.getContent().startsWith("allowed=[necessary, functional, analytics, marketing] "),
                r.getContent());
    }
}
