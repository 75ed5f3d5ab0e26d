package labs.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fix for {@link UnsafeRegistry}: the check and the act are one atomic step,
 * {@link ConcurrentHashMap#putIfAbsent}, so of two threads registering one name exactly one
 * gets {@code true}, however they are scheduled.
 *
 * <p>Thread safety argument. Threads: any number of registering threads. {@code owners} is a
 * thread-safe map and every change to it is a single atomic call (putIfAbsent) whose result
 * says whether this caller won, so no decision is taken on a value another thread may change
 * before it is used. The pause runs before that call, where it can delay but not split it.
 * (The other classic fix is one lock around check and act, as {@link IdentificationFile} does,
 * because it must also write the file inside the same step.)
 */
public final class SafeRegistry implements NameRegistry {
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Pause pause;

    public SafeRegistry(Pause pause) {
        this.pause = pause;
    }

    @Override
    public boolean register(String name, String owner) throws InterruptedException {
        pause.between();
        return owners.putIfAbsent(UserNames.key(name), owner) == null; // check and act in one step
    }

    @Override
    public Map<String, String> owners() {
        return Map.copyOf(owners);
    }
}
