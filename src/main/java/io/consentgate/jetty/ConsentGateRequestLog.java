package io.consentgate.jetty;

import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;

/**
 * A Jetty 12 request log in NCSA combined format that prints ConsentGate's masked values instead of the raw ones:
 * the masked client IP, and User-Agent/Referer only when the visitor's decision allows them ({@code -} otherwise).
 * The remote user ({@code %u}) is never written: an authenticated user name identifies the visitor. The path is
 * ConsentGate's, without {@code ;jsessionid=}: Jetty's {@code %U} prints the raw path with the session id. The
 * time is UTC with English month names whatever the JVM's default locale (a plain {@code %t} follows the default
 * locale, {@code 29/nov./2026} under {@code fr-FR}, which GoAccess and AWStats cannot read).
 *
 * <pre>{@code
 * server.setRequestLog(ConsentGateRequestLog.toSlf4j("jetty.access"));
 * }</pre>
 *
 * <p>Use it instead of Jetty's default {@code CustomRequestLog.NCSA_FORMAT}, which writes raw IPs. It reads the
 * request attributes the filter sets ({@code io.consentgate.log.*}); requests the filter did not see log {@code -}.
 * ConsentGate's own {@code consentgate.access} logger already writes the same line, so most sites need only one.
 */
public final class ConsentGateRequestLog {

    /** The NCSA combined format over ConsentGate's masked request attributes. */
    public static final String FORMAT = "%{io.consentgate.log.ip}attr - - %{dd/MMM/yyyy:HH:mm:ss Z|UTC|en-US}t "
            + "\"%m %{io.consentgate.log.path}attr %H\" %s %O "
            + "\"%{io.consentgate.log.referer}attr\" \"%{io.consentgate.log.userAgent}attr\"";

    private ConsentGateRequestLog() {
    }

    /** A request log writing each line to {@code writer}. */
    public static CustomRequestLog create(RequestLog.Writer writer) {
        return new CustomRequestLog(writer, FORMAT);
    }

    /** A request log writing each line to the SLF4J logger {@code loggerName}. */
    public static CustomRequestLog toSlf4j(String loggerName) {
        Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
        writer.setLoggerName(loggerName);
        return create(writer);
    }
}
