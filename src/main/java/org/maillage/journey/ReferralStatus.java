package org.maillage.journey;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a referral (prescription) to a scheme: PROPOSED → SENT (with the porteur's consent to
 * share with that partner) → ACCEPTED or DECLINED → IN_PROGRESS → COMPLETED or ABANDONED; a referral
 * nobody answers EXPIRES.
 */
public enum ReferralStatus {
    PROPOSED, SENT, ACCEPTED, DECLINED, IN_PROGRESS, COMPLETED, ABANDONED, EXPIRED;

    /** The statuses a referral in this one may move to. */
    public Set<ReferralStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(SENT, ABANDONED);
            case SENT -> EnumSet.of(ACCEPTED, DECLINED, ABANDONED, EXPIRED);
            case ACCEPTED -> EnumSet.of(IN_PROGRESS, COMPLETED, ABANDONED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, ABANDONED);
            case DECLINED, COMPLETED, ABANDONED, EXPIRED -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public boolean canMoveTo(ReferralStatus status) {
        return next().contains(status);
    }

    public boolean closed() {
        return next().isEmpty();
    }

    /** The partner has it and has not answered yet. */
    public boolean waitingForPartner() {
        return this == SENT;
    }

    /** What a partner may set: an answer, then the progress of the support. */
    public boolean setByPartner() {
        return this == ACCEPTED || this == DECLINED || this == IN_PROGRESS || this == COMPLETED || this == ABANDONED;
    }
}
