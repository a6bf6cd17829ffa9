/**
 * Account: users, their roles and scopes (DESIGN.md §2), login by password, invitation, password
 * reset, magic links for porteurs, optional OpenID Connect, and the one authorization service that
 * every page and API endpoint asks before showing or changing anything.
 *
 * <p>API: {@link org.maillage.account.Authorizations}, {@link org.maillage.account.Accounts}, their
 * records, and the {@link org.maillage.account.ScopeSource} SPI through which the modules that own
 * pôles, organisations and territories offer them as scopes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account (comptes, rôles, périmètres)")
package org.maillage.account;
