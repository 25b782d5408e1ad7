package io.consentgate.response;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import jakarta.servlet.http.HttpServletResponse;

/**
 * For visitors who refuse marketing, switches off the browser's own advertising and interest APIs with a
 * {@code Permissions-Policy} header, unless the application set one.
 */
public final class PermissionsPolicyHeaderWriter implements HeaderWriter {

    private final String value;

    public PermissionsPolicyHeaderWriter(String value) {
        this.value = value;
    }

    @Override
    public void write(HttpServletResponse response, ConsentDecision decision) {
        if (!decision.allows(Category.MARKETING) && !response.containsHeader("Permissions-Policy")) {
            response.setHeader("Permissions-Policy", value);
        }
    }

    /** Takes back the {@code Permissions-Policy} written early; one the application set stays. */
    @Override
    public boolean withdraw(HttpServletResponse response, ConsentDecision decision) {
        ConsentResponse wrapper = ConsentResponse.find(response);
        if (wrapper == null) {
            return false;
        }
        return wrapper.applicationHeaders().dependence().permissionsPolicyFromApplication()
                || DecisionDependence.remove(response, "Permissions-Policy");
    }
}
