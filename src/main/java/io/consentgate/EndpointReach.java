package io.consentgate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which of ConsentGate's own endpoints (the consent endpoint, {@code /.well-known/gpc.json}, the tracking status
 * resource) a filter mapping's URL patterns do not reach: a filter mapped to {@code /app/*} never sees
 * {@code /consent}, and the container answers it with the application's 404 instead.
 */
final class EndpointReach {

    private EndpointReach() {
    }

    /** The paths (below the context path) of the endpoints the policy serves that no pattern matches, in order. */
    static List<String> unreached(Collection<String> urlPatterns, Policy policy) {
        List<String> endpoints = new ArrayList<>();
        if (policy.consentPath() != null) {
            endpoints.add(policy.consentPath());
        }
        if (policy.gpcJson()) {
            endpoints.add("/.well-known/gpc.json");
        }
        endpoints.add("/.well-known/dnt/");
        return endpoints.stream().filter(p -> urlPatterns.stream().noneMatch(u -> matches(u, p))).toList();
    }

    /** Servlet URL-pattern matching (Servlet 6.0, 12.2) of a request path below the context path. */
    private static boolean matches(String pattern, String path) {
        if (pattern.equals("/*") || pattern.equals("/")) {
            // "/" is the default servlet's pattern: it takes whatever no other mapping does, which may be anything.
            return true;
        }
        if (pattern.isEmpty()) {
            return path.equals("/");
        }
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        if (pattern.startsWith("*.")) {
            String last = path.substring(path.lastIndexOf('/') + 1);
            return last.endsWith(pattern.substring(1));
        }
        return pattern.equals(path);
    }
}
