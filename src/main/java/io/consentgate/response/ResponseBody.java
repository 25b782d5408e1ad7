package io.consentgate.response;

import jakarta.servlet.ServletOutputStream;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The body doors of a {@link ConsentResponse}: the output stream and the writer, which of the two the application
 * took, the charset the writer encodes with, and what becomes of them across {@code reset()}, {@code resetBuffer()}
 * and a forward. As in the container, the stream and the writer exclude each other, the writer's charset is fixed
 * when it is taken (one the JDK does not know fails), and the objects handed out stay usable after {@code reset()}.
 *
 * <p>The bytes themselves go through the {@link GateOutputStream}; the writer encodes into it ({@link BodyWriter}).
 */
final class ResponseBody {

    private final ConsentResponse response;
    private GateOutputStream stream;
    /** The writer handed out, kept across {@code reset()} as the container keeps its own. */
    private PrintWriter writer;
    private BodyWriter bodyWriter;
    /** Whether the application took the writer, or the stream, since the last {@code reset()} or forward. */
    private boolean usingWriter;
    private boolean usingStream;
    private Charset writerCharset;

    ResponseBody(ConsentResponse response) {
        this.response = response;
    }

    /** The body stream, or null when the application has not asked for one (nor the writer). */
    GateOutputStream stream() {
        return stream;
    }

    /** The charset the writer encodes with while the writer is in use; null otherwise. */
    Charset writerCharset() {
        return writerCharset;
    }

    boolean usingWriter() {
        return usingWriter;
    }

    ServletOutputStream outputStream() {
        if (usingWriter) {
            throw new IllegalStateException("getWriter() has already been called for this response");
        }
        usingStream = true;
        return open();
    }

    PrintWriter writer() throws IOException {
        if (usingWriter) {
            return writer;
        }
        if (usingStream) {
            throw new IllegalStateException("getOutputStream() has already been called for this response");
        }
        Charset charset = charsetOf(response.container().getCharacterEncoding());
        writerCharset = charset;
        // Write the charset the writer encodes with into Content-Type, as the container would for its own writer.
        response.container().setCharacterEncoding(charset.name());
        GateOutputStream s = open();
        if (bodyWriter == null) {
            bodyWriter = new BodyWriter(s, charset, response::streamsThrough);
            writer = new PrintWriter(bodyWriter, false);
        } else {
            bodyWriter.charset(charset);
        }
        usingWriter = true;
        return writer;
    }

    private GateOutputStream open() {
        if (stream == null) {
            stream = new GateOutputStream(response);
        }
        return stream;
    }

    /** Whether the application has written content (the buffer size is then fixed). */
    boolean contentWritten() {
        return stream != null && stream.contentWritten() || bodyWriter != null && bodyWriter.holdsBytes();
    }

    long bytesWritten() {
        return stream == null ? 0 : stream.written();
    }

    /**
     * {@code flushBuffer()}: the writer's bytes into the stream, and the stream flushed. The container commits the
     * headers, so the body is decided now even before the application took the stream or the writer: a
     * {@code Content-Length} it set for what it is about to write goes out unless the body is to be rewritten
     * (a download's headers flushed before its bytes). False when the response is committed and has no stream.
     */
    boolean flush() throws IOException {
        if (bodyWriter != null) {
            bodyWriter.drainToStream();
        }
        if (stream == null) {
            if (response.isCommitted()) {
                return false;
            }
            open();
        }
        stream.flush();
        return true;
    }

    /** The end of the text: the writer's last bytes go to the stream, which commits nothing for them. */
    void endWriter() throws IOException {
        if (bodyWriter != null) {
            stream.finishing();
            bodyWriter.end();
        }
    }

    /**
     * {@code reset()}: what the writer and stream held is gone, and either may be taken next; the ones already
     * handed out keep working, as the container's do.
     */
    void reset() {
        clearChoice();
        if (bodyWriter != null) {
            bodyWriter.discard();
        }
        if (stream != null) {
            stream.restart();
        }
    }

    /** What {@code resetBuffer()} drops: the writer's encoded bytes and the body held back, if not committed. */
    void discardHeld() {
        if (bodyWriter != null) {
            bodyWriter.discard();
        }
        if (stream != null) {
            stream.discardHeld();
        }
    }

    /**
     * A forward is about to run: what was written is cleared, and the target may take the writer or the stream,
     * whichever the caller took; its content type says what its bytes are in.
     */
    void forwarding() {
        discardHeld();
        clearChoice();
    }

    /** {@code sendError} and {@code sendRedirect}: the body written so far is not sent. */
    void discard() {
        if (stream != null) {
            stream.discard();
        }
    }

    /** The response went out without a body ({@code 304}): whatever is written from now on is ignored. */
    void replaceWithoutBody() {
        stream = GateOutputStream.withoutBody(response);
        forget();
    }

    /** The container's error page comes next, through this wrapper: it gets a fresh body. */
    void replaceForErrorPage() {
        stream = null;
        forget();
    }

    /** The body stream was replaced: the writer on the old one is not handed out again. */
    private void forget() {
        writer = null;
        bodyWriter = null;
        clearChoice();
    }

    private void clearChoice() {
        usingWriter = false;
        usingStream = false;
        writerCharset = null;
    }

    /** The writer's charset: ISO-8859-1 when none is set; one the JDK does not know fails, as in the container. */
    private static Charset charsetOf(String name) throws UnsupportedEncodingException {
        if (name == null) {
            return StandardCharsets.ISO_8859_1;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedEncodingException(name);
        }
    }
}
