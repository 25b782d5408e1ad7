package io.consentgate.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VisitorHashTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        void set(Instant value) {
            now = value;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Counts key generations. */
    static final class CountingRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        int keys;

        @Override
        public void nextBytes(byte[] bytes) {
            keys++;
            super.nextBytes(bytes);
        }
    }

    private static final String UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15";

    @Test
    void isStableWithinAUtcDay() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-28T00:00:00Z"));
        VisitorHash h = new VisitorHash(clock, new SecureRandom());
        String morning = h.of("203.0.113.0", UA);
        clock.set(Instant.parse("2026-11-28T23:59:59.999Z"));
        assertEquals(morning, h.of("203.0.113.0", UA));
        assertTrue(morning.matches("[A-Za-z0-9_-]{22}"), morning);
    }

    @Test
    void rotatesTheKeyAtUtcMidnight() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-28T23:59:59Z"));
        CountingRandom random = new CountingRandom();
        VisitorHash h = new VisitorHash(clock, random);
        String before = h.of("203.0.113.0", UA);
        clock.set(Instant.parse("2026-11-29T00:00:00Z"));
        String after = h.of("203.0.113.0", UA);
        assertNotEquals(before, after);
        assertEquals(2, random.keys);
        // the old key is gone: going back in time does not bring the old id back
        clock.set(Instant.parse("2026-11-28T23:59:59Z"));
        assertEquals(after, h.of("203.0.113.0", UA));
        assertEquals(2, random.keys);
    }

    @Test
    void separatesVisitorsByAddressAndUserAgent() {
        VisitorHash h = new VisitorHash(Clock.fixed(Entries.T, ZoneOffset.UTC), new SecureRandom());
        String a = h.of("203.0.113.0", UA);
        assertNotEquals(a, h.of("198.51.100.0", UA));
        assertNotEquals(a, h.of("203.0.113.0", UA + " Edg/131"));
        assertEquals(h.of("-", null), h.of("-", ""));
    }

    @Test
    void twoInstancesNeverShareAKey() {
        Clock clock = Clock.fixed(Entries.T, ZoneOffset.UTC);
        assertNotEquals(new VisitorHash(clock, new SecureRandom()).of("203.0.113.0", UA),
                new VisitorHash(clock, new SecureRandom()).of("203.0.113.0", UA));
    }
}
