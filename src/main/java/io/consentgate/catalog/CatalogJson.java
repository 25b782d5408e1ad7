package io.consentgate.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.consentgate.Category;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the catalog schema documented in {@code README.md} next to {@code trackers.json}; strict on purpose. */
final class CatalogJson {

    private static final Set<String> FIELDS = Set.of("id", "name", "owner", "categories", "hosts", "signatures",
            "taggedSignatures", "cookies", "cookieDomains", "endpoints", "loaders", "tagIds", "ampTypes",
            "magentoComponents", "pageFunctions", "pageQueues", "disabled", "notes");

    /** Parsed entries plus the ids of {@code {"id": .., "disabled": true}} tombstones. */
    record Parsed(List<CatalogEntry> entries, Set<String> disabled) {
    }

    private CatalogJson() {
    }

    static Parsed parse(JsonNode root) {
        JsonNode list = trackers(root);
        List<CatalogEntry> entries = new ArrayList<>();
        Set<String> disabled = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        Map<String, String> hostOwners = new HashMap<>();
        Map<String, String> ampTypeOwners = new HashMap<>();
        Map<String, String> componentOwners = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String where = "tracker #" + i;
            if (!node.isObject()) {
                throw new CatalogFormatException(where + ": must be an object");
            }
            String id = text(node, "id", where, true);
            where = where + " \"" + id + "\"";
            checkId(id, ids, where);
            checkFields(node, where);
            if (tombstone(node, where)) {
                disabled.add(id);
                continue;
            }
            CatalogEntry entry = entry(node, id, where);
            claimKeys(entry, id, where, hostOwners, ampTypeOwners, componentOwners);
            entries.add(entry);
        }
        return new Parsed(entries, disabled);
    }

    /** The {@code trackers} array, after checking the root's fields and {@code version}. */
    private static JsonNode trackers(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new CatalogFormatException("catalog: the root must be an object with a \"trackers\" array");
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("trackers") && !n.equals("version") && !n.equals("$comment")) {
                throw new CatalogFormatException("catalog: unknown top-level field \"" + n + "\"");
            }
        }
        JsonNode version = root.get("version");
        if (version != null && !(version.isInt() && version.intValue() == 1)) {
            throw new CatalogFormatException("catalog: unsupported \"version\" " + version + " (expected 1)");
        }
        JsonNode list = root.get("trackers");
        if (list == null || !list.isArray()) {
            throw new CatalogFormatException("catalog: field \"trackers\" must be an array");
        }
        return list;
    }

    private static void checkId(String id, Set<String> ids, String where) {
        if (!CatalogNames.isId(id)) {
            throw new CatalogFormatException(where + ": field \"id\": use lower-case letters, digits and '-'");
        }
        if (!ids.add(id)) {
            throw new CatalogFormatException(where + ": field \"id\": listed twice");
        }
    }

    /** Whether the entry is a {@code {"id": .., "disabled": true}} tombstone. */
    private static boolean tombstone(JsonNode node, String where) {
        JsonNode dis = node.get("disabled");
        if (dis == null) {
            return false;
        }
        if (!dis.isBoolean()) {
            throw new CatalogFormatException(where + ": field \"disabled\": must be true or false");
        }
        return dis.booleanValue();
    }

    /** Records which tracker lists each host, AMP type and Magento component; a second tracker may not list it. */
    private static void claimKeys(CatalogEntry entry, String id, String where, Map<String, String> hostOwners,
            Map<String, String> ampTypeOwners, Map<String, String> componentOwners) {
        for (int h = 0; h < entry.tracker().hosts().size(); h++) {
            String key = entry.tracker().hosts().get(h) + entry.tracker().pathPrefixes().get(h);
            claim(hostOwners, key, id, where, "hosts");
        }
        for (String type : entry.ampTypes()) {
            claim(ampTypeOwners, type, id, where, "ampTypes");
        }
        for (String component : entry.magentoComponents()) {
            claim(componentOwners, component, id, where, "magentoComponents");
        }
    }

    private static void claim(Map<String, String> owners, String key, String id, String where, String field) {
        String prev = owners.putIfAbsent(key, id);
        if (prev != null) {
            throw new CatalogFormatException(where + ": field \"" + field + "\": \"" + key
                    + "\" is already listed by \"" + prev + "\"");
        }
    }

    private static CatalogEntry entry(JsonNode node, String id, String where) {
        String name = text(node, "name", where, true);
        String owner = text(node, "owner", where, true);
        Set<Category> categories = categories(node.get("categories"), where, "categories");
        List<String> hosts = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        hosts(node, where, hosts, paths);
        List<String> signatures = signatures(node, "signatures", where);
        List<String> taggedSignatures = signatures(node, "taggedSignatures", where);
        List<CookiePattern> cookies = cookies(node.get("cookies"), where);
        List<String> cookieDomains = cookieDomains(node, where);
        List<EndpointPattern> endpoints = endpoints(node.get("endpoints"), where);
        List<String> endpointPaths = new ArrayList<>();
        for (EndpointPattern e : endpoints) {
            endpointPaths.add(e.prefix() ? e.path() + "*" : e.path());
        }
        List<LoaderPattern> loaders = loaders(node.get("loaders"), where);
        List<TagIdRule> tagIds = tagIds(node.get("tagIds"), where);
        if (!taggedSignatures.isEmpty() && tagIds.isEmpty()) {
            throw new CatalogFormatException(where + ": field \"taggedSignatures\" needs \"tagIds\": they count only"
                    + " where one of the tracker's tag ids is in the same script");
        }
        List<String> ampTypes = ampTypes(node, where);
        List<String> components = magentoComponents(node, where);
        List<String> pageFunctions = pageGlobals(node, "pageFunctions", where);
        List<String> pageQueues = pageGlobals(node, "pageQueues", where);
        for (String q : pageQueues) {
            if (pageFunctions.contains(q)) {
                throw new CatalogFormatException(where + ": \"" + q + "\" is listed in both \"pageFunctions\" and"
                        + " \"pageQueues\"");
            }
        }
        if (hosts.isEmpty() && signatures.isEmpty() && taggedSignatures.isEmpty() && cookies.isEmpty()
                && endpoints.isEmpty() && loaders.isEmpty() && ampTypes.isEmpty() && components.isEmpty()) {
            throw new CatalogFormatException(where + ": needs at least one of hosts, signatures, taggedSignatures,"
                    + " cookies, endpoints, loaders, ampTypes, magentoComponents");
        }
        Tracker t = new Tracker(id, name, owner, categories, hosts, paths, signatures, cookies, endpointPaths);
        return new CatalogEntry(t, tagIds, taggedSignatures, cookieDomains, endpoints, loaders, ampTypes,
                components, new PageGlobals(pageFunctions, pageQueues));
    }

    /** Splits each item of {@code hosts} into a host name and a path prefix, added to the two lists. */
    private static void hosts(JsonNode node, String where, List<String> hosts, List<String> paths) {
        for (String h : strings(node, "hosts", where)) {
            int slash = h.indexOf('/');
            String host = slash < 0 ? h : h.substring(0, slash);
            String path = slash < 0 ? "" : h.substring(slash);
            if (!CatalogNames.isHost(host)) {
                throw new CatalogFormatException(where + ": field \"hosts\": \"" + h
                        + "\" is not a lower-case host name (optionally followed by a /path prefix)");
            }
            if (path.equals("/")) {
                path = "";
            }
            if (!numberSegmentsWhole(path)) {
                throw new CatalogFormatException(where + ": field \"hosts\": \"" + h
                        + "\": '#' stands for a number only as a whole segment of the path (\"/#/\")");
            }
            hosts.add(host);
            paths.add(path);
        }
    }

    private static List<String> cookieDomains(JsonNode node, String where) {
        List<String> cookieDomains = strings(node, "cookieDomains", where);
        for (String d : cookieDomains) {
            if (!CatalogNames.isHost(d)) {
                throw new CatalogFormatException(where + ": field \"cookieDomains\": \"" + d + "\" is not a host");
            }
        }
        return cookieDomains;
    }

    private static List<LoaderPattern> loaders(JsonNode v, String where) {
        List<LoaderPattern> loaders = new ArrayList<>();
        for (JsonNode item : loaderItems(v, where)) {
            String l = item.isObject() ? item.get("path").textValue() : item.textValue();
            LoaderPattern lp = LoaderPattern.parse(l);
            if (lp != null && item.isObject()) {
                lp = lp.withShape(loaderShape(item.get("wildcard"), l, where));
                if (lp == null) {
                    throw new CatalogFormatException(where + ": field \"loaders\": \"" + l
                            + "\" has no '*' for its \"wildcard\" to shape");
                }
            }
            if (lp == null) {
                throw new CatalogFormatException(where + ": field \"loaders\": \"" + l
                        + "\" must be an ASCII path of at least 4 characters starting with '/', optionally followed by"
                        + " one ?param=valuePrefix (no '#', '&'; one '*' only in the file name, after three of its"
                        + " characters, or as a whole directory before the file name) and [attributes] the loading"
                        + " element must carry (lower case; with two or more the path may be /*.js)");
            }
            loaders.add(lp);
        }
        return loaders;
    }

    private static List<String> ampTypes(JsonNode node, String where) {
        List<String> ampTypes = strings(node, "ampTypes", where);
        for (String type : ampTypes) {
            if (!CatalogNames.isAmpType(type)) {
                throw new CatalogFormatException(where + ": field \"ampTypes\": \"" + type
                        + "\" must be a lower-case AMP vendor type (letters, digits, '-', '_', '.')");
            }
        }
        return ampTypes;
    }

    private static List<String> magentoComponents(JsonNode node, String where) {
        List<String> components = strings(node, "magentoComponents", where);
        for (String c : components) {
            if (!CatalogNames.isComponentName(c)) {
                throw new CatalogFormatException(where + ": field \"magentoComponents\": \"" + c
                        + "\" must be a RequireJS module name or alias (letters, digits, '_', '-', '.', inner '/';"
                        + " at most 200 characters)");
            }
        }
        return components;
    }

    /** The items of {@code loaders}: paths, or {@code {"path": "...*...", "wildcard": "<regex>"}}. */
    private static List<JsonNode> loaderItems(JsonNode v, String where) {
        List<JsonNode> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new CatalogFormatException(where + ": field \"loaders\" must be an array");
        }
        for (JsonNode e : v) {
            boolean shaped = e.isObject() && e.size() == 2 && e.path("path").isTextual() && e.has("wildcard");
            if (!e.isTextual() && !shaped) {
                throw new CatalogFormatException(where + ": field \"loaders\": " + e
                        + " must be a path or {\"path\": \"...*...\", \"wildcard\": \"<regex>\"}");
            }
            out.add(e);
        }
        return out;
    }

    /** What a loader's {@code *} must stand for: a regular expression like a tag id's body. */
    private static java.util.regex.Pattern loaderShape(JsonNode shape, String path, String where) {
        String field = where + ": field \"loaders\": \"" + path + "\": \"wildcard\"";
        if (!shape.isTextual() || shape.textValue().isEmpty() || shape.textValue().length() > 200
                || !CatalogNames.isAscii(shape.textValue())) {
            throw new CatalogFormatException(field + " must be a regular expression of at most 200 ASCII characters");
        }
        java.util.regex.Pattern p;
        try {
            p = java.util.regex.Pattern.compile(shape.textValue());
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new CatalogFormatException(field + ": not a regular expression: " + e.getDescription());
        }
        if (p.matcher("").matches()) {
            throw new CatalogFormatException(field + " must not match an empty name");
        }
        return p;
    }

    /** Whether each {@code #} of a host's path prefix is a whole segment: {@code /#/} or a final {@code /#}. */
    private static boolean numberSegmentsWhole(String path) {
        for (int i = path.indexOf('#'); i >= 0; i = path.indexOf('#', i + 1)) {
            if (path.charAt(i - 1) != '/' || i + 1 < path.length() && path.charAt(i + 1) != '/') {
                return false;
            }
        }
        return true;
    }

    private static List<String> pageGlobals(JsonNode node, String field, String where) {
        List<String> names = strings(node, field, where);
        for (String n : names) {
            if (!CatalogNames.isPageGlobal(n)) {
                throw new CatalogFormatException(where + ": field \"" + field + "\": \"" + n
                        + "\" must be a JavaScript identifier (ASCII letters, digits, '_', '$'; at most 64 characters)"
                        + " that is not one of the browser's own globals or a keyword");
            }
        }
        return names;
    }

    private static List<String> signatures(JsonNode node, String field, String where) {
        List<String> signatures = strings(node, field, where);
        for (String s : signatures) {
            if (s.length() < 3 || !CatalogNames.isAscii(s)) {
                throw new CatalogFormatException(where + ": field \"" + field + "\": \"" + s
                        + "\" must be ASCII and at least 3 characters long");
            }
            if (s.endsWith("_")) {
                // it would only match an identifier that ends there: a name's prefix never matches
                throw new CatalogFormatException(where + ": field \"" + field + "\": \"" + s
                        + "\" ends with '_', so it matches only a name that ends there: list whole names");
            }
        }
        return signatures;
    }

    private static void checkFields(JsonNode node, String where) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!FIELDS.contains(n)) {
                throw new CatalogFormatException(where + ": unknown field \"" + n + "\"");
            }
        }
    }

    private static String text(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new CatalogFormatException(where + ": field \"" + field + "\" is required");
            }
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw new CatalogFormatException(where + ": field \"" + field + "\" must be a non-empty string");
        }
        return v.textValue().strip();
    }

    private static List<String> strings(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new CatalogFormatException(where + ": field \"" + field + "\" must be an array of strings");
        }
        for (JsonNode s : v) {
            if (!s.isTextual() || s.textValue().isEmpty()) {
                throw new CatalogFormatException(where + ": field \"" + field + "\": " + s + " is not a string");
            }
            out.add(s.textValue());
        }
        return out;
    }

    private static Set<Category> categories(JsonNode v, String where, String field) {
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new CatalogFormatException(where + ": field \"" + field + "\" must be a non-empty array");
        }
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (JsonNode c : v) {
            Category cat = c.isTextual() ? Category.fromId(c.textValue()).orElse(null) : null;
            if (cat == null) {
                throw new CatalogFormatException(where + ": field \"" + field + "\": unknown category " + c);
            }
            if (cat == Category.NECESSARY) {
                throw new CatalogFormatException(where + ": field \"" + field
                        + "\": \"necessary\" is never gated; leave such an entry out of the catalog");
            }
            out.add(cat);
        }
        return out;
    }

    private static List<CookiePattern> cookies(JsonNode v, String where) {
        List<CookiePattern> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new CatalogFormatException(where + ": field \"cookies\" must be an array");
        }
        for (JsonNode c : v) {
            String name;
            boolean generic = false;
            if (c.isTextual()) {
                name = c.textValue();
            } else if (c.isObject() && c.path("name").isTextual() && c.size() <= 2
                    && (c.size() == 1 || c.path("generic").isBoolean())) {
                name = c.get("name").textValue();
                generic = c.path("generic").asBoolean(false);
            } else {
                throw new CatalogFormatException(where + ": field \"cookies\": " + c
                        + " must be a name or {\"name\": .., \"generic\": true}");
            }
            boolean prefix = name.endsWith("*");
            String n = prefix ? name.substring(0, name.length() - 1) : name;
            if (n.isEmpty() || n.startsWith("*") || n.indexOf('*') != n.lastIndexOf('*')
                    || !CatalogNames.isCookieName(n)) {
                throw new CatalogFormatException(where + ": field \"cookies\": bad cookie name pattern \""
                        + name + "\"");
            }
            out.add(new CookiePattern(n, prefix, generic));
        }
        return out;
    }

    private static List<EndpointPattern> endpoints(JsonNode v, String where) {
        List<EndpointPattern> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new CatalogFormatException(where + ": field \"endpoints\" must be an array");
        }
        for (JsonNode e : v) {
            String path;
            boolean generic = false;
            if (e.isTextual()) {
                path = e.textValue();
            } else if (e.isObject() && e.path("path").isTextual() && e.size() <= 2
                    && (e.size() == 1 || e.path("generic").isBoolean())) {
                path = e.get("path").textValue();
                generic = e.path("generic").asBoolean(false);
            } else {
                throw new CatalogFormatException(where + ": field \"endpoints\": " + e
                        + " must be a path or {\"path\": .., \"generic\": true}");
            }
            boolean prefix = path.endsWith("*");
            String p = prefix ? path.substring(0, path.length() - 1) : path;
            if (!p.startsWith("/") || p.indexOf('*') >= 0 || p.indexOf('?') >= 0 || p.indexOf('#') >= 0
                    || !CatalogNames.isAscii(p)) {
                throw new CatalogFormatException(where + ": field \"endpoints\": \"" + path
                        + "\" must be an ASCII path starting with '/' (optionally ending in '*')");
            }
            String refusal = CollectionPath.refusal(p, prefix);
            if (refusal != null) {
                throw new CatalogFormatException(where + ": field \"endpoints\": \"" + path + "\": " + refusal);
            }
            out.add(new EndpointPattern(p, prefix, generic));
        }
        return out;
    }

    private static List<TagIdRule> tagIds(JsonNode v, String where) {
        List<TagIdRule> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            throw new CatalogFormatException(where
                    + ": field \"tagIds\" must be an object {\"PREFIX-\": [categories]}"
                    + " or {\"PREFIX-\": {\"categories\": [categories], \"body\": \"regex\"}}");
        }
        if (v.size() > 64) {
            throw new CatalogFormatException(where + ": field \"tagIds\": at most 64 prefixes");
        }
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String prefix = e.getKey();
            if (prefix.length() < 2 || !prefix.endsWith("-") || !prefix.toUpperCase(Locale.ROOT).equals(prefix)
                    || !CatalogNames.isAscii(prefix)) {
                throw new CatalogFormatException(where + ": field \"tagIds\": prefix \"" + prefix
                        + "\" must be upper-case ASCII ending in '-'");
            }
            JsonNode rule = e.getValue();
            if (rule != null && rule.isObject()) {
                out.add(shapedTagId(prefix, rule, where));
            } else {
                out.add(new TagIdRule(prefix, categories(rule, where, "tagIds." + prefix)));
            }
        }
        return out;
    }

    /** {@code {"categories": [...], "body": "<regex>"}}: a prefix whose ids have a known shape. */
    private static TagIdRule shapedTagId(String prefix, JsonNode rule, String where) {
        String field = "tagIds." + prefix;
        Iterator<String> names = rule.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("categories") && !n.equals("body")) {
                throw new CatalogFormatException(where + ": field \"" + field + "\": unknown field \"" + n
                        + "\" (expected \"categories\" and \"body\")");
            }
        }
        Set<Category> categories = categories(rule.get("categories"), where, field + ".categories");
        JsonNode body = rule.get("body");
        if (body == null || body.isNull()) {
            return new TagIdRule(prefix, categories);
        }
        if (!body.isTextual() || body.textValue().isEmpty() || body.textValue().length() > 200
                || !CatalogNames.isAscii(body.textValue())) {
            throw new CatalogFormatException(where + ": field \"" + field + ".body\" must be a regular expression of"
                    + " at most 200 ASCII characters");
        }
        java.util.regex.Pattern p;
        try {
            p = java.util.regex.Pattern.compile(body.textValue());
        } catch (java.util.regex.PatternSyntaxException x) {
            throw new CatalogFormatException(where + ": field \"" + field + ".body\": not a regular expression: "
                    + x.getDescription());
        }
        if (p.matcher("").matches()) {
            throw new CatalogFormatException(where + ": field \"" + field + ".body\" must not match an empty id");
        }
        return new TagIdRule(prefix, categories, p);
    }
}
