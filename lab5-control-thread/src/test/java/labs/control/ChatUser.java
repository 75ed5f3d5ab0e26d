package labs.control;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

import labs.common.testing.TestClient;

/** A user of the chat, driven through a socket with lab 3's login and lab 4's chat lines. */
final class ChatUser implements Closeable {
    static final String PASSWORD = "correct horse";

    final String name;
    final TestClient client;
    /** The session token the login gave. */
    String token;

    private ChatUser(String name, TestClient client) {
        this.name = name;
        this.client = client;
    }

    /** Connects and answers the name prompt; the next line is the server's answer to the name. */
    static ChatUser typeName(OperatedServer server, String name) throws IOException {
        return typeName(server.host(), server.port(), name);
    }

    static ChatUser typeName(String host, int port, String name) throws IOException {
        ChatUser user = new ChatUser(name, TestClient.connect(host, port));
        user.client.readUntil("? name");
        user.client.send(name);
        return user;
    }

    /** A new user: registers {@code name} and joins the chat. */
    static ChatUser register(OperatedServer server, String name) throws IOException {
        return register(server.host(), server.port(), name);
    }

    static ChatUser register(String host, int port, String name) throws IOException {
        ChatUser user = typeName(host, port, name);
        user.answerNewPassword();
        return user;
    }

    /** A known user: logs in with the password and joins the chat. */
    static ChatUser login(OperatedServer server, String name) throws IOException {
        ChatUser user = typeName(server, name);
        user.client.readUntil("? password for");
        user.client.send(PASSWORD);
        user.awaitChat();
        return user;
    }

    /** Answers "? new password" and "? repeat password", then waits for the chat. */
    void answerNewPassword() throws IOException {
        client.readUntil("? new password");
        client.send(PASSWORD);
        repeatPassword();
    }

    void repeatPassword() throws IOException {
        client.readUntil("? repeat password");
        client.send(PASSWORD);
        awaitChat();
    }

    private void awaitChat() throws IOException {
        List<String> lines = client.readUntil("* token ");
        token = lines.get(lines.size() - 1).split(" ")[2];
        client.readUntil("* type to talk");
    }

    void say(String text) throws IOException {
        client.send(text);
    }

    /** Waits for a line that starts with {@code prefix}, skipping others. */
    String awaitLine(String prefix) throws IOException {
        return client.readLineMatching(line -> line.startsWith(prefix));
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
