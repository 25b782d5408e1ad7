package io.consentgate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.consentgate.catalog.CatalogFormatException;
import io.consentgate.catalog.TrackerCatalog;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * <p>This class gathers the text; finding and opening the policy file is {@code PolicyLocation}, what each key means
 * and which values it takes is {@code PolicyParameters}, and the typed rules live in {@link Policy.Builder}, so both
 * front doors agree.
 */
public final class PolicyReader {

    /** Init-param naming the policy file: {@code classpath:NAME}, {@code file:PATH}, a webapp path, or {@code none}. */
    public static final String POLICY_FILE = "policy-file";

    /**
     * Every accepted key with its default. The README's table, the filter's Javadoc and the demo's {@code web.xml}
     * list the same keys, with the same defaults (a test checks them against this map; it does not check their order).
     */
    public static final Map<String, String> PARAMETERS = PolicyParameters.DEFAULTS;

    /** Keys a policy file may hold that are not plain init-params (structured values). */
    private static final Set<String> STRUCTURED_FILE_KEYS = Set.of("klaro-services", "trackers");

    /** The keys an init-param may have, in documentation order. */
    private static final Set<String> INIT_PARAM_KEYS = PARAMETERS.keySet();

    /** The keys a policy file may hold, in documentation order: every init-param's but its own, and the catalog's. */
    private static final Set<String> FILE_KEYS = fileKeys();

    private PolicyReader() {
    }

    private static Set<String> fileKeys() {
        Set<String> keys = new LinkedHashSet<>(PARAMETERS.keySet());
        keys.remove(POLICY_FILE);
        keys.addAll(STRUCTURED_FILE_KEYS);
        return Collections.unmodifiableSet(keys);
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
        if (!PolicyParameters.isNone(location)) {
            structured = fileSettings(location, opener, settings, fromFile);
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!e.getKey().equals(POLICY_FILE)) {
                settings.put(e.getKey(), e.getValue());
                fromFile.remove(e.getKey());
            }
        }
        Policy.Builder b = Policy.builder();
        String klaroParam = params.get("klaro-services");
        boolean klaroNone = klaroParam != null && PolicyParameters.isNone(klaroParam.strip());
        if (structured != null && structured.has("klaro-services") && !klaroNone) {
            // Before the init-params, so that an init-param naming the same service wins, as for every key. The
            // file's services are merged under the init-param's, so an init-param "none" (no mapping) must drop them.
            try {
                fileKlaroServices(b, structured.get("klaro-services"));
            } catch (InvalidPolicyException e) {
                throw e.in(location);
            }
        }
        apply(b, settings, fromFile, location);
        if (structured != null && structured.has("trackers")) {
            fromFile.put("trackers", location);
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
     * Loads the policy file's settings into {@code settings}, each marked as from the file in {@code fromFile}; returns
     * the file's settings object, for its structured keys. A file the container serves to anyone may not hold the
     * consent secret ({@code PolicyLocation.requireUnservedSecret}).
     */
    private static JsonNode fileSettings(String location, ResourceOpener opener, Map<String, String> settings,
            Map<String, String> fromFile) {
        PolicyLocation where = PolicyLocation.of(location);
        Loaded loaded = load(where, opener);
        JsonNode root = loaded.root();
        Map<String, String> read;
        try {
            read = flatten(root, loaded.written());
        } catch (InvalidPolicyException e) {
            throw e.in(location);
        }
        where.requireUnservedSecret(read.get("consent-secret"));
        read.forEach((k, v) -> {
            settings.put(k, v);
            fromFile.put(k, location);
        });
        return root;
    }

    /** Sets each of {@code settings} on the builder; the error of a key from the file names the file. */
    private static void apply(Policy.Builder b, Map<String, String> settings, Map<String, String> fromFile,
            String location) {
        for (Map.Entry<String, String> e : settings.entrySet()) {
            try {
                BiConsumer<Policy.Builder, String> setter = PolicyParameters.SETTERS.get(e.getKey());
                if (setter == null) {
                    throw unknown(e.getKey(), INIT_PARAM_KEYS);
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
    }

    /**
     * An empty or blank value is never read as "none": a template variable that rendered nothing would otherwise
     * switch a protection off. The message names the keyword the parameter does take for that.
     */
    private static InvalidPolicyException empty(String key, String raw) {
        String keyword = key.equals(POLICY_FILE)
                || PolicyParameters.takes(key, "none") && !PolicyParameters.NAME_KEYS.contains(key) ? "none" : null;
        if (PolicyParameters.OFF_KEYS.contains(key)) {
            keyword = "off";
        }
        return new InvalidPolicyException(key, "'" + (raw == null ? "" : raw) + "' is empty; " + (keyword == null
                ? "write a value" : "an empty value is never read as " + keyword + ": write " + keyword
                + " if that is meant"));
    }

    /**
     * An unknown key: the message leads with the known key it was likely meant to be ({@link Misspellings}).
     *
     * @param known the keys the key's source takes: {@link #INIT_PARAM_KEYS} or {@link #FILE_KEYS}
     */
    private static InvalidPolicyException unknown(String key, Set<String> known) {
        if (key.equals("catalog")) {
            return new InvalidPolicyException(key, "unknown parameter; tracker overrides go in the list 'trackers' "
                    + "(its entries follow the tracker catalog schema)");
        }
        if (known == INIT_PARAM_KEYS && STRUCTURED_FILE_KEYS.contains(key) && !INIT_PARAM_KEYS.contains(key)) {
            return new InvalidPolicyException(key, "is read from a policy file only (a list of entries, not text): "
                    + "put it in the file that policy-file names, like /WEB-INF/consentgate.yaml");
        }
        return new InvalidPolicyException(key, Misspellings.unknownKey(key, known));
    }

    /**
     * A policy file's {@code klaro-services}: an object of service name to category, or the init-param's
     * {@code name=category,...} text.
     */
    private static void fileKlaroServices(Policy.Builder b, JsonNode ks) {
        if (ks.isTextual()) {
            PolicyParameters.SETTERS.get("klaro-services").accept(b, ks.asText().strip());
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
            b.klaroService(e.getKey(), PolicyParameters.category("klaro-services", e.getValue().asText()));
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
     * A policy file's settings object, and for each of its keys the text of each number and boolean as written: the
     * key's own value, or each item of its list ({@code null} where an item is neither).
     */
    private record Loaded(JsonNode root, Map<String, List<String>> written) {
    }

    /**
     * Reads the file's one settings object. A repeated key, anything after the object (JSON) and a second document
     * (YAML {@code ---}) are errors: each would otherwise let one setting silently replace or hide another.
     */
    private static Loaded load(PolicyLocation location, ResourceOpener opener) {
        String lower = location.toString().toLowerCase(Locale.ROOT);
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
        try (InputStream in = location.open(opener)) {
            byte[] bytes = in.readAllBytes();
            try (JsonParser parser = factory.createParser(bytes)) {
                JsonNode root = mapper.readTree(parser);
                if (root == null || !root.isObject()) {
                    throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' must hold an object of settings");
                }
                if (hasMore(parser)) {
                    throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' " + (yaml
                            ? "holds more than one YAML document (a second ---): keep every setting in one"
                            : "has text after the settings object"));
                }
                return new Loaded(root, writtenTexts(factory, bytes));
            }
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' is not valid: " + syntaxError(e), e);
        } catch (IOException e) {
            throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' cannot be read: " + e, e);
        }
    }

    /**
     * The numbers and booleans of the settings object as written ({@code 0x1F}, {@code 1_000}, {@code 007}; YAML's
     * {@code no}, {@code Off}): the tree holds only their values. Read again from the text, which has already parsed
     * once.
     */
    private static Map<String, List<String>> writtenTexts(JsonFactory factory, byte[] bytes) throws IOException {
        Map<String, List<String>> out = new HashMap<>();
        try (JsonParser p = factory.createParser(bytes)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                List<String> texts = new ArrayList<>();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
                        texts.add(item.isNumeric() || item.isBoolean() ? p.getText() : null);
                        p.skipChildren();
                    }
                } else {
                    texts.add(t.isNumeric() || t.isBoolean() ? p.getText() : null);
                    p.skipChildren();
                }
                out.put(key, texts);
            }
        }
        return out;
    }

    /**
     * A parse error on one line, with where it is: the YAML parser's own message spans lines (a snippet of the file and
     * a caret under the column) and a JSON parser's has no position, but the message must fit on a log or stderr line.
     */
    static String syntaxError(JsonProcessingException e) {
        String problem;
        int line;
        int column;
        MarkedYAMLException yaml = null;
        for (Throwable t = e; t != null && yaml == null; t = t.getCause()) {
            yaml = t instanceof MarkedYAMLException m && m.getProblemMark() != null ? m : null;
        }
        if (yaml != null) {
            problem = yaml.getProblem() + (yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")");
            line = yaml.getProblemMark().getLine() + 1;
            column = yaml.getProblemMark().getColumn() + 1;
        } else {
            problem = e.getOriginalMessage();
            line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        }
        String oneLine = (problem == null ? "syntax error" : problem).strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return oneLine + (line > 0 ? " at line " + line + (column > 0 ? ", column " + column : "") : "");
    }

    /** Whether anything but white space (and comments) follows the settings object; text that is no token counts. */
    private static boolean hasMore(JsonParser parser) throws IOException {
        try {
            return parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    private static Map<String, String> flatten(JsonNode root, Map<String, List<String>> written) {
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
            if (!PolicyParameters.SETTERS.containsKey(key)) {
                throw unknown(key, FILE_KEYS);
            }
            if (v.isArray() && !PolicyParameters.LIST_KEYS.contains(key)) {
                throw new InvalidPolicyException(key, "takes one value, but the file gives a list " + v
                        + ": write one value (quoted, if it holds a comma)");
            }
            List<String> texts = written.getOrDefault(key, List.of());
            if (v.isArray()) {
                List<String> items = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    items.add(scalar(key, v.get(i), i < texts.size() ? texts.get(i) : null));
                }
                out.put(key, String.join(",", items));
            } else {
                out.put(key, scalar(key, v, texts.isEmpty() ? null : texts.get(0)));
            }
        }
        return out;
    }

    /**
     * One value of a policy file as init-param text. A boolean is text only for a true/false parameter; YAML also reads
     * an unquoted {@code off}, {@code no}, {@code on}, {@code yes} as one, so false means {@code off} for the parameters
     * that take {@code off}. For a category list it is the word as written, which no category is named: the category
     * rule then says what was likely meant ({@code none}, or the categories), which quoting it would not give. Anywhere
     * else a boolean is an error that says to quote the value.
     *
     * <p>A number is its text only when written as its own value reads ({@code 395}, {@code 1.5}): YAML also reads an
     * unquoted {@code 0x1F}, {@code 017}, {@code 1_000}, {@code +1} or {@code 1e3} as a number, whose value would
     * silently replace what was written (a hex secret would become its decimal value), so such a number is an error
     * that says to quote the value.
     *
     * @param written the number or boolean as written in the file, or null when unknown
     */
    private static String scalar(String key, JsonNode n, String written) {
        if (n.isNull()) {
            return "";
        }
        if (!n.isValueNode()) {
            throw new InvalidPolicyException(key, "must be a string, number, boolean or list");
        }
        if (n.isBoolean() && !PolicyParameters.BOOLEAN_KEYS.contains(key)) {
            if (!n.booleanValue() && PolicyParameters.OFF_KEYS.contains(key)) {
                return "off";
            }
            if (PolicyParameters.CATEGORY_KEYS.contains(key)) {
                return written == null ? n.asText() : written;
            }
            throw new InvalidPolicyException(key, "'" + (written == null ? n.asText() : written) + "' was read as the "
                    + "boolean " + n.asText() + ", which is not a value of this parameter (in YAML an unquoted yes, no, "
                    + "on, off, true or false is a boolean): quote it");
        }
        if (n.isNumber() && !n.asText().equals(written)) {
            throw new InvalidPolicyException(key, "'" + (written == null ? n.asText() : written) + "' was read as the "
                    + "number " + n.asText() + " (in YAML an unquoted number with 0x, a leading 0, _, + or an exponent "
                    + "is read as its value, not as written): quote it");
        }
        return n.asText();
    }

}
