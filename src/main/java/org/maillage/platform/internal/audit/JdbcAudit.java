package org.maillage.platform.internal.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.maillage.platform.Actor;
import org.maillage.platform.Audit;
import org.maillage.platform.AuditEntry;
import org.maillage.platform.AuditEvent;
import org.maillage.platform.AuditQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.ObjectMapper;

@Service
class JdbcAudit implements Audit {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int USER_AGENT_MAX = 300;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JdbcAudit(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional
    public void record(AuditEvent event) {
        recordAs(currentActor(), event);
    }

    @Override
    @Transactional
    public void recordAs(Actor actor, AuditEvent event) {
        HttpServletRequest request = currentRequest();
        String userAgent = request == null ? null : request.getHeader("User-Agent");
        jdbc.sql("""
                insert into platform.audit_log (actor_user_id, actor_label, action, subject_type, subject_id,
                    subject_user_id, region_code, details, ip, user_agent)
                values (:actor, :label, :action, :subjectType, :subjectId, :subjectUser, :region, cast(:details as jsonb),
                    :ip, :userAgent)
                """)
                .param("actor", actor == null || actor.userId() <= 0 ? null : actor.userId())
                .param("label", actor == null ? "—" : actor.auditLabel())
                .param("action", event.action())
                .param("subjectType", event.subjectType())
                .param("subjectId", event.subjectId())
                .param("subjectUser", event.subjectUserId())
                .param("region", event.regionCode())
                .param("details", json.writeValueAsString(event.details()))
                .param("ip", request == null ? null : request.getRemoteAddr())
                .param("userAgent", userAgent == null ? null
                        : userAgent.substring(0, Math.min(userAgent.length(), USER_AGENT_MAX)))
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery query) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and public.search_key(actor_label || ' ' || subject_type || ' ' || subject_id || ' ' || details::text)"
                    + " like '%' || public.search_key(:text) || '%'");
            params.put("text", query.text());
        }
        if (query.action() != null && !query.action().isBlank()) {
            where.append(" and action = :action");
            params.put("action", query.action());
        }
        if (query.subjectUserId() != null) {
            where.append(" and subject_user_id = :subjectUser");
            params.put("subjectUser", query.subjectUserId());
        }
        if (query.from() != null) {
            where.append(" and at >= :from");
            params.put("from", Timestamp.from(query.from().atStartOfDay(PARIS).toInstant()));
        }
        if (query.to() != null) {
            where.append(" and at < :to");
            params.put("to", Timestamp.from(query.to().plusDays(1).atStartOfDay(PARIS).toInstant()));
        }
        if (query.regions() != null) {
            where.append(" and region_code = any(:regions)");
            params.put("regions", query.regions().toArray(String[]::new));
        }
        long total = jdbc.sql("select count(*) from platform.audit_log" + where).params(params)
                .query(Long.class).single();
        List<AuditEntry> rows = new ArrayList<>(jdbc.sql("select * from platform.audit_log" + where
                        + " order by at desc, id desc limit :size offset :offset")
                .params(params)
                .param("size", query.size())
                .param("offset", (long) query.page() * query.size())
                .query((rs, row) -> entry(rs))
                .list());
        return new AuditPage(rows, total, query.page(), query.size());
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), (Long) rs.getObject("actor_user_id"),
                rs.getString("actor_label"), rs.getString("action"), rs.getString("subject_type"),
                rs.getString("subject_id"), (Long) rs.getObject("subject_user_id"), rs.getString("region_code"),
                rs.getString("details"), rs.getString("ip"), rs.getString("user_agent"));
    }

    private static Actor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor actor ? actor : null;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
