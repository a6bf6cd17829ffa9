package org.maillage.territory.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.maillage.territory.CommuneQuery;
import org.maillage.territory.CommuneSuggestion;
import org.maillage.territory.Territories;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The options of the commune autocomplete (an htmx fragment of the "Trouver mon pôle" form), with
 * the sentence screen readers announce: how many communes, or why none (the validation message).
 */
@Controller
class CommuneSuggestionsController {

    static final int SUGGESTIONS = 8;

    private final Territories territories;
    private final MessageSource messages;

    CommuneSuggestionsController(Territories territories, MessageSource messages) {
        this.territories = territories;
        this.messages = messages;
    }

    @GetMapping("/territoires/communes/suggestions")
    String suggestions(@Valid @ModelAttribute("query") CommuneQuery query, BindingResult validation, Model model,
            Locale locale) {
        List<CommuneSuggestion> suggestions = List.of();
        String status;
        if (query.q() == null || query.q().isBlank()) {
            status = ""; // the field was emptied: nothing to announce
        } else if (validation.hasErrors()) {
            status = messages.getMessage(validation.getFieldErrors("q").get(0), locale);
        } else {
            suggestions = territories.suggestCommunes(query.q(), SUGGESTIONS);
            status = switch (suggestions.size()) {
                case 0 -> messages.getMessage("suggestions.status.none", null, locale);
                case 1 -> messages.getMessage("suggestions.status.one", null, locale);
                default -> messages.getMessage("suggestions.status.many", new Object[] {suggestions.size()}, locale);
            };
        }
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("status", status);
        return "fragments/commune-suggestions :: options";
    }
}
