package io.consentgate.html;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Re-encodes a byte stream from one charset to another, streaming (a character split across writes is completed by
 * the next write). Malformed input becomes U+FFFD. {@link #finish()} flushes without closing the downstream.
 */
final class Transcoder extends OutputStream {

    private final CharsetDecoder decoder;
    private final CharsetEncoder encoder;
    private final OutputStream down;
    private final ByteBuffer in = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer out = ByteBuffer.allocate(16384);

    Transcoder(Charset from, Charset to, OutputStream down) {
        this.decoder = from.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.encoder = to.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.down = down;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, in.remaining());
            in.put(b, off, n);
            off += n;
            len -= n;
            in.flip();
            decode(false);
            in.compact();
        }
    }

    private void decode(boolean endOfInput) throws IOException {
        while (true) {
            CoderResult r = decoder.decode(in, chars, endOfInput);
            encodeChars(false);
            if (r.isUnderflow()) {
                return;
            }
        }
    }

    private void encodeChars(boolean endOfInput) throws IOException {
        chars.flip();
        while (true) {
            CoderResult r = encoder.encode(chars, out, endOfInput);
            drain();
            if (r.isUnderflow()) {
                break;
            }
        }
        chars.compact();
    }

    private void drain() throws IOException {
        if (out.position() > 0) {
            down.write(out.array(), 0, out.position());
            out.clear();
        }
    }

    @Override
    public void flush() throws IOException {
        down.flush();
    }

    /** Decodes and encodes everything left; the downstream is neither flushed nor closed. */
    void finish() throws IOException {
        in.flip();
        decode(true);
        decoder.flush(chars);
        encodeChars(true);
        while (encoder.flush(out).isOverflow()) {
            drain();
        }
        drain();
    }
}
