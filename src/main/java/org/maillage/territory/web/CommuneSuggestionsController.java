package org.maillage.territory.web;

import jakarta.validation.Valid;
import java.util.List;
import org.maillage.territory.CommuneQuery;
import org.maillage.territory.CommuneSuggestion;
import org.maillage.territory.Territories;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The options of the commune autocomplete (an htmx fragment of the "Trouver mon pôle" form). */
@Controller
class CommuneSuggestionsController {

    static final int SUGGESTIONS = 8;

    private final Territories territories;

    CommuneSuggestionsController(Territories territories) {
        this.territories = territories;
    }

    @GetMapping("/territoires/communes/suggestions")
    String suggestions(@Valid @ModelAttribute("query") CommuneQuery query, BindingResult validation, Model model) {
        List<CommuneSuggestion> suggestions = validation.hasErrors() ? List.of()
                : territories.suggestCommunes(query.q(), SUGGESTIONS);
        model.addAttribute("suggestions", suggestions);
        return "fragments/commune-suggestions :: options";
    }
}
