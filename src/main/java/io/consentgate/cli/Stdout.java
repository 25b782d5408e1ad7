package io.consentgate.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * A command's standard output: the bytes {@code rewrite} sends, the lines {@code scan} lists, the help texts.
 * {@link System#out} is a {@link java.io.PrintStream}, which swallows a failed write ({@code > /dev/full}, a full
 * disk), so a command would exit 0 with its output lost; here every failed write or flush throws a {@link Failed},
 * which {@link Main} reports as one line and exit code 1. Not thread-safe.
 */
final class Stdout extends OutputStream {

    private final OutputStream out;
    private final Charset charset;

    /** Writes to {@code out}, lines encoded in {@code charset}. */
    Stdout(OutputStream out, Charset charset) {
        this.out = out;
        this.charset = charset;
    }

    /** The process's standard output, buffered, lines in the charset {@link System#out} would use. */
    static Stdout system() {
        return new Stdout(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024),
                consoleCharset());
    }

    /** As {@link System#out} picks it: {@code stdout.encoding} (Java 18+), {@code sun.stdout.encoding}, the default. */
    private static Charset consoleCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            try {
                if (name != null && Charset.isSupported(name)) {
                    return Charset.forName(name);
                }
            } catch (IllegalArgumentException e) {
                // An illegal charset name: System.out falls back to the default too.
            }
        }
        return Charset.defaultCharset();
    }

    /** The charset lines are encoded in. */
    Charset charset() {
        return charset;
    }

    /** Writes {@code line} and a line feed. */
    void println(String line) throws Failed {
        byte[] b = (line + "\n").getBytes(charset);
        write(b, 0, b.length);
    }

    @Override
    public void write(int b) throws Failed {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new Failed(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws Failed {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new Failed(e);
        }
    }

    @Override
    public void flush() throws Failed {
        try {
            out.flush();
        } catch (IOException e) {
            throw new Failed(e);
        }
    }

    /** A write to standard output that failed, told apart from a failed read by the commands that do both. */
    static final class Failed extends IOException {
        private static final long serialVersionUID = 1L;

        Failed(IOException cause) {
            super("cannot write standard output: "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        }
    }
}
