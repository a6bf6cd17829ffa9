package org.maillage.observatory;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Journeys of a past year written straight into the journey tables, so that the figures of that
 * year are known by hand: no other test writes in those years.
 */
final class ObservatoryFixtures {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JdbcClient jdbc;
    private final String pole;
    private final String departement;

    ObservatoryFixtures(JdbcClient jdbc, String pole, String departement) {
        this.jdbc = jdbc;
        this.pole = pole;
        this.departement = departement;
    }

    /** A project welcomed at that time (Paris), with what the observatory counts. */
    long project(LocalDateTime at, String commune, String stage, String gender, String ageBand, boolean collective) {
        return jdbc.sql("""
                insert into journey.project (pole_slug, region_code, departement_code, commune_code, title, stage, stage_self,
                    status, collective, porteur_gender, porteur_age_band, created_at, updated_at, last_step_at, last_activity_at)
                values (:pole, '53', :departement, :commune, 'Projet de test', :stage, :stage, 'OPEN', :collective,
                    :gender, :age, :at, :at, :at, :at)
                returning id
                """).param("pole", pole).param("departement", departement).param("commune", commune)
                .param("stage", stage).param("collective", collective).param("gender", gender).param("age", ageBand)
                .param("at", timestamp(at)).query(Long.class).single();
    }

    /** A referral sent at that time, answered some days later (null: not answered), in that status. */
    void referral(long project, String scheme, String operator, String status, LocalDateTime sent, Integer answeredAfterDays) {
        jdbc.sql("""
                insert into journey.referral (project_id, scheme_slug, scheme_name, operator_slug, status, proposed_at, sent_at,
                    answered_at, updated_at)
                values (:project, :slug, :scheme, :operator, :status, :sent, :sent, :answered, :sent)
                """).param("project", project).param("slug", scheme.toLowerCase().replace(' ', '-')).param("scheme", scheme)
                .param("operator", operator).param("status", status).param("sent", timestamp(sent))
                .param("answered", answeredAfterDays == null ? null : timestamp(sent.plusDays(answeredAfterDays))).update();
    }

    void outcome(long project, String status, java.time.LocalDate on, BigDecimal jobs) {
        jdbc.sql("update journey.project set status = :status, outcome_on = :on, outcome_jobs = :jobs, "
                + "outcome_reason = case when :status = 'ABANDONED' then 'OTHER' end where id = :id")
                .param("status", status).param("on", on).param("jobs", jobs).param("id", project).update();
    }

    static Timestamp timestamp(LocalDateTime at) {
        return Timestamp.from(at.atZone(PARIS).toInstant());
    }
}
