package org.maillage.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeptAnswersTest {

    private final KeptAnswers cache = new KeptAnswers();
    private final AtomicInteger computed = new AtomicInteger();
    /** Other requests, on other threads; a held computation goes on once this is counted down. */
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    /** A request computing {@code key} on another thread, held (once it has started) until {@link #release}. */
    private Future<String> heldComputation(KeptAnswers answers, String key, Supplier<String> value) throws InterruptedException {
        CountDownLatch computing = new CountDownLatch(1);
        Future<String> answer = pool.submit(() -> answers.get(key, Duration.ofMinutes(1), () -> {
            computing.countDown();
            await(release);
            return value.get();
        }));
        computing.await();
        return answer;
    }

    private String search(String key, Duration ttl) {
        return cache.get(key, ttl, () -> key + " #" + computed.incrementAndGet());
    }

    @Test
    void keepsAnAnswerForItsTimeAndByItsKey() {
        assertThat(search("ressourcerie", Duration.ofMinutes(1))).isEqualTo("ressourcerie #1");
        assertThat(search("ressourcerie", Duration.ofMinutes(1))).isEqualTo("ressourcerie #1");
        assertThat(search("theatre", Duration.ofMinutes(1))).isEqualTo("theatre #2");
    }

    @Test
    void zeroComputesEveryTimeAndAnExpiredEntryIsComputedAgain() {
        assertThat(search("ressourcerie", Duration.ZERO)).isEqualTo("ressourcerie #1");
        assertThat(search("ressourcerie", Duration.ZERO)).isEqualTo("ressourcerie #2");
        assertThat(search("theatre", Duration.ofNanos(1))).isEqualTo("theatre #3");
        assertThat(search("theatre", Duration.ofNanos(1))).isEqualTo("theatre #4");
    }

    @Test
    void aChangeOnThisNodeDropsEverything() {
        search("ressourcerie", Duration.ofMinutes(1));
        cache.clearAfterCommit(); // outside a transaction: at once
        assertThat(search("ressourcerie", Duration.ofMinutes(1))).isEqualTo("ressourcerie #2");
    }

    @Test
    void anAnswerComputedWhileAChangeWasCommittedIsNotKept() {
        assertThat(cache.get("ressourcerie", Duration.ofMinutes(1), () -> {
            cache.clearAfterCommit(); // another request's change, committed meanwhile
            return "stale";
        })).isEqualTo("stale");
        assertThat(search("ressourcerie", Duration.ofMinutes(1))).isEqualTo("ressourcerie #1");
    }

    @Test
    void requestsThatWantAnAnswerBeingComputedWaitForItInsteadOfComputingItToo() throws Exception {
        Future<String> first = heldComputation(cache, "ressourcerie", () -> "ressourcerie #" + computed.incrementAndGet());
        List<Future<String>> others = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            others.add(pool.submit(() -> search("ressourcerie", Duration.ofMinutes(1))));
        }
        release.countDown();
        assertThat(first.get()).isEqualTo("ressourcerie #1");
        for (Future<String> other : others) {
            assertThat(other.get()).isEqualTo("ressourcerie #1");
        }
        assertThat(computed).hasValue(1);
    }

    @Test
    void whileAnExpiredAnswerIsComputedAgainTheOthersGetTheOneItReplaces() throws Exception {
        assertThat(search("ressourcerie", Duration.ofNanos(1))).isEqualTo("ressourcerie #1"); // its time is up at once
        Future<String> again = heldComputation(cache, "ressourcerie", () -> "ressourcerie #" + computed.incrementAndGet());
        assertThat(search("ressourcerie", Duration.ofMinutes(1))).as("not waiting").isEqualTo("ressourcerie #1");
        release.countDown();
        assertThat(again.get()).isEqualTo("ressourcerie #2");
        assertThat(search("ressourcerie", Duration.ofMinutes(1))).isEqualTo("ressourcerie #2");
        assertThat(computed).hasValue(2);
        cache.forget(); // after a change, nothing older is given: the next one waits for the new answer
        assertThat(search("ressourcerie", Duration.ofMinutes(1))).isEqualTo("ressourcerie #3");
    }

    @Test
    void anAnswerWhoseTimeWasUpLongerAgoIsNotGivenWhileComputedAgain() throws Exception {
        KeptAnswers strict = new KeptAnswers(10, Duration.ofNanos(1)); // "a moment" shorter than any call
        assertThat(strict.get("theatre", Duration.ofNanos(1), () -> "theatre #1")).isEqualTo("theatre #1");
        Future<String> again = heldComputation(strict, "theatre", () -> "theatre #2");
        Future<String> other = pool.submit(() -> strict.get("theatre", Duration.ofMinutes(1), () -> "theatre #3"));
        release.countDown();
        assertThat(other.get()).as("waited for the new answer, not given the old one").isEqualTo("theatre #2");
        assertThat(again.get()).isEqualTo("theatre #2");
    }

    @Test
    void aFailureIsNotKept() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.get("theatre", Duration.ofMinutes(1), () -> {
            throw new IllegalStateException("base injoignable");
        })).hasMessage("base injoignable");
        assertThat(search("theatre", Duration.ofMinutes(1))).isEqualTo("theatre #1");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
