package org.maillage.cooperation;

import java.util.List;
import org.maillage.platform.StatsScope;
import org.maillage.platform.Tally;

/** What the observatory counts of cooperation: matches and the business they led to, never a person. */
public interface CooperationStatistics {

    /**
     * Matches (mises en relation) by the date they were recorded (Paris), keyed by their
     * {@link MatchOutcome}: {@code count} the matches, {@code sum} the business in euros.
     */
    List<Tally> matches(StatsScope scope);
}
