package io.consentgate.log;

import java.util.Locale;
import java.util.Set;

/**
 * The query parameters ad platforms append to a landing page's URL to tie the visit to an ad click: each is an
 * identifier of the visitor's click (or of a marketing e-mail's recipient), which an ad platform joins with its own
 * data. A visitor who refused marketing gets them removed from the logged query string and Referer, even when
 * analytics is allowed and the rest of the query is kept.
 */
final class ClickIds {

    /** Names, lower case: Google Ads, Display & Video, Meta, Microsoft Ads, TikTok, X, LinkedIn, Yandex, Pinterest,
     * Snap, Reddit, Impact, Mailchimp and HubSpot e-mails. */
    static final Set<String> NAMES = Set.of("gclid", "gclsrc", "gbraid", "wbraid", "dclid", "fbclid", "msclkid",
            "ttclid", "twclid", "li_fat_id", "yclid", "epik", "sccid", "rdt_cid", "irclickid", "mc_eid", "_hsenc",
            "_hsmi");

    private ClickIds() {
    }

    /**
     * The query string without its click-id parameters (name compared ignoring case, after decoding {@code %XX} in
     * it), the others kept as they were sent and in order; {@code null} when none is left or {@code query} is null.
     */
    static String removed(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        StringBuilder kept = new StringBuilder(query.length());
        int i = 0;
        while (i <= query.length()) {
            int amp = query.indexOf('&', i);
            int end = amp < 0 ? query.length() : amp;
            String pair = query.substring(i, end);
            if (!isClickId(pair)) {
                if (kept.length() > 0) {
                    kept.append('&');
                }
                kept.append(pair);
            }
            if (amp < 0) {
                break;
            }
            i = amp + 1;
        }
        return kept.length() == 0 ? null : kept.toString();
    }

    /** A URL (a Referer) with {@link #removed} applied to its query; {@code null} stays null. */
    static String removedFromUrl(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        int hash = url.indexOf('#', q);
        String query = url.substring(q + 1, hash < 0 ? url.length() : hash);
        String rest = removed(query);
        return url.substring(0, q) + (rest == null ? "" : "?" + rest) + (hash < 0 ? "" : url.substring(hash));
    }

    private static boolean isClickId(String pair) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        return name.length() <= 16 && NAMES.contains(decoded(name).toLowerCase(Locale.ROOT));
    }

    /** {@code %XX} decoded (ASCII only: no click-id name has other characters); an invalid escape left as it is. */
    private static String decoded(String name) {
        if (name.indexOf('%') < 0) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%' && i + 2 < name.length() && Character.digit(name.charAt(i + 1), 16) >= 0
                    && Character.digit(name.charAt(i + 2), 16) >= 0) {
                sb.append((char) Integer.parseInt(name.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
