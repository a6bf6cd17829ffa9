package org.maillage.network;

/**
 * A regional network of pôles and its coordination (in Brittany, the CRESS).
 *
 * @param regionCode INSEE code of the region
 */
public record RegionalNetwork(String code, String name, String regionCode, Contact coordination) {}
