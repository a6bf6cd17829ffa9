package org.maillage.platform;

import java.time.Instant;

/** One row of the audit log. */
public record AuditEntry(long id, Instant at, Long actorUserId, String actorLabel, String action, String subjectType,
        String subjectId, Long subjectUserId, String regionCode, String details, String ip, String userAgent) {}
