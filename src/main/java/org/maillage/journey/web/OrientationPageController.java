package org.maillage.journey.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.Role;
import org.maillage.directory.EssSector;
import org.maillage.directory.StructureFamily;
import org.maillage.offer.Orientation;
import org.maillage.offer.OrientationExplanations;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.offer.Scheme;
import org.maillage.territory.Territories;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The animators' orientation page: a project in, the ranked schemes with their reasons out, and the
 * similar projects and structures of its territory to connect people with.
 */
@Controller
class OrientationPageController {

    /** How many schemes that do not fit are listed (the count says how many there are in all). */
    static final int BLOCKED_SHOWN = 30;

    /** A project to orient, as the animator types it. */
    record OrientationForm(
            @NotBlank(message = "{orientation.commune.blank}") @Size(max = 100) String commune,
            @NotNull(message = "{orientation.stage.choose}") ProjectStage stage,
            Set<ProjectNeed> needs,
            EssSector sector,
            Boolean collective,
            StructureFamily legalForm,
            @Size(max = 2000, message = "{orientation.idea.tooLong}") String idea) {

        static OrientationForm empty() {
            return new OrientationForm("", null, Set.of(), null, false, null, "");
        }

        boolean isCollective() {
            return Boolean.TRUE.equals(collective);
        }
    }

    /** A suggestion as shown: its reasons and blockers in words. */
    record SuggestionView(Scheme scheme, int score, List<String> reasons, List<String> blockers) {}

    private final Orientation orientation;
    private final SimilarOnTheTerritory similar;
    private final Territories territories;
    private final Authorizations authorizations;
    private final OrientationExplanations explanations;

    OrientationPageController(Orientation orientation, SimilarOnTheTerritory similar, Territories territories,
            Authorizations authorizations, OrientationExplanations explanations) {
        this.orientation = orientation;
        this.similar = similar;
        this.territories = territories;
        this.authorizations = authorizations;
        this.explanations = explanations;
    }

    @GetMapping("/espace/orientation")
    String orientationForm(Model model) {
        requireOrienter(authorizations);
        model.addAttribute("form", OrientationForm.empty());
        return page(model);
    }

    @GetMapping(value = "/espace/orientation", params = "stage")
    String orient(@Valid @ModelAttribute("form") OrientationForm form, BindingResult validation, Model model,
            HttpServletResponse response) {
        CurrentUser user = requireOrienter(authorizations);
        Optional<String> code = validation.hasFieldErrors("commune") ? Optional.empty()
                : territories.bestCommune(form.commune());
        if (!validation.hasFieldErrors("commune") && code.isEmpty()) {
            validation.rejectValue("commune", "orientation.commune.unknown");
        }
        if (validation.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model);
        }
        String sector = form.sector() == null ? null : form.sector().name();
        Orientation.Result result = orientation.orient(new Orientation.Request(form.stage(), form.needs(), sector,
                form.isCollective(), form.legalForm() == null ? null : form.legalForm().name(), code.get()));
        Locale locale = LocaleContextHolder.getLocale();
        List<SuggestionView> views = result.suggestions().stream().map(s -> new SuggestionView(s.scheme(), s.score(),
                s.reasons().stream().map(why -> explanations.reason(why, locale)).toList(),
                s.blockers().stream().map(blocker -> explanations.blocker(blocker, locale)).toList())).toList();
        model.addAttribute("result", result);
        model.addAttribute("fitting", views.stream().filter(s -> s.blockers().isEmpty()).toList());
        List<SuggestionView> blocked = views.stream().filter(s -> !s.blockers().isEmpty()).toList();
        model.addAttribute("blocked", blocked.subList(0, Math.min(blocked.size(), BLOCKED_SHOWN)));
        model.addAttribute("blockedCount", blocked.size());
        SimilarOnTheTerritory.Found similar = this.similar.find(user, form.idea(), form.sector(), result);
        model.addAttribute("similarProjects", similar.projects());
        model.addAttribute("similarStructures", similar.structures());
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("stages", ProjectStage.values());
        model.addAttribute("needs", ProjectNeed.values());
        model.addAttribute("sectors", EssSector.values());
        model.addAttribute("families", StructureFamily.values());
        return "journey/orientation";
    }

    /** Those who orient porteurs: animators, coordinators (and administrators). */
    static CurrentUser requireOrienter(Authorizations authorizations) {
        CurrentUser user = authorizations.requireUser();
        authorizations.check(isOrienter(user));
        return user;
    }

    static boolean isOrienter(CurrentUser user) {
        return user.has(Role.ANIMATEUR) || user.has(Role.COORDINATEUR) || user.has(Role.ADMINISTRATEUR);
    }
}
