package org.maillage.directory.internal;

import org.maillage.platform.KeptAnswers;
import org.springframework.stereotype.Component;

/**
 * What the directory's public reads compute, kept for a while and dropped at once when the directory
 * changes on this node: the facet counts of the directory browsed without words (counting every
 * published structure costs a scan of the whole table, about a second at 250,000), and the first
 * pages of searches with words (a broad word ranks thousands of structures: tens of milliseconds each
 * time, while the same few searches come back again and again). Apart, so that many searches never
 * push the counts out; at most 500 pages of 20 results (with their facet counts, a few megabytes).
 */
@Component
class DirectoryCache {

    /** Only these pages are kept: the ones people read; deeper pages and bigger sizes are computed. */
    static final int KEPT_PAGE_SIZE = 20;
    static final int KEPT_PAGES = 5;

    final KeptAnswers browseCounts = new KeptAnswers(1_000);
    final KeptAnswers searches = new KeptAnswers(500);

    /** After a change of the directory on this node: both are dropped once it commits. */
    void clearAfterCommit() {
        browseCounts.clearAfterCommit();
        searches.clearAfterCommit();
    }
}
