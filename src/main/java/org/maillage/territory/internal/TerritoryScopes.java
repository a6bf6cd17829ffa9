package org.maillage.territory.internal;

import java.util.List;
import org.maillage.account.ScopeOption;
import org.maillage.account.ScopeSource;
import org.maillage.account.ScopeType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Régions, départements and EPCI as scopes (coordinators' region, funders' territory). EPCI are those
 * of the home region (with their members elsewhere): a funder elsewhere gets the département or région.
 */
@Configuration(proxyBeanMethods = false)
class TerritoryScopes {

    private record Source(ScopeType type, JdbcClient jdbc, String sql, String homeRegion) implements ScopeSource {

        @Override
        public List<ScopeOption> options() {
            return jdbc.sql(sql).param("home", homeRegion).query((rs, row) -> new ScopeOption(type, rs.getString("code"), rs.getString("label"),
                    rs.getString("region_code"))).list();
        }
    }

    @Bean
    ScopeSource regionScopes(JdbcClient jdbc, TerritoryProperties properties) {
        return new Source(ScopeType.REGION, jdbc,
                "select code, name as label, code as region_code from territory.region order by public.search_key(name)",
                properties.homeRegion());
    }

    @Bean
    ScopeSource departementScopes(JdbcClient jdbc, TerritoryProperties properties) {
        return new Source(ScopeType.DEPARTEMENT, jdbc, """
                select code, name || ' (' || code || ')' as label, region_code from territory.departement order by code
                """, properties.homeRegion());
    }

    @Bean
    ScopeSource epciScopes(JdbcClient jdbc, TerritoryProperties properties) {
        return new Source(ScopeType.EPCI, jdbc, """
                select e.code, e.name as label, :home as region_code
                from territory.epci e
                where exists (select 1 from territory.commune c where c.epci_code = e.code and c.region_code = :home)
                order by public.search_key(e.name)
                """, properties.homeRegion());
    }
}
