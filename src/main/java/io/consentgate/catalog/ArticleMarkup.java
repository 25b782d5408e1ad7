package io.consentgate.catalog;

/**
 * Whether a loader signature or host name that the catalog's automaton found in a script stands in the HTML of an
 * article that one of the script's strings holds, where it is text and not code (see {@link #around}).
 */
final class ArticleMarkup {

    /** How far back {@link #around} looks for the string's start. */
    private static final int ARTICLE_LOOKBACK = 1024;
    /** Names of the HTML elements that mark a string as an article's markup (text, not code to run). */
    private static final String[] ARTICLE_TAGS = {"p", "code", "pre", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6",
        "em", "strong", "blockquote", "kbd", "samp", "td", "dd"};
    /** Names of the elements that fetch or run what they name: markup with one is a loader's, code. */
    private static final String[] FETCHING_TAGS = {"script", "img", "iframe", "frame", "link", "source", "video",
        "audio", "embed", "object", "image", "style", "svg"};

    /**
     * Whether the signature or host name at {@code start} stands in the HTML of an article that a string holds: page
     * state that a server-rendered framework inlines (Nuxt, Apollo, Redux) carries a blog post on installing a tag,
     * with the vendor's variable names and URLs in its {@code <code>} and {@code <pre>} text. Looking back from {@code
     * start} within its string (to the nearest unescaped quote or backquote, on the same line, at most {@value
     * #ARTICLE_LOOKBACK} bytes), an element of {@link #ARTICLE_TAGS} opens or closes ({@code <code>}, {@code </p>},
     * also with the {@code <} and the {@code /} written as JSON or JavaScript escapes) before any element of
     * {@link #FETCHING_TAGS}, and the match is not inside a tag: markup that a loader writes into the page to run or
     * fetch ({@code append('<p>…</p><script>fbq(…)')}, {@code '<iframe src="https://…">'}, a {@code <p
     * style="background:url(…)">}) is code, and so is anything after the string's end (its quote is found first) or
     * after a block comment. A tag is a {@code <}, a name and {@code >}, white space or {@code /}: {@code i<p;} is a
     * comparison.
     */
    static boolean around(byte[] buf, int off, int start) {
        int limit = Math.max(off, start - ARTICLE_LOOKBACK);
        boolean article = false;
        boolean closed = false; // a '>' seen since the last tag: what follows it is not inside a tag's attributes
        for (int k = start - 1; k >= limit; k--) {
            byte c = buf[k];
            if (c == '\n' || c == '\r' || c == '/' && k > limit && buf[k - 1] == '*') {
                return false; // another line, or after a block comment: code
            }
            if ((c == '"' || c == '\'' || c == '`') && !escaped(buf, limit, k)) {
                return article;
            }
            if (c == '>' || c == '\\' && (ScriptText.regionEqualsIgnoreCase(buf, k, start, "\\u003e")
                    || ScriptText.regionEqualsIgnoreCase(buf, k, start, "\\x3e"))) {
                closed = true;
                continue;
            }
            int tag = c == '<' ? k + 1 : escapedLessThan(buf, k, start);
            if (tag >= 0 && tagNameEnd(buf, tag, start) >= 0) {
                if (!closed || isTag(buf, tag, start, FETCHING_TAGS)) {
                    return false; // in a tag's attributes (a URL a style or src fetches), or markup that fetches
                }
                article |= isTag(buf, tag, start, ARTICLE_TAGS);
                closed = false;
            }
        }
        return false;
    }

    /**
     * The end of the tag name at {@code tag} (after an optional {@code /}), where the tag goes on: {@code >},
     * white space, {@code /} or an escape; -1 when no tag starts there ({@code i<p;} is a comparison).
     */
    private static int tagNameEnd(byte[] buf, int tag, int to) {
        int slash = ScriptText.slashAt(buf, tag, to);
        int t = slash >= 0 ? slash : tag;
        if (t >= to || !ScriptText.isLetter(buf[t])) {
            return -1;
        }
        int e = t;
        while (e < to && (ScriptText.isLetter(buf[e]) || ScriptText.isDigit(buf[e]))) {
            e++;
        }
        if (e >= to) {
            return -1;
        }
        byte b = buf[e];
        return b == '>' || b == '/' || b == '\\' || ScriptText.isSpace(b) ? e : -1;
    }

    /** Whether the byte at {@code k} is escaped: an odd number of backslashes before it. */
    private static boolean escaped(byte[] buf, int limit, int k) {
        int n = 0;
        for (int j = k - 1; j >= limit && buf[j] == '\\'; j--) {
            n++;
        }
        return (n & 1) == 1;
    }

    /** The index after a {@code <} written as a JSON or JavaScript escape starting at {@code k}, or -1. */
    private static int escapedLessThan(byte[] buf, int k, int to) {
        if (buf[k] != '\\') {
            return -1;
        }
        if (ScriptText.regionEqualsIgnoreCase(buf, k, to, "\\u003c")) {
            return k + 6;
        }
        if (ScriptText.regionEqualsIgnoreCase(buf, k, to, "\\x3c")) {
            return k + 4;
        }
        return -1;
    }

    /** Whether the tag at {@code tag} (a {@link #tagNameEnd} there) is one of {@code names}, opened or closed. */
    private static boolean isTag(byte[] buf, int tag, int to, String[] names) {
        int slash = ScriptText.slashAt(buf, tag, to); // "</code>", "<\/code>" in JSON…
        int t = slash >= 0 ? slash : tag;
        int e = tagNameEnd(buf, tag, to);
        for (String name : names) {
            if (e - t == name.length() && ScriptText.regionEqualsIgnoreCase(buf, t, to, name)) {
                return true;
            }
        }
        return false;
    }

    /** Words after which a JavaScript expression may follow a space: any other word before one is prose. */
    private static final String[] KEYWORDS = {"var", "let", "const", "return", "typeof", "void", "delete", "new", "in",
        "of", "instanceof", "case", "do", "else", "yield", "await", "throw", "export", "default", "extends", "function",
        "class", "async", "static", "get", "set", "import", "from", "as", "with", "break", "continue"};

    /**
     * Whether the signature at {@code start} follows a word and a space or tab on its line ({@code "Docs: paste
     * _dcs.account here"}): in JavaScript an identifier, number or word before an expression with only white space
     * between is a syntax error unless the word is a keyword ({@code return fbq(…)}, {@code var _hjSettings}, {@code
     * else …}), so such a signature stands in text: a string's prose, or a comment after code. A line break between
     * them is not counted (a statement may end there without a semicolon).
     */
    static boolean afterProseWord(byte[] buf, int off, int start) {
        int k = start - 1;
        if (k < off || buf[k] != ' ' && buf[k] != '\t') {
            return false;
        }
        while (k >= off && (buf[k] == ' ' || buf[k] == '\t')) {
            k--;
        }
        int wordEnd = k + 1;
        while (k >= off && (ScriptText.isLetter(buf[k]) || ScriptText.isDigit(buf[k]) || buf[k] == '_'
            || buf[k] == '$')) {
            k--;
        }
        int wordStart = k + 1;
        if (wordStart == wordEnd || wordEnd - wordStart > 10) {
            return wordStart != wordEnd; // no word; or a long one, which no keyword is
        }
        for (String keyword : KEYWORDS) {
            if (keyword.length() == wordEnd - wordStart && ScriptText.regionEqualsIgnoreCase(buf, wordStart, wordEnd,
                keyword)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a signature reads as JavaScript code (a name, a call, an assignment), to which {@link #afterProseWord}
     * applies: not a file name, a path or markup a string holds ({@code id=%27pap_x2s6df8d}, {@code ppms.js},
     * {@code async-hide}), which may follow a word in it ({@code "<script id=…"}).
     */
    static boolean codeLike(byte[] signature) {
        for (int i = 0; i < signature.length; i++) {
            if (signature[i] == '.' && (ScriptText.regionEqualsIgnoreCase(signature, i, signature.length, ".js")
                || ScriptText.regionEqualsIgnoreCase(signature, i, signature.length, ".php"))) {
                return false; // a file name
            }
            byte b = signature[i];
            if (b == '%' || b == '-' || b == '@' || b == '/' || b == '\\' || b == '<' || b == '>' || b == '?'
                || b == '#') {
                return false;
            }
        }
        return true;
    }

    private ArticleMarkup() {
    }
}
