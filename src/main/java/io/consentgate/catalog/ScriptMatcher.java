package io.consentgate.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One-pass multi-pattern scan of inline script bytes: an Aho-Corasick automaton compiled once into a dense DFA
 * over ASCII-case-folded byte classes. Host literals match case-insensitively and must sit on label boundaries;
 * vendor signatures and tag ids match case-sensitively (checked on the rare candidate hit). The scan allocates
 * nothing until something matches.
 */
final class ScriptMatcher {

    private static final int HOST = 0;
    private static final int SIGNATURE = 1;
    private static final int TAG = 2;
    /** A signature that names the tracker only where one of its tag ids is in the same script. */
    private static final int TAGGED_SIGNATURE = 3;
    private static final int LANES = 4;
    /** Below this many bytes per lane the single walk is used (and lanes are always far longer than a pattern). */
    private static final int MIN_LANE_BYTES = 512;
    private static final byte[] TAG_QUOTES = {'\'', '"', '`', '='};
    private static final String[] ESCAPED_SLASHES = {"\\/", "\\u002f", "\\x2f", "%2f"};
    private static final String[] ESCAPED_SLASH_ENDINGS = {"\\u002f", "\\x2f", "%2f"};

    /** A pattern: its original bytes, what it is, and for whom. */
    private record Pattern(byte[] bytes, int kind, int entry, int tagRule, HostIndex.Rule[] hostRules) {
    }

    private final Matches matches;
    private final int[] classOf = new int[256];
    private final int classes;
    /** Transition table; entries are {@code node * classes}, bit-inverted when the target node has outputs. */
    private final int[] delta;
    private final int[][] outputs;
    private final Pattern[] patterns;
    private final int maxPatternLength;

    ScriptMatcher(List<CatalogEntry> entries, Matches matches) {
        this.matches = matches;
        List<Pattern> list = new ArrayList<>();
        collectHosts(entries, list);
        for (int i = 0; i < entries.size(); i++) {
            CatalogEntry e = entries.get(i);
            for (String sig : e.tracker().signatures()) {
                list.add(new Pattern(sig.getBytes(StandardCharsets.US_ASCII), SIGNATURE, i, -1, null));
            }
            for (String sig : e.taggedSignatures()) {
                list.add(new Pattern(sig.getBytes(StandardCharsets.US_ASCII), TAGGED_SIGNATURE, i, -1, null));
            }
            for (int r = 0; r < e.tagIds().size(); r++) {
                for (byte q : TAG_QUOTES) {
                    String p = (char) q + e.tagIds().get(r).prefix();
                    list.add(new Pattern(p.getBytes(StandardCharsets.US_ASCII), TAG, i, r, null));
                }
            }
        }
        patterns = list.toArray(new Pattern[0]);
        int max = 1;
        for (Pattern p : patterns) {
            max = Math.max(max, p.bytes().length);
        }
        if (max > MIN_LANE_BYTES / 2) {
            throw new CatalogFormatException("catalog: a host or signature longer than " + MIN_LANE_BYTES / 2
                    + " bytes");
        }
        maxPatternLength = max;
        int next = 1;
        for (Pattern p : patterns) {
            for (byte b : p.bytes()) {
                int f = fold(b & 0xff);
                if (classOf[f] == 0) {
                    classOf[f] = next++;
                }
            }
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[c + 32];
        }
        classes = next;
        PatternAutomaton trie = new PatternAutomaton(classes);
        for (int p = 0; p < patterns.length; p++) {
            trie.add(patterns[p].bytes(), classOf, p);
        }
        trie.link();
        delta = trie.delta();
        outputs = trie.outputs();
    }

    private static void collectHosts(List<CatalogEntry> entries, List<Pattern> list) {
        java.util.Map<String, List<HostIndex.Rule>> byHost = new java.util.LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Tracker t = entries.get(i).tracker();
            for (int h = 0; h < t.hosts().size(); h++) {
                List<HostIndex.Rule> rules = byHost.computeIfAbsent(t.hosts().get(h), k -> new ArrayList<>());
                String path = t.pathPrefixes().get(h);
                rules.removeIf(r -> r.path().equals(path));
                rules.add(new HostIndex.Rule(i, path));
            }
        }
        for (java.util.Map.Entry<String, List<HostIndex.Rule>> e : byHost.entrySet()) {
            // the longest path first, as HostIndex orders them: the first rule whose path follows is the match
            e.getValue().sort((a, b) -> Integer.compare(b.path().length(), a.path().length()));
            list.add(new Pattern(e.getKey().getBytes(StandardCharsets.US_ASCII), HOST, -1, -1,
                    e.getValue().toArray(new HostIndex.Rule[0])));
        }
    }

    private static int fold(int b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    /** Scan state for one call, created on the first candidate hit only. */
    private static final class Hits {
        final long[] seen;
        /** Tag rules seen, per entry that has tag rules (indexed by {@link Matches#tagSlot}); allocated lazily. */
        long[] tagBits;
        /** Entries whose tagged signatures were seen (they count with a tag id of theirs); allocated lazily. */
        long[] tagged;

        Hits(int n) {
            seen = new long[(n + 63) >>> 6];
        }
    }

    List<TrackerMatch> match(byte[] buf, int off, int len) {
        if (len <= 0) {
            return List.of();
        }
        int end = off + len;
        Hits hits = len < LANES * MIN_LANE_BYTES ? scan(buf, off, end) : scanFourLanes(buf, off, end);
        return hits == null ? List.of() : result(hits);
    }

    private Hits scan(byte[] buf, int off, int end) {
        final int[] d = delta;
        final int[] cls = classOf;
        int s = 0;
        Hits hits = null;
        for (int i = off; i < end; i++) {
            int nx = d[s + cls[buf[i] & 0xff]];
            if (nx < 0) {
                nx = ~nx;
                hits = onOutputs(nx / classes, buf, off, end, i, hits);
            }
            s = nx;
        }
        return hits;
    }

    /**
     * The same scan as four independent automaton walks over four quarters of the buffer, interleaved so the CPU
     * overlaps their dependent table loads (a single DFA walk is bound by load latency, not bandwidth). Each walk
     * after the first starts {@code maxPatternLength - 1} bytes before its quarter, so every occurrence that ends in
     * a quarter is seen by that quarter's walk; an occurrence seen twice is simply recorded twice.
     */
    private Hits scanFourLanes(byte[] buf, int off, int end) {
        final int[] d = delta;
        final int[] cls = classOf;
        int q = (end - off) / LANES;
        int b1 = off + q;
        int b2 = b1 + q;
        int b3 = b2 + q;
        int s0 = 0;
        int s1 = warm(buf, b1 - maxPatternLength + 1, b1);
        int s2 = warm(buf, b2 - maxPatternLength + 1, b2);
        int s3 = warm(buf, b3 - maxPatternLength + 1, b3);
        Hits hits = null;
        for (int i = 0; i < q; i++) {
            int n0 = d[s0 + cls[buf[off + i] & 0xff]];
            int n1 = d[s1 + cls[buf[b1 + i] & 0xff]];
            int n2 = d[s2 + cls[buf[b2 + i] & 0xff]];
            int n3 = d[s3 + cls[buf[b3 + i] & 0xff]];
            if ((n0 | n1 | n2 | n3) < 0) {
                if (n0 < 0) {
                    n0 = ~n0;
                    hits = onOutputs(n0 / classes, buf, off, end, off + i, hits);
                }
                if (n1 < 0) {
                    n1 = ~n1;
                    hits = onOutputs(n1 / classes, buf, off, end, b1 + i, hits);
                }
                if (n2 < 0) {
                    n2 = ~n2;
                    hits = onOutputs(n2 / classes, buf, off, end, b2 + i, hits);
                }
                if (n3 < 0) {
                    n3 = ~n3;
                    hits = onOutputs(n3 / classes, buf, off, end, b3 + i, hits);
                }
            }
            s0 = n0;
            s1 = n1;
            s2 = n2;
            s3 = n3;
        }
        for (int i = b3 + q; i < end; i++) {
            int nx = d[s3 + cls[buf[i] & 0xff]];
            if (nx < 0) {
                nx = ~nx;
                hits = onOutputs(nx / classes, buf, off, end, i, hits);
            }
            s3 = nx;
        }
        return hits;
    }

    /** The automaton state after walking {@code buf[from, to)} from the root, ignoring outputs. */
    private int warm(byte[] buf, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            int nx = delta[s + classOf[buf[i] & 0xff]];
            s = nx < 0 ? ~nx : nx;
        }
        return s;
    }

    private Hits onOutputs(int node, byte[] buf, int off, int end, int last, Hits hits) {
        for (int p : outputs[node]) {
            Pattern pat = patterns[p];
            int start = last - pat.bytes().length + 1;
            switch (pat.kind()) {
                case SIGNATURE -> {
                    if (exact(buf, start, pat.bytes()) && signatureBoundaries(buf, off, end, start, last)
                            && !(pat.bytes()[0] == '/' && proseBefore(buf, off, start))
                            && !onCommentLine(buf, off, start)) {
                        // a loader path ("/gtag/js?id=") counts unless the URL it ends stands in text, as a host does
                        hits = seen(hits, pat.entry());
                    }
                }
                case TAGGED_SIGNATURE -> {
                    if (exact(buf, start, pat.bytes()) && signatureBoundaries(buf, off, end, start, last)
                            && !onCommentLine(buf, off, start)) {
                        hits = hits == null ? new Hits(matches.size()) : hits;
                        if (hits.tagged == null) {
                            hits.tagged = new long[hits.seen.length];
                        }
                        hits.tagged[pat.entry() >>> 6] |= 1L << pat.entry();
                    }
                }
                case TAG -> {
                    if (exact(buf, start, pat.bytes()) && last + 1 < end && isUpperTagByte(buf[last + 1])) {
                        hits = hits == null ? new Hits(matches.size()) : hits;
                        if (hits.tagBits == null) {
                            hits.tagBits = new long[matches.taggedEntries()];
                        }
                        hits.tagBits[matches.tagSlot(pat.entry())] |= 1L << pat.tagRule();
                    }
                }
                default -> hits = onHost(pat, buf, off, end, start, last, hits);
            }
        }
        return hits;
    }

    private Hits onHost(Pattern pat, byte[] buf, int off, int end, int start, int last, Hits hits) {
        if (!hostBounded(buf, off, end, start, last)) {
            return hits;
        }
        int j = last + 1;
        for (HostIndex.Rule r : pat.hostRules()) {
            if (r.path().isEmpty() || pathFollows(buf, j, end, r.path())) {
                // only the most precise rule, as for a URL: an operator's functional entry for a file on a host
                // whose whole is another tracker ("connect.facebook.net/en_US/sdk.js") names that file alone
                return seen(hits, r.entry());
            }
        }
        return hits;
    }

    /** Whether the host literal at {@code [start, last]} stands alone: a whole host name, not prose, not a part. */
    private static boolean hostBounded(byte[] buf, int off, int end, int start, int last) {
        if (onCommentLine(buf, off, start)) {
            return false;
        }
        if (start > off) {
            int b = buf[start - 1];
            if (isHostByte(b) && !escapedSlashEndsAt(buf, off, start) || proseBefore(buf, off, start)) {
                // a host after white space, '(' or '>' is prose or a comment ("connects to www.google-analytics.com",
                // "Meta (connect.facebook.net)", "<code>static.hotjar.com</code>" in inlined HTML): no URL starts with
                // one of them before its host, and page state inlined by SSR frameworks carries text
                return false;
            }
        }
        int j = last + 1;
        if (j < end) {
            int a = buf[j];
            if (a == '"' || a == '\'' || a == '`') {
                // a string that ends with the host is code when a loader keeps it to fetch from ('https://' +
                // 'connect.facebook.net' + '/…', host = '…', return '…', ['…']); as the value of a property or
                // the operand of a comparison it is data that names a host (a cookie table in SSR page state, a
                // consent manager's blocking list "re":"connect.facebook.net", url.hostname === '…')
                return concatenates(buf, j + 1, end) || !valueOrOperand(buf, off, start, (byte) a);
            }
            if (a == '\\' && j + 1 < end && (buf[j + 1] == '"' || buf[j + 1] == '\'')) {
                return false; // a string in a string (JSON a framework's payload carries): data, nothing fetches it
            }
            // a host with nothing after it but ')', white space, ',' or ';' ends a URL without a path in text or in
            // a list ("Google Analytics (https://www.google-analytics.com)", a CSP copy "https://connect.facebook.net;"):
            // a loader goes on with a path
            return !(isHostByte(a) || (a == '.' && j + 1 < end && isAlnum(buf[j + 1]))
                    || a == ')' || a == ',' || a == ';' || isSpace(a));
        }
        return true;
    }

    /**
     * Whether the string that holds the host name ending before {@code start} and closes with {@code quote} is the
     * value of a property ({@code key: '…'}, {@code "key":"…"}) or an operand of {@code ==}, {@code ===},
     * {@code !=} or {@code !==}: its opening quote (looked for on the same line, up to 128 bytes back) follows
     * {@code :} or such an operator. Not found: not known to be data.
     */
    private static boolean valueOrOperand(byte[] buf, int off, int start, byte quote) {
        int o = start - 1;
        int stop = Math.max(off, start - 128);
        while (o >= stop && buf[o] != quote && buf[o] != '\n') {
            o--;
        }
        if (o < stop || buf[o] != quote) {
            return false;
        }
        int k = o - 1;
        while (k >= off && isSpace(buf[k])) {
            k--;
        }
        if (k < off) {
            return false;
        }
        if (buf[k] == ':') {
            return true;
        }
        return buf[k] == '=' && k - 1 >= off && (buf[k - 1] == '=' || buf[k - 1] == '!');
    }

    /**
     * Whether {@code buf[start]} stands on a line that begins, after white space, with {@code //}: a line comment
     * (code a theme left commented out: {@code // s.src = "https://connect.facebook.net/…"}). Outside a template
     * literal or a string continued with a backslash, which no loader spreads its URL over, JavaScript reads no such
     * line as code. Comments that start after code on a line, and block comments, are not told apart.
     */
    private static boolean onCommentLine(byte[] buf, int off, int start) {
        int k = start - 1;
        while (k >= off && buf[k] != '\n' && buf[k] != '\r') {
            k--;
        }
        k++;
        while (k < start && (buf[k] == ' ' || buf[k] == '\t')) {
            k++;
        }
        return k + 1 < start && buf[k] == '/' && buf[k + 1] == '/';
    }

    /** Whether a {@code +} follows {@code buf[k]} after white space: the string before it is joined to another. */
    private static boolean concatenates(byte[] buf, int k, int end) {
        while (k < end && isSpace(buf[k])) {
            k++;
        }
        return k < end && buf[k] == '+';
    }

    /**
     * Whether the host name that ends with the listed suffix at {@code start} stands in text: right after white
     * space, {@code (} or {@code >}, or as the host of a URL ({@code https://host}, {@code //host}) that itself stands
     * in text: right after {@code >} ({@code <code>https://…</code>} in inlined HTML) or after a word or a
     * punctuation mark and white space ({@code "Paste this: https://…"}). White space after a quote, {@code =},
     * {@code (} or {@code ,} is not text: browsers strip it from a URL ({@code src="  https://…"}), CSS allows it in
     * {@code url( https://…)} and a {@code srcset} puts it between candidates.
     */
    private static boolean proseBefore(byte[] buf, int off, int start) {
        int k = hostNameStartIndex(buf, off, start);
        if (k < off) {
            return false;
        }
        if (isProseBefore(buf[k])) {
            return true;
        }
        if (buf[k] != '/' || k - 1 < off || buf[k - 1] != '/') {
            return false;
        }
        int u = k - 2;
        if (u >= off && buf[u] == ':') {
            u--;
            int schemeEnd = u;
            while (u >= off && isLetter(buf[u])) {
                u--;
            }
            if (u == schemeEnd) {
                return false;
            }
        }
        if (u < off) {
            return false;
        }
        if (buf[u] == '>') {
            return true;
        }
        if (!isSpace(buf[u])) {
            return false;
        }
        while (u >= off && isSpace(buf[u])) {
            u--;
        }
        if (u < off) {
            return false;
        }
        int t = buf[u];
        return isAlnum(t) || t == '.' || t == ':' || t == ';' || t == '!' || t == '?';
    }

    /**
     * Reports every host literal the same scan as {@link #match} accepts, with where it is: one call per occurrence
     * and listed host (the most precise of its path rules that follows, as {@link #match} takes it).
     * The match carries the tracker's default categories; tag ids are not applied.
     */
    void locateHosts(byte[] buf, int off, int len, TrackerCatalog.HostOccurrences sink) {
        int end = off + len;
        int s = 0;
        for (int i = off; i < end; i++) {
            int nx = delta[s + classOf[buf[i] & 0xff]];
            if (nx < 0) {
                nx = ~nx;
                for (int p : outputs[nx / classes]) {
                    Pattern pat = patterns[p];
                    int start = i - pat.bytes().length + 1;
                    if (pat.kind() == HOST && hostBounded(buf, off, end, start, i)) {
                        reportHost(pat, buf, end, start, i, sink);
                    }
                }
            }
            s = nx;
        }
    }

    private void reportHost(Pattern pat, byte[] buf, int end, int start, int last,
                            TrackerCatalog.HostOccurrences sink) {
        for (HostIndex.Rule r : pat.hostRules()) {
            if (r.path().isEmpty() || pathFollows(buf, last + 1, end, r.path())) {
                sink.at(start, last + 1, matches.byDefault(r.entry()));
                return;
            }
        }
    }

    /**
     * Index of the byte before the whole host name whose listed suffix starts at {@code start} (before {@code www.} of
     * {@code www.google-analytics.com}), looking back at most a DNS name's length; below {@code off} at the start of
     * the range.
     */
    private static int hostNameStartIndex(byte[] buf, int off, int start) {
        int k = start - 1;
        int limit = Math.max(off, start - 253);
        while (k >= limit && (buf[k] == '.' || isHostByte(buf[k]))) {
            k--;
        }
        return k;
    }

    private Hits seen(Hits hits, int entry) {
        Hits h = hits == null ? new Hits(matches.size()) : hits;
        h.seen[entry >>> 6] |= 1L << entry;
        return h;
    }

    private List<TrackerMatch> result(Hits hits) {
        if (hits.tagged != null && hits.tagBits != null) {
            for (int w = 0; w < hits.tagged.length; w++) {
                for (long bits = hits.tagged[w]; bits != 0; bits &= bits - 1) {
                    int entry = (w << 6) + Long.numberOfTrailingZeros(bits);
                    int slot = matches.tagSlot(entry);
                    if (slot >= 0 && hits.tagBits[slot] != 0) {
                        hits.seen[w] |= 1L << entry;
                    }
                }
            }
        }
        int count = 0;
        for (long w : hits.seen) {
            count += Long.bitCount(w);
        }
        if (count == 0) {
            return List.of();
        }
        TrackerMatch[] out = new TrackerMatch[count];
        int n = 0;
        for (int w = 0; w < hits.seen.length; w++) {
            long bits = hits.seen[w];
            while (bits != 0) {
                int entry = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int slot = matches.tagSlot(entry);
                out[n++] = matches.withTagRules(entry, slot < 0 || hits.tagBits == null ? 0 : hits.tagBits[slot]);
            }
        }
        return count == 1 ? List.of(out[0]) : Collections.unmodifiableList(Arrays.asList(out));
    }

    private static boolean exact(byte[] buf, int start, byte[] p) {
        for (int k = 0; k < p.length; k++) {
            if (buf[start + k] != p[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean signatureBoundaries(byte[] buf, int off, int end, int start, int last) {
        if (isIdentByte(buf[start]) && start > off && isIdentByte(buf[start - 1])) {
            return false;
        }
        // a signature ending in a digit ("ym(1") is a prefix of a number: only one ending in a letter, '_' or '$'
        // needs a boundary after it
        return !(isIdentByte(buf[last]) && !isDigit(buf[last]) && last + 1 < end && isIdentByte(buf[last + 1]));
    }

    /** Whether a path prefix follows at {@code j}, after an optional port, with '/' in any escaped spelling. */
    static boolean pathFollows(byte[] buf, int j, int end, String path) {
        int k = j;
        if (k < end && buf[k] == ':') {
            k++;
            while (k < end && buf[k] >= '0' && buf[k] <= '9') {
                k++;
            }
        }
        for (int c = 0; c < path.length(); c++) {
            char pc = path.charAt(c);
            if (pc == '/') {
                k = slashAt(buf, k, end);
                if (k < 0) {
                    return false;
                }
            } else if (k < end && buf[k] == pc) {
                k++;
            } else {
                return false;
            }
        }
        if (path.charAt(path.length() - 1) == '/' || k >= end) {
            return true;
        }
        int b = buf[k];
        return !(isAlnum(b) || b == '-' || b == '_' || b == '.');
    }

    /**
     * Index after a slash at {@code k} spelled {@code /}, {@code \/}, <code>&#92;u002F</code>, {@code \x2F} or
     * {@code %2F}; -1 when there is none.
     */
    private static int slashAt(byte[] buf, int k, int end) {
        if (k < end && buf[k] == '/') {
            return k + 1;
        }
        for (String form : ESCAPED_SLASHES) {
            if (regionEqualsIgnoreCase(buf, k, end, form)) {
                return k + form.length();
            }
        }
        return -1;
    }

    private static boolean escapedSlashEndsAt(byte[] buf, int off, int start) {
        for (String form : ESCAPED_SLASH_ENDINGS) {
            int s = start - form.length();
            if (s >= off && regionEqualsIgnoreCase(buf, s, start, form)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionEqualsIgnoreCase(byte[] buf, int k, int end, String form) {
        if (end - k < form.length()) {
            return false;
        }
        for (int i = 0; i < form.length(); i++) {
            if (fold(buf[k + i] & 0xff) != form.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /*
     * Byte classes for the boundary checks around every automaton hit, one table load instead of up to eight
     * compares. Callers pass bytes read from the buffer (-128..127); masking with 0xff maps non-ASCII bytes to
     * entries 0x80..0xff, which belong to no class, as the range compares answered before.
     */
    private static final int B_ALNUM = 1;
    private static final int B_HOST = 2;
    private static final int B_IDENT = 4;
    private static final int B_SPACE = 8;
    private static final byte[] BYTE_CLASS = new byte[256];

    static {
        for (int c = 0; c < 128; c++) {
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            int k = alnum ? B_ALNUM | B_HOST | B_IDENT : 0;
            if (c == '-' || c == '_') {
                k |= B_HOST;
            }
            if (c == '_' || c == '$') {
                k |= B_IDENT;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                k |= B_SPACE;
            }
            BYTE_CLASS[c] = (byte) k;
        }
    }

    private static boolean isAlnum(int b) {
        return (BYTE_CLASS[b & 0xff] & B_ALNUM) != 0;
    }

    private static boolean isHostByte(int b) {
        return (BYTE_CLASS[b & 0xff] & B_HOST) != 0;
    }

    private static boolean isIdentByte(int b) {
        return (BYTE_CLASS[b & 0xff] & B_IDENT) != 0;
    }

    private static boolean isLetter(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isSpace(int b) {
        return (BYTE_CLASS[b & 0xff] & B_SPACE) != 0;
    }

    /** White space, {@code (} or {@code >}: what stands before a host name in text, never in a URL or JS code. */
    private static boolean isProseBefore(int b) {
        return b == '(' || b == '>' || isSpace(b);
    }

    private static boolean isUpperTagByte(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ScriptMatcher[%d patterns, %d states, %d classes]",
                patterns.length, delta.length / classes, classes);
    }
}
