package labs.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShutdownHooksTest {

    @Test
    void theRuntimesHooksTakeAndGiveBackAThread() {
        Thread hook = new Thread(() -> { }, "shutdown-hook");
        ShutdownHooks.RUNTIME.add(hook);
        assertThatThrownBy(() -> ShutdownHooks.RUNTIME.add(hook)).as("registered once").isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> ShutdownHooks.RUNTIME.remove(hook)).doesNotThrowAnyException();
    }
}
