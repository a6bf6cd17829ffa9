package org.maillage.cooperation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.cooperation.Exchanges;
import org.maillage.cooperation.PoolingKind;
import org.maillage.cooperation.Poolings;
import org.maillage.cooperation.Poolings.NewPooling;
import org.maillage.cooperation.Poolings.PoolingView;
import org.maillage.platform.FrenchInput;
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

/** Pooling (mutualisation): shared jobs, premises and equipment with their participants. */
@Controller
class PoolingController {

    /** The refusals of the service shown next to their field. */
    private static final java.util.Map<String, String> FIELDS = java.util.Map.of("cooperation.commune.unknown", "commune", "cooperation.pole.unknown", "pole",
            "cooperation.pooling.hours.invalid", "weeklyHours", "cooperation.pooling.hours.belowSplit", "weeklyHours",
            "cooperation.listing.dates.invalid", "endedOn");

    /** A pooling as typed. */
    record PoolingForm(
            @NotBlank(message = "{cooperation.pole.blank}") String pole,
            @NotBlank(message = "{cooperation.pooling.kind.blank}") String kind,
            @NotBlank(message = "{cooperation.pooling.title.invalid}") @Size(max = 150, message = "{cooperation.pooling.title.invalid}") String title,
            @Size(max = 3000, message = "{cooperation.listing.description.tooLong}") String description,
            @Size(max = 100, message = "{cooperation.commune.unknown}") String commune,
            String weeklyHours,
            String startedOn,
            String endedOn) {}

    private final Poolings poolings;
    private final Exchanges exchanges;
    private final Authorizations authorizations;
    private final Territories territories;
    private final CooperationPages pages;

    PoolingController(Poolings poolings, Exchanges exchanges, Authorizations authorizations, Territories territories,
            CooperationPages pages) {
        this.poolings = poolings;
        this.exchanges = exchanges;
        this.authorizations = authorizations;
        this.territories = territories;
        this.pages = pages;
    }

    @GetMapping("/espace/cooperation/mutualisations")
    String list(@RequestParam(required = false) String pole, Model model) {
        CurrentUser user = authorizations.requireUser();
        model.addAttribute("poolings", poolings.list(user, ExchangeController.blankToNull(pole)));
        model.addAttribute("pole", ExchangeController.blankToNull(pole));
        model.addAttribute("canCreate", !pages.followedPoles(user).isEmpty());
        pages.poles(user, model);
        return "cooperation/poolings";
    }

    @GetMapping("/espace/cooperation/mutualisations/nouvelle")
    String form(Model model) {
        CurrentUser user = authorizations.requireUser();
        List<CooperationPages.PoleChoice> followed = pages.followedPoles(user);
        authorizations.check(!followed.isEmpty());
        model.addAttribute("form", new PoolingForm(followed.size() == 1 ? followed.get(0).slug() : "", "", "", "", "",
                "", LocalDate.now(CooperationPages.PARIS).toString(), ""));
        return formPage(followed, null, model);
    }

    @PostMapping("/espace/cooperation/mutualisations/nouvelle")
    String create(@Valid @ModelAttribute("form") PoolingForm form, BindingResult validation, Model model) {
        CurrentUser user = authorizations.requireUser();
        List<CooperationPages.PoleChoice> followed = pages.followedPoles(user);
        authorizations.check(!followed.isEmpty());
        NewPooling pooling = pooling(form, validation);
        if (pooling == null) {
            return formPage(followed, null, model);
        }
        try {
            return "redirect:/espace/cooperation/mutualisations/" + poolings.create(user, pooling);
        } catch (RuleViolationException refused) {
            CooperationPages.reject(validation, refused, FIELDS);
            return formPage(followed, null, model);
        }
    }

    @GetMapping("/espace/cooperation/mutualisations/{id}/modifier")
    String editForm(@PathVariable long id, Model model) {
        CurrentUser user = authorizations.requireUser();
        PoolingView pooling = poolings.find(user, id);
        authorizations.check(pooling.manageable());
        model.addAttribute("form", new PoolingForm(pooling.poleSlug(), pooling.kind().name(), pooling.title(),
                pooling.description(), pooling.communeName() == null ? "" : pooling.communeName(),
                pooling.weeklyHours() == null ? "" : hours(pooling.weeklyHours()), pooling.startedOn().toString(),
                pooling.endedOn() == null ? "" : pooling.endedOn().toString()));
        return formPage(List.of(), pooling, model);
    }

    @PostMapping("/espace/cooperation/mutualisations/{id}/modifier")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") PoolingForm form, BindingResult validation,
            Model model) {
        CurrentUser user = authorizations.requireUser();
        PoolingView current = poolings.find(user, id);
        authorizations.check(current.manageable());
        NewPooling pooling = pooling(form, validation);
        if (pooling == null) {
            return formPage(List.of(), current, model);
        }
        try {
            poolings.update(user, id, pooling);
            return "redirect:/espace/cooperation/mutualisations/" + id;
        } catch (RuleViolationException refused) {
            CooperationPages.reject(validation, refused, FIELDS);
            return formPage(List.of(), current, model);
        }
    }

    static String hours(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private String formPage(List<CooperationPages.PoleChoice> poles, PoolingView editing, Model model) {
        model.addAttribute("followedPoles", poles);
        model.addAttribute("editing", editing);
        model.addAttribute("kinds", PoolingKind.values());
        return "cooperation/pooling-form";
    }

    private NewPooling pooling(PoolingForm form, BindingResult validation) {
        PoolingKind kind = CooperationPages.parse(PoolingKind.class, form.kind());
        if (kind == null && !validation.hasFieldErrors("kind")) {
            validation.rejectValue("kind", "cooperation.pooling.kind.blank");
        }
        BigDecimal hours = FrenchInput.decimal(form.weeklyHours()).orElse(null);
        if (kind == PoolingKind.SHARED_JOB && (hours == null || hours.signum() <= 0 || hours.compareTo(new BigDecimal("48")) > 0
                || hours.stripTrailingZeros().scale() > 1)) {
            validation.rejectValue("weeklyHours", "cooperation.pooling.hours.invalid");
        }
        String communeCode = null;
        if (form.commune() != null && !form.commune().isBlank() && !validation.hasFieldErrors("commune")) {
            communeCode = territories.bestCommune(form.commune()).orElse(null);
            if (communeCode == null) {
                validation.rejectValue("commune", "cooperation.commune.unknown");
            }
        }
        LocalDate started = FrenchInput.date(form.startedOn()).orElse(null);
        if (started == null) {
            validation.rejectValue("startedOn", "cooperation.pooling.started.invalid");
        }
        LocalDate ended = FrenchInput.date(form.endedOn()).orElse(null);
        if (form.endedOn() != null && !form.endedOn().isBlank() && ended == null) {
            validation.rejectValue("endedOn", "cooperation.listing.until.invalid");
        } else if (started != null && ended != null && ended.isBefore(started)) {
            validation.rejectValue("endedOn", "cooperation.listing.dates.invalid");
        }
        if (validation.hasErrors()) {
            return null;
        }
        return new NewPooling(form.pole(), kind, form.title(), form.description(), communeCode,
                kind == PoolingKind.SHARED_JOB ? hours : null, started, ended);
    }

    @GetMapping("/espace/cooperation/mutualisations/{id}")
    String pooling(@PathVariable long id, Model model) {
        CurrentUser user = authorizations.requireUser();
        PoolingView pooling = poolings.find(user, id);
        model.addAttribute("pooling", pooling);
        if (pooling.manageable()) {
            model.addAttribute("structures", exchanges.structuresActingFor(user));
        }
        pages.poles(user, model);
        return "cooperation/pooling";
    }

    @PostMapping("/espace/cooperation/mutualisations/{id}/participants")
    String putParticipant(@PathVariable long id, @RequestParam(required = false) String structure,
            @RequestParam(required = false) String weeklyHours, @RequestParam(required = false) String share,
            Model model) {
        CurrentUser user = authorizations.requireUser();
        String error = null;
        model.addAttribute("errorArguments", new Object[0]);
        BigDecimal hours = FrenchInput.decimal(weeklyHours).orElse(null);
        if (structure == null || structure.isBlank()) {
            error = "cooperation.listing.structure.blank";
        } else if (weeklyHours != null && !weeklyHours.isBlank() && (hours == null || hours.stripTrailingZeros().scale() > 1)) {
            error = "cooperation.pooling.participant.hours.invalid";
        } else {
            try {
                poolings.putParticipant(user, id, structure, hours, share);
                return "redirect:/espace/cooperation/mutualisations/" + id;
            } catch (RuleViolationException refused) {
                model.addAttribute("errorArguments", refused.arguments());
                error = refused.messageKey();
            }
        }
        model.addAttribute("participantError", error);
        model.addAttribute("typedStructure", structure);
        model.addAttribute("typedHours", weeklyHours);
        model.addAttribute("typedShare", share);
        return pooling(id, model);
    }

    @PostMapping("/espace/cooperation/mutualisations/{id}/participants/retrait")
    String removeParticipant(@PathVariable long id, @RequestParam String structure) {
        poolings.removeParticipant(authorizations.requireUser(), id, structure);
        return "redirect:/espace/cooperation/mutualisations/" + id;
    }
}
