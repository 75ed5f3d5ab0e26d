package labs.common;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What a console client's keyboard thread must know of the server's side of the conversation:
 * the last line the server sent, how many it sent, and whether the connection has ended. With
 * it the keyboard thread knows whether the line it reads next answers a password prompt, so it
 * can read that line hidden.
 *
 * <p>The rule that marks a password prompt ({@code docs/protocol.md}, "Secret prompts"): a
 * {@code "? "} prompt whose text contains the word {@code password}, in any case. The server's
 * lines stay what they were, so {@code nc} users see no difference.
 *
 * <p>Thread safety: written by the client's main thread (which reads the socket) and read by its
 * keyboard thread; every field is guarded by {@code lock}, and waiting is on that lock.
 */
final class ServerLines {
    static final String PROMPT = "? ";
    /** How long the keyboard waits for the server's answer to a prompt's answer before it reads on. */
    static final Duration REPLY_WAIT = Duration.ofSeconds(10);
    /**
     * How long a reply that is not a prompt must stay the last line before the keyboard reads on.
     * Why: lab 3 answers a new name with an explanation and then the prompt ({@code * alice is a
     * new name: …}, {@code ? new password}); a keyboard that read on after the first line would
     * read the password shown.
     */
    static final Duration SETTLE = Duration.ofMillis(500);
    private static final Pattern PASSWORD = Pattern.compile("\\bpassword\\b", Pattern.CASE_INSENSITIVE);

    private final Object lock = new Object();
    private long count;       // guarded by lock
    private String last = ""; // guarded by lock
    private boolean ended;    // guarded by lock
    private long lastArrived; // guarded by lock; System.nanoTime() of the last line

    /** Whether {@code line} is a prompt for a secret, whose answer must not be shown. */
    static boolean asksForSecret(String line) {
        return line.startsWith(PROMPT) && PASSWORD.matcher(line).find();
    }

    void arrived(String line) {
        synchronized (lock) {
            count++;
            last = line;
            lastArrived = System.nanoTime();
            lock.notifyAll();
        }
    }

    void ended() {
        synchronized (lock) {
            ended = true;
            lock.notifyAll();
        }
    }

    long count() {
        synchronized (lock) {
            return count;
        }
    }

    String last() {
        synchronized (lock) {
            return last;
        }
    }

    /**
     * Waits until the server has answered its first {@code seen} lines: with a prompt, or with
     * lines that are not an error ({@code "! "}: an error is followed by the prompt again) and
     * after which nothing came for {@link #SETTLE}; or until the connection ended, or
     * {@code timeout} passed.
     */
    void awaitReplyAfter(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!ended && !(count > seen && last.startsWith(PROMPT))) {
                long wakeAt = deadline;
                if (count > seen && !last.startsWith("! ")) {
                    wakeAt = Math.min(deadline, lastArrived + SETTLE.toNanos()); // a reply: wait only for a prompt right behind it
                }
                long left = wakeAt - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
