package org.maillage.network.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.maillage.network.PoleResolution;
import org.maillage.network.Poles;
import org.maillage.platform.NotFoundException;
import org.maillage.territory.CommuneQuery;
import org.maillage.territory.CommuneSuggestion;
import org.maillage.territory.Territories;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Trouver mon pôle": the home page's first action. Works without JavaScript (the form is a plain
 * GET; several communes give a list to choose from) and with it (the autocomplete picks the commune).
 */
@Controller
class FindMyPoleController {

    static final String PATH = "/trouver-mon-pole";
    private static final int CHOICES = 20;

    private final Territories territories;
    private final Poles poles;

    FindMyPoleController(Territories territories, Poles poles) {
        this.territories = territories;
        this.poles = poles;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("query", new CommuneQuery(""));
        return "home";
    }

    /**
     * The form's target: the commune chosen in the autocomplete ({@code commune}), else what was
     * typed ({@code q}): one commune leads to its pôle, several to a choice, none to a message.
     */
    @GetMapping(PATH)
    String find(@Valid @ModelAttribute("query") CommuneQuery query, BindingResult validation,
            @RequestParam(name = "commune", required = false) String communeCode, Model model,
            HttpServletResponse response) {
        if (communeCode != null && territories.findCommune(communeCode).isPresent()) {
            return "redirect:" + PATH + "/" + communeCode;
        }
        if (validation.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "home";
        }
        List<CommuneSuggestion> found = territories.suggestCommunes(query.q(), CHOICES + 1);
        List<CommuneSuggestion> exact = found.stream().filter(CommuneSuggestion::exact).toList();
        if (exact.size() == 1 || found.size() == 1) {
            CommuneSuggestion only = exact.size() == 1 ? exact.get(0) : found.get(0);
            return "redirect:" + PATH + "/" + only.commune().code();
        }
        if (found.isEmpty()) {
            validation.rejectValue("q", "commune.query.none", new Object[] {query.q()}, null);
        }
        model.addAttribute("choices", found.subList(0, Math.min(CHOICES, found.size())));
        model.addAttribute("moreChoices", found.size() > CHOICES);
        return "home";
    }

    @GetMapping(PATH + "/{code}")
    String result(@PathVariable String code, Model model) {
        if (!Territories.COMMUNE_CODE.matcher(code).matches()) {
            throw new NotFoundException("commune.unknown", code);
        }
        PoleResolution resolution = poles.resolve(code);
        model.addAttribute("resolution", resolution);
        return "find/result";
    }
}
