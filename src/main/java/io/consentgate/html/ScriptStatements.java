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
        int[] templates = new int[8]; // the bracket depth at which each open ${…} substitution started
        int open = 0;
        int depth = 0;
        int start = -1;
        boolean blockStatement = false;
        byte prev = ';'; // the last significant byte: decides whether a '/' starts a regular expression
        boolean prevWord = false;
        int wordStart = -1;
        int wordEnd = -1;
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c == '/' && i + 1 < to && (b[i + 1] == '/' || b[i + 1] == '*')) {
                i = skipComment(b, i, to);
                if (i < 0) {
                    return null;
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
                continue;
            }
            if (start < 0) {
                start = i;
                blockStatement = c == '{' || startsWithWord(b, i, to, BLOCK_KEYWORDS);
            }
            if (isWordByte(c)) {
                int w = i;
                while (i < to && isWordByte(b[i])) {
                    i++;
                }
                prevWord = true;
                wordStart = w;
                wordEnd = i;
                continue;
            }
            boolean regexAllowed = prevWord ? isWordAt(b, wordStart, wordEnd, BEFORE_REGEX)
                : "(,=:[!&|?{};+-*%<>~^".indexOf(prev) >= 0;
            prevWord = false;
            boolean template = c == '`';
            switch (c) {
                case '"', '\'' -> i = skipString(b, i, to);
                case '`' -> i = skipTemplate(b, i + 1, to);
                case '/' -> i = regexAllowed ? skipRegex(b, i, to) : i + 1;
                case '(', '[', '{' -> {
                    depth++;
                    i++;
                }
                case ')', ']', '}' -> {
                    if (c == '}' && open > 0 && templates[open - 1] == depth) {
                        open--; // the end of a ${…} substitution: back in its template literal
                        depth--;
                        i = skipTemplate(b, i + 1, to);
                        template = true;
                        break;
                    }
                    if (--depth < 0) {
                        return null;
                    }
                    i++;
                    if (c == '}' && depth == 0 && blockStatement && !continues(b, i, to)) {
                        out = add(out, n++, start, i);
                        start = -1;
                    }
                }
                case ';' -> {
                    i++;
                    if (depth == 0 && !continues(b, i, to)) { // "if (a) b(); else c();" is one statement
                        out = add(out, n++, start, i);
                        start = -1;
                    }
                }
                default -> i++;
            }
            if (i < 0) {
                return null;
            }
            if (template && b[i - 1] == '{') {
                // skipTemplate stopped after "${": code until the matching '}'
                if (open == templates.length) {
                    templates = Arrays.copyOf(templates, open * 2);
                }
                templates[open++] = ++depth;
            }
            prev = template || c == '"' || c == '\'' ? (byte) 'x' : c;
            if (c == '/' && regexAllowed) {
                prev = 'x'; // a regular expression literal is a value, as a word is
            }
        }
        if (depth != 0 || open != 0) {
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
        int[] templates = new int[8];
        int open = 0;
        int depth = 0;
        boolean[] switchHead = new boolean[16]; // per depth: whether the '(' opened there follows "switch"
        boolean closedSwitch = false; // the last significant byte is the ')' of a switch head
        int body = -1;
        int bodyDepth = -1;
        boolean literal = false;
        boolean strings = false;
        byte prev = ';';
        int prevAt = -1;
        boolean prevWord = false;
        int wordStart = -1;
        int wordEnd = -1;
        boolean first = true;
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c == '/' && i + 1 < to && (b[i + 1] == '/' || b[i + 1] == '*')) {
                i = skipComment(b, i, to);
                if (i < 0) {
                    return null;
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
                continue;
            }
            boolean atStart = first;
            first = false;
            if (isWordByte(c)) {
                int w = i;
                while (i < to && isWordByte(b[i])) {
                    i++;
                }
                prevWord = true;
                closedSwitch = false;
                wordStart = w;
                wordEnd = i;
                continue;
            }
            boolean regexAllowed = prevWord ? isWordAt(b, wordStart, wordEnd, BEFORE_REGEX)
                : "(,=:[!&|?{};+-*%<>~^".indexOf(prev) >= 0;
            boolean afterWord = prevWord;
            prevWord = false;
            boolean afterSwitch = closedSwitch;
            closedSwitch = false;
            boolean template = c == '`';
            if ((c == '"' || c == '\'' || template) && body < 0) {
                strings = true;
            }
            switch (c) {
                case '"', '\'' -> i = skipString(b, i, to);
                case '`' -> i = skipTemplate(b, i + 1, to);
                case '/' -> i = regexAllowed ? skipRegex(b, i, to) : i + 1;
                case '(', '[', '{' -> {
                    if (depth == switchHead.length) {
                        switchHead = Arrays.copyOf(switchHead, depth * 2);
                    }
                    switchHead[depth] = c == '(' && afterWord && isWordAt(b, wordStart, wordEnd, SWITCH);
                    if (c == '{' && body < 0) {
                        boolean opensBody = atStart
                            || !afterWord && prev == ')' && !afterSwitch
                            || !afterWord && prev == '>' && prevAt > from && b[prevAt - 1] == '='
                            || afterWord && isWordAt(b, wordStart, wordEnd, BEFORE_BLOCK);
                        if (opensBody) {
                            body = i + 1;
                            bodyDepth = depth;
                        } else {
                            literal = true;
                        }
                    }
                    depth++;
                    i++;
                }
                case ')', ']', '}' -> {
                    if (c == '}' && open > 0 && templates[open - 1] == depth) {
                        open--;
                        depth--;
                        i = skipTemplate(b, i + 1, to);
                        template = true;
                        break;
                    }
                    if (--depth < 0) {
                        return null;
                    }
                    closedSwitch = c == ')' && switchHead[depth];
                    if (c == '}' && body >= 0 && depth == bodyDepth) {
                        out = add(out, n++, body, i);
                        body = -1;
                    }
                    i++;
                }
                default -> i++;
            }
            if (i < 0) {
                return null;
            }
            if (template && b[i - 1] == '{') {
                if (open == templates.length) {
                    templates = Arrays.copyOf(templates, open * 2);
                }
                if (depth == switchHead.length) {
                    switchHead = Arrays.copyOf(switchHead, depth * 2);
                }
                switchHead[depth] = false;
                templates[open++] = ++depth;
            }
            prev = template || c == '"' || c == '\'' ? (byte) 'x' : c;
            prevAt = i - 1;
            if (c == '/' && regexAllowed) {
                prev = 'x';
            }
        }
        if (depth != 0 || open != 0) {
            return null;
        }
        return new Frame(Arrays.copyOf(out, 2 * n), literal, strings);
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
