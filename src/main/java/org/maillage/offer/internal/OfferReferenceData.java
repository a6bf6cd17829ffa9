package org.maillage.offer.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.maillage.platform.SeedProperties;
import org.maillage.platform.StartupData;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The operator organisations of the Brittany continuum (Trajectoir'ESS, seeds 000 and 002) and their
 * schemes, added when missing ({@code offer/operators-bretagne.json}, {@code offer/schemes-bretagne.json});
 * existing ones are left as edited.
 */
@Component
@Order(3)
class OfferReferenceData implements StartupData {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OperatorJson(String slug, String name, String kind, String region, String website) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OfferReferenceData(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional
    public void loadIfAbsent(SeedProperties seed) {
        if (!seed.brittany()) {
            return;
        }
        List<OperatorJson> operators;
        try (InputStream in = new ClassPathResource("offer/operators-bretagne.json").getInputStream()) {
            operators = List.of(json.readValue(in, OperatorJson[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (OperatorJson operator : operators) {
            jdbc.sql("""
                    insert into offer.operator (slug, name, kind, region_code, website)
                    values (:slug, :name, :kind, :region, :website) on conflict (slug) do nothing
                    """)
                    .param("slug", operator.slug()).param("name", operator.name()).param("kind", operator.kind())
                    .param("region", operator.region()).param("website", operator.website())
                    .update();
        }
        for (SchemeCatalogueFile.SchemeJson scheme : SchemeCatalogueFile.read(json)) {
            jdbc.sql("""
                    insert into offer.scheme (slug, operator_slug, name, kind, stages, needs, collective_only, legal_forms,
                        sectors, coverage_regions, coverage_departements, coverage_epcis, coverage_poles,
                        capacity_per_year, contact_email, website, description)
                    values (:slug, :operator, :name, :kind, :stages, :needs, :collective, :legalForms, :sectors,
                        :regions, :departements, :epcis, :poles, :capacity, :email, :website, :description)
                    on conflict (slug) do nothing
                    """)
                    .param("slug", scheme.slug()).param("operator", scheme.operator()).param("name", scheme.name())
                    .param("kind", scheme.kind().name()).param("stages", names(scheme.stages()))
                    .param("needs", names(scheme.needs())).param("collective", scheme.collectiveOnly())
                    .param("legalForms", codes(scheme.legalForms())).param("sectors", codes(scheme.sectors()))
                    .param("regions", codes(scheme.coverage().regions()))
                    .param("departements", codes(scheme.coverage().departements()))
                    .param("epcis", codes(scheme.coverage().epcis())).param("poles", codes(scheme.coverage().poles()))
                    .param("capacity", scheme.capacityPerYear()).param("email", scheme.contactEmail())
                    .param("website", scheme.website()).param("description", scheme.description())
                    .update();
        }
    }

    private static String[] names(java.util.Collection<? extends Enum<?>> values) {
        return values == null ? new String[0] : values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static String[] codes(java.util.Collection<String> values) {
        return values == null ? new String[0] : values.stream().sorted().toArray(String[]::new);
    }
}
