package org.maillage.network;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.maillage.account.CurrentUser;
import org.maillage.territory.Epci;

/**
 * Managing the pôles: coordinators of the region create them and move them through their lifecycle;
 * the pôle's animators and the coordinators keep the checklist, the team and the funding lines.
 * Every method checks the user's rights (403 otherwise).
 */
public interface PoleManagement {

    /** Everything about a pôle's organisation, for its animators and its region's coordinators. */
    PoleFile file(CurrentUser user, String slug);

    /** Every pôle of the regions the user coordinates, with status, coverage, team and budget of the year. */
    List<PoleOverview> overview(CurrentUser user, int year);

    /** A new pôle at the INITIATIVE stage in the user's region; its slug. */
    String create(CurrentUser user, NewPole pole);

    void updateIdentity(CurrentUser user, String slug, PoleIdentity identity);

    /**
     * Moves the pôle to another status (coordinators only).
     *
     * @throws org.maillage.platform.RuleViolationException when the move is not possible, naming what is missing
     */
    void changeStatus(CurrentUser user, String slug, PoleStatus to, String note);

    void recordStep(CurrentUser user, String slug, PrefigurationStep step, StepRecord record);

    void addTeamMember(CurrentUser user, String slug, TeamMember member);

    void removeTeamMember(CurrentUser user, String slug, long memberId);

    void addFunding(CurrentUser user, String slug, FundingLine line);

    void removeFunding(CurrentUser user, String slug, long lineId);

    /**
     * Adds an EPCI to the pôle's coverage (the coordinators of its region). Refused, with nothing
     * written, when a commune would then have two pôles in the network.
     *
     * @throws org.maillage.platform.RuleViolationException with the French reason
     */
    void addEpci(CurrentUser user, String slug, String epciCode);

    /** Removes an EPCI from the pôle's coverage (the coordinators of its region). */
    void removeEpci(CurrentUser user, String slug, String epciCode);

    /** A new pôle. */
    record NewPole(String name, String territoryLabel, String carrierName) {}

    /** What a pôle says of itself. */
    record PoleIdentity(String name, String carrierName, String territoryLabel, GovernanceForm governanceForm,
            String email, String phone, String website, String address) {}

    /** A step of the checklist: done when dated. */
    record StepRecord(LocalDate doneOn, String notes, List<String> links) {
        public StepRecord {
            notes = notes == null ? "" : notes;
            links = links == null ? List.of() : List.copyOf(links);
        }

        public boolean done() {
            return doneOn != null;
        }

        /** The links, one per line, as the form shows them. */
        public String linksText() {
            return String.join("\n", links);
        }
    }

    record TeamMember(long id, String personName, String jobTitle, BigDecimal fte) {}

    record FundingLine(long id, int year, String funder, FundingKind kind, BigDecimal amount) {}

    record StatusChange(PoleStatus from, PoleStatus to, Instant at, String byLabel, String note) {}

    /** A pôle as its managers see it. */
    /**
     * @param coverage what the pôle covers
     * @param epciChoices the EPCI of the region that no pôle covers yet, for coordinators (else empty)
     */
    record PoleFile(PoleSummary pole, GovernanceForm governanceForm, Map<PrefigurationStep, StepRecord> steps,
            List<TeamMember> team, List<FundingLine> funding, List<StatusChange> history,
            Map<PoleStatus, List<PoleLifecycle.Missing>> moves, boolean canChangeStatus, int epciCount,
            int communeCount, PoleCoverage coverage, List<Epci> epciChoices) {

        public BigDecimal fte() {
            return team.stream().map(TeamMember::fte).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** One line of the regional overview. */
    record PoleOverview(PoleSummary pole, int epciCount, int communeCount, BigDecimal fte, BigDecimal budget,
            long stepsDone) {}
}
