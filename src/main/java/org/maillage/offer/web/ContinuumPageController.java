package org.maillage.offer.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.maillage.offer.Orientation;
import org.maillage.offer.ProjectStage;
import org.maillage.territory.Territories;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public continuum ("le parcours"): the stages of a project's life and the schemes of a commune. */
@Controller
class ContinuumPageController {

    private final Orientation orientation;
    private final Territories territories;

    ContinuumPageController(Orientation orientation, Territories territories) {
        this.orientation = orientation;
        this.territories = territories;
    }

    @GetMapping("/parcours")
    String continuum(@RequestParam(name = "commune", required = false) String commune, Model model,
            HttpServletResponse response) {
        String typed = commune == null ? "" : commune.substring(0, Math.min(commune.length(), 100));
        Optional<String> code = territories.bestCommune(typed);
        if (!typed.isBlank() && code.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("communeUnknown", true);
        }
        model.addAttribute("typed", typed);
        model.addAttribute("continuum", orientation.continuum(code.orElse(null)));
        model.addAttribute("stages", ProjectStage.values());
        return "offer/continuum";
    }
}
