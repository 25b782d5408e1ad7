package io.consentgate.log;

import java.util.Locale;
import java.util.Set;

/**
 * The parameters ad platforms, affiliate networks and marketing e-mail tools append to a landing page's URL to tie
 * the visit to a click: each is an identifier of the visitor's click (or of an e-mail's recipient), which the platform
 * joins with its own data. A visitor who refused marketing gets them removed from the logged query string, path
 * parameters and Referer, even when analytics is allowed and the rest of the URL is kept.
 *
 * <p>Every name here belongs to marketing. The list lives in code, not in the tracker catalog: it is a fixed floor
 * of the access log that a policy file's catalog overrides (which replace or disable whole entries) must not
 * weaken, and a click id arrives whether or not the site runs the platform's tag.
 */
final class ClickIds {

    /** Names, lower case, by who issues them. */
    static final Set<String> NAMES = Set.of(
            // Google: Ads click ids (gclsrc names the account type that set gclid), iOS app and web-to-app click
            // ids, Display & Video 360 / Campaign Manager 360, the Google tag's cross-domain linker (it carries the
            // _gcl_aw, _gcl_dc, _gcl_gb click cookies next to _ga) and Merchant Center's free-listing result id.
            "gclid", "gclsrc", "gbraid", "wbraid", "dclid", "_gl", "srsltid",
            // Ad platforms: Meta, Microsoft Advertising, TikTok, X, LinkedIn, Pinterest, Snap, Reddit, Yandex
            // Direct and Yandex search, Taboola, Outbrain (current and earlier name), Adobe Advertising (ad id and
            // click id), Kochava.
            "fbclid", "msclkid", "ttclid", "twclid", "li_fat_id", "epik", "sccid", "rdt_cid", "yclid", "ysclid",
            "tblci", "outbrainclickid", "dicbo", "s_kwcid", "ef_id", "ko_click_id",
            // Affiliate networks: Impact, CJ Affiliate, Awin, ShareASale.
            "irclickid", "cjevent", "awc", "sscid",
            // Marketing e-mail recipients: Mailchimp, HubSpot, Klaviyo, Vero, Omeda, Marketo, MailerLite, Kit,
            // Drip; and Wicked Reports' attribution id.
            "mc_eid", "_hsenc", "_hsmi", "_kx", "vero_id", "oly_enc_id", "oly_anon_id", "mkt_tok", "ml_subscriber",
            "ml_subscriber_hash", "ck_subscriber_id", "__s", "wickedid");

    /** The longest a name can be written: every character of the longest name as a {@code %XX} escape. */
    private static final int MAX_WRITTEN_LENGTH = 3 * NAMES.stream().mapToInt(String::length).max().orElse(0);

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

    /**
     * The path without its click-id path parameters ({@code ;gclid=…} up to the next {@code ;} or {@code /}, name
     * compared as in {@link #removed}), every other character kept; {@code null} stays null.
     */
    static String removedFromPath(String path) {
        return AccessLogEntry.withoutPathParameters(path, ClickIds::isClickId);
    }

    /**
     * A URL (a Referer) with {@link #removedFromPath} applied to its path and {@link #removed} to its query;
     * {@code null} stays null.
     */
    static String removedFromUrl(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        int hash = url.indexOf('#');
        int pathEnd = q >= 0 && (hash < 0 || q < hash) ? q : hash >= 0 ? hash : url.length();
        int scheme = url.indexOf("://");
        int pathStart = scheme < 0 || scheme > pathEnd ? 0 : url.indexOf('/', scheme + 3);
        if (pathStart < 0 || pathStart > pathEnd) {
            pathStart = pathEnd;
        }
        String start = url.substring(0, pathStart) + removedFromPath(url.substring(pathStart, pathEnd));
        if (pathEnd == url.length() || url.charAt(pathEnd) == '#') {
            return start + url.substring(pathEnd);
        }
        int fragment = hash < 0 ? url.length() : hash;
        String rest = removed(url.substring(pathEnd + 1, fragment));
        return start + (rest == null ? "" : "?" + rest) + url.substring(fragment);
    }

    private static boolean isClickId(String pair) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        return name.length() <= MAX_WRITTEN_LENGTH && NAMES.contains(decoded(name).toLowerCase(Locale.ROOT));
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
