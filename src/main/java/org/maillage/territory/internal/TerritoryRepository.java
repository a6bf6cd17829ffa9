package org.maillage.territory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.maillage.platform.KeptAnswers;
import org.maillage.territory.Commune;
import org.maillage.territory.CommuneSuggestion;
import org.maillage.territory.Epci;
import org.maillage.territory.GeoPoint;
import org.maillage.territory.Pays;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the territory schema. Search keys are computed by {@code public.search_key} in SQL only. */
@Repository
class TerritoryRepository {

    static final Duration COMMUNE_TTL = Duration.ofMinutes(10);
    /** The communes asked for (35,000 in France; a few thousand worth keeping). */
    private final KeptAnswers communes = new KeptAnswers(5_000);

    private static final String COMMUNE_COLUMNS = """
            c.code, c.name, c.departement_code, d.name as departement_name, c.region_code,
            r.name as region_name, c.epci_code, e.name as epci_name, c.population,
            array(select p.postal_code from territory.commune_postal_code p
                  where p.commune_code = c.code order by p.postal_code) as postal_codes
            """;
    private static final String COMMUNE_JOINS = """
            join territory.departement d on d.code = c.departement_code
            join territory.region r on r.code = c.region_code
            left join territory.epci e on e.code = c.epci_code
            """;
    private static final String RANKING = "(c.region_code = :home) desc, c.population desc nulls last, c.search_name";

    /** The autocomplete's two queries, kept as SQL files so that bench/autocomplete.sh runs them as they are. */
    private static final String BY_NAME_PREFIX = sql("territory/sql/communes-by-name-prefix.sql");
    private static final String BY_POSTAL_CODE_PREFIX = sql("territory/sql/communes-by-postal-code-prefix.sql");

    private static final RowMapper<Commune> COMMUNE = (rs, row) -> commune(rs);
    private static final RowMapper<CommuneSuggestion> SUGGESTION = (rs, row) ->
            new CommuneSuggestion(commune(rs), rs.getString("matched_alias"), rs.getString("matched_postal_code"),
                    rs.getBoolean("exact"));

    private final JdbcClient jdbc;
    private final TerritoryProperties properties;

    TerritoryRepository(JdbcClient jdbc, TerritoryProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Names, words inside names and other names starting with the query (see the SQL file). */
    List<CommuneSuggestion> findByNamePrefix(String query, int limit) {
        return suggestions(BY_NAME_PREFIX, query, limit);
    }

    /** Typo-tolerant: names similar to the query (pg_trgm), most similar first. */
    List<CommuneSuggestion> findBySimilarName(String query, int limit) {
        return suggestions("""
                with q as (select public.search_key(:q) as k)
                select %s, null as matched_alias, null as matched_postal_code, false as exact
                from territory.commune c cross join q
                %s
                where q.k <> '' and c.search_name %% q.k
                order by similarity(c.search_name, q.k) desc, %s
                limit :limit
                """.formatted(COMMUNE_COLUMNS, COMMUNE_JOINS, RANKING), query, limit);
    }

    /** Communes with a postal code starting with these digits (see the SQL file). */
    List<CommuneSuggestion> findByPostalCodePrefix(String digits, int limit) {
        return suggestions(BY_POSTAL_CODE_PREFIX, digits, limit);
    }

    private List<CommuneSuggestion> suggestions(String sql, String query, int limit) {
        return jdbc.sql(sql)
                .param("q", query)
                .param("home", properties.homeRegion())
                .param("limit", limit)
                .query(SUGGESTION)
                .list();
    }

    /**
     * A commune by its code, kept {@link #COMMUNE_TTL} in memory: every public form asks for the one
     * typed, some twice (2 ms of SQL each time). The geography changes only by an import, which drops
     * what this node keeps (an import run by another process shows when an entry's time is up).
     */
    Optional<Commune> findCommune(String code) {
        return communes.get(code, COMMUNE_TTL, () -> readCommune(code));
    }

    /** After an import on this node: the communes are read again once it commits. */
    void changed() {
        communes.clearAfterCommit();
    }

    private Optional<Commune> readCommune(String code) {
        return jdbc.sql("select %s from territory.commune c %s where c.code = :code"
                        .formatted(COMMUNE_COLUMNS, COMMUNE_JOINS))
                .param("code", code)
                .query(COMMUNE)
                .optional();
    }

    List<Commune> findCommunes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select %s from territory.commune c %s where c.code = any(:codes) order by c.search_name"
                        .formatted(COMMUNE_COLUMNS, COMMUNE_JOINS))
                .param("codes", codes.toArray(String[]::new))
                .query(COMMUNE)
                .list();
    }

    java.util.SortedMap<String, String> departementsOfRegion(String regionCode) {
        java.util.SortedMap<String, String> found = new java.util.TreeMap<>();
        jdbc.sql("select code, name from territory.departement where region_code = :region").param("region", regionCode)
                .query(rs -> {
                    found.put(rs.getString("code"), rs.getString("name"));
                });
        return found;
    }

    Optional<String> regionName(String regionCode) {
        return jdbc.sql("select name from territory.region where code = :region").param("region", regionCode)
                .query(String.class).optional();
    }

    List<Epci> epcisOfRegion(String regionCode) {
        return findEpcis(jdbc.sql("select distinct epci_code from territory.commune where region_code = :region and epci_code is not null")
                .param("region", regionCode).query(String.class).list());
    }

    List<Epci> findEpcis(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select e.code, e.name, e.kind, e.population,
                       (select count(*) from territory.commune c where c.epci_code = e.code) as communes
                from territory.epci e where e.code = any(:codes) order by public.search_key(e.name)
                """)
                .param("codes", codes.toArray(String[]::new))
                .query((rs, row) -> new Epci(rs.getString("code"), rs.getString("name"), rs.getString("kind"),
                        rs.getInt("communes"), (Integer) rs.getObject("population")))
                .list();
    }

    Set<String> communeCodesOfEpcis(Collection<String> epciCodes) {
        if (epciCodes.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("select code from territory.commune where epci_code = any(:codes) order by code")
                .param("codes", epciCodes.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    Map<String, GeoPoint> communeCentres(Collection<String> communeCodes) {
        return centres("""
                select code, latitude, longitude from territory.commune
                where code = any(:codes) and latitude is not null
                order by code
                """, communeCodes);
    }

    /** Weighted by population when every member with a centre has a known population, else a plain mean. */
    Map<String, GeoPoint> epciCentres(Collection<String> epciCodes) {
        return centres("""
                select epci_code as code,
                       case when bool_and(coalesce(population, 0) > 0)
                            then sum(latitude * population) / sum(population) else avg(latitude) end as latitude,
                       case when bool_and(coalesce(population, 0) > 0)
                            then sum(longitude * population) / sum(population) else avg(longitude) end as longitude
                from territory.commune
                where epci_code = any(:codes) and latitude is not null
                group by epci_code order by epci_code
                """, epciCodes);
    }

    private Map<String, GeoPoint> centres(String sql, Collection<String> codes) {
        Map<String, GeoPoint> found = new LinkedHashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        jdbc.sql(sql).param("codes", codes.toArray(String[]::new)).query(rs -> {
            found.put(rs.getString("code"), new GeoPoint(rs.getDouble("latitude"), rs.getDouble("longitude")));
        });
        return found;
    }

    Optional<Pays> findPays(String code) {
        return jdbc.sql(PAYS_SELECT + " where p.code = :code group by p.code")
                .param("code", code)
                .query((rs, row) -> pays(rs))
                .optional();
    }

    List<Pays> paysOfRegion(String regionCode) {
        return jdbc.sql(PAYS_SELECT + " where p.region_code = :region group by p.code order by public.search_key(p.name)")
                .param("region", regionCode)
                .query((rs, row) -> pays(rs))
                .list();
    }

    private static final String PAYS_SELECT = """
            select p.code, p.name, p.region_code, p.verified, p.note,
                   array_remove(array_agg(pe.epci_code order by pe.epci_code), null) as epci_codes
            from territory.pays p left join territory.pays_epci pe on pe.pays_code = p.code
            """;

    private static Pays pays(ResultSet rs) throws SQLException {
        return new Pays(rs.getString("code"), rs.getString("name"), rs.getString("region_code"),
                rs.getBoolean("verified"), rs.getString("note"), strings(rs.getArray("epci_codes")));
    }

    private static Commune commune(ResultSet rs) throws SQLException {
        return new Commune(
                rs.getString("code"),
                rs.getString("name"),
                strings(rs.getArray("postal_codes")),
                rs.getString("departement_code"),
                rs.getString("departement_name"),
                rs.getString("region_code"),
                rs.getString("region_name"),
                rs.getString("epci_code"),
                rs.getString("epci_name"),
                (Integer) rs.getObject("population"));
    }

    private static String sql(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : java.util.Collections.unmodifiableList(Arrays.asList((String[]) array.getArray()));
    }
}
