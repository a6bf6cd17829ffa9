package org.maillage.journey;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.maillage.account.UserId;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;

/** What the journey pages and the API show. */
public final class JourneyViews {

    private JourneyViews() {}

    /** How to reach the porteur. */
    public record Contact(long porteurId, UserId userId, String displayName, String email, String phone) {}

    /** A meeting or an appointment; {@code notes} is the animator's (null where others read it). */
    public record Meeting(long id, Instant at, MeetingFormat format, String place, String notes) {}

    /** A step of the timeline, in words. */
    public record Step(Instant at, String kind, String actorLabel, String text) {}

    /**
     * A referral.
     *
     * @param shared whether the partner may see it: sent, and the porteur's consent to share with its
     *     operator holds
     */
    public record Referral(long id, long projectId, String schemeSlug, String schemeName, String operatorSlug,
            String operatorName, ReferralStatus status, Instant proposedAt, Instant sentAt, Instant answeredAt,
            DeclineReason declineReason, String message, String outcome, int remindersSent, boolean consented,
            boolean shared) {}

    /** What came of a project (status CREATED, MEMBER or ABANDONED). */
    public record Outcome(LocalDate on, String legalForm, String siret, BigDecimal jobs, AbandonReason reason,
            String note) {}

    /** A project's whole journey, as the animators of its pôle read it. */
    public record Journey(long projectId, Contact porteur, String title, String description, String poleSlug,
            String poleName, String regionCode, String communeCode, String communeName, String departementCode,
            ProjectStage stage, ProjectStage stageSelf, Set<ProjectNeed> needs, String sector, boolean collective,
            String legalForm, HeardFrom heardFrom, ProjectStatus status, LocalDate followUpOn, Outcome outcome,
            Instant createdAt, Instant lastActivityAt, Instant erasureRequestedAt, Instant anonymisedAt,
            List<Meeting> meetings, List<Referral> referrals, List<Step> timeline, Set<String> consentedOperators) {

        public boolean anonymised() {
            return anonymisedAt != null;
        }
    }

    /** A line of the animator's inbox. */
    public record InboxRow(long projectId, String porteurName, String title, String communeName, String poleName,
            ProjectStatus status, Instant createdAt, Instant lastStepAt, LocalDate followUpOn, int waitingReferrals,
            boolean overdue, boolean erasureRequested) {}

    /** A page of the inbox with the number of projects in each view. */
    public record InboxPage(List<InboxRow> rows, long total, int page, int size, java.util.Map<String, Long> counts) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** A line of a partner's list of the referrals shared with their organisation. */
    public record PartnerRow(long referralId, String schemeName, String porteurName, String communeName,
            String poleName, ReferralStatus status, Instant sentAt, Instant updatedAt) {}

    /** A page of a partner's referrals with the number in each view (WAITING, ONGOING, CLOSED, ALL). */
    public record PartnerPage(List<PartnerRow> rows, long total, int page, int size, java.util.Map<String, Long> counts) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** A request of a commune no pôle covers, as the coordination sees it (nobody's name). */
    public record UnroutedRequest(long projectId, String communeName, String departementCode, ProjectStage stage,
            Set<ProjectNeed> needs, Instant createdAt) {}

    /**
     * A referral as its partner reads it: the project, how to reach the porteur, and the steps of the
     * journey the porteur shares with them (never the animator's notes).
     */
    public record PartnerReferral(Referral referral, String projectTitle, String description, ProjectStage stage,
            Set<ProjectNeed> needs, String sector, boolean collective, String communeName, String poleName,
            Contact porteur, List<Step> sharedSteps) {}

    /** A project in its porteur's space. */
    public record OwnProject(long id, String title, String description, String communeName, String poleName,
            ProjectStatus status, ProjectStage stage, List<Referral> referrals, List<Meeting> appointments,
            List<Step> timeline) {}

    /** The porteur's consent to share their journey with an operator. */
    public record Consent(String operatorSlug, String operatorName, boolean given, Instant at) {}

    /**
     * The porteur's space.
     *
     * @param anonymisationAt when their data will be anonymised for lack of activity, once they were warned
     */
    public record Space(Contact porteur, String poleName, List<OwnProject> projects, List<Consent> consents,
            Instant erasureRequestedAt, Instant anonymisationAt) {}

    /** A follow-up survey, while it waits for its answer. */
    public record Survey(long id, int months, String projectTitle, boolean answered) {}
}
