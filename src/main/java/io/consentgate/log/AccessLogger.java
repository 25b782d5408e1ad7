package io.consentgate.log;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes access log lines through the SLF4J logger {@value #LOGGER_NAME}: one INFO event per request whose message
 * is exactly the formatted line (no line terminator, no arguments left), so operators route it with logback or
 * log4j to a file (use a plain {@code %msg%n} pattern for a GoAccess-readable file) or a log pipeline.
 *
 * <p>Nothing is formatted when the logger is not INFO-enabled or the format is {@link AccessLogFormat#OFF}.
 * {@link #log(AccessLogEntry)} never throws: a {@link RuntimeException} from formatting or from the logging backend
 * is counted ({@link #failures()}) and reported once as a WARN on this class's own logger (not on the access log).
 *
 * <p>Thread-safe.
 */
public final class AccessLogger {

    /** The SLF4J logger name the access log is written to. */
    public static final String LOGGER_NAME = "consentgate.access";

    private static final Logger DIAGNOSTICS = LoggerFactory.getLogger(AccessLogger.class);

    private final AccessLogLine line;
    private final Logger sink;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();

    /** A logger writing {@code line}'s format to {@value #LOGGER_NAME}. */
    public AccessLogger(AccessLogLine line) {
        this(line, LoggerFactory.getLogger(LOGGER_NAME));
    }

    AccessLogger(AccessLogLine line, Logger sink) {
        this.line = Objects.requireNonNull(line, "line");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Whether a call to {@link #log} would write anything now. */
    public boolean isEnabled() {
        return line.format() != AccessLogFormat.OFF && sink.isInfoEnabled();
    }

    /** Formats and writes one entry; never throws. */
    public void log(AccessLogEntry entry) {
        try {
            if (isEnabled()) {
                sink.info("{}", line.format(entry));
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** How many entries could not be written since this logger was created. */
    public long failures() {
        return failures.get();
    }

    /** The compiled line format. */
    public AccessLogLine line() {
        return line;
    }

    void failed(RuntimeException e) {
        failures.incrementAndGet();
        if (warned.compareAndSet(false, true)) {
            DIAGNOSTICS.warn("access log entry not written (further failures are only counted): {}", e.toString(),
                    e);
        }
    }
}
