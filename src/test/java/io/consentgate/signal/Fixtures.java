package io.consentgate.signal;

import io.consentgate.Category;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Shared test values: a fixed clock, a fixed consent id and valid cookie values built from them. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    static final long T = NOW.getEpochSecond();
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ID = "q0s8Xv2kLwV3mZ1YcR7pTA";
    static final byte[] SECRET = "0123456789abcdef-test-secret-32b".getBytes(StandardCharsets.US_ASCII);
    static final byte[] OTHER_SECRET = "fedcba9876543210-test-secret-32b".getBytes(StandardCharsets.US_ASCII);

    private Fixtures() {
    }

    static String value(Set<Category> granted, int revision, Instant at, byte[] secret) {
        return ConsentCookie.encode(new StoredConsent(granted, revision, at, ID, "consentgate"), secret);
    }

    static String valid() {
        return value(EnumSet.of(Category.ANALYTICS), 1, NOW, null);
    }

    static String validSigned() {
        return value(EnumSet.of(Category.ANALYTICS), 1, NOW, SECRET);
    }

    static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    static SignalSettings signedSettings() {
        return SignalSettings.defaults().withHmacSecret(SECRET);
    }

    static List<String> lines(String... lines) {
        return List.of(lines);
    }
}
