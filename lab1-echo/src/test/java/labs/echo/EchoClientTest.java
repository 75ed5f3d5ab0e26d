package labs.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import labs.common.ConsoleCharset;
import labs.common.ServerConfig;
import labs.common.testing.InProcessServer;
import labs.common.testing.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EchoClientTest {
    private InProcessServer server;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = InProcessServer.start(ServerConfig.anyFreePort(), SingleThreadedEchoServer::new);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private int run(String typed, int timeoutMillis) {
        return new EchoClient("127.0.0.1", server.port(), timeoutMillis,
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8,
                new PrintStream(screen, true, StandardCharsets.UTF_8)).run();
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheEchoOfEachLineUntilExit() {
        assertThat(run("hello\nпривет\nexit\nnever sent\n", 5_000)).isZero();
        assertThat(screen()).contains("-- connected to 127.0.0.1:", "-- sent 5 bytes + newline", "hello",
                "-- sent 12 bytes + newline", "привет", "-- disconnecting").doesNotContain("never sent");
    }

    @Test
    void endOfInputEndsTheClientToo() {
        assertThat(run("only\n", 5_000)).isZero();
        assertThat(screen()).contains("only", "-- disconnecting");
    }

    @Test
    void aBusyServerMeansNoEchoAndASayingSo() throws IOException {
        try (TestClient first = TestClient.connect(server)) {
            first.send("I got here first");
            assertThat(first.readLine()).isEqualTo("I got here first");
            assertThat(run("anyone?\n", 300)).isEqualTo(1);
        }
        assertThat(screen()).contains("-- no echo within 300 ms: is the server busy with another client?");
    }

    @Test
    void noServerMeansAClearError() throws IOException {
        int port = server.port();
        server.close();
        int code = new EchoClient("127.0.0.1", port, 1_000, new ByteArrayInputStream(new byte[0]),
                StandardCharsets.UTF_8, new PrintStream(screen, true, StandardCharsets.UTF_8)).run();
        assertThat(code).isEqualTo(1);
        assertThat(screen()).startsWith("-- connection failed: ");
    }

    @Test
    void optionsAreReadFromTheCommandLine() throws Exception {
        labs.common.Options parsed = EchoClient.options().parse("--port", String.valueOf(server.port()), "--timeout", "5000");
        int code = EchoClient.fromOptions(parsed, new ByteArrayInputStream("via options\n".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, new PrintStream(screen, true, StandardCharsets.UTF_8)).run();
        assertThat(code).isZero();
        assertThat(screen()).contains("via options");
        EchoClient.main(new String[] {"--help"});
        SingleThreadedEchoServer.main(new String[] {"--help"});
    }

    /**
     * A Windows console types and shows cp866 (cp1251 after {@code chcp 1251}). The charset is
     * forced the way JDK 25 reports it ({@code stdin.encoding}, {@code stdout.encoding}). The echo
     * server sends back the bytes it got, so "привет" on the screen means UTF-8 both ways.
     */
    @ParameterizedTest
    @ValueSource(strings = {"IBM866", "windows-1251"})
    void cyrillicTypedInTheConsolesCharsetTravelsAsUtf8AndIsShownInIt(String consoleCharset) {
        Charset console = Charset.forName(consoleCharset);
        String inputBefore = System.setProperty(ConsoleCharset.INPUT_PROPERTY, consoleCharset);
        String outputBefore = System.setProperty(ConsoleCharset.OUTPUT_PROPERTY, consoleCharset);
        Charset keyboardCharset;
        PrintStream consoleScreen;
        try {
            keyboardCharset = ConsoleCharset.forInput();
            consoleScreen = ConsoleCharset.screen(screen);
        } finally {
            restore(ConsoleCharset.INPUT_PROPERTY, inputBefore);
            restore(ConsoleCharset.OUTPUT_PROPERTY, outputBefore);
        }

        int code = new EchoClient("127.0.0.1", server.port(), 5_000,
                new ByteArrayInputStream("привет\n".getBytes(console)), keyboardCharset, consoleScreen).run();

        assertThat(code).isZero();
        assertThat(screen.toString(console)).contains("-- sent 12 bytes + newline", "\nпривет"); // 12 in UTF-8, 6 in cp866
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
