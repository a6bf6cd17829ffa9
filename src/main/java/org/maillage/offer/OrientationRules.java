package org.maillage.offer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The orientation engine's rules: which schemes fit a project, why, and what blocks the others. The
 * rules read the schemes' fields only (rules are data); the ranking is deterministic: fitting
 * schemes first, by score (stage, each need addressed, a sector served, a local scheme), then by
 * name; blocked schemes after them, with their reasons.
 */
public final class OrientationRules {

    /** Points of each reason, as the page explains them. */
    public static final int STAGE_POINTS = 40;
    public static final int NEED_POINTS = 25;
    public static final int SECTOR_POINTS = 15;
    public static final int LOCAL_POINTS = 5;

    private OrientationRules() {}

    /**
     * A project as the engine sees it.
     *
     * @param sector a sector code of the directory, or null
     * @param collective a group, or a collective structure to come
     * @param legalForm the intended structure family's code, or null when not decided
     */
    public record Project(ProjectStage stage, Set<ProjectNeed> needs, String sector, boolean collective,
            String legalForm) {

        public Project {
            needs = needs == null ? Set.of() : Set.copyOf(needs);
        }
    }

    /** Why a scheme fits. {@code detail}: the need, the sector, the date of the next session. */
    public enum Reason { STAGE_COVERED, NEED_ADDRESSED, SECTOR_SERVED, LOCAL_SCHEME, NEXT_SESSION }

    /** Why a scheme does not fit (now). */
    public enum Block { OUT_OF_COVERAGE, STAGE_NOT_COVERED, COLLECTIVE_ONLY, LEGAL_FORM, SECTOR, NO_PLACES }

    public record Why(Reason reason, String detail, int points) {}

    public record Blocker(Block block, String detail) {}

    public record Suggestion(Scheme scheme, int score, List<Why> reasons, List<Blocker> blockers) {

        public boolean fits() {
            return blockers.isEmpty();
        }
    }

    public static List<Suggestion> rank(Project project, Scheme.Place place, List<Scheme> schemes, LocalDate today) {
        List<Suggestion> suggestions = new ArrayList<>();
        for (Scheme scheme : schemes) {
            suggestions.add(judge(project, place, scheme, today));
        }
        suggestions.sort(Comparator.comparing((Suggestion s) -> !s.fits()).thenComparing(Suggestion::score, Comparator.reverseOrder())
                .thenComparing(s -> s.scheme().name()).thenComparing(s -> s.scheme().slug()));
        return suggestions;
    }

    static Suggestion judge(Project project, Scheme.Place place, Scheme scheme, LocalDate today) {
        List<Why> reasons = new ArrayList<>();
        List<Blocker> blockers = new ArrayList<>();
        if (!scheme.coverage().covers(place)) {
            blockers.add(new Blocker(Block.OUT_OF_COVERAGE, place.communeName()));
        }
        if (scheme.stages().contains(project.stage())) {
            reasons.add(new Why(Reason.STAGE_COVERED, project.stage().name(), STAGE_POINTS));
        } else {
            blockers.add(new Blocker(Block.STAGE_NOT_COVERED, project.stage().name()));
        }
        if (scheme.collectiveOnly() && !project.collective()) {
            blockers.add(new Blocker(Block.COLLECTIVE_ONLY, null));
        }
        if (!scheme.legalForms().isEmpty() && project.legalForm() != null && !scheme.legalForms().contains(project.legalForm())) {
            blockers.add(new Blocker(Block.LEGAL_FORM, project.legalForm()));
        }
        if (!scheme.sectors().isEmpty()) {
            if (project.sector() != null && scheme.sectors().contains(project.sector())) {
                reasons.add(new Why(Reason.SECTOR_SERVED, project.sector(), SECTOR_POINTS));
            } else {
                blockers.add(new Blocker(Block.SECTOR, project.sector()));
            }
        }
        for (ProjectNeed need : new TreeSet<>(project.needs())) {
            if (scheme.needs().contains(need)) {
                reasons.add(new Why(Reason.NEED_ADDRESSED, need.name(), NEED_POINTS));
            }
        }
        if (scheme.coverage().local() && scheme.coverage().covers(place)) {
            reasons.add(new Why(Reason.LOCAL_SCHEME, place.communeName(), LOCAL_POINTS));
        }
        if (!scheme.sessions().isEmpty()) {
            scheme.sessions().stream().filter(session -> session.open(today) && !session.startsOn().isBefore(today))
                    .min(Comparator.comparing(Scheme.Session::startsOn))
                    .ifPresentOrElse(next -> reasons.add(new Why(Reason.NEXT_SESSION, next.startsOn().toString(), 0)),
                            () -> blockers.add(new Blocker(Block.NO_PLACES, null)));
        }
        int score = reasons.stream().mapToInt(Why::points).sum();
        return new Suggestion(scheme, score, List.copyOf(reasons), List.copyOf(blockers));
    }
}
