package labs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The report's tables as Markdown, in English or Russian (the numbers are the same; the headers
 * are not). Stateless.
 */
final class Tables {
    private Tables() {
    }

    static String echo(List<EchoResult> results, boolean ru) {
        List<String> rows = new ArrayList<>();
        rows.add(ru
                ? "| Сервер | Клиенты | Обменов/с | p50, мс | p99, мс | p99.9, мс | Получили ответ | Тайм-ауты | Ошибки | ЦП сервера | ЦП генератора | ЦП сервера на обмен, мкс | Переключений на обмен |"
                : "| Server | Clients | Round trips/s | p50 ms | p99 ms | p99.9 ms | Answered | Timeouts | Errors | Server CPU | Generator CPU | Server CPU per round trip, µs | Switches per round trip |");
        rows.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (EchoResult r : byServer(results)) {
            LatencySummary l = r.latency();
            rows.add(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %s | %s | %s | %d / %d | %d | %d | %s | %s | %s | %s |",
                    r.server(), r.clients(), r.roundTripsPerSecond(), Report.ms(l.p50Us()), Report.ms(l.p99Us()),
                    Report.ms(l.p999Us()), r.answered(), r.clients(), r.timeouts(), r.damaged(), cores(r.serverCpu()),
                    cores(r.generatorCpu()), oneDecimal(r.serverMicrosPerRoundTrip()), cores(r.switchesPerRoundTrip())));
        }
        return String.join("\n", rows) + "\n";
    }

    /** Cores busy (or another small ratio) with two decimals, or "–" when not measured. */
    static String cores(double cores) {
        return Double.isNaN(cores) ? "–" : String.format(Locale.ROOT, "%.2f", cores);
    }

    static String oneDecimal(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The rows of each server together, servers in the order they first ran, loads in the order run. */
    static List<EchoResult> byServer(List<EchoResult> results) {
        Map<String, List<EchoResult>> groups = new LinkedHashMap<>();
        for (EchoResult r : results) {
            groups.computeIfAbsent(r.server(), server -> new ArrayList<>()).add(r);
        }
        List<EchoResult> rows = new ArrayList<>();
        groups.values().forEach(rows::addAll);
        return rows;
    }

    static String hold(List<HoldResult> results, boolean ru) {
        List<String> rows = new ArrayList<>();
        rows.add(ru
                ? "| Сервер | Соединений | Удержано | Отказов | RSS, МиБ | Потоков | КиБ на соединение | КиБ на каждое следующее |"
                : "| Server | Connections | Held | Failed | RSS MiB | Threads | KiB per connection | KiB per added connection |");
        rows.add("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (HoldResult r : results) {
            rows.add(String.format(Locale.ROOT, "| %s | 0 | 0 | 0 | %.1f | %d | | |", r.server(), r.baseline().rssKb() / 1024.0, r.baseline().threads()));
            HoldResult.Point previous = r.baseline();
            for (HoldResult.Point p : r.points()) {
                double added = p.held() == previous.held() ? Double.NaN
                        : (double) (p.rssKb() - previous.rssKb()) / (p.held() - previous.held());
                rows.add(String.format(Locale.ROOT, "| %s | %,d | %,d | %d | %.1f | %,d | %.1f | %.1f |", r.server(), p.asked(),
                        p.held(), p.failures(), p.rssKb() / 1024.0, p.threads(), r.kbPerConnection(p), added));
                previous = p;
            }
        }
        return String.join("\n", rows) + "\n";
    }

    static String chat(List<ChatResult> results, boolean ru) {
        List<String> rows = new ArrayList<>();
        rows.add(ru
                ? "| Сервер | Пользователи | Отправители × сообщения | Темп на отправителя | Доставлено / ожидалось | Потеряно | Повторов | Испорчено | Отключено | Доставок/с | p50, мс | p99, мс | ЦП сервера | ЦП генератора | ЦП сервера на доставку, мкс | Переключений на доставку |"
                : "| Server | Users | Senders × messages | Rate per sender | Delivered / expected | Missing | Duplicated | Damaged | Dropped | Deliveries/s | p50 ms | p99 ms | Server CPU | Generator CPU | Server CPU per delivery, µs | Switches per delivery |");
        rows.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (ChatResult r : results) {
            String rate = r.ratePerSender() == 0 ? (ru ? "максимум" : "max") : r.ratePerSender() + (ru ? "/с" : "/s");
            rows.add(String.format(Locale.ROOT, "| %s | %,d | %d × %,d | %s | %,d / %,d | %,d | %,d | %,d | %,d | %,.0f | %s | %s | %s | %s | %s | %s |",
                    r.server(), r.users(), r.senders(), r.messagesEach(), rate, r.delivered(), r.expected(), r.missing(),
                    r.duplicated(), r.damaged(), r.droppedUsers(), r.deliveriesPerSecond(), Report.ms(r.latency().p50Us()),
                    Report.ms(r.latency().p99Us()), cores(r.serverCpu()), cores(r.generatorCpu()),
                    oneDecimal(r.serverMicrosPerDelivery()), cores(r.switchesPerDelivery())));
        }
        return String.join("\n", rows) + "\n";
    }

    static String targets(List<Target> targets, boolean ru) {
        List<String> rows = new ArrayList<>();
        rows.add(ru ? "| Цель | Измерено | Итог |" : "| Target | Measured | Verdict |");
        rows.add("|---|---|---|");
        for (Target t : targets) {
            String verdict = t.met() == null ? (ru ? "не измерено" : "not measured")
                    : t.met() ? (ru ? "**выполнена**" : "**met**")
                    : (ru ? "**не выполнена**: " : "**missed**: ") + t.by();
            rows.add("| " + t.goal()[ru ? 1 : 0] + " | " + (ru ? russian(t.measured()) : t.measured()) + " | "
                    + (ru ? russian(verdict) : verdict) + " |");
        }
        return String.join("\n", rows) + "\n";
    }

    /** The few English words of the measured values and shortfalls, in Russian. */
    static String russian(String text) {
        String[][] words = {
                {"not measured", "не измерено"}, {"ncat not run; 20 ms assumed", "ncat не запускался; взято 20 мс"},
                {" short", " не хватает"}, {" over", " сверх"}, {" of deliveries", " доставок"},
                {" missing", " потеряно"}, {" duplicated", " повторов"}, {" damaged", " испорчено"},
                {" deliveries/s", " доставок/с"}, {" held", " удержано"}, {" failed", " отказов"},
                {"KiB", "КиБ"}, {" ms", " мс"}, {" µs", " мкс"}, {" vs ", " против "}, {"runs: ", "замеров: "}};
        String result = text;
        for (String[] pair : words) {
            result = result.replace(pair[0], pair[1]);
        }
        return result;
    }
}
