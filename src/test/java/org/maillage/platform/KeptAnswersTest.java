package org.maillage.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeptAnswersTest {

    private final KeptAnswers cache = new KeptAnswers();
    private final AtomicInteger computed = new AtomicInteger();

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
        java.util.concurrent.CountDownLatch computing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.Future<String> first = pool.submit(() -> cache.get("ressourcerie", Duration.ofMinutes(1), () -> {
                computing.countDown();
                await(release);
                return "ressourcerie #" + computed.incrementAndGet();
            }));
            computing.await();
            List<java.util.concurrent.Future<String>> others = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(pool.submit(() -> search("ressourcerie", Duration.ofMinutes(1))));
            }
            release.countDown();
            assertThat(first.get()).isEqualTo("ressourcerie #1");
            for (java.util.concurrent.Future<String> other : others) {
                assertThat(other.get()).isEqualTo("ressourcerie #1");
            }
            assertThat(computed).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whileAnExpiredAnswerIsComputedAgainTheOthersGetTheOneItReplaces() throws Exception {
        assertThat(search("ressourcerie", Duration.ofNanos(1))).isEqualTo("ressourcerie #1"); // its time is up at once
        java.util.concurrent.CountDownLatch computing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<String> again = pool.submit(() -> cache.get("ressourcerie", Duration.ofMinutes(1), () -> {
                computing.countDown();
                await(release);
                return "ressourcerie #" + computed.incrementAndGet();
            }));
            computing.await();
            assertThat(search("ressourcerie", Duration.ofMinutes(1))).as("not waiting").isEqualTo("ressourcerie #1");
            release.countDown();
            assertThat(again.get()).isEqualTo("ressourcerie #2");
            assertThat(search("ressourcerie", Duration.ofMinutes(1))).isEqualTo("ressourcerie #2");
            assertThat(computed).hasValue(2);
        } finally {
            pool.shutdownNow();
        }
        cache.forget(); // after a change, nothing older is given: the next one waits for the new answer
        assertThat(search("ressourcerie", Duration.ofMinutes(1))).isEqualTo("ressourcerie #3");
    }

    @Test
    void anAnswerWhoseTimeWasUpLongerAgoIsNotGivenWhileComputedAgain() throws Exception {
        KeptAnswers strict = new KeptAnswers(10, Duration.ofNanos(1)); // "a moment" shorter than any call
        assertThat(strict.get("theatre", Duration.ofNanos(1), () -> "theatre #1")).isEqualTo("theatre #1");
        java.util.concurrent.CountDownLatch computing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<String> again = pool.submit(() -> strict.get("theatre", Duration.ofMinutes(1), () -> {
                computing.countDown();
                await(release);
                return "theatre #2";
            }));
            computing.await();
            java.util.concurrent.CompletableFuture<String> other = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> strict.get("theatre", Duration.ofMinutes(1), () -> "theatre #3"));
            release.countDown();
            assertThat(other.get()).as("waited for the new answer, not given the old one").isEqualTo("theatre #2");
            assertThat(again.get()).isEqualTo("theatre #2");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureIsNotKept() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.get("theatre", Duration.ofMinutes(1), () -> {
            throw new IllegalStateException("base injoignable");
        })).hasMessage("base injoignable");
        assertThat(search("theatre", Duration.ofMinutes(1))).isEqualTo("theatre #1");
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
