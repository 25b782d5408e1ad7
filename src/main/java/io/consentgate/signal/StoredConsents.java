package io.consentgate.signal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Picks the stored consent: ConsentGate's own cookie first, then honoured consent managers in a fixed order. */
final class StoredConsents {

    private StoredConsents() {
    }

    static Optional<StoredConsent> read(CookieJar jar, SignalSettings settings, Clock clock, List<String> problems) {
        Optional<String> own = single(jar, settings.consentCookieName(), problems);
        if (own.isPresent()) {
            Optional<StoredConsent> c = ConsentCookie.decode(own.get(), settings, clock, problems);
            if (c.isPresent()) {
                return c;
            }
        }
        if (settings.honouredCmps().isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (settings.honours(CookiebotCookie.SOURCE)) {
            Optional<StoredConsent> c = single(jar, CookiebotCookie.NAME, problems)
                    .flatMap(v -> CookiebotCookie.parse(v, now, problems));
            if (c.isPresent()) {
                return c;
            }
        }
        if (settings.honours(OneTrustCookie.SOURCE)) {
            Optional<StoredConsent> c = single(jar, OneTrustCookie.NAME, problems)
                    .flatMap(v -> OneTrustCookie.parse(v, now, problems));
            if (c.isPresent()) {
                return c;
            }
        }
        if (settings.honours(CookieConsentCookie.SOURCE)) {
            Optional<StoredConsent> c = single(jar, CookieConsentCookie.NAME, problems)
                    .flatMap(v -> CookieConsentCookie.parse(v, now, problems));
            if (c.isPresent()) {
                return c;
            }
        }
        if (settings.honours(KlaroCookie.SOURCE)) {
            Optional<StoredConsent> c = single(jar, KlaroCookie.NAME, problems)
                    .flatMap(v -> KlaroCookie.parse(v, settings.klaroServices(), now, problems));
            if (c.isPresent()) {
                return c;
            }
        }
        if (settings.honours(TcfCookie.SOURCE)) {
            return single(jar, TcfCookie.NAME, problems).flatMap(v -> TcfCookie.parse(v, problems));
        }
        return Optional.empty();
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
