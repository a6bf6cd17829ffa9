package org.maillage.journey;

import java.util.List;
import java.util.Optional;
import org.maillage.account.CurrentUser;

/**
 * Porteurs' files. Every method checks the user's right (animators of the welcoming pôle, the
 * porteur themself) and every read of a file is written in the audit log.
 */
public interface Porteurs {

    /** Registers a porteur welcomed by one of the animator's pôles; their account follows. */
    PorteurView register(CurrentUser by, RegisterPorteur porteur);

    /** The file, read (and audited) on behalf of the user; 403 when they may not. */
    PorteurView read(CurrentUser by, long id);

    /** The porteurs of the pôles the user animates (list only: no read of the files). */
    List<PorteurView> ofPolesAnimatedBy(CurrentUser by);

    /** The porteur's own file, if the user is a porteur. */
    Optional<PorteurView> own(CurrentUser porteur);
}
