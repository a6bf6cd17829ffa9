/**
 * Observatory (indicateurs et rapports).
 *
 * <p>Module reserved by the foundation; its features arrive with their own issues (see DESIGN.md §3).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Observatory (indicateurs et rapports)")
package org.maillage.observatory;
