package org.maillage.offer;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A support scheme (dispositif) of the continuum. Its eligibility and coverage are data: the
 * orientation rules read these fields, there is no code per scheme.
 *
 * @param stages the project stages it serves
 * @param needs the needs it addresses
 * @param collectiveOnly only collective projects (a group, a future cooperative or association)
 * @param legalForms the intended legal forms it accepts (structure families' codes); empty: any
 * @param sectors the ESS sectors it serves (sector codes of the directory); empty: any
 * @param coverage where it is open
 * @param sessions its next sessions or calls; empty: open all year
 * @param updatedOn when its maintainers last changed it (null before it is saved)
 */
public record Scheme(String slug, String operatorSlug, String operatorName, String name, SchemeKind kind,
        Set<ProjectStage> stages, Set<ProjectNeed> needs, boolean collectiveOnly, Set<String> legalForms,
        Set<String> sectors, Coverage coverage, Integer capacityPerYear, List<Session> sessions, String contactEmail,
        String website, String description, LocalDate updatedOn) {

    public Scheme {
        stages = present(stages);
        needs = present(needs);
        legalForms = present(legalForms);
        sectors = present(sectors);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    /** The values of a set as chosen in a form or a request: none for null, without empty choices (nulls). */
    public static <T> Set<T> present(java.util.Collection<T> values) {
        return values == null ? Set.of() : values.stream().filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Where a scheme is open: a place is covered when it lies in one of these regions, départements,
     * EPCI (SIREN) or pôles (slugs).
     */
    public record Coverage(Set<String> regions, Set<String> departements, Set<String> epcis, Set<String> poles) {

        public Coverage {
            regions = present(regions);
            departements = present(departements);
            epcis = present(epcis);
            poles = present(poles);
        }

        public boolean covers(Place place) {
            return regions.contains(place.regionCode()) || departements.contains(place.departementCode())
                    || (place.epciCode() != null && epcis.contains(place.epciCode()))
                    || (place.poleSlug() != null && poles.contains(place.poleSlug()));
        }

        /** Narrower than a whole region: a local scheme. */
        public boolean local() {
            return regions.isEmpty();
        }
    }

    /**
     * A session or a call: when it starts, where, places left, until when one can apply.
     *
     * @param id null until saved
     */
    public record Session(Long id, LocalDate startsOn, String place, Integer placesLeft, LocalDate applyBy) {

        public Session(LocalDate startsOn, String place, Integer placesLeft, LocalDate applyBy) {
            this(null, startsOn, place, placesLeft, applyBy);
        }

        public boolean open(LocalDate today) {
            return (placesLeft == null || placesLeft > 0) && (applyBy == null || !applyBy.isBefore(today));
        }
    }

    /** Where a project is: its commune and what contains it. */
    public record Place(String communeCode, String communeName, String departementCode, String regionCode,
            String epciCode, String poleSlug) {}
}
