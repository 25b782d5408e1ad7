package io.consentgate;

import io.consentgate.log.IpMask;
import io.consentgate.wellknown.WellKnownResources;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The rule each single policy value must meet, shared by {@link Policy.Builder}'s setters (and so by both front
 * doors): returns the value as the policy keeps it, or throws {@link InvalidPolicyException} naming the init-param.
 * Rules that relate two values (regions, gated cookies) are checked at {@link Policy.Builder#build()}.
 */
final class PolicyValueRules {

    /** The most IPv4 bits a mask may keep: a /24 network, as with Matomo's {@code bytes=1}. */
    static final int MAX_V4_BITS_KEPT = 24;
    /** The most IPv6 bits a mask may keep: a /64 network, one subscriber's, as with {@code bytes=1}. */
    static final int MAX_V6_BITS_KEPT = 64;

    private PolicyValueRules() {
    }

    static Set<Category> nonNecessary(String param, Category... categories) {
        EnumSet<Category> s = EnumSet.noneOf(Category.class);
        for (Category c : categories) {
            if (c == null || c == Category.NECESSARY) {
                throw new InvalidPolicyException(param, "only functional, analytics and marketing can be refused");
            }
            s.add(c);
        }
        return s;
    }

    static String token(String param, String value) {
        if (value == null || value.isBlank() || !value.strip().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new InvalidPolicyException(param, "'" + value + "' is not a valid header or cookie name");
        }
        return value.strip();
    }

    /** An upper-case region code ({@code DE}, {@code US-CA}); the parameter named is the one for {@code mode}. */
    static String regionCode(String region, ConsentMode mode) {
        String r = region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
        if (!r.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
            throw new InvalidPolicyException(regionsParameter(mode), "'" + region
                    + "' is not a region code like DE or US-CA");
        }
        return r;
    }

    static String regionsParameter(ConsentMode m) {
        return m == ConsentMode.OPT_OUT ? "opt-out-regions" : "opt-in-regions";
    }

    static int policyRevision(int revision) {
        if (revision < 1) {
            throw new InvalidPolicyException("policy-revision", "must be a positive integer, was " + revision);
        }
        return revision;
    }

    static Duration consentMaxAge(Duration maxAge) {
        if (maxAge == null || maxAge.toDays() < 1 || maxAge.toDays() > 3650) {
            throw new InvalidPolicyException("consent-max-age-days", "must be between 1 and 3650 days");
        }
        return maxAge;
    }

    /** A copy of the secret, or null. */
    static byte[] consentSecret(byte[] secret) {
        if (secret != null && secret.length < 32) {
            throw new InvalidPolicyException("consent-secret", "must be at least 32 bytes, was " + secret.length);
        }
        return secret == null ? null : secret.clone();
    }

    /** The names, stripped and lower-cased, each one of {@link Policy#KNOWN_CMPS}. */
    static Set<String> honouredCmps(String... cmps) {
        Set<String> s = new LinkedHashSet<>();
        for (String c : cmps) {
            String n = c == null ? "" : c.strip().toLowerCase(Locale.ROOT);
            if (!Policy.KNOWN_CMPS.contains(n)) {
                throw new InvalidPolicyException("honour-cmps", "unknown consent manager '" + c + "'; known: "
                        + Policy.KNOWN_CMPS);
            }
            s.add(n);
        }
        return s;
    }

    /** The stripped service name. */
    static String klaroService(String service, Category category) {
        if (service == null || service.isBlank() || category == null || category == Category.NECESSARY) {
            throw new InvalidPolicyException("klaro-services", "needs a service name and a non-necessary category");
        }
        return service.strip();
    }

    static String permissionsPolicy(String value) {
        if (value != null && (value.isBlank() || !isHeaderSafe(value))) {
            throw new InvalidPolicyException("permissions-policy", "must be a non-empty header value without "
                    + "control characters");
        }
        return value;
    }

    /** @throws IllegalArgumentException (not a configuration error: only the builder takes an {@code IpMask}) */
    static IpMask ipMask(IpMask mask) {
        if (mask.v4Bits() > MAX_V4_BITS_KEPT || mask.v6Bits() > MAX_V6_BITS_KEPT) {
            throw new IllegalArgumentException("the access log always masks the client address: keep at most "
                    + MAX_V4_BITS_KEPT + " IPv4 and " + MAX_V6_BITS_KEPT + " IPv6 bits (got " + mask + ")");
        }
        return mask;
    }

    static int accessLogMaxLength(int chars) {
        if (chars < 16 || chars > 65536) {
            throw new InvalidPolicyException("access-log-max-length", "must be between 16 and 65536");
        }
        return chars;
    }

    static int htmlMaxHeldBytes(int bytes) {
        if (bytes < 1024 || bytes > 64 * 1024 * 1024) {
            throw new InvalidPolicyException("html-max-held-bytes", "must be between 1024 and 67108864");
        }
        return bytes;
    }

    /** The lower-cased attribute name. */
    static String consentAttribute(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!n.matches("[a-z][a-z0-9-]*")) {
            throw new InvalidPolicyException("consent-attribute", "'" + name + "' is not an attribute name");
        }
        return n;
    }

    /**
     * A path-valued parameter: absolute, written decoded and normalized, as containers and browsers compare it. A
     * {@code .} or {@code ..} segment, an empty one ({@code //}) or a {@code ;} (containers take path parameters off
     * before matching; in a cookie path it ends the attribute) makes a path that no request path ever equals.
     */
    static String path(String param, String value) {
        String p = value == null ? "" : value.strip();
        if (!p.startsWith("/") || p.startsWith("//") || !p.matches("/[A-Za-z0-9._~!$&'()*+,=:@/-]*")) {
            throw new InvalidPolicyException(param, "'" + value + "' is not an absolute path like /consent (written "
                    + "decoded, without ;, %, ?, # or spaces)");
        }
        String[] segments = p.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            if (seg.equals(".") || seg.equals("..") || (seg.isEmpty() && i < segments.length - 1)) {
                throw new InvalidPolicyException(param, "'" + value + "' has an empty, . or .. segment, so no request "
                        + "path ever equals it: write the normalized path");
            }
        }
        return p;
    }

    /**
     * The consent endpoint's path: also not {@code /} (every request for the home page would get the decision JSON,
     * and one with a query string a 403) nor a well-known resource the filter answers first, which would hide it.
     */
    static String endpointPath(String param, String value) {
        String p = path(param, value);
        if (p.equals("/")) {
            throw new InvalidPolicyException(param, "'" + value + "' is the site's root: the endpoint would answer "
                    + "every request for the home page");
        }
        if (WellKnownResources.isServedPath(p)) {
            throw new InvalidPolicyException(param, "'" + value + "' is a well-known resource ConsentGate answers "
                    + "itself, so the endpoint would never be reached");
        }
        return p;
    }

    static String absoluteUrl(String param, String value) {
        String v = value.strip();
        if (!(v.startsWith("https://") || v.startsWith("http://")) || !isHeaderSafe(v) || v.contains(" ")) {
            throw new InvalidPolicyException(param, "'" + value + "' is not an absolute http(s) URL");
        }
        return v;
    }

    static boolean isHeaderSafe(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
