package org.maillage.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.maillage.account.CurrentUser;

/**
 * Pooling (mutualisation) between structures: a shared job with its hours split between them, shared
 * premises or equipment, with their participants. The pôle's animators and the region's coordinators
 * keep them; the network of the region reads them.
 */
public interface Poolings {

    /** The poolings of the user's regions (their pôles' first), newest first. */
    List<PoolingView> list(CurrentUser user, String poleSlug);

    /**
     * @throws org.springframework.security.access.AccessDeniedException outside the network of its region
     */
    PoolingView find(CurrentUser user, long id);

    /**
     * Records a pooling of a pôle; its id.
     *
     * @throws org.maillage.platform.RuleViolationException with the French reason (hours, dates, commune)
     */
    long create(CurrentUser user, NewPooling pooling);

    void update(CurrentUser user, long id, NewPooling pooling);

    /**
     * Adds a structure to a pooling, or changes its share. A shared job's hours, all structures together,
     * stay within the job's weekly hours.
     *
     * @throws org.maillage.platform.RuleViolationException when the hours go beyond the job's, or are missing
     */
    void putParticipant(CurrentUser user, long id, String structureSlug, BigDecimal weeklyHours, String share);

    void removeParticipant(CurrentUser user, long id, String structureSlug);

    /** @param weeklyHours a shared job's working time each week; null for premises and equipment */
    record NewPooling(String poleSlug, PoolingKind kind, String title, String description, String communeCode,
            BigDecimal weeklyHours, LocalDate startedOn, LocalDate endedOn) {}

    /** @param manageable whether the viewer may change it */
    record PoolingView(long id, PoolingKind kind, String title, String description, String poleSlug, String regionCode,
            String communeCode, String communeName, BigDecimal weeklyHours, LocalDate startedOn, LocalDate endedOn,
            List<Participant> participants, boolean manageable) {

        /** The hours given to the structures, all together. */
        public BigDecimal hoursSplit() {
            return participants.stream().map(Participant::weeklyHours).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** "30,5 h réparties sur 35 h": the hours split and the job's, as French people write them; empty for no job. */
        public String[] hoursText() {
            return weeklyHours == null ? new String[0] : new String[] {hours(hoursSplit()), hours(weeklyHours)};
        }
    }

    record Participant(String structureSlug, String structureName, BigDecimal weeklyHours, String share) {

        /** The structure's hours as French people write them ("10,5"); empty when none. */
        public String hoursText() {
            return weeklyHours == null ? "" : hours(weeklyHours);
        }
    }

    /** Hours with a decimal comma and no trailing zero ("17,5", "35"). */
    static String hours(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
