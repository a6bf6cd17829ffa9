package org.maillage.directory.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the directory.
 *
 * @param browseCountsTtl how long the facet counts of the directory browsed without words are kept
 *        (they count every published structure; a change made on this node clears them at once, a
 *        change made on another node shows after this time); zero counts on every request
 */
@ConfigurationProperties("maillage.directory")
record DirectoryProperties(@DefaultValue("PT2M") Duration browseCountsTtl) {}
