package org.maillage.network;

import java.util.List;
import org.maillage.platform.StatsScope;
import org.maillage.platform.Tally;

/** What the observatory counts of the network. */
public interface NetworkStatistics {

    /**
     * The pôles' funding lines by year (month 0) and pôle ({@code departement} ""): {@code key} is the
     * funder as written, {@code detail} the {@link FundingKind}, {@code sum} the amount in euros.
     * Funding belongs to a pôle: département and commune narrowing do not apply.
     */
    List<Tally> funding(StatsScope scope);
}
