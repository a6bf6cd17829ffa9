package org.maillage.journey;

/**
 * What came of an intake.
 *
 * @param projectId the request, or null for a robot's (nothing is kept)
 * @param poleName the pôle it was sent to, or null (the regional coordination)
 * @param coordinationName the regional coordination, when no pôle covers the commune
 */
public record Intake(Long projectId, String poleName, String coordinationName) implements java.io.Serializable {}
