package io.consentgate.html;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Tag components whose client code builds the tracker URL from an id prop, so the payload holds the id and never
 * the URL: {@code @next/third-parties/google}'s {@code GoogleTagManager} ({@code gtmId}, or a server-side tagging
 * {@code gtmScriptUrl}) and {@code GoogleAnalytics} ({@code gaId}). A flight stream names a client component in an
 * import row ({@code 2:I[8202,[…],"GoogleTagManager"]}) and places it as an element referring to that row
 * ({@code ["$","$L2",null,{"gtmId":"GTM-…"}]}), usually in a later chunk. Such a component renders nothing into the
 * server HTML (its scripts are injected after hydration), so a refused one is replaced by {@code null} padded with
 * spaces to the same length: the page hydrates as before, without the tag.
 *
 * <p>One instance per response: import rows are remembered from chunk to chunk.
 */
final class FlightComponents {

    /** A known tag component: its export name, the prop with the tag id, the loader it builds a URL on. */
    private record Component(String exportName, String idProp, String loaderProp, String loader) {
    }

    private static final List<Component> KNOWN = List.of(
        new Component("GoogleTagManager", "gtmId", "gtmScriptUrl", "https://www.googletagmanager.com/gtm.js"),
        new Component("GoogleAnalytics", "gaId", null, "https://www.googletagmanager.com/gtag/js"));

    /** Import rows remembered at most: a page imports a tag component once or twice; memory must not grow with it. */
    static final int MAX_ROWS = 1024;
    /**
     * The longest row id read: the stream numbers its rows with a hex counter, so a longer "id" is text that only looks
     * like a row (a text row may hold anything), and remembering it would let memory grow with such text.
     */
    static final int MAX_ID = 16;

    private final Map<String, Component> byRow = new HashMap<>();
    /** More import rows than {@link #MAX_ROWS} came: an element of a row not remembered is read as any known one. */
    private boolean rowsForgotten;
    /** How an element of an imported component starts, before its row id: {@code ["$","$L1a",}. */
    private static final String ELEMENT_HEAD = "[\"$\",\"$L";

    /**
     * Whether the decision refuses a category a known component's tag may need (its loader's tracker's categories,
     * which its tag id can only narrow): if not, no element of one is ever replaced.
     */
    static boolean mayRefuse(TrackerCatalog catalog, ConsentDecision decision) {
        for (Component c : KNOWN) {
            TrackerMatch m = catalog.matchUrl(c.loader(), null);
            m = m != null ? m : catalog.matchLoader(c.loader());
            if (m == null || !decision.allowsAll(m.tracker().categories())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a raw chunk may name a known component or place one already imported: worth decoding. */
    boolean mayConcern(byte[] b, int off, int len) {
        for (Component c : KNOWN) {
            if (ByteScan.find(b, off, off + len, c.exportName()) >= 0) {
                return true;
            }
        }
        return !byRow.isEmpty() && ByteScan.find(b, off, off + len, "$L") >= 0;
    }

    /** Remembers the import rows of known components in this chunk's decoded text. */
    void readImports(byte[] t, int n) {
        readImports(t, 0, n, n, true, id -> { });
    }

    /**
     * Remembers the import rows of known components that start at or after {@code from} in decoded text that ends at
     * {@code n}: a whole chunk, or a window of one read as it streams ({@link StreamedFlight}).
     *
     * @param to    rows starting before it must be read now; later ones are read again with the next window
     * @param last  whether {@code n} is the chunk's end (a row not ended there continues in the next chunk)
     * @param added receives the id of each row remembered
     * @return the id of a row starting before {@code to} that does not end before {@code n} in a window that is not the
     *         last (it is read to its end by {@link #readRowEnd}); else null
     */
    String readImports(byte[] t, int from, int to, int n, boolean last, Consumer<String> added) {
        for (int i = ByteScan.find(t, from, n, ":I["); i >= 0; i = ByteScan.find(t, i + 3, n, ":I[")) {
            int idStart = i;
            while (idStart > 0 && i - idStart <= MAX_ID && Character.digit(t[idStart - 1], 16) >= 0) {
                idStart--;
            }
            if (idStart == i || i - idStart > MAX_ID || idStart > 0 && t[idStart - 1] != '\n') {
                continue;
            }
            int rowEnd = ByteScan.find(t, i, n, "\n");
            String id = new String(t, idStart, i - idStart, StandardCharsets.US_ASCII);
            if (rowEnd < 0 && !last) {
                return i < to ? id : null;
            }
            readRowEnd(id, t, i, rowEnd < 0 ? n : rowEnd, added);
        }
        return null;
    }

    /**
     * Remembers row {@code id} when it imports a known component: {@code t[from, end)} holds its text's end (its
     * {@code ,"GoogleTagManager"]}), {@code end} where the row ends.
     */
    void readRowEnd(String id, byte[] t, int from, int end, Consumer<String> added) {
        int start = Math.max(from, end - 64);
        String tail = new String(t, start, end - start, StandardCharsets.UTF_8);
        for (Component c : KNOWN) {
            String name = ",\"" + c.exportName() + "\"";
            if (tail.endsWith(name + "]") || tail.endsWith(name + ",1]")) {
                if (byRow.size() < MAX_ROWS || byRow.containsKey(id)) {
                    byRow.put(id, c);
                    added.accept(id);
                } else {
                    rowsForgotten = true;
                }
            }
        }
    }

    /**
     * Adds the span {@code {start, end, FlightChunk.ELEMENT}} of every element of a known component in the decoded
     * text whose tracker is refused; an element not complete in this chunk is left alone.
     */
    void refusedElements(byte[] t, int n, TrackerCatalog catalog, Predicate<TrackerMatch> refused,
                         List<int[]> spans) {
        refusedElements(t, 0, n, n, true, catalog, refused, spans, id -> { });
    }

    /**
     * {@link #refusedElements(byte[], int, TrackerCatalog, Predicate, List)} for the elements that start in
     * {@code [from, to)} of decoded text that ends at {@code n}.
     *
     * @param last    whether {@code n} is the chunk's end
     * @param unknown receives the row id of each element whose row is not a known component's (yet)
     * @return false when an element of a known component starting there does not end before {@code n} in a window
     *         that is not the last: it cannot be judged
     */
    boolean refusedElements(byte[] t, int from, int to, int n, boolean last, TrackerCatalog catalog,
                            Predicate<TrackerMatch> refused, List<int[]> spans, Consumer<String> unknown) {
        // One pass over the element heads, each looked up by its row: searching the text once per imported row would
        // cost the rows times the text on every chunk, quadratic on a page of many chunks and rows.
        int headsEnd = Math.min(n, to + ELEMENT_HEAD.length() - 1); // a head that starts before to
        Elements elements = new Elements(t, n, catalog);
        for (int p = ByteScan.find(t, from, headsEnd, ELEMENT_HEAD); p >= 0;
             p = ByteScan.find(t, p + 1, headsEnd, ELEMENT_HEAD)) {
            int id = p + ELEMENT_HEAD.length();
            int idEnd = ByteScan.indexOf(t, id, n, '"');
            if (idEnd + 1 >= n) {
                if (!last) {
                    return false;
                }
                continue;
            }
            if (t[idEnd + 1] != ',' || idEnd - id > MAX_ID) {
                continue; // not a row reference: those are short hex counters
            }
            String row = new String(t, id, idEnd - id, StandardCharsets.UTF_8);
            Component c = byRow.get(row);
            List<Component> components = c != null ? List.of(c) : rowsForgotten ? KNOWN : List.of();
            if (components.isEmpty()) {
                unknown.accept(row);
                continue;
            }
            int end = elements.valueEnd(p);
            if (end < 0 && !last) {
                return false;
            }
            for (int k = 0; end >= 0 && k < components.size(); k++) {
                TrackerMatch m = elements.match(p, end, components.get(k));
                if (m != null && refused.test(m)) {
                    spans.add(new int[] {p, end, FlightChunk.ELEMENT});
                    break;
                }
            }
        }
        return true;
    }

    /**
     * Reads the elements of one decoded text: where each ends and the props it is judged by. What one reading found is
     * remembered for the next, so that elements inside elements, or many that never end, are read in linear work:
     * reading each to its end (and each up to its id) took the square of the text (seconds for a 128 KB chunk).
     */
    private static final class Elements {
        private final byte[] t;
        private final int n;
        private final TrackerCatalog catalog;
        /**
         * Per opening bracket a reading passed: the index after its value + 2, or 1 when it does not end before
         * {@code n}; 0 when not read.
         */
        private int[] endOf;
        private int[] pending = new int[16];
        /** Per key looked for: where the search started and the first occurrence from there (-1 for none). */
        private final Map<String, int[]> keys = new HashMap<>();
        /** Per string body start: the string read there, or the absence of one, with where it ends. */
        private final Map<Integer, Object[]> strings = new HashMap<>();
        private final Map<String, java.util.Optional<TrackerMatch>> matches = new HashMap<>();

        Elements(byte[] t, int n, TrackerCatalog catalog) {
            this.t = t;
            this.n = n;
            this.catalog = catalog;
        }

        /** Index after the JSON array or object that starts at {@code p}, or -1 when it does not end before n. */
        int valueEnd(int p) {
            if (endOf == null) {
                endOf = new int[n + 1];
            }
            int depth = 0;
            int open = 0;
            int i = p;
            while (i < n) {
                byte c = t[i];
                if (c == '"') {
                    i = stringEnd(t, i + 1, n);
                    if (i < 0) {
                        return unended(open);
                    }
                    continue;
                }
                if (c == '[' || c == '{') {
                    int m = endOf[i];
                    if (m == 1) {
                        return unended(open);
                    }
                    if (m >= 2) {
                        if (depth == 0) {
                            return m - 2;
                        }
                        i = m - 2; // over a value a reading before read to its end
                        continue;
                    }
                    if (open == pending.length) {
                        pending = java.util.Arrays.copyOf(pending, open * 2);
                    }
                    pending[open++] = i;
                    depth++;
                } else if (c == ']' || c == '}') {
                    endOf[pending[--open]] = i + 1 + 2;
                    if (--depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
            return unended(open);
        }

        /** The reading ran out: no value it opened ends, for any reading that comes to it. */
        private int unended(int open) {
            for (int j = 0; j < open; j++) {
                endOf[pending[j]] = 1;
            }
            return -1;
        }

        TrackerMatch match(int from, int to, Component c) {
            int idAt = prop(from, to, c.idProp());
            if (idAt < 0) {
                return null;
            }
            int loaderAt = c.loaderProp() == null ? -1 : prop(from, to, c.loaderProp());
            return matches.computeIfAbsent(c.exportName() + ' ' + idAt + ' ' + loaderAt, k -> {
                String loader = loaderAt < 0 ? null : (String) strings.get(loaderAt)[0];
                String url = (loader == null ? c.loader() : loader) + "?id=" + strings.get(idAt)[0];
                TrackerMatch m = catalog.matchUrl(url, null);
                return java.util.Optional.ofNullable(m != null ? m : catalog.matchLoader(url));
            }).orElse(null);
        }

        /**
         * Where the value of the first {@code "name":"value"} in {@code [from, to)} starts, its string remembered in
         * {@link #strings}; or -1. Asked with {@code from} growing, as the element heads come.
         */
        private int prop(int from, int to, String name) {
            String key = "\"" + name + "\":\"";
            int[] searched = keys.get(key);
            int k;
            if (searched != null && searched[0] <= from && (searched[1] < 0 || searched[1] >= from)) {
                k = searched[1]; // the first one from where the search before started is the first from here too
            } else {
                k = ByteScan.find(t, from, n, key);
                keys.put(key, new int[] {from, k});
            }
            if (k < 0 || k + key.length() > to) {
                return -1;
            }
            int start = k + key.length();
            Object[] read = strings.computeIfAbsent(start, b -> {
                int end = stringEnd(t, b, n);
                return new Object[] {end < 0 ? null : new String(t, b, end - 1 - b, StandardCharsets.UTF_8), end};
            });
            int end = (Integer) read[1];
            return end < 0 || end > to ? -1 : start; // ids need no unescaping: the value as written
        }
    }

    /** Index after the closing quote of the JSON string whose body starts at {@code i}; -1 when it does not end. */
    private static int stringEnd(byte[] t, int i, int n) {
        while (i < n) {
            if (t[i] == '\\') {
                i += 2;
            } else if (t[i] == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return -1;
    }
}
