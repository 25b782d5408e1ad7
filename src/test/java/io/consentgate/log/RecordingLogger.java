package io.consentgate.log;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that keeps every event it receives, with its final message text. */
final class RecordingLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    record Event(Level level, String pattern, Object[] arguments, String message) {
    }

    final List<Event> events = new ArrayList<>();
    private final boolean enabled;
    private final RuntimeException failure;

    RecordingLogger(boolean enabled, RuntimeException failure) {
        this.name = AccessLogger.LOGGER_NAME;
        this.enabled = enabled;
        this.failure = failure;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable throwable) {
        if (failure != null) {
            throw failure;
        }
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        events.add(new Event(level, pattern, arguments, message));
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled;
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled;
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled;
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled;
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled;
    }
}
