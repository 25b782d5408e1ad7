package io.consentgate.html;

import java.util.Arrays;

/**
 * Splits JavaScript text into its statements at one nesting level, for {@link MergedScript}: a lexer that knows
 * what can hide a {@code ;} or a bracket (string and template literals with their substitutions, comments, regular
 * expression literals) and counts brackets, without parsing the language. A statement ends at a {@code ;} outside
 * brackets, or at the brace that closes a block statement ({@code if}, {@code for}, {@code while},
 * {@code function}, {@code try}, {@code switch}, {@code class}, a bare block) unless {@code else}, {@code catch} or
 * {@code finally} goes on with it; statements that rely on a line break alone to end run on to the next of these.
 *
 * <p>The text is refused ({@code null}) where this reading cannot be trusted: unbalanced brackets, an unterminated
 * literal or comment. A regular expression literal is told from a division by what precedes the {@code /}, as
 * lexers of the language do.
 */
final class ScriptStatements {

    private static final String[] BLOCK_KEYWORDS = {"if", "for", "while", "function", "async", "try", "switch", "class"};
    private static final String[] CONTINUATIONS = {"else", "catch", "finally"};
    private static final String[] BEFORE_REGEX = {"return", "typeof", "instanceof", "in", "of", "new", "delete", "void",
        "throw", "case", "do", "else", "yield", "await"};
    /** Words after which a brace opens a block of statements ({@link #frame}). */
    private static final String[] BEFORE_BLOCK = {"else", "try", "finally", "do"};
    private static final String[] SWITCH = {"switch"};

    private ScriptStatements() {
    }

    /**
     * The statements of {@code b[from, to)} at its top level, as pairs of start and end indexes (the start after white
     * space and comments, the end after the statement's {@code ;} or closing brace); {@code null} when the text cannot be
     * read.
     */
    static int[] split(byte[] b, int from, int to) {
        int[] out = new int[16];
        int n = 0;
        Tokens t = new Tokens(b, from, to);
        int start = -1;
        boolean blockStatement = false;
        while (t.next()) {
            int i = t.i;
            byte c = b[i];
            if (start < 0) {
                start = i;
                blockStatement = c == '{' || startsWithWord(b, i, to, BLOCK_KEYWORDS);
            }
            if (t.word()) {
                continue;
            }
            boolean regex = t.regexAllowed();
            boolean template = c == '`';
            switch (c) {
                case '(', '[', '{' -> t.open();
                case ')', ']', '}' -> {
                    if (t.closesSubstitution(c)) {
                        template = true;
                        break;
                    }
                    if (!t.close()) {
                        return null;
                    }
                    if (c == '}' && t.depth == 0 && blockStatement && !continues(b, t.i, to)) {
                        out = add(out, n++, start, t.i);
                        start = -1;
                    }
                }
                case ';' -> {
                    t.i++;
                    if (t.depth == 0 && !continues(b, t.i, to)) { // "if (a) b(); else c();" is one statement
                        out = add(out, n++, start, t.i);
                        start = -1;
                    }
                }
                default -> t.skipLiteral(c, regex);
            }
            if (!t.after(c, template, regex)) {
                return null;
            }
        }
        if (!t.readWhole()) {
            return null;
        }
        if (start >= 0) {
            out = add(out, n++, start, to);
        }
        return Arrays.copyOf(out, 2 * n);
    }

    /**
     * What {@link #frame} finds in one statement: its bodies, whether braces other than bodies' are in it (an object
     * literal, a pattern, a class body), and whether a string or template literal is, outside the bodies.
     */
    record Frame(int[] bodies, boolean literal, boolean strings) {
    }

    /**
     * The bodies of the functions and blocks directly in statement {@code b[from, to)}, at any bracket depth but not
     * inside one another: pairs of the index after each opening brace and the index of its closing brace. A brace
     * opens a body where the language has statements after it: after the {@code )} of a function's parameters or of
     * an {@code if}, {@code for}, {@code while} or {@code catch} head (not of a {@code switch}, whose body holds
     * {@code case} clauses), after an arrow's {@code =>}, after {@code else}, {@code try}, {@code finally} or
     * {@code do}, and at the start of the statement (a block). Any other brace is an object literal, a pattern or a
     * class body ({@link Frame#literal}), read through for the bodies of its methods and callbacks. {@code null}
     * when the text cannot be read.
     */
    static Frame frame(byte[] b, int from, int to) {
        int[] out = new int[8];
        int n = 0;
        Tokens t = new Tokens(b, from, to);
        boolean[] switchHead = new boolean[16]; // per depth: whether the '(' opened there follows "switch"
        boolean closedSwitch = false; // the last significant byte is the ')' of a switch head
        int body = -1;
        int bodyDepth = -1;
        boolean literal = false;
        boolean strings = false;
        boolean first = true;
        while (t.next()) {
            int i = t.i;
            byte c = b[i];
            boolean atStart = first;
            first = false;
            if (t.word()) {
                closedSwitch = false;
                continue;
            }
            boolean afterWord = t.prevWord;
            boolean regex = t.regexAllowed();
            boolean afterSwitch = closedSwitch;
            closedSwitch = false;
            boolean template = c == '`';
            if ((c == '"' || c == '\'' || template) && body < 0) {
                strings = true;
            }
            switch (c) {
                case '(', '[', '{' -> {
                    int depth = t.depth;
                    if (depth == switchHead.length) {
                        switchHead = Arrays.copyOf(switchHead, depth * 2);
                    }
                    switchHead[depth] = c == '(' && afterWord && isWordAt(b, t.wordStart, t.wordEnd, SWITCH);
                    if (c == '{' && body < 0) {
                        boolean opensBody = atStart
                            || !afterWord && t.prev == ')' && !afterSwitch
                            || !afterWord && t.prev == '>' && t.prevAt > from && b[t.prevAt - 1] == '='
                            || afterWord && isWordAt(b, t.wordStart, t.wordEnd, BEFORE_BLOCK);
                        if (opensBody) {
                            body = i + 1;
                            bodyDepth = depth;
                        } else {
                            literal = true;
                        }
                    }
                    t.open();
                }
                case ')', ']', '}' -> {
                    if (t.closesSubstitution(c)) {
                        template = true;
                        break;
                    }
                    if (!t.close()) {
                        return null;
                    }
                    closedSwitch = c == ')' && switchHead[t.depth];
                    if (c == '}' && body >= 0 && t.depth == bodyDepth) {
                        out = add(out, n++, body, i);
                        body = -1;
                    }
                }
                default -> t.skipLiteral(c, regex);
            }
            if (t.opensSubstitution(template)) {
                if (t.depth == switchHead.length) {
                    switchHead = Arrays.copyOf(switchHead, t.depth * 2);
                }
                switchHead[t.depth] = false;
            }
            if (!t.after(c, template, regex)) {
                return null;
            }
        }
        if (!t.readWhole()) {
            return null;
        }
        return new Frame(Arrays.copyOf(out, 2 * n), literal, strings);
    }

    /**
     * The token reading {@link #split} and {@link #frame} share: white space and comments skipped, words read whole,
     * string, template and regular expression literals skipped (a template's substitutions are code, counted as
     * brackets), brackets counted, and the last significant byte kept, which tells a regular expression from a
     * division.
     */
    private static final class Tokens {
        private final byte[] b;
        private final int to;
        /** Where reading stands; -1 once the text cannot be read. */
        int i;
        /** Open brackets, substitutions included. */
        int depth;
        /** The bracket depth at which each open {@code ${…}} substitution started. */
        private int[] templates = new int[8];
        private int open;
        /** The last significant byte ({@code x} for a literal's value). */
        byte prev = ';';
        int prevAt = -1;
        /** Whether the last token was a word, {@code b[wordStart, wordEnd)}. */
        boolean prevWord;
        int wordStart = -1;
        int wordEnd = -1;

        Tokens(byte[] b, int from, int to) {
            this.b = b;
            this.to = to;
            this.i = from;
        }

        /** Skips white space and comments: true at a significant byte, false at the end (or an unended comment). */
        boolean next() {
            while (i >= 0 && i < to) {
                byte c = b[i];
                if (c == '/' && i + 1 < to && (b[i + 1] == '/' || b[i + 1] == '*')) {
                    i = skipComment(b, i, to);
                } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                    i++;
                } else {
                    return true;
                }
            }
            return false;
        }

        /** Reads a word at the current byte, if one starts there. */
        boolean word() {
            if (!isWordByte(b[i])) {
                return false;
            }
            wordStart = i;
            while (i < to && isWordByte(b[i])) {
                i++;
            }
            wordEnd = i;
            prevWord = true;
            return true;
        }

        /** Whether a {@code /} at the current byte would start a regular expression; the last token is read. */
        boolean regexAllowed() {
            boolean allowed = prevWord ? isWordAt(b, wordStart, wordEnd, BEFORE_REGEX)
                : "(,=:[!&|?{};+-*%<>~^".indexOf(prev) >= 0;
            prevWord = false;
            return allowed;
        }

        /** A string, template or regular expression literal, or a division, at the current byte: skipped. */
        void skipLiteral(byte c, boolean regex) {
            switch (c) {
                case '"', '\'' -> i = skipString(b, i, to);
                case '`' -> i = skipTemplate(b, i + 1, to);
                case '/' -> i = regex ? skipRegex(b, i, to) : i + 1;
                default -> i++;
            }
        }

        void open() {
            depth++;
            i++;
        }

        /** A closing bracket: false when it closes nothing. */
        boolean close() {
            if (--depth < 0) {
                return false;
            }
            i++;
            return true;
        }

        /** Whether {@code c} ends a {@code ${…}} substitution; if so reading goes on in its template literal. */
        boolean closesSubstitution(byte c) {
            if (c != '}' || open == 0 || templates[open - 1] != depth) {
                return false;
            }
            open--;
            depth--;
            i = skipTemplate(b, i + 1, to);
            return true;
        }

        /** Whether the template reading just done stopped at a {@code ${} that opens a substitution. */
        boolean opensSubstitution(boolean template) {
            return template && i > 0 && b[i - 1] == '{';
        }

        /** After the token at {@code c}: opens a substitution where one starts, keeps the last byte; false if unreadable. */
        boolean after(byte c, boolean template, boolean regex) {
            if (i < 0) {
                return false;
            }
            if (opensSubstitution(template)) {
                if (open == templates.length) {
                    templates = Arrays.copyOf(templates, open * 2);
                }
                templates[open++] = ++depth;
            }
            prev = template || c == '"' || c == '\'' || c == '/' && regex ? (byte) 'x' : c;
            prevAt = i - 1;
            return true;
        }

        /** Whether the text was read to its end with every bracket and substitution closed. */
        boolean readWhole() {
            return i >= 0 && depth == 0 && open == 0;
        }
    }

    private static int[] add(int[] out, int n, int start, int end) {
        if (2 * n + 2 > out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[2 * n] = start;
        out[2 * n + 1] = end;
        return out;
    }

    /** The index after the comment at {@code i}, or -1 when a block comment does not end. */
    private static int skipComment(byte[] b, int i, int to) {
        if (b[i + 1] == '/') {
            while (i < to && b[i] != '\n' && b[i] != '\r') {
                i++;
            }
            return i;
        }
        for (int k = i + 2; k + 1 < to; k++) {
            if (b[k] == '*' && b[k + 1] == '/') {
                return k + 2;
            }
        }
        return -1;
    }

    /** The index after the string literal opening at {@code i}; -1 when it does not end on its line. */
    private static int skipString(byte[] b, int i, int to) {
        byte q = b[i];
        for (int k = i + 1; k < to; k++) {
            byte c = b[k];
            if (c == '\\') {
                k++;
            } else if (c == q) {
                return k + 1;
            } else if (c == '\n' || c == '\r') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * From inside a template literal at {@code i}: the index after its closing backquote, or after the dollar sign and
     * brace that open a substitution (the byte before the result is then that brace); -1 when it does not end.
     */
    private static int skipTemplate(byte[] b, int i, int to) {
        for (int k = i; k < to; k++) {
            byte c = b[k];
            if (c == '\\') {
                k++;
            } else if (c == '`') {
                return k + 1;
            } else if (c == '$' && k + 1 < to && b[k + 1] == '{') {
                return k + 2;
            }
        }
        return -1;
    }

    /** The index after the regular expression literal at {@code i}; -1 when it does not end on its line. */
    private static int skipRegex(byte[] b, int i, int to) {
        boolean inClass = false;
        for (int k = i + 1; k < to; k++) {
            byte c = b[k];
            if (c == '\\') {
                k++;
            } else if (c == '\n' || c == '\r') {
                return -1;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                k++;
                while (k < to && isWordByte(b[k])) {
                    k++; // flags
                }
                return k;
            }
        }
        return -1;
    }

    /** Whether {@code else}, {@code catch} or {@code finally} follows {@code b[i]} after white space and comments. */
    private static boolean continues(byte[] b, int i, int to) {
        while (i < to) {
            byte c = b[i];
            if (c == '/' && i + 1 < to && (b[i + 1] == '/' || b[i + 1] == '*')) {
                i = skipComment(b, i, to);
                if (i < 0) {
                    return false;
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
            } else {
                return startsWithWord(b, i, to, CONTINUATIONS);
            }
        }
        return false;
    }

    private static boolean startsWithWord(byte[] b, int i, int to, String[] words) {
        int e = i;
        while (e < to && isWordByte(b[e])) {
            e++;
        }
        return e > i && isWordAt(b, i, e, words);
    }

    private static boolean isWordAt(byte[] b, int from, int to, String[] words) {
        for (String w : words) {
            if (w.length() == to - from && ByteScan.startsWith(b, from, to, w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordByte(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$'
            || c < 0; // a non-ASCII byte: part of an identifier or of a literal the lexer is already inside
    }
}
