package org.maillage.network;

/** Identifier of a pôle. */
public record PoleId(long value) {}
