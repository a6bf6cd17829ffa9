package org.maillage.journey;

/** The age band of the person who fills in the intake (optional; for the figures only). */
public enum AgeBand { UNDER_26, FROM_26_TO_35, FROM_36_TO_50, FROM_51_TO_65, OVER_65 }
