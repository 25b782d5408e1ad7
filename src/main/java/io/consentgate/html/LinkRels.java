package io.consentgate.html;

/**
 * The {@code rel} tokens that make the browser connect or fetch ({@link #hasFetchingToken}): only a link with one of
 * them is judged by its URL, be it a {@code <link>} element ({@link ElementRules}) or an HTTP {@code Link} header
 * ({@link HeaderUrls}).
 */
final class LinkRels {

    /**
     * {@code <link rel>} tokens that make the browser connect or fetch: resource hints, stylesheets, icons and the
     * manifest. Other rels ({@code canonical}, {@code alternate}, {@code me}, ...) only name a URL.
     */
    private static final String[] FETCHING_RELS = {
        "preconnect", "dns-prefetch", "preload", "modulepreload", "prefetch", "prerender", "stylesheet", "icon",
        "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon", "manifest", "compression-dictionary"};

    /**
     * Whether the {@code rel} value holds one of {@link #FETCHING_RELS}, ASCII case-insensitively, between HTML
     * whitespace; scanned in place because every {@code <link>} of every rewritten page passes here.
     */
    static boolean hasFetchingToken(String rel) {
        int n = rel.length();
        int i = 0;
        while (i < n) {
            while (i < n && ByteScan.isWs(rel.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !ByteScan.isWs(rel.charAt(i))) {
                i++;
            }
            for (String hint : FETCHING_RELS) {
                if (i - start == hint.length() && asciiEqualsIgnoreCase(rel, start, hint)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code rel[start..]} equals the lower-case {@code hint}, folding only ASCII A-Z (as browsers do for rel). */
    private static boolean asciiEqualsIgnoreCase(String rel, int start, String hint) {
        for (int k = 0; k < hint.length(); k++) {
            char c = rel.charAt(start + k);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != hint.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private LinkRels() {
    }
}
