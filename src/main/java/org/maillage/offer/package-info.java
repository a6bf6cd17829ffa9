/**
 * Offer: the support schemes (dispositifs) of the regional continuum, the organisations that operate
 * them (partners' scope), their maintenance by partners and coordinators, their export in the
 * data·inclusion schema, and the orientation engine: its rules ({@link org.maillage.offer.OrientationRules})
 * read the schemes' fields only; {@link org.maillage.offer.OrientationExplanations} puts them in words.
 *
 * <p>API: {@link org.maillage.offer.Operators}, {@link org.maillage.offer.Schemes},
 * {@link org.maillage.offer.Orientation}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Offer (dispositifs d'accompagnement)")
package org.maillage.offer;
