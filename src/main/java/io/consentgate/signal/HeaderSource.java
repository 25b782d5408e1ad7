package io.consentgate.signal;

import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * Read access to request headers without the Servlet API, so signal parsers are unit-testable.
 *
 * <p>{@link #values(String)} returns every value of the named header in the order they arrived (one element per
 * header line as the container reports them), never {@code null}; an absent header is an empty list. Header names are
 * case-insensitive, as in HTTP.
 */
@FunctionalInterface
public interface HeaderSource {

    /** All values of header {@code name}, in order; empty when absent; never {@code null}. */
    List<String> values(String name);

    /**
     * Adapts a servlet request. Uses {@link HttpServletRequest#getHeaders(String)} only, never
     * {@link HttpServletRequest#getCookies()} (containers throw or silently drop on some malformed cookies; ConsentGate
     * parses the raw {@code Cookie} header itself). {@code null} values and a {@code null} enumeration (a container
     * that refuses access) are treated as absent.
     */
    static HeaderSource of(HttpServletRequest request) {
        Objects.requireNonNull(request, "request");
        return name -> {
            Enumeration<String> e = request.getHeaders(name);
            if (e == null || !e.hasMoreElements()) {
                return List.of();
            }
            List<String> out = new ArrayList<>(2);
            while (e.hasMoreElements()) {
                String v = e.nextElement();
                if (v != null) {
                    out.add(v);
                }
            }
            return Collections.unmodifiableList(out);
        };
    }
}
