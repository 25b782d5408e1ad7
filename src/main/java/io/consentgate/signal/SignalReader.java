package io.consentgate.signal;

import io.consentgate.Category;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the privacy signals of a request from its headers. Immutable and thread-safe: build one per filter.
 *
 * <pre>{@code
 * SignalReader reader = new SignalReader(SignalSettings.defaults(), Clock.systemUTC());
 * Signals signals = reader.read(HeaderSource.of(request));
 * }</pre>
 *
 * <p>Rules, all fail-closed and none of them throwing on visitor input:
 * <ul>
 *   <li><b>GPC</b> (<a href="https://privacycg.github.io/gpc-spec/">Global Privacy Control</a>): any value of any
 *       configured GPC header that is exactly {@code 1} after removing surrounding OWS (SP/HTAB; RFC 9110 excludes
 *       it from the field value, and containers trim it anyway) is an opt-out. {@code 0}, {@code true},
 *       {@code 11}, {@code "1"} and empty are no signal. A value is first split at commas: a proxy may join
 *       repeated header lines into one comma list (RFC 9110 §5.3), so {@code 1, 1} is the two lines {@code 1}
 *       and {@code 1}, an opt-out like them.</li>
 *   <li><b>DNT</b> (<a href="https://www.w3.org/TR/tracking-dnt/#dnt-header-field">TPE §5.2</a>): a value, or a
 *       member of a comma-joined value, whose first character (after OWS) is {@code 1} is
 *       {@link Dnt#TRACKING_OFF}; an uncombined {@code 0} followed only by DNT-extension characters is
 *       {@link Dnt#TRACKING_ALLOWED} (an exception is a grant, so it is parsed strictly); anything else is
 *       {@link Dnt#NONE}. With several values, any {@code 1} wins.</li>
 *   <li><b>Consent cookie</b>: the raw {@code Cookie} header lines are parsed here (never
 *       {@code getCookies()}), see {@link ConsentCookie} for the format and validation. The cookie name appearing
 *       twice (in one or several header lines) is ambiguous: no consent. A {@code Cookie} header over the read caps
 *       (8 KiB per line, 32 lines, 256 pairs) hides possible duplicates: no stored consent at all. Either way, and
 *       when the cookie came once, not empty, but cannot be read (malformed, wrongly signed, dated ahead), if no
 *       stored consent is read {@link Signals#consentUnclear()} says one may have been sent. A cookie valid in
 *       every way but its policy revision is no consent, but what it refused is kept
 *       ({@link Signals#earlierRefusals()}).</li>
 *   <li><b>Other consent managers</b>, only those in {@link SignalSettings#honouredCmps()}, read in the order
 *       cookiebot, onetrust, cookieconsent, klaro, tcf when ConsentGate's own cookie is absent or invalid: the
 *       consent is the first valid one's, granting only what every valid one grants (a cookie of theirs or
 *       ConsentGate's sent twice: no consent, unclear); a cookie is not valid when its own timestamp (Cookiebot
 *       {@code utc}, cookieconsent {@code consentTimestamp}, TCF {@code LastUpdated}) is older than the consent
 *       maximum age; OneTrust's time is its {@code OptanonAlertBoxClosed} cookie ({@link OneTrustCookie}).
 *       {@code usprivacy} with opt-out {@code Y} sets {@link Signals#saleOptOut()} (sent twice: either value's).</li>
 *   <li><b>Region</b>: the first value of the trusted region header, trimmed and upper-cased, when it matches
 *       {@code [A-Z]{2}} or {@code [A-Z]{2}-[A-Z0-9]{1,3}}.</li>
 * </ul>
 * {@link Signals#problems()} says why anything was ignored, without echoing raw values, at most
 * {@value #MAX_PROBLEMS} entries.
 */
public final class SignalReader {

    static final int MAX_PROBLEMS = 16;
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

    private final SignalSettings settings;
    private final Clock clock;

    /** A reader for {@code settings}, telling time (consent age) with {@code clock}. */
    public SignalReader(SignalSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The signals of one request. Never throws on any header content; a failing {@code headers} counts as absent. */
    public Signals read(HeaderSource headers) {
        Objects.requireNonNull(headers, "headers");
        List<String> problems = new ArrayList<>(0);
        boolean gpc = false;
        for (String name : settings.gpcHeaders()) {
            gpc |= gpc(values(headers, name, problems));
        }
        Dnt dnt = dnt(values(headers, "DNT", problems));
        CookieJar jar = CookieJar.parse(values(headers, "Cookie", problems));
        if (jar.malformed() > 0) {
            problems.add("Cookie: " + jar.malformed() + " malformed pair(s) skipped");
        }
        Optional<StoredConsent> consent;
        boolean saleOptOut = false;
        boolean unclear;
        Set<Category> earlierRefusals = Set.of();
        if (jar.truncated()) {
            problems.add("Cookie: header over the read limit, stored consent ignored (duplicates cannot be ruled out)");
            consent = Optional.empty();
            unclear = true;
        } else {
            consent = StoredConsents.read(jar, settings, clock, problems);
            unclear = consent.isEmpty() && (StoredConsents.anyDuplicated(jar, settings)
                    || StoredConsents.ownUnreadable(jar, settings, clock));
            if (consent.isEmpty() && !unclear) {
                earlierRefusals = StoredConsents.earlierRefusals(jar, settings, clock);
            }
            if (settings.honours(UsPrivacyCookie.SOURCE)) {
                // sent twice, either value's opt-out counts: the visitor's refusal is never lost to the ambiguity
                List<String> us = jar.all(UsPrivacyCookie.NAME);
                if (us.size() > 1) {
                    problems.add(UsPrivacyCookie.NAME + ": cookie appears " + us.size()
                            + " times, an opt-out in any of them counts");
                }
                for (String value : us) {
                    saleOptOut |= UsPrivacyCookie.optedOut(value, problems);
                }
            }
        }
        Optional<String> region = region(problems, headers);
        List<String> bounded = problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
        return new Signals(gpc, dnt, consent, region, bounded, saleOptOut, unclear, earlierRefusals);
    }

    static boolean gpc(List<String> values) {
        for (String v : values) {
            for (String member : Tokens.listMembers(v)) {
                if ("1".equals(member)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Dnt dnt(List<String> values) {
        Dnt result = Dnt.NONE;
        for (String raw : values) {
            String v = Tokens.trimOws(raw);
            if (v.isEmpty()) {
                continue;
            }
            for (String member : Tokens.listMembers(v)) {
                if (!member.isEmpty() && member.charAt(0) == '1') {
                    return Dnt.TRACKING_OFF;
                }
            }
            // A grant is read only from an uncombined value: DNT-extension has no comma.
            if (v.charAt(0) == '0' && dntExtension(v)) {
                result = Dnt.TRACKING_ALLOWED;
            }
        }
        return result;
    }

    /** TPE: {@code DNT-extension = %x21 / %x23-2B / %x2D-5B / %x5D-7E} after the first character. */
    private static boolean dntExtension(String v) {
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == ',' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private Optional<String> region(List<String> problems, HeaderSource headers) {
        if (settings.regionHeader() == null) {
            return Optional.empty();
        }
        List<String> values = values(headers, settings.regionHeader(), problems);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String v = Tokens.trimOws(values.get(0));
        if (v.length() > 6) {
            problems.add(settings.regionHeader() + ": not a region code");
            return Optional.empty();
        }
        v = v.toUpperCase(Locale.ROOT);
        if (!REGION.matcher(v).matches()) {
            problems.add(settings.regionHeader() + ": not a region code");
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** The header's values with {@code null}s removed; a throwing or null-returning source counts as absent. */
    private static List<String> values(HeaderSource headers, String name, List<String> problems) {
        try {
            List<String> values = headers.values(name);
            if (values == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>(values.size());
            for (String v : values) {
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        } catch (RuntimeException e) {
            problems.add(name + ": header source failed (" + e.getClass().getSimpleName() + ")");
            return List.of();
        }
    }
}
