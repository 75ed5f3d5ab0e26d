package labs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SendWindowTest {
    private static final long QUIET = TimeUnit.SECONDS.toNanos(10);

    private final ChatTally tally = new ChatTally(2);
    private final SendWindow window = new SendWindow(tally, 2, 4, 3); // 4 messages on their way, 3 recipients each

    @Test
    void aSenderMayBeAWindowAheadOfItsDeliveries() throws Exception {
        for (int n = 0; n < 4; n++) {
            assertThat(window.awaitRoom(0, n, QUIET)).isTrue(); // nothing delivered yet, and no wait
        }
    }

    @Test
    void theNextMessageWaitsUntilTheOldestOneReachedEveryRecipient() throws Exception {
        CompletableFuture<Boolean> fifth = CompletableFuture.supplyAsync(() -> awaitRoom(0, 4));
        tally.deliveredOnce(0);
        tally.deliveredOnce(0);
        window.wakeWaiting();
        assertThat(fifth).as("message 0 reached two of three").isNotDone();

        tally.deliveredOnce(1); // another sender's delivery does not count
        window.wakeWaiting();
        assertThat(fifth).isNotDone();

        tally.deliveredOnce(0);
        window.wakeWaiting();
        assertThat(fifth.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSenderGivesUpWhenNothingOfItsArrivesForTheQuietTime() throws Exception {
        long quiet = TimeUnit.MILLISECONDS.toNanos(50);
        assertThat(window.awaitRoom(0, 4, quiet)).isFalse();
    }

    @Test
    void anInterruptedSenderStops() {
        CompletableFuture<Thread> sender = new CompletableFuture<>();
        CompletableFuture<Boolean> interrupted = CompletableFuture.supplyAsync(() -> {
            sender.complete(Thread.currentThread());
            try {
                window.awaitRoom(0, 4, QUIET);
                return false;
            } catch (InterruptedException e) {
                return true;
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(sender::isDone);
        sender.join().interrupt();
        await().atMost(Duration.ofSeconds(10)).until(interrupted::isDone);
        assertThat(interrupted.join()).isTrue();
    }

    private boolean awaitRoom(int sender, long n) {
        try {
            return window.awaitRoom(sender, n, QUIET);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
