package org.maillage.journey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.maillage.directory.EssSector;
import org.maillage.directory.StructureFamily;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.offer.Scheme;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the journey (bound to these records, validated, never to rows). */
public final class JourneyForms {

    private JourneyForms() {}

    /** The animator's qualification of a project at the first meeting. */
    public record Qualification(
            @NotBlank(message = "{journey.title.blank}") @Size(max = 120, message = "{journey.title.size}") String title,
            @Size(max = 4000, message = "{journey.description.size}") String description,
            @NotNull(message = "{orientation.stage.choose}") ProjectStage stage,
            Set<ProjectNeed> needs,
            EssSector sector,
            Boolean collective,
            StructureFamily legalForm) {

        public Qualification {
            needs = Scheme.present(needs);
        }

        public boolean isCollective() {
            return Boolean.TRUE.equals(collective);
        }
    }

    /** A meeting held (the first one: primo-accueil) or planned (an appointment). */
    public record MeetingForm(
            @NotNull(message = "{journey.meeting.date.blank}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime time,
            @NotNull(message = "{journey.meeting.format.choose}") MeetingFormat format,
            @Size(max = 200, message = "{journey.meeting.place.size}") String place,
            @Size(max = 4000, message = "{journey.notes.size}") String notes) {}

    /** A note of the animator. */
    public record NoteForm(
            @NotBlank(message = "{journey.note.blank}") @Size(max = 4000, message = "{journey.notes.size}") String text,
            boolean visibleToPorteur) {}

    /**
     * Where the project stands: OPEN, PAUSED (with the date to take news), or an outcome.
     *
     * @param jobs jobs created in full-time equivalents, French decimals ("1,5")
     */
    public record StatusForm(
            @NotNull(message = "{journey.status.choose}") ProjectStatus status,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            StructureFamily legalForm,
            @Pattern(regexp = "^$|^[0-9 ]{14,17}$", message = "{journey.siret.invalid}") String siret,
            @Pattern(regexp = "^$|^\\d{1,4}([.,]\\d{1,2})?$", message = "{journey.jobs.invalid}") String jobs,
            AbandonReason reason,
            @Size(max = 2000, message = "{journey.notes.size}") String note,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate followUpOn) {}

    /** A partner's answer to a referral, then the progress of the support. */
    public record AnswerForm(
            @NotNull(message = "{referral.decision.choose}") ReferralStatus decision,
            DeclineReason reason,
            @Size(max = 2000, message = "{journey.notes.size}") String message) {}

    /** The porteur's answer to a follow-up survey. */
    public record SurveyForm(
            @NotNull(message = "{survey.created.choose}") Boolean activityCreated,
            @Pattern(regexp = "^$|^\\d{1,4}([.,]\\d{1,2})?$", message = "{journey.jobs.invalid}") String jobs,
            @NotNull(message = "{survey.satisfaction.choose}") Integer satisfaction,
            @Size(max = 2000, message = "{journey.notes.size}") String comment) {}
}
