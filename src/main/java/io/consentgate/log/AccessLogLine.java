package io.consentgate.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A compiled access log format: turns an {@link AccessLogEntry} into exactly one line of text (no line terminator;
 * no CR, LF, U+2028 or U+2029 can appear in it, whatever the request contained).
 *
 * <p>{@link AccessLogFormat#COMBINED} writes
 * {@code 203.0.113.0 - - [28/Nov/2026:23:40:00 +0000] "GET /a?b=1 HTTP/1.1" 200 512 "https://r/" "Mozilla/5.0"}:
 * time in UTC, {@code %l} and {@code %u} always {@code -}, a missing or dropped value as {@code -}, {@code %b}
 * {@code -} for zero or unknown bytes. Every value except the (masked, canonical) client address is truncated to
 * {@code maxValueLength} chars (marked with {@code ...[truncated]}), then escaped: {@code "} and {@code \} as {@code \"} and {@code \\}, control characters
 * (C0, DEL, C1, including ESC, CR, LF) as {@code \xHH}, and U+2028, U+2029, bidi controls, BOM and unpaired
 * surrogates as a backslash-u escape. Inside the request line a space in the method, path, query or protocol is
 * written {@code \x20}, so the three parts stay separable.
 *
 * <p>{@link AccessLogFormat#JSON} writes one object per line with keys {@code time} (ISO-8601 UTC, millisecond
 * precision), {@code ip}, {@code method}, {@code path}, {@code query}, {@code protocol}, {@code status},
 * {@code bytes}, {@code referer}, {@code user_agent}, {@code duration_ms}, {@code visitor}; absent or dropped values
 * are left out. Jackson escapes the values; DEL, C1, U+2028, U+2029, bidi controls and BOM are escaped too.
 *
 * <p>{@link AccessLogFormat#OFF} formats every entry to the empty string.
 *
 * <pre>{@code
 * AccessLogLine line = AccessLogLine.compile(AccessLogFormat.parse(initParam), 1024); // once, at init
 * String text = line.format(entry);                                                  // per request
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AccessLogLine {

    /** Default maximum length of one value, in chars, before {@code ...[truncated]} is appended. */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 1024;

    private static final DateTimeFormatter NCSA_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private static final Map<AccessLogFormat, AccessLogLine> DEFAULTS = new EnumMap<>(AccessLogFormat.class);

    static {
        for (AccessLogFormat f : AccessLogFormat.values()) {
            DEFAULTS.put(f, new AccessLogLine(f, DEFAULT_MAX_VALUE_LENGTH));
        }
    }

    /** One piece of a compiled NCSA line. */
    @FunctionalInterface
    private interface Element {
        void append(StringBuilder out, AccessLogEntry e);
    }

    private final AccessLogFormat format;
    private final int maxValueLength;
    private final List<Element> elements;
    private final JsonFactory json;

    private AccessLogLine(AccessLogFormat format, int maxValueLength) {
        this.format = format;
        this.maxValueLength = maxValueLength;
        this.elements = format == AccessLogFormat.COMBINED ? combined(maxValueLength) : List.of();
        this.json = format == AccessLogFormat.JSON ? jsonFactory() : null;
    }

    /** {@link #compile(AccessLogFormat, int)} with {@link #DEFAULT_MAX_VALUE_LENGTH}. */
    public static AccessLogLine compile(AccessLogFormat format) {
        return compile(format, DEFAULT_MAX_VALUE_LENGTH);
    }

    /**
     * Compiles a format.
     *
     * @param maxValueLength maximum chars of one value before truncation, at least 1
     * @throws IllegalArgumentException if {@code maxValueLength < 1}
     */
    public static AccessLogLine compile(AccessLogFormat format, int maxValueLength) {
        Objects.requireNonNull(format, "format");
        if (maxValueLength < 1) {
            throw new IllegalArgumentException("maximum value length must be at least 1, got " + maxValueLength);
        }
        return new AccessLogLine(format, maxValueLength);
    }

    /** Formats {@code entry} with the shared default-length line of {@code format}. */
    public static String format(AccessLogEntry entry, AccessLogFormat format) {
        return DEFAULTS.get(format).format(entry);
    }

    /** The format compiled. */
    public AccessLogFormat format() {
        return format;
    }

    /** The maximum value length. */
    public int maxValueLength() {
        return maxValueLength;
    }

    /** Formats one entry as one line without terminator. */
    public String format(AccessLogEntry entry) {
        return switch (format) {
            case COMBINED -> combinedLine(entry);
            case JSON -> jsonLine(entry);
            case OFF -> "";
        };
    }

    private String combinedLine(AccessLogEntry entry) {
        StringBuilder sb = new StringBuilder(256);
        for (Element el : elements) {
            el.append(sb, entry);
        }
        return sb.toString();
    }

    private static List<Element> combined(int max) {
        return List.of(
                // Never cut: a masked address is at most 39 chars, and GoAccess rejects a line whose host is cut.
                (out, e) -> LogText.appendNcsa(out, e.clientIp(), Integer.MAX_VALUE),
                (out, e) -> out.append(" - - ["),
                (out, e) -> out.append(NCSA_TIME.format(e.time())),
                (out, e) -> out.append("] \""),
                (out, e) -> requestLine(out, e, max),
                (out, e) -> out.append("\" ").append(e.status()).append(' '),
                (out, e) -> {
                    if (e.bytes() > 0) {
                        out.append(e.bytes());
                    } else {
                        out.append('-');
                    }
                },
                (out, e) -> out.append(" \""),
                (out, e) -> LogText.appendNcsa(out, e.referer(), max),
                (out, e) -> out.append("\" \""),
                (out, e) -> LogText.appendNcsa(out, e.userAgent(), max),
                (out, e) -> out.append('"'));
    }

    /** {@code %r}: method, path with query, protocol; a missing part is {@code -}, a space inside one {@code \x20}. */
    private static void requestLine(StringBuilder out, AccessLogEntry e, int max) {
        LogText.appendNcsa(out, e.method(), max, true);
        out.append(' ');
        LogText.appendNcsa(out, e.path(), max, true);
        if (e.query() != null && !e.query().isEmpty()) {
            out.append('?');
            LogText.appendNcsa(out, e.query(), max, true);
        }
        out.append(' ');
        LogText.appendNcsa(out, e.protocol(), max, true);
    }

    private String jsonLine(AccessLogEntry e) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = json.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("time", e.time().truncatedTo(ChronoUnit.MILLIS).toString());
            g.writeStringField("ip", e.clientIp());
            string(g, "method", e.method());
            string(g, "path", e.path());
            string(g, "query", e.query());
            string(g, "protocol", e.protocol());
            g.writeNumberField("status", e.status());
            if (e.bytes() >= 0) {
                g.writeNumberField("bytes", e.bytes());
            }
            string(g, "referer", e.referer());
            string(g, "user_agent", e.userAgent());
            if (e.durationMillis() >= 0) {
                g.writeNumberField("duration_ms", e.durationMillis());
            }
            string(g, "visitor", e.visitorId());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex); // a StringWriter does not fail
        }
        return w.toString();
    }

    private void string(JsonGenerator g, String key, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            g.writeStringField(key, LogText.wellFormed(LogText.truncate(value, maxValueLength)));
        }
    }

    private static JsonFactory jsonFactory() {
        JsonFactory f = JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
        f.setCharacterEscapes(new LogEscapes());
        return f;
    }

    /** Jackson's standard escapes plus DEL, C1, line/paragraph separators, bidi controls and BOM. */
    private static final class LogEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        LogEscapes() {
            int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
            codes[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
            this.ascii = codes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            boolean escape = (ch >= 0x80 && ch <= 0x9f) || ch == 0x2028 || ch == 0x2029
                    || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069) || ch == 0xfeff;
            return escape ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch)) : null;
        }
    }
}
