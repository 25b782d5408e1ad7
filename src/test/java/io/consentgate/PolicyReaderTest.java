package io.consentgate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyReaderTest {

    private static Policy read(Map<String, String> params) {
        return PolicyReader.read(params, location -> null);
    }

    @Test
    void noInitParamsGiveTheSafeDefaults() {
        Policy p = read(Map.of());
        assertEquals(ConsentMode.OPT_IN, p.mode());
        assertEquals(EnumSet.of(Category.MARKETING), p.gpcRefuses());
        assertEquals(EnumSet.of(Category.ANALYTICS, Category.MARKETING), p.dntRefuses());
        assertTrue(p.signalsOverrideConsent());
        assertEquals("cg_consent", p.consentCookieName());
        assertEquals("/consent", p.consentPath());
        assertEquals(Duration.ofDays(395), p.consentMaxAge());
        assertNull(p.consentSecret());
        assertFalse(p.reportOnly());
        assertEquals(VaryMode.VARY, p.varyMode());
    }

    @Test
    void everyDocumentedParameterIsAccepted() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("mode", "opt-out");
        all.put("region-header", "CF-IPCountry");
        all.put("opt-in-regions", "DE, FR");
        all.put("opt-out-regions", "US");
        all.put("gpc-refuses", "analytics,marketing");
        all.put("dnt-refuses", "none");
        all.put("signals-override-consent", "false");
        all.put("gpc-headers", "Sec-GPC, X-GPC");
        all.put("consent-cookie-name", "site_consent");
        all.put("policy-revision", "4");
        all.put("consent-max-age-days", "180");
        all.put("consent-secret", "0123456789abcdef0123456789abcdef");
        all.put("honour-cmps", "cookiebot,usprivacy");
        all.put("klaro-services", "matomo=analytics, ads=marketing");
        all.put("consent-path", "/privacy/consent");
        all.put("consent-return", "/thanks");
        all.put("tk-header", "false");
        all.put("vary", "private");
        all.put("permissions-policy", "off");
        all.put("report-only", "true");
        all.put("gpc-json", "false");
        all.put("gpc-last-update", "2026-01-31");
        all.put("tracking-policy-url", "https://example.org/privacy");
        all.put("tracking-controller", "https://example.org/");
        all.put("html-rewrite", "false");
        all.put("html-mode", "neutralize");
        all.put("html-max-held-bytes", "65536");
        all.put("html-on-overflow", "fail-open");
        all.put("html-stub-globals", "false");
        all.put("consent-attribute", "data-cg");
        all.put("cookie-expiry-paths", "/, /shop");
        all.put("strip-request-cookies", "true");
        all.put("clear-site-data", "true");
        all.put("access-log", "json");
        all.put("access-log-ip-mask", "bytes=2");
        all.put("trusted-proxies", "10.0.0.0/8, 192.168.1.1");
        all.put("forwarded-header", "forwarded");
        all.put("access-log-max-length", "200");
        all.put("visitor-hash", "true");
        all.put("beacon-paths", "/stats/*=analytics, /ads/hit=marketing");
        all.put("beacon-generic-paths", "true");
        all.put("beacon-case-insensitive", "true");
        all.put("beacon-pings", "false");
        assertEquals(PolicyReader.PARAMETERS.keySet().size() - 1, all.size(),
                "this test must set every parameter except policy-file");
        Policy p = read(all);
        assertEquals(ConsentMode.OPT_OUT, p.mode());
        assertEquals(ConsentMode.OPT_IN, p.modeFor("DE"));
        assertEquals(ConsentMode.OPT_OUT, p.modeFor("US-CA"));
        assertEquals(Set.of(), p.dntRefuses());
        assertEquals(java.util.List.of("Sec-GPC", "X-GPC"), p.gpcHeaders());
        assertEquals(4, p.policyRevision());
        assertArrayEquals("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), p.consentSecret());
        assertEquals(Set.of("cookiebot", "usprivacy"), p.honouredCmps());
        assertEquals(Category.MARKETING, p.klaroServices().get("ads"));
        assertEquals("/privacy/consent", p.consentPath());
        assertNull(p.permissionsPolicy());
        assertEquals(VaryMode.PRIVATE, p.varyMode());
        assertEquals(LocalDate.of(2026, 1, 31), p.gpcLastUpdate());
        assertTrue(p.reportOnly());
        assertFalse(p.htmlRewrite());
        assertEquals(io.consentgate.html.RewriteMode.NEUTRALIZE, p.htmlMode());
        assertEquals(65536, p.htmlMaxHeldBytes());
        assertEquals(io.consentgate.html.OverflowAction.FAIL_OPEN, p.htmlOnOverflow());
        assertFalse(p.htmlStubGlobals());
        assertEquals("data-cg", p.consentAttribute());
        assertEquals(java.util.List.of("/", "/shop"), p.cookieExpiryPaths());
        assertTrue(p.stripRequestCookies());
        assertTrue(p.clearSiteData());
        assertEquals(io.consentgate.log.AccessLogFormat.JSON, p.accessLog());
        assertEquals(16, p.ipMask().v4Bits());
        assertTrue(p.trustedProxies().contains("10.1.2.3"));
        assertEquals(io.consentgate.log.ForwardingHeader.FORWARDED, p.trustedProxies().header());
        assertEquals(200, p.accessLogMaxLength());
        assertTrue(p.visitorHash());
        assertEquals(java.util.List.of("/stats/*=analytics", "/ads/hit=marketing"), p.beacons().extraPaths());
        assertTrue(p.beacons().includeGenericPaths() && p.beacons().caseInsensitive());
        assertFalse(p.beacons().gatePings());
        assertFalse(p.toString().contains("0123456789abcdef"), "the secret must never be printed");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "mode|sometimes",
        "mode|",
        "gpc-refuses|necessary",
        "gpc-refuses|ads",
        "dnt-refuses|analytics;marketing",
        "signals-override-consent|yes",
        "policy-revision|0",
        "policy-revision|one",
        "consent-max-age-days|0",
        "consent-max-age-days|99999",
        "consent-secret|short",
        "consent-secret|env:CONSENTGATE_TEST_UNSET_VARIABLE",
        "honour-cmps|cookiebot,acme",
        "klaro-services|matomo",
        "klaro-services|matomo=necessary",
        "consent-path|consent",
        "consent-path|//evil.example",
        "consent-return|https://evil.example/",
        "consent-cookie-name|my cookie",
        "consent-cookie-name|a;b",
        "gpc-headers|Sec GPC",
        "region-header|X Country",
        "opt-out-regions|California",
        "vary|off",
        "tk-header|1",
        "permissions-policy|a\u0001b",
        "gpc-last-update|yesterday",
        "tracking-policy-url|javascript:alert(1)",
        "report-only|maybe",
        "no-such-parameter|x",
        "html-rewrite|on",
        "html-mode|strip",
        "html-max-held-bytes|10",
        "html-on-overflow|open",
        "consent-attribute|data consent",
        "cookie-expiry-paths|shop",
        "strip-request-cookies|1",
        "clear-site-data|yes",
        "access-log|syslog",
        "access-log-ip-mask|v4=33",
        "access-log-ip-mask|v4=32,v6=48",
        "access-log-ip-mask|v6=128",
        "access-log-ip-mask|bytes=0",
        "access-log-ip-mask|v4=31",
        "access-log-ip-mask|v4=25,v6=48",
        "access-log-ip-mask|v6=127",
        "access-log-ip-mask|v4=24,v6=65",
        "trusted-proxies|proxy.internal",
        "forwarded-header|x-real-ip",
        "access-log-max-length|5",
        "visitor-hash|sometimes",
        "beacon-paths|/stats/*",
        "beacon-paths|/stats=necessary",
        "beacon-generic-paths|maybe",
        "beacon-pings|no",
    })
    void invalidParameterFailsNamingIt(String name, String value) {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> read(Map.of(name, value == null ? "" : value)));
        assertEquals(name, e.parameter());
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }

    @Test
    void policyFileInJsonIsReadAndInitParamsOverrideIt() {
        String json = """
                {"mode": "opt-out", "dnt-refuses": ["analytics"], "policy-revision": 3,
                 "klaro-services": {"matomo": "analytics"}, "trackers": []}""";
        Map<String, String> params = Map.of("policy-file", "/WEB-INF/consentgate.json", "policy-revision", "5");
        Policy p = PolicyReader.read(params, loc -> loc.equals("/WEB-INF/consentgate.json")
                ? new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)) : null);
        assertEquals(ConsentMode.OPT_OUT, p.mode());
        assertEquals(EnumSet.of(Category.ANALYTICS), p.dntRefuses());
        assertEquals(5, p.policyRevision());
        assertEquals(Category.ANALYTICS, p.klaroServices().get("matomo"));
    }

    @Test
    void klaroServicesInAPolicyFileTakeEitherFormAndInitParamsWin() {
        String yaml = """
                klaro-services: "matomo=analytics, chat=functional"
                """;
        Policy text = PolicyReader.read(Map.of("policy-file", "/p.yaml"),
                loc -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Category.ANALYTICS, text.klaroServices().get("matomo"));
        assertEquals(Category.FUNCTIONAL, text.klaroServices().get("chat"));
        String json = """
                {"klaro-services": {"matomo": "analytics", "ads": "marketing"}}""";
        Policy both = PolicyReader.read(Map.of("policy-file", "/p.json", "klaro-services", "matomo=marketing"),
                loc -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Category.MARKETING, both.klaroServices().get("matomo"), "the init-param wins");
        assertEquals(Category.MARKETING, both.klaroServices().get("ads"), "the file's other services stay");
        for (String bad : new String[] {"{\"klaro-services\": [\"matomo\"]}",
            "{\"klaro-services\": {\"matomo\": [\"analytics\"]}}", "{\"klaro-services\": \"matomo\"}"}) {
            InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> PolicyReader.read(
                Map.of("policy-file", "/p.json"), loc -> new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))));
            assertEquals("klaro-services", e.parameter(), bad);
        }
    }

    /**
     * {@code none} given as an init-param means "none" and wins over the file, as any init-param does: a key whose
     * file value is merged rather than replaced ({@code klaro-services}) must not keep the file's value under it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "region-header|region-header: CF-IPCountry",
        "opt-in-regions|{region-header: CF-IPCountry, opt-in-regions: [DE]}",
        "opt-out-regions|{region-header: CF-IPCountry, opt-out-regions: [US]}",
        "gpc-refuses|gpc-refuses: [analytics]",
        "dnt-refuses|dnt-refuses: [analytics]",
        "gpc-headers|gpc-headers: [X-GPC]",
        "consent-secret|consent-secret: 0123456789abcdef0123456789abcdef",
        "honour-cmps|honour-cmps: [klaro]",
        "klaro-services|'{honour-cmps: [klaro], klaro-services: {matomo: analytics}}'",
        "klaro-services|'{honour-cmps: [klaro], klaro-services: \"matomo=analytics\"}'",
        "consent-path|consent-path: /privacy/consent",
        "permissions-policy|'permissions-policy: \"browsing-topics=(), interest-cohort=()\"'",
        "gpc-last-update|gpc-last-update: '2026-01-31'",
        "tracking-policy-url|tracking-policy-url: https://shop.example/privacy",
        "tracking-controller|tracking-controller: https://shop.example/",
        "trusted-proxies|trusted-proxies: [10.0.0.0/8]",
        "beacon-paths|beacon-paths: [/stats/*=analytics]",
    })
    void noneAsAnInitParamWinsOverTheFilesValue(String key, String yaml) throws Exception {
        String keyword = PolicyParameters.takes(key, "none") ? "none" : "off";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("policy-file", "/WEB-INF/p.yaml");
        params.put(key, keyword);
        Policy overridden = PolicyReader.read(params,
                loc -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        String rest = yaml.startsWith("{") && yaml.contains(",")
                ? yaml.substring(0, yaml.indexOf(',')) + "}" : "{}";
        Policy expected = PolicyReader.read(params,
                loc -> new ByteArrayInputStream(rest.getBytes(StandardCharsets.UTF_8)));
        for (java.lang.reflect.Method m : Policy.class.getMethods()) {
            if (m.getParameterCount() == 0 && m.getDeclaringClass() == Policy.class
                    && !m.getName().equals("htmlRewriter") && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                Object want = m.invoke(expected);
                Object got = m.invoke(overridden);
                // Values without equals (TrustedProxies) compare by their text.
                assertTrue(java.util.Objects.deepEquals(want, got)
                        || !(want instanceof byte[])
                        && String.valueOf(want).equals(String.valueOf(got)), key + "=" + keyword + " over " + yaml + ": "
                        + m.getName() + " is " + got + ", not " + want);
            }
        }
    }

    /**
     * A setting another one makes pointless is accepted (the page keeps working) but named at start-up, with the key
     * that overrides it: one warning per such pair.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "visitor-hash=true|visitor-hash=true|access-log=combined",
        "visitor-hash=true, access-log=off|visitor-hash=true|access-log=off",
        "forwarded-header=forwarded|forwarded-header=forwarded|trusted-proxies=none",
        "html-rewrite=false, html-mode=neutralize|html-mode=neutralize|html-rewrite=false",
        "html-rewrite=false, html-on-overflow=fail-open|html-on-overflow=fail-open|html-rewrite=false",
        "html-rewrite=false, html-max-held-bytes=4096|html-max-held-bytes=4096|html-rewrite=false",
        "html-rewrite=false, consent-attribute=data-category|consent-attribute=data-category|html-rewrite=false",
        "gpc-json=false, gpc-last-update=2026-01-31|gpc-last-update=2026-01-31|gpc-json=false",
        "consent-path=off, consent-return=/thanks|consent-return=/thanks|consent-path=off",
        "consent-path=off, clear-site-data=true|clear-site-data=true|consent-path=off",
        "klaro-services=matomo=analytics|klaro-services|honour-cmps",
        "honour-cmps=cookiebot, klaro-services=matomo=analytics|klaro-services|honour-cmps=cookiebot",
        "report-only=true, strip-request-cookies=true|strip-request-cookies=true|report-only=true",
        "report-only=true, permissions-policy=camera=()|permissions-policy=camera=()|report-only=true",
        "report-only=true, consent-path=off, cookie-expiry-paths=/shop|cookie-expiry-paths=/shop"
            + "|report-only=true and consent-path=off",
        "signals-override-consent=false, gpc-refuses=none, dnt-refuses=none|signals-override-consent=false"
            + "|gpc-refuses=none and dnt-refuses=none",
    })
    void aSettingAnotherMakesPointlessIsNamedWithIt(String settings, String ineffective, String because) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String kv : settings.split(", ")) {
            params.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        java.util.List<String> warnings = IneffectiveSettings.of(read(params));
        assertEquals(1, warnings.size(), settings + ": " + warnings);
        assertTrue(warnings.get(0).startsWith(ineffective + " has no effect") && warnings.get(0).contains(because),
                warnings.get(0));
        // Then why, then what to do: make it act, or drop it.
        assertTrue(warnings.get(0).matches("[^:]+: [^;]+; [^;]+, or remove it"), warnings.get(0));
    }

    @Test
    void defaultsAndSettingsThatAllTakeEffectWarnOfNothing() {
        assertEquals(java.util.List.of(), IneffectiveSettings.of(read(Map.of())));
        Map<String, String> working = new LinkedHashMap<>();
        working.put("access-log", "json");
        working.put("visitor-hash", "true");
        working.put("trusted-proxies", "10.0.0.0/8");
        working.put("forwarded-header", "forwarded");
        working.put("honour-cmps", "klaro,tcf");
        working.put("klaro-services", "matomo=analytics");
        working.put("gpc-last-update", "2026-01-31");
        working.put("clear-site-data", "true");
        working.put("consent-return", "/thanks");
        working.put("html-mode", "neutralize");
        assertEquals(java.util.List.of(), IneffectiveSettings.of(read(working)));
        // Switched off under a switch that is off: nothing an operator could expect is lost.
        assertEquals(java.util.List.of(), IneffectiveSettings.of(read(Map.of("html-rewrite", "false",
                "html-stub-globals", "false", "access-log", "off", "consent-path", "off", "gpc-json", "false"))));
    }

    /**
     * Combinations that look pointless but are not, so they are not named: with {@code access-log=off} the mask, the
     * trusted proxies and the length limit still make the request attributes a container's own access log prints;
     * in report-only mode a withdrawal through the consent endpoint still expires cookies on the expiry paths, the
     * rewriter's mode and cap change what is reported, and beacons are reported; {@code signals-override-consent}
     * still acts while one of the two signals refuses something. A default cannot be told from the same value written
     * out, so {@code report-only=true} with the default {@code permissions-policy} is quiet too.
     */
    @Test
    void combinationsWhereEverySettingStillActsWarnOfNothing() {
        Map<String, String> attributesOnly = new LinkedHashMap<>();
        attributesOnly.put("access-log", "off");
        attributesOnly.put("access-log-ip-mask", "v4=16,v6=32");
        attributesOnly.put("access-log-max-length", "256");
        attributesOnly.put("trusted-proxies", "10.0.0.0/8");
        attributesOnly.put("forwarded-header", "forwarded");
        assertEquals(java.util.List.of(), IneffectiveSettings.of(read(attributesOnly)));
        Map<String, String> reported = new LinkedHashMap<>();
        reported.put("report-only", "true");
        reported.put("cookie-expiry-paths", "/,/shop");
        reported.put("clear-site-data", "true");
        reported.put("html-mode", "neutralize");
        reported.put("html-on-overflow", "fail-open");
        reported.put("html-max-held-bytes", "4096");
        reported.put("beacon-paths", "/stats/*=analytics");
        reported.put("permissions-policy", Policy.DEFAULT_PERMISSIONS_POLICY);
        assertEquals(java.util.List.of(), IneffectiveSettings.of(read(reported)));
        assertEquals(java.util.List.of(), IneffectiveSettings.of(read(Map.of("report-only", "true",
                "permissions-policy", "off", "strip-request-cookies", "false"))));
        assertEquals(java.util.List.of(), IneffectiveSettings.of(read(Map.of("signals-override-consent", "false",
                "gpc-refuses", "none"))));
        assertEquals(java.util.List.of(), IneffectiveSettings.of(read(Map.of("signals-override-consent", "false",
                "dnt-refuses", "none"))));
        assertEquals(java.util.List.of(), IneffectiveSettings.of(read(Map.of("gpc-refuses", "none",
                "dnt-refuses", "none"))));
    }

    @Test
    void policyFileInYamlIsRead() {
        String yaml = """
                mode: opt-in
                gpc-refuses: [analytics, marketing]
                report-only: true
                """;
        Policy p = PolicyReader.read(Map.of("policy-file", "/WEB-INF/policy.yaml"),
                loc -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(EnumSet.of(Category.ANALYTICS, Category.MARKETING), p.gpcRefuses());
        assertTrue(p.reportOnly());
    }

    @Test
    void policyFileTrackersExtendAndOverrideTheBundledCatalog() {
        String json = """
                {"trackers": [{"id": "acme-beacon", "name": "Acme Beacon", "owner": "Acme",
                               "categories": ["analytics"], "hosts": ["beacon.acme.example"]}]}""";
        Policy p = PolicyReader.read(Map.of("policy-file", "/p.json"),
                loc -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals("acme-beacon", p.catalog().matchUrl("https://beacon.acme.example/b.js", null).tracker().id());
        assertTrue(p.catalog().matchUrl("https://www.googletagmanager.com/gtm.js?id=GTM-X", null) != null,
                "the bundled entries stay");
        InvalidPolicyException bad = assertThrows(InvalidPolicyException.class,
                () -> PolicyReader.read(Map.of("policy-file", "/p.json"), loc -> new ByteArrayInputStream(
                        "{\"trackers\": [{\"id\": \"x\"}]}".getBytes(StandardCharsets.UTF_8))));
        assertEquals("trackers", bad.parameter());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'/*'|the whole site cannot be a beacon path",
        "/|the site's root (its home page) cannot be a beacon path",
        "/hit;v=1|write the decoded path without ;, %",
        "/stats/../hit|empty, . and .. segments are not allowed",
        "/hit%2Fx|write the decoded path without ;, %",
    })
    void aTrackerEndpointThatCoversTheSiteOrNeverMatchesIsAnError(String endpoint, String why) {
        InvalidPolicyException e = fileFails("/p.yaml", """
                trackers:
                  - id: acme
                    name: Acme
                    owner: Acme
                    categories: [analytics]
                    endpoints: ["%s"]
                """.formatted(endpoint));
        assertEquals("trackers", e.parameter());
        assertTrue(e.getMessage().contains("\"" + endpoint + "\": " + why) && e.getMessage().contains("/p.yaml"),
                e.getMessage());
    }

    @Test
    void aConsentCookieNameATrackerCookiePatternCoversIsAnError() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> read(Map.of("consent-cookie-name", "_pk_id")));
        assertEquals("consent-cookie-name", e.parameter());
        assertTrue(e.getMessage().contains("'_pk_id'") && e.getMessage().contains("\"matomo\"")
                && e.getMessage().contains("_pk_id*") && e.getMessage().contains("another name"), e.getMessage());
        InvalidPolicyException fromFile = fileFails("/p.yaml", "consent-cookie-name: _ga\n");
        assertEquals("consent-cookie-name", fromFile.parameter());
        assertTrue(fromFile.getMessage().contains("/p.yaml"), fromFile.getMessage());
        assertThrows(InvalidPolicyException.class, () -> Policy.builder().consentCookieName("_pk_id").build());
        assertEquals("my_consent", read(Map.of("consent-cookie-name", "my_consent")).consentCookieName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "JSESSIONID|cg_consent|JSESSIONID", "JSESSI*|cg_consent|JSESSIONID", "cg_consent|cg_consent|cg_consent",
        "site_*|site_pref|site_pref", "site_pref|site_pref|site_pref",
    })
    void aTrackerOverrideListingTheSessionOrConsentCookieIsAnError(String listed, String consentCookie,
            String covered) {
        InvalidPolicyException e = fileFails("/p.yaml", """
                consent-cookie-name: %s
                trackers:
                  - id: acme
                    name: Acme
                    owner: Acme
                    categories: [analytics]
                    cookies: ["%s"]
                """.formatted(consentCookie, listed));
        assertEquals("trackers", e.parameter());
        assertTrue(e.getMessage().contains("'" + covered + "'") && e.getMessage().contains("\"acme\"")
                && e.getMessage().contains("pattern " + listed) && e.getMessage().contains("/p.yaml"),
                e.getMessage());
    }

    @Test
    void policyFileTrackersMayNameAmpVendorTypes() {
        String yaml = """
                trackers:
                  - id: acme-ads
                    name: Acme Ads
                    owner: Acme
                    categories: [marketing]
                    ampTypes: [acmeads]
                """;
        Policy p = PolicyReader.read(Map.of("policy-file", "/p.yaml"),
                loc -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("acme-ads", p.catalog().matchAmpType("acmeads").tracker().id());
    }

    @Test
    void brokenOrMissingPolicyFileFailsNamingTheFile() {
        InvalidPolicyException missing = assertThrows(InvalidPolicyException.class,
                () -> read(Map.of("policy-file", "/WEB-INF/nope.json")));
        assertTrue(missing.getMessage().contains("nope.json"));
        InvalidPolicyException broken = assertThrows(InvalidPolicyException.class,
                () -> PolicyReader.read(Map.of("policy-file", "/p.json"),
                        loc -> new ByteArrayInputStream("{\"mode\": ".getBytes(StandardCharsets.UTF_8))));
        assertTrue(broken.getMessage().contains("/p.json"));
        InvalidPolicyException unknownKey = assertThrows(InvalidPolicyException.class,
                () -> PolicyReader.read(Map.of("policy-file", "/p.json"),
                        loc -> new ByteArrayInputStream("{\"moed\": \"opt-in\"}".getBytes(StandardCharsets.UTF_8))));
        assertEquals("moed", unknownKey.parameter());
        InvalidPolicyException badType = assertThrows(InvalidPolicyException.class,
                () -> read(Map.of("policy-file", "/p.txt")));
        assertEquals("policy-file", badType.parameter());
    }
    private static Policy readFile(String name, String text) {
        return PolicyReader.read(Map.of("policy-file", name),
                loc -> loc.equals(name) ? new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) : null);
    }

    private static InvalidPolicyException fileFails(String name, String text) {
        return assertThrows(InvalidPolicyException.class, () -> readFile(name, text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "consent-path: [/privacy, /consent]", "tracking-policy-url: [https://a.example/p, https://b.example/p]",
        "consent-return: [/a, /b]", "mode: [opt-out]", "consent-secret: [0123456789abcdef0123456789abcdef, x]",
        "consent-cookie-name: [a, b]", "policy-revision: [2]", "access-log: [json]",
        "{\"consent-path\": [\"/privacy\", \"/consent\"]}",
    })
    void aListForASingleValuedKeyIsAnErrorNotItsItemsJoined(String line) {
        boolean json = line.startsWith("{");
        String key = line.substring(json ? 2 : 0, line.indexOf(json ? "\":" : ":"));
        InvalidPolicyException e = fileFails(json ? "/p.json" : "/p.yaml", line + "\n");
        assertEquals(key, e.parameter());
        assertTrue(e.getMessage().contains("one value") && e.getMessage().contains("list")
                && e.getMessage().contains(json ? "/p.json" : "/p.yaml"), e.getMessage());
    }

    @Test
    void everyListParameterStillTakesAList() {
        Policy p = readFile("/p.yaml", """
                region-header: X-Country
                opt-in-regions: [DE, FR]
                opt-out-regions: [US]
                gpc-refuses: [analytics, marketing]
                dnt-refuses: [analytics]
                gpc-headers: [X-GPC]
                honour-cmps: [klaro]
                permissions-policy: ["browsing-topics=()", "interest-cohort=()"]
                cookie-expiry-paths: [/, /shop/]
                access-log-ip-mask: [v4=16, v6=32]
                trusted-proxies: [10.0.0.0/8, 192.168.0.1]
                beacon-paths: ["/stats/*=analytics", "/px=marketing"]
                """);
        assertEquals(java.util.List.of("/", "/shop/"), p.cookieExpiryPaths());
        assertEquals(java.util.List.of("/stats/*=analytics", "/px=marketing"), p.beacons().extraPaths());
        assertEquals(ConsentMode.OPT_IN, p.modeFor("FR"));
    }

    @Test
    void aKeyRepeatedInAPolicyFileIsAnErrorNotLastOneWins() {
        InvalidPolicyException yaml = fileFails("/p.yaml", """
                # legal: EU must be opt-in
                mode: opt-in
                gpc-refuses: marketing
                mode: opt-out
                """);
        assertEquals("policy-file", yaml.parameter());
        assertTrue(yaml.getMessage().contains("/p.yaml") && yaml.getMessage().contains("'mode'"), yaml.getMessage());
        InvalidPolicyException json = fileFails("/p.json", "{\"mode\": \"opt-in\", \"mode\": \"opt-out\"}");
        assertTrue(json.getMessage().contains("/p.json") && json.getMessage().contains("'mode'"), json.getMessage());
        fileFails("/p.yaml", "mode: opt-in\nmode: opt-in\n");
        fileFails("/p.yaml", "klaro-services:\n  matomo: analytics\n  matomo: marketing\n");
    }

    @Test
    void aSyntaxErrorIsOneLineThatSaysWhereItIs() {
        InvalidPolicyException yaml = fileFails("/p.yaml", "mode: opt-out\ngpc-refuses: marketing\n  vary: vary\n");
        assertTrue(yaml.getMessage().contains("line 3, column 7") && yaml.getMessage().contains("/p.yaml")
                && yaml.getMessage().contains("mapping values"), yaml.getMessage());
        InvalidPolicyException json = fileFails("/p.json", "{\n  \"mode\": \"opt-out\",\n  \"vary\": \"vary\",\n}\n");
        assertTrue(json.getMessage().contains("line 4, column 1") && json.getMessage().contains("/p.json"),
                json.getMessage());
        for (String text : new String[] {"a: [1, 2\n", "a: \"abc\n", "mode:\t opt-in\n\tvary: x\n"}) {
            InvalidPolicyException e = fileFails("/p.yaml", text);
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().contains(" at line "), e.getMessage());
        }
    }

    @Test
    void textAfterTheJsonObjectIsAnError() {
        InvalidPolicyException e = fileFails("/p.json", "{\"mode\": \"opt-in\"} trailing");
        assertTrue(e.getMessage().contains("/p.json") && e.getMessage().contains("after"), e.getMessage());
        fileFails("/p.json", "{\"mode\": \"opt-in\"}\n{\"mode\": \"opt-out\"}");
        assertEquals(ConsentMode.OPT_OUT, readFile("/p.json", "{\"mode\": \"opt-out\"}\n  \n").mode());
    }

    @Test
    void aSecondYamlDocumentIsAnErrorNotIgnored() {
        InvalidPolicyException e = fileFails("/p.yaml", "---\nmode: opt-in\n---\nmode: opt-out\n");
        assertTrue(e.getMessage().contains("/p.yaml") && e.getMessage().contains("document"), e.getMessage());
        assertEquals(ConsentMode.OPT_OUT, readFile("/p.yaml", "---\nmode: opt-out\n...\n").mode());
    }
    @Test
    void everyErrorAboutAValueFromThePolicyFileNamesTheFile() {
        InvalidPolicyException unknown = fileFails("/WEB-INF/cg.yaml", "mode: opt-in\nhtmlmode: remove\n");
        assertEquals("htmlmode", unknown.parameter());
        assertTrue(unknown.getMessage().contains("/WEB-INF/cg.yaml"), unknown.getMessage());
        InvalidPolicyException invalid = fileFails("/WEB-INF/cg.yaml", "mode: sometimes\n");
        assertEquals("mode", invalid.parameter());
        assertTrue(invalid.getMessage().contains("'sometimes'") && invalid.getMessage().contains("/WEB-INF/cg.yaml"),
                invalid.getMessage());
        InvalidPolicyException fromInitParam = assertThrows(InvalidPolicyException.class, () -> PolicyReader.read(
                Map.of("policy-file", "/WEB-INF/cg.yaml", "mode", "sometimes"),
                loc -> new ByteArrayInputStream("mode: opt-in\n".getBytes(StandardCharsets.UTF_8))));
        assertFalse(fromInitParam.getMessage().contains("cg.yaml"), "the init-param won: " + fromInitParam.getMessage());
    }

    /**
     * An unknown key's message leads with the known key it was likely meant to be, not with the list of all ~45: in
     * a policy file or as an init-param, misspelt, in the wrong case or with {@code _}.
     */
    @Test
    void anUnknownKeyLeadsWithTheKnownOneItWasLikelyMeantToBe() {
        InvalidPolicyException file = fileFails("/WEB-INF/cg.yaml", "gpc-refuse: marketing\n");
        assertEquals("gpc-refuse", file.parameter());
        assertEquals("ConsentGate: invalid configuration 'gpc-refuse': unknown parameter (the README's Init-params "
                + "table lists them all); did you mean 'gpc-refuses'? (in /WEB-INF/cg.yaml)", file.getMessage());
        InvalidPolicyException initParam = assertThrows(InvalidPolicyException.class,
                () -> read(Map.of("GPC_REFUSES", "marketing")));
        assertEquals("ConsentGate: invalid configuration 'GPC_REFUSES': unknown parameter (the README's Init-params "
                + "table lists them all); did you mean 'gpc-refuses' (names are lower case, with - between words)?",
                initParam.getMessage());
        InvalidPolicyException several = fileFails("/p.json", "{\"html\": false}");
        assertTrue(several.getMessage().contains("); did you mean one of 'html-rewrite', "
                + "'html-mode', 'html-max-held-bytes', 'html-on-overflow', 'html-stub-globals'?"),
                several.getMessage());
        InvalidPolicyException tracker = fileFails("/p.yaml", "tracker: []\n");
        assertTrue(tracker.getMessage().contains("did you mean 'trackers'?"), tracker.getMessage());
    }

    /**
     * With no known key near, the message lists the known ones, after the sentence that names the key: for a file
     * the keys a file takes (the structured ones, not {@code policy-file}), for an init-param the init-params.
     */
    @Test
    void anUnknownKeyNearNoKnownOneListsTheKnownOnesLast() {
        InvalidPolicyException file = fileFails("/p.yaml", "colour: blue\n");
        String m = file.getMessage();
        assertTrue(m.startsWith("ConsentGate: invalid configuration 'colour': unknown parameter, and no known one is "
                + "near that name. Known parameters: mode, region-header, "), m);
        assertTrue(m.endsWith(", beacon-pings, trackers (in /p.yaml)") && m.contains(", klaro-services, "), m);
        assertFalse(m.contains("policy-file") || m.contains("["), m);
        InvalidPolicyException initParam = assertThrows(InvalidPolicyException.class,
                () -> read(Map.of("colour", "blue")));
        assertTrue(initParam.getMessage().endsWith("Known parameters: "
                + String.join(", ", PolicyReader.PARAMETERS.keySet())), initParam.getMessage());
        assertFalse(initParam.getMessage().contains("trackers"), initParam.getMessage());
    }

    /** A web.xml init-param "trackers" is told where tracker entries are read, not listed the 45 parameters. */
    @Test
    void trackersAsAnInitParamIsToldToGoInThePolicyFile() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> read(Map.of("trackers", "[{id: acme}]")));
        assertEquals("trackers", e.parameter());
        assertTrue(e.getMessage().contains("policy file only") && e.getMessage().contains("policy-file"),
                e.getMessage());
        assertFalse(e.getMessage().contains("Known parameters"), e.getMessage());
    }

    @Test
    void aCatalogSectionIsToldToUseTrackers() {
        InvalidPolicyException e = fileFails("/p.yaml", "catalog:\n  trackers: []\n");
        assertEquals("catalog", e.parameter());
        assertTrue(e.getMessage().contains("trackers") && e.getMessage().contains("/p.yaml"), e.getMessage());
        assertFalse(e.getMessage().contains("must be a string"), e.getMessage());
    }

    @Test
    void policyFileNoneMeansNoPolicyFileAsTheTableSays() {
        assertEquals(Policy.defaults().toString(), read(Map.of("policy-file", "none")).toString());
        assertEquals(ConsentMode.OPT_OUT, read(Map.of("policy-file", "NONE", "mode", "opt-out")).mode());
    }
    @ParameterizedTest(name = "{0}=[{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "gpc-refuses|\"\"", "gpc-refuses|\"  \"", "gpc-refuses|,", "gpc-refuses|\" , ,, \"", "dnt-refuses|\"\"",
        "dnt-refuses|,,,", "opt-in-regions|,", "opt-out-regions|\"\"", "honour-cmps|\"\"", "klaro-services|,",
        "gpc-headers|\"\"", "cookie-expiry-paths|,", "beacon-paths|\"\"", "trusted-proxies|\"\"",
        "consent-secret|\"\"", "consent-secret|\"   \"", "region-header|\"\"", "gpc-last-update|\"\"",
        "tracking-policy-url|\"\"", "consent-path|\"\"", "permissions-policy|\"\"", "policy-file|\"\"",
    })
    void anEmptyValueIsAnErrorNeverNone(String name, String value) {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> read(Map.of(name, value)));
        assertEquals(name, e.parameter());
    }

    @Test
    void anEmptyCategoryListSaysToWriteNone() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> read(Map.of("gpc-refuses", "")));
        assertTrue(e.getMessage().contains("none"), e.getMessage());
        assertEquals(Set.of(), read(Map.of("gpc-refuses", "none")).gpcRefuses());
        assertEquals(Set.of(), read(Map.of("dnt-refuses", "NONE")).dntRefuses());
        assertNull(read(Map.of("consent-secret", "none")).consentSecret());
    }

    @Test
    void anEmptyListInAPolicyFileIsAnErrorNeverNone() {
        for (String yaml : new String[] {"gpc-refuses:\n", "gpc-refuses: []\n", "gpc-refuses: \"\"\n",
            "dnt-refuses: [\"\", \" \"]\n", "consent-secret:\n"}) {
            InvalidPolicyException e = fileFails("/p.yaml", yaml);
            assertTrue(e.getMessage().contains("/p.yaml"), e.getMessage());
        }
        assertEquals(Set.of(), readFile("/p.yaml", "gpc-refuses: none\n").gpcRefuses());
        assertEquals(Set.of(), readFile("/p.yaml", "gpc-refuses: [none]\n").gpcRefuses());
    }
    @Test
    void anUnquotedYamlOffIsOffWhereOffIsAValue() {
        assertNull(readFile("/p.yaml", "permissions-policy: off\n").permissionsPolicy());
        assertNull(readFile("/p.yaml", "consent-path: off\n").consentPath());
        assertEquals(io.consentgate.log.AccessLogFormat.OFF, readFile("/p.yaml", "access-log: off\n").accessLog());
        assertNull(readFile("/p.yaml", "permissions-policy: \"off\"\n").permissionsPolicy());
        assertNull(readFile("/p.json", "{\"permissions-policy\": false}").permissionsPolicy());
        assertTrue(readFile("/p.yaml", "report-only: yes\n").reportOnly());
        assertFalse(readFile("/p.yaml", "tk-header: off\n").tkHeader());
        for (String key : PolicyParameters.OFF_KEYS) {
            assertTrue(PolicyParameters.takes(key, "off"), key);
        }
    }

    /**
     * A parameter that names something (a cookie, a header, an attribute) takes "off" as a name: YAML's unquoted no or
     * off there is an error, never a cookie or header silently called "off", and an empty value is not told to write
     * off or none (which would be names too).
     */
    @Test
    void anUnquotedYamlOffIsAnErrorWhereOffWouldBeAName() {
        for (String yaml : new String[] {"consent-cookie-name: no\n", "region-header: off\n",
            "consent-attribute: false\n", "gpc-headers: off\n"}) {
            InvalidPolicyException e = fileFails("/p.yaml", yaml);
            assertTrue(e.getMessage().contains("boolean") && e.getMessage().contains("quote"), e.getMessage());
        }
        assertEquals("off", readFile("/p.yaml", "consent-cookie-name: \"off\"\n").consentCookieName());
        for (String key : PolicyParameters.NAME_KEYS) {
            InvalidPolicyException empty = fileFails("/p.yaml", key + ":\n");
            assertTrue(empty.getMessage().contains("write a value"), empty.getMessage());
        }
    }

    @Test
    void aYamlBooleanWhereTextIsNeededIsAnErrorThatSaysToQuoteIt() {
        for (String yaml : new String[] {"mode: on\n", "consent-path: on\n", "permissions-policy: yes\n",
            "honour-cmps: [klaro, no]\n", "vary: true\n"}) {
            InvalidPolicyException e = fileFails("/p.yaml", yaml);
            assertTrue(e.getMessage().contains("boolean") && e.getMessage().contains("quote")
                    && e.getMessage().contains("/p.yaml"), e.getMessage());
        }
        assertTrue(fileFails("/p.yaml", "mode: On\n").getMessage().contains("'On' was read as the boolean true"));
    }

    /**
     * A no where categories are listed meant none, a yes some categories: quoting it would only give "'no' is not a
     * category", so the message says what to write, whether YAML read it as a boolean or it was written as text.
     */
    @Test
    void aYesOrNoForACategoryListSaysToWriteNoneOrTheCategoriesNotToQuoteIt() {
        assertEquals("ConsentGate: invalid configuration 'gpc-refuses': 'no' is not a category (necessary, functional, "
                + "analytics, marketing): to refuse no category, write none (in /p.yaml)",
                fileFails("/p.yaml", "gpc-refuses: no\n").getMessage());
        for (String yaml : new String[] {"dnt-refuses: Off\n", "gpc-refuses: false\n", "gpc-refuses: [no]\n",
            "gpc-refuses: 'no'\n"}) {
            String m = fileFails("/p.yaml", yaml).getMessage();
            assertTrue(m.endsWith(": to refuse no category, write none (in /p.yaml)") && !m.contains("quote"), m);
        }
        String json = fileFails("/p.json", "{\"dnt-refuses\": false}").getMessage();
        assertTrue(json.contains("'false' is not a category") && json.contains("write none (in /p.json)"), json);
        for (String no : new String[] {"no", "OFF", "false"}) {
            String m = assertThrows(InvalidPolicyException.class, () -> read(Map.of("dnt-refuses", no))).getMessage();
            assertTrue(m.endsWith("'" + no + "' is not a category (necessary, functional, analytics, marketing): to "
                    + "refuse no category, write none"), m);
        }
        for (String yes : new String[] {"gpc-refuses: yes\n", "dnt-refuses: on\n", "gpc-refuses: [true]\n"}) {
            String m = fileFails("/p.yaml", yes).getMessage();
            assertTrue(m.contains("' is not a category") && m.contains(": list the categories to refuse, like "
                    + "analytics, marketing (in /p.yaml)"), m);
        }
        String inList = fileFails("/p.yaml", "gpc-refuses: [marketing, off]\n").getMessage();
        assertTrue(inList.contains("'off' is not a category") && inList.contains("write none alone"), inList);
        String other = assertThrows(InvalidPolicyException.class, () -> read(Map.of("gpc-refuses", "ads")))
                .getMessage();
        assertTrue(other.endsWith("'ads' is not a category (necessary, functional, analytics, marketing)"), other);
    }
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "consent-secret: 0x1234567890abcdef1234567890abcdef12|0x1234567890abcdef1234567890abcdef12",
        "consent-secret: 1_234_567_890_123_456_789_012_345_678_901_234|1_234_567_890_123_456_789_012_345_678_901_234",
        "consent-secret: 01234567012345670123456701234567012|01234567012345670123456701234567012",
        "policy-revision: 0x10|0x10", "policy-revision: 010|010", "policy-revision: +2|+2",
        "consent-max-age-days: 1_000|1_000", "gpc-headers: [X-GPC, 0x1]|0x1", "consent-attribute: 1e3|1e3",
        "consent-cookie-name: 1.50|1.50",
    })
    void aYamlNumberNotWrittenAsItsValueIsAnErrorThatSaysToQuoteIt(String yaml, String written) {
        String key = yaml.substring(0, yaml.indexOf(':'));
        InvalidPolicyException e = fileFails("/p.yaml", yaml + "\n");
        assertEquals(key, e.parameter());
        assertTrue(e.getMessage().contains("'" + written + "'") && e.getMessage().contains("number")
                && e.getMessage().contains("quote it") && e.getMessage().contains("/p.yaml"), e.getMessage());
    }

    @Test
    void aNumberWrittenAsItsValueIsItsTextAndAQuotedOneIsAsWritten() {
        Policy plain = readFile("/WEB-INF/p.yaml", """
                policy-revision: 7
                consent-max-age-days: 30
                consent-secret: 12345678901234567890123456789012345
                """);
        assertEquals(7, plain.policyRevision());
        assertArrayEquals("12345678901234567890123456789012345".getBytes(StandardCharsets.UTF_8),
                plain.consentSecret());
        Policy quoted = readFile("/WEB-INF/p.yaml", "consent-secret: \"0x1234567890abcdef1234567890abcdef12\"\n");
        assertArrayEquals("0x1234567890abcdef1234567890abcdef12".getBytes(StandardCharsets.UTF_8),
                quoted.consentSecret());
        assertEquals(3, readFile("/p.json", "{\"policy-revision\": 3}").policyRevision());
        InvalidPolicyException json = fileFails("/p.json", "{\"consent-secret\": 1e40}");
        assertTrue(json.getMessage().contains("'1e40'") && json.getMessage().contains("quote it"), json.getMessage());
    }

    @Test
    void aRegionInBothRegionListsIsAnErrorInEitherOrder() {
        for (boolean optInFirst : new boolean[] {true, false}) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("region-header", "X-Country");
            if (optInFirst) {
                params.put("opt-in-regions", "DE, FR, at");
            }
            params.put("opt-out-regions", "de, US, AT");
            if (!optInFirst) {
                params.put("opt-in-regions", "DE, FR, at");
            }
            InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> read(params));
            String m = e.getMessage();
            assertTrue(m.contains("DE") && m.contains("AT") && !m.contains("FR") && !m.contains("US")
                    && m.contains("opt-in-regions") && m.contains("opt-out-regions"), m);
        }
        InvalidPolicyException file = fileFails("/p.yaml",
                "region-header: X-Country\nopt-in-regions: [DE, FR, IT]\nopt-out-regions: [US, DE]\n");
        assertTrue(file.getMessage().contains("DE") && file.getMessage().contains("/p.yaml"), file.getMessage());
        assertThrows(InvalidPolicyException.class, () -> Policy.builder().regionHeader("X-Country")
                .regionMode("DE", ConsentMode.OPT_IN).regionMode("DE", ConsentMode.OPT_OUT).build());
        Policy nested = read(Map.of("region-header", "X-Country", "opt-in-regions", "US-CA", "opt-out-regions", "US"));
        assertEquals(ConsentMode.OPT_IN, nested.modeFor("US-CA"), "a state beside its country is no conflict");
    }

    @Test
    void regionListsWithoutARegionHeaderAreAnError() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> read(Map.of("mode", "opt-out", "opt-in-regions", "DE,FR,IT,ES")));
        assertEquals("opt-in-regions", e.parameter());
        assertTrue(e.getMessage().contains("region-header"), e.getMessage());
        InvalidPolicyException out = assertThrows(InvalidPolicyException.class,
                () -> read(Map.of("opt-out-regions", "US", "region-header", "none")));
        assertEquals("opt-out-regions", out.parameter());
        assertThrows(InvalidPolicyException.class,
                () -> Policy.builder().regionMode("DE", ConsentMode.OPT_IN).build());
        assertEquals(ConsentMode.OPT_IN, read(Map.of("mode", "opt-out", "opt-in-regions", "DE",
                "region-header", "CF-IPCountry")).modeFor("DE"));
    }
    @Test
    void gpcHeadersAddToSecGpcAndNeverReplaceIt() {
        assertEquals(java.util.List.of("Sec-GPC", "X-GPC"), read(Map.of("gpc-headers", "X-GPC")).gpcHeaders());
        assertEquals(java.util.List.of("Sec-GPC", "X-GPC"), read(Map.of("gpc-headers", "x-gpc, sec-gpc, X-GPC"))
                .gpcHeaders().stream().map(h -> h.equalsIgnoreCase("x-gpc") ? "X-GPC" : h).toList());
        assertEquals(java.util.List.of("Sec-GPC"), read(Map.of("gpc-headers", "none")).gpcHeaders());
        assertEquals(java.util.List.of("Sec-GPC"), Policy.builder().gpcHeaders().build().gpcHeaders());
    }
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "consent-path|/", "consent-path|/a/../consent", "consent-path|/./consent", "consent-path|/privacy/..",
        "consent-path|/a//consent", "consent-path|/consent;v=1", "consent-path|/.well-known/gpc.json",
        "consent-path|/.well-known/dnt/", "consent-path|/.well-known/dnt", "consent-return|/a/../thanks",
        "consent-return|/./", "cookie-expiry-paths|/, /shop/../cart", "cookie-expiry-paths|/a;b",
        "cookie-expiry-paths|/shop//cart",
    })
    void aPathThatCannotMatchOrShadowsAnotherIsAnError(String name, String value) {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> read(Map.of(name, value)));
        assertEquals(name, e.parameter());
        assertTrue(e.getMessage().contains(value.contains(",") ? value.substring(value.indexOf(',') + 1).strip()
                : value), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"bytes=4", "bytes=0", "v4=32", "v6=128", "v4=25,v6=48", "BYTES = 9"})
    void anIpMaskOutsideThePolicysRangesNamesThePolicysRanges(String mask) {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> read(Map.of("access-log-ip-mask", mask)));
        assertEquals("access-log-ip-mask", e.parameter());
        assertTrue(e.getMessage().contains("'" + mask + "'") && e.getMessage().contains("bytes=1..3")
                && e.getMessage().contains("v4=0..24") && !e.getMessage().contains("0..3"), e.getMessage());
    }

    @Test
    void anIpMaskInsideThePolicysRangesIsTaken() {
        assertEquals(16, read(Map.of("access-log-ip-mask", "bytes=2")).ipMask().v4Bits());
        assertEquals(24, read(Map.of("access-log-ip-mask", "v4=24,v6=64")).ipMask().v4Bits());
        assertEquals(0, read(Map.of("access-log-ip-mask", "v4=0")).ipMask().v4Bits());
    }

    @Test
    void aListOfNothingAdvisesNoneOnlyWhereNoneIsAValue() {
        InvalidPolicyException paths = assertThrows(InvalidPolicyException.class,
                () -> read(Map.of("cookie-expiry-paths", ",")));
        assertFalse(paths.getMessage().contains("none"), paths.getMessage());
        assertTrue(paths.getMessage().contains("at least one"), paths.getMessage());
        assertThrows(InvalidPolicyException.class, () -> read(Map.of("cookie-expiry-paths", "none")),
                "none is no value of cookie-expiry-paths");
        InvalidPolicyException refuses = assertThrows(InvalidPolicyException.class,
                () -> read(Map.of("gpc-refuses", " , ")));
        assertTrue(refuses.getMessage().contains("write none"), refuses.getMessage());
    }

    @Test
    void ordinaryPathsStayValid() {
        assertEquals("/consent/", read(Map.of("consent-path", "/consent/")).consentPath());
        assertEquals("/privacy/consent", read(Map.of("consent-path", "/privacy/consent")).consentPath());
        assertEquals("/.well-known/consent", read(Map.of("consent-path", "/.well-known/consent")).consentPath());
        assertEquals("/", read(Map.of("consent-return", "/")).consentReturn());
        assertEquals(java.util.List.of("/", "/shop/"), read(Map.of("cookie-expiry-paths", "/, /shop/"))
                .cookieExpiryPaths());
    }

    /** The known consent managers are listed in one order, the same on every start, so the message can be searched. */
    @Test
    void anUnknownConsentManagerListsTheKnownOnesInAFixedOrder() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> PolicyReader.read(Map.of("honour-cmps", "cookiebot,acme"), location -> null));
        assertTrue(e.getMessage().endsWith("unknown consent manager 'acme'; known: [cookiebot, onetrust, "
                + "cookieconsent, klaro, tcf, usprivacy]"), e.getMessage());
    }
}
