package labs.chat;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import labs.common.testing.ServerUnderTest;
import labs.common.testing.TestClient;

/** A test user: a {@link TestClient} that logs in through lab 3's prompts and then chats. */
final class ChatUser implements Closeable {
    final String name;
    final TestClient client;
    /** The chat's welcome, from its first line to the one that mentions /help. */
    final List<String> welcome;

    private ChatUser(String name, TestClient client, List<String> welcome) {
        this.name = name;
        this.client = client;
        this.welcome = welcome;
    }

    static ChatUser join(ServerUnderTest server, String name) throws IOException {
        return join(TestClient.connect(server), name);
    }

    /** Logs in as {@code name} (registering it with a password made from it the first time) and joins. */
    static ChatUser join(TestClient client, String name) throws IOException {
        logIn(client, name);
        List<String> welcome = client.readUntil("*");
        while (!welcome.get(welcome.size() - 1).contains("/help")) {
            welcome.addAll(client.readUntil("*"));
        }
        return new ChatUser(name, client, welcome);
    }

    /** Answers the login prompts until the server says logged in (the token line). */
    static void logIn(TestClient client, String name) throws IOException {
        client.readUntil("? name");
        client.send(name);
        String password = "password-" + name.toLowerCase(java.util.Locale.ROOT); // names are case-insensitive
        while (true) {
            String line = client.readLine();
            if (line == null || line.startsWith("!")) {
                throw new IOException("login of " + name + " failed: " + line);
            }
            if (line.startsWith("? ")) {
                client.send(password); // "? password for", "? new password", "? repeat password"
            } else if (line.startsWith("* token ")) {
                return;
            }
        }
    }

    void say(String line) throws IOException {
        client.send(line);
    }

    void sendRaw(String text) throws IOException {
        client.sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    String next() throws IOException {
        return client.readLine();
    }

    /** The next line that starts with {@code prefix}, skipping others (join notices, say). */
    String nextStartingWith(String prefix) throws IOException {
        return client.readLineMatching(line -> line.startsWith(prefix));
    }

    /**
     * Makes sure everything sent to this user before now has been read: asks /who and reads up
     * to its answer. Lines on the way are returned.
     */
    List<String> sync() throws IOException {
        client.send("/who");
        return client.readUntil("* online (");
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
