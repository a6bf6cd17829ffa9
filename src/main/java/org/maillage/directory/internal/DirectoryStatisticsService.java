package org.maillage.directory.internal;

import java.util.ArrayList;
import java.util.List;
import org.maillage.directory.DirectoryStatistics;
import org.maillage.platform.StatsScope;
import org.maillage.platform.Tally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DirectoryStatisticsService implements DirectoryStatistics {

    private final JdbcClient jdbc;

    DirectoryStatisticsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Tally> members(StatsScope scope) {
        List<String> where = new ArrayList<>(List.of("m.status = 'MEMBER'",
                "m.year between :from and :to"));
        where.addAll(scope.narrowing("s.region_code", "m.pole_slug", "s.departement_code", "s.commune_code"));
        JdbcClient.StatementSpec statement = scope.bind(jdbc.sql("""
                select m.pole_slug, s.departement_code, m.year, s.sector, count(*) as n, coalesce(sum(s.employees), 0) as total
                from directory.membership m join directory.structure s on s.id = m.structure_id
                where %s group by 1, 2, 3, 4
                """.formatted(String.join(" and ", where))));
        return statement.query((rs, n) -> new Tally(rs.getString(1), rs.getString(2), rs.getInt(3), 0, rs.getString(4), "",
                rs.getLong(5), rs.getDouble(6))).list();
    }
}
