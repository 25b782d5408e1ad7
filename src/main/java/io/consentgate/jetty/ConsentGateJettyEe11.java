package io.consentgate.jetty;

import io.consentgate.ConsentGateFilter;
import io.consentgate.Policy;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.FilterMapping;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHandler;

/**
 * {@link ConsentGateJetty} for Jetty 12.1's Servlet 6.1 environment (ee11), whose servlet classes are a separate
 * implementation in their own packages:
 *
 * <pre>{@code
 * ServletContextHandler context = new ServletContextHandler("/");   // org.eclipse.jetty.ee11.servlet
 * ConsentGateJettyEe11.install(context, Policy.defaults());
 * context.addServlet(MyServlet.class, "/*");
 * }</pre>
 *
 * <p>A class of its own rather than an overload of {@code ConsentGateJetty.install}: javac needs every overload's
 * parameter types to pick one, so an overload would make ee10 applications compile against ee11 too. The mapping is
 * the same: {@code /*} for {@link ConsentGateJetty#DISPATCHES}, first of all filters, async supported.
 */
public final class ConsentGateJettyEe11 {

    private ConsentGateJettyEe11() {
    }

    /** Installs a filter for {@code policy} as the first filter of {@code context}; returns its holder. */
    public static FilterHolder install(ServletContextHandler context, Policy policy) {
        return install(context, new ConsentGateFilter(policy));
    }

    /** Installs {@code filter} as the first filter of {@code context}; returns its holder. */
    public static FilterHolder install(ServletContextHandler context, ConsentGateFilter filter) {
        FilterHolder holder = new FilterHolder(filter);
        holder.setName(ConsentGateJetty.FILTER_NAME);
        holder.setAsyncSupported(true);
        ServletHandler handler = context.getServletHandler();
        handler.addFilter(holder);
        FilterMapping mapping = new FilterMapping();
        mapping.setFilterName(holder.getName());
        mapping.setPathSpec("/*");
        mapping.setDispatcherTypes(EnumSet.copyOf(ConsentGateJetty.DISPATCHES));
        handler.prependFilterMapping(mapping);
        return holder;
    }
}
