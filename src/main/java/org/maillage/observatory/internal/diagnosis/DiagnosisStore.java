package org.maillage.observatory.internal.diagnosis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of the self-diagnoses (schema {@code observatory}, migration V24). */
@Repository
class DiagnosisStore {

    /**
     * A diagnosis: DRAFT while the structure fills it in (one at a time per structure), then FINISHED.
     *
     * @param poleSlug the structure's pôle when it was finished
     * @param overallPercent its overall score when finished
     */
    record DiagnosisRow(long id, String structureSlug, int version, boolean finished, Instant startedAt,
            Instant updatedAt, Instant finishedAt, String poleSlug, String structureName, Integer overallPercent) {}

    /** A request for support sent to the structure's pôle after a diagnosis. */
    record SupportRequestRow(long id, long diagnosisId, String structureSlug, String structureName, String poleSlug,
            Instant requestedAt, String requesterName, String requesterEmail, String message, Integer overallPercent) {}

    private static final String DIAGNOSIS = "select * from observatory.diagnosis";
    private static final String REQUEST = """
            select r.*, d.overall_percent from observatory.diagnosis_support_request r
            join observatory.diagnosis d on d.id = r.diagnosis_id""";

    private final JdbcClient jdbc;

    DiagnosisStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DiagnosisRow> draft(String structureSlug) {
        return jdbc.sql(DIAGNOSIS + " where structure_slug = :slug and status = 'DRAFT'").param("slug", structureSlug)
                .query(DiagnosisStore::diagnosis).optional();
    }

    Optional<DiagnosisRow> find(long id) {
        return jdbc.sql(DIAGNOSIS + " where id = :id").param("id", id).query(DiagnosisStore::diagnosis).optional();
    }

    /** The structure's draft: the one there is, or a new one (two people starting together share one). */
    DiagnosisRow draftOrNew(String structureSlug, int version, long userId, Instant now) {
        jdbc.sql("""
                insert into observatory.diagnosis (structure_slug, questionnaire_version, status, started_at, started_by, updated_at)
                values (:slug, :version, 'DRAFT', :now, :user, :now)
                on conflict (structure_slug) where status = 'DRAFT' do nothing""")
                .param("slug", structureSlug).param("version", version).param("user", userId)
                .param("now", Timestamp.from(now)).update();
        return draft(structureSlug).orElseThrow();
    }

    /** Finished diagnoses of the structure, newest first. */
    List<DiagnosisRow> finished(String structureSlug) {
        return jdbc.sql(DIAGNOSIS + " where structure_slug = :slug and status = 'FINISHED' order by finished_at desc, id desc")
                .param("slug", structureSlug).query(DiagnosisStore::diagnosis).list();
    }

    /** The diagnoses finished by the structures of a pôle, newest first. */
    List<DiagnosisRow> finishedOfPole(String poleSlug, int limit) {
        return jdbc.sql(DIAGNOSIS + " where pole_slug = :pole and status = 'FINISHED' order by finished_at desc, id desc limit :limit")
                .param("pole", poleSlug).param("limit", limit).query(DiagnosisStore::diagnosis).list();
    }

    Map<String, Answer> answers(long diagnosisId) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        jdbc.sql("select question_code, answer from observatory.diagnosis_answer where diagnosis_id = :id")
                .param("id", diagnosisId)
                .query((rs, row) -> Map.entry(rs.getString("question_code"), rs.getString("answer"))).list()
                .forEach(entry -> Answer.parse(entry.getValue()).ifPresent(answer -> answers.put(entry.getKey(), answer)));
        return answers;
    }

    /** Writes these answers (others kept as they are). */
    void saveAnswers(long diagnosisId, Map<String, Answer> answers, Instant now) {
        answers.forEach((code, answer) -> jdbc.sql("""
                        insert into observatory.diagnosis_answer (diagnosis_id, question_code, answer) values (:id, :code, :answer)
                        on conflict (diagnosis_id, question_code) do update set answer = excluded.answer""")
                .param("id", diagnosisId).param("code", code).param("answer", answer.name()).update());
        jdbc.sql("update observatory.diagnosis set updated_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", diagnosisId).update();
    }

    /** The draft becomes a finished diagnosis; false when it was not a draft any more (finished twice). */
    boolean finish(long diagnosisId, long userId, String poleSlug, String structureName, Integer overallPercent,
            Instant now) {
        return jdbc.sql("""
                update observatory.diagnosis set status = 'FINISHED', finished_at = :now, finished_by = :user,
                    updated_at = :now, pole_slug = :pole, structure_name = :name, overall_percent = :overall
                where id = :id and status = 'DRAFT'""")
                .param("now", Timestamp.from(now)).param("user", userId).param("pole", poleSlug).param("name", structureName)
                .param("overall", overallPercent).param("id", diagnosisId).update() == 1;
    }

    Set<String> keptActions(long diagnosisId) {
        return new LinkedHashSet<>(jdbc.sql("select question_code from observatory.diagnosis_action where diagnosis_id = :id order by question_code")
                .param("id", diagnosisId).query(String.class).list());
    }

    /** The actions the structure keeps in its plan become exactly these (the date of those kept before stays). */
    void keepActions(long diagnosisId, Set<String> codes, long userId, Instant now) {
        jdbc.sql("delete from observatory.diagnosis_action where diagnosis_id = :id and not (question_code = any(:codes))")
                .param("id", diagnosisId).param("codes", codes.toArray(String[]::new)).update();
        for (String code : codes) {
            jdbc.sql("""
                    insert into observatory.diagnosis_action (diagnosis_id, question_code, kept_at, kept_by)
                    values (:id, :code, :now, :user) on conflict do nothing""")
                    .param("id", diagnosisId).param("code", code).param("now", Timestamp.from(now)).param("user", userId)
                    .update();
        }
    }

    long insertRequest(long diagnosisId, String structureSlug, String structureName, String poleSlug, long userId,
            String requesterName, String requesterEmail, String message, List<String> recipients, Instant now) {
        return jdbc.sql("""
                insert into observatory.diagnosis_support_request (diagnosis_id, structure_slug, structure_name, pole_slug,
                    requested_at, requested_by, requester_name, requester_email, message, recipients)
                values (:diagnosis, :slug, :name, :pole, :now, :user, :requesterName, :requesterEmail, :message, :recipients)
                returning id""")
                .param("diagnosis", diagnosisId).param("slug", structureSlug).param("name", structureName)
                .param("pole", poleSlug).param("now", Timestamp.from(now)).param("user", userId)
                .param("requesterName", requesterName).param("requesterEmail", requesterEmail).param("message", message)
                .param("recipients", recipients.toArray(String[]::new))
                .query(Long.class).single();
    }

    /** Whether the same request (same diagnosis, same message) was recorded since then: a form sent twice. */
    boolean sameRequestSince(long diagnosisId, String message, Instant since) {
        return jdbc.sql("""
                select exists (select 1 from observatory.diagnosis_support_request
                               where diagnosis_id = :id and message = :message and requested_at >= :since)""")
                .param("id", diagnosisId).param("message", message).param("since", Timestamp.from(since))
                .query(Boolean.class).single();
    }

    /** The structure's requests, newest first. */
    List<SupportRequestRow> requestsOfStructure(String structureSlug) {
        return jdbc.sql(REQUEST + " where r.structure_slug = :slug order by r.requested_at desc, r.id desc")
                .param("slug", structureSlug).query(DiagnosisStore::request).list();
    }

    /** The requests sent to a pôle, newest first. */
    List<SupportRequestRow> requestsOfPole(String poleSlug, int limit) {
        return jdbc.sql(REQUEST + " where r.pole_slug = :pole order by r.requested_at desc, r.id desc limit :limit")
                .param("pole", poleSlug).param("limit", limit).query(DiagnosisStore::request).list();
    }

    /** Diagnoses finished by a pôle's structures in a year, the structures concerned, and the requests it received. */
    long[] figures(java.util.Collection<String> poleSlugs, int year) {
        return jdbc.sql("""
                select (select count(*) from observatory.diagnosis
                        where pole_slug in (:poles) and status = 'FINISHED'
                          and extract(year from finished_at at time zone 'Europe/Paris') = :year) as finished,
                       (select count(distinct structure_slug) from observatory.diagnosis
                        where pole_slug in (:poles) and status = 'FINISHED'
                          and extract(year from finished_at at time zone 'Europe/Paris') = :year) as structures,
                       (select count(*) from observatory.diagnosis_support_request
                        where pole_slug in (:poles) and extract(year from requested_at at time zone 'Europe/Paris') = :year) as requests""")
                .param("poles", java.util.List.copyOf(poleSlugs)).param("year", year)
                .query((rs, row) -> new long[] {rs.getLong("finished"), rs.getLong("structures"), rs.getLong("requests")})
                .single();
    }

    private static DiagnosisRow diagnosis(ResultSet rs, int row) throws SQLException {
        return new DiagnosisRow(rs.getLong("id"), rs.getString("structure_slug"), rs.getInt("questionnaire_version"),
                "FINISHED".equals(rs.getString("status")), instant(rs, "started_at"), instant(rs, "updated_at"),
                instant(rs, "finished_at"), rs.getString("pole_slug"), rs.getString("structure_name"),
                rs.getObject("overall_percent", Integer.class));
    }

    private static SupportRequestRow request(ResultSet rs, int row) throws SQLException {
        return new SupportRequestRow(rs.getLong("id"), rs.getLong("diagnosis_id"), rs.getString("structure_slug"),
                rs.getString("structure_name"), rs.getString("pole_slug"), instant(rs, "requested_at"),
                rs.getString("requester_name"), rs.getString("requester_email"), rs.getString("message"),
                rs.getObject("overall_percent", Integer.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
