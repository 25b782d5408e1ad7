package io.consentgate.signal;

import io.consentgate.Category;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Picks the stored consent: ConsentGate's own cookie when valid; otherwise the honoured consent managers' valid
 * cookies together: the consent is the first in a fixed order (cookiebot, onetrust, cookieconsent, klaro, tcf),
 * granting only what every one of them grants (two managers' cookies disagree when a site moves from one to the
 * other, or one writes a TC string next to its own cookie: a refusal in either stands). A cookie sent more than once,
 * ConsentGate's or an honoured manager's, means no consent at all: what it holds cannot be read, it may be a
 * withdrawal, and another cookie (perhaps written long before) must not decide in its place
 * ({@link Signals#consentUnclear()}). A foreign consent whose own timestamp
 * is older than the consent maximum age is ignored too (their cookies' expiry is set by client-side code), and so is
 * one dated more than {@link #FOREIGN_CLOCK_SKEW} ahead: it would never expire. The visitor's own clock writes those
 * timestamps, hence a day's tolerance rather than the five minutes of ConsentGate's own cookie.
 */
final class StoredConsents {

    /** How far ahead of the server's clock a consent manager's timestamp may lie. */
    static final Duration FOREIGN_CLOCK_SKEW = Duration.ofDays(1);

    /**
     * Parses one consent manager's cookie value (the request's other cookies in {@code jar}, for a manager that
     * spreads its record over two); adds a problem and returns empty when invalid.
     */
    @FunctionalInterface
    interface Parser {
        Optional<StoredConsent> parse(String value, CookieJar jar, SignalSettings settings, Instant now,
                                      List<String> problems);
    }

    /**
     * A consent manager ConsentGate can read: its source name, its cookie name, its parser, and the other cookies its
     * record is spread over ({@code companions}): one of those sent twice is as ambiguous as the cookie itself.
     */
    record Cmp(String source, String cookieName, Parser parser, List<String> companions) {

        /** A manager whose record is its one cookie. */
        Cmp(String source, String cookieName, Parser parser) {
            this(source, cookieName, parser, List.of());
        }

        /** Whether the cookie or a companion came more than once. */
        boolean duplicated(CookieJar jar) {
            if (jar.all(cookieName).size() > 1) {
                return true;
            }
            for (String c : companions) {
                if (jar.all(c).size() > 1) {
                    return true;
                }
            }
            return false;
        }
    }

    static final List<Cmp> CMPS = List.of(
            new Cmp(CookiebotCookie.SOURCE, CookiebotCookie.NAME,
                    (v, jar, s, now, p) -> CookiebotCookie.parse(v, now, p)),
            new Cmp(OneTrustCookie.SOURCE, OneTrustCookie.NAME,
                    (v, jar, s, now, p) -> OneTrustCookie.parse(v, jar.all(OneTrustCookie.CLOSED_NAME), now, p),
                    List.of(OneTrustCookie.CLOSED_NAME)),
            new Cmp(CookieConsentCookie.SOURCE, CookieConsentCookie.NAME,
                    (v, jar, s, now, p) -> CookieConsentCookie.parse(v, now, p)),
            new Cmp(KlaroCookie.SOURCE, KlaroCookie.NAME,
                    (v, jar, s, now, p) -> KlaroCookie.parse(v, s.klaroServices(), now, p)),
            new Cmp(TcfCookie.SOURCE, TcfCookie.NAME, (v, jar, s, now, p) -> TcfCookie.parse(v, p)));

    private static final Logger LOG = LoggerFactory.getLogger(StoredConsents.class);

    private StoredConsents() {
    }

    static Optional<StoredConsent> read(CookieJar jar, SignalSettings settings, Clock clock, List<String> problems) {
        return read(jar, settings, clock, problems, CMPS);
    }

    /** As {@link #read(CookieJar, SignalSettings, Clock, List)} with another parser list (tests). */
    static Optional<StoredConsent> read(CookieJar jar, SignalSettings settings, Clock clock, List<String> problems,
                                        List<Cmp> cmps) {
        if (jar.all(settings.consentCookieName()).size() > 1) {
            single(jar, settings.consentCookieName(), problems);
            return Optional.empty(); // a withdrawal may be in it: no source further down decides in its place
        }
        Optional<String> own = single(jar, settings.consentCookieName(), problems);
        if (own.isPresent()) {
            Optional<StoredConsent> c = guarded(StoredConsent.SOURCE_CONSENTGATE, problems,
                    () -> ConsentCookie.decode(own.get(), settings, clock, problems));
            if (c.isPresent()) {
                return c;
            }
        }
        if (settings.honouredCmps().isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        StoredConsent first = null;
        EnumSet<Category> granted = EnumSet.allOf(Category.class);
        for (Cmp cmp : cmps) {
            if (!settings.honours(cmp.source())) {
                continue;
            }
            if (cmp.duplicated(jar)) {
                single(jar, cmp.cookieName(), problems);
                cmp.companions().forEach(c -> single(jar, c, problems));
                return Optional.empty(); // ambiguous: its refusals are unknown, so no consent at all
            }
            Optional<StoredConsent> c = single(jar, cmp.cookieName(), problems).flatMap(v -> guarded(cmp.source(),
                    problems, () -> cmp.parser().parse(v, jar, settings, now, problems)));
            if (c.isPresent()) {
                Instant given = c.get().timestamp();
                if (given.isAfter(now.plus(FOREIGN_CLOCK_SKEW))) {
                    problems.add(cmp.source() + " " + cmp.cookieName() + ": dated in the future");
                } else if (Duration.between(given, now).compareTo(settings.consentMaxAge()) <= 0) {
                    first = first == null ? c.get() : first;
                    granted.retainAll(c.get().granted());
                } else {
                    problems.add(cmp.source() + " " + cmp.cookieName() + ": older than the consent maximum age");
                }
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        if (!granted.containsAll(first.granted())) {
            problems.add(first.source() + ": narrowed by another honoured consent manager's refusal");
        }
        return Optional.of(new StoredConsent(granted, first.revision(), first.timestamp(), first.consentId(),
                first.source()));
    }

    /**
     * Runs a parser so that a bug in it is "no consent", never a failed request. Logs the exception class only:
     * parser exception messages may quote the visitor's cookie.
     */
    private static Optional<StoredConsent> guarded(String source, List<String> problems,
                                                   Supplier<Optional<StoredConsent>> parser) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            LOG.warn("{} cookie parser failed ({}); treated as no consent", source, e.getClass().getName());
            problems.add(source + ": parser failed, treated as no consent");
            return Optional.empty();
        }
    }

    /**
     * What ConsentGate's own cookie, sent once, refused when it was given for another policy revision
     * ({@link Signals#earlierRefusals()}); empty otherwise.
     */
    static Set<Category> earlierRefusals(CookieJar jar, SignalSettings settings, Clock clock) {
        List<String> values = jar.all(settings.consentCookieName());
        if (values.size() != 1) {
            return Set.of();
        }
        try {
            return ConsentCookie.refusalsOfAnotherRevision(values.get(0), settings, clock);
        } catch (RuntimeException e) {
            LOG.warn("consent cookie reader failed ({}); no earlier refusals read", e.getClass().getName());
            return Set.of();
        }
    }

    /**
     * Whether ConsentGate's own cookie came once, not empty, but cannot be read (malformed, wrongly signed, dated
     * ahead): it was written on a choice, perhaps a withdrawal ({@link Signals#consentUnclear()}).
     */
    static boolean ownUnreadable(CookieJar jar, SignalSettings settings, Clock clock) {
        List<String> values = jar.all(settings.consentCookieName());
        try {
            return values.size() == 1 && ConsentCookie.unreadable(values.get(0), settings, clock);
        } catch (RuntimeException e) {
            LOG.warn("consent cookie reader failed ({}); treated as unreadable", e.getClass().getName());
            return true;
        }
    }

    /** Whether ConsentGate's cookie or an honoured consent manager's (or a companion of it) appears more than once. */
    static boolean anyDuplicated(CookieJar jar, SignalSettings settings) {
        if (jar.all(settings.consentCookieName()).size() > 1) {
            return true;
        }
        for (Cmp cmp : CMPS) {
            if (settings.honours(cmp.source()) && cmp.duplicated(jar)) {
                return true;
            }
        }
        return false;
    }

    /** The value of a cookie that appears exactly once; a duplicate is ambiguous and yields empty with a problem. */
    static Optional<String> single(CookieJar jar, String name, List<String> problems) {
        List<String> values = jar.all(name);
        if (values.size() > 1) {
            problems.add(name + ": cookie appears " + values.size() + " times (ambiguous), ignored");
            return Optional.empty();
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
