package labs.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import labs.common.Connection;
import labs.common.ConnectionHandler;
import labs.common.EventLog;

/**
 * Echoes back every byte a client sends, unchanged, as the TCP Echo Protocol (RFC 862) asks:
 * no framing, no encoding, nothing added. Binary data and text without newlines come back as they went.
 *
 * <p>Thread safety: keeps no state of its own besides the thread-safe log, so one handler serves
 * any number of clients in any number of threads; each call's streams are confined to its thread.
 */
public final class EchoHandler implements ConnectionHandler {
    private final EventLog log;

    public EchoHandler(EventLog log) {
        this.log = log;
    }

    @Override
    public void handle(Connection connection) throws IOException {
        InputStream in = connection.input();
        OutputStream out = connection.output();
        // Every connected client holds one of these (and the JDK keeps a native copy per thread),
        // so its size is memory per client: 4 KiB carries a typed line many times over.
        byte[] buffer = new byte[4096];
        int n;
        // read() blocks until bytes arrive; while it does, this thread can do nothing else.
        while ((n = in.read(buffer)) != -1) {
            log.data(connection.name() + " received " + n + " bytes");
            out.write(buffer, 0, n);
            out.flush();
            log.data(connection.name() + " sent " + n + " bytes");
        }
    }
}
