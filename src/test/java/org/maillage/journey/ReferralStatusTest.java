package org.maillage.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maillage.journey.ReferralStatus.ABANDONED;
import static org.maillage.journey.ReferralStatus.ACCEPTED;
import static org.maillage.journey.ReferralStatus.COMPLETED;
import static org.maillage.journey.ReferralStatus.DECLINED;
import static org.maillage.journey.ReferralStatus.EXPIRED;
import static org.maillage.journey.ReferralStatus.IN_PROGRESS;
import static org.maillage.journey.ReferralStatus.PROPOSED;
import static org.maillage.journey.ReferralStatus.SENT;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The life of a referral: who may move it where. */
class ReferralStatusTest {

    @Test
    void aReferralIsProposedThenSentThenAnsweredThenFollowedToItsEnd() {
        assertThat(PROPOSED.next()).containsExactlyInAnyOrder(SENT, ABANDONED);
        assertThat(SENT.next()).containsExactlyInAnyOrder(ACCEPTED, DECLINED, ABANDONED, EXPIRED);
        assertThat(ACCEPTED.next()).containsExactlyInAnyOrder(IN_PROGRESS, COMPLETED, ABANDONED);
        assertThat(IN_PROGRESS.next()).containsExactlyInAnyOrder(COMPLETED, ABANDONED);
        for (ReferralStatus end : EnumSet.of(DECLINED, COMPLETED, ABANDONED, EXPIRED)) {
            assertThat(end.closed()).as(end.name()).isTrue();
            assertThat(end.next()).as(end.name()).isEmpty();
        }
        assertThat(PROPOSED.canMoveTo(ACCEPTED)).isFalse(); // never answered before it is sent
    }

    @Test
    void aPartnerAnswersWhatWasSentToThemAndOnlyThePoleClosesAnUnansweredReferral() {
        assertThat(SENT.partnerMoves()).containsExactly(ACCEPTED, DECLINED);
        assertThat(ACCEPTED.partnerMoves()).containsExactly(IN_PROGRESS, COMPLETED, ABANDONED);
        assertThat(IN_PROGRESS.partnerMoves()).containsExactly(COMPLETED, ABANDONED);
        assertThat(PROPOSED.partnerMoves()).isEmpty(); // not shared with them yet
        for (ReferralStatus status : ReferralStatus.values()) {
            assertThat(status.next()).as(status.name()).containsAll(status.partnerMoves());
        }
        assertThat(EnumSet.allOf(ReferralStatus.class).stream().filter(ReferralStatus::withPartner))
                .containsExactly(SENT, ACCEPTED, IN_PROGRESS);
    }
}
