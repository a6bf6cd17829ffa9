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
 * @param searchResultsTtl how long a page of a search with words is kept, for the same words (whatever
 *        their case), facets and page (a change made on this node clears them at once, a change made on
 *        another node shows after this time); zero searches on every request
 * @param importInBackgroundFrom from how many rows a CSV import runs in the background, its page
 *        showing its progress (shorter files are imported before the answer)
 */
@ConfigurationProperties("maillage.directory")
record DirectoryProperties(@DefaultValue("PT2M") Duration browseCountsTtl,
        @DefaultValue("PT1M") Duration searchResultsTtl,
        @DefaultValue("2000") int importInBackgroundFrom) {}
