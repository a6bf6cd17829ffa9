package org.maillage.journey.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maillage.account.Accounts;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.PoleRef;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.directory.Siret;
import org.maillage.journey.Intake;
import org.maillage.journey.IntakeForm;
import org.maillage.journey.JourneyForms.MeetingForm;
import org.maillage.journey.JourneyForms.NoteForm;
import org.maillage.journey.JourneyForms.Qualification;
import org.maillage.journey.JourneyForms.StatusForm;
import org.maillage.journey.JourneyViews.InboxPage;
import org.maillage.journey.JourneyViews.InboxRow;
import org.maillage.journey.JourneyViews.Journey;
import org.maillage.journey.JourneyViews.Referral;
import org.maillage.journey.JourneyViews.UnroutedRequest;
import org.maillage.journey.Journeys;
import org.maillage.journey.ProjectStatus;
import org.maillage.journey.ReferralStatus;
import org.maillage.journey.internal.JourneyStore.ProjectRow;
import org.maillage.journey.internal.JourneyStore.ReferralRow;
import org.maillage.journey.internal.JourneyStore.Reader;
import org.maillage.journey.internal.JourneyStore.Seen;
import org.maillage.network.PoleResolution;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.offer.Scheme;
import org.maillage.offer.Schemes;
import org.maillage.platform.Audit;
import org.maillage.platform.AuditEvent;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.maillage.platform.SecretTokens;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(noRollbackFor = AccessDeniedException.class)
class JourneyService implements Journeys {

    static final String SUBJECT = "JOURNEY";
    static final String REFERRAL_SUBJECT = "REFERRAL";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final int PAGE_SIZE = 20;

    private final JdbcClient jdbc;
    private final JourneyStore store;
    private final JourneyMails mails;
    private final Accounts accounts;
    private final Authorizations authorizations;
    private final Poles poles;
    private final Schemes schemes;
    private final Audit audit;
    private final Clock clock;
    private final JourneyProperties properties;
    private final MessageSource messages;
    private final RetentionNotice notice;

    JourneyService(JdbcClient jdbc, JourneyStore store, JourneyMails mails, Accounts accounts,
            Authorizations authorizations, Poles poles, Schemes schemes, Audit audit, Clock clock,
            JourneyProperties properties, MessageSource messages, RetentionNotice notice) {
        this.notice = notice;
        this.jdbc = jdbc;
        this.store = store;
        this.mails = mails;
        this.accounts = accounts;
        this.authorizations = authorizations;
        this.poles = poles;
        this.schemes = schemes;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.messages = messages;
    }

    // --- intake --------------------------------------------------------------------------------

    @Override
    public Intake submit(IntakeForm form, String communeCode, String clientAddress) {
        PoleResolution resolution = poles.resolve(communeCode);
        String poleName = resolution.pole() == null ? null : resolution.pole().name();
        String coordinationName = resolution.coordination() == null ? null : resolution.coordination().name();
        if (form.robot()) {
            return new Intake(null, poleName, coordinationName); // answered as usual, kept nowhere
        }
        if (form.submissionKey() != null) {
            Long existing = jdbc.sql("select id from journey.project where submission_key = :key")
                    .param("key", form.submissionKey()).query(Long.class).optional().orElse(null);
            if (existing != null) {
                return new Intake(existing, poleName, coordinationName);
            }
        }
        Instant now = clock.instant();
        String client = SecretTokens.hash(clientAddress == null ? "-" : clientAddress);
        // one statement: this attempt recorded, the address's older ones dropped, and the attempts of the
        // last hour before it counted (a refusal rolls the attempt back with the rest)
        long recent = jdbc.sql("""
                with dropped as (delete from journey.intake_attempt where client_hash = :client and at <= :since),
                     added as (insert into journey.intake_attempt (client_hash, at) values (:client, :at))
                select count(*) from journey.intake_attempt where client_hash = :client and at > :since
                """).param("client", client).param("since", Timestamp.from(now.minusSeconds(3600)))
                .param("at", Timestamp.from(now)).query(Long.class).single();
        if (recent >= properties.intakesPerHour()) {
            throw new RuleViolationException("intake.tooMany");
        }
        String email = form.email().strip();
        if (accounts.isStaffEmail(email)) {
            // answered as usual, so that the form never tells which addresses are the staff's; the mailbox
            // itself is told why nothing was recorded
            mails.send(email, "intake-staff", Map.of());
            return new Intake(null, poleName, coordinationName);
        }

        var commune = resolution.commune();
        String poleSlug = resolution.pole() == null ? null : resolution.pole().slug();
        String regionCode = resolution.pole() == null ? commune.regionCode() : resolution.pole().regionCode();
        var user = accounts.ensurePorteur(email, form.displayName().strip());
        // a person already known keeps their file as it is: whoever fills in the public form with their
        // address only adds a request (a phone is only added where none was known)
        long porteurId = jdbc.sql("""
                insert into journey.porteur (user_id, display_name, email, phone, pole_slug, region_code, consent_at)
                values (:user, :name, :email, :phone, :pole, :region, :at)
                on conflict (user_id) do update set phone = coalesce(journey.porteur.phone, excluded.phone)
                returning id
                """).param("user", user.value()).param("name", form.displayName().strip())
                .param("email", email).param("phone", blankToNull(form.phone()))
                .param("pole", poleSlug).param("region", regionCode).param("at", Timestamp.from(now))
                .query(Long.class).single();
        String idea = form.idea().strip();
        Long projectId = jdbc.sql("""
                insert into journey.project (porteur_id, pole_slug, region_code, departement_code, commune_code, title,
                    description, collective, stage, stage_self, needs, status, heard_from, submission_key, created_at,
                    updated_at, last_step_at, last_activity_at, porteur_gender, porteur_age_band)
                values (:porteur, :pole, :region, :departement, :commune, :title, :description, :collective, :stage,
                    :stage, :needs, 'NEW', :heard, :key, :at, :at, :at, :at, :gender, :ageBand)
                on conflict (submission_key) do nothing
                returning id
                """).param("porteur", porteurId).param("pole", poleSlug).param("region", regionCode)
                .param("departement", commune.departementCode()).param("commune", commune.code())
                .param("title", titleOf(idea)).param("description", idea).param("collective", form.collective())
                .param("stage", form.stage().name()).param("needs", JourneyStore.needCodes(form.needs()))
                .param("heard", form.heardFrom() == null ? null : form.heardFrom().name())
                .param("gender", form.gender() == null ? null : form.gender().name())
                .param("ageBand", form.ageBand() == null ? null : form.ageBand().name())
                .param("key", form.submissionKey()).param("at", Timestamp.from(now))
                .query(Long.class).optional().orElse(null);
        if (projectId == null) { // the same form at the same instant on another connection
            return new Intake(jdbc.sql("select id from journey.project where submission_key = :key")
                    .param("key", form.submissionKey()).query(Long.class).single(), poleName, coordinationName);
        }
        store.step(projectId, now, "INTAKE", form.displayName().strip(), null, Seen.EVERYONE,
                poleName != null ? poleName : coordinationName);
        audit.recordAs(null, new AuditEvent("CREATE", SUBJECT, Long.toString(projectId), user.value(), regionCode,
                Map.of("fields", List.of("nom", "courriel", "téléphone", "projet", "commune", "consentement"))));
        Map<String, Object> ack = new HashMap<>();
        ack.put("displayName", form.displayName().strip());
        ack.put("welcomer", poleName != null ? poleName : coordinationName == null ? "" : coordinationName);
        ack.put("path", accounts.spaceLinkPath(user, properties.acknowledgementLinkValidity()));
        ack.put("validity", notice.words(properties.acknowledgementLinkValidity(), java.util.Locale.FRENCH));
        mails.send(email, "intake-received", ack);
        mails.send(mails.pole(poleSlug, regionCode), "intake-new", Map.of("path",
                poleSlug == null ? "/espace/parcours/a-orienter" : "/espace/parcours/" + projectId,
                "communeName", commune.name(), "stage", label("stage." + form.stage())));
        return new Intake(projectId, poleName, coordinationName);
    }

    /** A title from the idea: its first sentence, at most 80 characters cut at a word. */
    static String titleOf(String idea) {
        String first = idea.strip().split("(?<=[.!?])\\s|\\R", 2)[0].strip();
        if (first.length() <= 80) {
            return first;
        }
        int cut = first.lastIndexOf(' ', 79);
        return first.substring(0, cut > 20 ? cut : 79) + "…";
    }

    // --- inbox ---------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public InboxPage inbox(CurrentUser by, InboxQuery query) {
        Set<String> animated = by.scopes(Role.ANIMATEUR, ScopeType.POLE);
        authorizations.check(!animated.isEmpty());
        String[] scope = query.poleSlug() != null && animated.contains(query.poleSlug())
                ? new String[] {query.poleSlug()} : animated.toArray(String[]::new);
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        String base = """
                from journey.project p join journey.porteur o on o.id = p.porteur_id
                where p.pole_slug = any(:poles) and p.anonymised_at is null
                  and (:text = '' or public.search_key(o.display_name || ' ' || o.email || ' ' || p.title)
                       like '%' || public.search_key(:text) || '%')
                """;
        String text = query.text() == null ? "" : query.text().strip();
        Map<String, String> views = new LinkedHashMap<>();
        views.put("ALL", "true");
        views.put("NEW", "p.status = 'NEW'");
        views.put("OVERDUE", "p.follow_up_on <= :today and p.status in ('NEW', 'OPEN', 'PAUSED')");
        views.put("WAITING", "exists (select 1 from journey.referral r where r.project_id = p.id and r.status = 'SENT')");
        views.put("ERASURE", "p.erasure_requested_at is not null");
        String view = views.containsKey(query.view()) ? query.view() : "ALL";
        String status = query.status() == null ? null : query.status().name();
        // the number of projects in each view, and in the view shown with the status filter, in one scan
        Map<String, String> counted = new LinkedHashMap<>(views);
        counted.put("shown", views.get(view) + " and (cast(:status as text) is null or p.status = :status)");
        Map<String, Object> params = new HashMap<>();
        params.put("poles", scope);
        params.put("text", text);
        params.put("today", today);
        params.put("status", status);
        Map<String, Long> counts = store.countByView(counted, base, params);
        long total = counts.remove("shown");
        String filter = " and " + views.get(view) + (status == null ? "" : " and p.status = :status");
        int page = Math.max(0, query.page());
        Map<String, String> poleNames = store.poleNames();
        record Raw(long id, String name, String title, String commune, String pole, ProjectStatus status, Instant created,
                Instant last, LocalDate followUp, int waiting, boolean erasure) {}
        List<Raw> raws = jdbc.sql("""
                select p.id, o.display_name, p.title, p.commune_code, p.pole_slug, p.status, p.created_at, p.last_step_at,
                       p.follow_up_on, p.erasure_requested_at is not null as erasure,
                       (select count(*) from journey.referral r where r.project_id = p.id and r.status = 'SENT') as waiting
                """ + base + filter + " order by (p.status = 'NEW') desc, p.last_step_at desc, p.id desc limit :limit offset :offset")
                .param("poles", scope).param("text", text).param("today", today).param("status", status)
                .param("limit", PAGE_SIZE).param("offset", (long) page * PAGE_SIZE)
                .query((rs, row) -> new Raw(rs.getLong("id"), rs.getString("display_name"), rs.getString("title"),
                        rs.getString("commune_code"), rs.getString("pole_slug"), ProjectStatus.valueOf(rs.getString("status")),
                        JourneyStore.instant(rs, "created_at"), JourneyStore.instant(rs, "last_step_at"),
                        JourneyStore.localDate(rs, "follow_up_on"), rs.getInt("waiting"), rs.getBoolean("erasure")))
                .list();
        Map<String, String> communes = store.communeNames(raws.stream().map(Raw::commune).toList());
        List<InboxRow> rows = raws.stream().map(raw -> new InboxRow(raw.id(), raw.name(), raw.title(),
                communes.getOrDefault(raw.commune(), raw.commune()), poleNames.getOrDefault(raw.pole(), raw.pole()),
                raw.status(), raw.created(), raw.last(), raw.followUp(), raw.waiting(),
                raw.followUp() != null && !raw.followUp().isAfter(today) && !raw.status().outcome(), raw.erasure()))
                .toList();
        return new InboxPage(rows, total, page, PAGE_SIZE, counts);
    }

    // --- the file ------------------------------------------------------------------------------

    @Override
    public Journey read(CurrentUser by, long projectId) {
        ProjectRow project = store.project(projectId).orElseThrow(() -> new NotFoundException("journey.unknown", projectId));
        checkAnimator(by, project, "READ");
        audit.record(new AuditEvent("READ", SUBJECT, Long.toString(projectId), project.porteur().userId().value(),
                project.regionCode(), Map.of()));
        return journey(project);
    }

    private Journey journey(ProjectRow p) {
        return new Journey(p.id(), p.porteur(), p.title(), p.description(), p.poleSlug(), store.poleName(p.poleSlug()),
                p.regionCode(), p.communeCode(), store.communeName(p.communeCode()), p.departementCode(), p.stage(),
                p.stageSelf(), p.needs(), p.sector(), p.collective(), p.legalForm(), p.heardFrom(), p.status(),
                p.followUpOn(), p.outcome(), p.createdAt(), p.lastActivityAt(), p.erasureRequestedAt(), p.anonymisedAt(),
                store.meetings(p.id()), store.referrals(p.id()), store.timeline(p.id(), Reader.POLE),
                store.consentedOperators(p.porteur().porteurId()));
    }

    /**
     * The project, for one of its pôle's animators; anyone else is refused and the attempt is written
     * in the audit log (the refusal is committed: {@code noRollbackFor}).
     */
    private ProjectRow requireAnimator(CurrentUser by, long projectId, String action) {
        ProjectRow project = store.projectForUpdate(projectId)
                .orElseThrow(() -> new NotFoundException("journey.unknown", projectId));
        checkAnimator(by, project, action);
        if (project.anonymised()) {
            throw new RuleViolationException("journey.anonymised");
        }
        return project;
    }

    private void checkAnimator(CurrentUser by, ProjectRow project, String action) {
        boolean allowed = project.poleSlug() != null
                && authorizations.canSeeProjectsOf(by, new PoleRef(project.poleSlug(), project.regionCode()));
        if (!allowed) {
            denied(SUBJECT, project.id(), project.porteur().userId().value(), project.regionCode(), action);
        }
    }

    /** The referral of this project (a referral of another project named in the address is not found). */
    private ReferralRow referralOf(long projectId, long referralId) {
        return store.referralForUpdate(referralId).filter(row -> row.referral().projectId() == projectId)
                .orElseThrow(() -> new NotFoundException("referral.unknown", referralId));
    }

    void denied(String subject, long id, long subjectUser, String region, String action) {
        audit.record(new AuditEvent("DENIED", subject, Long.toString(id), subjectUser, region, Map.of("attempt", action)));
        throw new AccessDeniedException("Accès refusé");
    }

    @Override
    public void qualify(CurrentUser by, long projectId, Qualification q) {
        ProjectRow project = requireAnimator(by, projectId, "UPDATE");
        Instant now = clock.instant();
        jdbc.sql("""
                update journey.project set title = :title, description = :description, stage = :stage, needs = :needs,
                    sector = :sector, collective = :collective, legal_form = :legal,
                    status = case when status = 'NEW' then 'OPEN' else status end, updated_at = :at
                where id = :id
                """).param("title", q.title().strip()).param("description", q.description() == null ? "" : q.description().strip())
                .param("stage", q.stage().name()).param("needs", JourneyStore.needCodes(q.needs()))
                .param("sector", q.sector() == null ? null : q.sector().name()).param("collective", q.isCollective())
                .param("legal", q.legalForm() == null ? null : q.legalForm().name()).param("id", projectId).update();
        store.step(projectId, now, "QUALIFIED", by.displayName(), null, Seen.EVERYONE, label("stage." + q.stage()));
        store.touch(projectId, now);
        audited(by, project, "UPDATE", List.of("titre", "description", "étape", "besoins", "secteur"));
    }

    @Override
    public void addMeeting(CurrentUser by, long projectId, MeetingForm m) {
        ProjectRow project = requireAnimator(by, projectId, "UPDATE");
        Instant now = clock.instant();
        Instant at = m.date().atTime(m.time() == null ? LocalTime.NOON : m.time()).atZone(PARIS).toInstant();
        jdbc.sql("""
                insert into journey.meeting (project_id, at, format, place, notes, created_by, created_at)
                values (:project, :at, :format, :place, :notes, :by, :now)
                """).param("project", projectId).param("at", Timestamp.from(at)).param("format", m.format().name())
                .param("place", blankToNull(m.place())).param("notes", m.notes() == null ? "" : m.notes().strip())
                .param("by", by.id().value()).param("now", Timestamp.from(now)).update();
        boolean held = m.time() == null ? !m.date().isAfter(LocalDate.now(clock.withZone(PARIS))) : !at.isAfter(now);
        if (held && project.status() == ProjectStatus.NEW) {
            jdbc.sql("update journey.project set status = 'OPEN' where id = :id").param("id", projectId).update();
        }
        String when = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH)
                .format(at.atZone(PARIS));
        store.step(projectId, now, held ? "MEETING" : "APPOINTMENT", by.displayName(), null, Seen.EVERYONE, when,
                label("meeting.format." + m.format()));
        store.touch(projectId, now);
        audited(by, project, "UPDATE", List.of("rendez-vous"));
    }

    @Override
    public void addNote(CurrentUser by, long projectId, NoteForm note) {
        ProjectRow project = requireAnimator(by, projectId, "UPDATE");
        Instant now = clock.instant();
        jdbc.sql("""
                insert into journey.timeline_event (project_id, at, kind, actor_label, text, porteur_visible, partner_visible)
                values (:project, :at, 'NOTE', :actor, :text, :porteur, false)
                """).param("project", projectId).param("at", Timestamp.from(now)).param("actor", by.displayName())
                .param("text", note.text().strip()).param("porteur", note.visibleToPorteur()).update();
        store.touch(projectId, now);
        audited(by, project, "UPDATE", List.of("note"));
    }

    // --- referrals -----------------------------------------------------------------------------

    @Override
    public long propose(CurrentUser by, long projectId, String schemeSlug) {
        ProjectRow project = requireAnimator(by, projectId, "UPDATE");
        Scheme scheme = schemes.find(schemeSlug).orElseThrow(() -> new NotFoundException("scheme.unknown", schemeSlug));
        boolean open = store.referrals(projectId).stream()
                .anyMatch(r -> r.schemeSlug().equals(schemeSlug) && !r.status().closed());
        if (open) {
            throw new RuleViolationException("referral.alreadyOpen", scheme.name());
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into journey.referral (project_id, scheme_slug, scheme_name, operator_slug, status, proposed_at, updated_at)
                values (:project, :scheme, :name, :operator, 'PROPOSED', :at, :at) returning id
                """).param("project", projectId).param("scheme", scheme.slug()).param("name", scheme.name())
                .param("operator", scheme.operatorSlug()).param("at", Timestamp.from(now)).query(Long.class).single();
        store.step(projectId, now, "REFERRAL_PROPOSED", by.displayName(), id, Seen.PORTEUR_AND_POLE, scheme.name(),
                scheme.operatorName());
        store.touch(projectId, now);
        audited(by, project, "UPDATE", List.of("orientation"));
        return id;
    }

    @Override
    public void recordConsent(CurrentUser by, long projectId, String operatorSlug) {
        ProjectRow project = requireAnimator(by, projectId, "UPDATE");
        if (store.referrals(projectId).stream().noneMatch(r -> r.operatorSlug().equals(operatorSlug))) {
            throw new NotFoundException("referral.unknown", operatorSlug); // only the partners of this project's referrals
        }
        if (store.withdrawnByPorteur(project.porteur().porteurId(), operatorSlug)) {
            // the person took it back themself: only they can give it again, from their space
            throw new RuleViolationException("consent.withdrawnByPorteur", store.operatorName(operatorSlug));
        }
        Instant now = clock.instant();
        if (store.setConsent(project.porteur().porteurId(), operatorSlug, true, now, by.displayName())) {
            store.step(projectId, now, "CONSENT_RECORDED", by.displayName(), null, Seen.PORTEUR_AND_POLE,
                    store.operatorName(operatorSlug));
            store.touch(projectId, now);
            audited(by, project, "UPDATE", List.of("consentement " + operatorSlug));
        }
    }

    @Override
    public void send(CurrentUser by, long projectId, long referralId) {
        ReferralRow row = referralOf(projectId, referralId);
        ProjectRow project = requireAnimator(by, projectId, "UPDATE");
        Referral referral = row.referral();
        if (!referral.status().canMoveTo(ReferralStatus.SENT)) {
            throw new RuleViolationException("referral.transition", label("referral.status." + referral.status()));
        }
        if (!referral.consented()) {
            throw new RuleViolationException("referral.noConsent", referral.operatorName());
        }
        if (partners(referral).isEmpty()) {
            throw new RuleViolationException("referral.noRecipient", referral.operatorName());
        }
        Instant now = clock.instant();
        jdbc.sql("update journey.referral set status = 'SENT', sent_at = :at, updated_at = :at where id = :id")
                .param("at", Timestamp.from(now)).param("id", referralId).update();
        emailPartner(referral, project, "referral-sent", 0);
        store.step(project.id(), now, "REFERRAL_SENT", by.displayName(), referralId, Seen.EVERYONE,
                referral.schemeName(), referral.operatorName());
        store.touch(project.id(), now);
        audited(by, project, "SHARE", List.of("orientation vers " + referral.operatorSlug()));
    }

    @Override
    public void resend(CurrentUser by, long projectId, long referralId) {
        ReferralRow row = referralOf(projectId, referralId);
        ProjectRow project = requireAnimator(by, projectId, "UPDATE");
        if (!row.referral().status().withPartner() || !row.referral().shared()) {
            throw new RuleViolationException("referral.transition", label("referral.status." + row.referral().status()));
        }
        emailPartner(row.referral(), project, "referral-link", 0);
        Instant now = clock.instant();
        store.step(projectId, now, "REFERRAL_LINK_SENT", by.displayName(), referralId, Seen.PARTNERS_AND_POLE,
                row.referral().schemeName());
        audited(by, project, "SHARE", List.of("lien renvoyé à " + row.referral().operatorSlug()));
    }

    /** Who receives a referral: the operator's partners (their accounts) and the scheme's contact address. */
    private java.util.Set<String> partners(Referral referral) {
        String contact = schemes.find(referral.schemeSlug()).map(Scheme::contactEmail).orElse(null);
        return mails.partners(referral.operatorSlug(), contact);
    }

    /** Emails the partner a new link to answer (the first one, a reminder, or sent again by the pôle). */
    void emailPartner(Referral referral, ProjectRow project, String template, int reminder) {
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into journey.referral_link (token_hash, referral_id, created_at, expires_at)
                values (:hash, :referral, :at, :expires)
                """).param("hash", SecretTokens.hash(token)).param("referral", referral.id())
                .param("at", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(properties.partnerLinkValidity())))
                .update();
        Map<String, Object> model = new HashMap<>();
        model.put("schemeName", referral.schemeName());
        model.put("poleName", project.poleSlug() == null ? "" : store.poleName(project.poleSlug()));
        model.put("communeName", store.communeName(project.communeCode()));
        model.put("stage", label("stage." + project.stage()));
        model.put("path", "/orientations/reponse?jeton=" + token);
        model.put("validity", notice.words(properties.partnerLinkValidity(), java.util.Locale.FRENCH));
        model.put("reminder", reminder);
        model.put("subjectArgument", referral.schemeName());
        mails.send(partners(referral), template, model);
    }

    @Override
    public void cancelReferral(CurrentUser by, long projectId, long referralId) {
        ReferralRow row = referralOf(projectId, referralId);
        ProjectRow project = requireAnimator(by, projectId, "UPDATE");
        if (!row.referral().status().canMoveTo(ReferralStatus.ABANDONED)) {
            throw new RuleViolationException("referral.transition", label("referral.status." + row.referral().status()));
        }
        Instant now = clock.instant();
        close(row.referral(), now, by.displayName());
        store.touch(project.id(), now);
    }

    /** The pôle stops a referral that is still open: closed, its links no longer work. */
    private void close(Referral referral, Instant now, String actor) {
        jdbc.sql("update journey.referral set status = 'ABANDONED', closed_at = :at, updated_at = :at where id = :id")
                .param("at", Timestamp.from(now)).param("id", referral.id()).update();
        jdbc.sql("delete from journey.referral_link where referral_id = :id").param("id", referral.id()).update();
        store.step(referral.projectId(), now, "REFERRAL_CANCELLED", actor, referral.id(),
                referral.sentAt() == null ? Seen.PORTEUR_AND_POLE : Seen.EVERYONE, referral.schemeName());
    }

    // --- status and outcome --------------------------------------------------------------------

    @Override
    public void changeStatus(CurrentUser by, long projectId, StatusForm form) {
        ProjectRow project = requireAnimator(by, projectId, "UPDATE");
        ProjectStatus status = form.status();
        if (status == ProjectStatus.NEW) {
            throw new RuleViolationException("journey.status.new");
        }
        if (status == ProjectStatus.PAUSED && form.followUpOn() == null) {
            throw new RuleViolationException("journey.followUp.blank");
        }
        if (status == ProjectStatus.CREATED && form.on() == null) {
            throw new RuleViolationException("journey.outcome.date.blank");
        }
        if (status == ProjectStatus.ABANDONED && form.reason() == null) {
            throw new RuleViolationException("journey.outcome.reason.blank");
        }
        String siret = form.siret() == null ? "" : form.siret().replace(" ", "");
        if (!siret.isEmpty() && !Siret.isValid(siret)) {
            throw new RuleViolationException("journey.siret.invalid");
        }
        BigDecimal jobs = form.jobs() == null || form.jobs().isBlank() ? null
                : new BigDecimal(form.jobs().strip().replace(',', '.'));
        Instant now = clock.instant();
        boolean outcome = status.outcome();
        jdbc.sql("""
                update journey.project set status = :status, follow_up_on = :followUp, follow_up_notified_on = null,
                    outcome_on = :on, outcome_legal_form = :legal, outcome_siret = :siret, outcome_jobs = :jobs,
                    outcome_reason = :reason, outcome_note = :note, updated_at = :at
                where id = :id
                """).param("status", status.name()).param("followUp", form.followUpOn())
                .param("on", outcome ? (form.on() == null ? LocalDate.now(clock.withZone(PARIS)) : form.on()) : null)
                .param("legal", outcome && form.legalForm() != null ? form.legalForm().name() : null)
                .param("siret", outcome && !siret.isEmpty() ? siret : null).param("jobs", outcome ? jobs : null)
                .param("reason", status == ProjectStatus.ABANDONED ? form.reason().name() : null)
                .param("note", outcome ? blankToNull(form.note()) : null).param("at", Timestamp.from(now))
                .param("id", projectId).update();
        String detail = switch (status) {
            case PAUSED -> java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH)
                    .format(form.followUpOn());
            case ABANDONED -> label("journey.abandon." + form.reason());
            case CREATED -> jobs == null ? "" : label("journey.outcome.jobs", jobs.stripTrailingZeros().toPlainString()
                    .replace('.', ','));
            default -> "";
        };
        store.step(projectId, now, "STATUS_" + status, by.displayName(), null, Seen.EVERYONE, detail);
        if (status == ProjectStatus.ABANDONED) { // the person stopped: no partner waits for them any more
            store.referrals(projectId).stream().filter(r -> r.status().canMoveTo(ReferralStatus.ABANDONED))
                    .forEach(r -> close(r, now, by.displayName()));
        }
        store.touch(projectId, now);
        audited(by, project, "UPDATE", List.of("statut", "issue"));
    }

    // --- erasure -------------------------------------------------------------------------------

    @Override
    public void confirmErasure(CurrentUser by, long projectId) {
        ProjectRow project = requireAnimator(by, projectId, "ERASE");
        if (project.erasureRequestedAt() == null) {
            throw new RuleViolationException("journey.erasure.notAsked");
        }
        anonymise(project.porteur().porteurId(), clock.instant(), "ERASURE");
        audit.record(new AuditEvent("ERASE", SUBJECT, Long.toString(projectId), project.porteur().userId().value(),
                project.regionCode(), Map.of("fields", List.of("nom", "courriel", "téléphone", "textes"))));
    }

    /** Steps the porteur takes themself: their name is the step's author. */
    private static final List<String> PORTEUR_STEPS = List.of("INTAKE", "CONSENT_GIVEN", "CONSENT_WITHDRAWN",
            "ERASURE_REQUESTED", "RETENTION_KEPT", "SURVEY_ANSWERED");

    /**
     * Anonymises a porteur and all their projects: name, email, phone, texts, notes and messages go, their
     * open referrals close (partners' links stop working), their consents and unsent emails go; the figures
     * (stage, needs, sector, commune, statuses, dates, outcome, jobs) stay.
     */
    void anonymise(long porteurId, Instant now, String why) {
        record Person(long userId, String name, String email) {}
        Person person = jdbc.sql("select user_id, display_name, email from journey.porteur where id = :id").param("id", porteurId)
                .query((rs, row) -> new Person(rs.getLong("user_id"), rs.getString("display_name"), rs.getString("email")))
                .single();
        String projects = "(select id from journey.project where porteur_id = :id)";
        jdbc.sql("""
                update journey.porteur set display_name = 'Personne anonymisée', email = 'anonyme-' || id || '@anonyme.invalid',
                    phone = null, anonymised_at = :at, retention_warned_at = null, updated_at = :at
                where id = :id
                """).param("at", Timestamp.from(now)).param("id", porteurId).update();
        jdbc.sql("""
                update journey.project set title = 'Projet anonymisé', description = '', outcome_note = null,
                    outcome_siret = null, anonymised_at = :at, erasure_requested_at = null, submission_key = null,
                    follow_up_on = null, porteur_gender = null, porteur_age_band = null
                where porteur_id = :id
                """).param("at", Timestamp.from(now)).param("id", porteurId).update();
        jdbc.sql("update journey.meeting set notes = '', place = null where project_id in " + projects)
                .param("id", porteurId).update();
        jdbc.sql("""
                update journey.referral set message = null, outcome = null,
                    status = case when status in ('PROPOSED', 'SENT', 'ACCEPTED', 'IN_PROGRESS') then 'ABANDONED' else status end,
                    closed_at = coalesce(closed_at, :at)
                where project_id in
                """ + projects).param("at", Timestamp.from(now)).param("id", porteurId).update();
        jdbc.sql("delete from journey.referral_link where referral_id in (select id from journey.referral where project_id in "
                + projects + ")").param("id", porteurId).update();
        jdbc.sql("delete from journey.consent where porteur_id = :id").param("id", porteurId).update();
        jdbc.sql("""
                update journey.timeline_event set text = case when kind in ('NOTE', 'SURVEY_ANSWERED') then '' else text end,
                    actor_label = case when actor_label = :name or kind in (:porteurSteps) then 'Personne anonymisée'
                                       else actor_label end
                where project_id in
                """ + projects).param("name", person.name()).param("porteurSteps", PORTEUR_STEPS).param("id", porteurId)
                .update();
        jdbc.sql("update journey.survey set comment = null where project_id in " + projects).param("id", porteurId).update();
        for (Long project : jdbc.sql("select id from journey.project where porteur_id = :id").param("id", porteurId)
                .query(Long.class).list()) {
            store.step(project, now, "ANONYMISED_" + why, "Maillage", null, Seen.POLE_ONLY);
        }
        mails.forget(person.email());
        accounts.anonymisePorteur(new org.maillage.account.UserId(person.userId()));
    }

    // --- regional coordination -----------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public List<UnroutedRequest> unrouted(CurrentUser coordinator) {
        Set<String> regions = coordinator.scopes(Role.COORDINATEUR, ScopeType.REGION);
        authorizations.check(!regions.isEmpty());
        record Raw(long id, String commune, String departement, String stage, java.sql.Array needs, Instant at) {}
        List<UnroutedRequest> requests = new ArrayList<>();
        var rows = jdbc.sql("""
                select id, commune_code, departement_code, stage, needs, created_at from journey.project
                where pole_slug is null and region_code = any(:regions) and anonymised_at is null
                  and status not in ('CREATED', 'MEMBER', 'ABANDONED')
                order by created_at
                """).param("regions", regions.toArray(String[]::new))
                .query((rs, row) -> new UnroutedRequest(rs.getLong("id"), rs.getString("commune_code"),
                        rs.getString("departement_code"), org.maillage.offer.ProjectStage.valueOf(rs.getString("stage")),
                        JourneyStore.needs(rs.getArray("needs")), JourneyStore.instant(rs, "created_at")))
                .list();
        Map<String, String> communes = store.communeNames(rows.stream().map(UnroutedRequest::communeName).toList());
        for (UnroutedRequest r : rows) {
            requests.add(new UnroutedRequest(r.projectId(), communes.getOrDefault(r.communeName(), r.communeName()),
                    r.departementCode(), r.stage(), r.needs(), r.createdAt()));
        }
        return requests;
    }

    @Override
    public void assign(CurrentUser coordinator, long projectId, String poleSlug) {
        ProjectRow project = store.projectForUpdate(projectId)
                .orElseThrow(() -> new NotFoundException("journey.unknown", projectId));
        PoleSummary pole = store.pole(poleSlug).orElseThrow(() -> new NotFoundException("pole.unknown", poleSlug));
        boolean allowed = project.poleSlug() == null
                && coordinator.scopes(Role.COORDINATEUR, ScopeType.REGION).contains(project.regionCode())
                && pole.regionCode().equals(project.regionCode());
        if (!allowed) {
            denied(SUBJECT, projectId, project.porteur().userId().value(), project.regionCode(), "ASSIGN");
        }
        if (project.anonymised() || project.status().outcome()) {
            throw new RuleViolationException("journey.assign.closed");
        }
        Instant now = clock.instant();
        jdbc.sql("update journey.project set pole_slug = :pole, updated_at = :at where id = :id")
                .param("pole", pole.slug()).param("at", Timestamp.from(now)).param("id", projectId).update();
        jdbc.sql("update journey.porteur set pole_slug = :pole where id = :id and pole_slug is null")
                .param("pole", pole.slug()).param("id", project.porteur().porteurId()).update();
        store.step(projectId, now, "ASSIGNED", coordinator.displayName(), null, Seen.EVERYONE, pole.name());
        store.touch(projectId, now);
        audit.record(new AuditEvent("ASSIGN", SUBJECT, Long.toString(projectId), project.porteur().userId().value(),
                project.regionCode(), Map.of("pole", pole.slug())));
        mails.send(mails.pole(pole.slug(), pole.regionCode()), "intake-new", Map.of("path", "/espace/parcours/" + projectId,
                "communeName", store.communeName(project.communeCode()), "stage", label("stage." + project.stage())));
    }

    // --- helpers -------------------------------------------------------------------------------

    private void audited(CurrentUser by, ProjectRow project, String action, List<String> fields) {
        audit.record(new AuditEvent(action, SUBJECT, Long.toString(project.id()), project.porteur().userId().value(),
                project.regionCode(), Map.of("fields", fields)));
    }

    String label(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, java.util.Locale.FRENCH);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
