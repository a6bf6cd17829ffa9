package org.maillage.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.maillage.network.Contact;
import org.maillage.network.PoleId;
import org.maillage.network.PoleStatus;
import org.maillage.network.PoleSummary;
import org.maillage.network.RegionalNetwork;
import org.maillage.platform.KeptAnswers;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PoleRepository {

    static final Duration LIST_TTL = Duration.ofSeconds(30);
    private final KeptAnswers kept = new KeptAnswers();
    /** The resolutions of communes (one a commune asked: 35,000 in France, a few thousand worth keeping). */
    private final KeptAnswers resolutions = new KeptAnswers(5_000);

    /** A pôle and, for a resolution, whether the covering row is verified. */
    record Covering(PoleSummary pole, boolean verified) {}

    /** One coverage row of a pôle: an EPCI or a single commune. */
    record CoverageRow(long poleId, String code, boolean verified) {}

    /** A pôle's columns; its coverage is verified when it has some and all of it is verified. */
    private static final String POLE_COLUMNS = """
            p.id, p.slug, p.name, p.carrier_name, p.territory_label, p.status, p.name_verified,
            p.email, p.phone, p.website, p.address, p.note, n.code as network_code, n.name as network_name,
            n.region_code as network_region,
            coalesce((select bool_and(v.verified) from (
                select e.verified from network.pole_coverage_epci e where e.pole_id = p.id
                union all
                select c.verified from network.pole_coverage_commune c where c.pole_id = p.id) v), false)
            as coverage_verified
            """;
    private static final String POLE_FROM = " from network.pole p join network.network n on n.id = p.network_id ";
    private static final String POLE_SELECT = "select " + POLE_COLUMNS + POLE_FROM;
    private static final RowMapper<PoleSummary> POLE = (rs, row) -> pole(rs);
    private static final RowMapper<RegionalNetwork> NETWORK = (rs, row) -> new RegionalNetwork(
            rs.getString("code"), rs.getString("name"), rs.getString("region_code"),
            new Contact(rs.getString("coordination_name"), rs.getString("coordination_email"),
                    rs.getString("coordination_phone"), rs.getString("coordination_website"),
                    rs.getString("coordination_address")));

    /** The two coverage tables: by EPCI and by single commune. */
    private record CoverageTable(String name, String codeColumn) {}

    private static final CoverageTable EPCI_COVERAGE = new CoverageTable("network.pole_coverage_epci", "epci_code");
    private static final CoverageTable COMMUNE_COVERAGE =
            new CoverageTable("network.pole_coverage_commune", "commune_code");

    private final JdbcClient jdbc;

    PoleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The pôle covering a commune, preferring the network of the commune's region, then a direct link
     * (the commune's own line before its EPCI's). Kept like the list: every public form and page asks.
     */
    Optional<Covering> findCovering(String communeCode, String epciCode, String regionCode) {
        return resolutions.get(new CoveringKey(communeCode, epciCode, regionCode), LIST_TTL,
                () -> readCovering(communeCode, epciCode, regionCode));
    }

    private record CoveringKey(String commune, String epci, String region) {}

    private record NetworkKey(String region) {}

    private Optional<Covering> readCovering(String communeCode, String epciCode, String regionCode) {
        return jdbc.sql("""
                with coverage as (
                    select pole_id, verified, 0 as how from network.pole_coverage_commune where commune_code = :commune
                    union all
                    select pole_id, verified, 1 from network.pole_coverage_epci where epci_code = :epci
                )
                select %s, cov.verified as link_verified
                %s join coverage cov on cov.pole_id = p.id
                order by (n.region_code = :region) desc, cov.how
                limit 1
                """.formatted(POLE_COLUMNS, POLE_FROM))
                .param("commune", communeCode)
                .param("epci", epciCode)
                .param("region", regionCode)
                .query((rs, row) -> new Covering(pole(rs), rs.getBoolean("link_verified")))
                .optional();
    }

    /**
     * Every pôle, kept {@link #LIST_TTL} in memory: the directory, the journeys and the observatory ask
     * for the list on most requests (300 pôles: 3 to 6 ms of SQL each time). A change made through this
     * node is seen at once (see {@link #changed}); one made on another node within that time.
     */
    List<PoleSummary> findAll() {
        return kept.get("all", LIST_TTL,
                () -> List.copyOf(jdbc.sql(POLE_SELECT + " order by n.name, public.search_key(p.name)").query(POLE).list()));
    }

    /**
     * After a change of a pôle, its coverage or a network on this node: the list and the resolutions are
     * read again once it commits.
     */
    void changed() {
        kept.clearAfterCommit();
        resolutions.clearAfterCommit();
    }

    Optional<PoleSummary> findBySlug(String slug) {
        return jdbc.sql(POLE_SELECT + " where p.slug = :slug").param("slug", slug).query(POLE).optional();
    }

    Optional<PoleSummary> findById(PoleId id) {
        return jdbc.sql(POLE_SELECT + " where p.id = :id").param("id", id.value()).query(POLE).optional();
    }

    /** The network of a region, kept like the list. */
    Optional<RegionalNetwork> findNetworkOfRegion(String regionCode) {
        return resolutions.get(new NetworkKey(regionCode), LIST_TTL, () -> jdbc.sql("select * from network.network where region_code = :region")
                .param("region", regionCode).query(NETWORK).optional());
    }

    Optional<RegionalNetwork> findNetwork(String code) {
        return jdbc.sql("select * from network.network where code = :code").param("code", code).query(NETWORK).optional();
    }

    /** Locks the network of a pôle for a coverage change; returns its id. */
    long lockNetworkOf(PoleId pole) {
        return jdbc.sql("""
                select n.id from network.network n join network.pole p on p.network_id = n.id
                where p.id = :pole for update of n
                """).param("pole", pole.value()).query(Long.class).single();
    }

    List<CoverageRow> epciCoverage(long networkId) {
        return coverageRows(EPCI_COVERAGE, "network_id", networkId);
    }

    List<CoverageRow> communeCoverage(long networkId) {
        return coverageRows(COMMUNE_COVERAGE, "network_id", networkId);
    }

    List<CoverageRow> epciCoverageOf(PoleId pole) {
        return coverageRows(EPCI_COVERAGE, "pole_id", pole.value());
    }

    List<CoverageRow> communeCoverageOf(PoleId pole) {
        return coverageRows(COMMUNE_COVERAGE, "pole_id", pole.value());
    }

    private List<CoverageRow> coverageRows(CoverageTable table, String filterColumn, long id) {
        return jdbc.sql("select pole_id, %s as code, verified from %s where %s = :id order by pole_id, code"
                        .formatted(table.codeColumn(), table.name(), filterColumn))
                .param("id", id)
                .query((rs, row) -> new CoverageRow(rs.getLong("pole_id"), rs.getString("code"), rs.getBoolean("verified")))
                .list();
    }

    /** Replaces the coverage of a pôle; codes map to whether they are verified. */
    void replaceCoverage(long networkId, PoleId pole, Map<String, Boolean> epcis, Map<String, Boolean> communes) {
        replaceCoverage(EPCI_COVERAGE, networkId, pole, epcis);
        replaceCoverage(COMMUNE_COVERAGE, networkId, pole, communes);
        jdbc.sql("update network.pole set updated_at = now() where id = :pole").param("pole", pole.value()).update();
        changed();
    }

    private void replaceCoverage(CoverageTable table, long networkId, PoleId pole, Map<String, Boolean> codes) {
        jdbc.sql("delete from %s where pole_id = :pole".formatted(table.name())).param("pole", pole.value()).update();
        for (Map.Entry<String, Boolean> code : new TreeMap<>(codes).entrySet()) {
            jdbc.sql("insert into %s (network_id, pole_id, %s, verified) values (:network, :pole, :code, :verified)"
                            .formatted(table.name(), table.codeColumn()))
                    .param("network", networkId).param("pole", pole.value()).param("code", code.getKey())
                    .param("verified", code.getValue()).update();
        }
    }

    /** Pôle names by id, for the messages of the coverage rule. */
    Map<Long, String> poleNames(long networkId) {
        Map<Long, String> names = new TreeMap<>();
        jdbc.sql("select id, name from network.pole where network_id = :network")
                .param("network", networkId)
                .query((ResultSet rs) -> {
                    names.put(rs.getLong("id"), rs.getString("name"));
                });
        return names;
    }

    long insertNetwork(RegionalNetwork network) {
        Contact c = network.coordination();
        long id = jdbc.sql("""
                insert into network.network (code, name, region_code, coordination_name, coordination_email,
                    coordination_phone, coordination_website, coordination_address)
                values (:code, :name, :region, :cname, :email, :phone, :website, :address)
                returning id
                """)
                .param("code", network.code()).param("name", network.name()).param("region", network.regionCode())
                .param("cname", c.name()).param("email", c.email()).param("phone", c.phone())
                .param("website", c.website()).param("address", c.address())
                .query(Long.class).single();
        changed();
        return id;
    }

    PoleId insertPole(long networkId, String slug, String name, String carrierName, String territoryLabel,
            PoleStatus status, boolean nameVerified, String note) {
        PoleId id = new PoleId(jdbc.sql("""
                insert into network.pole (network_id, slug, name, carrier_name, territory_label, status, name_verified, note)
                values (:network, :slug, :name, :carrier, :territory, :status, :nameVerified, :note)
                returning id
                """)
                .param("network", networkId).param("slug", slug).param("name", name).param("carrier", carrierName)
                .param("territory", territoryLabel).param("status", status.name())
                .param("nameVerified", nameVerified).param("note", note)
                .query(Long.class).single());
        changed();
        return id;
    }

    private static PoleSummary pole(ResultSet rs) throws SQLException {
        return new PoleSummary(
                new PoleId(rs.getLong("id")),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("carrier_name"),
                rs.getString("territory_label"),
                PoleStatus.valueOf(rs.getString("status")),
                rs.getBoolean("name_verified"),
                rs.getBoolean("coverage_verified"),
                new Contact(rs.getString("name"), rs.getString("email"), rs.getString("phone"), rs.getString("website"),
                        rs.getString("address")),
                rs.getString("note"),
                rs.getString("network_code"),
                rs.getString("network_name"),
                rs.getString("network_region"));
    }
}
