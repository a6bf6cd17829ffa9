package org.maillage.account;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * What people do for themselves through emailed links: accept an invitation, reset a forgotten
 * password, open a porteur's space. Requests never tell whether an address has an account.
 * The {@link Authentication} returned signs the person in (the web layer stores it in the session).
 */
public interface SelfService {

    /** The message key of what is wrong with this password for this person, if anything. */
    Optional<String> passwordProblem(String password, String email);

    /**
     * Emails a reset link if the address belongs to an active staff account and has not asked too
     * often; silent otherwise. False only when this client address made too many requests.
     */
    boolean requestPasswordReset(String email, String clientAddress);

    /** The email of the account, while the link is valid. */
    Optional<String> passwordResetEmail(String token);

    /** Sets the new password (link used once); every open session of the account ends. */
    Optional<Authentication> resetPassword(String token, String password);

    /** Who is invited, while the link is valid. */
    Optional<InvitationView> invitation(String token);

    Optional<Authentication> acceptInvitation(String token, String displayName, String password);

    /** The same for a link to a porteur's space, if the address is a porteur's. */
    boolean requestMagicLink(String email, String clientAddress);

    boolean magicLinkValid(String token);

    Optional<Authentication> consumeMagicLink(String token);

    /** An invitation, as its page shows it. */
    record InvitationView(String email, String displayName, List<Grant> grants) {}
}
