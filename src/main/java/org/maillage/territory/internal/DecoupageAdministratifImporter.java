package org.maillage.territory.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the files of the npm package {@code @etalab/decoupage-administratif} (regions.json,
 * departements.json, epci.json, communes.json) into the territory schema, in one transaction:
 * rows are inserted or updated, so the import can be run again (for a new millésime, or to go from
 * Brittany to the whole of France). Also loads the communes' centres from a
 * {@code communes-centres.json} (see {@code scripts/territory/extract-centres.mjs}).
 */
@Component
class DecoupageAdministratifImporter {

    /** Opens one of the package's data files by name. */
    @FunctionalInterface
    interface DataFiles {
        InputStream open(String fileName) throws IOException;
    }

    /**
     * What an import did.
     *
     * @param removedEpcis EPCI no longer listed, removed (complete imports only)
     * @param removedCommunes communes no longer listed (merged into a commune nouvelle…), removed
     */
    record Report(int regions, int departements, int epcis, int communes, int aliases, int postalCodes,
            List<String> removedEpcis, List<String> removedCommunes) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RegionJson(String code, String nom, String chefLieu) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DepartementJson(String code, String nom, String region) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MemberJson(String code) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EpciJson(String code, String nom, String type, String modeFinancement, Integer populationTotale,
            List<MemberJson> membres) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CommuneJson(String code, String nom, String type, String departement, String region, Integer population,
            List<String> codesPostaux, String chefLieu, String commune) {}

    private static final Logger log = LoggerFactory.getLogger(DecoupageAdministratifImporter.class);

    private final TerritoryRepository repository;
    private static final int BATCH = 2000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DecoupageAdministratifImporter(JdbcTemplate jdbc, ObjectMapper json, TerritoryRepository repository) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param complete the files describe all of France: communes and EPCI they no longer list are
     *     removed (with their postal codes and other names); otherwise rows are only added or updated
     */
    @Transactional
    Report importFiles(DataFiles files, String datasetName, String version, boolean complete) {
        repository.changed();
        long start = System.nanoTime();
        List<RegionJson> regions = readAll(files, "regions.json", RegionJson.class);
        List<DepartementJson> departements = readAll(files, "departements.json", DepartementJson.class);
        List<EpciJson> epcis = readAll(files, "epci.json", EpciJson.class);

        batch("""
                insert into territory.region (code, name, chef_lieu) values (?, ?, ?)
                on conflict (code) do update set name = excluded.name, chef_lieu = excluded.chef_lieu
                """, regions, (ps, r) -> {
            ps.setString(1, r.code());
            ps.setString(2, r.nom());
            ps.setString(3, r.chefLieu());
        });
        batch("""
                insert into territory.departement (code, name, region_code) values (?, ?, ?)
                on conflict (code) do update set name = excluded.name, region_code = excluded.region_code
                """, departements, (ps, d) -> {
            ps.setString(1, d.code());
            ps.setString(2, d.nom());
            ps.setString(3, d.region());
        });
        batch("""
                insert into territory.epci (code, name, kind, financing, population) values (?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, kind = excluded.kind,
                    financing = excluded.financing, population = excluded.population
                where (epci.name, epci.kind, epci.financing, epci.population)
                    is distinct from (excluded.name, excluded.kind, excluded.financing, excluded.population)
                """, epcis, (ps, e) -> {
            ps.setString(1, e.code());
            ps.setString(2, e.nom());
            ps.setString(3, e.type());
            ps.setString(4, e.modeFinancement());
            ps.setObject(5, e.populationTotale());
        });
        Map<String, String> epciOfCommune = new HashMap<>();
        for (EpciJson epci : epcis) {
            for (MemberJson member : epci.membres()) {
                epciOfCommune.put(member.code(), epci.code());
            }
        }

        List<CommuneJson> communes = new ArrayList<>();
        List<CommuneJson> aliases = new ArrayList<>();
        try (InputStream in = files.open("communes.json");
                MappingIterator<CommuneJson> rows = json.readerFor(CommuneJson.class).readValues(in)) {
            while (rows.hasNextValue()) {
                CommuneJson row = rows.nextValue();
                (row.type().equals("commune-actuelle") ? communes : aliases).add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch("""
                insert into territory.commune (code, name, departement_code, region_code, epci_code, population)
                values (?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, departement_code = excluded.departement_code,
                    region_code = excluded.region_code, epci_code = excluded.epci_code, population = excluded.population
                where (commune.name, commune.departement_code, commune.region_code, commune.epci_code, commune.population)
                    is distinct from (excluded.name, excluded.departement_code, excluded.region_code, excluded.epci_code,
                        excluded.population)
                """, communes, (ps, c) -> {
            ps.setString(1, c.code());
            ps.setString(2, c.nom());
            ps.setString(3, c.departement());
            ps.setString(4, c.region());
            ps.setString(5, epciOfCommune.get(c.code()));
            ps.setObject(6, c.population());
        });

        String[] communeCodes = communes.stream().map(CommuneJson::code).toArray(String[]::new);
        List<String> removedCommunes = List.of();
        List<String> removedEpcis = List.of();
        if (complete) {
            removedCommunes = jdbc.queryForList("delete from territory.commune where code <> all(?) returning code",
                    String.class, (Object) communeCodes);
            removedEpcis = jdbc.queryForList("delete from territory.epci where code <> all(?) returning code",
                    String.class, (Object) epcis.stream().map(EpciJson::code).toArray(String[]::new));
            if (!removedCommunes.isEmpty() || !removedEpcis.isEmpty()) {
                log.warn("{} no longer lists communes {} and EPCI {}: removed (a pôle covering them covers them no more)",
                        version, removedCommunes, removedEpcis);
            }
        }
        jdbc.update("delete from territory.commune_postal_code where commune_code = any(?)", (Object) communeCodes);
        jdbc.update("delete from territory.commune_alias where commune_code = any(?)", (Object) communeCodes);
        List<String[]> postalCodes = new ArrayList<>();
        for (CommuneJson c : communes) {
            addPostalCodes(postalCodes, c.code(), c.codesPostaux());
        }
        for (CommuneJson a : aliases) {
            if (a.type().equals("arrondissement-municipal")) { // Paris, Lyon, Marseille: their own postal codes
                addPostalCodes(postalCodes, a.commune(), a.codesPostaux());
            }
        }
        batch("""
                insert into territory.commune_postal_code (postal_code, commune_code) values (?, ?)
                on conflict do nothing
                """, postalCodes, (ps, p) -> {
            ps.setString(1, p[0]);
            ps.setString(2, p[1]);
        });
        batch("""
                insert into territory.commune_alias (kind, code, name, commune_code) values (?, ?, ?, ?)
                on conflict (kind, code) do update set name = excluded.name, commune_code = excluded.commune_code
                """, aliases, (ps, a) -> {
            ps.setString(1, a.type());
            ps.setString(2, a.code());
            ps.setString(3, a.nom());
            ps.setString(4, a.chefLieu() != null ? a.chefLieu() : a.commune());
        });
        jdbc.execute("refresh materialized view concurrently territory.commune_search");
        // Fresh statistics, so that the planner sees the new sizes at once (not at autovacuum's pace).
        for (String table : List.of("region", "departement", "epci", "commune", "commune_postal_code", "commune_alias",
                "commune_search")) {
            jdbc.execute("analyze territory." + table);
        }
        jdbc.update("""
                insert into territory.dataset (name, version, communes) values (?, ?, ?)
                on conflict (name) do update set version = excluded.version, communes = excluded.communes, loaded_at = now()
                """, datasetName, version, communes.size());

        Report report = new Report(regions.size(), departements.size(), epcis.size(), communes.size(), aliases.size(),
                postalCodes.size(), removedEpcis, removedCommunes);
        log.info("Imported {} {} from @etalab/decoupage-administratif {} in {} ms", datasetName, report, version,
                (System.nanoTime() - start) / 1_000_000);
        return report;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CentreJson(String code, double latitude, double longitude) {}

    /** A communes-centres.json, as written by scripts/territory/extract-centres.mjs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CentresFile(String source, String version, List<CentreJson> centres) {}

    CentresFile readCentres(InputStream in) {
        try (in) {
            return json.readValue(in, CentresFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets the centres of the communes of the file that exist (others are ignored: a commune of
     * another millésime), and records the file under {@code datasetName} in territory.dataset. Run
     * again, changes only what changed.
     *
     * @return the number of communes that have the file's centre after the import
     */
    @Transactional
    int importCentres(CentresFile file, String datasetName) {
        repository.changed();
        long start = System.nanoTime();
        batch("""
                update territory.commune set latitude = ?, longitude = ?
                where code = ? and (latitude, longitude) is distinct from (?, ?)
                """, file.centres(), (ps, c) -> {
            ps.setDouble(1, c.latitude());
            ps.setDouble(2, c.longitude());
            ps.setString(3, c.code());
            ps.setDouble(4, c.latitude());
            ps.setDouble(5, c.longitude());
        });
        Integer placed = jdbc.queryForObject("select count(*) from territory.commune where code = any(?) and latitude is not null",
                Integer.class, (Object) file.centres().stream().map(CentreJson::code).toArray(String[]::new));
        int communes = placed == null ? 0 : placed;
        jdbc.update("""
                insert into territory.dataset (name, version, communes) values (?, ?, ?)
                on conflict (name) do update set version = excluded.version, communes = excluded.communes, loaded_at = now()
                """, datasetName, file.version(), communes);
        log.info("Imported {} commune centres of {} ({} {}, {} in the file) in {} ms", communes, datasetName, file.source(),
                file.version(), file.centres().size(), (System.nanoTime() - start) / 1_000_000);
        return communes;
    }

    private static void addPostalCodes(List<String[]> target, String communeCode, List<String> postalCodes) {
        if (postalCodes != null) {
            postalCodes.forEach(postalCode -> target.add(new String[] {postalCode, communeCode}));
        }
    }

    private <T> List<T> readAll(DataFiles files, String name, Class<T> type) {
        try (InputStream in = files.open(name); MappingIterator<T> rows = json.readerFor(type).readValues(in)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> void batch(String sql, List<T> rows,
            org.springframework.jdbc.core.ParameterizedPreparedStatementSetter<T> setter) {
        jdbc.batchUpdate(sql, rows, BATCH, setter);
    }
}
