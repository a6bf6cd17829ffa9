package org.maillage.account.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedLogins failed logins on one address before it is locked…
 * @param lockDuration …for this long
 * @param maxFailuresPerIp failed logins from one client address within the lock duration before it
 *     is refused too (covers addresses that do not exist, which are never locked)
 * @param invitationValidity how long an invitation link works
 * @param passwordResetValidity how long a password-reset link works
 * @param magicLinkValidity how long a porteur's link works
 * @param maxLinksPerAccountPerHour emailed links (reset, porteur's space) one account may ask for in an
 *     hour; further requests are silently ignored (nobody can flood a mailbox)
 * @param maxLinkRequestsPerIpPerHour link requests one client address may make in an hour, whatever
 *     the addresses asked for; beyond, the client is asked to wait
 * @param bootstrapAdminEmail when no administrator exists, invite this address as one at start-up
 * @param demoAccounts create demonstration accounts (documented passwords): never in production
 */
@ConfigurationProperties("maillage.account")
record AccountProperties(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("30") int maxFailuresPerIp,
        @DefaultValue("7d") Duration invitationValidity,
        @DefaultValue("1h") Duration passwordResetValidity,
        @DefaultValue("30m") Duration magicLinkValidity,
        @DefaultValue("3") int maxLinksPerAccountPerHour,
        @DefaultValue("20") int maxLinkRequestsPerIpPerHour,
        String bootstrapAdminEmail,
        @DefaultValue("false") boolean demoAccounts) {}
