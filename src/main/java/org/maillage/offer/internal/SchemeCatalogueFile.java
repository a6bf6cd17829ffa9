package org.maillage.offer.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.offer.Scheme;
import org.maillage.offer.SchemeData;
import org.maillage.offer.SchemeKind;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.ObjectMapper;

/** The schemes of the Brittany continuum as shipped ({@code offer/schemes-bretagne.json}). */
final class SchemeCatalogueFile {

    static final String RESOURCE = "offer/schemes-bretagne.json";

    private SchemeCatalogueFile() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CoverageJson(Set<String> regions, Set<String> departements, Set<String> epcis, Set<String> poles) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchemeJson(String slug, String operator, String name, SchemeKind kind, Set<ProjectStage> stages,
            Set<ProjectNeed> needs, boolean collectiveOnly, Set<String> legalForms, Set<String> sectors,
            CoverageJson coverage, Integer capacityPerYear, String contactEmail, String website, String description) {

        SchemeData toData() {
            return new SchemeData(operator, name, kind, stages, needs, collectiveOnly, legalForms, sectors,
                    new Scheme.Coverage(coverage.regions(), coverage.departements(), coverage.epcis(), coverage.poles()),
                    capacityPerYear, contactEmail, website, description);
        }

        Scheme toScheme(Map<String, String> operatorNames) {
            return new Scheme(slug, operator, operatorNames.getOrDefault(operator, operator), name, kind, stages, needs,
                    collectiveOnly, legalForms, sectors,
                    new Scheme.Coverage(coverage.regions(), coverage.departements(), coverage.epcis(), coverage.poles()),
                    capacityPerYear, List.of(), contactEmail, website, description, null);
        }
    }

    static List<SchemeJson> read(ObjectMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return List.of(json.readValue(in, SchemeJson[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
