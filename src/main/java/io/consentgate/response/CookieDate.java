package io.consentgate.response;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** The {@code Expires} date of a {@code Set-Cookie}, read as browsers read it (RFC 6265, 5.1.1). */
final class CookieDate {

    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private CookieDate() {
    }

    /**
     * A cookie date as browsers parse it (RFC 6265, 5.1.1): tokens between delimiters, the first {@code hh:mm:ss}
     * time, the first one- or two-digit day, the first month name (three letters), the first two- to four-digit year
     * ({@code 70}–{@code 99} are 19xx, {@code 00}–{@code 69} 20xx), in any order; a weekday is not checked. So
     * {@code Thursday, 01-Jan-70 00:00:00 GMT}, {@code Thu Jan  1 00:00:00 1970} and {@code Fri, 01 Jan 1970 00:00:00}
     * are dates; null when it is not one.
     */
    static Instant parse(String text) {
        int hour = -1;
        int minute = -1;
        int second = -1;
        int day = -1;
        int month = -1;
        int year = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isDateDelimiter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isDateDelimiter(text.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            String token = text.substring(start, i);
            int[] time = hour < 0 ? time(token) : null;
            if (time != null) {
                hour = time[0];
                minute = time[1];
                second = time[2];
            } else if (day < 0 && leadingDigits(token, 1, 2) >= 0) {
                day = leadingDigits(token, 1, 2);
            } else if (month < 0 && month(token) > 0) {
                month = month(token);
            } else if (year < 0 && leadingDigits(token, 2, 4) >= 0) {
                year = leadingDigits(token, 2, 4);
            }
        }
        if (year >= 70 && year <= 99) {
            year += 1900;
        } else if (year >= 0 && year <= 69) {
            year += 2000;
        }
        if (hour < 0 || day < 1 || day > 31 || month < 0 || year < 1601 || hour > 23 || minute > 59
                || second > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // no such date (31 February)
        }
    }

    /** RFC 6265 5.1.1 delimiter: %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E. */
    private static boolean isDateDelimiter(char c) {
        return c == 0x09 || (c >= 0x20 && c <= 0x2F) || (c >= 0x3B && c <= 0x40) || (c >= 0x5B && c <= 0x60)
                || (c >= 0x7B && c <= 0x7E);
    }

    /** {@code min} to {@code max} digits, then the token's end or a non-digit; their value, or -1. */
    private static int leadingDigits(String token, int min, int max) {
        int k = 0;
        while (k < token.length() && k <= max && token.charAt(k) >= '0' && token.charAt(k) <= '9') {
            k++;
        }
        return k < min || k > max ? -1 : Integer.parseInt(token.substring(0, k));
    }

    /** {@code hms-time} ({@code 1*2DIGIT ":" 1*2DIGIT ":" 1*2DIGIT}, then the end or a non-digit), or null. */
    private static int[] time(String token) {
        int[] out = new int[3];
        int k = 0;
        for (int f = 0; f < 3; f++) {
            int from = k;
            while (k < token.length() && k - from < 3 && token.charAt(k) >= '0' && token.charAt(k) <= '9') {
                k++;
            }
            if (k == from || k - from > 2) {
                return null;
            }
            out[f] = Integer.parseInt(token.substring(from, k));
            if (f < 2) {
                if (k >= token.length() || token.charAt(k) != ':') {
                    return null;
                }
                k++;
            }
        }
        return out;
    }

    /** The month (1–12) a token's first three letters name, any case; else -1. */
    private static int month(String token) {
        if (token.length() < 3) {
            return -1;
        }
        int at = MONTHS.indexOf(token.substring(0, 3).toLowerCase(Locale.ROOT));
        return at < 0 || at % 3 != 0 ? -1 : at / 3 + 1;
    }
}
