package io.consentgate.catalog;

/**
 * A first-party collection path a tracker's beacons are proxied to ({@code /g/collect}, {@code /matomo.php}).
 *
 * <p>The path matches exactly (a trailing slash aside), or as a prefix when it was written with a trailing {@code *}
 * in the catalog. An exact path ending in {@code .php} also matches the paths below it ({@code /matomo.php/x}), which
 * PHP runs the same script for.
 * A {@code generic} path ({@code /collect}, {@code /tr}, {@code /api/event}) is common in ordinary applications, so
 * the beacon gate blocks it only when the operator enables generic endpoints.
 *
 * @param path    the path, starting with {@code /}, without the trailing {@code *}
 * @param prefix  whether the path is a prefix
 * @param generic whether the path is too common to block by default
 */
public record EndpointPattern(String path, boolean prefix, boolean generic) {

    /**
     * An exact path is kept as the beacon gate reads request paths, without a trailing slash (the root aside):
     * {@code /i/v0/e/} and {@code /i/v0/e} are one endpoint.
     */
    public EndpointPattern {
        if (!prefix) {
            path = withoutTrailingSlash(path);
        }
    }

    static String withoutTrailingSlash(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return end == path.length() ? path : path.substring(0, end);
    }
}
