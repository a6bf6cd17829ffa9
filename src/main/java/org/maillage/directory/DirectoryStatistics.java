package org.maillage.directory;

import java.util.List;
import org.maillage.platform.StatsScope;
import org.maillage.platform.Tally;

/** What the observatory counts of the directory: counts only, never a structure. */
public interface DirectoryStatistics {

    /**
     * Member structures of pôles (membership MEMBER) by membership year (month 0), pôle and the
     * structure's département; {@code key} is the structure's sector, {@code sum} its employees.
     */
    List<Tally> members(StatsScope scope);
}
