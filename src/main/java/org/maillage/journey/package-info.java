/**
 * Journey: porteurs de projet and their journey (intake, primo-accueil, referrals, follow-up,
 * outcome). For now who the porteurs are and which pôle welcomed them, their file (read by the
 * pôle's animators, every read in the audit log) and their own space; the journey itself comes
 * with its own issue.
 *
 * <p>API: {@link org.maillage.journey.Porteurs}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journey (parcours des porteurs de projet)")
package org.maillage.journey;
