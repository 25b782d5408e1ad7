package io.consentgate.signal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request's cookies, parsed defensively from the raw {@code Cookie} header lines (HTTP/2 may split them into
 * several lines). Never throws.
 *
 * <p>Per line: split on {@code ;}, trim OWS, split each pair on its first {@code =}, skip pairs without {@code =} or
 * whose name is not an RFC 9110 token, strip one pair of surrounding double quotes from the value. Names are
 * case-sensitive. Values are kept raw otherwise: each consumer validates its own cookie. At most
 * {@value #MAX_LINE_CHARS} characters per line (the scan stops at the last complete pair before the cap), at most
 * {@value #MAX_LINES} lines and {@value #MAX_PAIRS} pairs are read; beyond that {@link #truncated()} is set, because a
 * duplicate of a cookie may have been missed.
 */
public final class CookieJar {

    static final int MAX_LINE_CHARS = 8192;
    static final int MAX_LINES = 32;
    static final int MAX_PAIRS = 256;

    private final Map<String, List<String>> cookies;
    private final boolean truncated;
    private final int malformed;

    private CookieJar(Map<String, List<String>> cookies, boolean truncated, int malformed) {
        this.cookies = cookies;
        this.truncated = truncated;
        this.malformed = malformed;
    }

    /** Parses the raw {@code Cookie} header lines of a request; never throws. */
    public static CookieJar parse(List<String> headerLines) {
        Map<String, List<String>> cookies = new LinkedHashMap<>();
        boolean truncated = false;
        int malformed = 0;
        int pairs = 0;
        int lines = 0;
        for (String line : headerLines) {
            if (line == null) {
                continue;
            }
            if (++lines > MAX_LINES || pairs >= MAX_PAIRS) {
                truncated = true;
                break;
            }
            int end = line.length();
            if (end > MAX_LINE_CHARS) {
                truncated = true;
                end = line.lastIndexOf(';', MAX_LINE_CHARS);
                if (end < 0) {
                    continue;
                }
            }
            int start = 0;
            while (start < end) {
                int semi = line.indexOf(';', start);
                int stop = semi < 0 || semi > end ? end : semi;
                String segment = Tokens.trimOws(line.substring(start, stop));
                start = stop + 1;
                if (segment.isEmpty()) {
                    continue;
                }
                if (pairs >= MAX_PAIRS) {
                    truncated = true;
                    break;
                }
                pairs++;
                int eq = segment.indexOf('=');
                String name = eq < 0 ? "" : Tokens.trimOws(segment.substring(0, eq));
                if (eq < 0 || !Tokens.isToken(name)) {
                    malformed++;
                    continue;
                }
                String value = Tokens.trimOws(segment.substring(eq + 1));
                if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                    value = value.substring(1, value.length() - 1);
                }
                cookies.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            }
        }
        return new CookieJar(cookies, truncated, malformed);
    }

    /** The cookie names present, in first-seen order. */
    public java.util.Set<String> names() {
        return Collections.unmodifiableSet(cookies.keySet());
    }

    /** All values of cookie {@code name} (case-sensitive), in order; empty when absent. */
    List<String> all(String name) {
        List<String> v = cookies.get(name);
        return v == null ? List.of() : Collections.unmodifiableList(v);
    }

    /** Whether the scan stopped at a cap, so a later duplicate of any cookie may be unseen. */
    boolean truncated() {
        return truncated;
    }

    /** How many pairs were skipped as malformed. */
    int malformed() {
        return malformed;
    }
}
