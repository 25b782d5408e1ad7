package io.consentgate.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.consentgate.Category;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the catalog schema documented in {@code README.md} next to {@code trackers.json}; strict on purpose. Checks the
 * catalog as a whole (the root, ids, tombstones, which entry lists each key) and builds each entry; most of an entry's
 * fields are read by {@link CatalogFields}.
 */
final class CatalogJson {

    private static final Set<String> FIELDS = Set.of("id", "name", "owner", "categories", "hosts", "signatures",
            "taggedSignatures", "cookies", "cookieDomains", "endpoints", "loaders", "tagIds", "ampTypes",
            "magentoComponents", "dataBlocks", "pageFunctions", "pageQueues", "disabled", "notes");

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
        Map<String, String> dataBlockOwners = new HashMap<>();
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
            for (DataBlockMember m : entry.dataBlocks()) {
                claim(dataBlockOwners, m.key(), id, where, "dataBlocks");
            }
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
            throw new CatalogFormatException("catalog: unsupported \"version\" " + CatalogFields.show(version)
                    + " (expected 1)");
        }
        JsonNode list = root.get("trackers");
        if (list == null || !list.isArray()) {
            throw new CatalogFormatException("catalog: field \"trackers\" must be an array");
        }
        return list;
    }

    private static void checkId(String id, Set<String> ids, String where) {
        if (!CatalogNames.isId(id)) {
            throw new CatalogFormatException(
                where + ": field \"id\": use lower-case letters, digits, '-', '_' and '.'");
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
        Set<Category> categories = CatalogFields.categories(node.get("categories"), where, "categories");
        List<String> hosts = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        hosts(node, where, hosts, paths);
        List<String> signatures = CatalogFields.signatures(node, "signatures", where);
        List<String> taggedSignatures = CatalogFields.signatures(node, "taggedSignatures", where);
        List<CookiePattern> cookies = CatalogFields.cookies(node.get("cookies"), where);
        List<String> cookieDomains = cookieDomains(node, where);
        List<EndpointPattern> endpoints = CatalogFields.endpoints(node.get("endpoints"), where);
        List<String> endpointPaths = new ArrayList<>();
        for (EndpointPattern e : endpoints) {
            endpointPaths.add(e.prefix() ? e.path() + "*" : e.path());
        }
        List<LoaderPattern> loaders = CatalogFields.loaders(node.get("loaders"), where);
        List<TagIdRule> tagIds = CatalogFields.tagIds(node.get("tagIds"), where);
        if (!taggedSignatures.isEmpty() && tagIds.isEmpty()) {
            throw new CatalogFormatException(where + ": field \"taggedSignatures\" needs \"tagIds\": they count only"
                    + " where one of the tracker's tag ids is in the same script");
        }
        List<String> ampTypes = ampTypes(node, where);
        List<String> components = magentoComponents(node, where);
        List<DataBlockMember> dataBlocks = CatalogFields.dataBlocks(node.get("dataBlocks"), where);
        List<String> pageFunctions = CatalogFields.pageGlobals(node, "pageFunctions", where);
        List<String> pageQueues = CatalogFields.pageGlobals(node, "pageQueues", where);
        for (String q : pageQueues) {
            if (pageFunctions.contains(q)) {
                throw new CatalogFormatException(where + ": \"" + q + "\" is listed in both \"pageFunctions\" and"
                        + " \"pageQueues\"");
            }
        }
        if (hosts.isEmpty() && signatures.isEmpty() && taggedSignatures.isEmpty() && cookies.isEmpty()
                && endpoints.isEmpty() && loaders.isEmpty() && ampTypes.isEmpty() && components.isEmpty()
                && dataBlocks.isEmpty()) {
            throw new CatalogFormatException(where + ": needs at least one of hosts, signatures, taggedSignatures,"
                    + " cookies, endpoints, loaders, ampTypes, magentoComponents, dataBlocks");
        }
        Tracker t = new Tracker(id, name, owner, categories, hosts, paths, signatures, cookies, endpointPaths);
        return new CatalogEntry(t, tagIds, taggedSignatures, cookieDomains, endpoints, loaders, ampTypes,
                components, dataBlocks, new PageGlobals(pageFunctions, pageQueues));
    }

    /** Splits each item of {@code hosts} into a host name and a path prefix, added to the two lists. */
    private static void hosts(JsonNode node, String where, List<String> hosts, List<String> paths) {
        for (String h : CatalogFields.strings(node, "hosts", where)) {
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
        List<String> cookieDomains = CatalogFields.strings(node, "cookieDomains", where);
        for (String d : cookieDomains) {
            if (!CatalogNames.isHost(d)) {
                throw new CatalogFormatException(where + ": field \"cookieDomains\": \"" + d + "\" is not a host");
            }
        }
        return cookieDomains;
    }

    private static List<String> ampTypes(JsonNode node, String where) {
        List<String> ampTypes = CatalogFields.strings(node, "ampTypes", where);
        for (String type : ampTypes) {
            if (!CatalogNames.isAmpType(type)) {
                throw new CatalogFormatException(where + ": field \"ampTypes\": \"" + type
                        + "\" must be a lower-case AMP vendor type (letters, digits, '-', '_', '.')");
            }
        }
        return ampTypes;
    }

    private static List<String> magentoComponents(JsonNode node, String where) {
        List<String> components = CatalogFields.strings(node, "magentoComponents", where);
        for (String c : components) {
            if (!CatalogNames.isComponentName(c)) {
                throw new CatalogFormatException(where + ": field \"magentoComponents\": \"" + c
                        + "\" must be a RequireJS module name or alias (letters, digits, '_', '-', '.', inner '/';"
                        + " at most 200 characters)");
            }
        }
        return components;
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
}
