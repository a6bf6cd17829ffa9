package org.maillage.cooperation;

/** A collective project on a filière (sector chain) or a transversal one. */
public enum CollectiveProjectKind {
    FILIERE, TRANSVERSAL
}
