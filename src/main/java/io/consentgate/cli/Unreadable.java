package io.consentgate.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Why a file a command was given cannot be read, in the words of one stderr line. */
final class Unreadable {

    private Unreadable() {
    }

    /**
     * The reason the file named {@code file} cannot be read, or null when it can be. A name the platform cannot turn
     * into a path (a character the locale's encoding lacks, under {@code LANG=C}) is a reason too, not a crash.
     */
    static String reason(String file) {
        Path p;
        try {
            p = Path.of(file);
        } catch (InvalidPathException e) {
            return "not a file name this system can use (" + e.getReason() + "; run with a UTF-8 locale, such as "
                    + "LANG=C.UTF-8, for names outside ASCII)";
        }
        return reason(p);
    }

    /** The reason {@code p} cannot be read as a file, or null when it can be. */
    static String reason(Path p) {
        if (!Files.exists(p)) {
            return "no such file";
        }
        if (Files.isDirectory(p)) {
            return "is a directory";
        }
        if (!Files.isReadable(p)) {
            return "permission denied";
        }
        return null;
    }

    /** The reason of an exception thrown while reading: its kind for the usual ones, else its message. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
