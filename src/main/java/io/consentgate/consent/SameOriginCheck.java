package io.consentgate.consent;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/**
 * Decides whether a state-changing request comes from the site itself. {@code Sec-Fetch-Site} is authoritative when
 * the browser sends it (only {@code same-origin} passes); otherwise {@code Origin} must equal this server's own
 * origin exactly. {@code Origin: null} (sandboxed frames, privacy redirects, {@code data:} pages) and a request with
 * neither header are refused: every browser that could be tricked into a cross-site post sends one of them.
 *
 * <p>The server's own origin comes from {@link HttpServletRequest#getScheme()}, {@code getServerName()} and
 * {@code getServerPort()}; behind a proxy, map ConsentGate after the container's forwarded-headers handling
 * (Tomcat {@code RemoteIpValve}, Jetty {@code ForwardedRequestCustomizer}) so they describe the public origin.
 */
final class SameOriginCheck {

    private SameOriginCheck() {
    }

    /** Null when the request is same-origin, else a short reason for the debug log. */
    static String refusal(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return "same-origin".equals(site.strip().toLowerCase(Locale.ROOT)) ? null : "Sec-Fetch-Site is not same-origin";
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return "neither Sec-Fetch-Site nor Origin was sent";
        }
        if (origin.strip().equalsIgnoreCase("null")) {
            return "Origin is null";
        }
        return origin.strip().equalsIgnoreCase(ownOrigin(request)) ? null : "Origin is another site";
    }

    static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        String host = request.getServerName().toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
