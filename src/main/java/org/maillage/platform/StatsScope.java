package org.maillage.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a module counts for the observatory: the rows of a region, narrowed to some pôles, a
 * département or some communes, over a range of years, by year or by month.
 *
 * @param regionCode the region whose rows count; null when the communes say it (an EPCI may lie across two)
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

    /**
     * The SQL conditions that narrow a module's rows to the scope's region, pôles, département and
     * communes, naming the parameters {@link #bind} gives; a null column means the module's rows have
     * none (the narrowing is then not applied). The years are the module's own condition.
     */
    public List<String> narrowing(String regionColumn, String poleColumn, String departementColumn,
            String communeColumn) {
        List<String> conditions = new ArrayList<>();
        if (regionCode != null) {
            conditions.add(regionColumn + " = :region");
        }
        if (!poleSlugs.isEmpty() && poleColumn != null) {
            conditions.add(poleColumn + " in (:poles)");
        }
        if (departementCode != null && departementColumn != null) {
            conditions.add(departementColumn + " = :departement");
        }
        if (!communeCodes.isEmpty() && communeColumn != null) {
            conditions.add(communeColumn + " in (:communes)");
        }
        return conditions;
    }

    /** Binds {@code :region}, {@code :from}, {@code :to} and the parameters {@link #narrowing} may name. */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        JdbcClient.StatementSpec bound = statement.param("region", regionCode).param("from", fromYear).param("to", toYear);
        if (!poleSlugs.isEmpty()) {
            bound = bound.param("poles", List.copyOf(poleSlugs));
        }
        if (departementCode != null) {
            bound = bound.param("departement", departementCode);
        }
        if (!communeCodes.isEmpty()) {
            bound = bound.param("communes", List.copyOf(communeCodes));
        }
        return bound;
    }
}
