package org.maillage.agenda;

/** Where a registration stands: a place, the waiting list, or given back. */
public enum RegistrationStatus { CONFIRMED, WAITING, CANCELLED }
