package org.maillage.offer.web;

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
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.territory.CommuneSuggestion;
import org.maillage.territory.Territories;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The public continuum ("le parcours") and the animators' orientation page. */
@Controller
class OrientationPagesController {

    /** A project to orient, as the animator types it. */
    record OrientationForm(
            @NotBlank(message = "{orientation.commune.blank}") @Size(max = 100) String commune,
            @NotNull(message = "{orientation.stage.choose}") ProjectStage stage,
            Set<ProjectNeed> needs,
            EssSector sector,
            Boolean collective,
            StructureFamily legalForm) {

        static OrientationForm empty() {
            return new OrientationForm("", null, Set.of(), null, false, null);
        }

        boolean isCollective() {
            return Boolean.TRUE.equals(collective);
        }
    }

    /** A suggestion as shown: its reasons and blockers in words. */
    record SuggestionView(org.maillage.offer.Scheme scheme, int score, List<String> reasons, List<String> blockers) {}

    private final Orientation orientation;
    private final Territories territories;
    private final Authorizations authorizations;
    private final Explanations explanations;

    OrientationPagesController(Orientation orientation, Territories territories, Authorizations authorizations,
            Explanations explanations) {
        this.orientation = orientation;
        this.territories = territories;
        this.authorizations = authorizations;
        this.explanations = explanations;
    }

    /** A commune from its INSEE code or its name ("Loudéac", "22600"): the best match, if any. */
    private Optional<String> communeCode(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (Territories.COMMUNE_CODE.matcher(text).matches() && territories.findCommune(text).isPresent()) {
            return Optional.of(text);
        }
        List<CommuneSuggestion> found = territories.suggestCommunes(text, 5);
        return found.stream().filter(CommuneSuggestion::exact).findFirst().or(() -> found.stream().findFirst())
                .map(suggestion -> suggestion.commune().code());
    }

    @GetMapping("/parcours")
    String continuum(@RequestParam(name = "commune", required = false) String commune, Model model,
            HttpServletResponse response) {
        String typed = commune == null ? "" : commune.substring(0, Math.min(commune.length(), 100));
        Optional<String> code = communeCode(typed);
        if (!typed.isBlank() && code.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("communeUnknown", true);
        }
        model.addAttribute("typed", typed);
        model.addAttribute("continuum", orientation.continuum(code.orElse(null)));
        model.addAttribute("stages", ProjectStage.values());
        return "offer/continuum";
    }

    @GetMapping("/espace/orientation")
    String orientationForm(Model model) {
        requireOrienter();
        model.addAttribute("form", OrientationForm.empty());
        return page(model);
    }

    @GetMapping(value = "/espace/orientation", params = "stage")
    String orient(@Valid @ModelAttribute("form") OrientationForm form, BindingResult validation, Model model,
            HttpServletResponse response) {
        requireOrienter();
        Optional<String> code = validation.hasFieldErrors("commune") ? Optional.empty() : communeCode(form.commune());
        if (!validation.hasFieldErrors("commune") && code.isEmpty()) {
            validation.rejectValue("commune", "orientation.commune.unknown");
        }
        if (validation.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model);
        }
        Orientation.Result result = orientation.orient(new Orientation.Request(form.stage(), form.needs(),
                form.sector() == null ? null : form.sector().name(), form.isCollective(),
                form.legalForm() == null ? null : form.legalForm().name(), code.get()));
        Locale locale = LocaleContextHolder.getLocale();
        List<SuggestionView> views = result.suggestions().stream().map(s -> new SuggestionView(s.scheme(), s.score(),
                s.reasons().stream().map(why -> explanations.reason(why, locale)).toList(),
                s.blockers().stream().map(blocker -> explanations.blocker(blocker, locale)).toList())).toList();
        model.addAttribute("result", result);
        model.addAttribute("fitting", views.stream().filter(s -> s.blockers().isEmpty()).toList());
        model.addAttribute("blocked", views.stream().filter(s -> !s.blockers().isEmpty()).toList());
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("stages", ProjectStage.values());
        model.addAttribute("needs", ProjectNeed.values());
        model.addAttribute("sectors", EssSector.values());
        model.addAttribute("families", StructureFamily.values());
        return "offer/orientation";
    }

    /** Those who orient porteurs: animators, coordinators (and administrators). */
    private CurrentUser requireOrienter() {
        CurrentUser user = authorizations.requireUser();
        authorizations.check(user.has(Role.ANIMATEUR) || user.has(Role.COORDINATEUR) || user.has(Role.ADMINISTRATEUR));
        return user;
    }
}
