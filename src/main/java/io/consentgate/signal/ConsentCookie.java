package io.consentgate.signal;

import io.consentgate.Category;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The codec for ConsentGate's own consent cookie (default name {@code cg_consent}). The consent endpoint writes it;
 * other systems (a CMS, an edge worker, a single-page app) may write it too, so the format is a contract:
 *
 * <pre>
 * value      = "1" "." categories "." revision "." epochSeconds "." consentId [ "." signature ]
 * categories = "-" / category *( "+" category )      ; granted non-necessary categories, any order, no duplicates
 * category   = "functional" / "analytics" / "marketing"   ; exact lower case; "necessary" is implicit, never listed
 * revision   = "0" / %x31-39 *8DIGIT                 ; policy revision the consent was given for
 * epochSeconds = "0" / %x31-39 *11DIGIT              ; when the consent was given, seconds since 1970-01-01T00:00Z
 * consentId  = 22base64url                           ; 128 random bits, base64url without padding
 * signature  = 43base64url                           ; base64url, no padding, of
 *                                                    ; HMAC-SHA256(secret, every character before the last ".")
 * </pre>
 *
 * <p>Example: {@code cg_consent=1.functional+analytics.3.1767225600.q0s8Xv2kLwV3mZ1YcR7pTA}. Every character is an
 * RFC 6265 cookie-octet; the value needs no quoting or URL-encoding. Write it with {@code Path=/},
 * {@code SameSite=Lax}, {@code Secure} and a {@code Max-Age} no longer than the policy's consent maximum age.
 *
 * <p>{@link #decode} returns empty (no consent, fail closed) and adds a reason to {@code problems} when: the value is
 * longer than {@value #MAX_LENGTH} characters; contains a character outside {@code [A-Za-z0-9+._-]} (non-ASCII,
 * control characters, quotes, spaces...); has the wrong number of fields or a bad field; names an unknown or
 * duplicate category; has a revision other than the current policy revision; was issued more than
 * {@value #CLOCK_SKEW_SECONDS} seconds in the future or longer ago than the maximum age; or, when a secret is
 * configured, is unsigned or carries a wrong signature (compared in constant time). Without a secret a signature is
 * syntax-checked and otherwise ignored. A cookie name that appears twice in a request is rejected by
 * {@link SignalReader} before decoding (ambiguous).
 *
 * <p>Thread-safe; stateless.
 */
public final class ConsentCookie {

    /** Longest accepted cookie value, in characters (= bytes: the format is ASCII). */
    public static final int MAX_LENGTH = 512;
    /** How far in the future an issue time may lie (clock skew between servers). */
    public static final long CLOCK_SKEW_SECONDS = 300;

    static final String FORMAT_VERSION = "1";
    private static final String HMAC = "HmacSHA256";
    private static final int ID_CHARS = 22;
    private static final int SIGNATURE_CHARS = 43;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ConsentCookie() {
    }

    /**
     * Encodes {@code consent} (its {@code source} is not stored). Categories are written in {@link Category} order.
     *
     * @param hmacSecretOrNull the secret to sign with, or {@code null} for an unsigned value
     * @throws IllegalArgumentException when the consent id is not 22 base64url characters, the revision or timestamp is
     *                                  negative, or the secret is shorter than {@value SignalSettings#MIN_SECRET_BYTES}
     *                                  bytes
     */
    public static String encode(StoredConsent consent, byte[] hmacSecretOrNull) {
        Objects.requireNonNull(consent, "consent");
        if (!isConsentId(consent.consentId())) {
            throw new IllegalArgumentException("consentId must be 22 base64url characters");
        }
        if (consent.revision() < 0 || consent.timestamp().getEpochSecond() < 0) {
            throw new IllegalArgumentException("revision and timestamp must not be negative");
        }
        if (hmacSecretOrNull != null && hmacSecretOrNull.length < SignalSettings.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "hmacSecret must be at least " + SignalSettings.MIN_SECRET_BYTES + " bytes");
        }
        StringJoiner categories = new StringJoiner("+");
        for (Category c : Category.values()) {
            if (c != Category.NECESSARY && consent.granted().contains(c)) {
                categories.add(c.id());
            }
        }
        String cats = categories.length() == 0 ? "-" : categories.toString();
        String payload = FORMAT_VERSION + "." + cats + "." + consent.revision() + "."
                + consent.timestamp().getEpochSecond() + "." + consent.consentId();
        if (hmacSecretOrNull == null) {
            return payload;
        }
        return payload + "." + B64.encodeToString(hmac(hmacSecretOrNull, payload));
    }

    /**
     * Decodes and validates a cookie value against the current settings. Never throws on any input.
     *
     * @param problems receives one reason when the result is empty; never raw cookie content
     * @return the consent (source {@code "consentgate"}), or empty when the value is invalid in any way
     */
    public static Optional<StoredConsent> decode(String value, SignalSettings settings, Clock clock,
                                                 List<String> problems) {
        String name = settings.consentCookieName();
        String reason = check(value, settings);
        if (reason != null) {
            problems.add(name + ": " + reason);
            return Optional.empty();
        }
        String[] f = value.split("\\.", -1);
        Optional<EnumSet<Category>> granted = parseCategories(f[1]);
        if (granted.isEmpty()) {
            problems.add(name + ": unknown, duplicate or misspelt category");
            return Optional.empty();
        }
        int revision = Integer.parseInt(f[2]);
        if (revision != settings.policyRevision()) {
            problems.add(name + ": stale policy revision (current " + settings.policyRevision() + ")");
            return Optional.empty();
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(f[3]));
        Instant now = clock.instant();
        if (issued.isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS))) {
            problems.add(name + ": issued in the future");
            return Optional.empty();
        }
        if (Duration.between(issued, now).compareTo(settings.consentMaxAge()) > 0) {
            problems.add(name + ": expired (older than the consent maximum age)");
            return Optional.empty();
        }
        return Optional.of(new StoredConsent(granted.get(), revision, issued, f[4], StoredConsent.SOURCE_CONSENTGATE));
    }

    /**
     * Whether a non-empty value is unreadable: not what {@link #decode} accepts, and not merely lapsed (older than the
     * maximum age) or given for another policy revision. Such a cookie was written on a choice that cannot be read.
     */
    static boolean unreadable(String value, SignalSettings settings, Clock clock) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (check(value, settings) != null) {
            return true;
        }
        String[] f = value.split("\\.", -1);
        return parseCategories(f[1]).isEmpty()
                || Instant.ofEpochSecond(Long.parseLong(f[3])).isAfter(clock.instant().plusSeconds(CLOCK_SKEW_SECONDS));
    }

    /**
     * The categories a cookie value refused when it is valid in every way (format, signature, age) except that it was
     * given for another policy revision; empty otherwise. Never throws on any input.
     */
    static Set<Category> refusalsOfAnotherRevision(String value, SignalSettings settings, Clock clock) {
        if (check(value, settings) != null) {
            return Set.of();
        }
        String[] f = value.split("\\.", -1);
        Optional<EnumSet<Category>> granted = parseCategories(f[1]);
        if (granted.isEmpty() || Integer.parseInt(f[2]) == settings.policyRevision()) {
            return Set.of();
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(f[3]));
        Instant now = clock.instant();
        if (issued.isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS))
                || Duration.between(issued, now).compareTo(settings.consentMaxAge()) > 0) {
            return Set.of();
        }
        EnumSet<Category> refused = EnumSet.complementOf(granted.get());
        refused.remove(Category.NECESSARY);
        return refused;
    }

    /**
     * A new random consent id: 128 bits from {@link SecureRandom}, base64url without padding (22 characters).
     */
    public static String newConsentId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    /** Syntax and signature check; null when fine, else the reason. */
    private static String check(String value, SignalSettings settings) {
        if (value == null || value.isEmpty()) {
            return "empty value";
        }
        if (value.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Tokens.isBase64Url(c) && c != '.' && c != '+') {
                return c > 0x7E ? "non-ASCII character" : Tokens.isCtl(c) ? "control character"
                        : "character outside the format's alphabet";
            }
        }
        String[] f = value.split("\\.", -1);
        if (f.length != 5 && f.length != 6) {
            return "wrong number of fields";
        }
        if (!FORMAT_VERSION.equals(f[0])) {
            return "unknown format version";
        }
        if (!isDecimal(f[2], 9)) {
            return "bad revision";
        }
        if (!isDecimal(f[3], 12)) {
            return "bad timestamp";
        }
        if (!isConsentId(f[4])) {
            return "bad consent id";
        }
        if (f.length == 6 && !isBase64UrlOfLength(f[5], SIGNATURE_CHARS)) {
            return "malformed signature";
        }
        if (settings.signed()) {
            if (f.length != 6) {
                return "unsigned, but a signature is required";
            }
            // Compare the canonical encodings: decoding would ignore the last character's unused bits and accept
            // four spellings of one signature.
            String payload = value.substring(0, value.lastIndexOf('.'));
            byte[] expected = B64.encodeToString(hmac(settings.hmacSecret(), payload))
                    .getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, f[5].getBytes(StandardCharsets.US_ASCII))) {
                return "bad signature";
            }
        }
        return null;
    }

    private static Optional<EnumSet<Category>> parseCategories(String field) {
        EnumSet<Category> granted = EnumSet.noneOf(Category.class);
        if ("-".equals(field)) {
            return Optional.of(granted);
        }
        for (String id : field.split("\\+", -1)) {
            Category c = switch (id) {
                case "functional" -> Category.FUNCTIONAL;
                case "analytics" -> Category.ANALYTICS;
                case "marketing" -> Category.MARKETING;
                default -> null;
            };
            if (c == null || !granted.add(c)) {
                return Optional.empty();
            }
        }
        return Optional.of(granted);
    }

    private static boolean isDecimal(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits || s.length() > 1 && s.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isConsentId(String s) {
        return s != null && isBase64UrlOfLength(s, ID_CHARS);
    }

    private static boolean isBase64UrlOfLength(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!Tokens.isBase64Url(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static byte[] hmac(byte[] secret, String payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory on every Java platform.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
