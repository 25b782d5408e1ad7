package io.consentgate.html;

import java.nio.charset.StandardCharsets;

/**
 * The script of a {@code javascript:} URL in an {@code <iframe src>} or {@code <frame src>}: the browser runs it
 * as the frame loads (in the page's origin) and shows the string it returns as the frame's document, so it can load
 * a tracker like an inline script can. The script is the URL after the scheme, percent-decoded.
 */
final class JavascriptUrl {

    private static final String SCHEME = "javascript:";

    private JavascriptUrl() {
    }

    /** The script bytes of {@code url} (already trimmed and reference-decoded, see UrlText), or null. */
    static byte[] script(String url) {
        if (!url.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return DataUrl.percentDecode(url.substring(SCHEME.length()).getBytes(StandardCharsets.UTF_8));
    }

    /** A cheap test on the raw value {@code b[v..end)}: false when it certainly is no javascript: URL. */
    static boolean mayBe(byte[] b, int v, int end) {
        return end - v >= SCHEME.length() && ((b[v] | 0x20) == 'j' || (b[v] & 0xff) <= ' ' || b[v] == '&');
    }
}
