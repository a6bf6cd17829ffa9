package org.maillage.cooperation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.cooperation.IdeaKind;
import org.maillage.cooperation.IdeaStatus;
import org.maillage.cooperation.TerritorialIdeas;
import org.maillage.journey.JourneyViews.Journey;
import org.maillage.journey.Journeys;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.offer.Scheme;
import org.maillage.offer.Schemes;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.maillage.territory.Commune;
import org.maillage.territory.Territories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Territorial needs and dormant ideas, and what the pôle does with them. */
@Service
class IdeaService implements TerritorialIdeas {

    private final JdbcClient jdbc;
    private final CooperationAccess access;
    private final Authorizations authorizations;
    private final Territories territories;
    private final Poles poles;
    private final Journeys journeys;
    private final Schemes schemes;
    private final Clock clock;

    IdeaService(JdbcClient jdbc, CooperationAccess access, Authorizations authorizations, Territories territories,
            Poles poles, Journeys journeys, Schemes schemes, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.authorizations = authorizations;
        this.territories = territories;
        this.poles = poles;
        this.journeys = journeys;
        this.schemes = schemes;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long record(CurrentUser user, NewIdea idea) {
        Set<String> regions = access.regions(user);
        authorizations.check(!regions.isEmpty());
        String title = idea.title() == null ? "" : idea.title().strip();
        if (title.isEmpty() || title.length() > 150) {
            throw new RuleViolationException("cooperation.idea.title.invalid");
        }
        if (ExchangeService.strip(idea.description()).length() > 3000) {
            throw new RuleViolationException("cooperation.idea.description.tooLong");
        }
        if (idea.kind() == null) {
            throw new RuleViolationException("cooperation.idea.kind.blank");
        }
        Commune commune = idea.communeCode() == null ? null : territories.findCommune(idea.communeCode()).orElse(null);
        if (commune == null) {
            throw new RuleViolationException("cooperation.commune.unknown");
        }
        if (!regions.contains(commune.regionCode())) {
            throw new RuleViolationException("cooperation.idea.outsideRegion", commune.name());
        }
        PoleSummary pole = poles.resolve(commune.code()).pole();
        java.sql.Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                insert into cooperation.idea (kind, title, description, commune_code, departement_code, pole_slug,
                    region_code, recorded_by, recorded_by_name, created_at, updated_at)
                values (:kind, :title, :description, :commune, :departement, :pole, :region, :by, :byName, :now, :now)
                returning id
                """).param("kind", idea.kind().name()).param("title", title)
                .param("description", ExchangeService.strip(idea.description())).param("commune", commune.code())
                .param("departement", commune.departementCode()).param("pole", pole == null ? null : pole.slug())
                .param("region", commune.regionCode()).param("by", user.id().value()).param("byName", user.displayName())
                .param("now", now).query(Long.class).single();
    }

    private IdeaView view(ResultSet rs, CurrentUser user) throws SQLException {
        String pole = rs.getString("pole_slug");
        String region = rs.getString("region_code");
        boolean follows = access.follows(user, pole, region);
        boolean recordedByViewer = rs.getLong("recorded_by") == user.id().value();
        boolean animates = pole != null && access.animatedPoles(user).contains(pole);
        return new IdeaView(rs.getLong("id"), IdeaKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("description"), rs.getString("commune_code"), rs.getString("commune_code"), pole, region,
                IdeaStatus.valueOf(rs.getString("status")), animates ? (Long) rs.getObject("project_id", Long.class) : null,
                animates ? rs.getString("project_title") : null, rs.getString("study_scheme_slug"),
                rs.getString("study_scheme_name"), animates ? rs.getString("follow_up_note") : "",
                follows || recordedByViewer ? rs.getString("recorded_by_name") : null,
                rs.getTimestamp("created_at").toInstant(), follows);
    }

    private List<IdeaView> named(List<IdeaView> rows) {
        Map<String, String> names = access.communeNames(rows.stream().map(IdeaView::communeCode).toList());
        return rows.stream().map(v -> new IdeaView(v.id(), v.kind(), v.title(), v.description(), v.communeCode(),
                names.getOrDefault(v.communeCode(), v.communeCode()), v.poleSlug(), v.regionCode(), v.status(),
                v.projectId(), v.projectTitle(), v.studySchemeSlug(), v.studySchemeName(), v.followUpNote(),
                v.recordedBy(), v.createdAt(), v.followable())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<IdeaView> list(CurrentUser user, IdeaStatus status) {
        Set<String> regions = access.regions(user);
        authorizations.check(!regions.isEmpty());
        List<String> where = new ArrayList<>(List.of("region_code in (:regions)"));
        if (status != null) {
            where.add("status = :status");
        }
        return named(jdbc.sql("select * from cooperation.idea where " + String.join(" and ", where)
                        + " order by coalesce(pole_slug in (:followed), false) desc, created_at desc, id desc limit 300")
                .param("regions", List.copyOf(regions)).param("status", status == null ? null : status.name())
                .param("followed", ExchangeService.nonEmpty(access.animatedPoles(user)))
                .query((rs, n) -> view(rs, user)).list());
    }

    @Override
    @Transactional(readOnly = true)
    public IdeaView find(CurrentUser user, long id) {
        IdeaView idea = jdbc.sql("select * from cooperation.idea where id = :id").param("id", id)
                .query((rs, n) -> view(rs, user)).optional()
                .orElseThrow(() -> new NotFoundException("cooperation.idea.unknown", id));
        access.requireNetwork(user, idea.regionCode());
        return named(List.of(idea)).get(0);
    }

    private IdeaView followed(CurrentUser user, long id) {
        IdeaView idea = find(user, id);
        authorizations.check(idea.followable());
        return idea;
    }

    @Override
    @Transactional
    public void linkToProject(CurrentUser user, long id, long projectId, String note) {
        IdeaView idea = followed(user, id);
        Journey journey = journeys.read(user, projectId); // 403 unless the user animates the project's pôle
        if (!journey.poleSlug().equals(idea.poleSlug())) {
            throw new RuleViolationException("cooperation.idea.project.otherPole");
        }
        checkNote(note);
        jdbc.sql("""
                update cooperation.idea set status = 'PORTEUR', project_id = :project, project_title = :title,
                    follow_up_note = :note, updated_at = :now where id = :id
                """).param("project", journey.projectId()).param("title", journey.title())
                .param("note", ExchangeService.strip(note)).param("now", Timestamp.from(clock.instant()))
                .param("id", idea.id()).update();
    }

    @Override
    @Transactional
    public void sendToStudy(CurrentUser user, long id, String schemeSlug, String note) {
        IdeaView idea = followed(user, id);
        Scheme scheme = schemeSlug == null ? null : schemes.find(schemeSlug).orElse(null);
        if (scheme == null) {
            throw new RuleViolationException("cooperation.idea.scheme.unknown");
        }
        checkNote(note);
        jdbc.sql("""
                update cooperation.idea set status = 'STUDY', study_scheme_slug = :scheme, study_scheme_name = :name,
                    follow_up_note = :note, updated_at = :now where id = :id
                """).param("scheme", scheme.slug()).param("name", scheme.name()).param("note", ExchangeService.strip(note))
                .param("now", Timestamp.from(clock.instant())).param("id", idea.id()).update();
    }

    private static void checkNote(String note) {
        if (ExchangeService.strip(note).length() > 1000) {
            throw new RuleViolationException("cooperation.match.note.tooLong");
        }
    }

    @Override
    @Transactional
    public void archive(CurrentUser user, long id, boolean archived) {
        IdeaView idea = followed(user, id);
        jdbc.sql("""
                update cooperation.idea set status = case when :archived then 'ARCHIVED'
                    when project_id is not null then 'PORTEUR' when study_scheme_slug is not null then 'STUDY' else 'NEW' end,
                    updated_at = :now where id = :id
                """).param("archived", archived).param("now", Timestamp.from(clock.instant())).param("id", idea.id())
                .update();
    }
}
