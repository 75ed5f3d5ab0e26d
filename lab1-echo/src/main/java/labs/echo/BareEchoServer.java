package labs.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Echoes every line a client sends, one client at a time: the whole server, with no framework.
 * Lab 2's {@code BareThreadedEchoServer} is this file with one line changed.
 * <p>Thread safety: one thread (main) accepts and serves; nothing is shared.
 */
public final class BareEchoServer {
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "5000"); // 0 = any free port
        try (ServerSocket listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("listening on port " + listener.getLocalPort());
            while (true) {
                Socket client = listener.accept(); // waits until a client connects
                serve(client);                     // the next accept() waits until this client leaves
            }
        }
    }

    static void serve(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), false, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) { // null: the client closed its side
                out.println(line);
                out.flush();                         // send now, not when a buffer fills
            }
        } catch (IOException e) {
            System.out.println("client " + client.getRemoteSocketAddress() + ": " + e.getMessage());
        }
    }
}
