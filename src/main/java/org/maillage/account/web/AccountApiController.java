package org.maillage.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.Grant;
import org.maillage.platform.Audit;
import org.maillage.platform.AuditQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Comptes", description = "L'utilisateur connecté et le journal d'audit")
class AccountApiController {

    record Me(long id, String email, String displayName, List<Grant> grants) {}

    private final Authorizations authorizations;
    private final Audit audit;

    AccountApiController(Authorizations authorizations, Audit audit) {
        this.authorizations = authorizations;
        this.audit = audit;
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "L'utilisateur connecté, ses rôles et périmètres")
    Me me() {
        CurrentUser user = authorizations.requireUser();
        return new Me(user.id().value(), user.email(), user.displayName(), user.grants());
    }

    @GetMapping("/api/v1/admin/audit")
    @Operation(summary = "Rechercher dans le journal d'audit (administration, coordination de sa région)")
    Audit.AuditPage audit(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "page", defaultValue = "0") int page) {
        CurrentUser user = authorizations.requireUser();
        authorizations.check(authorizations.canSearchAudit(user));
        return audit.search(new AuditQuery(text, action, null, from, to, authorizations.auditRegions(user).orElse(null),
                Math.max(0, page), AuditController.PAGE_SIZE));
    }
}
