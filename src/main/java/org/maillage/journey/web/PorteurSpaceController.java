package org.maillage.journey.web;

import java.util.List;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.journey.PorteurView;
import org.maillage.journey.Porteurs;
import org.maillage.platform.Audit;
import org.maillage.platform.AuditEntry;
import org.maillage.platform.AuditQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The porteur's own space (opened by a magic link): their file and who has read or changed it. */
@Controller
class PorteurSpaceController {

    static final int ACCESSES_SHOWN = 50;

    private final Porteurs porteurs;
    private final Authorizations authorizations;
    private final Audit audit;

    PorteurSpaceController(Porteurs porteurs, Authorizations authorizations, Audit audit) {
        this.porteurs = porteurs;
        this.authorizations = authorizations;
        this.audit = audit;
    }

    @GetMapping("/mon-espace")
    String space(Model model) {
        CurrentUser user = authorizations.requireUser();
        PorteurView porteur = porteurs.own(user).orElse(null);
        List<AuditEntry> accesses = audit.search(new AuditQuery(null, null, user.id().value(), null, null, null, 0,
                ACCESSES_SHOWN)).rows().stream()
                .filter(entry -> entry.actorUserId() == null || entry.actorUserId() != user.id().value())
                .toList();
        model.addAttribute("porteur", porteur);
        model.addAttribute("accesses", accesses);
        return "journey/space";
    }
}
