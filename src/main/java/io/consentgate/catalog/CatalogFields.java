package io.consentgate.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentgate.Category;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one catalog field into its value, or fails with the field's name and where (for example
 * {@code tracker #1 "google-analytics": field "cookies": ...}). {@link CatalogJson} builds each entry with these.
 */
final class CatalogFields {

    /** For error messages; JsonNode.toString() would keep buffers in the thread that starts the webapp. */
    private static final ObjectMapper SHOW = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build());

    private CatalogFields() {
    }

    static Set<Category> categories(JsonNode v, String where, String field) {
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new CatalogFormatException(where + ": field \"" + field + "\" must be a non-empty array");
        }
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (JsonNode c : v) {
            Category cat = c.isTextual() ? Category.fromId(c.textValue()).orElse(null) : null;
            if (cat == null) {
                throw new CatalogFormatException(where + ": field \"" + field + "\": unknown category " + show(c));
            }
            if (cat == Category.NECESSARY) {
                throw new CatalogFormatException(where + ": field \"" + field
                        + "\": \"necessary\" is never gated; leave such an entry out of the catalog");
            }
            out.add(cat);
        }
        return out;
    }

    static List<String> signatures(JsonNode node, String field, String where) {
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

    static List<CookiePattern> cookies(JsonNode v, String where) {
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
                throw new CatalogFormatException(where + ": field \"cookies\": " + show(c)
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

    static List<EndpointPattern> endpoints(JsonNode v, String where) {
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
                throw new CatalogFormatException(where + ": field \"endpoints\": " + show(e)
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

    static List<LoaderPattern> loaders(JsonNode v, String where) {
        List<LoaderPattern> loaders = new ArrayList<>();
        for (JsonNode item : loaderItems(v, where)) {
            String l = item.isObject() ? item.get("path").textValue() : item.textValue();
            LoaderPattern lp = LoaderPattern.parse(l, item.isObject());
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
                        + " characters or, with a \"wildcard\", below a named directory, or as a whole directory before"
                        + " the file name) and [attributes] the loading"
                        + " element must carry (lower case; with two or more the path may be /*.js)");
            }
            loaders.add(lp);
        }
        return loaders;
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
                throw new CatalogFormatException(where + ": field \"loaders\": " + show(e)
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

    static List<TagIdRule> tagIds(JsonNode v, String where) {
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

    /**
     * {@code dataBlocks}: objects of a {@code member} name and its string {@code value}, each at most 200 characters of
     * printable ASCII (the names and values shared loaders read are short words).
     */
    static List<DataBlockMember> dataBlocks(JsonNode v, String where) {
        List<DataBlockMember> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new CatalogFormatException(where + ": field \"dataBlocks\" must be an array of objects");
        }
        for (JsonNode item : v) {
            if (!item.isObject() || item.size() != 2 || !isShortWord(item.get("member"))
                    || !isShortWord(item.get("value"))) {
                throw new CatalogFormatException(where + ": field \"dataBlocks\": " + show(item)
                        + " must be {\"member\": NAME, \"value\": VALUE}, both non-empty printable ASCII strings of at"
                        + " most 200 characters");
            }
            out.add(new DataBlockMember(item.get("member").textValue(), item.get("value").textValue()));
        }
        return out;
    }

    private static boolean isShortWord(JsonNode s) {
        if (s == null || !s.isTextual() || s.textValue().isEmpty() || s.textValue().length() > 200) {
            return false;
        }
        for (int i = 0; i < s.textValue().length(); i++) {
            char c = s.textValue().charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    static List<String> pageGlobals(JsonNode node, String field, String where) {
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

    static List<String> strings(JsonNode node, String field, String where) {
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
                throw new CatalogFormatException(where + ": field \"" + field + "\": " + show(s) + " is not a string");
            }
            out.add(s.textValue());
        }
        return out;
    }

    /** {@code node} as JSON text, for an error message. */
    static String show(JsonNode node) {
        try {
            return SHOW.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.getNodeType().toString();
        }
    }
}
