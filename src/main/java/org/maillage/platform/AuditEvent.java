package org.maillage.platform;

import java.util.Map;

/**
 * Something to write in the audit log: a read of a porteur's file or a change to personal data.
 * Who, when and from where are added by the platform.
 *
 * @param action READ, CREATE, UPDATE, INVITE, GRANT, REVOKE, DEACTIVATE, REACTIVATE, PASSWORD…
 * @param subjectType what was read or changed: PORTEUR_FILE, USER…
 * @param subjectUserId the person whose data it is (a porteur sees who read their file), or null
 * @param regionCode the region the subject belongs to, for coordinators' searches, or null
 * @param details what changed (field names, roles…), never secrets
 */
public record AuditEvent(String action, String subjectType, String subjectId, Long subjectUserId, String regionCode,
        Map<String, Object> details) {

    public AuditEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
