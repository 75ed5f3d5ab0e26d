package labs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/** How a chat user sorts what it receives: joins, messages, duplicates and damage. */
class ChatUserTest {

    @Test
    void sortsEveryKindOfLine() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ChatTally tally = new ChatTally(2);
            ChatUser user = new ChatUser(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 2, 1, tally);
            try {
                String warmUp = new ChatMessage(0, 0, System.nanoTime()).text();
                String first = new ChatMessage(0, 1, System.nanoTime()).text();
                String second = new ChatMessage(1, 1, System.nanoTime()).text();

                user.onLine("* u1 joined", 0);
                user.onLine("<announce> 127.0.0.1 is connected as <user5>.", 0);
                user.onLine("* online: u0, u1", 0);
                user.onLine("<u0> " + warmUp, System.nanoTime());  // checked, not measured
                user.onLine("<u0> " + first, System.nanoTime());
                user.onLine("<u1> " + second, System.nanoTime());
                user.onLine("<u0> " + first, System.nanoTime());   // again: a duplicate
                user.onLine(second, System.nanoTime());            // its tag lost: damaged
                user.onLine("<u1> " + second.substring(0, 9), 0);  // cut: damaged
                user.onLine("<u9> " + new ChatMessage(7, 0, 1).text(), 0); // no such sender: damaged

                assertThat(user.joinsSeen()).isEqualTo(2);
                assertThat(tally.delivered.get()).isEqualTo(2);
                assertThat(tally.duplicated.get()).isEqualTo(1);
                assertThat(tally.damaged.get()).isEqualTo(3);
                assertThat(tally.arrived.get()).isEqualTo(7);
                assertThat(user.latency().getTotalCount()).isEqualTo(2);
            } finally {
                user.close();
            }
        }
    }
}
