package org.maillage.journey.internal;

import java.util.ArrayList;
import java.util.List;
import org.maillage.journey.JourneyStatistics;
import org.maillage.platform.StatsScope;
import org.maillage.platform.Tally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The journey's counts, grouped in SQL: a region's rows are never loaded one by one. */
@Service
class JourneyStatisticsService implements JourneyStatistics {

    private final JdbcClient jdbc;

    JourneyStatisticsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Tally> projectsWelcomed(StatsScope scope, ProjectFacet facet) {
        String key = switch (facet) {
            case NONE -> "''";
            case STAGE -> "coalesce(p.stage_self, p.stage)";
            case SECTOR -> "p.sector";
            case GENDER -> "p.porteur_gender";
            case AGE_BAND -> "p.porteur_age_band";
            case COLLECTIVE -> "case when p.collective then 'COLLECTIVE' when not p.collective then 'ALONE' end";
            case COMMUNE -> "p.commune_code";
        };
        return tallies(scope, "p.created_at", key, "''", "count(*)", "0", "journey.project p", "true");
    }

    @Override
    @Transactional(readOnly = true)
    public List<Tally> referralsSent(StatsScope scope, ReferralFacet facet) {
        String key = switch (facet) {
            case NONE -> "''";
            case SCHEME -> "r.scheme_name";
            case OPERATOR -> "r.operator_slug";
        };
        String answer = """
                case when r.status in ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED') then 'ACCEPTED'
                     when r.status = 'ABANDONED' and r.answered_at is not null then 'ACCEPTED'
                     when r.status = 'DECLINED' then 'DECLINED'
                     when r.status = 'EXPIRED' then 'EXPIRED'
                     when r.status = 'SENT' then 'WAITING'
                     else 'CANCELLED' end""";
        String days = "coalesce(sum(extract(epoch from (r.answered_at - r.sent_at)) / 86400.0)"
                + " filter (where r.answered_at is not null), 0)";
        return tallies(scope, "r.sent_at", key, answer, "count(*)", days,
                "journey.referral r join journey.project p on p.id = r.project_id", "r.sent_at is not null");
    }

    @Override
    @Transactional(readOnly = true)
    public List<Tally> firstReferrals(StatsScope scope) {
        String from = """
                journey.project p join lateral (select min(r.sent_at) as first_sent from journey.referral r
                    where r.project_id = p.id and r.sent_at is not null) f on f.first_sent is not null""";
        return tallies(scope, "p.created_at", "''", "''", "count(*)",
                "sum(extract(epoch from (f.first_sent - p.created_at)) / 86400.0)", from, "true");
    }

    @Override
    @Transactional(readOnly = true)
    public List<Tally> outcomes(StatsScope scope) {
        return tallies(scope, "(p.outcome_on::timestamp at time zone 'Europe/Paris')", "p.status", "''", "count(*)",
                "coalesce(sum(p.outcome_jobs), 0)", "journey.project p",
                "p.status in ('CREATED', 'MEMBER', 'ABANDONED') and p.outcome_on is not null");
    }

    /** One grouped statement: the scope's rows between its years, by pôle, département, year (month), key, detail. */
    private List<Tally> tallies(StatsScope scope, String at, String key, String detail, String count, String sum,
            String from, String condition) {
        String local = "(" + at + " at time zone 'Europe/Paris')";
        String month = scope.monthly() ? "extract(month from " + local + ")::int" : "0";
        List<String> where = new ArrayList<>(List.of(condition,
                at + " >= make_timestamptz(:from, 1, 1, 0, 0, 0, 'Europe/Paris')",
                at + " < make_timestamptz(:to + 1, 1, 1, 0, 0, 0, 'Europe/Paris')"));
        where.addAll(scope.narrowing("p.region_code", "p.pole_slug", "p.departement_code", "p.commune_code"));
        String sql = "select coalesce(p.pole_slug, '') as pole, p.departement_code as departement, extract(year from "
                + local + ")::int as year, " + month + " as month, coalesce(" + key + ", '') as key, " + detail
                + " as detail, " + count + " as n, " + sum + " as total from " + from + " where "
                + String.join(" and ", where) + " group by 1, 2, 3, 4, 5, 6";
        JdbcClient.StatementSpec statement = scope.bind(jdbc.sql(sql));
        return statement.query((rs, n) -> new Tally(rs.getString("pole"), rs.getString("departement"), rs.getInt("year"),
                rs.getInt("month"), rs.getString("key"), rs.getString("detail"), rs.getLong("n"), rs.getDouble("total")))
                .list();
    }
}
