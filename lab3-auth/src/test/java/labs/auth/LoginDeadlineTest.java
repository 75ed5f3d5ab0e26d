package labs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deadline covers the whole login, not each read: data waiting to be read does not extend it. */
class LoginDeadlineTest {
    private ServerSocket listener;
    private Socket client;
    private Socket served;

    @BeforeEach
    void connect() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        served = listener.accept();
        client.getOutputStream().write("abc".getBytes());
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        served.close();
        listener.close();
    }

    @Test
    void aPassedDeadlineFailsEvenAReadThatHasData() throws IOException {
        LoginDeadline deadline = new LoginDeadline(served, served.getInputStream(), Duration.ZERO);

        assertThatThrownBy(deadline::read).isInstanceOf(SocketTimeoutException.class).hasMessage("login time limit reached");
        assertThatThrownBy(() -> deadline.read(new byte[8], 0, 8)).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void eachReadWaitsOnlyForTheTimeLeftAndLiftingRemovesTheLimit() throws IOException {
        LoginDeadline deadline = new LoginDeadline(served, served.getInputStream(), Duration.ofSeconds(30));

        assertThat(deadline.read()).isEqualTo('a');
        assertThat(served.getSoTimeout()).isBetween(1, 30_000);

        deadline.lift();

        assertThat(served.getSoTimeout()).isZero();
        byte[] rest = new byte[2];
        assertThat(deadline.read(rest, 0, 2)).isEqualTo(2);
        assertThat(served.getSoTimeout()).isZero();
    }
}
