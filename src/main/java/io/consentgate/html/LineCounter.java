package io.consentgate.html;

/**
 * Line and column numbers of positions in the stream, for tracker events. The tokenizer counts the newlines of
 * each buffer's bytes as they go out ({@link #count}); a position asked for in the current buffer is counted from
 * there. Positions are given as an index into the current buffer plus that buffer's absolute offset.
 */
final class LineCounter {

    /** Newlines are counted up to this absolute offset. */
    private long lineAbs;
    /** The line at {@link #lineAbs}. */
    private long lines = 1;
    private long lastLineStartAbs;
    /** {@link #lineOf}'s resume point: lines counted up to {@code buf[cursorPos]} in the buffer at cursorBufAbs. */
    private long cursorBufAbs = -1;
    private long cursorLineAbs = -1;
    private int cursorPos;
    private long cursorLines;

    /** Counts the newlines of {@code buf} up to index {@code to}; {@code bufAbs} is the absolute offset of buf[0]. */
    void count(byte[] buf, long bufAbs, int to) {
        int from = (int) Math.max(0, lineAbs - bufAbs);
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                lines++;
                lastLineStartAbs = bufAbs + i + 1;
            }
        }
        lineAbs = Math.max(lineAbs, bufAbs + to);
    }

    /**
     * The 1-based line of {@code buf[p]}. Successive calls in one buffer continue from the last position asked for,
     * so a page with many trackers is still counted in one pass.
     */
    long lineOf(byte[] buf, long bufAbs, int p) {
        int from = (int) Math.max(0, lineAbs - bufAbs);
        if (cursorBufAbs != bufAbs || cursorLineAbs != lineAbs || cursorPos < from || cursorPos > p) {
            cursorBufAbs = bufAbs;
            cursorLineAbs = lineAbs;
            cursorPos = from;
            cursorLines = lines;
        }
        long l = cursorLines;
        for (int i = cursorPos; i < p; i++) {
            if (buf[i] == '\n') {
                l++;
            }
        }
        cursorPos = p;
        cursorLines = l;
        return l;
    }

    /** The 1-based byte column of {@code buf[p]}. */
    long columnOf(byte[] buf, long bufAbs, int p) {
        for (int i = p - 1; i >= Math.max(0, lineAbs - bufAbs); i--) {
            if (buf[i] == '\n') {
                return p - i;
            }
        }
        return bufAbs + p - lastLineStartAbs + 1;
    }
}
