package io.consentgate;

import io.consentgate.beacon.BeaconSettings;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.OverflowAction;
import io.consentgate.html.RewriteMode;
import io.consentgate.log.AccessLogFormat;
import io.consentgate.log.ForwardingHeader;
import io.consentgate.log.IpMask;
import io.consentgate.log.TrustedProxies;
import io.consentgate.signal.SignalSettings;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything ConsentGate needs to know about a site, parsed once into one immutable object.
 *
 * <p>Two front doors build the same object: {@code web.xml} init-params (optionally with a JSON/YAML policy file),
 * read by {@link PolicyReader}, and this fluent builder for embedded servers:
 *
 * <pre>{@code
 * Policy policy = Policy.builder()
 *         .mode(ConsentMode.OPT_IN)
 *         .dntRefuses(Category.ANALYTICS, Category.MARKETING)
 *         .consentSecret(System.getenv("CONSENT_SECRET").getBytes(StandardCharsets.UTF_8))
 *         .build();
 * }</pre>
 *
 * <p>The defaults are the safe ones: opt-in (nothing non-necessary until the visitor consents), {@code Sec-GPC: 1}
 * refuses marketing, {@code DNT: 1} refuses analytics and marketing, and both signals beat a stored consent.
 * Each builder method documents its default and the init-param that sets it; {@link PolicyReader#PARAMETERS} lists
 * them all.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Policy {

    /**
     * The default {@code Permissions-Policy} sent to visitors who refuse marketing: the Topics API off. The other
     * Privacy Sandbox features ({@code join-ad-interest-group}, {@code run-ad-auction},
     * {@code attribution-reporting}, {@code private-aggregation}) are not listed: Chromium no longer ships them and
     * logs an "Unrecognized feature" error on every page that names them.
     */
    public static final String DEFAULT_PERMISSIONS_POLICY = "browsing-topics=()";

    /** The GPC request header the specification defines; always read, whatever {@code gpc-headers} adds. */
    public static final String GPC_HEADER = "Sec-GPC";

    private final ConsentMode mode;
    private final String regionHeader;
    private final Map<String, ConsentMode> regionModes;
    private final Set<Category> gpcRefuses;
    private final Set<Category> dntRefuses;
    private final boolean signalsOverrideConsent;
    private final List<String> gpcHeaders;
    private final String consentCookieName;
    private final int policyRevision;
    private final Duration consentMaxAge;
    private final byte[] consentSecret;
    private final Set<String> honouredCmps;
    private final Map<String, Category> klaroServices;
    private final String consentPath;
    private final String consentReturn;
    private final boolean tkHeader;
    private final VaryMode varyMode;
    private final String permissionsPolicy;
    private final boolean reportOnly;
    private final boolean gpcJson;
    private final LocalDate gpcLastUpdate;
    private final String trackingPolicyUrl;
    private final String trackingController;
    private final boolean htmlRewrite;
    private final RewriteMode htmlMode;
    private final int htmlMaxHeldBytes;
    private final OverflowAction htmlOnOverflow;
    private final boolean htmlStubGlobals;
    private final String consentAttribute;
    private final List<String> cookieExpiryPaths;
    private final boolean stripRequestCookies;
    private final boolean clearSiteData;
    private final TrackerCatalog catalog;
    private final AccessLogFormat accessLog;
    private final IpMask ipMask;
    private final TrustedProxies trustedProxies;
    private final int accessLogMaxLength;
    private final boolean visitorHash;
    private final BeaconSettings beacons;

    private Policy(Builder b) {
        this.mode = b.mode;
        this.regionHeader = b.regionHeader;
        this.regionModes = b.regionModes.frozen();
        this.gpcRefuses = Collections.unmodifiableSet(copy(b.gpcRefuses));
        this.dntRefuses = Collections.unmodifiableSet(copy(b.dntRefuses));
        this.signalsOverrideConsent = b.signalsOverrideConsent;
        this.gpcHeaders = List.copyOf(b.gpcHeaders);
        this.consentCookieName = b.consentCookieName;
        this.policyRevision = b.policyRevision;
        this.consentMaxAge = b.consentMaxAge;
        this.consentSecret = b.consentSecret == null ? null : b.consentSecret.clone();
        this.honouredCmps = Collections.unmodifiableSet(new LinkedHashSet<>(b.honouredCmps));
        this.klaroServices = Collections.unmodifiableMap(new LinkedHashMap<>(b.klaroServices));
        this.consentPath = b.consentPath;
        this.consentReturn = b.consentReturn;
        this.tkHeader = b.tkHeader;
        this.varyMode = b.varyMode;
        this.permissionsPolicy = b.permissionsPolicy;
        this.reportOnly = b.reportOnly;
        this.gpcJson = b.gpcJson;
        this.gpcLastUpdate = b.gpcLastUpdate;
        this.trackingPolicyUrl = b.trackingPolicyUrl;
        this.trackingController = b.trackingController;
        this.htmlRewrite = b.htmlRewrite;
        this.htmlMode = b.htmlMode;
        this.htmlMaxHeldBytes = b.htmlMaxHeldBytes;
        this.htmlOnOverflow = b.htmlOnOverflow;
        this.htmlStubGlobals = b.htmlStubGlobals;
        this.consentAttribute = b.consentAttribute;
        this.cookieExpiryPaths = List.copyOf(b.cookieExpiryPaths);
        this.stripRequestCookies = b.stripRequestCookies;
        this.clearSiteData = b.clearSiteData;
        this.catalog = b.catalog != null ? b.catalog : TrackerCatalog.bundled();
        this.accessLog = b.accessLog;
        this.ipMask = b.ipMask;
        this.trustedProxies = b.trustedProxies.withHeader(b.forwardedHeader);
        this.accessLogMaxLength = b.accessLogMaxLength;
        this.visitorHash = b.visitorHash;
        this.beacons = b.beacons;
    }

    private static EnumSet<Category> copy(Set<Category> s) {
        return s.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(s);
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The policy with every default: what a filter registered with no init-params enforces. */
    public static Policy defaults() {
        return builder().build();
    }

    public ConsentMode mode() {
        return mode;
    }

    public String regionHeader() {
        return regionHeader;
    }

    /** Region code (upper case, {@code DE} or {@code US-CA}) to the default mode there. */
    public Map<String, ConsentMode> regionModes() {
        return regionModes;
    }

    /**
     * The default mode for a visitor from {@code region} (may be null): an exact entry ({@code US-CA}) wins over the
     * country ({@code US}), which wins over {@link #mode()}.
     */
    public ConsentMode modeFor(String region) {
        return RegionModes.lookup(regionModes, region, mode);
    }

    public Set<Category> gpcRefuses() {
        return gpcRefuses;
    }

    public Set<Category> dntRefuses() {
        return dntRefuses;
    }

    public boolean signalsOverrideConsent() {
        return signalsOverrideConsent;
    }

    /** The request headers read as GPC: {@code Sec-GPC} first, then those {@code gpc-headers} added. */
    public List<String> gpcHeaders() {
        return gpcHeaders;
    }

    public String consentCookieName() {
        return consentCookieName;
    }

    public int policyRevision() {
        return policyRevision;
    }

    public Duration consentMaxAge() {
        return consentMaxAge;
    }

    /** A copy of the HMAC secret for the consent cookie, or null when cookies are unsigned. */
    public byte[] consentSecret() {
        return consentSecret == null ? null : consentSecret.clone();
    }

    public Set<String> honouredCmps() {
        return honouredCmps;
    }

    public Map<String, Category> klaroServices() {
        return klaroServices;
    }

    /** The consent endpoint path within the context, or null when the endpoint is off. */
    public String consentPath() {
        return consentPath;
    }

    public String consentReturn() {
        return consentReturn;
    }

    public boolean tkHeader() {
        return tkHeader;
    }

    public VaryMode varyMode() {
        return varyMode;
    }

    /** The {@code Permissions-Policy} value for visitors who refuse marketing, or null when off. */
    public String permissionsPolicy() {
        return permissionsPolicy;
    }

    public boolean reportOnly() {
        return reportOnly;
    }

    public boolean gpcJson() {
        return gpcJson;
    }

    /** The {@code lastUpdate} of {@code /.well-known/gpc.json}, or null to leave it out. */
    public LocalDate gpcLastUpdate() {
        return gpcLastUpdate;
    }

    public String trackingPolicyUrl() {
        return trackingPolicyUrl;
    }

    public String trackingController() {
        return trackingController;
    }

    /** Whether HTML responses are rewritten. */
    public boolean htmlRewrite() {
        return htmlRewrite;
    }

    public RewriteMode htmlMode() {
        return htmlMode;
    }

    public int htmlMaxHeldBytes() {
        return htmlMaxHeldBytes;
    }

    public OverflowAction htmlOnOverflow() {
        return htmlOnOverflow;
    }

    /** Whether a removed tracker script leaves inert stand-ins for the globals the page calls. */
    public boolean htmlStubGlobals() {
        return htmlStubGlobals;
    }

    /**
     * A builder for the HTML rewriter this policy configures: mode, hold cap and overflow action, stand-ins, category
     * attribute. The filter adds report-only; the CLI's {@code rewrite} uses it as it is, so that it writes what the
     * filter would send.
     */
    public HtmlRewriter.Builder htmlRewriter() {
        return HtmlRewriter.builder(catalog)
                .mode(htmlMode)
                .maxHeldBytes(htmlMaxHeldBytes)
                .overflow(htmlOnOverflow)
                .stubPageGlobals(htmlStubGlobals)
                .categoryAttribute(consentAttribute);
    }

    /** The attribute operators tag elements with to gate them by category ({@code data-consent="analytics"}). */
    public String consentAttribute() {
        return consentAttribute;
    }

    public List<String> cookieExpiryPaths() {
        return cookieExpiryPaths;
    }

    public boolean stripRequestCookies() {
        return stripRequestCookies;
    }

    public boolean clearSiteData() {
        return clearSiteData;
    }

    /** The tracker catalog: the bundled one with the operator's overrides applied. */
    public TrackerCatalog catalog() {
        return catalog;
    }

    public AccessLogFormat accessLog() {
        return accessLog;
    }

    public IpMask ipMask() {
        return ipMask;
    }

    /** Proxies whose forwarding header is believed, with the header to read. */
    public TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    public int accessLogMaxLength() {
        return accessLogMaxLength;
    }

    public boolean visitorHash() {
        return visitorHash;
    }

    /** The beacon gate's settings. */
    public BeaconSettings beacons() {
        return beacons;
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "Policy{mode=" + mode + ", regionHeader=" + regionHeader + ", regionModes=" + regionModes
                + ", gpcRefuses=" + gpcRefuses + ", dntRefuses=" + dntRefuses
                + ", signalsOverrideConsent=" + signalsOverrideConsent + ", gpcHeaders=" + gpcHeaders
                + ", consentCookieName=" + consentCookieName + ", policyRevision=" + policyRevision
                + ", consentMaxAgeDays=" + consentMaxAge.toDays() + ", signed=" + (consentSecret != null)
                + ", honouredCmps=" + honouredCmps + ", consentPath=" + consentPath
                + ", tkHeader=" + tkHeader + ", varyMode=" + varyMode.id() + ", permissionsPolicy=" + permissionsPolicy
                + ", reportOnly=" + reportOnly + ", gpcJson=" + gpcJson + ", htmlRewrite=" + htmlRewrite
                + ", htmlMode=" + htmlMode + ", htmlMaxHeldBytes=" + htmlMaxHeldBytes + ", htmlOnOverflow="
                + htmlOnOverflow + ", htmlStubGlobals=" + htmlStubGlobals + ", consentAttribute=" + consentAttribute + ", cookieExpiryPaths="
                + cookieExpiryPaths + ", stripRequestCookies=" + stripRequestCookies + ", clearSiteData="
                + clearSiteData + ", catalog=" + catalog + ", accessLog=" + accessLog.id() + ", ipMask=" + ipMask
                + ", trustedProxies=" + trustedProxies + ", visitorHash=" + visitorHash + ", beacons=" + beacons + "}";
    }

    /**
     * Fluent builder. Every setter validates its argument and throws {@link InvalidPolicyException} naming the
     * matching init-param, so the builder and {@code web.xml} fail the same way; a setter that takes a value already
     * built and checked by its own type ({@link #ipMask(IpMask)}) documents the exception it throws.
     */
    public static final class Builder {
        private ConsentMode mode = ConsentMode.OPT_IN;
        private String regionHeader;
        private final RegionModes regionModes = new RegionModes();
        private Set<Category> gpcRefuses = EnumSet.of(Category.MARKETING);
        private Set<Category> dntRefuses = EnumSet.of(Category.ANALYTICS, Category.MARKETING);
        private boolean signalsOverrideConsent = true;
        private List<String> gpcHeaders = List.of(GPC_HEADER);
        private String consentCookieName = "cg_consent";
        private int policyRevision = 1;
        private Duration consentMaxAge = Duration.ofDays(395);
        private byte[] consentSecret;
        private Set<String> honouredCmps = new LinkedHashSet<>();
        private final Map<String, Category> klaroServices = new LinkedHashMap<>();
        private String consentPath = "/consent";
        private String consentReturn = "/";
        private boolean tkHeader = true;
        private VaryMode varyMode = VaryMode.VARY;
        private String permissionsPolicy = DEFAULT_PERMISSIONS_POLICY;
        private boolean reportOnly;
        private boolean gpcJson = true;
        private LocalDate gpcLastUpdate;
        private String trackingPolicyUrl;
        private String trackingController;
        private boolean htmlRewrite = true;
        private RewriteMode htmlMode = RewriteMode.REMOVE;
        private int htmlMaxHeldBytes = HtmlRewriter.DEFAULT_MAX_HELD_BYTES;
        private OverflowAction htmlOnOverflow = OverflowAction.FAIL_CLOSED;
        private boolean htmlStubGlobals = true;
        private String consentAttribute = HtmlRewriter.DEFAULT_CATEGORY_ATTRIBUTE;
        private List<String> cookieExpiryPaths = List.of("/");
        private boolean stripRequestCookies;
        private boolean clearSiteData;
        private TrackerCatalog catalog;
        private AccessLogFormat accessLog = AccessLogFormat.DEFAULT;
        private IpMask ipMask = IpMask.defaults();
        private TrustedProxies trustedProxies = TrustedProxies.none();
        private ForwardingHeader forwardedHeader = ForwardingHeader.X_FORWARDED_FOR;
        private int accessLogMaxLength = 1024;
        private boolean visitorHash;
        private BeaconSettings beacons = BeaconSettings.defaults();

        private Builder() {
        }

        /**
         * The beacon gate: {@code beacon-paths} (your own collection paths, {@code PATH=CATEGORY}, a trailing
         * {@code /*} for a prefix; default none), {@code beacon-generic-paths} (also gate generic catalog paths such
         * as {@code /collect}; default {@code false}), {@code beacon-case-insensitive} (default {@code false}) and
         * {@code beacon-pings} (answer hyperlink-auditing pings; default {@code true}).
         */
        public Builder beacons(BeaconSettings settings) {
            this.beacons = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The beacon settings set so far (for readers that set them one at a time). */
        BeaconSettings beaconsSoFar() {
            return beacons;
        }

        /**
         * {@code access-log}: one line per request to the SLF4J logger {@code consentgate.access}: {@code combined}
         * (NCSA), {@code json} (JSON lines) or {@code off}. Default {@code combined}.
         */
        public Builder accessLog(AccessLogFormat format) {
            this.accessLog = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * {@code access-log-ip-mask}: bits of the client address kept. Default {@code v4=24,v6=48}.
         *
         * @throws IllegalArgumentException when the mask keeps more than 24 IPv4 or 64 IPv6 bits: the access log
         *                                  always masks the client address, and a mask of a few bits (/31, /127)
         *                                  leaves many addresses whole
         */
        public Builder ipMask(IpMask mask) {
            this.ipMask = PolicyValueRules.ipMask(Objects.requireNonNull(mask, "mask"));
            return this;
        }

        /**
         * {@code trusted-proxies}: addresses or CIDR blocks of the proxies whose forwarding header names the client.
         * Default: none (the peer address is the client; forwarding headers are ignored, so they cannot be spoofed).
         */
        public Builder trustedProxies(TrustedProxies proxies) {
            this.trustedProxies = Objects.requireNonNull(proxies, "proxies");
            return this;
        }

        /** {@code forwarded-header}: {@code x-forwarded-for} or {@code forwarded}. Default {@code x-forwarded-for}. */
        public Builder forwardedHeader(ForwardingHeader header) {
            this.forwardedHeader = Objects.requireNonNull(header, "header");
            return this;
        }

        /** {@code access-log-max-length}: longest logged value before truncation. Default 1024. */
        public Builder accessLogMaxLength(int chars) {
            this.accessLogMaxLength = PolicyValueRules.accessLogMaxLength(chars);
            return this;
        }

        /**
         * {@code visitor-hash}: add a keyed hash of (masked IP, User-Agent, day) with a daily random salt kept only in
         * memory, for unique-visitor counts that cannot be linked across days; written in {@code json} lines for
         * visitors who allow analytics only. Default {@code false}.
         */
        public Builder visitorHash(boolean b) {
            this.visitorHash = b;
            return this;
        }

        /** {@code html-rewrite}: remove refused trackers from HTML responses. Default {@code true}. */
        public Builder htmlRewrite(boolean b) {
            this.htmlRewrite = b;
            return this;
        }

        /**
         * {@code html-mode}: {@code remove} refused tracker elements, or {@code neutralize} them
         * ({@code type="text/plain"} with the original URL and category in data attributes, so a client-side consent
         * manager can activate them later). Default {@link RewriteMode#REMOVE}.
         */
        public Builder htmlMode(RewriteMode mode) {
            this.htmlMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * {@code html-max-held-bytes}: the most bytes of one undecided element (an inline script, a noscript block)
         * held per response. Default 262144 (256 KiB).
         */
        public Builder htmlMaxHeldBytes(int bytes) {
            this.htmlMaxHeldBytes = PolicyValueRules.htmlMaxHeldBytes(bytes);
            return this;
        }

        /**
         * {@code html-on-overflow}: what happens to an element larger than {@code html-max-held-bytes}:
         * {@code fail-closed} treats it as a refused tracker, {@code fail-open} passes it through. Default
         * {@code fail-closed}.
         */
        public Builder htmlOnOverflow(OverflowAction action) {
            this.htmlOnOverflow = Objects.requireNonNull(action, "action");
            return this;
        }

        /**
         * {@code html-stub-globals}: whether a tracker script removed in {@code remove} mode leaves an inert
         * stand-in for the globals the page's own code calls ({@code gtag}, {@code fbq}, {@code dataLayer}…), so
         * that {@code onclick="gtag('event', …); openModal()"} does not throw. Default {@code true}.
         */
        public Builder htmlStubGlobals(boolean stub) {
            this.htmlStubGlobals = stub;
            return this;
        }

        /**
         * {@code consent-attribute}: the attribute operators put on any element to gate it by category, e.g.
         * {@code <div data-consent="marketing">}. Default {@code data-consent}.
         */
        public Builder consentAttribute(String name) {
            this.consentAttribute = PolicyValueRules.consentAttribute(name);
            return this;
        }

        /** {@code cookie-expiry-paths}: paths on which refused tracking cookies are expired. Default {@code /}. */
        public Builder cookieExpiryPaths(String... paths) {
            if (paths.length == 0) {
                throw new InvalidPolicyException("cookie-expiry-paths", "at least one path is needed");
            }
            this.cookieExpiryPaths = Arrays.stream(paths)
                    .map(p -> PolicyValueRules.path("cookie-expiry-paths", p)).toList();
            return this;
        }

        /**
         * {@code strip-request-cookies}: remove refused tracking cookies from the request the application sees.
         * Default {@code false}.
         */
        public Builder stripRequestCookies(boolean b) {
            this.stripRequestCookies = b;
            return this;
        }

        /**
         * {@code clear-site-data}: when a visitor withdraws a category through the consent endpoint, also send
         * {@code Clear-Site-Data: "cookies"}. This clears every cookie of the site, sessions and the new consent
         * cookie included, so it is left out where a visitor without a consent cookie would be allowed more than the
         * withdrawal allows (opt-out mode). Default {@code false}.
         */
        public Builder clearSiteData(boolean b) {
            this.clearSiteData = b;
            return this;
        }

        /** The tracker catalog. Default: {@link TrackerCatalog#bundled()}; the policy file's {@code trackers} extend it. */
        public Builder catalog(TrackerCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** {@code mode}: default mode with no signal and no consent. Default {@link ConsentMode#OPT_IN}. */
        public Builder mode(ConsentMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * {@code region-header}: a <em>trusted</em> request header carrying the visitor's region (e.g. a CDN country
         * header). Only set this when your edge overwrites the header: a visitor could otherwise pick their own
         * defaults. Default: none.
         */
        public Builder regionHeader(String header) {
            this.regionHeader = PolicyValueRules.token("region-header", header);
            return this;
        }

        /**
         * {@code opt-in-regions} / {@code opt-out-regions}: the default mode for a region code. Default: none. Needs a
         * {@link #regionHeader region header} (no region is ever known without one), and a region given both modes is
         * an error: {@link #build()} throws for either.
         */
        public Builder regionMode(String region, ConsentMode regionMode) {
            regionModes.put(region, Objects.requireNonNull(regionMode, "regionMode"));
            return this;
        }

        /** {@code gpc-refuses}: categories a {@code Sec-GPC: 1} signal refuses. Default {@code marketing}. */
        public Builder gpcRefuses(Category... categories) {
            this.gpcRefuses = PolicyValueRules.nonNecessary("gpc-refuses", categories);
            return this;
        }

        /** {@code dnt-refuses}: categories a {@code DNT: 1} signal refuses. Default {@code analytics,marketing}. */
        public Builder dntRefuses(Category... categories) {
            this.dntRefuses = PolicyValueRules.nonNecessary("dnt-refuses", categories);
            return this;
        }

        /**
         * {@code signals-override-consent}: whether GPC and DNT refusals beat a stored consent. Default {@code true}
         * (a browser signal is the visitor's current word; a cookie may be months old).
         */
        public Builder signalsOverrideConsent(boolean b) {
            this.signalsOverrideConsent = b;
            return this;
        }

        /**
         * {@code gpc-headers}: request headers read as a GPC signal <em>besides</em> {@code Sec-GPC}, which the GPC
         * specification defines and which is always read (listing it is allowed; no header list can switch it off).
         * Default: {@code Sec-GPC} alone.
         */
        public Builder gpcHeaders(String... headers) {
            List<String> all = new java.util.ArrayList<>(List.of(GPC_HEADER));
            for (String h : headers) {
                String name = PolicyValueRules.token("gpc-headers", h);
                if (all.stream().noneMatch(name::equalsIgnoreCase)) {
                    all.add(name);
                }
            }
            this.gpcHeaders = List.copyOf(all);
            return this;
        }

        /**
         * {@code consent-cookie-name}: the name of ConsentGate's consent cookie; {@link #build} refuses one a catalog
         * cookie pattern covers. Default {@code cg_consent}.
         */
        public Builder consentCookieName(String name) {
            this.consentCookieName = PolicyValueRules.token("consent-cookie-name", name);
            return this;
        }

        /**
         * {@code policy-revision}: the revision of your privacy policy. Raising it invalidates every ConsentGate
         * consent cookie, so visitors are asked again (consents read through {@code honour-cmps} follow their own
         * manager's versioning). Default {@code 1}.
         */
        public Builder policyRevision(int revision) {
            this.policyRevision = PolicyValueRules.policyRevision(revision);
            return this;
        }

        /** {@code consent-max-age-days}: how long a consent stays valid. Default 395 days (13 months). */
        public Builder consentMaxAge(Duration maxAge) {
            this.consentMaxAge = PolicyValueRules.consentMaxAge(maxAge);
            return this;
        }

        /**
         * {@code consent-secret}: HMAC-SHA256 key (at least 32 bytes) that signs the consent cookie, so only this
         * server can write a valid consent. Default: none (cookies unsigned, so a banner or another system can write
         * them; see the README).
         */
        public Builder consentSecret(byte[] secret) {
            this.consentSecret = PolicyValueRules.consentSecret(secret);
            return this;
        }

        /**
         * {@code honour-cmps}: other consent managers whose cookies are translated into ConsentGate categories:
         * {@code cookiebot}, {@code onetrust}, {@code cookieconsent}, {@code klaro}, {@code tcf}, {@code usprivacy}.
         * Default: none.
         */
        public Builder honourCmps(String... cmps) {
            this.honouredCmps = PolicyValueRules.honouredCmps(cmps);
            return this;
        }

        /** {@code klaro-services}: maps a Klaro service name to a category. Default: none. */
        public Builder klaroService(String service, Category category) {
            klaroServices.put(PolicyValueRules.klaroService(service, category), category);
            return this;
        }

        /**
         * {@code consent-path}: path of the consent endpoint, or null to switch it off. Default {@code /consent}. It
         * must be a path a request can have (no {@code .}, {@code ..} or empty segment, no {@code ;}), not {@code /}
         * and not {@code /.well-known/gpc.json} or {@code /.well-known/dnt/}, which the filter answers first.
         */
        public Builder consentPath(String path) {
            this.consentPath = path == null ? null : PolicyValueRules.endpointPath("consent-path", path);
            return this;
        }

        /** {@code consent-return}: where a form post returns when it names no valid return path. Default {@code /}. */
        public Builder consentReturn(String path) {
            this.consentReturn = PolicyValueRules.path("consent-return", path);
            return this;
        }

        /** {@code tk-header}: send the W3C {@code Tk} tracking status header. Default {@code true}. */
        public Builder tkHeader(boolean b) {
            this.tkHeader = b;
            return this;
        }

        /** {@code vary}: how caches are told the response depends on consent. Default {@link VaryMode#VARY}. */
        public Builder varyMode(VaryMode m) {
            this.varyMode = Objects.requireNonNull(m, "varyMode");
            return this;
        }

        /**
         * {@code permissions-policy}: sent to visitors who refuse marketing (unless the application set one), or null
         * for none. Default {@link #DEFAULT_PERMISSIONS_POLICY}.
         */
        public Builder permissionsPolicy(String value) {
            this.permissionsPolicy = PolicyValueRules.permissionsPolicy(value);
            return this;
        }

        /** {@code report-only}: decide and log, but change no response. Default {@code false}. */
        public Builder reportOnly(boolean b) {
            this.reportOnly = b;
            return this;
        }

        /** {@code gpc-json}: serve {@code /.well-known/gpc.json}. Default {@code true}. */
        public Builder gpcJson(boolean b) {
            this.gpcJson = b;
            return this;
        }

        /** {@code gpc-last-update}: the {@code lastUpdate} date in gpc.json. Default: left out. */
        public Builder gpcLastUpdate(LocalDate date) {
            this.gpcLastUpdate = date;
            return this;
        }

        /** {@code tracking-policy-url}: the {@code policy} link of the tracking status resource. Default: none. */
        public Builder trackingPolicyUrl(String url) {
            this.trackingPolicyUrl = url == null ? null : PolicyValueRules.absoluteUrl("tracking-policy-url", url);
            return this;
        }

        /** {@code tracking-controller}: the {@code controller} link of the tracking status resource. Default: none. */
        public Builder trackingController(String url) {
            this.trackingController = url == null ? null : PolicyValueRules.absoluteUrl("tracking-controller", url);
            return this;
        }

        /**
         * The immutable policy.
         *
         * @throws InvalidPolicyException when a region is in both {@code opt-in-regions} and {@code opt-out-regions},
         *                                region modes are set without a {@code region-header}, or a catalog cookie
         *                                pattern covers the consent cookie or {@code JSESSIONID}
         */
        public Policy build() {
            regionModes.check(regionHeader);
            TrackerCatalog cat = catalog != null ? catalog : TrackerCatalog.bundled();
            NecessaryCookies.requireUngated(cat, consentCookieName, "the consent cookie", "consent-cookie-name");
            NecessaryCookies.requireUngated(cat, NecessaryCookies.SESSION_COOKIE, "the servlet session cookie", null);
            return new Policy(this);
        }
    }

    /** The consent managers whose cookies ConsentGate can translate. */
    public static final Set<String> KNOWN_CMPS = SignalSettings.KNOWN_CMPS;
}
