package io.consentgate.catalog.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.consentgate.catalog.TrackerCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Regenerates {@code cookie-rules.json} (cookie-only catalog entries) from the Open Cookie Database CSV.
 *
 * <p>Takes facts only (cookie name, platform, category, vendor domain, wildcard flag), never descriptions. Keeps only
 * Analytics and Marketing rows: Functional rows include platform session cookies (PHP, WordPress, shop carts) whose
 * removal would break sites, and Security/Necessary are never gated. Names the hand-written catalog already matches
 * are skipped. Short or word-like names, and names with words applications use for their own cookies ({@code
 * auth_token}), are marked generic and kept only when the row names a vendor domain. Names that record the visitor's
 * privacy choice (opt-outs, consent records) are left out: see {@link #recordsAPrivacyChoice}.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/classes:<jackson+slf4j> \
 * io.consentgate.catalog.tools.OpenCookieDatabaseImport open-cookie-database.csv \
 * src/main/resources/io/consentgate/catalog/cookie-rules.json}
 */
public final class OpenCookieDatabaseImport {

    private static final Set<String> COMMON_WORDS = Set.of("test_cookie", "session_id", "sessionid", "user_id",
            "userid", "visitor_id", "visitorid", "lang", "locale", "consent", "token", "csrf", "optout", "opt_out",
            "uuid", "uid", "sid", "id", "tracking", "referrer", "ref", "source", "campaign", "js_ver", "app_ts", "id_ts",
            "eu_cn");

    /** Words an application's own cookie names use: such names match only on the vendor's domain. */
    private static final List<String> APPLICATION_WORDS = List.of("consent", "auth", "token", "sess", "user",
            "visitor", "query", "login", "csrf", "lang", "cart", "optout", "opt_out", "cookie", "referrer", "referer",
            "guest", "guid", "remember", "prefs", "campaign");

    /** Words in the names of cookies that record a privacy choice: see {@link #recordsAPrivacyChoice}. */
    private static final List<String> PRIVACY_CHOICE_WORDS = List.of("ignore", "optout", "opt_out", "opt-out", "optin",
            "opt_in", "opt-in", "privacy", "gdpr", "consent", "donottrack");

    /**
     * Wildcard prefixes that also start application cookies (data-theme, partner-ref, _tt_session, _li_session): a
     * letter count cannot tell them from vendor prefixes such as _fathom or umami., so they are listed.
     */
    private static final Set<String> APPLICATION_PREFIXES = Set.of("data-", "partner-", "mf_", "_tt_", "recs-",
            "prism_", "expid_", "_li_ses", "apidomain_", "gig_bootstrap_");

    private OpenCookieDatabaseImport() {
    }

    public static void main(String[] args) throws IOException {
        List<List<String>> rows = parseCsv(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        int platform = header.indexOf("Platform");
        int category = header.indexOf("Category");
        int name = header.indexOf("Cookie / Data Key name");
        int domain = header.indexOf("Domain");
        int controller = header.indexOf("Data Controller");
        int wildcard = header.indexOf("Wildcard match");
        TrackerCatalog handWritten;
        try (InputStream in = TrackerCatalog.class.getResourceAsStream("/io/consentgate/catalog/trackers.json")) {
            handWritten = TrackerCatalog.fromJson(new ObjectMapper().readTree(in));
        }
        // The names the database files under another category (Functional, Security…): a wildcard that also covers
        // one of them (SAP's _gig_* and its login token _gig_lt) would expire what keeps a visitor logged in.
        List<String> otherNames = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String cat = row.get(category).strip();
            if (!cat.equals("Analytics") && !cat.equals("Marketing")) {
                otherNames.add(row.get(name).strip());
            }
        }
        Map<String, Map<String, Object>> byPlatform = new LinkedHashMap<>();
        Set<String> seenNames = new LinkedHashSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String cat = row.get(category).strip();
            if (!cat.equals("Analytics") && !cat.equals("Marketing")) {
                continue;
            }
            String n = row.get(name).strip();
            if (!n.matches("[A-Za-z0-9_.\\-]+") || recordsAPrivacyChoice(n)) {
                continue;
            }
            boolean prefix = row.get(wildcard).strip().equals("1");
            String vendorDomain = domainOf(row.get(domain));
            boolean generic = isGeneric(n, prefix) || prefix && otherNames.stream().anyMatch(o -> o.startsWith(n));
            if (generic && vendorDomain == null) {
                continue;
            }
            if (handWritten.matchCookie(n, vendorDomain) != null || handWritten.matchCookie(n + "x", null) != null
                    || !seenNames.add(n + (prefix ? "*" : ""))) {
                continue;
            }
            String p = row.get(platform).strip();
            Map<String, Object> entry = byPlatform.computeIfAbsent(idOf(p), k -> newEntry(p, row.get(controller).strip()));
            @SuppressWarnings("unchecked")
            Set<String> cats = (Set<String>) entry.get("categories");
            cats.add(cat.toLowerCase(Locale.ROOT));
            @SuppressWarnings("unchecked")
            List<Object> cookies = (List<Object>) entry.get("cookies");
            String pattern = prefix ? n + "*" : n;
            // A sorted map: Map.of iterates in a different order on each run, which would churn the file.
            cookies.add(generic ? new java.util.TreeMap<>(Map.of("name", pattern, "generic", true)) : pattern);
            if (vendorDomain != null) {
                @SuppressWarnings("unchecked")
                Set<String> domains = (Set<String>) entry.get("cookieDomains");
                domains.add(vendorDomain);
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$comment", "Cookie-only rules generated by io.consentgate.catalog.tools.OpenCookieDatabaseImport from "
                + "the Open Cookie Database (Apache-2.0, see NOTICE): names, platforms, categories, domains and "
                + "wildcard flags only. Analytics and Marketing rows not already covered by trackers.json.");
        root.put("version", 1);
        List<Map<String, Object>> trackers = new ArrayList<>();
        for (Map<String, Object> e : byPlatform.values()) {
            @SuppressWarnings("unchecked")
            Set<String> domains = (Set<String>) e.get("cookieDomains");
            if (domains.isEmpty()) {
                e.remove("cookieDomains");
            }
            trackers.add(e);
        }
        root.put("trackers", trackers);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(args[1]).toFile(), root);
    }

    private static Map<String, Object> newEntry(String platform, String controller) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", idOf(platform));
        e.put("name", platform);
        e.put("owner", controller.isEmpty() ? platform : controller);
        e.put("categories", new LinkedHashSet<String>());
        e.put("cookies", new ArrayList<Object>());
        e.put("cookieDomains", new LinkedHashSet<String>());
        return e;
    }

    private static String idOf(String platform) {
        return "ocd-" + platform.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /**
     * Whether a cookie's name says it records the visitor's own privacy choice ({@code matomo_ignore},
     * {@code _cs_optout}, {@code mtm_consent}, {@code ppms_privacy_…}, {@code pi_opt_in}, {@code gdpr_status}). Such
     * a cookie identifies no one, and expiring it would make the vendor forget an opt-out: the catalog never lists it.
     */
    static boolean recordsAPrivacyChoice(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("dnt")) {
            return true;
        }
        for (String word : PRIVACY_CHOICE_WORDS) {
            if (n.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static boolean isGeneric(String name, boolean prefix) {
        String n = name.toLowerCase(Locale.ROOT);
        if (name.length() <= 4 || COMMON_WORDS.contains(n)) {
            return true;
        }
        for (String word : APPLICATION_WORDS) {
            if (n.contains(word)) {
                return true;
            }
        }
        if (prefix && APPLICATION_PREFIXES.contains(n)) {
            return true;
        }
        // Plain words ("visitor", "session", "usersync") collide with application cookies; prefixes need more.
        return name.chars().allMatch(Character::isLetter) && (name.length() <= 10 || prefix);
    }

    static String domainOf(String raw) {
        String d = raw.strip().toLowerCase(Locale.ROOT);
        int space = d.indexOf(' ');
        if (space >= 0) {
            d = d.substring(0, space);
        }
        while (d.startsWith(".")) {
            d = d.substring(1);
        }
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return d.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+") ? d : null;
    }

    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
