package org.maillage.offer.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.maillage.network.PoleResolution;
import org.maillage.network.Poles;
import org.maillage.offer.Orientation;
import org.maillage.offer.OrientationRules;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.offer.Scheme;
import org.maillage.offer.SchemeKind;
import org.maillage.offer.Schemes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class SchemeService implements Schemes, Orientation {

    private final JdbcClient jdbc;
    private final Poles poles;

    SchemeService(JdbcClient jdbc, Poles poles) {
        this.jdbc = jdbc;
        this.poles = poles;
    }

    @Override
    public List<Scheme> list() {
        return schemes(null);
    }

    @Override
    public Optional<Scheme> find(String slug) {
        return schemes(slug).stream().findFirst();
    }

    private List<Scheme> schemes(String slug) {
        Map<String, List<Scheme.Session>> sessions = jdbc.sql("""
                        select * from offer.scheme_session where starts_on >= current_date - 31
                        and (cast(:slug as text) is null or scheme_slug = :slug) order by starts_on""")
                .param("slug", slug)
                .query((rs, row) -> Map.entry(rs.getString("scheme_slug"), new Scheme.Session(
                        rs.getObject("starts_on", LocalDate.class), rs.getString("place"),
                        (Integer) rs.getObject("places_left"), rs.getObject("apply_by", LocalDate.class))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("""
                        select s.*, o.name as operator_name from offer.scheme s join offer.operator o on o.slug = s.operator_slug
                        where cast(:slug as text) is null or s.slug = :slug order by public.search_key(s.name), s.slug""")
                .param("slug", slug)
                .query((rs, row) -> scheme(rs, sessions.getOrDefault(rs.getString("slug"), List.of()))).list();
    }

    private static Scheme scheme(ResultSet rs, List<Scheme.Session> sessions) throws SQLException {
        return new Scheme(rs.getString("slug"), rs.getString("operator_slug"), rs.getString("operator_name"),
                rs.getString("name"), SchemeKind.valueOf(rs.getString("kind")),
                values(rs.getArray("stages"), ProjectStage::valueOf), values(rs.getArray("needs"), ProjectNeed::valueOf),
                rs.getBoolean("collective_only"), values(rs.getArray("legal_forms"), Function.identity()),
                values(rs.getArray("sectors"), Function.identity()),
                new Scheme.Coverage(values(rs.getArray("coverage_regions"), Function.identity()),
                        values(rs.getArray("coverage_departements"), Function.identity()),
                        values(rs.getArray("coverage_epcis"), Function.identity()),
                        values(rs.getArray("coverage_poles"), Function.identity())),
                (Integer) rs.getObject("capacity_per_year"), sessions, rs.getString("contact_email"),
                rs.getString("website"), rs.getString("description"));
    }

    private static <T> Set<T> values(Array array, Function<String, T> parse) throws SQLException {
        return array == null ? Set.of()
                : Arrays.stream((String[]) array.getArray()).map(parse).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Result orient(Request request) {
        PoleResolution resolution = poles.resolve(request.communeCode()); // NotFoundException for an unknown commune
        Scheme.Place place = place(resolution);
        List<OrientationRules.Suggestion> ranked = OrientationRules.rank(new OrientationRules.Project(request.stage(),
                request.needs(), request.sector(), request.collective(), request.legalForm()), place, list(), LocalDate.now());
        return new Result(place, place.poleSlug(), resolution.covered() ? resolution.pole().name() : null,
                resolution.coordination() == null ? null : resolution.coordination().name(), ranked);
    }

    @Override
    public Continuum continuum(String communeCode) {
        PoleResolution resolution = communeCode == null ? null : poles.resolve(communeCode);
        Scheme.Place place = resolution == null ? null : place(resolution);
        Map<ProjectStage, List<Scheme>> byStage = new java.util.EnumMap<>(ProjectStage.class);
        List<Scheme> catalogue = list();
        for (ProjectStage stage : ProjectStage.values()) {
            byStage.put(stage, catalogue.stream()
                    .filter(scheme -> scheme.stages().contains(stage) && (place == null || scheme.coverage().covers(place)))
                    .sorted(java.util.Comparator.comparing(Scheme::kind).thenComparing(Scheme::name)).toList());
        }
        return new Continuum(place, place == null ? null : place.poleSlug(),
                resolution != null && resolution.covered() ? resolution.pole().name() : null,
                resolution == null || resolution.coordination() == null ? null : resolution.coordination().name(), byStage);
    }

    private static Scheme.Place place(PoleResolution resolution) {
        var commune = resolution.commune();
        return new Scheme.Place(commune.code(), commune.name(), commune.departementCode(), commune.regionCode(),
                commune.epciCode(), resolution.covered() ? resolution.pole().slug() : null);
    }
}
