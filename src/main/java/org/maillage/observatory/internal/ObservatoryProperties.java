package org.maillage.observatory.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the observatory.
 *
 * @param cacheTtl how long a computed dashboard is reused on a node (figures are at most this old)
 * @param cacheEntries how many dashboards a node keeps
 * @param panoramaRegion the region of the public panorama when none is asked (INSEE code)
 */
@ConfigurationProperties("maillage.observatory")
public record ObservatoryProperties(
        @DefaultValue("5m") Duration cacheTtl,
        @DefaultValue("500") int cacheEntries,
        @DefaultValue("53") String panoramaRegion) {}
