package org.maillage.territory.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.maillage.platform.SeedProperties;
import org.maillage.platform.StartupData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The geography shipped with Maillage: Brittany from {@code @etalab/decoupage-administratif}
 * (resource {@code territory/decoupage-administratif/}), the centres of its communes (resource
 * {@code territory/fr-bounding-boxes/communes-centres.json}) and its pays
 * ({@code territory/pays-bretagne.json}). Loaded once.
 */
@Component
@Order(1)
class TerritoryReferenceData implements StartupData {

    static final String BRITTANY_FILES = "territory/decoupage-administratif/";
    static final String BRITTANY_PAYS = "territory/pays-bretagne.json";
    static final String BRITTANY_CENTRES = "territory/fr-bounding-boxes/communes-centres.json";
    private static final Logger log = LoggerFactory.getLogger(TerritoryReferenceData.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaysFile(String region, List<PaysJson> pays) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaysJson(String code, String name, boolean verified, String note, List<String> epci) {}

    private final DecoupageAdministratifImporter importer;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    TerritoryReferenceData(DecoupageAdministratifImporter importer, JdbcTemplate jdbc, ObjectMapper json) {
        this.importer = importer;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Loads the Brittany geography unless this version of it, or any import of all France, is loaded;
     * then the centres of its communes unless they are (see {@link #loadCentres}); then the pays of
     * Brittany unless some are.
     */
    @Override
    @Transactional
    public void loadIfAbsent(SeedProperties seed) {
        if (!seed.brittany()) {
            return;
        }
        String version = bundledVersion();
        // Any import of all France (whatever its version) already holds Brittany, maybe newer.
        boolean geography = count("select count(*) from territory.dataset where name = 'france' or (name = 'bretagne' and version = ?)",
                version) == 0;
        if (geography) {
            log.info("Loading the geography of Brittany (@etalab/decoupage-administratif {})", version);
            importer.importFiles(name -> new ClassPathResource(BRITTANY_FILES + name).getInputStream(), "bretagne", version,
                    false);
        }
        loadCentres(geography);
        if (count("select count(*) from territory.pays where region_code = ?", "53") == 0) {
            loadPays(BRITTANY_PAYS);
        }
    }

    /**
     * The communes' centres, with the geography just loaded, or when they were never loaded (a
     * database from before them) or were loaded from another version of the file. Not over the
     * centres of an import of all France, which brings its own.
     */
    private void loadCentres(boolean geographyLoaded) {
        DecoupageAdministratifImporter.CentresFile centres;
        try {
            centres = importer.readCentres(new ClassPathResource(BRITTANY_CENTRES).getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (geographyLoaded || count("""
                select count(*) from territory.dataset
                where name = 'centres-france' or (name = 'centres-bretagne' and version = ?)
                """, centres.version()) == 0) {
            importer.importCentres(centres, "centres-bretagne");
        }
    }

    private int count(String sql, Object argument) {
        Integer count = jdbc.queryForObject(sql, Integer.class, argument);
        return count == null ? 0 : count;
    }

    private void loadPays(String resource) {
        PaysFile file;
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            file = json.readValue(in, PaysFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (PaysJson pays : file.pays()) {
            jdbc.update("""
                    insert into territory.pays (code, name, region_code, verified, note) values (?, ?, ?, ?, ?)
                    on conflict (code) do update set name = excluded.name, region_code = excluded.region_code,
                        verified = excluded.verified, note = excluded.note
                    """, pays.code(), pays.name(), file.region(), pays.verified(), pays.note());
            jdbc.update("delete from territory.pays_epci where pays_code = ?", pays.code());
            for (String epci : pays.epci()) {
                jdbc.update("insert into territory.pays_epci (pays_code, epci_code) values (?, ?)", pays.code(), epci);
            }
        }
        log.info("Loaded {} pays of region {}", file.pays().size(), file.region());
    }

    static String bundledVersion() {
        try (InputStream in = new ClassPathResource(BRITTANY_FILES + "VERSION").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
