/**
 * Offer: the support schemes (dispositifs) of the regional continuum and the organisations that
 * operate them. For now the operator organisations (partners' scope); the catalogue of schemes and
 * the orientation engine come with their own issue.
 *
 * <p>API: {@link org.maillage.offer.Operators}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Offer (dispositifs d'accompagnement)")
package org.maillage.offer;
