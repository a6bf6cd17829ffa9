package org.maillage.cooperation;

import java.time.Instant;
import java.util.List;
import org.maillage.account.CurrentUser;

/**
 * Territorial needs and dormant ideas ("les idées sont sur les territoires"): anyone in the network
 * records one on a commune; the animators of the commune's pôle link it to a porteur's project or send
 * it to an opportunity study (révélateur). The network of the region reads them; who recorded one and
 * which porteur took it up are seen by the pôle's animators and the region's coordinators only.
 */
public interface TerritorialIdeas {

    /**
     * Records a need or an idea; its id.
     *
     * @throws org.maillage.platform.RuleViolationException for an unknown commune
     */
    long record(CurrentUser user, NewIdea idea);

    record NewIdea(IdeaKind kind, String title, String description, String communeCode) {}

    /** The ideas of the user's regions, newest first (their pôles' first for animators); status null for all. */
    List<IdeaView> list(CurrentUser user, IdeaStatus status);

    IdeaView find(CurrentUser user, long id);

    /**
     * Links an idea to a porteur's project of the idea's pôle (the animator must see the project).
     *
     * @throws org.maillage.platform.RuleViolationException for a project of another pôle
     *
     * @throws org.springframework.security.access.AccessDeniedException for a project the user may not see
     */
    void linkToProject(CurrentUser user, long id, long projectId, String note);

    /**
     * Sends an idea to an opportunity study by a scheme of the catalogue (a révélateur).
     *
     * @throws org.maillage.platform.RuleViolationException for an unknown scheme
     */
    void sendToStudy(CurrentUser user, long id, String schemeSlug, String note);

    /** Keeps an idea aside, or brings it back (NEW). */
    void archive(CurrentUser user, long id, boolean archived);

    /**
     * @param recordedBy who recorded it; null unless the viewer follows its pôle (or recorded it)
     * @param projectId the porteur's project; null unless the viewer animates its pôle
     * @param followUpNote the pôle's note (it may name the porteur); empty unless the viewer animates its pôle
     * @param followable whether the viewer may link it (its pôle's animators, the region's coordinators)
     */
    record IdeaView(long id, IdeaKind kind, String title, String description, String communeCode, String communeName,
            String poleSlug, String regionCode, IdeaStatus status, Long projectId, String projectTitle,
            String studySchemeSlug, String studySchemeName, String followUpNote, String recordedBy, Instant createdAt,
            boolean followable) {}
}
