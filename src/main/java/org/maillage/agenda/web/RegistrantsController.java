package org.maillage.agenda.web;

import org.maillage.account.Authorizations;
import org.maillage.agenda.Agenda;
import org.maillage.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** An event's registrants and who came, for its organisers only. */
@Controller
class RegistrantsController {

    private final Agenda agenda;
    private final Authorizations authorizations;

    RegistrantsController(Agenda agenda, Authorizations authorizations) {
        this.agenda = agenda;
        this.authorizations = authorizations;
    }

    @GetMapping("/espace/agenda/{slug}/inscrits")
    String registrants(@PathVariable String slug, Model model) {
        model.addAttribute("registrants", agenda.registrants(authorizations.requireUser(), slug));
        model.addAttribute("event", agenda.find(slug).orElseThrow(() -> new NotFoundException("agenda.event.unknown")));
        return "agenda/registrants";
    }

    @PostMapping("/espace/agenda/{slug}/annulation")
    String callOff(@PathVariable String slug, @RequestParam(defaultValue = "") String reason, Model model) {
        try {
            agenda.callOff(authorizations.requireUser(), slug, reason);
        } catch (org.maillage.platform.RuleViolationException refused) {
            model.addAttribute("callOffError", refused.messageKey());
            model.addAttribute("reason", reason);
            return registrants(slug, model);
        }
        return "redirect:/espace/agenda/" + slug + "/inscrits";
    }

    @PostMapping("/espace/agenda/{slug}/presences")
    String attendance(@PathVariable String slug, @RequestParam long registration,
            @RequestParam(required = false) Boolean attended) {
        agenda.recordAttendance(authorizations.requireUser(), slug, registration, attended);
        return "redirect:/espace/agenda/" + slug + "/inscrits";
    }
}
