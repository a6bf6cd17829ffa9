/**
 * Offer (catalogue des dispositifs d'accompagnement).
 *
 * <p>Module reserved by the foundation; its features arrive with their own issues (see DESIGN.md §3).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Offer (catalogue des dispositifs d'accompagnement)")
package org.maillage.offer;
