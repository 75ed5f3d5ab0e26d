package labs.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BROKEN ON PURPOSE (a teaching example; no server uses it): registration as "check, then act".
 * <pre>
 *   if (!exists(name))   // thread A: free     thread B: free
 *       add(name)        // thread A: mine!    thread B: mine! (A's registration is overwritten)
 * </pre>
 * Both threads are told they got the name; one of them will later find another's password
 * on "their" account. The map is a thread-safe {@link ConcurrentHashMap}, and that does not
 * help: each call is atomic, but the pair of calls is not.
 *
 * <p>Outcomes of two threads registering one free name:
 * <table>
 *   <tr><th>A</th><th>B</th><th>verdict</th></tr>
 *   <tr><td>true</td><td>false</td><td>acceptable (A checked and added before B checked)</td></tr>
 *   <tr><td>false</td><td>true</td><td>acceptable (the same, B first)</td></tr>
 *   <tr><td>true</td><td>true</td><td>FORBIDDEN, and it happens: both checked before either added</td></tr>
 * </table>
 * Thread safety: none, see above. The fix is {@link SafeRegistry}.
 */
public final class UnsafeRegistry implements NameRegistry {
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Pause pause;

    /** @param pause runs between the check and the act; tests use it to force the bad interleaving */
    public UnsafeRegistry(Pause pause) {
        this.pause = pause;
    }

    @Override
    public boolean register(String name, String owner) throws InterruptedException {
        String key = UserNames.key(name);
        if (owners.containsKey(key)) { // check...
            return false;
        }
        pause.between();               // ...another thread may check here too...
        owners.put(key, owner);        // ...and act: both "win"
        return true;
    }

    @Override
    public Map<String, String> owners() {
        return Map.copyOf(owners);
    }
}
