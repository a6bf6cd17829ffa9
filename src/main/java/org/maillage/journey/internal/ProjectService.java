package org.maillage.journey.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.PoleRef;
import org.maillage.journey.Projects;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.offer.ProjectStage;
import org.maillage.platform.SqlStatements;
import org.maillage.territory.Commune;
import org.maillage.territory.Territories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class ProjectService implements Projects {

    private static final String SIMILAR_SQL = SqlStatements.read("journey/similar-projects.sql");

    private final JdbcClient jdbc;
    private final Authorizations authorizations;
    private final Poles poles;
    private final Territories territories;

    ProjectService(JdbcClient jdbc, Authorizations authorizations, Poles poles, Territories territories) {
        this.jdbc = jdbc;
        this.authorizations = authorizations;
        this.poles = poles;
        this.territories = territories;
    }

    private record Row(String title, String communeCode, String poleSlug, ProjectStage stage,
            String sector, boolean collective, String status, int year) {}

    @Override
    public List<SimilarProject> similar(CurrentUser by, SimilarQuery query) {
        String text = query.text() == null || query.text().isBlank() ? null : query.text().strip();
        if (text == null && query.sector() == null) {
            return List.of();
        }
        Map<String, String> poleNames = new java.util.HashMap<>();
        java.util.Set<String> followed = new java.util.HashSet<>(); // the pôles whose projects the viewer sees
        for (PoleSummary pole : poles.list()) {
            poleNames.put(pole.slug(), pole.name());
            if (authorizations.canSeeProjectsOf(by, new PoleRef(pole.slug(), pole.regionCode()))) {
                followed.add(pole.slug());
            }
        }
        SqlStatements.planForEachExecution(jdbc);
        List<Row> rows = jdbc.sql(SIMILAR_SQL).param("followed", followed.toArray(String[]::new))
                .param("text", text).param("departement", query.departementCode()).param("sector", query.sector())
                .param("pole", query.poleSlug()).param("commune", query.communeCode())
                .param("limit", Math.max(1, Math.min(query.limit(), 50)))
                .query((rs, n) -> new Row(rs.getString("title"), rs.getString("commune_code"), rs.getString("pole_slug"),
                        ProjectStage.valueOf(rs.getString("stage")), rs.getString("sector"),
                        rs.getBoolean("collective"), rs.getString("status"), rs.getInt("year")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, String> communeNames = territories.findCommunes(rows.stream().map(Row::communeCode).distinct().toList())
                .stream().collect(Collectors.toMap(Commune::code, Commune::name, (a, b) -> a));
        return rows.stream().map(row -> {
            boolean follows = row.poleSlug() != null && followed.contains(row.poleSlug());
            return new SimilarProject(follows ? row.title() : null, follows ? communeNames.get(row.communeCode()) : null,
                    row.poleSlug(), row.poleSlug() == null ? null : poleNames.getOrDefault(row.poleSlug(), row.poleSlug()),
                    row.stage(), row.sector(), row.collective(), row.status(), row.year());
        }).toList();
    }
}
