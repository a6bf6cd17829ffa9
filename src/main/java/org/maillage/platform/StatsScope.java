package org.maillage.platform;

import java.util.Set;

/**
 * What a module counts for the observatory: the rows of a region, narrowed to some pôles, a
 * département or some communes, over a range of years, by year or by month.
 *
 * @param poleSlugs the pôles whose rows count; empty: the whole region (rows of no pôle included)
 * @param departementCode a département of the region, or null
 * @param communeCodes the communes whose rows count (an EPCI's); empty: no such narrowing
 * @param monthly whether rows are counted by month as well as by year
 */
public record StatsScope(String regionCode, Set<String> poleSlugs, String departementCode, Set<String> communeCodes,
        int fromYear, int toYear, boolean monthly) {

    public StatsScope {
        poleSlugs = Set.copyOf(poleSlugs);
        communeCodes = Set.copyOf(communeCodes);
        if (fromYear > toYear) {
            throw new IllegalArgumentException("fromYear > toYear");
        }
    }

    public StatsScope withYears(int from, int to, boolean byMonth) {
        return new StatsScope(regionCode, poleSlugs, departementCode, communeCodes, from, to, byMonth);
    }
}
