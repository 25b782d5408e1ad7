package io.consentgate.catalog;

/**
 * What a gated collection path may look like, whether an operator lists it in {@code beacon-paths} or a catalog entry
 * (bundled or a policy file's {@code trackers}) lists it among its {@code endpoints}: both are matched against the
 * request path the beacon gate reads, which is decoded and normalized, so one check serves both.
 *
 * <p>A path that covers the whole site or its root is refused: every page, or the home page, would answer
 * {@code 204} to a visitor who refused the category. So is a path that no normalized request path can ever equal
 * (an empty, {@code .} or {@code ..} segment, a {@code ;}, {@code %}, {@code ?}, {@code #}, a space or a control
 * character): it would look like protection and gate nothing.
 */
public final class CollectionPath {

    private CollectionPath() {
    }

    /**
     * Why a path cannot be gated, or {@code null} when it can.
     *
     * @param literal the path as written, up to its {@code *} when it is a prefix ({@code "/stats/"} for
     *                {@code /stats/*}, {@code "/"} for {@code /*}); it starts with {@code /}
     * @param prefix  whether it is a prefix; its last segment may then be unfinished ({@code /rb_*}) or empty
     *                ({@code /b/ss/*}). An exact path may end in slashes, which matching ignores
     * @return the reason, worded for the operator, or {@code null}
     */
    public static String refusal(String literal, boolean prefix) {
        String body = prefix ? literal : EndpointPattern.withoutTrailingSlash(literal);
        if (body.isEmpty() || prefix && body.equals("/")) {
            return "the whole site cannot be a beacon path";
        }
        if (body.equals("/")) {
            return "the site's root (its home page) cannot be a beacon path";
        }
        String[] segments = body.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (prefix && last) {
                break; // unfinished: "/a/." also starts "/a/.b", and "/stats/" is the segment boundary
            }
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                return "empty, . and .. segments are not allowed; write the normalized path";
            }
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == ';' || c == '%' || c == '?' || c == '#' || c <= ' ' || c >= 0x7f) {
                return "write the decoded path without ;, %, ?, #, spaces or control characters";
            }
        }
        return null;
    }
}
