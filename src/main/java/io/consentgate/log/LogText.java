package io.consentgate.log;

/** Truncation and NCSA escaping of untrusted values; every value is truncated before it is escaped. */
final class LogText {

    /** Appended to a value cut at the maximum length. */
    static final String TRUNCATED = "...[truncated]";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogText() {
    }

    /** Cuts {@code value} to {@code max} chars (never inside a surrogate pair) and marks the cut. */
    static String truncate(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int cut = max;
        if (cut > 0 && Character.isHighSurrogate(value.charAt(cut - 1))) {
            cut--;
        }
        return value.substring(0, cut) + TRUNCATED;
    }

    /**
     * Whether {@code c} at {@code i} must be escaped beyond quote and backslash: C0, DEL, C1, line and paragraph
     * separators, bidi embedding/override/isolate controls, byte order mark, and unpaired surrogates.
     */
    static boolean isUnsafe(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return true;
        }
        if (c < 0x2000) {
            return false;
        }
        if (c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0xfeff) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    /**
     * Appends {@code value} (truncated to {@code max}) NCSA-escaped: {@code "} and {@code \} as {@code \"} and
     * {@code \\}, chars up to U+00FF as {@code \xHH}, other unsafe chars as {@code \\uHHHH}; empty or null as
     * {@code -}.
     */
    static void appendNcsa(StringBuilder out, String value, int max) {
        appendNcsa(out, value, max, false);
    }

    /**
     * {@link #appendNcsa(StringBuilder, String, int)}, also writing a space as {@code \x20} when {@code escapeSpace}
     * (inside {@code %r}, where spaces separate method, target and protocol).
     */
    static void appendNcsa(StringBuilder out, String value, int max, boolean escapeSpace) {
        if (value == null || value.isEmpty()) {
            out.append('-');
            return;
        }
        String v = truncate(value, max);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (!isUnsafe(v, i) && !(escapeSpace && c == ' ')) {
                out.append(c);
            } else if (c <= 0xff) {
                out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
                        .append(HEX[c & 0xf]);
            }
        }
    }

    /** {@link #appendNcsa} into a new string. */
    static String ncsa(String value, int max) {
        return ncsa(value, max, false);
    }

    /** {@link #appendNcsa(StringBuilder, String, int, boolean)} into a new string. */
    static String ncsa(String value, int max, boolean escapeSpace) {
        StringBuilder sb = new StringBuilder();
        appendNcsa(sb, value, max, escapeSpace);
        return sb.toString();
    }

    /** Replaces unpaired surrogates with U+FFFD so a JSON encoder never writes half a character. */
    static String wellFormed(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c) && isUnsafe(s, i)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length()).append(s, 0, i);
                }
                sb.append('\ufffd');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
