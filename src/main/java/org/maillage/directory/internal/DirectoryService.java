package org.maillage.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.maillage.account.AccountAdministration;
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
import org.maillage.platform.SqlStatements;
import org.maillage.territory.Commune;
import org.maillage.territory.Territories;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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
    private final DirectoryCache cache;
    private final DirectoryProperties properties;
    private final AccountAdministration accounts;
    private final NamedParameterJdbcTemplate namedJdbc;

    DirectoryService(JdbcClient jdbc, Territories territories, Poles poles, Authorizations authorizations,
            DirectoryCache cache, DirectoryProperties properties, AccountAdministration accounts,
            NamedParameterJdbcTemplate namedJdbc) {
        this.namedJdbc = namedJdbc;
        this.cache = cache;
        this.properties = properties;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.territories = territories;
        this.poles = poles;
        this.authorizations = authorizations;
    }

    // --- Search -------------------------------------------------------------------------------

    /** The search statement (src/main/resources/directory/search.sql), its comments removed. */
    private static final String SEARCH_SQL = SqlStatements.read("directory/search.sql");
    private static final String SIMILAR_SQL = SqlStatements.read("directory/similar-structures.sql");


    @Override
    public StructurePage search(StructureQuery query) {
        String text = query.text() == null || query.text().isBlank() ? null : query.text().strip();
        Map<String, String> chosen = chosenFacets(query);
        long offset = (long) query.page() * query.size();
        Map<String, String> poleNames = poleNames();
        if (text != null) {
            // the same words (whatever their case and spaces), facets and page: the same answer, kept a while
            String words = String.join(" ", text.toLowerCase(java.util.Locale.ROOT).split("\\s+"));
            java.util.function.Supplier<FoundPage> search = () -> {
                List<StructureView> rows = new ArrayList<>();
                SearchCounts counts = runSearch(text, chosen, query.size(), offset, rows);
                return new FoundPage(withPlaces(rows, poleNames), counts);
            };
            boolean kept = query.size() <= DirectoryCache.KEPT_PAGE_SIZE && query.page() < DirectoryCache.KEPT_PAGES;
            FoundPage found = kept ? cache.searches.get(new SearchKey(words, Map.copyOf(chosen), query.size(), offset),
                    properties.searchResultsTtl(), search) : search.get();
            return new StructurePage(found.rows(), found.counts().total(), query.page(), query.size(),
                    found.counts().facets(), poleNames);
        }
        // Browsing without words: the counts cover every published structure (kept a while), the
        // page comes in name order from the index.
        SearchCounts counts = cache.browseCounts.get(new BrowseKey(Map.copyOf(chosen)), properties.browseCountsTtl(),
                () -> runSearch(null, chosen, 0, 0, new ArrayList<>()));
        Map<String, Object> params = new HashMap<>();
        chosen.forEach((facet, value) -> params.put("f_" + facet, value));
        List<StructureView> rows = jdbc.sql("select s.* from directory.structure s where s.published"
                        + facetFilter(chosen, null, "s") + " order by s.search_name, s.id limit :size offset :offset")
                .params(params).param("size", query.size()).param("offset", offset).query((rs, row) -> row(rs)).list();
        return new StructurePage(withPlaces(rows, poleNames), counts.total(), query.page(), query.size(), counts.facets(),
                poleNames);
    }

    @Override
    public List<StructureView> similar(SimilarQuery query) {
        String text = query.text() == null || query.text().isBlank() ? null : query.text().strip();
        if (text == null && query.sector() == null) {
            return List.of();
        }
        SqlStatements.planForEachExecution(jdbc);
        return withPlaces(jdbc.sql(SIMILAR_SQL)
                .param("text", text).param("departement", query.departementCode())
                .param("sector", query.sector() == null ? null : query.sector().name())
                .param("pole", query.poleSlug()).param("commune", query.communeCode())
                .param("limit", Math.max(1, Math.min(query.limit(), 50)))
                .query((rs, row) -> row(rs)).list(), poleNames());
    }

    /** A search with words in {@link DirectoryCache}: its words in lower case, facets and page. */
    private record SearchKey(String words, Map<String, String> facets, int size, long offset) {}

    /** The counts of the directory browsed without words, by chosen facets, in {@link DirectoryCache}. */
    private record BrowseKey(Map<String, String> facets) {}

    /** A page of results with their places, and the counts of the search. */
    private record FoundPage(List<StructureView> rows, SearchCounts counts) {}

    /** Runs search.sql: the counts, and the page's structures into {@code rows}. */
    private SearchCounts runSearch(String text, Map<String, String> chosen, int size, long offset,
            List<StructureView> rows) {
        String sql = (text == null ? SEARCH_SQL.replaceAll("/\\*if words\\*/.*?/\\*else ([^*]*)\\*/", "$1")
                : SEARCH_SQL.replaceAll("/\\*if words\\*/|/\\*else [^*]*\\*/", ""))
                .replace("/*all*/", facetFilter(chosen, null, "m"));
        for (String facet : SearchCounts.FACETS) {
            sql = sql.replace("/*but_" + facet + "*/", facetFilter(chosen, facet, "m"));
        }
        Map<String, Object> params = new HashMap<>();
        chosen.forEach((facet, value) -> params.put("f_" + facet, value));
        String[][] counts = {null};
        jdbc.sql(sql).params(params).param("text", text).param("size", size).param("offset", offset).query(rs -> {
            if (counts[0] == null) {
                java.sql.Array array = rs.getArray("counts");
                counts[0] = array == null ? new String[0] : (String[]) array.getArray();
            }
            if (rs.getObject("id") != null) {
                rows.add(row(rs));
            }
        });
        return SearchCounts.parse(counts[0]);
    }

    @Override
    public void exportPublished(StructureQuery filters, java.util.function.Consumer<StructureView> each) {
        Map<String, String> chosen = chosenFacets(filters);
        Map<String, Object> params = new HashMap<>();
        chosen.forEach((facet, value) -> params.put("f_" + facet, value));
        String where = " where s.published" + facetFilter(chosen, null, "s");
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

    /** The chosen facets as conditions on {@code table}, except {@code except} (its own counts ignore its choice). */
    private static String facetFilter(Map<String, String> chosen, String except, String table) {
        StringBuilder filter = new StringBuilder();
        chosen.forEach((facet, value) -> {
            if (!facet.equals(except)) {
                filter.append(" and ").append(table).append('.').append(FACETS.get(facet)).append(" = :f_").append(facet);
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
        return mayManage(user, structure.poleSlug(), structure.regionCode()) || ownListing(user, structure);
    }

    @Override
    public boolean canGiveAccess(CurrentUser user, StructureView structure) {
        return mayManage(user, structure.poleSlug(), structure.regionCode());
    }

    @Override
    @Transactional
    public void giveAccess(CurrentUser user, String slug, String email, String displayName) {
        StructureView structure = findForEditing(user, slug);
        authorizations.check(canGiveAccess(user, structure));
        accounts.invite(user, email.strip(), displayName.strip(), Role.STRUCTURE, structure.slug());
    }

    /** The structure's own people (invited from its page) keep its listing up to date. */
    private static boolean ownListing(CurrentUser user, StructureView structure) {
        return user.scopes(Role.STRUCTURE, ScopeType.STRUCTURE).contains(structure.slug());
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

    private static final String INSERT = """
            insert into directory.structure (slug, name, siret, family, legal_form_code, sector, naf_code, address,
                commune_code, departement_code, region_code, pole_slug, latitude, longitude, employees, website,
                description, published)
            values (:slug, :name, :siret, :family, :legalForm, :sector, :naf, :address, :commune, :departement,
                :region, :pole, :lat, :lon, :employees, :website, :description, :published)
            """;

    /** Rows written per statement batch when importing. */
    private static final int BATCH = 1_000;

    /** A checked structure to add (rights, place and SIRET already checked). */
    record NewStructure(StructureData data, Place place, String siret) {}

    /** Adds a checked structure; its slug. */
    String insert(StructureData data, Place place, String siret) {
        String slug = uniqueSlug(Slugs.of(data.name() + " " + place.commune().name(), 80, "structure"));
        jdbc.sql(INSERT).params(columns(data, place, siret)).param("slug", slug).update();
        cache.clearAfterCommit();
        return slug;
    }

    /**
     * Adds checked structures in batches (one statement batch per {@value #BATCH} rows), in the
     * caller's transaction; {@code progress} hears how many are written so far.
     */
    void insertAll(List<NewStructure> rows, IntConsumer progress) {
        List<String> slugs = uniqueSlugs(rows.stream()
                .map(row -> Slugs.of(row.data().name() + " " + row.place().commune().name(), 80, "structure")).toList());
        for (int from = 0; from < rows.size(); from += BATCH) {
            int to = Math.min(rows.size(), from + BATCH);
            SqlParameterSource[] batch =
                    new SqlParameterSource[to - from];
            for (int i = from; i < to; i++) {
                NewStructure row = rows.get(i);
                Map<String, Object> values = columns(row.data(), row.place(), row.siret());
                values.put("slug", slugs.get(i));
                batch[i - from] = new MapSqlParameterSource(values);
            }
            namedJdbc.batchUpdate(INSERT, batch);
            progress.accept(to);
        }
        cache.clearAfterCommit();
    }

    /** A free slug for each base, "-2", "-3"… after those taken in the directory or earlier in the list. */
    private List<String> uniqueSlugs(List<String> bases) {
        Set<String> taken = new HashSet<>();
        List<String> slugs = new ArrayList<>(bases);
        int[] attempt = new int[bases.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < bases.size(); i++) {
            pending.add(i);
        }
        while (!pending.isEmpty()) {
            List<String> candidates = pending.stream().map(slugs::get).distinct().toList();
            taken.addAll(jdbc.sql("select slug from directory.structure where slug = any(:slugs)")
                    .param("slugs", candidates.toArray(String[]::new)).query(String.class).list());
            List<Integer> retry = new ArrayList<>();
            for (int i : pending) {
                if (taken.add(slugs.get(i))) {
                    continue; // free: now taken by this row
                }
                attempt[i]++;
                slugs.set(i, bases.get(i) + "-" + (attempt[i] + 1));
                retry.add(i);
            }
            pending = retry;
        }
        return slugs;
    }

    @Override
    @Transactional
    public void update(CurrentUser user, String slug, StructureData data) {
        StructureView current = findForEditing(user, slug);
        Place place = place(data.communeCode());
        // moving it to another commune needs the rights there (its own people ask their pôle)
        boolean sameCommune = place.commune().code().equals(current.communeCode());
        if (!mayManage(user, place.poleSlug(), place.commune().regionCode()) && !(sameCommune && ownListing(user, current))) {
            if (ownListing(user, current)) {
                throw new RuleViolationException("structure.commune.askPole");
            }
            authorizations.check(false);
        }
        String siret = checkedSiret(data, current.id());
        jdbc.sql("""
                update directory.structure set name = :name, siret = :siret, family = :family, legal_form_code = :legalForm,
                    sector = :sector, naf_code = :naf, address = :address, commune_code = :commune,
                    departement_code = :departement, region_code = :region, pole_slug = :pole, latitude = :lat,
                    longitude = :lon, employees = :employees, website = :website, description = :description,
                    published = :published, updated_at = now()
                where id = :id
                """).params(columns(data, place, siret)).param("id", current.id()).update();
        cache.clearAfterCommit();
    }

    // --- Memberships ----------------------------------------------------------------------------

    @Override
    public PoleMembers poleMembers(String poleSlug, Integer year) {
        PoleSummary pole = poles.findBySlug(poleSlug).map(c -> c.pole())
                .orElseThrow(() -> new NotFoundException("pole.unknown", poleSlug));
        List<Integer> years = jdbc.sql("""
                        select distinct m.year from directory.membership m join directory.structure s on s.id = m.structure_id
                        where m.pole_slug = :pole and m.status = 'MEMBER' and s.published order by m.year desc""")
                .param("pole", pole.slug()).query(Integer.class).list();
        int shown = year != null ? year : years.isEmpty() ? java.time.Year.now().getValue() : years.get(0);
        List<StructureView> members = withPlaces(jdbc.sql("""
                        select s.* from directory.membership m join directory.structure s on s.id = m.structure_id
                        where m.pole_slug = :pole and m.year = :year and m.status = 'MEMBER' and s.published
                        order by s.search_name, s.id""")
                .param("pole", pole.slug()).param("year", shown).query((rs, row) -> row(rs)).list(), poleNames());
        Map<EssSector, SectorTotal> bySector = new LinkedHashMap<>();
        members.stream().collect(Collectors.groupingBy(StructureView::sector)).entrySet().stream()
                .sorted(Map.Entry.<EssSector, List<StructureView>>comparingByValue(
                        java.util.Comparator.comparingInt(List::size)).reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> bySector.put(e.getKey(), new SectorTotal(e.getValue().size(), employees(e.getValue()))));
        return new PoleMembers(pole.slug(), pole.name(), shown, years, members, employees(members), bySector);
    }

    private static long employees(List<StructureView> structures) {
        return structures.stream().map(StructureView::employees).filter(java.util.Objects::nonNull).mapToLong(Integer::longValue).sum();
    }

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
        return poles.list().stream()
                .collect(Collectors.toMap(PoleSummary::slug, PoleSummary::name, (a, b) -> a, LinkedHashMap::new));
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
