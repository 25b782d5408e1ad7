package io.consentgate.catalog;

import static io.consentgate.catalog.ScriptText.lineSeparatorEndsAt;

import io.consentgate.catalog.ScriptText.Lines;

/**
 * Whether a catalog match in an inline script stands in code left commented out: on a line that begins with
 * {@code //}, or in a block comment whose {@code /*} begins a line. Where lines start comes from {@link Lines}, which
 * the caller keeps from one hit to the next.
 */
final class ScriptComments {

    /** How far back the opening of a block comment is looked for from a hit. */
    private static final int MAX_BLOCK_COMMENT = 4096;

    /**
     * Whether {@code buf[start]} stands in a comment that code a theme left commented out is written in: on a line
     * that begins, after white space, with {@code //} ({@code // s.src = "https://connect.facebook.net/…"}), or in a
     * block comment whose {@code /*} begins a line, after white space, with no {@code *}{@code /} between it and
     * {@code start} and no backquote either (an old snippet wrapped in {@code /* … *}{@code /}; a {@code /*} that a
     * template literal holds, as a glob, is followed by its closing backquote). Outside a template literal or a string
     * continued with a backslash, which no loader spreads its URL over, JavaScript reads neither as code. Comments
     * that start after code on a line are not told apart, nor a block comment opened more than 4 KiB before: what
     * they hold still counts. {@code blockComments} false says the script has no block comment that opens a line
     * ({@link #opensBlockCommentLine}), so only the line is read. {@code lines} remembers where the lines of
     * {@code buf[off, …)} start, for the hits after this one.
     */
    static boolean onCommentLine(byte[] buf, int off, int start, boolean blockComments, Lines lines) {
        int k = lines.startOf(buf, off, start);
        while (k < start && (buf[k] == ' ' || buf[k] == '\t')) {
            k++;
        }
        if (k + 1 < start && buf[k] == '/' && buf[k + 1] == '/') {
            return true;
        }
        if (!blockComments) {
            return false;
        }
        for (int i = start - 1, limit = Math.max(off, start - MAX_BLOCK_COMMENT); i > limit; i--) {
            if (buf[i] == '/' && buf[i - 1] == '*') {
                return false; // a block comment closed before the hit
            }
            if (buf[i] == '*' && buf[i - 1] == '/') {
                // in a template literal it is text
                return opensLine(buf, off, i - 1, lines) && !hasBackquote(buf, i, start);
            }
        }
        return false;
    }

    /** Whether some line of {@code buf[off, end)} begins, after spaces and tabs, with {@code /*}: one pass. */
    static boolean opensBlockCommentLine(byte[] buf, int off, int end) {
        for (int i = off; i + 1 < end; i++) {
            if (buf[i] != '/' || buf[i + 1] != '*') {
                continue;
            }
            // only the spaces and tabs right before it are read back: linear over all of them
            int k = i - 1;
            while (k >= off && (buf[k] == ' ' || buf[k] == '\t')) {
                k--;
            }
            if (k < off || buf[k] == '\n' || buf[k] == '\r' || lineSeparatorEndsAt(buf, off, k)) {
                return true;
            }
        }
        return false;
    }

    /** Whether only spaces and tabs stand before {@code buf[p]} on its line. */
    private static boolean opensLine(byte[] buf, int off, int p, Lines lines) {
        int j = lines.startOf(buf, off, p);
        while (j < p && (buf[j] == ' ' || buf[j] == '\t')) {
            j++;
        }
        return j == p;
    }

    private static boolean hasBackquote(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '`') {
                return true;
            }
        }
        return false;
    }

    private ScriptComments() {
    }
}
