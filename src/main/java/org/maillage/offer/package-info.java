/**
 * Offer: the support schemes (dispositifs) of the regional continuum, the organisations that operate
 * them (partners' scope), and the orientation engine: its rules ({@link org.maillage.offer.OrientationRules})
 * read the schemes' fields only.
 *
 * <p>API: {@link org.maillage.offer.Operators}, {@link org.maillage.offer.Schemes},
 * {@link org.maillage.offer.Orientation}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Offer (dispositifs d'accompagnement)")
package org.maillage.offer;
