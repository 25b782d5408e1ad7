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
    /**
     * The resume point of {@link #lineOf} and {@link #columnOf}: lines counted up to {@code buf[cursorPos]} in the
     * buffer at cursorBufAbs, and where the line holding that position starts.
     */
    private long cursorBufAbs = -1;
    private long cursorLineAbs = -1;
    private int cursorPos;
    private long cursorLines;
    private long cursorLineStartAbs;

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
        advance(buf, bufAbs, p);
        return cursorLines;
    }

    /**
     * The 1-based byte column of {@code buf[p]}, continuing from the last position asked for as {@link #lineOf}
     * does: on a page of one long line (minified), looking back for the line start from each tracker would read the
     * buffer again per tracker.
     */
    long columnOf(byte[] buf, long bufAbs, int p) {
        advance(buf, bufAbs, p);
        return bufAbs + p - cursorLineStartAbs + 1;
    }

    /** Moves the cursor to {@code buf[p]}, from the last position asked for when that is in this buffer before it. */
    private void advance(byte[] buf, long bufAbs, int p) {
        int from = (int) Math.max(0, lineAbs - bufAbs);
        if (cursorBufAbs != bufAbs || cursorLineAbs != lineAbs || cursorPos < from || cursorPos > p) {
            cursorBufAbs = bufAbs;
            cursorLineAbs = lineAbs;
            cursorPos = from;
            cursorLines = lines;
            cursorLineStartAbs = lastLineStartAbs;
        }
        long l = cursorLines;
        long lineStart = cursorLineStartAbs;
        for (int i = cursorPos; i < p; i++) {
            if (buf[i] == '\n') {
                l++;
                lineStart = bufAbs + i + 1;
            }
        }
        cursorPos = p;
        cursorLines = l;
        cursorLineStartAbs = lineStart;
    }
}
