package org.maillage.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.maillage.account.Authorizations;
import org.maillage.directory.Directory;
import org.maillage.directory.Directory.StructureData;
import org.maillage.account.PoleRef;
import org.maillage.directory.EssSector;
import org.maillage.directory.MembershipStatus;
import org.maillage.network.Poles;
import org.maillage.directory.StructureFamily;
import org.maillage.platform.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Animators and coordinators add and edit structures of their territory. */
@Controller
class StructureEditController {

    record StructureForm(
            @NotBlank(message = "{structure.name.blank}") @Size(max = 200, message = "{structure.name.size}") String name,
            @Size(max = 30, message = "{structure.siret.invalid}") String siret,
            @NotNull(message = "{structure.family.blank}") StructureFamily family,
            @Pattern(regexp = "^$|^\\d{4}$", message = "{structure.legalForm.invalid}") String legalFormCode,
            @NotNull(message = "{structure.sector.blank}") EssSector sector,
            @Pattern(regexp = "^$|^\\d{2}\\.?\\d{2}[A-Za-z]$", message = "{structure.naf.invalid}") String nafCode,
            @Size(max = 300, message = "{structure.address.size}") String address,
            @NotBlank(message = "{structure.commune.blank}") @Pattern(regexp = "^$|^[0-9][0-9AB][0-9]{3}$", message = "{structure.commune.invalid}") String communeCode,
            @DecimalMin(value = "-90", message = "{structure.location.invalid}") @DecimalMax(value = "90", message = "{structure.location.invalid}") Double latitude,
            @DecimalMin(value = "-180", message = "{structure.location.invalid}") @DecimalMax(value = "180", message = "{structure.location.invalid}") Double longitude,
            @Min(value = 0, message = "{structure.employees.invalid}") @Max(value = 1_000_000, message = "{structure.employees.invalid}") Integer employees,
            @Size(max = 254, message = "{structure.website.invalid}") @Pattern(regexp = "^$|^https?://\\S+$", message = "{structure.website.invalid}") String website,
            @Size(max = 5000, message = "{structure.description.size}") String description,
            boolean published) {

        static StructureForm empty() {
            return new StructureForm("", "", null, "", null, "", "", "", null, null, null, "", "", true);
        }

        static StructureForm of(StructureData d) {
            return new StructureForm(d.name(), d.siret() == null ? "" : d.siret(), d.family(), d.legalFormCode(), d.sector(),
                    d.nafCode(), d.address(), d.communeCode(), d.latitude(), d.longitude(), d.employees(), d.website(),
                    d.description(), d.published());
        }

        StructureData data() {
            return new StructureData(name, siret, family, legalFormCode, sector, nafCode, address, communeCode, latitude,
                    longitude, employees, website, description, published);
        }
    }

    record MembershipForm(
            @NotBlank(message = "{membership.pole.blank}") String poleSlug,
            @NotNull(message = "{managePole.funding.year.invalid}") @Min(value = 2000, message = "{managePole.funding.year.invalid}")
            @Max(value = 2100, message = "{managePole.funding.year.invalid}") Integer year,
            @DecimalMin(value = "0", message = "{membership.fee.invalid}") @DecimalMax(value = "1000000", message = "{membership.fee.invalid}")
            java.math.BigDecimal fee,
            @NotNull(message = "{membership.status.blank}") MembershipStatus status) {

        static MembershipForm empty() {
            return new MembershipForm("", java.time.Year.now().getValue(), null, MembershipStatus.MEMBER);
        }
    }

    /** Giving a person of the structure an account. */
    record AccessForm(
            @NotBlank(message = "{structure.access.email.blank}") @jakarta.validation.constraints.Email(message = "{structure.access.email.invalid}")
            @Size(max = 254, message = "{structure.access.email.invalid}") String email,
            @NotBlank(message = "{structure.access.name.blank}") @Size(max = 120, message = "{structure.access.name.size}") String displayName) {

        static AccessForm empty() {
            return new AccessForm("", "");
        }
    }

    private final Directory directory;
    private final Authorizations authorizations;
    private final MessageSource messages;
    private final Poles poles;

    StructureEditController(Directory directory, Authorizations authorizations, MessageSource messages, Poles poles) {
        this.directory = directory;
        this.authorizations = authorizations;
        this.messages = messages;
        this.poles = poles;
    }

    @GetMapping("/espace/structures/nouvelle")
    String newStructure(Model model) {
        authorizations.requireUser();
        model.addAttribute("form", StructureForm.empty());
        return form(model, null);
    }

    @PostMapping("/espace/structures/nouvelle")
    String create(@Valid @ModelAttribute("form") StructureForm form, BindingResult validation, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var user = authorizations.requireUser();
        if (!validation.hasErrors()) {
            try {
                String slug = directory.create(user, form.data());
                redirect.addFlashAttribute("done", form.published() ? "structure.created" : "structure.created.unpublished");
                return "redirect:" + (form.published() ? "/annuaire/" + slug : "/espace/structures/" + slug + "/modifier");
            } catch (RuleViolationException e) {
                reject(validation, e);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(model, null);
    }

    @GetMapping("/espace/structures/{slug}/modifier")
    String edit(@PathVariable String slug, Model model) {
        var structure = directory.findForEditing(authorizations.requireUser(), slug);
        model.addAttribute("form", StructureForm.of(structure.data()));
        return form(model, structure.slug());
    }

    @PostMapping("/espace/structures/{slug}/adhesions")
    String addMembership(@PathVariable String slug, @Valid @ModelAttribute("membershipForm") MembershipForm form,
            BindingResult validation, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var user = authorizations.requireUser();
        var structure = directory.findForEditing(user, slug);
        if (validation.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", StructureForm.of(structure.data()));
            return form(model, slug);
        }
        directory.recordMembership(user, slug, new Directory.Membership(0, form.poleSlug(), null, form.year(), form.fee(),
                form.status()));
        redirect.addFlashAttribute("done", "membership.saved");
        return "redirect:/espace/structures/" + slug + "/modifier#adhesions";
    }

    @PostMapping("/espace/structures/{slug}/adhesions/{id}/retrait")
    String removeMembership(@PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
        directory.removeMembership(authorizations.requireUser(), slug, id);
        redirect.addFlashAttribute("done", "membership.removed");
        return "redirect:/espace/structures/" + slug + "/modifier#adhesions";
    }

    @PostMapping("/espace/structures/{slug}/acces")
    String giveAccess(@PathVariable String slug, @Valid @ModelAttribute("accessForm") AccessForm form,
            BindingResult validation, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var user = authorizations.requireUser();
        var structure = directory.findForEditing(user, slug);
        authorizations.check(directory.canGiveAccess(user, structure));
        if (!validation.hasErrors()) {
            try {
                directory.giveAccess(user, slug, form.email(), form.displayName());
                redirect.addFlashAttribute("done", "structure.access.sent");
                return "redirect:/espace/structures/" + slug + "/modifier#acces";
            } catch (RuleViolationException e) {
                reject(validation, "email", e);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("form", StructureForm.of(structure.data()));
        return form(model, slug);
    }

    @PostMapping("/espace/structures/{slug}/modifier")
    String update(@PathVariable String slug, @Valid @ModelAttribute("form") StructureForm form, BindingResult validation,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var user = authorizations.requireUser();
        directory.findForEditing(user, slug);
        if (!validation.hasErrors()) {
            try {
                directory.update(user, slug, form.data());
                redirect.addFlashAttribute("done", "structure.saved");
                return "redirect:" + (form.published() ? "/annuaire/" + slug : "/espace/structures/" + slug + "/modifier");
            } catch (RuleViolationException e) {
                reject(validation, e);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(model, slug);
    }

    /** A refused rule goes next to its field: SIRET or commune. */
    private void reject(BindingResult validation, RuleViolationException e) {
        reject(validation, e.messageKey().startsWith("structure.commune") ? "communeCode" : "siret", e);
    }

    private void reject(BindingResult validation, String field, RuleViolationException e) {
        validation.rejectValue(field, e.messageKey(),
                messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale()));
    }

    private String form(Model model, String slug) {
        model.addAttribute("slug", slug);
        if (slug != null) {
            var user = authorizations.requireUser();
            model.addAttribute("memberships", directory.memberships(slug));
            model.addAttribute("memberPoles", poles.list().stream()
                    .filter(p -> authorizations.canChangePole(user, new PoleRef(p.slug(), p.regionCode()))).toList());
            model.addAttribute("statuses", MembershipStatus.values());
            if (!model.containsAttribute("membershipForm")) {
                model.addAttribute("membershipForm", MembershipForm.empty());
            }
            model.addAttribute("givesAccess", directory.canGiveAccess(user, directory.findForEditing(user, slug)));
            if (!model.containsAttribute("accessForm")) {
                model.addAttribute("accessForm", AccessForm.empty());
            }
        }
        model.addAttribute("families", StructureFamily.values());
        model.addAttribute("sectors", EssSector.values());
        return "directory/edit";
    }
}
