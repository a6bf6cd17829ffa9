package org.maillage.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.PoleRef;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.directory.Directory;
import org.maillage.directory.EssSector;
import org.maillage.directory.MembershipStatus;
import org.maillage.directory.Siret;
import org.maillage.directory.StructureFamily;
import org.maillage.network.PoleResolution;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.maillage.platform.Slugs;
import org.maillage.territory.Commune;
import org.maillage.territory.Territories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class DirectoryService implements Directory {

    /** Facets and the column each counts. */
    private static final Map<String, String> FACETS = Map.of("family", "family", "sector", "sector", "pole", "pole_slug",
            "departement", "departement_code");

    private final JdbcClient jdbc;
    private final Territories territories;
    private final Poles poles;
    private final Authorizations authorizations;

    DirectoryService(JdbcClient jdbc, Territories territories, Poles poles, Authorizations authorizations) {
        this.jdbc = jdbc;
        this.territories = territories;
        this.poles = poles;
        this.authorizations = authorizations;
    }

    // --- Search -------------------------------------------------------------------------------

    @Override
    public StructurePage search(StructureQuery query) {
        Map<String, Object> params = new HashMap<>();
        String text = query.text() == null || query.text().isBlank() ? null : query.text().strip();
        params.put("text", text);
        String matches = text == null ? "true" : """
                (s.search_vector @@ websearch_to_tsquery('french', public.unaccent('public.unaccent'::regdictionary, :text))
                 or s.search_name like '%' || public.search_key(:text) || '%')""";
        Map<String, String> chosen = chosenFacets(query);
        chosen.forEach((facet, value) -> params.put("f_" + facet, value));
        String where = " where s.published and " + matches + facetFilter(chosen, null);
        // best matches first (words of the name weigh most, then a name close to the words typed); else by name
        String order = text == null ? "s.search_name, s.id"
                : "ts_rank(s.search_vector, websearch_to_tsquery('french', public.unaccent('public.unaccent'::regdictionary, :text)))"
                        + " + similarity(s.search_name, public.search_key(:text)) desc, s.search_name, s.id";
        List<StructureView> rows = jdbc.sql("select s.* from directory.structure s" + where
                        + " order by " + order + " limit :size offset :offset")
                .params(params).param("size", query.size()).param("offset", (long) query.page() * query.size())
                .query((rs, row) -> row(rs)).list();
        // The total and the four facets from one scan of the matches: each facet counts as if its own
        // choice were not made (so that one can switch), the total with every choice.
        StringBuilder counting = new StringBuilder("with m as materialized (select s.family, s.sector, s.pole_slug,"
                + " s.departement_code from directory.structure s where s.published and " + matches + ")"
                + " select 'total' as facet, null as value, count(*) filter (where true" + facetFilter(chosen, null)
                + ") as n from m s");
        for (String facet : List.of("family", "sector", "pole", "departement")) {
            String column = FACETS.get(facet);
            counting.append(" union all select '").append(facet).append("', s.").append(column)
                    .append(", count(*) filter (where true").append(facetFilter(chosen, facet)).append(") from m s where s.")
                    .append(column).append(" is not null group by s.").append(column);
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        List.of("family", "sector", "pole", "departement").forEach(facet -> facets.put(facet, new LinkedHashMap<>()));
        long[] total = {0};
        jdbc.sql(counting.toString()).params(params).query((rs, row) -> {
            if ("total".equals(rs.getString("facet"))) {
                total[0] = rs.getLong("n");
            } else if (rs.getLong("n") > 0) {
                facets.get(rs.getString("facet")).put(rs.getString("value"), rs.getLong("n"));
            }
            return null;
        }).list();
        facets.replaceAll((facet, counts) -> counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
        Map<String, String> poleNames = poles.list().stream()
                .collect(Collectors.toMap(PoleSummary::slug, PoleSummary::name, (a, b) -> a, LinkedHashMap::new));
        return new StructurePage(withPlaces(rows, poleNames), total[0], query.page(), query.size(), facets, poleNames);
    }

    @Override
    public void exportPublished(StructureQuery filters, java.util.function.Consumer<StructureView> each) {
        Map<String, String> chosen = chosenFacets(filters);
        Map<String, Object> params = new HashMap<>();
        chosen.forEach((facet, value) -> params.put("f_" + facet, value));
        String where = " where s.published" + facetFilter(chosen, null);
        Map<String, String> poleNames = poleNames();
        Map<String, String> communeNames = territories.findCommunes(jdbc.sql(
                        "select distinct s.commune_code from directory.structure s" + where).params(params)
                        .query(String.class).list())
                .stream().collect(Collectors.toMap(Commune::code, Commune::name));
        jdbc.sql("select s.* from directory.structure s" + where + " order by s.search_name, s.id").params(params)
                .query(rs -> {
                    each.accept(named(row(rs), communeNames, poleNames));
                });
    }

    /** The facets chosen in the query, by facet name. */
    private static Map<String, String> chosenFacets(StructureQuery query) {
        Map<String, String> chosen = new LinkedHashMap<>();
        if (query.family() != null) {
            chosen.put("family", query.family().name());
        }
        if (query.sector() != null) {
            chosen.put("sector", query.sector().name());
        }
        if (query.poleSlug() != null && !query.poleSlug().isBlank()) {
            chosen.put("pole", query.poleSlug());
        }
        if (query.departementCode() != null && !query.departementCode().isBlank()) {
            chosen.put("departement", query.departementCode());
        }
        return chosen;
    }

    /** The chosen facets as conditions, except {@code except} (its own counts ignore its choice). */
    private static String facetFilter(Map<String, String> chosen, String except) {
        StringBuilder filter = new StringBuilder();
        chosen.forEach((facet, value) -> {
            if (!facet.equals(except)) {
                filter.append(" and s.").append(FACETS.get(facet)).append(" = :f_").append(facet);
            }
        });
        return filter.toString();
    }

    // --- One structure ------------------------------------------------------------------------

    @Override
    public Optional<StructureView> findPublished(String slug) {
        return bySlug(slug).filter(StructureView::published);
    }

    private Optional<StructureView> bySlug(String slug) {
        return jdbc.sql("select * from directory.structure where slug = :slug").param("slug", slug)
                .query((rs, row) -> row(rs)).optional()
                .map(view -> withPlaces(List.of(view), poleNames()).get(0));
    }

    @Override
    public StructureView findForEditing(CurrentUser user, String slug) {
        StructureView structure = bySlug(slug).orElseThrow(() -> new NotFoundException("structure.unknown", slug));
        authorizations.check(canEdit(user, structure));
        return structure;
    }

    @Override
    public boolean canEdit(CurrentUser user, StructureView structure) {
        return mayManage(user, structure.poleSlug(), structure.regionCode());
    }

    /** Animators of the pôle covering the commune, coordinators of its region. */
    boolean mayManage(CurrentUser user, String poleSlug, String regionCode) {
        return poleSlug != null ? authorizations.canChangePole(user, new PoleRef(poleSlug, regionCode))
                : user.scopes(Role.COORDINATEUR, ScopeType.REGION).contains(regionCode);
    }

    @Override
    @Transactional
    public String create(CurrentUser user, StructureData data) {
        Place place = place(data.communeCode());
        authorizations.check(mayManage(user, place.poleSlug(), place.commune().regionCode()));
        return insert(data, place, checkedSiret(data, null));
    }

    /** Adds a checked structure (rights, place and SIRET already checked); its slug. */
    String insert(StructureData data, Place place, String siret) {
        String slug = uniqueSlug(Slugs.of(data.name() + " " + place.commune().name(), 80, "structure"));
        jdbc.sql("""
                insert into directory.structure (slug, name, siret, family, legal_form_code, sector, naf_code, address,
                    commune_code, departement_code, region_code, pole_slug, latitude, longitude, employees, website,
                    description, published)
                values (:slug, :name, :siret, :family, :legalForm, :sector, :naf, :address, :commune, :departement,
                    :region, :pole, :lat, :lon, :employees, :website, :description, :published)
                """).params(columns(data, place, siret)).param("slug", slug).update();
        return slug;
    }

    @Override
    @Transactional
    public void update(CurrentUser user, String slug, StructureData data) {
        StructureView current = findForEditing(user, slug);
        Place place = place(data.communeCode());
        // moving it elsewhere needs the rights there too
        authorizations.check(mayManage(user, place.poleSlug(), place.commune().regionCode()));
        String siret = checkedSiret(data, current.id());
        jdbc.sql("""
                update directory.structure set name = :name, siret = :siret, family = :family, legal_form_code = :legalForm,
                    sector = :sector, naf_code = :naf, address = :address, commune_code = :commune,
                    departement_code = :departement, region_code = :region, pole_slug = :pole, latitude = :lat,
                    longitude = :lon, employees = :employees, website = :website, description = :description,
                    published = :published, updated_at = now()
                where id = :id
                """).params(columns(data, place, siret)).param("id", current.id()).update();
    }

    // --- Memberships ----------------------------------------------------------------------------

    @Override
    public List<Membership> memberships(String slug) {
        Map<String, String> names = poleNames();
        return jdbc.sql("""
                select m.* from directory.membership m join directory.structure s on s.id = m.structure_id
                where s.slug = :slug order by m.year desc, m.pole_slug
                """).param("slug", slug)
                .query((rs, row) -> new Membership(rs.getLong("id"), rs.getString("pole_slug"),
                        names.getOrDefault(rs.getString("pole_slug"), rs.getString("pole_slug")), rs.getInt("year"),
                        rs.getBigDecimal("fee"), MembershipStatus.valueOf(rs.getString("status"))))
                .list();
    }

    @Override
    @Transactional
    public void recordMembership(CurrentUser user, String slug, Membership membership) {
        StructureView structure = bySlug(slug).orElseThrow(() -> new NotFoundException("structure.unknown", slug));
        PoleSummary pole = poles.findBySlug(membership.poleSlug()).map(c -> c.pole())
                .orElseThrow(() -> new NotFoundException("pole.unknown", membership.poleSlug()));
        authorizations.check(authorizations.canChangePole(user, new PoleRef(pole.slug(), pole.regionCode())));
        jdbc.sql("""
                insert into directory.membership (structure_id, pole_slug, year, fee, status)
                values (:structure, :pole, :year, :fee, :status)
                on conflict (structure_id, pole_slug, year) do update set fee = excluded.fee, status = excluded.status
                """).param("structure", structure.id()).param("pole", pole.slug()).param("year", membership.year())
                .param("fee", membership.fee()).param("status", membership.status().name()).update();
    }

    @Override
    @Transactional
    public void removeMembership(CurrentUser user, String slug, long membershipId) {
        Membership membership = memberships(slug).stream().filter(m -> m.id() == membershipId).findFirst()
                .orElseThrow(() -> new NotFoundException("membership.unknown", membershipId));
        PoleSummary pole = poles.findBySlug(membership.poleSlug()).map(c -> c.pole())
                .orElseThrow(() -> new NotFoundException("pole.unknown", membership.poleSlug()));
        authorizations.check(authorizations.canChangePole(user, new PoleRef(pole.slug(), pole.regionCode())));
        jdbc.sql("delete from directory.membership where id = :id").param("id", membershipId).update();
    }

    // --- Helpers ------------------------------------------------------------------------------

    /** A commune and the pôle covering it (or null). */
    record Place(Commune commune, String poleSlug) {}

    private Place place(String communeCode) {
        Commune commune = territories.findCommune(communeCode == null ? "" : communeCode.strip())
                .orElseThrow(() -> new RuleViolationException("structure.commune.unknown", communeCode));
        PoleResolution resolution = poles.resolve(commune.code());
        return new Place(commune, resolution.pole() == null ? null : resolution.pole().slug());
    }

    /** The SIRET, normalised; null for an association without one. */
    private String checkedSiret(StructureData data, Long exceptId) {
        String siret = Siret.normalize(data.siret());
        if (siret.isEmpty()) {
            if (data.family() != StructureFamily.ASSOCIATION) {
                throw new RuleViolationException("structure.siret.required");
            }
            return null;
        }
        if (!Siret.isValid(siret)) {
            throw new RuleViolationException("structure.siret.invalid");
        }
        boolean taken = jdbc.sql("select count(*) from directory.structure where siret = :siret and id <> :id")
                .param("siret", siret).param("id", exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
        if (taken) {
            throw new RuleViolationException("structure.siret.taken");
        }
        return siret;
    }

    private static Map<String, Object> columns(StructureData data, Place place, String siret) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", data.name().strip());
        columns.put("siret", siret);
        columns.put("family", data.family().name());
        columns.put("legalForm", blankToNull(data.legalFormCode()));
        columns.put("sector", data.sector().name());
        columns.put("naf", blankToNull(data.nafCode()));
        columns.put("address", blankToNull(data.address()));
        columns.put("commune", place.commune().code());
        columns.put("departement", place.commune().departementCode());
        columns.put("region", place.commune().regionCode());
        columns.put("pole", place.poleSlug());
        columns.put("lat", data.latitude());
        columns.put("lon", data.longitude());
        columns.put("employees", data.employees());
        columns.put("website", blankToNull(data.website()));
        columns.put("description", data.description() == null ? "" : data.description().strip());
        columns.put("published", data.published());
        return columns;
    }

    private Map<String, String> poleNames() {
        return poles.list().stream().collect(Collectors.toMap(PoleSummary::slug, PoleSummary::name, (a, b) -> a));
    }

    /** The same views with their commune and pôle names. */
    private List<StructureView> withPlaces(List<StructureView> rows, Map<String, String> poleNames) {
        Map<String, String> communeNames = territories.findCommunes(rows.stream().map(StructureView::communeCode).toList())
                .stream().collect(Collectors.toMap(Commune::code, Commune::name));
        return rows.stream().map(s -> named(s, communeNames, poleNames)).toList();
    }

    /** The view with the names of its commune and pôle. */
    private static StructureView named(StructureView s, Map<String, String> communeNames, Map<String, String> poleNames) {
        return new StructureView(s.id(), s.slug(), s.name(), s.siret(), s.family(), s.legalFormCode(), s.sector(),
                s.nafCode(), s.address(), s.communeCode(), communeNames.getOrDefault(s.communeCode(), s.communeCode()),
                s.departementCode(), s.regionCode(), s.poleSlug(), s.poleSlug() == null ? null : poleNames.get(s.poleSlug()),
                s.latitude(), s.longitude(), s.employees(), s.website(), s.description(), s.published());
    }

    private static StructureView row(ResultSet rs) throws SQLException {
        return new StructureView(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("siret"),
                StructureFamily.valueOf(rs.getString("family")), rs.getString("legal_form_code"),
                EssSector.valueOf(rs.getString("sector")), rs.getString("naf_code"), rs.getString("address"),
                rs.getString("commune_code"), null, rs.getString("departement_code"), rs.getString("region_code"),
                rs.getString("pole_slug"), null, (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                (Integer) rs.getObject("employees"), rs.getString("website"), rs.getString("description"),
                rs.getBoolean("published"));
    }

    private String uniqueSlug(String base) {
        String slug = base;
        for (int i = 2; jdbc.sql("select count(*) from directory.structure where slug = :slug").param("slug", slug)
                .query(Long.class).single() > 0; i++) {
            slug = base + "-" + i;
        }
        return slug;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
