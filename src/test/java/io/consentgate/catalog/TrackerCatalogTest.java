package io.consentgate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentgate.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackerCatalogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private static TrackerCatalog catalog(String trackersArray) {
        return TrackerCatalog.fromJson(json("{\"version\":1,\"trackers\":" + trackersArray + "}"));
    }

    @Test
    void bundledCatalogIsLoadedOnceAndHasAtLeastNinetyTrackers() {
        assertSame(TrackerCatalog.bundled(), TrackerCatalog.bundled());
        long trackers = TrackerCatalog.bundled().trackers().stream().filter(t -> !t.id().startsWith("ocd-")).count();
        assertTrue(trackers >= 90, "trackers: " + trackers);
    }

    @Test
    void cookieOnlyRulesComeAfterTheTrackersAndNeverCatchApplicationCookies() {
        List<Tracker> all = TrackerCatalog.bundled().trackers();
        int firstOcd = 0;
        while (!all.get(firstOcd).id().startsWith("ocd-")) {
            firstOcd++;
        }
        assertTrue(firstOcd >= 90);
        assertTrue(all.subList(firstOcd, all.size()).stream().allMatch(t -> t.id().startsWith("ocd-")));
        TrackerCatalog c = TrackerCatalog.bundled();
        assertEquals("ocd-google-optimize", c.matchCookie("_opt_expid", null).tracker().id());
        for (String appCookie : List.of("auth_token", "session", "sessionid", "JSESSIONID", "PHPSESSID", "csrftoken",
                "XSRF-TOKEN", "_tracking_consent", "cart", "lang", "user_id", "visitor_id", "remember_me", "token",
                "wordpress_logged_in_abc", "laravel_session", "connect.sid", "__Host-session", "cookieconsent_status",
                "CookieConsent", "OptanonConsent", "cc_cookie", "klaro", "usprivacy", "euconsent-v2")) {
            TrackerMatch m = c.matchCookie(appCookie, null);
            assertNull(m, () -> appCookie + " matched " + m.tracker().id());
        }
        assertEquals("ocd-x", c.matchCookie("auth_token", ".twitter.com").tracker().id());
    }

    @Test
    void everyBundledTrackerIsCompleteAndNoHostIsListedTwice() {
        Map<String, String> hostOwner = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Tracker t : TrackerCatalog.bundled().trackers()) {
            assertTrue(ids.add(t.id()), "duplicate id " + t.id());
            assertFalse(t.name().isBlank(), t.id());
            assertFalse(t.owner().isBlank(), t.id());
            assertFalse(t.categories().isEmpty(), t.id());
            assertFalse(t.categories().contains(Category.NECESSARY), t.id());
            if (t.id().startsWith("ocd-")) {
                assertTrue(t.hosts().isEmpty() && t.signatures().isEmpty() && !t.cookies().isEmpty(), t.id());
            } else if (t.hosts().isEmpty() && t.signatures().isEmpty()) {
                // only loader paths (a plugin's own script on the site's host): each must name the entry
                List<String> loaders = bundledLoaders(t.id());
                assertFalse(loaders.isEmpty(), t.id() + " cannot match any markup");
                for (String loader : loaders) {
                    // a "?id=PREFIX" rule needs a letter or digit after the prefix; a "[attribute]" rule the element's
                    // attribute
                    int bracket = loader.indexOf('[');
                    String path = bracket < 0 ? loader : loader.substring(0, bracket);
                    String attribute = bracket < 0 ? null : loader.substring(bracket + 1, loader.length() - 1);
                    String url = "https://site.example/assets" + path + (path.contains("?") ? "1" : "");
                    TrackerMatch m = TrackerCatalog.bundled().matchLoader(url, a -> a.equals(attribute));
                    assertEquals(t.id(), m == null ? null : m.tracker().id(), loader);
                }
            }
            for (int i = 0; i < t.hosts().size(); i++) {
                String key = t.hosts().get(i) + t.pathPrefixes().get(i);
                String prev = hostOwner.put(key, t.id());
                assertNull(prev, key + " listed by " + prev + " and " + t.id());
                // Each listed host must match itself (through the same parser the rewriter uses).
                String path = t.pathPrefixes().get(i).replace("#", "4321"); // a '#' segment is a number
                String url = "https://" + t.hosts().get(i) + (path.isEmpty() ? "/x.js" : path + "?x");
                TrackerMatch m = TrackerCatalog.bundled().matchUrl(url, null);
                assertNotNull(m, key);
            }
        }
    }

    private static List<String> bundledLoaders(String id) {
        try (InputStream in = TrackerCatalog.class.getResourceAsStream("trackers.json")) {
            for (JsonNode t : JSON.readTree(in).get("trackers")) {
                if (t.get("id").asText().equals(id) && t.has("loaders")) {
                    List<String> out = new ArrayList<>();
                    // a shaped '*' stands for the vendor's id, which LoaderMatchTest writes out: plain paths only
                    t.get("loaders").forEach(l -> {
                        if (!l.isObject()) {
                            out.add(l.asText());
                        }
                    });
                    return out;
                }
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyBundledHostIsMatchedBySomeScriptLiteral() {
        TrackerCatalog c = TrackerCatalog.bundled();
        for (Tracker t : c.trackers()) {
            for (int i = 0; i < t.hosts().size(); i++) {
                String path = t.pathPrefixes().get(i).isEmpty() ? "/x.js"
                    : t.pathPrefixes().get(i).replace("#", "4321") + "?x";
                byte[] b = ("s.src='https://" + t.hosts().get(i) + path + "';").getBytes(StandardCharsets.US_ASCII);
                assertTrue(c.matchScript(b, 0, b.length).stream().anyMatch(m -> m.tracker().equals(t)),
                        t.hosts().get(i));
            }
        }
    }

    @Test
    void requiredVendorsArePresent() {
        List<String> required = List.of("google-tag", "google-analytics", "google-ads", "doubleclick",
                "google-adsense", "meta-pixel", "linkedin-insight", "microsoft-clarity", "bing-uet", "hotjar",
                "tiktok-pixel", "segment", "mixpanel", "amplitude", "heap", "fullstory", "yandex-metrica", "matomo",
                "plausible", "pinterest-tag", "snap-pixel", "reddit-pixel", "x-pixel", "quora-pixel", "criteo",
                "taboola", "outbrain", "adobe-analytics", "adobe-launch", "hubspot", "intercom", "crazy-egg",
                "mouseflow", "lucky-orange", "quantcast", "amazon-ads", "yahoo-ads", "microsoft-xandr",
                "new-relic-browser", "posthog", "logrocket", "smartlook", "cloudflare-web-analytics", "fathom", "umami",
                "piwik-pro", "piwik-pro-tag-manager", "tealium-iq", "klaviyo", "adroll", "pardot", "marketo-munchkin",
                "zoominfo", "leadfeeder", "clearbit", "awin", "stackadapt", "podsights", "drift");
        for (String id : required) {
            assertTrue(TrackerCatalog.bundled().tracker(id).isPresent(), id);
        }
        assertEquals(Set.of(Category.FUNCTIONAL), TrackerCatalog.bundled().tracker("intercom").get().categories());
        // chats a visitor uses are functional alike
        assertEquals(Set.of(Category.FUNCTIONAL), TrackerCatalog.bundled().tracker("drift").get().categories());
    }

    @Test
    void javaPlatformTrackersHaveTheCategoriesOfWhatTheyDo() {
        Map<String, Set<Category>> expected = Map.of(
            "sap-emarsys", Set.of(Category.MARKETING),
            "sap-commerce-profile-tag", Set.of(Category.MARKETING),
            "salesforce-commerce-einstein", Set.of(Category.MARKETING),
            "salesforce-interactions", Set.of(Category.MARKETING),
            "salesforce-commerce-analytics", Set.of(Category.ANALYTICS),
            "liferay-analytics-cloud", Set.of(Category.ANALYTICS),
            "bloomreach-engagement", Set.of(Category.MARKETING),
            "adobe-target", Set.of(Category.ANALYTICS),
            // it forwards to whatever the datastream names, Audience Manager included, like a tag manager
            "adobe-web-sdk", Set.of(Category.ANALYTICS, Category.MARKETING));
        expected.forEach((id, cats) -> assertEquals(cats,
                TrackerCatalog.bundled().tracker(id).orElseThrow(() -> new AssertionError(id)).categories(), id));
    }

    @Test
    void overridesReplaceByIdAddNewEntriesAndDisable() {
        TrackerCatalog base = TrackerCatalog.bundled();
        TrackerCatalog overrides = catalog("""
            [{"id":"hotjar","name":"Hotjar (self-declared functional)","owner":"Hotjar Ltd",
              "categories":["functional"],"hosts":["static.hotjar.com"]},
             {"id":"meta-pixel","disabled":true},
             {"id":"acme-stats","name":"Acme Stats","owner":"Acme","categories":["analytics"],
              "hosts":["stats.acme-analytics.test"],"signatures":["acmeStats.track("],
              "cookies":["_acme_*",{"name":"sid","generic":true}],"cookieDomains":["acme-analytics.test"],
              "endpoints":["/acme/hit",{"path":"/hit","generic":true}]}]""");
        assertEquals(Set.of("meta-pixel"), overrides.disabledIds());
        TrackerCatalog merged = base.withOverrides(overrides);

        assertEquals(base.trackers().size(), merged.trackers().size(), "one replaced, one removed, one added");
        TrackerMatch hj = merged.matchUrl("https://static.hotjar.com/c/hotjar-1.js", null);
        assertEquals(Set.of(Category.FUNCTIONAL), hj.categories());
        assertNull(merged.matchUrl("https://script.hotjar.com/modules.js", null), "replaced entry lists fewer hosts");
        assertNull(merged.matchUrl("https://connect.facebook.net/en_US/fbevents.js", null));
        assertNull(merged.matchCookie("_fbp", null));
        byte[] fbq = "fbq('init','1')".getBytes(StandardCharsets.US_ASCII);
        assertTrue(merged.matchScript(fbq, 0, fbq.length).isEmpty());
        assertEquals("acme-stats", merged.matchUrl("//cdn.stats.acme-analytics.test/a.js", null).tracker().id());
        byte[] acme = "acmeStats.track('view')".getBytes(StandardCharsets.US_ASCII);
        assertEquals("acme-stats", merged.matchScript(acme, 0, acme.length).get(0).tracker().id());
        assertEquals("acme-stats", merged.matchCookie("_acme_v", null).tracker().id());
        assertEquals("acme-stats", merged.matchCookie("sid", ".acme-analytics.test").tracker().id());
        assertNull(merged.matchCookie("sid", null));
        assertEquals("acme-stats", merged.matchEndpoint("/acme/hit").tracker().id());
        assertNull(merged.matchEndpoint("/hit"));
        assertEquals("acme-stats", merged.matchEndpoint("/hit", true).tracker().id());

        // The base catalog is unchanged.
        assertNotNull(base.matchUrl("https://connect.facebook.net/en_US/fbevents.js", null));
        assertEquals(Set.of(Category.ANALYTICS),
                base.matchUrl("https://static.hotjar.com/c/hotjar-1.js", null).categories());
    }

    @Test
    void anOverrideClaimingAnExistingHostWins() {
        TrackerCatalog merged = TrackerCatalog.bundled().withOverrides(catalog("""
            [{"id":"own-gtm","name":"Our tag server","owner":"Acme","categories":["analytics"],
              "hosts":["www.googletagmanager.com"],"endpoints":["/g/collect"]}]"""));
        assertEquals("own-gtm", merged.matchUrl("https://www.googletagmanager.com/gtm.js", null).tracker().id());
        assertEquals("google-tag", merged.matchUrl("https://googletagmanager.com/gtm.js", null).tracker().id());
        assertEquals("own-gtm", merged.matchEndpoint("/g/collect").tracker().id());
    }

    @Test
    void aMorePreciseHostPathRuleWinsInInlineScriptsAsInUrls() {
        // an operator who uses Facebook Login lets the SDK through as functional while the Pixel on the same host
        // stays marketing: the SDK's inline loader must be the SDK, as its <script src> is, not the Pixel too
        TrackerCatalog merged = TrackerCatalog.bundled().withOverrides(catalog("""
            [{"id":"facebook-sdk","name":"Facebook SDK","owner":"Meta","categories":["functional"],
              "hosts":["connect.facebook.net/en_US/sdk.js"]}]"""));
        assertEquals("facebook-sdk", merged.matchUrl("https://connect.facebook.net/en_US/sdk.js", null).tracker().id());
        byte[] sdk = ("js.src = \"https://connect.facebook.net/en_US/sdk.js\"; window.fbAsyncInit = function () "
                + "{ FB.init({appId: '1', version: 'v19.0'}); };").getBytes(StandardCharsets.UTF_8);
        List<TrackerMatch> m = merged.matchScript(sdk, 0, sdk.length);
        assertEquals(List.of("facebook-sdk"), m.stream().map(x -> x.tracker().id()).toList());
        byte[] pixel = "s.src='https://connect.facebook.net/en_US/fbevents.js';".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("meta-pixel"),
                merged.matchScript(pixel, 0, pixel.length).stream().map(x -> x.tracker().id()).toList());
    }

    @Test
    void parsesHostPathRulesAndCookieForms() {
        TrackerCatalog c = catalog("""
            [{"id":"x","name":"X","owner":"O","categories":["marketing","analytics"],
              "hosts":["px.example.test","shared.example.test/pixel/","root.example.test/"],
              "cookies":["a","b*","c*d",{"name":"e","generic":true}],
              "tagIds":{"M-":["marketing"]}}]""");
        Tracker t = c.trackers().get(0);
        assertEquals(List.of("px.example.test", "shared.example.test", "root.example.test"), t.hosts());
        assertEquals(List.of("", "/pixel/", ""), t.pathPrefixes());
        assertEquals(List.of(new CookiePattern("a", false, false), new CookiePattern("b", true, false),
                new CookiePattern("c*d", false, false), new CookiePattern("e", false, true)), t.cookies());
        assertEquals(List.of(new TagIdRule("M-", Set.of(Category.MARKETING))), c.tagIdRules("x"));
        assertEquals(Set.of(Category.MARKETING),
                c.matchUrl("https://px.example.test/p?id=M-1", null).categories());
        assertNull(c.matchUrl("https://shared.example.test/pixelated", null));
        assertNotNull(c.matchUrl("https://shared.example.test/pixel/1.gif", null));
    }

    @Test
    void aTagIdPrefixMayCarryTheShapeOfItsIds() {
        TrackerCatalog c = catalog("""
            [{"id":"x","name":"X","owner":"O","categories":["marketing","analytics"],
              "signatures":["xTag.init("],"loaders":["/?id=XA-"],
              "tagIds":{"XA-":{"categories":["analytics"],"body":"[0-9]{6}"},"XM-":["marketing"],
                        "XB-":{"categories":["marketing"]}}}]""");
        assertEquals(List.of(new TagIdRule("XA-", Set.of(Category.ANALYTICS),
                java.util.regex.Pattern.compile("[0-9]{6}")), new TagIdRule("XM-", Set.of(Category.MARKETING)),
                new TagIdRule("XB-", Set.of(Category.MARKETING))), c.tagIdRules("x"));
        byte[] shaped = "xTag.init('XA-123456');".getBytes(StandardCharsets.UTF_8);
        assertEquals(Set.of(Category.ANALYTICS), c.matchScript(shaped, 0, shaped.length).get(0).categories());
        // a body of another shape is no id of the prefix: the entry's own categories
        for (String other : List.of("XA-12345", "XA-1234567", "XA-123456-b", "XA-12345a")) {
            byte[] b = ("xTag.init('" + other + "');").getBytes(StandardCharsets.UTF_8);
            assertEquals(Set.of(Category.ANALYTICS, Category.MARKETING),
                    c.matchScript(b, 0, b.length).get(0).categories(), other);
        }
        // a prefix without a body takes any id that starts with an upper-case letter or digit, as before
        byte[] any = "xTag.init('XM-1');".getBytes(StandardCharsets.UTF_8);
        assertEquals(Set.of(Category.MARKETING), c.matchScript(any, 0, any.length).get(0).categories());
        // the loader's value prefix is a shaped tag-id prefix: the value needs that shape too (ASCII case ignored)
        assertEquals(Set.of(Category.ANALYTICS), c.matchLoader("/t/?id=XA-123456&l=d").categories());
        assertEquals(Set.of(Category.ANALYTICS), c.matchLoader("/t/?id=xa-123456").categories());
        assertNull(c.matchLoader("/t/?id=XA-1234"));
        assertNull(c.matchLoader("/t/?id=XA-123456-manual"));
        // so does a host URL's id: the loader's URL and the script that configures it agree
        assertEquals(Set.of(Category.ANALYTICS, Category.MARKETING),
                TrackerCatalog.bundled().matchUrl("https://www.googletagmanager.com/gtag/js?id=G-TEST12345", null)
                        .categories());
        assertEquals(Set.of(Category.ANALYTICS),
                TrackerCatalog.bundled().matchUrl("https://www.googletagmanager.com/gtag/js?id=G-PSW1MY7HB4&l=dl",
                        null).categories());
    }

    /** A malformed entry gives an error naming the entry and the field. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
        [{"name":"N","owner":"O","categories":["analytics"],"hosts":["a.test"]}]                      | tracker #0: field "id" is required
        [{"id":"Bad Id","name":"N","owner":"O","categories":["analytics"],"hosts":["a.test"]}]        | tracker #0 "Bad Id": field "id": use lower-case letters, digits, '-', '_' and '.'
        [{"id":"a","owner":"O","categories":["analytics"],"hosts":["a.test"]}]                         | tracker #0 "a": field "name" is required
        [{"id":"a","name":"N","owner":"O","categories":["stats"],"hosts":["a.test"]}]                  | tracker #0 "a": field "categories": unknown category "stats"
        [{"id":"a","name":"N","owner":"O","categories":["necessary"],"hosts":["a.test"]}]              | tracker #0 "a": field "categories": "necessary"
        [{"id":"a","name":"N","owner":"O","categories":[],"hosts":["a.test"]}]                         | tracker #0 "a": field "categories" must be a non-empty array
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"hosts":["A.test"]}]              | tracker #0 "a": field "hosts": "A.test"
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"hosts":["https://a.test/x"]}]    | tracker #0 "a": field "hosts": "https://a.test/x"
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"hosts":["a.test/s#/x"]}]         | tracker #0 "a": field "hosts": "a.test/s#/x": '#' stands for a number only as a whole segment
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"hosts":["a.test/#x"]}]           | tracker #0 "a": field "hosts": "a.test/#x": '#' stands for a number only as a whole segment
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"loaders":[{"path":"/acme.js","wildcard":"[0-9]+"}]}] | tracker #0 "a": field "loaders": "/acme.js" has no '*'
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"loaders":[{"path":"/acme-*.js","wildcard":"[0-9"}]}] | tracker #0 "a": field "loaders": "/acme-*.js": "wildcard": not a regular expression
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"loaders":[{"path":"/acme-*.js","wildcard":"[0-9]*"}]}] | tracker #0 "a": field "loaders": "/acme-*.js": "wildcard" must not match an empty name
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"loaders":[{"path":"/acme-*.js","shape":"[0-9]+"}]}] | tracker #0 "a": field "loaders": {"path"
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"loaders":"/acme.js"}]            | tracker #0 "a": field "loaders" must be an array
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"hosts":"a.test"}]                | tracker #0 "a": field "hosts" must be an array
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"host":["a.test"]}]               | tracker #0 "a": unknown field "host"
        [{"id":"a","name":"N","owner":"O","categories":["analytics"]}]                                 | tracker #0 "a": needs at least one of
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"signatures":["x("]}]             | tracker #0 "a": field "signatures": "x("
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"signatures":["acme_cfg_"]}]      | tracker #0 "a": field "signatures": "acme_cfg_" ends with '_'
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"cookies":["a*b*c"]}]             | tracker #0 "a": field "cookies": bad cookie name pattern "a*b*c"
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"cookies":[{"name":"x","generic":"yes"}]}] | tracker #0 "a": field "cookies"
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"endpoints":["collect"]}]          | tracker #0 "a": field "endpoints": "collect"
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"endpoints":["/*"]}]              | tracker #0 "a": field "endpoints": "/*": the whole site cannot be a beacon path
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"endpoints":["/"]}]               | tracker #0 "a": field "endpoints": "/": the site's root (its home page) cannot be a beacon path
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"endpoints":[{"path":"//","generic":true}]}] | tracker #0 "a": field "endpoints": "//": the site's root
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"endpoints":["/hit;v=1"]}]        | tracker #0 "a": field "endpoints": "/hit;v=1": write the decoded path without ;, %
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"endpoints":["/hit%2Fx"]}]        | tracker #0 "a": field "endpoints": "/hit%2Fx": write the decoded path without ;, %
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"endpoints":["/stats/../hit"]}]   | tracker #0 "a": field "endpoints": "/stats/../hit": empty, . and .. segments are not allowed
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"endpoints":["/a//hit"]}]         | tracker #0 "a": field "endpoints": "/a//hit": empty, . and .. segments
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"endpoints":["/./stats/*"]}]      | tracker #0 "a": field "endpoints": "/./stats/*": empty, . and .. segments
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"hosts":["a.test"],"tagIds":{"g-":["analytics"]}}] | tracker #0 "a": field "tagIds": prefix "g-"
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"hosts":["a.test"],"tagIds":{"G-":{"categories":["analytics"],"body":"[0-9"}}}] | tracker #0 "a": field "tagIds.G-.body": not a regular expression
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"hosts":["a.test"],"tagIds":{"G-":{"categories":["analytics"],"body":"[0-9]*"}}}] | tracker #0 "a": field "tagIds.G-.body" must not match an empty id
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"hosts":["a.test"],"tagIds":{"G-":{"categories":["analytics"],"shape":"[0-9]+"}}}] | tracker #0 "a": field "tagIds.G-": unknown field "shape"
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"hosts":["a.test"],"tagIds":{"G-":{"body":"[0-9]+"}}}] | tracker #0 "a": field "tagIds.G-.categories" must be a non-empty array
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"hosts":["a.test"],"tagIds":{"G-":{"categories":["analytics"],"body":7}}}] | tracker #0 "a": field "tagIds.G-.body" must be a regular expression
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"hosts":["a.test"]},{"id":"a","name":"N","owner":"O","categories":["analytics"],"hosts":["b.test"]}] | tracker #1 "a": field "id": listed twice
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"hosts":["a.test"]},{"id":"b","name":"N","owner":"O","categories":["analytics"],"hosts":["a.test"]}] | tracker #1 "b": field "hosts": "a.test" is already listed by "a"
        [{"id":"a","name":"N","owner":"O","categories":["marketing"],"ampTypes":["adform"]},{"id":"b","name":"N","owner":"O","categories":["marketing"],"ampTypes":["adform"]}] | tracker #1 "b": field "ampTypes": "adform" is already listed by "a"
        [{"id":"a","name":"N","owner":"O","categories":["analytics"],"magentoComponents":["Magento_GoogleGtag/js/google-analytics"]},{"id":"b","name":"N","owner":"O","categories":["analytics"],"magentoComponents":["Magento_GoogleGtag/js/google-analytics"]}] | tracker #1 "b": field "magentoComponents": "Magento_GoogleGtag/js/google-analytics" is already listed by "a"
        [{"id":"a","disabled":"yes"}]                                                                    | tracker #0 "a": field "disabled"
        ["a.test"]                                                                                       | tracker #0: must be an object
        """)
    void malformedEntriesAreRejectedWithTheEntryAndFieldNamed(String trackers, String message) {
        CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> catalog(trackers));
        assertTrue(e.getMessage().startsWith(message), () -> "message was: " + e.getMessage());
    }

    @Test
    void malformedRootsAreRejected() {
        assertThrows(CatalogFormatException.class, () -> TrackerCatalog.fromJson(null));
        assertThrows(CatalogFormatException.class, () -> TrackerCatalog.fromJson(json("[]")));
        CatalogFormatException noList = assertThrows(CatalogFormatException.class,
                () -> TrackerCatalog.fromJson(json("{\"version\":1}")));
        assertTrue(noList.getMessage().contains("\"trackers\""), noList.getMessage());
        CatalogFormatException version = assertThrows(CatalogFormatException.class,
                () -> TrackerCatalog.fromJson(json("{\"version\":2,\"trackers\":[]}")));
        assertTrue(version.getMessage().contains("version"), version.getMessage());
        CatalogFormatException unknown = assertThrows(CatalogFormatException.class,
                () -> TrackerCatalog.fromJson(json("{\"trackers\":[],\"extra\":1}")));
        assertTrue(unknown.getMessage().contains("\"extra\""), unknown.getMessage());
    }

    @Test
    void emptyCatalogMatchesNothing() {
        TrackerCatalog empty = catalog("[]");
        assertTrue(empty.trackers().isEmpty());
        assertNull(empty.matchUrl("https://www.googletagmanager.com/gtm.js", null));
        byte[] b = "fbq('init')".getBytes(StandardCharsets.US_ASCII);
        assertTrue(empty.matchScript(b, 0, b.length).isEmpty());
        assertNull(empty.matchCookie("_ga", null));
        assertNull(empty.matchEndpoint("/g/collect", true));
    }

    @Test
    void readsTheSameSchemaFromAYamlPolicyFile() throws Exception {
        String yaml = """
            trackers:
              - id: acme-stats
                name: Acme Stats
                owner: Acme Inc.
                categories: [analytics]
                hosts: [stats.acme-analytics.test, www.acme.test/pixel]
                cookies: [_acme_*, {name: sid, generic: true}]
              - id: hotjar
                disabled: true
            """;
        JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
        TrackerCatalog merged = TrackerCatalog.bundled().withOverrides(TrackerCatalog.fromJson(node));
        assertEquals("acme-stats", merged.matchUrl("https://www.acme.test/pixel?e=view", null).tracker().id());
        assertNull(merged.matchUrl("https://www.acme.test/about", null));
        assertNull(merged.matchUrl("https://static.hotjar.com/c/hotjar-1.js", null));
    }

    @Test
    void concurrentCallersWithDifferentBasesGetConsistentAnswers() {
        TrackerCatalog c = TrackerCatalog.bundled();
        List<String> bases = List.of("https://www.facebook.com/acme", "https://shop.example/", "https://www.facebook.com/");
        long wrong = java.util.stream.IntStream.range(0, 20_000).parallel().filter(i -> {
            String base = bases.get(i % bases.size());
            TrackerMatch m = c.matchUrl("/tr?id=" + i, base);
            boolean expected = base.contains("facebook");
            return (m != null) != expected;
        }).count();
        assertEquals(0, wrong);
    }

    @Test
    void rejectsOutOfRangeScriptSlices() {
        byte[] b = new byte[4];
        assertThrows(IndexOutOfBoundsException.class, () -> TrackerCatalog.bundled().matchScript(b, 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> TrackerCatalog.bundled().matchScript(b, -1, 1));
    }
}
