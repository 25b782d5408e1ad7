package io.consentgate.signal;

import io.consentgate.Category;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link SignalReader} reads and how. Immutable; validated on construction (an invalid setting throws
 * {@link IllegalArgumentException} naming it, so a misconfigured filter fails {@code init()} instead of silently
 * honouring less or more than the operator meant).
 *
 * @param gpcHeaders        headers carrying Global Privacy Control. Default: {@code ["Sec-GPC"]}. May be empty (GPC
 *                          not read)
 * @param consentCookieName name of ConsentGate's own consent cookie, an RFC 6265 token, case-sensitive.
 *                          Default: {@code "cg_consent"}
 * @param policyRevision    the current policy revision; a stored consent for any other revision is ignored.
 *                          {@code >= 0}. Default: {@code 1}
 * @param consentMaxAge     how long a stored consent stays valid after it was given; positive. Default: 395 days
 *                          (13 months)
 * @param hmacSecret        HMAC-SHA256 key for signed consent cookies, at least {@value #MIN_SECRET_BYTES} bytes, or
 *                          {@code null} for unsigned cookies. When set, unsigned or badly signed cookies are ignored.
 *                          Default: {@code null}. The array is copied in and out
 * @param honouredCmps      other consent managers whose cookies are read, by source name: {@code cookiebot},
 *                          {@code onetrust}, {@code cookieconsent}, {@code klaro}, {@code tcf}, {@code usprivacy}.
 *                          Default: empty (only ConsentGate's own cookie)
 * @param regionHeader      a trusted header carrying the visitor's region (e.g. {@code CF-IPCountry}), or
 *                          {@code null} for none. Only set this for a header your CDN or proxy overwrites: visitors can
 *                          send any header. Default: {@code null}
 * @param klaroServices     Klaro service name to category, for the {@code klaro} cookie. Default: empty
 */
public record SignalSettings(List<String> gpcHeaders, String consentCookieName, int policyRevision,
                             Duration consentMaxAge, byte[] hmacSecret, Set<String> honouredCmps,
                             String regionHeader, Map<String, Category> klaroServices) {

    /** Minimum length of {@link #hmacSecret()}: 128 bits. */
    public static final int MIN_SECRET_BYTES = 16;

    /** Names accepted in {@link #honouredCmps()}, in the order error messages list them. */
    public static final Set<String> KNOWN_CMPS = Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("cookiebot", "onetrust", "cookieconsent", "klaro", "tcf", "usprivacy")));

    /** Validates every component and takes immutable copies. */
    public SignalSettings {
        Objects.requireNonNull(gpcHeaders, "gpcHeaders");
        for (String h : gpcHeaders) {
            requireToken(h, "gpcHeaders");
        }
        gpcHeaders = List.copyOf(gpcHeaders);
        requireToken(consentCookieName, "consentCookieName");
        if (policyRevision < 0) {
            throw new IllegalArgumentException("policyRevision must be >= 0");
        }
        Objects.requireNonNull(consentMaxAge, "consentMaxAge");
        if (consentMaxAge.isNegative() || consentMaxAge.isZero()) {
            throw new IllegalArgumentException("consentMaxAge must be positive");
        }
        if (hmacSecret != null) {
            if (hmacSecret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("hmacSecret must be at least " + MIN_SECRET_BYTES + " bytes");
            }
            hmacSecret = hmacSecret.clone();
        }
        Objects.requireNonNull(honouredCmps, "honouredCmps");
        for (String cmp : honouredCmps) {
            if (cmp == null || !KNOWN_CMPS.contains(cmp)) {
                throw new IllegalArgumentException("honouredCmps: unknown consent manager '" + cmp
                        + "', expected one of " + String.join(", ", KNOWN_CMPS));
            }
        }
        honouredCmps = Set.copyOf(honouredCmps);
        if (regionHeader != null) {
            requireToken(regionHeader, "regionHeader");
        }
        Objects.requireNonNull(klaroServices, "klaroServices");
        Map<String, Category> services = new LinkedHashMap<>();
        klaroServices.forEach((name, category) -> {
            if (name == null || name.isEmpty() || category == null) {
                throw new IllegalArgumentException("klaroServices: empty service name or null category");
            }
            services.put(name, category);
        });
        klaroServices = Map.copyOf(services);
    }

    /**
     * The defaults: GPC from {@code Sec-GPC}, cookie {@code cg_consent}, revision 1, 395 days, unsigned, no other
     * consent manager, no region header.
     */
    public static SignalSettings defaults() {
        return new SignalSettings(List.of("Sec-GPC"), "cg_consent", 1, Duration.ofDays(395), null, Set.of(), null,
                Map.of());
    }

    /** A copy of the secret, or {@code null}. */
    @Override
    public byte[] hmacSecret() {
        return hmacSecret == null ? null : hmacSecret.clone();
    }

    /** Whether a secret is configured (cheaper than {@link #hmacSecret()}). */
    public boolean signed() {
        return hmacSecret != null;
    }

    /** Whether the consent manager {@code source} is honoured. */
    public boolean honours(String source) {
        return honouredCmps.contains(source);
    }

    /** A copy with another consent cookie name. */
    public SignalSettings withConsentCookieName(String name) {
        return new SignalSettings(gpcHeaders, name, policyRevision, consentMaxAge, hmacSecret, honouredCmps,
                regionHeader, klaroServices);
    }

    /** A copy with another policy revision. */
    public SignalSettings withPolicyRevision(int revision) {
        return new SignalSettings(gpcHeaders, consentCookieName, revision, consentMaxAge, hmacSecret, honouredCmps,
                regionHeader, klaroServices);
    }

    /** A copy with another maximum consent age. */
    public SignalSettings withConsentMaxAge(Duration maxAge) {
        return new SignalSettings(gpcHeaders, consentCookieName, policyRevision, maxAge, hmacSecret, honouredCmps,
                regionHeader, klaroServices);
    }

    /** A copy with another HMAC secret ({@code null} = unsigned). */
    public SignalSettings withHmacSecret(byte[] secret) {
        return new SignalSettings(gpcHeaders, consentCookieName, policyRevision, consentMaxAge, secret, honouredCmps,
                regionHeader, klaroServices);
    }

    /** A copy honouring exactly these other consent managers. */
    public SignalSettings withHonouredCmps(Set<String> cmps) {
        return new SignalSettings(gpcHeaders, consentCookieName, policyRevision, consentMaxAge, hmacSecret, cmps,
                regionHeader, klaroServices);
    }

    /** A copy with another trusted region header ({@code null} = none). */
    public SignalSettings withRegionHeader(String header) {
        return new SignalSettings(gpcHeaders, consentCookieName, policyRevision, consentMaxAge, hmacSecret,
                honouredCmps, header, klaroServices);
    }

    /** A copy with other GPC headers. */
    public SignalSettings withGpcHeaders(List<String> headers) {
        return new SignalSettings(headers, consentCookieName, policyRevision, consentMaxAge, hmacSecret, honouredCmps,
                regionHeader, klaroServices);
    }

    /** A copy with another Klaro service mapping. */
    public SignalSettings withKlaroServices(Map<String, Category> services) {
        return new SignalSettings(gpcHeaders, consentCookieName, policyRevision, consentMaxAge, hmacSecret,
                honouredCmps, regionHeader, services);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignalSettings s
                && gpcHeaders.equals(s.gpcHeaders)
                && consentCookieName.equals(s.consentCookieName)
                && policyRevision == s.policyRevision
                && consentMaxAge.equals(s.consentMaxAge)
                && java.util.Arrays.equals(hmacSecret, s.hmacSecret)
                && honouredCmps.equals(s.honouredCmps)
                && Objects.equals(regionHeader, s.regionHeader)
                && klaroServices.equals(s.klaroServices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gpcHeaders, consentCookieName, policyRevision, consentMaxAge,
                java.util.Arrays.hashCode(hmacSecret), honouredCmps, regionHeader, klaroServices);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SignalSettings[gpcHeaders=" + gpcHeaders + ", consentCookieName=" + consentCookieName
                + ", policyRevision=" + policyRevision + ", consentMaxAge=" + consentMaxAge
                + ", hmacSecret=" + (hmacSecret == null ? "none" : "(" + hmacSecret.length + " bytes)")
                + ", honouredCmps=" + honouredCmps + ", regionHeader=" + regionHeader
                + ", klaroServices=" + klaroServices + "]";
    }

    private static void requireToken(String value, String setting) {
        if (value == null || value.isEmpty() || !Tokens.isToken(value)) {
            throw new IllegalArgumentException(setting + ": not a valid HTTP token: '" + value + "'");
        }
    }
}
