package labs.bench;

/**
 * Why a target is missed, and what virtual threads change: the explanations the report gives,
 * in English and Russian, each found by measurement during the module's development (how to
 * repeat each is said in the text).
 *
 * <p>Thread safety: stateless (constant text only), so any thread may use it.
 */
final class Causes {
    private Causes() {
    }

    static String of(Target target, boolean ru) {
        String goal = target.goal()[0];
        if (goal.contains("0 missing") || goal.contains("0 damaged or lost")) {
            return ru ? """
                    лаб. 4 отключает пользователя, чья исходящая очередь (1000 сообщений) переполнилась, — это защита от
                    медленного получателя из задачи 4; если генератор не успевает читать, его пользователей отключают, и
                    недошедшие им сообщения считаются потерянными. Смотрите журнал сервера («outbound queue full»)."""
                    : """
                    lab 4 disconnects a user whose outbound queue (1,000 messages) overflows — issue 4's protection against a
                    slow consumer; if the generator falls behind in reading, its users are dropped and the messages they did
                    not get count as missing. Look for "outbound queue full" in the server's log.""";
        }
        if (goal.contains("msg/s")) {
            return ru ? """
                    10 отправителей по 100 сообщений в секунду в комнате на 100 человек — это 99 000 доставок в секунду. В
                    лаб. 4 каждая доставка — это запись в очередь получателя, пробуждение его потока-писателя и системный вызов
                    write: при коротких очередях около 99 000 переключений контекста в секунду на двух ядрах, которые сервер
                    делит с генератором (сравните их столбцы ЦП: вместе около 2,0 — машина занята целиком). Писатель отправляет
                    всё накопившееся одной записью, так что пропускная способность держится, но это происходит, только когда
                    очередь уже выросла, — отсюда задержка. ncat --chat делает ту же работу в одном потоке без очередей и
                    переключений, но за это платит испорченными строками (см. выше) и тем, что один медленный получатель
                    задерживает всех. Каждое сообщение лаб. 4 при этом дошло до каждого — ровно один раз и целым."""
                    : """
                    10 senders at 100 messages a second in a room of 100 is 99,000 deliveries a second. In lab 4 each delivery
                    is an offer into the recipient's queue, a wake-up of its writer thread and a write system call: with short
                    queues that is about 99,000 context switches a second on two cores that the server shares with the
                    generator (compare their CPU columns: together about 2.0 — the machine is fully busy). A writer sends
                    whatever has piled up in one write, so the throughput holds, but only once the queue has grown — hence
                    the latency. ncat --chat does the same work in one thread with no queues and no switches, and pays for it
                    with damaged lines (see above) and with one slow recipient delaying everybody. Every one of lab 4's
                    messages still reached every user, exactly once and intact.""";
        }
        if (goal.contains("10,000")) {
            return ru ? "см. столбец «Отказов» и заметки ниже: обычно это предел открытых файлов (`ulimit -n`) у генератора или сервера."
                    : "see the Failed column and the notes below: usually the open-files limit (`ulimit -n`) of the generator or the server.";
        }
        if (goal.contains("round trips/s")) {
            return ru ? """
                    в лаб. 2 каждый обмен будит поток своего клиента: read() возвращается, поток пишет ответ и снова
                    блокируется — около одного переключения контекста ядром ОС на каждый обмен (столбец «Переключений на
                    обмен»), и ЦП сервера на обмен у неё больше, чем у Netty (столбец «ЦП сервера на обмен»). Цикл событий
                    Netty за одно пробуждение (epoll) обслуживает все готовые соединения, так что при многих соединениях на
                    обмен приходится доля переключения; у виртуальных потоков тоже — их переключения происходят внутри JVM, а
                    не в ядре. С одним клиентом собирать в пачки нечего, и все равны. Генератор на тех же двух ядрах занимает
                    0,7–0,9 ядра, так что серверу остаётся немногим больше одного, и цена обмена решает всё. На общей машине с
                    посторонней нагрузкой планировщик к тому же делит ядра между потоками, а не процессами: у сервера с тысячей
                    потоков другая доля процессора, чем у сервера с тремя."""
                    : """
                    every round trip in lab 2 wakes its client's thread: read() returns, the thread writes the reply and blocks
                    again — about one context switch by the kernel per round trip (the "Switches per round trip" column), and
                    more server CPU per round trip than Netty's (the "Server CPU per round trip" column). Netty's event loop
                    serves every ready connection per wake-up (epoll), so with many connections a round trip costs a fraction
                    of a switch; so do virtual threads, whose switches happen inside the JVM, not in the kernel. With one client
                    there is nothing to batch and all are even. The generator takes 0.7–0.9 of the same two cores, leaving the
                    server little more than one, so the cost per round trip decides. On a shared machine with other load the
                    scheduler also divides the cores among threads, not processes: a server with a thousand threads gets a
                    different share than a server with three.""";
        }
        if (goal.contains("p99")) {
            return ru ? """
                    с сотнями потоков, готовых работать, на двух ядрах порядок решает планировщик ОС: поток, упустивший свою
                    очередь, ждёт несколько квантов времени, и этот хвост виден в p99. Цикл событий обходит готовые соединения по
                    порядку, так что у Netty ожидание ровнее."""
                    : """
                    with hundreds of runnable threads on two cores the operating system's scheduler decides the order: a thread
                    that missed its turn waits several time slices, and that tail is the p99. An event loop walks the ready
                    connections in turn, so Netty's waits are more even.""";
        }
        if (goal.contains("platform")) {
            return ru ? "см. «Куда уходит память платформенного потока» выше." : "see \"Where a platform thread's memory goes\" above.";
        }
        if (goal.contains("virtual")) {
            return ru ? """
                    стек виртуального потока, ждущего в read(), — небольшой объект в куче, но у каждого соединения есть и
                    буфер чтения обработчика эха (живёт, пока клиент подключён), объекты сокета и его потоков ввода-вывода; а
                    куча растёт целыми регионами и держит мусор до следующей сборки, так что RSS растёт ступеньками (сравните
                    столбцы «на соединение» и «на каждое следующее»)."""
                    : """
                    a virtual thread waiting in read() keeps its stack as a small heap object, but each connection also holds
                    the echo handler's read buffer (alive while the client is connected) and the socket's objects and streams;
                    and the heap grows in whole regions and holds garbage until the next collection, so RSS grows in steps
                    (compare the "per connection" and "per added connection" columns).""";
        }
        return ru ? "причина не установлена." : "the cause was not established.";
    }

    /** What the memory of a platform thread's connection is made of, as measured. */
    static String platformMemory(boolean ru) {
        return ru ? """
                    размер стека здесь ни при чём: HotSpot при первых (интерпретируемых) вызовах в новом потоке касается «теневой
                    зоны» стека, StackShadowPages = 20 страниц = 80 КиБ на x86-64, и эти страницы остаются в памяти при любом
                    -Xss. Опыт при разработке модуля (1000 соединений, JDK 17, обработчик тогда читал по 8 КиБ): с
                    `-XX:StackShadowPages=40` память на соединение выросла со 132 до 199 КиБ, с `-XX:StackShadowPages=10` упала до 92 КиБ; по /proc/PID/smaps из каждого стека
                    в 240 КиБ в памяти 89 КиБ, ещё около 22 КиБ — куча (буфер чтения обработчика, сокет, потоки ввода-вывода) и
                    8 КиБ — временный прямой буфер сокета в этом потоке (размером с одно чтение). Потоки, созданные позже,
                    когда код уже скомпилирован JIT, обходятся дешевле (столбец «на каждое следующее»). Уменьшать StackShadowPages нельзя советовать: это
                    запас, который спасает от падения JVM, когда нативный код уходит глубоко в стек. Повторить:
                    `BENCH_SERVER_JAVA_OPTS=-XX:StackShadowPages=40 mvn ... -Dexec.args="hold lab2-platform 1000"`."""
                : """
                    the stack size is not the cause: on a new thread's first (interpreted) calls HotSpot touches the stack's
                    "shadow zone", StackShadowPages = 20 pages = 80 KiB on x86-64, and those pages stay resident whatever -Xss
                    says. An experiment while writing this module (1,000 connections, JDK 17, a handler then reading 8 KiB at
                    a time): with `-XX:StackShadowPages=40` the memory per connection went from 132 to 199 KiB, with `-XX:StackShadowPages=10` down to 92 KiB; by
                    /proc/PID/smaps, 89 KiB of each 240 KiB stack is resident, about 22 KiB more is heap (the handler's read
                    buffer, the socket, its streams) and 8 KiB is the socket's temporary direct buffer in that thread (as large
                    as one read). Threads made later, once the JIT has compiled the path, cost less (the "per added connection" column). Lowering
                    StackShadowPages is not advice: that margin is what keeps the JVM from crashing when native code runs deep.
                    To repeat: `BENCH_SERVER_JAVA_OPTS=-XX:StackShadowPages=40 mvn ... -Dexec.args="hold lab2-platform 1000"`.""";
    }

    static String virtualThreads(boolean ru) {
        return ru ? """
                ## Что меняют виртуальные потоки и чего не меняют

                `--threads virtual` меняет в `ThreadPerClientServer` одну вещь: какая фабрика создаёт поток клиента. Обработчик
                (эхо, вход, чат) — тот же код: он так же вызывает блокирующие read() и write(). Меняется то, что под ним: когда
                виртуальный поток блокируется на сокете, JVM снимает его с несущего потока (их немного, по числу ядер),
                сохраняет его кадры стека объектом в куче и отдаёт сокет внутреннему опросчику (epoll); когда данные пришли,
                поток снова садится на несущий и его read() возвращается. Поэтому число потоков ОС не растёт с числом клиентов,
                память на простаивающего клиента — это объекты, которые ему действительно нужны, а создать поток стоит
                микросекунды.

                Не меняется: код по-прежнему блокируется и нуждается в той же синхронизации — виртуальный поток остаётся
                потоком, гонки, замки и очередь на участника в чате нужны так же. Работы процессора на запрос не становится
                меньше: обмен — это те же read и write плюс передачи между потоками (виртуальный поток, чьё чтение
                заблокировалось бы, паркуется, поток-опросчик видит пришедшие данные и возвращает поток пулу несущих), поэтому
                при одном или немногих клиентах платформенные потоки, которые просто спят в read(), быстрее. Виртуальный поток, заблокированный внутри synchronized (JDK 21–23) или в нативном коде, держит свой
                несущий поток («pinning»; случай synchronized убран в JDK 24, JEP 491). И нужна JDK 21+: лабораторные собраны
                для Java 17, поэтому создают виртуальные потоки через отражение, а на JDK 17 отвечают на `--threads virtual`
                одной строкой ошибки.
                """ : """
                ## What virtual threads change, and what they do not

                `--threads virtual` changes one thing in `ThreadPerClientServer`: which factory makes the client's thread. The
                handler (echo, login, chat) is the same code: it still calls blocking read() and write(). What changes is
                underneath: when a virtual thread blocks on a socket, the JVM unmounts it from its carrier (a few platform
                threads, as many as cores), keeps its stack frames as a heap object, and hands the socket to an internal
                poller (epoll); when data arrives, the thread is mounted on a carrier again and its read() returns. So the
                number of operating-system threads does not grow with the clients, the memory of an idle client is the
                objects it really needs, and starting a thread costs microseconds.

                What does not change: the code still blocks and needs the same synchronization — a virtual thread is still a
                thread; races, locks and the chat's queue per member are needed just the same. The processor's work per
                request is not smaller: a round trip is the same read and write, plus hand-offs — a virtual thread whose read
                would block is parked, the poller thread sees the data arrive and hands the thread back to the carrier pool
                — so with one or a few clients platform threads, which simply sleep in read(), are faster. A virtual thread blocked inside synchronized (JDK 21–23) or in native code holds on to
                its carrier ("pinning"; JDK 24 removed the synchronized case, JEP 491). And it needs JDK 21+: the labs are
                compiled for Java 17, so they create virtual threads by reflection and answer `--threads virtual` on JDK 17
                with a one-line error.
                """;
    }
}
