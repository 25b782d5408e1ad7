package io.consentgate.response;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Delegates to the container's async context; {@link #complete()} first finishes the enforced body. Listeners see
 * this context in their events, not the container's: an application that answers a timeout or an error from the
 * event ({@code event.getAsyncContext().complete()}) would otherwise complete past the body this filter still holds,
 * and the page would be lost.
 */
final class ConsentAsyncContext implements AsyncContext {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentAsyncContext.class);

    private final AsyncContext delegate;
    private final ConsentResponse response;

    ConsentAsyncContext(AsyncContext delegate, ConsentResponse response) {
        this.delegate = delegate;
        this.response = response;
    }

    @Override
    public void complete() {
        try {
            response.finish();
        } catch (IOException e) {
            LOG.debug("could not finish the response body before completing: {}", e.toString());
        }
        if (!response.deferComplete(delegate::complete)) {
            delegate.complete();
        }
    }

    @Override
    public ServletRequest getRequest() {
        return delegate.getRequest();
    }

    @Override
    public ServletResponse getResponse() {
        return delegate.getResponse();
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return delegate.hasOriginalRequestAndResponse();
    }

    @Override
    public void dispatch() {
        delegate.dispatch();
    }

    @Override
    public void dispatch(String path) {
        delegate.dispatch(path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        delegate.dispatch(context, path);
    }

    @Override
    public void start(Runnable run) {
        delegate.start(run);
    }

    @Override
    public void addListener(AsyncListener listener) {
        delegate.addListener(new ListenerView(listener));
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
        delegate.addListener(new ListenerView(listener), request, response);
    }

    /** The event as the listener must see it: this context (or, for a new async cycle, one around the new one). */
    private AsyncEvent view(AsyncEvent event) {
        AsyncContext container = event.getAsyncContext();
        AsyncContext context = container == delegate || container == null ? this
                : new ConsentAsyncContext(container, response);
        return new AsyncEvent(context, event.getSuppliedRequest(), event.getSuppliedResponse(),
                event.getThrowable());
    }

    /** An application's listener, handed events that carry this context. */
    private final class ListenerView implements AsyncListener {
        private final AsyncListener listener;

        ListenerView(AsyncListener listener) {
            this.listener = listener;
        }

        @Override
        public void onComplete(AsyncEvent event) throws IOException {
            listener.onComplete(view(event));
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            listener.onTimeout(view(event));
        }

        @Override
        public void onError(AsyncEvent event) throws IOException {
            listener.onError(view(event));
        }

        @Override
        public void onStartAsync(AsyncEvent event) throws IOException {
            listener.onStartAsync(view(event));
        }
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> clazz) throws ServletException {
        return delegate.createListener(clazz);
    }

    @Override
    public void setTimeout(long timeout) {
        delegate.setTimeout(timeout);
    }

    @Override
    public long getTimeout() {
        return delegate.getTimeout();
    }
}
