package org.maillage.cooperation;

/** What structures pool (mutualisent). */
public enum PoolingKind {
    /** Emploi partagé: one job, its hours split between structures. */
    SHARED_JOB,
    /** Locaux partagés. */
    PREMISES,
    /** Matériel partagé. */
    EQUIPMENT
}
