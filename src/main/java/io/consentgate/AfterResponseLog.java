package io.consentgate;

import io.consentgate.log.ServletAccessLog;
import io.consentgate.response.ConsentResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * When the filter writes a request's access-log line: once the response is done, which for an async request is when
 * its async cycle ends, also when that cycle ends on another thread while the filter is still returning. The line's
 * format and content are {@link ServletAccessLog}'s. Thread-safe: it holds only the access log.
 */
final class AfterResponseLog {

    private final ServletAccessLog accessLog;

    AfterResponseLog(ServletAccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /** One access-log line per request, after the response (for async requests, when the async cycle ends). */
    void logAfterResponse(HttpServletRequest request, HttpServletResponse response, ConsentDecision decision,
                          java.time.Instant start, ConsentResponse wrapped, boolean failed) {
        jakarta.servlet.AsyncContext async = asyncContextIfStarted(request);
        if (async != null) {
            java.util.concurrent.atomic.AtomicBoolean logged = new java.util.concurrent.atomic.AtomicBoolean();
            Runnable logOnce = () -> {
                if (logged.compareAndSet(false, true)) {
                    accessLog.log(request, response, decision, start, bytes(request, wrapped));
                }
            };
            async.addListener(new jakarta.servlet.AsyncListener() {
                @Override
                public void onComplete(jakarta.servlet.AsyncEvent event) {
                    logOnce.run();
                }

                @Override
                public void onTimeout(jakarta.servlet.AsyncEvent event) {
                    // onComplete follows and logs.
                }

                @Override
                public void onError(jakarta.servlet.AsyncEvent event) {
                    // onComplete follows and logs.
                }

                @Override
                public void onStartAsync(jakarta.servlet.AsyncEvent event) {
                    event.getAsyncContext().addListener(this);
                }
            });
            if (!request.isAsyncStarted()) {
                logOnce.run(); // the cycle ended while the listener was added, which may then never hear of it
            }
        } else {
            accessLog.log(request, response, decision, start, bytes(request, wrapped), failed);
        }
    }

    /**
     * The request's async context while its async cycle runs, else null. Another thread may complete the cycle at any
     * moment, also between {@code isAsyncStarted()} and {@code getAsyncContext()}: Undertow then throws from the
     * second, which here would turn a complete response into its 500. The request is then logged at once, as done.
     */
    private static jakarta.servlet.AsyncContext asyncContextIfStarted(HttpServletRequest request) {
        if (!request.isAsyncStarted()) {
            return null;
        }
        try {
            return request.getAsyncContext();
        } catch (IllegalStateException completedMeanwhile) {
            return null;
        }
    }

    /**
     * The body size for the access log: none for a {@code HEAD} (the container discards what the application writes
     * for it), unknown (-1) when the filter answered without the wrapper.
     */
    private static long bytes(HttpServletRequest request, ConsentResponse wrapped) {
        return wrapped == null ? -1 : "HEAD".equals(request.getMethod()) ? 0 : wrapped.bytesWritten();
    }
}
