/**
 * Cooperation (coopérations entre structures): what makes a pôle a network rather than a help desk.
 * Member structures publish what they offer and what they need, and matching suggests counterparts in
 * the pôle and nearby; a match records whether it led to business and its amount. Pooling
 * (mutualisation) of jobs, premises and equipment; collective projects between structures (a filière or
 * a transversal project) with participants, steps, documents and supporting schemes; territorial needs
 * and dormant ideas that the pôle links to a porteur's project or to an opportunity study.
 *
 * <p>API: {@link org.maillage.cooperation.Exchanges} (offers, needs, matches),
 * {@link org.maillage.cooperation.Poolings}, {@link org.maillage.cooperation.CollectiveProjects},
 * {@link org.maillage.cooperation.TerritorialIdeas}, {@link org.maillage.cooperation.CooperationStatistics}.
 * Everything is seen by the network of a region (its structures, the animators of its pôles, its
 * coordinators), never by the public, funders (figures only) or porteurs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cooperation (coopérations entre structures)")
package org.maillage.cooperation;
