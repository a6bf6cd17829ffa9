package org.maillage.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DirectoryCacheTest {

    private final DirectoryCache cache = new DirectoryCache();
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
}
