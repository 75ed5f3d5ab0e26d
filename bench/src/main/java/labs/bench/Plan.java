package labs.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one invocation measures: which servers, at which loads, and where the report goes.
 *
 * @param echoServers  servers for the echo load
 * @param clients      numbers of echo clients, one run each
 * @param echo         how each echo run is shaped
 * @param holdServers  servers for the hold load
 * @param connections  numbers of idle connections, reached one after the other in one server process
 * @param chatServers  servers for the chat load
 * @param chat         the chat runs, each against a fresh server
 * @param reportDir    where benchmarks.md, benchmarks.ru.md and the images go; null: console only
 * @param imageDir     where the images go, relative to reportDir
 * @param kind         standard (the docs' run, checked for a quiet machine), quick, or one load
 * @param force        call a standard run standard even when the machine was busy before it
 */
record Plan(List<Contender> echoServers, List<Integer> clients, EchoLoad.Settings echo,
            List<Contender> holdServers, List<Integer> connections,
            List<Contender> chatServers, List<ChatLoad.Settings> chat,
            Path reportDir, String imageDir, Kind kind, boolean force) {

    /** Which run this is: only a standard one may be called standard on the page. */
    enum Kind { STANDARD, QUICK, ONE_LOAD }

    /** The chat servers of the standard and the quick run: lab 4 both ways, and ncat where it is installed. */
    private static final List<Contender> CHAT = List.of(Contender.LAB4_PLATFORM, Contender.LAB4_VIRTUAL, Contender.NCAT_CHAT);

    /** 64-byte requests, 2 s of warm-up, 3 s measured, 2 s timeout; the standard run does two rounds. */
    private static final EchoLoad.Settings ECHO =
            new EchoLoad.Settings(64, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(2), 2);
    private static final EchoLoad.Settings ECHO_ONCE =
            new EchoLoad.Settings(64, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(2), 1);

    /** The comparison the docs show; about 9 minutes on a 2-core machine. */
    static Plan standard(Path docs, boolean force) {
        return new Plan(
                List.of(Contender.LAB1, Contender.LAB2_PLATFORM, Contender.LAB2_VIRTUAL, Contender.NETTY, Contender.NCAT),
                List.of(1, 10, 100, 1000),
                ECHO,
                List.of(Contender.LAB2_PLATFORM, Contender.LAB2_VIRTUAL, Contender.NETTY),
                List.of(1000, 5000, 10_000),
                CHAT,
                ChatLoad.Settings.standard(),
                docs, "img", Kind.STANDARD, force);
    }

    /**
     * One load only, printed to the console: {@code echo lab2-platform,netty 1,10}, {@code hold
     * lab2-virtual 1000,5000}, {@code chat lab4-virtual,ncat-chat 100,0} (the chat's numbers are rates
     * per sender: the standard chat runs at those rates, 0 = max). Omitted lists take the standard
     * plan's; echo runs one round. An unknown server or a bad number is an IllegalArgumentException.
     */
    static Plan only(String load, String... args) {
        Plan standard = standard(null, false);
        List<Contender> servers = args.length > 0 ? parseServers(args[0]) : null;
        List<Integer> numbers = args.length > 1 ? parseNumbers(args[1]) : null;
        return new Plan(
                load.equals("echo") ? orElse(servers, standard.echoServers) : List.of(),
                orElse(numbers, standard.clients), ECHO_ONCE,
                load.equals("hold") ? orElse(servers, standard.holdServers) : List.of(),
                orElse(numbers, standard.connections),
                load.equals("chat") ? orElse(servers, standard.chatServers) : List.of(),
                numbers == null ? standard.chat : standard.chat.stream().filter(c -> numbers.contains(c.rate())).toList(),
                null, "img", Kind.ONE_LOAD, false);
    }

    static List<Contender> parseServers(String list) {
        return Arrays.stream(list.split(",")).map(Contender::byKey).toList();
    }

    static List<Integer> parseNumbers(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static <T> List<T> orElse(List<T> given, List<T> otherwise) {
        return given != null ? given : otherwise;
    }

    /** A taste of everything in about a minute, for trying changes; never overwrites the docs. */
    static Plan quick(Path out) {
        return new Plan(
                List.of(Contender.LAB1, Contender.LAB2_PLATFORM, Contender.LAB2_VIRTUAL, Contender.NETTY),
                List.of(1, 10, 100),
                new EchoLoad.Settings(64, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1), 1),
                List.of(Contender.LAB2_PLATFORM, Contender.LAB2_VIRTUAL, Contender.NETTY),
                List.of(100, 1000),
                CHAT,
                ChatLoad.Settings.quick(),
                out, "img", Kind.QUICK, false);
    }
}
