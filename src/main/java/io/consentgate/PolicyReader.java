package io.consentgate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consentgate.catalog.CatalogFormatException;
import io.consentgate.catalog.TrackerCatalog;
import jakarta.servlet.ServletContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Builds a {@link Policy} from {@code web.xml} init-params and an optional JSON or YAML policy file. The file uses the
 * same keys as the init-params; an init-param overrides the same key in the file. Unknown keys and invalid values fail
 * with an {@link InvalidPolicyException} naming the key (and the file).
 *
 * <p>This class gathers the text; finding and opening the policy file is {@code PolicyLocation}, parsing it
 * {@code PolicyFile}, what each key means and which values it takes is {@code PolicyParameters}, and the typed rules
 * live in {@link Policy.Builder}, so both front doors agree.
 */
public final class PolicyReader {

    /** Init-param naming the policy file: {@code classpath:NAME}, {@code file:PATH}, a webapp path, or {@code none}. */
    public static final String POLICY_FILE = "policy-file";

    /**
     * Every accepted key with its default. The README's table, the filter's Javadoc and the demo's {@code web.xml}
     * list the same keys, with the same defaults (a test checks them against this map; it does not check their order).
     */
    public static final Map<String, String> PARAMETERS = PolicyParameters.DEFAULTS;

    /** The keys an init-param may have, in documentation order. */
    static final Set<String> INIT_PARAM_KEYS = PARAMETERS.keySet();

    private PolicyReader() {
    }

    /** Opens a policy file named by the {@value #POLICY_FILE} init-param; returns null when it does not exist. */
    @FunctionalInterface
    public interface ResourceOpener {
        InputStream open(String location) throws IOException;

        /**
         * Where the webapp path {@code path} is on disk, as {@code ServletContext.getRealPath} answers, or null when
         * the webapp is not a directory (a packed WAR, an embedded context without a base). A {@code file:} policy
         * file inside the webapp's directory is served like its webapp path, so it may not hold the consent secret.
         * The default knows no directory.
         */
        default String realPath(String path) {
            return null;
        }

        /** The webapp resources of {@code context}, and the directory it is served from. */
        static ResourceOpener of(ServletContext context) {
            return new ResourceOpener() {
                @Override
                public InputStream open(String location) {
                    return context.getResourceAsStream(location);
                }

                @Override
                public String realPath(String path) {
                    return context.getRealPath(path);
                }
            };
        }
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
        PolicyFile loaded = PolicyFile.load(where, opener);
        JsonNode root = loaded.root();
        Map<String, String> read;
        try {
            read = loaded.settings();
        } catch (InvalidPolicyException e) {
            throw e.in(location);
        }
        where.requireUnservedSecret(read.get("consent-secret"), opener);
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
     * @param known the keys the key's source takes: {@link #INIT_PARAM_KEYS} or {@code PolicyFile.KEYS}
     */
    static InvalidPolicyException unknown(String key, Set<String> known) {
        if (key.equals("catalog")) {
            return new InvalidPolicyException(key, "unknown parameter; tracker overrides go in the list 'trackers' "
                    + "(its entries follow the tracker catalog schema)");
        }
        if (known == INIT_PARAM_KEYS && PolicyFile.STRUCTURED_KEYS.contains(key) && !INIT_PARAM_KEYS.contains(key)) {
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
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("trackers", trackers);
        try {
            return TrackerCatalog.bundled().withOverrides(TrackerCatalog.fromJson(root));
        } catch (CatalogFormatException e) {
            throw new InvalidPolicyException("trackers", e.getMessage(), e);
        }
    }
}
