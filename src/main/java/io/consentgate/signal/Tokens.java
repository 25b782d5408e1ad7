package io.consentgate.signal;

import java.util.ArrayList;
import java.util.List;

/** RFC 9110 / RFC 6265 character classes. */
final class Tokens {

    private Tokens() {
    }

    /** RFC 9110 tchar. */
    static boolean isTchar(char c) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** A non-empty RFC 9110 token. */
    static boolean isToken(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Optional whitespace: SP or HTAB. */
    static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    /** {@code s} without leading and trailing SP/HTAB (and nothing else: unlike {@link String#strip()}). */
    static String trimOws(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isOws(s.charAt(start))) {
            start++;
        }
        while (end > start && isOws(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Whether {@code c} is an ASCII control character (0x00-0x1F, 0x7F). */
    static boolean isCtl(char c) {
        return c < 0x20 || c == 0x7F;
    }

    /** A base64url (RFC 4648 §5) alphabet character. */
    static boolean isBase64Url(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    /**
     * The members of a field value that may be several field lines joined with commas (RFC 9110 §5.3), each
     * without surrounding OWS; empty members are kept as empty strings. Quoted strings are not recognised: the
     * signal headers' grammars have none.
     */
    static List<String> listMembers(String value) {
        if (value.indexOf(',') < 0) {
            return List.of(trimOws(value));
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = value.indexOf(',', start);
            out.add(trimOws(value.substring(start, comma < 0 ? value.length() : comma)));
            if (comma < 0) {
                return out;
            }
            start = comma + 1;
        }
    }
}
