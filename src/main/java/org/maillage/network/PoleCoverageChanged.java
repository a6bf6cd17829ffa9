package org.maillage.network;

/**
 * The coverage of a pôle changed (an EPCI added or removed): the pôle that welcomes a commune may
 * have changed, in the pôle's region.
 */
public record PoleCoverageChanged(String poleSlug, String regionCode) {}
