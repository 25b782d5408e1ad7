package io.consentgate.response;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * The writer beneath the {@link ConsentResponse}'s {@code PrintWriter}: encodes characters into the body stream.
 *
 * <p>A {@code java.io.OutputStreamWriter} would do, but it keeps encoded bytes in a buffer of its own that nothing
 * can empty: a {@code resetBuffer()} would leave them to reappear in the next page. This writer's bytes and its
 * encoder's state can be {@linkplain #discard() discarded}, as the container discards its own writer's with the
 * response buffer; and it survives {@code reset()}, as the container's writer does, taking the charset the response
 * has when it is next handed out. Characters the charset cannot encode become its replacement, as in the container.
 */
final class BodyWriter extends Writer {

    private static final int CHARS = 1024;

    private final OutputStream out;
    /** Whether every write goes on to the stream at once (a forward is in progress: see {@link ConsentDispatcher}). */
    private final java.util.function.BooleanSupplier passThrough;
    private final byte[] bytes = new byte[8192];
    private final ByteBuffer encoded = ByteBuffer.wrap(bytes);
    private final char[] chars = new char[CHARS];
    private CharsetEncoder encoder;
    /** A high surrogate at the end of the last write, waiting for its low half. */
    private char pendingHigh;
    private boolean hasPendingHigh;

    BodyWriter(OutputStream out, Charset charset, java.util.function.BooleanSupplier passThrough) {
        this.out = out;
        this.encoder = encoderFor(charset);
        this.passThrough = passThrough;
    }

    /**
     * The charset from now on: after {@code reset()} the response may be handed out with another. Text written in
     * the old one goes to the stream first.
     */
    void charset(Charset charset) throws IOException {
        if (!encoder.charset().equals(charset)) {
            end();
            encoder = encoderFor(charset);
        }
    }

    private static CharsetEncoder encoderFor(Charset charset) {
        return charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    /** Whether encoded bytes or a surrogate half wait here, not yet in the stream. */
    boolean holdsBytes() {
        return encoded.position() > 0 || hasPendingHigh;
    }

    /** Drops the bytes and characters not yet handed to the stream, and starts the encoding afresh. */
    void discard() {
        encoded.clear();
        hasPendingHigh = false;
        encoder.reset();
    }

    @Override
    public void write(int c) throws IOException {
        chars[0] = (char) c;
        write(chars, 0, 1);
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
        if (len <= 0) {
            return;
        }
        if (hasPendingHigh) {
            // Read in front of this text (alone, a high surrogate is malformed; before another one, it stays so).
            hasPendingHigh = false;
            char[] joined = new char[len + 1];
            joined[0] = pendingHigh;
            System.arraycopy(c, off, joined, 1, len);
            encode(CharBuffer.wrap(joined), false);
        } else {
            encode(CharBuffer.wrap(c, off, len), false);
        }
        if (passThrough.getAsBoolean()) {
            drain(); // a container may close the response as soon as the forward returns, before the filter ends it
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        // Through an array: the JDK's encoders take their fast path only for array-backed buffers.
        while (len > 0) {
            int n = Math.min(len, chars.length);
            s.getChars(off, off + n, chars, 0);
            write(chars, 0, n);
            off += n;
            len -= n;
        }
    }

    private void encode(CharBuffer in, boolean endOfInput) throws IOException {
        while (true) {
            CoderResult r = encoder.encode(in, encoded, endOfInput);
            if (r.isOverflow()) {
                drain();
            } else if (r.isUnderflow()) {
                break;
            } else {
                r.throwException(); // not reached: malformed and unmappable input are replaced
            }
        }
        if (in.hasRemaining()) {
            // Only a high surrogate at the end stays unread: keep it for the next write.
            pendingHigh = in.get();
            hasPendingHigh = true;
        }
    }

    private void drain() throws IOException {
        if (encoded.position() > 0) {
            int n = encoded.position();
            encoded.clear();
            out.write(bytes, 0, n);
        }
    }

    /** Hands every encoded byte to the stream, without flushing the stream. */
    void drainToStream() throws IOException {
        drain();
    }

    /**
     * Ends the text: a high surrogate still waiting is malformed and becomes the replacement; a stateful charset
     * (ISO-2022-JP) returns to its initial state. Then hands every byte to the stream.
     */
    void end() throws IOException {
        if (hasPendingHigh) {
            hasPendingHigh = false;
            encode(CharBuffer.wrap(new char[] {pendingHigh}), true);
        } else {
            encode(CharBuffer.allocate(0), true);
        }
        while (encoder.flush(encoded).isOverflow()) {
            drain();
        }
        drain();
        encoder.reset();
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        end();
        out.close();
    }
}
