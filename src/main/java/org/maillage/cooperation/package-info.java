/**
 * Cooperation (coopérations entre structures).
 *
 * <p>Module reserved by the foundation; its features arrive with their own issues (see DESIGN.md §3).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cooperation (coopérations entre structures)")
package org.maillage.cooperation;
