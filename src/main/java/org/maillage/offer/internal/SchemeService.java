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
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.network.PoleResolution;
import org.maillage.network.Poles;
import org.maillage.offer.Operator;
import org.maillage.offer.Operators;
import org.maillage.offer.Orientation;
import org.maillage.offer.OrientationRules;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.offer.Scheme;
import org.maillage.offer.SchemeData;
import org.maillage.offer.SchemeKind;
import org.maillage.offer.Schemes;
import org.maillage.platform.AfterCommit;
import org.maillage.platform.Audit;
import org.maillage.platform.AuditEvent;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.maillage.platform.Slugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class SchemeService implements Schemes, Orientation {

    static final String AUDIT_SUBJECT = "SCHEME";
    private static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");

    private final JdbcClient jdbc;
    private final Poles poles;
    private final Operators operators;
    private final Authorizations authorizations;
    private final Audit audit;
    private final OfferProperties properties;

    /** The catalogue as the engine reads it: every scheme, and the region of each operator. */
    private record Catalogue(List<Scheme> schemes, Map<String, String> operatorRegions, java.time.Instant expires,
            long changes) {}

    private volatile Catalogue catalogue;
    /** Changes of the catalogue committed on this node so far. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    SchemeService(JdbcClient jdbc, Poles poles, Operators operators, Authorizations authorizations, Audit audit,
            OfferProperties properties) {
        this.jdbc = jdbc;
        this.poles = poles;
        this.operators = operators;
        this.authorizations = authorizations;
        this.audit = audit;
        this.properties = properties;
    }

    /** The catalogue, read again when older than its time to live or changed on this node. */
    private Catalogue catalogue() {
        java.time.Instant now = java.time.Instant.now();
        Catalogue kept = catalogue;
        long committed = changes.get();
        if (kept == null || !kept.expires().isAfter(now) || kept.changes() != committed) {
            // read after the count of changes: one committed while reading makes it stale at the next read
            Map<String, String> regions = new java.util.HashMap<>();
            operators.list().forEach(operator -> regions.put(operator.slug(), operator.regionCode()));
            kept = new Catalogue(list(), regions, now.plus(properties.catalogueTtl()), committed);
            if (!properties.catalogueTtl().isZero()) {
                catalogue = kept;
            }
        }
        return kept;
    }

    /** After a change of the catalogue: the engine reads it again once the change is committed. */
    private void forgetCatalogueAfterCommit() {
        AfterCommit.run(changes::incrementAndGet);
    }

    @Override
    public List<Scheme> list() {
        return schemes("true", Map.of());
    }

    @Override
    public Optional<Scheme> find(String slug) {
        return schemes("s.slug = :slug", Map.of("slug", slug)).stream().findFirst();
    }

    /**
     * The schemes that matter for a place: those of its region's operators (open there or not: the
     * engine says why not) and those open there from elsewhere. A national catalogue stays out.
     */
    private List<Scheme> schemesFor(Scheme.Place place) {
        Catalogue current = catalogue();
        return current.schemes().stream().filter(scheme -> scheme.coverage().covers(place)
                || java.util.Objects.equals(current.operatorRegions().get(scheme.operatorSlug()), place.regionCode())).toList();
    }

    /** The schemes meeting a condition on {@code s} (the scheme) and {@code o} (its operator), by name. */
    private List<Scheme> schemes(String condition, Map<String, ?> params) {
        Map<String, List<Scheme.Session>> sessions = jdbc.sql("""
                        select e.* from offer.scheme_session e join offer.scheme s on s.slug = e.scheme_slug
                        join offer.operator o on o.slug = s.operator_slug
                        where e.starts_on >= current_date - 31""" + " and (" + condition + ") order by e.starts_on")
                .params(params)
                .query((rs, row) -> Map.entry(rs.getString("scheme_slug"), new Scheme.Session(rs.getLong("id"),
                        rs.getObject("starts_on", LocalDate.class), rs.getString("place"),
                        (Integer) rs.getObject("places_left"), rs.getObject("apply_by", LocalDate.class))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("""
                        select s.*, o.name as operator_name from offer.scheme s join offer.operator o on o.slug = s.operator_slug
                        where""" + " (" + condition + ") order by public.search_key(s.name), s.slug")
                .params(params)
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
                rs.getString("website"), rs.getString("description"),
                rs.getObject("updated_at", java.time.OffsetDateTime.class).atZoneSameInstant(PARIS).toLocalDate());
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
                request.needs(), request.sector(), request.collective(), request.legalForm()), place, schemesFor(place),
                LocalDate.now());
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

    @Override
    public List<Operator> operatorsMaintainedBy(CurrentUser user) {
        return operators.list().stream()
                .filter(o -> authorizations.canMaintainSchemesOf(user, o.slug(), o.regionCode())).toList();
    }

    @Override
    public List<Scheme> maintainedBy(CurrentUser user) {
        List<String> slugs = operatorsMaintainedBy(user).stream().map(Operator::slug).toList();
        return slugs.isEmpty() ? List.of()
                : schemes("s.operator_slug = any(:operators)", Map.of("operators", slugs.toArray(String[]::new)));
    }

    @Override
    public Scheme findForMaintenance(CurrentUser user, String slug) {
        Scheme scheme = find(slug).orElseThrow(() -> new NotFoundException("scheme.unknown", slug));
        requireMaintainer(user, scheme.operatorSlug());
        return scheme;
    }

    /** The operator, when the user maintains its schemes; 403 otherwise. */
    private Operator requireMaintainer(CurrentUser user, String operatorSlug) {
        Operator operator = operators.find(operatorSlug)
                .orElseThrow(() -> new RuleViolationException("scheme.operator.unknown"));
        authorizations.check(authorizations.canMaintainSchemesOf(user, operator.slug(), operator.regionCode()));
        return operator;
    }

    @Override
    @Transactional
    public String create(CurrentUser user, SchemeData data) {
        Operator operator = requireMaintainer(user, data.operatorSlug());
        checkRules(data);
        String base = Slugs.of(data.name(), 70, "dispositif");
        if (base.equals("nouveau")) {
            base = "nouveau-dispositif"; // /espace/dispositifs/nouveau is the form of a new scheme
        }
        String slug = base;
        for (int n = 2; insert(jdbc, slug, data) == 0; n++) {
            slug = base + "-" + n;
        }
        forgetCatalogueAfterCommit();
        audit.record(new AuditEvent("CREATE", AUDIT_SUBJECT, slug, null, operator.regionCode(),
                Map.of("fields", List.of("dispositif"))));
        return slug;
    }

    @Override
    @Transactional
    public void update(CurrentUser user, String slug, SchemeData data) {
        Scheme current = findForMaintenance(user, slug);
        Operator operator = requireMaintainer(user, data.operatorSlug()); // moving it: to an operator they maintain
        checkRules(data);
        jdbc.sql("""
                update offer.scheme set operator_slug = :operator, name = :name, kind = :kind, stages = :stages,
                    needs = :needs, collective_only = :collective, legal_forms = :legalForms, sectors = :sectors,
                    coverage_regions = :regions, coverage_departements = :departements, coverage_epcis = :epcis,
                    coverage_poles = :poles, capacity_per_year = :capacity, contact_email = :email,
                    website = :website, description = :description, updated_at = now()
                where slug = :slug""").params(columns(data)).param("slug", slug).update();
        forgetCatalogueAfterCommit();
        audit.record(new AuditEvent("UPDATE", AUDIT_SUBJECT, slug, null, operator.regionCode(),
                Map.of("fields", changedFields(SchemeData.of(current), data))));
    }

    private String regionOf(Scheme scheme) {
        return operators.find(scheme.operatorSlug()).map(Operator::regionCode).orElse(null);
    }

    /** What a scheme must have to be found by the engine. */
    private static void checkRules(SchemeData data) {
        Scheme.Coverage coverage = data.coverage();
        if (coverage == null || coverage.regions().isEmpty() && coverage.departements().isEmpty()
                && coverage.epcis().isEmpty() && coverage.poles().isEmpty()) {
            throw new RuleViolationException("scheme.coverage.empty");
        }
    }

    private static List<String> changedFields(SchemeData before, SchemeData after) {
        List<String> changed = new java.util.ArrayList<>();
        for (var component : SchemeData.class.getRecordComponents()) {
            try {
                if (!java.util.Objects.equals(component.getAccessor().invoke(before), component.getAccessor().invoke(after))) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    /** Inserts the scheme unless its slug is taken; the number of rows inserted (0 or 1). */
    static int insert(JdbcClient jdbc, String slug, SchemeData data) {
        return jdbc.sql("""
                insert into offer.scheme (slug, operator_slug, name, kind, stages, needs, collective_only, legal_forms,
                    sectors, coverage_regions, coverage_departements, coverage_epcis, coverage_poles,
                    capacity_per_year, contact_email, website, description)
                values (:slug, :operator, :name, :kind, :stages, :needs, :collective, :legalForms, :sectors,
                    :regions, :departements, :epcis, :poles, :capacity, :email, :website, :description)
                on conflict (slug) do nothing""").params(columns(data)).param("slug", slug).update();
    }

    private static Map<String, Object> columns(SchemeData data) {
        Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("operator", data.operatorSlug());
        columns.put("name", data.name().strip());
        columns.put("kind", data.kind().name());
        columns.put("stages", sorted(data.stages().stream().map(Enum::name)));
        columns.put("needs", sorted(data.needs().stream().map(Enum::name)));
        columns.put("collective", data.collectiveOnly());
        columns.put("legalForms", sorted(data.legalForms().stream()));
        columns.put("sectors", sorted(data.sectors().stream()));
        columns.put("regions", sorted(data.coverage().regions().stream()));
        columns.put("departements", sorted(data.coverage().departements().stream()));
        columns.put("epcis", sorted(data.coverage().epcis().stream()));
        columns.put("poles", sorted(data.coverage().poles().stream()));
        columns.put("capacity", data.capacityPerYear());
        columns.put("email", blankToNull(data.contactEmail()));
        columns.put("website", blankToNull(data.website()));
        columns.put("description", data.description() == null ? "" : data.description().strip());
        return columns;
    }

    private static String[] sorted(java.util.stream.Stream<String> values) {
        return values.sorted().toArray(String[]::new);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    @Transactional
    public Scheme addSession(CurrentUser user, String slug, Scheme.Session session) {
        Scheme scheme = findForMaintenance(user, slug);
        if (session.applyBy() != null && session.applyBy().isAfter(session.startsOn())) {
            throw new RuleViolationException("scheme.session.applyAfterStart");
        }
        jdbc.sql("""
                insert into offer.scheme_session (scheme_slug, starts_on, place, places_left, apply_by)
                values (:slug, :startsOn, :place, :placesLeft, :applyBy)""")
                .param("slug", slug).param("startsOn", session.startsOn()).param("place", blankToNull(session.place()))
                .param("placesLeft", session.placesLeft()).param("applyBy", session.applyBy()).update();
        forgetCatalogueAfterCommit();
        audit.record(new AuditEvent("UPDATE", AUDIT_SUBJECT, slug, null, regionOf(scheme), Map.of("fields", List.of("sessions"))));
        return find(scheme.slug()).orElseThrow();
    }

    @Override
    @Transactional
    public void removeSession(CurrentUser user, String slug, long sessionId) {
        Scheme scheme = findForMaintenance(user, slug);
        if (jdbc.sql("delete from offer.scheme_session where id = :id and scheme_slug = :slug").param("id", sessionId)
                .param("slug", slug).update() == 0) {
            throw new NotFoundException("scheme.session.unknown", sessionId);
        }
        forgetCatalogueAfterCommit();
        audit.record(new AuditEvent("UPDATE", AUDIT_SUBJECT, slug, null, regionOf(scheme), Map.of("fields", List.of("sessions"))));
    }

    private static Scheme.Place place(PoleResolution resolution) {
        var commune = resolution.commune();
        return new Scheme.Place(commune.code(), commune.name(), commune.departementCode(), commune.regionCode(),
                commune.epciCode(), resolution.covered() ? resolution.pole().slug() : null);
    }
}
