package org.maillage.account;

/** A pôle, as authorization needs it. */
public record PoleRef(String slug, String regionCode) {}
