package io.consentgate.response;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;

/**
 * A request dispatcher of the {@link ConsentRequest}: before a forward, tells the {@link ConsentResponse} to clear
 * what was written before (as the container clears its buffer) and to hold nothing back from then on, because a
 * container may close the response when the forward returns (Tomcat 11 suspends the original response behind any
 * wrappers), before the filter could emit held bytes, and tells the {@link ConsentRequest} where it goes (a forward
 * to an HTML document hides {@code Range}). Around an include, tells it that {@code sendError}/{@code sendRedirect}
 * have no effect (Tomcat puts its include wrapper below this filter's, so the included servlet's calls pass through
 * the {@link ConsentResponse} first), and afterwards takes Tomcat's include wrappers out of the filter's wrappers if
 * the container left them in (it does once the request is async).
 */
final class ConsentDispatcher implements RequestDispatcher {

    private final RequestDispatcher delegate;
    private final ConsentRequest request;
    private final ConsentResponse response;
    /** The path the dispatcher was asked for. */
    private final String path;

    ConsentDispatcher(RequestDispatcher delegate, ConsentRequest request, ConsentResponse response, String path) {
        this.delegate = delegate;
        this.request = request;
        this.response = response;
        this.path = path;
    }

    @Override
    public void forward(ServletRequest request, ServletResponse servletResponse)
            throws ServletException, IOException {
        response.forwarding();
        response.streamThrough();
        this.request.forwarding(path);
        response.forwardStarted();
        try {
            delegate.forward(request, servletResponse);
        } finally {
            response.forwardEnded();
        }
    }

    @Override
    public void include(ServletRequest request, ServletResponse servletResponse)
            throws ServletException, IOException {
        ServletRequest innerRequest = this.request.getRequest();
        ServletResponse innerResponse = response.getResponse();
        boolean wasAsync = this.request.isAsyncStarted();
        response.includeStarted();
        try {
            delegate.include(request, servletResponse);
        } finally {
            response.includeEnded();
            // Tomcat slides its include wrappers beneath the filter's and, when the request was already async, leaves
            // them there after the include: every later status, header or redirect of the including servlet would be
            // ignored as if still included. (When the included servlet itself went async, they must stay: its later
            // calls are still the include's.)
            if (wasAsync && this.request.getRequest() != innerRequest) {
                this.request.setRequest(innerRequest);
            }
            if (wasAsync && response.getResponse() != innerResponse) {
                response.setResponse(innerResponse);
            }
        }
    }
}
