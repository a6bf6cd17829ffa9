package org.maillage.cooperation;

/** What came of a match (mise en relation). */
public enum MatchOutcome {
    /** Not known yet. */
    PENDING,
    /** It led to business: a contract, an order (with its amount). */
    BUSINESS,
    /** It led to no business. */
    NO_BUSINESS
}
