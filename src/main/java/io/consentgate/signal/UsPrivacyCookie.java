package io.consentgate.signal;

import java.util.List;

/**
 * The IAB CCPA/US Privacy string in cookie {@code usprivacy}: four characters, version {@code 1}, then notice given,
 * opted out of sale, LSPA covered, each {@code Y}, {@code N} or {@code -}. Only the opt-out matters: {@code Y} is an
 * opt-out of sale/sharing ({@link Signals#saleOptOut()}). It grants nothing: {@code N} is not consent.
 */
final class UsPrivacyCookie {

    static final String NAME = "usprivacy";
    static final String SOURCE = "usprivacy";

    private UsPrivacyCookie() {
    }

    /** Whether the value is a valid US Privacy string with opt-out {@code Y}; a problem is added when malformed. */
    static boolean optedOut(String raw, List<String> problems) {
        if (raw == null || raw.length() != 4 || raw.charAt(0) != '1'
                || !flag(raw.charAt(1)) || !flag(raw.charAt(2)) || !flag(raw.charAt(3))) {
            problems.add(SOURCE + " " + NAME + ": malformed");
            return false;
        }
        return raw.charAt(2) == 'Y';
    }

    private static boolean flag(char c) {
        return c == 'Y' || c == 'N' || c == '-';
    }
}
