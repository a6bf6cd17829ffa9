package org.maillage.territory.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param homeRegion INSEE code of the region whose communes come first in the autocomplete
 */
@ConfigurationProperties("maillage.territory")
record TerritoryProperties(@DefaultValue("53") String homeRegion) {}
