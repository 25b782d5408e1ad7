package io.consentgate.catalog;

/**
 * How a catalog match reads where it stands in an inline script's bytes: whether a host name is a URL's host a
 * loader could fetch from, or text (prose, a comment line, a property's value, a string inside a string); whether a
 * signature stands on its own; whether a listed path follows a host, with {@code /} in any escaped spelling. Only
 * called around the automaton's hits, which are rare, so nothing here is on a page's byte-by-byte path. Comment lines
 * are read by {@link ScriptComments}, the strings a host name ends by {@link HostStrings}.
 */
final class ScriptText {

    private static final String[] ESCAPED_SLASHES = {"\\/", "\\u002f", "\\x2f", "%2f"};

    private static final String[] ESCAPED_SLASH_ENDINGS = {"\\u002f", "\\x2f", "%2f"};

    /** Whether the host literal at {@code [start, last]} stands alone: a whole host name, not prose, not a part. */
    static boolean hostBounded(byte[] buf, int off, int end, int start, int last, boolean blockComments,
                               Lines lines) {
        if (ScriptComments.onCommentLine(buf, off, start, blockComments, lines)
                || ArticleMarkup.around(buf, off, start)) {
            return false;
        }
        if (start > off) {
            int b = buf[start - 1];
            if ((isHostByte(b) && !escapedSlashEndsAt(buf, off, start)) || proseBefore(buf, off, start)) {
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
                return HostStrings.concatenates(buf, j + 1, end)
                    || !HostStrings.valueOrOperand(buf, off, start, (byte) a);
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
     * Where the lines of one buffer range start, remembered from one hit to the next, so that a minified script of one
     * long line is read back once, not once per hit. It keeps the stretches of lines the hits stood on: a hit inside
     * one is on its line; a hit after one reads back only to its end. A line starts after CR, LF, or the UTF-8 bytes
     * of U+2028 or U+2029, which end a line (and a {@code //} comment) in JavaScript too. For one buffer and range
     * start at a time ({@link #clear} between them); not thread-safe.
     */
    static final class Lines {

        /** At most this many stretches, the least recently used one replaced: a few per lane of a scan. */
        private static final int STRETCHES = 8;
        /** Each stretch: where its line starts, a position on that line (no line break before it), last use. */
        private final int[] from = new int[STRETCHES];
        private final int[] to = new int[STRETCHES];
        private final long[] used = new long[STRETCHES];
        private int n;
        private long clock;

        /** Forgets the stretches: the next call reads another buffer or range. */
        void clear() {
            n = 0;
        }

        /** The index of the first byte of the line {@code buf[p]} stands on, {@code off} at the latest. */
        int startOf(byte[] buf, int off, int p) {
            int near = -1; // the stretch of the closest line start at or before p
            for (int i = 0; i < n; i++) {
                if (from[i] >= off && from[i] <= p && (near < 0 || from[i] > from[near])) {
                    near = i;
                }
            }
            clock++;
            if (near >= 0 && p <= to[near]) {
                used[near] = clock;
                return from[near];
            }
            int stop = near < 0 ? off : to[near];
            int k = p - 1;
            while (k >= stop && buf[k] != '\n' && buf[k] != '\r' && !lineSeparatorEndsAt(buf, off, k)) {
                k--;
            }
            if (k < stop && near >= 0) { // no line break since the stretch: the same line, which goes on to p
                to[near] = p;
                used[near] = clock;
                return from[near];
            }
            int slot = n < STRETCHES ? n++ : leastRecentlyUsed();
            from[slot] = k + 1;
            to[slot] = p;
            used[slot] = clock;
            return k + 1;
        }

        private int leastRecentlyUsed() {
            int lru = 0;
            for (int i = 1; i < n; i++) {
                if (used[i] < used[lru]) {
                    lru = i;
                }
            }
            return lru;
        }
    }

    /** Whether {@code buf[k]} ends E2 80 A8 or E2 80 A9 (U+2028, U+2029 in UTF-8). */
    static boolean lineSeparatorEndsAt(byte[] buf, int off, int k) {
        return (buf[k] == (byte) 0xA8 || buf[k] == (byte) 0xA9) && k - 2 >= off && buf[k - 1] == (byte) 0x80
            && buf[k - 2] == (byte) 0xE2;
    }

    /**
     * Whether the host name that ends with the listed suffix at {@code start} stands in text: right after white
     * space, {@code (} or {@code >}, or as the host of a URL ({@code https://host}, {@code //host}) that itself stands
     * in text: right after {@code >} ({@code <code>https://…</code>} in inlined HTML) or after a word or a
     * punctuation mark and white space ({@code "Paste this: https://…"}), right after {@code ](} (a Markdown link's
     * target), after {@code |} and white space (a Markdown table's cell) or right after a string escape for a line
     * break or tab ({@code "Loaded from:\nhttps://…"}). White space after a quote, {@code =},
     * {@code (} or {@code ,} is not text: browsers strip it from a URL ({@code src="  https://…"}), CSS allows it in
     * {@code url( https://…)} and a {@code srcset} puts it between candidates.
     */
    static boolean proseBefore(byte[] buf, int off, int start) {
        int k = hostNameStartIndex(buf, off, start);
        if (k < off) {
            return false;
        }
        if (isProseBefore(buf[k]) || escapedBreakAt(buf, k, start)) {
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
            if (u >= off && buf[u] == '\\' && isEscapedBreak(buf[u + 1])) {
                return true; // the scheme's scan took the escape's letter: "Loaded from:\nhttps://…"
            }
        }
        if (u < off) {
            return false;
        }
        if (buf[u] == '>') {
            return true;
        }
        if (buf[u] == '(' && u - 1 >= off && buf[u - 1] == ']') {
            return true; // a Markdown link's target: [text](https://…)
        }
        if (isEscapedBreak(buf[u]) && u - 1 >= off && buf[u - 1] == '\\') {
            return true; // a scheme-relative URL starts a line of the string's text: "Hosts:\r\n//host/…"
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
        // '|' ends the cell before a Markdown table's cell ("| _fbp | https://… |")
        return isAlnum(t) || t == '.' || t == ':' || t == ';' || t == '!' || t == '?' || t == '|';
    }

    /**
     * Whether the host name whose scan back ({@link #hostNameStartIndex}) stopped at {@code buf[k]} begins with the
     * letter of a string escape for a line break or tab ({@code \n}, {@code \r}, {@code \t}): the scan took that letter
     * for a host character, and the host starts a line of the string's text ({@code "Hosts:\twww.…"}).
     */
    private static boolean escapedBreakAt(byte[] buf, int k, int start) {
        return buf[k] == '\\' && k + 1 < start && isEscapedBreak(buf[k + 1]);
    }

    private static boolean isEscapedBreak(int b) {
        return b == 'n' || b == 'r' || b == 't';
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

    /** The fewest digits of an account number a signature ending in a digit starts: more than a year has. */
    private static final int MIN_ID_DIGITS = 5;

    static boolean signatureBoundaries(byte[] buf, int off, int end, int start, int last) {
        if (isIdentByte(buf[start]) && start > off && isIdentByte(buf[start - 1])) {
            return false;
        }
        if (isDigit(buf[last])) {
            return numberThenString(buf, last, end);
        }
        return !(isIdentByte(buf[last]) && last + 1 < end && isIdentByte(buf[last + 1]));
    }

    /**
     * Whether the number a signature ending in a digit starts ({@code ym(1}, its first digit at {@code first}) has at
     * least {@link #MIN_ID_DIGITS} digits and is followed, after optional white space, by a comma and, after optional
     * white space, a quote: the vendor's call passes an account number and then a method name
     * ({@code ym(12345678, "init", …)}), which a site's own {@code ym(2024, 3)}, {@code ym(2024, 'March')} or
     * {@code ym(1 + i, 1)} does not.
     */
    private static boolean numberThenString(byte[] buf, int first, int end) {
        int k = first;
        while (k < end && isDigit(buf[k])) {
            k++;
        }
        if (k - first < MIN_ID_DIGITS) {
            return false;
        }
        while (k < end && isSpace(buf[k])) {
            k++;
        }
        if (k >= end || buf[k] != ',') {
            return false;
        }
        k++;
        while (k < end && isSpace(buf[k])) {
            k++;
        }
        return k < end && (buf[k] == '"' || buf[k] == '\'' || buf[k] == '`');
    }

    /**
     * Whether a path prefix follows at {@code j}, after an optional port, with '/' in any escaped spelling and a
     * segment {@code #} as one or more ASCII digits.
     */
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
            } else if (pc == '#') {
                int digits = k; // a segment '#': an account or site number
                while (k < end && buf[k] >= '0' && buf[k] <= '9') {
                    k++;
                }
                if (k == digits) {
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
    static int slashAt(byte[] buf, int k, int end) {
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

    static boolean regionEqualsIgnoreCase(byte[] buf, int k, int end, String form) {
        if (end - k < form.length()) {
            return false;
        }
        for (int i = 0; i < form.length(); i++) {
            if (ScriptMatcher.fold(buf[k + i] & 0xff) != form.charAt(i)) {
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

    static boolean isLetter(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    static boolean isSpace(int b) {
        return (BYTE_CLASS[b & 0xff] & B_SPACE) != 0;
    }

    /** White space, {@code (} or {@code >}: what stands before a host name in text, never in a URL or JS code. */
    private static boolean isProseBefore(int b) {
        return b == '(' || b == '>' || isSpace(b);
    }

    private ScriptText() {
    }
}
