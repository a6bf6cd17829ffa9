package org.maillage.account.internal;

import java.util.List;
import org.maillage.account.AccountAdministration;
import org.maillage.account.CurrentUser;
import org.maillage.account.Grant;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.account.UserId;
import org.maillage.platform.SeedProperties;
import org.maillage.platform.StartupData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator ({@code maillage.account.bootstrap-admin-email}: invited by email when
 * no administrator exists), and, only when {@code maillage.account.demo-accounts=true},
 * demonstration accounts with the documented password {@value #DEMO_PASSWORD}.
 */
@Component
@Order(10)
class AccountReferenceData implements StartupData {

    static final String DEMO_PASSWORD = "Demo-Maillage-2026";
    private static final Logger log = LoggerFactory.getLogger(AccountReferenceData.class);

    /** A demonstration account: email, name, role and scope code. */
    private record Demo(String email, String name, Role role, String scope) {}

    private static final List<Demo> DEMOS = List.of(
            new Demo("admin@demo.maillage.localhost", "Alex Admin", Role.ADMINISTRATEUR, "*"),
            new Demo("coordination@demo.maillage.localhost", "Camille Coordination", Role.COORDINATEUR, "53"),
            new Demo("animation.cornouaille@demo.maillage.localhost", "Annaïg Animation", Role.ANIMATEUR, "adess-cornouaille"),
            new Demo("partenaire.tag29@demo.maillage.localhost", "Paul Partenaire", Role.PARTENAIRE, "tag-bzh-29"),
            new Demo("financeur.finistere@demo.maillage.localhost", "Fanny Financeur", Role.FINANCEUR, "29"));

    private final UserRepository users;
    private final AccountAdministration administration;
    private final PasswordEncoder encoder;
    private final AccountProperties properties;

    AccountReferenceData(UserRepository users, AccountAdministration administration, PasswordEncoder encoder, AccountProperties properties) {
        this.users = users;
        this.administration = administration;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void loadIfAbsent(SeedProperties seed) {
        String email = properties.bootstrapAdminEmail();
        if (email != null && !email.isBlank() && !users.anyWithRole(Role.ADMINISTRATEUR)
                && users.findByEmail(email).isEmpty()) {
            administration.invite(system(), email, "Administrateur", Role.ADMINISTRATEUR, "*");
            log.warn("No administrator yet: {} is invited by email (with maillage.mail.log-only=true, the email is in this log)", email);
        }
        if (properties.demoAccounts()) {
            for (Demo demo : DEMOS) {
                if (users.findByEmail(demo.email()).isEmpty()) {
                    UserId id = administration.invite(system(), demo.email(), demo.name(), demo.role(), demo.scope());
                    users.setPassword(id.value(), encoder.encode(DEMO_PASSWORD));
                }
            }
            log.warn("Demonstration accounts are enabled (maillage.account.demo-accounts): never in production");
        }
    }

    /** The platform itself, acting as an administrator at start-up. */
    private static CurrentUser system() {
        return new CurrentUser(new UserId(0), "system@maillage", "Maillage",
                List.of(new Grant(Role.ADMINISTRATEUR, ScopeType.PLATFORM, "*", "Plateforme", null)));
    }
}
