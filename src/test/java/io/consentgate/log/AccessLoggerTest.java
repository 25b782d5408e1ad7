package io.consentgate.log;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.event.Level;

class AccessLoggerTest {

    private static final String HOSTILE_UA = "curl/8.5\r\n203.0.113.1 - - [x] \"GET /admin\" 200 1 \"-\" \"-\"\u2028";

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(value = AccessLogFormat.class, names = {"COMBINED", "JSON"})
    void writesOneInfoEventWhoseMessageIsExactlyOneLine(AccessLogFormat format) {
        RecordingLogger sink = new RecordingLogger(true, null);
        AccessLogLine line = AccessLogLine.compile(format);
        AccessLogger logger = new AccessLogger(line, sink);
        AccessLogEntry entry = Entries.entry("GET", "/p", "a=1", "https://r.example/", HOSTILE_UA);

        logger.log(entry);

        assertEquals(1, sink.events.size());
        RecordingLogger.Event event = sink.events.get(0);
        assertEquals(Level.INFO, event.level());
        assertEquals(line.format(entry), event.message());
        assertEquals(1, event.message().lines().count(), event.message());
        assertFalse(event.message().matches("(?s).*[\\r\\n\\u2028\\u2029\\u0085].*"), event.message());
        assertEquals(0, logger.failures());
    }

    @Test
    void passesTheLineAsAnArgumentSoBracesInValuesStayLiteral() {
        RecordingLogger sink = new RecordingLogger(true, null);
        new AccessLogger(AccessLogLine.compile(AccessLogFormat.COMBINED), sink)
                .log(Entries.entry("GET", "/{}", "x={}", null, "{} {}"));
        assertEquals("{}", sink.events.get(0).pattern());
        assertTrue(sink.events.get(0).message().contains("\"GET /{}?x={} HTTP/1.1\""), sink.events.get(0).message());
        assertTrue(sink.events.get(0).message().endsWith("\"{} {}\""));
    }

    @Test
    void writesNothingWhenInfoIsDisabledOrTheFormatIsOff() {
        RecordingLogger disabled = new RecordingLogger(false, null);
        AccessLogger a = new AccessLogger(AccessLogLine.compile(AccessLogFormat.COMBINED), disabled);
        a.log(Entries.allowed());
        assertFalse(a.isEnabled());
        assertEquals(0, disabled.events.size());

        RecordingLogger enabled = new RecordingLogger(true, null);
        AccessLogger off = new AccessLogger(AccessLogLine.compile(AccessLogFormat.OFF), enabled);
        off.log(Entries.allowed());
        assertFalse(off.isEnabled());
        assertEquals(0, enabled.events.size());
    }

    @Test
    void countsBackendFailuresInsteadOfThrowing() {
        RecordingLogger broken = new RecordingLogger(true, new IllegalStateException("appender closed"));
        AccessLogger logger = new AccessLogger(AccessLogLine.compile(AccessLogFormat.JSON), broken);
        assertDoesNotThrow(() -> logger.log(Entries.allowed()));
        assertDoesNotThrow(() -> logger.log(Entries.allowed()));
        assertEquals(2, logger.failures());
    }

    @Test
    void usesTheDocumentedLoggerName() {
        assertEquals("consentgate.access", AccessLogger.LOGGER_NAME);
        assertEquals(AccessLogFormat.COMBINED,
                new AccessLogger(AccessLogLine.compile(AccessLogFormat.COMBINED)).line().format());
    }
}
