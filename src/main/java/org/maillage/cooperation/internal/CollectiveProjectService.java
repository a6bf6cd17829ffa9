package org.maillage.cooperation.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.cooperation.CollectiveProjectKind;
import org.maillage.cooperation.CollectiveProjectStatus;
import org.maillage.cooperation.CollectiveProjectTheme;
import org.maillage.cooperation.CollectiveProjects;
import org.maillage.directory.Directory.StructureView;
import org.maillage.network.PoleSummary;
import org.maillage.offer.Scheme;
import org.maillage.offer.Schemes;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.maillage.platform.Slugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Collective projects between structures, their participants, steps, documents and supporting schemes. */
@Service
class CollectiveProjectService implements CollectiveProjects {

    /** The documents a project keeps, by extension, with the type they are served with. */
    static final Map<String, String> DOCUMENT_TYPES = Map.ofEntries(Map.entry("pdf", "application/pdf"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("odp", "application/vnd.oasis.opendocument.presentation"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"));

    private final JdbcClient jdbc;
    private final CooperationAccess access;
    private final Authorizations authorizations;
    private final Schemes schemes;
    private final CooperationProperties properties;
    private final Clock clock;

    CollectiveProjectService(JdbcClient jdbc, CooperationAccess access, Authorizations authorizations, Schemes schemes,
            CooperationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.authorizations = authorizations;
        this.schemes = schemes;
        this.properties = properties;
        this.clock = clock;
    }

    private record Row(long id, String slug, String poleSlug, String regionCode) {}

    private Row row(String slug) {
        return jdbc.sql("select id, slug, pole_slug, region_code from cooperation.collective_project where slug = :slug")
                .param("slug", slug).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))).optional()
                .orElseThrow(() -> new NotFoundException("cooperation.project.unknown", slug));
    }

    /** Whether the user keeps the project: its pôle's animators, the region's coordinators, the lead structures' people. */
    private boolean manages(CurrentUser user, Row row) {
        if (access.follows(user, row.poleSlug(), row.regionCode())) {
            return true;
        }
        Set<String> own = access.ownStructures(user);
        return !own.isEmpty() && jdbc.sql("""
                select count(*) from cooperation.project_participant
                where project_id = :id and lead and structure_slug in (:own)
                """).param("id", row.id()).param("own", List.copyOf(own)).query(Long.class).single() > 0;
    }

    private Row managed(CurrentUser user, String slug) {
        Row row = row(slug);
        access.requireNetwork(user, row.regionCode());
        authorizations.check(manages(user, row));
        return row;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProjectSummary> list(CurrentUser user, String poleSlug) {
        Set<String> regions = access.regions(user);
        authorizations.check(!regions.isEmpty());
        return jdbc.sql("""
                select p.*, (select count(*) from cooperation.project_participant pp where pp.project_id = p.id) as participants,
                    (select count(*) from cooperation.project_step s where s.project_id = p.id and s.done_on is not null) as done,
                    (select count(*) from cooperation.project_step s where s.project_id = p.id) as steps
                from cooperation.collective_project p where p.region_code in (:regions)
                """ + (poleSlug == null ? "" : " and p.pole_slug = :pole") + """
                 order by coalesce(p.pole_slug in (:followed), false) desc, p.status = 'STOPPED', p.updated_at desc
                limit 300
                """).param("regions", List.copyOf(regions)).param("pole", poleSlug)
                .param("followed", ExchangeService.nonEmpty(access.animatedPoles(user)))
                .query((rs, n) -> new ProjectSummary(rs.getString("slug"), rs.getString("title"),
                        CollectiveProjectKind.valueOf(rs.getString("kind")),
                        CollectiveProjectTheme.valueOf(rs.getString("theme")),
                        CollectiveProjectStatus.valueOf(rs.getString("status")), rs.getString("pole_slug"),
                        rs.getInt("participants"), rs.getInt("done"), rs.getInt("steps"))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public ProjectView find(CurrentUser user, String slug) {
        Row row = row(slug);
        access.requireNetwork(user, row.regionCode());
        boolean manageable = manages(user, row);
        List<Participant> participants = jdbc.sql("""
                select structure_slug, structure_name, lead from cooperation.project_participant
                where project_id = :id order by lead desc, structure_name""").param("id", row.id())
                .query((rs, n) -> new Participant(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
        List<Step> steps = jdbc.sql("""
                select id, title, due_on, done_on from cooperation.project_step where project_id = :id
                order by due_on nulls last, id""").param("id", row.id())
                .query((rs, n) -> new Step(rs.getLong(1), rs.getString(2), date(rs, 3), date(rs, 4))).list();
        List<DocumentInfo> documents = jdbc.sql("""
                select id, file_name, content_type, size_bytes, uploaded_at from cooperation.project_document
                where project_id = :id order by uploaded_at desc, id desc""").param("id", row.id())
                .query((rs, n) -> new DocumentInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant())).list();
        List<SupportingScheme> supporting = jdbc.sql("""
                select scheme_slug, scheme_name from cooperation.project_scheme where project_id = :id order by scheme_name
                """).param("id", row.id()).query((rs, n) -> new SupportingScheme(rs.getString(1), rs.getString(2))).list();
        return jdbc.sql("select * from cooperation.collective_project where id = :id").param("id", row.id())
                .query((rs, n) -> new ProjectView(rs.getString("slug"), rs.getString("title"), rs.getString("description"),
                        CollectiveProjectKind.valueOf(rs.getString("kind")),
                        CollectiveProjectTheme.valueOf(rs.getString("theme")),
                        CollectiveProjectStatus.valueOf(rs.getString("status")), rs.getString("pole_slug"),
                        rs.getString("region_code"), participants, steps, documents, supporting,
                        rs.getTimestamp("updated_at").toInstant(), manageable)).single();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    @Override
    @Transactional
    public String create(CurrentUser user, NewProject project) {
        StructureView lead = project.leadStructureSlug() == null ? null : access.actingFor(user, project.leadStructureSlug());
        PoleSummary pole = access.poleNamed(project.poleSlug());
        boolean follows = access.follows(user, pole.slug(), pole.regionCode());
        authorizations.check(follows || (lead != null && access.ownStructures(user).contains(lead.slug())
                && pole.regionCode().equals(lead.regionCode())));
        if (!follows && !access.member(lead.slug())) {
            throw new RuleViolationException("cooperation.listing.notMember", lead.name());
        }
        String title = checked(project);
        String base = Slugs.of(title, 80, "projet-collectif");
        String slug = base;
        for (int n = 2; jdbc.sql("select count(*) from cooperation.collective_project where slug = :slug")
                .param("slug", slug).query(Long.class).single() > 0; n++) {
            slug = base + "-" + n;
        }
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                insert into cooperation.collective_project (slug, title, description, kind, theme, status, pole_slug,
                    region_code, created_by, created_at, updated_at)
                values (:slug, :title, :description, :kind, :theme, 'EMERGENCE', :pole, :region, :by, :now, :now)
                returning id
                """).param("slug", slug).param("title", title).param("description", ExchangeService.strip(project.description()))
                .param("kind", project.kind().name()).param("theme", project.theme().name()).param("pole", pole.slug())
                .param("region", pole.regionCode()).param("by", user.id().value()).param("now", now)
                .query(Long.class).single();
        if (lead != null) {
            jdbc.sql("""
                    insert into cooperation.project_participant (project_id, structure_slug, structure_name, lead)
                    values (:id, :slug, :name, true)""").param("id", id).param("slug", lead.slug())
                    .param("name", lead.name()).update();
        }
        return slug;
    }

    private static String checked(NewProject project) {
        String title = project.title() == null ? "" : project.title().strip();
        if (title.isEmpty() || title.length() > 150) {
            throw new RuleViolationException("cooperation.project.title.invalid");
        }
        if (ExchangeService.strip(project.description()).length() > 5000) {
            throw new RuleViolationException("cooperation.project.description.tooLong");
        }
        if (project.kind() == null || project.theme() == null) {
            throw new RuleViolationException("cooperation.project.theme.blank");
        }
        if (project.theme().kind() != null && project.theme().kind() != project.kind()) {
            throw new RuleViolationException("cooperation.project.theme.otherKind");
        }
        return title;
    }

    @Override
    @Transactional
    public void update(CurrentUser user, String slug, NewProject project, CollectiveProjectStatus status) {
        Row row = managed(user, slug);
        String title = checked(project);
        if (status == null) {
            throw new RuleViolationException("cooperation.project.status.blank");
        }
        jdbc.sql("""
                update cooperation.collective_project set title = :title, description = :description, kind = :kind,
                    theme = :theme, status = :status, updated_at = :now where id = :id
                """).param("title", title).param("description", ExchangeService.strip(project.description()))
                .param("kind", project.kind().name()).param("theme", project.theme().name()).param("status", status.name())
                .param("now", Timestamp.from(clock.instant())).param("id", row.id()).update();
    }

    @Override
    @Transactional
    public void addParticipant(CurrentUser user, String slug, String structureSlug, boolean lead) {
        Row row = managed(user, slug);
        StructureView structure = access.actingFor(user, structureSlug);
        jdbc.sql("""
                insert into cooperation.project_participant (project_id, structure_slug, structure_name, lead)
                values (:id, :slug, :name, :lead)
                on conflict (project_id, structure_slug) do update set lead = cooperation.project_participant.lead or excluded.lead
                """).param("id", row.id()).param("slug", structure.slug()).param("name", structure.name())
                .param("lead", lead).update();
        touch(row);
    }

    @Override
    @Transactional
    public void removeParticipant(CurrentUser user, String slug, String structureSlug) {
        Row row = managed(user, slug);
        jdbc.sql("delete from cooperation.project_participant where project_id = :id and structure_slug = :slug")
                .param("id", row.id()).param("slug", structureSlug).update();
        touch(row);
    }

    @Override
    @Transactional
    public void addStep(CurrentUser user, String slug, String title, LocalDate dueOn) {
        Row row = managed(user, slug);
        String text = title == null ? "" : title.strip();
        if (text.isEmpty() || text.length() > 200) {
            throw new RuleViolationException("cooperation.project.step.invalid");
        }
        jdbc.sql("insert into cooperation.project_step (project_id, title, due_on) values (:id, :title, :due)")
                .param("id", row.id()).param("title", text).param("due", dueOn == null ? null : Date.valueOf(dueOn))
                .update();
        touch(row);
    }

    @Override
    @Transactional
    public void markStep(CurrentUser user, String slug, long stepId, boolean done) {
        Row row = managed(user, slug);
        jdbc.sql("update cooperation.project_step set done_on = :done where id = :step and project_id = :id")
                .param("done", done ? Date.valueOf(LocalDate.now(clock.withZone(ExchangeService.PARIS))) : null)
                .param("step", stepId).param("id", row.id()).update();
        touch(row);
    }

    @Override
    @Transactional
    public void removeStep(CurrentUser user, String slug, long stepId) {
        Row row = managed(user, slug);
        jdbc.sql("delete from cooperation.project_step where id = :step and project_id = :id").param("step", stepId)
                .param("id", row.id()).update();
        touch(row);
    }

    @Override
    @Transactional
    public long addDocument(CurrentUser user, String slug, String fileName, String contentType, byte[] content) {
        Row row = managed(user, slug);
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/]", "_").replaceAll("\\p{Cntrl}", "").strip();
        if (content == null || content.length == 0 || name.isEmpty()) {
            throw new RuleViolationException("cooperation.project.document.empty");
        }
        if (content.length > properties.documentMaxSize().toBytes()) {
            throw new RuleViolationException("cooperation.project.document.tooBig",
                    properties.documentMaxSize().toMegabytes());
        }
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = DOCUMENT_TYPES.get(extension);
        if (type == null) {
            throw new RuleViolationException("cooperation.project.document.type");
        }
        if (name.length() > 200) {
            name = name.substring(0, 190) + "." + extension;
        }
        long id = jdbc.sql("""
                insert into cooperation.project_document (project_id, file_name, content_type, size_bytes, content,
                    uploaded_by, uploaded_at)
                values (:id, :name, :type, :size, :content, :by, :now) returning id
                """).param("id", row.id()).param("name", name).param("type", type).param("size", content.length)
                .param("content", content).param("by", user.id().value()).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        touch(row);
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Document> document(CurrentUser user, String slug, long documentId) {
        Row row = row(slug);
        access.requireNetwork(user, row.regionCode());
        return jdbc.sql("""
                select file_name, content_type, content from cooperation.project_document
                where id = :document and project_id = :id""").param("document", documentId).param("id", row.id())
                .query((rs, n) -> new Document(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    @Override
    @Transactional
    public void removeDocument(CurrentUser user, String slug, long documentId) {
        Row row = managed(user, slug);
        jdbc.sql("delete from cooperation.project_document where id = :document and project_id = :id")
                .param("document", documentId).param("id", row.id()).update();
        touch(row);
    }

    @Override
    @Transactional
    public void support(CurrentUser user, String slug, String schemeSlug, boolean supports) {
        Row row = managed(user, slug);
        if (!supports) {
            jdbc.sql("delete from cooperation.project_scheme where project_id = :id and scheme_slug = :scheme")
                    .param("id", row.id()).param("scheme", schemeSlug).update();
            touch(row);
            return;
        }
        Scheme scheme = schemeSlug == null ? null : schemes.find(schemeSlug).orElse(null);
        if (scheme == null) {
            throw new RuleViolationException("cooperation.idea.scheme.unknown");
        }
        jdbc.sql("""
                insert into cooperation.project_scheme (project_id, scheme_slug, scheme_name) values (:id, :slug, :name)
                on conflict do nothing""").param("id", row.id()).param("slug", scheme.slug())
                .param("name", scheme.name()).update();
        touch(row);
    }

    private void touch(Row row) {
        jdbc.sql("update cooperation.collective_project set updated_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", row.id()).update();
    }
}
