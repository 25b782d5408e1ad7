package io.consentgate.signal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Shared, size-guarded decoding for other consent managers' cookies. Never throws. */
final class CmpText {

    /** Longest foreign cookie value read at all (browsers cap a cookie at about 4 KiB). */
    static final int MAX_VALUE_CHARS = 4096;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(8)
                    .maxStringLength(MAX_VALUE_CHARS)
                    .maxNumberLength(32)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CmpText() {
    }

    /** Percent-decodes ({@code +} = space) as UTF-8; empty on a bad escape or control characters in the result. */
    static Optional<String> urlDecode(String value) {
        try {
            String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
            for (int i = 0; i < decoded.length(); i++) {
                if (Tokens.isCtl(decoded.charAt(i))) {
                    return Optional.empty();
                }
            }
            return Optional.of(decoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses a JSON object that may be percent-encoded ({@code %7B...}); empty when it is neither, too deep, has
     * duplicate keys or trailing content.
     */
    static Optional<JsonNode> jsonObject(String value) {
        String text = value;
        if (text.regionMatches(true, 0, "%7B", 0, 3)) {
            Optional<String> decoded = urlDecode(text);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            text = decoded.get();
        }
        if (!text.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code value} may be read at all: non-null, non-empty, within the size cap. */
    static boolean readable(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_VALUE_CHARS;
    }
}
