package org.maillage.offer;

import java.util.List;
import java.util.Optional;
import org.maillage.account.CurrentUser;

/**
 * The catalogue of support schemes. Those who maintain a scheme: the partners of its operator, the
 * coordinators of the operator's region, and administrators; every change is in the audit log.
 */
public interface Schemes {

    /** Every scheme, by name, with its next sessions. */
    List<Scheme> list();

    Optional<Scheme> find(String slug);

    /** The operators whose schemes the user maintains, by name. */
    List<Operator> operatorsMaintainedBy(CurrentUser user);

    /** The schemes the user maintains, by name. */
    List<Scheme> maintainedBy(CurrentUser user);

    /**
     * The scheme, to edit; 403 when the user does not maintain it.
     *
     * @throws org.maillage.platform.NotFoundException for an unknown scheme
     */
    Scheme findForMaintenance(CurrentUser user, String slug);

    /**
     * Adds a scheme to the catalogue; returns its slug.
     *
     * @throws org.maillage.platform.RuleViolationException when nothing covers a place, or the operator is
     *     not one the user maintains
     */
    String create(CurrentUser user, SchemeData data);

    void update(CurrentUser user, String slug, SchemeData data);

    /** Adds a session or a call; returns the scheme with it. */
    Scheme addSession(CurrentUser user, String slug, Scheme.Session session);

    void removeSession(CurrentUser user, String slug, long sessionId);
}
