package org.maillage.agenda.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.Grant;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.agenda.Agenda;
import org.maillage.agenda.Agenda.NewEvent;
import org.maillage.agenda.EventTheme;
import org.maillage.platform.RuleViolationException;
import org.maillage.territory.Territories;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Publishing an event: the animators of a pôle, the coordinators of its region. */
@Controller
class AgendaStaffController {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /**
     * An event as typed.
     *
     * @param organiser a pôle's slug, or {@code REGION:code} for the regional coordination
     * @param commune a commune's name or INSEE code; empty: online
     */
    record EventForm(
            @NotBlank(message = "{agenda.event.organiser.blank}") String organiser,
            @NotBlank(message = "{agenda.event.title.invalid}") @Size(max = 200, message = "{agenda.event.title.invalid}") String title,
            @Size(max = 5000, message = "{agenda.event.description.tooLong}") String description,
            @NotNull(message = "{agenda.event.theme.blank}") EventTheme theme,
            @NotBlank(message = "{agenda.event.date.blank}") String date,
            @NotBlank(message = "{agenda.event.time.blank}") String start,
            @NotBlank(message = "{agenda.event.time.blank}") String end,
            @Size(max = 100, message = "{agenda.event.commune.unknown}") String commune,
            @Size(max = 300, message = "{agenda.event.place.tooLong}") String place,
            @Pattern(regexp = "^\\s*([1-9][0-9]{0,4})?\\s*$", message = "{typeMismatch.capacity}") String capacity) {

        static EventForm blank(String organiser) {
            return new EventForm(organiser, "", "", null, "", "", "", "", "", "");
        }
    }

    /** A choice of organiser: a pôle the user animates or coordinates, or a regional coordination. */
    record Organiser(String code, String label) {}

    private final Agenda agenda;
    private final Authorizations authorizations;
    private final Territories territories;
    private final org.maillage.network.Poles poles;

    AgendaStaffController(Agenda agenda, Authorizations authorizations, Territories territories,
            org.maillage.network.Poles poles) {
        this.agenda = agenda;
        this.authorizations = authorizations;
        this.territories = territories;
        this.poles = poles;
    }

    @GetMapping("/espace/agenda/nouveau")
    String form(Model model) {
        List<Organiser> organisers = organisers(authorizations.requireUser());
        authorizations.check(!organisers.isEmpty());
        model.addAttribute("form", EventForm.blank(organisers.size() == 1 ? organisers.get(0).code() : ""));
        return page(organisers, model);
    }

    @PostMapping("/espace/agenda/nouveau")
    String create(@Valid @ModelAttribute("form") EventForm form, BindingResult validation, Model model) {
        CurrentUser user = authorizations.requireUser();
        List<Organiser> organisers = organisers(user);
        authorizations.check(!organisers.isEmpty());
        NewEvent event = event(form, validation);
        if (event == null) {
            return page(organisers, model);
        }
        try {
            return "redirect:/agenda/" + agenda.create(user, event);
        } catch (RuleViolationException refused) {
            validation.reject(refused.messageKey(), refused.arguments(), null);
            return page(organisers, model);
        }
    }

    @GetMapping("/espace/agenda/{slug}/modifier")
    String editForm(@PathVariable String slug, Model model) {
        CurrentUser user = authorizations.requireUser();
        Agenda.EventView event = agenda.organised(user, slug); // the organisers only (403 otherwise, audited)
        java.time.ZonedDateTime start = event.startsAt().atZone(PARIS);
        model.addAttribute("form", new EventForm(event.poleSlug() != null ? event.poleSlug() : "REGION:" + event.regionCode(),
                event.title(), event.description(), event.theme(), start.toLocalDate().toString(),
                start.toLocalTime().toString(), event.endsAt().atZone(PARIS).toLocalTime().toString(),
                event.communeCode() == null ? "" : event.communeCode(), event.place(),
                event.capacity() == null ? "" : event.capacity().toString()));
        return editPage(slug, model);
    }

    @PostMapping("/espace/agenda/{slug}/modifier")
    String edit(@PathVariable String slug, @Valid @ModelAttribute("form") EventForm form, BindingResult validation,
            Model model) {
        CurrentUser user = authorizations.requireUser();
        NewEvent event = event(form, validation);
        if (event == null) {
            return editPage(slug, model);
        }
        try {
            agenda.update(user, slug, event);
            return "redirect:/agenda/" + slug;
        } catch (RuleViolationException refused) {
            validation.reject(refused.messageKey(), refused.arguments(), null);
            return editPage(slug, model);
        }
    }

    private String editPage(String slug, Model model) {
        model.addAttribute("editing", slug);
        model.addAttribute("themes", EventTheme.values());
        model.addAttribute("organisers", List.of());
        return "agenda/new";
    }

    /** The event as typed, or null with the errors next to their fields. */
    private NewEvent event(EventForm form, BindingResult validation) {
        String communeCode = null;
        if (form.commune() != null && !form.commune().isBlank()) {
            communeCode = territories.bestCommune(form.commune()).orElse(null);
            if (communeCode == null) {
                validation.rejectValue("commune", "agenda.event.commune.unknown");
            }
        }
        LocalDate date = parse(form.date(), "date", validation, LocalDate::parse,
                typed -> org.maillage.platform.FrenchInput.date(typed)
                        .orElseThrow(() -> new java.time.format.DateTimeParseException("not a date", typed, 0)));
        LocalTime start = parse(form.start(), "start", validation, LocalTime::parse, LocalTime::parse);
        LocalTime end = parse(form.end(), "end", validation, LocalTime::parse, LocalTime::parse);
        if (start != null && end != null && !end.isAfter(start)) {
            validation.rejectValue("end", "agenda.event.dates.invalid");
        }
        if (validation.hasErrors()) {
            return null;
        }
        boolean regional = form.organiser().startsWith("REGION:");
        return new NewEvent(regional ? null : form.organiser(), regional ? form.organiser().substring(7) : null,
                form.title(), form.description(), form.theme(), date.atTime(start).atZone(PARIS).toInstant(),
                date.atTime(end).atZone(PARIS).toInstant(), communeCode, form.place(),
                form.capacity() == null || form.capacity().isBlank() ? null : Integer.valueOf(form.capacity().strip()));
    }

    /** A date or a time as typed (ISO from the browser's picker, or as French people write it); null when it is not one. */
    private static <T> T parse(String typed, String field, BindingResult validation,
            java.util.function.Function<String, T> iso, java.util.function.Function<String, T> french) {
        if (typed == null || typed.isBlank() || validation.hasFieldErrors(field)) {
            return null;
        }
        for (java.util.function.Function<String, T> reader : List.of(iso, french)) {
            try {
                return reader.apply(typed.strip());
            } catch (java.time.format.DateTimeParseException e) {
                // try the next way of writing it
            }
        }
        validation.rejectValue(field, "typeMismatch." + field);
        return null;
    }

    private String page(List<Organiser> organisers, Model model) {
        model.addAttribute("organisers", organisers);
        model.addAttribute("themes", EventTheme.values());
        return "agenda/new";
    }

    private List<Organiser> organisers(CurrentUser user) {
        List<Organiser> organisers = new java.util.ArrayList<>();
        for (Grant grant : user.grants()) {
            if (grant.role() == Role.ANIMATEUR && grant.scopeType() == ScopeType.POLE) {
                organisers.add(new Organiser(grant.scopeCode(), grant.scopeLabel()));
            }
            if (grant.role() == Role.COORDINATEUR && grant.scopeType() == ScopeType.REGION) {
                organisers.add(new Organiser("REGION:" + grant.scopeCode(), grant.scopeLabel()));
                poles.list().stream().filter(p -> grant.scopeCode().equals(p.regionCode()))
                        .forEach(p -> organisers.add(new Organiser(p.slug(), p.name())));
            }
        }
        return organisers.stream().distinct().toList();
    }
}
