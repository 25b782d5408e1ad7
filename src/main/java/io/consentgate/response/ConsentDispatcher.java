package io.consentgate.response;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;

/**
 * A request dispatcher of the {@link ConsentRequest}: before a forward, tells the {@link ConsentResponse} to hold
 * nothing back, because a container may close the response when the forward returns (Tomcat 11 suspends the
 * original response behind any wrappers), before the filter could emit held bytes. Around an include, tells it that
 * {@code sendError}/{@code sendRedirect} have no effect (Tomcat puts its include wrapper below this filter's, so the
 * included servlet's calls pass through the {@link ConsentResponse} first).
 */
final class ConsentDispatcher implements RequestDispatcher {

    private final RequestDispatcher delegate;
    private final ConsentResponse response;

    ConsentDispatcher(RequestDispatcher delegate, ConsentResponse response) {
        this.delegate = delegate;
        this.response = response;
    }

    @Override
    public void forward(ServletRequest request, ServletResponse servletResponse)
            throws ServletException, IOException {
        response.streamThrough();
        delegate.forward(request, servletResponse);
    }

    @Override
    public void include(ServletRequest request, ServletResponse servletResponse)
            throws ServletException, IOException {
        response.includeStarted();
        try {
            delegate.include(request, servletResponse);
        } finally {
            response.includeEnded();
        }
    }
}
