package io.consentgate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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

import static io.consentgate.PolicyReader.POLICY_FILE;

/**
 * A policy file as {@link PolicyReader} reads it: its one settings object, parsed from JSON or YAML, and for each of
 * its keys the text of each number and boolean as written (the key's own value, or each item of its list; {@code null}
 * where an item is neither), which the parsed tree no longer holds. {@link #settings} turns its plain keys into the
 * init-params' text; the structured ones ({@code klaro-services} as an object, {@code trackers}) the reader takes from
 * {@link #root}.
 */
record PolicyFile(JsonNode root, Map<String, List<String>> written) {

    /** Keys a policy file may hold that are not plain init-params (structured values). */
    static final Set<String> STRUCTURED_KEYS = Set.of("klaro-services", "trackers");

    /** The keys a policy file may hold, in documentation order: every init-param's but its own, and the catalog's. */
    static final Set<String> KEYS = keys();

    private static Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>(PolicyReader.PARAMETERS.keySet());
        keys.remove(POLICY_FILE);
        keys.addAll(STRUCTURED_KEYS);
        return Collections.unmodifiableSet(keys);
    }

    /**
     * Reads the file's one settings object. A repeated key, anything after the object (JSON) and a second document
     * (YAML {@code ---}) are errors: each would otherwise let one setting silently replace or hide another.
     */
    static PolicyFile load(PolicyLocation location, PolicyReader.ResourceOpener opener) {
        String lower = location.toString().toLowerCase(Locale.ROOT);
        JsonFactory factory;
        boolean yaml;
        if (lower.endsWith(".json")) {
            factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
            yaml = false;
        } else if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            factory = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
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
                return new PolicyFile(root, writtenTexts(factory, bytes));
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

    /**
     * The file's plain keys as init-param text, in the file's order: a list joined with commas, a number or boolean as
     * {@link #scalar} allows. Its structured keys ({@link #STRUCTURED_KEYS}) are left to the reader; an unknown key is
     * an error that suggests the key it was likely meant to be.
     */
    Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (key.equals(POLICY_FILE)) {
                throw new InvalidPolicyException(key, "a policy file cannot name another policy file");
            }
            if (STRUCTURED_KEYS.contains(key)) {
                continue;
            }
            if (!PolicyParameters.SETTERS.containsKey(key)) {
                throw PolicyReader.unknown(key, KEYS);
            }
            if (v.isArray() && !PolicyParameters.LIST_KEYS.contains(key)) {
                throw new InvalidPolicyException(key, "takes one value, but the file gives a list " + show(v)
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

    /** {@code node} as JSON text, for an error message: JsonNode.toString() would keep buffers in the thread. */
    private static String show(JsonNode node) {
        try {
            return new ObjectMapper(JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                    .build()).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.getNodeType().toString();
        }
    }
}
