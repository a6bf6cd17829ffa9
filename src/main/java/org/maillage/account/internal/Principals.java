package org.maillage.account.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.maillage.account.Grant;
import org.maillage.account.Role;
import org.springframework.stereotype.Component;

/** Builds the principal of a user from their account and grants. */
@Component
class Principals {

    private final UserRepository users;

    Principals(UserRepository users) {
        this.users = users;
    }

    /** A staff member signed in (reset password, invitation, OpenID Connect): staff roles, no password hash. */
    MaillageUser staff(UserRecord user) {
        return principal(user, users.grants(user.id()).stream().filter(grant -> grant.role().isStaff()).toList(), null);
    }

    /** The same, carrying the hash for the password check (erased once the login succeeded). */
    MaillageUser staffForPasswordCheck(UserRecord user) {
        return principal(user, users.grants(user.id()).stream().filter(grant -> grant.role().isStaff()).toList(),
                user.passwordHash());
    }

    /** A porteur through a magic link: the porteur role only, never staff rights. */
    MaillageUser porteur(UserRecord user) {
        return principal(user, users.grants(user.id()).stream().filter(grant -> grant.role() == Role.PORTEUR).toList(), null);
    }

    private static MaillageUser principal(UserRecord user, List<Grant> grants, String passwordHash) {
        List<String> roles = grants.stream().map(grant -> grant.role().name()).distinct().toList();
        return new MaillageUser(user.id(), user.displayName(), auditLabel(user.displayName(), grants), roles, passwordHash);
    }

    /** "Marie Le Goff (animation : ADESS Cornouaille)", as the audit log shows the actor. */
    static String auditLabel(String displayName, List<Grant> grants) {
        if (grants.isEmpty()) {
            return displayName;
        }
        return displayName + " (" + grants.stream()
                .map(grant -> label(grant.role()) + (grant.role() == Role.PORTEUR ? "" : " : " + grant.scopeLabel()))
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String label(Role role) {
        return switch (role) {
            case PORTEUR -> "porteur de projet";
            case ANIMATEUR -> "animation";
            case PARTENAIRE -> "partenaire";
            case COORDINATEUR -> "coordination";
            case FINANCEUR -> "financeur";
            case STRUCTURE -> "structure";
            case ADMINISTRATEUR -> "administration";
        };
    }
}
