/**
 * Network: the regional networks of pôles de développement de l'ESS, their pôles, lifecycle and
 * coverage (a set of EPCI, and single communes where needed), and the resolution of a commune to
 * its pôle ("Trouver mon pôle").
 *
 * <p>API: {@link org.maillage.network.Poles} and its records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Network (réseau des pôles)")
package org.maillage.network;
