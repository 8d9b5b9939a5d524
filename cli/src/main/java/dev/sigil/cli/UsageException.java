package dev.sigil.cli;

/** The command line itself is wrong: exit status 2, with the command's usage pointed at. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
