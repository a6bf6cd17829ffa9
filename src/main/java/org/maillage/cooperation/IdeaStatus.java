package org.maillage.cooperation;

/** What the pôle did with a territorial need or a dormant idea. */
public enum IdeaStatus {
    /** Recorded, not followed up yet. */
    NEW,
    /** Taken up by a porteur de projet (linked to their project). */
    PORTEUR,
    /** Sent to an opportunity study (révélateur). */
    STUDY,
    /** Kept aside. */
    ARCHIVED
}
