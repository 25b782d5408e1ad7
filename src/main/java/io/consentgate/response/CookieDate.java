package io.consentgate.response;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
        int[] time = null;
        int day = -1;
        int month = -1;
        int year = -1;
        for (String token : tokens(text)) {
            int[] t = time == null ? time(token, false) : null;
            if (t != null) {
                time = t;
            } else if (day < 0 && leadingDigits(token, 1, 2) >= 0) {
                day = leadingDigits(token, 1, 2);
            } else if (month < 0 && month(token) > 0) {
                month = month(token);
            } else if (year < 0 && leadingDigits(token, 2, 4) >= 0) {
                year = leadingDigits(token, 2, 4);
            }
        }
        return instant(year, month, day, time);
    }

    /**
     * A cookie date as Chromium reads it, which is not quite RFC 6265: between the same delimiters, a token that
     * starts with a digit is the time when it holds a {@code :} (one or two digits, {@code :}, one or two, {@code :},
     * one or two, then anything), else the day when none was found yet and the token has at most two characters, else
     * the year when none was found yet and it has at most five (its leading digits in both cases: {@code 1st} is the
     * year 1, that is 2001); any other token is the month when it starts with a month's three letters. Null when a
     * field is missing or out of range, and for a year before 1601, which Chromium would clamp.
     */
    static Instant parseAsChromium(String text) {
        int[] time = null;
        int day = -1;
        int month = -1;
        int year = -1;
        for (String token : tokens(text)) {
            char first = token.charAt(0);
            if (first < '0' || first > '9') {
                if (month < 0 && month(token) > 0) {
                    month = month(token);
                }
            } else if (token.indexOf(':') >= 0) {
                if (time == null) {
                    time = time(token, true);
                }
            } else if (day < 0 && token.length() <= 2) {
                day = leadingValue(token);
            } else if (year < 0 && token.length() <= 5) {
                year = leadingValue(token);
            }
        }
        return instant(year, month, day, time);
    }

    /** The tokens of a cookie date: the runs between delimiters (RFC 6265 5.1.1; Chromium uses the same ones). */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
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
            if (start < i) {
                out.add(text.substring(start, i));
            }
        }
        return out;
    }

    /**
     * The date of the fields found ({@code -1} or null when not), the year of two digits widened ({@code 70}–{@code 99}
     * are 19xx, {@code 00}–{@code 69} 20xx); null when a field is missing or out of range, or the year is before 1601.
     */
    private static Instant instant(int year, int month, int day, int[] time) {
        int y = year >= 70 && year <= 99 ? year + 1900 : year >= 0 && year <= 69 ? year + 2000 : year;
        if (time == null || day < 1 || day > 31 || month < 0 || y < 1601 || time[0] > 23 || time[1] > 59
                || time[2] > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(y, month, day, time[0], time[1], time[2]).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // no such date (31 February)
        }
    }

    /** The value of a token's leading digits (it starts with one). */
    private static int leadingValue(String token) {
        int k = 0;
        while (k < token.length() && token.charAt(k) >= '0' && token.charAt(k) <= '9') {
            k++;
        }
        return Integer.parseInt(token.substring(0, k));
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

    /**
     * {@code hms-time} ({@code 1*2DIGIT ":" 1*2DIGIT ":" 1*2DIGIT}), then the end or a non-digit, or with
     * {@code anythingAfter} anything (the seconds' first two digits count, as Chromium reads them); or null.
     */
    private static int[] time(String token, boolean anythingAfter) {
        int[] out = new int[3];
        int k = 0;
        for (int f = 0; f < 3; f++) {
            int from = k;
            while (k < token.length() && k - from < 3 && token.charAt(k) >= '0' && token.charAt(k) <= '9') {
                k++;
            }
            if (k == from || k - from > 2 && !(anythingAfter && f == 2)) {
                return null;
            }
            k = Math.min(k, from + 2);
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
