package io.consentgate;

import io.consentgate.html.OverflowAction;
import io.consentgate.html.RewriteMode;
import io.consentgate.log.AccessLogFormat;
import io.consentgate.log.ForwardingHeader;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings another setting makes pointless: accepted, as the page works either way, but each worth one warning at
 * start-up naming both keys, since the operator asked for something that will not happen. Only a value that asks for
 * something counts (not one switched off under a switch that is off), so a {@code web.xml} listing every default is
 * quiet.
 */
final class IneffectiveSettings {

    private IneffectiveSettings() {
    }

    /** One message per pointless setting, each starting with {@code key=value has no effect}. */
    static List<String> of(Policy p) {
        Policy d = Policy.defaults();
        List<String> out = new ArrayList<>();
        if (p.visitorHash() && p.accessLog() != AccessLogFormat.JSON) {
            out.add("visitor-hash=true has no effect with access-log=" + p.accessLog().id()
                    + ": the visitor hash is written only in json access log lines; set access-log=json, or remove it");
        }
        if (p.trustedProxies().header() == ForwardingHeader.FORWARDED && p.trustedProxies().isEmpty()) {
            out.add("forwarded-header=forwarded has no effect with trusted-proxies=none: a forwarding header is read "
                    + "only from a trusted proxy; list your proxies in trusted-proxies, or remove it");
        }
        if (!p.htmlRewrite()) {
            String why = " has no effect with html-rewrite=false: no response is rewritten";
            String todo = "; set html-rewrite=true, or remove it";
            if (p.htmlMode() == RewriteMode.NEUTRALIZE) {
                out.add("html-mode=neutralize" + why + todo);
            }
            if (p.htmlOnOverflow() == OverflowAction.FAIL_OPEN) {
                out.add("html-on-overflow=fail-open" + why + todo);
            }
            if (p.htmlMaxHeldBytes() != d.htmlMaxHeldBytes()) {
                out.add("html-max-held-bytes=" + p.htmlMaxHeldBytes() + why + todo);
            }
            if (!p.consentAttribute().equals(d.consentAttribute())) {
                out.add("consent-attribute=" + p.consentAttribute() + why + ", so gated elements stay" + todo);
            }
        }
        if (p.gpcLastUpdate() != null && !p.gpcJson()) {
            out.add("gpc-last-update=" + p.gpcLastUpdate() + " has no effect with gpc-json=false: it is written only "
                    + "in /.well-known/gpc.json; set gpc-json=true, or remove it");
        }
        if (p.consentPath() == null) {
            if (!p.consentReturn().equals(d.consentReturn())) {
                out.add("consent-return=" + p.consentReturn() + " has no effect with consent-path=off: it is where the "
                        + "consent endpoint sends a form post back; give consent-path a path, or remove it");
            }
            if (p.clearSiteData()) {
                out.add("clear-site-data=true has no effect with consent-path=off: it is sent on a withdrawal through "
                        + "the consent endpoint; give consent-path a path, or remove it");
            }
        }
        if (!p.klaroServices().isEmpty() && !p.honouredCmps().contains("klaro")) {
            String cmps = p.honouredCmps().isEmpty() ? "none" : String.join(",", p.honouredCmps());
            out.add("klaro-services has no effect with honour-cmps=" + cmps
                    + ": Klaro's cookie is read only when honour-cmps lists klaro; add klaro there, or remove it");
        }
        underReportOnly(p, d, out);
        if (!p.signalsOverrideConsent() && p.gpcRefuses().isEmpty() && p.dntRefuses().isEmpty()) {
            out.add("signals-override-consent=false has no effect with gpc-refuses=none and dnt-refuses=none: no "
                    + "signal refuses anything, so there is nothing for a stored consent to beat; name what GPC or DNT "
                    + "refuses, or remove it");
        }
        return out;
    }

    /** Report-only changes no response; what the consent endpoint does is not a response of the application. */
    private static void underReportOnly(Policy p, Policy d, List<String> out) {
        if (p.reportOnly()) {
            String enforce = "; it takes effect with report-only=false, or remove it";
            if (p.stripRequestCookies()) {
                out.add("strip-request-cookies=true has no effect with report-only=true: report-only changes nothing "
                        + "the application sees, so it gets every cookie the visitor sent" + enforce);
            }
            if (p.permissionsPolicy() != null && !p.permissionsPolicy().equals(d.permissionsPolicy())) {
                out.add("permissions-policy=" + p.permissionsPolicy() + " has no effect with report-only=true: no "
                        + "Permissions-Policy is sent while nothing is enforced" + enforce);
            }
            if (p.consentPath() == null && !p.cookieExpiryPaths().equals(d.cookieExpiryPaths())) {
                // With the consent endpoint on, a withdrawal through it still expires cookies on these paths.
                out.add("cookie-expiry-paths=" + String.join(",", p.cookieExpiryPaths()) + " has no effect with "
                        + "report-only=true and consent-path=off: refused cookies are expired only when enforcing or "
                        + "on a withdrawal through the consent endpoint" + enforce);
            }
        }
    }
}
