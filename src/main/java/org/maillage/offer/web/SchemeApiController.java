package org.maillage.offer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.maillage.offer.Orientation;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.offer.Scheme;
import org.maillage.offer.Schemes;
import org.maillage.platform.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dispositifs", description = "Le catalogue des dispositifs d'accompagnement et le moteur d'orientation")
class SchemeApiController {

    record SchemeList(List<Scheme> schemes) {}

    private final Schemes schemes;

    SchemeApiController(Schemes schemes) {
        this.schemes = schemes;
    }

    @GetMapping("/api/v1/schemes")
    @Operation(summary = "Les dispositifs du catalogue", description = "Avec leurs étapes, besoins, conditions, territoire et sessions.")
    SchemeList list() {
        return new SchemeList(schemes.list());
    }

    @GetMapping("/api/v1/schemes/{slug}")
    @Operation(summary = "Un dispositif")
    Scheme get(@PathVariable String slug) {
        return schemes.find(slug).orElseThrow(() -> new NotFoundException("scheme.unknown", slug));
    }
}
