package labs.common;

/** A command line that cannot be obeyed; its message is the one-line error shown to the user. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
