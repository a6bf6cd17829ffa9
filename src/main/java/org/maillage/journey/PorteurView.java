package org.maillage.journey;

import java.time.Instant;
import org.maillage.account.UserId;

/** A porteur's file as the pôle's animators (and the porteur) see it. */
public record PorteurView(long id, UserId userId, String displayName, String email, String phone, String poleSlug,
        String poleName, String regionCode, Instant consentAt, Instant createdAt) {}
