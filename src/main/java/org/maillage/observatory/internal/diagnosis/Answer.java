package org.maillage.observatory.internal.diagnosis;

import java.util.Optional;

/**
 * Where a structure stands on a practice: four levels scored 0 to 3, or "Ne s'applique pas", which is
 * left out of the score (neither points nor maximum).
 */
public enum Answer {
    NOT_YET(0),
    THINKING(1),
    PARTLY(2),
    FULLY(3),
    NOT_APPLICABLE(-1);

    /** The points of the highest level. */
    public static final int MAX_POINTS = 3;

    private final int points;

    Answer(int points) {
        this.points = points;
    }

    /** Whether the answer counts in the score. */
    public boolean applicable() {
        return this != NOT_APPLICABLE;
    }

    /** 0 to 3; only for an applicable answer. */
    public int points() {
        if (!applicable()) {
            throw new IllegalStateException("« Ne s'applique pas » has no points");
        }
        return points;
    }

    /** Whether the practice still has room for progress: applicable and below "Pleinement". */
    public boolean belowFully() {
        return applicable() && this != FULLY;
    }

    /** The answer a form sent, by name; empty for anything else (left unanswered). */
    public static Optional<Answer> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Answer answer : values()) {
            if (answer.name().equals(value.strip())) {
                return Optional.of(answer);
            }
        }
        return Optional.empty();
    }
}
