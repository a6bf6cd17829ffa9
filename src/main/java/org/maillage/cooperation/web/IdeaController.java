package org.maillage.cooperation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.cooperation.IdeaKind;
import org.maillage.cooperation.IdeaStatus;
import org.maillage.cooperation.TerritorialIdeas;
import org.maillage.cooperation.TerritorialIdeas.IdeaView;
import org.maillage.cooperation.TerritorialIdeas.NewIdea;
import org.maillage.journey.Journeys.InboxQuery;
import org.maillage.journey.Journeys;
import org.maillage.offer.SchemeKind;
import org.maillage.offer.Schemes;
import org.maillage.platform.RuleViolationException;
import org.maillage.territory.Territories;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Territorial needs and dormant ideas: recorded by anyone in the network, followed up by the pôle. */
@Controller
class IdeaController {

    /** The refusals of the service shown next to their field. */
    private static final java.util.Map<String, String> FIELDS = java.util.Map.of("cooperation.commune.unknown", "commune", "cooperation.idea.outsideRegion", "commune");

    record IdeaForm(
            @NotBlank(message = "{cooperation.idea.kind.blank}") String kind,
            @NotBlank(message = "{cooperation.idea.title.invalid}") @Size(max = 150, message = "{cooperation.idea.title.invalid}") String title,
            @Size(max = 3000, message = "{cooperation.idea.description.tooLong}") String description,
            @NotBlank(message = "{cooperation.commune.unknown}") @Size(max = 100, message = "{cooperation.commune.unknown}") String commune) {}

    private static final String BASE = "/espace/cooperation/idees/";

    private final TerritorialIdeas ideas;
    private final Journeys journeys;
    private final Schemes schemes;
    private final Authorizations authorizations;
    private final Territories territories;
    private final CooperationPages pages;

    IdeaController(TerritorialIdeas ideas, Journeys journeys, Schemes schemes, Authorizations authorizations,
            Territories territories, CooperationPages pages) {
        this.ideas = ideas;
        this.journeys = journeys;
        this.schemes = schemes;
        this.authorizations = authorizations;
        this.territories = territories;
        this.pages = pages;
    }

    @GetMapping("/espace/cooperation/idees")
    String list(@RequestParam(required = false) String status, Model model) {
        CurrentUser user = authorizations.requireUser();
        IdeaStatus chosen = CooperationPages.parse(IdeaStatus.class, status);
        model.addAttribute("ideas", ideas.list(user, chosen));
        model.addAttribute("status", chosen);
        model.addAttribute("statuses", IdeaStatus.values());
        pages.poles(user, model);
        return "cooperation/ideas";
    }

    @GetMapping("/espace/cooperation/idees/nouvelle")
    String form(Model model) {
        authorizations.check(!pages.networkPoleChoices(authorizations.requireUser()).isEmpty());
        model.addAttribute("form", new IdeaForm("", "", "", ""));
        return formPage(model);
    }

    @PostMapping("/espace/cooperation/idees/nouvelle")
    String record(@Valid @ModelAttribute("form") IdeaForm form, BindingResult validation, Model model) {
        CurrentUser user = authorizations.requireUser();
        IdeaKind kind = CooperationPages.parse(IdeaKind.class, form.kind());
        if (kind == null && !validation.hasFieldErrors("kind")) {
            validation.rejectValue("kind", "cooperation.idea.kind.blank");
        }
        String communeCode = null;
        if (!validation.hasFieldErrors("commune")) {
            communeCode = territories.bestCommune(form.commune()).orElse(null);
            if (communeCode == null) {
                validation.rejectValue("commune", "cooperation.commune.unknown");
            }
        }
        if (validation.hasErrors()) {
            return formPage(model);
        }
        try {
            return "redirect:" + BASE + ideas.record(user, new NewIdea(kind, form.title(), form.description(), communeCode));
        } catch (RuleViolationException refused) {
            CooperationPages.reject(validation, refused, FIELDS);
            return formPage(model);
        }
    }

    private String formPage(Model model) {
        model.addAttribute("kinds", IdeaKind.values());
        return "cooperation/idea-form";
    }

    @GetMapping("/espace/cooperation/idees/{id}")
    String idea(@PathVariable long id, Model model) {
        CurrentUser user = authorizations.requireUser();
        IdeaView idea = ideas.find(user, id);
        model.addAttribute("idea", idea);
        if (idea.followable()) {
            model.addAttribute("studySchemes", schemes.list().stream()
                    .filter(s -> s.kind() == SchemeKind.REVELATEUR || s.kind() == SchemeKind.IDEATION).toList());
            boolean animates = idea.poleSlug() != null
                    && user.scopes(org.maillage.account.Role.ANIMATEUR, org.maillage.account.ScopeType.POLE)
                            .contains(idea.poleSlug());
            model.addAttribute("projects", animates
                    ? journeys.inbox(user, new InboxQuery(null, null, "ALL", idea.poleSlug(), 0)).rows() : java.util.List.of());
        }
        pages.poles(user, model);
        return "cooperation/idea";
    }

    @PostMapping("/espace/cooperation/idees/{id}/porteur")
    String link(@PathVariable long id, @RequestParam(required = false) String project,
            @RequestParam(required = false) String note, Model model) {
        CurrentUser user = authorizations.requireUser();
        String typed = project == null ? "" : project.strip().replaceFirst("^.*/", "");
        if (!typed.matches("\\d{1,18}")) {
            return refused(id, "porteur", "cooperation.idea.project.invalid", model);
        }
        try {
            ideas.linkToProject(user, id, Long.parseLong(typed), note);
        } catch (RuleViolationException | org.maillage.platform.NotFoundException refused) {
            return refused(id, "porteur", "cooperation.idea.project.invalid", model);
        }
        return "redirect:" + BASE + id;
    }

    @PostMapping("/espace/cooperation/idees/{id}/etude")
    String study(@PathVariable long id, @RequestParam(required = false) String scheme,
            @RequestParam(required = false) String note, Model model) {
        CurrentUser user = authorizations.requireUser();
        try {
            ideas.sendToStudy(user, id, ExchangeController.blankToNull(scheme), note);
        } catch (RuleViolationException refused) {
            return refused(id, "study", refused.messageKey(), model);
        }
        return "redirect:" + BASE + id;
    }

    @PostMapping("/espace/cooperation/idees/{id}/classement")
    String archive(@PathVariable long id, @RequestParam(defaultValue = "true") boolean archived) {
        ideas.archive(authorizations.requireUser(), id, archived);
        return "redirect:" + BASE + id;
    }

    private String refused(long id, String part, String key, Model model) {
        model.addAttribute("errorPart", part);
        model.addAttribute("errorKey", key);
        return idea(id, model);
    }
}
