/**
 * Directory (annuaire des structures de l'ESS).
 *
 * <p>Module reserved by the foundation; its features arrive with their own issues (see DESIGN.md §3).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory (annuaire des structures de l'ESS)")
package org.maillage.directory;
