package org.maillage.journey;

import java.util.List;
import org.maillage.platform.StatsScope;
import org.maillage.platform.Tally;

/**
 * What the observatory counts of the journeys: no person, only counts by pôle, département, year
 * and month. Years are civil years in France (Europe/Paris).
 */
public interface JourneyStatistics {

    /** What projects welcomed are counted by. */
    enum ProjectFacet {
        NONE, STAGE, SECTOR, GENDER, AGE_BAND, COLLECTIVE,
        /** The commune's INSEE code (for rural or urban, EPCI and maps). */
        COMMUNE
    }

    /** What referrals are counted by. */
    enum ReferralFacet {
        NONE,
        /** The scheme's name as it was sent. */
        SCHEME,
        /** The operator's slug. */
        OPERATOR
    }

    /** The answers a sent referral is counted under ({@link Tally#detail()}). */
    enum Answer { ACCEPTED, DECLINED, EXPIRED, WAITING, CANCELLED }

    /** Projects welcomed, by the date of their request; {@code key} is the facet's code ("" when not said). */
    List<Tally> projectsWelcomed(StatsScope scope, ProjectFacet facet);

    /**
     * Referrals sent, by the date they were sent; {@code detail} is their {@link Answer}, {@code sum} the
     * days from sending to the partner's first answer (for those answered).
     */
    List<Tally> referralsSent(StatsScope scope, ReferralFacet facet);

    /**
     * Projects welcomed that got a first referral sent, by the date of their request; {@code sum} the days
     * from the request to that first referral.
     */
    List<Tally> firstReferrals(StatsScope scope);

    /**
     * Journeys that ended, by the date of their outcome; {@code key} is CREATED (activity created),
     * MEMBER (joined the pôle) or ABANDONED, {@code sum} the jobs (FTE) created.
     */
    List<Tally> outcomes(StatsScope scope);
}
