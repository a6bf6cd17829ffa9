package org.maillage.observatory.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.maillage.observatory.Dashboard;
import org.maillage.observatory.FigureTable;
import org.maillage.observatory.Observatory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public panorama as open data (Licence Ouverte 2.0): errors as problem+json, like every API. */
@RestController
class OpenDataApiController {

    static final String LICENCE = "Licence Ouverte / Open Licence 2.0 (Etalab)";

    private final Observatory observatory;

    OpenDataApiController(Observatory observatory) {
        this.observatory = observatory;
    }

    @Operation(summary = "Key figures of a region's network of pôles (open data)",
            description = "In the tables, figures hidden by the statistical secret (fewer than 5 people, or hidden so "
                    + "that such a figure cannot be worked out) are null; key figures are written in French, \"s\" when "
                    + "hidden. Licence Ouverte 2.0.")
    @GetMapping(value = "/api/v1/open-data/panorama", produces = "application/json")
    Map<String, Object> openDataJson(@RequestParam(required = false) String region,
            @RequestParam(required = false) Integer year) {
        Dashboard dashboard = observatory.panorama(region, year);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("licence", LICENCE);
        body.put("source", "Maillage — " + dashboard.area().name());
        body.put("region", dashboard.area().code());
        body.put("year", dashboard.year());
        body.put("computedAt", dashboard.computedAt().toString());
        body.put("keyFigures", dashboard.keyFigures().stream().map(k -> Map.of("code", k.code(), "label", k.label(),
                "value", k.value(), "previous", k.previous())).toList());
        body.put("tables", dashboard.tables().stream().map(OpenDataApiController::json).toList());
        return body;
    }

    private static Map<String, Object> json(FigureTable table) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", table.code());
        out.put("title", table.title());
        out.put("columns", table.columns().stream().map(FigureTable.Column::header).toList());
        out.put("rows", table.rows());
        out.put("note", table.note());
        return out;
    }
}
