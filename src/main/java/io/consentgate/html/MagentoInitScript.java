package io.consentgate.html;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The JSON of a Magento {@code <script type="text/x-magento-init">} block, read for the components it starts.
 * Magento's {@code mage/apply} parses each block with {@code JSON.parse} and, for every selector ({@code "*"} or a CSS
 * selector), requires every component named inside it and calls it with the configuration beside the name:
 * <pre>{@code {"*": {"Magento_GoogleGtag/js/google-analytics": {"pageTrackingData": {"measurementId": "G-…"}}}}}</pre>
 * A component the catalog lists ({@link TrackerCatalog#matchMagentoComponent}) is a tracker whose tag ids, if written
 * in its configuration, refine its categories. Only the component names decide: configuration values, and host names
 * in them, are data.
 *
 * <p>A block that starts only refused trackers goes as a whole. A block that also starts anything else keeps all of it
 * byte for byte and loses only the refused members (with the comma that separated them), so the operator's other
 * components start as before. A block {@code JSON.parse} would reject starts nothing and is left as it is.
 */
final class MagentoInitScript {

    /** The type attribute value that marks such a block (compared stripped and lower-cased). */
    static final String TYPE = "text/x-magento-init";

    /**
     * What a block starts, as the decision sees it.
     *
     * @param allowed the catalog components it starts that the decision allows
     * @param refused those the decision refuses; empty: the block stays as it is
     * @param whole   it starts nothing but refused trackers: the block goes
     * @param text    otherwise, the block's new text without the refused members
     */
    record Verdict(List<TrackerMatch> allowed, List<TrackerMatch> refused, boolean whole, byte[] text) {
    }

    /** A member of a selector's object: a component name, its configuration, the bytes they span, its index. */
    private record Member(String name, int start, int valueStart, int end, int index) {
    }

    /** A selector's object: where its braces are, and its members. */
    private record Selector(int open, int close, List<Member> members) {
    }

    private MagentoInitScript() {
    }

    /**
     * Reads the block's text {@code b[from..to)}.
     *
     * @return the verdict, or {@code null} when the text is not a JSON object (nothing to take out)
     */
    static Verdict judge(byte[] b, int from, int to, TrackerCatalog catalog, ConsentDecision decision) {
        return judge(b, b, from, to, catalog, decision);
    }

    /**
     * Reads the block's text {@code b[from..to)}, its new text copied from {@code original}: the same bytes at the same
     * offsets, where {@code b} is how they read ({@link TrailBytes}).
     */
    static Verdict judge(byte[] b, byte[] original, int from, int to, TrackerCatalog catalog,
                         ConsentDecision decision) {
        List<Selector> selectors = new ArrayList<>(2);
        int others = readSelectors(b, from, to, selectors);
        if (others < 0) {
            return null;
        }
        List<TrackerMatch> allowed = new ArrayList<>(1);
        List<TrackerMatch> refused = new ArrayList<>(1);
        BitSet cut = new BitSet();
        // something the block starts besides refused trackers
        boolean other = sortComponents(b, selectors, catalog, decision, allowed, refused, cut) || others > 0;
        if (refused.isEmpty() || !other) {
            return new Verdict(allowed, refused, !refused.isEmpty(), null);
        }
        return new Verdict(allowed, refused, false, without(original, from, to, selectors, cut));
    }

    /**
     * Reads the block's text {@code b[from..to)} as a JSON object into its {@code selectors}.
     *
     * @return how many of its members are no selector object (each starts something besides the catalog's
     *     components), or -1 when the text is not a JSON object
     */
    private static int readSelectors(byte[] b, int from, int to, List<Selector> selectors) {
        int p = skipWs(b, from, to);
        if (p >= to || b[p] != '{') {
            return -1;
        }
        int others = 0;
        int members = 0;
        p = skipWs(b, p + 1, to);
        if (p < to && b[p] == '}') {
            p++;
        } else {
            while (true) {
                p = colonAfterKey(b, p, to);
                if (p < 0) {
                    return -1;
                }
                if (b[p] == '{') {
                    Selector s = selector(b, p, to, members);
                    if (s == null) {
                        return -1;
                    }
                    selectors.add(s);
                    members += s.members().size();
                    p = s.close() + 1;
                } else {
                    others++;
                    p = skipValue(b, p, to);
                    if (p < 0) {
                        return -1;
                    }
                }
                p = skipWs(b, p, to);
                if (p < to && b[p] == ',') {
                    p = skipWs(b, p + 1, to);
                } else if (p < to && b[p] == '}') {
                    p++;
                    break;
                } else {
                    return -1;
                }
            }
        }
        return skipWs(b, p, to) == to ? others : -1;
    }

    /**
     * Sorts the components the {@code selectors} start into the {@code allowed} and the {@code refused} catalog
     * components, marking each refused member in {@code cut}.
     *
     * @return whether a component is one the decision allows or no catalog component
     */
    private static boolean sortComponents(byte[] b, List<Selector> selectors, TrackerCatalog catalog,
                                          ConsentDecision decision, List<TrackerMatch> allowed,
                                          List<TrackerMatch> refused, BitSet cut) {
        boolean other = false;
        for (Selector s : selectors) {
            for (Member m : s.members()) {
                TrackerMatch t = catalog.matchMagentoComponent(m.name());
                if (t != null) {
                    t = TagIds.refined(catalog, t, b, m.valueStart(), m.end());
                }
                if (t == null || decision.allowsAll(t.categories())) {
                    other = true;
                    if (t != null) {
                        allowed.add(t);
                    }
                } else {
                    refused.add(t);
                    cut.set(m.index());
                }
            }
        }
        return other;
    }

    /**
     * {@code b[from..to)} with the {@code cut} members taken out of their selectors' objects: the kept members are
     * joined by the object's first separator ({@code ",\n    "}), the white space after the opening and before the
     * closing brace stays, everything outside those objects is copied as it is.
     */
    private static byte[] without(byte[] b, int from, int to, List<Selector> selectors, BitSet cut) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int prev = from;
        for (Selector s : selectors) {
            List<Member> ms = s.members();
            if (ms.isEmpty()) {
                continue;
            }
            Member first = ms.get(0);
            Member last = ms.get(ms.size() - 1);
            int next = cut.nextSetBit(first.index());
            if (next < 0 || next > last.index()) {
                continue; // nothing cut here
            }
            out.write(b, prev, first.start() - prev); // up to the first member: the brace and white space
            int sepFrom = first.end();
            int sepTo = ms.size() > 1 ? ms.get(1).start() : first.end();
            boolean any = false;
            for (Member m : ms) {
                if (cut.get(m.index())) {
                    continue;
                }
                if (any) {
                    out.write(b, sepFrom, sepTo - sepFrom);
                }
                out.write(b, m.start(), m.end() - m.start());
                any = true;
            }
            prev = last.end();
        }
        out.write(b, prev, to - prev);
        return out.toByteArray();
    }

    /**
     * The selector object starting at {@code b[open] == '{'}, its members numbered from {@code index}, or {@code null}
     * when it is not well-formed.
     */
    private static Selector selector(byte[] b, int open, int to, int index) {
        List<Member> members = new ArrayList<>(2);
        int p = skipWs(b, open + 1, to);
        if (p < to && b[p] == '}') {
            return new Selector(open, p, members);
        }
        while (true) {
            int start = p;
            int value = colonAfterKey(b, p, to);
            if (value < 0) {
                return null;
            }
            int end = skipValue(b, value, to);
            if (end < 0) {
                return null;
            }
            members.add(new Member(decode(b, start + 1, skipString(b, start, to) - 1), start, value, end,
                index + members.size()));
            p = skipWs(b, end, to);
            if (p < to && b[p] == ',') {
                p = skipWs(b, p + 1, to);
            } else if (p < to && b[p] == '}') {
                return new Selector(open, p, members);
            } else {
                return null;
            }
        }
    }

    /** For a member key at {@code b[p]}: where its value starts (after the colon and white space), else -1. */
    private static int colonAfterKey(byte[] b, int p, int to) {
        if (p >= to || b[p] != '"') {
            return -1;
        }
        p = skipString(b, p, to);
        if (p < 0) {
            return -1;
        }
        p = skipWs(b, p, to);
        if (p >= to || b[p] != ':') {
            return -1;
        }
        p = skipWs(b, p + 1, to);
        return p < to ? p : -1;
    }

    /** After the JSON string starting at {@code b[p] == '"'}, or -1 when it is not one {@code JSON.parse} reads. */
    private static int skipString(byte[] b, int p, int to) {
        for (int i = p + 1; i < to; i++) {
            int c = b[i] & 0xff;
            if (c == '"') {
                return i + 1;
            }
            if (c < 0x20) {
                return -1;
            }
            if (c == '\\') {
                int e = ++i < to ? b[i] : -1;
                if (e == 'u') {
                    if (i + 4 >= to || hex4(b, i + 1) < 0) {
                        return -1;
                    }
                    i += 4;
                } else if ("\"\\/bfnrt".indexOf(e) < 0 || e < 0) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /**
     * After the JSON value starting at {@code b[p]}, or -1 when it is not one {@code JSON.parse} reads: the grammar
     * checked in one pass, nesting kept on a stack of its own rather than in recursion.
     */
    static int skipValue(byte[] b, int p, int to) {
        boolean[] inObject = null; // per open container: an object (else an array)
        int depth = 0;
        while (true) {
            p = skipWs(b, p, to);
            if (p >= to) {
                return -1;
            }
            int c = b[p];
            if (c == '{' || c == '[') {
                if (inObject == null || depth == inObject.length) {
                    inObject = inObject == null ? new boolean[8] : java.util.Arrays.copyOf(inObject, depth * 2);
                }
                inObject[depth++] = c == '{';
                p = skipWs(b, p + 1, to);
                if (p < to && b[p] == (c == '{' ? '}' : ']')) {
                    depth--;
                    p++;
                } else {
                    if (c == '{' && (p = colonAfterKey(b, p, to)) < 0) {
                        return -1;
                    }
                    continue; // a member's or an element's value
                }
            } else {
                p = c == '"' ? skipString(b, p, to) : skipLiteral(b, p, to);
                if (p < 0) {
                    return -1;
                }
            }
            while (true) { // after a value: close containers, or go on to the next value
                if (depth == 0) {
                    return p;
                }
                p = skipWs(b, p, to);
                if (p >= to) {
                    return -1;
                }
                boolean object = inObject[depth - 1];
                if (b[p] == ',') {
                    p = skipWs(b, p + 1, to);
                    if (object && (p = colonAfterKey(b, p, to)) < 0) {
                        return -1;
                    }
                    break;
                }
                if (b[p] != (object ? '}' : ']')) {
                    return -1;
                }
                depth--;
                p++;
            }
        }
    }

    /** After {@code true}, {@code false}, {@code null} or a JSON number at {@code b[p]}, else -1. */
    private static int skipLiteral(byte[] b, int p, int to) {
        for (String word : new String[] {"true", "false", "null"}) {
            if (b[p] == word.charAt(0)) {
                return p + word.length() <= to && new String(b, p, word.length(), StandardCharsets.ISO_8859_1)
                    .equals(word) ? p + word.length() : -1;
            }
        }
        int i = b[p] == '-' ? p + 1 : p;
        int digits = digits(b, i, to);
        if (digits == 0 || digits > 1 && b[i] == '0') {
            return -1;
        }
        i += digits;
        if (i < to && b[i] == '.') {
            digits = digits(b, i + 1, to);
            if (digits == 0) {
                return -1;
            }
            i += 1 + digits;
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            digits = digits(b, i, to);
            if (digits == 0) {
                return -1;
            }
            i += digits;
        }
        return i;
    }

    private static int digits(byte[] b, int i, int to) {
        int n = 0;
        while (i + n < to && b[i + n] >= '0' && b[i + n] <= '9') {
            n++;
        }
        return n;
    }

    /** The JSON string content {@code b[from..to)} with its escapes decoded; bytes past ASCII as ISO-8859-1. */
    private static String decode(byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = (char) (b[i] & 0xff);
            if (c != '\\' || i + 1 >= to) {
                s.append(c);
                continue;
            }
            char e = (char) (b[++i] & 0xff);
            switch (e) {
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    int v = i + 4 < to ? hex4(b, i + 1) : -1;
                    if (v < 0) {
                        return ""; // JSON.parse rejects it; matches nothing
                    }
                    s.append((char) v);
                    i += 4;
                }
                default -> s.append(e); // \" \\ \/ (and what JSON.parse would reject)
            }
        }
        return s.toString();
    }

    private static int hex4(byte[] b, int at) {
        int v = 0;
        for (int k = at; k < at + 4; k++) {
            int d = Character.digit(b[k], 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static boolean isWs(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static int skipWs(byte[] b, int p, int to) {
        while (p < to && isWs(b[p])) {
            p++;
        }
        return p;
    }
}
