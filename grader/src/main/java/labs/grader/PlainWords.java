package labs.grader;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * A failure as one short line a student can read: an assertion's own words (they were written
 * for people), else the network error in the chain, named for what it means rather than by its
 * Java class.
 *
 * <p>Thread safety: stateless.
 */
final class PlainWords {
    static final int LIMIT = 200;

    private PlainWords() {
    }

    static String of(Throwable failure) {
        Throwable cause = failure;
        for (Throwable link = failure; link != null && !(failure instanceof AssertionError); link = link.getCause()) {
            if (link instanceof SocketException || link instanceof SocketTimeoutException) {
                cause = link; // the network's own error says most
                break;
            }
        }
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String words;
        if (cause instanceof SocketTimeoutException) {
            words = "no answer in time (" + message(cause, "read timed out") + ")";
        } else if (cause instanceof ConnectException) {
            words = "could not connect: " + message(cause, "connection refused");
        } else if (cause instanceof SocketException) {
            words = "the connection broke: " + message(cause, "reset");
        } else if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
            words = "took too long: " + message(cause, "timed out");
        } else {
            words = message(cause, cause.getClass().getSimpleName());
        }
        words = words.replaceAll("\\s+", " ").replaceFirst("^Assumption failed: ", "").strip();
        return words.length() <= LIMIT ? words : words.substring(0, LIMIT - 1) + "…";
    }

    private static String message(Throwable failure, String otherwise) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? otherwise : message;
    }
}
