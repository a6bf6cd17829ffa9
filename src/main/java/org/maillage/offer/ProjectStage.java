package org.maillage.offer;

/** The stage of a project's life (Trajectoir'ESS's path). */
public enum ProjectStage {
    /** Idée: an idea to explore. */
    IDEE,
    /** Projet: the idea becomes a project (study, model, team). */
    PROJET,
    /** Création: the activity is being created. */
    CREATION,
    /** Développement: an existing structure grows or changes. */
    DEVELOPPEMENT
}
