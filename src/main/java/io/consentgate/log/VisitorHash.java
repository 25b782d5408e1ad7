package io.consentgate.log;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A daily visitor id for counting unique visitors without an identifier: HMAC-SHA256 over
 * {@code maskedIp \n userAgent \n utcDay} under a random 256-bit key, truncated to 128 bits and written as
 * unpadded base64url (22 characters).
 *
 * <p>The key lives in memory only and is replaced by a fresh random one on the first use after UTC midnight; the
 * old key is dropped, so yesterday's ids can be neither recomputed nor linked to today's. Restarting the server
 * also starts a new key. Off by default: see {@link AccessLogEntry} for when it is computed.
 *
 * <p>Thread-safe.
 */
public final class VisitorHash {

    private static final String HMAC = "HmacSHA256";
    private static final int ID_BYTES = 16;

    private record DailyKey(LocalDate day, SecretKeySpec key) {
    }

    private final Clock clock;
    private final SecureRandom random;
    private final AtomicReference<DailyKey> current = new AtomicReference<>();

    VisitorHash(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** A visitor hash on the system UTC clock with a {@link SecureRandom} key. */
    public static VisitorHash dailyRotating() {
        return new VisitorHash(Clock.systemUTC(), new SecureRandom());
    }

    /**
     * The visitor id of today (UTC) for a masked address and a User-Agent ({@code null} is treated as empty).
     *
     * @throws IllegalStateException if the JVM has no HmacSHA256 (every Java SE runtime has it)
     */
    public String of(String maskedIp, String userAgent) {
        DailyKey k = keyFor(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(k.key());
            String input = (maskedIp == null ? "" : maskedIp) + '\n' + (userAgent == null ? "" : userAgent) + '\n'
                    + k.day();
            byte[] digest = mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
            byte[] id = new byte[ID_BYTES];
            System.arraycopy(digest, 0, id, 0, ID_BYTES);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private DailyKey keyFor(LocalDate today) {
        while (true) {
            DailyKey k = current.get();
            if (k != null && k.day().equals(today)) {
                return k;
            }
            if (k != null && k.day().isAfter(today)) {
                return k; // clock stepped back across midnight: keep the newer key rather than resurrect a day
            }
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            DailyKey fresh = new DailyKey(today, new SecretKeySpec(secret, HMAC));
            if (current.compareAndSet(k, fresh)) {
                return fresh;
            }
        }
    }
}
