package labs.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends each line typed on stdin to an echo server and prints the echo; ends at end of input.
 * <p>Thread safety: one thread (main); nothing is shared.
 */
public final class BareEchoClient {
    public static void main(String[] args) throws IOException {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = Integer.parseInt(args.length > 1 ? args[1] : "5000");
        try (Socket socket = new Socket(host, port);
             BufferedReader keyboard = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), false, StandardCharsets.UTF_8)) {
            String line;
            while ((line = keyboard.readLine()) != null) { // null: end of input (Ctrl+D)
                out.println(line);
                out.flush();                               // the server sees nothing until we flush
                String echo = in.readLine();
                if (echo == null) {
                    System.out.println("the server closed the connection");
                    return;
                }
                System.out.println(echo);
            }
        }
    }
}
