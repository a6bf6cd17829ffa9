package org.maillage.account;

/** What a role is granted on. Codes belong to the module that owns the thing. */
public enum ScopeType {
    /** The person themself (porteur). Code: their user id. */
    SELF,
    /** A pôle. Code: its slug (network module). */
    POLE,
    /** An operator organisation. Code: its slug (offer module). */
    ORGANISATION,
    /** A région. Code: INSEE code (territory module). */
    REGION,
    /** A département. Code: INSEE code. */
    DEPARTEMENT,
    /** An EPCI. Code: SIREN. */
    EPCI,
    /** An ESS structure of the directory. Code: its slug (directory module). */
    STRUCTURE,
    /** The whole platform. Code: "*". */
    PLATFORM
}
