package labs.common;

/**
 * Where a server listens and how many clients it serves at once; immutable.
 *
 * @param host       address to bind, e.g. 127.0.0.1
 * @param port       port to bind; 0 lets the system choose a free one
 * @param maxClients clients served at once; one more is told so and closed
 */
public record ServerConfig(String host, int port, int maxClients) {
    public static final int DEFAULT_MAX_CLIENTS = 100;

    public ServerConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be positive");
        }
    }

    /** Loopback, any free port: what tests use. */
    public static ServerConfig anyFreePort() {
        return new ServerConfig("127.0.0.1", 0, DEFAULT_MAX_CLIENTS);
    }

    /** The host, port and max-clients read from {@link Options#forServer}. */
    public static ServerConfig from(Options options) throws UsageException {
        return new ServerConfig(options.string("--host"), options.port(),
                options.integer("--max-clients", 1, 1_000_000));
    }

    public ServerConfig withMaxClients(int max) {
        return new ServerConfig(host, port, max);
    }
}
