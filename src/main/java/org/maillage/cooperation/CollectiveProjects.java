package org.maillage.cooperation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.maillage.account.CurrentUser;

/**
 * Collective projects between structures (a filière such as éco-construction, or a transversal project
 * such as collective organic catering): participants, steps, documents, status and the schemes that
 * support them. The pôle's animators, the region's coordinators and the people of the lead structure
 * keep them; the network of the region reads them.
 */
public interface CollectiveProjects {

    List<ProjectSummary> list(CurrentUser user, String poleSlug);

    record ProjectSummary(String slug, String title, CollectiveProjectKind kind, CollectiveProjectTheme theme,
            CollectiveProjectStatus status, String poleSlug, int participants, int stepsDone, int steps) {}

    /** @throws org.springframework.security.access.AccessDeniedException outside the network of its region */
    ProjectView find(CurrentUser user, String slug);

    /** Starts a collective project of a pôle with its lead structure; its slug. */
    String create(CurrentUser user, NewProject project);

    void update(CurrentUser user, String slug, NewProject project, CollectiveProjectStatus status);

    /** @param leadStructureSlug the chef de file, or null (the pôle leads it) */
    record NewProject(String poleSlug, String title, String description, CollectiveProjectKind kind,
            CollectiveProjectTheme theme, String leadStructureSlug) {}

    /** Adds a structure, or makes it lead too; a lead stays lead until it is removed. */
    void addParticipant(CurrentUser user, String slug, String structureSlug, boolean lead);

    void removeParticipant(CurrentUser user, String slug, String structureSlug);

    void addStep(CurrentUser user, String slug, String title, LocalDate dueOn);

    /** Marks a step done today (true) or not done (false). */
    void markStep(CurrentUser user, String slug, long stepId, boolean done);

    void removeStep(CurrentUser user, String slug, long stepId);

    /**
     * Keeps a document of the project (PDF, office documents, images; at most the configured size).
     *
     * @throws org.maillage.platform.RuleViolationException for an empty, too big or unaccepted file
     */
    long addDocument(CurrentUser user, String slug, String fileName, String contentType, byte[] content);

    /** A document, for the network of the project's region; empty when there is none. */
    Optional<Document> document(CurrentUser user, String slug, long documentId);

    void removeDocument(CurrentUser user, String slug, long documentId);

    /** Records a scheme of the catalogue that supports the project (or forgets it). */
    void support(CurrentUser user, String slug, String schemeSlug, boolean supports);

    record ProjectView(String slug, String title, String description, CollectiveProjectKind kind,
            CollectiveProjectTheme theme, CollectiveProjectStatus status, String poleSlug, String regionCode,
            List<Participant> participants, List<Step> steps, List<DocumentInfo> documents,
            List<SupportingScheme> schemes, Instant updatedAt, boolean manageable) {}

    record Participant(String structureSlug, String structureName, boolean lead) {}

    record Step(long id, String title, LocalDate dueOn, LocalDate doneOn) {}

    record DocumentInfo(long id, String fileName, String contentType, int sizeBytes, Instant uploadedAt) {}

    record Document(String fileName, String contentType, byte[] content) {}

    record SupportingScheme(String slug, String name) {}
}
