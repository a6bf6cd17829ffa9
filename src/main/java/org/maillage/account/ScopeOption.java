package org.maillage.account;

/**
 * Something a role can be granted on, as offered by the module that owns it.
 *
 * @param regionCode the region it lies in, or null (platform, national organisation)
 */
public record ScopeOption(ScopeType type, String code, String label, String regionCode) {}
