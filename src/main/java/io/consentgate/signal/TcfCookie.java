package io.consentgate.signal;

import io.consentgate.Category;

import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The IAB TCF v2.x TC string in cookie {@code euconsent-v2}. Only the core segment (before the first {@code .}) is
 * read: {@code Version} (6 bits, must be 2), {@code LastUpdated} (36 bits at offset 42, deciseconds) and
 * {@code PurposesConsent} (24 bits at offset 152). Vendor consents and legitimate interests are not read:
 * ConsentGate gates by category, not by vendor, and legitimate interest is not consent.
 *
 * <p>Mapping (every category also needs purpose 1, "store and/or access information on a device", because every
 * tracker ConsentGate gates does that):
 * <ul>
 *   <li>analytics ⇐ purposes 1, 8 (measure content performance) and 9 (understand audiences through statistics):
 *       web analytics does both, so both are required;</li>
 *   <li>marketing ⇐ purposes 1, 2 (basic ads), 3 (ad profiles), 4 (personalised ads) and 7 (measure advertising
 *       performance): conversion tracking is ad measurement;</li>
 *   <li>functional ⇐ purposes 1, 5 and 6 (content personalisation profiles): TCF has no purpose for widgets and
 *       preferences; personalised content is the closest.</li>
 * </ul>
 */
final class TcfCookie {

    static final String NAME = "euconsent-v2";
    static final String SOURCE = "tcf";

    private static final int PURPOSES_OFFSET = 152;
    private static final int MIN_BITS = PURPOSES_OFFSET + 24;

    private TcfCookie() {
    }

    static Optional<StoredConsent> parse(String raw, List<String> problems) {
        if (!CmpText.readable(raw)) {
            return fail(problems, "empty or oversized");
        }
        int dot = raw.indexOf('.');
        String core = dot < 0 ? raw : raw.substring(0, dot);
        for (int i = 0; i < core.length(); i++) {
            if (!Tokens.isBase64Url(core.charAt(i))) {
                return fail(problems, "core segment is not base64url");
            }
        }
        // 176 bits need 22 bytes = 30 base64 characters; only a prefix is decoded.
        if (core.length() < 30) {
            return fail(problems, "core segment too short");
        }
        String prefix = core.substring(0, Math.min(core.length(), 32));
        if (prefix.length() % 4 == 1) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        byte[] bits;
        try {
            bits = Base64.getUrlDecoder().decode(prefix);
        } catch (IllegalArgumentException e) {
            return fail(problems, "core segment is not base64url");
        }
        if (bits.length * 8 < MIN_BITS) {
            return fail(problems, "core segment too short");
        }
        if (read(bits, 0, 6) != 2) {
            return fail(problems, "not TCF version 2");
        }
        Instant updated = Instant.ofEpochMilli(read(bits, 42, 36) * 100);
        EnumSet<Category> granted = EnumSet.noneOf(Category.class);
        if (purposes(bits, 1, 8, 9)) {
            granted.add(Category.ANALYTICS);
        }
        if (purposes(bits, 1, 2, 3, 4, 7)) {
            granted.add(Category.MARKETING);
        }
        if (purposes(bits, 1, 5, 6)) {
            granted.add(Category.FUNCTIONAL);
        }
        return Optional.of(new StoredConsent(granted, 0, updated, "", SOURCE));
    }

    private static boolean purposes(byte[] bits, int... purposes) {
        for (int p : purposes) {
            if (read(bits, PURPOSES_OFFSET + p - 1, 1) != 1) {
                return false;
            }
        }
        return true;
    }

    /** Big-endian unsigned read of {@code length} bits at bit {@code offset}. */
    static long read(byte[] bytes, int offset, int length) {
        long v = 0;
        for (int i = offset; i < offset + length; i++) {
            int bit = (bytes[i >>> 3] >>> (7 - (i & 7))) & 1;
            v = (v << 1) | bit;
        }
        return v;
    }

    private static Optional<StoredConsent> fail(List<String> problems, String why) {
        problems.add(SOURCE + " " + NAME + ": " + why);
        return Optional.empty();
    }
}
