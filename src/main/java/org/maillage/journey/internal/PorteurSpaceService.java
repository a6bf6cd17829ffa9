package org.maillage.journey.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.maillage.account.CurrentUser;
import org.maillage.account.Role;
import org.maillage.journey.JourneyForms.SurveyForm;
import org.maillage.journey.JourneyViews.Consent;
import org.maillage.journey.JourneyViews.Contact;
import org.maillage.journey.JourneyViews.Meeting;
import org.maillage.journey.JourneyViews.OwnProject;
import org.maillage.journey.JourneyViews.Referral;
import org.maillage.journey.JourneyViews.Space;
import org.maillage.journey.JourneyViews.Survey;
import org.maillage.journey.ReferralStatus;
import org.maillage.journey.PorteurSpace;
import org.maillage.journey.internal.JourneyStore.ProjectRow;
import org.maillage.journey.internal.JourneyStore.Reader;
import org.maillage.journey.internal.JourneyStore.Seen;
import org.maillage.platform.Audit;
import org.maillage.platform.AuditEvent;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.maillage.platform.SecretTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class PorteurSpaceService implements PorteurSpace {

    private final JdbcClient jdbc;
    private final JourneyStore store;
    private final JourneyMails mails;
    private final Audit audit;
    private final Clock clock;
    private final JourneyProperties properties;

    PorteurSpaceService(JdbcClient jdbc, JourneyStore store, JourneyMails mails, Audit audit, Clock clock,
            JourneyProperties properties) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.store = store;
        this.mails = mails;
        this.audit = audit;
        this.clock = clock;
    }

    /** The porteur's own row: id, pôle, region; empty for anyone else. */
    private record Own(long id, Contact contact, String poleSlug, String regionCode, Instant anonymisedAt) {}

    private Optional<Own> own(CurrentUser user) {
        if (!user.has(Role.PORTEUR)) {
            return Optional.empty();
        }
        return jdbc.sql("select * from journey.porteur where user_id = :user and anonymised_at is null")
                .param("user", user.id().value())
                .query((rs, row) -> new Own(rs.getLong("id"), new Contact(rs.getLong("id"), user.id(),
                        rs.getString("display_name"), rs.getString("email"), rs.getString("phone")),
                        rs.getString("pole_slug"), rs.getString("region_code"), JourneyStore.instant(rs, "anonymised_at")))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Space> space(CurrentUser porteur) {
        return own(porteur).map(own -> {
            Instant now = clock.instant();
            List<ProjectRow> rows = store.projectsOf(own.id());
            List<OwnProject> projects = new ArrayList<>();
            Instant erasure = null;
            Set<String> operators = new LinkedHashSet<>();
            for (ProjectRow p : rows) {
                List<Referral> referrals = store.referrals(p.id());
                referrals.forEach(r -> operators.add(r.operatorSlug()));
                List<Meeting> appointments = store.meetings(p.id()).stream().filter(m -> m.at().isAfter(now))
                        .map(m -> new Meeting(m.id(), m.at(), m.format(), m.place(), null)).toList();
                projects.add(new OwnProject(p.id(), p.title(), p.description(), store.communeName(p.communeCode()),
                        store.poleName(p.poleSlug()), p.status(), p.stage(), referrals, appointments,
                        store.timeline(p.id(), Reader.PORTEUR)));
                if (p.erasureRequestedAt() != null) {
                    erasure = p.erasureRequestedAt();
                }
            }
            Map<String, Consent> consents = new LinkedHashMap<>();
            store.consents(own.id()).forEach(c -> consents.put(c.operatorSlug(),
                    new Consent(c.operatorSlug(), store.operatorName(c.operatorSlug()), c.given(), c.at())));
            operators.forEach(slug -> consents.putIfAbsent(slug, new Consent(slug, store.operatorName(slug), false, null)));
            // warned, and nothing happened since: the anonymisation is coming
            Instant warned = jdbc.sql("""
                    select o.retention_warned_at from journey.porteur o
                    where o.id = :id and o.retention_warned_at >= greatest(o.updated_at,
                        (select max(p.last_activity_at) from journey.project p where p.porteur_id = o.id))
                    """).param("id", own.id()).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant)
                    .orElse(null);
            return new Space(own.contact(), store.poleName(own.poleSlug()), projects, List.copyOf(consents.values()),
                    erasure, warned == null ? null : warned.plus(properties.retentionWarning()));
        });
    }

    @Override
    public void setConsent(CurrentUser porteur, String operatorSlug, boolean given) {
        Own own = own(porteur).orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Accès refusé"));
        // the partners of their referrals (or of a consent already given): nothing else is offered
        Map<Long, List<Referral>> referrals = new LinkedHashMap<>();
        store.projectsOf(own.id()).forEach(p -> referrals.put(p.id(), store.referrals(p.id())));
        boolean known = referrals.values().stream().flatMap(List::stream).anyMatch(r -> r.operatorSlug().equals(operatorSlug))
                || store.consents(own.id()).stream().anyMatch(c -> c.operatorSlug().equals(operatorSlug));
        if (!known) {
            throw new NotFoundException("consent.unknown", operatorSlug);
        }
        Instant now = clock.instant();
        if (!store.setConsent(own.id(), operatorSlug, given, now, "porteur")) {
            return;
        }
        referrals.forEach((project, ofProject) -> {
            List<Referral> concerned = ofProject.stream().filter(r -> r.operatorSlug().equals(operatorSlug)).toList();
            if (concerned.isEmpty()) {
                return;
            }
            store.step(project, now, given ? "CONSENT_GIVEN" : "CONSENT_WITHDRAWN", own.contact().displayName(), null,
                    Seen.PORTEUR_AND_POLE, store.operatorName(operatorSlug));
            if (!given) { // a referral the partner has not answered yet goes back to the pôle: it is no longer shared
                concerned.stream().filter(r -> r.status() == ReferralStatus.SENT).forEach(r -> unshare(r, now));
            }
            store.touchActivity(project, now);
        });
        audit.record(new AuditEvent(given ? "CONSENT" : "WITHDRAW", JourneyService.SUBJECT, Long.toString(own.id()),
                porteur.id().value(), own.regionCode(), Map.of("operator", operatorSlug)));
    }

    /** A sent referral returns to PROPOSED: its links stop working, the pôle may send it again with consent. */
    private void unshare(Referral referral, Instant now) {
        jdbc.sql("""
                update journey.referral set status = 'PROPOSED', sent_at = null, reminders_sent = 0, updated_at = :at
                where id = :id and status = 'SENT'
                """).param("at", Timestamp.from(now)).param("id", referral.id()).update();
        jdbc.sql("delete from journey.referral_link where referral_id = :id").param("id", referral.id()).update();
        store.step(referral.projectId(), now, "REFERRAL_UNSHARED", "Maillage", referral.id(), Seen.PORTEUR_AND_POLE,
                referral.schemeName());
    }

    @Override
    public Map<String, Object> export(CurrentUser porteur) {
        Space space = space(porteur).orElseThrow(() -> new NotFoundException("porteur.unknown", porteur.id().value()));
        Own own = own(porteur).orElseThrow();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("exportedAt", clock.instant().toString());
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("displayName", space.porteur().displayName());
        person.put("email", space.porteur().email());
        person.put("phone", space.porteur().phone());
        person.put("pole", space.poleName());
        document.put("person", person);
        List<Map<String, Object>> projects = new ArrayList<>();
        for (ProjectRow p : store.projectsOf(own.id())) {
            Map<String, Object> project = new LinkedHashMap<>();
            project.put("title", p.title());
            project.put("idea", p.description());
            project.put("commune", store.communeName(p.communeCode()));
            project.put("stage", p.stage().name());
            project.put("stageAtIntake", p.stageSelf() == null ? null : p.stageSelf().name());
            project.put("heardFrom", p.heardFrom() == null ? null : p.heardFrom().name());
            Map<String, Object> about = store.statisticsAnswers(p.id());
            project.put("gender", about.get("gender"));
            project.put("ageBand", about.get("ageBand"));
            project.put("intendedLegalForm", p.legalForm());
            project.put("erasureRequestedAt", p.erasureRequestedAt() == null ? null : p.erasureRequestedAt().toString());
            project.put("needs", p.needs().stream().map(Enum::name).toList());
            project.put("sector", p.sector());
            project.put("collective", p.collective());
            project.put("status", p.status().name());
            project.put("createdAt", p.createdAt().toString());
            if (p.outcome() != null) {
                Map<String, Object> outcome = new LinkedHashMap<>();
                outcome.put("on", p.outcome().on() == null ? null : p.outcome().on().toString());
                outcome.put("legalForm", p.outcome().legalForm());
                outcome.put("siret", p.outcome().siret());
                outcome.put("jobs", p.outcome().jobs() == null ? null : p.outcome().jobs().toPlainString());
                outcome.put("reason", p.outcome().reason() == null ? null : p.outcome().reason().name());
                outcome.put("note", p.outcome().note());
                project.put("outcome", outcome);
            }
            project.put("surveys", jdbc.sql("""
                    select months, sent_at, answered_at, activity_created, jobs, satisfaction, comment
                    from journey.survey where project_id = :project order by months
                    """).param("project", p.id()).query((rs, row) -> {
                        Map<String, Object> survey = new LinkedHashMap<>();
                        survey.put("months", rs.getInt("months"));
                        survey.put("sentAt", JourneyStore.instant(rs, "sent_at").toString());
                        Instant answered = JourneyStore.instant(rs, "answered_at");
                        survey.put("answeredAt", answered == null ? null : answered.toString());
                        survey.put("activityCreated", rs.getObject("activity_created"));
                        survey.put("jobs", rs.getBigDecimal("jobs") == null ? null : rs.getBigDecimal("jobs").toPlainString());
                        survey.put("satisfaction", rs.getObject("satisfaction"));
                        survey.put("comment", rs.getString("comment"));
                        return survey;
                    }).list());
            project.put("referrals", store.referrals(p.id()).stream().map(r -> {
                Map<String, Object> referral = new LinkedHashMap<>();
                referral.put("scheme", r.schemeName());
                referral.put("operator", r.operatorName());
                referral.put("status", r.status().name());
                referral.put("proposedAt", r.proposedAt().toString());
                referral.put("sentAt", r.sentAt() == null ? null : r.sentAt().toString());
                referral.put("answeredAt", r.answeredAt() == null ? null : r.answeredAt().toString());
                referral.put("declineReason", r.declineReason() == null ? null : r.declineReason().name());
                referral.put("partnerMessage", r.message());
                referral.put("outcome", r.outcome());
                return referral;
            }).toList());
            project.put("meetings", store.meetings(p.id()).stream().map(m -> {
                Map<String, Object> meeting = new LinkedHashMap<>();
                meeting.put("at", m.at().toString());
                meeting.put("format", m.format().name());
                meeting.put("place", m.place());
                return meeting;
            }).toList());
            project.put("timeline", store.timeline(p.id(), Reader.PORTEUR).stream().map(s -> Map.of("at", s.at().toString(),
                    "by", s.actorLabel(), "what", s.text())).toList());
            projects.add(project);
        }
        document.put("projects", projects);
        document.put("consents", space.consents().stream().map(c -> {
            Map<String, Object> consent = new LinkedHashMap<>();
            consent.put("operator", c.operatorName());
            consent.put("given", c.given());
            consent.put("since", c.at() == null ? null : c.at().toString());
            return consent;
        }).toList());
        // the pôle's own notes are not in this file: the person asks the pôle for them (right of access)
        document.put("notes", "Les notes de travail du pôle ne figurent pas ici : demandez-les à votre pôle si vous le souhaitez.");
        audit.record(new AuditEvent("EXPORT", JourneyService.SUBJECT, Long.toString(own.id()), porteur.id().value(),
                own.regionCode(), Map.of()));
        return document;
    }

    @Override
    public void keep(CurrentUser porteur) {
        Own own = own(porteur).orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Accès refusé"));
        Instant now = clock.instant();
        boolean isWarned = jdbc.sql("select retention_warned_at is not null from journey.porteur where id = :id")
                .param("id", own.id()).query(Boolean.class).single();
        if (!isWarned) {
            return;
        }
        List<Long> warned = jdbc.sql("select id from journey.project where porteur_id = :id and anonymised_at is null")
                .param("id", own.id()).query(Long.class).list();
        for (long project : warned) {
            store.step(project, now, "RETENTION_KEPT", own.contact().displayName(), null, Seen.PORTEUR_AND_POLE);
            store.touchActivity(project, now);
        }
        jdbc.sql("update journey.porteur set retention_warned_at = null, updated_at = :at where id = :id")
                .param("at", Timestamp.from(now)).param("id", own.id()).update();
    }

    @Override
    public void requestErasure(CurrentUser porteur) {
        Own own = own(porteur).orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Accès refusé"));
        Instant now = clock.instant();
        for (ProjectRow p : store.projectsOf(own.id())) {
            if (p.erasureRequestedAt() == null) {
                jdbc.sql("update journey.project set erasure_requested_at = :at where id = :id")
                        .param("at", Timestamp.from(now)).param("id", p.id()).update();
                store.step(p.id(), now, "ERASURE_REQUESTED", own.contact().displayName(), null, Seen.PORTEUR_AND_POLE);
                mails.send(mails.pole(p.poleSlug(), p.regionCode()), "erasure-requested",
                        Map.of("path", "/espace/parcours/" + p.id()));
            }
        }
        audit.record(new AuditEvent("ERASURE_REQUEST", JourneyService.SUBJECT, Long.toString(own.id()),
                porteur.id().value(), own.regionCode(), Map.of()));
    }

    // --- surveys -------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<Survey> survey(String token) {
        if (!SecretTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select s.id, s.months, s.answered_at, p.title from journey.survey s join journey.project p on p.id = s.project_id
                where s.token_hash = :hash and p.anonymised_at is null
                """).param("hash", SecretTokens.hash(token))
                .query((rs, row) -> new Survey(rs.getLong("id"), rs.getInt("months"), rs.getString("title"),
                        rs.getTimestamp("answered_at") != null))
                .optional();
    }

    @Override
    public void answerSurvey(String token, SurveyForm answer) {
        Survey survey = survey(token).filter(s -> !s.answered()).orElseThrow(() -> new NotFoundException("survey.link"));
        if (answer.satisfaction() < 1 || answer.satisfaction() > 5) {
            throw new RuleViolationException("survey.satisfaction.choose");
        }
        Instant now = clock.instant();
        BigDecimal jobs = answer.jobs() == null || answer.jobs().isBlank() ? null
                : new BigDecimal(answer.jobs().strip().replace(',', '.'));
        long projectId = jdbc.sql("""
                update journey.survey set answered_at = :at, activity_created = :created, jobs = :jobs,
                    satisfaction = :satisfaction, comment = :comment
                where id = :id and answered_at is null returning project_id
                """).param("at", Timestamp.from(now)).param("created", answer.activityCreated()).param("jobs", jobs)
                .param("satisfaction", answer.satisfaction())
                .param("comment", answer.comment() == null || answer.comment().isBlank() ? null : answer.comment().strip())
                .param("id", survey.id()).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("survey.link")); // answered meanwhile, by the same link
        store.step(projectId, now, "SURVEY_ANSWERED", "Maillage", null, Seen.PORTEUR_AND_POLE, survey.months(),
                answer.satisfaction());
        store.touchActivity(projectId, now);
    }
}
