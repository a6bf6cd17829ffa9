package org.maillage.offer;

/**
 * An organisation that operates support schemes (TAg BZH, France Active Bretagne, a CAE…).
 *
 * @param kind in words, e.g. "propulseur d'entrepreneuriat collectif"
 * @param regionCode the region it works in, or null when national
 */
public record Operator(String slug, String name, String kind, String regionCode, String website) {}
