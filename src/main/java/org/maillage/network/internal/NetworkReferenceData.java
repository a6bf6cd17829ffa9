package org.maillage.network.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.maillage.network.Contact;
import org.maillage.network.CoverageChange;
import org.maillage.network.PoleId;
import org.maillage.network.PoleStatus;
import org.maillage.network.Poles;
import org.maillage.network.RegionalNetwork;
import org.maillage.territory.Pays;
import org.maillage.territory.Territories;
import org.maillage.platform.SeedProperties;
import org.maillage.platform.StartupData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The Brittany network of pôles ESS as named in the seeds and DESIGN.md ({@code network/bretagne.json}):
 * created once when absent, never overwriting what coordinators have changed since. Each pôle's
 * coverage is the EPCI of its pays (verified when the pays is) plus single communes (provisional),
 * and goes through the same rule as any coverage change.
 */
@Component
@Order(2)
class NetworkReferenceData implements StartupData {

    static final String BRITTANY = "network/bretagne.json";
    private static final Logger log = LoggerFactory.getLogger(NetworkReferenceData.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedFile(NetworkJson network, List<PoleJson> poles) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NetworkJson(String code, String name, String region, Contact coordination) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PoleJson(String slug, String name, String carrier, String territory, List<String> pays,
            List<String> communes, PoleStatus status, boolean nameVerified, String note) {}

    private final PoleRepository repository;
    private final Poles poles;
    private final Territories territories;
    private final ObjectMapper json;

    NetworkReferenceData(PoleRepository repository, Poles poles, Territories territories, ObjectMapper json) {
        this.repository = repository;
        this.poles = poles;
        this.territories = territories;
        this.json = json;
    }

    @Override
    @Transactional
    public void loadIfAbsent(SeedProperties seed) {
        if (!seed.brittany()) {
            return;
        }
        SeedFile brittany = read(BRITTANY);
        if (repository.findNetwork(brittany.network().code()).isPresent()) {
            return;
        }
        NetworkJson n = brittany.network();
        long networkId = repository.insertNetwork(new RegionalNetwork(n.code(), n.name(), n.region(), n.coordination()));
        for (PoleJson pole : brittany.poles()) {
            PoleId id = repository.insertPole(networkId, pole.slug(), pole.name(), pole.carrier(), pole.territory(),
                    pole.status(), pole.nameVerified(), pole.note());
            poles.changeCoverage(id, coverage(pole));
        }
        log.info("Created the network {} with {} pôles", n.code(), brittany.poles().size());
    }

    private CoverageChange coverage(PoleJson pole) {
        Map<String, Boolean> epcis = new HashMap<>();
        for (String paysCode : pole.pays()) {
            Pays pays = territories.findPays(paysCode)
                    .orElseThrow(() -> new IllegalStateException("Unknown pays " + paysCode + " for pôle " + pole.slug()));
            pays.epciCodes().forEach(epci -> epcis.put(epci, pays.verified()));
        }
        Map<String, Boolean> communes = new HashMap<>();
        if (pole.communes() != null) {
            pole.communes().forEach(commune -> communes.put(commune, false));
        }
        return new CoverageChange(epcis, communes);
    }

    private SeedFile read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readValue(in, SeedFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
