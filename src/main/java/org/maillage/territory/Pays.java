package org.maillage.territory;

import java.util.List;

/**
 * A pays: a grouping of EPCI, the territorial scale of most pôles ESS in Brittany.
 *
 * @param code stable slug, e.g. {@code brest}
 * @param verified whether the EPCI list was checked against a source (otherwise provisional)
 */
public record Pays(String code, String name, String regionCode, boolean verified, String note, List<String> epciCodes) {}
