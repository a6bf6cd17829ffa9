package org.maillage.journey;

import java.util.Optional;
import org.maillage.account.CurrentUser;
import org.maillage.journey.JourneyForms.AnswerForm;
import org.maillage.journey.JourneyViews.PartnerPage;
import org.maillage.journey.JourneyViews.PartnerReferral;

/**
 * Referrals as the partners see them: only those to their own operator's schemes that the porteur
 * agreed to share, signed in or from the emailed link (no password). Every read and every refusal is
 * in the audit log.
 */
public interface Referrals {

    /**
     * The shared referrals to the schemes of the partner's organisations: those waiting for an answer
     * first, then the newest, a page at a time.
     */
    PartnerPage forPartner(CurrentUser by, PartnerQuery query);

    /** @param view WAITING (to answer), ONGOING (accepted, in progress), CLOSED, or ALL */
    record PartnerQuery(String view, int page) {}

    /** 403, audited, for anyone but the operator's partners while shared. */
    PartnerReferral read(CurrentUser by, long referralId);

    /** The referral of an emailed link, while the link works (the referral is open and shared). */
    Optional<PartnerReferral> readByLink(String token);

    /** Accept or decline (with a reason), then IN_PROGRESS, COMPLETED or ABANDONED. */
    void answer(CurrentUser by, long referralId, AnswerForm answer);

    /** @throws org.maillage.platform.NotFoundException when the link does not work (any more) */
    void answerByLink(String token, AnswerForm answer);
}
