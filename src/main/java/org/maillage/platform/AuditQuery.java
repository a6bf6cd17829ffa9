package org.maillage.platform;

import java.time.LocalDate;
import java.util.Set;

/**
 * A search in the audit log.
 *
 * @param text words found in the actor's label, the subject or the details, or null
 * @param action one action, or null for all
 * @param subjectUserId rows about this person only, or null
 * @param regions rows of these regions only; null means every row (administrators)
 * @param page from 0
 */
public record AuditQuery(String text, String action, Long subjectUserId, LocalDate from, LocalDate to,
        Set<String> regions, int page, int size) {}
