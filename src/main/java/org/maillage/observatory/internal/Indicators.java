package org.maillage.observatory.internal;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.maillage.directory.DirectoryStatistics;
import org.maillage.journey.JourneyStatistics;
import org.maillage.journey.JourneyStatistics.Answer;
import org.maillage.journey.JourneyStatistics.ProjectFacet;
import org.maillage.journey.JourneyStatistics.ReferralFacet;
import org.maillage.network.NetworkStatistics;
import org.maillage.network.PoleSummary;
import org.maillage.observatory.Area;
import org.maillage.observatory.Chart;
import org.maillage.observatory.Dashboard.KeyFigure;
import org.maillage.observatory.Dashboard.Section;
import org.maillage.observatory.FigureTable;
import org.maillage.observatory.FigureTable.Column;
import org.maillage.observatory.Suppression;
import org.maillage.offer.Operator;
import org.maillage.offer.Operators;
import org.maillage.platform.StatsScope;
import org.maillage.platform.Tally;
import org.maillage.territory.Commune;
import org.maillage.territory.Epci;
import org.maillage.territory.Territories;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Computes a territory's figures for a year from the counts the modules give, and hides what
 * concerns fewer than 5 people when the viewer may only see aggregates.
 */
@Component
class Indicators {

    /** A commune of fewer inhabitants is counted as rural (INSEE's historical threshold). */
    static final int RURAL_BELOW = 2_000;
    static final int YEARS = 5;

    /** The figures, ready for a dashboard. */
    record Figures(List<KeyFigure> keyFigures, List<Section> sections) {}

    private final JourneyStatistics journeys;
    private final DirectoryStatistics directory;
    private final NetworkStatistics network;
    private final Areas areas;
    private final Operators operators;
    private final Territories territories;
    private final MessageSource messages;
    private final org.maillage.observatory.Diagnoses diagnoses;
    private final org.maillage.agenda.AgendaStatistics agenda;
    private final org.maillage.cooperation.CooperationStatistics cooperation;

    Indicators(JourneyStatistics journeys, DirectoryStatistics directory, NetworkStatistics network, Areas areas,
            Operators operators, Territories territories, MessageSource messages,
            org.maillage.observatory.Diagnoses diagnoses, org.maillage.agenda.AgendaStatistics agenda,
            org.maillage.cooperation.CooperationStatistics cooperation) {
        this.diagnoses = diagnoses;
        this.cooperation = cooperation;
        this.agenda = agenda;
        this.journeys = journeys;
        this.directory = directory;
        this.network = network;
        this.areas = areas;
        this.operators = operators;
        this.territories = territories;
        this.messages = messages;
    }

    /**
     * @param exact whether figures about fewer than 5 people are shown (animators, coordinators)
     * @param withFunding whether the pôles' funding is shown (not in the public panorama)
     * @param lastMonth the last month of the year that has begun (12 for a past year)
     */
    Figures compute(Area area, StatsScope base, int year, boolean exact, boolean withFunding, int lastMonth,
            Locale locale, Places places) {
        Cells cells = new Cells(exact);
        int first = year - YEARS + 1;
        StatsScope years = base.withYears(first, year, false);
        StatsScope twoYears = base.withYears(year - 1, year, false);
        StatsScope thisYear = base.withYears(year, year, false);

        List<Tally> welcomedMonthly = journeys.projectsWelcomed(base.withYears(first, year, true), ProjectFacet.NONE);
        List<Tally> referrals = journeys.referralsSent(years, ReferralFacet.NONE);
        List<Tally> firstReferrals = journeys.firstReferrals(years);
        List<Tally> outcomes = journeys.outcomes(years);
        List<Tally> members = directory.members(years);
        boolean fundingShown = withFunding && (area.type() == org.maillage.account.ScopeType.POLE
                || area.type() == org.maillage.account.ScopeType.REGION);
        List<Tally> funding = fundingShown ? network.funding(years) : List.of();

        List<Section> sections = new ArrayList<>();
        List<KeyFigure> keys = new ArrayList<>();

        // Key figures: this year and the one before.
        Map<Integer, YearFigures> byYear = new TreeMap<>();
        for (int y = first; y <= year; y++) {
            int at = y;
            Predicate<Tally> inYear = t -> t.year() == at;
            byYear.put(y, new YearFigures(count(welcomedMonthly, inYear), referralFigures(referrals, inYear),
                    count(firstReferrals, inYear), sum(firstReferrals, inYear),
                    count(outcomes, inYear.and(t -> t.key().equals("CREATED") || t.key().equals("MEMBER"))),
                    sum(outcomes, inYear.and(t -> t.key().equals("CREATED") || t.key().equals("MEMBER"))),
                    count(outcomes, inYear.and(t -> t.key().equals("ABANDONED"))),
                    count(outcomes, inYear), count(members, inYear), sum(members, inYear),
                    fundingShown ? sum(funding, inYear) : null));
        }
        YearFigures now = byYear.get(year);
        YearFigures before = byYear.get(year - 1);
        Function<YearFigures, List<Object>> headline = f -> {
            List<Object> row = new ArrayList<>();
            row.add(cells.people(f.welcomed()));
            row.add(cells.people(f.referrals().sent()));
            row.add(cells.rate(f.referrals().accepted(), f.referrals().decided()));
            row.add(cells.average(f.referrals().answerDays(), f.referrals().answered()));
            row.add(cells.average(f.firstReferralDays(), f.firstReferrals()));
            row.add(cells.people(f.created()));
            row.add(cells.sumOf(f.jobs(), f.created()));
            row.add(cells.rate(f.abandoned(), f.ended()));
            row.add(f.members());
            row.add(f.employees());
            row.add(f.funding());
            return row;
        };
        String[] keyCodes = {"welcomed", "referrals", "acceptance", "answerDays", "firstReferralDays", "created", "jobs",
            "abandonRate", "members", "employees", "funding"};
        List<Object> current = headline.apply(now);
        List<Object> previous = headline.apply(before);
        for (int i = 0; i < keyCodes.length; i++) {
            if (keyCodes[i].equals("funding") && now.funding() == null) {
                continue;
            }
            keys.add(new KeyFigure(keyCodes[i], label(locale, "observatory.figure." + keyCodes[i]),
                    FigureTable.display(current.get(i)), FigureTable.display(previous.get(i))));
        }

        // Over five years.
        List<Column> evolutionColumns = new ArrayList<>(List.of(Column.text(label(locale, "observatory.column.year"))));
        for (String code : keyCodes) {
            evolutionColumns.add(Column.number(label(locale, "observatory.figure." + code)));
        }
        List<List<Object>> evolutionRows = new ArrayList<>();
        byYear.forEach((y, f) -> {
            List<Object> row = new ArrayList<>();
            row.add(Integer.toString(y));
            row.addAll(headline.apply(f));
            evolutionRows.add(row);
        });
        if (now.funding() == null) {
            evolutionColumns.remove(evolutionColumns.size() - 1);
            evolutionRows.forEach(row -> row.remove(row.size() - 1));
        }
        sections.add(new Section(table("evolution", locale, evolutionColumns, evolutionRows, area, exact), Chart.line(1, 2, 6)));

        // Month by month, this year and the year before.
        List<List<Object>> monthRows = new ArrayList<>();
        for (Month month : Month.values()) {
            Predicate<Tally> inMonth = t -> t.month() == month.getValue();
            monthRows.add(new ArrayList<>(java.util.Arrays.asList(month.getDisplayName(TextStyle.FULL_STANDALONE, locale),
                    count(welcomedMonthly, inMonth.and(t -> t.year() == year - 1)),
                    month.getValue() > lastMonth ? "–" : count(welcomedMonthly, inMonth.and(t -> t.year() == year)))));
        }
        cells.protect(monthRows, 1); // the months add up to the year's total, shown above
        cells.protect(monthRows, 2);
        sections.add(new Section(table("welcomedByMonth", locale, List.of(Column.text(label(locale, "observatory.column.month")),
                Column.number(Integer.toString(year - 1)), Column.number(Integer.toString(year))), monthRows, area, exact),
                Chart.line(1, 2)));

        // Who is welcomed: by stage, sector, gender, age, collective, rural or urban.
        sections.add(breakdown("welcomedByStage", locale, area, year, cells,
                journeys.projectsWelcomed(twoYears, ProjectFacet.STAGE), code -> label(locale, "stage." + code)));
        sections.add(breakdown("welcomedBySector", locale, area, year, cells,
                journeys.projectsWelcomed(twoYears, ProjectFacet.SECTOR), code -> label(locale, "structure.sector." + code)));
        sections.add(breakdown("welcomedByGender", locale, area, year, cells,
                journeys.projectsWelcomed(twoYears, ProjectFacet.GENDER), code -> label(locale, "gender." + code)));
        sections.add(breakdown("welcomedByAge", locale, area, year, cells,
                journeys.projectsWelcomed(twoYears, ProjectFacet.AGE_BAND), code -> label(locale, "ageBand." + code)));
        sections.add(breakdown("welcomedByCollective", locale, area, year, cells,
                journeys.projectsWelcomed(twoYears, ProjectFacet.COLLECTIVE),
                code -> label(locale, "observatory.collective." + code)));
        List<Tally> byCommune = journeys.projectsWelcomed(twoYears, ProjectFacet.COMMUNE);
        Map<String, Commune> communes = territories.findCommunes(byCommune.stream().map(Tally::key).distinct().toList())
                .stream().collect(Collectors.toMap(Commune::code, c -> c));
        List<Tally> ruralUrban = byCommune.stream().map(t -> {
            Commune commune = communes.get(t.key());
            String kind = commune == null || commune.population() == null ? ""
                    : commune.population() < RURAL_BELOW ? "RURAL" : "URBAN";
            return new Tally(t.pole(), t.departement(), t.year(), t.month(), kind, "", t.count(), 0);
        }).toList();
        sections.add(breakdown("welcomedByDensity", locale, area, year, cells, ruralUrban,
                code -> label(locale, "observatory.density." + code)));

        // By EPCI, with a map when the communes have a position.
        List<Tally> byEpci = byCommune.stream().filter(t -> t.year() == year).map(t -> {
            Commune commune = communes.get(t.key());
            return new Tally("", "", t.year(), 0, commune == null || commune.epciCode() == null ? "" : commune.epciCode(),
                    "", t.count(), 0);
        }).toList();
        Map<String, Long> epciCounts = byEpci.stream().collect(Collectors.groupingBy(Tally::key, TreeMap::new,
                Collectors.summingLong(Tally::count)));
        Map<String, String> epciNames = territories.findEpcis(epciCounts.keySet().stream().filter(k -> !k.isEmpty()).toList())
                .stream().collect(Collectors.toMap(Epci::code, Epci::name));
        Map<String, Places.Point> epciPlaces = places.epcis(epciCounts.keySet());
        List<List<Object>> epciRows = new ArrayList<>();
        List<Chart.MapPoint> epciPoints = new ArrayList<>();
        List<String> epciOrder = epciCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        for (String code : epciOrder) {
            epciRows.add(new ArrayList<>(java.util.Arrays.asList(epciNames.getOrDefault(code,
                    label(locale, "observatory.notSaid")), epciCounts.get(code))));
        }
        cells.protect(epciRows, List.of(1), List.of(), 3); // they add up to the year's total
        for (int i = 0; i < epciOrder.size(); i++) {
            Places.Point point = epciPlaces.get(epciOrder.get(i));
            if (point != null) {
                Object cell = epciRows.get(i).get(1);
                epciPoints.add(new Chart.MapPoint((String) epciRows.get(i).get(0), point.latitude(), point.longitude(),
                        cell instanceof Long n ? n : null));
            }
        }
        sections.add(new Section(table("welcomedByEpci", locale, List.of(Column.text(label(locale, "observatory.column.epci")),
                Column.number(label(locale, "observatory.figure.welcomed"))), epciRows, area, exact),
                epciPoints.size() > 1 ? Chart.map(epciPoints) : Chart.bar(1)));

        // Referrals by scheme and by operator, this year.
        Map<String, String> operatorNames = operators.list().stream().collect(Collectors.toMap(Operator::slug,
                Operator::name, (a, b) -> a));
        sections.add(referralTable("referralsByScheme", locale, area, exact, cells,
                journeys.referralsSent(thisYear, ReferralFacet.SCHEME), Function.identity()));
        sections.add(referralTable("referralsByOperator", locale, area, exact, cells,
                journeys.referralsSent(thisYear, ReferralFacet.OPERATOR), slug -> operatorNames.getOrDefault(slug, slug)));

        // Members by sector, this year.
        Map<String, long[]> bySector = new TreeMap<>();
        members.stream().filter(t -> t.year() == year).forEach(t -> {
            long[] totals = bySector.computeIfAbsent(t.key(), k -> new long[2]);
            totals[0] += t.count();
            totals[1] += Math.round(t.sum());
        });
        List<List<Object>> sectorRows = new ArrayList<>();
        bySector.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
                .forEach(e -> sectorRows.add(new ArrayList<>(List.of(label(locale, "structure.sector." + e.getKey()),
                        e.getValue()[0], e.getValue()[1]))));
        sections.add(new Section(table("membersBySector", locale, List.of(Column.text(label(locale, "observatory.column.sector")),
                Column.number(label(locale, "observatory.column.structures")),
                Column.number(label(locale, "observatory.column.employees"))), sectorRows, area, exact), Chart.bar(1)));

        // The pôles' funding by funder, this year.
        if (fundingShown) {
            Map<List<String>, Double> byFunder = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                    .thenComparing(k -> k.get(1)));
            funding.stream().filter(t -> t.year() == year).forEach(t -> byFunder.merge(List.of(t.key(), t.detail()),
                    t.sum(), Double::sum));
            List<List<Object>> funderRows = new ArrayList<>();
            byFunder.entrySet().stream().sorted(Map.Entry.<List<String>, Double>comparingByValue().reversed())
                    .forEach(e -> funderRows.add(new ArrayList<>(List.of(e.getKey().get(0),
                            label(locale, "funding.kind." + e.getKey().get(1)), Math.round(e.getValue())))));
            sections.add(new Section(table("fundingByFunder", locale, List.of(Column.text(label(locale, "observatory.column.funder")),
                    Column.text(label(locale, "observatory.column.kind")),
                    Column.number(label(locale, "observatory.column.amount"))), funderRows, area, exact), Chart.bar(2)));
        }

        // Events of the agenda and their participants, five years.
        List<Tally> events = agenda.events(years);
        List<List<Object>> eventRows = new ArrayList<>();
        for (int y = first; y <= year; y++) {
            int at = y;
            eventRows.add(new ArrayList<>(java.util.Arrays.asList(Integer.toString(y), count(events, t -> t.year() == at),
                    cells.people(Math.round(sum(events, t -> t.year() == at))))));
        }
        sections.add(new Section(table("events", locale, List.of(Column.text(label(locale, "observatory.column.year")),
                Column.number(label(locale, "observatory.column.events")),
                Column.number(label(locale, "observatory.column.participants"))), eventRows, area, exact), Chart.bar(1, 2)));

        // Matches between structures (mises en relation) and the business they led to, five years; a
        // business total is hidden with a count of 1 to 4 matches that led to business (a structure's contract).
        List<Tally> matches = cooperation.matches(years);
        List<List<Object>> matchRows = new ArrayList<>();
        for (int y = first; y <= year; y++) {
            int at = y;
            long business = count(matches, t -> t.year() == at && "BUSINESS".equals(t.key()));
            matchRows.add(new ArrayList<>(java.util.Arrays.asList(Integer.toString(y),
                    cells.people(count(matches, t -> t.year() == at)), cells.people(business),
                    cells.sumOf(Math.round(sum(matches, t -> t.year() == at)), business))));
        }
        sections.add(new Section(table("cooperation", locale, List.of(Column.text(label(locale, "observatory.column.year")),
                Column.number(label(locale, "observatory.column.matches")),
                Column.number(label(locale, "observatory.column.businessMatches")),
                Column.number(label(locale, "observatory.column.business"))), matchRows, area, exact), Chart.bar(1, 2)));

        // Self-diagnoses of good practices of the structures (seed 003), for a pôle or a region.
        List<String> diagnosisPoles = area.type() == org.maillage.account.ScopeType.POLE ? List.of(area.code())
                : area.type() == org.maillage.account.ScopeType.REGION ? areas.poles().stream()
                        .filter(p -> area.code().equals(p.regionCode())).map(PoleSummary::slug).toList() : List.of();
        if (!diagnosisPoles.isEmpty()) {
            long[][] figures = new long[3][2];
            for (int y = 0; y < 2; y++) {
                var f = diagnoses.figures(diagnosisPoles, year - 1 + y);
                figures[0][y] = f.finished();
                figures[1][y] = f.structures();
                figures[2][y] = f.supportRequests();
            }
            List<List<Object>> diagnosisRows = new ArrayList<>();
            String[] codes = {"finished", "structures", "supportRequests"};
            for (int i = 0; i < codes.length; i++) {
                diagnosisRows.add(new ArrayList<>(List.of(label(locale, "observatory.diagnoses." + codes[i]),
                        figures[i][0], figures[i][1])));
            }
            sections.add(new Section(table("diagnoses", locale, List.of(Column.text(label(locale, "observatory.column.indicator")),
                    Column.number(Integer.toString(year - 1)), Column.number(Integer.toString(year))), diagnosisRows, area,
                    exact), Chart.none()));
        }

        // Pôles side by side, for a territory wider than a pôle.
        if (area.type() != org.maillage.account.ScopeType.POLE) {
            sections.add(polesCompared(locale, area, year, exact, cells, welcomedMonthly, referrals, outcomes, members,
                    fundingShown ? funding : null, places));
        }
        return new Figures(keys, sections);
    }

    private Section polesCompared(Locale locale, Area area, int year, boolean exact, Cells cells, List<Tally> welcomed,
            List<Tally> referrals, List<Tally> outcomes, List<Tally> members, List<Tally> funding, Places places) {
        boolean fundingShown = funding != null; // null: not shown (the public panorama)
        Map<String, String> names = new HashMap<>();
        for (PoleSummary pole : areas.poles()) {
            names.put(pole.slug(), pole.name());
        }
        Predicate<Tally> inYear = t -> t.year() == year;
        java.util.Set<String> slugs = new java.util.TreeSet<>();
        for (List<Tally> list : List.of(welcomed, referrals, outcomes, members)) {
            list.stream().filter(inYear).forEach(t -> slugs.add(t.pole()));
        }
        if (area.type() == org.maillage.account.ScopeType.REGION) {
            areas.poles().stream().filter(p -> area.code().equals(p.regionCode())).forEach(p -> slugs.add(p.slug()));
        }
        List<List<Object>> rows = new ArrayList<>();
        List<Chart.MapPoint> points = new ArrayList<>();
        Map<String, Places.Point> located = places.poles(slugs);
        for (String slug : slugs) {
            Predicate<Tally> here = inYear.and(t -> t.pole().equals(slug));
            ReferralFigures r = referralFigures(referrals, here);
            long created = count(outcomes, here.and(t -> !t.key().equals("ABANDONED")));
            String name = slug.isEmpty() ? label(locale, "observatory.coordination") : names.getOrDefault(slug, slug);
            List<Object> row = new ArrayList<>(java.util.Arrays.asList(name, count(welcomed, here), r.sent(),
                    cells.rate(r.accepted(), r.decided()), created,
                    cells.sumOf(sum(outcomes, here.and(t -> !t.key().equals("ABANDONED"))), created),
                    count(members, here)));
            if (fundingShown) {
                row.add(Math.round(sum(funding, here)));
            }
            rows.add(row);
        }
        cells.protect(rows, List.of(1, 2, 4), List.of(), 3); // the pôles add up to the territory's totals
        List<String> order = new ArrayList<>(slugs);
        for (int i = 0; i < order.size(); i++) {
            List<Object> row = rows.get(i);
            if (row.get(4) == null) {
                row.set(5, null); // jobs go with the activities created
            }
            Places.Point point = located.get(order.get(i));
            if (point != null) {
                points.add(new Chart.MapPoint((String) row.get(0), point.latitude(), point.longitude(),
                        row.get(1) instanceof Long n ? n : null));
            }
        }
        List<Column> columns = new ArrayList<>(List.of(Column.text(label(locale, "observatory.column.pole")),
                Column.number(label(locale, "observatory.figure.welcomed")),
                Column.number(label(locale, "observatory.figure.referrals")),
                Column.number(label(locale, "observatory.figure.acceptance")),
                Column.number(label(locale, "observatory.figure.created")),
                Column.number(label(locale, "observatory.figure.jobs")),
                Column.number(label(locale, "observatory.figure.members"))));
        if (fundingShown) {
            columns.add(Column.number(label(locale, "observatory.figure.funding")));
        }
        return new Section(table("poles", locale, columns, rows, area, exact),
                points.size() > 1 ? Chart.map(points) : Chart.bar(1));
    }

    /** A table of people by a facet, last year and this year, with a total; hidden cells protected by a second one. */
    private Section breakdown(String code, Locale locale, Area area, int year, Cells cells, List<Tally> tallies,
            Function<String, String> labelOf) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Tally t : tallies) {
            long[] both = counts.computeIfAbsent(t.key(), k -> new long[2]);
            both[t.year() == year ? 1 : 0] += t.count();
        }
        List<String> keys = new ArrayList<>(counts.keySet());
        keys.sort(Comparator.comparing((String k) -> k.isEmpty()).thenComparing(k -> -counts.get(k)[1]));
        List<List<Object>> rows = new ArrayList<>();
        for (String key : keys) {
            rows.add(new ArrayList<>(java.util.Arrays.asList(key.isEmpty() ? label(locale, "observatory.notSaid")
                    : labelOf.apply(key), counts.get(key)[0], counts.get(key)[1])));
        }
        cells.protect(rows, 1);
        cells.protect(rows, 2);
        long lastTotal = counts.values().stream().mapToLong(c -> c[0]).sum();
        long total = counts.values().stream().mapToLong(c -> c[1]).sum();
        rows.add(new ArrayList<>(java.util.Arrays.asList(label(locale, "observatory.total"), cells.people(lastTotal),
                cells.people(total))));
        return new Section(table(code, locale, List.of(Column.text(label(locale, "observatory.column." + code)),
                Column.number(Integer.toString(year - 1)), Column.number(Integer.toString(year))), rows, area,
                cells.exact()), Chart.bar(2).withTotalRow());
    }

    private Section referralTable(String code, Locale locale, Area area, boolean exact, Cells cells, List<Tally> tallies,
            Function<String, String> nameOf) {
        Map<String, List<Tally>> byKey = tallies.stream().collect(Collectors.groupingBy(Tally::key));
        List<List<Object>> rows = new ArrayList<>();
        byKey.entrySet().stream().map(e -> Map.entry(e.getKey(), referralFigures(e.getValue(), t -> true)))
                .sorted(Comparator.comparingLong((Map.Entry<String, ReferralFigures> e) -> e.getValue().sent()).reversed()
                        .thenComparing(e -> nameOf.apply(e.getKey())))
                .forEach(e -> {
                    ReferralFigures f = e.getValue();
                    rows.add(new ArrayList<>(java.util.Arrays.asList(nameOf.apply(e.getKey()), f.sent(), f.accepted(),
                            f.declined(), f.expired(), f.waiting(), cells.rate(f.accepted(), f.decided()),
                            cells.average(f.answerDays(), f.answered()))));
                });
        // each column adds up to the year's referrals, each row's answers to its referrals sent
        cells.protect(rows, List.of(1, 2, 3, 4, 5), List.of(1, 2, 3, 4, 5));
        for (List<Object> row : rows) {
            if (row.get(2) == null || row.get(3) == null || row.get(4) == null) {
                row.set(6, cells.exact() ? row.get(6) : null); // the rate would give the hidden answers away
            }
            if (row.get(2) == null || row.get(3) == null) {
                row.set(7, cells.exact() ? row.get(7) : null);
            }
        }
        return new Section(table(code, locale, List.of(Column.text(label(locale, "observatory.column." + code)),
                Column.number(label(locale, "observatory.column.sent")),
                Column.number(label(locale, "observatory.column.accepted")),
                Column.number(label(locale, "observatory.column.declined")),
                Column.number(label(locale, "observatory.column.expired")),
                Column.number(label(locale, "observatory.column.waiting")),
                Column.number(label(locale, "observatory.figure.acceptance")),
                Column.number(label(locale, "observatory.figure.answerDays"))), rows, area, exact), Chart.bar(1, 2));
    }

    private FigureTable table(String code, Locale locale, List<Column> columns, List<List<Object>> rows, Area area,
            boolean exact) {
        boolean hidden = rows.stream().flatMap(List::stream).anyMatch(java.util.Objects::isNull);
        String note = label(locale, "observatory.note." + code, "");
        if (hidden) {
            note = (note.isEmpty() ? "" : note + " ") + label(locale, "observatory.note.hidden");
        }
        return new FigureTable(code, label(locale, "observatory.table." + code) + " — " + area.name(), columns, rows, note);
    }

    private String label(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }

    private String label(Locale locale, String key, String otherwise) {
        return messages.getMessage(key, null, otherwise, locale);
    }

    static long count(List<Tally> tallies, Predicate<Tally> which) {
        return tallies.stream().filter(which).mapToLong(Tally::count).sum();
    }

    static double sum(List<Tally> tallies, Predicate<Tally> which) {
        return tallies.stream().filter(which).mapToDouble(Tally::sum).sum();
    }

    static ReferralFigures referralFigures(List<Tally> tallies, Predicate<Tally> which) {
        Map<String, Long> byAnswer = new HashMap<>();
        double answerDays = 0;
        for (Tally t : tallies) {
            if (which.test(t)) {
                byAnswer.merge(t.detail(), t.count(), Long::sum);
                answerDays += t.sum();
            }
        }
        long accepted = byAnswer.getOrDefault(Answer.ACCEPTED.name(), 0L);
        long declined = byAnswer.getOrDefault(Answer.DECLINED.name(), 0L);
        return new ReferralFigures(byAnswer.values().stream().mapToLong(Long::longValue).sum(), accepted, declined,
                byAnswer.getOrDefault(Answer.EXPIRED.name(), 0L), byAnswer.getOrDefault(Answer.WAITING.name(), 0L),
                answerDays);
    }

    /** Referrals sent and what became of them; answered ones are those accepted or declined. */
    record ReferralFigures(long sent, long accepted, long declined, long expired, long waiting, double answerDays) {

        long decided() {
            return accepted + declined + expired;
        }

        long answered() {
            return accepted + declined;
        }
    }

    record YearFigures(long welcomed, ReferralFigures referrals, long firstReferrals, double firstReferralDays,
            long created, double jobs, long abandoned, long ended, long members, double employees, Double funding) {

        YearFigures {
            employees = Math.round(employees);
            funding = funding == null ? null : (double) Math.round(funding);
        }
    }

    /** Cells of people's figures: exact, or hidden below 5 with what is computed from them. */
    record Cells(boolean exact) {

        Object people(long n) {
            return !exact && Suppression.hides(n) ? null : n;
        }

        /**
         * A percentage with one decimal; "–" for 0 of 0. Hidden when computed from fewer than 5 people, or
         * when it would give away a count of 1 to 4 (the part, or the rest of the whole).
         */
        Object rate(long part, long whole) {
            if (whole == 0) {
                return "–";
            }
            if (!exact && (whole < Suppression.THRESHOLD || Suppression.hides(part) || Suppression.hides(whole - part))) {
                return null;
            }
            return Math.round(part * 1000.0 / whole) / 10.0;
        }

        Object average(double total, long n) {
            if (n == 0) {
                return "–";
            }
            if (!exact && n < Suppression.THRESHOLD) {
                return null;
            }
            return Math.round(total * 10.0 / n) / 10.0;
        }

        /** A total (jobs) that goes with a count of people, hidden with it. */
        Object sumOf(double total, long people) {
            if (!exact && Suppression.hides(people)) {
                return null;
            }
            return Math.round(total * 10.0) / 10.0;
        }

        /**
         * Hides the cells of a column below 5; then, while a column's hidden cells could be worked out
         * from its total (only one hidden, or hidden ones adding up to fewer than 5), the smallest
         * other one as well (secondary suppression). Ties go by the row's label, never by its place, so
         * that two tables of the same figures hide the same cells.
         */
        void protect(List<List<Object>> rows, int column) {
            protect(rows, List.of(column), List.of(), 2);
        }

        /**
         * As {@link #protect(List, int)} for several columns that each add up to a total, and, when
         * {@code rowParts} is not empty, for rows whose cells in those columns add up to the row's cell
         * in the first of them (sent = accepted + declined + …): repeated until nothing changes.
         */
        void protect(List<List<Object>> rows, List<Integer> columns, List<Integer> rowParts) {
            protect(rows, columns, rowParts, 2);
        }

        /**
         * As above, hiding at least {@code minGroup} cells of a column once one is hidden: for tables of
         * territories (pôles, EPCI) whose own figures a funder of one of them sees on its dashboard, so
         * that knowing one hidden cell still leaves two unknown.
         */
        void protect(List<List<Object>> rows, List<Integer> columns, List<Integer> rowParts, int minGroup) {
            if (exact) {
                return;
            }
            List<long[]> values = new ArrayList<>();
            for (List<Object> row : rows) {
                long[] v = new long[row.size()];
                for (int c = 0; c < row.size(); c++) {
                    v[c] = row.get(c) instanceof Long n ? n : -1;
                }
                values.add(v);
            }
            for (int column : columns) {
                for (List<Object> row : rows) {
                    if (row.get(column) instanceof Long n && Suppression.hides(n)) {
                        row.set(column, null);
                    }
                }
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int column : columns) {
                    changed |= secondary(rows, values, column, java.util.stream.IntStream.range(0, rows.size()).boxed()
                            .toList(), true, minGroup);
                }
                if (!rowParts.isEmpty()) {
                    for (int r = 0; r < rows.size(); r++) {
                        changed |= secondary(java.util.Collections.singletonList(rows.get(r)),
                                java.util.Collections.singletonList(values.get(r)), -1, rowParts, false, 2);
                    }
                }
            }
        }

        /** One secondary cell hidden among {@code cells} (a column's rows, or a row's columns) when needed. */
        private static boolean secondary(List<List<Object>> rows, List<long[]> values, int column, List<Integer> cells,
                boolean alongColumn, int minGroup) {
            int hiddenCount = 0;
            long hiddenSum = 0;
            List<int[]> candidates = new ArrayList<>(); // {row, column}
            for (int i : cells) {
                int r = alongColumn ? i : 0;
                int c = alongColumn ? column : i;
                long v = values.get(r)[c];
                if (v < 0) {
                    continue;
                }
                if (rows.get(r).get(c) == null) {
                    hiddenCount++;
                    hiddenSum += v;
                } else if (v > 0) {
                    candidates.add(new int[] {r, c});
                }
            }
            if (hiddenCount == 0 || (hiddenCount >= minGroup && hiddenSum >= Suppression.THRESHOLD) || candidates.isEmpty()) {
                return false;
            }
            int[] smallest = candidates.stream().min(Comparator.<int[]>comparingLong(rc -> values.get(rc[0])[rc[1]])
                    .thenComparing(rc -> String.valueOf(rows.get(rc[0]).get(0))).thenComparingInt(rc -> rc[1])).orElseThrow();
            rows.get(smallest[0]).set(smallest[1], null);
            return true;
        }
    }
}
