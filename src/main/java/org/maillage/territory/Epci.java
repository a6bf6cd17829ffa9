package org.maillage.territory;

/**
 * An EPCI à fiscalité propre (intercommunalité).
 *
 * @param code SIREN
 * @param kind CC, CA, CU, METRO or MET69
 * @param communes number of member communes
 */
public record Epci(String code, String name, String kind, int communes, Integer population) {}
