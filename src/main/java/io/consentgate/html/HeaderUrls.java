package io.consentgate.html;

/**
 * The HTML standard's readings of URLs that response headers carry, the same as for the markup that means the same:
 * a {@code Link} header's {@code rel} as a {@code <link rel>}, a {@code Refresh} header as a
 * {@code <meta http-equiv=refresh>}. Used by the response wrapper's header gate, so that a header and its markup
 * twin are judged alike.
 */
public final class HeaderUrls {

    private HeaderUrls() {
    }

    /**
     * Whether a {@code rel} value names a relation that makes the browser connect or fetch (resource hints,
     * {@code stylesheet}, icons, {@code manifest}): those for which a {@code <link href>} to a refused tracker is
     * removed.
     */
    public static boolean isFetchingRel(String rel) {
        return rel != null && LinkRels.hasFetchingToken(rel);
    }

    /**
     * The URL a {@code Refresh} value ({@code 5; url=https://...}, {@code 0,URL='...'}) navigates to, read by the
     * declarative refresh steps, or {@code null} when it names none.
     */
    public static String refreshUrl(String value) {
        return value == null ? null : UrlText.refreshUrl(value);
    }
}
