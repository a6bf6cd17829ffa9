package org.maillage.cooperation.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.cooperation.Exchanges;
import org.maillage.cooperation.ListingCategory;
import org.maillage.cooperation.ListingKind;
import org.maillage.cooperation.MatchOutcome;
import org.maillage.directory.Directory.StructureView;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.platform.Email;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.Notifications;
import org.maillage.platform.RuleViolationException;
import org.maillage.territory.Commune;
import org.maillage.territory.GeoPoint;
import org.maillage.territory.Territories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Offers and needs, their matching and the matches with the business they led to. */
@Service
class ExchangeService implements Exchanges {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int PAGE_SIZE = 20;
    /** The last page one may ask for (beyond, the last one is given). */
    private static final int MAX_PAGE = 10_000;
    /** How many candidates matching reads at most, newest first, before ranking them. */
    private static final int CANDIDATES = 500;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private final JdbcClient jdbc;
    private final CooperationAccess access;
    private final Authorizations authorizations;
    private final Territories territories;
    private final Poles poles;
    private final Notifications notifications;
    private final CooperationProperties properties;
    private final Clock clock;

    ExchangeService(JdbcClient jdbc, CooperationAccess access, Authorizations authorizations, Territories territories,
            Poles poles, Notifications notifications, CooperationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.authorizations = authorizations;
        this.territories = territories;
        this.poles = poles;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<StructureChoice> structuresActingFor(CurrentUser user) {
        return access.structuresActingFor(user);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> networkRegions(CurrentUser user) {
        return Set.copyOf(access.regions(user));
    }

    @Override
    public List<org.maillage.network.PoleSummary> followedPoles(CurrentUser user) {
        return access.followedPoles(user).stream()
                .sorted(java.util.Comparator.comparing(org.maillage.network.PoleSummary::name)).toList();
    }

    @Override
    @Transactional
    public long publish(CurrentUser user, NewListing listing) {
        StructureView structure = access.actingFor(user, listing.structureSlug());
        if (!access.member(structure.slug())) {
            throw new RuleViolationException("cooperation.listing.notMember", structure.name());
        }
        Place place = checked(listing, structure);
        Instant now = clock.instant();
        return jdbc.sql("""
                insert into cooperation.listing (kind, category, structure_slug, structure_name, pole_slug, region_code,
                    departement_code, commune_code, latitude, longitude, title, description, available_from, available_until,
                    contact_name, contact_email, created_by, created_at, updated_at)
                values (:kind, :category, :structure, :name, :pole, :region, :departement, :commune, :latitude, :longitude,
                    :title, :description, :from, :until, :contactName, :contactEmail, :by, :now, :now)
                returning id
                """).param("kind", listing.kind().name()).param("category", listing.category().name())
                .param("structure", structure.slug()).param("name", structure.name()).param("pole", place.poleSlug())
                .param("region", place.commune().regionCode()).param("departement", place.commune().departementCode())
                .param("commune", place.commune().code()).param("latitude", place.latitude()).param("longitude", place.longitude())
                .param("title", listing.title().strip())
                .param("description", strip(listing.description())).param("from", Date.valueOf(listing.availableFrom()))
                .param("until", listing.availableUntil() == null ? null : Date.valueOf(listing.availableUntil()))
                .param("contactName", listing.contactName().strip()).param("contactEmail", listing.contactEmail().strip())
                .param("by", user.id().value()).param("now", Timestamp.from(now)).query(Long.class).single();
    }

    @Override
    @Transactional
    public void update(CurrentUser user, long id, NewListing listing) {
        ListingView current = listing(user, id);
        authorizations.check(current.manageable());
        if (listing.kind() != current.kind()) {
            throw new RuleViolationException("cooperation.listing.kind.fixed"); // its matches need it to stay
        }
        StructureView structure = access.actingFor(user, current.structureSlug());
        Place place = checked(listing, structure);
        jdbc.sql("""
                update cooperation.listing set kind = :kind, category = :category, pole_slug = :pole, region_code = :region,
                    departement_code = :departement, commune_code = :commune, latitude = :latitude, longitude = :longitude,
                    title = :title, description = :description,
                    available_from = :from, available_until = :until, contact_name = :contactName,
                    contact_email = :contactEmail, updated_at = :now
                where id = :id
                """).param("kind", listing.kind().name()).param("category", listing.category().name())
                .param("pole", place.poleSlug()).param("region", place.commune().regionCode())
                .param("departement", place.commune().departementCode()).param("commune", place.commune().code())
                .param("latitude", place.latitude()).param("longitude", place.longitude())
                .param("title", listing.title().strip()).param("description", strip(listing.description()))
                .param("from", Date.valueOf(listing.availableFrom()))
                .param("until", listing.availableUntil() == null ? null : Date.valueOf(listing.availableUntil()))
                .param("contactName", listing.contactName().strip()).param("contactEmail", listing.contactEmail().strip())
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    @Override
    @Transactional
    public void withdraw(CurrentUser user, long id) {
        authorizations.check(listing(user, id).manageable());
        // the contact's name and address go with it: the matches already made keep what they sent
        jdbc.sql("""
                update cooperation.listing set closed_at = coalesce(closed_at, :now), updated_at = :now,
                    contact_name = '-', contact_email = '' where id = :id""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /** Where a listing is: its commune, the pôle covering it and the commune's centre (null when unknown). */
    private record Place(Commune commune, String poleSlug, GeoPoint at) {

        Double latitude() {
            return at == null ? null : at.latitude();
        }

        Double longitude() {
            return at == null ? null : at.longitude();
        }
    }

    /** Where the listing is; refused with the French reason when the listing is not one. */
    private Place checked(NewListing listing, StructureView structure) {
        String title = listing.title() == null ? "" : listing.title().strip();
        if (title.isEmpty() || title.length() > 150) {
            throw new RuleViolationException("cooperation.listing.title.invalid");
        }
        if (strip(listing.description()).length() > 3000) {
            throw new RuleViolationException("cooperation.listing.description.tooLong");
        }
        if (listing.kind() == null || listing.category() == null) {
            throw new RuleViolationException("cooperation.listing.category.blank");
        }
        if (listing.availableFrom() == null
                || (listing.availableUntil() != null && listing.availableUntil().isBefore(listing.availableFrom()))) {
            throw new RuleViolationException("cooperation.listing.dates.invalid");
        }
        if (listing.contactName() == null || listing.contactName().isBlank() || listing.contactName().strip().length() > 120
                || listing.contactEmail() == null || !EMAIL.matcher(listing.contactEmail().strip()).matches()
                || listing.contactEmail().strip().length() > 254) {
            throw new RuleViolationException("cooperation.listing.contact.invalid");
        }
        String code = listing.communeCode() == null ? structure.communeCode() : listing.communeCode();
        Commune commune = code == null ? null : territories.findCommune(code).orElse(null);
        if (commune == null) {
            throw new RuleViolationException("cooperation.commune.unknown");
        }
        if (!commune.regionCode().equals(structure.regionCode())) {
            throw new RuleViolationException("cooperation.listing.commune.outsideRegion", commune.name());
        }
        String pole = code.equals(structure.communeCode()) && structure.poleSlug() != null ? structure.poleSlug()
                : poleOf(commune.code());
        return new Place(commune, pole, territories.communeCentres(Set.of(commune.code())).get(commune.code()));
    }

    private String poleOf(String communeCode) {
        PoleSummary pole = poles.resolve(communeCode).pole();
        return pole == null ? null : pole.slug();
    }

    static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private ListingView view(ResultSet rs, CurrentUser user) throws SQLException {
        String structure = rs.getString("structure_slug");
        String pole = rs.getString("pole_slug");
        String region = rs.getString("region_code");
        String commune = rs.getString("commune_code");
        return new ListingView(rs.getLong("id"), ListingKind.valueOf(rs.getString("kind")),
                ListingCategory.valueOf(rs.getString("category")), structure, rs.getString("structure_name"), pole, region,
                commune, commune, rs.getString("title"), rs.getString("description"),
                rs.getDate("available_from").toLocalDate(),
                rs.getDate("available_until") == null ? null : rs.getDate("available_until").toLocalDate(),
                rs.getString("contact_name"), rs.getString("contact_email"),
                rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(), access.mayActFor(user, structure, pole, region));
    }

    /** The listings of the rows, with their communes' names (read at once). */
    private List<ListingView> views(CurrentUser user, JdbcClient.StatementSpec statement) {
        List<ListingView> rows = statement.query((rs, n) -> view(rs, user)).list();
        Map<String, String> names = access.communeNames(rows.stream().map(ListingView::communeCode).toList());
        return rows.stream().map(v -> new ListingView(v.id(), v.kind(), v.category(), v.structureSlug(),
                v.structureName(), v.poleSlug(), v.regionCode(), v.communeCode(),
                names.getOrDefault(v.communeCode(), v.communeCode()), v.title(), v.description(), v.availableFrom(),
                v.availableUntil(), v.contactName(), v.contactEmail(), v.closedAt(), v.createdAt(), v.manageable()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public ListingView listing(CurrentUser user, long id) {
        List<ListingView> found = views(user, jdbc.sql("select * from cooperation.listing where id = :id").param("id", id));
        if (found.isEmpty()) {
            throw new NotFoundException("cooperation.listing.unknown", id);
        }
        access.requireNetwork(user, found.get(0).regionCode());
        return found.get(0);
    }

    @Override
    @Transactional(readOnly = true)
    public ListingPage board(CurrentUser user, BoardQuery query) {
        Set<String> regions = access.regions(user);
        authorizations.check(!regions.isEmpty());
        List<String> where = new ArrayList<>(List.of("l.region_code in (:regions)"));
        Map<String, Object> params = new HashMap<>();
        params.put("regions", List.copyOf(regions));
        if (query.mine()) {
            Set<String> own = new java.util.HashSet<>(access.ownStructures(user));
            List<String> condition = new ArrayList<>();
            if (!own.isEmpty()) {
                condition.add("l.structure_slug in (:own)");
                params.put("own", List.copyOf(own));
            }
            Set<String> followed = access.animatedPoles(user);
            if (!followed.isEmpty()) {
                condition.add("l.pole_slug in (:followed)");
                params.put("followed", List.copyOf(followed));
            }
            Set<String> coordinated = user.scopes(org.maillage.account.Role.COORDINATEUR,
                    org.maillage.account.ScopeType.REGION);
            if (!coordinated.isEmpty()) {
                condition.add("l.region_code in (:coordinated)");
                params.put("coordinated", List.copyOf(coordinated));
            }
            where.add(condition.isEmpty() ? "false" : "(" + String.join(" or ", condition) + ")");
        } else {
            where.add("l.closed_at is null and (l.available_until is null or l.available_until >= :today)");
            params.put("today", Date.valueOf(LocalDate.now(clock.withZone(PARIS))));
        }
        if (query.kind() != null) {
            where.add("l.kind = :kind");
            params.put("kind", query.kind().name());
        }
        if (query.category() != null) {
            where.add("l.category = :category");
            params.put("category", query.category().name());
        }
        if (query.poleSlug() != null && !query.poleSlug().isBlank()) {
            where.add("l.pole_slug = :pole");
            params.put("pole", query.poleSlug());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.add("l.search @@ plainto_tsquery('french', public.unaccent('public.unaccent'::regdictionary, :text))");
            params.put("text", query.text().strip());
        }
        String condition = String.join(" and ", where);
        long total = jdbc.sql("select count(*) from cooperation.listing l where " + condition).params(params)
                .query(Long.class).single();
        int page = Math.min(MAX_PAGE, Math.max(0, query.page()));
        List<ListingView> rows = views(user, jdbc.sql("select l.* from cooperation.listing l where " + condition
                + " order by l.created_at desc, l.id desc limit :size offset :offset").params(params)
                .param("size", PAGE_SIZE).param("offset", (long) page * PAGE_SIZE));
        return new ListingPage(rows, total, page, PAGE_SIZE);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Suggestion> suggestions(CurrentUser user, long id) {
        ListingView listing = listing(user, id);
        Set<String> regions = access.regions(user);
        List<String> categories = listing.category().answeredBy().stream().map(Enum::name).toList();
        // in the pôle, or in a box around the listing's commune wide enough for the nearby distance
        double[] box = jdbc.sql("select latitude, longitude from cooperation.listing where id = :id").param("id", id)
                .query((rs, n) -> rs.getObject(1) == null ? null : box(rs.getDouble(1), rs.getDouble(2), properties.nearbyKm()))
                .single();
        List<ListingView> candidates = views(user, jdbc.sql("""
                select l.* from cooperation.listing l
                where l.kind = :kind and l.category in (:categories) and l.closed_at is null
                    and (l.available_until is null or l.available_until >= :today)
                    and l.structure_slug <> :structure and l.region_code in (:regions)
                    and (l.pole_slug = :pole or (l.latitude between :south and :north and l.longitude between :west and :east))
                order by l.created_at desc limit :limit
                """).param("kind", listing.kind().counterpart().name()).param("categories", categories)
                .param("today", Date.valueOf(LocalDate.now(clock.withZone(PARIS))))
                .param("structure", listing.structureSlug()).param("regions", List.copyOf(regions))
                .param("pole", listing.poleSlug() == null ? "" : listing.poleSlug())
                .param("south", box == null ? 1.0 : box[0]).param("north", box == null ? 0.0 : box[1])
                .param("west", box == null ? 1.0 : box[2]).param("east", box == null ? 0.0 : box[3])
                .param("limit", CANDIDATES));
        Set<String> codes = new java.util.HashSet<>();
        codes.add(listing.communeCode());
        candidates.forEach(c -> codes.add(c.communeCode()));
        Map<String, GeoPoint> centres = territories.communeCentres(codes);
        Map<Long, ListingView> byId = new HashMap<>();
        candidates.forEach(c -> byId.put(c.id(), c));
        List<MatchingRules.Scored> ranked = MatchingRules.rank(rule(listing, centres),
                candidates.stream().map(c -> rule(c, centres)).toList(), properties.nearbyKm(), 10);
        Map<Long, Long> matches = new HashMap<>();
        String side = listing.kind() == ListingKind.OFFER ? "offer_id" : "need_id";
        String other = listing.kind() == ListingKind.OFFER ? "need_id" : "offer_id";
        jdbc.sql("select id, " + other + " from cooperation.match where " + side + " = :id").param("id", id)
                .query(rs -> {
                    matches.put(rs.getLong(2), rs.getLong(1));
                });
        return ranked.stream().map(s -> new Suggestion(byId.get(s.counterpart().id()), s.score(), s.samePole(),
                s.distanceKm(), s.sharedWords(), matches.get(s.counterpart().id()))).toList();
    }

    /** South, north, west and east bounds (degrees) of the box that holds every point within {@code km}. */
    static double[] box(double latitude, double longitude, int km) {
        double dLat = km / 111.0;
        double dLon = km / (111.0 * Math.max(0.01, Math.cos(Math.toRadians(latitude))));
        return new double[] {latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon};
    }

    private static MatchingRules.Listing rule(ListingView view, Map<String, GeoPoint> centres) {
        return new MatchingRules.Listing(view.id(), view.kind(), view.category(), view.structureSlug(), view.poleSlug(),
                view.title() + " " + view.description(), view.availableFrom(), view.availableUntil(),
                centres.get(view.communeCode()));
    }

    @Override
    @Transactional
    public long putInTouch(CurrentUser user, long listingId, long counterpartId) {
        ListingView listing = listing(user, listingId);
        authorizations.check(listing.manageable());
        ListingView counterpart = listing(user, counterpartId);
        if (counterpart.kind() != listing.kind().counterpart() || counterpart.structureSlug().equals(listing.structureSlug())) {
            throw new RuleViolationException("cooperation.match.notCounterpart");
        }
        if (!listing.open() || !counterpart.open()) {
            throw new RuleViolationException("cooperation.match.closed");
        }
        ListingView offer = listing.kind() == ListingKind.OFFER ? listing : counterpart;
        ListingView need = listing.kind() == ListingKind.NEED ? listing : counterpart;
        Long existing = jdbc.sql("select id from cooperation.match where offer_id = :offer and need_id = :need")
                .param("offer", offer.id()).param("need", need.id()).query(Long.class).optional().orElse(null);
        if (existing != null) {
            return existing;
        }
        String communeOfNeed = need.communeCode();
        String departement = territories.findCommune(communeOfNeed).map(Commune::departementCode).orElse("");
        long id = jdbc.sql("""
                insert into cooperation.match (offer_id, need_id, pole_slug, region_code, departement_code, commune_code,
                    created_by, created_at)
                values (:offer, :need, :pole, :region, :departement, :commune, :by, :now)
                on conflict (offer_id, need_id) do nothing returning id
                """).param("offer", offer.id()).param("need", need.id()).param("pole", need.poleSlug())
                .param("region", need.regionCode()).param("departement", departement).param("commune", communeOfNeed)
                .param("by", user.id().value()).param("now", Timestamp.from(clock.instant())).query(Long.class)
                .optional().orElseGet(() -> jdbc.sql("select id from cooperation.match where offer_id = :offer and need_id = :need")
                        .param("offer", offer.id()).param("need", need.id()).query(Long.class).single());
        Map<String, Object> model = new HashMap<>();
        model.put("subjectArgument", listing.structureName());
        model.put("toName", counterpart.contactName());
        model.put("fromStructure", listing.structureName());
        model.put("fromKind", listing.kind().name());
        model.put("fromTitle", listing.title());
        model.put("fromDescription", listing.description());
        model.put("fromContactName", listing.contactName());
        model.put("fromContactEmail", listing.contactEmail());
        model.put("toTitle", counterpart.title());
        model.put("path", "/espace/cooperation/annonces/" + counterpart.id());
        notifications.email(new Email(counterpart.contactEmail(), "cooperation-match", model, Locale.FRENCH));
        return id;
    }

    private static final String MATCH = """
            select m.*, o.title as offer_title, o.structure_slug as offer_structure_slug,
                o.structure_name as offer_structure, o.pole_slug as offer_pole, n.title as need_title,
                n.structure_slug as need_structure_slug, n.structure_name as need_structure, n.pole_slug as need_pole
            from cooperation.match m join cooperation.listing o on o.id = m.offer_id
                join cooperation.listing n on n.id = m.need_id
            """;

    private MatchView match(ResultSet rs, CurrentUser user) throws SQLException {
        String region = rs.getString("region_code");
        boolean canRecord = access.mayActFor(user, rs.getString("offer_structure_slug"), rs.getString("offer_pole"), region)
                || access.mayActFor(user, rs.getString("need_structure_slug"), rs.getString("need_pole"), region);
        return new MatchView(rs.getLong("id"), rs.getLong("offer_id"), rs.getString("offer_title"),
                rs.getString("offer_structure"), rs.getLong("need_id"), rs.getString("need_title"),
                rs.getString("need_structure"), rs.getString("pole_slug"), MatchOutcome.valueOf(rs.getString("outcome")),
                rs.getBigDecimal("amount"), rs.getString("outcome_note"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("outcome_at") == null ? null : rs.getTimestamp("outcome_at").toInstant(), canRecord);
    }

    @Override
    @Transactional(readOnly = true)
    public List<MatchView> matches(CurrentUser user) {
        Set<String> own = access.ownStructures(user);
        Set<String> followed = access.animatedPoles(user);
        Set<String> coordinated = user.scopes(org.maillage.account.Role.COORDINATEUR, org.maillage.account.ScopeType.REGION);
        authorizations.check(!own.isEmpty() || !followed.isEmpty() || !coordinated.isEmpty());
        return jdbc.sql(MATCH + """
                where o.structure_slug in (:own) or n.structure_slug in (:own) or o.pole_slug in (:followed)
                    or n.pole_slug in (:followed) or m.region_code in (:regions)
                order by m.created_at desc, m.id desc limit 500
                """).param("own", nonEmpty(own)).param("followed", nonEmpty(followed))
                .param("regions", nonEmpty(coordinated)).query((rs, n) -> match(rs, user)).list();
    }

    /** A list for {@code in (:list)} that matches nothing when the set is empty. */
    static List<String> nonEmpty(Set<String> values) {
        return values.isEmpty() ? List.of("") : List.copyOf(values);
    }

    @Override
    @Transactional
    public void recordOutcome(CurrentUser user, long matchId, MatchOutcome outcome, BigDecimal amount, String note) {
        MatchView match = jdbc.sql(MATCH + " where m.id = :id").param("id", matchId).query((rs, n) -> match(rs, user))
                .optional().orElseThrow(() -> new NotFoundException("cooperation.match.unknown", matchId));
        authorizations.check(match.canRecord());
        if (outcome == null) {
            throw new RuleViolationException("cooperation.match.outcome.blank");
        }
        if (outcome == MatchOutcome.BUSINESS && (amount == null || amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0)) {
            throw new RuleViolationException("cooperation.match.amount.invalid");
        }
        if (strip(note).length() > 1000) {
            throw new RuleViolationException("cooperation.match.note.tooLong");
        }
        jdbc.sql("""
                update cooperation.match set outcome = :outcome, amount = :amount, outcome_note = :note,
                    outcome_at = :at
                where id = :id
                """).param("outcome", outcome.name())
                .param("amount", outcome == MatchOutcome.BUSINESS ? amount.setScale(2, java.math.RoundingMode.HALF_UP) : null)
                .param("note", strip(note)).param("at", outcome == MatchOutcome.PENDING ? null : Timestamp.from(clock.instant())).param("id", matchId).update();
    }
}
