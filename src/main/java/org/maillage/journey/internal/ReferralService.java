package org.maillage.journey.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.ReferralRef;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.journey.JourneyForms.AnswerForm;
import org.maillage.journey.JourneyViews.PartnerPage;
import org.maillage.journey.JourneyViews.PartnerReferral;
import org.maillage.journey.JourneyViews.PartnerRow;
import org.maillage.journey.JourneyViews.Referral;
import org.maillage.journey.ReferralStatus;
import org.maillage.journey.Referrals;
import org.maillage.journey.internal.JourneyStore.ProjectRow;
import org.maillage.journey.internal.JourneyStore.ReferralRow;
import org.maillage.journey.internal.JourneyStore.Seen;
import org.maillage.platform.Actor;
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
class ReferralService implements Referrals {

    /** Someone acting from an emailed link: the operator, without an account. */
    record LinkActor(String auditLabel) implements Actor {

        @Override
        public long userId() {
            return 0;
        }

        @Override
        public String displayName() {
            return auditLabel;
        }
    }

    private final JdbcClient jdbc;
    private final JourneyStore store;
    private final JourneyMails mails;
    private final Authorizations authorizations;
    private final Audit audit;
    private final Clock clock;
    private final MessageSource messages;

    ReferralService(JdbcClient jdbc, JourneyStore store, JourneyMails mails, Authorizations authorizations, Audit audit,
            Clock clock, MessageSource messages) {
        this.jdbc = jdbc;
        this.store = store;
        this.mails = mails;
        this.authorizations = authorizations;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
    }

    static final int PAGE_SIZE = 20;

    @Override
    @Transactional(readOnly = true)
    public PartnerPage forPartner(CurrentUser by, PartnerQuery query) {
        Set<String> operators = by.scopes(Role.PARTENAIRE, ScopeType.ORGANISATION);
        authorizations.check(!operators.isEmpty());
        Map<String, String> views = new LinkedHashMap<>();
        views.put("WAITING", "r.status = 'SENT'");
        views.put("ONGOING", "r.status in ('ACCEPTED', 'IN_PROGRESS')");
        views.put("CLOSED", "r.status in ('DECLINED', 'COMPLETED', 'ABANDONED', 'EXPIRED')");
        views.put("ALL", "true");
        String view = views.containsKey(query.view()) ? query.view() : "ALL";
        // shared: sent to one of the partner's organisations, and the porteur's consent to it holds
        String base = """
                from journey.referral r join journey.project p on p.id = r.project_id
                     join journey.porteur o on o.id = p.porteur_id
                where r.operator_slug = any(:operators) and r.sent_at is not null and p.anonymised_at is null
                  and exists (select 1 from journey.consent c where c.porteur_id = p.porteur_id
                              and c.operator_slug = r.operator_slug and c.withdrawn_at is null)
                """;
        String[] scope = operators.toArray(String[]::new);
        Map<String, Long> counts = store.countByView(views, base, Map.of("operators", scope));
        int page = Math.max(0, query.page());
        record Raw(long id, String scheme, String name, String commune, String pole, ReferralStatus status, Instant sent,
                Instant updated) {}
        List<Raw> raws = jdbc.sql("select r.id, r.scheme_name, o.display_name, p.commune_code, p.pole_slug, r.status,"
                        + " r.sent_at, r.updated_at " + base + " and " + views.get(view)
                        + " order by (r.status = 'SENT') desc, r.sent_at desc, r.id desc limit :limit offset :offset")
                .param("operators", scope).param("limit", PAGE_SIZE).param("offset", (long) page * PAGE_SIZE)
                .query((rs, row) -> new Raw(rs.getLong("id"), rs.getString("scheme_name"), rs.getString("display_name"),
                        rs.getString("commune_code"), rs.getString("pole_slug"), ReferralStatus.valueOf(rs.getString("status")),
                        JourneyStore.instant(rs, "sent_at"), JourneyStore.instant(rs, "updated_at")))
                .list();
        Map<String, String> communes = store.communeNames(raws.stream().map(Raw::commune).toList());
        Map<String, String> poles = store.poleNames();
        List<PartnerRow> rows = raws.stream().map(raw -> new PartnerRow(raw.id(), raw.scheme(), raw.name(),
                communes.getOrDefault(raw.commune(), raw.commune()), poles.getOrDefault(raw.pole(), raw.pole()),
                raw.status(), raw.sent(), raw.updated())).toList();
        return new PartnerPage(rows, counts.get(view), page, PAGE_SIZE, counts);
    }

    @Override
    public PartnerReferral read(CurrentUser by, long referralId) {
        ReferralRow row = store.referral(referralId).orElseThrow(() -> new NotFoundException("referral.unknown", referralId));
        if (!by.has(Role.PARTENAIRE) || !authorizations.canSeeReferral(by, ref(row))) {
            denied(row, "READ");
        }
        audit.record(readEvent(row));
        return view(row, true);
    }

    @Override
    public Optional<PartnerReferral> readByLink(String token) {
        return linked(token, false).map(row -> {
            audit.recordAs(linkActor(row), readEvent(row));
            return view(row, true);
        });
    }

    @Override
    public void answer(CurrentUser by, long referralId, AnswerForm answer) {
        ReferralRow row = store.referralForUpdate(referralId)
                .orElseThrow(() -> new NotFoundException("referral.unknown", referralId));
        if (!authorizations.canAnswerReferral(by, ref(row))) {
            denied(row, "ANSWER");
        }
        apply(row, answer, by.displayName() + " (" + row.referral().operatorName() + ")", null);
    }

    @Override
    public void answerByLink(String token, AnswerForm answer) {
        ReferralRow row = linked(token, true).orElseThrow(() -> new NotFoundException("referral.link"));
        LinkActor actor = linkActor(row);
        apply(row, answer, row.referral().operatorName(), actor);
    }

    private Optional<ReferralRow> linked(String token, boolean forUpdate) {
        if (!SecretTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return store.referralOfLink(SecretTokens.hash(token), clock.instant())
                .flatMap(id -> forUpdate ? store.referralForUpdate(id) : store.referral(id))
                .filter(row -> row.referral().shared() && !row.referral().status().closed());
    }

    private void apply(ReferralRow row, AnswerForm answer, String actorLabel, LinkActor linkActor) {
        Referral referral = row.referral();
        ReferralStatus to = answer.decision();
        if (!referral.status().partnerMoves().contains(to)) {
            throw new RuleViolationException("referral.transition", label("referral.status." + referral.status()));
        }
        if (to == ReferralStatus.DECLINED && answer.reason() == null) {
            throw new RuleViolationException("referral.reason.blank");
        }
        Instant now = clock.instant();
        boolean answering = referral.status() == ReferralStatus.SENT;
        String message = answer.message() == null || answer.message().isBlank() ? null : answer.message().strip();
        jdbc.sql("""
                update journey.referral set status = :status, updated_at = :at,
                    answered_at = case when :answering then :at else answered_at end,
                    decline_reason = :reason,
                    message = case when :answering then :message else message end,
                    outcome = case when :answering then outcome else coalesce(:message, outcome) end,
                    closed_at = case when :closed then cast(:at as timestamptz) end
                where id = :id
                """).param("status", to.name()).param("at", Timestamp.from(now)).param("answering", answering)
                .param("reason", to == ReferralStatus.DECLINED ? answer.reason().name() : null)
                .param("message", message).param("closed", to.closed()).param("id", referral.id()).update();
        if (to.closed()) { // its links have served
            jdbc.sql("delete from journey.referral_link where referral_id = :id").param("id", referral.id()).update();
        }
        String detail = to == ReferralStatus.DECLINED ? label("referral.decline." + answer.reason()) : "";
        store.step(referral.projectId(), now, "REFERRAL_" + to, actorLabel, referral.id(), Seen.EVERYONE,
                referral.schemeName(), detail);
        store.touch(referral.projectId(), now);
        AuditEvent event = new AuditEvent("UPDATE", JourneyService.REFERRAL_SUBJECT, Long.toString(referral.id()),
                row.porteurUser().value(), row.regionCode(), Map.of("status", to.name()));
        if (linkActor == null) {
            audit.record(event);
        } else {
            audit.recordAs(linkActor, event);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("schemeName", referral.schemeName());
        model.put("operatorName", referral.operatorName());
        model.put("status", label("referral.status." + to));
        model.put("reason", detail);
        model.put("path", "/espace/parcours/" + referral.projectId());
        mails.send(mails.pole(row.poleSlug(), row.regionCode()), "referral-answered", model);
    }

    private PartnerReferral view(ReferralRow row, boolean withSteps) {
        ProjectRow p = store.project(row.referral().projectId()).orElseThrow();
        return new PartnerReferral(row.referral(), p.title(), p.description(), p.stage(), p.needs(), p.sector(),
                p.collective(), store.communeName(p.communeCode()), store.poleName(p.poleSlug()), p.porteur(),
                withSteps ? store.partnerTimeline(p.id(), row.referral().id(), row.referral().sentAt()) : List.of());
    }

    private void denied(ReferralRow row, String action) {
        audit.record(new AuditEvent("DENIED", JourneyService.REFERRAL_SUBJECT, Long.toString(row.referral().id()),
                row.porteurUser().value(), row.regionCode(), Map.of("attempt", action)));
        throw new AccessDeniedException("Accès refusé");
    }

    private static AuditEvent readEvent(ReferralRow row) {
        return new AuditEvent("READ", JourneyService.REFERRAL_SUBJECT, Long.toString(row.referral().id()),
                row.porteurUser().value(), row.regionCode(), Map.of());
    }

    private LinkActor linkActor(ReferralRow row) {
        return new LinkActor(row.referral().operatorName() + " (" + label("referral.viaLink") + ")");
    }

    static ReferralRef ref(ReferralRow row) {
        return new ReferralRef(row.porteurUser(), row.poleSlug(), row.regionCode(), row.referral().operatorSlug(),
                row.referral().shared());
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, java.util.Locale.FRENCH);
    }
}
