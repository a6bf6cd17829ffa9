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
            SchemeService.insert(jdbc, scheme.slug(), scheme.toData());
        }
    }

}
