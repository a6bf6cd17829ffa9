package org.maillage.observatory;

/**
 * Statistical confidentiality (secret statistique): a count of fewer than {@link #THRESHOLD}
 * people is never shown to someone who may only see aggregates (funders, the public), nor any
 * figure computed from such a count (a rate, an average time), so that nobody can be recognised.
 */
public final class Suppression {

    public static final int THRESHOLD = 5;

    private Suppression() {}

    /** Whether a count of people must be hidden: 1 to 4 (zero says nothing about anyone). */
    public static boolean hides(long people) {
        return people > 0 && people < THRESHOLD;
    }
}
