package io.consentgate.signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An in-memory {@link HeaderSource} for tests: case-insensitive names, repeated lines kept in order. */
final class TestHeaders implements HeaderSource {

    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    static TestHeaders of(String... nameValuePairs) {
        TestHeaders h = new TestHeaders();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            h.add(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return h;
    }

    TestHeaders add(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
        return this;
    }

    @Override
    public List<String> values(String name) {
        return List.copyOf(headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }
}
