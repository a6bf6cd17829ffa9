package org.maillage.territory;

/**
 * One answer of the commune autocomplete.
 *
 * @param matchedAlias the other name that matched (commune déléguée, arrondissement), or {@code null}
 * @param matchedPostalCode the postal code that matched a numeric query, or {@code null}
 * @param exact the query is the commune's (or the alias') full name — accents, case and punctuation
 *     aside — or one of its postal codes
 */
public record CommuneSuggestion(Commune commune, String matchedAlias, String matchedPostalCode, boolean exact) {

    /** "Loudéac (22600)", with the postal code that matched when the query was one. */
    public String label() {
        String postalCode = matchedPostalCode != null ? matchedPostalCode
                : commune.postalCodes().isEmpty() ? null : commune.postalCodes().get(0);
        return postalCode == null ? commune.name() : commune.name() + " (" + postalCode + ")";
    }
}
