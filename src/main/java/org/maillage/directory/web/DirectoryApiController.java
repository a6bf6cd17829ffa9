package org.maillage.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.maillage.directory.Directory;
import org.maillage.directory.Directory.StructureQuery;
import org.maillage.directory.Directory.StructureView;
import org.maillage.directory.EssSector;
import org.maillage.directory.StructureFamily;
import org.maillage.platform.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * The public directory as open data: the search API and whole-directory exports in CSV and GeoJSON
 * (published listings only; no personal data).
 */
@RestController
@Tag(name = "Annuaire", description = "Les structures de l'ESS publiées dans l'annuaire (données ouvertes)")
class DirectoryApiController {

    static final int MAX_PAGE_SIZE = 100;
    /** The columns of the CSV export, the same as the import's. */
    static final List<String> COLUMNS = List.of("nom", "siret", "famille", "categorie_juridique", "secteur", "code_naf",
            "adresse", "code_commune", "commune", "latitude", "longitude", "salaries", "site_web", "presentation", "pole");

    record StructureJson(String slug, String name, String siret, StructureFamily family, String legalFormCode,
            EssSector sector, String nafCode, String address, String communeCode, String commune, String departement,
            String pole, Double latitude, Double longitude, Integer employees, String website, String description,
            String page) {

        static StructureJson of(StructureView s) {
            return new StructureJson(s.slug(), s.name(), s.siret(), s.family(), s.legalFormCode(), s.sector(), s.nafCode(),
                    s.address(), s.communeCode(), s.communeName(), s.departementCode(), s.poleSlug(), s.latitude(),
                    s.longitude(), s.employees(), s.website(), s.description(), "/annuaire/" + s.slug());
        }
    }

    record StructurePageJson(List<StructureJson> structures, long total, int page, int size,
            Map<String, Map<String, Long>> facets) {}

    private final Directory directory;
    private final ObjectMapper json;

    DirectoryApiController(Directory directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    @GetMapping("/api/v1/structures")
    @Operation(summary = "Chercher dans l'annuaire",
            description = "Recherche en français (pluriels, accents) et facettes : famille, secteur, pôle, département.")
    StructurePageJson search(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "family", required = false) StructureFamily family,
            @RequestParam(name = "sector", required = false) EssSector sector,
            @RequestParam(name = "pole", required = false) String pole,
            @RequestParam(name = "departement", required = false) String departement,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "size", defaultValue = "20") int size) {
        int chosenSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        var result = directory.search(new StructureQuery(text == null ? null : text.substring(0, Math.min(text.length(), 200)),
                family, sector, pole, departement, Math.max(0, Math.min(page, 10_000)), chosenSize));
        return new StructurePageJson(result.rows().stream().map(StructureJson::of).toList(), result.total(), result.page(),
                result.size(), result.facets());
    }

    @GetMapping("/api/v1/structures/{slug}")
    @Operation(summary = "Une structure de l'annuaire")
    StructureJson structure(@PathVariable String slug) {
        return directory.findPublished(slug).map(StructureJson::of)
                .orElseThrow(() -> new NotFoundException("structure.unknown", slug));
    }

    @GetMapping("/annuaire/export.csv")
    @Operation(summary = "L'annuaire en CSV (UTF-8, séparateur ;)")
    void csv(@RequestParam(name = "famille", required = false) StructureFamily family,
            @RequestParam(name = "secteur", required = false) EssSector sector,
            @RequestParam(name = "pole", required = false) String pole,
            @RequestParam(name = "departement", required = false) String departement, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"annuaire-ess.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF'); // spreadsheets open it as UTF-8
        out.write(String.join(";", COLUMNS) + "\r\n");
        directory.exportPublished(new StructureQuery(null, family, sector, blank(pole), blank(departement), 0, 0), s -> write(out,
                List.of(s.name(), text(s.siret()), s.family().name(), text(s.legalFormCode()), s.sector().name(),
                        text(s.nafCode()), text(s.address()), s.communeCode(), s.communeName(), number(s.latitude()),
                        number(s.longitude()), s.employees() == null ? "" : s.employees().toString(), text(s.website()),
                        text(s.description()), text(s.poleSlug()))));
        out.flush();
    }

    @GetMapping("/annuaire/export.geojson")
    @Operation(summary = "Les structures localisées de l'annuaire en GeoJSON")
    void geojson(@RequestParam(name = "famille", required = false) StructureFamily family,
            @RequestParam(name = "secteur", required = false) EssSector sector,
            @RequestParam(name = "pole", required = false) String pole,
            @RequestParam(name = "departement", required = false) String departement, HttpServletResponse response)
            throws IOException {
        response.setContentType("application/geo+json;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"annuaire-ess.geojson\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean[] first = {true};
        directory.exportPublished(new StructureQuery(null, family, sector, blank(pole), blank(departement), 0, 0), s -> {
            if (s.latitude() == null || s.longitude() == null) {
                return;
            }
            try {
                out.write(first[0] ? "" : ",");
                first[0] = false;
                out.write(json.writeValueAsString(Map.of("type", "Feature",
                        "geometry", Map.of("type", "Point", "coordinates", List.of(s.longitude(), s.latitude())),
                        "properties", StructureJson.of(s))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.write("]}");
        out.flush();
    }

    private static void write(Writer out, List<String> cells) {
        try {
            out.write(String.join(";", cells.stream().map(DirectoryApiController::cell).toList()) + "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")
                ? "'" + value : value;
        return safe.matches(".*[;\"\\r\\n].*") || safe.contains("\n") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String number(Double value) {
        return value == null ? "" : value.toString();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
