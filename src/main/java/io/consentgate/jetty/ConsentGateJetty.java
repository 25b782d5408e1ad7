package io.consentgate.jetty;

import io.consentgate.ConsentGateFilter;
import io.consentgate.Policy;
import jakarta.servlet.DispatcherType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHandler;

/**
 * Adds ConsentGate to an embedded Jetty 12 (ee10) context, in front of every other filter:
 *
 * <pre>{@code
 * ServletContextHandler context = new ServletContextHandler("/");
 * ConsentGateJetty.install(context, Policy.defaults());
 * context.addServlet(MyServlet.class, "/*");
 * }</pre>
 *
 * <p>The filter is mapped to {@code /*} for {@code REQUEST}, {@code FORWARD}, {@code ERROR} and {@code ASYNC} dispatches and supports
 * async. Install it before any compression handler wraps the context (compression must happen after rewriting).
 * Jetty 12.1's ee11 environment has its own classes: use {@link ConsentGateJettyEe11} there.
 */
public final class ConsentGateJetty {

    /** The holder's name. */
    static final String FILTER_NAME = "consentgate";

    /** Every dispatch the filter must see: error pages are rewritten too; async completions finish what they began. */
    static final Set<DispatcherType> DISPATCHES = Collections.unmodifiableSet(EnumSet.of(DispatcherType.REQUEST,
            DispatcherType.FORWARD, DispatcherType.ERROR, DispatcherType.ASYNC));

    private ConsentGateJetty() {
    }

    /** Installs a filter for {@code policy} as the first filter of {@code context}; returns its holder. */
    public static FilterHolder install(ServletContextHandler context, Policy policy) {
        return install(context, new ConsentGateFilter(policy));
    }

    /** Installs {@code filter} as the first filter of {@code context}; returns its holder. */
    public static FilterHolder install(ServletContextHandler context, ConsentGateFilter filter) {
        FilterHolder holder = new FilterHolder(filter);
        holder.setName(FILTER_NAME);
        holder.setAsyncSupported(true);
        ServletHandler handler = context.getServletHandler();
        handler.addFilter(holder);
        FilterMapping mapping = new FilterMapping();
        mapping.setFilterName(holder.getName());
        mapping.setPathSpec("/*");
        mapping.setDispatcherTypes(EnumSet.copyOf(DISPATCHES));
        handler.prependFilterMapping(mapping);
        return holder;
    }
}
