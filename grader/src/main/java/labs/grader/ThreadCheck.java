package labs.grader;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task 2, "a new thread for each client", checked from outside: with N idle clients connected,
 * count the threads of the server's process and of its children ({@link ThreadCount}). A thread
 * per client gains about N threads; a pool gains its size; a selector or event loop gains none.
 * The result names the design; only "a thread per client" passes this test; the rubric gives
 * an event loop the concurrency points through the other items.
 *
 * <p>Thread safety: one JUnit thread does everything; the sockets are confined to it.
 */
public class ThreadCheck {
    static final int CLIENTS = 16;
    static final Duration CALM = Duration.ofMillis(500);
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(5);
    static final Duration ANSWER_WAIT = Duration.ofSeconds(2);

    @TempDir
    Path work;

    @Test
    void startsAThreadPerClient(TestReporter reporter) throws IOException {
        assumeTrue(ThreadCount.available(),
                "the thread check needs Linux (it counts /proc/PID/task); check task 2 by reading the code");
        Submission submission = Submission.current();
        try (Program server = Program.start(submission.serverCommand(work), Program.freePort(),
                submission.directory(), work.resolve("threads.log")).awaitListening(Submission.STARTUP)) {
            int threadsBefore = ThreadCount.settled(server, CALM, SETTLE_LIMIT);
            int processesBefore = server.tree().size();
            List<Socket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    clients.add(connectAndSend(server.port(), "thread check " + i));
                }
                int newThreads = ThreadCount.settled(server, CALM, SETTLE_LIMIT) - threadsBefore;
                int newProcesses = server.tree().size() - processesBefore;
                int answered = answered(clients);
                Design design = Design.classify(CLIENTS, newThreads, newProcesses, answered);
                String found = design.describe(newThreads);
                reporter.publishEntry("design", found);
                if (design != Design.THREAD_PER_CLIENT) {
                    throw new AssertionError(String.format("with %d idle clients: %d new threads, %d new processes, %d answered",
                            CLIENTS, newThreads, newProcesses, answered));
                }
            } finally {
                for (Socket client : clients) {
                    client.close();
                }
            }
        }
    }

    private static Socket connectAndSend(int port, String line) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(Program.HOST, port), 5_000);
        socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
    }

    /** How many clients got any answer, all within one shared deadline. */
    private static int answered(List<Socket> clients) throws IOException {
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        int answered = 0;
        for (Socket client : clients) {
            int left = (int) Math.max(50, (deadline - System.nanoTime()) / 1_000_000);
            client.setSoTimeout(left);
            InputStream in = client.getInputStream();
            try {
                if (in.read() >= 0) {
                    answered++;
                }
            } catch (SocketTimeoutException | java.net.SocketException noAnswer) {
                // Not served (yet): a server that serves one client at a time.
            }
        }
        return answered;
    }
}
