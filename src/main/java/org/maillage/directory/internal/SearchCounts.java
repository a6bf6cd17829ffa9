package org.maillage.directory.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The total of a search and, for each facet, the count of matches per value (as if that facet were
 * not chosen), most frequent first.
 */
record SearchCounts(long total, Map<String, Map<String, Long>> facets) {

    static final List<String> FACETS = List.of("family", "sector", "pole", "departement");

    /** The {@code grouping(family, sector, pole_slug, departement_code)} of each facet's counts. */
    private static final Map<Integer, String> GROUPING = Map.of(7, "family", 11, "sector", 13, "pole", 14, "departement");
    private static final int TOTAL = 15;

    /** From the "grouping|value|count" texts of search.sql. */
    static SearchCounts parse(String[] counts) {
        long total = 0;
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        FACETS.forEach(facet -> facets.put(facet, new LinkedHashMap<>()));
        for (String line : counts == null ? new String[0] : counts) {
            String[] parts = line.split("\\|", -1);
            int grouping = Integer.parseInt(parts[0]);
            long n = Long.parseLong(parts[2]);
            if (grouping == TOTAL) {
                total = n;
            } else if (!parts[1].isEmpty() && n > 0) {
                facets.get(GROUPING.get(grouping)).put(parts[1], n);
            }
        }
        facets.replaceAll((facet, values) -> values.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
        return new SearchCounts(total, facets);
    }
}
