package io.consentgate.response;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * {@code vary=private}: the {@code Cache-Control} of a response that depends on the decision, made private. A shared
 * cache may store a response unless it says {@code private} (unqualified: {@code private="Set-Cookie"} lets it store
 * the rest, RFC 9111 5.2.2.7) or {@code no-store}; otherwise {@code public} (5.2.2.9) and {@code s-maxage} (5.2.2.10),
 * which speak to shared caches only, give way to {@code private}, and every other directive the application wrote
 * ({@code max-age}, {@code no-cache}, {@code must-revalidate}…) stays, in its order. Stateless.
 */
final class CacheControlDirectives {

    private CacheControlDirectives() {
    }

    /**
     * The one {@code Cache-Control} value that keeps shared caches out, for a response with these {@code lines}
     * (any case, any number of lines, none); null when they already do and are left as they are.
     */
    static String madePrivate(Collection<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (line == null) {
                continue;
            }
            for (String directive : directives(line)) {
                String name = name(directive);
                boolean qualified = directive.length() > name.length();
                if (name.equals("no-store") || name.equals("private") && !qualified) {
                    return null;
                }
                if (!name.equals("public") && !name.equals("s-maxage") && !name.equals("private")) {
                    kept.add(directive);
                }
            }
        }
        return kept.isEmpty() ? "private" : "private, " + String.join(", ", kept);
    }

    /** The directives of one line, stripped, empty ones left out; a comma inside a quoted value splits nothing. */
    static List<String> directives(String line) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                addStripped(out, line.substring(start, i));
                start = i + 1;
            }
        }
        addStripped(out, line.substring(start));
        return out;
    }

    private static void addStripped(List<String> out, String directive) {
        String d = directive.strip();
        if (!d.isEmpty()) {
            out.add(d);
        }
    }

    /** The directive's name in lower case; everything from {@code =} on (or white space before it) is not. */
    private static String name(String directive) {
        int end = 0;
        while (end < directive.length() && directive.charAt(end) != '=' && directive.charAt(end) > ' ') {
            end++;
        }
        return directive.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
