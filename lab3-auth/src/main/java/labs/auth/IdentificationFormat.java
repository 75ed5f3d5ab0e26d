package labs.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The text form of the identification file, UTF-8, one record per line:
 * <pre>
 * # comment lines and blank lines are ignored
 * user &lt;name&gt; pbkdf2-sha256 &lt;iterations&gt; &lt;salt, Base64&gt; &lt;hash, Base64&gt;
 * address &lt;IP address&gt; &lt;name&gt;
 * </pre>
 * Names hold no spaces (see {@link UserNames}), so single spaces separate the fields. An address
 * line must name a user listed above it. Reading is strict: anything unexpected is an error
 * naming the file and line, because a file we cannot understand must never be silently emptied
 * by the next write. Stateless.
 */
final class IdentificationFormat {
    static final String HEADER = "# tcp-labs identification file, format 1. Written by the server; edit only while it is stopped.";
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Za-z:.%_-]+"); // IPv4, IPv6, and an IPv6 scope such as %eth0

    private IdentificationFormat() {
    }

    static List<String> render(IdentificationFile.Snapshot snapshot) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add("# user <name> pbkdf2-sha256 <iterations> <salt> <hash>   |   address <ip> <name last logged in from it>");
        new TreeMap<>(snapshot.users()).values().forEach(user -> lines.add("user " + user.name() + " " + user.password().encode()));
        new TreeMap<>(snapshot.lastNameByAddress()).forEach((address, name) -> lines.add("address " + address + " " + name));
        return lines;
    }

    static IdentificationFile.Snapshot parse(Path path, byte[] bytes) throws IOException {
        Map<String, IdentificationFile.User> users = new LinkedHashMap<>();
        Map<String, String> addresses = new LinkedHashMap<>();
        int start = 0;
        int lineNumber = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNumber++;
            String line = decode(path, lineNumber, bytes, start, end);
            try {
                parseLine(line, users, addresses);
            } catch (IllegalArgumentException e) {
                throw new IOException(path + ":" + lineNumber + ": " + e.getMessage());
            }
            start = end + 1;
        }
        return new IdentificationFile.Snapshot(Map.copyOf(users), Map.copyOf(addresses));
    }

    private static void parseLine(String line, Map<String, IdentificationFile.User> users, Map<String, String> addresses) {
        if (line.isBlank() || line.startsWith("#")) {
            return;
        }
        String[] fields = line.split(" ", -1);
        switch (fields[0]) {
            case "user" -> {
                expect(fields, 6, "user <name> pbkdf2-sha256 <iterations> <salt> <hash>");
                String name = UserNames.validateExisting(fields[1]); // the rules it was registered under: old files stay readable
                if (!name.equals(fields[1])) {
                    throw new IllegalArgumentException("name '" + fields[1] + "' is not in its normal form");
                }
                if (!PasswordHash.ALGORITHM.equals(fields[2])) {
                    throw new IllegalArgumentException("unknown hash algorithm '" + fields[2] + "'");
                }
                PasswordHash hash = new PasswordHash(number(fields[3]), base64(fields[4], "salt"), base64(fields[5], "hash"));
                if (users.putIfAbsent(UserNames.key(name), new IdentificationFile.User(name, hash)) != null) {
                    throw new IllegalArgumentException("user '" + name + "' is listed twice (names are compared ignoring case and width)");
                }
            }
            case "address" -> {
                expect(fields, 3, "address <ip> <name>");
                if (!ADDRESS.matcher(fields[1]).matches()) {
                    throw new IllegalArgumentException("'" + fields[1] + "' is not an IP address");
                }
                IdentificationFile.User user = users.get(UserNames.key(fields[2]));
                if (user == null) {
                    throw new IllegalArgumentException("address " + fields[1] + " names '" + fields[2] + "', who is not listed above");
                }
                if (addresses.put(fields[1], user.name()) != null) {
                    throw new IllegalArgumentException("address " + fields[1] + " is listed twice");
                }
            }
            default -> throw new IllegalArgumentException("a record starts with 'user' or 'address', not '" + fields[0] + "'");
        }
    }

    private static void expect(String[] fields, int count, String form) {
        if (fields.length != count) {
            throw new IllegalArgumentException("expected '" + form + "' (" + count + " fields separated by single spaces), found " + fields.length);
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iteration count '" + text + "' is not a number");
        }
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid Base64");
        }
    }

    private static String decode(Path path, int lineNumber, byte[] bytes, int start, int end) throws IOException {
        if (end > start && bytes[end - 1] == '\r') {
            end--;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(path + ":" + lineNumber + ": not valid UTF-8 text");
        }
    }
}
