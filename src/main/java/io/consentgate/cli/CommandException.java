package io.consentgate.cli;

/** A command that could not do its work (unreadable policy, port in use): one line, exit code 1. */
final class CommandException extends Exception {
    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message);
    }

    CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
