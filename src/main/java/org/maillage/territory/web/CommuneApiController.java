package org.maillage.territory.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.maillage.platform.NotFoundException;
import org.maillage.territory.Commune;
import org.maillage.territory.CommuneQuery;
import org.maillage.territory.CommuneSuggestion;
import org.maillage.territory.Territories;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/territories/communes")
@Tag(name = "Territoires", description = "Communes, EPCI et pays (Code officiel géographique)")
class CommuneApiController {

    /** A commune found by the autocomplete: the commune's fields, flat, and how it matched. */
    record CommuneMatch(@JsonUnwrapped Commune commune, String label, String matchedAlias, boolean exact) {

        static CommuneMatch of(CommuneSuggestion suggestion) {
            return new CommuneMatch(suggestion.commune(), suggestion.label(), suggestion.matchedAlias(),
                    suggestion.exact());
        }
    }

    private final Territories territories;

    CommuneApiController(Territories territories) {
        this.territories = territories;
    }

    @GetMapping
    @Operation(summary = "Chercher une commune",
            description = "Par nom (sans tenir compte des accents, de la casse ni des tirets ; « st » vaut « saint »), "
                    + "par nom de commune déléguée, ou par code postal (chiffres). Les communes de la région "
                    + "d'accueil viennent d'abord, puis les plus peuplées.")
    List<CommuneMatch> search(
            @Valid @ParameterObject CommuneQuery query,
            @Parameter(description = "Nombre de réponses, de 1 à 50") @RequestParam(defaultValue = "10")
            @Min(value = 1, message = "{commune.limit.range}") @Max(value = 50, message = "{commune.limit.range}")
            int limit) {
        return territories.suggestCommunes(query.q(), limit).stream().map(CommuneMatch::of).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "Une commune par son code INSEE")
    Commune get(@PathVariable String code) {
        return territories.findCommune(code).orElseThrow(() -> new NotFoundException("commune.unknown", code));
    }
}
