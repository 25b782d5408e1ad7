package io.consentgate;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link ConsentGateFilter#init} does once, before the first request: reads the policy from {@code web.xml}'s
 * init-params, refuses a catalog that would gate the application's session cookie, and logs the start-up line and the
 * warnings about settings and filter mappings. It logs through the filter's logger, so an operator's configuration of
 * that logger covers these lines as before.
 */
final class FilterStartup {

    /** The filter's logger: the start-up line and its warnings keep the logger name operators configure. */
    private static final Logger LOG = LoggerFactory.getLogger(ConsentGateFilter.class);
    /** The jar's version and a space, for the start-up line; empty when the classes are not in a packaged jar. */
    private static final String VERSION = Optional.ofNullable(
        ConsentGateFilter.class.getPackage().getImplementationVersion()).map(v -> v + " ").orElse("");

    /** The start-up line's word for report-only mode, in place of "enforcing". */
    static final String REPORT_ONLY = "report-only (logging what it would change, responses unchanged)";

    private FilterStartup() {
    }

    /**
     * The policy of the filter's init-params (and of the policy file they name). A catalog that covers the
     * application's session cookie is refused, the message naming that file.
     */
    static Policy read(FilterConfig config) {
        Map<String, String> params = new LinkedHashMap<>();
        for (Enumeration<String> names = config.getInitParameterNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            params.put(name, config.getInitParameter(name));
        }
        ServletContext ctx = config.getServletContext();
        // No context, no webapp: a webapp policy-file then fails init saying so, not with a NullPointerException.
        Policy read = PolicyReader.read(params, ctx == null ? null : PolicyReader.ResourceOpener.of(ctx));
        try {
            requireUngatedSessionCookie(ctx, read);
        } catch (InvalidPolicyException e) {
            String file = params.get(PolicyReader.POLICY_FILE);
            throw file == null || PolicyParameters.isNone(file.strip()) ? e : e.in(file.strip());
        }
        return read;
    }

    /**
     * The start-up line, then the warnings: settings that have no effect, endpoints the mappings do not reach. The line
     * says whether the filter enforces the policy or only reports, so a report-only deployment is not taken for a
     * protected one.
     */
    static void announce(Policy policy, FilterConfig config) {
        LOG.info("ConsentGate {}{} {}", VERSION, policy.reportOnly() ? REPORT_ONLY : "enforcing", policy);
        warnOfIneffectiveSettings(policy);
        warnOfUnreachedEndpoints(config, policy);
    }

    /**
     * Refuses a catalog whose cookie patterns cover the session cookie name the application configured (Tomcat and
     * Undertow {@code <cookie-config><name>}, Jetty's session handler), as {@link Policy.Builder#build} does for
     * {@code JSESSIONID}: the cookie gate would expire it on every page and log every visitor out.
     */
    static void requireUngatedSessionCookie(ServletContext ctx, Policy p) {
        String name;
        try {
            SessionCookieConfig cookie = ctx == null ? null : ctx.getSessionCookieConfig();
            name = cookie == null ? null : cookie.getName();
        } catch (RuntimeException e) {
            LOG.debug("ConsentGate: the container does not tell its session cookie name", e);
            return;
        }
        if (name != null && !name.isBlank() && !name.strip().equals(NecessaryCookies.SESSION_COOKIE)) {
            NecessaryCookies.requireUngated(p.catalog(), name.strip(), "the session cookie (the application's session "
                    + "cookie config)", null);
        }
    }

    /** One warning per setting another one makes pointless, naming both ({@link IneffectiveSettings}). */
    private static void warnOfIneffectiveSettings(Policy policy) {
        for (String w : IneffectiveSettings.of(policy)) {
            LOG.warn("ConsentGate: {}", w);
        }
    }

    /**
     * One warning naming each ConsentGate endpoint the filter's URL-pattern mappings do not reach (a filter mapped to
     * {@code /app/*} never sees {@code /consent}). Not an error: the rest of the enforcement works. Said nothing
     * where the container does not tell the mappings, or the filter is also mapped by servlet name.
     */
    private static void warnOfUnreachedEndpoints(FilterConfig config, Policy policy) {
        java.util.Collection<String> patterns;
        try {
            jakarta.servlet.FilterRegistration registration = config == null || config.getServletContext() == null
                    ? null : config.getServletContext().getFilterRegistration(config.getFilterName());
            if (registration == null || !registration.getServletNameMappings().isEmpty()) {
                return;
            }
            patterns = registration.getUrlPatternMappings();
        } catch (RuntimeException e) {
            LOG.debug("ConsentGate: the container does not tell the filter's mappings; endpoints not checked", e);
            return;
        }
        List<String> unreached = EndpointReach.unreached(patterns, policy);
        if (!unreached.isEmpty()) {
            LOG.warn("ConsentGate: the filter is mapped to {}, which does not reach its own endpoint(s) {}: map it to "
                    + "/* (or add those paths) to serve them", patterns, unreached);
        }
    }
}
