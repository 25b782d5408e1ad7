package io.consentgate.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the {@code for=} node of every element of RFC 7239 {@code Forwarded} header lines. */
final class ForwardedFor {

    /** The node used for an element without a readable {@code for=} parameter. */
    static final String UNKNOWN = "unknown";

    private ForwardedFor() {
    }

    /** One node per element, in order; brackets and ports removed from IP nodes. */
    static List<String> nodes(List<String> lines) {
        List<String> nodes = new ArrayList<>();
        for (String line : lines) {
            if (line != null && !line.isBlank()) {
                parseLine(line, nodes);
            }
        }
        return nodes;
    }

    private static void parseLine(String s, List<String> nodes) {
        int i = 0;
        int n = s.length();
        String forNode = null;
        boolean malformed = false;
        boolean elementHasContent = false;
        while (i <= n) {
            i = skipSpace(s, i);
            if (i >= n || s.charAt(i) == ',') {
                if (elementHasContent || malformed) {
                    nodes.add(malformed || forNode == null ? UNKNOWN : ClientAddress.withoutPort(forNode));
                }
                forNode = null;
                malformed = false;
                elementHasContent = false;
                i++;
                continue;
            }
            if (s.charAt(i) == ';') {
                i++;
                continue;
            }
            elementHasContent = true;
            int nameStart = i;
            while (i < n && "=;,".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String name = s.substring(nameStart, i).strip().toLowerCase(Locale.ROOT);
            if (i >= n || s.charAt(i) != '=') {
                malformed = true;
                continue;
            }
            i = skipSpace(s, i + 1);
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i = quoted(s, i + 1, value);
                if (i < 0) {
                    nodes.add(UNKNOWN);
                    return;
                }
            } else {
                while (i < n && ";,".indexOf(s.charAt(i)) < 0) {
                    value.append(s.charAt(i++));
                }
            }
            if (name.equals("for")) {
                if (forNode != null) {
                    malformed = true;
                }
                forNode = value.toString().strip();
            }
        }
    }

    /** Reads a quoted-string body after the opening quote; returns the index after the closing quote, or -1. */
    private static int quoted(String s, int i, StringBuilder out) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                out.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return -1;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
