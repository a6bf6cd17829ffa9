package org.maillage.cooperation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of cooperation.
 *
 * @param nearbyKm how far (between commune centres) matching looks for counterparts outside the pôle
 * @param documentMaxSize the largest document a collective project keeps
 */
@ConfigurationProperties("maillage.cooperation")
record CooperationProperties(@DefaultValue("30") int nearbyKm, @DefaultValue("10MB") DataSize documentMaxSize) {}
