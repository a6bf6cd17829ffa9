package org.maillage.agenda;

import java.util.List;
import org.maillage.platform.StatsScope;
import org.maillage.platform.Tally;

/** What the observatory counts of the agenda: events and participants, never a person. */
public interface AgendaStatistics {

    /**
     * Published events by the date they start (Paris): {@code count} the events, {@code sum} their
     * participants (people with a place, except those recorded as absent).
     */
    List<Tally> events(StatsScope scope);
}
