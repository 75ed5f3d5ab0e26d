package labs.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the report around its numbers, in English or Russian. What depends on the run
 * (dates, load, which targets were missed) is a parameter; the rest explains the method and
 * the results' causes once, here. Immutable.
 */
final class Prose {
    private static final String COMMAND = "mvn -q -pl bench -am compile exec:java -Dlab=bench -Dexec.args=";

    private final boolean ru;

    Prose(boolean ru) {
        this.ru = ru;
    }

    private String t(String en, String russian) {
        return ru ? russian : en;
    }

    String title() {
        return t("# Benchmarks: the labs beside Netty and ncat", "# Замеры: лабораторные рядом с Netty и ncat");
    }

    String generated(String when, long seconds) {
        return t("> Written by the `bench` module on " + when + " (the run took " + seconds + " s). Do not edit by hand: run the "
                        + "command below again. [Русская версия](benchmarks.ru.md).",
                "> Написано модулем `bench` " + when + " (замер шёл " + seconds + " с). Не правьте вручную: запустите команду ниже "
                        + "ещё раз. [English version](benchmarks.md).");
    }

    String sharedMachine(int cores, String before, String after) {
        return t("Measured on a **shared " + cores + "-core machine**: other programs (builds and tests of other modules) may have "
                        + "run at the same time. The load average was " + before + " when the run began and " + after + " when it "
                        + "ended (1, 5 and 15 minutes; the run's own threads count too; above " + cores + " means processes were "
                        + "waiting for a core). Read the numbers "
                        + "as a comparison made in one run on one machine, not as absolute speeds.",
                "Замерено на **общей машине с " + cores + " ядрами**: в то же время могли работать другие программы (сборки и тесты "
                        + "других модулей). Средняя нагрузка (load average) была " + before + " в начале и " + after + " в конце "
                        + "(за 1, 5 и 15 минут; потоки самого замера тоже считаются; больше " + cores + " значит, что процессы ждали "
                        + "свободного ядра). Читайте числа как "
                        + "сравнение, сделанное за один прогон на одной машине, а не как абсолютную скорость.");
    }

    String howToRun() {
        return t("## Run it yourself\n\nFrom the repository root:\n", "## Как повторить\n\nИз корня репозитория:\n")
                + "\n```\n"
                + COMMAND + "\"standard\"" + t("   # this page, about 6 minutes", "   # эта страница, около 6 минут") + "\n"
                + COMMAND + "\"quick\"" + t("      # about 1 minute, into bench/target/quick/", "      # около минуты, в bench/target/quick/") + "\n"
                + COMMAND + "\"echo lab2-platform,netty 1,10,100\"\n"
                + COMMAND + "\"hold lab2-virtual 1000,5000\"\n"
                + COMMAND + "\"chat lab4-chat\"\n"
                + "```\n\n"
                + t("""
                        Servers: `lab1`, `lab2-platform`, `lab2-virtual`, `netty`, `ncat`, `lab4-chat`, `ncat-chat`. The generator and
                        every Java server run on the JDK that runs Maven. Virtual threads need JDK 21 or newer
                        (`JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn ...`); on JDK 17 their rows are skipped with a note. The ncat rows
                        appear only where `ncat` is installed (`apt-get install ncat`); CI machines do not have it, so those rows are
                        optional. JVM options for the servers, for experiments only: `BENCH_SERVER_JAVA_OPTS="-XX:+UseSerialGC" mvn ...`.
                        """, """
                        Серверы: `lab1`, `lab2-platform`, `lab2-virtual`, `netty`, `ncat`, `lab4-chat`, `ncat-chat`. Генератор нагрузки и
                        все серверы на Java работают на той JDK, на которой запущен Maven. Виртуальным потокам нужна JDK 21 или новее
                        (`JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn ...`); на JDK 17 их строки пропускаются с пометкой. Строки ncat
                        появляются, только если `ncat` установлен (`apt-get install ncat`); на машинах CI его нет, эти строки
                        необязательны. Параметры JVM для серверов, только для опытов: `BENCH_SERVER_JAVA_OPTS="-XX:+UseSerialGC" mvn ...`.
                        """);
    }

    String howItMeasures(EchoLoad.Settings echo) {
        String text = t("""
                ## How it measures

                - **Every server in a fresh process**, started anew for every row (`java -cp ... --port 0 --quiet
                  --max-clients 20000`), so nothing of one run (a busy lab 1, a grown heap) leaks into the next. The runner
                  learns the port from the server's `listening on HOST:PORT` line. Only 127.0.0.1 is ever loaded.
                - **The load generator** runs in the Maven JVM: one thread with a selector drives every connection, so it needs
                  no thread per connection. Its CPU is shown beside the server's, in cores (1.00 = one core busy all the time):
                  on two cores they share the machine, and when the two together approach 2.00 the run measures the machine,
                  not the server. ncat --exec's CPU is not measured ("–"): its clients are served by processes of their own
                  that come and go during a run.
                - **echo**: N connections. Each first makes one round trip, so that the server has taken every client on;
                  then each sends a {payload}-byte request, waits for the echo, checks it byte for byte and sends the next (a closed
                  loop): {warmup} s of warm-up, then {measure} s measured. A request unanswered for {timeout} s is a timeout and its client gives up.
                  {rounds}
                  Latency percentiles come from HdrHistogram. A client that times out has sent one request where an answered
                  one sends thousands, so counting its wait once would let the percentiles hide it ("coordinated omission");
                  its wait is counted as the requests it would have sent at the median pace of the others. This matters only
                  for lab 1, and it is what turns lab 1's "p99 0.05 ms" into the truth: most of its clients wait. The last
                  two columns divide the server's CPU time and its threads' context switches (voluntary and involuntary,
                  from `/proc/PID/task/*/status`) in the measured window by its round trips: what one request costs it.
                - **hold**: one server process; idle connections are opened 100 at a time, each sends one byte and waits for
                  its echo (so the server has accepted it and, in lab 2, started its thread). After each step the server's
                  VmRSS and thread count are read from `/proc/PID/status` once they stop moving. Memory per connection =
                  (RSS at N − RSS at 0) / N; "per added connection" is the slope since the previous step.
                - **chat**: N users log in to lab 4 (with cheap password hashing, `--iterations 1000`, and no flood limit,
                  `--flood-rate 0`: this load floods on purpose); once everybody has seen everybody join, K senders send M
                  messages each, at a set rate or as fast as they can. Each message carries its sender, its number, the time
                  it was sent and a check value; every receiver checks every line and counts missing, duplicated and damaged
                  messages and the end-to-end latency.
                """, """
                ## Как измеряется

                - **Каждый сервер в новом процессе**, заново для каждой строки (`java -cp ... --port 0 --quiet
                  --max-clients 20000`), чтобы ничего из одного замера (занятая лаб. 1, разросшаяся куча) не перешло в
                  следующий. Порт берётся из строки сервера `listening on HOST:PORT`. Нагрузка идёт только на 127.0.0.1.
                - **Генератор нагрузки** работает в JVM Maven: один поток с селектором ведёт все соединения, своего потока на
                  соединение ему не нужно. Его процессорное время показано рядом с серверным, в ядрах (1.00 = одно ядро
                  занято всё время): на двух ядрах они делят машину, и когда вместе они приближаются к 2.00, замер меряет
                  машину, а не сервер. ЦП ncat --exec не измеряется («–»): его клиентов обслуживают отдельные процессы,
                  которые появляются и исчезают во время замера.
                - **echo**: N соединений. Каждое сначала делает один обмен, чтобы сервер точно принял всех клиентов; затем
                  каждое шлёт запрос в {payload} байта, ждёт эхо, сверяет его байт в байт и сразу шлёт следующий (замкнутый цикл):
                  {warmup} с разогрева, затем {measure} с замера. Запрос без ответа {timeout} с — это тайм-аут, и клиент сдаётся.
                  {rounds} Процентили
                  задержки считает HdrHistogram. Клиент с тайм-аутом отправил один запрос там, где обслуженный отправляет
                  тысячи, и если посчитать его ожидание один раз, процентили его спрячут («coordinated omission»); поэтому
                  его ожидание считается как те запросы, которые он отправил бы в медианном темпе остальных. Это важно
                  только для лаб. 1: так её «p99 0,05 мс» превращается в правду — большинство её клиентов ждут. Последние
                  два столбца делят процессорное время сервера и переключения контекста его потоков (добровольные и
                  принудительные, из `/proc/PID/task/*/status`) за время замера на число обменов: во что серверу обходится
                  один запрос.
                - **hold**: один процесс сервера; простаивающие соединения открываются по 100 за раз, каждое шлёт один байт
                  и ждёт эхо (значит, сервер его принял, а в лаб. 2 запустил его поток). После каждого шага VmRSS и число
                  потоков сервера читаются из `/proc/PID/status`, когда перестают меняться. Память на соединение =
                  (RSS при N − RSS при 0) / N; «на каждое следующее» — прирост с предыдущего шага.
                - **chat**: N пользователей входят в лаб. 4 (дешёвое хеширование паролей, `--iterations 1000`, и без
                  ограничения флуда, `--flood-rate 0`: эта нагрузка флудит нарочно); когда каждый увидел вход всех, K
                  отправителей шлют по M сообщений, в заданном темпе или так быстро, как могут. В каждом сообщении —
                  отправитель, номер, время отправки и контрольное значение; каждый получатель проверяет каждую строку и
                  считает потерянные, повторные и испорченные сообщения и задержку от отправителя до получателя.
                """);
        return text.replace("{payload}", Integer.toString(echo.payloadBytes()))
                .replace("{warmup}", seconds(echo.warmup())).replace("{measure}", seconds(echo.measure()))
                .replace("{timeout}", seconds(echo.timeout())).replace("{rounds}", rounds(echo.rounds()));
    }

    private String rounds(int rounds) {
        if (rounds <= 1) {
            return t("Every row is one run.", "Каждая строка — один замер.");
        }
        return t("Every server was measured " + rounds + " times at each load, in separate rounds; each row is the round with "
                        + "the most round trips, because on a shared machine other programs only ever slow a run down.",
                "Каждый сервер при каждой нагрузке измерен " + rounds + " раза, в отдельных кругах; в строке — круг с наибольшим "
                        + "числом обменов, потому что на общей машине чужие программы могут замер только замедлить.");
    }

    private String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        String text = s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
        return ru ? text.replace('.', ',') : text;
    }

    /** How far apart the rounds were, so that a reader can tell a real difference from this machine's noise. */
    String roundSpread(double[] spread) {
        if (spread == null) {
            return "";
        }
        String median = String.format(Locale.ROOT, "%.0f %%", 100 * spread[0]);
        String largest = String.format(Locale.ROOT, "%.0f %%", 100 * spread[1]);
        return t("The two rounds of one server at one load differed by " + median + " in round trips/s at the median and by up to "
                        + largest + ": a ratio that is closer to its target than that is within this machine's noise.\n",
                "Два круга одного сервера при одной нагрузке различались по числу обменов в секунду на " + median
                        + " по медиане и до " + largest + ": отношение, которое ближе к цели, чем это, — в пределах шума этой машины.\n");
    }

    String echoHeading() {
        return t("## Echo: latency and round trips vs clients", "## Эхо: задержка и число обменов в зависимости от числа клиентов");
    }

    String latencyAlt() {
        return t("Echo latency p50 and p99 vs clients for lab 1, lab 2 and Netty", "Задержка эха p50 и p99 от числа клиентов: лаб. 1, лаб. 2, Netty");
    }

    String echoReading() {
        return t("""
                How to read it (control question 1: why can a single-threaded server not serve simultaneous clients?). Lab 1's
                round trips per second hardly change with the number of clients, because it always serves exactly one: the
                "Answered" column says how many clients got any reply at all, and its latency says how long the others
                waited — until their timeout. Lab 2 answers every client; its latency grows with the number of clients
                because every round trip needs that client's thread to be woken and to get a core, and with hundreds of
                threads on two cores each waits its turn. Netty's event loops serve every ready connection per wake-up
                and flush many replies with one call, so their cost per request falls as connections grow. With one client
                every server waits for the same thing — generator and server take turns, each waking the other — so the
                one-client rows mostly measure how fast this machine wakes a sleeping thread.
                """, """
                Как читать (контрольный вопрос 1: почему однопоточный сервер не может обслуживать клиентов одновременно?).
                Число обменов в секунду у лаб. 1 почти не зависит от числа клиентов, потому что она всегда обслуживает ровно
                одного: столбец «Получили ответ» показывает, сколько клиентов получили хоть какой-то ответ, а задержка —
                сколько ждали остальные: до своего тайм-аута. Лаб. 2 отвечает всем; её задержка растёт с числом клиентов,
                потому что на каждый обмен поток клиента нужно разбудить и дать ему ядро, а сотням потоков на двух ядрах
                приходится ждать очереди. Циклы событий Netty за одно пробуждение обслуживают все готовые соединения и
                отправляют много ответов одним вызовом, поэтому с ростом числа соединений их цена за запрос падает. С одним
                клиентом все серверы ждут одного и того же — генератор и сервер ходят по очереди, будя друг друга, — так что
                строки с одним клиентом меряют в основном то, как быстро эта машина будит спящий поток.
                """);
    }

    String holdHeading() {
        return t("## Memory per idle connection", "## Память на простаивающее соединение");
    }

    String memoryAlt() {
        return t("Memory per idle connection vs connections: platform threads, virtual threads, Netty",
                "Память на простаивающее соединение: платформенные потоки, виртуальные потоки, Netty");
    }

    String holdReading() {
        return t("""
                How to read it (control question 2: thread or process?). A platform thread is an operating-system thread:
                its stack is reserved in full (256 KiB in lab 2) but only the pages it touches become resident, and the
                Threads column grows by one per client. A virtual thread parked in a blocking read is a heap object; the
                Threads column stays flat (the carriers: about one per core). Netty keeps no thread per connection at all:
                a connection is a channel object and a few buffers from a pool. A process per client (what `ncat --exec`
                does) would cost far more again: a whole address space, page tables and a copy of the program's state.
                """, """
                Как читать (контрольный вопрос 2: поток или процесс?). Платформенный поток — это поток операционной системы:
                его стек резервируется целиком (256 КиБ в лаб. 2), но в памяти оказываются только страницы, которых он
                касался, а столбец «Потоков» растёт на один с каждым клиентом. Виртуальный поток, ждущий в блокирующем
                чтении, — это объект в куче; число потоков не растёт (несущие потоки: примерно по одному на ядро). Netty
                вовсе не держит поток на соединение: соединение — это объект канала и несколько буферов из пула. Процесс на
                клиента (так делает `ncat --exec`) стоил бы ещё намного больше: целое адресное пространство, таблицы
                страниц и копия состояния программы.
                """);
    }

    String platformMemory() {
        String text = Causes.platformMemory(ru);
        return t("**Where a platform thread's memory goes.** ", "**Куда уходит память платформенного потока.** ")
                + Character.toUpperCase(text.charAt(0)) + text.substring(1) + "\n";
    }

    String chatHeading() {
        return t("## Chat: fan-out", "## Чат: рассылка всем");
    }

    String chatReading() {
        return t("""
                Every message goes to every other user: 10 senders in a room of 100 make 990 deliveries per message round.
                Lab 4 puts each message into each recipient's bounded queue under the room's lock (one order for all), and
                each recipient's writer thread drains its queue with one write for many messages; `ncat --chat` relays
                what it reads to every other client from one thread, without a queue per client. "Missing" counts every
                message that did not arrive intact, so a damaged one is counted there too. ncat puts the sender's tag
                (`<user5> `) in front of each read, not of each line: when several lines of one sender arrive together,
                only the first carries the tag and the rest arrive anonymous — damaged, because nobody can tell who sent
                them. The faster the senders, the more lines arrive together.
                """, """
                Каждое сообщение уходит всем остальным: 10 отправителей в комнате на 100 человек — это 990 доставок на круг
                сообщений. Лаб. 4 под замком комнаты кладёт каждое сообщение в ограниченную очередь каждого получателя (один
                порядок для всех), а поток-писатель каждого получателя опустошает свою очередь одной записью на много
                сообщений; `ncat --chat` пересылает прочитанное всем остальным из одного потока, без очереди на клиента.
                «Потеряно» считает каждое сообщение, которое не пришло целым, так что испорченное считается и там. ncat
                ставит метку отправителя (`<user5> `) перед каждым прочитанным куском, а не перед каждой строкой: когда
                несколько строк одного отправителя приходят вместе, метку несёт только первая, остальные приходят без
                подписи — испорчены, потому что никто не может сказать, кто их отправил. Чем быстрее отправители, тем
                больше строк приходит вместе.
                """);
    }

    String targetsHeading() {
        return t("## The issue's targets", "## Цели из задачи");
    }

    String whyMissed(List<Target> targets) {
        StringBuilder md = new StringBuilder(t("### Why a missed target is missed\n\n", "### Почему цель не выполнена\n\n"));
        Map<String, List<String>> goalsByCause = new LinkedHashMap<>();
        for (Target target : targets) {
            if (Boolean.FALSE.equals(target.met())) {
                goalsByCause.computeIfAbsent(Causes.of(target, ru), cause -> new ArrayList<>()).add("**" + target.goal()[ru ? 1 : 0] + "**");
            }
        }
        goalsByCause.forEach((cause, goals) -> md.append("- ").append(String.join("; ", goals)).append(" — ").append(cause).append("\n"));
        if (goalsByCause.isEmpty()) {
            md.append(t("Every measured target was met.\n", "Все измеренные цели выполнены.\n"));
        }
        return md.toString();
    }

    String virtualThreads() {
        return Causes.virtualThreads(ru);
    }

    String notesHeading() {
        return t("## Notes from this run", "## Заметки этого прогона");
    }
}
