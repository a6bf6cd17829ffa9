package org.maillage.account.web;

import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff's home after login: who they are, their roles, and where they can go. */
@Controller
class StaffHomeController {

    private final Authorizations authorizations;

    StaffHomeController(Authorizations authorizations) {
        this.authorizations = authorizations;
    }

    @GetMapping("/espace")
    String home(Model model) {
        CurrentUser user = authorizations.requireUser();
        model.addAttribute("user", user);
        model.addAttribute("animates", user.has(Role.ANIMATEUR));
        model.addAttribute("coordinates", user.has(Role.COORDINATEUR));
        model.addAttribute("partners", user.has(Role.PARTENAIRE));
        model.addAttribute("seesFigures", user.has(Role.ANIMATEUR) || user.has(Role.COORDINATEUR)
                || user.has(Role.FINANCEUR));
        model.addAttribute("maintainsSchemes", user.has(Role.COORDINATEUR) || user.has(Role.PARTENAIRE)
                || user.has(Role.ADMINISTRATEUR));
        model.addAttribute("cooperates", user.has(Role.ANIMATEUR) || user.has(Role.COORDINATEUR)
                || user.has(Role.STRUCTURE));
        model.addAttribute("managesUsers", authorizations.canManageUsers(user));
        model.addAttribute("searchesAudit", authorizations.canSearchAudit(user));
        return "staff/home";
    }
}
