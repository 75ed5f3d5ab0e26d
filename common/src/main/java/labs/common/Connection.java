package labs.common;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * One accepted client: its socket, a number, and a label for the log ({@code client-3 127.0.0.1:50712}).
 *
 * <p>Thread safety: the socket's streams are used by the thread that serves this client
 * (confinement). {@link #close()} may be called by any thread (the server closes every
 * connection when it stops); {@link Socket#close()} is thread-safe and unblocks a read that
 * the serving thread is blocked in. All fields are final.
 */
public final class Connection implements Closeable {
    private final Socket socket;
    private final int id;
    private final String peer;

    public Connection(Socket socket, int id) {
        this.socket = socket;
        this.id = id;
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.peer = remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }

    /** {@code client-N}: unique within one server run. */
    public String name() {
        return "client-" + id;
    }

    /** {@code client-N address:port}, the thread name and log label for this client. */
    public String label() {
        return name() + " " + peer;
    }

    public int id() {
        return id;
    }

    public InetAddress remoteAddress() {
        return socket.getInetAddress();
    }

    public InputStream input() throws IOException {
        return socket.getInputStream();
    }

    public OutputStream output() throws IOException {
        return socket.getOutputStream();
    }

    public Socket socket() {
        return socket;
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    /** Closes the socket; safe to call from any thread, any number of times. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is the last thing done with a socket; there is nobody left to tell.
        }
    }

    @Override
    public String toString() {
        return label();
    }
}
