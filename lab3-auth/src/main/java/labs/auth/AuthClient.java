package labs.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import labs.common.ConsoleClient;
import labs.common.LineWriter;
import labs.common.Options;
import labs.common.ServerLauncher;
import labs.common.UsageException;

/**
 * Lab 3's console client: lab 2's client that also keeps the session token. When the server
 * sends {@code * token T ...} the client saves T (see {@link TokenFile}); next time, at the first
 * {@code ? name} prompt, it answers {@code /token T} by itself, so the user skips the password.
 * A token the server rejects is deleted.
 *
 * <p>Thread safety: {@link #onServerLine} runs in the main thread only, so {@code presented}
 * is confined to it; {@link ConsoleClient} explains the rest.
 */
public class AuthClient extends ConsoleClient {
    private final TokenFile tokenFile;
    private boolean presented;

    public AuthClient(String host, int port, InputStream keyboard, PrintStream out, TokenFile tokenFile) {
        super(host, port, keyboard, out);
        this.tokenFile = tokenFile;
    }

    public static void main(String[] args) {
        Options options = Options.forClient("lab3-auth client")
                .option("--tokens", "DIR", "", "folder of saved session tokens (default ~/.tcp-labs/tokens)")
                .flag("--forget-token", "delete the token saved for this server before connecting");
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
                System.out.println("-- forgot the token saved in " + tokenFile.path());
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
    protected void onServerLine(String line, LineWriter toServer) throws IOException {
        if (line.startsWith("? name") && !presented) {
            presented = true;
            String token = tokenFile.read().orElse(null);
            if (token != null) {
                out.println("-- presenting the session token saved in " + tokenFile.path());
                toServer.writeLine("/token " + token);
            }
        } else if (line.startsWith("! unknown or expired token")) {
            tokenFile.delete();
            out.println("-- the saved token was refused; deleted it");
        } else if (line.startsWith("* token ")) {
            String[] words = line.split(" ");
            if (words.length >= 3) {
                tokenFile.save(words[2]);
                out.println("-- saved the session token in " + tokenFile.path() + " (readable by you only)");
            }
        }
    }

    private static Path tokenFolder(String option) {
        return option.isBlank() ? Path.of(System.getProperty("user.home"), ".tcp-labs", "tokens") : Path.of(option);
    }
}
