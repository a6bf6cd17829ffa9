package org.maillage.network.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.PoleRef;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.network.CoverageChange;
import org.maillage.network.FundingKind;
import org.maillage.network.GovernanceForm;
import org.maillage.network.PoleCoverage;
import org.maillage.network.PoleCoverageChanged;
import org.maillage.network.PoleLifecycle;
import org.maillage.network.PoleManagement;
import org.maillage.network.PoleStatus;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.network.PrefigurationStep;
import org.maillage.network.RegionalNetwork;
import org.maillage.platform.Audit;
import org.maillage.platform.AuditEvent;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.maillage.platform.Slugs;
import org.maillage.territory.Epci;
import org.maillage.territory.Territories;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class PoleManagementService implements PoleManagement {

    private static final String TEAM_MEMBER = "POLE_TEAM_MEMBER";
    private static final String COVERAGE = "POLE_COVERAGE";

    private final JdbcClient jdbc;
    private final Poles poles;
    private final PoleRepository repository;
    private final Authorizations authorizations;
    private final Audit audit;
    private final Territories territories;
    private final ApplicationEventPublisher events;

    PoleManagementService(JdbcClient jdbc, Poles poles, PoleRepository repository, Authorizations authorizations,
            Audit audit, Territories territories, ApplicationEventPublisher events) {
        this.audit = audit;
        this.territories = territories;
        this.events = events;
        this.jdbc = jdbc;
        this.poles = poles;
        this.repository = repository;
        this.authorizations = authorizations;
    }

    private PoleCoverage coverage(String slug) {
        return poles.findBySlug(slug).orElseThrow(() -> new NotFoundException("pole.unknown", slug));
    }

    private static PoleRef ref(PoleSummary pole) {
        return new PoleRef(pole.slug(), pole.regionCode());
    }

    private static boolean coordinates(CurrentUser user, String regionCode) {
        return user.scopes(Role.COORDINATEUR, ScopeType.REGION).contains(regionCode);
    }

    /** The pôle, once the user may change its organisation. */
    private PoleSummary changeable(CurrentUser user, String slug) {
        PoleSummary pole = coverage(slug).pole();
        authorizations.check(authorizations.canChangePole(user, ref(pole)));
        return pole;
    }

    @Override
    @Transactional(readOnly = true)
    public PoleFile file(CurrentUser user, String slug) {
        PoleCoverage coverage = coverage(slug);
        PoleSummary pole = coverage.pole();
        authorizations.check(authorizations.canSeePoleInternals(user, ref(pole)));
        long id = pole.id().value();
        GovernanceForm governance = governance(id);
        Map<PrefigurationStep, StepRecord> steps = steps(id);
        Set<PrefigurationStep> done = steps.entrySet().stream().filter(e -> e.getValue().done()).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Map<PoleStatus, List<PoleLifecycle.Missing>> moves = new LinkedHashMap<>();
        PoleLifecycle.next(pole.status()).stream().sorted()
                .forEach(to -> moves.put(to, PoleLifecycle.missing(pole.status(), to, done, governance)));
        boolean coordinator = coordinates(user, pole.regionCode());
        return new PoleFile(pole, governance, steps, team(id), funding(id), history(id), moves, coordinator,
                coverage.epcis().size(), coverage.communeCount(), coverage,
                coordinator ? uncoveredEpcis(pole) : List.of());
    }

    /** The EPCI of the pôle's region that no pôle of its network covers. */
    private List<Epci> uncoveredEpcis(PoleSummary pole) {
        Set<String> covered = new HashSet<>(jdbc.sql("""
                        select c.epci_code from network.pole_coverage_epci c join network.pole p on p.network_id = c.network_id
                        where p.id = :pole""")
                .param("pole", pole.id().value()).query(String.class).list());
        return territories.epcisOfRegion(pole.regionCode()).stream().filter(epci -> !covered.contains(epci.code()))
                .sorted(java.util.Comparator.comparing(Epci::name)).toList();
    }

    @Override
    public void addEpci(CurrentUser user, String slug, String epciCode) {
        changeEpcis(user, slug, epciCode == null ? "" : epciCode.strip(), true);
    }

    @Override
    public void removeEpci(CurrentUser user, String slug, String epciCode) {
        changeEpcis(user, slug, epciCode == null ? "" : epciCode.strip(), false);
    }

    private void changeEpcis(CurrentUser user, String slug, String epciCode, boolean add) {
        PoleSummary pole = coverage(slug).pole();
        authorizations.check(coordinates(user, pole.regionCode()));
        if (add && territories.epcisOfRegion(pole.regionCode()).stream().noneMatch(epci -> epci.code().equals(epciCode))) {
            throw new RuleViolationException("network.coverage.otherRegion", epciCode);
        }
        repository.lockNetworkOf(pole.id()); // two coordinators at once: one after the other, each on the latest coverage
        PoleCoverage coverage = coverage(slug);
        Map<String, Boolean> epcis = new LinkedHashMap<>();
        coverage.epcis().forEach(covered -> epcis.put(covered.epci().code(), covered.verified()));
        Map<String, Boolean> communes = new LinkedHashMap<>();
        coverage.communes().forEach(covered -> communes.put(covered.commune().code(), covered.verified()));
        boolean changed = add ? epcis.putIfAbsent(epciCode, true) == null : epcis.remove(epciCode) != null;
        if (!changed) {
            return;
        }
        poles.changeCoverage(pole.id(), new CoverageChange(epcis, communes)); // the one-pôle-per-commune rule
        audit.record(new AuditEvent(add ? "CREATE" : "DELETE", COVERAGE, slug + "/" + epciCode, null, pole.regionCode(),
                Map.of("pole", pole.name(), "epci", epciCode)));
        events.publishEvent(new PoleCoverageChanged(pole.slug(), territories.communeCodesOfEpcis(Set.of(epciCode))));
    }

    @Override
    @Transactional(readOnly = true)
    public List<PoleOverview> overview(CurrentUser user, int year) {
        Set<String> regions = user.scopes(Role.COORDINATEUR, ScopeType.REGION);
        authorizations.check(!regions.isEmpty());
        return poles.list().stream().filter(pole -> regions.contains(pole.regionCode())).map(pole -> {
            PoleCoverage coverage = coverage(pole.slug());
            long id = pole.id().value();
            BigDecimal fte = jdbc.sql("select coalesce(sum(fte), 0) from network.pole_team_member where pole_id = :id")
                    .param("id", id).query(BigDecimal.class).single();
            BigDecimal budget = jdbc.sql("select coalesce(sum(amount), 0) from network.pole_funding where pole_id = :id and year = :year")
                    .param("id", id).param("year", year).query(BigDecimal.class).single();
            long stepsDone = jdbc.sql("select count(*) from network.pole_step where pole_id = :id and done_on is not null")
                    .param("id", id).query(Long.class).single();
            return new PoleOverview(pole, coverage.epcis().size(), coverage.communeCount(), fte, budget, stepsDone);
        }).toList();
    }

    @Override
    public String create(CurrentUser user, NewPole pole) {
        Set<String> regions = user.scopes(Role.COORDINATEUR, ScopeType.REGION);
        authorizations.check(!regions.isEmpty());
        RegionalNetwork network = regions.stream().sorted().map(repository::findNetworkOfRegion)
                .flatMap(java.util.Optional::stream).findFirst()
                .orElseThrow(() -> new RuleViolationException("pole.noNetwork"));
        String slug = uniqueSlug(Slugs.of(pole.name(), 70, "pole"));
        jdbc.sql("""
                insert into network.pole (network_id, slug, name, carrier_name, territory_label, status, name_verified)
                values ((select id from network.network where code = :network), :slug, :name, :carrier, :territory,
                        'INITIATIVE', true)
                """).param("network", network.code()).param("slug", slug).param("name", pole.name().strip())
                .param("carrier", blankToNull(pole.carrierName())).param("territory", pole.territoryLabel().strip())
                .update();
        repository.changed();
        return slug;
    }

    @Override
    public void updateIdentity(CurrentUser user, String slug, PoleIdentity identity) {
        PoleSummary pole = changeable(user, slug);
        jdbc.sql("""
                update network.pole set name = :name, carrier_name = :carrier, territory_label = :territory,
                    governance_form = :governance, email = :email, phone = :phone, website = :website,
                    address = :address, updated_at = now()
                where id = :id
                """).param("name", identity.name().strip()).param("carrier", blankToNull(identity.carrierName()))
                .param("territory", identity.territoryLabel().strip())
                .param("governance", identity.governanceForm() == null ? null : identity.governanceForm().name())
                .param("email", blankToNull(identity.email())).param("phone", blankToNull(identity.phone()))
                .param("website", blankToNull(identity.website())).param("address", blankToNull(identity.address()))
                .param("id", pole.id().value()).update();
        repository.changed();
    }

    @Override
    public void changeStatus(CurrentUser user, String slug, PoleStatus to, String note) {
        PoleSummary pole = coverage(slug).pole();
        authorizations.check(coordinates(user, pole.regionCode()));
        long id = pole.id().value();
        // one move at a time for a pôle
        PoleStatus from = PoleStatus.valueOf(jdbc.sql("select status from network.pole where id = :id for update")
                .param("id", id).query(String.class).single());
        Set<PrefigurationStep> done = steps(id).entrySet().stream().filter(e -> e.getValue().done())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        List<PoleLifecycle.Missing> missing = PoleLifecycle.missing(from, to, done, governance(id));
        if (!missing.isEmpty()) {
            throw new RuleViolationException("pole.lifecycle.refused", missing.size());
        }
        jdbc.sql("update network.pole set status = :to, updated_at = now() where id = :id")
                .param("to", to.name()).param("id", id).update();
        repository.changed();
        jdbc.sql("""
                insert into network.pole_status_change (pole_id, from_status, to_status, by_label, note)
                values (:id, :from, :to, :by, :note)
                """).param("id", id).param("from", from.name()).param("to", to.name())
                .param("by", user.displayName()).param("note", note == null ? "" : note.strip()).update();
    }

    @Override
    public void recordStep(CurrentUser user, String slug, PrefigurationStep step, StepRecord record) {
        PoleSummary pole = changeable(user, slug);
        jdbc.sql("""
                insert into network.pole_step (pole_id, step, done_on, notes, links) values (:id, :step, :done, :notes, :links)
                on conflict (pole_id, step) do update set done_on = excluded.done_on, notes = excluded.notes,
                    links = excluded.links, updated_at = now()
                """).param("id", pole.id().value()).param("step", step.name())
                .param("done", record.doneOn() == null ? null : Date.valueOf(record.doneOn()))
                .param("notes", record.notes().strip()).param("links", String.join("\n", record.links())).update();
    }

    @Override
    public void addTeamMember(CurrentUser user, String slug, TeamMember member) {
        PoleSummary pole = changeable(user, slug);
        long id = jdbc.sql("""
                insert into network.pole_team_member (pole_id, person_name, job_title, fte) values (:id, :name, :job, :fte)
                returning id
                """).param("id", pole.id().value()).param("name", member.personName().strip())
                .param("job", member.jobTitle().strip()).param("fte", member.fte()).query(Long.class).single();
        // a person's name and job: personal data
        audit.record(new AuditEvent("CREATE", TEAM_MEMBER, Long.toString(id), null, pole.regionCode(),
                Map.of("pôle", pole.slug(), "fields", List.of("nom", "fonction", "ETP"))));
    }

    @Override
    public void removeTeamMember(CurrentUser user, String slug, long memberId) {
        PoleSummary pole = changeable(user, slug);
        int removed = jdbc.sql("delete from network.pole_team_member where id = :member and pole_id = :id")
                .param("member", memberId).param("id", pole.id().value()).update();
        if (removed > 0) {
            audit.record(new AuditEvent("DELETE", TEAM_MEMBER, Long.toString(memberId), null, pole.regionCode(),
                    Map.of("pôle", pole.slug())));
        }
    }

    @Override
    public void addFunding(CurrentUser user, String slug, FundingLine line) {
        PoleSummary pole = changeable(user, slug);
        jdbc.sql("insert into network.pole_funding (pole_id, year, funder, kind, amount) values (:id, :year, :funder, :kind, :amount)")
                .param("id", pole.id().value()).param("year", line.year()).param("funder", line.funder().strip())
                .param("kind", line.kind().name()).param("amount", line.amount()).update();
    }

    @Override
    public void removeFunding(CurrentUser user, String slug, long lineId) {
        PoleSummary pole = changeable(user, slug);
        jdbc.sql("delete from network.pole_funding where id = :line and pole_id = :id")
                .param("line", lineId).param("id", pole.id().value()).update();
    }

    // --- Reading ------------------------------------------------------------------------------

    private GovernanceForm governance(long id) {
        return jdbc.sql("select governance_form from network.pole where id = :id").param("id", id)
                .query(String.class).optional().map(GovernanceForm::valueOf).orElse(null);
    }

    private Map<PrefigurationStep, StepRecord> steps(long id) {
        Map<PrefigurationStep, StepRecord> steps = new EnumMap<>(PrefigurationStep.class);
        jdbc.sql("select step, done_on, notes, links from network.pole_step where pole_id = :id").param("id", id)
                .query((rs, row) -> {
                    Date done = rs.getDate("done_on");
                    String links = rs.getString("links");
                    steps.put(PrefigurationStep.valueOf(rs.getString("step")), new StepRecord(
                            done == null ? null : done.toLocalDate(), rs.getString("notes"),
                            links.isBlank() ? List.of() : Arrays.asList(links.split("\n"))));
                    return null;
                }).list();
        return steps;
    }

    private List<TeamMember> team(long id) {
        return jdbc.sql("select id, person_name, job_title, fte from network.pole_team_member where pole_id = :id order by id")
                .param("id", id)
                .query((rs, row) -> new TeamMember(rs.getLong("id"), rs.getString("person_name"), rs.getString("job_title"),
                        rs.getBigDecimal("fte")))
                .list();
    }

    private List<FundingLine> funding(long id) {
        return jdbc.sql("select id, year, funder, kind, amount from network.pole_funding where pole_id = :id order by year desc, amount desc")
                .param("id", id)
                .query((rs, row) -> new FundingLine(rs.getLong("id"), rs.getInt("year"), rs.getString("funder"),
                        FundingKind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount")))
                .list();
    }

    private List<StatusChange> history(long id) {
        return jdbc.sql("select * from network.pole_status_change where pole_id = :id order by at desc, id desc")
                .param("id", id)
                .query((rs, row) -> new StatusChange(PoleStatus.valueOf(rs.getString("from_status")),
                        PoleStatus.valueOf(rs.getString("to_status")), rs.getTimestamp("at").toInstant(),
                        rs.getString("by_label"), rs.getString("note")))
                .list();
    }

    // --- Helpers ------------------------------------------------------------------------------

    private String uniqueSlug(String base) {
        String slug = base;
        for (int i = 2; repository.findBySlug(slug).isPresent(); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
