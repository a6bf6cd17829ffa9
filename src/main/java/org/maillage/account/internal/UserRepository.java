package org.maillage.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.maillage.account.Grant;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final RowMapper<UserRecord> USER = (rs, row) -> user(rs);
    private static final RowMapper<Grant> GRANT = (rs, row) -> new Grant(Role.valueOf(rs.getString("role")),
            ScopeType.valueOf(rs.getString("scope_type")), rs.getString("scope_code"), rs.getString("scope_label"),
            rs.getString("region_code"));

    /** A grant with its id, for removal. */
    record StoredGrant(long id, Grant grant) {}

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserRecord> findById(long id) {
        return jdbc.sql("select * from account.user_account where id = :id").param("id", id).query(USER).optional();
    }

    Optional<UserRecord> findByEmail(String email) {
        return jdbc.sql("select * from account.user_account where lower(email) = lower(:email)")
                .param("email", email.strip()).query(USER).optional();
    }

    /** Whether the account of this address (if any) holds a staff role: any role but the porteur's. */
    boolean hasStaffGrant(String email) {
        return jdbc.sql("""
                select exists (select 1 from account.user_account u join account.role_grant g on g.user_id = u.id
                               where lower(u.email) = lower(:email) and g.role <> 'PORTEUR')
                """).param("email", email.strip()).query(Boolean.class).single();
    }

    long insert(String email, String displayName, UserRecord.Status status) {
        return jdbc.sql("""
                insert into account.user_account (email, display_name, status) values (:email, :name, :status) returning id
                """).param("email", email.strip()).param("name", displayName.strip()).param("status", status.name())
                .query(Long.class).single();
    }

    void setPassword(long id, String hash) {
        jdbc.sql("""
                update account.user_account set password_hash = :hash, status = 'ACTIVE', failed_logins = 0,
                    locked_until = null, updated_at = now()
                where id = :id
                """).param("hash", hash).param("id", id).update();
    }

    void rename(long id, String displayName) {
        jdbc.sql("update account.user_account set display_name = :name, updated_at = now() where id = :id")
                .param("name", displayName).param("id", id).update();
    }

    void setStatus(long id, UserRecord.Status status) {
        jdbc.sql("update account.user_account set status = :status, updated_at = now() where id = :id")
                .param("status", status.name()).param("id", id).update();
    }

    void recordLogin(long id) {
        jdbc.sql("update account.user_account set last_login_at = now(), failed_logins = 0, locked_until = null where id = :id")
                .param("id", id).update();
    }

    /**
     * Counts a failed login; locks the account once {@code max} failures follow each other. The first
     * failure after a lock has run out starts counting again from one.
     */
    void recordFailure(long id, int max, Instant lockUntil) {
        jdbc.sql("""
                update account.user_account set
                    failed_logins = case when locked_until <= now() then 1 else failed_logins + 1 end,
                    locked_until = case
                        when (case when locked_until <= now() then 1 else failed_logins + 1 end) >= :max then :until
                        when locked_until <= now() then null
                        else locked_until end
                where id = :id
                """).param("max", max).param("until", Timestamp.from(lockUntil)).param("id", id).update();
    }

    List<Grant> grants(long userId) {
        return jdbc.sql("select * from account.role_grant where user_id = :id order by role, scope_label")
                .param("id", userId).query(GRANT).list();
    }

    List<StoredGrant> storedGrants(long userId) {
        return jdbc.sql("select * from account.role_grant where user_id = :id order by role, scope_label")
                .param("id", userId).query((rs, row) -> new StoredGrant(rs.getLong("id"), GRANT.mapRow(rs, row))).list();
    }

    /** Adds the grant unless the user already holds it; true when added. */
    boolean addGrant(long userId, Grant grant) {
        return jdbc.sql("""
                insert into account.role_grant (user_id, role, scope_type, scope_code, scope_label, region_code)
                values (:user, :role, :type, :code, :label, :region)
                on conflict (user_id, role, scope_type, scope_code) do nothing
                """).param("user", userId).param("role", grant.role().name()).param("type", grant.scopeType().name())
                .param("code", grant.scopeCode()).param("label", grant.scopeLabel()).param("region", grant.regionCode())
                .update() > 0;
    }

    Optional<Grant> removeGrant(long userId, long grantId) {
        return jdbc.sql("delete from account.role_grant where id = :grant and user_id = :user returning *")
                .param("grant", grantId).param("user", userId).query(GRANT).optional();
    }

    List<String> emailsOf(Role role, String scopeCode) {
        return jdbc.sql("""
                select u.email from account.role_grant g join account.user_account u on u.id = g.user_id
                where g.role = :role and g.scope_code = :scope and u.status = 'ACTIVE' order by u.email
                """).param("role", role.name()).param("scope", scopeCode).query(String.class).list();
    }

    /** A porteur's account after erasure: nobody can be recognised nor sign in. */
    void anonymise(long id) {
        jdbc.sql("""
                update account.user_account set email = 'anonyme-' || id || '@anonyme.invalid',
                    display_name = 'Personne anonymisée', status = 'DEACTIVATED', updated_at = now()
                where id = :id
                """).param("id", id).update();
        jdbc.sql("update account.role_grant set scope_label = 'Personne anonymisée' where user_id = :id").param("id", id)
                .update();
    }

    boolean anyWithRole(Role role) {
        return jdbc.sql("""
                select exists (select 1 from account.role_grant g join account.user_account u on u.id = g.user_id
                               where g.role = :role and u.status <> 'DEACTIVATED')
                """).param("role", role.name()).query(Boolean.class).single();
    }

    /** A page of users matching the words (name or email) and holding the role (if given), in the regions (if given). */
    /** Accounts of the network's staff (porteurs' accounts are never listed: their data is their pôle's). */
    List<UserRecord> search(String text, Role role, Set<String> regions, int limit, long offset) {
        return jdbc.sql("select u.* " + searchFrom() + " order by lower(u.display_name), u.id limit :limit offset :offset")
                .params(searchParams(text, role, regions)).param("limit", limit).param("offset", offset)
                .query(USER).list();
    }

    long count(String text, Role role, Set<String> regions) {
        return jdbc.sql("select count(*) " + searchFrom()).params(searchParams(text, role, regions))
                .query(Long.class).single();
    }

    private static String searchFrom() {
        return """
                from account.user_account u
                where (exists (select 1 from account.role_grant g where g.user_id = u.id and g.role <> 'PORTEUR')
                       or not exists (select 1 from account.role_grant g where g.user_id = u.id and g.role = 'PORTEUR'))
                  and (cast(:text as text) is null
                       or public.search_key(u.display_name || ' ' || u.email) like '%' || public.search_key(:text) || '%')
                  and (cast(:role as text) is null
                       or exists (select 1 from account.role_grant g where g.user_id = u.id and g.role = :role))
                  and (cast(:regions as text[]) is null
                       or exists (select 1 from account.role_grant g where g.user_id = u.id and g.region_code = any(:regions)))
                """;
    }

    private static Map<String, Object> searchParams(String text, Role role, Set<String> regions) {
        Map<String, Object> params = new HashMap<>();
        params.put("text", text == null || text.isBlank() ? null : text);
        params.put("role", role == null ? null : role.name());
        params.put("regions", regions == null ? null : regions.toArray(String[]::new));
        return params;
    }

    private static UserRecord user(ResultSet rs) throws SQLException {
        return new UserRecord(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), UserRecord.Status.valueOf(rs.getString("status")),
                rs.getInt("failed_logins"), instant(rs, "locked_until"), instant(rs, "last_login_at"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
