package org.maillage.platform;

/**
 * One count of the observatory, as a module computes it from its own tables.
 *
 * @param pole the pôle's slug; "" for rows of no pôle (the regional coordination)
 * @param departement the département's code; "" when the module does not know it
 * @param month 1–12, or 0 when counted by year
 * @param key what is counted (a stage, a scheme, a funder…), "" when nothing; null values become ""
 * @param detail a second key (a referral's answer, a funding kind), "" when none
 * @param count how many (people, projects, referrals, structures)
 * @param sum a total that goes with it (days, jobs, employees, euros), 0 when none
 */
public record Tally(String pole, String departement, int year, int month, String key, String detail, long count,
        double sum) {

    public Tally {
        pole = pole == null ? "" : pole;
        departement = departement == null ? "" : departement;
        key = key == null ? "" : key;
        detail = detail == null ? "" : detail;
    }
}
