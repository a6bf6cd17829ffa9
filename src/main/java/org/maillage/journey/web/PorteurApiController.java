package org.maillage.journey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.maillage.account.Authorizations;
import org.maillage.journey.PorteurView;
import org.maillage.journey.Porteurs;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Porteurs", description = "Dossiers des porteurs de projet (animateurs du pôle, le porteur lui-même)")
class PorteurApiController {

    private final Porteurs porteurs;
    private final Authorizations authorizations;

    PorteurApiController(Porteurs porteurs, Authorizations authorizations) {
        this.porteurs = porteurs;
        this.authorizations = authorizations;
    }

    @GetMapping("/api/v1/porteurs/{id}")
    @Operation(summary = "Le dossier d'un porteur (chaque lecture est inscrite au journal d'audit)")
    PorteurView get(@PathVariable long id) {
        return porteurs.read(authorizations.requireUser(), id);
    }
}
