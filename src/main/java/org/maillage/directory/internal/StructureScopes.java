package org.maillage.directory.internal;

import java.util.List;
import java.util.Optional;
import org.maillage.account.ScopeOption;
import org.maillage.account.ScopeSource;
import org.maillage.account.ScopeType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Structures of the directory, as the scope of their own people's accounts. None is offered in the
 * administration's lists (there are too many): access is given from the structure's page.
 */
@Component
class StructureScopes implements ScopeSource {

    private final JdbcClient jdbc;

    StructureScopes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ScopeType type() {
        return ScopeType.STRUCTURE;
    }

    @Override
    public List<ScopeOption> options() {
        return List.of();
    }

    @Override
    public Optional<ScopeOption> find(String code) {
        return jdbc.sql("select slug, name, region_code, pole_slug from directory.structure where slug = :slug")
                .param("slug", code)
                .query((rs, row) -> new ScopeOption(ScopeType.STRUCTURE, rs.getString("slug"), rs.getString("name"),
                        rs.getString("region_code"), rs.getString("pole_slug")))
                .optional();
    }
}
