package org.maillage.journey.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.maillage.journey.HeardFrom;
import org.maillage.journey.Intake;
import org.maillage.journey.IntakeForm;
import org.maillage.journey.Journeys;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.platform.RuleViolationException;
import org.maillage.territory.Territories;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public form "Je porte un projet" and its acknowledgement. */
@Controller
class IntakeController {

    private final Journeys journeys;
    private final Territories territories;

    IntakeController(Journeys journeys, Territories territories) {
        this.journeys = journeys;
        this.territories = territories;
    }

    @GetMapping("/je-porte-un-projet")
    String form(Model model) {
        model.addAttribute("form", IntakeForm.blank());
        return page(model);
    }

    @PostMapping("/je-porte-un-projet")
    String submit(@Valid @ModelAttribute("form") IntakeForm form, BindingResult validation, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<String> commune = validation.hasFieldErrors("commune") ? Optional.empty()
                : territories.bestCommune(form.commune());
        if (!validation.hasFieldErrors("commune") && commune.isEmpty()) {
            validation.rejectValue("commune", "intake.commune.unknown");
        }
        if (validation.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model);
        }
        Intake intake;
        try {
            intake = journeys.submit(form, commune.get(), request.getRemoteAddr());
        } catch (RuleViolationException e) {
            if ("intake.tooMany".equals(e.messageKey())) {
                response.setStatus(429);
                validation.reject(e.messageKey());
            } else {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                validation.rejectValue("email", e.messageKey());
            }
            return page(model);
        }
        redirect.addFlashAttribute("intake", intake);
        redirect.addFlashAttribute("email", form.email().strip());
        return "redirect:/je-porte-un-projet/merci";
    }

    @GetMapping("/je-porte-un-projet/merci")
    String thanks(Model model) {
        if (!model.containsAttribute("intake")) {
            return "redirect:/je-porte-un-projet";
        }
        return "journey/intake-thanks";
    }

    private String page(Model model) {
        model.addAttribute("stages", ProjectStage.values());
        model.addAttribute("needs", ProjectNeed.values());
        model.addAttribute("heardFrom", HeardFrom.values());
        model.addAttribute("genders", org.maillage.journey.Gender.values());
        model.addAttribute("ageBands", org.maillage.journey.AgeBand.values());
        return "journey/intake";
    }
}
