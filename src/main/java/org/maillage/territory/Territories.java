package org.maillage.territory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The territory module's API: find communes, and the EPCI and pays they belong to. */
public interface Territories {

    /** An INSEE commune code: five digits, or 2A/2B and three digits in Corsica. */
    Pattern COMMUNE_CODE = Pattern.compile("\\d{5}|2[AB]\\d{3}");
    int MAX_SUGGESTIONS = 50;

    /**
     * Communes whose name (or a delegated or former name) starts with the query, or has a word that
     * starts with it; or, when the query is made of digits, whose postal code starts with it.
     * Accents, case, hyphens and apostrophes are ignored and "st" stands for "saint"; communes of the
     * home region come first, then the most populated. Falls back to typo-tolerant (trigram)
     * matching when no name matches.
     *
     * @param limit at most {@link #MAX_SUGGESTIONS}
     */
    List<CommuneSuggestion> suggestCommunes(String query, int limit);

    /**
     * The commune a person means, typed as an INSEE code or a name ("22084", "Loudéac", "st malo"):
     * the code itself when it exists, else the exact name, else the best suggestion; empty when
     * nothing matches or nothing was typed.
     */
    default Optional<String> bestCommune(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (COMMUNE_CODE.matcher(text).matches() && findCommune(text).isPresent()) {
            return Optional.of(text);
        }
        List<CommuneSuggestion> found = suggestCommunes(text, 5);
        return found.stream().filter(CommuneSuggestion::exact).findFirst().or(() -> found.stream().findFirst())
                .map(suggestion -> suggestion.commune().code());
    }

    /** The commune with this INSEE code; empty for an unknown or malformed code. */
    Optional<Commune> findCommune(String code);

    List<Commune> findCommunes(Collection<String> codes);

    List<Epci> findEpcis(Collection<String> codes);

    /** The départements of a region: INSEE code → name, by code. */
    java.util.SortedMap<String, String> departementsOfRegion(String regionCode);

    /** The name of a region (INSEE code); empty for an unknown code. */
    Optional<String> regionName(String regionCode);

    /** The EPCI with at least one member commune in the region, by name. */
    List<Epci> epcisOfRegion(String regionCode);

    /** The member communes of these EPCI, as INSEE codes. */
    Set<String> communeCodesOfEpcis(Collection<String> epciCodes);

    /**
     * The centres of these communes, by INSEE code: only the communes that have one (the middle of
     * the commune's bounding box, from {@code @etalab/fr-bounding-boxes}: an approximate centre, to
     * place the commune on a map).
     */
    Map<String, GeoPoint> communeCentres(Collection<String> communeCodes);

    /**
     * The centres of these EPCI, by SIREN: the mean of the centres of their member communes,
     * weighted by population when every such member's population is known (else a plain mean).
     * Only the EPCI with at least one member that has a centre.
     */
    Map<String, GeoPoint> epciCentres(Collection<String> epciCodes);

    Optional<Pays> findPays(String code);

    List<Pays> paysOfRegion(String regionCode);
}
