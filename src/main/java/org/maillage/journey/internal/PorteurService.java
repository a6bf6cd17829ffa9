package org.maillage.journey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.maillage.account.Accounts;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.PoleRef;
import org.maillage.account.PorteurFileRef;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.account.UserId;
import org.maillage.journey.PorteurView;
import org.maillage.journey.Porteurs;
import org.maillage.journey.RegisterPorteur;
import org.maillage.network.PoleSummary;
import org.maillage.platform.Audit;
import org.maillage.platform.AuditEvent;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class PorteurService implements Porteurs {

    static final String SUBJECT = "PORTEUR_FILE";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Authorizations authorizations;
    private final JourneyStore store;
    private final Audit audit;

    PorteurService(JdbcClient jdbc, Accounts accounts, Authorizations authorizations, JourneyStore store, Audit audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.authorizations = authorizations;
        this.store = store;
        this.audit = audit;
    }

    @Override
    public PorteurView register(CurrentUser by, RegisterPorteur porteur) {
        PoleSummary pole = store.pole(porteur.poleSlug())
                .orElseThrow(() -> new NotFoundException("pole.unknown", porteur.poleSlug()));
        authorizations.check(authorizations.canRegisterPorteur(by, new PoleRef(pole.slug(), pole.regionCode())));
        UserId user = accounts.ensurePorteur(porteur.email(), porteur.displayName());
        long id = jdbc.sql("""
                insert into journey.porteur (user_id, display_name, email, phone, pole_slug, region_code, consent_at)
                values (:user, :name, :email, :phone, :pole, :region, now())
                on conflict (user_id) do nothing
                returning id
                """)
                .param("user", user.value()).param("name", porteur.displayName().strip())
                .param("email", porteur.email().strip()).param("phone", blankToNull(porteur.phone()))
                .param("pole", pole.slug()).param("region", pole.regionCode())
                .query(Long.class).optional()
                // one file per person: nothing is changed, and nothing told about the other file
                .orElseThrow(() -> new RuleViolationException("porteur.email.known"));
        audit.record(new AuditEvent("CREATE", SUBJECT, Long.toString(id), user.value(), pole.regionCode(),
                Map.of("fields", List.of("nom", "courriel", "téléphone", "pôle", "consentement"))));
        if (porteur.sendSpaceLink()) {
            accounts.sendSpaceLink(user);
        }
        return find(id).orElseThrow();
    }

    @Override
    public PorteurView read(CurrentUser by, long id) {
        PorteurView porteur = find(id).orElseThrow(() -> new NotFoundException("porteur.unknown", id));
        authorizations.check(authorizations.canReadPorteurFile(by, ref(porteur)));
        audit.record(new AuditEvent("READ", SUBJECT, Long.toString(id), porteur.userId().value(), porteur.regionCode(),
                Map.of()));
        return porteur;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PorteurView> ofPolesAnimatedBy(CurrentUser by) {
        Set<String> animated = by.scopes(Role.ANIMATEUR, ScopeType.POLE);
        if (animated.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = store.poleNames();
        return jdbc.sql("select * from journey.porteur where pole_slug = any(:poles) order by created_at desc")
                .param("poles", animated.toArray(String[]::new))
                .query((rs, row) -> view(rs, names)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PorteurView> own(CurrentUser porteur) {
        if (!porteur.has(Role.PORTEUR)) {
            return Optional.empty();
        }
        Map<String, String> names = store.poleNames();
        return jdbc.sql("select * from journey.porteur where user_id = :user")
                .param("user", porteur.id().value()).query((rs, row) -> view(rs, names)).optional();
    }

    private Optional<PorteurView> find(long id) {
        Map<String, String> names = store.poleNames();
        return jdbc.sql("select * from journey.porteur where id = :id").param("id", id)
                .query((rs, row) -> view(rs, names)).optional();
    }

    static PorteurFileRef ref(PorteurView porteur) {
        return new PorteurFileRef(porteur.userId(), porteur.poleSlug(), porteur.regionCode(), Set.of());
    }

    private static PorteurView view(ResultSet rs, Map<String, String> poleNames) throws SQLException {
        return new PorteurView(rs.getLong("id"), new UserId(rs.getLong("user_id")), rs.getString("display_name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("pole_slug"),
                poleNames.getOrDefault(rs.getString("pole_slug"), rs.getString("pole_slug")), rs.getString("region_code"),
                rs.getTimestamp("consent_at").toInstant(), rs.getTimestamp("created_at").toInstant());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
