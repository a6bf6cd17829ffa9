package org.maillage.network.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.List;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.network.FundingKind;
import org.maillage.network.GovernanceForm;
import org.maillage.network.PoleManagement;
import org.maillage.network.PoleManagement.PoleFile;
import org.maillage.network.PoleStatus;
import org.maillage.network.PrefigurationStep;
import org.maillage.platform.RuleViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Managing the pôles (staff pages): the regional overview and creation for coordinators; each
 * pôle's identity, lifecycle, préfiguration checklist, team and funding for its animators and
 * coordinators. Each form posts to its own address; a refused form comes back with its errors next
 * to its fields and the rest of the page as it was.
 */
@Controller
class PoleManagementController {

    static final String BASE = "/espace/poles";

    record NewPoleForm(
            @NotBlank(message = "{managePole.name.blank}") @Size(max = 120, message = "{managePole.name.size}") String name,
            @NotBlank(message = "{managePole.territory.blank}") @Size(max = 160, message = "{managePole.territory.size}") String territoryLabel,
            @Size(max = 160, message = "{managePole.carrier.size}") String carrierName) {

        static NewPoleForm empty() {
            return new NewPoleForm("", "", "");
        }
    }

    record IdentityForm(
            @NotBlank(message = "{managePole.name.blank}") @Size(max = 120, message = "{managePole.name.size}") String name,
            @Size(max = 160, message = "{managePole.carrier.size}") String carrierName,
            @NotBlank(message = "{managePole.territory.blank}") @Size(max = 160, message = "{managePole.territory.size}") String territoryLabel,
            GovernanceForm governanceForm,
            @Size(max = 254, message = "{managePole.contact.size}") @jakarta.validation.constraints.Email(message = "{managePole.email.invalid}") String email,
            @Size(max = 40, message = "{managePole.contact.size}") String phone,
            @Size(max = 254, message = "{managePole.contact.size}") @jakarta.validation.constraints.Pattern(regexp = "^$|^https?://\\S+$", message = "{managePole.link.invalid}") String website,
            @Size(max = 300, message = "{managePole.contact.size}") String address) {

        static IdentityForm of(PoleFile file) {
            var pole = file.pole();
            return new IdentityForm(pole.name(), pole.carrierName(), pole.territoryLabel(), file.governanceForm(),
                    pole.contact().email(), pole.contact().phone(), pole.contact().website(), pole.contact().address());
        }
    }

    record StepForm(
            @PastOrPresent(message = "{managePole.step.future}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
            @Size(max = 4000, message = "{managePole.step.notes.size}") String notes,
            @Size(max = 4000, message = "{managePole.step.links.size}") String links) {

        List<String> linkList() {
            return links == null ? List.of() : Arrays.stream(links.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }

    record TeamForm(
            @NotBlank(message = "{managePole.team.name.blank}") @Size(max = 120, message = "{managePole.name.size}") String personName,
            @NotBlank(message = "{managePole.team.job.blank}") @Size(max = 120, message = "{managePole.name.size}") String jobTitle,
            @NotNull(message = "{managePole.team.fte.invalid}") @DecimalMin(value = "0.05", message = "{managePole.team.fte.invalid}")
            @DecimalMax(value = "2", message = "{managePole.team.fte.invalid}") BigDecimal fte) {

        static TeamForm empty() {
            return new TeamForm("", "", null);
        }
    }

    record FundingForm(
            @NotNull(message = "{managePole.funding.year.invalid}") @Min(value = 2000, message = "{managePole.funding.year.invalid}")
            @Max(value = 2100, message = "{managePole.funding.year.invalid}") Integer year,
            @NotBlank(message = "{managePole.funding.funder.blank}") @Size(max = 160, message = "{managePole.name.size}") String funder,
            @NotNull(message = "{managePole.funding.kind.blank}") FundingKind kind,
            @NotNull(message = "{managePole.funding.amount.invalid}") @DecimalMin(value = "1", message = "{managePole.funding.amount.invalid}")
            @DecimalMax(value = "9999999999", message = "{managePole.funding.amount.invalid}") BigDecimal amount) {

        static FundingForm empty() {
            return new FundingForm(Year.now().getValue(), "", null, null);
        }
    }

    private final PoleManagement management;
    private final Authorizations authorizations;

    PoleManagementController(PoleManagement management, Authorizations authorizations) {
        this.management = management;
        this.authorizations = authorizations;
    }

    // --- Regional overview and creation --------------------------------------------------------

    @GetMapping("/espace/reseau")
    String overview(@RequestParam(name = "annee", required = false) Integer year, Model model) {
        int chosen = year == null || year < 2000 || year > 2100 ? Year.now().getValue() : year;
        model.addAttribute("rows", management.overview(authorizations.requireUser(), chosen));
        model.addAttribute("year", chosen);
        return "poles/overview";
    }

    @GetMapping(BASE + "/nouveau")
    String newPole(Model model) {
        model.addAttribute("form", NewPoleForm.empty());
        return "poles/new";
    }

    @PostMapping(BASE + "/nouveau")
    String create(@Valid @ModelAttribute("form") NewPoleForm form, BindingResult validation, HttpServletResponse response,
            RedirectAttributes redirect) {
        CurrentUser user = authorizations.requireUser();
        if (validation.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "poles/new";
        }
        String slug = management.create(user, new PoleManagement.NewPole(form.name(), form.territoryLabel(), form.carrierName()));
        redirect.addFlashAttribute("done", "managePole.created");
        return "redirect:" + BASE + "/" + slug;
    }

    // --- A pôle -------------------------------------------------------------------------------

    @GetMapping(BASE + "/{slug}")
    String file(@PathVariable String slug, Model model) {
        return page(slug, model, null);
    }

    /** The pôle's page; {@code failed} names the form that comes back with its errors (already in the model). */
    private String page(String slug, Model model, String failed) {
        PoleFile file = management.file(authorizations.requireUser(), slug);
        model.addAttribute("file", file);
        model.addAttribute("pole", file.pole());
        model.addAttribute("steps", PrefigurationStep.values());
        model.addAttribute("governanceForms", GovernanceForm.values());
        model.addAttribute("fundingKinds", FundingKind.values());
        model.addAttribute("failed", failed);
        if (!"identity".equals(failed)) {
            model.addAttribute("identityForm", IdentityForm.of(file));
        }
        if (!"team".equals(failed)) {
            model.addAttribute("teamForm", TeamForm.empty());
        }
        if (!"funding".equals(failed)) {
            model.addAttribute("fundingForm", FundingForm.empty());
        }
        return "poles/manage";
    }

    @PostMapping(BASE + "/{slug}/identite")
    String identity(@PathVariable String slug, @Valid @ModelAttribute("identityForm") IdentityForm form,
            BindingResult validation, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (validation.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(slug, model, "identity");
        }
        management.updateIdentity(authorizations.requireUser(), slug, new PoleManagement.PoleIdentity(form.name(),
                form.carrierName(), form.territoryLabel(), form.governanceForm(), form.email(), form.phone(),
                form.website(), form.address()));
        return done(redirect, slug, "managePole.identity.saved", "identite");
    }

    @PostMapping(BASE + "/{slug}/statut")
    String status(@PathVariable String slug, @RequestParam("vers") PoleStatus to,
            @RequestParam(name = "note", required = false) String note, RedirectAttributes redirect) {
        try {
            management.changeStatus(authorizations.requireUser(), slug, to,
                    note == null ? "" : note.substring(0, Math.min(note.length(), 1000)));
        } catch (RuleViolationException e) {
            // the page lists what is missing; nothing was changed
            redirect.addFlashAttribute("problem", "managePole.status.refused");
            return "redirect:" + BASE + "/" + slug + "#statut";
        }
        return done(redirect, slug, "managePole.status.changed", "statut");
    }

    @PostMapping(BASE + "/{slug}/etapes/{step}")
    String step(@PathVariable String slug, @PathVariable PrefigurationStep step, @Valid @ModelAttribute("stepForm") StepForm form,
            BindingResult validation, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<String> badLinks = form.linkList().stream().filter(link -> !link.matches("^https?://\\S+$")).toList();
        if (!badLinks.isEmpty()) {
            validation.rejectValue("links", "managePole.link.invalid");
        }
        if (validation.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("failedStep", step);
            return page(slug, model, "step");
        }
        management.recordStep(authorizations.requireUser(), slug, step,
                new PoleManagement.StepRecord(form.doneOn(), form.notes(), form.linkList()));
        return done(redirect, slug, "managePole.step.saved", "etape-" + step.name());
    }

    @PostMapping(BASE + "/{slug}/equipe")
    String addMember(@PathVariable String slug, @Valid @ModelAttribute("teamForm") TeamForm form, BindingResult validation,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (validation.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(slug, model, "team");
        }
        management.addTeamMember(authorizations.requireUser(), slug,
                new PoleManagement.TeamMember(0, form.personName(), form.jobTitle(), form.fte()));
        return done(redirect, slug, "managePole.team.added", "equipe");
    }

    @PostMapping(BASE + "/{slug}/equipe/{id}/retrait")
    String removeMember(@PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
        management.removeTeamMember(authorizations.requireUser(), slug, id);
        return done(redirect, slug, "managePole.team.removed", "equipe");
    }

    @PostMapping(BASE + "/{slug}/financements")
    String addFunding(@PathVariable String slug, @Valid @ModelAttribute("fundingForm") FundingForm form,
            BindingResult validation, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (validation.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(slug, model, "funding");
        }
        management.addFunding(authorizations.requireUser(), slug,
                new PoleManagement.FundingLine(0, form.year(), form.funder(), form.kind(), form.amount()));
        return done(redirect, slug, "managePole.funding.added", "financements");
    }

    @PostMapping(BASE + "/{slug}/financements/{id}/retrait")
    String removeFunding(@PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
        management.removeFunding(authorizations.requireUser(), slug, id);
        return done(redirect, slug, "managePole.funding.removed", "financements");
    }

    @PostMapping(BASE + "/{slug}/territoire")
    String addEpci(@PathVariable String slug, @RequestParam(name = "epci", required = false) String epci,
            RedirectAttributes redirect) {
        return coverage(redirect, slug, "managePole.coverage.added",
                () -> management.addEpci(authorizations.requireUser(), slug, epci));
    }

    @PostMapping(BASE + "/{slug}/territoire/{epci}/retrait")
    String removeEpci(@PathVariable String slug, @PathVariable String epci, RedirectAttributes redirect) {
        return coverage(redirect, slug, "managePole.coverage.removed",
                () -> management.removeEpci(authorizations.requireUser(), slug, epci));
    }

    /** A change of coverage; refused, the page says why (nothing was changed). */
    private String coverage(RedirectAttributes redirect, String slug, String doneKey, Runnable change) {
        try {
            change.run();
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("coverageProblem", e.messageKey());
            redirect.addFlashAttribute("coverageProblemArgs", java.util.Arrays.stream(e.arguments()).map(String::valueOf).toList());
            return "redirect:" + BASE + "/" + slug + "#territoire";
        }
        return done(redirect, slug, doneKey, "territoire");
    }

    private static String done(RedirectAttributes redirect, String slug, String messageKey, String anchor) {
        redirect.addFlashAttribute("done", messageKey);
        return "redirect:" + BASE + "/" + slug + "#" + anchor;
    }
}
