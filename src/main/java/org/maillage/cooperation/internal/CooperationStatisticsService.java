package org.maillage.cooperation.internal;

import java.util.ArrayList;
import java.util.List;
import org.maillage.cooperation.CooperationStatistics;
import org.maillage.platform.StatsScope;
import org.maillage.platform.Tally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CooperationStatisticsService implements CooperationStatistics {

    private final JdbcClient jdbc;

    CooperationStatisticsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Tally> matches(StatsScope scope) {
        String local = "(m.created_at at time zone 'Europe/Paris')";
        List<String> where = new ArrayList<>(List.of(
                "m.created_at >= make_timestamptz(:from, 1, 1, 0, 0, 0, 'Europe/Paris')",
                "m.created_at < make_timestamptz(:to + 1, 1, 1, 0, 0, 0, 'Europe/Paris')"));
        where.addAll(scope.narrowing("m.region_code", "m.pole_slug", "m.departement_code", "m.commune_code"));
        String month = scope.monthly() ? "extract(month from " + local + ")::int" : "0";
        return scope.bind(jdbc.sql("""
                select coalesce(m.pole_slug, ''), m.departement_code, extract(year from %s)::int, %s, m.outcome,
                    count(*), coalesce(sum(m.amount), 0)
                from cooperation.match m where %s group by 1, 2, 3, 4, 5
                """.formatted(local, month, String.join(" and ", where))))
                .query((rs, n) -> new Tally(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                        "", rs.getLong(6), rs.getDouble(7))).list();
    }
}
