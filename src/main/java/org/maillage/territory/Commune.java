package org.maillage.territory;

import java.util.List;

/**
 * A commune (commune actuelle of the COG) with the territories it belongs to.
 *
 * @param code INSEE code (COG), e.g. {@code 22136}
 * @param epciCode SIREN of its EPCI à fiscalité propre; {@code null} for the few communes outside any
 */
public record Commune(
        String code,
        String name,
        List<String> postalCodes,
        String departementCode,
        String departementName,
        String regionCode,
        String regionName,
        String epciCode,
        String epciName,
        Integer population) {}
