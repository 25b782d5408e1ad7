package io.consentgate.matrix;

import io.consentgate.ConsentGateFilter;
import org.eclipse.jetty.ee11.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;

import java.util.Map;

/**
 * The matrix application in Jetty 12.1's Servlet 6.1 environment (ee11), registered as in ee10: its servlet layer
 * is a separate implementation, with its own response, writer and error handling. Loaded only under the
 * {@code servlet-6.1} test execution, which puts the Servlet 6.1 API on the class path.
 */
final class Ee11Context {

    private Ee11Context() {
    }

    static Handler create(Map<String, String> initParams, boolean twice, boolean forward) {
        ServletContextHandler context = new ServletContextHandler("/");
        for (int i = 0; i < (twice ? 2 : 1); i++) {
            FilterHolder holder = new FilterHolder();
            holder.setName("consentgate-" + i);
            holder.setClassName(ConsentGateFilter.class.getName());
            holder.setAsyncSupported(true);
            initParams.forEach(holder::setInitParameter);
            context.addFilter(holder, "/*", MatrixServer.dispatches(forward));
        }
        ServletHolder servlet = context.addServlet(ScenarioServlet.class, "/*");
        servlet.setAsyncSupported(true);
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(404, "/error-page");
        context.setErrorHandler(errors);
        return context;
    }
}
