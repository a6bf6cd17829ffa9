/**
 * Account (comptes, rôles, périmètres).
 *
 * <p>Module reserved by the foundation; its features arrive with their own issues (see DESIGN.md §3).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account (comptes, rôles, périmètres)")
package org.maillage.account;
