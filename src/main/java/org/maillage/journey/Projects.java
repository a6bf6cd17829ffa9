package org.maillage.journey;

import java.util.List;
import org.maillage.account.CurrentUser;
import org.maillage.offer.ProjectStage;

/** The porteurs' projects, as the orientation compares a new project with them. */
public interface Projects {

    /**
     * Projects close to a new one, in its département: the projects of the viewer's own pôles sharing
     * words with it (French full text, or trigram similarity with their title for typos), and the
     * projects of its sector whoever follows them; the closest first (shared words, then same sector,
     * same pôle, same commune), the most recent first among equals. The title and commune of a
     * project are shown only to the animators of the pôle that follows it, and only their projects
     * are compared word by word; the others see which pôle to ask.
     */
    List<SimilarProject> similar(CurrentUser by, SimilarQuery query);

    /**
     * @param text the project in a few words, or null
     * @param sector a sector code of the directory, or null
     * @param poleSlug the pôle of the project's commune, or null
     */
    record SimilarQuery(String text, String sector, String departementCode, String poleSlug, String communeCode,
            int limit) {}

    /**
     * @param title null when the viewer does not follow it (then {@code communeName} is null too)
     * @param poleSlug the pôle that follows it, or null (the regional coordination)
     * @param year the year it was welcomed
     */
    record SimilarProject(String title, String communeName, String poleSlug, String poleName, ProjectStage stage,
            String sector, boolean collective, String status, int year) {

        public boolean detailed() {
            return title != null;
        }
    }
}
