package org.maillage.agenda.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.maillage.agenda.Agenda;
import org.maillage.agenda.Agenda.EventQuery;
import org.maillage.agenda.Agenda.EventView;
import org.maillage.agenda.Agenda.Registration;
import org.maillage.agenda.EventTheme;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.maillage.platform.SecretTokens;
import org.maillage.territory.Territories;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public agenda: events by territory and theme, an event's page and registration without an account. */
@Controller
class AgendaPagesController {

    static final String REGION = "53";

    /** Registration to an event. */
    record RegistrationForm(
            @NotBlank(message = "{agenda.registration.name.invalid}") @Size(max = 120, message = "{agenda.registration.name.invalid}") String displayName,
            @NotBlank(message = "{agenda.registration.email.invalid}") @Email(message = "{agenda.registration.email.invalid}")
            @Size(max = 254, message = "{agenda.registration.email.invalid}") String email,
            @AssertTrue(message = "{agenda.registration.consent}") boolean consent) {

        static RegistrationForm blank() {
            return new RegistrationForm("", "", false);
        }
    }

    private final Agenda agenda;
    private final Poles poles;
    private final Territories territories;

    AgendaPagesController(Agenda agenda, Poles poles, Territories territories) {
        this.agenda = agenda;
        this.poles = poles;
        this.territories = territories;
    }

    @GetMapping("/agenda")
    String list(@RequestParam(name = "departement", required = false) String departement,
            @RequestParam(name = "pole", required = false) String pole,
            @RequestParam(name = "theme", required = false) EventTheme theme, Model model) {
        var departements = territories.departementsOfRegion(REGION);
        List<PoleSummary> regionPoles = poles.list().stream().filter(p -> REGION.equals(p.regionCode())).toList();
        String chosenDepartement = departement != null && departements.containsKey(departement) ? departement : null;
        String chosenPole = pole != null && regionPoles.stream().anyMatch(p -> p.slug().equals(pole)) ? pole : null;
        model.addAttribute("events", agenda.upcoming(new EventQuery(REGION, chosenDepartement, chosenPole, theme)));
        model.addAttribute("departements", departements);
        model.addAttribute("poles", regionPoles);
        model.addAttribute("themes", EventTheme.values());
        model.addAttribute("departement", chosenDepartement);
        model.addAttribute("pole", chosenPole);
        model.addAttribute("theme", theme);
        return "agenda/list";
    }

    @GetMapping("/agenda/{slug}")
    String event(@PathVariable String slug, Model model) {
        model.addAttribute("form", RegistrationForm.blank());
        return eventPage(slug, model);
    }

    @PostMapping("/agenda/{slug}/inscription")
    String register(@PathVariable String slug, @Valid @ModelAttribute("form") RegistrationForm form,
            BindingResult validation, Model model) {
        if (validation.hasErrors()) {
            return eventPage(slug, model);
        }
        try {
            Registration registration = agenda.register(slug, form.displayName(), form.email());
            model.addAttribute("registration", registration);
            model.addAttribute("event", event(slug));
            return "agenda/registered";
        } catch (RuleViolationException refused) {
            validation.reject(refused.messageKey());
            return eventPage(slug, model);
        }
    }

    @GetMapping("/agenda/desinscription")
    String cancelPage(@RequestParam(name = "jeton", required = false) String token, Model model) {
        model.addAttribute("token", SecretTokens.wellFormed(token) ? token : "");
        return "agenda/cancel";
    }

    @PostMapping("/agenda/desinscription")
    String cancel(@RequestParam(name = "jeton", required = false) String token, Model model) {
        model.addAttribute("cancelled", agenda.cancel(token).flatMap(agenda::find).orElse(null));
        model.addAttribute("token", "");
        model.addAttribute("done", true);
        return "agenda/cancel";
    }

    private String eventPage(String slug, Model model) {
        EventView event = event(slug);
        model.addAttribute("event", event);
        model.addAttribute("communeName", event.communeCode() == null ? null
                : territories.findCommune(event.communeCode()).map(c -> c.name()).orElse(null));
        model.addAttribute("poleName", event.poleSlug() == null ? null : poles.findBySlug(event.poleSlug())
                .map(c -> c.pole().name()).orElse(null));
        return "agenda/event";
    }

    private EventView event(String slug) {
        return agenda.find(slug).orElseThrow(() -> new NotFoundException("agenda.event.unknown"));
    }
}
