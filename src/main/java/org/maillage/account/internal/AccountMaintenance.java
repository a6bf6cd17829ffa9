package org.maillage.account.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets old login failures and long-expired links, once an hour. */
@Component
class AccountMaintenance {

    private final LoginThrottle throttle;
    private final OneTimeTokens tokens;

    AccountMaintenance(LoginThrottle throttle, OneTimeTokens tokens) {
        this.throttle = throttle;
        this.tokens = tokens;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void purge() {
        throttle.purgeOld();
        tokens.purgeOld();
    }
}
