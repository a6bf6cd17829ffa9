package org.maillage.journey.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.maillage.account.UserId;
import org.maillage.journey.AbandonReason;
import org.maillage.journey.DeclineReason;
import org.maillage.journey.HeardFrom;
import org.maillage.journey.JourneyViews.Contact;
import org.maillage.journey.JourneyViews.Meeting;
import org.maillage.journey.JourneyViews.Outcome;
import org.maillage.journey.JourneyViews.Referral;
import org.maillage.journey.JourneyViews.Step;
import org.maillage.journey.MeetingFormat;
import org.maillage.journey.ProjectStatus;
import org.maillage.journey.ReferralStatus;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.offer.Operator;
import org.maillage.offer.Operators;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.territory.Commune;
import org.maillage.territory.Territories;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The journey tables: a project with its porteur, meetings, referrals, consents and timeline. */
@Component
class JourneyStore {

    /** A project row with its porteur, as the services need it. */
    record ProjectRow(long id, Contact porteur, String title, String description, String poleSlug, String regionCode,
            String departementCode, String communeCode, ProjectStage stage, ProjectStage stageSelf, Set<ProjectNeed> needs,
            String sector, boolean collective, String legalForm, HeardFrom heardFrom, ProjectStatus status,
            LocalDate followUpOn, Outcome outcome, Instant createdAt, Instant lastActivityAt,
            Instant erasureRequestedAt, Instant anonymisedAt) {

        boolean anonymised() {
            return anonymisedAt != null;
        }
    }

    /** A referral row with its project's pôle and porteur, as authorization needs it. */
    record ReferralRow(Referral referral, long porteurId, UserId porteurUser, String poleSlug, String regionCode) {}

    private final JdbcClient jdbc;
    private final Poles poles;
    private final Operators operators;
    private final Territories territories;
    private final MessageSource messages;

    JourneyStore(JdbcClient jdbc, Poles poles, Operators operators, Territories territories, MessageSource messages) {
        this.jdbc = jdbc;
        this.poles = poles;
        this.operators = operators;
        this.territories = territories;
        this.messages = messages;
    }

    // --- projects ------------------------------------------------------------------------------

    private static final String PROJECT = """
            select p.*, o.id as o_id, o.user_id as o_user, o.display_name as o_name, o.email as o_email,
                   o.phone as o_phone
            from journey.project p join journey.porteur o on o.id = p.porteur_id
            """;

    Optional<ProjectRow> project(long id) {
        return jdbc.sql(PROJECT + " where p.id = :id").param("id", id).query((rs, row) -> project(rs)).optional();
    }

    /** The project, locked until the end of the transaction (two changes at once never lose one). */
    Optional<ProjectRow> projectForUpdate(long id) {
        return jdbc.sql(PROJECT + " where p.id = :id for update of p").param("id", id).query((rs, row) -> project(rs))
                .optional();
    }

    List<ProjectRow> projectsOf(long porteurId) {
        return jdbc.sql(PROJECT + " where p.porteur_id = :porteur order by p.created_at desc").param("porteur", porteurId)
                .query((rs, row) -> project(rs)).list();
    }

    static ProjectRow project(ResultSet rs) throws SQLException {
        Contact contact = new Contact(rs.getLong("o_id"), new UserId(rs.getLong("o_user")), rs.getString("o_name"),
                rs.getString("o_email"), rs.getString("o_phone"));
        ProjectStatus status = ProjectStatus.valueOf(rs.getString("status"));
        Outcome outcome = status.outcome() ? new Outcome(localDate(rs, "outcome_on"), rs.getString("outcome_legal_form"),
                rs.getString("outcome_siret"), rs.getBigDecimal("outcome_jobs"),
                rs.getString("outcome_reason") == null ? null : AbandonReason.valueOf(rs.getString("outcome_reason")),
                rs.getString("outcome_note")) : null;
        return new ProjectRow(rs.getLong("id"), contact, rs.getString("title"), rs.getString("description"),
                rs.getString("pole_slug"), rs.getString("region_code"), rs.getString("departement_code"),
                rs.getString("commune_code"), ProjectStage.valueOf(rs.getString("stage")),
                rs.getString("stage_self") == null ? null : ProjectStage.valueOf(rs.getString("stage_self")),
                needs(rs.getArray("needs")), rs.getString("sector"), rs.getBoolean("collective"),
                rs.getString("legal_form"),
                rs.getString("heard_from") == null ? null : HeardFrom.valueOf(rs.getString("heard_from")), status,
                localDate(rs, "follow_up_on"), outcome, instant(rs, "created_at"), instant(rs, "last_activity_at"),
                instant(rs, "erasure_requested_at"), instant(rs, "anonymised_at"));
    }

    static Set<ProjectNeed> needs(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return Arrays.stream((String[]) array.getArray()).map(ProjectNeed::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static String[] needCodes(Set<ProjectNeed> needs) {
        return needs.stream().sorted().map(Enum::name).toArray(String[]::new);
    }

    /** A step of the journey now (by the pôle, a partner or the platform): surveys and retention count from it. */
    void touch(long projectId, Instant at) {
        jdbc.sql("""
                update journey.project set last_step_at = greatest(last_step_at, :at),
                    last_activity_at = greatest(last_activity_at, :at), updated_at = :at
                where id = :id
                """).param("at", Timestamp.from(at)).param("id", projectId).update();
    }

    /**
     * The porteur did something in their space (consent, survey, keeping their file): the retention counts
     * from it, the journey's last step does not move (the surveys keep their dates).
     */
    void touchActivity(long projectId, Instant at) {
        jdbc.sql("update journey.project set last_activity_at = greatest(last_activity_at, :at) where id = :id")
                .param("at", Timestamp.from(at)).param("id", projectId).update();
    }

    // --- timeline ------------------------------------------------------------------------------

    /** Visibility of a step: the porteur's, a partner's (with consent). */
    enum Seen { EVERYONE, PORTEUR_AND_POLE, PARTNERS_AND_POLE, POLE_ONLY }

    /** Who reads a whole timeline (a partner reads {@link #partnerTimeline}). */
    enum Reader { POLE, PORTEUR }

    /** Writes a step; its words (French) from {@code timeline.<kind>} with the arguments. */
    void step(long projectId, Instant at, String kind, String actorLabel, Long referralId, Seen seen, Object... arguments) {
        String text = messages.getMessage("timeline." + kind, arguments, kind, java.util.Locale.FRENCH);
        jdbc.sql("""
                insert into journey.timeline_event (project_id, at, kind, actor_label, text, referral_id, porteur_visible,
                    partner_visible)
                values (:project, :at, :kind, :actor, :text, :referral, :porteur, :partner)
                """)
                .param("project", projectId).param("at", Timestamp.from(at)).param("kind", kind)
                .param("actor", actorLabel).param("text", text).param("referral", referralId)
                .param("porteur", seen == Seen.EVERYONE || seen == Seen.PORTEUR_AND_POLE)
                .param("partner", seen == Seen.EVERYONE || seen == Seen.PARTNERS_AND_POLE)
                .update();
    }

    /** The steps of a project: all, or those its porteur sees. */
    List<Step> timeline(long projectId, Reader reader) {
        String filter = switch (reader) {
            case POLE -> "";
            case PORTEUR -> " and porteur_visible";
        };
        return jdbc.sql("select * from journey.timeline_event where project_id = :project" + filter + " order by at, id")
                .param("project", projectId)
                .query((rs, row) -> new Step(instant(rs, "at"), rs.getString("kind"), rs.getString("actor_label"),
                        rs.getString("text")))
                .list();
    }

    /**
     * What a partner reads of a journey: the steps the porteur shares with partners that came before
     * the referral was sent to them, then the steps of their own referral (not what other partners
     * answered later, nor what follows elsewhere).
     */
    List<Step> partnerTimeline(long projectId, long referralId, Instant sentAt) {
        return jdbc.sql("""
                select * from journey.timeline_event where project_id = :project and partner_visible
                  and (at <= :sent or referral_id = :referral)
                order by at, id
                """).param("project", projectId).param("sent", Timestamp.from(sentAt)).param("referral", referralId)
                .query((rs, row) -> new Step(instant(rs, "at"), rs.getString("kind"), rs.getString("actor_label"),
                        rs.getString("text")))
                .list();
    }

    // --- meetings ------------------------------------------------------------------------------

    List<Meeting> meetings(long projectId) {
        return jdbc.sql("select * from journey.meeting where project_id = :project order by at")
                .param("project", projectId)
                .query((rs, row) -> new Meeting(rs.getLong("id"), instant(rs, "at"),
                        MeetingFormat.valueOf(rs.getString("format")), rs.getString("place"), rs.getString("notes")))
                .list();
    }

    // --- consents ------------------------------------------------------------------------------

    /** The operators the porteur agreed to share their journey with (consent not withdrawn). */
    Set<String> consentedOperators(long porteurId) {
        return Set.copyOf(jdbc.sql("""
                select operator_slug from journey.consent where porteur_id = :porteur and withdrawn_at is null
                """).param("porteur", porteurId).query(String.class).list());
    }

    /** Gives (again) or withdraws the consent; true when something changed. */
    boolean setConsent(long porteurId, String operatorSlug, boolean given, Instant at, String recordedBy) {
        if (given) {
            return jdbc.sql("""
                    insert into journey.consent (porteur_id, operator_slug, given_at, recorded_by) values (:porteur, :operator, :at, :by)
                    on conflict (porteur_id, operator_slug) do update set given_at = :at, withdrawn_at = null, recorded_by = :by
                        where journey.consent.withdrawn_at is not null
                    """).param("porteur", porteurId).param("operator", operatorSlug).param("at", Timestamp.from(at))
                    .param("by", recordedBy).update() > 0;
        }
        return jdbc.sql("""
                update journey.consent set withdrawn_at = :at where porteur_id = :porteur and operator_slug = :operator
                    and withdrawn_at is null
                """).param("porteur", porteurId).param("operator", operatorSlug).param("at", Timestamp.from(at)).update() > 0;
    }

    /** Whether the porteur withdrew their consent for this operator (only they can withdraw it). */
    boolean withdrawnByPorteur(long porteurId, String operatorSlug) {
        return jdbc.sql("""
                select exists (select 1 from journey.consent where porteur_id = :porteur and operator_slug = :operator
                               and withdrawn_at is not null)
                """).param("porteur", porteurId).param("operator", operatorSlug).query(Boolean.class).single();
    }

    record ConsentRow(String operatorSlug, boolean given, Instant at) {}

    List<ConsentRow> consents(long porteurId) {
        return jdbc.sql("select * from journey.consent where porteur_id = :porteur order by operator_slug")
                .param("porteur", porteurId)
                .query((rs, row) -> new ConsentRow(rs.getString("operator_slug"), rs.getTimestamp("withdrawn_at") == null,
                        rs.getTimestamp("withdrawn_at") == null ? instant(rs, "given_at") : instant(rs, "withdrawn_at")))
                .list();
    }

    // --- referrals -----------------------------------------------------------------------------

    private static final String REFERRAL = """
            select r.*, p.porteur_id, o.user_id as porteur_user, p.pole_slug, p.region_code,
                   exists (select 1 from journey.consent c where c.porteur_id = p.porteur_id
                           and c.operator_slug = r.operator_slug and c.withdrawn_at is null) as consented
            from journey.referral r join journey.project p on p.id = r.project_id
                 join journey.porteur o on o.id = p.porteur_id
            """;

    List<Referral> referrals(long projectId) {
        Map<String, String> names = operatorNames();
        return jdbc.sql(REFERRAL + " where r.project_id = :project order by r.proposed_at, r.id")
                .param("project", projectId).query((rs, row) -> referral(rs, names).referral()).list();
    }

    Optional<ReferralRow> referral(long id) {
        Map<String, String> names = operatorNames();
        return jdbc.sql(REFERRAL + " where r.id = :id").param("id", id).query((rs, row) -> referral(rs, names)).optional();
    }

    Optional<ReferralRow> referralForUpdate(long id) {
        Map<String, String> names = operatorNames();
        return jdbc.sql(REFERRAL + " where r.id = :id for update of r").param("id", id)
                .query((rs, row) -> referral(rs, names)).optional();
    }

    /** The referral of an emailed link, if the link is one of its and has not expired. */
    Optional<Long> referralOfLink(String tokenHash, Instant now) {
        return jdbc.sql("select referral_id from journey.referral_link where token_hash = :hash and expires_at > :now")
                .param("hash", tokenHash).param("now", Timestamp.from(now)).query(Long.class).optional();
    }

    private static ReferralRow referral(ResultSet rs, Map<String, String> operatorNames) throws SQLException {
        ReferralStatus status = ReferralStatus.valueOf(rs.getString("status"));
        boolean consented = rs.getBoolean("consented");
        boolean sent = rs.getTimestamp("sent_at") != null;
        Referral referral = new Referral(rs.getLong("id"), rs.getLong("project_id"), rs.getString("scheme_slug"),
                rs.getString("scheme_name"), rs.getString("operator_slug"),
                operatorNames.getOrDefault(rs.getString("operator_slug"), rs.getString("operator_slug")), status,
                instant(rs, "proposed_at"), instant(rs, "sent_at"), instant(rs, "answered_at"),
                rs.getString("decline_reason") == null ? null : DeclineReason.valueOf(rs.getString("decline_reason")),
                rs.getString("message"), rs.getString("outcome"), rs.getInt("reminders_sent"), consented,
                sent && consented);
        return new ReferralRow(referral, rs.getLong("porteur_id"), new UserId(rs.getLong("porteur_user")),
                rs.getString("pole_slug"), rs.getString("region_code"));
    }

    // --- lists ---------------------------------------------------------------------------------

    /**
     * How many rows of {@code from} (a from-and-where clause) each view holds (name → condition), in one
     * scan; in the views' order.
     */
    Map<String, Long> countByView(Map<String, String> views, String from, Map<String, ?> params) {
        String counts = views.entrySet().stream()
                .map(view -> "count(*) filter (where " + view.getValue() + ") as \"" + view.getKey() + "\"")
                .collect(Collectors.joining(", "));
        Map<String, Long> counted = new java.util.LinkedHashMap<>();
        jdbc.sql("select " + counts + " " + from).params(params).query(rs -> {
            for (String name : views.keySet()) {
                counted.put(name, rs.getLong(name));
            }
        });
        return counted;
    }

    // --- names ---------------------------------------------------------------------------------

    Map<String, String> operatorNames() {
        Map<String, String> names = new HashMap<>();
        operators.list().forEach(operator -> names.put(operator.slug(), operator.name()));
        return names;
    }

    String operatorName(String slug) {
        return operators.find(slug).map(Operator::name).orElse(slug);
    }

    Map<String, String> poleNames() {
        Map<String, String> names = new HashMap<>();
        poles.list().forEach(pole -> names.put(pole.slug(), pole.name()));
        return names;
    }

    String poleName(String slug) {
        return slug == null ? null : poleNames().getOrDefault(slug, slug);
    }

    Optional<PoleSummary> pole(String slug) {
        return slug == null ? Optional.empty()
                : poles.list().stream().filter(pole -> pole.slug().equals(slug)).findFirst().map(PoleSummary.class::cast);
    }

    String communeName(String code) {
        return territories.findCommune(code).map(Commune::name).orElse(code);
    }

    Map<String, String> communeNames(java.util.Collection<String> codes) {
        Map<String, String> names = new HashMap<>();
        territories.findCommunes(Set.copyOf(codes)).forEach(commune -> names.put(commune.code(), commune.name()));
        return names;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        java.sql.Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    /** The optional answers of the intake kept for the figures: gender and age band (null when not given). */
    Map<String, Object> statisticsAnswers(long projectId) {
        Map<String, Object> answers = new HashMap<>();
        jdbc.sql("select porteur_gender, porteur_age_band from journey.project where id = :id").param("id", projectId)
                .query((rs, n) -> {
                    answers.put("gender", rs.getString(1));
                    answers.put("ageBand", rs.getString(2));
                    return 0;
                }).list();
        return answers;
    }
}
