package org.maillage.directory.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.maillage.network.PoleCoverageChanged;
import org.maillage.network.PoleResolution;
import org.maillage.network.Poles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A structure is shown under the pôle that covers its commune: when a pôle's coverage changes, the
 * structures of the communes concerned follow (once the change is committed, in a transaction of
 * their own).
 */
@Component
class StructurePoles {

    private static final Logger log = LoggerFactory.getLogger(StructurePoles.class);

    private final JdbcClient jdbc;
    private final Poles poles;
    private final DirectoryCache cache;

    StructurePoles(JdbcClient jdbc, Poles poles, DirectoryCache cache) {
        this.jdbc = jdbc;
        this.poles = poles;
        this.cache = cache;
    }

    @ApplicationModuleListener
    void on(PoleCoverageChanged change) {
        List<String> communes = jdbc.sql("select distinct commune_code from directory.structure where commune_code = any(:codes)")
                .param("codes", change.communeCodes().toArray(String[]::new)).query(String.class).list();
        Map<String, List<String>> byPole = new HashMap<>();
        for (String commune : communes) {
            PoleResolution resolution = poles.resolve(commune);
            String pole = resolution.pole() == null ? "" : resolution.pole().slug();
            byPole.computeIfAbsent(pole, slug -> new java.util.ArrayList<>()).add(commune);
        }
        int moved = 0;
        for (Map.Entry<String, List<String>> entry : byPole.entrySet()) {
            moved += jdbc.sql("""
                            update directory.structure set pole_slug = :pole, updated_at = now()
                            where commune_code = any(:communes) and pole_slug is distinct from :pole""")
                    .param("pole", entry.getKey().isEmpty() ? null : entry.getKey())
                    .param("communes", entry.getValue().toArray(String[]::new)).update();
        }
        if (moved > 0) {
            cache.clearAfterCommit();
        }
        log.info("Coverage of {} changed: {} structure(s) now under another pôle", change.poleSlug(), moved);
    }
}
