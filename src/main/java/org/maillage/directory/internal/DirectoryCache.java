package org.maillage.directory.internal;

import org.maillage.platform.KeptAnswers;
import org.springframework.stereotype.Component;

/**
 * What the directory's public reads compute, kept for a while and dropped at once when the directory
 * changes on this node: the facet counts of the directory browsed without words (counting every
 * published structure costs a scan of the whole table, about a second at 250,000), and the pages of
 * searches with words (a broad word ranks thousands of structures: tens of milliseconds each time,
 * while the same few searches come back again and again).
 */
@Component
class DirectoryCache extends KeptAnswers {}
