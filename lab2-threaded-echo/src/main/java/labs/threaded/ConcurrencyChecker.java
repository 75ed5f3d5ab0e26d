package labs.threaded;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import labs.common.LineReader;
import labs.common.LineWriter;
import labs.common.Options;
import labs.common.CommandLine;
import labs.common.UsageException;

/**
 * Task 3 of the assignment as a tool: checks that an echo server serves several clients at once.
 *
 * <ol>
 *   <li>Opens N connections, all before any data is sent.</li>
 *   <li>Each connection, in its own thread, sends M lines and waits for each echo (with a timeout).</li>
 *   <li>No connection closes until every one has finished, so each was answered (or not) while all
 *       the others were still connected.</li>
 * </ol>
 * Verdict "served concurrently" (exit 0) when every echo came back exactly; "served one at a
 * time" when some clients were answered and the rest waited in vain, which is what a
 * single-threaded server does; otherwise "failed". Every line it sends is unique, so a reply
 * meant for another client, or a damaged one, is caught.
 *
 * <p>Thread safety: each {@link Probe} is written only by its own thread and read by main only
 * after {@code finished.await()}, which orders those writes before the reads (happens-before).
 */
public final class ConcurrencyChecker {
    /** The outcome for one client. */
    static final class Probe {
        final int number;
        int echoed;
        long millis;
        String result = "not started";

        Probe(int number) {
            this.number = number;
        }

        boolean ok() {
            return "ok".equals(result);
        }
    }

    private final String host;
    private final int port;
    private final int clients;
    private final int lines;
    private final int timeoutMillis;
    private final PrintStream out;

    public ConcurrencyChecker(String host, int port, int clients, int lines, int timeoutMillis, PrintStream out) {
        this.host = host;
        this.port = port;
        this.clients = clients;
        this.lines = lines;
        this.timeoutMillis = timeoutMillis;
        this.out = out;
    }

    public static void main(String[] args) {
        CommandLine.main(args, options(), parsed -> fromOptions(parsed, System.out).run());
    }

    static Options options() {
        return Options.forClient("lab2 concurrency checker")
                .option("--clients", "N", "10", "connections open at once")
                .option("--lines", "M", "5", "lines each connection sends")
                .option("--timeout", "MILLIS", "2000", "how long to wait for each echo");
    }

    static ConcurrencyChecker fromOptions(Options parsed, PrintStream out) throws UsageException {
        return new ConcurrencyChecker(parsed.string("--host"), parsed.port(),
                parsed.integer("--clients", 1, 10_000), parsed.integer("--lines", 1, 1_000_000),
                parsed.integer("--timeout", 1, 600_000), out);
    }

    /** Runs the check, prints the table and the verdict; returns 0 only for "served concurrently". */
    public int run() {
        out.printf("checking %s:%d with %d clients x %d lines, %d ms per echo%n", host, port, clients, lines, timeoutMillis);
        List<Socket> sockets = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        try {
            for (int i = 1; i <= clients; i++) {
                Socket socket = new Socket();
                sockets.add(socket);
                socket.connect(new InetSocketAddress(host, port), timeoutMillis);
                socket.setSoTimeout(timeoutMillis);
                probes.add(new Probe(i));
            }
            out.println("all " + clients + " connections are open");
            CountDownLatch finished = new CountDownLatch(clients);
            for (int i = 0; i < clients; i++) {
                Socket socket = sockets.get(i);
                Probe probe = probes.get(i);
                new Thread(() -> {
                    try {
                        talk(socket, probe);
                    } finally {
                        finished.countDown();
                    }
                }, "checker-" + probe.number).start();
            }
            long boundMillis = (long) timeoutMillis * (lines + 1) + 10_000;
            if (!finished.await(boundMillis, TimeUnit.MILLISECONDS)) {
                out.println("some clients did not finish within " + boundMillis + " ms");
            }
        } catch (IOException e) {
            out.println("cannot connect client " + (sockets.size()) + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            for (Socket socket : sockets) {
                closeQuietly(socket); // only now, after all have finished, does any connection close
            }
        }
        return report(probes);
    }

    private void talk(Socket socket, Probe probe) {
        long start = System.nanoTime();
        try {
            LineWriter writer = new LineWriter(socket.getOutputStream());
            LineReader reader = new LineReader(socket.getInputStream(), 64 * 1024);
            probe.result = "ok";
            for (int j = 1; j <= lines; j++) {
                String sent = "client " + probe.number + " line " + j;
                writer.writeLine(sent);
                String echo = reader.readLine();
                if (!sent.equals(echo)) {
                    probe.result = echo == null ? "connection closed" : "wrong echo: " + echo;
                    break;
                }
                probe.echoed++;
            }
        } catch (SocketTimeoutException e) {
            probe.result = "no echo within " + timeoutMillis + " ms";
        } catch (IOException e) {
            probe.result = "error: " + e.getMessage();
        }
        probe.millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private int report(List<Probe> probes) {
        out.printf("%-8s %-10s %-10s %s%n", "client", "echoed", "time", "result");
        int answered = 0;
        int waited = 0;
        for (Probe probe : probes) {
            out.printf("%-8d %-10s %-10s %s%n", probe.number, probe.echoed + "/" + lines, probe.millis + " ms", probe.result);
            if (probe.ok()) {
                answered++;
            } else if (probe.echoed == 0 && probe.result.startsWith("no echo")) {
                waited++;
            }
        }
        if (answered == probes.size()) {
            out.println("verdict: served concurrently (all " + answered
                    + " clients were answered while all the others were connected)");
            return 0;
        }
        if (answered > 0 && answered + waited == probes.size()) {
            out.println("verdict: served one at a time (" + answered + " of " + probes.size()
                    + " answered; the others got no echo while another client was connected)");
            return 1;
        }
        out.println("verdict: failed (" + answered + " of " + probes.size() + " clients answered correctly)");
        return 1;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing at the end; nothing to report.
        }
    }
}
