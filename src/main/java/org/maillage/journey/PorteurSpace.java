package org.maillage.journey;

import java.util.Map;
import java.util.Optional;
import org.maillage.account.CurrentUser;
import org.maillage.journey.JourneyForms.SurveyForm;
import org.maillage.journey.JourneyViews.Space;
import org.maillage.journey.JourneyViews.Survey;

/** What a porteur does in their own space (opened by a magic link), and the follow-up surveys. */
public interface PorteurSpace {

    /** Their projects, timelines, referrals, appointments and consents; empty for anyone else. */
    Optional<Space> space(CurrentUser porteur);

    /** Gives or withdraws the consent to share their journey with an operator. */
    void setConsent(CurrentUser porteur, String operatorSlug, boolean given);

    /** All their data, as a document (written out as JSON or PDF); audited as an export. */
    Map<String, Object> export(CurrentUser porteur);

    /** Keeps their journey after a retention warning: it counts as activity (the anonymisation is put off). */
    void keep(CurrentUser porteur);

    /** Asks for erasure; the pôle's animators confirm it. */
    void requestErasure(CurrentUser porteur);

    /** The survey of an emailed link, while it waits for its answer. */
    Optional<Survey> survey(String token);

    /** @throws org.maillage.platform.NotFoundException when the link does not work (any more) */
    void answerSurvey(String token, SurveyForm answer);
}
