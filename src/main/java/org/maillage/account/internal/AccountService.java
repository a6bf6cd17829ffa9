package org.maillage.account.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.maillage.account.AccountAdministration;
import org.maillage.account.AccountPage;
import org.maillage.account.AccountView;
import org.maillage.account.Accounts;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.Grant;
import org.maillage.account.Role;
import org.maillage.account.ScopeOption;
import org.maillage.account.ScopeSource;
import org.maillage.account.ScopeType;
import org.maillage.account.SelfService;
import org.maillage.account.UserId;
import org.maillage.account.internal.OneTimeTokens.Purpose;
import org.maillage.platform.Audit;
import org.maillage.platform.AuditEvent;
import org.maillage.platform.Email;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.Notifications;
import org.maillage.platform.RuleViolationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class AccountService implements Accounts, AccountAdministration, SelfService {

    static final int PAGE_SIZE = 25;
    static final ScopeOption PLATFORM = new ScopeOption(ScopeType.PLATFORM, "*", "Plateforme", null);

    private final UserRepository users;
    private final OneTimeTokens tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Principals principals;
    private final Authorizations authorizations;
    private final Notifications notifications;
    private final Audit audit;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AccountService.class);

    /** The web application's sessions (none in a command run without a web server). */
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;
    private final AccountProperties properties;
    private final LoginThrottle throttle;
    private final Map<ScopeType, ScopeSource> scopeSources = new EnumMap<>(ScopeType.class);

    AccountService(UserRepository users, OneTimeTokens tokens, PasswordPolicy policy, PasswordEncoder encoder,
            Principals principals, Authorizations authorizations, Notifications notifications, Audit audit,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessions, AccountProperties properties, LoginThrottle throttle,
            List<ScopeSource> scopeSources) {
        this.throttle = throttle;
        this.users = users;
        this.tokens = tokens;
        this.policy = policy;
        this.encoder = encoder;
        this.principals = principals;
        this.authorizations = authorizations;
        this.notifications = notifications;
        this.audit = audit;
        this.sessions = sessions;
        this.properties = properties;
        scopeSources.forEach(source -> this.scopeSources.put(source.type(), source));
    }

    // --- Accounts (other modules) -------------------------------------------------------------

    @Override
    public UserId ensurePorteur(String email, String displayName) {
        Optional<UserRecord> known = users.findByEmail(email);
        long id = known.map(UserRecord::id).orElseGet(() -> users.insert(email, displayName, UserRecord.Status.ACTIVE));
        if (known.isPresent() && users.grants(id).stream().anyMatch(grant -> grant.role().isStaff())) {
            // a staff account never becomes a porteur's: their rights must not mix
            throw new RuleViolationException("porteur.email.staff");
        }
        String name = known.map(UserRecord::displayName).orElse(displayName.strip());
        users.addGrant(id, new Grant(Role.PORTEUR, ScopeType.SELF, Long.toString(id), name, null));
        return new UserId(id);
    }

    @Override
    public void sendSpaceLink(UserId porteur) {
        users.findById(porteur.value()).filter(UserRecord::isActive).ifPresent(this::emailMagicLink);
    }

    @Override
    public String spaceLinkPath(UserId porteur, Duration validity) {
        return "/mon-espace/lien?jeton=" + tokens.issue(porteur.value(), Purpose.MAGIC_LINK, validity);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isStaffEmail(String email) {
        return users.hasStaffGrant(email);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> emailsOf(Role role, String scopeCode) {
        return users.emailsOf(role, scopeCode);
    }

    @Override
    public void anonymisePorteur(UserId porteur) {
        users.findById(porteur.value())
                .filter(user -> users.grants(user.id()).stream().noneMatch(grant -> grant.role().isStaff()))
                .ifPresent(user -> {
                    users.anonymise(user.id());
                    tokens.cancelAll(user.id());
                });
    }

    // --- Administration -----------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public AccountPage search(CurrentUser by, String text, Role role, int page) {
        authorizations.check(authorizations.canManageUsers(by));
        var regions = authorizations.auditRegions(by).orElse(null);
        int current = Math.max(0, page);
        List<AccountView> accounts = users.search(text, role, regions, PAGE_SIZE, (long) current * PAGE_SIZE).stream()
                .map(user -> view(by, user)).toList();
        return new AccountPage(accounts, users.count(text, role, regions), current, PAGE_SIZE);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AccountView> find(CurrentUser by, UserId id) {
        authorizations.check(authorizations.canManageUsers(by));
        // A porteur's account is not the administration's business: their data belongs to their pôle.
        Optional<AccountView> account = users.findById(id.value()).map(user -> view(by, user))
                .filter(view -> view.grants().isEmpty()
                        || view.grants().stream().anyMatch(grant -> grant.grant().role().isStaff()));
        // An account outside the user's region exists, but is not theirs to see: 403, not 404.
        account.ifPresent(view -> authorizations.check(view.manageable() || authorizations.auditRegions(by).isEmpty()));
        return account;
    }

    private AccountView view(CurrentUser by, UserRecord user) {
        List<UserRepository.StoredGrant> grants = users.storedGrants(user.id());
        boolean manageable = authorizations.canManageAccount(by, grants.stream().map(UserRepository.StoredGrant::grant).toList());
        return new AccountView(new UserId(user.id()), user.email(), user.displayName(), user.status().name(),
                user.createdAt(), user.lastLoginAt(),
                grants.stream().map(stored -> new AccountView.GrantView(stored.id(), stored.grant())).toList(), manageable);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Role> grantableRoles(CurrentUser by) {
        return List.of(Role.values()).stream().filter(role -> !grantableScopes(by, role).isEmpty()).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ScopeOption> grantableScopes(CurrentUser by, Role role) {
        List<ScopeOption> options = new ArrayList<>();
        for (ScopeType type : role.scopeTypes()) {
            if (type == ScopeType.PLATFORM) {
                options.add(PLATFORM);
            } else if (scopeSources.containsKey(type)) {
                options.addAll(scopeSources.get(type).options());
            }
        }
        return options.stream().filter(option -> authorizations.canGrant(by, role, option)).toList();
    }

    private ScopeOption scope(Role role, String code) {
        return role.scopeTypes().stream()
                .map(type -> type == ScopeType.PLATFORM ? Optional.of(PLATFORM).filter(p -> p.code().equals(code))
                        : Optional.ofNullable(scopeSources.get(type)).flatMap(source -> source.find(code)))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new RuleViolationException("account.scope.unknown", code));
    }

    private static Grant grantOf(Role role, ScopeOption scope) {
        return new Grant(role, scope.type(), scope.code(), scope.label(), scope.regionCode());
    }

    @Override
    public UserId invite(CurrentUser by, String email, String displayName, Role role, String scopeCode) {
        ScopeOption scope = scope(role, scopeCode);
        authorizations.check(authorizations.canGrant(by, role, scope));
        if (users.findByEmail(email).isPresent()) {
            throw new RuleViolationException("account.email.taken", email.strip());
        }
        long id = users.insert(email, displayName, UserRecord.Status.INVITED);
        Grant grant = grantOf(role, scope);
        users.addGrant(id, grant);
        audit.record(new AuditEvent("INVITE", "USER", Long.toString(id), id, scope.regionCode(),
                Map.of("role", role.name(), "scope", scope.label())));
        emailInvitation(users.findById(id).orElseThrow(), by);
        return new UserId(id);
    }

    @Override
    public void resendInvitation(CurrentUser by, UserId id) {
        UserRecord user = manageable(by, id);
        if (user.status() != UserRecord.Status.INVITED) {
            throw new RuleViolationException("account.invitation.notPending");
        }
        emailInvitation(user, by);
    }

    @Override
    public void grant(CurrentUser by, UserId id, Role role, String scopeCode) {
        UserRecord user = manageable(by, id);
        ScopeOption scope = scope(role, scopeCode);
        authorizations.check(authorizations.canGrant(by, role, scope));
        if (users.addGrant(user.id(), grantOf(role, scope))) {
            audit.record(new AuditEvent("GRANT", "USER", Long.toString(user.id()), user.id(), scope.regionCode(),
                    Map.of("role", role.name(), "scope", scope.label())));
            endSessions(user.id());
        }
    }

    @Override
    public void revoke(CurrentUser by, UserId id, long grantId) {
        UserRecord user = manageable(by, id);
        Grant grant = users.storedGrants(user.id()).stream().filter(stored -> stored.id() == grantId)
                .map(UserRepository.StoredGrant::grant).findFirst()
                .orElseThrow(() -> new NotFoundException("account.grant.unknown", grantId));
        authorizations.check(authorizations.canGrant(by, grant.role(),
                new ScopeOption(grant.scopeType(), grant.scopeCode(), grant.scopeLabel(), grant.regionCode())));
        users.removeGrant(user.id(), grantId);
        audit.record(new AuditEvent("REVOKE", "USER", Long.toString(user.id()), user.id(), grant.regionCode(),
                Map.of("role", grant.role().name(), "scope", grant.scopeLabel())));
        endSessions(user.id());
    }

    @Override
    public void deactivate(CurrentUser by, UserId id) {
        UserRecord user = manageable(by, id);
        if (by.id().equals(id)) {
            throw new RuleViolationException("account.deactivate.self");
        }
        users.setStatus(user.id(), UserRecord.Status.DEACTIVATED);
        audit.record(new AuditEvent("DEACTIVATE", "USER", Long.toString(user.id()), user.id(), regionOf(user), Map.of()));
        endSessions(user.id());
    }

    @Override
    public void reactivate(CurrentUser by, UserId id) {
        UserRecord user = manageable(by, id);
        if (user.status() == UserRecord.Status.DEACTIVATED) {
            users.setStatus(user.id(), user.passwordHash() == null && users.grants(user.id()).stream()
                    .anyMatch(grant -> grant.role().isStaff()) ? UserRecord.Status.INVITED : UserRecord.Status.ACTIVE);
            audit.record(new AuditEvent("REACTIVATE", "USER", Long.toString(user.id()), user.id(), regionOf(user), Map.of()));
        }
    }

    private UserRecord manageable(CurrentUser by, UserId id) {
        UserRecord user = users.findById(id.value()).orElseThrow(() -> new NotFoundException("account.unknown", id.value()));
        authorizations.check(authorizations.canManageAccount(by, users.grants(user.id())));
        return user;
    }

    private String regionOf(UserRecord user) {
        return users.grants(user.id()).stream().map(Grant::regionCode).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    /** Ends every open session of the user (role change, deactivation, new password). */
    private void endSessions(long userId) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null) { // a command without a web server: no sessions to end
            log.warn("No session repository: the sessions of user {} could not be ended", userId);
            return;
        }
        repository.findByPrincipalName(AccountPrincipal.principalName(userId)).keySet().forEach(repository::deleteById);
    }

    // --- Self service -------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<String> passwordProblem(String password, String email) {
        return policy.problem(password, email);
    }

    @Override
    public boolean requestPasswordReset(String email, String clientAddress) {
        if (!throttle.linkRequestAllowed(clientAddress)) {
            return false;
        }
        users.findByEmail(email == null ? "" : email)
                .filter(UserRecord::isActive)
                .filter(user -> user.passwordHash() != null)
                .filter(user -> notAskedTooOften(user, Purpose.PASSWORD_RESET))
                .ifPresent(user -> {
                    String token = tokens.issue(user.id(), Purpose.PASSWORD_RESET, properties.passwordResetValidity());
                    send(user, "password-reset", "/mot-de-passe/nouveau?jeton=" + token, properties.passwordResetValidity(), null);
                });
        return true;
    }

    private boolean notAskedTooOften(UserRecord user, Purpose purpose) {
        return tokens.issuedSince(user.id(), purpose, Instant.now().minus(Duration.ofHours(1)))
                < properties.maxLinksPerAccountPerHour();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> passwordResetEmail(String token) {
        return tokens.peek(token, Purpose.PASSWORD_RESET).flatMap(users::findById).map(UserRecord::email);
    }

    @Override
    public Optional<Authentication> resetPassword(String token, String password) {
        return tokens.consume(token, Purpose.PASSWORD_RESET).flatMap(users::findById).filter(UserRecord::isActive)
                .map(user -> {
                    requireAcceptable(password, user.email());
                    users.setPassword(user.id(), encoder.encode(password));
                    endSessions(user.id());
                    MaillageUser principal = principals.staff(user);
                    audit.recordAs(principal, new AuditEvent("PASSWORD_RESET", "USER", Long.toString(user.id()), user.id(),
                            regionOf(user), Map.of()));
                    return authenticated(principal);
                });
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<InvitationView> invitation(String token) {
        return tokens.peek(token, Purpose.INVITATION).flatMap(users::findById)
                .filter(user -> user.status() == UserRecord.Status.INVITED)
                .map(user -> new InvitationView(user.email(), user.displayName(), users.grants(user.id())));
    }

    @Override
    public Optional<Authentication> acceptInvitation(String token, String displayName, String password) {
        Optional<UserRecord> invited = tokens.peek(token, Purpose.INVITATION).flatMap(users::findById)
                .filter(user -> user.status() == UserRecord.Status.INVITED);
        if (invited.isEmpty()) {
            return Optional.empty();
        }
        requireAcceptable(password, invited.get().email());
        return tokens.consume(token, Purpose.INVITATION).flatMap(users::findById).map(user -> {
            users.setPassword(user.id(), encoder.encode(password));
            if (displayName != null && !displayName.isBlank() && !displayName.strip().equals(user.displayName())) {
                users.rename(user.id(), displayName.strip());
            }
            UserRecord active = users.findById(user.id()).orElseThrow();
            MaillageUser principal = principals.staff(active);
            audit.recordAs(principal, new AuditEvent("ACCEPT_INVITATION", "USER", Long.toString(user.id()), user.id(),
                    regionOf(user), Map.of()));
            users.recordLogin(user.id());
            return authenticated(principal);
        });
    }

    @Override
    public boolean requestMagicLink(String email, String clientAddress) {
        if (!throttle.linkRequestAllowed(clientAddress)) {
            return false;
        }
        users.findByEmail(email == null ? "" : email)
                .filter(UserRecord::isActive)
                .filter(user -> users.grants(user.id()).stream().anyMatch(grant -> grant.role() == Role.PORTEUR))
                .filter(user -> notAskedTooOften(user, Purpose.MAGIC_LINK))
                .ifPresent(this::emailMagicLink);
        return true;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean magicLinkValid(String token) {
        return tokens.peek(token, Purpose.MAGIC_LINK).isPresent();
    }

    @Override
    public Optional<Authentication> consumeMagicLink(String token) {
        return tokens.consume(token, Purpose.MAGIC_LINK).flatMap(users::findById).filter(UserRecord::isActive)
                .map(user -> {
                    users.recordLogin(user.id());
                    // Only the porteur role: a magic link never opens staff rights.
                    return authenticated(principals.porteur(user));
                });
    }

    private void requireAcceptable(String password, String email) {
        policy.problem(password, email).ifPresent(problem -> {
            throw new RuleViolationException(problem);
        });
    }

    private static Authentication authenticated(MaillageUser principal) {
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    // --- Emails -------------------------------------------------------------------------------

    private void emailInvitation(UserRecord user, CurrentUser by) {
        String token = tokens.issue(user.id(), Purpose.INVITATION, properties.invitationValidity());
        send(user, "invitation", "/invitation?jeton=" + token, properties.invitationValidity(), by.displayName());
    }

    private void emailMagicLink(UserRecord user) {
        String token = tokens.issue(user.id(), Purpose.MAGIC_LINK, properties.magicLinkValidity());
        send(user, "magic-link", "/mon-espace/lien?jeton=" + token, properties.magicLinkValidity(), null);
    }

    private void send(UserRecord user, String template, String path, Duration validity, String invitedBy) {
        Map<String, Object> model = new HashMap<>();
        model.put("displayName", user.displayName());
        model.put("path", path);
        model.put("validity", describe(validity));
        model.put("grants", users.grants(user.id()));
        if (invitedBy != null) {
            model.put("invitedBy", invitedBy);
        }
        notifications.email(new Email(user.email(), template, model, Locale.FRENCH));
    }

    /** "7 jours", "1 heure", "30 minutes". */
    static String describe(Duration duration) {
        if (duration.toDays() >= 1 && duration.toHours() % 24 == 0) {
            return duration.toDays() + (duration.toDays() > 1 ? " jours" : " jour");
        }
        if (duration.toHours() >= 1 && duration.toMinutes() % 60 == 0) {
            return duration.toHours() + (duration.toHours() > 1 ? " heures" : " heure");
        }
        return duration.toMinutes() + " minutes";
    }
}
