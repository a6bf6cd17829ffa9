/**
 * Territory: the official French administrative geography — régions, départements, EPCI,
 * communes (COG codes, from {@code @etalab/decoupage-administratif}) — and the pays, groupings of
 * EPCI.
 *
 * <p>API: {@link org.maillage.territory.Territories} and its records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Territory (territoires)")
package org.maillage.territory;
