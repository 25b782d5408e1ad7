package io.consentgate;

import io.consentgate.beacon.BeaconSettings;
import io.consentgate.html.OverflowAction;
import io.consentgate.html.RewriteMode;
import io.consentgate.log.AccessLogFormat;
import io.consentgate.log.ForwardingHeader;
import io.consentgate.log.IpMask;
import io.consentgate.log.TrustedProxies;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The init-param table: every key with its default, and for each the setter that reads its text into a
 * {@link Policy.Builder}. {@link PolicyReader} gathers the text (init-params over the policy file); this class knows
 * what each key means and which values it takes.
 */
final class PolicyParameters {

    /** Every accepted key with its default, in documentation order. */
    static final Map<String, String> DEFAULTS = parameters();

    /** Each key but {@value PolicyReader#POLICY_FILE}: reads a stripped, non-empty value into the builder. */
    static final Map<String, BiConsumer<Policy.Builder, String>> SETTERS = setters();

    /** The true/false parameters: the ones whose default is {@code true} or {@code false}. */
    static final Set<String> BOOLEAN_KEYS = DEFAULTS.entrySet().stream()
            .filter(e -> e.getValue().equals("true") || e.getValue().equals("false"))
            .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());

    /**
     * The parameters whose value is a comma-separated list: a policy file may give them as a list, which is joined with
     * commas. Every other parameter takes one value, and a list for it is an error, not its items joined.
     */
    static final Set<String> LIST_KEYS = Set.of("opt-in-regions", "opt-out-regions", "gpc-refuses", "dnt-refuses",
            "gpc-headers", "honour-cmps", "permissions-policy", "cookie-expiry-paths",
            "access-log-ip-mask", "trusted-proxies", "beacon-paths");

    /**
     * The parameters whose value is a list of categories. A yes/no word there (YAML's unquoted {@code no} included) is
     * refused with what was likely meant: {@code none}, or the categories.
     */
    static final Set<String> CATEGORY_KEYS = Set.of("gpc-refuses", "dnt-refuses");

    /**
     * Parameters for which {@code off} is a keyword that switches something off, so that YAML's unquoted {@code off}
     * (a boolean) is read as it. Listed, not found by trying the word: a name parameter such as
     * {@code consent-cookie-name} or {@code region-header} takes {@code off} as a name, and an unquoted {@code no}
     * there would silently become a cookie or a header called "off".
     */
    static final Set<String> OFF_KEYS = Set.of("consent-path", "permissions-policy", "access-log");

    /**
     * Parameters whose value is a name, for which {@code none} is a name like any other (a cookie or an attribute
     * called "none"), not a keyword: an empty value there is not told to write {@code none}.
     */
    static final Set<String> NAME_KEYS = Set.of("consent-cookie-name", "consent-attribute");

    private PolicyParameters() {
    }

    /** Whether parameter {@code key} accepts the keyword {@code value} (tried on a builder of its own). */
    static boolean takes(String key, String value) {
        try {
            SETTERS.get(key).accept(Policy.builder(), value);
            return true;
        } catch (InvalidPolicyException notThisOne) {
            return false;
        }
    }

    private static Map<String, String> parameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(PolicyReader.POLICY_FILE, "none");
        m.put("mode", "opt-in");
        m.put("region-header", "none");
        m.put("opt-in-regions", "none");
        m.put("opt-out-regions", "none");
        m.put("gpc-refuses", "marketing");
        m.put("dnt-refuses", "analytics,marketing");
        m.put("signals-override-consent", "true");
        m.put("gpc-headers", "Sec-GPC");
        m.put("consent-cookie-name", "cg_consent");
        m.put("policy-revision", "1");
        m.put("consent-max-age-days", "395");
        m.put("consent-secret", "none");
        m.put("honour-cmps", "none");
        m.put("klaro-services", "none");
        m.put("consent-path", "/consent");
        m.put("consent-return", "/");
        m.put("tk-header", "true");
        m.put("vary", "vary");
        m.put("permissions-policy", Policy.DEFAULT_PERMISSIONS_POLICY);
        m.put("report-only", "false");
        m.put("gpc-json", "true");
        m.put("gpc-last-update", "none");
        m.put("tracking-policy-url", "none");
        m.put("tracking-controller", "none");
        m.put("html-rewrite", "true");
        m.put("html-mode", "remove");
        m.put("html-max-held-bytes", "262144");
        m.put("html-on-overflow", "fail-closed");
        m.put("html-stub-globals", "true");
        m.put("consent-attribute", "data-consent");
        m.put("cookie-expiry-paths", "/");
        m.put("strip-request-cookies", "false");
        m.put("clear-site-data", "false");
        m.put("access-log", "combined");
        m.put("access-log-ip-mask", "v4=24,v6=48");
        m.put("trusted-proxies", "none");
        m.put("forwarded-header", "x-forwarded-for");
        m.put("access-log-max-length", "1024");
        m.put("visitor-hash", "false");
        m.put("beacon-paths", "none");
        m.put("beacon-generic-paths", "false");
        m.put("beacon-case-insensitive", "false");
        m.put("beacon-pings", "true");
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, BiConsumer<Policy.Builder, String>> setters() {
        Map<String, BiConsumer<Policy.Builder, String>> m = new LinkedHashMap<>();
        m.put("mode", (b, v) -> b.mode(mode("mode", v)));
        m.put("region-header", (b, v) -> {
            if (!isNone(v)) {
                b.regionHeader(v);
            }
        });
        m.put("opt-in-regions", (b, v) -> list("opt-in-regions", v).forEach(r -> b.regionMode(r, ConsentMode.OPT_IN)));
        m.put("opt-out-regions", (b, v) -> list("opt-out-regions", v).forEach(r -> b.regionMode(r, ConsentMode.OPT_OUT)));
        m.put("gpc-refuses", (b, v) -> b.gpcRefuses(categories("gpc-refuses", v)));
        m.put("dnt-refuses", (b, v) -> b.dntRefuses(categories("dnt-refuses", v)));
        m.put("signals-override-consent", (b, v) -> b.signalsOverrideConsent(bool("signals-override-consent", v)));
        m.put("gpc-headers", (b, v) -> b.gpcHeaders(list("gpc-headers", v).toArray(String[]::new)));
        m.put("consent-cookie-name", Policy.Builder::consentCookieName);
        m.put("policy-revision", (b, v) -> b.policyRevision(integer("policy-revision", v)));
        m.put("consent-max-age-days", (b, v) -> b.consentMaxAge(Duration.ofDays(integer("consent-max-age-days", v))));
        m.put("consent-secret", (b, v) -> b.consentSecret(isNone(v) ? null : secret(v)));
        m.put("honour-cmps", (b, v) -> b.honourCmps(list("honour-cmps", v).toArray(String[]::new)));
        m.put("klaro-services", (b, v) -> {
            for (String pair : list("klaro-services", v)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new InvalidPolicyException("klaro-services", "'" + pair + "' is not service=category");
                }
                b.klaroService(pair.substring(0, eq), category("klaro-services", pair.substring(eq + 1)));
            }
        });
        m.put("consent-path", (b, v) -> b.consentPath(isOff(v) ? null : v));
        m.put("consent-return", Policy.Builder::consentReturn);
        m.put("tk-header", (b, v) -> b.tkHeader(bool("tk-header", v)));
        m.put("vary", (b, v) -> {
            VaryMode vm = VaryMode.fromId(v);
            if (vm == null) {
                throw new InvalidPolicyException("vary", "'" + v + "' must be vary or private");
            }
            b.varyMode(vm);
        });
        m.put("permissions-policy", (b, v) -> b.permissionsPolicy(isOff(v) ? null : v));
        m.put("report-only", (b, v) -> b.reportOnly(bool("report-only", v)));
        m.put("gpc-json", (b, v) -> b.gpcJson(bool("gpc-json", v)));
        m.put("gpc-last-update", (b, v) -> {
            if (!isNone(v)) {
                try {
                    b.gpcLastUpdate(LocalDate.parse(v));
                } catch (DateTimeParseException e) {
                    throw new InvalidPolicyException("gpc-last-update", "'" + v + "' is not a date like 2026-01-31", e);
                }
            }
        });
        m.put("tracking-policy-url", (b, v) -> b.trackingPolicyUrl(isNone(v) ? null : v));
        m.put("tracking-controller", (b, v) -> b.trackingController(isNone(v) ? null : v));
        m.put("html-rewrite", (b, v) -> b.htmlRewrite(bool("html-rewrite", v)));
        m.put("html-mode", (b, v) -> b.htmlMode(switch (v.toLowerCase(Locale.ROOT)) {
            case "remove" -> RewriteMode.REMOVE;
            case "neutralize" -> RewriteMode.NEUTRALIZE;
            default -> throw new InvalidPolicyException("html-mode", "'" + v + "' must be remove or neutralize");
        }));
        m.put("html-max-held-bytes", (b, v) -> b.htmlMaxHeldBytes(integer("html-max-held-bytes", v)));
        m.put("html-on-overflow", (b, v) -> b.htmlOnOverflow(switch (v.toLowerCase(Locale.ROOT)) {
            case "fail-closed" -> OverflowAction.FAIL_CLOSED;
            case "fail-open" -> OverflowAction.FAIL_OPEN;
            default -> throw new InvalidPolicyException("html-on-overflow", "'" + v
                    + "' must be fail-closed or fail-open");
        }));
        m.put("html-stub-globals", (b, v) -> b.htmlStubGlobals(bool("html-stub-globals", v)));
        m.put("consent-attribute", Policy.Builder::consentAttribute);
        m.put("cookie-expiry-paths", (b, v) -> b.cookieExpiryPaths(list("cookie-expiry-paths", v).toArray(String[]::new)));
        m.put("strip-request-cookies", (b, v) -> b.stripRequestCookies(bool("strip-request-cookies", v)));
        m.put("clear-site-data", (b, v) -> b.clearSiteData(bool("clear-site-data", v)));
        m.put("access-log", (b, v) -> b.accessLog(parsed("access-log", () -> AccessLogFormat.parse(v))));
        m.put("access-log-ip-mask", (b, v) -> parsed("access-log-ip-mask", () -> b.ipMask(ipMask(v))));
        m.put("trusted-proxies", (b, v) -> b.trustedProxies(isNone(v) ? TrustedProxies.none()
                : parsed("trusted-proxies", () -> TrustedProxies.parse(v))));
        m.put("forwarded-header", (b, v) -> b.forwardedHeader(switch (v.toLowerCase(Locale.ROOT)) {
            case "x-forwarded-for" -> ForwardingHeader.X_FORWARDED_FOR;
            case "forwarded" -> ForwardingHeader.FORWARDED;
            default -> throw new InvalidPolicyException("forwarded-header", "'" + v
                    + "' must be x-forwarded-for or forwarded");
        }));
        m.put("access-log-max-length", (b, v) -> b.accessLogMaxLength(integer("access-log-max-length", v)));
        m.put("visitor-hash", (b, v) -> b.visitorHash(bool("visitor-hash", v)));
        // The four beacon settings are read into one record: each setter replaces its own component.
        m.put("beacon-paths", (b, v) -> b.beacons(parsed("beacon-paths", () -> {
            BeaconSettings cur = b.beaconsSoFar();
            return new BeaconSettings(list("beacon-paths", v), cur.includeGenericPaths(), cur.caseInsensitive(), cur.gatePings());
        })));
        m.put("beacon-generic-paths", (b, v) -> {
            BeaconSettings cur = b.beaconsSoFar();
            b.beacons(new BeaconSettings(cur.extraPaths(), bool("beacon-generic-paths", v), cur.caseInsensitive(),
                    cur.gatePings()));
        });
        m.put("beacon-case-insensitive", (b, v) -> {
            BeaconSettings cur = b.beaconsSoFar();
            b.beacons(new BeaconSettings(cur.extraPaths(), cur.includeGenericPaths(),
                    bool("beacon-case-insensitive", v), cur.gatePings()));
        });
        m.put("beacon-pings", (b, v) -> {
            BeaconSettings cur = b.beaconsSoFar();
            b.beacons(new BeaconSettings(cur.extraPaths(), cur.includeGenericPaths(), cur.caseInsensitive(),
                    bool("beacon-pings", v)));
        });
        return m;
    }

    /** Runs a parser of another package, turning its IllegalArgumentException into one naming the parameter. */
    private static <T> T parsed(String param, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidPolicyException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyException(param, e.getMessage(), e);
        }
    }

    /**
     * The access log's mask. {@link IpMask#parse} takes any mask ({@code bytes=0}, 32 bits), and its range errors say
     * so; the access log always masks, so a count outside the policy's ranges is refused here in the policy's terms.
     */
    private static IpMask ipMask(String v) {
        for (String part : v.split(",", -1)) {
            String[] kv = part.strip().toLowerCase(Locale.ROOT).split("=", 2);
            String n = kv.length == 2 ? kv[1].strip() : "";
            if (n.isEmpty() || n.length() > 3 || !n.chars().allMatch(c -> c >= '0' && c <= '9')) {
                continue; // IpMask.parse names what is malformed
            }
            int count = Integer.parseInt(n);
            boolean out = switch (kv[0].strip()) {
                case "v4" -> count > PolicyValueRules.MAX_V4_BITS_KEPT;
                case "v6" -> count > PolicyValueRules.MAX_V6_BITS_KEPT;
                case "bytes" -> count < 1 || count > 3;
                default -> false;
            };
            if (out) {
                throw new InvalidPolicyException("access-log-ip-mask", "'" + v + "': the access log always masks the "
                        + "client address: keep v4=0.." + PolicyValueRules.MAX_V4_BITS_KEPT + " and v6=0.."
                        + PolicyValueRules.MAX_V6_BITS_KEPT + " bits, or mask bytes=1..3");
            }
        }
        return IpMask.parse(v);
    }

    static boolean isNone(String v) {
        return v.equalsIgnoreCase("none");
    }

    private static boolean isOff(String v) {
        return v.equalsIgnoreCase("off") || v.equalsIgnoreCase("none");
    }

    /** A comma list; {@code none} is the empty list, and a list of nothing but commas and blanks is an error. */
    private static List<String> list(String param, String v) {
        if (isNone(v)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        if (out.isEmpty()) {
            throw new InvalidPolicyException(param, "'" + v + "' lists nothing; " + (takes(param, "none")
                    ? "write none if that is meant" : "write at least one value"));
        }
        return out;
    }

    private static Category[] categories(String param, String v) {
        List<Category> out = new ArrayList<>();
        List<String> items = list(param, v);
        for (String s : items) {
            Category c = Category.fromId(s).orElseThrow(() -> notACategory(param, s, yesNo(s, items.size() == 1)));
            if (c == Category.NECESSARY) {
                throw new InvalidPolicyException(param, "necessary cannot be refused");
            }
            out.add(c);
        }
        return out.toArray(Category[]::new);
    }

    /**
     * What a yes/no word in a category list (written so, or YAML's unquoted boolean) was likely meant to be: a "no"
     * almost surely {@code none}, a "yes" some categories; quoting it would not help. Empty for any other word.
     *
     * @param alone whether the word is the list's only item
     */
    private static String yesNo(String item, boolean alone) {
        String word = item.toLowerCase(Locale.ROOT);
        if (word.equals("no") || word.equals("off") || word.equals("false")) {
            return ": to refuse no category, write none" + (alone ? "" : " alone");
        }
        if (word.equals("yes") || word.equals("on") || word.equals("true")) {
            return ": list the categories to refuse, like analytics, marketing";
        }
        return "";
    }

    static Category category(String param, String s) {
        return Category.fromId(s).orElseThrow(() -> notACategory(param, s, ""));
    }

    private static InvalidPolicyException notACategory(String param, String s, String hint) {
        return new InvalidPolicyException(param, "'" + s + "' is not a category (necessary, functional, analytics, "
                + "marketing)" + hint);
    }

    private static ConsentMode mode(String param, String v) {
        ConsentMode m = ConsentMode.fromId(v);
        if (m == null) {
            throw new InvalidPolicyException(param, "'" + v + "' must be opt-in or opt-out");
        }
        return m;
    }

    private static boolean bool(String param, String v) {
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidPolicyException(param, "'" + v + "' must be true or false");
    }

    private static int integer(String param, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidPolicyException(param, "'" + v + "' is not an integer", e);
        }
    }

    /** {@code env:NAME} reads an environment variable (keeps secrets out of web.xml); anything else is the secret. */
    private static byte[] secret(String v) {
        String s = v;
        if (v.startsWith("env:")) {
            s = System.getenv(v.substring(4));
            if (s == null || s.isBlank()) {
                throw new InvalidPolicyException("consent-secret", "environment variable " + v.substring(4)
                        + " is not set");
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
