/**
 * Journey: porteurs de projet and their journey (intake, primo-accueil, referrals, follow-up,
 * outcome). For now who the porteurs are and which pôle welcomed them, their file (read by the
 * pôle's animators, every read in the audit log), their own space, their projects as the orientation
 * compares a new project with them, and the orientation page and API (the engine itself is the
 * offer module's); the journey itself comes with its own issue.
 *
 * <p>API: {@link org.maillage.journey.Porteurs}, {@link org.maillage.journey.Projects}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journey (parcours des porteurs de projet)")
package org.maillage.journey;
