package org.maillage.offer.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the offer module.
 *
 * @param catalogueTtl how long the orientation engine keeps the catalogue of schemes in memory (a
 *        change made on this node is seen at once, one made on another node after this time); zero
 *        reads it for every orientation
 */
@ConfigurationProperties("maillage.offer")
record OfferProperties(@DefaultValue("PT30S") Duration catalogueTtl) {}
