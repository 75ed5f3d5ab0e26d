package labs.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import labs.common.testing.TestClient;
import org.junit.jupiter.api.Test;

/**
 * The bare server and client, each in its own JVM, talked to only through sockets and stdin.
 * They use readLine/println, so the contract they keep is line echo (RFC 862 for text lines),
 * not the byte-exact echo that {@code EchoContract} checks of the labs' servers.
 */
class BareEchoTest {
    @Test
    void theServerEchoesEachLineInUtf8() throws IOException {
        try (BareProgram server = BareProgram.startServer(BareEchoServer.class);
             TestClient client = TestClient.connect(server)) {
            client.send("hello, сервер");
            assertThat(client.readLine()).isEqualTo("hello, сервер");
            client.send("second line");
            assertThat(client.readLine()).isEqualTo("second line");
        }
    }

    @Test
    void theServerServesOneClientAtATime() throws IOException {
        try (BareProgram server = BareProgram.startServer(BareEchoServer.class);
             TestClient first = TestClient.connect(server);
             TestClient second = TestClient.connect(server)) {
            first.send("first");
            assertThat(first.readLine()).isEqualTo("first");
            second.send("second");
            assertThat(second.staysSilentFor(Duration.ofMillis(500))).as("no echo while the first is served").isTrue();
            first.close(); // main returns from serve() and calls accept() again
            assertThat(second.readLine()).isEqualTo("second");
        }
    }

    @Test
    void aClientThatLeavesMidLineDoesNotStopTheServer() throws IOException {
        try (BareProgram server = BareProgram.startServer(BareEchoServer.class)) {
            TestClient leaving = TestClient.connect(server);
            leaving.sendRaw("no newline and gone".getBytes(StandardCharsets.UTF_8));
            leaving.abort();
            try (TestClient next = TestClient.connect(server)) {
                next.send("still serving");
                assertThat(next.readLine()).isEqualTo("still serving");
            }
        }
    }

    @Test
    void theClientPrintsTheEchoOfEachLineAndEndsAtEndOfInput() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            try (BareProgram client = BareProgram.start(BareEchoClient.class, "127.0.0.1", Integer.toString(listener.getLocalPort()));
                 Socket accepted = listener.accept()) {
                accepted.setSoTimeout(20_000);
                OutputStream typed = client.stdin();
                typed.write("hello\nпривет\n".getBytes(StandardCharsets.UTF_8));
                typed.close(); // end of input
                Thread echoing = new Thread(() -> BareEchoServer.serve(accepted), "echo");
                echoing.start();
                assertThat(client.nextLine()).isEqualTo("hello");
                assertThat(client.nextLine()).isEqualTo("привет");
                assertThat(client.awaitExit()).isZero();
                echoing.join(20_000);
            }
        }
    }

    @Test
    void theClientSaysSoWhenTheServerCloses() throws Exception {
        try (ServerSocket listener = new ServerSocket(0);
             BareProgram client = BareProgram.start(BareEchoClient.class, "127.0.0.1", Integer.toString(listener.getLocalPort()))) {
            listener.setSoTimeout(20_000);
            listener.accept().close();
            client.stdin().write("anyone?\n".getBytes(StandardCharsets.UTF_8));
            client.stdin().flush();
            assertThat(client.nextLine()).isEqualTo("the server closed the connection");
            assertThat(client.awaitExit()).isZero();
        }
    }
}
