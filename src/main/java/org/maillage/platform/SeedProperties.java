package org.maillage.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What reference and sample data the modules load at start-up when it is absent.
 *
 * @param brittany the geography of Brittany, its pays and the Brittany network of pôles ESS
 */
@ConfigurationProperties("maillage.seed")
public record SeedProperties(@DefaultValue("true") boolean brittany) {}
