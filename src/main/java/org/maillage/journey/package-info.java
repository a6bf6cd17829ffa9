/**
 * Journey (parcours des porteurs de projet).
 *
 * <p>Module reserved by the foundation; its features arrive with their own issues (see DESIGN.md §3).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journey (parcours des porteurs de projet)")
package org.maillage.journey;
