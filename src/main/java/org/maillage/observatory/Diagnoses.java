package org.maillage.observatory;

/**
 * The self-diagnoses of good practices of the ESS structures (autodiagnostic, seed 003), as other
 * modules and the observatory's indicators see them: aggregated figures only. A structure's answers
 * and profile stay on its pages, read by its own people, its pôle's animators and its region's
 * coordinators.
 */
public interface Diagnoses {

    /** What the structures of these pôles did with the self-diagnosis in a year (French calendar). */
    DiagnosisFigures figures(java.util.Collection<String> poleSlugs, int year);

    /** What the structures of a pôle did with the self-diagnosis in a year. */
    default DiagnosisFigures figures(String poleSlug, int year) {
        return figures(java.util.List.of(poleSlug), year);
    }

    /**
     * @param finished diagnoses finished by structures of the pôles that year
     * @param structures structures that finished at least one
     * @param supportRequests requests for support the pôle received after a diagnosis
     */
    record DiagnosisFigures(int year, long finished, long structures, long supportRequests) {}
}
