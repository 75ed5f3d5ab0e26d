package labs.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import labs.common.ConsoleClient;
import labs.common.LineWriter;
import labs.common.Options;
import labs.common.ServerLauncher;
import labs.common.UsageException;

/**
 * Lab 3's console client: lab 2's client that also keeps session tokens, one per user (see
 * {@link TokenFile}). When the server says {@code * welcome, NAME: you are logged in} and then
 * {@code * token T ...}, the client saves T for NAME. Next time, when the user answers the
 * {@code ? name} prompt with a name that has a token saved (or presses Enter at {@code ? name
 * [NAME]}), the client sends {@code /token T} instead, so the user skips the password. A token
 * the server refuses is deleted.
 *
 * <p>Thread safety: {@link #beforeSending} runs in the keyboard thread, {@link #onServerLine} in
 * the main thread. {@code presentedFor} is volatile: written by the keyboard thread before it
 * sends the token, read by the main thread when the server refuses it (the socket orders the
 * two). {@code loggedInAs} is confined to the main thread. {@link ConsoleClient} explains the rest.
 */
public class AuthClient extends ConsoleClient {
    private static final Pattern LOGGED_IN = Pattern.compile("^\\* welcome, (.+): you are logged in$");
    private static final Pattern DEFAULT_NAME = Pattern.compile("^\\? name \\[(.+)]$");

    private final TokenFile tokenFile;
    private volatile String presentedFor; // the name whose token was sent last
    private String loggedInAs;            // confined to the main thread

    public AuthClient(String host, int port, InputStream keyboard, PrintStream out, TokenFile tokenFile) {
        super(host, port, keyboard, out);
        this.tokenFile = tokenFile;
    }

    public static void main(String[] args) {
        Options options = Options.forClient("lab3-auth client")
                .option("--tokens", "DIR", "", "folder of saved session tokens (default ~/.tcp-labs/tokens)")
                .flag("--forget-token", "delete the tokens saved for this server before connecting");
        try {
            options.parse(args);
            if (options.helpRequested()) {
                System.out.println(options.usage());
                return;
            }
            String host = options.string("--host");
            int port = options.port();
            TokenFile tokenFile = TokenFile.forServer(tokenFolder(options.string("--tokens")), host, port);
            if (options.flag("--forget-token") && tokenFile.delete()) {
                System.out.println("-- forgot the tokens saved in " + tokenFile.path());
            }
            int code = new AuthClient(host, port, System.in, System.out, tokenFile).run();
            if (code != 0) {
                System.exit(code);
            }
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(options.usage());
            System.exit(ServerLauncher.BAD_USAGE);
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    @Override
    protected String beforeSending(String typed, String lastServerLine) throws IOException {
        if (!lastServerLine.startsWith("? name")) {
            return typed;
        }
        Matcher offered = DEFAULT_NAME.matcher(lastServerLine);
        String name = typed.isBlank() && offered.matches() ? offered.group(1) : typed.trim();
        if (name.isEmpty() || name.startsWith("/")) {
            return typed;
        }
        String token = tokenFile.read(name).orElse(null);
        if (token == null) {
            return typed;
        }
        presentedFor = name;
        out.println("-- presenting the session token saved for " + name + " in " + tokenFile.path());
        return "/token " + token;
    }

    @Override
    protected void onServerLine(String line, LineWriter toServer) throws IOException {
        Matcher loggedIn = LOGGED_IN.matcher(line);
        if (loggedIn.matches()) {
            loggedInAs = loggedIn.group(1);
        } else if (line.startsWith("! unknown or expired token") && presentedFor != null) {
            tokenFile.forget(presentedFor);
            out.println("-- the token saved for " + presentedFor + " was refused; deleted it; type the name again");
        } else if (line.startsWith("* token ") && loggedInAs != null) {
            String[] words = line.split(" ");
            if (words.length >= 3) {
                tokenFile.save(loggedInAs, words[2]);
                out.println("-- saved the session token for " + loggedInAs + " in " + tokenFile.path() + " (readable by you only)");
            }
        }
    }

    private static Path tokenFolder(String option) {
        return option.isBlank() ? Path.of(System.getProperty("user.home"), ".tcp-labs", "tokens") : Path.of(option);
    }
}
