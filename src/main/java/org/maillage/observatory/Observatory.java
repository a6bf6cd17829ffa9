package org.maillage.observatory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.maillage.account.CurrentUser;

/**
 * The observatory's API: the figures of the network computed from the data, by territory and year,
 * for animators (their pôles), coordinators (their region) and funders (their territory, aggregates
 * only); the public panorama; the figures pôles declare; the text of the yearly report.
 */
public interface Observatory {

    /** The territories whose figures the user may see, the widest first; empty for everyone else. */
    List<Area> areasFor(CurrentUser user);

    /**
     * The figures of a territory for a year. Figures about fewer than 5 people are hidden unless the
     * user animates the pôle or coordinates the region.
     *
     * @param areaKey {@code TYPE:code}; null: the first of {@link #areasFor}
     * @param year null: the current year
     * @throws org.maillage.platform.NotFoundException for an unknown territory
     * @throws org.springframework.security.access.AccessDeniedException when the user may not see it
     */
    Dashboard dashboard(CurrentUser user, String areaKey, Integer year);

    /**
     * The network's key figures of a region for a year (null: the current one), for everyone: hidden
     * below 5.
     */
    Dashboard panorama(String regionCode, Integer year);

    /** Whether the user may write the yearly report's text of this territory (its animators, its coordinators). */
    boolean canWriteReport(CurrentUser user, String areaKey);

    /** Saves the yearly report's text (at most 4,000 characters). */
    void saveReportText(CurrentUser user, String areaKey, int year, String text);

    /** The declared figures of a pôle for a year, one per indicator that has a value. */
    Map<DeclaredIndicator, Declaration> declarations(CurrentUser user, String poleSlug, int year);

    /** The pôle's animators declare (or correct) figures; each goes back to SUBMITTED. Null values are removed. */
    void declare(CurrentUser user, String poleSlug, int year, Map<DeclaredIndicator, BigDecimal> values,
            Map<DeclaredIndicator, String> comments);

    /** Declarations waiting for a coordinator of the region, oldest first. */
    List<Declaration> declarationsToReview(CurrentUser user);

    /**
     * A coordinator of the pôle's region validates a declared figure, or refuses it with a reason (500
     * characters at most).
     *
     * @param shownValue the value the coordinator saw: refused when the pôle has changed it since, or when
     *     it was reviewed meanwhile
     */
    void review(CurrentUser user, String poleSlug, int year, DeclaredIndicator indicator, BigDecimal shownValue,
            boolean valid, String note);
}
