package org.maillage.observatory;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A declared figure of a pôle for a year, and where its validation stands.
 *
 * @param reviewNote why a coordinator refused it, or empty
 */
public record Declaration(String poleSlug, String poleName, int year, DeclaredIndicator indicator, BigDecimal value,
        String comment, Status status, String enteredBy, Instant enteredAt, String reviewedBy, Instant reviewedAt,
        String reviewNote) {

    /** Submitted by the pôle, validated or refused by the coordination. */
    public enum Status { SUBMITTED, VALIDATED, REFUSED }
}
