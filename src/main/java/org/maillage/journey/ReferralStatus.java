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

    /**
     * What a partner may do from here: answer a referral sent to them (accept, or decline with a reason),
     * then report the support's progress. Closing an unanswered referral without a reason is the pôle's
     * (it cancels it), never the partner's.
     */
    public Set<ReferralStatus> partnerMoves() {
        return switch (this) {
            case SENT -> EnumSet.of(ACCEPTED, DECLINED);
            case ACCEPTED -> EnumSet.of(IN_PROGRESS, COMPLETED, ABANDONED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, ABANDONED);
            default -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    /** Open and shared with the partner: sent, and not closed yet. */
    public boolean withPartner() {
        return this == SENT || this == ACCEPTED || this == IN_PROGRESS;
    }
}
