package io.consentgate.html;

/**
 * Where a URL stands in script text, as {@link UrlListScript} reads it: the string literal around a host the catalog
 * found (a whole literal, JSON written inside a string, an HTML attribute's value inside a string), whether a literal
 * starts with an absolute or scheme-relative URL (its slashes also written {@code \/} or {@code \u002F}), and the
 * quotes of a script found eight bytes at a time. Offsets are those of the script's bytes; nothing is copied.
 */
final class UrlLiterals {

    /** How far a string literal around a host literal is looked for, each way. */
    static final int MAX_LITERAL = 2048;

    private UrlLiterals() {
    }

    /**
     * The content {@code [from, to)} of the string literal that holds the host literal at {@code [start, stop)} and
     * nothing but a URL around it; {@code null} when there is none.
     */
    static int[] literalAround(byte[] b, int off, int end, int start, int stop) {
        int i = start - 1;
        int limit = Math.max(off, start - MAX_LITERAL);
        while (i >= limit && !isQuote(b[i])) {
            if (!isUrlByte(b[i])) {
                return null;
            }
            i--;
        }
        if (i < limit || i > off && b[i - 1] == '\\') {
            return null;
        }
        byte quote = b[i];
        int from = i + 1;
        int j = stop;
        int jl = Math.min(end, stop + MAX_LITERAL);
        while (j < jl && b[j] != quote) {
            if (!isUrlByte(b[j]) || b[j] == '\\' && j + 1 < jl && isQuote(b[j + 1])
                    || quote == '`' && b[j] == '$' && j + 1 < jl && b[j + 1] == '{') {
                return null;
            }
            j++;
        }
        if (j >= jl || !startsUrl(b, from, start)) {
            return null;
        }
        return new int[] {from, j};
    }

    /**
     * The URL {@code [from, to)} around the host literal at {@code [start, stop)} when it is a whole string of JSON
     * held in a string literal, written with escaped quotes, and stands there as a key, a value or an array's element
     * ({@code enqueue("[…,\"pixelUrl\",\"https://…\"]")}: the loader data React Router and Remix stream into the
     * page, {@code JSON.parse("{\"pixel\":\"https://…\"}")}); {@code null} otherwise.
     */
    static int[] jsonInStringAround(byte[] b, int off, int end, int start, int stop) {
        int i = start - 1;
        int limit = Math.max(off, start - MAX_LITERAL);
        while (i >= limit && isUrlByte(b[i]) && b[i] != '\\') {
            i--;
        }
        if (i - 2 < limit || !isQuote(b[i]) || b[i - 1] != '\\' || ":,[{".indexOf(b[i - 2]) < 0) {
            return null;
        }
        int from = i + 1;
        int j = stop;
        int jl = Math.min(end - 2, stop + MAX_LITERAL);
        while (j < jl && isUrlByte(b[j]) && !(b[j] == '\\' && b[j + 1] == b[i])) {
            j++;
        }
        if (j >= jl || b[j] != '\\' || b[j + 1] != b[i] || ":,]}".indexOf(b[j + 2]) < 0
                || !startsUrl(b, from, start)) {
            return null;
        }
        return new int[] {from, j};
    }

    /**
     * The URL {@code [from, to)} around the host literal at {@code [start, stop)} when it is the value of an HTML
     * attribute inside a string, written with escaped quotes ({@code "<script src=\"https:\/\/…\"><\/script>"}):
     * HTML serialized into JSON, a consent manager's tag to inject after consent or a code sample in page state; or
     * with the other quote than the string's, in a string of markup that is a property's value
     * ({@code content:'<img src="https:\/\/…"\/>'}): a component's HTML in a widget tree a framework builds the
     * page from (ZK's {@code zkmx(…)}); {@code null} otherwise. The quotes may be escaped twice, in markup held in
     * JSON that is itself a string of JSON
     * ({@code "{\"header\":\"<script src=\\\"https:\\\/\\\/…\\\"><\\\/script>\"}"}, the tags GDPR Cookie
     * Compliance injects after consent, in its {@code moove_frontend_gdpr_scripts}).
     */
    static int[] attributeUrlAround(byte[] b, int off, int end, int start, int stop) {
        int i = start - 1;
        int limit = Math.max(off, start - MAX_LITERAL);
        while (i >= limit && isUrlByte(b[i])) {
            i--;
        }
        // b[i] is the quote that opens the attribute value: =\" or =\', or =" or =' inside a markup string
        if (i - 1 < limit || !isQuote(b[i])) {
            return null;
        }
        int escapes = backslashesBefore(b, limit, i);
        boolean escaped = escapes > 0;
        if (escaped ? escapes % 2 == 0 || i - escapes - 1 < limit || b[i - escapes - 1] != '='
                : b[i - 1] != '=' || !inMarkupString(b, limit, i - 1, b[i])) {
            return null;
        }
        int from = i + 1;
        int j = stop;
        int jl = Math.min(end - 1, stop + MAX_LITERAL);
        while (j < jl && isUrlByte(b[j]) && !(b[j] == '\\' && b[j + 1] == b[i])) {
            j++;
        }
        boolean closed = escaped ? b[j] == '\\' && b[j + 1] == b[i] : b[j] == b[i];
        // the closing quote escaped as the opening one was: as many backslashes, not one more
        int to = escaped ? j + 1 - escapes : j;
        if (j >= jl || !closed || to <= from || backslashesBefore(b, from, escaped ? j + 1 : j) != escapes
                || !startsUrl(b, from, start)) {
            return null;
        }
        return new int[] {from, to};
    }

    /** How many backslashes stand right before {@code b[i]}, looking back no further than {@code limit}. */
    private static int backslashesBefore(byte[] b, int limit, int i) {
        int n = 0;
        while (i - n - 1 >= limit && b[i - n - 1] == '\\') {
            n++;
        }
        return n;
    }

    /**
     * Whether the {@code =} at {@code b[eq]}, before an attribute value quoted with {@code quote}, stands in a string
     * literal of markup that is a property's value (data, as {@code UrlListScript} reads a key or value; markup a
     * script assigns or inserts is code): walking back on the same line, the first quote of another kind opens a string
     * after a {@code :} whose text starts with a tag ({@code content:'<img height="1" src=}, {@code prolog:
     * "<noscript><iframe src='}), with no brace between.
     */
    static boolean inMarkupString(byte[] b, int limit, int eq, byte quote) {
        for (int k = eq - 1; k > limit; k--) {
            byte c = b[k];
            if (c == '\n' || c == '\r' || c == '{' || c == '}') {
                return false;
            }
            if (isQuote(c) && c != quote) {
                int p = k - 1;
                while (p >= limit && ByteScan.isWs(b[p])) {
                    p--;
                }
                return p >= limit && b[p] == ':' && k + 2 < eq && b[k + 1] == '<' && ByteScan.isAlpha(b[k + 2]);
            }
        }
        return false;
    }

    /** Whether the literal starting at {@code from} is an absolute or scheme-relative URL, or the host itself. */
    static boolean startsUrl(byte[] b, int from, int hostStart) {
        if (from == hostStart) {
            return true;
        }
        int k = from;
        while (k < hostStart && (b[k] >= 'a' && b[k] <= 'z' || b[k] >= 'A' && b[k] <= 'Z')) {
            k++;
        }
        if (k > from) {
            if (k >= hostStart || b[k] != ':') {
                return false;
            }
            k++;
        }
        return slashes(b, k, hostStart) >= 0;
    }

    /**
     * Index after {@code //} at {@code k}, each slash also written {@code \/}, {@code \\\/} (JSON in a string of
     * JSON) or as its Unicode escape (Nuxt 2 writes every slash of its state so); -1 when none.
     */
    static int slashes(byte[] b, int k, int limit) {
        for (int n = 0; n < 2; n++) {
            if (k < limit && b[k] == '/') {
                k++;
            } else if (k + 1 < limit && b[k] == '\\' && b[k + 1] == '/') {
                k += 2;
            } else if (k + 3 < limit && b[k] == '\\' && b[k + 1] == '\\' && b[k + 2] == '\\' && b[k + 3] == '/') {
                k += 4; // escaped twice, in JSON held in a string of JSON
            } else if (k + 5 < limit && b[k] == '\\' && b[k + 1] == 'u' && b[k + 2] == '0' && b[k + 3] == '0'
                    && b[k + 4] == '2' && (b[k + 5] == 'F' || b[k + 5] == 'f')) {
                k += 6;
            } else {
                return -1;
            }
        }
        return k;
    }

    /**
     * How many string literals of {@code t[from, to)} start with an absolute or scheme-relative URL, counted up to
     * {@code enough}. The quotes are found eight bytes at a time: every script about to be removed passes here.
     */
    static int urlLiterals(byte[] t, int from, int to, int enough) {
        int n = 0;
        int i = from;
        while (n < enough && (i = nextQuote(t, i, to)) + 1 < to) {
            if (urlAt(t, i + 1, to)) {
                n++;
            }
            i++;
        }
        return n;
    }

    /** Whether the string literal opening at {@code t[open]} is followed by a {@code :}, as an object's key is. */
    static boolean followedByColon(byte[] t, int open, int to) {
        int k = open + 1;
        int limit = Math.min(to, k + MAX_LITERAL);
        while (k < limit && t[k] != t[open]) {
            k += t[k] == '\\' ? 2 : 1;
        }
        k++;
        while (k < to && ByteScan.isWs(t[k])) {
            k++;
        }
        return k < to && t[k] == ':';
    }

    /** Whether {@code t[k, to)} starts with an absolute or scheme-relative URL (escaped slashes included). */
    static boolean urlAt(byte[] t, int k, int to) {
        int s = k;
        while (k < to && (t[k] >= 'a' && t[k] <= 'z' || t[k] >= 'A' && t[k] <= 'Z')) {
            k++;
        }
        boolean scheme = k == s || k < to && t[k++] == ':';
        int h = scheme ? slashes(t, k, to) : -1;
        return h >= 0 && h < to && (Character.isLetterOrDigit(t[h]) || t[h] == '[');
    }

    /** The index of the next {@code "}, {@code '} or {@code `} in {@code t[i, to)}, or {@code to}. */
    static int nextQuote(byte[] t, int i, int to) {
        while (i + 8 <= to) {
            long w = ByteScan.word(t, i);
            long q = ByteScan.equal(w, '"') | ByteScan.equal(w, '\'') | ByteScan.equal(w, '`');
            if (q != 0) {
                return i + (Long.numberOfTrailingZeros(q) >>> 3);
            }
            i += 8;
        }
        while (i < to && !isQuote(t[i])) {
            i++;
        }
        return i;
    }

    static boolean isQuote(byte c) {
        return c == '"' || c == '\'' || c == '`';
    }

    /** A byte that may stand in a URL as a script writes it ({@code \/} escapes included); no space, no quote. */
    static boolean isUrlByte(byte c) {
        return c > ' ' && c < 127 && c != '"' && c != '\'' && c != '`' && c != '<' && c != '>' && c != '{'
            && c != '}' && c != '|' && c != '^';
    }
}
