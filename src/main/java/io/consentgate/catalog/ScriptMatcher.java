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

    static int fold(int b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    /** Scan state for one call, created on the first candidate hit only (or kept across windows: {@link #readWindow}). */
    static final class Hits {
        final long[] seen;
        /** Tag rules seen, per entry that has tag rules (indexed by {@link Matches#tagSlot}); allocated lazily. */
        long[] tagBits;
        /** Entries whose tagged signatures were seen (they count with a tag id of theirs); allocated lazily. */
        long[] tagged;
        /** Whether the buffer has a block comment that opens a line: -1 until a hit asks ({@link #blockComments}). */
        private int blockComments = -1;
        /** Where the lines of the buffer start, as the hits found them. */
        final ScriptText.Lines lines = new ScriptText.Lines();
        /**
         * Signatures and host literals count only where they start in {@code [judgeFrom, judgeTo)}: the part of a
         * window of a longer script ({@link #readWindow}) whose hits have the context they are judged by.
         */
        int judgeFrom = Integer.MIN_VALUE;
        int judgeTo = Integer.MAX_VALUE;

        Hits(int n) {
            seen = new long[(n + 63) >>> 6];
        }

        /** Read once per script, when its first hit asks: most loaders have no block comment to look back for. */
        boolean blockComments(byte[] buf, int off, int end) {
            if (blockComments < 0) {
                blockComments = ScriptComments.opensBlockCommentLine(buf, off, end) ? 1 : 0;
            }
            return blockComments == 1;
        }
    }

    List<TrackerMatch> match(byte[] buf, int off, int len) {
        if (len <= 0) {
            return List.of();
        }
        int end = off + len;
        Hits hits = len < LANES * MIN_LANE_BYTES ? scan(buf, off, end, null) : scanFourLanes(buf, off, end, null);
        return hits == null ? List.of() : result(hits);
    }

    /**
     * Reads one window of a longer script read in overlapping windows, adding to what the earlier windows found
     * ({@code hits}, null for the first): signatures and host literals count only where they start in
     * {@code [from, to)}, the window's other bytes being their context; tag ids and tagged signatures count anywhere
     * in it, and pair across windows as in one script ({@link #windowResult}).
     */
    Hits readWindow(Hits hits, byte[] buf, int off, int len, int from, int to) {
        Hits h = hits == null ? new Hits(matches.size()) : hits;
        if (len <= 0) {
            return h;
        }
        h.judgeFrom = from;
        h.judgeTo = to;
        h.blockComments = -1; // read per window: the look-back for block comments stays inside it
        h.lines.clear();
        int end = off + len;
        return len < LANES * MIN_LANE_BYTES ? scan(buf, off, end, h) : scanFourLanes(buf, off, end, h);
    }

    /** The trackers the windows read so far name, as {@link #match} would list them for the whole script. */
    List<TrackerMatch> windowResult(Hits hits) {
        return hits == null ? List.of() : result(hits);
    }

    private Hits scan(byte[] buf, int off, int end, Hits hits) {
        final int[] d = delta;
        final int[] cls = classOf;
        int s = 0;
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
    private Hits scanFourLanes(byte[] buf, int off, int end, Hits hits) {
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
        hits = hits == null ? new Hits(matches.size()) : hits;
        for (int p : outputs[node]) {
            Pattern pat = patterns[p];
            int start = last - pat.bytes().length + 1;
            if ((start < hits.judgeFrom || start >= hits.judgeTo) && pat.kind() != TAG
                && pat.kind() != TAGGED_SIGNATURE) {
                continue; // judged in the neighbouring window, where its context is
            }
            switch (pat.kind()) {
                case SIGNATURE -> {
                    if (exact(buf, start, pat.bytes()) && ScriptText.signatureBoundaries(buf, off, end, start, last)
                            && !(pat.bytes()[0] == '/' && ScriptText.proseBefore(buf, off, start))
                            && !ScriptComments.onCommentLine(buf, off, start, hits.blockComments(buf, off, end),
                                hits.lines)
                            && !ArticleMarkup.around(buf, off, start)
                            && !(ArticleMarkup.afterProseWord(buf, off, start) && ArticleMarkup.codeLike(pat.bytes()))) {
                        // a loader path ("/gtag/js?id=") counts unless the URL it ends stands in text, as a host does
                        hits = seen(hits, pat.entry());
                    }
                }
                case TAGGED_SIGNATURE -> {
                    if (exact(buf, start, pat.bytes()) && ScriptText.signatureBoundaries(buf, off, end, start, last)
                            && !ScriptComments.onCommentLine(buf, off, start, hits.blockComments(buf, off, end),
                                hits.lines)
                            && !ArticleMarkup.around(buf, off, start)
                            && !(ArticleMarkup.afterProseWord(buf, off, start) && ArticleMarkup.codeLike(pat.bytes()))) {
                        if (hits.tagged == null) {
                            hits.tagged = new long[hits.seen.length];
                        }
                        hits.tagged[pat.entry() >>> 6] |= 1L << pat.entry();
                    }
                }
                case TAG -> {
                    // an id only in the shape its vendor issues it: an order number "GT-2040" is no Google tag
                    if (exact(buf, start, pat.bytes())
                            && matches.entry(pat.entry()).tagIds().get(pat.tagRule()).bodyAt(buf, last + 1, end)) {
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
        if (!ScriptText.hostBounded(buf, off, end, start, last, hits.blockComments(buf, off, end), hits.lines)) {
            return hits;
        }
        int j = last + 1;
        for (HostIndex.Rule r : pat.hostRules()) {
            if (r.path().isEmpty() || ScriptText.pathFollows(buf, j, end, r.path())) {
                // only the most precise rule, as for a URL: an operator's functional entry for a file on a host
                // whose whole is another tracker ("connect.facebook.net/en_US/sdk.js") names that file alone
                return seen(hits, r.entry());
            }
        }
        return hits;
    }

    /**
     * Reports every host literal the same scan as {@link #match} accepts, with where it is: one call per occurrence
     * and listed host (the most precise of its path rules that follows, as {@link #match} takes it).
     * The match carries the tracker's default categories; tag ids are not applied.
     */
    void locateHosts(byte[] buf, int off, int len, TrackerCatalog.HostOccurrences sink) {
        int end = off + len;
        int s = 0;
        ScriptText.Lines lines = new ScriptText.Lines();
        int blockComments = -1; // read once, at the first host, as match does: most texts have none opening a line
        for (int i = off; i < end; i++) {
            int nx = delta[s + classOf[buf[i] & 0xff]];
            if (nx < 0) {
                nx = ~nx;
                for (int p : outputs[nx / classes]) {
                    Pattern pat = patterns[p];
                    int start = i - pat.bytes().length + 1;
                    if (pat.kind() == HOST && blockComments < 0) {
                        blockComments = ScriptComments.opensBlockCommentLine(buf, off, end) ? 1 : 0;
                    }
                    if (pat.kind() == HOST
                            && ScriptText.hostBounded(buf, off, end, start, i, blockComments == 1, lines)) {
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
            if (r.path().isEmpty() || ScriptText.pathFollows(buf, last + 1, end, r.path())) {
                sink.at(start, last + 1, matches.byDefault(r.entry()));
                return;
            }
        }
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

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ScriptMatcher[%d patterns, %d states, %d classes]",
                patterns.length, delta.length / classes, classes);
    }
}
