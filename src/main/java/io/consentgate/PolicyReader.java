package io.consentgate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.consentgate.beacon.BeaconSettings;
import io.consentgate.catalog.CatalogFormatException;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.html.OverflowAction;
import io.consentgate.html.RewriteMode;
import io.consentgate.log.AccessLogFormat;
import io.consentgate.log.ForwardingHeader;
import io.consentgate.log.IpMask;
import io.consentgate.log.TrustedProxies;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Builds a {@link Policy} from {@code web.xml} init-params and an optional JSON or YAML policy file. The file uses the
 * same keys as the init-params; an init-param overrides the same key in the file. Unknown keys and invalid values fail
 * with an {@link InvalidPolicyException} naming the key (and the file).
 *
 * <p>This class only parses text; the typed rules live in {@link Policy.Builder}, so both front doors agree.
 */
public final class PolicyReader {

    /** Init-param naming the policy file: {@code classpath:NAME}, {@code file:PATH}, a webapp path, or {@code none}. */
    public static final String POLICY_FILE = "policy-file";

    /** Every accepted key with its default, in documentation order (the README's table is generated from this). */
    public static final Map<String, String> PARAMETERS = parameters();

    private static final Map<String, BiConsumer<Policy.Builder, String>> SETTERS = setters();

    /** The true/false parameters: the ones whose default is {@code true} or {@code false}. */
    private static final Set<String> BOOLEAN_KEYS = PARAMETERS.entrySet().stream()
            .filter(e -> e.getValue().equals("true") || e.getValue().equals("false"))
            .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Parameters that take {@code off}: a YAML boolean false (an unquoted {@code off}) is that. */
    private static final Set<String> OFF_KEYS = SETTERS.keySet().stream().filter(k -> takes(k, "off"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Keys a policy file may hold that are not plain init-params (structured values). */
    private static final Set<String> STRUCTURED_FILE_KEYS = Set.of("klaro-services", "trackers");

    private PolicyReader() {
    }

    /** Opens a policy file named by the {@value #POLICY_FILE} init-param; returns null when it does not exist. */
    @FunctionalInterface
    public interface ResourceOpener {
        InputStream open(String location) throws IOException;
    }

    /**
     * Reads init-params (and the policy file they may name) into a policy.
     *
     * @param params init-param names to values, as the container gives them
     * @param opener opens webapp resources; {@code classpath:} and {@code file:} locations are opened here
     */
    public static Policy read(Map<String, String> params, ResourceOpener opener) {
        Map<String, String> settings = new LinkedHashMap<>();
        // Keys whose value came from the policy file (no init-param replaced it): their errors name the file.
        Map<String, String> fromFile = new HashMap<>();
        JsonNode structured = null;
        String file = params.get(POLICY_FILE);
        String location = file == null ? "none" : file.strip();
        if (location.isEmpty()) {
            throw empty(POLICY_FILE, file);
        }
        if (!isNone(location)) {
            JsonNode root = load(location, opener);
            structured = root;
            try {
                flatten(root).forEach((k, v) -> {
                    settings.put(k, v);
                    fromFile.put(k, location);
                });
            } catch (InvalidPolicyException e) {
                throw e.in(location);
            }
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!e.getKey().equals(POLICY_FILE)) {
                settings.put(e.getKey(), e.getValue());
                fromFile.remove(e.getKey());
            }
        }
        Policy.Builder b = Policy.builder();
        if (structured != null && structured.has("klaro-services")) {
            // Before the init-params, so that an init-param naming the same service wins, as for every key.
            try {
                fileKlaroServices(b, structured.get("klaro-services"));
            } catch (InvalidPolicyException e) {
                throw e.in(location);
            }
        }
        for (Map.Entry<String, String> e : settings.entrySet()) {
            try {
                BiConsumer<Policy.Builder, String> setter = SETTERS.get(e.getKey());
                if (setter == null) {
                    throw unknown(e.getKey());
                }
                String value = e.getValue() == null ? "" : e.getValue().strip();
                if (value.isEmpty()) {
                    throw empty(e.getKey(), e.getValue());
                }
                setter.accept(b, value);
            } catch (InvalidPolicyException ex) {
                throw fromFile.containsKey(e.getKey()) ? ex.in(location) : ex;
            }
        }
        if (structured != null && structured.has("trackers")) {
            try {
                b.catalog(catalogWithOverrides(structured.get("trackers")));
            } catch (InvalidPolicyException e) {
                throw e.in(location);
            }
        }
        try {
            return b.build();
        } catch (InvalidPolicyException e) {
            throw fromFile.containsKey(e.parameter()) ? e.in(location) : e;
        }
    }

    /**
     * An empty or blank value is never read as "none": a template variable that rendered nothing would otherwise
     * switch a protection off. The message names the keyword the parameter does take for that.
     */
    private static InvalidPolicyException empty(String key, String raw) {
        String keyword = key.equals(POLICY_FILE) || takes(key, "none") ? "none" : null;
        if (OFF_KEYS.contains(key)) {
            keyword = "off";
        }
        return new InvalidPolicyException(key, "'" + (raw == null ? "" : raw) + "' is empty; " + (keyword == null
                ? "write a value" : "an empty value is never read as " + keyword + ": write " + keyword
                + " if that is meant"));
    }

    /** Whether parameter {@code key} accepts the keyword {@code value} (tried on a builder of its own). */
    private static boolean takes(String key, String value) {
        try {
            SETTERS.get(key).accept(Policy.builder(), value);
            return true;
        } catch (InvalidPolicyException notThisOne) {
            return false;
        }
    }

    private static InvalidPolicyException unknown(String key) {
        if (key.equals("catalog")) {
            return new InvalidPolicyException(key, "unknown parameter; tracker overrides go in the list 'trackers' "
                    + "(its entries follow the tracker catalog schema)");
        }
        return new InvalidPolicyException(key, "unknown parameter; known parameters: " + PARAMETERS.keySet());
    }

    /**
     * A policy file's {@code klaro-services}: an object of service name to category, or the init-param's
     * {@code name=category,...} text.
     */
    private static void fileKlaroServices(Policy.Builder b, JsonNode ks) {
        if (ks.isTextual()) {
            SETTERS.get("klaro-services").accept(b, ks.asText().strip());
            return;
        }
        if (!ks.isObject()) {
            throw new InvalidPolicyException("klaro-services",
                "must be an object of service name to category, or name=category,... text");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new InvalidPolicyException("klaro-services", "the category of '" + e.getKey() + "' must be text");
            }
            b.klaroService(e.getKey(), category("klaro-services", e.getValue().asText()));
        }
    }

    private static TrackerCatalog catalogWithOverrides(JsonNode trackers) {
        if (!trackers.isArray()) {
            throw new InvalidPolicyException("trackers", "must be a list of catalog entries");
        }
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.set("trackers", trackers);
        try {
            return TrackerCatalog.bundled().withOverrides(TrackerCatalog.fromJson(root));
        } catch (CatalogFormatException e) {
            throw new InvalidPolicyException("trackers", e.getMessage(), e);
        }
    }

    /**
     * Reads the file's one settings object. A repeated key, anything after the object (JSON) and a second document
     * (YAML {@code ---}) are errors: each would otherwise let one setting silently replace or hide another.
     */
    private static JsonNode load(String location, ResourceOpener opener) {
        String lower = location.toLowerCase(Locale.ROOT);
        JsonFactory factory;
        boolean yaml;
        if (lower.endsWith(".json")) {
            factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
            yaml = false;
        } else if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            factory = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
            yaml = true;
        } else {
            throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' must end in .json, .yaml or .yml");
        }
        ObjectMapper mapper = new ObjectMapper(factory);
        try (InputStream in = open(location, opener)) {
            if (in == null) {
                throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' not found");
            }
            try (JsonParser parser = factory.createParser(in)) {
                JsonNode root = mapper.readTree(parser);
                if (root == null || !root.isObject()) {
                    throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' must hold an object of settings");
                }
                if (hasMore(parser)) {
                    throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' " + (yaml
                            ? "holds more than one YAML document (a second ---): keep every setting in one"
                            : "has text after the settings object"));
                }
                return root;
            }
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' is not valid: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' cannot be read: " + e, e);
        }
    }

    /** Whether anything but white space (and comments) follows the settings object; text that is no token counts. */
    private static boolean hasMore(JsonParser parser) throws IOException {
        try {
            return parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    private static InputStream open(String location, ResourceOpener opener) throws IOException {
        if (location.startsWith("classpath:")) {
            String name = location.substring("classpath:".length());
            name = name.startsWith("/") ? name.substring(1) : name;
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            return (cl != null ? cl : PolicyReader.class.getClassLoader()).getResourceAsStream(name);
        }
        if (location.startsWith("file:")) {
            Path p = Path.of(location.substring("file:".length()));
            return Files.isRegularFile(p) ? Files.newInputStream(p) : null;
        }
        return opener == null ? null : opener.open(location);
    }

    private static Map<String, String> flatten(JsonNode root) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (key.equals(POLICY_FILE)) {
                throw new InvalidPolicyException(key, "a policy file cannot name another policy file");
            }
            if (STRUCTURED_FILE_KEYS.contains(key)) {
                continue;
            }
            if (!SETTERS.containsKey(key)) {
                throw unknown(key);
            }
            if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(n -> items.add(scalar(key, n)));
                out.put(key, String.join(",", items));
            } else {
                out.put(key, scalar(key, v));
            }
        }
        return out;
    }

    /**
     * One value of a policy file as init-param text. A boolean is text only for a true/false parameter; YAML also reads
     * an unquoted {@code off}, {@code no}, {@code on}, {@code yes} as one, so false means {@code off} for the parameters
     * that take {@code off}, and anywhere else a boolean is an error that says to quote the value.
     */
    private static String scalar(String key, JsonNode n) {
        if (n.isNull()) {
            return "";
        }
        if (!n.isValueNode()) {
            throw new InvalidPolicyException(key, "must be a string, number, boolean or list");
        }
        if (n.isBoolean() && !BOOLEAN_KEYS.contains(key)) {
            if (!n.booleanValue() && OFF_KEYS.contains(key)) {
                return "off";
            }
            throw new InvalidPolicyException(key, "was read as the boolean " + n.asText() + ", which is not a value of "
                    + "this parameter (in YAML an unquoted yes, no, on, off, true or false is a boolean): quote it");
        }
        return n.asText();
    }

    private static Map<String, String> parameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(POLICY_FILE, "none");
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
        return java.util.Collections.unmodifiableMap(m);
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
        m.put("consent-attribute", Policy.Builder::consentAttribute);
        m.put("cookie-expiry-paths", (b, v) -> b.cookieExpiryPaths(list("cookie-expiry-paths", v).toArray(String[]::new)));
        m.put("strip-request-cookies", (b, v) -> b.stripRequestCookies(bool("strip-request-cookies", v)));
        m.put("clear-site-data", (b, v) -> b.clearSiteData(bool("clear-site-data", v)));
        m.put("access-log", (b, v) -> b.accessLog(parsed("access-log", () -> AccessLogFormat.parse(v))));
        m.put("access-log-ip-mask", (b, v) -> parsed("access-log-ip-mask", () -> b.ipMask(IpMask.parse(v))));
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
    private static <T> T parsed(String param, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidPolicyException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyException(param, e.getMessage(), e);
        }
    }

    private static boolean isNone(String v) {
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
            throw new InvalidPolicyException(param, "'" + v + "' lists nothing; write none if that is meant");
        }
        return out;
    }

    static Category[] categories(String param, String v) {
        List<Category> out = new ArrayList<>();
        for (String s : list(param, v)) {
            Category c = category(param, s);
            if (c == Category.NECESSARY) {
                throw new InvalidPolicyException(param, "necessary cannot be refused");
            }
            out.add(c);
        }
        return out.toArray(Category[]::new);
    }

    private static Category category(String param, String s) {
        return Category.fromId(s).orElseThrow(() -> new InvalidPolicyException(param, "'" + s
                + "' is not a category (necessary, functional, analytics, marketing)"));
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
