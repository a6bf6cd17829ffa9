package org.maillage.account.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import org.maillage.account.AccountAdministration;
import org.maillage.account.AccountView;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.Role;
import org.maillage.account.ScopeOption;
import org.maillage.account.UserId;
import org.maillage.account.web.Forms.GrantForm;
import org.maillage.account.web.Forms.InviteForm;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of accounts: list and search, invite, change roles and scopes, deactivate.
 * Administrators see everyone; coordinators the animators, partners and funders of their region.
 */
@Controller
class AdminUsersController {

    static final String BASE = "/admin/utilisateurs";

    private final AccountAdministration administration;
    private final Authorizations authorizations;

    AdminUsersController(AccountAdministration administration, Authorizations authorizations) {
        this.administration = administration;
        this.authorizations = authorizations;
    }

    @GetMapping(BASE)
    String list(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "role", required = false) Role role,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        CurrentUser user = authorizations.requireUser();
        model.addAttribute("result", administration.search(user, trimmed(text), role, page));
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("role", role);
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(Role::isStaff).toList());
        // htmx live search swaps the results only
        return "true".equals(htmx) ? "admin/users :: results" : "admin/users";
    }

    @GetMapping(BASE + "/inviter")
    String inviteForm(@RequestParam(name = "role", required = false) Role role, Model model) {
        CurrentUser user = authorizations.requireUser();
        Role chosen = role != null ? role : defaultRole(user);
        model.addAttribute("form", new InviteForm("", "", chosen, ""));
        return invitePage(user, chosen, model);
    }

    @PostMapping(BASE + "/inviter")
    String invite(@Valid @ModelAttribute("form") InviteForm form, BindingResult validation, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = authorizations.requireUser();
        if (!validation.hasErrors()) {
            try {
                UserId id = administration.invite(user, form.email(), form.displayName(), form.role(), form.scopeCode());
                redirect.addFlashAttribute("done", "admin.invite.done");
                return "redirect:" + BASE + "/" + id.value();
            } catch (RuleViolationException e) {
                validation.rejectValue(e.messageKey().startsWith("account.email") ? "email" : "scopeCode",
                        e.messageKey(), e.arguments(), null);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return invitePage(user, form.role() != null ? form.role() : defaultRole(user), model);
    }

    private String invitePage(CurrentUser user, Role role, Model model) {
        List<Role> roles = administration.grantableRoles(user);
        authorizations.check(!roles.isEmpty());
        model.addAttribute("roles", roles);
        model.addAttribute("chosenRole", role);
        model.addAttribute("scopes", roles.contains(role) ? administration.grantableScopes(user, role) : List.<ScopeOption>of());
        return "admin/invite";
    }

    private Role defaultRole(CurrentUser user) {
        List<Role> roles = administration.grantableRoles(user);
        return roles.contains(Role.ANIMATEUR) ? Role.ANIMATEUR : roles.isEmpty() ? Role.ANIMATEUR : roles.get(0);
    }

    @GetMapping(BASE + "/{id}")
    String account(@PathVariable long id, @RequestParam(name = "role", required = false) Role role, Model model) {
        CurrentUser user = authorizations.requireUser();
        AccountView account = administration.find(user, new UserId(id))
                .orElseThrow(() -> new NotFoundException("account.unknown", id));
        List<Role> roles = administration.grantableRoles(user);
        Role chosen = role != null && roles.contains(role) ? role : roles.isEmpty() ? null : roles.get(0);
        model.addAttribute("account", account);
        model.addAttribute("roles", roles);
        model.addAttribute("chosenRole", chosen);
        model.addAttribute("scopes", chosen == null ? List.of() : administration.grantableScopes(user, chosen));
        model.addAttribute("grantForm", new GrantForm(chosen, ""));
        model.addAttribute("self", user.id().value() == id);
        return "admin/user";
    }

    @PostMapping(BASE + "/{id}/roles")
    String grant(@PathVariable long id, @Valid @ModelAttribute("grantForm") GrantForm form, BindingResult validation,
            RedirectAttributes redirect) {
        CurrentUser user = authorizations.requireUser();
        if (validation.hasErrors()) {
            redirect.addFlashAttribute("problem", "account.scope.blank");
        } else {
            administration.grant(user, new UserId(id), form.role(), form.scopeCode());
            redirect.addFlashAttribute("done", "admin.grant.done");
        }
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/roles/{grant}/retrait")
    String revoke(@PathVariable long id, @PathVariable long grant, RedirectAttributes redirect) {
        administration.revoke(authorizations.requireUser(), new UserId(id), grant);
        redirect.addFlashAttribute("done", "admin.revoke.done");
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/desactivation")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        administration.deactivate(authorizations.requireUser(), new UserId(id));
        redirect.addFlashAttribute("done", "admin.deactivate.done");
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/reactivation")
    String reactivate(@PathVariable long id, RedirectAttributes redirect) {
        administration.reactivate(authorizations.requireUser(), new UserId(id));
        redirect.addFlashAttribute("done", "admin.reactivate.done");
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/invitation")
    String resendInvitation(@PathVariable long id, RedirectAttributes redirect) {
        administration.resendInvitation(authorizations.requireUser(), new UserId(id));
        redirect.addFlashAttribute("done", "admin.invite.resent");
        return "redirect:" + BASE + "/" + id;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
