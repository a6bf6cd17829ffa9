package org.maillage.journey;

/** How the person who fills in the intake describes themself (optional; for the figures only). */
public enum Gender { FEMALE, MALE, OTHER }
