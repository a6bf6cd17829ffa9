package org.maillage.offer.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.directory.EssSector;
import org.maillage.directory.StructureFamily;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.offer.Operator;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.offer.Scheme;
import org.maillage.offer.SchemeData;
import org.maillage.offer.SchemeKind;
import org.maillage.offer.Schemes;
import org.maillage.platform.RuleViolationException;
import org.maillage.territory.Epci;
import org.maillage.territory.Territories;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Those who run the schemes keep them up to date: partners their operator's, coordinators their
 * region's (DESIGN.md §2). The form binds to a record; a refused rule comes back next to its field
 * with everything typed kept.
 */
@Controller
class SchemeMaintenanceController {

    /** A scheme as its maintainers type it. */
    record SchemeForm(
            @NotBlank(message = "{scheme.operator.choose}") String operator,
            @NotBlank(message = "{scheme.name.blank}") @Size(max = 200, message = "{scheme.name.tooLong}") String name,
            @NotNull(message = "{scheme.kind.choose}") SchemeKind kind,
            @NotEmpty(message = "{scheme.stages.choose}") Set<ProjectStage> stages,
            @NotEmpty(message = "{scheme.needs.choose}") Set<ProjectNeed> needs,
            Boolean collectiveOnly,
            Set<StructureFamily> legalForms,
            Set<EssSector> sectors,
            Boolean wholeRegion,
            Set<String> departements,
            @Size(max = 1000) @Pattern(regexp = "[0-9\\s,;]*", message = "{scheme.epcis.invalid}") String epcis,
            Set<String> poles,
            @Pattern(regexp = "\\s*\\d{0,5}\\s*", message = "{scheme.capacity.invalid}") String capacityPerYear,
            @Email(message = "{scheme.email.invalid}") @Size(max = 200, message = "{scheme.email.invalid}") String contactEmail,
            @Size(max = 300, message = "{scheme.website.invalid}") @Pattern(regexp = "(https?://\\S+)?", message = "{scheme.website.invalid}")
            String website,
            @Size(max = 4000, message = "{scheme.description.tooLong}") String description) {

        SchemeForm {
            // an empty choice sent with the others ("stages=IDEE&stages=") is no choice
            stages = Scheme.present(stages);
            needs = Scheme.present(needs);
            legalForms = Scheme.present(legalForms);
            sectors = Scheme.present(sectors);
            departements = Scheme.present(departements);
            poles = Scheme.present(poles);
        }

        static SchemeForm of(Scheme scheme, Operator operator) {
            Scheme.Coverage coverage = scheme.coverage();
            return new SchemeForm(scheme.operatorSlug(), scheme.name(), scheme.kind(), scheme.stages(), scheme.needs(),
                    scheme.collectiveOnly(), enums(scheme.legalForms(), StructureFamily.class),
                    enums(scheme.sectors(), EssSector.class),
                    operator.regionCode() != null && coverage.regions().contains(operator.regionCode()),
                    coverage.departements(), String.join(", ", coverage.epcis().stream().sorted().toList()),
                    coverage.poles(), scheme.capacityPerYear() == null ? "" : scheme.capacityPerYear().toString(),
                    scheme.contactEmail(), scheme.website(),
                    scheme.description());
        }

        static SchemeForm empty(String operator) {
            return new SchemeForm(operator, "", null, Set.of(), Set.of(), false, Set.of(), Set.of(), true, Set.of(), "",
                    Set.of(), "", "", "", "");
        }

        Set<String> epciCodes() {
            return epcis == null ? Set.of() : Arrays.stream(epcis.split("[\\s,;]+")).filter(code -> !code.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        SchemeData data(Operator operator) {
            Set<String> regions = Boolean.TRUE.equals(wholeRegion) && operator.regionCode() != null
                    ? Set.of(operator.regionCode()) : Set.of();
            return new SchemeData(operator.slug(), name, kind, stages, needs, Boolean.TRUE.equals(collectiveOnly),
                    names(legalForms), names(sectors),
                    new Scheme.Coverage(regions, departements, epciCodes(), poles),
                    capacityPerYear == null || capacityPerYear.isBlank() ? null : Integer.valueOf(capacityPerYear.strip()),
                    contactEmail,
                    website, description);
        }

        private static Set<String> names(Set<? extends Enum<?>> values) {
            return values == null ? Set.of() : values.stream().map(Enum::name).collect(Collectors.toSet());
        }

        private static <E extends Enum<E>> Set<E> enums(Set<String> codes, Class<E> type) {
            return codes.stream().map(code -> Enum.valueOf(type, code)).collect(Collectors.toSet());
        }
    }

    /** A session or a call. */
    record SessionForm(
            @NotNull(message = "{scheme.session.startsOn.blank}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @Size(max = 200, message = "{scheme.session.place.tooLong}") String place,
            @Min(value = 0, message = "{scheme.session.placesLeft.invalid}") Integer placesLeft,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate applyBy) {

        static SessionForm empty() {
            return new SessionForm(null, "", null, null);
        }
    }

    private final Schemes schemes;
    private final Authorizations authorizations;
    private final Territories territories;
    private final Poles poles;

    SchemeMaintenanceController(Schemes schemes, Authorizations authorizations, Territories territories, Poles poles) {
        this.schemes = schemes;
        this.authorizations = authorizations;
        this.territories = territories;
        this.poles = poles;
    }

    @GetMapping("/espace/dispositifs")
    String list(Model model) {
        CurrentUser user = requireMaintainer();
        model.addAttribute("schemes", schemes.maintainedBy(user));
        return "offer/schemes-manage";
    }

    @GetMapping("/espace/dispositifs/nouveau")
    String newScheme(Model model) {
        CurrentUser user = requireMaintainer();
        List<Operator> operators = schemes.operatorsMaintainedBy(user);
        model.addAttribute("form", SchemeForm.empty(operators.size() == 1 ? operators.get(0).slug() : ""));
        return form(model, user, null);
    }

    @PostMapping("/espace/dispositifs")
    String create(@Valid @ModelAttribute("form") SchemeForm form, BindingResult validation, Model model,
            HttpServletResponse response) {
        CurrentUser user = requireMaintainer();
        Operator operator = checkCoverage(user, form, validation);
        if (!validation.hasErrors()) {
            try {
                return "redirect:/espace/dispositifs/" + schemes.create(user, form.data(operator)) + "?enregistre";
            } catch (RuleViolationException e) {
                validation.rejectValue("wholeRegion", e.messageKey());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, user, null);
    }

    @GetMapping("/espace/dispositifs/{slug}")
    String edit(@PathVariable String slug, Model model) {
        CurrentUser user = requireMaintainer();
        Scheme scheme = schemes.findForMaintenance(user, slug);
        Operator operator = operatorOf(user, scheme.operatorSlug());
        model.addAttribute("form", SchemeForm.of(scheme, operator));
        return form(model, user, scheme);
    }

    @PostMapping("/espace/dispositifs/{slug}")
    String update(@PathVariable String slug, @Valid @ModelAttribute("form") SchemeForm form, BindingResult validation,
            Model model, HttpServletResponse response) {
        CurrentUser user = requireMaintainer();
        Scheme scheme = schemes.findForMaintenance(user, slug);
        Operator operator = checkCoverage(user, form, validation);
        if (!validation.hasErrors()) {
            try {
                schemes.update(user, slug, form.data(operator));
                return "redirect:/espace/dispositifs/" + slug + "?enregistre";
            } catch (RuleViolationException e) {
                validation.rejectValue("wholeRegion", e.messageKey());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, user, scheme);
    }

    @PostMapping("/espace/dispositifs/{slug}/sessions")
    String addSession(@PathVariable String slug, @Valid @ModelAttribute("sessionForm") SessionForm sessionForm,
            BindingResult validation, Model model, HttpServletResponse response) {
        CurrentUser user = requireMaintainer();
        Scheme scheme = schemes.findForMaintenance(user, slug);
        if (!validation.hasErrors()) {
            try {
                schemes.addSession(user, slug, new Scheme.Session(sessionForm.startsOn(), sessionForm.place(),
                        sessionForm.placesLeft(), sessionForm.applyBy()));
                return "redirect:/espace/dispositifs/" + slug + "?session#sessions";
            } catch (RuleViolationException e) {
                validation.rejectValue("applyBy", e.messageKey());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("form", SchemeForm.of(scheme, operatorOf(user, scheme.operatorSlug())));
        return form(model, user, scheme);
    }

    @PostMapping("/espace/dispositifs/{slug}/sessions/{id}/supprimer")
    String removeSession(@PathVariable String slug, @PathVariable long id) {
        schemes.removeSession(requireMaintainer(), slug, id);
        return "redirect:/espace/dispositifs/" + slug + "#sessions";
    }

    /**
     * The chosen operator (one the user maintains, else a field error) and the coverage: something
     * chosen, départements and pôles of the operator's region, EPCI that exist. Null when refused.
     */
    private Operator checkCoverage(CurrentUser user, SchemeForm form, BindingResult validation) {
        List<Operator> operators = schemes.operatorsMaintainedBy(user);
        Operator operator = operators.stream().filter(o -> o.slug().equals(form.operator())).findFirst().orElse(null);
        if (operator == null) {
            if (!validation.hasFieldErrors("operator")) {
                validation.rejectValue("operator", "scheme.operator.choose");
            }
            return null;
        }
        Set<String> departements = form.departements() == null ? Set.of() : form.departements();
        Set<String> chosenPoles = form.poles() == null ? Set.of() : form.poles();
        if (operator.regionCode() != null) {
            if (!territories.departementsOfRegion(operator.regionCode()).keySet().containsAll(departements)) {
                validation.rejectValue("departements", "scheme.departements.otherRegion");
            }
            if (!poles.list().stream().filter(p -> operator.regionCode().equals(p.regionCode())).map(PoleSummary::slug)
                    .collect(Collectors.toSet()).containsAll(chosenPoles)) {
                validation.rejectValue("poles", "scheme.poles.otherRegion");
            }
        }
        if (!validation.hasFieldErrors("epcis") && !form.epciCodes().isEmpty()) {
            Set<String> known = (operator.regionCode() == null ? territories.findEpcis(form.epciCodes())
                    : territories.epcisOfRegion(operator.regionCode())).stream().map(Epci::code).collect(Collectors.toSet());
            List<String> unknown = form.epciCodes().stream().filter(code -> !known.contains(code)).toList();
            if (!unknown.isEmpty()) {
                validation.rejectValue("epcis", "scheme.epcis.unknown", new Object[] {String.join(", ", unknown)}, null);
            }
        }
        if (!Boolean.TRUE.equals(form.wholeRegion()) && departements.isEmpty() && form.epciCodes().isEmpty()
                && chosenPoles.isEmpty()) {
            validation.rejectValue("wholeRegion", "scheme.coverage.empty");
        }
        return operator;
    }

    private Operator operatorOf(CurrentUser user, String slug) {
        return schemes.operatorsMaintainedBy(user).stream().filter(o -> o.slug().equals(slug)).findFirst().orElseThrow();
    }

    private String form(Model model, CurrentUser user, Scheme scheme) {
        List<Operator> operators = schemes.operatorsMaintainedBy(user);
        Set<String> regions = operators.stream().map(Operator::regionCode).filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        java.util.Map<String, String> departements = new java.util.TreeMap<>();
        regions.forEach(region -> departements.putAll(territories.departementsOfRegion(region)));
        model.addAttribute("scheme", scheme);
        model.addAttribute("operators", operators);
        model.addAttribute("departements", departements);
        model.addAttribute("regionPoles", poles.list().stream().filter(p -> regions.contains(p.regionCode())).toList());
        model.addAttribute("kinds", SchemeKind.values());
        model.addAttribute("stages", ProjectStage.values());
        model.addAttribute("needs", ProjectNeed.values());
        model.addAttribute("families", StructureFamily.values());
        model.addAttribute("sectors", EssSector.values());
        if (!model.containsAttribute("sessionForm")) {
            model.addAttribute("sessionForm", SessionForm.empty());
        }
        return "offer/scheme-edit";
    }

    private CurrentUser requireMaintainer() {
        CurrentUser user = authorizations.requireUser();
        authorizations.check(!schemes.operatorsMaintainedBy(user).isEmpty());
        return user;
    }
}
