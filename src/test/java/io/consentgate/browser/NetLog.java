package io.consentgate.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.support.ui.FluentWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Chromium net-log ({@code --log-net-log=FILE}): what the browser's network stack really did, below the DevTools
 * view: host resolutions, DNS transactions, TCP and UDP sockets. Event types are numbers mapped to names by the
 * file's {@code constants.logEventTypes}.
 */
final class NetLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<JsonNode>> paramsByType;

    private NetLog(Map<String, List<JsonNode>> paramsByType) {
        this.paramsByType = paramsByType;
    }

    /** Reads the log once the exiting browser has finished writing it (a closed JSON document). */
    static NetLog read(Path file, Duration timeout) {
        JsonNode root = new FluentWait<>(file)
                .withTimeout(timeout)
                .pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> "Chromium did not finish writing its net-log " + file)
                .until(NetLog::parseIfComplete);
        Map<Integer, String> names = new HashMap<>();
        root.path("constants").path("logEventTypes").properties()
                .forEach(e -> names.put(e.getValue().asInt(), e.getKey()));
        Map<String, List<JsonNode>> byType = new HashMap<>();
        for (JsonNode event : root.path("events")) {
            String type = names.getOrDefault(event.path("type").asInt(), "?");
            byType.computeIfAbsent(type, t -> new ArrayList<>()).add(event.path("params"));
        }
        return new NetLog(byType);
    }

    private static JsonNode parseIfComplete(Path file) {
        try {
            return Files.exists(file) ? JSON.readTree(file.toFile()) : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException stillBeingWritten) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many events of this type (e.g. {@code DNS_TRANSACTION}) were logged. */
    int count(String type) {
        return paramsByType.getOrDefault(type, List.of()).size();
    }

    /** The {@code address} parameter of every event of this type that has one, e.g. {@code 127.0.0.1:9}. */
    List<String> addresses(String type) {
        List<String> out = new ArrayList<>();
        for (JsonNode params : paramsByType.getOrDefault(type, List.of())) {
            if (params.hasNonNull("address")) {
                out.add(params.get("address").asText());
            }
        }
        return out;
    }
}
