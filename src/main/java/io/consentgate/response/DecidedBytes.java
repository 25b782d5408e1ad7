package io.consentgate.response;

import jakarta.servlet.ServletOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Where a body's decided bytes (the rewriter's output, or bytes passed through behind held ones) go on their way to
 * the container's stream; the rewriter's sink.
 *
 * <p>With blocking I/O they are gathered into blocks of the response's buffer size (at most {@link #MAX_BLOCK}) and
 * each full block is one container write; the rest goes out on {@link #drain()} (a flush, the end of the body). The
 * rewriter emits a page as many pieces (the bytes between the elements it removes: over a thousand for a listing with
 * a pixel in every card), and a container turns a run of separate writes into more socket writes than the same bytes
 * in one. Holding less than a buffer's worth is what the container does with them anyway.
 *
 * <p>With non-blocking I/O they are collected and drained once per application write, when the container is ready
 * (one write per {@code isReady()}). The array drained then belongs to the container until it is ready again: Jetty
 * sends from it, without a copy, after its {@code write} has returned. So it is never written into again; the next
 * bytes go into a new one (the body may end, and its last bytes come, while that write is still under way).
 */
final class DecidedBytes extends OutputStream {

    /** Upper bound on a block, whatever buffer size the application asked for. */
    static final int MAX_BLOCK = 1 << 16;

    private static final byte[] EMPTY = new byte[0];

    private ServletOutputStream target;
    private boolean nonBlocking;
    private byte[] buf = EMPTY;
    private int count;
    private int block;
    private long written;

    /** The body is decided: bytes go to {@code target}, the container's stream, in blocks of {@code bufferSize}. */
    void target(ServletOutputStream target, int bufferSize) {
        this.target = target;
        this.block = Math.min(MAX_BLOCK, Math.max(1, bufferSize));
    }

    /** The application chose non-blocking I/O: collect, and write only on {@link #drain()}. */
    void nonBlocking() {
        nonBlocking = true;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (nonBlocking || target == null) {
            collect(b, off, len);
        } else {
            gather(b, off, len);
        }
    }

    /** Bytes passed through unchanged: straight to the container unless bytes are held, which go first. */
    void passThrough(byte[] b, int off, int len) throws IOException {
        if (nonBlocking || count > 0) {
            write(b, off, len);
        } else {
            target.write(b, off, len);
            written += len;
        }
    }

    private void collect(byte[] b, int off, int len) {
        if (count + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(count + len, Math.max(256, buf.length * 2)));
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** Whole blocks to the container (without a copy when nothing is held), the rest held. */
    private void gather(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (count == 0 && len >= block) {
                int whole = len - len % block;
                target.write(b, off, whole);
                written += whole;
                off += whole;
                len -= whole;
                continue;
            }
            if (buf.length < block) {
                buf = Arrays.copyOf(buf, block);
            }
            int n = Math.min(len, block - count);
            System.arraycopy(b, off, buf, count, n);
            count += n;
            off += n;
            len -= n;
            if (count == block) {
                drain();
            }
        }
    }

    /** Everything held as one container write. */
    void drain() throws IOException {
        if (count > 0) {
            target.write(buf, 0, count);
            written += count;
            count = 0;
            if (nonBlocking) {
                buf = EMPTY; // the container's now, see the class comment
            }
        }
    }

    /** Whether bytes are held. */
    boolean holding() {
        return count > 0;
    }

    /** What is held is not to be sent (an error, a redirect, a reset). */
    void clear() {
        count = 0;
    }

    /** Bytes handed to the container so far. */
    long written() {
        return written;
    }
}
