package org.maillage.account;

/** Identifier of a user account. */
public record UserId(long value) {}
