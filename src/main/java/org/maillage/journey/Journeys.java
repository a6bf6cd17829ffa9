package org.maillage.journey;

import java.util.List;
import org.maillage.account.CurrentUser;
import org.maillage.journey.JourneyForms.MeetingForm;
import org.maillage.journey.JourneyForms.NoteForm;
import org.maillage.journey.JourneyForms.Qualification;
import org.maillage.journey.JourneyForms.StatusForm;
import org.maillage.journey.JourneyViews.InboxPage;
import org.maillage.journey.JourneyViews.Journey;
import org.maillage.journey.JourneyViews.UnroutedRequest;

/**
 * The journeys of the porteurs, as the pôles follow them: intake, inbox, primo-accueil and
 * qualification, referrals, follow-up and outcome, erasure. Every method checks the user's right on
 * the server; every read of a journey and every refusal is written in the audit log.
 */
public interface Journeys {

    /**
     * A request from the public form, sent to the pôle of the commune (or to the regional
     * coordination) and acknowledged by email. A robot's request (honeypot) is answered as usual and
     * kept nowhere; the same form sent twice gives the first request.
     *
     * @param communeCode the commune the form named, resolved by the page
     * @throws org.maillage.platform.RuleViolationException {@code intake.tooMany} when the client
     *     address sent too many requests this hour, {@code porteur.email.staff} for a staff address
     */
    Intake submit(IntakeForm form, String communeCode, String clientAddress);

    /** The animator's inbox: the projects of their pôles. */
    InboxPage inbox(CurrentUser by, InboxQuery query);

    /** @param view ALL, NEW, OVERDUE (follow-up date passed), WAITING (referrals waiting for a partner), ERASURE */
    record InboxQuery(String text, ProjectStatus status, String view, String poleSlug, int page) {}

    /** The journey; 403 (and a DENIED row in the audit log) for anyone but its pôle's animators. */
    Journey read(CurrentUser by, long projectId);

    void qualify(CurrentUser by, long projectId, Qualification qualification);

    void addMeeting(CurrentUser by, long projectId, MeetingForm meeting);

    void addNote(CurrentUser by, long projectId, NoteForm note);

    /** Proposes a referral to a scheme; returns its id. Refused when one is open to that scheme. */
    long propose(CurrentUser by, long projectId, String schemeSlug);

    /**
     * The porteur agreed, during a meeting, to share their journey with the operator of one of this
     * project's referrals; refused when they withdrew that consent themself (only they give it back).
     */
    void recordConsent(CurrentUser by, long projectId, String operatorSlug);

    /**
     * Sends a proposed referral of the project to its partner; refused without the porteur's consent for
     * its operator, or when the operator has nobody to receive it.
     */
    void send(CurrentUser by, long projectId, long referralId);

    /** Emails the partner a new link to a referral they have (the earlier ones expire). */
    void resend(CurrentUser by, long projectId, long referralId);

    /** The animator closes a referral of the project that will not go on. */
    void cancelReferral(CurrentUser by, long projectId, long referralId);

    /** OPEN, PAUSED with a follow-up date, or an outcome. */
    void changeStatus(CurrentUser by, long projectId, StatusForm status);

    /** Erases the porteur's personal data, as they asked: personal fields anonymised, figures kept. */
    void confirmErasure(CurrentUser by, long projectId);

    /** Requests of communes that no pôle covers, for the coordinators of the region. */
    List<UnroutedRequest> unrouted(CurrentUser coordinator);

    /** The coordination hands a request to a pôle of its region. */
    void assign(CurrentUser coordinator, long projectId, String poleSlug);
}
