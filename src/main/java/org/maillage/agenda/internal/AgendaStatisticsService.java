package org.maillage.agenda.internal;

import java.util.ArrayList;
import java.util.List;
import org.maillage.agenda.AgendaStatistics;
import org.maillage.platform.StatsScope;
import org.maillage.platform.Tally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AgendaStatisticsService implements AgendaStatistics {

    private final JdbcClient jdbc;

    AgendaStatisticsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Tally> events(StatsScope scope) {
        String local = "(e.starts_at at time zone 'Europe/Paris')";
        List<String> where = new ArrayList<>(List.of("e.published",
                "e.starts_at >= make_timestamptz(:from, 1, 1, 0, 0, 0, 'Europe/Paris')",
                "e.starts_at < make_timestamptz(:to + 1, 1, 1, 0, 0, 0, 'Europe/Paris')"));
        where.addAll(scope.narrowing("e.region_code", "e.pole_slug", "e.departement_code", "e.commune_code"));
        String month = scope.monthly() ? "extract(month from " + local + ")::int" : "0";
        return scope.bind(jdbc.sql("""
                select coalesce(e.pole_slug, ''), coalesce(e.departement_code, ''), extract(year from %s)::int, %s,
                    count(*), coalesce(sum((select count(*) from agenda.registration r where r.event_id = e.id
                        and r.status = 'CONFIRMED' and r.attended is distinct from false)), 0)
                from agenda.event e where %s group by 1, 2, 3, 4
                """.formatted(local, month, String.join(" and ", where))))
                .query((rs, n) -> new Tally(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), "", "",
                        rs.getLong(5), rs.getDouble(6))).list();
    }
}
