package org.maillage.account.web;

import java.time.LocalDate;
import java.util.List;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.platform.Audit;
import org.maillage.platform.AuditQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Search in the audit log: administrators everything, coordinators their region. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;
    static final String[] ACTIONS = {"READ", "CREATE", "UPDATE", "INVITE", "ACCEPT_INVITATION", "GRANT", "REVOKE",
        "DEACTIVATE", "REACTIVATE", "PASSWORD_RESET", "DELETE"};

    private final Audit audit;
    private final Authorizations authorizations;

    AuditController(Audit audit, Authorizations authorizations) {
        this.audit = audit;
        this.authorizations = authorizations;
    }

    @GetMapping("/admin/journal")
    String search(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "du", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "au", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        CurrentUser user = authorizations.requireUser();
        authorizations.check(authorizations.canSearchAudit(user));
        String chosenAction = action != null && List.of(ACTIONS).contains(action) ? action : null;
        model.addAttribute("result", audit.search(new AuditQuery(text, chosenAction, null, from, to,
                authorizations.auditRegions(user).orElse(null), Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("action", chosenAction);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "admin/audit";
    }
}
