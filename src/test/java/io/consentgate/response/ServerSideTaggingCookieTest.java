package io.consentgate.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import io.consentgate.catalog.TrackerCatalog;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Sites that run server-side tagging: the tracking cookies arrive as {@code Set-Cookie} on the site's own responses
 * (a server-side GTM container, a conversions-API gateway, a collector behind the site's proxy), written with the
 * attribute sets those setups send. Each is dropped on every door when its category is refused and passes untouched,
 * in order, when allowed; the visitor's copies of a refused category are expired for the host and its parents; and
 * the site's own cookies named like them stay.
 */
class ServerSideTaggingCookieTest {

    private static final CookieGate GATE = new CookieGate(TrackerCatalog.bundled(), List.of("/"));
    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ALL = ConsentDecision.allowAll();
    /** Marketing allowed, analytics refused. */
    private static final ConsentDecision NO_ANALYTICS = ConsentDecision.of(
            Set.of(Category.FUNCTIONAL, Category.MARKETING), Map.of(), ConsentMode.OPT_IN);
    /** Analytics allowed, marketing refused. */
    private static final ConsentDecision NO_MARKETING = ConsentDecision.of(
            Set.of(Category.FUNCTIONAL, Category.ANALYTICS), Map.of(), ConsentMode.OPT_IN);

    private static final String SESSION = "JSESSIONID=node0x7k2q9w1.node0; Path=/; Secure; HttpOnly";
    private static final String PREF = "currency=EUR; Path=/; Max-Age=31536000; SameSite=Lax";

    /** A server-set tracker cookie and the category it needs. */
    static Stream<Arguments> serverSetCookies() {
        return Stream.of(
            // server-side Google Tag Manager: the GA4 client's own cookies and the ones it re-sets with a long life
            a("analytics", "FPID=FPID2.2.Qk3xv9%2BZr0mP1tLw%3D%3D.1733243000; Max-Age=63072000; Domain=shop.example;"
                    + " Path=/; Secure; HttpOnly; SameSite=Lax"),
            a("analytics", "FPLC=n7Zq%2Fw0Y3e%2B1a; Max-Age=72000; Domain=shop.example; Path=/; Secure;"
                    + " SameSite=Lax"),
            a("analytics", "FPGSID=1.1733243000.1733243050.G-KX7P2M9QRT.QmQx; max-age=1800; path=/;"
                    + " domain=.shop.example; secure; samesite=lax"),
            a("analytics", "_ga=GA1.1.1287364512.1733243000; Path=/; Domain=.shop.example; Max-Age=63072000;"
                    + " Expires=Sat, 04 Dec 2027 16:00:00 GMT; Secure; SameSite=Lax"),
            a("analytics", "_ga_KX7P2M9QRT=GS1.1.1733243000.4.1.1733243090.0.0.0; Max-Age=63072000;"
                    + " Domain=shop.example; Path=/; Secure; SameSite=Lax"),
            a("marketing", "FPAU=1.2.1876543210.1733243000; Max-Age=7776000; Domain=shop.example; Path=/; Secure;"
                    + " SameSite=Lax"),
            a("marketing", "FPGCLAW=2.1.kCj0KCQiAk_abcDEF$i1733243000; Max-Age=7776000; Domain=shop.example;"
                    + " Path=/; Secure; SameSite=Lax"),
            a("marketing", "FPGCLDC=2.1.kCNbX4pQ$i1733243000; Max-Age=7776000; Domain=shop.example; Path=/; Secure"),
            a("marketing", "FPGCLGB=2.1.kGb0Ab$i1733243000; Max-Age=7776000; Domain=shop.example; Path=/; Secure"),
            a("marketing", "_gcl_au=1.1.1876543210.1733243000; Max-Age=7776000; Path=/; Domain=.shop.example"),
            // a conversions-API gateway on a first-party subdomain re-setting the browser id and click id
            a("marketing", "_fbp=fb.1.1733243000123.918273645; Max-Age=7776000; Domain=.shop.example; Path=/;"
                    + " Secure; SameSite=Lax"),
            a("marketing", "_fbc=fb.1.1733243000123.IwAR2xYz_clk; Max-Age=7776000; Domain=.shop.example; Path=/;"
                    + " Secure; SameSite=Lax"),
            // Stape's data client: its client id, the copy of FPID it exposes to scripts, the data tag's store
            a("marketing", "_dcid=dcid.1.1733243000123.504918273; Max-Age=63072000; Domain=shop.example; Path=/;"
                    + " Secure; SameSite=Lax"),
            a("analytics", "FPIDP=FPID2.2.Qk3xv9%2BZr0mP1tLw%3D%3D.1733243000; Max-Age=63072000;"
                    + " Domain=shop.example; Path=/; Secure; SameSite=Lax"),
            a("analytics,marketing", "stape=eyJlbWFpbCI6Ijk4ZjAifQ%3D%3D; Max-Age=63072000; Domain=shop.example;"
                    + " Path=/; Secure; SameSite=Lax"),
            // TikTok: the browser id, and the click id a server-side Events API tag keeps for 30 days
            a("marketing", "_ttp=2aBcDeFgHiJkLmNoPqRsTuVwXyZ; Max-Age=34164000; Domain=.shop.example; Path=/;"
                    + " Secure; SameSite=None"),
            a("marketing", "ttclid=E.C.P.CtQBq7Xz9fKp2wLm; Max-Age=2592000; Domain=shop.example; Path=/;"
                    + " SameSite=Lax; Secure"),
            // Segment's anonymous id, set by the site's server so that it outlives script-written cookies
            a("analytics", "ajs_anonymous_id=%2205e3c9a8-7d21-4b6f-9c3e-8f1a2b3c4d5e%22; Max-Age=31536000; Path=/;"
                    + " Domain=.shop.example; SameSite=Lax"),
            a("analytics", "ajs_user_id=u_48213; Max-Age=31536000; Path=/; Domain=.shop.example; SameSite=Lax"),
            // Adobe: the Web SDK's identity cookie through a first-party edge domain, the ECID copies
            a("analytics,marketing", "kndctr_0123456789ABCDEF01234567_AdobeOrg_identity=CiYxNjQ3NTk0Mz; "
                    + "Max-Age=34128000; Domain=shop.example; Path=/; Secure; SameSite=None"),
            a("marketing", "s_ecid=MCMID%7C12345678901234567890123456789012345678; Max-Age=63072000;"
                    + " Domain=shop.example; Path=/; Secure; SameSite=Lax"),
            a("marketing", "AMCV_0123456789ABCDEF01234567%40AdobeOrg=MCMID%7C1234567890; Max-Age=34128000;"
                    + " Domain=.shop.example; Path=/"),
            // Tealium's visitor cookie, in one piece and split
            a("analytics,marketing", "utag_main=v_id:018c3f4a2b1c$_sn:3$_se:1$_ss:0$ses_id:1733243000000%3Bexp-"
                    + "session; Max-Age=31536000; Path=/; Domain=.shop.example; SameSite=Lax"),
            a("analytics,marketing", "utag_main_v_id=018c3f4a2b1c; Max-Age=31536000; Path=/; Domain=shop.example"),
            // Cloudflare Zaraz's per-tool stores
            a("analytics,marketing", "cfz_google-analytics_v4=%7B%22Qx_engagementStart%22%3A1%7D; Max-Age=31536000;"
                    + " Path=/; Domain=shop.example; SameSite=Lax"),
            a("analytics,marketing", "cfzs_google-analytics_v4=%7B%22Qx_pageviewCounter%22%3A2%7D; Path=/;"
                    + " Domain=shop.example; SameSite=Lax"),
            // Piwik PRO and Matomo, their ids named by site (and domain hash)
            a("analytics", "_pk_id.4b1c0f2a-1111-2222-3333-444455556666.8a3f=0123456789abcdef.1733243000.; "
                    + "Max-Age=33955200; Path=/; Domain=.shop.example; SameSite=Lax"),
            a("analytics", "stg_traffic_source_priority=1; Max-Age=1800; Path=/; Domain=.shop.example"),
            a("analytics", "_pk_id.3.1fff=5a1b2c3d4e5f6a7b.1733243000.; Max-Age=33955200; Path=/"),
            a("analytics", "_pk_ses.3.1fff=1; Max-Age=1800; Path=/; SameSite=Lax"));
    }

    private static Arguments a(String categories, String setCookie) {
        return Arguments.of(categories, setCookie);
    }

    @ParameterizedTest
    @MethodSource("serverSetCookies")
    void aServerSetTrackerCookieIsDroppedOnEveryDoorWhenRefused(String categories, String setCookie) {
        String name = name(setCookie);
        for (Door door : Door.values()) {
            assertEquals(List.of("JSESSIONID", "currency"), names(door.send(setCookie, NONE)), door + " " + name);
        }
        for (ConsentDecision partial : List.of(NO_ANALYTICS, NO_MARKETING)) {
            String refused = partial == NO_ANALYTICS ? "analytics" : "marketing";
            boolean needsRefused = List.of(categories.split(",")).contains(refused);
            for (Door door : Door.values()) {
                List<String> expected = needsRefused ? List.of("JSESSIONID", "currency")
                        : door.inOrder(name, "JSESSIONID", "currency");
                assertEquals(expected, names(door.send(setCookie, partial)), door + " " + name + " " + refused);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("serverSetCookies")
    void aServerSetTrackerCookiePassesUntouchedAndInOrderWhenAllowed(String categories, String setCookie) {
        for (Door door : List.of(Door.ADD_HEADER, Door.SET_HEADER)) {
            assertEquals(door.inOrder(setCookie, SESSION, PREF), door.send(setCookie, ALL), door.toString());
        }
        assertEquals(List.of("JSESSIONID", name(setCookie), "currency"), names(Door.ADD_COOKIE.send(setCookie,
                ALL)));
    }

    /**
     * The site's own cookies named like a tracker's, and the records of a visitor's choice that tag managers and
     * analytics write beside their ids: none is a tracker cookie, on any door, whatever is refused.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "sp_session=9f2c1a; Path=/; HttpOnly; Secure; SameSite=Lax",
        "fpid_tenant=acme-eu; Path=/; Max-Age=31536000",
        "FPIDX=7; Path=/",
        "ga_locale=de-AT; Path=/; Max-Age=31536000",
        "gaCart=3; Path=/shop",
        "_pk_state=checkout-2; Path=/shop; SameSite=Strict",
        "__Host-session=Zx81kQ; Path=/; Secure; HttpOnly; SameSite=Lax",
        "__Secure-csrf=8d7a6b; Path=/; Secure; SameSite=Strict",
        "__Secure-ttclid_seen=1; Path=/; Secure",
        "embed_prefs=compact; Path=/; Secure; SameSite=None; Partitioned",
        "widget_session=w7; Secure; Partitioned; Path=/; HttpOnly",
        "__cf_bm=Ab3.Cd4-1733243000-1.0.1.1-xYz; path=/; expires=Thu, 03-Dec-2026 17:13:20 GMT;"
            + " domain=.shop.example; HttpOnly; Secure; SameSite=None",
        "_cfuvid=Qa9x-1733243000000-0.0.1.1-604800000; path=/; domain=.shop.example; HttpOnly; Secure;"
            + " SameSite=None",
        "cf_clearance=kP3.z-1733243000-1.2.1.1-abc; Path=/; Domain=.shop.example; Secure; HttpOnly",
        "ppms_privacy_4b1c0f2a-1111-2222-3333-444455556666=%7B%22visitorId%22%3A%22x%22%7D; Path=/;"
            + " Max-Age=31536000",
        "kndctr_0123456789ABCDEF01234567_AdobeOrg_consent=general%3Din; Max-Age=15552000; Path=/;"
            + " Domain=shop.example",
        "mtm_consent=1733243000000; Max-Age=33955200; Path=/",
        "utag_debug=false; Path=/",
        "stapeHelp=open; Path=/",
        "dcid=42; Path=/account",
        "ajs_theme=dark; Path=/",
        "sp=7c9e-user-pref; Path=/; Domain=.shop.example; Max-Age=31536000",
    })
    void theSitesOwnCookiesNamedLikeTrackersStayOnEveryDoor(String setCookie) {
        for (Door door : List.of(Door.ADD_HEADER, Door.SET_HEADER)) {
            assertEquals(door.inOrder(setCookie, SESSION, PREF), door.send(setCookie, NONE), door.toString());
        }
        assertEquals(List.of("JSESSIONID", name(setCookie), "currency"), names(Door.ADD_COOKIE.send(setCookie,
                NONE)));
    }

    /** A tracker cookie set {@code Partitioned} (CHIPS) on a server-side tagging response is no less a tracker's. */
    @ParameterizedTest
    @ValueSource(strings = {
        "_ga_KX7P2M9QRT=GS1.1.1733243000.4.1; Path=/; Secure; SameSite=None; Partitioned",
        "FPID=FPID2.2.x.1733243000; Max-Age=63072000; Path=/; Secure; HttpOnly; SameSite=None; Partitioned",
        "_fbp=fb.1.1733243000123.9; Partitioned; Secure; SameSite=None; Path=/; Max-Age=7776000",
    })
    void aPartitionedTrackerCookieIsDropped(String setCookie) {
        for (Door door : Door.values()) {
            assertEquals(List.of("JSESSIONID", "currency"), names(door.send(setCookie, NONE)), door.toString());
        }
    }

    /**
     * The visitor's copies of refused tracker cookies (set before consent was withdrawn, or by the server-side
     * container on an earlier visit) are expired host-only and for every parent down to the registrable domain,
     * again partitioned on HTTPS; the site's own cookies get no expiry. Only what the decision refuses is expired.
     */
    @Test
    void theVisitorsRefusedTrackerCookiesAreExpiredForTheHostAndItsParents() {
        assumeTrue(PublicSuffixes.available(), "this JDK ships no public suffix list");
        String cookie = "JSESSIONID=node0x7k2q9w1.node0; FPID=FPID2.2.Qk3x.1733243000; sp_session=9f2c1a;"
                + " _ga_KX7P2M9QRT=GS1.1.1733243000.4.1; FPGCLAW=2.1.kCj0$i1733243000; ttclid=E.C.P.CtQB;"
                + " __Host-session=Zx81kQ; _pk_id.3.1fff=5a1b2c3d.1733243000.; ga_locale=de-AT;"
                + " utag_main=v_id:018c3f$_sn:3; mtm_consent=1733243000000; _pk_state=checkout-2; FPIDP=FPID2.2.Qk3x";
        HttpServletRequest request = request("www.shop.example", cookie, true);

        assertEquals(Set.of("FPID", "_ga_KX7P2M9QRT", "FPGCLAW", "ttclid", "_pk_id.3.1fff", "utag_main", "FPIDP"),
                expiredNames(GATE.expiries(request, NONE, Integer.MAX_VALUE)));
        assertEquals(Set.of("FPID", "_ga_KX7P2M9QRT", "_pk_id.3.1fff", "utag_main", "FPIDP"),
                expiredNames(GATE.expiries(request("www.shop.example", cookie, true), NO_ANALYTICS,
                        Integer.MAX_VALUE)));
        assertEquals(Set.of("FPGCLAW", "ttclid", "utag_main"),
                expiredNames(GATE.expiries(request("www.shop.example", cookie, true), NO_MARKETING,
                        Integer.MAX_VALUE)));
        assertEquals(List.of(), GATE.expiries(request("www.shop.example", cookie, true), ALL, Integer.MAX_VALUE));

        List<String> lines = GATE.expiries(request("www.shop.example", cookie, true), NONE, Integer.MAX_VALUE);
        String fpid = "FPID=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/";
        for (String domain : List.of("", "; Domain=www.shop.example", "; Domain=shop.example")) {
            assertTrue(lines.contains(fpid + domain), fpid + domain + " in " + lines);
            assertTrue(lines.contains(fpid + "; Secure; Partitioned" + domain), domain + " partitioned in " + lines);
        }
        assertFalse(lines.stream().anyMatch(l -> l.contains("Domain=example")), lines.toString());
    }

    /**
     * A Snowplow collector on the site's own subdomain writes its network user id as {@code sp} for the site's
     * domain: a name the site's own code may use as well, which the bundled catalog leaves alone (a generic name
     * matches only with the vendor's domain, and this one has the site's). An operator who runs such a collector
     * names it in a {@code trackers} entry of its own; then it is dropped and expired like any other.
     */
    @Test
    void aSnowplowCollectorsSpCookieIsTheOperatorsToNameAndThenGated() throws Exception {
        String collector = "sp=3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c; Max-Age=31536000; Domain=.shop.example; Path=/;"
                + " Secure; SameSite=None";
        assertFalse(GATE.refuses(collector, NONE));

        TrackerCatalog site = TrackerCatalog.bundled().withOverrides(TrackerCatalog.fromJson(new ObjectMapper()
                .readTree("""
                    {"trackers": [{"id": "shop-snowplow-collector", "name": "Snowplow collector (sp.shop.example)",
                      "owner": "Shop", "categories": ["analytics"], "cookies": ["sp"]}]}""")));
        CookieGate gate = new CookieGate(site, List.of("/"));
        assertTrue(gate.refuses(collector, NONE));
        assertFalse(gate.refuses(collector, NO_MARKETING));
        assertFalse(gate.refuses("sp_session=9f2c1a; Path=/", NONE));
        assertEquals(Set.of("sp"), expiredNames(gate.expiries(request("www.shop.example",
                "sp=3f2a9c1e; sp_session=9f2c1a", false), NONE, Integer.MAX_VALUE)));
    }

    /**
     * A site that serves its server-side tagging container from its own origin through MITRE's HTTP-Proxy-Servlet
     * gets the container's cookies renamed {@code "!Proxy!" + servlet name + name}, on the servlet's path, through
     * {@code addCookie}: still the tracker's id (the servlet hands it back to the container under its own name).
     */
    @Test
    void aTrackerCookieAProxyServletRenamedIsStillTheTrackers() {
        for (String name : List.of("!Proxy!sgtmFPID", "!Proxy!metrics_ga_KX7P2M9QRT", "!Proxy!tagging_fbp",
                "!Proxy!FPGCLAW", "!Proxy!ss-proxyttclid")) {
            String proxied = name + "=v1.2.3; Path=/metrics; Max-Age=63072000; Secure; HttpOnly";
            for (Door door : Door.values()) {
                assertEquals(List.of("JSESSIONID", "currency"), names(door.send(proxied, NONE)), door + " " + name);
                assertEquals(door.inOrder(name, "JSESSIONID", "currency"), names(door.send(proxied, ALL)),
                        door + " " + name);
            }
        }
        assertTrue(GATE.refuses("!Proxy!sgtmFPID=x; Path=/metrics", NO_ANALYTICS));
        assertFalse(GATE.refuses("!Proxy!sgtmFPID=x; Path=/metrics", NO_MARKETING));
        assertTrue(GATE.refuses("!Proxy!sgtm_fbp=x; Path=/metrics", NO_MARKETING));

        // the proxied application's own cookies stay, and so does a proxied record of a choice
        for (String own : List.of("!Proxy!apisession_id", "!Proxy!apiJSESSIONID", "!Proxy!backendXSRF-TOKEN",
                "!Proxy!sgtmga_locale", "!Proxy!sgtmsp_session", "!Proxy!piwikmtm_consent", "!Proxy!", "!Proxy!x")) {
            String setCookie = own + "=1; Path=/api";
            for (Door door : List.of(Door.ADD_HEADER, Door.SET_HEADER)) {
                assertEquals(door.inOrder(setCookie, SESSION, PREF), door.send(setCookie, NONE), door + " " + own);
            }
        }
    }

    /**
     * The renamed cookies reach only the proxy servlet's path: an operator who lists that path in
     * {@code cookie-expiry-paths} gets them expired there once the visitor refuses.
     */
    @Test
    void aRenamedTrackerCookieIsExpiredOnTheProxyServletsPath() {
        CookieGate gate = new CookieGate(TrackerCatalog.bundled(), List.of("/", "/metrics"));
        List<String> lines = gate.expiries(request("www.shop.example",
                "!Proxy!sgtmFPID=FPID2.2.Qk3x; !Proxy!apisession_id=9f2c; JSESSIONID=node0x7k", false), NONE,
                Integer.MAX_VALUE);
        assertEquals(Set.of("!Proxy!sgtmFPID"), expiredNames(lines));
        assertTrue(lines.contains("!Proxy!sgtmFPID=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/metrics"),
                lines.toString());
    }

    // ---- harness -------------------------------------------------------------------------------------------------

    /** The three ways an application sets a cookie; the tracker's cookie is set between the site's own two. */
    private enum Door {
        ADD_HEADER, SET_HEADER, ADD_COOKIE;

        /**
         * The {@code Set-Cookie} values the container ends up with when the application sets the session cookie,
         * then {@code setCookie} through this door, then a preference cookie. {@code setHeader} replaces what was
         * set before it, so through it the tracker's cookie comes first.
         */
        List<String> send(String setCookie, ConsentDecision decision) {
            Container container = new Container();
            ConsentResponse response = new ConsentResponse(request("www.shop.example", "", true), container.proxy(),
                    decision, new Enforcement(null, GATE, null, (r, d) -> { }, false, null));
            switch (this) {
                case ADD_HEADER -> {
                    response.addHeader("Set-Cookie", SESSION);
                    response.addHeader("Set-Cookie", setCookie);
                }
                case SET_HEADER -> {
                    response.setHeader("Set-Cookie", setCookie);
                    response.addHeader("Set-Cookie", SESSION);
                }
                case ADD_COOKIE -> {
                    response.addHeader("Set-Cookie", SESSION);
                    response.addCookie(cookie(setCookie));
                }
                default -> throw new AssertionError(this);
            }
            response.addHeader("Set-Cookie", PREF);
            return container.setCookies();
        }

        /** The order the three cookies go out in when none is dropped. */
        List<String> inOrder(String tracker, String session, String pref) {
            return this == SET_HEADER ? List.of(tracker, session, pref) : List.of(session, tracker, pref);
        }
    }

    /** A container response that keeps its {@code Set-Cookie} lines in order, {@code addCookie} ones included. */
    private static final class Container {
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        List<String> setCookies() {
            return headers.getOrDefault("Set-Cookie", List.of()).stream().filter(v -> !v.isEmpty()).toList();
        }

        HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> switch (m.getName()) {
                        case "getStatus" -> 200;
                        case "getContentType" -> "text/html";
                        case "getHeaderNames" -> List.copyOf(headers.keySet());
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
                        case "addCookie" -> {
                            Cookie c = (Cookie) args[0];
                            headers.computeIfAbsent("Set-Cookie", k -> new ArrayList<>())
                                    .add(c.getName() + "=" + c.getValue());
                            yield null;
                        }
                        case "isCommitted" -> false;
                        default -> throw new AssertionError("unexpected " + m.getName());
                    });
        }
    }

    /** {@code setCookie} as the {@link Cookie} an application would build for it. */
    private static Cookie cookie(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        Cookie c = new Cookie(parts[0].substring(0, eq).strip(), parts[0].substring(eq + 1).strip());
        for (int i = 1; i < parts.length; i++) {
            String attr = parts[i].strip();
            int e = attr.indexOf('=');
            String key = (e < 0 ? attr : attr.substring(0, e)).toLowerCase(Locale.ROOT);
            String value = e < 0 ? "" : attr.substring(e + 1);
            switch (key) {
                case "domain" -> c.setDomain(value);
                case "path" -> c.setPath(value);
                case "max-age" -> c.setMaxAge(Integer.parseInt(value));
                case "secure" -> c.setSecure(true);
                case "httponly" -> c.setHttpOnly(true);
                default -> c.setAttribute(attr.substring(0, e < 0 ? attr.length() : e), value);
            }
        }
        return c;
    }

    private static String name(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf('=')).strip();
    }

    private static List<String> names(List<String> setCookies) {
        return setCookies.stream().map(ServerSideTaggingCookieTest::name).toList();
    }

    private static Set<String> expiredNames(List<String> expiries) {
        Set<String> out = new LinkedHashSet<>();
        for (String e : expiries) {
            assertTrue(e.contains("Max-Age=0"), e);
            out.add(name(e));
        }
        return out;
    }

    private static HttpServletRequest request(String host, String cookie, boolean secure) {
        Map<String, Object> attributes = new java.util.HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(ServerSideTaggingCookieTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                    case "getDispatcherType" -> DispatcherType.REQUEST;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getServerName" -> host;
                    case "getRequestURI" -> "/";
                    case "isSecure" -> secure;
                    case "getHeaders" -> Collections.enumeration(
                            "Cookie".equalsIgnoreCase((String) args[0]) && !cookie.isEmpty() ? List.of(cookie)
                                    : List.<String>of());
                    default -> null;
                });
    }
}
