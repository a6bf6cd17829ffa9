package org.maillage.network.internal;

import java.util.List;
import org.maillage.network.NetworkStatistics;
import org.maillage.platform.StatsScope;
import org.maillage.platform.Tally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class NetworkStatisticsService implements NetworkStatistics {

    private final JdbcClient jdbc;

    NetworkStatisticsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Tally> funding(StatsScope scope) {
        String poles = String.join("", scope.narrowing("n.region_code", "p.slug", null, null).stream().map(c -> " and " + c).toList());
        return scope.bind(jdbc.sql("""
                select p.slug, f.year, f.funder, f.kind, count(*) as n, sum(f.amount) as total
                from network.pole_funding f join network.pole p on p.id = f.pole_id
                    join network.network n on n.id = p.network_id
                where f.year between :from and :to%s
                group by 1, 2, 3, 4
                """.formatted(poles))).query((rs, n) -> new Tally(rs.getString(1), "", rs.getInt(2), 0, rs.getString(3),
                rs.getString(4), rs.getLong(5), rs.getDouble(6))).list();
    }
}
