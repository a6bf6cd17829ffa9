package org.maillage.observatory.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.PoleRef;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.account.TerritoryRef;
import org.maillage.network.PoleSummary;
import org.maillage.platform.KeptAnswers;
import org.maillage.observatory.Area;
import org.maillage.observatory.Chart;
import org.maillage.observatory.Dashboard;
import org.maillage.observatory.Dashboard.Section;
import org.maillage.observatory.Declaration;
import org.maillage.observatory.Declaration.Status;
import org.maillage.observatory.DeclaredIndicator;
import org.maillage.observatory.FigureTable;
import org.maillage.observatory.FigureTable.Column;
import org.maillage.observatory.Observatory;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ObservatoryService implements Observatory {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final int FIRST_YEAR = 2015;
    static final int TEXT_MAX = 4000;
    static final int NOTE_MAX = 500;
    /** Sections of the public panorama, in this order. */
    static final List<String> PANORAMA = List.of("evolution", "poles", "welcomedByStage", "welcomedBySector",
            "welcomedByDensity", "membersBySector", "events");


    private final Areas areas;
    private final Indicators indicators;
    private final Places places;
    private final Authorizations authorizations;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final ObservatoryProperties properties;
    private final Clock clock;
    /**
     * Computed dashboards, kept {@code cache-ttl}: one request computes one; the others wait for it, or
     * get the previous figures while they are computed again (see {@link KeptAnswers#get}).
     */
    private final KeptAnswers cache;

    ObservatoryService(Areas areas, Indicators indicators, Places places, Authorizations authorizations,
            JdbcClient jdbc, MessageSource messages, ObservatoryProperties properties, Clock clock) {
        this.areas = areas;
        this.indicators = indicators;
        this.places = places;
        this.authorizations = authorizations;
        this.jdbc = jdbc;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
        this.cache = new KeptAnswers(properties.cacheEntries());
    }

    /** The year it is in France: the dashboards' default. */
    private int currentYear() {
        return LocalDate.now(clock.withZone(PARIS)).getYear();
    }

    @Override
    public List<Area> areasFor(CurrentUser user) {
        return areas.optionsFor(user);
    }

    @Override
    @Transactional(readOnly = true)
    public Dashboard dashboard(CurrentUser user, String areaKey, Integer year) {
        String key = areaKey;
        if (key == null || key.isBlank()) {
            key = areas.optionsFor(user).stream().findFirst().map(Area::key)
                    .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("no area"));
        }
        int chosen = checkedYear(year);
        Areas.Resolved resolved = areas.resolve(key, chosen);
        authorizations.check(authorizations.canSeeIndicators(user, resolved.ref(), false));
        boolean exact = authorizations.canSeeIndicators(user, resolved.ref(), true);
        if (!exact) {
            // Aggregates only: the territory of their grant, not the ones inside it, whose figures set
            // against the wider ones would give away what each hides.
            authorizations.check(user.grants().stream().anyMatch(grant -> grant.role() == Role.FINANCEUR
                    && TerritoryRef.key(grant.scopeType(), grant.scopeCode()).equals(resolved.area().key())));
        }
        Locale locale = LocaleContextHolder.getLocale();
        Indicators.Figures figures = figures(resolved, chosen, exact, true, locale);
        List<Section> sections = new ArrayList<>(figures.sections());
        sections.add(declaredSection(resolved.area(), chosen, exact, locale));
        return new Dashboard(resolved.area(), chosen, exact, figures.keyFigures(), sections, years(), reportText(key, chosen),
                Instant.now(clock));
    }

    @Override
    @Transactional(readOnly = true)
    public Dashboard panorama(String regionCode, Integer year) {
        int chosen = checkedYear(year);
        Areas.Resolved resolved = areas.resolve("REGION:" + (regionCode == null ? properties.panoramaRegion() : regionCode),
                chosen);
        Locale locale = LocaleContextHolder.getLocale();
        Indicators.Figures figures = figures(resolved, chosen, false, false, locale);
        List<Section> sections = new ArrayList<>();
        for (String code : PANORAMA) {
            figures.sections().stream().filter(s -> s.table().code().equals(code)).findFirst().ifPresent(sections::add);
        }
        sections.add(declaredSection(resolved.area(), chosen, false, locale));
        return new Dashboard(resolved.area(), chosen, false, figures.keyFigures().stream()
                .filter(k -> !k.code().equals("funding")).toList(), sections, years(), "", Instant.now(clock));
    }

    private Indicators.Figures figures(Areas.Resolved resolved, int year, boolean exact, boolean withFunding,
            Locale locale) {
        String key = resolved.area().key() + "|" + year + "|" + exact + "|" + withFunding + "|" + locale.getLanguage();
        return cache.get(key, properties.cacheTtl(), () -> {
            LocalDate today = LocalDate.now(clock.withZone(PARIS));
            int lastMonth = year == today.getYear() ? today.getMonthValue() : 12;
            return indicators.compute(resolved.area(), resolved.scope(), year, exact, withFunding, lastMonth, locale, places);
        });
    }

    /** Forgets every computed dashboard of this node (after a declaration changed, and in tests). */
    void forgetComputed() {
        cache.forget();
    }

    private int checkedYear(Integer year) {
        int current = currentYear();
        if (year == null) {
            return current;
        }
        if (year < FIRST_YEAR || year > current) {
            throw new NotFoundException("observatory.year.unknown");
        }
        return year;
    }

    private List<Integer> years() {
        int current = currentYear();
        return IntStream.rangeClosed(FIRST_YEAR, current).map(y -> current - (y - FIRST_YEAR)).boxed().toList();
    }

    private Section declaredSection(Area area, int year, boolean exact, Locale locale) {
        List<String> poleSlugs = area.type() == ScopeType.POLE ? List.of(area.code())
                : area.type() == ScopeType.REGION ? areas.poles().stream().filter(p -> area.code().equals(p.regionCode()))
                        .map(PoleSummary::slug).toList() : List.of();
        Map<DeclaredIndicator, BigDecimal> validated = new EnumMap<>(DeclaredIndicator.class);
        Map<DeclaredIndicator, BigDecimal> submitted = new EnumMap<>(DeclaredIndicator.class);
        if (!poleSlugs.isEmpty()) {
            jdbc.sql("""
                    select indicator, status, sum(value) from observatory.declared_value
                    where pole_slug in (:poles) and year = :year and status <> 'REFUSED' group by 1, 2
                    """).param("poles", poleSlugs).param("year", year).query((rs, n) -> {
                        DeclaredIndicator indicator = DeclaredIndicator.valueOf(rs.getString(1));
                        (Status.valueOf(rs.getString(2)) == Status.VALIDATED ? validated : submitted)
                                .put(indicator, rs.getBigDecimal(3));
                        return indicator;
                    }).list();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (DeclaredIndicator indicator : DeclaredIndicator.values()) {
            BigDecimal value = validated.get(indicator);
            List<Object> row = new ArrayList<>();
            row.add(label(locale, "observatory.declared." + indicator));
            row.add(value == null ? "–" : (Object) value.doubleValue());
            if (exact) {
                BigDecimal pending = submitted.get(indicator);
                row.add(pending == null ? "–" : (Object) pending.doubleValue());
            }
            rows.add(row);
        }
        List<Column> columns = new ArrayList<>(List.of(Column.text(label(locale, "observatory.column.indicator")),
                Column.number(label(locale, "observatory.column.validated"))));
        if (exact) {
            columns.add(Column.number(label(locale, "observatory.column.submitted")));
        }
        return new Section(new FigureTable("declared", label(locale, "observatory.table.declared") + " — " + area.name(),
                columns, rows, label(locale, "observatory.note.declared")), Chart.none());
    }

    private String reportText(String areaKey, int year) {
        return jdbc.sql("select text from observatory.report_text where area_key = :key and year = :year")
                .param("key", areaKey).param("year", year).query(String.class).optional().orElse("");
    }

    @Override
    public boolean canWriteReport(CurrentUser user, String areaKey) {
        Areas.Resolved resolved = areas.resolve(areaKey, currentYear());
        Area area = resolved.area();
        boolean coordinates = user.scopes(Role.COORDINATEUR, ScopeType.REGION).contains(area.regionCode());
        return coordinates || (area.type() == ScopeType.POLE
                && user.scopes(Role.ANIMATEUR, ScopeType.POLE).contains(area.code()));
    }

    @Override
    @Transactional
    public void saveReportText(CurrentUser user, String areaKey, int year, String text) {
        checkedYear(year);
        authorizations.check(canWriteReport(user, areaKey));
        String clean = text == null ? "" : text.strip();
        if (clean.length() > TEXT_MAX) {
            throw new RuleViolationException("observatory.report.text.tooLong", TEXT_MAX);
        }
        jdbc.sql("""
                insert into observatory.report_text (area_key, year, text, updated_by, updated_at)
                values (:key, :year, :text, :by, :at)
                on conflict (area_key, year) do update set text = excluded.text, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at
                """).param("key", areaKey).param("year", year).param("text", clean).param("by", user.displayName())
                .param("at", Timestamp.from(Instant.now(clock))).update();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<DeclaredIndicator, Declaration> declarations(CurrentUser user, String poleSlug, int year) {
        PoleSummary pole = pole(poleSlug);
        authorizations.check(authorizations.canSeePoleInternals(user, poleRef(pole)));
        Map<DeclaredIndicator, Declaration> found = new EnumMap<>(DeclaredIndicator.class);
        jdbc.sql("select * from observatory.declared_value where pole_slug = :pole and year = :year")
                .param("pole", poleSlug).param("year", year).query((rs, n) -> declaration(rs, pole.name()))
                .list().forEach(d -> found.put(d.indicator(), d));
        return found;
    }

    @Override
    @Transactional
    public void declare(CurrentUser user, String poleSlug, int year, Map<DeclaredIndicator, BigDecimal> values,
            Map<DeclaredIndicator, String> comments) {
        PoleSummary pole = pole(poleSlug);
        checkedYear(year);
        authorizations.check(user.scopes(Role.ANIMATEUR, ScopeType.POLE).contains(poleSlug));
        Instant now = Instant.now(clock);
        for (DeclaredIndicator indicator : DeclaredIndicator.values()) {
            BigDecimal value = values.get(indicator);
            String comment = comments.getOrDefault(indicator, "");
            comment = comment == null ? "" : comment.strip();
            if (value == null) {
                jdbc.sql("delete from observatory.declared_value where pole_slug = :pole and year = :year and indicator = :i")
                        .param("pole", poleSlug).param("year", year).param("i", indicator.name()).update();
                continue;
            }
            jdbc.sql("""
                    insert into observatory.declared_value (pole_slug, region_code, year, indicator, value, comment, status,
                        entered_by, entered_at)
                    values (:pole, :region, :year, :i, :value, :comment, 'SUBMITTED', :by, :at)
                    on conflict (pole_slug, year, indicator) do update set value = excluded.value,
                        comment = excluded.comment, status = case when declared_value.value = excluded.value
                            and declared_value.status = 'VALIDATED' then 'VALIDATED' else 'SUBMITTED' end,
                        entered_by = excluded.entered_by, entered_at = excluded.entered_at, review_note = ''
                    where declared_value.value <> excluded.value or declared_value.comment <> excluded.comment
                        or declared_value.status = 'REFUSED'
                    """).param("pole", poleSlug).param("region", pole.regionCode()).param("year", year)
                    .param("i", indicator.name()).param("value", value).param("comment", comment)
                    .param("by", user.displayName()).param("at", Timestamp.from(now)).update();
        }
        forgetComputed();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Declaration> declarationsToReview(CurrentUser user) {
        List<String> regions = List.copyOf(user.scopes(Role.COORDINATEUR, ScopeType.REGION));
        if (regions.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = new LinkedHashMap<>();
        areas.poles().forEach(p -> names.put(p.slug(), p.name()));
        return jdbc.sql("""
                select * from observatory.declared_value where region_code in (:regions) and status = 'SUBMITTED'
                order by entered_at, pole_slug, indicator
                """).param("regions", regions)
                .query((rs, n) -> declaration(rs, names.getOrDefault(rs.getString("pole_slug"), rs.getString("pole_slug"))))
                .list();
    }

    @Override
    @Transactional
    public void review(CurrentUser user, String poleSlug, int year, DeclaredIndicator indicator, BigDecimal shownValue,
            boolean valid, String note) {
        PoleSummary pole = pole(poleSlug);
        authorizations.check(user.scopes(Role.COORDINATEUR, ScopeType.REGION).contains(pole.regionCode()));
        String reason = note == null ? "" : note.strip();
        if (!valid && reason.isEmpty()) {
            throw new RuleViolationException("observatory.review.note.blank");
        }
        if (reason.length() > NOTE_MAX) {
            throw new RuleViolationException("observatory.review.note.tooLong", NOTE_MAX);
        }
        int changed = jdbc.sql("""
                update observatory.declared_value set status = :status, reviewed_by = :by, reviewed_at = :at,
                    review_note = :note
                where pole_slug = :pole and year = :year and indicator = :i and status = 'SUBMITTED' and value = :shown
                """).param("status", valid ? "VALIDATED" : "REFUSED").param("by", user.displayName())
                .param("at", Timestamp.from(Instant.now(clock))).param("note", valid ? "" : reason)
                .param("pole", poleSlug).param("year", year).param("i", indicator.name()).param("shown", shownValue)
                .update();
        if (changed == 0) { // changed by the pôle since it was shown, or already reviewed in another tab
            throw new RuleViolationException("observatory.review.stale");
        }
        forgetComputed();
    }

    private Declaration declaration(java.sql.ResultSet rs, String poleName) throws java.sql.SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new Declaration(rs.getString("pole_slug"), poleName, rs.getInt("year"),
                DeclaredIndicator.valueOf(rs.getString("indicator")), rs.getBigDecimal("value"), rs.getString("comment"),
                Status.valueOf(rs.getString("status")), rs.getString("entered_by"),
                rs.getTimestamp("entered_at").toInstant(), rs.getString("reviewed_by"),
                reviewed == null ? null : reviewed.toInstant(), rs.getString("review_note"));
    }

    private PoleSummary pole(String slug) {
        return areas.poles().stream().filter(p -> p.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new NotFoundException("observatory.area.unknown"));
    }

    private static PoleRef poleRef(PoleSummary pole) {
        return new PoleRef(pole.slug(), pole.regionCode());
    }

    private String label(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
