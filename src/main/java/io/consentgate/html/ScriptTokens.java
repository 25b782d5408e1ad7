package io.consentgate.html;

import java.util.Arrays;

/**
 * The token reading of JavaScript text that {@link ScriptStatements#split} and {@link ScriptStatements#frame}
 * share: white space and comments skipped, words read whole, string, template and regular expression literals
 * skipped (a template's substitutions are code, counted as brackets), brackets counted, and the last significant byte
 * kept, which tells a regular expression from a division (as lexers of the language do: by what precedes the
 * {@code /}). Reading stops for good ({@link #i} -1) at a literal or comment that does not end.
 */
final class ScriptTokens {

    /** Words after which a {@code /} starts a regular expression, not a division. */
    private static final String[] BEFORE_REGEX = {"return", "typeof", "instanceof", "in", "of", "new", "delete", "void",
        "throw", "case", "do", "else", "yield", "await"};

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

    ScriptTokens(byte[] b, int from, int to) {
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

    /** Whether the template reading just done stopped at a <code>${</code> that opens a substitution. */
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

    /** The index after the comment at {@code i}, or -1 when a block comment does not end. */
    static int skipComment(byte[] b, int i, int to) {
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

    static boolean isWordAt(byte[] b, int from, int to, String[] words) {
        for (String w : words) {
            if (w.length() == to - from && ByteScan.startsWith(b, from, to, w)) {
                return true;
            }
        }
        return false;
    }

    static boolean isWordByte(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$'
            || c < 0; // a non-ASCII byte: part of an identifier or of a literal the lexer is already inside
    }
}
