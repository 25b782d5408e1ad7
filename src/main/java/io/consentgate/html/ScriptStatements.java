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
    /** Words after which a brace opens a block of statements ({@link #frame}). */
    private static final String[] BEFORE_BLOCK = {"else", "try", "finally", "do"};
    private static final String[] SWITCH = {"switch"};
    /** Control words whose head in parentheses a body follows ({@link #bracelessBodies}). */
    private static final String[] HEADED = {"if", "for", "while"};
    /** Control words a body follows directly. */
    private static final String[] BEFORE_BODY = {"else", "do"};
    /** Words that start a control statement: a body that is one has a body of its own. */
    private static final String[] CONTROL = {"if", "for", "while", "do", "try", "switch"};

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
        ScriptTokens t = new ScriptTokens(b, from, to);
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
        return t.readWhole() ? pairs(out, n, start, to) : null;
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
        ScriptTokens t = new ScriptTokens(b, from, to);
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
            boolean afterSwitch = closedSwitch;
            closedSwitch = false;
            if (t.word()) {
                continue;
            }
            boolean afterWord = t.prevWord;
            boolean regex = t.regexAllowed();
            boolean template = c == '`';
            strings |= body < 0 && (c == '"' || c == '\'' || template);
            switch (c) {
                case '(', '[', '{' -> {
                    int depth = t.depth;
                    switchHead = room(switchHead, depth);
                    switchHead[depth] = c == '(' && afterWord && ScriptTokens.isWordAt(b, t.wordStart, t.wordEnd, SWITCH);
                    if (c == '{' && body < 0) {
                        if (opensBody(b, from, t, atStart, afterWord, afterSwitch)) {
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
                switchHead = room(switchHead, t.depth);
                switchHead[t.depth] = false;
            }
            if (!t.after(c, template, regex)) {
                return null;
            }
        }
        return t.readWhole() ? new Frame(Arrays.copyOf(out, 2 * n), literal, strings) : null;
    }

    /**
     * Whether the <code>{</code> read now opens a body ({@link #frame}): at the statement's start, after the
     * {@code )} of a head other than a {@code switch}'s, after an arrow's {@code =>}, or after {@code else},
     * {@code try}, {@code finally} or {@code do}; {@code afterWord} and {@code afterSwitch} say what came before it.
     */
    private static boolean opensBody(byte[] b, int from, ScriptTokens t, boolean atStart, boolean afterWord,
                                     boolean afterSwitch) {
        return atStart
            || !afterWord && t.prev == ')' && !afterSwitch
            || !afterWord && t.prev == '>' && t.prevAt > from && b[t.prevAt - 1] == '='
            || afterWord && ScriptTokens.isWordAt(b, t.wordStart, t.wordEnd, BEFORE_BLOCK);
    }

    /** {@code switchHead}, or a copy twice as long when {@code depth} is past its end. */
    private static boolean[] room(boolean[] switchHead, int depth) {
        return depth == switchHead.length ? Arrays.copyOf(switchHead, depth * 2) : switchHead;
    }

    /**
     * The bodies written without braces of the control statements at the top level of statement {@code b[from, to)}:
     * what follows the head of an {@code if}, {@code for} or {@code while}, or {@code else} or {@code do}, when it is
     * no block, no empty statement and no other control statement (whose own body is listed instead), as pairs of its
     * start and the index after the {@code ;} that ends it (or {@code to}). {@code null} when the text cannot be read.
     */
    static int[] bracelessBodies(byte[] b, int from, int to) {
        int[] out = new int[4];
        int n = 0;
        ScriptTokens t = new ScriptTokens(b, from, to);
        boolean head = false; // a control word was read: the '(' next opens its head
        boolean inHead = false; // inside that head
        boolean bodyNext = false; // the next token starts a body
        int body = -1;
        while (t.next()) {
            int i = t.i;
            byte c = b[i];
            if (bodyNext && startsBracelessBody(b, i, to)) {
                body = i;
            }
            bodyNext = false;
            if (t.word()) {
                boolean control = t.depth == 0 && (i == from || b[i - 1] != '.');
                head = control && ScriptTokens.isWordAt(b, i, t.i, HEADED);
                bodyNext = control && ScriptTokens.isWordAt(b, i, t.i, BEFORE_BODY);
                continue;
            }
            boolean regex = t.regexAllowed();
            boolean template = c == '`';
            boolean opensHead = head && c == '(' && t.depth == 0;
            head = false;
            switch (c) {
                case '(', '[', '{' -> {
                    inHead |= opensHead;
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
                    if (inHead && t.depth == 0) {
                        inHead = false;
                        bodyNext = true;
                    }
                }
                case ';' -> {
                    t.i++;
                    if (t.depth == 0 && body >= 0) {
                        out = add(out, n++, body, t.i);
                        body = -1;
                    }
                }
                default -> t.skipLiteral(c, regex);
            }
            if (!t.after(c, template, regex)) {
                return null;
            }
        }
        return t.readWhole() ? pairs(out, n, body, to) : null;
    }

    /** Whether a body starting at {@code b[i]} is one to list: no block, no empty statement, no control statement. */
    private static boolean startsBracelessBody(byte[] b, int i, int to) {
        byte c = b[i];
        return c != '{' && c != ';' && !startsWithWord(b, i, to, CONTROL);
    }

    /** The first {@code n} pairs of {@code out}, and the one still open from {@code open} to {@code to} (if not -1). */
    private static int[] pairs(int[] out, int n, int open, int to) {
        if (open >= 0) {
            out = add(out, n++, open, to);
        }
        return Arrays.copyOf(out, 2 * n);
    }

    private static int[] add(int[] out, int n, int start, int end) {
        if (2 * n + 2 > out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[2 * n] = start;
        out[2 * n + 1] = end;
        return out;
    }





    /** Whether {@code else}, {@code catch} or {@code finally} follows {@code b[i]} after white space and comments. */
    private static boolean continues(byte[] b, int i, int to) {
        while (i < to) {
            byte c = b[i];
            if (c == '/' && i + 1 < to && (b[i + 1] == '/' || b[i + 1] == '*')) {
                i = ScriptTokens.skipComment(b, i, to);
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
        while (e < to && ScriptTokens.isWordByte(b[e])) {
            e++;
        }
        return e > i && ScriptTokens.isWordAt(b, i, e, words);
    }


}
